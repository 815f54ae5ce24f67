//! `applications.carry_bound` (error): for each column c,
//!
//! 四、结转下年度继续办理(c) ≤ 一、本年新收(c) + 二、上年结转(c)
//!
//! — no more applications can be carried forward than were on hand. It
//! follows from `applications.balance` and non-negativity; a not-assessable
//! bound is not reported when the balance of its column already is.

use ogi_model::{Address, Report, Table, schema};

use crate::diagnostic::Rule;
use crate::identity::{Identity, Relation};
use crate::message::Scope;

/// One bound per column, when the report has the table.
pub(crate) fn identities(report: &Report) -> Vec<Identity> {
    if report.applications.is_none() {
        return Vec::new();
    }
    schema::APPLICANT_COLUMNS
        .iter()
        .map(|c| {
            let a = |row| Address::new(Table::Applications, row, c.id);
            Identity {
                rule: Rule::ApplicationsCarryBound,
                scope: Scope::Column(c.id),
                total: a("carried_forward"),
                expected: vec![a("new_received"), a("carried_over")],
                actual: vec![a("carried_forward")],
                relation: Relation::AtMost,
            }
        })
        .collect()
}
