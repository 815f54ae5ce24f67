//! `applications.outcome_sum` (error): for each column c,
//!
//! （七）总计(c) = （一）(c) + （二）(c) + Σ（三）1–8(c) + Σ（四）1–3(c) + Σ（五）1–5(c)
//!                + （六）(c) [2019: one row; 2021: Σ（六）1–3]
//!
//! （七） is the total of the outcomes, and the note on （二） requires each
//! application to be counted under exactly one outcome.

use ogi_model::schema::row;
use ogi_model::{ColumnId, Decimal, Report, RowId};

use crate::identity::{Identity, Relation};
use crate::message::Message;
use crate::rule::Rule;

/// One identity per column, when the report has the table.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    let Some(apps) = &report.applications else {
        return Vec::new();
    };
    let outcomes: Vec<RowId> = apps.outcome_rows().iter().map(|(id, _)| *id).collect();
    Identity::per_column(
        report,
        Rule::ApplicationsOutcomeSum,
        &outcomes,
        &[row::TOTAL],
        row::TOTAL,
        Relation::Equal,
        message,
    )
}

/// The finding: `Message::OutcomeSum` for the column.
fn message(column: ColumnId, expected: Decimal, actual: Decimal) -> Message {
    Message::OutcomeSum {
        column,
        expected,
        actual,
    }
}
