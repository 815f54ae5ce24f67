//! 二、主动公开政府信息情况: the sub-tables of 第二十条, in either format.

use ogi_model::schema::{self, ActiveRowDef, column};
use ogi_model::{Active, Address, Cell, Decimal, Span, Table, Template};

use super::split::{Columns, Reading, Split, split};
use super::{BlankRows, Obs, RowRead, Runs, Shapes, Sink, Spec, observe, report_unknown};
use crate::diagnostic::DiagnosticKind;
use crate::lex::{Line, TokKind};
use crate::narrative::{Claim, Statement};
use crate::source_map::Read;
use std::sync::LazyLock;

use crate::text::fold;

/// The folded labels of every column of section 二, longest first (so that
/// 本年处理决定数量 is found before 处理决定数量).
static BY_LENGTH: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut v: Vec<String> = schema::ACTIVE_ROWS_2019
        .iter()
        .chain(schema::ACTIVE_ROWS_2021)
        .flat_map(|r| r.columns)
        .map(|c| fold(c.label))
        .collect();
    v.sort_by_key(|c| std::cmp::Reverse(c.len()));
    v.dedup();
    v
});

fn is_header(folded: &str) -> bool {
    let columns = &*BY_LENGTH;
    if folded.starts_with("第二十条") || folded == "信息内容" || columns.iter().any(|c| c == folded)
    {
        return true;
    }
    // A header line read as one label (`信息内容 | 本年处理决定数量` with
    // one separator): nothing but header words.
    let mut rest = folded.replace("信息内容", "");
    for c in columns {
        rest = rest.replace(c.as_str(), "");
    }
    rest.len() < folded.len() && rest.is_empty()
}

/// A row's own label: what follows the last caption or header word in it
/// (in cells run together, `强制第二十条第（八）项信息内容本年收费金额…收费`
/// is the label of 收费, and 强制 a row printed without values).
fn own_label(folded: &str) -> &str {
    let mut end = 0;
    for w in BY_LENGTH.iter().map(String::as_str).chain(["信息内容"]) {
        if let Some(at) = folded.rfind(w) {
            end = end.max(at + w.len());
        }
    }
    if let Some(at) = folded.rfind("第二十条") {
        // `第二十条第八项`: to its 项.
        let rest = folded.get(at..).unwrap_or_default();
        if let Some(p) = rest.find('项') {
            end = end.max(at + p + '项'.len_utf8());
        }
    }
    match folded.get(end..) {
        Some(tail) if !tail.is_empty() => tail,
        _ => folded,
    }
}

