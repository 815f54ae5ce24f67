//! The HTML review page: one self-contained page (inline CSS and script, no
//! network, no other file) for a batch.
//!
//! The page is streamed: its head, then one `<section class="report">` per
//! file as it comes, then the summary table of every report and the script.
//! The summary is last in the document, and shown first by CSS (`order`), so
//! that a batch of any size is written without holding its reports.
//!
//! A report's section has its metadata and its three tables laid out like the
//! official format (the labels of `ogi_model::schema`). Every cell is a `<td>`
//! with `data-address="table/row/column"`; a cell involved in a finding has
//! the class `sev-error`, `sev-warning` or `sev-info` (the most severe of its
//! findings), `primary` where it is the finding's own cell, and the messages
//! in its `title`. Beside the tables, the list of findings with the source
//! lines they point at. Everything read from the input is HTML-escaped.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Write};

use ogi_check::{Diagnostic, Lang, Severity, SourceText};
use ogi_model::schema::{
    self, APPEAL_COLUMNS, APPEAL_ROWS, APPLICANT_COLUMNS, APPLICATION_ROWS, ActiveRowDef, field,
    row,
};
use ogi_model::{Address, Cell, CellRow, Meta, RowId, Span, Table};
use ogi_parse::Parsed;

use super::outcome::Row;

/// What the review page says of a cell not read from its own token (or
/// placed by guess).
fn read_text(read: ogi_parse::Read) -> Option<&'static str> {
    use ogi_parse::Read;
    match read {
        Read::Split => Some("从连写的数字中拆出，依本行的合计唯一确定"),
        Read::Table => Some("从连写的数字中拆出：本行有多种拆法，依表内勾稽关系确定"),
        Read::Narrative => Some("从连写的数字中拆出：依正文所述数字确定"),
        Read::Undecided => Some("连写的数字无法唯一拆分，此格无法确定"),
        Read::ShortRow => Some("本行数值少于栏数，数值所在的列是按从左排列推定的"),
        Read::Reordered => Some("原文中顺序错乱，依各行合计恢复顺序"),
        Read::Unplaced => Some("本行数值少于栏数，原文无法看出哪几格是空白，此格无法确定"),
        _ => None,
    }
}

/// The page's head: everything before the first report.
pub(crate) fn write_head(out: &mut impl Write) -> io::Result<()> {
    write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>政府信息公开工作年度报告 审查结果</title>\n<style>{CSS}</style>\n</head>\n<body>\n\
         <header><h1>政府信息公开工作年度报告 审查结果</h1>\
         <p>由 ogi {} 生成。单元格按问题的严重程度着色：\
         <span class=\"legend sev-error\">错误</span>\
         <span class=\"legend sev-warning\">警告</span>\
         <span class=\"legend sev-info\">提示</span>，\
         加粗加框的是问题所在的单元格；鼠标停在单元格上可看说明。\
         <span class=\"legend read-split\">虚线下划</span>的数值不是原文中单独的一项，\
         而是从连写的数字中拆分出来的（依本行合计、表内勾稽关系或正文所述数字确定）。</p></header>\n\
         <main id=\"reports\">\n",
        env!("CARGO_PKG_VERSION")
    )
}

