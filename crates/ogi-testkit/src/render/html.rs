//! A whole HTML page, its tables with `rowspan`/`colspan` as on the
//! Shanghai 2019 report's page.

use ogi_model::schema::{self, APPEAL_COLUMNS, APPLICANT_COLUMNS};
use ogi_model::{Address, Cell, Report};

use super::narrative::{self, Paragraph};
use super::{AppRow, Out, RenderOptions, Views, date_text, title, value_text};

const TABLE: &str = "<table align=\"center\" border=\"1\" cellspacing=\"1\"><tbody>";
const END_TABLE: &str = "</tbody></table>\n";

struct H<'a> {
    out: &'a mut Out,
    options: &'a RenderOptions,
}

impl H<'_> {
    fn p(&mut self, p: &Paragraph) {
        self.out.push("<p>");
        narrative::write(self.out, p, self.options.full_width_digits);
        self.out.push("</p>\n");
    }

    fn p_text(&mut self, s: &str) {
        self.out.push("<p>");
        self.out.push(s);
        self.out.push("</p>\n");
    }

    /// A label cell.
    fn label(&mut self, s: &str, colspan: usize, rowspan: usize, center: bool) {
        self.out.push("<td");
        if colspan > 1 {
            self.out.push(&format!(" colspan=\"{colspan}\""));
        }
        if rowspan > 1 {
            self.out.push(&format!(" rowspan=\"{rowspan}\""));
        }
        self.out.push(" nowrap=\"nowrap\">");
        self.out.push(if center {
            "<p align=\"center\">"
        } else {
            "<p>"
        });
        // Line breaks inside header cells, as word processors export them.
        self.out.push(s);
        self.out.push("</p></td>");
    }

    /// A value cell.
    fn value(&mut self, a: Address, c: &Cell, colspan: usize) {
        let Some(t) = value_text(a, c, self.options, true) else {
            return;
        };
        self.out.push("<td");
        if colspan > 1 {
            self.out.push(&format!(" colspan=\"{colspan}\""));
        }
        self.out.push(" nowrap=\"nowrap\"><p align=\"center\">");
        self.out.value(a, &t);
        self.out.push("</p></td>");
    }
}

pub(super) fn render(report: &Report, views: &Views, options: &RenderOptions, out: &mut Out) {
    let prose = narrative::prose(report, options.narrative);
    let (agency, year) = title(report);
    let t = format!("{agency}{year}年政府信息公开工作年度报告");
    out.push(&format!(
        "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n<title>{t}</title>\n</head>\n<body>\n<div class=\"article\">\n"
    ));
    out.push(&format!(
        "<p style='text-align: center;font-weight: bold;'>{t}</p>\n"
    ));
    let mut h = H { out, options };
    h.p(&prose.intro);
    let head = |k: usize, table: bool| super::heading(k, options, table).0;
    h.p_text(&head(0, false));
    for p in &prose.one {
        h.p(p);
    }
    h.p_text(&head(1, views.active.is_some()));
    if let Some(blocks) = &views.active {
        active(&mut h, blocks);
    }
    h.p_text(&head(2, views.applications.is_some()));
    if let Some(p) = &prose.three {
        h.p(p);
    }
    match &views.applications {
        Some(rows) => applications(&mut h, views, rows),
        None => h.p_text("本年度未收到政府信息公开申请。"),
    }
    h.p_text(&head(3, views.appeals.is_some()));
    if let Some(p) = &prose.four {
        h.p(p);
    }
    if let Some(cells) = &views.appeals {
        appeals(&mut h, views, cells);
    }
    h.p_text(&head(4, false));
    for p in &prose.five {
        h.p(p);
    }
    h.p_text(&head(5, false));
    for p in &prose.six {
        h.p(p);
    }
    h.out
        .push(&format!("<p style='text-align: right'>{agency}</p>\n"));
    if let Some(d) = report.meta.published {
        h.out.push(&format!(
            "<p style='text-align: right'>{}</p>\n",
            date_text(d)
        ));
    }
    h.out.push("</div>\n</body>\n</html>\n");
}

