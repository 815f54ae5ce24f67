//! Proptest strategies for whole reports.
//!
//! Functions rather than `impl Arbitrary`: the orphan rule forbids
//! implementing a foreign trait for the model's types here.
//!
//! Every strategy shrinks towards a small, readable report: counts shrink to
//! 0, rare cell kinds (empty, not applicable, unknown, missing) shrink to
//! numbers, optional parts (a table, the statistical period) shrink to being
//! present, and the agency and dates to the first of their choices.

mod mutate;
mod values;

pub use mutate::{Mutation, MutationKind, mutated};

use chrono::NaiveDate;
use ogi_model::schema::{self, APPLICANT_COLUMNS, row};
use ogi_model::{
    Active, AppealCounts, Appeals, ApplicantCounts, Applications, Cell, CellRow, Decimal, Meta,
    OtherStyle, Report, RowId, Template,
};
use proptest::prelude::*;

use crate::render::Layout;
use values::{Profile, active_cell, count};

/// Either format version, 2021 first (so that shrinking goes there).
pub fn template() -> impl Strategy<Value = Template> {
    prop_oneof![Just(Template::V2021), Just(Template::V2019)]
}

/// A report of the given format version whose every identity holds
/// (`format.md` §5): in section 三, per column, 一 + 二 = （七） + 四 and
/// （七） = the sum of the outcome rows; per row, 总计 = the six applicant
/// columns (so 四 ≤ 一 + 二 as well); in section 四, per row group, the four
/// results add up to 总计. Sections 三 and 四 hold numbers only; section 二
/// (which has no identity) has some empty and not-applicable cells.
///
/// Shapes are those of real reports: counts are mostly 0 and small, a few
/// reports have one five-digit count, the decisions of section 二 can be
/// large, money has decimals. The metadata is plausible: an agency such as
/// 某某市行政审批服务局, a year that matches the format (2019–2020 for
/// [`Template::V2019`], 2021–2025 for [`Template::V2021`]), the period 1
/// January – 31 December, a printed date in January (March for a people's
/// government) of the next year.
///
/// Not every layout can carry every such report (an empty cell cannot be
/// seen in space-aligned text); see [`consistent_report_for`].
pub fn consistent_report(template: Template) -> impl Strategy<Value = Report> {
    build(template, Profile::consistent())
}

/// Any report of the given format version: identities are not guaranteed
/// (values are drawn independently), every cell kind occurs anywhere
/// (empty, not applicable, unknown; rows cut short, whose last cells are
/// missing; rows and whole tables left out), and the statistical period or
/// the printed date may be absent or wrong.
///
/// Missing cells only ever end a row: a cell missing in the middle of a row
/// cannot be written down (the cells after it would move left).
pub fn report(template: Template) -> impl Strategy<Value = Report> {
    build(template, Profile::any())
}

/// [`consistent_report`], restricted to what `layout` can carry (see
/// [`Layout::carries`]): no empty cells in space-separated text, not
/// applicable written `无` only where cells are delimited, and for
/// [`Layout::RunTogether`] small counts whose digits split one way only.
pub fn consistent_report_for(layout: Layout, template: Template) -> BoxedStrategy<Report> {
    for_layout(layout, template, Profile::consistent())
}

/// [`report`], restricted to what `layout` can carry (see
/// [`Layout::carries`]). For [`Layout::RunTogether`] and [`Layout::RowRun`] this is
/// [`consistent_report_for`]: digits run together can only be split by the
/// table's own arithmetic.
pub fn report_for(layout: Layout, template: Template) -> BoxedStrategy<Report> {
    let profile = if matches!(layout, Layout::RunTogether | Layout::RowRun) {
        Profile::consistent()
    } else {
        Profile::any()
    };
    for_layout(layout, template, profile)
}

fn for_layout(layout: Layout, template: Template, profile: Profile) -> BoxedStrategy<Report> {
    build(template, profile.for_layout(layout))
        .prop_map(move |r| layout.adapt(r))
        .prop_filter("the layout must carry the report", move |r| {
            layout.carries(r).is_ok()
        })
        .boxed()
}

fn build(template: Template, profile: Profile) -> BoxedStrategy<Report> {
    let other = match template {
        Template::V2019 => Just(OtherStyle::Single).boxed(),
        Template::V2021 => {
            prop_oneof![9 => Just(OtherStyle::Split), 1 => Just(OtherStyle::Single)].boxed()
        }
    };
    (
        meta(template, profile),
        active(template, profile),
        applications(other, profile),
        appeals(profile),
        tables_present(profile),
    )
        .prop_map(|(meta, active, applications, appeals, present)| {
            let mut r = Report {
                meta,
                active: present[0].then_some(active),
                applications: present[1].then_some(applications),
                appeals: present[2].then_some(appeals),
            };
            normalize(&mut r);
            r
        })
        .boxed()
}

