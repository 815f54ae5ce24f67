//! `applications.row_total` (error): for every row r of
//! 三、收到和处理政府信息公开申请情况,
//!
//! 总计(r) = 自然人(r) + 商业企业(r) + 科研机构(r) + 社会公益组织(r) + 法律服务机构(r) + 其他(r)
//!
//! — 总计 is the sibling of the applicant categories in the header.

use ogi_model::schema::column;
use ogi_model::{Address, ApplicantCounts, Decimal, Report, RowId, Table};

use crate::identity::{Identity, Relation, Target};
use crate::message::Message;
use crate::rule::Rule;

/// One identity per row, when the report has the table.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    let Some(apps) = &report.applications else {
        return Vec::new();
    };
    apps.rows()
        .iter()
        .map(|(row, _)| {
            let total = Address::new(Table::Applications, *row, column::TOTAL);
            Identity {
                rule: Rule::ApplicationsRowTotal,
                target: Target::Row(Table::Applications, *row, message),
                total,
                expected: ApplicantCounts::APPLICANTS
                    .iter()
                    .map(|c| Address::new(Table::Applications, *row, *c))
                    .collect(),
                actual: vec![total],
                relation: Relation::Equal,
            }
        })
        .collect()
}

/// The finding: `Message::RowTotal` for the row.
fn message(row: RowId, expected: Decimal, actual: Decimal) -> Message {
    Message::RowTotal {
        row,
        expected,
        actual,
    }
}
