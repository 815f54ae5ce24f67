//! From the model to report text, in every layout of the real corpus.
//!
//! A rendered report is a whole document: a title line naming the agency
//! and the year, a sentence giving the statistical period, the six section
//! headings with narrative paragraphs, the three tables in the chosen
//! [`Layout`], and the agency and printed date at the end. Labels are the
//! official ones of [`ogi_model::schema`].
//!
//! | cell | written as |
//! |---|---|
//! | number | its value (`+28` for a positive 本年增/减, `251000元` with its unit) |
//! | empty | nothing: an empty field between separators, `&nbsp;` in HTML |
//! | not applicable | its marker (`/`, `-`, `—`, `_`, `无`) |
//! | unknown | a run of 24 digits, too long to be any count (as OCR garbage is) |
//! | missing | not written: the row is printed one cell short (missing cells end a row); a row whose every cell is missing is left out, and so is a table |
//!
//! Not every layout can carry every report: see [`Layout::carries`].

mod aligned;
mod html;
mod labels;
mod narrative;
mod split;
mod text;

use std::fmt;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};
use ogi_model::schema::{self, APPEAL_COLUMNS, APPEAL_ROWS, APPLICANT_COLUMNS, column, row};
use ogi_model::{
    Address, AppealCounts, Cell, CellRow, Decimal, NaMarker, Report, RowId, Table, Unit,
};
use proptest::prelude::*;

pub use narrative::Narrative;

/// How the tables are laid out, after the layouts of the real corpus.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Layout {
    /// Tab-separated fields, as a table copied out of Word or a web page
    /// into plain text (`laizhou-2020.txt`). Group labels are printed on the
    /// first row of their group, label columns are padded with empty fields.
    Tab,
    /// One table row per line, cells separated by ` | `, no outer pipes;
    /// a row-spanning label is printed on its first row only (lg.gov.cn).
    Pipe,
    /// Markdown tables: outer pipes, a `|---|` rule after each table's first row.
    Markdown,
    /// Space-aligned columns as `pdftotext -layout` prints a PDF
    /// (`huaian-2024.layout.txt`): long labels wrapped around their values,
    /// 三、本年度办理结果 printed vertically, one character per line,
    /// wrapped paragraphs, and (with [`RenderOptions::page_breaks`]) page
    /// numbers and form feeds.
    Aligned,
    /// One cell per line with blank lines between (plain `pdftotext`,
    /// `huaian-2024.raw.txt`).
    OnePerLine,
    /// The text of a web page with every table cell run together without
    /// separators (`pingtan-2019.flat.txt`): only the table's arithmetic
    /// tells where one cell ends.
    RunTogether,
    /// One table row per line, its label, a space, and then all its cells
    /// run together (`（一）予以公开 412000043`): the label is set apart, the
    /// cells are not.
    RowRun,
    /// A whole HTML page whose tables use `rowspan`/`colspan` for group
    /// labels and headers (`shanghai-office-2019.html`), `&nbsp;` for
    /// empty cells.
    Html,
}

impl Layout {
    /// Every layout.
    pub const ALL: [Self; 8] = [
        Self::Tab,
        Self::Pipe,
        Self::Markdown,
        Self::Aligned,
        Self::OnePerLine,
        Self::RunTogether,
        Self::RowRun,
        Self::Html,
    ];

