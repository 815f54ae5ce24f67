//! 三、收到和处理政府信息公开申请情况: 7 columns × 23 or 25 rows.

use std::sync::LazyLock;

use ogi_model::schema::{self, APPLICANT_COLUMNS, row};
use ogi_model::{
    Address, ApplicantCounts, Applications, Cell, CellRow, Decimal, Number, OtherStyle, RowId,
    Span, Table,
};

use super::split::{Columns, Reading, Split, row_total_holds, split};
use super::{BlankRows, Block, Obs, RowRead, Runs, Shapes, Sink, Spec, observe, report_unknown};
use crate::diagnostic::DiagnosticKind;
use crate::lex::Line;
use crate::narrative::{Claim, Statement};
use crate::source_map::Read;

const WIDTH: usize = 7;

/// Header fragments of the applications table (folded).
fn is_header(folded: &str) -> bool {
    const WORDS: &[&str] = &[
        "申请人情况",
        "自然人",
        "法人或其他组织",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
        "信息内容",
    ];
    if WORDS.contains(&folded) || folded.contains("勾稽关系") {
        return true;
    }
    // A header line read as one label (`自然人 法人或其他组织 总计`).
    let mut rest = folded.to_owned();
    for w in WORDS {
        rest = rest.replace(w, "");
    }
    rest.is_empty()
}

