//! The message catalogues: every message and note, in Chinese (with the
//! official labels of the format) and in English (with the vocabulary ids).

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use ogi_model::{Address, CellKind, Decimal, Table, Template, schema};

use crate::diagnostic::{Fix, Lang, Rule, Value};

/// Where an identity applies: one column or one row of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Scope {
    /// A column of `applications` (`natural_person`).
    Column(&'static str),
    /// A row (`granted` in `applications`, `review` in `appeals`).
    Row(&'static str),
}

/// On what the deadline of `dates.deadline` rests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DeadlineBasis {
    /// A department's report: 31 Jan of the next year (条例 art. 49 ¶1).
    Department,
    /// A people's government at county level or above: 31 Mar (art. 49 ¶2).
    Government,
    /// A township or sub-district: local rules apply; 31 Jan assumed.
    Township,
    /// A report for 2018 or earlier: 31 Mar (old art. 31).
    Before2019,
    /// A deadline given by the user.
    Configured,
}

/// What a diagnostic says, with its data. [`Message::text`] renders it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Message {
    /// `applications.balance` broken in a column.
    Balance {
        /// The column.
        column: &'static str,
        /// 一 + 二.
        expected: Decimal,
        /// （七）总计 + 四.
        actual: Decimal,
    },
    /// `applications.outcome_sum` broken in a column.
    OutcomeSum {
        /// The column.
        column: &'static str,
        /// The sum of the outcome rows.
        expected: Decimal,
        /// The printed （七）总计.
        actual: Decimal,
    },
    /// `applications.row_total` broken in a row.
    RowTotal {
        /// The row.
        row: &'static str,
        /// The sum of the six applicant columns.
        expected: Decimal,
        /// The printed 总计.
        actual: Decimal,
    },
    /// `applications.carry_bound` broken in a column.
    CarryBound {
        /// The column.
        column: &'static str,
        /// 一 + 二, the bound.
        expected: Decimal,
        /// 四、结转下年度继续办理.
        actual: Decimal,
    },
    /// `appeals.total` broken in a row.
    AppealsTotal {
        /// The row.
        row: &'static str,
        /// The sum of the four results.
        expected: Decimal,
        /// The printed 总计.
        actual: Decimal,
    },
    /// A count cell holds a fraction.
    NotInteger {
        /// The cell.
        cell: Address,
        /// Its value.
        value: Decimal,
    },
    /// A cell is negative.
    Negative {
        /// The cell.
        cell: Address,
        /// Its value.
        value: Decimal,
    },
    /// A row has too few or too many cells.
    RowLength {
        /// The table.
        table: Table,
        /// The row.
        row: &'static str,
        /// Cells the format defines.
        expected: usize,
        /// Cells found.
        found: usize,
    },
    /// A row of the format was not found.
    MissingRow {
        /// The table.
        table: Table,
        /// The row.
        row: &'static str,
    },
    /// An identity could not be evaluated.
    NotAssessable {
        /// The identity's rule.
        rule: Rule,
        /// Its column or row.
        scope: Scope,
        /// The operands that are not numbers, with their kinds.
        cells: Vec<(Address, CellKind)>,
    },
    /// One identity is not assessable in several columns or rows: one
    /// finding for all of them.
    NotAssessableIn {
        /// The identity's rule.
        rule: Rule,
        /// The columns or rows.
        scopes: Vec<Scope>,
        /// The operands that are not numbers, with their kinds.
        cells: Vec<(Address, CellKind)>,
    },
    /// Identities that fail only as the parser placed the cells of a short
    /// row (from the left): under another placement they do not fail, so
    /// they are not assessed. One finding per short row.
    PlacementUncertain {
        /// The table.
        table: Table,
        /// The short row.
        row: &'static str,
        /// Cells the format defines.
        expected: usize,
        /// Cells found.
        found: usize,
        /// The identities not assessed, with their columns or rows.
        identities: Vec<(Rule, Scope)>,
    },
    /// With `EmptyCells::AsZero`: an identity holds only because empty cells
    /// were read as 0.
    HoldsAssumingZero {
        /// The identity's rule.
        rule: Rule,
        /// Its column or row.
        scope: Scope,
        /// The empty cells.
        cells: Vec<Address>,
    },
    /// Digits run together split into the row's cells in several ways.
    AmbiguousSplit {
        /// The table.
        table: Table,
        /// The row.
        row: &'static str,
        /// The digits as printed.
        run: String,
        /// How many readings remain.
        readings: usize,
    },
    /// Digits run together split into the row's cells in no consistent way.
    Unsplittable {
        /// The table.
        table: Table,
        /// The row.
        row: &'static str,
        /// The digits as printed.
        run: String,
    },
    /// A row of text without fields printed fewer values than cells, and
    /// nothing shows which cells are blank.
    Unplaced {
        /// The table.
        table: Table,
        /// The row; `None` for the whole table.
        row: Option<&'static str>,
        /// Cells the format defines.
        expected: usize,
        /// Values printed.
        found: usize,
    },
    /// A row whose label is printed but whose cells could not be read.
    UnreadRow {
        /// The table.
        table: Table,
        /// The row.
        row: &'static str,
    },
    /// A cell's text is not a value.
    UnreadableValue {
        /// The cell.
        cell: Address,
        /// The text.
        text: String,
    },
    /// Cells printed out of order were reordered by the parser.
    Reordered {
        /// The table.
        table: Table,
    },
    /// A section heading is absent.
    MissingSection {
        /// 1 to 6.
        section: u8,
    },
    /// A table is absent.
    MissingTable {
        /// The table.
        table: Table,
    },
    /// A row label matches no row of the format.
    UnknownRow {
        /// The table.
        table: Table,
        /// The label as printed.
        label: String,
        /// The values as printed.
        values: Vec<String>,
    },
    /// A count the narrative states is not the table's.
    TableMismatch {
        /// The phrase as printed ("予以公开及部分公开258件").
        phrase: String,
        /// What the table rows add up to.
        table: Decimal,
        /// The rows (application or appeal row ids) the phrase is about.
        rows: Vec<(Table, &'static str)>,
    },
    /// The narrative says every case was upheld ("均获维持"), the table not.
    NotAllUpheld {
        /// The sentence as printed.
        phrase: String,
        /// The cells that are not 结果维持 and hold cases.
        cells: Vec<(Address, Decimal)>,
    },
    /// The tables follow the other format version.
    TemplateMismatch {
        /// The report year.
        year: i32,
        /// The version the tables follow.
        template: Template,
        /// The version the year calls for.
        expected: Template,
    },
    /// The statistical period is not the calendar year.
    Period {
        /// The report year.
        year: i32,
        /// Stated start.
        start: NaiveDate,
        /// Stated end.
        end: NaiveDate,
    },
    /// The printed date is on or before the end of the report year.
    PublishedBeforeYearEnd {
        /// The report year.
        year: i32,
        /// The printed date.
        published: NaiveDate,
    },
    /// The printed date is after the deadline.
    Deadline {
        /// The printed date.
        published: NaiveDate,
        /// The deadline.
        deadline: NaiveDate,
        /// Why that deadline.
        basis: DeadlineBasis,
    },
    /// 上年结转 differs from last year's 结转下年度继续办理.
    CarryOver {
        /// The column.
        column: &'static str,
        /// This report's year.
        year: i32,
        /// This year's 二、上年结转.
        carried_over: Decimal,
        /// Last year's 四、结转下年度继续办理.
        previous: Decimal,
    },
    /// 现行有效件数 differs from last year's plus issued minus repealed.
    InForce {
        /// `regulations` or `normative_documents`.
        row: &'static str,
        /// This report's year.
        year: i32,
        /// Last year's + issued − repealed.
        expected: Decimal,
        /// This year's 现行有效件数.
        actual: Decimal,
        /// Last year's 现行有效件数.
        previous: Decimal,
        /// 本年制发件数.
        issued: Decimal,
        /// 本年废止件数.
        repealed: Decimal,
    },
}