    /// A short name: `tab`, `pipe`, `markdown`, `aligned`, `one-per-line`,
    /// `run-together`, `row-run`, `html`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Tab => "tab",
            Self::Pipe => "pipe",
            Self::Markdown => "markdown",
            Self::Aligned => "aligned",
            Self::OnePerLine => "one-per-line",
            Self::RunTogether => "run-together",
            Self::RowRun => "row-run",
            Self::Html => "html",
        }
    }

    /// Whether a reader of text in this layout can recover every cell of
    /// `report`, kind included; otherwise the first cell it cannot, and why.
    ///
    /// What each layout carries:
    ///
    /// - every layout: missing cells only at the end of a printed row (the
    ///   cells after a missing one would move left);
    /// - [`Layout::Html`]: everything else;
    /// - [`Layout::Tab`], [`Layout::Pipe`], [`Layout::Markdown`]: an empty
    ///   cell anywhere but last in its row (after the last value it cannot
    ///   be told from trailing separators that pad a row, as
    ///   `laizhou-2020.txt` has them), and rows of empty cells only;
    /// - [`Layout::Aligned`], [`Layout::OnePerLine`]: no empty cells (blank
    ///   space is not a cell), no missing cells but whole rows (a row printed
    ///   short looks like a row with blank cells) and no `无` marker (it is
    ///   a word of prose);
    /// - [`Layout::RunTogether`], [`Layout::RowRun`]: numbers only, no
    ///   missing cells, and every
    ///   printed row's digits split into its cells in exactly one way, where
    ///   a split has no cell with a leading zero, a sign only in the signed
    ///   本年增/减 column, decimals and a unit only in money columns, and the
    ///   row's own identity holds (总计 = the applicant columns in section
    ///   三; each group's 总计 = its results in section 四). (Rows that split
    ///   several ways may still be decided by the identities between rows;
    ///   this check does not count on it.)
    ///
    /// # Errors
    /// The first cell the layout cannot carry, with the reason.
    pub fn carries(self, report: &Report) -> Result<(), Unsupported> {
        if report.meta.agency.is_none() || report.meta.year.is_none() {
            return Err(Unsupported {
                address: None,
                reason: "the title needs an agency and a year",
            });
        }
        for row in printed_rows(report) {
            self.carries_row(&row)?;
        }
        Ok(())
    }

    fn carries_row(self, row: &PrintedRow) -> Result<(), Unsupported> {
        let err = |address: Address, reason: &'static str| {
            Err(Unsupported {
                address: Some(address),
                reason,
            })
        };
        let first_missing = row.cells.iter().position(|(_, c)| *c == Cell::Missing);
        if let Some(k) = first_missing {
            if let Some((a, _)) = row.cells[k..].iter().find(|(_, c)| *c != Cell::Missing) {
                return err(*a, "a cell after a missing cell of its row");
            }
            if matches!(self, Self::RunTogether | Self::RowRun) {
                return err(row.cells[k].0, "a missing cell in cells run together");
            }
            if k == 0 && row.table == Table::Appeals {
                return err(row.cells[0].0, "section 四 with every cell missing");
            }
            if k > 0 && matches!(self, Self::Aligned | Self::OnePerLine) {
                // A row printed short looks like a row with blank cells.
                return err(row.cells[k].0, "a missing cell in text without separators");
            }
        }
        let printed = &row.cells[..first_missing.unwrap_or(row.cells.len())];
        let n = printed.len();
        // A row of blank fields only is a row of empty cells.
        let blank = n == row.cells.len() && printed.iter().all(|(_, c)| *c == Cell::Empty);
        for (i, (a, c)) in printed.iter().enumerate() {
            let last = i + 1 == n;
            match (self, c) {
                (Self::Html, _) | (_, Cell::Number(_)) => {}
                (Self::RunTogether | Self::RowRun, _) => {
                    return err(*a, "only numbers run together");
                }
                (Self::Tab | Self::Pipe | Self::Markdown, Cell::Empty) if last && !blank => {
                    return err(*a, "an empty cell last in its row");
                }
                (Self::Aligned | Self::OnePerLine, Cell::Empty) => {
                    return err(*a, "an empty cell in text without separators");
                }
                (Self::Aligned | Self::OnePerLine, Cell::NotApplicable(NaMarker::Wu)) => {
                    return err(*a, "`无` in text without separators");
                }

                _ => {}
            }
        }
        if matches!(self, Self::RunTogether | Self::RowRun) && !printed.is_empty() {
            let readings = split::readings(row, printed);
            if readings != 1 {
                return err(
                    printed[0].0,
                    "digits run together that split in several ways",
                );
            }
        }
        Ok(())
    }

    /// The closest report this layout can carry, for what can be changed
    /// without touching any number: an empty cell it cannot place becomes
    /// not applicable (`/`), a `无` it cannot read becomes `/`. Digits run
    /// together are left alone (see [`Layout::carries`]).
    pub fn adapt(self, mut report: Report) -> Report {
        let rows = printed_rows(&report);
        for row in rows {
            let n = row
                .cells
                .iter()
                .position(|(_, c)| *c == Cell::Missing)
                .unwrap_or(row.cells.len());
            let blank = n == row.cells.len() && row.cells.iter().all(|(_, c)| *c == Cell::Empty);
            for (i, (a, c)) in row.cells[..n].iter().enumerate() {
                let last = i + 1 == n;
                let replace = match (self, c) {
                    (Self::Tab | Self::Pipe | Self::Markdown, Cell::Empty) => last && !blank,
                    (Self::Aligned | Self::OnePerLine, Cell::Empty) => true,
                    (Self::Aligned | Self::OnePerLine, Cell::NotApplicable(NaMarker::Wu)) => true,

                    _ => false,
                };
                if replace {
                    if let Some(slot) = report.cell_mut(*a) {
                        *slot = Cell::NotApplicable(NaMarker::Slash);
                    }
                }
            }
        }
        report
    }
}

