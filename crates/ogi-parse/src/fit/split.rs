//! Splitting digits run together (`230 000023`) into a row's cells.
//!
//! Whitespace in the run is a forced cell boundary, a sign opens a cell, a
//! fraction and a unit stay with the digits before them, and no cell has a
//! leading zero (`023` is 0 and 23). Every reading is enumerated depth-first
//! under a node budget and a per-cell digit limit, so a long run costs a
//! bounded amount of work and yields "too ambiguous" rather than a guess.

use ogi_model::{Cell, Decimal, Number, Unit};

/// The most digits one cell may have.
const MAX_CELL_DIGITS: usize = 12;
/// The most search nodes one split may visit.
const NODE_BUDGET: usize = 50_000;
/// The most readings kept.
const MAX_READINGS: usize = 64;

/// The outcome of a split.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Split {
    /// Every reading the constraints accept (possibly none).
    Readings(Vec<Reading>),
    /// More readings, or more work, than the bounds allow.
    TooAmbiguous,
}

/// One way to cut a run into a row's cells: the numbers, and where each
/// was cut from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reading {
    pub(crate) cells: Vec<Number>,
    pub(crate) pieces: Vec<Piece>,
}

impl AsRef<[Number]> for Reading {
    fn as_ref(&self) -> &[Number] {
        &self.cells
    }
}

/// Where a cell of a reading lies: the `chunk`-th text of the run, bytes
/// `start..end` of it (its sign, digits, fraction and unit).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    pub(crate) chunk: usize,
    pub(crate) start: usize,
    pub(crate) end: usize,
}

/// What each cell of the row allows.
pub(crate) struct Columns<'a> {
    /// The cell may carry a sign (本年增/减).
    pub(crate) signed: &'a dyn Fn(usize) -> bool,
    /// The cell may have a fraction (money).
    pub(crate) decimal: &'a dyn Fn(usize) -> bool,
    /// A whole reading is acceptable (the row's own arithmetic).
    pub(crate) accept: &'a dyn Fn(&[Number]) -> bool,
}

struct Chunk<'a> {
    negative: Option<bool>,
    int: &'a [u8],
    frac: &'a str,
    unit: Option<Unit>,
    /// The byte length of the whole text, and where its digits start.
    len: usize,
    int_start: usize,
}

fn chunk(text: &str) -> Option<Chunk<'_>> {
    let (negative, rest) = match text.as_bytes().first()? {
        b'-' => (Some(true), text.get(1..)?),
        b'+' => (Some(false), text.get(1..)?),
        _ => (None, text),
    };
    let (rest, unit) = if let Some(r) = rest.strip_suffix("万元") {
        (r, Some(Unit::WanYuan))
    } else if let Some(r) = rest.strip_suffix('元') {
        (r, Some(Unit::Yuan))
    } else {
        (rest, None)
    };
    let (int, frac) = rest.split_once('.').unwrap_or((rest, ""));
    let int = int.as_bytes();
    if int.is_empty() || !int.iter().all(|b| b.is_ascii_digit() || *b == b',') {
        return None;
    }
    Some(Chunk {
        negative,
        int,
        frac,
        unit,
        len: text.len(),
        int_start: usize::from(negative.is_some()),
    })
}

/// Splits `texts` (normalised value texts, each a forced boundary) into `n` cells.
pub(crate) fn split(texts: &[&str], n: usize, cols: &Columns<'_>) -> Split {
    let mut chunks = Vec::with_capacity(texts.len());
    for t in texts {
        match chunk(t) {
            Some(c) if !c.int.contains(&b',') => chunks.push(c),
            _ => return Split::Readings(Vec::new()),
        }
    }
    let digits: usize = chunks.iter().map(|c| c.int.len()).sum();
    if chunks.len() > n || digits < n || digits > n * MAX_CELL_DIGITS {
        return Split::Readings(Vec::new());
    }
    let mut st = State {
        chunks: &chunks,
        n,
        cols,
        cells: Vec::with_capacity(n),
        pieces: Vec::with_capacity(n),
        out: Vec::new(),
        nodes: 0,
        overflow: false,
    };
    st.dfs(0, 0);
    if st.overflow {
        Split::TooAmbiguous
    } else {
        Split::Readings(st.out)
    }
}