/// Whether each table is there. A consistent report has all three.
fn tables_present(profile: Profile) -> BoxedStrategy<[bool; 3]> {
    if !profile.absent_tables {
        return Just([true; 3]).boxed();
    }
    let present = || prop_oneof![19 => Just(true), 1 => Just(false)];
    (present(), present(), present())
        .prop_map(|(a, b, c)| [a, b, c])
        .boxed()
}

/// A table whose every cell is missing is no table at all.
fn normalize(r: &mut Report) {
    let all_missing = |rows: Vec<(RowId, &dyn CellRow)>| {
        rows.into_iter()
            .flat_map(|(_, row)| row_cells(row))
            .all(|c| c == Cell::Missing)
    };
    if r.active.as_ref().is_some_and(|a| all_missing(a.rows())) {
        r.active = None;
    }
    if r.applications.as_ref().is_some_and(|a| {
        all_missing(
            a.rows()
                .into_iter()
                .map(|(id, row)| (id, row as &dyn CellRow))
                .collect(),
        )
    }) {
        r.applications = None;
    }
    if r.appeals.as_ref().is_some_and(|a| {
        all_missing(
            a.rows()
                .into_iter()
                .map(|(id, row)| (id, row as &dyn CellRow))
                .collect(),
        )
    }) {
        r.appeals = None;
    }
}

fn row_cells(row: &dyn CellRow) -> Vec<Cell> {
    row.columns()
        .iter()
        .filter_map(|c| row.get(*c).copied())
        .collect()
}

/// Agencies: a place and an office. Shrinks to the first of each.
const PLACES: &[&str] = &[
    "某某市",
    "某某县",
    "某某市某某区",
    "某某省",
    "某某自治州",
    "某某市某某县",
];
const OFFICES: &[&str] = &[
    "行政审批服务局",
    "人民政府",
    "人民政府办公室",
    "自然资源和规划局",
    "市场监督管理局",
    "生态环境局",
    "统计局",
    "某某镇人民政府",
    "某某街道办事处",
    "教育局",
];

/// The deadline month for an agency name: 31 March for a people's
/// government (county level and above), 31 January for everyone else
/// (《政府信息公开条例》 art. 49).
fn last_month(agency: &str) -> u32 {
    let township = agency.ends_with("镇人民政府") || agency.ends_with("街道办事处");
    if agency.ends_with("人民政府") && !township {
        3
    } else {
        1
    }
}

fn meta(template: Template, profile: Profile) -> BoxedStrategy<Meta> {
    let years = match template {
        Template::V2019 => 2019..=2020,
        Template::V2021 => 2021..=2025,
    };
    let place = prop::sample::select(PLACES);
    let office = prop::sample::select(OFFICES);
    // Days into the reporting window; shrinks to early January.
    let day = 4u32..90;
    let wrong_dates = if profile.wrong_meta {
        prop_oneof![8 => Just(0u8), 1 => Just(1u8), 1 => Just(2u8), 1 => Just(3u8)].boxed()
    } else {
        Just(0u8).boxed()
    };
    (years, place, office, day, wrong_dates)
        .prop_map(move |(year, place, office, day, wrong)| {
            let agency = format!("{place}{office}");
            let last = last_month(&agency);
            let window = if last == 3 { 89 } else { 27 };
            let date = |m: u32, d: u32| NaiveDate::from_ymd_opt(year + 1, m, d);
            let offset = day % window;
            let published = if offset < 27 {
                date(1, 4 + offset)
            } else if offset < 27 + 28 {
                date(2, offset - 26)
            } else {
                date(3, offset - 54)
            };
            let mut meta = Meta {
                agency: Some(agency),
                year: Some(year),
                template: Some(template),
                period_start: NaiveDate::from_ymd_opt(year, 1, 1),
                period_end: NaiveDate::from_ymd_opt(year, 12, 31),
                published,
            };
            match wrong {
                // No statistical period stated.
                1 => {
                    meta.period_start = None;
                    meta.period_end = None;
                }
                // No printed date; a period that stops early.
                2 => {
                    meta.published = None;
                    meta.period_end = NaiveDate::from_ymd_opt(year, 11, 30);
                }
                // Signed in the report year itself (a habit the checker catches).
                3 => meta.published = NaiveDate::from_ymd_opt(year, 1 + day % 12, 1 + day % 28),
                _ => {}
            }
            meta
        })
        .boxed()
}