/// The label used to recognise each row (the group label is left out; the
/// note of （二） is not needed).
fn match_label(id: RowId, label: &'static str) -> &'static str {
    match id {
        row::PARTIALLY_GRANTED => "（二）部分公开",
        _ => label,
    }
}

fn specs(style: OtherStyle) -> Vec<Spec> {
    schema::application_rows(style)
        .map(|r| Spec::new(r.id, match_label(r.id, r.label), WIDTH))
        .collect()
}

/// Observed rows of the table: one per line, or chunks of seven values for
/// text with one cell per line.
fn rows(blocks: Vec<Block>) -> Vec<Obs> {
    let mut out = Vec::new();
    for b in blocks {
        let one_per_line = b.lines.len() > 1 && b.lines.iter().all(|l| l.len() == 1);
        type Group = (Vec<super::Slot>, super::Edges, Vec<Span>, Vec<Span>);
        let mut groups: Vec<Group> = Vec::new();
        let plain =
            |c: &[super::Slot]| (c.to_vec(), super::Edges::default(), Vec::new(), Vec::new());
        if one_per_line {
            let all: Vec<_> = b.lines.into_iter().flatten().collect();
            groups.extend(all.chunks(WIDTH).map(plain));
        } else {
            let lines = b.lines.into_iter().zip(b.edges).zip(b.leads).zip(b.trails);
            for (((l, edges), leads), trails) in lines {
                if l.len() > WIDTH && l.len() % WIDTH == 0 && !b.glued {
                    groups.extend(l.chunks(WIDTH).map(plain));
                } else {
                    groups.push((l, edges, leads, trails));
                }
            }
        }
        let last = groups.len().saturating_sub(1);
        for (k, (slots, edges, leads, trails)) in groups.into_iter().enumerate() {
            let first = k == 0;
            out.push(Obs {
                follow: if k == last {
                    b.follow.clone()
                } else {
                    String::new()
                },
                label: if first {
                    b.label.clone()
                } else {
                    String::new()
                },
                raw_label: if first {
                    b.raw_label.clone()
                } else {
                    String::new()
                },
                label_span: if first { b.label_span } else { None },
                slots,
                glued: b.glued,
                edges,
                leads,
                trails,
                blank: b.blank,
                parts: if first { b.parts.clone() } else { Vec::new() },
            });
        }
    }
    out
}

/// The labels spanning several rows (folded), which copies repeat on
/// every row they span (an HTML table's rowspan expanded) or run into the
/// first row's label: not the row's own words.
const GROUPS: [&str; 5] = [
    "三本年度办理结果",
    "三不予公开",
    "四无法提供",
    "五不予处理",
    "六其他处理",
];

/// Takes the group labels out of a row's label, fragment by fragment, when
/// its own words remain (the 2019 row （六）其他处理 is its group's label
/// alone, and is taken out only before a sub-row's words).
fn strip_groups(o: &mut Obs) {
    let mut bounds: Vec<usize> = vec![0];
    bounds.extend(o.parts.iter().copied());
    bounds.push(o.label.len());
    let fragments: Vec<&str> = bounds
        .windows(2)
        .filter_map(|w| o.label.get(*w.first()?..*w.get(1)?))
        .collect();
    let mut label = String::new();
    let mut parts = Vec::new();
    for (k, f) in fragments.iter().enumerate() {
        let mut f = (*f).to_owned();
        for g in GROUPS {
            if g == "六其他处理" {
                // Taken out only where a sub-row's words follow it, in its
                // fragment or the next ones: else it is the 2019 row.
                let later: String = fragments.iter().skip(k + 1).copied().collect();
                while let Some(at) = f.find(g).filter(|at| {
                    let after = format!("{}{later}", f.get(at + g.len()..).unwrap_or_default());
                    sub_row_words(&after)
                }) {
                    f.replace_range(at..at + g.len(), "");
                }
            } else {
                f = f.replace(g, "");
            }
        }
        if f.is_empty() || torn_group(&f) {
            continue;
        }
        if !label.is_empty() {
            parts.push(label.len());
        }
        label.push_str(&f);
    }
    if !label.is_empty() && label.len() != o.label.len() {
        o.label = label;
        o.parts = parts;
    }
}

/// Whether `text` opens with the words of a 2021 sub-row of （六）其他处理
/// (`1申请人无正当理由…`, `3其他`), or holds one before the next 总计.
fn sub_row_words(text: &str) -> bool {
    let bare = text.trim_start_matches(|c: char| c.is_ascii_digit());
    let before_total = text.split("总计").next().unwrap_or_default();
    bare.starts_with("申请人")
        || bare.starts_with("其他")
        || OTHER_SUB_ROWS.iter().any(|w| before_total.contains(w))
}

/// A fragment that is the start or the end of a group label torn across
/// lines (`（三）不` above, `予公开` beside the next row's label): the
/// group's words, not a row's. (The end of （六）其他处理 is also the 2019
/// row's own label.)
fn torn_group(fragment: &str) -> bool {
    fragment.chars().count() >= 2
        && GROUPS.iter().any(|g| {
            g.len() > fragment.len()
                && (g.starts_with(fragment) || (*g != "六其他处理" && g.ends_with(fragment)))
        })
}

/// A row whose split is not decided by its own total.
struct Pending {
    row: RowId,
    /// The observed row it was read from.
    obs: usize,
    readings: Vec<Reading>,
}

/// Words of the sub-rows of 2021's （六）其他处理 (folded): a label holding
/// one is not the single （六） row of 2019.
const OTHER_SUB_ROWS: &[&str] = &["不补正", "逾期未按收费", "逾期未缴", "缴纳费用", "收费通知"];

/// Reads the table from the lines of its region. `None` when the region has
/// no values at all.
pub(crate) fn fit(
    lines: Vec<Line<'_>>,
    statements: &[Statement],
    sink: &mut Sink<'_>,
) -> Option<Applications> {
    let blocks = observe(lines, &is_header, BlankRows::Any);
    if blocks.is_empty() {
        return None;
    }
    let glued = blocks.iter().filter(|b| b.glued).count() >= 2;
    let mut obs = rows(blocks);
    // `（六）其他处理 3.其他`: the 2021 sub-row 其他 under its group label.
    let other_sub_row = obs.iter().any(|o| {
        o.label
            .split_once("其他处理")
            .is_some_and(|(_, rest)| rest.contains("其他") && rest.chars().count() <= 6)
    });
    for o in &mut obs {
        o.glued = glued;
        strip_groups(o);
    }
    // A 2021 sub-row of （六） printed alone (its siblings left out) is still
    // not the 2019 row.
    let fit = |o: &Obs, spec: &Spec| {
        if spec.id == row::OTHER && OTHER_SUB_ROWS.iter().any(|w| o.label.contains(w)) {
            -1000
        } else {
            0
        }
    };
    // 其他处理 as one row, or split in three.
    static SHAPES: LazyLock<Shapes<2>> =
        LazyLock::new(|| Shapes::new([specs(OtherStyle::Single), specs(OtherStyle::Split)]));
    let obs = SHAPES.split_leads(obs);
    let [(s1, m1, single), (s2, m2, split)] = SHAPES.align(&obs, &fit);
    // A sub-row of 2021's （六） anywhere makes the table the 2021 shape.
    let sub_rows = other_sub_row
        || obs
            .iter()
            .any(|o| OTHER_SUB_ROWS.iter().any(|w| o.label.contains(w)));
    let (style, specs, matched) = if s2 > s1 || sub_rows {
        (OtherStyle::Split, split, m2)
    } else {
        (OtherStyle::Single, single, m1)
    };

    let placed: Vec<(&Obs, usize)> = obs
        .iter()
        .zip(&matched)
        .filter(|(_, m)| m.is_some())
        .map(|(o, _)| (o, WIDTH))
        .collect();
    let fields = super::Fields::of(&placed, sink.src);
    let mut table = Applications::missing(style);
    let mut pending = Vec::new();
    let mut span: Option<Span> = None;
    for (k, (o, m)) in obs.iter().zip(&matched).enumerate() {
        let Some(id) = m.and_then(|j| specs.get(j)).map(|spec| spec.id) else {
            continue;
        };
        let row_span = o.span();
        span = Some(span.map_or(row_span, |s| s.append(row_span)));
        sink.map.rows.insert((Table::Applications, id), row_span);
        let Some(row) = table.row_mut(id) else {
            continue;
        };
        if let Some(p) = assign(row, id, (k, o), &fields, sink) {
            pending.push(p);
        }
    }
    for (j, spec) in specs.iter().enumerate() {
        if !matched.contains(&Some(j)) {
            sink.push(
                DiagnosticKind::MissingRow {
                    table: Table::Applications,
                    row: spec.id,
                },
                span.unwrap_or_default(),
            );
        }
    }
    resolve(&mut table, &pending, (&obs, statements), sink);
    report_unknown(sink, Table::Applications, &obs, &matched);
    if let Some(s) = span {
        sink.map.tables.insert(Table::Applications, s);
    }
    Some(table)
}

/// Writes a row's cells, their spans and readings.
fn put(row: &mut ApplicantCounts, id: RowId, read: RowRead, sink: &mut Sink<'_>) {
    for (col, ((cell, span), how)) in read
        .cells
        .into_iter()
        .zip(read.spans)
        .zip(read.reads)
        .enumerate()
    {
        set(row, col, cell);
        if cell == Cell::Missing {
            continue;
        }
        if let Some(c) = APPLICANT_COLUMNS.get(col) {
            sink.cell(Address::new(Table::Applications, id, c.id), span, how);
        }
    }
}

/// The columns of a row: counts, and the row's own total.
const COLUMNS: Columns<'static> = Columns {
    signed: &|_| false,
    decimal: &|_| false,
    accept: &row_total_holds,
};

