//! 四、政府信息公开行政复议、行政诉讼情况: 3 row groups × 5 cells, usually one
//! printed row of 15 values.

use ogi_model::schema::{APPEAL_COLUMNS, APPEAL_ROWS, row};
use ogi_model::{Address, Appeals, Cell, Decimal, Number, RowId, Span, Table};

use super::split::{Columns, Reading, Split, split, sum_holds};
use super::{BlankRows, Obs, RowRead, Runs, Sink, Slot, observe};
use crate::diagnostic::DiagnosticKind;
use crate::lex::Line;
use crate::source_map::Read;

const WIDTH: usize = 15;
/// The most value groups whose orders are tried when cells are out of order.
const MAX_GROUPS: usize = 7;

/// Reads section 四 from the lines of its region.
pub(crate) fn fit(lines: Vec<Line<'_>>, sink: &mut Sink<'_>) -> Option<Appeals> {
    // Labels are all header text here, but they still separate value groups.
    let blocks = observe(lines, &|_| false, BlankRows::OneLabel);
    if blocks.is_empty() {
        return None;
    }
    let glued = blocks.iter().filter(|b| b.glued).count() >= 1
        && blocks.iter().all(|b| b.slots().count() < WIDTH);
    // Blank fields before a line's first value are its first cells when,
    // with them, the table has its 15 (`\t0\t0…`: 行政复议 结果维持 blank).
    let values: usize = blocks.iter().map(|b| b.slots().count()).sum();
    let leads: usize = blocks.iter().flat_map(|b| &b.leads).map(Vec::len).sum();
    let with_leads = values < WIDTH && leads > 0 && values + leads <= WIDTH;
    let block = |i: usize| -> Vec<Slot> {
        let Some(b) = blocks.get(i) else {
            return Vec::new();
        };
        if !with_leads {
            return b.slots().cloned().collect();
        }
        let mut out = Vec::new();
        for (line, leads) in b.lines.iter().zip(&b.leads) {
            out.extend(leads.iter().map(|span| Slot {
                val: None,
                span: *span,
                field: crate::lex::NO_FIELD,
            }));
            out.extend(line.iter().cloned());
        }
        out
    };
    // Prefer one group of exactly 15 values if there is one; else rows (or
    // results) named by their labels; else the groups in text order.
    let mut turned = false;
    let mut named_rows = false;
    let full = |b: &super::Block| b.slots().count() == WIDTH && b.slots().any(|s| s.val.is_some());
    let groups: Vec<Vec<Slot>> = match blocks.iter().position(full) {
        Some(i) => vec![block(i)],
        None => match by_label(&blocks) {
            Some(Named::Rows(order)) => {
                named_rows = true;
                order.iter().map(|i| block(*i)).collect()
            }
            Some(Named::Columns(order)) => {
                let columns: Vec<Vec<Slot>> = order.iter().map(|i| block(*i)).collect();
                if columns.iter().all(|c| c.len() == 3) {
                    (0..3)
                        .map(|r| columns.iter().filter_map(|c| c.get(r).cloned()).collect())
                        .collect()
                } else {
                    // Digits run together: split in column order, then turned.
                    turned = true;
                    columns
                }
            }
            None => (0..blocks.len()).map(block).collect(),
        },
    };
    let slots: Vec<Slot> = groups.iter().flatten().cloned().collect();
    let all_span = slots
        .iter()
        .map(|s| s.span)
        .reduce(Span::append)
        .unwrap_or_default();
    let mut read = RowRead {
        cells: slots.iter().take(WIDTH).map(Slot::cell).collect(),
        spans: slots.iter().take(WIDTH).map(|s| s.span).collect(),
        reads: vec![Read::Token; slots.len().min(WIDTH)],
    };
    let numeric = slots
        .iter()
        .all(|s| s.val.as_ref().is_some_and(|v| v.cell.is_number()));
    let whole = Obs {
        label: String::new(),
        follow: String::new(),
        raw_label: String::new(),
        label_span: None,
        slots: slots.clone(),
        glued,
        edges: super::Edges::default(),
        leads: Vec::new(),
        trails: Vec::new(),
        blank: false,
        parts: Vec::new(),
    };
    let accept = |c: &[Number]| {
        if turned {
            // Column-major: the 总计 row holds each group's total.
            (0..3).all(|g| {
                let mut parts = (0..4).map(|r| c.get(r * 3 + g).map(|n| n.value));
                let sum = parts.try_fold(Decimal::ZERO, |a, v| a.checked_add(v?));
                sum.is_some() && sum == c.get(12 + g).map(|n| n.value)
            })
        } else {
            (0..3).all(|g| sum_holds(c, g * 5..g * 5 + 4, g * 5 + 4))
        }
    };
    let cols = Columns {
        signed: &|_| false,
        decimal: &|_| false,
        accept: &accept,
    };
    if let Some(run) = whole.run_together(WIDTH, Runs::Pieces(groups.len().max(1))) {
        match split(&run.texts, WIDTH, &cols) {
            Split::Readings(r) if r.is_empty() && run.separated => {}
            Split::Readings(r) if !r.is_empty() => {
                let refs: Vec<&Reading> = r.iter().collect();
                read = RowRead::decided(&run, &refs, WIDTH, Read::Split, sink.src);
                if r.len() > 1 {
                    sink.undecided(Table::Appeals, row::REVIEW, &run, r.len(), all_span);
                }
            }
            Split::Readings(_) => {
                read = RowRead::undecided(&run, WIDTH);
                sink.undecided(Table::Appeals, row::REVIEW, &run, 0, all_span);
            }
            Split::TooAmbiguous => {
                read = RowRead::undecided(&run, WIDTH);
                sink.undecided(Table::Appeals, row::REVIEW, &run, usize::MAX, all_span);
            }
        }
    } else if slots.len() == WIDTH && numeric && groups.len() > 1 && !totals_hold(&read.cells) {
        if let Some(order) = reorder(&groups) {
            let flat: Vec<&Slot> = order
                .iter()
                .flat_map(|(g, r)| groups.get(*g).and_then(|g| g.get(r.clone())))
                .flatten()
                .collect();
            read = RowRead {
                cells: flat.iter().map(|s| s.cell()).collect(),
                spans: flat.iter().map(|s| s.span).collect(),
                reads: vec![Read::Reordered; flat.len()],
            };
            sink.push(
                DiagnosticKind::Reordered {
                    table: Table::Appeals,
                },
                all_span,
            );
        }
    }
    if turned {
        if read.cells.len() == WIDTH {
            let pick = |k: usize| transposed(k);
            read = RowRead {
                cells: (0..WIDTH)
                    .filter_map(|k| read.cells.get(pick(k)).copied())
                    .collect(),
                spans: (0..WIDTH)
                    .filter_map(|k| read.spans.get(pick(k)).copied())
                    .collect(),
                reads: (0..WIDTH)
                    .filter_map(|k| read.reads.get(pick(k)).copied())
                    .collect(),
            };
        } else {
            // Tokens that are not the whole table turned on its side: no
            // cell's place is known.
            let span = all_span;
            read = RowRead {
                cells: vec![Cell::Unknown; WIDTH],
                spans: vec![span; WIDTH],
                reads: vec![Read::Undecided; WIDTH],
            };
        }
    }
    // Fewer than 15 values in text without separators: blank cells left no
    // trace, and nothing shows which they were. Each row printed with its
    // five stays; the others are unknown.
    let plain = slots.iter().all(|s| s.field == crate::lex::NO_FIELD);
    let mut unplaced: Vec<(Option<RowId>, usize, usize)> = Vec::new();
    if read.cells.len() < WIDTH && !read.cells.is_empty() && plain && !turned {
        let sizes: Vec<usize> = if named_rows {
            groups.iter().map(Vec::len).collect()
        } else {
            vec![read.cells.len()]
        };
        let mut placed = RowRead::default();
        let mut from = 0;
        for (g, size) in sizes.iter().enumerate() {
            let whole = named_rows && *size == 5;
            let expected = if named_rows { 5 } else { WIDTH };
            for k in 0..expected {
                let at = from + k.min(size.saturating_sub(1));
                let span = read.spans.get(at).copied().unwrap_or(all_span);
                if whole {
                    placed
                        .cells
                        .push(read.cells.get(from + k).copied().unwrap_or(Cell::Unknown));
                    placed
                        .reads
                        .push(read.reads.get(from + k).copied().unwrap_or(Read::Token));
                    placed.spans.push(span);
                } else {
                    placed.cells.push(Cell::Unknown);
                    placed.reads.push(Read::Unplaced);
                    placed.spans.push(span);
                }
            }
            if !whole {
                let row = named_rows
                    .then(|| APPEAL_ROWS.get(g).map(|r| r.id))
                    .flatten();
                unplaced.push((row, expected, *size));
            }
            from += size;
        }
        read = placed;
    }
    for (row, expected, found) in unplaced {
        sink.push(
            DiagnosticKind::Unplaced {
                table: Table::Appeals,
                row,
                expected,
                found,
            },
            all_span,
        );
    }
    // Fewer than 15 cells: their places are a guess.
    if read.cells.len() < WIDTH {
        for r in &mut read.reads {
            if *r == Read::Token {
                *r = Read::ShortRow;
            }
        }
    }
    let mut table = Appeals::default();
    for (g, row) in APPEAL_ROWS.iter().enumerate() {
        let found = read.cells.len().saturating_sub(g * 5).min(5);
        let mut row_span: Option<Span> = None;
        if let Some(r) = table.row_mut(row.id) {
            for (c, col) in APPEAL_COLUMNS.iter().enumerate() {
                let k = g * 5 + c;
                if let (Some(cell), Some(slot)) =
                    (read.cells.get(k), ogi_model::CellRow::get_mut(r, col.id))
                {
                    *slot = *cell;
                }
                if let (Some(span), Some(how)) = (read.spans.get(k), read.reads.get(k)) {
                    sink.cell(Address::new(Table::Appeals, row.id, col.id), *span, *how);
                    row_span = Some(row_span.map_or(*span, |s| s.append(*span)));
                }
            }
        }
        sink.map
            .rows
            .insert((Table::Appeals, row.id), row_span.unwrap_or(all_span));
        if found < 5 {
            sink.push(
                DiagnosticKind::RowLength {
                    table: Table::Appeals,
                    row: row.id,
                    expected: 5,
                    found,
                },
                row_span.unwrap_or(all_span),
            );
        }
    }
    if let Some(extra) = slots.get(WIDTH..).filter(|extra| !extra.is_empty()) {
        sink.push(
            DiagnosticKind::UnknownRow {
                table: Table::Appeals,
                label: String::new(),
                values: extra.iter().map(|s| s.text().to_owned()).collect(),
            },
            extra
                .iter()
                .map(|s| s.span)
                .reduce(Span::append)
                .unwrap_or(all_span),
        );
    }
    sink.map.tables.insert(Table::Appeals, all_span);
    Some(table)
}