/// The summary table of the batch and the script: everything after the last report.
pub(crate) fn write_tail(out: &mut impl Write, rows: &[Row]) -> io::Result<()> {
    let failed = rows.iter().filter(|r| r.failed.is_some()).count();
    let with_errors = rows.iter().filter(|r| r.leads[0] > 0).count();
    write!(
        out,
        "</main>\n<section id=\"summary\">\n<h2>汇总</h2>\n\
         <p class=\"totals\">共 {} 个文件：{} 份报告有错误，{} 个文件无法读取。点击表头排序。</p>\n\
         <table class=\"summary sortable\">\n<thead><tr>\
         <th data-sort=\"text\">文件</th><th data-sort=\"text\">报告机关</th>\
         <th data-sort=\"num\">年度</th><th data-sort=\"num\">错误</th>\
         <th data-sort=\"num\">警告</th><th data-sort=\"num\">提示</th></tr></thead>\n<tbody>\n",
        rows.len(),
        with_errors,
        failed
    )?;
    for row in rows {
        let file = esc(&row.file);
        match &row.failed {
            Some(reason) => writeln!(
                out,
                "<tr class=\"failed\"><td><a href=\"#report-{}\">{file}</a></td>\
                 <td class=\"reason\">无法读取：{}</td><td></td><td></td><td></td><td></td></tr>",
                row.index,
                esc(reason)
            )?,
            None => {
                let [e, w, i] = row.leads;
                let class = if e > 0 {
                    "has-errors"
                } else if w > 0 {
                    "has-warnings"
                } else {
                    "clean"
                };
                writeln!(
                    out,
                    "<tr class=\"{class}\"><td><a href=\"#report-{}\">{file}</a></td>\
                     <td>{}</td><td>{}</td><td>{e}</td><td>{w}</td><td>{i}</td></tr>",
                    row.index,
                    esc(row.agency.as_deref().unwrap_or_default()),
                    row.year.map(|y| y.to_string()).unwrap_or_default(),
                )?;
            }
        }
    }
    write!(
        out,
        "</tbody>\n</table>\n</section>\n<script>{SCRIPT}</script>\n</body>\n</html>\n"
    )
}

/// The section of a file that could not be read.
pub(crate) fn write_failure(
    out: &mut impl Write,
    index: usize,
    file: &str,
    reason: &str,
) -> io::Result<()> {
    writeln!(
        out,
        "<section class=\"report failed\" id=\"report-{index}\">\n\
         <h2><span class=\"file\">{}</span></h2>\n<p class=\"reason\">无法读取：{}</p>\n</section>",
        esc(file),
        esc(reason)
    )
}

/// The section of one report: metadata, tables with highlighted cells, findings.
pub(crate) fn write_report(
    out: &mut impl Write,
    index: usize,
    file: &str,
    text: &str,
    parsed: &Parsed,
    diagnostics: &[Diagnostic],
    lang: Lang,
) -> io::Result<()> {
    let page = Page::new(index, text, parsed, diagnostics, lang);
    let meta = &parsed.report.meta;
    let mut s = String::with_capacity(32 * 1024);
    let [e, w, i] = page.lead_counts();
    let _ = write!(
        s,
        "<section class=\"report\" id=\"report-{index}\" data-file=\"{}\">\n<h2>{}{}\
         <span class=\"file\">{}</span></h2>\n<p class=\"counts\">\
         <span class=\"n-error\">{e} 个错误</span>，<span class=\"n-warning\">{w} 个警告</span>，\
         <span class=\"n-info\">{i} 条提示</span></p>\n<div class=\"report-body\">\n<div class=\"tables\">\n",
        esc(file),
        esc(meta.agency.as_deref().unwrap_or("（未识别报告机关）")),
        meta.year.map(|y| format!(" {y} 年度")).unwrap_or_default(),
        esc(file),
    );
    page.meta_table(&mut s, meta);
    page.active_tables(&mut s);
    page.applications_table(&mut s);
    page.appeals_table(&mut s);
    s.push_str("</div>\n");
    page.findings(&mut s);
    s.push_str("</div>\n</section>\n");
    out.write_all(s.as_bytes())
}

/// How one cell is marked.
#[derive(Default)]
struct Mark {
    severity: Option<Severity>,
    primary: bool,
    titles: Vec<String>,
    findings: Vec<String>,
}

struct Page<'a> {
    index: usize,
    text: &'a str,
    parsed: &'a Parsed,
    diagnostics: &'a [Diagnostic],
    lang: Lang,
    /// The text, its lines indexed.
    lines: SourceText<'a>,
    marks: HashMap<Address, Mark>,
    /// For each diagnostic, the index of the lead it follows (if it is a follow-up).
    lead_of: Vec<Option<usize>>,
}

