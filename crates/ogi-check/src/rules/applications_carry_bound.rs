//! `applications.carry_bound` (error): for each column c,
//!
//! 四、结转下年度继续办理(c) ≤ 一、本年新收(c) + 二、上年结转(c)
//!
//! — no more applications can be carried forward than were on hand. It
//! follows from `applications.balance` and non-negativity; a not-assessable
//! bound is not reported when the balance of its column already is.

use ogi_model::schema::row;
use ogi_model::{ColumnId, Decimal, Report};

use crate::identity::{Identity, Relation};
use crate::message::Message;
use crate::rule::Rule;

/// One bound per column, when the report has the table.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    Identity::per_column(
        report,
        Rule::ApplicationsCarryBound,
        &[row::NEW_RECEIVED, row::CARRIED_OVER],
        &[row::CARRIED_FORWARD],
        row::CARRIED_FORWARD,
        Relation::AtMost,
        message,
    )
}

/// The finding: `Message::CarryBound` for the column.
fn message(column: ColumnId, expected: Decimal, actual: Decimal) -> Message {
    Message::CarryBound {
        column,
        expected,
        actual,
    }
}