/// Which of the three rows a label names, by the words nearest its end
/// (the row label stands right before its values; header words before it):
/// 0 行政复议, 1 未经复议直接起诉, 2 复议后起诉.
fn row_named(label: &str) -> Option<usize> {
    let last = |w: &str| label.rfind(w);
    let direct = last("直接起诉").or_else(|| last("未经复议"));
    let after = last("复议后");
    let review = label
        .match_indices("复议")
        .map(|(i, _)| i)
        .filter(|&i| {
            let rest = label.get(i..).unwrap_or_default();
            !rest.starts_with("复议后") && !label.get(..i).is_some_and(|b| b.ends_with("未经"))
        })
        .last();
    [(review, 0), (direct, 1), (after, 2)]
        .into_iter()
        .filter_map(|(at, row)| Some((at?, row)))
        .max()
        .map(|(_, row)| row)
}

/// Which column of five a label names (结果维持 … 总计), by its last word.
fn column_named(label: &str) -> Option<usize> {
    const WORDS: [(&str, usize); 6] = [
        ("维持", 0),
        ("纠正", 1),
        ("其他", 2),
        ("审结", 3),
        ("未审", 3),
        ("总计", 4),
    ];
    WORDS
        .iter()
        .filter_map(|(w, c)| Some((label.rfind(w)?, *c)))
        .max()
        .map(|(_, c)| c)
}