impl<'a> Page<'a> {
    fn new(
        index: usize,
        text: &'a str,
        parsed: &'a Parsed,
        diagnostics: &'a [Diagnostic],
        lang: Lang,
    ) -> Self {
        let lines = SourceText::new(text);
        let lead_of: Vec<Option<usize>> = diagnostics
            .iter()
            .map(|d| {
                let e = d.explained_by?;
                diagnostics.iter().position(|l| {
                    !l.is_follow_up()
                        && l.rule == e.rule
                        && (e.cell.is_none() || l.cells.first() == e.cell.as_ref())
                })
            })
            .collect();
        let mut marks: HashMap<Address, Mark> = HashMap::new();
        for (k, d) in diagnostics.iter().enumerate() {
            let title = format!(
                "[{}] {}：{}",
                severity_label(d.severity),
                d.rule,
                d.message(lang)
            );
            for (j, address) in d.cells.iter().enumerate() {
                let mark = marks.entry(*address).or_default();
                mark.severity = Some(mark.severity.map_or(d.severity, |s| s.min(d.severity)));
                mark.primary |= j == 0 && !d.is_follow_up();
                if !mark.titles.contains(&title) {
                    mark.titles.push(title.clone());
                }
                mark.findings.push(finding_id(index, k));
            }
        }
        Self {
            index,
            text,
            parsed,
            diagnostics,
            lang,
            lines,
            marks,
            lead_of,
        }
    }

    fn lead_counts(&self) -> [usize; 3] {
        let mut n = [0; 3];
        for d in self.diagnostics.iter().filter(|d| !d.is_follow_up()) {
            if let Some(n) = n.get_mut(d.severity.index()) {
                *n += 1;
            }
        }
        n
    }

    /// 1-based line number of a byte offset.
    fn line_of(&self, offset: usize) -> usize {
        self.lines.line(offset)
    }

    /// `class`, `data-address` and `title` attributes of a cell (table or metadata).
    fn cell_attrs(&self, address: Address, kind: &str, span: Option<Span>) -> String {
        let mut class = format!("c kind-{kind}");
        let mut title = String::new();
        let mut extra = String::new();
        if let Some(mark) = self.marks.get(&address) {
            if let Some(sev) = mark.severity {
                let _ = write!(class, " sev-{}", sev.as_str());
            }
            if mark.primary {
                class.push_str(" primary");
            }
            title = mark.titles.join("\n");
            let _ = write!(extra, " data-findings=\"{}\"", mark.findings.join(" "));
        }
        // A value not read from a token of its own says how it was cut.
        if let Some(read) = self.parsed.source_map.read(address) {
            let _ = write!(extra, " data-read=\"{}\"", read.as_str());
            if let Some(how) = read_text(read) {
                let _ = write!(class, " read-{}", read.as_str());
                if !title.is_empty() {
                    title.push('\n');
                }
                title.push_str(how);
            }
        }
        if let Some(span) = span {
            let line = self.line_of(span.start);
            let _ = write!(extra, " data-line=\"{line}\"");
            if !title.is_empty() {
                title.push('\n');
            }
            let _ = write!(title, "原文第 {line} 行");
        }
        format!(
            "class=\"{class}\" data-address=\"{address}\" data-kind=\"{kind}\"{extra} title=\"{}\"",
            esc(&title)
        )
    }

    fn td(&self, s: &mut String, address: Address, cell: Option<&Cell>) {
        let cell = cell.copied().unwrap_or(Cell::Missing);
        let kind = cell.kind().as_str();
        let span = self.parsed.source_map.cell(address);
        let shown = match cell {
            Cell::Number(n) => {
                let mut v = n.value.to_string();
                if let Some(unit) = n.unit {
                    v.push_str(unit.as_str());
                }
                v
            }
            Cell::Empty => String::new(),
            Cell::NotApplicable(marker) => marker.as_str().to_owned(),
            Cell::Missing => "缺".to_owned(),
            Cell::Unknown => "？".to_owned(),
        };
        let _ = write!(
            s,
            "<td {}>{}</td>",
            self.cell_attrs(address, kind, span),
            esc(&shown)
        );
    }

