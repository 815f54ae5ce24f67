//! `appeals.total` (error): for each row group of
//! 四、政府信息公开行政复议、行政诉讼情况 (行政复议, 未经复议直接起诉, 复议后起诉),
//!
//! 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计

use ogi_model::{Address, Decimal, Report, Table, schema};

use crate::identity::{Identity, Relation};
use crate::message::{Message, Scope};
use crate::rule::Rule;

/// One identity per row group, when the report has the table.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    if report.appeals.is_none() {
        return Vec::new();
    }
    schema::APPEAL_ROWS
        .iter()
        .map(|r| {
            let a = |col| Address::new(Table::Appeals, r.id, col);
            Identity {
                rule: Rule::AppealsTotal,
                scope: Scope::Row(Table::Appeals, r.id),
                total: a("total"),
                expected: ["upheld", "corrected", "other", "pending"]
                    .into_iter()
                    .map(a)
                    .collect(),
                actual: vec![a("total")],
                relation: Relation::Equal,
                message,
            }
        })
        .collect()
}

/// The finding: `Message::AppealsTotal` for the row.
fn message(scope: Scope, expected: Decimal, actual: Decimal) -> Message {
    Message::AppealsTotal {
        row: scope.id(),
        expected,
        actual,
    }
}
