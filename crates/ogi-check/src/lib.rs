//! Checks a parsed 政府信息公开工作年度报告 against the identities of the
//! official format and reports what is inconsistent, with where and why.
//!
//! ```
//! use ogi_check::{Checker, Lang, RenderStyle, Rule};
//!
//! let text = "某局2021年政府信息公开工作年度报告\n四、政府信息公开行政复议、行政诉讼情况\n\
//!             10 1 0 0 0 0 0 0 0 0 0 0 0 0 0\n";
//! let parsed = ogi_parse::parse(text).unwrap();
//! let diagnostics = Checker::new().check(&parsed);
//! let total = diagnostics.iter().find(|d| d.rule == Rule::AppealsTotal).unwrap();
//! assert_eq!(total.cells[0].to_string(), "appeals/review/total");
//! assert_eq!(
//!     total.message(Lang::Zh),
//!     "“行政复议”：结果维持、结果纠正、其他结果、尚未审结之和（11）不等于总计（0）"
//! );
//! let shown = ogi_check::render(total, text, "report.txt", Lang::En, RenderStyle::Plain);
//! assert!(shown.starts_with("error[appeals.total]"));
//! ```
//!
//! # Pipeline
//!
//! The input is an [`ogi_parse::Parsed`]: the typed report, its source map
//! and the parser's diagnostics. The checker never re-reads the text.
//!
//! 1. What the parser observed becomes findings: short rows
//!    (`cells.row_length`), missing sections and tables, unknown rows,
//!    unreadable cells (`cells.unreadable`: digits that split several ways or
//!    none, a row without separators printed short), reordered cells
//!    (`cells.reordered`). A missing heading is an error only when what it
//!    heads is missing too; otherwise a warning (converters lose headings).
//! 2. Cell domains: `cells.integer`, `cells.non_negative`.
//! 3. The identities of sections 三 and 四 are instantiated per column or row
//!    and evaluated together (module `identity`). An identity with an
//!    empty, not-applicable, missing or unknown operand is never evaluated
//!    as if that cell were 0: it yields one `cells.not_assessable` (info) per
//!    rule and column/row, naming the cells. With
//!    [`EmptyCells::AsZero`], empty cells (only those) count as 0 and the
//!    findings say the result holds only under that assumption. No error
//!    rests on a guess: an identity that fails only with a short row's
//!    cells where the parser placed them (from the left, a guess it marks
//!    [`ogi_parse::Read::ShortRow`]) and would hold with them elsewhere is
//!    not assessed, and one `cells.not_assessable` per short row says so.
//! 4. Cause analysis: when one cell alone explains several broken identities
//!    (one value of it repairs all of them and breaks none that holds), the
//!    finding is told once. See below.
//! 5. Structure and dates: `structure.template_mismatch`, `dates.period`,
//!    `dates.published_before_year_end`, `dates.deadline`.
//! 6. [`Checker::check_series`] adds the cross-year rules between
//!    consecutive reports of one agency.
//!
//! Findings come out as plain [`Diagnostic`]s; [`render`] draws one over the
//! report's lines (rustc style, with annotate-snippets), [`Diagnostic::message`],
//! [`Diagnostic::notes`] and [`Diagnostic::fix_text`] give the texts in Chinese
//! (the default, with the official labels) or English, and
//! [`Diagnostic::record`] the one JSON form (`schema/check.schema.json`).
//!
//! # Modules, from the bottom up
//!
//! Each module imports only those below it:
//!
//! - `rule` (rule ids, severities, languages), `value` (values, fixes) and
//!   `source` ([`SourceText`]: a report's lines, indexed once);
//! - `message`: what a finding says, as data ([`Message`], [`Note`]);
//! - `catalogue`: every text, one file per language (`zh.rs`, `en.rs`);
//! - `diagnostic`: a finding ([`Diagnostic`]);
//! - `config`: what every rule takes (the options, the report: `Ctx`);
//! - `identity`: the evaluation of identities, the cause analysis;
//! - `rules`: one module per rule, and the registry that runs them;
//! - `checker` ([`Checker`]) and `render` at the top; `wire` ([`Record`]),
//!   the one JSON form of a diagnostic, beside `diagnostic`.
//!
//! A new rule touches its own module under `rules/`, its line in the rule
//! list of `rule.rs` (id and severity), its line in the registry
//! (`rules/mod.rs`), its row in the table below (a test holds the table to
//! `Rule::ALL`), and its message: a variant in `message.rs` and one text
//! in each catalogue file. An identity names its own message constructor,
//! so it cannot be worded as another rule's.
//!
//! # One broken cell, one finding
//!
//! A wrong （七）总计 cell breaks `applications.balance` and
//! `applications.outcome_sum` in its column. Every broken identity keeps its
//! own diagnostic, so that machine consumers (JSON, the gold scorer, which
//! matches rule id and cells) see each rule id; but the diagnostics share
//! the cause:
//!
//! - the *lead* (the first rule in vocabulary order) has that cell as its
//!   primary cell, a [`Fix`] ("（七）总计“自然人”应为 1"), and notes listing
//!   the other identities the cell breaks and that the value repairs them all;
//! - every other one is a *follow-up*: [`Diagnostic::explained_by`] names the
//!   lead's rule and the cell. [`render_all`] (and any human-facing output)
//!   skips follow-ups, so a reader sees one finding.
//!
//! The same mechanism folds a missing table into its missing section.
//!
//! # Rules
//!
//! | rule id | severity | module |
//! |---|---|---|
//! | `applications.balance` | error | `rules::applications_balance` |
//! | `applications.outcome_sum` | error | `rules::applications_outcome_sum` |
//! | `applications.row_total` | error | `rules::applications_row_total` |
//! | `applications.carry_bound` | error | `rules::applications_carry_bound` |
//! | `appeals.total` | error | `rules::appeals_total` |
//! | `cells.integer` | error | `rules::cells_integer` |
//! | `cells.non_negative` | error | `rules::cells_non_negative` |
//! | `cells.row_length` | error | `rules::cells_row_length` |
//! | `cells.not_assessable` | info | module `identity` and the series rules |
//! | `cells.unreadable` | info | `rules::cells_unreadable` (extension of the vocabulary) |
//! | `cells.reordered` | info | `rules::cells_reordered` (extension of the vocabulary) |
//! | `structure.missing_section` | error (warning when what it heads was read) | `rules::structure_missing_section` |
//! | `structure.missing_table` | error | `rules::structure_missing_table` |
//! | `structure.unknown_row` | warning | `rules::structure_unknown_row` |
//! | `structure.template_mismatch` | warning | `rules::structure_template_mismatch` |
//! | `dates.period` | error | `rules::dates_period` |
//! | `dates.published_before_year_end` | error | `rules::dates_published_before_year_end` |
//! | `dates.deadline` | warning | `rules::dates_deadline` |
//! | `text.table_mismatch` | warning | `rules::text_table_mismatch` |
//! | `series.carry_over` | warning | `rules::series_carry_over` |
//! | `series.in_force` | warning | `rules::series_in_force` |
//!
//! `cells.unreadable` and `cells.reordered` extend the vocabulary: they turn
//! the parser's `AmbiguousSplit`/`Unsplittable`/`Unplaced`/`UnreadRow`/`UnreadableValue`
//! and `Reordered` observations into infos. `text.table_mismatch` (warning,
//! `rules::text_table_mismatch`) compares the counts the parser read from
//! the narrative with the tables.