impl fmt::Display for Layout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cell (or part of the metadata) a layout cannot carry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    /// The cell, if the problem is a cell.
    pub address: Option<Address>,
    /// Why.
    pub reason: &'static str,
}

impl fmt::Display for Unsupported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.address {
            Some(a) => write!(f, "{a}: {}", self.reason),
            None => f.write_str(self.reason),
        }
    }
}

impl std::error::Error for Unsupported {}

/// How to render: the layout and the noise of real copies.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct RenderOptions {
    /// How the tables are laid out.
    pub layout: Layout,
    /// [`Layout::Tab`]: the applications table is split over two pages and
    /// its header repeated (`laizhou-2020.txt`). [`Layout::Aligned`]: page
    /// numbers (`-3-`) and form feeds every 40 lines or so. Other layouts
    /// ignore it.
    pub page_breaks: bool,
    /// Values (and the counts of the narrative) in full-width digits: `１２`.
    pub full_width_digits: bool,
    /// Table labels with half-width punctuation: `(三)不予公开`, `危及"三安全一稳定"`.
    pub half_width_punctuation: bool,
    /// A space in the middle of longer table labels: `商业 企业`.
    pub spaces_in_labels: bool,
    /// Table labels in Traditional characters: `規範性文件`, `行政復議`.
    pub traditional_labels: bool,
    /// Narrative paragraphs stating counts of the tables.
    pub narrative: Narrative,
    /// How the section headings are numbered and named.
    pub headings: Headings,
    /// Row labels shortened by whoever copied the tables: `规范性文件` for
    /// 行政规范性文件, `许可` for 行政许可, `国家秘密` for 1.属于国家秘密.
    pub short_labels: bool,
    /// Header rows whose column labels hold digits: `类别 | 数据1 | … |
    /// 数据6 | 总计` over section 三, `信息内容 | 第1列 | 第2列 | 第3列`
    /// over section 二.
    pub digit_headers: bool,
    /// How section 四 is laid out.
    pub appeals: AppealsShape,
}

/// How the section headings are printed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Headings {
    /// `二、主动公开政府信息情况`: the official numbering.
    #[default]
    Official,
    /// Renumbered by a converter that dropped the first: `总体情况` without
    /// a numeral, then `一、主动公开政府信息情况`, `二、收到和处理…`, … `五、其他需要报告的事项`.
    Renumbered,
    /// The tables' sections as captions, `## 表二：主动公开政府信息情况`,
    /// glued onto the first line of their table (a converter that lost the
    /// line break); the other sections keep their headings.
    Captions,
}

/// How section 四 (3 groups × 5 results) is laid out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum AppealsShape {
    /// The official table: a two-level header, then all 15 numbers in one row.
    #[default]
    Row,
    /// Three rows of five, each named: 行政复议, 未经复议直接起诉, 复议后起诉.
    Rows,
    /// The table turned on its side: five rows of three, each named by its
    /// result (结果维持 … 总计), the columns 行政复议, 未经复议直接起诉, 复议后起诉.
    Columns,
    /// One row of 15 under a header printed one character per line, as
    /// `pdftotext` prints narrow vertical header cells.
    Tall,
}

