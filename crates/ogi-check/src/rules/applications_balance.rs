//! `applications.balance` (error): for each of the 7 columns c of
//! 三、收到和处理政府信息公开申请情况,
//!
//! 一、本年新收(c) + 二、上年结转(c) = （七）总计(c) + 四、结转下年度继续办理(c)
//!
//! — the footnote of the table, "第一项加第二项之和，等于第三项加第四项之和".

use ogi_model::schema::row;
use ogi_model::{ColumnId, Decimal, Report};

use crate::identity::{Identity, Relation};
use crate::message::Message;
use crate::rule::Rule;

/// One identity per column, when the report has the table.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    Identity::per_column(
        report,
        Rule::ApplicationsBalance,
        &[row::NEW_RECEIVED, row::CARRIED_OVER],
        &[row::TOTAL, row::CARRIED_FORWARD],
        row::TOTAL,
        Relation::Equal,
        message,
    )
}

/// The finding: `Message::Balance` for the column.
fn message(column: ColumnId, expected: Decimal, actual: Decimal) -> Message {
    Message::Balance {
        column,
        expected,
        actual,
    }
}
