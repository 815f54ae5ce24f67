//! What the parser could not read cleanly, with where.

use std::fmt;

use ogi_model::{Address, RowId, Span, Table};

/// Something in the source that could not be read as the format defines it.
///
/// The parser only observes; `ogi-check` turns these into findings with rule
/// ids and severities.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParseDiagnostic {
    /// What was observed.
    pub kind: DiagnosticKind,
    /// Where in the source.
    pub span: Span,
}

/// The kinds of [`ParseDiagnostic`].
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DiagnosticKind {
    /// A table row has fewer (or more) cells than the format defines; the
    /// cells it lacks are `Missing`.
    RowLength {
        /// The table.
        table: Table,
        /// The row id.
        row: RowId,
        /// Cells the format defines.
        expected: usize,
        /// Cells found in the source.
        found: usize,
    },
    /// A row of the format was not found; its cells are `Missing`.
    MissingRow {
        /// The table.
        table: Table,
        /// The row id.
        row: RowId,
    },
    /// A row whose label matches no row of the format. Its values are kept here.
    UnknownRow {
        /// The table it was found in.
        table: Table,
        /// Its label as printed (may be empty).
        label: String,
        /// Its values as printed.
        values: Vec<String>,
    },
    /// A numeric table of the format was not found.
    MissingTable {
        /// The table.
        table: Table,
    },
    /// A section heading (一 … 六) was not found.
    MissingSection {
        /// 1 to 6.
        section: u8,
    },
    /// Digits run together split into the row's cells in several ways that
    /// the table's arithmetic cannot tell apart; the undecided cells are `Unknown`.
    AmbiguousSplit {
        /// The table.
        table: Table,
        /// The row id.
        row: RowId,
        /// The digits as printed.
        run: String,
        /// How many readings remain.
        readings: usize,
    },
    /// Digits run together that split into the row's cells in no way
    /// consistent with the table; the cells are `Unknown`.
    Unsplittable {
        /// The table.
        table: Table,
        /// The row id.
        row: RowId,
        /// The digits as printed.
        run: String,
    },
    /// Cells printed out of order were put back in the only order the
    /// table's totals allow.
    Reordered {
        /// The table.
        table: Table,
    },
    /// A row of text without fields (space-aligned, one value per line)
    /// printed fewer values than the row has cells, and nothing shows
    /// which cells are the blank ones: the row's cells are `Unknown`.
    Unplaced {
        /// The table.
        table: Table,
        /// The row id; `None` for the whole table (section 四 printed as
        /// one row of values).
        row: Option<RowId>,
        /// Cells the format defines.
        expected: usize,
        /// Values printed.
        found: usize,
    },
    /// A row whose label is printed in the table but whose cells could not
    /// be read (its values lost in text run together, say): its cells are
    /// `Unknown`, not missing.
    UnreadRow {
        /// The table.
        table: Table,
        /// The row id.
        row: RowId,
    },
    /// A cell's text could not be read as a value.
    UnreadableValue {
        /// The cell.
        address: Address,
        /// The text.
        text: String,
    },
}

impl fmt::Display for DiagnosticKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::RowLength {
                table,
                row,
                expected,
                found,
            } => {
                write!(
                    f,
                    "{table}/{row}: {found} cells where the format has {expected}"
                )
            }
            Self::MissingRow { table, row } => write!(f, "{table}/{row}: row not found"),
            Self::UnknownRow {
                table,
                label,
                values,
            } => {
                write!(
                    f,
                    "{table}: row `{label}` matches no row of the format (values {})",
                    values.join(" ")
                )
            }
            Self::MissingTable { table } => write!(f, "table `{table}` not found"),
            Self::MissingSection { section } => write!(f, "section {section} not found"),
            Self::AmbiguousSplit {
                table,
                row,
                run,
                readings,
            } => {
                write!(
                    f,
                    "{table}/{row}: `{run}` splits into cells in {readings} ways"
                )
            }
            Self::Unsplittable { table, row, run } => {
                write!(f, "{table}/{row}: `{run}` splits into no consistent row")
            }
            Self::Reordered { table } => {
                write!(f, "{table}: cells printed out of order were reordered")
            }
            Self::Unplaced {
                table,
                row,
                expected,
                found,
            } => {
                match row {
                    Some(row) => write!(f, "{table}/{row}: ")?,
                    None => write!(f, "{table}: ")?,
                }
                write!(
                    f,
                    "{found} values for {expected} cells, and nothing shows which cells are blank"
                )
            }
            Self::UnreadRow { table, row } => {
                write!(
                    f,
                    "{table}/{row}: the row's label is printed, its cells could not be read"
                )
            }
            Self::UnreadableValue { address, text } => {
                write!(f, "{address}: `{text}` is not a value")
            }
        }
    }
}
