//! `appeals.total` (error): for each row group of
//! 四、政府信息公开行政复议、行政诉讼情况 (行政复议, 未经复议直接起诉, 复议后起诉),
//!
//! 结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计

use ogi_model::schema::{self, column};
use ogi_model::{Address, Decimal, Report, RowId, Table};

use crate::identity::{Identity, Relation, Target};
use crate::message::Message;
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
                target: Target::Row(Table::Appeals, r.id, message),
                total: a(column::TOTAL),
                expected: [
                    column::UPHELD,
                    column::CORRECTED,
                    column::OTHER,
                    column::PENDING,
                ]
                .into_iter()
                .map(a)
                .collect(),
                actual: vec![a(column::TOTAL)],
                relation: Relation::Equal,
            }
        })
        .collect()
}

/// The finding: `Message::AppealsTotal` for the row.
fn message(row: RowId, expected: Decimal, actual: Decimal) -> Message {
    Message::AppealsTotal {
        row,
        expected,
        actual,
    }
}
