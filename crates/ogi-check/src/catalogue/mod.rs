//! The catalogue: every text the checker prints, one file per language —
//! `zh.rs` (with the official labels of the format) and `en.rs` (with the
//! vocabulary ids) — and the labels both draw on. Messages, notes and fixes
//! are plain data (`crate::message`, `crate::value`); they are worded here
//! only, at the edge.

use chrono::{Datelike, NaiveDate};
use ogi_model::schema::{self, field};
use ogi_model::{Address, CellKind, ColumnId, RowId, Table, Template};

use crate::message::{Message, Note, Scope};
use crate::rule::{Lang, Rule};
use crate::value::Fix;

mod en;
mod zh;

impl Message {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => zh::message(self),
            Lang::En => en::message(self),
        }
    }
}

impl Note {
    /// The note in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => zh::note(self),
            Lang::En => en::note(self),
        }
    }
}

impl Fix {
    /// The fix in `lang` (`（七）总计“自然人”应为 1`).
    pub(crate) fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => zh::fix(self),
            Lang::En => en::fix(self),
        }
    }
}

/// A short label for an operand in a rendered snippet.
pub(crate) fn operand_label(cell: Address, lang: Lang) -> String {
    match lang {
        Lang::Zh => cell_name(cell, lang),
        Lang::En => format!("{}/{}", cell.row, cell.column),
    }
}

// ------------------------------------------------------------------ labels

/// A table's label.
pub(crate) fn table_label(table: Table, lang: Lang) -> &'static str {
    match (table, lang) {
        (Table::Active, Lang::Zh) => "二、主动公开政府信息情况",
        (Table::Applications, Lang::Zh) => "三、收到和处理政府信息公开申请情况",
        (Table::Appeals, Lang::Zh) => "四、政府信息公开行政复议、行政诉讼情况",
        (Table::Meta, Lang::Zh) => "报告信息",
        (Table::Active, Lang::En) => "active",
        (Table::Applications, Lang::En) => "applications",
        (Table::Appeals, Lang::En) => "appeals",
        (Table::Meta, Lang::En) => "meta",
    }
}

/// The official label of an applications row, without the （二） annotation.
/// A phrase as printed, on one line (a `pdftotext` sentence may wrap).
fn squeeze(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for line in phrase.lines() {
        out.push_str(line.trim());
    }
    out
}

pub(crate) fn application_row_label(row: RowId) -> String {
    let Some(def) = schema::APPLICATION_ROWS.iter().find(|r| r.id == row) else {
        // A group id (`denied`): the group's label.
        return schema::APPLICATION_ROWS
            .iter()
            .find(|r| {
                r.id.as_str()
                    .strip_prefix(row.as_str())
                    .is_some_and(|rest| rest.starts_with('.'))
            })
            .and_then(|r| r.group)
            .map_or_else(|| row.to_string(), str::to_owned);
    };
    // Drop a trailing annotation: （二）部分公开（区分处理的，…） → （二）部分公开.
    let label = def
        .label
        .rfind('（')
        .filter(|i| *i > 0 && def.label.ends_with('）'))
        .and_then(|i| def.label.get(..i))
        .unwrap_or(def.label);
    match def.group {
        Some(group) => format!("{group} {label}"),
        None => label.to_owned(),
    }
}

/// The official label of a row of any table.
pub(crate) fn row_label(table: Table, row: RowId) -> String {
    match table {
        Table::Applications => application_row_label(row),
        Table::Appeals => schema::APPEAL_ROWS
            .iter()
            .find(|r| r.id == row)
            .map_or_else(|| row.to_string(), |r| r.label.to_owned()),
        Table::Active => {
            active_row(row, None).map_or_else(|| row.to_string(), |r| r.label.to_owned())
        }
        Table::Meta => meta_label(row).to_owned(),
    }
}

/// The row of section 二 (of the version that has `column`, if given; the
/// 2019 one otherwise).
fn active_row(row: RowId, column: Option<ColumnId>) -> Option<&'static schema::ActiveRowDef> {
    schema::ACTIVE_ROWS_2019
        .iter()
        .chain(schema::ACTIVE_ROWS_2021)
        .find(|r| r.id == row && column.is_none_or(|c| r.columns.iter().any(|x| x.id == c)))
}

fn meta_label(field: RowId) -> &'static str {
    match field {
        field::AGENCY => "机关名称",
        field::YEAR => "报告年度",
        field::TEMPLATE => "表格格式",
        field::PERIOD_START | field::PERIOD_END => "统计期限",
        field::PUBLISHED => "落款日期",
        _ => "报告信息",
    }
}

