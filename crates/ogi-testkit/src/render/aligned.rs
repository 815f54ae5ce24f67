//! Space-aligned text as `pdftotext -layout` prints a report's PDF.

use ogi_model::schema::{self, APPEAL_COLUMNS, APPLICANT_COLUMNS};
use ogi_model::{Address, Cell, Report};

use super::narrative::{self, Paragraph, Piece};
use super::{AppRow, Out, RenderOptions, Views, date_text, title, value_text, width};

/// Lines per page before a page number and a form feed.
const PAGE: usize = 42;
/// Display columns of a line of prose.
const PROSE: usize = 60;
/// Characters of a row label per line before it wraps.
const LABEL_CHARS: usize = 15;

struct A<'a> {
    out: &'a mut Out,
    options: &'a RenderOptions,
    lines: usize,
    page: usize,
    /// The next line starts a page.
    feed: bool,
    /// A caption heading the next line starts with (glued onto its table).
    prefix: String,
}

impl A<'_> {
    /// Starts a line: the form feed of a new page, if one is due.
    fn start(&mut self) {
        if self.feed {
            self.out.push("\u{c}");
            self.feed = false;
        }
        if !self.prefix.is_empty() {
            let p = std::mem::take(&mut self.prefix);
            self.out.push(&p);
        }
    }

    /// Section `k`'s heading, indented by `indent`, or a caption kept for
    /// the next line.
    fn heading(&mut self, k: usize, indent: usize, table: bool) {
        let (s, glued) = super::heading(k, self.options, table);
        if glued {
            self.prefix = s;
        } else {
            self.text_line(&format!("{}{s}", " ".repeat(indent)));
        }
    }

    /// Ends a line, and the page when it is full.
    fn end(&mut self) {
        self.out.push("\n");
        self.lines += 1;
        if self.options.page_breaks && self.lines % PAGE == 0 {
            self.page += 1;
            self.out
                .push(&format!("{}-{}-\n", " ".repeat(42), self.page));
            self.feed = true;
        }
    }

    fn text_line(&mut self, s: &str) {
        self.start();
        self.out.push(s);
        self.end();
    }

    fn blank(&mut self) {
        self.start();
        self.end();
    }

    fn pad_to(&mut self, col: usize) {
        let now = self.out.column();
        self.out.push(&" ".repeat(col.saturating_sub(now).max(1)));
    }

    /// Values right-aligned in columns of `w` starting at `col`.
    fn values(&mut self, cells: &[(Address, Cell)], col: usize, w: usize) {
        for (k, (a, c)) in cells.iter().enumerate() {
            let Some(t) = value_text(*a, c, self.options, false) else {
                continue;
            };
            let right = col + (k + 1) * w;
            let now = self.out.column();
            let pad = right.saturating_sub(now + width(&t)).max(2);
            self.out.push(&" ".repeat(pad));
            self.out.value(*a, &t);
        }
    }

    /// A paragraph wrapped at [`PROSE`] columns, numbers set off by spaces
    /// (as pdftotext prints Latin text inside Chinese).
    fn paragraph(&mut self, p: &Paragraph, indent: usize) {
        let fw = self.options.full_width_digits;
        self.start();
        self.out.push(&" ".repeat(indent));
        let mut line_start = true;
        for piece in p {
            match piece {
                Piece::Text(s) => {
                    let chars: Vec<char> = s.chars().collect();
                    for (i, c) in chars.iter().enumerate() {
                        if self.out.column() >= PROSE {
                            self.end();
                            self.start();
                            line_start = true;
                        }
                        let digit = c.is_ascii_digit();
                        let prev_digit = i > 0 && chars[i - 1].is_ascii_digit();
                        if digit && !prev_digit && !line_start && !self.out.text.ends_with(' ') {
                            self.out.push(" ");
                        }
                        if !digit && prev_digit && !c.is_ascii() {
                            self.out.push(" ");
                        }
                        let mut b = [0u8; 4];
                        self.out.push(c.encode_utf8(&mut b));
                        line_start = false;
                    }
                }
                Piece::Count { .. } => {
                    if self.out.column() >= PROSE {
                        self.end();
                        self.start();
                    } else if !fw {
                        self.out.push(" ");
                    }
                    narrative::write(self.out, std::slice::from_ref(piece), fw);
                    if !fw {
                        self.out.push(" ");
                    }
                    line_start = false;
                }
            }
        }
        self.end();
    }
}