struct State<'a, 'c> {
    chunks: &'a [Chunk<'a>],
    n: usize,
    cols: &'a Columns<'c>,
    cells: Vec<Number>,
    pieces: Vec<Piece>,
    out: Vec<Reading>,
    nodes: usize,
    overflow: bool,
}

impl State<'_, '_> {
    fn dfs(&mut self, ci: usize, pos: usize) {
        if self.overflow {
            return;
        }
        self.nodes += 1;
        if self.nodes > NODE_BUDGET {
            self.overflow = true;
            return;
        }
        let Some(chunk) = self.chunks.get(ci) else {
            if self.cells.len() == self.n && (self.cols.accept)(&self.cells) {
                if self.out.len() == MAX_READINGS {
                    self.overflow = true;
                } else {
                    self.out.push(Reading {
                        cells: self.cells.clone(),
                        pieces: self.pieces.clone(),
                    });
                }
            }
            return;
        };
        let col = self.cells.len();
        let cells_left = self.n - col;
        let chunks_left = self.chunks.len() - ci;
        let digits_left: usize = chunk.int.len().saturating_sub(pos)
            + self
                .chunks
                .iter()
                .skip(ci + 1)
                .map(|c| c.int.len())
                .sum::<usize>();
        if cells_left < chunks_left
            || digits_left < cells_left
            || digits_left > cells_left * MAX_CELL_DIGITS
        {
            return;
        }
        let rest = chunk.int.get(pos..).unwrap_or_default();
        for len in 1..=rest.len().min(MAX_CELL_DIGITS) {
            let Some(piece) = rest.get(..len) else { break };
            if len > 1 && piece.starts_with(b"0") {
                break;
            }
            let last = len == rest.len();
            let negative = if pos == 0 { chunk.negative } else { None };
            if negative.is_some() && !(self.cols.signed)(col) {
                return;
            }
            let frac = if last { chunk.frac } else { "" };
            if !frac.is_empty() && !(self.cols.decimal)(col) {
                continue;
            }
            let Some(number) = number(
                piece,
                frac,
                negative == Some(true),
                if last { chunk.unit } else { None },
            ) else {
                continue;
            };
            self.cells.push(number);
            self.pieces.push(Piece {
                chunk: ci,
                start: if pos == 0 { 0 } else { chunk.int_start + pos },
                end: if last {
                    chunk.len
                } else {
                    chunk.int_start + pos + len
                },
            });
            if last {
                self.dfs(ci + 1, 0);
            } else {
                self.dfs(ci, pos + len);
            }
            self.cells.pop();
            self.pieces.pop();
        }
    }
}

/// The number of a cell's digits (read as [`Decimal`]'s `FromStr` does,
/// without building its text: this runs once per search node).
fn number(int: &[u8], frac: &str, negative: bool, unit: Option<Unit>) -> Option<Number> {
    let frac = frac.trim_end_matches('0').as_bytes();
    let mut mantissa: i64 = 0;
    for &b in int.iter().chain(frac) {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa.checked_mul(10)?.checked_add(i64::from(b - b'0'))?;
    }
    if negative {
        mantissa = -mantissa;
    }
    let value = Decimal::new(mantissa, u8::try_from(frac.len()).ok()?)?;
    Some(Number { value, unit })
}

/// Per column of a row `width` cells wide, the number every reading gives,
/// or [`Cell::Unknown`] where the readings differ.
pub(crate) fn consensus<R: AsRef<[Number]>>(readings: &[R], width: usize) -> Vec<Cell> {
    (0..width)
        .map(|col| {
            let mut values = readings.iter().map(|r| r.as_ref().get(col));
            match values.next() {
                Some(Some(first)) if values.all(|v| v == Some(first)) => Cell::Number(*first),
                _ => Cell::Unknown,
            }
        })
        .collect()
}

/// The sum identity of an applications row: 总计 = the six applicant columns.
pub(crate) fn row_total_holds(cells: &[Number]) -> bool {
    sum_holds(cells, 0..6, 6)
}