impl AppealsShape {
    /// Every shape.
    pub const ALL: [Self; 4] = [Self::Row, Self::Rows, Self::Columns, Self::Tall];
}

impl RenderOptions {
    /// The layout without noise, with a narrative that agrees with the tables.
    pub const fn new(layout: Layout) -> Self {
        Self {
            layout,
            page_breaks: false,
            full_width_digits: false,
            half_width_punctuation: false,
            spaces_in_labels: false,
            traditional_labels: false,
            narrative: Narrative::Agreeing,
            headings: Headings::Official,
            short_labels: false,
            digit_headers: false,
            appeals: AppealsShape::Row,
        }
    }

    /// How the headings are printed.
    #[must_use]
    pub const fn headings(mut self, headings: Headings) -> Self {
        self.headings = headings;
        self
    }

    /// With or without shortened row labels.
    #[must_use]
    pub const fn short_labels(mut self, on: bool) -> Self {
        self.short_labels = on;
        self
    }

    /// With or without header labels holding digits.
    #[must_use]
    pub const fn digit_headers(mut self, on: bool) -> Self {
        self.digit_headers = on;
        self
    }

    /// How section 四 is laid out.
    #[must_use]
    pub const fn appeals(mut self, shape: AppealsShape) -> Self {
        self.appeals = shape;
        self
    }

    /// With or without page breaks.
    #[must_use]
    pub const fn page_breaks(mut self, on: bool) -> Self {
        self.page_breaks = on;
        self
    }

    /// With or without full-width digits.
    #[must_use]
    pub const fn full_width_digits(mut self, on: bool) -> Self {
        self.full_width_digits = on;
        self
    }

    /// With or without half-width punctuation in labels.
    #[must_use]
    pub const fn half_width_punctuation(mut self, on: bool) -> Self {
        self.half_width_punctuation = on;
        self
    }

    /// With or without spaces inside labels.
    #[must_use]
    pub const fn spaces_in_labels(mut self, on: bool) -> Self {
        self.spaces_in_labels = on;
        self
    }

    /// With or without Traditional labels.
    #[must_use]
    pub const fn traditional_labels(mut self, on: bool) -> Self {
        self.traditional_labels = on;
        self
    }

    /// Which narrative.
    #[must_use]
    pub const fn narrative(mut self, narrative: Narrative) -> Self {
        self.narrative = narrative;
        self
    }
}

impl fmt::Display for RenderOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.layout)?;
        for (on, name) in [
            (self.page_breaks, "page breaks"),
            (self.full_width_digits, "full-width digits"),
            (self.half_width_punctuation, "half-width punctuation"),
            (self.spaces_in_labels, "spaces in labels"),
            (self.traditional_labels, "Traditional labels"),
            (self.short_labels, "short labels"),
            (self.digit_headers, "digit headers"),
        ] {
            if on {
                write!(f, ", {name}")?;
            }
        }
        match self.headings {
            Headings::Official => {}
            Headings::Renumbered => f.write_str(", renumbered headings")?,
            Headings::Captions => f.write_str(", headings as table captions")?,
        }
        match self.appeals {
            AppealsShape::Row => {}
            AppealsShape::Rows => f.write_str(", section 四 in three rows")?,
            AppealsShape::Columns => f.write_str(", section 四 in five rows")?,
            AppealsShape::Tall => f.write_str(", section 四 under a tall header")?,
        }
        write!(f, ", {} narrative", self.narrative)
    }
}