/// A further explanation attached to a diagnostic.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Note {
    /// The lead's cell also breaks another identity (that diagnostic is a follow-up).
    AlsoBreaks {
        /// The other rule.
        rule: Rule,
        /// Its message.
        message: Box<Message>,
    },
    /// One value of one cell makes every listed identity hold.
    Explains {
        /// The cell.
        cell: Address,
        /// The value.
        value: Decimal,
        /// The identities it would repair.
        rules: Vec<Rule>,
    },
    /// A follow-up: the lead diagnostic tells the cause.
    SameCause {
        /// The lead's rule.
        rule: Rule,
        /// The cell, when the cause is a cell.
        cell: Option<Address>,
    },
    /// The result rests on reading these empty cells as 0.
    AssumedZero {
        /// The empty cells.
        cells: Vec<Address>,
    },
    /// The printed total agrees with another identity, so a part is more likely wrong.
    Corroborated {
        /// The total cell.
        cell: Address,
        /// The identity it satisfies.
        rule: Rule,
    },
    /// Missing operands come from a row the parser found short.
    ShortRow {
        /// The table.
        table: Table,
        /// The row.
        row: &'static str,
    },
    /// A follow-up of this diagnostic could not evaluate an identity.
    CannotAssess {
        /// The identity's rule.
        rule: Rule,
        /// Its column or row.
        scope: Scope,
    },
    /// The printed date lies in a year before the report year.
    EarlierYear {
        /// The printed year.
        year: i32,
    },
    /// Why the deadline is what it is.
    Basis {
        /// The basis.
        basis: DeadlineBasis,
        /// The agency name it was inferred from, if inferred.
        agency: Option<String>,
    },
    /// The series rule compared with this report of the previous year.
    PreviousReport {
        /// Its index in the series.
        index: usize,
        /// Its year.
        year: i32,
    },
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