/// Fills a row from an observed row; returns the readings still to decide.
fn assign(
    row: &mut ApplicantCounts,
    id: RowId,
    (k, o): (usize, &Obs),
    fields: &super::Fields,
    sink: &mut Sink<'_>,
) -> Option<Pending> {
    if let Some(run) = o.run_together(WIDTH, Runs::Separated) {
        match split(&run.texts, WIDTH, &COLUMNS) {
            Split::Readings(r) if r.len() == 1 => {
                let refs: Vec<&Reading> = r.iter().collect();
                put(
                    row,
                    id,
                    RowRead::decided(&run, &refs, WIDTH, Read::Split, sink.src),
                    sink,
                );
                return None;
            }
            // Numbers set apart that no cut makes a row: a short row (but
            // a lone run of digits is no count: unknown).
            Split::Readings(r) if r.is_empty() && run.separated && !o.lone_run(WIDTH) => {}
            Split::Readings(r) if r.is_empty() => {
                put(row, id, RowRead::undecided(&run, WIDTH), sink);
                sink.undecided(Table::Applications, id, &run, 0, run.span);
                return None;
            }
            Split::Readings(readings) => {
                put(row, id, RowRead::undecided(&run, WIDTH), sink);
                return Some(Pending {
                    row: id,
                    obs: k,
                    readings,
                });
            }
            Split::TooAmbiguous => {
                put(row, id, RowRead::undecided(&run, WIDTH), sink);
                sink.undecided(Table::Applications, id, &run, usize::MAX, run.span);
                return None;
            }
        }
    }
    if o.has_run() {
        // `000000` for seven cells: digits run together that split no way.
        if let Some(run) = o.run() {
            put(row, id, RowRead::undecided(&run, WIDTH), sink);
            sink.undecided(Table::Applications, id, &run, 0, run.span);
            return None;
        }
    }
    let (read, short) = super::tokens(o, WIDTH, fields, sink.src);
    put(row, id, read, sink);
    if let Some(kind) = short.diagnostic(Table::Applications, id, WIDTH) {
        sink.push(kind, o.span());
    }
    None
}