/// Section 二, cell by cell in schema order.
fn active(template: Template, profile: Profile) -> BoxedStrategy<Active> {
    let defs = schema::active_rows(template);
    let rows: Vec<BoxedStrategy<Vec<Cell>>> = defs
        .iter()
        .map(|def| {
            let cells: Vec<BoxedStrategy<Cell>> = def
                .columns
                .iter()
                .map(|c| active_cell(def.id, c.id, profile))
                .collect();
            truncated(cells, profile)
        })
        .collect();
    rows.prop_map(move |rows| {
        let mut table = Active::missing(template);
        for (def, cells) in defs.iter().zip(rows) {
            if let Some(row) = table.row_mut(def.id) {
                for (col, cell) in def.columns.iter().zip(cells) {
                    if let Some(slot) = row.get_mut(col.id) {
                        *slot = cell;
                    }
                }
            }
        }
        table
    })
    .boxed()
}

/// A row of cells, cut short now and then (the cut-off cells are
/// missing; a row cut at 0 is left out).
fn truncated(cells: Vec<BoxedStrategy<Cell>>, profile: Profile) -> BoxedStrategy<Vec<Cell>> {
    let width = cells.len();
    if !profile.missing {
        return cells.boxed();
    }
    (cells, prop::option::weighted(0.04, 0..width))
        .prop_map(|(mut cells, cut)| {
            if let Some(k) = cut {
                for c in &mut cells[k..] {
                    *c = Cell::Missing;
                }
            }
            cells
        })
        .boxed()
}

/// The outcome rows of a 2021 table (（六） split in three), in order.
const OUTCOMES_SPLIT: usize = 21;

fn applications(other: BoxedStrategy<OtherStyle>, profile: Profile) -> BoxedStrategy<Applications> {
    if profile.consistent {
        consistent_applications(other, profile)
    } else {
        any_applications(other, profile)
    }
}

/// Per applicant column: the outcome leaves, 上年结转 and 结转下年度; then
/// （七） is their sum, 一 is what balances, and 总计 sums each row.
fn consistent_applications(
    other: BoxedStrategy<OtherStyle>,
    profile: Profile,
) -> BoxedStrategy<Applications> {
    let columns: Vec<BoxedStrategy<(Vec<i64>, i64, i64)>> = (0..6)
        .map(|c| {
            let leaves: Vec<BoxedStrategy<i64>> = (0..OUTCOMES_SPLIT)
                .map(|_| count(profile, c).boxed())
                .collect();
            (leaves, count(profile, c), count(profile, c)).boxed()
        })
        .collect();
    let big = if profile.small {
        Just(None).boxed()
    } else {
        prop::option::weighted(0.08, (any::<prop::sample::Index>(), 10_000i64..100_000)).boxed()
    };
    (other, columns, big)
        .prop_map(|(style, mut columns, big)| {
            if let Some((at, value)) = big {
                // One five-digit count, for a natural person (as in real reports).
                let leaf = at.index(OUTCOMES_SPLIT);
                columns[0].0[leaf] = value;
            }
            let mut table = Applications::missing(style);
            for (c, (leaves, carried_over, carried_forward)) in columns.into_iter().enumerate() {
                let col = APPLICANT_COLUMNS[c].id;
                let leaves = merge_other(style, &leaves);
                let total: i64 = leaves.iter().sum();
                // 一 = （七） + 四 − 二 must not be negative: 上年结转 is at most （七） + 四.
                let carried_over = carried_over.min(total + carried_forward);
                let new_received = total + carried_forward - carried_over;
                let outcome_ids: Vec<RowId> =
                    table.outcome_rows().iter().map(|(id, _)| *id).collect();
                let mut put = |row: RowId, v: i64| {
                    if let Some(slot) = table.row_mut(row).and_then(|r| r.get_mut(col)) {
                        *slot = Cell::int(v);
                    }
                };
                for (id, v) in outcome_ids.iter().zip(&leaves) {
                    put(*id, *v);
                }
                put(row::TOTAL, total);
                put(row::NEW_RECEIVED, new_received);
                put(row::CARRIED_OVER, carried_over);
                put(row::CARRIED_FORWARD, carried_forward);
            }
            let ids: Vec<RowId> = table.rows().iter().map(|(id, _)| *id).collect();
            for id in ids {
                if let Some(row) = table.row_mut(id) {
                    row.total = Cell::int(
                        ApplicantCounts::APPLICANTS
                            .iter()
                            .filter_map(|c| row.get(*c).and_then(Cell::value))
                            .filter_map(Decimal::to_i64)
                            .sum(),
                    );
                }
            }
            table
        })
        .boxed()
}

/// The outcome leaves of a table: 21 values become 19 when （六） is a single row.
fn merge_other(style: OtherStyle, leaves: &[i64]) -> Vec<i64> {
    match style {
        OtherStyle::Split => leaves.to_vec(),
        OtherStyle::Single => {
            let mut v = leaves[..OUTCOMES_SPLIT - 3].to_vec();
            v.push(leaves[OUTCOMES_SPLIT - 3..].iter().sum());
            v
        }
    }
}