pub(super) fn render(report: &Report, views: &Views, options: &RenderOptions, out: &mut Out) {
    let prose = narrative::prose(report, options.narrative);
    let (agency, year) = title(report);
    let mut a = A {
        out,
        options,
        lines: 0,
        page: 0,
        feed: false,
        prefix: String::new(),
    };
    a.text_line(&format!("{}{agency}", " ".repeat(16)));
    a.text_line(&format!("      {year} 年政府信息公开工作年度报告"));
    a.blank();
    a.paragraph(&prose.intro, 3);
    a.heading(0, 3, false);
    for p in &prose.one {
        a.paragraph(p, 3);
    }
    a.heading(1, 5, views.active.is_some());
    if let Some(blocks) = &views.active {
        active(&mut a, blocks);
    }
    a.blank();
    let captions = options.headings == super::Headings::Captions;
    if captions {
        if let Some(p) = &prose.three {
            a.paragraph(p, 3);
        }
    }
    a.heading(2, 18, views.applications.is_some());
    if let (Some(p), false) = (&prose.three, captions) {
        // Not wrapped: a count at the end of a line would sit among the table's values.
        a.start();
        a.out.push("   ");
        narrative::write(a.out, p, options.full_width_digits);
        a.end();
    }
    match &views.applications {
        Some(rows) => applications(&mut a, views, rows),
        None => a.text_line("   本年度未收到政府信息公开申请。"),
    }
    a.blank();
    if captions {
        if let Some(p) = &prose.four {
            a.paragraph(p, 3);
        }
    }
    a.heading(3, 5, views.appeals.is_some());
    if let (Some(p), false) = (&prose.four, captions) {
        a.start();
        a.out.push("   ");
        narrative::write(a.out, p, options.full_width_digits);
        a.end();
    }
    if let Some(cells) = &views.appeals {
        appeals(&mut a, views, cells);
    }
    a.blank();
    a.heading(4, 5, false);
    for p in &prose.five {
        a.paragraph(p, 5);
    }
    a.heading(5, 2, false);
    for p in &prose.six {
        a.paragraph(p, 2);
    }
    a.blank();
    a.blank();
    a.text_line(&format!("{}{agency}", " ".repeat(40)));
    if let Some(d) = report.meta.published {
        a.text_line(&format!("{}{}", " ".repeat(40), date_text(d)));
    }
    a.blank();
    if options.page_breaks {
        a.text_line(&format!("{}-{}-", " ".repeat(26), a.page + 1));
    }
}

fn active(a: &mut A<'_>, blocks: &[super::ActiveBlock]) {
    for b in blocks {
        a.text_line(&format!("{}{}", " ".repeat(14), b.caption));
        a.blank();
        a.start();
        a.out.push("       信息内容");
        for (k, h) in b.header.iter().enumerate() {
            a.pad_to(24 + k * 14);
            if a.options.digit_headers {
                a.out.push(&format!("第{}列", k + 1));
            } else {
                a.out.push(h);
            }
        }
        a.end();
        a.blank();
        for r in &b.rows {
            a.start();
            a.out.push(&r.label);
            a.values(&r.cells, 18, 12);
            a.end();
            a.blank();
        }
    }
}

/// A physical line of a row of section 三.
struct PLine<'r> {
    group: String,
    label: String,
    values: Option<&'r [(Address, Cell)]>,
    /// A row outside 三、本年度办理结果: its label starts at column 0.
    wide: bool,
}

fn chunks(label: &str) -> Vec<String> {
    let chars: Vec<char> = label.chars().collect();
    chars
        .chunks(LABEL_CHARS)
        .map(|c| c.iter().collect())
        .collect()
}

fn applications(a: &mut A<'_>, views: &Views, rows: &[AppRow]) {
    let lab = |s: &str| views.l.label(s);
    if a.options.digit_headers {
        a.start();
        a.out.push(&lab("类别"));
        for k in 0..7 {
            a.pad_to(46 + k * 8);
            if k == 6 {
                a.out.push(&lab("总计"));
            } else {
                a.out.push(&format!("数据{}", k + 1));
            }
        }
        a.end();
        a.blank();
    } else {
        header(a, views);
    }
    rows_of(a, views, rows);
}

fn header(a: &mut A<'_>, views: &Views) {
    let lab = |s: &str| views.l.label(s);
    a.text_line(&format!("{}{}", " ".repeat(62), lab("申请人情况")));
    a.blank();
    a.text_line(&format!("{}{}", " ".repeat(58), lab("法人或其他组织")));
    let note: Vec<char> = lab(schema::BALANCE_NOTE).chars().collect();
    let cut = note.len().min(22);
    a.text_line(&note[..cut].iter().collect::<String>());
    a.text_line(&note[cut..].iter().collect::<String>());
    // Column headers, each split over two lines.
    let halves: Vec<(String, String)> = APPLICANT_COLUMNS
        .iter()
        .map(|c| {
            let s: Vec<char> = lab(c.label).chars().collect();
            if s.len() <= 3 {
                return (s.iter().collect(), String::new());
            }
            let h = s.len().div_ceil(2);
            (s[..h].iter().collect(), s[h..].iter().collect())
        })
        .collect();
    for part in 0..2 {
        a.start();
        for (k, (top, bottom)) in halves.iter().enumerate() {
            let s = if part == 0 { top } else { bottom };
            a.pad_to(46 + k * 8);
            a.out.push(s);
        }
        a.end();
    }
    a.blank();
}