fn set(row: &mut ApplicantCounts, col: usize, cell: Cell) {
    if let Some(slot) = APPLICANT_COLUMNS.get(col).and_then(|c| row.get_mut(c.id)) {
        *slot = cell;
    }
}

/// The most combinations of pending readings tried.
const MAX_COMBINATIONS: usize = 4096;

/// Decides rows whose digits split in several ways by the column identities
/// of the table (the outcome rows sum to （七）总计; 一 + 二 = （七） + 四): the
/// combination that satisfies the most identities wins if it is the only one.
fn resolve(
    table: &mut Applications,
    pending: &[Pending],
    (obs, statements): (&[Obs], &[Statement]),
    sink: &mut Sink<'_>,
) {
    if pending.is_empty() {
        return;
    }
    let combos = pending.iter().try_fold(1usize, |acc, p| {
        acc.checked_mul(p.readings.len())
            .filter(|c| *c <= MAX_COMBINATIONS)
    });
    let mut best: Vec<Vec<usize>> = Vec::new();
    if let Some(total) = combos {
        let mut best_score = -1i32;
        let mut choice = vec![0usize; pending.len()];
        for k in 0..total {
            let mut rest = k;
            for (c, p) in choice.iter_mut().zip(pending) {
                *c = rest % p.readings.len();
                rest /= p.readings.len();
            }
            let mut t = table.clone();
            for (p, c) in pending.iter().zip(&choice) {
                if let Some(reading) = p.readings.get(*c) {
                    apply(&mut t, p.row, &reading.cells);
                }
            }
            let score = identities_held(&t);
            if score > best_score {
                best_score = score;
                best.clear();
            }
            if score == best_score {
                best.push(choice.clone());
            }
        }
    }
    for (i, p) in pending.iter().enumerate() {
        let mut picks: Vec<&Reading> = best
            .iter()
            .filter_map(|b| p.readings.get(*b.get(i)?))
            .collect();
        picks.dedup();
        if best.is_empty() {
            picks = p.readings.iter().collect();
        }
        let (Some(o), false) = (obs.get(p.obs), picks.is_empty()) else {
            continue;
        };
        let Some(run) = o.run_together(WIDTH, Runs::Separated) else {
            continue;
        };
        let mut read = RowRead::decided(&run, &picks, WIDTH, Read::Table, sink.src);
        if picks.len() > 1 {
            // A count the narrative states for this row's 总计 may leave one.
            let stated: Vec<Decimal> = statements
                .iter()
                .filter_map(|st| match st.claim {
                    Claim::Count { quantity, value } if quantity.rows() == [p.row] => {
                        Some(Decimal::from(i64::try_from(value).ok()?))
                    }
                    _ => None,
                })
                .collect();
            let fit: Vec<&Reading> = picks
                .iter()
                .copied()
                .filter(|r| {
                    !stated.is_empty()
                        && stated
                            .iter()
                            .all(|v| r.cells.get(WIDTH - 1).is_some_and(|n| n.value == *v))
                })
                .collect();
            if let [one] = fit.as_slice() {
                let decided = RowRead::decided(&run, &[*one], WIDTH, Read::Narrative, sink.src);
                let before = read.cells.clone();
                read = decided;
                for (how, cell) in read.reads.iter_mut().zip(before) {
                    if cell != Cell::Unknown {
                        *how = Read::Table;
                    }
                }
            }
        }
        let undecided = read.cells.contains(&Cell::Unknown);
        if let Some(row) = table.row_mut(p.row) {
            put(row, p.row, read, sink);
        }
        if undecided {
            sink.undecided(Table::Applications, p.row, &run, picks.len(), run.span);
        }
    }
}

