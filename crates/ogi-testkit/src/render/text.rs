//! Layouts whose rows are lists of fields: tab-separated, pipe, Markdown,
//! one cell per line, and cells run together.

use ogi_model::schema::{self, APPEAL_COLUMNS, APPLICANT_COLUMNS};
use ogi_model::{Address, Cell, Report};

use super::narrative::{self, Paragraph};
use super::{Layout, Out, RenderOptions, Views, date_text, title, value_text};

/// A field of a printed row.
enum F {
    /// Label text.
    L(String),
    /// A cell.
    V(Address, Cell),
    /// An empty field (padding of spanned labels).
    B,
}

fn l(s: &str) -> F {
    F::L(s.to_owned())
}

struct W<'a> {
    out: &'a mut Out,
    options: &'a RenderOptions,
    layout: Layout,
    /// A caption heading was written without its line end: the next line
    /// follows it directly.
    glued: bool,
}

impl W<'_> {
    fn run_together(&self) -> bool {
        self.layout == Layout::RunTogether
    }

    /// Ends a line of prose or a heading.
    fn end(&mut self) {
        match self.layout {
            Layout::RunTogether => {}
            Layout::OnePerLine | Layout::Tab => self.out.push("\n\n"),
            _ => self.out.push("\n"),
        }
    }

    fn heading(&mut self, k: usize, table: bool) {
        let (s, glued) = super::heading(k, self.options, table);
        if self.layout == Layout::Tab {
            self.out.push("\n");
        }
        self.out.push(&s);
        if glued {
            self.glued = true;
        } else {
            self.end();
        }
    }

    fn paragraph(&mut self, p: &Paragraph) {
        narrative::write(self.out, p, self.options.full_width_digits);
        self.end();
    }

    /// Writes one printed row (a line, or one line per field).
    fn line(&mut self, fields: &[F]) {
        self.glued = false;
        match self.layout {
            Layout::RowRun => {
                let values = fields.iter().any(|f| matches!(f, F::V(..)));
                let mut first = true;
                for f in fields {
                    if let F::L(s) = f {
                        if !first && !values {
                            self.out.push(" ");
                        }
                        self.out.push(s);
                        first = false;
                    }
                }
                if values {
                    self.out.push(" ");
                }
                for f in fields {
                    if let F::V(a, c) = f {
                        if let Some(t) = value_text(*a, c, self.options, false) {
                            self.out.value(*a, &t);
                        }
                    }
                }
                self.out.push("\n");
            }
            Layout::OnePerLine => {
                for f in fields {
                    match f {
                        F::L(s) => {
                            self.out.push(s);
                            self.out.push("\n\n");
                        }
                        F::V(a, c) => {
                            if let Some(t) = value_text(*a, c, self.options, false) {
                                self.out.value(*a, &t);
                                self.out.push("\n\n");
                            }
                        }
                        F::B => {}
                    }
                }
            }
            Layout::RunTogether => {
                for f in fields {
                    match f {
                        F::L(s) => self.out.push(s),
                        F::V(a, c) => {
                            if let Some(t) = value_text(*a, c, self.options, false) {
                                self.out.value(*a, &t);
                            }
                        }
                        F::B => {}
                    }
                }
            }
            _ => {
                let (open, sep, close) = match self.layout {
                    Layout::Tab => ("", "\t", ""),
                    Layout::Pipe => ("", " | ", ""),
                    _ => ("| ", " | ", " |"),
                };
                self.out.push(open);
                for (i, f) in fields.iter().enumerate() {
                    if i > 0 {
                        self.out.push(sep);
                    }
                    match f {
                        F::L(s) => self.out.push(s),
                        F::V(a, c) => {
                            if let Some(t) = value_text(*a, c, self.options, false) {
                                self.out.value(*a, &t);
                            }
                        }
                        F::B => {}
                    }
                }
                self.out.push(close);
                self.out.push("\n");
            }
        }
    }

    /// A Markdown rule after a table's first row.
    fn rule(&mut self, columns: usize) {
        if self.layout == Layout::Markdown {
            self.out.push("|");
            for _ in 0..columns {
                self.out.push("---|");
            }
            self.out.push("\n");
        }
    }

    /// Label fields padded to `n` (Tab, Markdown) or with the blank
    /// padding removed (Pipe, and the layouts without separators).
    fn pad(&self, mut fields: Vec<F>, n: usize) -> Vec<F> {
        match self.layout {
            Layout::Tab | Layout::Markdown => {
                while fields.len() < n {
                    fields.push(F::B);
                }
                fields
            }
            _ => fields.into_iter().filter(|f| !matches!(f, F::B)).collect(),
        }
    }
}