#![forbid(unsafe_code)]
// Unit tests may unwrap, expect, panic, index and slice (the workspace's
// no-panic lints are for code that reads input).
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

// The modules from the bottom up; each imports only those above it.
mod catalogue;
mod checker;
mod config;
mod diagnostic;
mod identity;
mod message;
mod render;
mod rule;
mod rules;
mod source;
mod value;
mod wire;

pub use checker::{Checker, CheckerBuilder};
pub use config::{DeadlineKind, EmptyCells};
pub use diagnostic::{Diagnostic, Explanation};
pub use message::{DeadlineBasis, Message, Note, Scope};
pub use render::{MAX_DISTANCE, MAX_SECONDARY, RenderStyle, render, render_all, render_in};
pub use rule::{Lang, Rule, Severity, UnknownRule};
pub use source::SourceText;
pub use value::{Fix, Value};
pub use wire::Record;

#[cfg(test)]
pub(crate) mod tests {
    //! Helpers for the unit tests.

    use crate::{Checker, Diagnostic, Rule};

    /// The Laizhou 2020 report carried by the crate.
    pub(crate) fn laizhou() -> String {
        include_str!("../../ogi-testkit/fixtures/laizhou-2020.txt").to_owned()
    }

    /// A corpus text, when `../shared/corpus` exists.
    pub(crate) fn corpus_text(name: &str) -> Option<String> {
        let dir = ogi_testkit::fixtures::corpus()?;
        std::fs::read_to_string(dir.join("text").join(name)).ok()
    }

    /// Parses and checks with the default checker.
    pub(crate) fn check_text(text: &str) -> Vec<Diagnostic> {
        let parsed = ogi_parse::parse(text).expect("parses");
        Checker::new().check(&parsed)
    }

    /// The rule ids of diagnostics.
    pub(crate) fn rules_of(d: &[Diagnostic]) -> Vec<Rule> {
        d.iter().map(|d| d.rule).collect()
    }
}
