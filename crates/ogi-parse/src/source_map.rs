//! Where each part of the model was read from.

// A fast hasher: keys are addresses made of static ids, not input.
use rustc_hash::FxHashMap as HashMap;

use ogi_model::{Address, RowId, Span, Table};

/// How a cell's value was read from the source: the evidence behind it.
///
/// A cell read from a token of its own is as certain as the text; a cell cut
/// from digits run together is as certain as the arithmetic that decided the
/// cut. Exports carry it as `read` (its [`Read::as_str`]); the checker never
/// raises an error that rests on a cell whose reading [`Read::is_doubtful`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Read {
    /// Its own delimited token: a field between separators, a table cell,
    /// or a number set apart by whitespace.
    Token,
    /// Its own token, in a row with fewer cells than the format defines:
    /// the row's cells were placed from the left, so the column of this
    /// one is not certain.
    ShortRow,
    /// Cut from digits run together, in the only way the row's own
    /// arithmetic allows (总计 = the applicant columns; each 总计 of
    /// section 四 = its results), or in the only way at all.
    Split,
    /// Cut from digits run together that split several ways within the
    /// row; the table's column identities (the outcome rows sum to （七）总计;
    /// 一 + 二 = （七） + 四) left one.
    Table,
    /// Cut from digits run together that neither the row nor the table
    /// decide; a count stated in the report's own text
    /// (`本年度制发规范性文件12件`) left one reading.
    Narrative,
    /// Digits run together that split in several ways (or none) that
    /// nothing decides: the cell is `unknown`.
    Undecided,
    /// Its own token, printed out of order and put back in the only order
    /// the table's totals allow.
    Reordered,
    /// A value of a row printed short in text without fields (space-aligned,
    /// one value per line), placed by nothing: blank cells leave no trace
    /// in such text, so which cell holds which value is not known and every
    /// cell of the row is `unknown`.
    Unplaced,
}

impl Read {
    /// Every kind of reading, in the order of the documentation.
    pub const ALL: [Self; 8] = [
        Self::Token,
        Self::ShortRow,
        Self::Split,
        Self::Table,
        Self::Narrative,
        Self::Undecided,
        Self::Reordered,
        Self::Unplaced,
    ];

    /// The id in exports: `token`, `short_row`, `split`, `table`,
    /// `narrative`, `undecided`, `reordered`, `unplaced`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Token => "token",
            Self::ShortRow => "short_row",
            Self::Split => "split",
            Self::Table => "table",
            Self::Narrative => "narrative",
            Self::Undecided => "undecided",
            Self::Reordered => "reordered",
            Self::Unplaced => "unplaced",
        }
    }

    /// Whether the cell was read from a token of its own (`token`,
    /// `short_row`, `reordered`), as opposed to cut from digits run
    /// together.
    pub const fn own_token(self) -> bool {
        matches!(self, Self::Token | Self::ShortRow | Self::Reordered)
    }

    /// Whether the reader itself doubts the value's place: a cell of a short
    /// row (its column is a guess) or one that could not be decided or
    /// placed.
    pub const fn is_doubtful(self) -> bool {
        matches!(self, Self::ShortRow | Self::Undecided | Self::Unplaced)
    }
}

impl std::fmt::Display for Read {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Maps cell addresses, rows, tables, sections and metadata fields to the
/// byte spans of the source text they were read from.
///
/// Kept beside the model rather than in it, so that the JSON contract has no
/// positions in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    pub(crate) cells: HashMap<Address, Span>,
    pub(crate) reads: HashMap<Address, Read>,
    pub(crate) rows: HashMap<(Table, RowId), Span>,
    pub(crate) tables: HashMap<Table, Span>,
    pub(crate) sections: [Option<Span>; 6],
    pub(crate) meta: HashMap<RowId, Span>,
}

impl SourceMap {
    /// The span of the text a cell was read from. A `Missing` cell has no
    /// span of its own; see [`SourceMap::row`].
    pub fn cell(&self, address: Address) -> Option<Span> {
        if address.table == Table::Meta {
            return self.meta.get(&address.row).copied();
        }
        self.cells.get(&address).copied()
    }

    /// How a cell was read ([`Read`]); `None` for a cell not read from the
    /// source (a missing one) and for metadata.
    pub fn read(&self, address: Address) -> Option<Read> {
        self.reads.get(&address).copied()
    }

    /// Every cell's reading, in no particular order.
    pub fn reads(&self) -> impl Iterator<Item = (Address, Read)> + '_ {
        self.reads.iter().map(|(a, r)| (*a, *r))
    }

    /// The span of a cell, else of its row, else of its table.
    pub fn locate(&self, address: Address) -> Option<Span> {
        self.cell(address)
            .or_else(|| self.row(address.table, address.row))
            .or_else(|| self.table(address.table))
    }

    /// The span of a table row (its label and values).
    pub fn row(&self, table: Table, row: RowId) -> Option<Span> {
        self.rows.get(&(table, row)).copied()
    }

    /// The span of a table.
    pub fn table(&self, table: Table) -> Option<Span> {
        self.tables.get(&table).copied()
    }

    /// The span of section heading `n` (1 = 一、总体情况 … 6 = 六、其他需要报告的事项).
    pub fn section(&self, n: usize) -> Option<Span> {
        self.sections.get(n.checked_sub(1)?).copied().flatten()
    }

    /// The span a metadata field was read from (`published`, `period_start`, …).
    pub fn meta(&self, field: RowId) -> Option<Span> {
        self.meta.get(&field).copied()
    }

    /// Every cell span, in no particular order.
    pub fn cells(&self) -> impl Iterator<Item = (Address, Span)> + '_ {
        self.cells.iter().map(|(a, s)| (*a, *s))
    }
}