/// The official label of a column of `applications` or `appeals`.
pub(crate) fn column_label(table: Table, column: ColumnId) -> &'static str {
    let cols: &[schema::ColumnDef] = match table {
        Table::Applications => schema::APPLICANT_COLUMNS,
        Table::Appeals => schema::APPEAL_COLUMNS,
        Table::Active | Table::Meta => &[],
    };
    cols.iter().find(|c| c.id == column).map_or("", |c| c.label)
}

/// A cell named for a reader: `（七）总计“自然人”` or
/// `applications/total/natural_person`.
pub(crate) fn cell_name(cell: Address, lang: Lang) -> String {
    match lang {
        Lang::En => cell.to_string(),
        Lang::Zh if cell.table == Table::Meta => meta_label(cell.row).to_owned(),
        Lang::Zh if cell.table == Table::Active => {
            let def = active_row(cell.row, Some(cell.column));
            let column = def
                .and_then(|r| r.columns.iter().find(|c| c.id == cell.column))
                .map_or(cell.column.as_str(), |c| c.label);
            format!("{}“{column}”", def.map_or(cell.row.as_str(), |r| r.label))
        }
        Lang::Zh => format!(
            "{}“{}”",
            row_label(cell.table, cell.row),
            column_label(cell.table, cell.column)
        ),
    }
}

fn kind_text(kind: CellKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (CellKind::Number, Lang::Zh) => "数值",
        (CellKind::Empty, Lang::Zh) => "空白",
        (CellKind::Na, Lang::Zh) => "不适用",
        (CellKind::Missing, Lang::Zh) => "缺失",
        (CellKind::Unknown, Lang::Zh) => "无法确定",
        (k, Lang::En) => k.as_str(),
    }
}

/// A date as the language writes it: `2020年1月25日` or `2020-01-25`.
pub(crate) fn format_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => d.format("%Y-%m-%d").to_string(),
    }
}

fn scope_text(scope: Scope, lang: Lang) -> String {
    match (scope, lang) {
        (Scope::Column(c), Lang::Zh) => {
            format!("申请人情况“{}”列", column_label(Table::Applications, c))
        }
        (Scope::Row(table, r), Lang::Zh) => format!("“{}”行", row_label(table, r)),
        (Scope::Column(c), Lang::En) => format!("column `{c}`"),
        (Scope::Row(_, r), Lang::En) => format!("row `{r}`"),
    }
}

fn template_text(t: Template, lang: Lang) -> &'static str {
    match (t, lang) {
        (Template::V2019, Lang::Zh) => "2019年格式（国办公开办函〔2019〕60号）",
        (Template::V2021, Lang::Zh) => "2021年格式（国办公开办函〔2021〕30号）",
        (Template::V2019, Lang::En) => "the 2019 format (〔2019〕60号)",
        (Template::V2021, Lang::En) => "the 2021 format (〔2021〕30号)",
    }
}

fn join(items: impl IntoIterator<Item = String>, lang: Lang) -> String {
    let sep = match lang {
        Lang::Zh => "、",
        Lang::En => ", ",
    };
    items.into_iter().collect::<Vec<_>>().join(sep)
}

/// How many cells of each kind: `空白 12、缺失 1` / `12 empty, 1 missing`.
fn kinds_summary(cells: &[(Address, CellKind)], lang: Lang) -> String {
    let mut counts: Vec<(CellKind, usize)> = Vec::new();
    for (_, k) in cells {
        match counts.iter_mut().find(|(c, _)| c == k) {
            Some((_, n)) => *n += 1,
            None => counts.push((*k, 1)),
        }
    }
    join(
        counts.into_iter().map(|(k, n)| match lang {
            Lang::Zh => format!("{}{n}个", kind_text(k, lang)),
            Lang::En => format!("{n} {}", kind_text(k, lang)),
        }),
        lang,
    )
}