/// Render options for `layout` with any combination of noise and of the
/// shapes real copies take (headings, short labels, digit headers, section
/// 四); shrinks to none of them and an agreeing narrative.
pub fn options(layout: Layout) -> impl Strategy<Value = RenderOptions> {
    let flag = || prop_oneof![3 => Just(false), 1 => Just(true)];
    let noise = (flag(), flag(), flag(), flag(), flag());
    let shapes = (
        prop_oneof![
            6 => Just(Headings::Official),
            1 => Just(Headings::Renumbered),
            1 => Just(Headings::Captions)
        ],
        flag(),
        flag(),
        prop_oneof![
            5 => Just(AppealsShape::Row),
            1 => Just(AppealsShape::Rows),
            1 => Just(AppealsShape::Columns),
            1 => Just(AppealsShape::Tall)
        ],
    );
    (
        noise,
        shapes,
        prop_oneof![
            Just(Narrative::Agreeing),
            Just(Narrative::Disagreeing),
            Just(Narrative::None)
        ],
    )
        .prop_map(
            move |((p, f, h, s, t), (headings, short, digits, appeals), narrative)| RenderOptions {
                layout,
                page_breaks: p,
                full_width_digits: f,
                half_width_punctuation: h,
                spaces_in_labels: s,
                traditional_labels: t,
                narrative,
                headings,
                short_labels: short,
                digit_headers: digits,
                appeals,
            },
        )
}

/// A rendered report: the text and where each part of the model is in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rendered {
    /// The report's text (an HTML page for [`Layout::Html`]).
    pub text: String,
    /// The byte range of every written cell, in table order: its value, its
    /// marker, the empty field of an empty cell (an empty range), the
    /// `&nbsp;` of an empty HTML cell. Missing cells have none.
    pub cells: Vec<(Address, Range<usize>)>,
    /// Every count the narrative states, in text order.
    pub statements: Vec<Statement>,
}

impl Rendered {
    /// Where a cell was written.
    pub fn cell(&self, address: Address) -> Option<Range<usize>> {
        self.cells
            .iter()
            .find(|(a, _)| *a == address)
            .map(|(_, r)| r.clone())
    }
}

/// A count stated in the narrative (`本年度共收到政府信息公开申请21件`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    /// The cells whose sum the count states (one cell, or the rows of a
    /// group: 不予公开 is the sum of its eight reasons).
    pub cells: Vec<Address>,
    /// The count as written. It equals the sum of `cells` unless the
    /// narrative was asked to disagree.
    pub value: Decimal,
    /// The byte range of the count's digits.
    pub span: Range<usize>,
}

/// Renders `report` as a whole document in `options.layout`.
///
/// Never fails: a report the layout cannot carry ([`Layout::carries`]) is
/// still written, the best the layout allows (an empty cell where blanks
/// are no cells simply vanishes).
pub fn render(report: &Report, options: &RenderOptions) -> Rendered {
    let mut out = Out::default();
    let views = Views::new(report, options);
    match options.layout {
        Layout::Html => html::render(report, &views, options, &mut out),
        Layout::Aligned => aligned::render(report, &views, options, &mut out),
        _ => text::render(report, &views, options, &mut out),
    }
    Rendered {
        text: out.text,
        cells: out.cells,
        statements: out.statements,
    }
}

/// The text being written, with the ranges recorded so far.
#[derive(Default)]
pub(crate) struct Out {
    pub(crate) text: String,
    pub(crate) cells: Vec<(Address, Range<usize>)>,
    pub(crate) statements: Vec<Statement>,
}

impl Out {
    pub(crate) fn push(&mut self, s: &str) {
        self.text.push_str(s);
    }

    /// Writes a cell's text and records its range.
    pub(crate) fn value(&mut self, address: Address, s: &str) {
        let start = self.text.len();
        self.text.push_str(s);
        self.cells.push((address, start..self.text.len()));
    }

    /// The display width of the current line (CJK characters count two).
    pub(crate) fn column(&self) -> usize {
        let line = self.text.rsplit('\n').next().unwrap_or("");
        width(line)
    }
}

/// Display width: wide (CJK, full-width) characters count two.
pub(crate) fn width(s: &str) -> usize {
    s.chars().map(|c| if c.is_ascii() { 1 } else { 2 }).sum()
}

/// A row as printed: its cells in order (missing ones included).
pub(crate) struct PrintedRow {
    pub(crate) table: Table,
    pub(crate) cells: Vec<(Address, Cell)>,
}