/// How section 四 is printed, when its rows carry names.
enum Named {
    /// Three rows of five named 行政复议, 未经复议直接起诉, 复议后起诉 (in any
    /// order): the blocks in table order.
    Rows([usize; 3]),
    /// The table turned on its side: five rows of three, each named by its
    /// result (结果维持 … 总计), holding that result for 复议, 直接起诉 and
    /// 复议后起诉: the blocks in column order.
    Columns([usize; 5]),
}

/// The named shape of the blocks, if every one of three (five) blocks
/// names a distinct row (result) and holds no more than five (three) values.
fn by_label(blocks: &[super::Block]) -> Option<Named> {
    let fits = |n: usize| blocks.iter().all(|b| (1..=n).contains(&b.slots().count()));
    if blocks.len() == 3 && fits(5) {
        let mut order = [usize::MAX; 3];
        for (i, b) in blocks.iter().enumerate() {
            let slot = order.get_mut(row_named(&b.label)?)?;
            if *slot != usize::MAX {
                return None;
            }
            *slot = i;
        }
        return Some(Named::Rows(order));
    }
    if blocks.len() == 5 && fits(3) {
        let mut order = [usize::MAX; 5];
        for (i, b) in blocks.iter().enumerate() {
            let slot = order.get_mut(column_named(&b.label)?)?;
            if *slot != usize::MAX {
                return None;
            }
            *slot = i;
        }
        return Some(Named::Columns(order));
    }
    None
}

