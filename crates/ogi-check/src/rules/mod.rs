//! The rules, one module each. Every module's doc comment states its rule.

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::identity;
use crate::rule::Rule;

pub(crate) mod appeals_total;
pub(crate) mod applications_balance;
pub(crate) mod applications_carry_bound;
pub(crate) mod applications_outcome_sum;
pub(crate) mod applications_row_total;
pub(crate) mod cells_integer;
pub(crate) mod cells_non_negative;
pub(crate) mod cells_reordered;
pub(crate) mod cells_row_length;
pub(crate) mod cells_unreadable;
pub(crate) mod dates_deadline;
pub(crate) mod dates_period;
pub(crate) mod dates_published_before_year_end;
pub(crate) mod observed;
pub(crate) mod series;
pub(crate) mod series_carry_over;
pub(crate) mod series_in_force;
pub(crate) mod structure_missing_section;
pub(crate) mod structure_missing_table;
pub(crate) mod structure_template_mismatch;
pub(crate) mod structure_unknown_row;
pub(crate) mod text_table_mismatch;

/// Runs every enabled single-report rule.
pub(crate) fn run(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let on = |r: Rule| ctx.config.enabled(r);
    // What the parser observed, in one pass.
    observed::check(ctx, out);
    // Cell domains.
    if on(Rule::CellsInteger) {
        cells_integer::check(ctx, out);
    }
    if on(Rule::CellsNonNegative) {
        cells_non_negative::check(ctx, out);
    }
    // The identities, evaluated together so that one wrong cell breaking
    // several of them is reported once.
    let report = &ctx.parsed.report;
    let mut identities = Vec::new();
    if on(Rule::ApplicationsBalance) {
        identities.extend(applications_balance::identities(report));
    }
    if on(Rule::ApplicationsOutcomeSum) {
        identities.extend(applications_outcome_sum::identities(report));
    }
    if on(Rule::ApplicationsRowTotal) {
        identities.extend(applications_row_total::identities(report));
    }
    if on(Rule::ApplicationsCarryBound) {
        identities.extend(applications_carry_bound::identities(report));
    }
    if on(Rule::AppealsTotal) {
        identities.extend(appeals_total::identities(report));
    }
    identity::check(ctx, identities, out);
    // Structure and dates.
    if on(Rule::TextTableMismatch) {
        text_table_mismatch::check(ctx, out);
    }
    if on(Rule::StructureTemplateMismatch) {
        structure_template_mismatch::check(ctx, out);
    }
    if on(Rule::DatesPeriod) {
        dates_period::check(ctx, out);
    }
    if on(Rule::DatesPublishedBeforeYearEnd) {
        dates_published_before_year_end::check(ctx, out);
    }
    if on(Rule::DatesDeadline) {
        dates_deadline::check(ctx, out);
    }
    if on(Rule::CellsRowLength) && on(Rule::CellsNotAssessable) {
        cells_row_length::fold(out);
    }
    identity::group_not_assessable(out);
}