/// The label text of the region's lines, folded and joined.
fn label_text(lines: &[Line<'_>]) -> String {
    let mut text = String::new();
    for l in lines {
        for t in &l.toks {
            if let TokKind::Label(s) = &t.kind {
                text.push_str(&fold(s));
            }
        }
    }
    text
}

/// Whether a row's label (`行政规范性文件`, or without its `行政`) is
/// printed in the region's label text.
fn printed(labels: &str, label: &str) -> bool {
    let key = fold(label);
    labels.contains(&key)
        || key
            .strip_prefix("行政规范")
            .is_some_and(|rest| labels.contains(&format!("规范{rest}")))
}

/// Header words only one format has: (2019, 2021).
fn evidence(lines: &[Line<'_>]) -> (i32, i32) {
    const V2019: &[&str] = &[
        "新制作",
        "新公开",
        "对外公开总数",
        "上一年项目",
        "增减",
        "采购",
        "其他对外管理",
    ];
    const V2021: &[&str] = &[
        "制发件数",
        "废止件数",
        "现行有效",
        "收费金额",
        "行政规范性文件",
    ];
    let mut text = String::new();
    for l in lines {
        for t in &l.toks {
            if let TokKind::Label(s) = &t.kind {
                text.push_str(&fold(s));
            }
        }
    }
    let count = |words: &[&str]| words.iter().filter(|w| text.contains(*w)).count() as i32;
    (count(V2019), count(V2021))
}

fn specs(rows: &'static [ActiveRowDef]) -> Vec<Spec> {
    rows.iter()
        .map(|r| Spec::new(r.id, r.label, r.columns.len()))
        .collect()
}

/// Reads section 二 from the lines of its region. `year` breaks a tie between
/// the formats when the labels do not decide.
pub(crate) fn fit(
    lines: Vec<Line<'_>>,
    year: Option<i32>,
    statements: &[Statement],
    sink: &mut Sink<'_>,
) -> Option<Active> {
    let (e19, e21) = evidence(&lines);
    let labels = label_text(&lines);
    let blocks = observe(lines, &is_header, BlankRows::Any);
    if blocks.is_empty() {
        return None;
    }
    let glued = blocks.iter().filter(|b| b.glued).count() >= 2;
    let obs: Vec<Obs> = blocks
        .into_iter()
        .map(|b| Obs {
            parts: {
                // Where the fragments start within the row's own label.
                let cut = b.label.len() - own_label(&b.label).len();
                b.parts
                    .iter()
                    .filter_map(|p| p.checked_sub(cut).filter(|p| *p > 0))
                    .collect()
            },
            label: own_label(&b.label).to_owned(),
            edges: if b.lines.len() == 1 {
                b.edges.first().copied().unwrap_or_default()
            } else {
                super::Edges::default()
            },
            leads: if b.lines.len() == 1 {
                b.leads.first().cloned().unwrap_or_default()
            } else {
                Vec::new()
            },
            trails: if b.lines.len() == 1 {
                b.trails.first().cloned().unwrap_or_default()
            } else {
                Vec::new()
            },
            slots: b.lines.into_iter().flatten().collect(),
            follow: b.follow,
            raw_label: b.raw_label,
            label_span: b.label_span,
            glued,
            blank: b.blank,
        })
        .collect();
    // A row with as many values as a row's cells fits it; one with more
    // values than it has cells hardly is it (the 2019 行政许可 has three
    // cells, the 2021 one).
    let width_fit = |o: &Obs, s: &Spec| match o.slots.len().cmp(&s.width) {
        std::cmp::Ordering::Equal => 50,
        std::cmp::Ordering::Greater => -50,
        std::cmp::Ordering::Less => 0,
    };
    // The 2019 and 2021 shapes.
    static SHAPES: LazyLock<Shapes<2>> = LazyLock::new(|| {
        Shapes::new([
            specs(schema::ACTIVE_ROWS_2019),
            specs(schema::ACTIVE_ROWS_2021),
        ])
    });
    let obs = SHAPES.split_leads(obs);
    let [(s19, m19, _), (s21, m21, _)] = SHAPES.align(&obs, &width_fit);
    let (s19, s21) = (s19 + 200 * e19, s21 + 200 * e21);
    let template = match s19.cmp(&s21) {
        std::cmp::Ordering::Greater => Template::V2019,
        std::cmp::Ordering::Less => Template::V2021,
        std::cmp::Ordering::Equal => Template::for_year(year.unwrap_or(2021)),
    };
    let (defs, matched) = match template {
        Template::V2019 => (schema::ACTIVE_ROWS_2019, m19),
        Template::V2021 => (schema::ACTIVE_ROWS_2021, m21),
    };
    // Rows of several cells printed as one run of digits each (`规章 000`,
    // `行政规范性文件 120305`) make a table whose rows run together; with no
    // arithmetic in a row, a lone number of a few digits is read as a run
    // only in such a table.
    let rows_of = |pred: &dyn Fn(&Obs, usize) -> bool| {
        obs.iter()
            .zip(&matched)
            .filter_map(|(o, m)| Some((o, defs.get((*m)?)?.columns.len())))
            .filter(|(o, w)| *w > 1 && pred(o, *w))
            .count()
    };
    let lone = rows_of(&|o, w| o.lone_run(w));
    let full = rows_of(&|o, w| o.slots.len() >= w);
    let runs = if lone >= 2 && lone > full {
        Runs::Separated
    } else {
        Runs::Glued
    };
    let placed: Vec<(&Obs, usize)> = obs
        .iter()
        .zip(&matched)
        .filter_map(|(o, m)| Some((o, defs.get((*m)?)?.columns.len())))
        .collect();
    let fields = super::Fields::of(&placed, sink.src);
    let mut table = Active::missing(template);
    let mut span: Option<Span> = None;
    for (o, m) in obs.iter().zip(&matched) {
        let Some(def) = m.and_then(|j| defs.get(j)) else {
            continue;
        };
        let row_span = o.span();
        span = Some(span.map_or(row_span, |s| s.append(row_span)));
        sink.map.rows.insert((Table::Active, def.id), row_span);
        let stated: Vec<(usize, Decimal)> = stated(statements, template, def);
        assign(&mut table, def, o, (runs, &fields, &stated), sink);
    }
    for (j, def) in defs.iter().enumerate() {
        if matched.contains(&Some(j)) {
            continue;
        }
        // A row whose label is printed is there, whatever became of its
        // values: unknown, not missing (and no error rests on it).
        let kind = if printed(&labels, def.label) {
            if let Some(row) = table.row_mut(def.id) {
                for col in def.columns {
                    if let Some(cell) = row.get_mut(col.id) {
                        *cell = Cell::Unknown;
                    }
                }
            }
            DiagnosticKind::UnreadRow {
                table: Table::Active,
                row: def.id,
            }
        } else {
            DiagnosticKind::MissingRow {
                table: Table::Active,
                row: def.id,
            }
        };
        sink.push(kind, span.unwrap_or_default());
    }
    report_unknown(sink, Table::Active, &obs, &matched);
    if let Some(s) = span {
        sink.map.tables.insert(Table::Active, s);
    }
    Some(table)
}

/// The counts the narrative states for cells of a row: column index and value.
fn stated(
    statements: &[Statement],
    template: Template,
    def: &ActiveRowDef,
) -> Vec<(usize, Decimal)> {
    statements
        .iter()
        .filter_map(|st| {
            let Claim::Count { quantity, value } = st.claim else {
                return None;
            };
            let at = quantity.active_cell(template)?;
            if at.row != def.id {
                return None;
            }
            let col = def.columns.iter().position(|c| c.id == at.column)?;
            Some((col, Decimal::from(i64::try_from(value).ok()?)))
        })
        .collect()
}

/// The one reading the narrative's counts leave, if they leave one.
fn by_narrative<'r>(readings: &'r [Reading], stated: &[(usize, Decimal)]) -> Option<&'r Reading> {
    if stated.is_empty() {
        return None;
    }
    let mut fit = readings.iter().filter(|r| {
        stated
            .iter()
            .all(|(col, v)| r.cells.get(*col).is_some_and(|n| n.value == *v))
    });
    let one = fit.next()?;
    fit.next().is_none().then_some(one)
}