/// Cell `k` of the table (row-major, 3 × 5) read from a transposed one
/// (column-major, 5 × 3): its index there.
const fn transposed(k: usize) -> usize {
    (k % 5) * 3 + k / 5
}

fn value(c: &Cell) -> Option<Decimal> {
    c.value()
}

fn totals_hold(cells: &[Cell]) -> bool {
    cells
        .get(..WIDTH)
        .is_some_and(|cells| cells.chunks(5).all(totals_hold_in))
}

/// Whether a row's last cell is the sum of the others.
fn totals_hold_in(row: &[Cell]) -> bool {
    let Some((total, parts)) = row.split_last() else {
        return false;
    };
    let sum = parts
        .iter()
        .map(value)
        .try_fold(Decimal::ZERO, |a, b| a.checked_add(b?));
    sum.is_some() && sum == value(total)
}

/// Value groups printed out of order (plain `pdftotext` of a column-wise
/// layout): finds the partition of the groups into three rows of five whose
/// totals hold. When exactly one partition works, the rows are ordered by
/// where their totals appear in the text.
fn reorder(groups: &[Vec<Slot>]) -> Option<Vec<(usize, std::ops::Range<usize>)>> {
    if groups.len() > MAX_GROUPS {
        return None;
    }
    let mut partitions: Vec<Vec<Vec<usize>>> = Vec::new();
    arrangements(groups, &mut |perm| {
        let cells: Vec<Cell> = perm
            .iter()
            .filter_map(|g| groups.get(*g))
            .flat_map(|g| g.iter().map(Slot::cell))
            .collect();
        if cells.len() != WIDTH || !totals_hold(&cells) {
            return;
        }
        // Which groups make each row (a row must not straddle groups unevenly).
        let mut rows: Vec<Vec<usize>> = vec![Vec::new(); 3];
        let mut k = 0;
        for g in perm {
            let len = groups.get(*g).map_or(0, Vec::len);
            let (first_row, last_row) = (k / 5, (k + len).saturating_sub(1) / 5);
            if first_row != last_row {
                return;
            }
            let Some(row) = rows.get_mut(first_row) else {
                return;
            };
            row.push(*g);
            k += len;
        }
        let mut key = rows.clone();
        key.sort();
        if !partitions.iter().any(|p| {
            let mut q = p.clone();
            q.sort();
            q == key
        }) {
            partitions.push(rows);
        }
    });
    if partitions.len() != 1 {
        return None;
    }
    let mut rows = partitions.pop()?;
    // Order the rows by the position of their total (the last group of each).
    let group = |g: usize| groups.get(g).map_or(&[][..], Vec::as_slice);
    rows.sort_by_key(|r| r.last().map(|g| group(*g).last().map(|s| s.span.start)));
    Some(
        rows.into_iter()
            .flatten()
            .map(|g| (g, 0..group(g).len()))
            .collect(),
    )
}