fn apply(t: &mut Applications, row: RowId, cells: &[Number]) {
    if let Some(r) = t.row_mut(row) {
        for (col, n) in cells.iter().enumerate() {
            set(r, col, Cell::Number(*n));
        }
    }
}

/// How many column identities (outcome sum, balance) hold with numbers only.
fn identities_held(t: &Applications) -> i32 {
    let mut held = 0;
    for c in APPLICANT_COLUMNS {
        let get = |r: &ApplicantCounts| r.get(c.id).and_then(Cell::value);
        let outcomes: Option<Vec<Decimal>> = t.outcome_rows().iter().map(|(_, r)| get(r)).collect();
        let sum = |v: &[Decimal]| v.iter().try_fold(Decimal::ZERO, |a, b| a.checked_add(*b));
        if let (Some(o), Some(total)) = (outcomes, get(&t.total)) {
            if sum(&o) == Some(total) {
                held += 1;
            }
        }
        if let (Some(a), Some(b), Some(tot), Some(cf)) = (
            get(&t.new_received),
            get(&t.carried_over),
            get(&t.total),
            get(&t.carried_forward),
        ) {
            if a.checked_add(b) == tot.checked_add(cf) {
                held += 1;
            }
        }
    }
    held
}

#[cfg(test)]
mod tests {
    use super::torn_group;

    #[test]
    fn pieces_of_a_torn_group_label_are_not_row_words() {
        assert!(torn_group("予公开"));
        assert!(torn_group("三不"));
        assert!(torn_group("法提供"));
        assert!(torn_group("六其"));
        // The 2019 row （六）其他处理 is its group's label: its end stays.
        assert!(!torn_group("其他处理"));
        assert!(!torn_group("他处理"));
        // A row's own words, and a single character, are not taken out.
        assert!(!torn_group("予以公开"));
        assert!(!torn_group("不"));
    }

    #[test]
    fn the_2021_sub_rows_of_other_follow_their_group_label() {
        use super::sub_row_words;
        assert!(sub_row_words("1申请人无正当理由逾期不补正"));
        assert!(sub_row_words("3其他"));
        assert!(sub_row_words("行政机关不再处理逾期未缴"));
        // The 2019 row （六）其他处理, then （七）总计: no sub-row.
        assert!(!sub_row_words("七总计"));
        assert!(!sub_row_words(""));
    }
}