fn assign(
    table: &mut Active,
    def: &ActiveRowDef,
    o: &Obs,
    (runs, fields, stated): (Runs, &super::Fields, &[(usize, Decimal)]),
    sink: &mut Sink<'_>,
) {
    let width = def.columns.len();
    let signed = |c: usize| def.columns.get(c).is_some_and(|c| c.id == column::CHANGE);
    let decimal = |c: usize| def.columns.get(c).is_some_and(|c| c.id == column::AMOUNT);
    let cols = Columns {
        signed: &signed,
        decimal: &decimal,
        accept: &|_| true,
    };
    let mut read = None;
    // A lone number with twice the digits of the row's cells (`120305` for
    // three), in a table whose rows are not run together: digits run
    // together, or a short row's first cell? Neither is certain; only the
    // narrative may decide it. (A shorter one is a short row's cell.)
    let lone = runs == Runs::Glued && !o.glued && o.leads.is_empty() && o.lone_run(width * 2);
    let runs = if lone { Runs::Separated } else { runs };
    if let Some(run) = o.run_together(width, runs) {
        read = match split(&run.texts, width, &cols) {
            Split::Readings(r) if r.is_empty() && run.separated && !o.lone_run(width) => None,
            Split::Readings(r) if r.is_empty() => {
                sink.undecided(Table::Active, def.id, &run, 0, run.span);
                Some(RowRead::undecided(&run, width))
            }
            Split::Readings(r) if (r.len() > 1 || lone) && by_narrative(&r, stated).is_some() => {
                // The narrative states a count that only one reading has:
                // the cells the readings disagree on are decided by it.
                let refs: Vec<&Reading> = r.iter().collect();
                let all = RowRead::decided(&run, &refs, width, Read::Split, sink.src);
                let chosen: Vec<&Reading> = by_narrative(&r, stated).into_iter().collect();
                let mut read = RowRead::decided(&run, &chosen, width, Read::Narrative, sink.src);
                for ((how, before), _) in read.reads.iter_mut().zip(&all.cells).zip(0..) {
                    if *before != Cell::Unknown {
                        *how = Read::Split;
                    }
                }
                Some(read)
            }
            Split::Readings(r) if lone => {
                sink.undecided(Table::Active, def.id, &run, r.len(), run.span);
                Some(RowRead::undecided(&run, width))
            }
            Split::Readings(r) => {
                let refs: Vec<&Reading> = r.iter().collect();
                let read = RowRead::decided(&run, &refs, width, Read::Split, sink.src);
                if r.len() > 1 {
                    sink.undecided(Table::Active, def.id, &run, r.len(), run.span);
                }
                Some(read)
            }
            Split::TooAmbiguous => {
                sink.undecided(Table::Active, def.id, &run, usize::MAX, run.span);
                Some(RowRead::undecided(&run, width))
            }
        };
    }
    let read = read.unwrap_or_else(|| {
        let (read, short) = super::tokens(o, width, fields, sink.src);
        if let Some(kind) = short.diagnostic(Table::Active, def.id, width) {
            sink.push(kind, o.span());
        }
        read
    });
    let Some(row) = table.row_mut(def.id) else {
        return;
    };
    let cells = read.cells.into_iter().zip(read.spans).zip(read.reads);
    for (col, ((cell, span), how)) in def.columns.iter().zip(cells) {
        if let Some(slot) = row.get_mut(col.id) {
            *slot = cell;
        }
        if cell != Cell::Missing {
            sink.cell(Address::new(Table::Active, def.id, col.id), span, how);
        }
    }
}