/// Every printed row of the report: the rows of section 二 and 三, and the
/// one row of 15 cells of section 四.
pub(crate) fn printed_rows(report: &Report) -> Vec<PrintedRow> {
    let mut out = Vec::new();
    let mut push = |table: Table, id: RowId, row: &dyn CellRow| {
        out.push(PrintedRow {
            table,
            cells: row
                .columns()
                .iter()
                .map(|c| {
                    (
                        Address::new(table, id, *c),
                        row.get(*c).copied().unwrap_or(Cell::Missing),
                    )
                })
                .collect(),
        });
    };
    if let Some(a) = &report.active {
        for (id, row) in a.rows() {
            push(Table::Active, id, row);
        }
    }
    if let Some(a) = &report.applications {
        for (id, row) in a.rows() {
            push(Table::Applications, id, row);
        }
    }
    if let Some(a) = &report.appeals {
        let mut cells = Vec::new();
        for (id, row) in a.rows() {
            for c in AppealCounts::COLUMNS {
                cells.push((
                    Address::new(Table::Appeals, id, *c),
                    row.get(*c).copied().unwrap_or(Cell::Missing),
                ));
            }
        }
        out.push(PrintedRow {
            table: Table::Appeals,
            cells,
        });
    }
    out
}

/// The text of a written cell (`None` for a missing one): HTML writes an
/// empty cell as `&nbsp;`, other layouts as nothing.
pub(crate) fn value_text(
    address: Address,
    cell: &Cell,
    options: &RenderOptions,
    html: bool,
) -> Option<String> {
    let s = match cell {
        Cell::Number(n) => {
            let mut s = n.value.to_string();
            if address.column == column::CHANGE && n.value > Decimal::ZERO {
                s.insert(0, '+');
            }
            if let Some(unit) = n.unit {
                s.push_str(match unit {
                    Unit::Yuan => "元",
                    Unit::WanYuan => "万元",
                });
            }
            if options.full_width_digits {
                s = full_width(&s);
            }
            s
        }
        Cell::Empty if html => "&nbsp;".to_owned(),
        Cell::Empty => String::new(),
        Cell::NotApplicable(m) => m.as_str().to_owned(),
        Cell::Unknown => "8".repeat(24),
        Cell::Missing => return None,
    };
    Some(s)
}

/// ASCII digits, point and signs in their full-width forms.
pub(crate) fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' | '.' | '+' | '-' => char::from_u32(c as u32 + 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// A table row as the layouts print it.
pub(crate) struct ValueRow {
    /// The row's own label, with noise.
    pub(crate) label: String,
    /// The written cells (missing ones left out), in column order.
    pub(crate) cells: Vec<(Address, Cell)>,
    /// How many columns the format defines for the row.
    pub(crate) width: usize,
}

/// A sub-table of section 二: its caption, header and rows.
pub(crate) struct ActiveBlock {
    pub(crate) caption: String,
    pub(crate) header: Vec<String>,
    pub(crate) rows: Vec<ValueRow>,
}

/// A row of section 三 with the group labels printed beside it.
pub(crate) struct AppRow {
    pub(crate) row: ValueRow,
    /// Inside 三、本年度办理结果.
    pub(crate) outcome: bool,
    /// The sub-group (（三）不予公开 …) label, on every row of the group.
    pub(crate) group: Option<String>,
    /// The first printed row of its sub-group.
    pub(crate) group_first: bool,
    /// Printed rows of its sub-group.
    pub(crate) group_len: usize,
    /// Position in its sub-group.
    pub(crate) group_index: usize,
    /// The first printed row of 三、本年度办理结果.
    pub(crate) outcome_first: bool,
}

/// The tables as the layouts print them: labels with noise, missing rows
/// left out.
pub(crate) struct Views {
    pub(crate) active: Option<Vec<ActiveBlock>>,
    pub(crate) applications: Option<Vec<AppRow>>,
    /// The 15 written cells of section 四.
    pub(crate) appeals: Option<Vec<(Address, Cell)>>,
    /// How section 四 is printed: the shape asked for, or
    /// [`AppealsShape::Row`] when a cell is missing (a missing cell can only
    /// end the one row of the official table).
    pub(crate) appeals_shape: AppealsShape,
    /// Labels of the applications header and of section 四, with noise.
    pub(crate) l: labels::Labels,
}