fn any_applications(
    other: BoxedStrategy<OtherStyle>,
    profile: Profile,
) -> BoxedStrategy<Applications> {
    // 25 rows (the most a table has), 7 cells each.
    let rows: Vec<BoxedStrategy<Vec<Cell>>> = (0..25)
        .map(|_| {
            let cells: Vec<BoxedStrategy<Cell>> = (0..7)
                .map(|c| values::any_cell(count(profile, c.min(5)).boxed(), profile))
                .collect();
            truncated(cells, profile)
        })
        .collect();
    (other, rows)
        .prop_map(|(style, rows)| {
            let mut table = Applications::missing(style);
            let ids: Vec<RowId> = table.rows().iter().map(|(id, _)| *id).collect();
            for (id, cells) in ids.into_iter().zip(rows) {
                if let Some(row) = table.row_mut(id) {
                    for (col, cell) in APPLICANT_COLUMNS.iter().zip(cells) {
                        if let Some(slot) = row.get_mut(col.id) {
                            *slot = cell;
                        }
                    }
                }
            }
            table
        })
        .boxed()
}

/// Section 四: three groups of four results and their 总计, printed as one
/// row of 15 cells.
fn appeals(profile: Profile) -> BoxedStrategy<Appeals> {
    let parts: Vec<BoxedStrategy<i64>> = (0..12).map(|_| values::appeal_count(profile)).collect();
    if profile.consistent {
        return parts
            .prop_map(|v| {
                let mut t = Appeals::default();
                for (g, row) in [
                    &mut t.review,
                    &mut t.litigation_direct,
                    &mut t.litigation_after_review,
                ]
                .into_iter()
                .enumerate()
                {
                    let p = &v[g * 4..g * 4 + 4];
                    *row = AppealCounts {
                        upheld: Cell::int(p[0]),
                        corrected: Cell::int(p[1]),
                        other: Cell::int(p[2]),
                        pending: Cell::int(p[3]),
                        total: Cell::int(p.iter().sum()),
                    };
                }
                t
            })
            .boxed();
    }
    let cells: Vec<BoxedStrategy<Cell>> = (0..15)
        .map(|_| values::any_cell(values::appeal_count(profile), profile))
        .collect();
    // Cut after a whole row group or within the last ones: a section 四
    // reduced to a cell or two is no printed table.
    let cut = prop::option::weighted(if profile.missing { 0.03 } else { 0.0 }, 5usize..15);
    (cells, cut)
        .prop_map(|(mut cells, cut)| {
            if let Some(k) = cut {
                for c in &mut cells[k..] {
                    *c = Cell::Missing;
                }
            }
            let mut t = Appeals::default();
            for (g, id) in [
                row::REVIEW,
                row::LITIGATION_DIRECT,
                row::LITIGATION_AFTER_REVIEW,
            ]
            .into_iter()
            .enumerate()
            {
                if let Some(row) = t.row_mut(id) {
                    for (k, col) in AppealCounts::COLUMNS.iter().enumerate() {
                        if let Some(slot) = row.get_mut(*col) {
                            *slot = cells[g * 5 + k];
                        }
                    }
                }
            }
            t
        })
        .boxed()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::identities::identities;
    use proptest::test_runner::TestRunner;

    #[test]
    fn consistent_reports_satisfy_every_identity() {
        let mut runner = TestRunner::deterministic();
        for template in [Template::V2019, Template::V2021] {
            runner
                .run(&consistent_report(template), |r| {
                    for i in identities(&r) {
                        prop_assert_eq!(i.holds(&r), Some(true), "{}", i);
                    }
                    let year = r.meta.year.unwrap();
                    prop_assert_eq!(Template::for_year(year), template);
                    prop_assert!(r.meta.published.unwrap() > r.meta.period_end.unwrap());
                    Ok(())
                })
                .unwrap();
        }
    }

    #[test]
    fn shrinking_leads_to_zeros() {
        // A property that fails as soon as any count is positive shrinks to a
        // report whose only positive count is the one that must stay.
        let mut runner = TestRunner::deterministic();
        let result = runner.run(&consistent_report(Template::V2021), |r| {
            let apps = r.applications.as_ref().unwrap();
            prop_assert_eq!(apps.new_received.total, Cell::int(0));
            Ok(())
        });
        let Err(proptest::test_runner::TestError::Fail(_, minimal)) = result else {
            panic!("the property must fail: {result:?}");
        };
        let apps = minimal.applications.unwrap();
        assert_eq!(apps.new_received.total, Cell::int(1), "{apps:?}");
        let positive = minimal
            .appeals
            .iter()
            .flat_map(|a| a.rows().map(|(_, r)| r.total))
            .filter(|c| *c != Cell::int(0))
            .count();
        assert_eq!(positive, 0);
        assert_eq!(minimal.meta.agency.as_deref(), Some("某某市行政审批服务局"));
    }
}