pub(crate) fn application_row_label(row: &str) -> String {
    let Some(def) = schema::APPLICATION_ROWS.iter().find(|r| r.id == row) else {
        // A group id (`denied`): the group's label.
        return schema::APPLICATION_ROWS
            .iter()
            .find(|r| {
                r.id.strip_prefix(row)
                    .is_some_and(|rest| rest.starts_with('.'))
            })
            .and_then(|r| r.group)
            .map_or_else(|| row.to_owned(), str::to_owned);
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
pub(crate) fn row_label(table: Table, row: &str) -> String {
    match table {
        Table::Applications => application_row_label(row),
        Table::Appeals => schema::APPEAL_ROWS
            .iter()
            .find(|r| r.id == row)
            .map_or_else(|| row.to_owned(), |r| r.label.to_owned()),
        Table::Active => {
            active_row(row, None).map_or_else(|| row.to_owned(), |r| r.label.to_owned())
        }
        Table::Meta => meta_label(row).to_owned(),
    }
}

/// The row of section 二 (of the version that has `column`, if given; the
/// 2019 one otherwise).
fn active_row(row: &str, column: Option<&str>) -> Option<&'static schema::ActiveRowDef> {
    schema::ACTIVE_ROWS_2019
        .iter()
        .chain(schema::ACTIVE_ROWS_2021)
        .find(|r| r.id == row && column.is_none_or(|c| r.columns.iter().any(|x| x.id == c)))
}

fn meta_label(field: &str) -> &'static str {
    match field {
        "agency" => "机关名称",
        "year" => "报告年度",
        "template" => "表格格式",
        "period_start" | "period_end" => "统计期限",
        "published" => "落款日期",
        _ => "报告信息",
    }
}

/// The official label of a column of `applications` or `appeals`.
pub(crate) fn column_label(table: Table, column: &str) -> &'static str {
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
                .map_or(cell.column, |c| c.label);
            format!("{}“{column}”", def.map_or(cell.row, |r| r.label))
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

fn scope_text(table: Table, scope: Scope, lang: Lang) -> String {
    match (scope, lang) {
        (Scope::Column(c), Lang::Zh) => format!("申请人情况“{}”列", column_label(table, c)),
        (Scope::Row(r), Lang::Zh) => format!("“{}”行", row_label(table, r)),
        (Scope::Column(c), Lang::En) => format!("column `{c}`"),
        (Scope::Row(r), Lang::En) => format!("row `{r}`"),
    }
}

