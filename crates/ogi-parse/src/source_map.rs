//! Where each part of the model was read from.

// A fast hasher: keys are addresses made of static ids, not input.
use rustc_hash::FxHashMap as HashMap;

use ogi_model::{Address, Span, Table};

/// Maps cell addresses, rows, tables, sections and metadata fields to the
/// byte spans of the source text they were read from.
///
/// Kept beside the model rather than in it, so that the JSON contract has no
/// positions in it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceMap {
    pub(crate) cells: HashMap<Address, Span>,
    pub(crate) rows: HashMap<(Table, &'static str), Span>,
    pub(crate) tables: HashMap<Table, Span>,
    pub(crate) sections: [Option<Span>; 6],
    pub(crate) meta: HashMap<&'static str, Span>,
}

impl SourceMap {
    /// The span of the text a cell was read from. A `Missing` cell has no
    /// span of its own; see [`SourceMap::row`].
    pub fn cell(&self, address: Address) -> Option<Span> {
        if address.table == Table::Meta {
            return self.meta.get(address.row).copied();
        }
        self.cells.get(&address).copied()
    }

    /// The span of a cell, else of its row, else of its table.
    pub fn locate(&self, address: Address) -> Option<Span> {
        self.cell(address)
            .or_else(|| self.row(address.table, address.row))
            .or_else(|| self.table(address.table))
    }

    /// The span of a table row (its label and values).
    pub fn row(&self, table: Table, row: &str) -> Option<Span> {
        self.rows
            .iter()
            .find(|((t, r), _)| *t == table && *r == row)
            .map(|(_, s)| *s)
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
    pub fn meta(&self, field: &str) -> Option<Span> {
        self.meta.get(field).copied()
    }

    /// Every cell span, in no particular order.
    pub fn cells(&self) -> impl Iterator<Item = (Address, Span)> + '_ {
        self.cells.iter().map(|(a, s)| (*a, *s))
    }
}