/// `cells[total] == Σ cells[range]`.
pub(crate) fn sum_holds(cells: &[Number], range: std::ops::Range<usize>, total: usize) -> bool {
    let Some(parts) = cells.get(range) else {
        return false;
    };
    let mut acc = Decimal::ZERO;
    for n in parts {
        match acc.checked_add(n.value) {
            Some(a) => acc = a,
            None => return false,
        }
    }
    cells.get(total).is_some_and(|t| t.value == acc)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(s: &Split) -> Vec<String> {
        match s {
            Split::Readings(r) => r
                .iter()
                .map(|r| {
                    r.cells
                        .iter()
                        .map(|c| c.value.to_string())
                        .collect::<Vec<_>>()
                        .join("|")
                })
                .collect(),
            Split::TooAmbiguous => vec!["too ambiguous".into()],
        }
    }

    fn app(texts: &[&str]) -> Vec<String> {
        let cols = Columns {
            signed: &|_| false,
            decimal: &|_| false,
            accept: &row_total_holds,
        };
        show(&split(texts, 7, &cols))
    }

    #[test]
    fn a_cell_reads_as_its_text_would() {
        for (int, frac, negative) in [
            ("0", "", false),
            ("12", "", true),
            ("7730", "28", false),
            ("1", "9108", true),
            ("5", "5000000000000000", false),
            ("999999999999", "", false),
        ] {
            let text = format!(
                "{}{int}{}{frac}",
                if negative { "-" } else { "" },
                if frac.is_empty() { "" } else { "." }
            );
            let want: Decimal = text.parse().unwrap();
            let got = number(int.as_bytes(), frac, negative, None).unwrap();
            assert_eq!(got.value, want, "{text}");
        }
        assert_eq!(number(b"99999999999999999999", "", false, None), None);
        assert_eq!(number(b"1", "2a", false, None), None);
    }

    #[test]
    fn applications_rows_split_by_their_total() {
        assert_eq!(app(&["230", "000023"]), ["23|0|0|0|0|0|23"]);
        assert_eq!(app(&["200", "000121"]), ["20|0|0|0|0|1|21"]);
        assert_eq!(app(&["23", "0", "00", "0", "023"]), ["23|0|0|0|0|0|23"]);
        assert_eq!(app(&["0000000"]), ["0|0|0|0|0|0|0"]);
        // Two readings keep the row total: the table's columns must decide.
        assert_eq!(app(&["270020130"]), ["2|7|0|0|20|1|30", "27|0|0|2|0|1|30"]);
    }

    #[test]
    fn signs_and_fractions_stay_in_their_columns() {
        let signed = |c: usize| c == 1;
        let cols = Columns {
            signed: &signed,
            decimal: &|_| false,
            accept: &|_| true,
        };
        assert_eq!(show(&split(&["35", "-15"], 2, &cols)), ["35|-15"]);
        let r = show(&split(&["2648", "-18538"], 3, &cols));
        assert_eq!(
            r,
            [
                "2648|-1|8538",
                "2648|-18|538",
                "2648|-185|38",
                "2648|-1853|8"
            ]
        );
        let money = Columns {
            signed: &|_| false,
            decimal: &|c| c == 1,
            accept: &|_| true,
        };
        let r = show(&split(&["39573802895.90元"], 2, &money));
        assert_eq!(r.len(), 9); // `395738|02895.90` has a leading zero
        assert_eq!(r[0], "3|9573802895.9");
    }

    #[test]
    fn pieces_say_where_each_cell_was_cut() {
        let Split::Readings(r) = split(
            &["12", "-34.5元"],
            3,
            &Columns {
                signed: &|c| c == 1,
                decimal: &|c| c == 2,
                accept: &|_| true,
            },
        ) else {
            panic!("readings");
        };
        assert_eq!(r.len(), 1);
        assert_eq!(
            r[0].pieces,
            [
                Piece {
                    chunk: 0,
                    start: 0,
                    end: 2
                },
                Piece {
                    chunk: 1,
                    start: 0,
                    end: 2
                },
                Piece {
                    chunk: 1,
                    start: 2,
                    end: 8
                },
            ]
        );
    }

    #[test]
    fn long_runs_are_bounded() {
        let run = "1".repeat(100);
        assert_eq!(app(&[run.as_str()]), Vec::<String>::new());
        let run = "12".repeat(20);
        let cols = Columns {
            signed: &|_| false,
            decimal: &|_| false,
            accept: &|_| true,
        };
        assert_eq!(show(&split(&[run.as_str()], 7, &cols)), ["too ambiguous"]);
    }
}