impl Views {
    fn new(report: &Report, options: &RenderOptions) -> Self {
        let l = labels::Labels::new(options);
        let written = |table: Table, id: RowId, row: &dyn CellRow| -> Vec<(Address, Cell)> {
            row.columns()
                .iter()
                .map(|c| {
                    (
                        Address::new(table, id, *c),
                        row.get(*c).copied().unwrap_or(Cell::Missing),
                    )
                })
                .take_while(|(_, c)| *c != Cell::Missing)
                .collect()
        };
        let active = report.active.as_ref().map(|a| {
            let mut blocks: Vec<ActiveBlock> = Vec::new();
            for def in schema::active_rows(a.template()) {
                let Some(row) = a.row(def.id) else { continue };
                let cells = written(Table::Active, def.id, row);
                let caption = l.label(def.caption);
                if blocks.last().is_none_or(|b| b.caption != caption) {
                    blocks.push(ActiveBlock {
                        caption,
                        header: def.columns.iter().map(|c| l.label(c.label)).collect(),
                        rows: Vec::new(),
                    });
                }
                if cells.is_empty() {
                    continue;
                }
                if let Some(b) = blocks.last_mut() {
                    b.rows.push(ValueRow {
                        label: l.row(def.label),
                        cells,
                        width: def.columns.len(),
                    });
                }
            }
            blocks
        });
        let applications = report.applications.as_ref().map(|apps| {
            let style = apps.other.style();
            let mut rows: Vec<AppRow> = Vec::new();
            for def in schema::application_rows(style) {
                let Some(row) = apps.row(def.id) else {
                    continue;
                };
                let cells = written(Table::Applications, def.id, row);
                if cells.is_empty() {
                    continue;
                }
                let outcome = !matches!(
                    def.id,
                    row::NEW_RECEIVED | row::CARRIED_OVER | row::CARRIED_FORWARD
                );
                rows.push(AppRow {
                    row: ValueRow {
                        label: l.row(def.label),
                        cells,
                        width: APPLICANT_COLUMNS.len(),
                    },
                    outcome,
                    group: def.group.map(|g| l.label(g)),
                    group_first: false,
                    group_len: 0,
                    group_index: 0,
                    outcome_first: false,
                });
            }
            let mut k = 0;
            while k < rows.len() {
                let g = rows[k].group.clone();
                let mut end = k + 1;
                while end < rows.len() && g.is_some() && rows[end].group == g {
                    end += 1;
                }
                for (i, r) in rows[k..end].iter_mut().enumerate() {
                    r.group_first = i == 0;
                    r.group_len = end - k;
                    r.group_index = i;
                }
                k = end;
            }
            if let Some(first) = rows.iter_mut().find(|r| r.outcome) {
                first.outcome_first = true;
            }
            rows
        });
        let appeals = report.appeals.as_ref().map(|a| {
            let mut cells = Vec::new();
            for row in APPEAL_ROWS {
                let r = match row.id {
                    row::REVIEW => &a.review,
                    row::LITIGATION_DIRECT => &a.litigation_direct,
                    _ => &a.litigation_after_review,
                };
                for (c, cell) in r.iter() {
                    cells.push((Address::new(Table::Appeals, row.id, c), *cell));
                }
            }
            let n = cells
                .iter()
                .position(|(_, c)| *c == Cell::Missing)
                .unwrap_or(cells.len());
            cells.truncate(n);
            cells
        });
        // A shape other than the official row puts other cells first and
        // last in their printed rows: where blank cells are not delimited
        // (or end a row), only numbers and markers can be moved there.
        let appeals_shape = match &appeals {
            Some(cells)
                if cells.len() == 15
                    && (options.layout == Layout::Html
                        || cells.iter().all(|(_, c)| !matches!(c, Cell::Empty))) =>
            {
                options.appeals
            }
            _ => AppealsShape::Row,
        };
        Self {
            active,
            applications,
            appeals,
            appeals_shape,
            l,
        }
    }
}