fn rules_text(rules: &[Rule], lang: Lang) -> String {
    join(rules.iter().map(|r| r.as_str().to_owned()), lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::message::DeadlineBasis;
    use crate::value::Value;
    use ogi_model::Decimal;
    use ogi_model::schema::{column, field, row};
    use ogi_parse::DiagnosticKind;

    fn d(n: i64) -> Decimal {
        Decimal::from_i64(n)
    }

    fn addr(s: &str) -> Address {
        s.parse().unwrap()
    }

    fn date(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    /// One of every message variant.
    pub(crate) fn every_message() -> Vec<Message> {
        let np = column::NATURAL_PERSON;
        vec![
            Message::Balance {
                column: np,
                expected: d(1),
                actual: d(0),
            },
            Message::OutcomeSum {
                column: np,
                expected: d(1),
                actual: d(0),
            },
            Message::RowTotal {
                row: row::GRANTED,
                expected: d(3),
                actual: d(2),
            },
            Message::CarryBound {
                column: np,
                expected: d(3),
                actual: d(5),
            },
            Message::AppealsTotal {
                row: row::REVIEW,
                expected: d(11),
                actual: d(0),
            },
            Message::NotInteger {
                cell: addr("applications/granted/total"),
                value: "1.5".parse().unwrap(),
            },
            Message::Negative {
                cell: addr("appeals/review/upheld"),
                value: d(-1),
            },
            Message::Observed(DiagnosticKind::RowLength {
                table: Table::Applications,
                row: row::TOTAL,
                expected: 7,
                found: 6,
            }),
            Message::Observed(DiagnosticKind::MissingRow {
                table: Table::Appeals,
                row: row::REVIEW,
            }),
            Message::NotAssessable {
                rule: Rule::ApplicationsBalance,
                scope: Scope::Column(column::TOTAL),
                cells: vec![(addr("applications/total/total"), CellKind::Missing)],
            },
            Message::NotAssessableIn {
                rule: Rule::AppealsTotal,
                scopes: vec![
                    Scope::Row(Table::Appeals, row::REVIEW),
                    Scope::Row(Table::Appeals, row::LITIGATION_DIRECT),
                ],
                cells: vec![
                    (addr("appeals/review/corrected"), CellKind::Empty),
                    (addr("appeals/litigation_direct/total"), CellKind::Empty),
                ],
            },
            Message::PlacementUncertain {
                table: Table::Applications,
                row: row::TOTAL,
                expected: 7,
                found: 6,
                identities: vec![(
                    Rule::ApplicationsBalance,
                    Scope::Column(column::NATURAL_PERSON),
                )],
            },
            Message::HoldsAssumingZero {
                rule: Rule::ApplicationsRowTotal,
                scope: Scope::Row(Table::Applications, row::GRANTED),
                cells: vec![addr("applications/granted/research_institution")],
            },
            Message::Observed(DiagnosticKind::AmbiguousSplit {
                table: Table::Active,
                row: row::LICENSING,
                run: "3960181".into(),
                readings: 11,
            }),
            Message::Observed(DiagnosticKind::Unsplittable {
                table: Table::Applications,
                row: row::GRANTED,
                run: "12".into(),
            }),
            Message::Observed(DiagnosticKind::Unplaced {
                table: Table::Active,
                row: Some(row::REGULATIONS),
                expected: 3,
                found: 2,
            }),
            Message::Observed(DiagnosticKind::UnreadRow {
                table: Table::Active,
                row: row::PROCUREMENT,
            }),
            Message::Observed(DiagnosticKind::UnreadableValue {
                address: addr("active/fees/amount"),
                text: "若干".into(),
            }),
            Message::Observed(DiagnosticKind::Reordered {
                table: Table::Appeals,
            }),
            Message::Observed(DiagnosticKind::MissingSection { section: 4 }),
            Message::Observed(DiagnosticKind::MissingTable {
                table: Table::Applications,
            }),
            Message::Observed(DiagnosticKind::UnknownRow {
                table: Table::Active,
                label: "行政检查".into(),
                values: vec!["1".into(), "2".into()],
            }),
            Message::TableMismatch {
                phrase: "予以公开及部分公开258件".into(),
                table: Decimal::from(275),
                rows: vec![
                    (Table::Applications, row::GRANTED),
                    (Table::Applications, row::PARTIALLY_GRANTED),
                ],
            },
            Message::NotAllUpheld {
                phrase: "行政复议7件，诉讼9件，均获维持".into(),
                cells: vec![(addr("appeals/review/pending"), Decimal::from(2))],
            },
            Message::TemplateMismatch {
                year: 2022,
                template: Template::V2019,
                expected: Template::V2021,
            },
            Message::Period {
                year: 2020,
                start: date(2020, 1, 1),
                end: date(2020, 11, 30),
            },
            Message::PublishedBeforeYearEnd {
                year: 2020,
                published: date(2020, 1, 25),
            },
            Message::Deadline {
                published: date(2021, 2, 3),
                deadline: date(2021, 1, 31),
                basis: DeadlineBasis::Department,
            },
            Message::CarryOver {
                column: np,
                year: 2021,
                carried_over: d(1),
                previous: d(0),
            },
            Message::InForce {
                row: row::NORMATIVE_DOCUMENTS,
                year: 2024,
                expected: d(8),
                actual: d(9),
                previous: d(5),
                issued: d(3),
                repealed: d(0),
            },
        ]
    }

    fn every_note() -> Vec<Note> {
        let cell = addr("applications/total/natural_person");
        vec![
            Note::AlsoBreaks {
                rule: Rule::ApplicationsOutcomeSum,
                message: Box::new(every_message().remove(1)),
            },
            Note::Explains {
                cell,
                value: d(1),
                rules: vec![Rule::ApplicationsBalance, Rule::ApplicationsOutcomeSum],
            },
            Note::SameCause {
                rule: Rule::ApplicationsBalance,
                cell: Some(cell),
            },
            Note::AssumedZero {
                cells: vec![addr("applications/granted/total")],
            },
            Note::Corroborated {
                cell,
                rule: Rule::ApplicationsBalance,
            },
            Note::ShortRow {
                table: Table::Applications,
                row: row::TOTAL,
            },
            Note::CannotAssess {
                rule: Rule::ApplicationsBalance,
                scope: Scope::Column(column::TOTAL),
            },
            Note::EarlierYear { year: 2019 },
            Note::Basis {
                basis: DeadlineBasis::Government,
                agency: Some("淮安市人民政府".into()),
            },
            Note::PreviousReport {
                index: 0,
                year: 2020,
            },
        ]
    }

    #[test]
    fn every_message_has_both_languages() {
        let all = every_message();
        let mut seen: Vec<usize> = all.iter().map(Message::variant_index).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..20).collect::<Vec<_>>(), "one example per variant");
        // And one per observation of the parser, each worded on its own (an
        // observation the catalogue missed would show the parser's `Debug`).
        let observed: Vec<&Message> = all
            .iter()
            .filter(|m| matches!(m, Message::Observed(_)))
            .collect();
        assert_eq!(observed.len(), 11, "the parser's kinds");
        for m in &all {
            let zh = m.text(Lang::Zh);
            let en = m.text(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty(), "{m:?}");
            assert_ne!(zh, en, "{m:?}");
            assert!(
                zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                "{zh}"
            );
            assert!(!zh.contains("{") && !en.contains("{"), "{zh} / {en}");
        }
        for basis in [
            DeadlineBasis::Department,
            DeadlineBasis::Government,
            DeadlineBasis::Township,
            DeadlineBasis::Before2019,
            DeadlineBasis::Configured,
        ] {
            assert_ne!(zh::basis_text(basis), en::basis_text(basis));
        }
    }

    #[test]
    fn every_note_has_both_languages() {
        let all = every_note();
        let mut seen: Vec<usize> = all.iter().map(Note::variant_index).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..10).collect::<Vec<_>>());
        for n in &all {
            let zh = n.text(Lang::Zh);
            let en = n.text(Lang::En);
            assert!(!zh.is_empty() && !en.is_empty() && zh != en, "{n:?}");
        }
    }

    #[test]
    fn official_labels_in_chinese() {
        assert_eq!(
            every_message()[0].text(Lang::Zh),
            "申请人情况“自然人”列：第一项加第二项之和（1）不等于第三项（七）总计与第四项之和（0）"
        );
        assert_eq!(
            cell_name(addr("applications/total/natural_person"), Lang::Zh),
            "（七）总计“自然人”"
        );
        assert_eq!(
            cell_name(addr("applications/partially_granted/total"), Lang::Zh),
            "（二）部分公开“总计”"
        );
        assert_eq!(
            cell_name(addr("applications/denied.state_secret/total"), Lang::Zh),
            "（三）不予公开 1.属于国家秘密“总计”"
        );
        assert_eq!(
            cell_name(Address::meta(field::PUBLISHED), Lang::Zh),
            "落款日期"
        );
        assert_eq!(
            cell_name(addr("active/normative_documents/in_force"), Lang::Zh),
            "行政规范性文件“现行有效件数”"
        );
        assert_eq!(
            cell_name(addr("active/normative_documents/made"), Lang::Zh),
            "规范性文件“本年新制作数量”"
        );
        assert_eq!(
            cell_name(addr("active/fees/amount"), Lang::Zh),
            "行政事业性收费“本年收费金额（单位：万元）”"
        );
        assert_eq!(
            cell_name(addr("active/procurement/amount"), Lang::Zh),
            "政府集中采购“采购总金额”"
        );
        let fix = Fix {
            target: addr("applications/total/natural_person"),
            value: Value::Number(d(1)),
        };
        assert_eq!(fix.text(Lang::Zh), "（七）总计“自然人”应为 1");
        assert_eq!(
            fix.text(Lang::En),
            "applications/total/natural_person should be 1 (（七）总计“自然人”)"
        );
    }
}