    fn meta_table(&self, s: &mut String, meta: &Meta) {
        let template = meta.template.map(|t| match t {
            ogi_model::Template::V2019 => "2019 年格式（国办公开办函〔2019〕60号）",
            ogi_model::Template::V2021 => "2021 年格式（国办公开办函〔2021〕30号）",
        });
        let fields: [(&str, RowId, String); 6] = [
            (
                "报告机关",
                field::AGENCY,
                meta.agency.clone().unwrap_or_default(),
            ),
            ("报告年度", field::YEAR, shown(meta.year)),
            (
                "表格格式",
                field::TEMPLATE,
                template.unwrap_or_default().to_owned(),
            ),
            ("统计期限起", field::PERIOD_START, shown(meta.period_start)),
            ("统计期限止", field::PERIOD_END, shown(meta.period_end)),
            ("落款日期", field::PUBLISHED, shown(meta.published)),
        ];
        s.push_str("<table class=\"t meta\">\n");
        for (label, field, value) in fields {
            let address = Address::meta(field);
            let kind = if value.is_empty() { "missing" } else { "text" };
            let span = self.parsed.source_map.meta(field);
            let _ = writeln!(
                s,
                "<tr><th>{label}</th><td {}>{}</td></tr>",
                self.cell_attrs(address, kind, span),
                esc(&value)
            );
        }
        s.push_str("</table>\n");
    }

    fn active_tables(&self, s: &mut String) {
        s.push_str("<h3>二、主动公开政府信息情况</h3>\n");
        let Some(active) = &self.parsed.report.active else {
            s.push_str("<p class=\"absent\">报告中没有读到此表。</p>\n");
            return;
        };
        let defs = schema::active_rows(active.template());
        // One table per 第二十条 item, as in the official format.
        let mut groups: Vec<Vec<&ActiveRowDef>> = Vec::new();
        for def in defs {
            match groups.last_mut() {
                Some(g) if g.first().is_some_and(|f| f.caption == def.caption) => g.push(def),
                _ => groups.push(vec![def]),
            }
        }
        for group in groups {
            let Some(first) = group.first() else { continue };
            let _ = write!(
                s,
                "<table class=\"t active\">\n<tr><th class=\"caption\" colspan=\"{}\">{}</th></tr>\n<tr><th>信息内容</th>",
                first.columns.len() + 1,
                first.caption
            );
            for c in first.columns {
                let _ = write!(s, "<th>{}</th>", c.label);
            }
            s.push_str("</tr>\n");
            for def in group {
                let row = active.row(def.id);
                let _ = write!(s, "<tr><th>{}</th>", def.label);
                for c in def.columns {
                    let address = Address::new(Table::Active, def.id, c.id);
                    self.td(s, address, row.and_then(|r| r.get(c.id)));
                }
                s.push_str("</tr>\n");
            }
            s.push_str("</table>\n");
        }
    }

    fn applications_table(&self, s: &mut String) {
        s.push_str("<h3>三、收到和处理政府信息公开申请情况</h3>\n");
        let Some(apps) = &self.parsed.report.applications else {
            s.push_str("<p class=\"absent\">报告中没有读到此表。</p>\n");
            return;
        };
        let _ = write!(
            s,
            "<table class=\"t applications\">\n<tr><th class=\"note\" colspan=\"3\" rowspan=\"3\">{}</th>\
             <th colspan=\"7\" class=\"center\">申请人情况</th></tr>\n\
             <tr><th rowspan=\"2\" class=\"center\">自然人</th><th colspan=\"5\" class=\"center\">法人或其他组织</th>\
             <th rowspan=\"2\" class=\"center\">总计</th></tr>\n<tr>",
            schema::BALANCE_NOTE
        );
        // The five kinds of 法人或其他组织, between 自然人 and 总计.
        for c in APPLICANT_COLUMNS.get(1..6).unwrap_or_default() {
            let _ = write!(s, "<th class=\"center\">{}</th>", c.label);
        }
        s.push_str("</tr>\n");
        let rows = apps.rows();
        let outer = [row::NEW_RECEIVED, row::CARRIED_OVER, row::CARRIED_FORWARD];
        let outcomes = rows.iter().filter(|(id, _)| !outer.contains(id)).count();
        let mut outcome_seen = false;
        let mut group_seen: Option<&str> = None;
        for (id, counts) in &rows {
            let def = APPLICATION_ROWS.iter().find(|d| d.id == *id);
            let label = def.map_or(id.as_str(), |d| d.label);
            s.push_str("<tr>");
            if outer.contains(id) {
                let _ = write!(s, "<th colspan=\"3\">{label}</th>");
            } else {
                if !outcome_seen {
                    outcome_seen = true;
                    let _ = write!(
                        s,
                        "<th class=\"vert\" rowspan=\"{outcomes}\">{}</th>",
                        schema::OUTCOMES_GROUP_LABEL
                    );
                }
                match def.and_then(|d| d.group) {
                    Some(group) => {
                        if group_seen != Some(group) {
                            group_seen = Some(group);
                            let span = rows
                                .iter()
                                .filter(|(r, _)| {
                                    APPLICATION_ROWS
                                        .iter()
                                        .any(|d| d.id == *r && d.group == Some(group))
                                })
                                .count();
                            let _ = write!(s, "<th rowspan=\"{span}\">{group}</th>");
                        }
                        let _ = write!(s, "<th>{label}</th>");
                    }
                    None => {
                        let _ = write!(s, "<th colspan=\"2\">{label}</th>");
                    }
                }
            }
            for c in APPLICANT_COLUMNS {
                let address = Address::new(Table::Applications, *id, c.id);
                self.td(s, address, counts.get(c.id));
            }
            s.push_str("</tr>\n");
        }
        s.push_str("</table>\n");
    }