fn rule_table(rule: Rule) -> Table {
    match rule {
        Rule::AppealsTotal => Table::Appeals,
        Rule::SeriesInForce => Table::Active,
        _ => Table::Applications,
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

// ------------------------------------------------------------------ texts

impl Message {
    /// The message in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }

    fn zh(&self) -> String {
        let z = Lang::Zh;
        let apps = Table::Applications;
        match self {
            Self::Balance {
                column,
                expected,
                actual,
            } => format!(
                "申请人情况“{}”列：第一项加第二项之和（{expected}）不等于第三项（七）总计与第四项之和（{actual}）",
                column_label(apps, column)
            ),
            Self::OutcomeSum {
                column,
                expected,
                actual,
            } => format!(
                "申请人情况“{}”列：办理结果（一）至（六）各项之和（{expected}）不等于（七）总计（{actual}）",
                column_label(apps, column)
            ),
            Self::RowTotal {
                row,
                expected,
                actual,
            } => format!(
                "“{}”行：六类申请人之和（{expected}）不等于“总计”（{actual}）",
                application_row_label(row)
            ),
            Self::CarryBound {
                column,
                expected,
                actual,
            } => format!(
                "申请人情况“{}”列：四、结转下年度继续办理（{actual}）大于第一项加第二项之和（{expected}）",
                column_label(apps, column)
            ),
            Self::AppealsTotal {
                row,
                expected,
                actual,
            } => format!(
                "“{}”：结果维持、结果纠正、其他结果、尚未审结之和（{expected}）不等于总计（{actual}）",
                row_label(Table::Appeals, row)
            ),
            Self::NotInteger { cell, value } => {
                format!("{}是件数，应为整数，实际为 {value}", cell_name(*cell, z))
            }
            Self::Negative { cell, value } => {
                format!("{}不应为负数（{value}）", cell_name(*cell, z))
            }
            Self::RowLength {
                table,
                row,
                expected,
                found,
            } => format!(
                "{}“{}”行有 {found} 个单元格，格式规定为 {expected} 个",
                table_label(*table, z),
                row_label(*table, row)
            ),
            Self::MissingRow { table, row } => format!(
                "{}中未找到“{}”行",
                table_label(*table, z),
                row_label(*table, row)
            ),
            Self::NotAssessable { rule, scope, cells } => format!(
                "{}的 {rule} 无法核验：{}",
                scope_text(rule_table(*rule), *scope, z),
                join(
                    cells
                        .iter()
                        .map(|(a, k)| format!("{}{}", cell_name(*a, z), kind_text(*k, z))),
                    z
                )
            ),
            Self::NotAssessableIn {
                rule,
                scopes,
                cells,
            } => format!(
                "{rule} 有 {} 处无法核验（{}），因 {} 个运算单元格不是数值：{}",
                scopes.len(),
                join(
                    scopes.iter().map(|s| scope_text(rule_table(*rule), *s, z)),
                    z
                ),
                cells.len(),
                kinds_summary(cells, z)
            ),
            Self::PlacementUncertain {
                table,
                row,
                expected,
                found,
                identities,
            } => format!(
                "“{}”行只有 {found} 个数值而格式规定 {expected} 个，各数值所在的列无法确定：{} 仅在按现有顺序从左排列时不成立，换一种排列即不一定不成立，故不作判断",
                row_label(*table, row),
                join(
                    identities
                        .iter()
                        .map(|(r, s)| format!("{}的 {r}", scope_text(rule_table(*r), *s, z))),
                    z
                )
            ),
            Self::HoldsAssumingZero { rule, scope, cells } => format!(
                "{}的 {rule} 仅在空白单元格按 0 计算时成立（{}）",
                scope_text(rule_table(*rule), *scope, z),
                join(cells.iter().map(|a| cell_name(*a, z)), z)
            ),
            Self::AmbiguousSplit {
                table,
                row,
                run,
                readings,
            } => format!(
                "{}“{}”行的数字串“{run}”有 {readings} 种拆分方式，表格的勾稽关系无法确定各单元格的值",
                table_label(*table, z),
                row_label(*table, row)
            ),
            Self::Unsplittable { table, row, run } => format!(
                "{}“{}”行的数字串“{run}”无法拆分为与表格一致的数值",
                table_label(*table, z),
                row_label(*table, row)
            ),
            Self::Unplaced {
                table,
                row,
                expected,
                found,
            } => format!(
                "{}{}只有 {found} 个数值而格式规定 {expected} 个；原文没有分隔符，空白单元格不留痕迹，无法确定各数值所在的列，{}各单元格记为无法确定",
                table_label(*table, z),
                row.map_or(String::new(), |row| format!(
                    "“{}”行",
                    row_label(*table, row)
                )),
                if row.is_some() { "本行" } else { "本表" }
            ),
            Self::UnreadRow { table, row } => format!(
                "{}“{}”行的标签在原文中，但其单元格无法读取，本行各单元格记为无法确定",
                table_label(*table, z),
                row_label(*table, row)
            ),
            Self::UnreadableValue { cell, text } => {
                format!("{}的内容“{text}”无法识别为数值", cell_name(*cell, z))
            }
            Self::Reordered { table } => format!(
                "{}中顺序错乱的单元格已按表格的合计关系重新排列",
                table_label(*table, z)
            ),
            Self::MissingSection { section } => {
                let heading = usize::from(*section)
                    .checked_sub(1)
                    .and_then(|i| schema::SECTION_HEADINGS.get(i))
                    .copied()
                    .unwrap_or("");
                format!("缺少第{section}部分“{heading}”")
            }
            Self::MissingTable { table } => {
                format!("缺少{}的表格，或表格无法识别", table_label(*table, z))
            }
            Self::UnknownRow {
                table,
                label,
                values,
            } => format!(
                "{}中的“{label}”行不是格式规定的行（数值：{}）",
                table_label(*table, z),
                values.join(" ")
            ),
            Self::TableMismatch {
                phrase,
                table,
                rows,
            } => format!(
                "正文称“{}”，但表格中{}合计为 {table}",
                squeeze(phrase),
                rows.iter()
                    .map(|(t, r)| row_label(*t, r))
                    .collect::<Vec<_>>()
                    .join("与")
            ),
            Self::NotAllUpheld { phrase, cells } => format!(
                "正文称“{}”，但表格中有未维持的案件：{}",
                squeeze(phrase),
                cells
                    .iter()
                    .map(|(c, v)| format!("{}为 {v}", cell_name(*c, Lang::Zh)))
                    .collect::<Vec<_>>()
                    .join("，")
            ),
            Self::TemplateMismatch {
                year,
                template,
                expected,
            } => format!(
                "{year}年度报告应使用{}的表格，但表格为{}",
                template_text(*expected, z),
                template_text(*template, z)
            ),
            Self::Period { year, start, end } => format!(
                "统计期限为{}至{}，应为{year}年1月1日至{year}年12月31日",
                format_date(*start, z),
                format_date(*end, z)
            ),
            Self::PublishedBeforeYearEnd { year, published } => format!(
                "落款日期{}不晚于报告年度末（{year}年12月31日）",
                format_date(*published, z)
            ),
            Self::Deadline {
                published,
                deadline,
                ..
            } => format!(
                "落款日期{}晚于公布期限{}",
                format_date(*published, z),
                format_date(*deadline, z)
            ),
            Self::CarryOver {
                column,
                year,
                carried_over,
                previous,
            } => format!(
                "申请人情况“{}”列：本年“二、上年结转政府信息公开申请数量”（{carried_over}）不等于{}年度报告的“四、结转下年度继续办理”（{previous}）",
                column_label(apps, column),
                year - 1
            ),
            Self::InForce {
                row,
                year,
                expected,
                actual,
                previous,
                issued,
                repealed,
            } => format!(
                "“{}”现行有效件数（{actual}）不等于{}年度的现行有效件数 {previous} 加本年制发 {issued} 减本年废止 {repealed}（{expected}）",
                active_row(row, Some("in_force")).map_or(*row, |r| r.label),
                year - 1
            ),
        }
    }

    fn en(&self) -> String {
        let e = Lang::En;
        match self {
            Self::Balance {
                column,
                expected,
                actual,
            } => format!(
                "column `{column}`: new plus carried-over applications (一 + 二 = {expected}) do not equal （七）总计 plus carried forward (三 + 四 = {actual})"
            ),
            Self::OutcomeSum {
                column,
                expected,
                actual,
            } => format!(
                "column `{column}`: the outcome rows （一）–（六） add up to {expected}, but （七）总计 is {actual}"
            ),
            Self::RowTotal {
                row,
                expected,
                actual,
            } => format!(
                "row `{row}`: the six applicant columns add up to {expected}, but 总计 is {actual}"
            ),
            Self::CarryBound {
                column,
                expected,
                actual,
            } => format!(
                "column `{column}`: {actual} applications carried forward, more than the {expected} new and carried-over ones"
            ),
            Self::AppealsTotal {
                row,
                expected,
                actual,
            } => format!(
                "`{row}`: upheld + corrected + other + pending = {expected}, but 总计 is {actual}"
            ),
            Self::NotInteger { cell, value } => {
                format!("{cell} is a count but holds {value}, not a whole number")
            }
            Self::Negative { cell, value } => format!("{cell} is negative ({value})"),
            Self::RowLength {
                table,
                row,
                expected,
                found,
            } => format!("row `{table}/{row}` has {found} cells where the format has {expected}"),
            Self::MissingRow { table, row } => format!("row `{table}/{row}` was not found"),
            Self::NotAssessable { rule, scope, cells } => format!(
                "{rule} cannot be evaluated for {}: {}",
                scope_text(rule_table(*rule), *scope, e),
                join(
                    cells
                        .iter()
                        .map(|(a, k)| format!("{a} is {}", kind_text(*k, e))),
                    e
                )
            ),
            Self::NotAssessableIn {
                rule,
                scopes,
                cells,
            } => format!(
                "{rule} cannot be evaluated in {} places ({}): {} operands are not numbers ({})",
                scopes.len(),
                join(
                    scopes.iter().map(|s| scope_text(rule_table(*rule), *s, e)),
                    e
                ),
                cells.len(),
                kinds_summary(cells, e)
            ),
            Self::PlacementUncertain {
                table,
                row,
                expected,
                found,
                identities,
            } => format!(
                "row `{table}/{row}` has {found} cells where the format has {expected}, so the column of each is uncertain: {} fail only with its cells placed from the left and are not assessed",
                join(
                    identities
                        .iter()
                        .map(|(r, s)| format!("{r} for {}", scope_text(rule_table(*r), *s, e))),
                    e
                )
            ),
            Self::HoldsAssumingZero { rule, scope, cells } => format!(
                "{rule} holds for {} only if the empty cells are read as 0 ({})",
                scope_text(rule_table(*rule), *scope, e),
                join(cells.iter().map(ToString::to_string), e)
            ),
            Self::AmbiguousSplit {
                table,
                row,
                run,
                readings,
            } => format!(
                "row `{table}/{row}`: the digits `{run}` split into cells in {readings} ways that the table's arithmetic cannot tell apart"
            ),
            Self::Unsplittable { table, row, run } => format!(
                "row `{table}/{row}`: the digits `{run}` split into no row consistent with the table"
            ),
            Self::Unplaced {
                table,
                row,
                expected,
                found,
            } => format!(
                "{}: {found} values for {expected} cells in text without separators, where blank cells leave no trace: which cell holds which value is unknown",
                row.map_or(format!("table `{table}`"), |row| format!(
                    "row `{table}/{row}`"
                ))
            ),
            Self::UnreadRow { table, row } => format!(
                "row `{table}/{row}`: its label is printed but its cells could not be read; they are unknown"
            ),
            Self::UnreadableValue { cell, text } => {
                format!("{cell}: `{text}` cannot be read as a value")
            }
            Self::Reordered { table } => format!(
                "table `{table}`: cells printed out of order were put back in the order its totals allow"
            ),
            Self::MissingSection { section } => {
                let heading = usize::from(*section)
                    .checked_sub(1)
                    .and_then(|i| schema::SECTION_HEADINGS.get(i))
                    .copied()
                    .unwrap_or("");
                format!("section {section} ({heading}) is missing")
            }
            Self::MissingTable { table } => {
                format!("table `{table}` is missing or unreadable")
            }
            Self::UnknownRow {
                table,
                label,
                values,
            } => format!(
                "table `{table}`: row `{label}` matches no row of the format (values: {})",
                values.join(" ")
            ),
            Self::TableMismatch {
                phrase,
                table,
                rows,
            } => format!(
                "the narrative says “{}”, but the table's {} add up to {table}",
                squeeze(phrase),
                rows.iter()
                    .map(|(t, r)| format!("`{t}/{r}`"))
                    .collect::<Vec<_>>()
                    .join(" + ")
            ),
            Self::NotAllUpheld { phrase, cells } => format!(
                "the narrative says “{}”, but the table has cases not upheld: {}",
                squeeze(phrase),
                cells
                    .iter()
                    .map(|(c, v)| format!("`{c}` = {v}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            Self::TemplateMismatch {
                year,
                template,
                expected,
            } => format!(
                "a {year} report should use the tables of {}, but its tables follow {}",
                template_text(*expected, e),
                template_text(*template, e)
            ),
            Self::Period { year, start, end } => format!(
                "the statistical period is {} to {}, not {year}-01-01 to {year}-12-31",
                format_date(*start, e),
                format_date(*end, e)
            ),
            Self::PublishedBeforeYearEnd { year, published } => format!(
                "the printed date {} is on or before the end of the report year ({year}-12-31)",
                format_date(*published, e)
            ),
            Self::Deadline {
                published,
                deadline,
                ..
            } => format!(
                "the printed date {} is after the deadline {}",
                format_date(*published, e),
                format_date(*deadline, e)
            ),
            Self::CarryOver {
                column,
                year,
                carried_over,
                previous,
            } => format!(
                "column `{column}`: {carried_over} applications carried over from last year, but the {} report carried {previous} forward",
                year - 1
            ),
            Self::InForce {
                row,
                year,
                expected,
                actual,
                previous,
                issued,
                repealed,
            } => format!(
                "`{row}`: {actual} in force, but {} had {previous}, plus {issued} issued minus {repealed} repealed makes {expected}",
                year - 1
            ),
        }
    }

    /// Which variant (for the catalogue test).
    #[cfg(test)]
    pub(crate) const fn variant_index(&self) -> usize {
        match self {
            Self::Balance { .. } => 0,
            Self::OutcomeSum { .. } => 1,
            Self::RowTotal { .. } => 2,
            Self::CarryBound { .. } => 3,
            Self::AppealsTotal { .. } => 4,
            Self::NotInteger { .. } => 5,
            Self::Negative { .. } => 6,
            Self::RowLength { .. } => 7,
            Self::MissingRow { .. } => 8,
            Self::NotAssessable { .. } => 9,
            Self::HoldsAssumingZero { .. } => 10,
            Self::NotAssessableIn { .. } => 26,
            Self::PlacementUncertain { .. } => 27,
            Self::AmbiguousSplit { .. } => 11,
            Self::Unsplittable { .. } => 12,
            Self::UnreadableValue { .. } => 13,
            Self::Unplaced { .. } => 28,
            Self::UnreadRow { .. } => 29,
            Self::Reordered { .. } => 14,
            Self::MissingSection { .. } => 15,
            Self::MissingTable { .. } => 16,
            Self::UnknownRow { .. } => 17,
            Self::TemplateMismatch { .. } => 18,
            Self::TableMismatch { .. } => 24,
            Self::NotAllUpheld { .. } => 25,
            Self::Period { .. } => 19,
            Self::PublishedBeforeYearEnd { .. } => 20,
            Self::Deadline { .. } => 21,
            Self::CarryOver { .. } => 22,
            Self::InForce { .. } => 23,
        }
    }
}

fn basis_text(basis: DeadlineBasis, lang: Lang) -> &'static str {
    match (basis, lang) {
        (DeadlineBasis::Department, Lang::Zh) => {
            "部门的年度报告应于次年1月31日前公布（《政府信息公开条例》第四十九条第一款）"
        }
        (DeadlineBasis::Government, Lang::Zh) => {
            "县级以上地方人民政府的年度报告应于次年3月31日前公布（《政府信息公开条例》第四十九条第二款）"
        }
        (DeadlineBasis::Township, Lang::Zh) => {
            "乡镇、街道的公布期限由地方规定，此处按次年1月31日核对"
        }
        (DeadlineBasis::Before2019, Lang::Zh) => {
            "2018年度及以前的报告应于次年3月31日前公布（原条例第三十一条）"
        }
        (DeadlineBasis::Configured, Lang::Zh) => "期限为使用者设定",
        (DeadlineBasis::Department, Lang::En) => {
            "a department's report is due by 31 January of the next year (Regulations art. 49 ¶1)"
        }
        (DeadlineBasis::Government, Lang::En) => {
            "a county-level or higher people's government's report is due by 31 March of the next year (art. 49 ¶2)"
        }
        (DeadlineBasis::Township, Lang::En) => {
            "township and sub-district deadlines come from local rules; 31 January is assumed"
        }
        (DeadlineBasis::Before2019, Lang::En) => {
            "reports for 2018 and earlier were due by 31 March (old art. 31)"
        }
        (DeadlineBasis::Configured, Lang::En) => "the deadline was configured",
    }
}

impl Note {
    /// The note in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let z = lang == Lang::Zh;
        match self {
            Self::AlsoBreaks { rule, message } => {
                if z {
                    format!("同一单元格还使 {rule} 不成立：{}", message.text(lang))
                } else {
                    format!("the same cell also breaks {rule}: {}", message.text(lang))
                }
            }
            Self::Explains { cell, value, rules } => {
                if z {
                    format!(
                        "若{}为 {value}，{} 均成立",
                        cell_name(*cell, lang),
                        rules_text(rules, lang)
                    )
                } else {
                    format!(
                        "with {cell} = {value}, {} all hold",
                        rules_text(rules, lang)
                    )
                }
            }
            Self::SameCause { rule, cell } => match (cell, z) {
                (Some(cell), true) => format!("与 {rule} 同因：{}", cell_name(*cell, lang)),
                (Some(cell), false) => format!("same cause as {rule}: {cell}"),
                (None, true) => format!("与 {rule} 同因"),
                (None, false) => format!("same cause as {rule}"),
            },
            Self::AssumedZero { cells } => {
                let list = join(cells.iter().map(|a| cell_name(*a, lang)), lang);
                if z {
                    format!("空白单元格按 0 计算（{list}）；结论仅在此假设下成立")
                } else {
                    format!(
                        "empty cells read as 0 ({list}); the result holds only under that assumption"
                    )
                }
            }
            Self::Corroborated { cell, rule } => {
                if z {
                    format!(
                        "{}与 {rule} 相符，更可能是某个分项有误",
                        cell_name(*cell, lang)
                    )
                } else {
                    format!("{cell} agrees with {rule}, so one of the parts is more likely wrong")
                }
            }
            Self::ShortRow { table, row } => {
                if z {
                    format!(
                        "缺失的单元格来自单元格数不足的“{}”行（见 cells.row_length）",
                        row_label(*table, row)
                    )
                } else {
                    format!(
                        "the missing cells come from the short row `{table}/{row}` (see cells.row_length)"
                    )
                }
            }
            Self::CannotAssess { rule, scope } => {
                let where_ = scope_text(rule_table(*rule), *scope, lang);
                if z {
                    format!("因此{where_}的 {rule} 无法核验")
                } else {
                    format!("so {rule} cannot be evaluated for {where_}")
                }
            }
            Self::EarlierYear { year } => {
                if z {
                    format!("落款年份 {year} 早于报告年度：报告可能沿用了往年的落款")
                } else {
                    format!(
                        "the printed year {year} precedes the report year: the signature may be copied from an older report"
                    )
                }
            }
            Self::Basis { basis, agency } => {
                let mut s = basis_text(*basis, lang).to_owned();
                if let Some(agency) = agency {
                    if z {
                        let _ = write!(s, "；依据机关名称“{agency}”推断");
                    } else {
                        let _ = write!(s, "; inferred from the agency name “{agency}”");
                    }
                }
                s
            }
            Self::PreviousReport { index, year } => {
                if z {
                    format!("对照第 {} 份报告（{year}年度）", index + 1)
                } else {
                    format!("compared with report #{} ({year})", index + 1)
                }
            }
        }
    }

    /// Which variant (for the catalogue test).
    #[cfg(test)]
    pub(crate) const fn variant_index(&self) -> usize {
        match self {
            Self::AlsoBreaks { .. } => 0,
            Self::Explains { .. } => 1,
            Self::SameCause { .. } => 2,
            Self::AssumedZero { .. } => 3,
            Self::Corroborated { .. } => 4,
            Self::ShortRow { .. } => 5,
            Self::CannotAssess { .. } => 6,
            Self::EarlierYear { .. } => 7,
            Self::Basis { .. } => 8,
            Self::PreviousReport { .. } => 9,
        }
    }
}

/// The text of a fix.
pub(crate) fn fix_text(fix: &Fix, lang: Lang) -> String {
    match (&fix.value, lang) {
        (Value::Date(d), Lang::Zh) => format!("落款日期可能应为{}", format_date(*d, lang)),
        (Value::Date(d), Lang::En) => {
            format!(
                "the date was probably meant to be {}",
                format_date(*d, lang)
            )
        }
        (v, Lang::Zh) => format!("{}应为 {v}", cell_name(fix.target, lang)),
        (v, Lang::En) => format!(
            "{} should be {v} ({})",
            fix.target,
            cell_name(fix.target, Lang::Zh)
        ),
    }
}

/// A short label for an operand in a rendered snippet.
pub(crate) fn operand_label(cell: Address, lang: Lang) -> String {
    match lang {
        Lang::Zh => cell_name(cell, lang),
        Lang::En => format!("{}/{}", cell.row, cell.column),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let np = "natural_person";
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
                row: "granted",
                expected: d(3),
                actual: d(2),
            },
            Message::CarryBound {
                column: np,
                expected: d(3),
                actual: d(5),
            },
            Message::AppealsTotal {
                row: "review",
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
            Message::RowLength {
                table: Table::Applications,
                row: "total",
                expected: 7,
                found: 6,
            },
            Message::MissingRow {
                table: Table::Appeals,
                row: "review",
            },
            Message::NotAssessable {
                rule: Rule::ApplicationsBalance,
                scope: Scope::Column("total"),
                cells: vec![(addr("applications/total/total"), CellKind::Missing)],
            },
            Message::NotAssessableIn {
                rule: Rule::AppealsTotal,
                scopes: vec![Scope::Row("review"), Scope::Row("litigation_direct")],
                cells: vec![
                    (addr("appeals/review/corrected"), CellKind::Empty),
                    (addr("appeals/litigation_direct/total"), CellKind::Empty),
                ],
            },
            Message::PlacementUncertain {
                table: Table::Applications,
                row: "total",
                expected: 7,
                found: 6,
                identities: vec![(Rule::ApplicationsBalance, Scope::Column("natural_person"))],
            },
            Message::HoldsAssumingZero {
                rule: Rule::ApplicationsRowTotal,
                scope: Scope::Row("granted"),
                cells: vec![addr("applications/granted/research_institution")],
            },
            Message::AmbiguousSplit {
                table: Table::Active,
                row: "licensing",
                run: "3960181".into(),
                readings: 11,
            },
            Message::Unsplittable {
                table: Table::Applications,
                row: "granted",
                run: "12".into(),
            },
            Message::Unplaced {
                table: Table::Active,
                row: Some("regulations"),
                expected: 3,
                found: 2,
            },
            Message::UnreadRow {
                table: Table::Active,
                row: "procurement",
            },
            Message::UnreadableValue {
                cell: addr("active/fees/amount"),
                text: "若干".into(),
            },
            Message::Reordered {
                table: Table::Appeals,
            },
            Message::MissingSection { section: 4 },
            Message::MissingTable {
                table: Table::Applications,
            },
            Message::UnknownRow {
                table: Table::Active,
                label: "行政检查".into(),
                values: vec!["1".into(), "2".into()],
            },
            Message::TableMismatch {
                phrase: "予以公开及部分公开258件".into(),
                table: Decimal::from(275),
                rows: vec![
                    (Table::Applications, "granted"),
                    (Table::Applications, "partially_granted"),
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
                row: "normative_documents",
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
                row: "total",
            },
            Note::CannotAssess {
                rule: Rule::ApplicationsBalance,
                scope: Scope::Column("total"),
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
        assert_eq!(seen, (0..30).collect::<Vec<_>>(), "one example per variant");
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
            assert_ne!(basis_text(basis, Lang::Zh), basis_text(basis, Lang::En));
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
        assert_eq!(cell_name(Address::meta("published"), Lang::Zh), "落款日期");
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
        assert_eq!(fix_text(&fix, Lang::Zh), "（七）总计“自然人”应为 1");
        assert_eq!(
            fix_text(&fix, Lang::En),
            "applications/total/natural_person should be 1 (（七）总计“自然人”)"
        );
    }
}