/// Calls `f` with every order of all `groups` whose values fill the three
/// rows without a group straddling two of them and with each row's total
/// holding. Orders are built group by group, and a prefix that already
/// breaks a row is not extended: a damaged table costs a few hundred steps,
/// not every one of the 7! orders.
fn arrangements(groups: &[Vec<Slot>], f: &mut dyn FnMut(&[usize])) {
    struct Search<'a, 'f> {
        groups: &'a [Vec<Slot>],
        used: Vec<bool>,
        order: Vec<usize>,
        cells: Vec<Cell>,
        f: &'f mut dyn FnMut(&[usize]),
    }
    impl Search<'_, '_> {
        fn extend(&mut self) {
            if self.order.len() == self.groups.len() {
                if self.cells.len() == WIDTH {
                    (self.f)(&self.order);
                }
                return;
            }
            for (g, group) in self.groups.iter().enumerate() {
                if self.used.get(g).copied().unwrap_or(true) {
                    continue;
                }
                let k = self.cells.len();
                let end = k + group.len();
                let straddles = !group.is_empty() && k / 5 != (end - 1) / 5;
                if end > WIDTH || straddles {
                    continue;
                }
                self.cells.extend(group.iter().map(Slot::cell));
                let row_done = !group.is_empty() && end % 5 == 0;
                let row_holds = !row_done
                    || self
                        .cells
                        .get(end.saturating_sub(5)..end)
                        .is_some_and(totals_hold_in);
                if row_holds {
                    self.set_used(g, true);
                    self.order.push(g);
                    self.extend();
                    self.order.pop();
                    self.set_used(g, false);
                }
                self.cells.truncate(k);
            }
        }

        fn set_used(&mut self, g: usize, used: bool) {
            if let Some(u) = self.used.get_mut(g) {
                *u = used;
            }
        }
    }
    Search {
        groups,
        used: vec![false; groups.len()],
        order: Vec::with_capacity(groups.len()),
        cells: Vec::with_capacity(WIDTH),
        f,
    }
    .extend();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::{Val, ValText};
    use proptest::prelude::*;

    fn slot(n: i64) -> Slot {
        Slot {
            val: Some(Val {
                cell: Cell::int(n),
                text: ValText::new(&n.to_string()),
            }),
            span: Span::default(),
            field: crate::lex::NO_FIELD,
        }
    }

    /// Every order of the groups, filtered afterwards: what `arrangements`
    /// must find without trying them all.
    fn exhaustive(groups: &[Vec<Slot>]) -> Vec<Vec<usize>> {
        fn orders(rest: &[usize], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
            if rest.is_empty() {
                out.push(prefix.clone());
            }
            for (k, g) in rest.iter().enumerate() {
                let mut left = rest.to_vec();
                left.remove(k);
                prefix.push(*g);
                orders(&left, prefix, out);
                prefix.pop();
            }
        }
        let mut all = Vec::new();
        let every: Vec<usize> = (0..groups.len()).collect();
        orders(&every, &mut Vec::new(), &mut all);
        all.retain(|order| {
            let mut k = 0;
            let mut cells = Vec::new();
            for g in order {
                let len = groups[*g].len();
                if len > 0 && k / 5 != (k + len - 1) / 5 {
                    return false;
                }
                k += len;
                cells.extend(groups[*g].iter().map(Slot::cell));
            }
            cells.len() == WIDTH && totals_hold(&cells)
        });
        all
    }

    proptest! {
        #![proptest_config(ogi_testkit::proptest_config(256))]
        #[test]
        fn pruned_orders_are_the_orders_that_hold(
            rows in prop::collection::vec(prop::collection::vec(0i64..3, 4), 3),
            cuts in prop::collection::vec(0usize..5, 0..4),
            noise in 0i64..2,
        ) {
            // Three rows whose totals hold (the last row's total off by
            // `noise`), cut into groups at `cuts`, then shuffled by reversal.
            let mut cells: Vec<i64> = Vec::new();
            for (r, parts) in rows.iter().enumerate() {
                cells.extend(parts);
                let total: i64 = parts.iter().sum();
                cells.push(if r == 2 { total + noise } else { total });
            }
            let mut bounds: Vec<usize> = cuts.iter().enumerate().map(|(k, c)| (k * 5 + c + 1).min(15)).collect();
            bounds.push(15);
            bounds.sort_unstable();
            bounds.dedup();
            let mut groups = Vec::new();
            let mut from = 0;
            for b in bounds {
                if b > from {
                    groups.push(cells[from..b].iter().map(|n| slot(*n)).collect::<Vec<_>>());
                    from = b;
                }
            }
            groups.reverse();
            let mut found = Vec::new();
            arrangements(&groups, &mut |order| found.push(order.to_vec()));
            prop_assert_eq!(found, exhaustive(&groups));
        }
    }
}