    fn appeals_table(&self, s: &mut String) {
        s.push_str("<h3>四、政府信息公开行政复议、行政诉讼情况</h3>\n");
        let Some(appeals) = &self.parsed.report.appeals else {
            s.push_str("<p class=\"absent\">报告中没有读到此表。</p>\n");
            return;
        };
        let (review, litigation) = APPEAL_ROWS.split_at(1);
        s.push_str("<table class=\"t appeals\">\n<tr>");
        for r in review {
            let _ = write!(s, "<th colspan=\"5\" class=\"center\">{}</th>", r.label);
        }
        s.push_str("<th colspan=\"10\" class=\"center\">行政诉讼</th></tr>\n<tr>");
        for c in APPEAL_COLUMNS {
            let _ = write!(s, "<th rowspan=\"2\" class=\"center\">{}</th>", c.label);
        }
        for r in litigation {
            let _ = write!(s, "<th colspan=\"5\" class=\"center\">{}</th>", r.label);
        }
        s.push_str("</tr>\n<tr>");
        for _ in litigation {
            for c in APPEAL_COLUMNS {
                let _ = write!(s, "<th class=\"center\">{}</th>", c.label);
            }
        }
        s.push_str("</tr>\n<tr>");
        for (id, counts) in appeals.rows() {
            for c in APPEAL_COLUMNS {
                let address = Address::new(Table::Appeals, id, c.id);
                self.td(s, address, counts.get(c.id));
            }
        }
        s.push_str("</tr>\n</table>\n");
    }

    fn findings(&self, s: &mut String) {
        let lang = self.lang;
        let _ = write!(s, "<aside class=\"findings\">\n<h3>发现的问题</h3>\n");
        if self.diagnostics.is_empty() {
            s.push_str("<p class=\"none\">没有发现问题。</p>\n</aside>\n");
            return;
        }
        s.push_str("<ol class=\"findings\">\n");
        for (k, d) in self.diagnostics.iter().enumerate() {
            if self.lead_of.get(k).copied().flatten().is_some() {
                continue;
            }
            self.finding(s, k, d, lang);
            let follow: Vec<usize> = (0..self.diagnostics.len())
                .filter(|j| self.lead_of.get(*j).copied().flatten() == Some(k))
                .collect();
            if !follow.is_empty() {
                let _ = writeln!(
                    s,
                    "<details class=\"follow-ups\"><summary>同一原因的其他发现（{}）</summary><ol>",
                    follow.len()
                );
                for j in follow {
                    if let Some(f) = self.diagnostics.get(j) {
                        self.finding(s, j, f, lang);
                        s.push_str("</li>\n");
                    }
                }
                s.push_str("</ol></details>\n");
            }
            s.push_str("</li>\n");
        }
        s.push_str("</ol>\n</aside>\n");
    }