/// Section 四 in a shape other than [`AppealsShape::Row`]: header lines
/// (label fields) and printed rows (a label and cells).
pub(crate) struct AppealsLines {
    pub(crate) header: Vec<Vec<String>>,
    pub(crate) rows: Vec<(String, Vec<(Address, Cell)>)>,
}

/// The lines of section 四 in `shape` (not [`AppealsShape::Row`]) from its
/// 15 cells in table order.
pub(crate) fn appeals_lines(
    shape: AppealsShape,
    cells: &[(Address, Cell)],
    l: &labels::Labels,
) -> AppealsLines {
    let columns: Vec<String> = APPEAL_COLUMNS.iter().map(|c| l.label(c.label)).collect();
    let groups = [
        l.label("行政复议"),
        l.label("行政诉讼（未经复议直接起诉）"),
        l.label("行政诉讼（复议后起诉）"),
    ];
    match shape {
        AppealsShape::Rows => AppealsLines {
            header: vec![std::iter::once(String::new()).chain(columns).collect()],
            rows: groups
                .into_iter()
                .zip(cells.chunks(5))
                .map(|(g, c)| (g, c.to_vec()))
                .collect(),
        },
        AppealsShape::Columns => AppealsLines {
            header: vec![vec![
                l.label("项目"),
                l.label("行政复议"),
                l.label("未经复议直接起诉"),
                l.label("复议后起诉"),
            ]],
            rows: columns
                .into_iter()
                .enumerate()
                .map(|(k, name)| {
                    let row = (0..3)
                        .filter_map(|g| cells.get(g * 5 + k).copied())
                        .collect();
                    (name, row)
                })
                .collect(),
        },
        AppealsShape::Row | AppealsShape::Tall => {
            // Group labels on two lines, then each result label one
            // character per line over its column.
            let mut header = vec![
                vec![l.label("行政复议"), l.label("行政诉讼")],
                vec![l.label("未经复议直接起诉"), l.label("复议后起诉")],
            ];
            let chars: Vec<Vec<char>> = (0..15)
                .map(|k| {
                    columns
                        .get(k % 5)
                        .map(|c| c.chars().filter(|c| !c.is_whitespace()).collect())
                        .unwrap_or_default()
                })
                .collect();
            let tall = chars.iter().map(Vec::len).max().unwrap_or(0);
            for i in 0..tall {
                header.push(
                    chars
                        .iter()
                        .map(|c| c.get(i).map(ToString::to_string).unwrap_or_default())
                        .collect(),
                );
            }
            AppealsLines {
                header,
                rows: vec![(String::new(), cells.to_vec())],
            }
        }
    }
}

/// The heading of section `k` (0 for 一、总体情况) as `options` print it,
/// and whether it is a caption glued onto the first line of its table
/// (`table` says whether the section has its table).
pub(crate) fn heading(k: usize, options: &RenderOptions, table: bool) -> (String, bool) {
    const NUMERALS: [&str; 6] = ["一", "二", "三", "四", "五", "六"];
    let official = schema::SECTION_HEADINGS.get(k).copied().unwrap_or_default();
    let title = official.split_once('、').map_or(official, |(_, t)| t);
    match options.headings {
        Headings::Official => (official.to_owned(), false),
        Headings::Renumbered if k == 0 => (title.to_owned(), false),
        Headings::Renumbered => (format!("{}、{title}", NUMERALS[k - 1]), false),
        Headings::Captions if (1..=3).contains(&k) && table => {
            (format!("## 表{}：{title}", NUMERALS[k]), true)
        }
        Headings::Captions => (official.to_owned(), false),
    }
}

/// The title of the report.
pub(crate) fn title(report: &Report) -> (String, i32) {
    let agency = report.meta.agency.clone().unwrap_or_default();
    let year = report.meta.year.unwrap_or(2021);
    (agency, year)
}

/// The printed date: `2022年1月20日`.
pub(crate) fn date_text(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}