pub(super) fn render(report: &Report, views: &Views, options: &RenderOptions, out: &mut Out) {
    let prose = narrative::prose(report, options.narrative);
    let (agency, year) = title(report);
    let mut w = W {
        out,
        options,
        layout: options.layout,
        glued: false,
    };
    if w.run_together() {
        // The text of a web page: the title on its own line, the body on one line.
        w.out
            .push(&format!("{agency}{year}年度政府信息公开工作年度报告\n"));
    } else {
        w.out
            .push(&format!("{agency}{year}年政府信息公开工作年度报告\n\n"));
    }
    w.paragraph(&prose.intro);
    let captions = options.headings == super::Headings::Captions;
    w.heading(0, false);
    for p in &prose.one {
        w.paragraph(p);
    }
    w.heading(1, views.active.is_some());
    if let Some(blocks) = &views.active {
        active(&mut w, blocks);
    }
    if captions {
        // The paragraph stands before the caption, which is glued to its table.
        if let Some(p) = &prose.three {
            w.paragraph(p);
        }
    }
    w.heading(2, views.applications.is_some());
    if let (Some(p), false) = (&prose.three, captions) {
        w.paragraph(p);
    }
    match &views.applications {
        Some(rows) => applications(&mut w, views, rows),
        None => {
            w.out.push("本年度未收到政府信息公开申请。");
            w.end();
        }
    }
    if captions {
        if let Some(p) = &prose.four {
            w.paragraph(p);
        }
    }
    w.heading(3, views.appeals.is_some());
    if let (Some(p), false) = (&prose.four, captions) {
        w.paragraph(p);
    }
    if let Some(cells) = &views.appeals {
        appeals(&mut w, views, cells);
    }
    w.heading(4, false);
    for p in &prose.five {
        w.paragraph(p);
    }
    w.heading(5, false);
    for p in &prose.six {
        w.paragraph(p);
    }
    if w.run_together() {
        w.out.push("\n");
    }
    w.out.push("\n");
    w.out.push(&agency);
    w.out.push("\n");
    if let Some(d) = report.meta.published {
        w.out.push(&date_text(d));
        w.out.push("\n");
    }
}

fn active(w: &mut W<'_>, blocks: &[super::ActiveBlock]) {
    const N: usize = 4;
    for (k, b) in blocks.iter().enumerate() {
        let caption = w.pad(vec![F::L(b.caption.clone())], N);
        if w.layout == Layout::Pipe {
            w.glued = false;
            w.out.push(&b.caption);
            w.out.push("\n");
        } else {
            w.line(&caption);
        }
        if k == 0 {
            w.rule(N);
        }
        let mut header = vec![l("信息内容")];
        if w.options.digit_headers {
            header.extend((1..=b.header.len()).map(|k| F::L(format!("第{k}列"))));
        } else {
            header.extend(b.header.iter().map(|h| F::L(h.clone())));
        }
        let header = w.pad(header, N);
        w.line(&header);
        for r in &b.rows {
            let mut fields = vec![F::L(r.label.clone())];
            fields.extend(r.cells.iter().map(|(a, c)| F::V(*a, *c)));
            if fields.len() < N
                && r.cells.len() == r.width
                && matches!(w.layout, Layout::Tab | Layout::Markdown)
            {
                // Padding after the values of a narrower sub-table (colspan in
                // the original): trailing separators. A row printed short has
                // none: its line ends where its cells do.
                while fields.len() < N {
                    fields.push(F::B);
                }
            }
            w.line(&fields);
        }
    }
}