    /// Opens the `<li>` of a finding (the caller closes it).
    fn finding(&self, s: &mut String, k: usize, d: &Diagnostic, lang: Lang) {
        let cells: Vec<String> = d.cells.iter().map(ToString::to_string).collect();
        let _ = write!(
            s,
            "<li class=\"finding sev-{}\" id=\"{}\" data-rule=\"{}\" data-cells=\"{}\">\
             <div class=\"head\"><span class=\"badge\">{}</span> <code class=\"rule\">{}</code></div>\
             <p class=\"msg\">{}</p>",
            d.severity.as_str(),
            finding_id(self.index, k),
            d.rule,
            esc(&cells.join(" ")),
            severity_label(d.severity),
            d.rule,
            esc(&d.message(lang)),
        );
        if let Some(fix) = d.fix_text(lang) {
            let _ = write!(s, "<p class=\"fix\">建议：{}</p>", esc(&fix));
        }
        let notes = d.notes(lang);
        if !notes.is_empty() {
            s.push_str("<ul class=\"notes\">");
            for n in notes {
                let _ = write!(s, "<li>{}</li>", esc(&n));
            }
            s.push_str("</ul>");
        }
        if let Some(primary) = d.primary {
            self.source_line(s, primary, "src");
            let mut seen = vec![self.line_of(primary.start)];
            for (span, _) in &d.secondary {
                let line = self.line_of(span.start);
                if seen.contains(&line) || seen.len() > 4 {
                    continue;
                }
                seen.push(line);
                self.source_line(s, *span, "src secondary");
            }
        }
    }

    /// The line a span starts on: its number and its text, the span marked
    /// (a long line is cut around the span).
    fn source_line(&self, s: &mut String, span: Span, class: &str) {
        let text = self.text;
        let start = floor_boundary(text, span.start);
        let end = floor_boundary(text, span.end.max(span.start)).max(start);
        // (Every offset below is a character boundary: `get` only keeps
        // a wrong one from panicking.)
        let part = |a: usize, b: usize| text.get(a..b).unwrap_or_default();
        let line_start = part(0, start).rfind('\n').map_or(0, |i| i + 1);
        let line_end = part(start, text.len())
            .find('\n')
            .map_or(text.len(), |i| start + i);
        let end = end.min(line_end);
        const BEFORE: usize = 60;
        const AFTER: usize = 100;
        let before = part(line_start, start);
        let (cut_before, before) = match before.char_indices().rev().nth(BEFORE) {
            Some((i, _)) => (true, before.get(i..).unwrap_or_default()),
            None => (false, before),
        };
        let inside = part(start, end);
        let after = part(end, line_end).trim_end_matches('\r');
        let (cut_after, after) = match after.char_indices().nth(AFTER) {
            Some((i, _)) => (true, after.get(..i).unwrap_or_default()),
            None => (false, after),
        };
        let _ = write!(
            s,
            "<div class=\"{class}\"><span class=\"ln\">第 {} 行</span><code>{}{}<mark>{}</mark>{}{}</code></div>",
            self.line_of(start),
            if cut_before { "…" } else { "" },
            esc(before),
            esc(inside),
            esc(after),
            if cut_after { "…" } else { "" },
        );
    }
}

/// A metadata value as shown (dates in ISO form), or nothing.
fn shown<T: std::fmt::Display>(v: Option<T>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

fn finding_id(index: usize, k: usize) -> String {
    format!("r{index}-f{k}")
}

const fn severity_label(s: Severity) -> &'static str {
    match s {
        Severity::Error => "错误",
        Severity::Warning => "警告",
        Severity::Info => "提示",
    }
}

fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// HTML-escapes text from the input, and makes invisible characters visible:
/// the cell separator of Word documents becomes a rule
/// ([`ogi_parse::CELL_SEPARATOR_SHOWN`]), other control
/// characters `�`, and bidirectional controls are shown by code point.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            ogi_parse::CELL_SEPARATOR => out.push(ogi_parse::CELL_SEPARATOR_SHOWN),
            '\t' | '\n' => out.push(c),
            '\r' => {}
            c if c.is_control() => out.push('\u{fffd}'),
            '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => {
                let _ = write!(out, "&lt;U+{:04X}&gt;", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}

/// The review page's style sheet (inlined: the page is one self-contained file).
const CSS: &str = include_str!("../../assets/review.css");

/// The review page's script (inlined: the page is one self-contained file).
const SCRIPT: &str = include_str!("../../assets/review.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_is_escaped_and_invisible_characters_shown() {
        assert_eq!(
            esc("<script>\"a\"&'b'</script>"),
            "&lt;script&gt;&quot;a&quot;&amp;&#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(esc("1\u{1f}2\u{7}\u{202e}x"), "1|2\u{fffd}&lt;U+202E&gt;x");
    }
}