fn rows_of(a: &mut A<'_>, views: &Views, rows: &[AppRow]) {
    let lab = |s: &str| views.l.label(s);
    // Physical lines, then the vertical label over the outcome rows.
    let mut lines: Vec<PLine<'_>> = Vec::new();
    let mut outcome_lines: Vec<usize> = Vec::new();
    for r in rows {
        // Rows outside the outcome group have the whole label column.
        let parts = if r.outcome {
            chunks(&r.row.label)
        } else {
            vec![r.row.label.clone()]
        };
        let group = match &r.group {
            Some(g) if r.group_len == 1 => g.clone(),
            Some(g) => {
                let s: Vec<char> = g.chars().collect();
                let h = s.len().div_ceil(2);
                let mid = (r.group_len - 1) / 2;
                if r.group_index == mid {
                    s[..h].iter().collect()
                } else if r.group_index == mid + 1 {
                    s[h..].iter().collect()
                } else {
                    String::new()
                }
            }
            None => String::new(),
        };
        let wide = !r.outcome;
        let first = lines.len();
        let cells = Some(r.row.cells.as_slice());
        match parts.len() {
            0 | 1 => lines.push(PLine {
                group,
                label: r.row.label.clone(),
                values: cells,
                wide,
            }),
            2 => {
                lines.push(PLine {
                    group,
                    label: parts[0].clone(),
                    values: None,
                    wide,
                });
                lines.push(PLine {
                    group: String::new(),
                    label: String::new(),
                    values: cells,
                    wide,
                });
                lines.push(PLine {
                    group: String::new(),
                    label: parts[1].clone(),
                    values: None,
                    wide,
                });
            }
            _ => {
                for (k, p) in parts.iter().enumerate() {
                    lines.push(PLine {
                        group: if k == 0 { group.clone() } else { String::new() },
                        label: p.clone(),
                        values: (k == 1).then_some(r.row.cells.as_slice()),
                        wide,
                    });
                }
            }
        }
        if r.outcome {
            outcome_lines.extend(first..lines.len());
        }
    }
    // 三、 on a line of its own, then one character per line beside the rows.
    let vertical: Vec<char> = lab(schema::OUTCOMES_GROUP_LABEL)
        .chars()
        .skip_while(|c| *c != '、')
        .skip(1)
        .collect();
    let offset = outcome_lines.len().saturating_sub(vertical.len()) / 2;
    let numeral: String = lab(schema::OUTCOMES_GROUP_LABEL)
        .chars()
        .take_while(|c| *c != '、')
        .chain(['、'])
        .collect();
    for (i, line) in lines.iter().enumerate() {
        if outcome_lines.first() == Some(&i) {
            a.text_line(&numeral);
            a.blank();
        }
        let v = outcome_lines
            .iter()
            .position(|l| *l == i)
            .and_then(|k| k.checked_sub(offset))
            .and_then(|k| vertical.get(k));
        a.start();
        if line.wide {
            a.out.push(&line.label);
        } else {
            if let Some(c) = v {
                a.out.push(&c.to_string());
            }
            a.pad_to(6);
            a.out.push(&line.group);
            a.pad_to(18);
            a.out.push(&line.label);
        }
        if let Some(cells) = line.values {
            a.values(cells, 44, 8);
        }
        a.end();
    }
}

fn appeals(a: &mut A<'_>, views: &Views, cells: &[(Address, Cell)]) {
    if views.appeals_shape != super::AppealsShape::Row {
        let lines = super::appeals_lines(views.appeals_shape, cells, &views.l);
        let columns = lines.header.iter().map(Vec::len).max().unwrap_or(0);
        let step = if columns > 6 { 5 } else { 12 };
        let left = if columns > 6 { 0 } else { 26 };
        for h in &lines.header {
            a.start();
            let base = left + step * columns.saturating_sub(h.len());
            for (k, s) in h.iter().enumerate() {
                if !s.is_empty() {
                    a.pad_to(base + k * step);
                    a.out.push(s);
                }
            }
            a.end();
        }
        a.blank();
        for (label, row) in &lines.rows {
            a.start();
            a.out.push(label);
            a.values(row, left.saturating_sub(step) + step, step);
            a.end();
            a.blank();
        }
        return;
    }
    let lab = |s: &str| views.l.label(s);
    a.text_line(&format!(
        "{}{}{}{}",
        " ".repeat(10),
        lab("行政复议"),
        " ".repeat(30),
        lab("行政诉讼")
    ));
    a.blank();
    a.text_line(&format!(
        "{}{}{}{}",
        " ".repeat(30),
        lab("未经复议直接起诉"),
        " ".repeat(18),
        lab("复议后起诉")
    ));
    a.blank();
    let halves: Vec<(String, String)> = APPEAL_COLUMNS
        .iter()
        .map(|c| {
            let s: Vec<char> = lab(c.label).chars().collect();
            if s.len() <= 2 {
                (String::new(), s.iter().collect())
            } else {
                let h = s.len().div_ceil(2);
                (s[..h].iter().collect(), s[h..].iter().collect())
            }
        })
        .collect();
    for part in 0..2 {
        a.start();
        for k in 0..15 {
            let (top, bottom) = &halves[k % 5];
            let s = if part == 0 { top } else { bottom };
            if !s.is_empty() {
                a.pad_to(k * 7);
                a.out.push(s);
            }
        }
        a.end();
    }
    a.blank();
    a.start();
    a.values(cells, 0, 7);
    a.end();
}
