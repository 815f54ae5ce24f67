//! How many ways a row's digits, run together, split into its cells.
//!
//! The rules a reader can rely on (see [`super::Layout::carries`]): a sign
//! opens a cell (and only the signed 本年增/减 column has one), a fraction and
//! a unit stay with the digits before them (only money columns have them),
//! no cell has a leading zero, a cell has at most 12 digits, and the row's own
//! identity holds.

use ogi_model::schema::column;
use ogi_model::{Address, Cell, Decimal, Table};

use super::PrintedRow;

struct Chunk {
    negative: Option<bool>,
    int: Vec<u8>,
    frac: String,
    unit: bool,
}

/// The chunks of a run: a new one at a sign or after a fraction or unit.
fn chunks(run: &str) -> Vec<Chunk> {
    let mut out: Vec<Chunk> = Vec::new();
    let mut frac_mode = false;
    let new = |negative| Chunk {
        negative,
        int: Vec::new(),
        frac: String::new(),
        unit: false,
    };
    for c in run.chars() {
        let closed = out.last().is_none_or(|k| k.unit);
        match c {
            '+' | '-' => {
                out.push(new(Some(c == '-')));
                frac_mode = false;
            }
            '0'..='9' => {
                if closed || (frac_mode && out.last().is_some_and(|k| k.unit)) {
                    out.push(new(None));
                    frac_mode = false;
                }
                if let Some(k) = out.last_mut() {
                    if frac_mode {
                        k.frac.push(c);
                    } else {
                        k.int.push(c as u8);
                    }
                }
            }
            '.' => frac_mode = true,
            '元' => {
                if let Some(k) = out.last_mut() {
                    k.unit = true;
                }
                frac_mode = false;
            }
            _ => {}
        }
    }
    out
}

/// The number of readings of a printed row's written cells, counted up to 2.
pub(super) fn readings(row: &PrintedRow, printed: &[(Address, Cell)]) -> usize {
    let mut run = String::new();
    for (a, c) in printed {
        let Some(n) = c.number() else { return 0 };
        if a.column == column::CHANGE && n.value > Decimal::ZERO {
            run.push('+');
        }
        run.push_str(&n.value.to_string());
        if n.unit.is_some() {
            run.push('元');
        }
    }
    let chunks = chunks(&run);
    let columns: Vec<Address> = printed.iter().map(|(a, _)| *a).collect();
    let mut st = State {
        chunks: &chunks,
        columns: &columns,
        table: row.table,
        cells: Vec::new(),
        found: 0,
    };
    st.dfs(0, 0);
    st.found
}

struct State<'a> {
    chunks: &'a [Chunk],
    columns: &'a [Address],
    table: Table,
    cells: Vec<Decimal>,
    found: usize,
}

impl State<'_> {
    fn dfs(&mut self, ci: usize, pos: usize) {
        if self.found >= 2 {
            return;
        }
        let Some(chunk) = self.chunks.get(ci) else {
            if self.cells.len() == self.columns.len() && self.accept() {
                self.found += 1;
            }
            return;
        };
        let col = self.cells.len();
        let Some(address) = self.columns.get(col) else {
            return;
        };
        let rest = &chunk.int[pos..];
        for len in 1..=rest.len().min(12) {
            let piece = &rest[..len];
            if len > 1 && piece[0] == b'0' {
                break;
            }
            let last = len == rest.len();
            let signed = pos == 0 && chunk.negative.is_some();
            if signed && address.column != column::CHANGE {
                return;
            }
            let decimal = last && (!chunk.frac.is_empty() || chunk.unit);
            if decimal && address.column != column::AMOUNT {
                continue;
            }
            let mut text = String::new();
            if pos == 0 && chunk.negative == Some(true) {
                text.push('-');
            }
            text.push_str(std::str::from_utf8(piece).unwrap_or("0"));
            if last && !chunk.frac.is_empty() {
                text.push('.');
                text.push_str(&chunk.frac);
            }
            let Ok(v) = text.parse::<Decimal>() else {
                continue;
            };
            self.cells.push(v);
            if last {
                self.dfs(ci + 1, 0);
            } else {
                self.dfs(ci, pos + len);
            }
            self.cells.pop();
        }
    }

    /// The row's own identity.
    fn accept(&self) -> bool {
        let sums = |range: std::ops::Range<usize>, total: usize| {
            let s = self.cells[range]
                .iter()
                .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b));
            s.is_some() && s == self.cells.get(total).copied()
        };
        match self.table {
            Table::Applications => sums(0..6, 6),
            Table::Appeals => (0..self.cells.len() / 5).all(|g| sums(g * 5..g * 5 + 4, g * 5 + 4)),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ogi_model::schema::row;

    fn apps(values: [i64; 7]) -> usize {
        let cols = ogi_model::ApplicantCounts::COLUMNS;
        let cells: Vec<(Address, Cell)> = cols
            .iter()
            .zip(values)
            .map(|(c, v)| {
                (
                    Address::new(Table::Applications, row::GRANTED, *c),
                    Cell::int(v),
                )
            })
            .collect();
        let row = PrintedRow {
            table: Table::Applications,
            cells: cells.clone(),
        };
        readings(&row, &cells)
    }

    #[test]
    fn rows_split_by_their_total() {
        assert_eq!(apps([1, 0, 0, 0, 0, 0, 1]), 1);
        assert_eq!(apps([23, 0, 0, 0, 0, 0, 23]), 1);
        // `270020130`: 2|7|0|0|20|1|30 and 27|0|0|2|0|1|30 both keep the total.
        assert_eq!(apps([2, 7, 0, 0, 20, 1, 30]), 2);
    }

    #[test]
    fn signs_open_cells_in_the_change_column() {
        let row = ogi_model::ItemCounts::COLUMNS;
        let cells: Vec<(Address, Cell)> = row
            .iter()
            .zip([35, -1, 5])
            .map(|(c, v)| {
                (
                    Address::new(Table::Active, row::LICENSING, *c),
                    Cell::int(v),
                )
            })
            .collect();
        let printed = PrintedRow {
            table: Table::Active,
            cells: cells.clone(),
        };
        // `35-15`: 35|-1|5 and 3|5|-15 (a sign outside 本年增/减) — one reading.
        assert_eq!(readings(&printed, &cells), 1);
    }
}
