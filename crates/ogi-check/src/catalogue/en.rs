//! The English catalogue, with the vocabulary ids.

use std::fmt::Write as _;

use super::{
    cell_name, format_date, join, kind_text, kinds_summary, rules_text, scope_text, squeeze,
    template_text,
};
use ogi_model::schema;
use ogi_parse::DiagnosticKind;

use crate::message::{DeadlineBasis, Message, Note};
use crate::rule::Lang;
use crate::value::{Fix, Value};

pub(super) fn message(m: &Message) -> String {
    let e = Lang::En;
    match m {
        Message::Balance {
            column,
            expected,
            actual,
        } => format!(
            "column `{column}`: new plus carried-over applications (一 + 二 = {expected}) do not equal （七）总计 plus carried forward (三 + 四 = {actual})"
        ),
        Message::OutcomeSum {
            column,
            expected,
            actual,
        } => format!(
            "column `{column}`: the outcome rows （一）–（六） add up to {expected}, but （七）总计 is {actual}"
        ),
        Message::RowTotal {
            row,
            expected,
            actual,
        } => format!(
            "row `{row}`: the six applicant columns add up to {expected}, but 总计 is {actual}"
        ),
        Message::CarryBound {
            column,
            expected,
            actual,
        } => format!(
            "column `{column}`: {actual} applications carried forward, more than the {expected} new and carried-over ones"
        ),
        Message::AppealsTotal {
            row,
            expected,
            actual,
        } => format!(
            "`{row}`: upheld + corrected + other + pending = {expected}, but 总计 is {actual}"
        ),
        Message::NotInteger { cell, value } => {
            format!("{cell} is a count but holds {value}, not a whole number")
        }
        Message::Negative { cell, value } => format!("{cell} is negative ({value})"),
        Message::NotAssessable { rule, scope, cells } => format!(
            "{rule} cannot be evaluated for {}: {}",
            scope_text(*scope, e),
            join(
                cells
                    .iter()
                    .map(|(a, k)| format!("{a} is {}", kind_text(*k, e))),
                e
            )
        ),
        Message::NotAssessableIn {
            rule,
            scopes,
            cells,
        } => format!(
            "{rule} cannot be evaluated in {} places ({}): {} operands are not numbers ({})",
            scopes.len(),
            join(scopes.iter().map(|s| scope_text(*s, e)), e),
            cells.len(),
            kinds_summary(cells, e)
        ),
        Message::PlacementUncertain {
            table,
            row,
            expected,
            found,
            identities,
        } => format!(
            "row `{table}/{row}` has {found} cells where the format has {expected}, so the column of each is uncertain: {} fail only with its cells placed from the left and are not assessed",
            join(
                identities
                    .iter()
                    .map(|(r, s)| format!("{r} for {}", scope_text(*s, e))),
                e
            )
        ),
        Message::HoldsAssumingZero { rule, scope, cells } => format!(
            "{rule} holds for {} only if the empty cells are read as 0 ({})",
            scope_text(*scope, e),
            join(cells.iter().map(ToString::to_string), e)
        ),
        Message::TableMismatch {
            phrase,
            table,
            rows,
        } => format!(
            "the narrative says “{}”, but the table's {} add up to {table}",
            squeeze(phrase),
            rows.iter()
                .map(|(t, r)| format!("`{t}/{r}`"))
                .collect::<Vec<_>>()
                .join(" + ")
        ),
        Message::NotAllUpheld { phrase, cells } => format!(
            "the narrative says “{}”, but the table has cases not upheld: {}",
            squeeze(phrase),
            cells
                .iter()
                .map(|(c, v)| format!("`{c}` = {v}"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Message::TemplateMismatch {
            year,
            template,
            expected,
        } => format!(
            "a {year} report should use the tables of {}, but its tables follow {}",
            template_text(*expected, e),
            template_text(*template, e)
        ),
        Message::Period { year, start, end } => format!(
            "the statistical period is {} to {}, not {year}-01-01 to {year}-12-31",
            format_date(*start, e),
            format_date(*end, e)
        ),
        Message::PublishedBeforeYearEnd { year, published } => format!(
            "the printed date {} is on or before the end of the report year ({year}-12-31)",
            format_date(*published, e)
        ),
        Message::Deadline {
            published,
            deadline,
            ..
        } => format!(
            "the printed date {} is after the deadline {}",
            format_date(*published, e),
            format_date(*deadline, e)
        ),
        Message::CarryOver {
            column,
            year,
            carried_over,
            previous,
        } => format!(
            "column `{column}`: {carried_over} applications carried over from last year, but the {} report carried {previous} forward",
            year - 1
        ),
        Message::InForce {
            row,
            year,
            expected,
            actual,
            previous,
            issued,
            repealed,
        } => format!(
            "`{row}`: {actual} in force, but {} had {previous}, plus {issued} issued minus {repealed} repealed makes {expected}",
            year - 1
        ),
        Message::Observed(kind) => observed(kind),
    }
}

/// What the parser observed ([`DiagnosticKind`]), worded once for every rule
/// that reports it.
fn observed(kind: &DiagnosticKind) -> String {
    match kind {
        DiagnosticKind::RowLength {
            table,
            row,
            expected,
            found,
        } => format!("row `{table}/{row}` has {found} cells where the format has {expected}"),
        DiagnosticKind::MissingRow { table, row } => format!("row `{table}/{row}` was not found"),
        DiagnosticKind::AmbiguousSplit {
            table,
            row,
            run,
            readings,
        } => format!(
            "row `{table}/{row}`: the digits `{run}` split into cells in {readings} ways that the table's arithmetic cannot tell apart"
        ),
        DiagnosticKind::Unsplittable { table, row, run } => format!(
            "row `{table}/{row}`: the digits `{run}` split into no row consistent with the table"
        ),
        DiagnosticKind::Unplaced {
            table,
            row,
            expected,
            found,
        } => format!(
            "{}: {found} values for {expected} cells in text without separators, where blank cells leave no trace: which cell holds which value is unknown",
            row.map_or(format!("table `{table}`"), |row| format!(
                "row `{table}/{row}`"
            ))
        ),
        DiagnosticKind::UnreadRow { table, row } => format!(
            "row `{table}/{row}`: its label is printed but its cells could not be read; they are unknown"
        ),
        DiagnosticKind::UnreadableValue {
            address: cell,
            text,
        } => {
            format!("{cell}: `{text}` cannot be read as a value")
        }
        DiagnosticKind::Reordered { table } => format!(
            "table `{table}`: cells printed out of order were put back in the order its totals allow"
        ),
        DiagnosticKind::MissingSection { section } => {
            let heading = usize::from(*section)
                .checked_sub(1)
                .and_then(|i| schema::SECTION_HEADINGS.get(i))
                .copied()
                .unwrap_or("");
            format!("section {section} ({heading}) is missing")
        }
        DiagnosticKind::MissingTable { table } => {
            format!("table `{table}` is missing or unreadable")
        }
        DiagnosticKind::UnknownRow {
            table,
            label,
            values,
        } => format!(
            "table `{table}`: row `{label}` matches no row of the format (values: {})",
            values.join(" ")
        ),
        // The parser's enum is open (`#[non_exhaustive]`): an observation
        // this checker does not know is shown as the parser names it.
        other => format!("{other:?}"),
    }
}

pub(super) fn note(n: &Note) -> String {
    let e = Lang::En;
    match n {
        Note::AlsoBreaks { rule, message } => {
            format!("the same cell also breaks {rule}: {}", message.text(e))
        }
        Note::Explains { cell, value, rules } => {
            format!("with {cell} = {value}, {} all hold", rules_text(rules, e))
        }
        Note::SameCause { rule, cell } => match cell {
            Some(cell) => format!("same cause as {rule}: {cell}"),
            None => format!("same cause as {rule}"),
        },
        Note::AssumedZero { cells } => {
            let list = join(cells.iter().map(|a| cell_name(*a, e)), e);
            format!("empty cells read as 0 ({list}); the result holds only under that assumption")
        }
        Note::Corroborated { cell, rule } => {
            format!("{cell} agrees with {rule}, so one of the parts is more likely wrong")
        }
        Note::ShortRow { table, row } => format!(
            "the missing cells come from the short row `{table}/{row}` (see cells.row_length)"
        ),
        Note::CannotAssess { rule, scope } => {
            let where_ = scope_text(*scope, e);
            format!("so {rule} cannot be evaluated for {where_}")
        }
        Note::EarlierYear { year } => format!(
            "the printed year {year} precedes the report year: the signature may be copied from an older report"
        ),
        Note::Basis { basis, agency } => {
            let mut s = basis_text(*basis).to_owned();
            if let Some(agency) = agency {
                let _ = write!(s, "; inferred from the agency name “{agency}”");
            }
            s
        }
        Note::PreviousReport { index, year } => {
            format!("compared with report #{} ({year})", index + 1)
        }
    }
}

pub(super) fn basis_text(basis: DeadlineBasis) -> &'static str {
    match basis {
        DeadlineBasis::Department => {
            "a department's report is due by 31 January of the next year (Regulations art. 49 ¶1)"
        }
        DeadlineBasis::Government => {
            "a county-level or higher people's government's report is due by 31 March of the next year (art. 49 ¶2)"
        }
        DeadlineBasis::Township => {
            "township and sub-district deadlines come from local rules; 31 January is assumed"
        }
        DeadlineBasis::Before2019 => {
            "reports for 2018 and earlier were due by 31 March (old art. 31)"
        }
        DeadlineBasis::Configured => "the deadline was configured",
    }
}

pub(super) fn fix(fix: &Fix) -> String {
    match &fix.value {
        Value::Date(d) => format!(
            "the date was probably meant to be {}",
            format_date(*d, Lang::En)
        ),
        v => format!(
            "{} should be {v} ({})",
            fix.target,
            cell_name(fix.target, Lang::Zh)
        ),
    }
}