/// Section 二 as one table of four columns, a caption row per sub-table.
fn active(h: &mut H<'_>, blocks: &[super::ActiveBlock]) {
    h.out.push(TABLE);
    for b in blocks {
        h.out.push("<tr>");
        h.label(&b.caption, 4, 1, true);
        h.out.push("</tr>\n<tr>");
        h.label("信息内容", 1, 1, true);
        let span = 3 / b.header.len().max(1);
        for (k, x) in b.header.iter().enumerate() {
            let last = k + 1 == b.header.len();
            let x = if h.options.digit_headers {
                format!("第{}列", k + 1)
            } else {
                x.clone()
            };
            h.label(&x, if last { 3 - span * k } else { span }, 1, true);
        }
        h.out.push("</tr>\n");
        for r in &b.rows {
            h.out.push("<tr>");
            h.label(&r.label, 1, 1, false);
            for (k, (a, c)) in r.cells.iter().enumerate() {
                let last = k + 1 == r.width;
                h.value(*a, c, if last { 3 - span * k } else { span });
            }
            h.out.push("</tr>\n");
        }
    }
    h.out.push(END_TABLE);
}

fn applications(h: &mut H<'_>, views: &Views, rows: &[AppRow]) {
    let lab = |s: &str| views.l.label(s);
    h.out.push(TABLE);
    h.out.push("<tr>");
    if h.options.digit_headers {
        h.label(&lab("类别"), 3, 1, true);
        for k in 1..=6 {
            h.label(&format!("数据{k}"), 1, 1, true);
        }
        h.label(&lab("总计"), 1, 1, true);
        h.out.push("</tr>\n");
    } else {
        h.label(&lab(schema::BALANCE_NOTE), 3, 3, true);
        h.label(&lab("申请人情况"), 7, 1, true);
        h.out.push("</tr>\n<tr>");
        h.label(&lab("自然人"), 1, 2, true);
        h.label(&lab("法人或其他组织"), 5, 1, true);
        h.label(&lab("总计"), 1, 2, true);
        h.out.push("</tr>\n<tr>");
        for c in &APPLICANT_COLUMNS[1..6] {
            h.label(&lab(c.label), 1, 1, true);
        }
        h.out.push("</tr>\n");
    }
    let outcomes = rows.iter().filter(|r| r.outcome).count();
    let top = lab(schema::OUTCOMES_GROUP_LABEL);
    for r in rows {
        h.out.push("<tr>");
        if !r.outcome {
            h.label(&r.row.label, 3, 1, false);
        } else {
            if r.outcome_first {
                h.label(&top, 1, outcomes, true);
            }
            match &r.group {
                None => h.label(&r.row.label, 2, 1, false),
                Some(g) => {
                    if r.group_first {
                        h.label(g, 1, r.group_len, false);
                    }
                    h.label(&r.row.label, 1, 1, false);
                }
            }
        }
        for (a, c) in &r.row.cells {
            h.value(*a, c, 1);
        }
        h.out.push("</tr>\n");
    }
    h.out.push(END_TABLE);
}

fn appeals(h: &mut H<'_>, views: &Views, cells: &[(Address, Cell)]) {
    if views.appeals_shape != super::AppealsShape::Row {
        let lines = super::appeals_lines(views.appeals_shape, cells, &views.l);
        h.out.push(TABLE);
        for line in &lines.header {
            h.out.push("<tr>");
            for s in line {
                h.label(s, 1, 1, true);
            }
            h.out.push("</tr>\n");
        }
        for (label, row) in &lines.rows {
            h.out.push("<tr>");
            if !label.is_empty() {
                h.label(label, 1, 1, false);
            }
            for (a, c) in row {
                h.value(*a, c, 1);
            }
            h.out.push("</tr>\n");
        }
        h.out.push(END_TABLE);
        return;
    }
    let lab = |s: &str| views.l.label(s);
    h.out.push(TABLE);
    h.out.push("<tr>");
    h.label(&lab("行政复议"), 5, 1, false);
    h.label(&lab("行政诉讼"), 10, 1, false);
    h.out.push("</tr>\n<tr>");
    for c in APPEAL_COLUMNS {
        h.label(&lab(c.label), 1, 2, false);
    }
    h.label(&lab("未经复议直接起诉"), 5, 1, false);
    h.label(&lab("复议后起诉"), 5, 1, false);
    h.out.push("</tr>\n<tr>");
    for _ in 0..2 {
        for c in APPEAL_COLUMNS {
            h.label(&lab(c.label), 1, 1, false);
        }
    }
    h.out.push("</tr>\n<tr>");
    for (a, c) in cells {
        h.value(*a, c, 1);
    }
    h.out.push("</tr>\n");
    h.out.push(END_TABLE);
}