fn applications_header(w: &mut W<'_>, views: &Views) {
    let lab = |s: &str| F::L(views.l.label(s));
    if w.options.digit_headers {
        // `类别 | 数据1 | … | 数据6 | 总计`: one header line of column numbers.
        let mut fields = match w.layout {
            Layout::Tab | Layout::Markdown => vec![lab("类别"), F::B, F::B],
            _ => vec![lab("类别")],
        };
        fields.extend((1..=6).map(|k| F::L(format!("数据{k}"))));
        fields.push(lab("总计"));
        w.line(&fields);
        w.rule(10);
        return;
    }
    let cols: Vec<F> = APPLICANT_COLUMNS[1..6]
        .iter()
        .map(|c| lab(c.label))
        .collect();
    let (l1, l2, mut l3) = match w.layout {
        Layout::Tab | Layout::Markdown => (
            vec![lab(schema::BALANCE_NOTE), F::B, F::B, lab("申请人情况")],
            vec![
                F::B,
                F::B,
                F::B,
                lab("自然人"),
                lab("法人或其他组织"),
                F::B,
                F::B,
                F::B,
                F::B,
                lab("总计"),
            ],
            vec![F::B, F::B, F::B, F::B],
        ),
        _ => (
            vec![lab(schema::BALANCE_NOTE), lab("申请人情况")],
            vec![lab("自然人"), lab("法人或其他组织"), lab("总计")],
            Vec::new(),
        ),
    };
    l3.extend(cols);
    let l1 = w.pad(l1, 10);
    w.line(&l1);
    w.rule(10);
    let l2 = w.pad(l2, 10);
    w.line(&l2);
    let l3 = w.pad(l3, 10);
    w.line(&l3);
}

fn applications(w: &mut W<'_>, views: &Views, rows: &[super::AppRow]) {
    applications_header(w, views);
    let top = views.l.label(schema::OUTCOMES_GROUP_LABEL);
    let split_at = (w.options.page_breaks && w.layout == Layout::Tab).then_some(rows.len() / 2);
    for (i, r) in rows.iter().enumerate() {
        let repeat = split_at == Some(i) && i > 0;
        if repeat {
            // A new page: the header is printed again (a Word table's repeated header row).
            w.out.push("\n");
            applications_header(w, views);
        }
        let mut fields = if !r.outcome {
            vec![F::L(r.row.label.clone()), F::B, F::B]
        } else {
            let t = if r.outcome_first {
                F::L(top.clone())
            } else {
                F::B
            };
            match &r.group {
                None => vec![t, F::L(r.row.label.clone()), F::B],
                Some(g) => {
                    let g = if r.group_first || repeat {
                        F::L(g.clone())
                    } else {
                        F::B
                    };
                    vec![t, g, F::L(r.row.label.clone())]
                }
            }
        };
        fields = w.pad(fields, 3);
        fields.extend(r.row.cells.iter().map(|(a, c)| F::V(*a, *c)));
        w.line(&fields);
    }
}

fn appeals(w: &mut W<'_>, views: &Views, cells: &[(Address, Cell)]) {
    if views.appeals_shape != super::AppealsShape::Row {
        let lines = super::appeals_lines(views.appeals_shape, cells, &views.l);
        for (k, h) in lines.header.iter().enumerate() {
            let fields: Vec<F> = h
                .iter()
                .map(|s| if s.is_empty() { F::B } else { F::L(s.clone()) })
                .collect();
            let fields = w.pad(fields, h.len());
            w.line(&fields);
            if k == 0 {
                w.rule(h.len());
            }
        }
        for (label, row) in &lines.rows {
            let mut fields = Vec::new();
            if !label.is_empty() {
                fields.push(F::L(label.clone()));
            }
            fields.extend(row.iter().map(|(a, c)| F::V(*a, *c)));
            w.line(&fields);
        }
        return;
    }
    let lab = |s: &str| F::L(views.l.label(s));
    let five = || {
        APPEAL_COLUMNS
            .iter()
            .map(|c| lab(c.label))
            .collect::<Vec<F>>()
    };
    let padded = matches!(w.layout, Layout::Tab | Layout::Markdown);
    let mut l1 = vec![lab("行政复议")];
    let mut l2 = five();
    let mut l3 = Vec::new();
    if padded {
        l1.extend((0..4).map(|_| F::B));
        l1.push(lab("行政诉讼"));
        l2.push(lab("未经复议直接起诉"));
        l2.extend((0..4).map(|_| F::B));
        l2.push(lab("复议后起诉"));
        l3.extend((0..5).map(|_| F::B));
    } else {
        l1.push(lab("行政诉讼"));
        l2.push(lab("未经复议直接起诉"));
        l2.push(lab("复议后起诉"));
    }
    l3.extend(five());
    l3.extend(five());
    let l1 = w.pad(l1, 15);
    w.line(&l1);
    w.rule(15);
    let l2 = w.pad(l2, 15);
    w.line(&l2);
    let l3 = w.pad(l3, 15);
    w.line(&l3);
    let values: Vec<F> = cells.iter().map(|(a, c)| F::V(*a, *c)).collect();
    w.line(&values);
}
