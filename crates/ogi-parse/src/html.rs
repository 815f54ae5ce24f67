//! Reading an HTML page: paragraphs as lines of text, tables as grid rows.
//!
//! A small tokenizer that keeps byte offsets (html5ever and scraper give no
//! source positions, and diagnostics must point at the `<td>` they are about).
//! The page becomes a *derived text*: one line per block element, one line
//! per table row whose cells are separated by [`CELL_SEP`]; the text parser
//! reads it like any other text (table rows are [`LineKind::Grid`] lines, where
//! every cell is explicit). Row-spanning cells are repeated in every row they
//! cover, so that a group label such as （三）不予公开 reaches each of its rows;
//! a column-spanning value cell stays one cell. Spans found in the derived text
//! are mapped back to the HTML with [`OffsetMap`].
//!
//! [`LineKind::Grid`]: crate::lex::LineKind::Grid

use std::borrow::Cow;

use ogi_model::Span;

/// What separates the cells of a table row in text read from a Word
/// document or an HTML table: U+001F (the unit separator), a character no
/// report prints, so that a cell's own spaces stay inside it.
pub const CELL_SEPARATOR: char = '\u{1f}';

/// How [`CELL_SEPARATOR`] is shown to a reader: a rule of the same byte
/// length, so that spans into the text still apply.
pub const CELL_SEPARATOR_SHOWN: char = '|';

/// A text as a reader should see it: [`CELL_SEPARATOR`] shown as
/// [`CELL_SEPARATOR_SHOWN`], byte for byte (spans into `text` apply to the
/// result).
pub fn for_display(text: &str) -> Cow<'_, str> {
    if text.contains(CELL_SEPARATOR) {
        Cow::Owned(text.replace(
            CELL_SEPARATOR,
            CELL_SEPARATOR_SHOWN.encode_utf8(&mut [0; 4]),
        ))
    } else {
        Cow::Borrowed(text)
    }
}

/// Separates the cells of a table row in the derived text.
pub(crate) const CELL_SEP: char = CELL_SEPARATOR;

/// The most nested elements tracked; deeper markup is read as text only.
pub(crate) const MAX_DEPTH: usize = 512;
/// The most cells one table row may have.
const MAX_ROW_CELLS: usize = 256;
/// The most rows a cell may span.
const MAX_ROWSPAN: usize = 1000;

/// Whether bytes look like an HTML page rather than plain text.
pub(crate) fn looks_like_html(text: &str) -> bool {
    // Markup starts with a tag; anything else is answered at once.
    if !text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .starts_with('<')
    {
        return false;
    }
    let end = text.char_indices().nth(2048).map_or(text.len(), |(i, _)| i);
    let head = text.get(..end).unwrap_or(text).to_ascii_lowercase();
    let t = head.trim_start_matches('\u{feff}').trim_start();
    t.starts_with("<!doctype html")
        || t.starts_with("<html")
        || ["<table", "<p>", "<p ", "<div", "<body", "<br", "<td"]
            .iter()
            .any(|m| head.contains(m))
            && t.starts_with('<')
}

/// Maps byte ranges of the derived text back to the HTML.
#[derive(Clone, Debug, Default)]
pub(crate) struct OffsetMap {
    /// (derived start, derived end, html span), in derived order.
    segments: Vec<(usize, usize, Span, bool)>,
}

impl OffsetMap {
    fn push(&mut self, derived: (usize, usize), html: Span, exact: bool) {
        if derived.0 < derived.1 {
            self.segments.push((derived.0, derived.1, html, exact));
        }
    }

    /// The HTML span a derived span was read from: exact inside plain text,
    /// the whole `<td>` inside a table cell.
    pub(crate) fn map(&self, span: Span) -> Span {
        let first = self.segments.partition_point(|s| s.1 <= span.start);
        let mut out: Option<Span> = None;
        for &(a, b, html, exact) in self.segments.iter().skip(first) {
            if a >= span.end.max(span.start + 1) {
                break;
            }
            let piece = if exact && b - a == html.len() {
                let s = span.start.max(a) - a + html.start;
                let e = span.end.min(b).max(span.start.max(a)) - a + html.start;
                Span::new(s, e)
            } else {
                html
            };
            out = Some(out.map_or(piece, |o| o.append(piece)));
        }
        out.unwrap_or_else(|| {
            // Between segments (a separator or newline): the nearest segment before.
            first
                .checked_sub(1)
                .and_then(|last| self.segments.get(last))
                .map_or(Span::empty_at(0), |s| Span::empty_at(s.2.end))
        })
    }
}

struct Cell {
    text: String,
    /// Segments of the cell's text (derived offsets relative to the cell).
    span: Span,
    colspan: usize,
    rowspan: usize,
}

struct Pending {
    col: usize,
    colspan: usize,
    text: String,
    span: Span,
    left: usize,
}

#[derive(Default)]
struct Table {
    rows: Vec<Vec<(usize, Cell)>>,
    current: Option<Vec<(usize, Cell)>>,
    cell: Option<Cell>,
    /// Per column: a row-spanning cell and how many more rows it covers.
    pending: Vec<Pending>,
    /// A table holding another table in a cell is page layout, not data:
    /// its cells' content is read as the page's own paragraphs.
    layout: bool,
}

/// The derived text of a page and the map back to it.
pub(crate) fn derive(html: &str) -> (String, OffsetMap) {
    let mut st = State {
        html,
        out: String::with_capacity(html.len() / 2),
        map: OffsetMap::default(),
        tables: Vec::new(),
        depth: 0,
        scratch: String::new(),
    };
    st.run();
    (st.out, st.map)
}

struct State<'a> {
    html: &'a str,
    out: String,
    map: OffsetMap,
    tables: Vec<Table>,
    depth: usize,
    /// The text run being read, reused from run to run.
    scratch: String,
}

impl State<'_> {
    fn run(&mut self) {
        let len = self.html.len();
        let mut i = 0;
        let mut skip_until: Option<&'static str> = None;
        while let Some(rest) = self.html.get(i..).filter(|rest| !rest.is_empty()) {
            if let Some(end_tag) = skip_until {
                match find_ci(rest, end_tag) {
                    Some(p) => {
                        i += p;
                        skip_until = None;
                    }
                    None => break,
                }
                continue;
            }
            if rest.starts_with('<') {
                if rest.starts_with("<!--") {
                    i = rest.find("-->").map_or(len, |p| i + p + 3);
                    continue;
                }
                if let Some((tag, end)) = parse_tag(self.html, i) {
                    let span = Span::new(i, end);
                    i = end;
                    match (tag.name.as_str(), tag.closing) {
                        (
                            "script" | "style" | "noscript" | "template" | "head" | "nav"
                            | "header" | "footer",
                            false,
                        ) if !tag.self_closing => {
                            skip_until = Some(match tag.name.as_str() {
                                "script" => "</script",
                                "style" => "</style",
                                "noscript" => "</noscript",
                                "template" => "</template",
                                "head" => "</head",
                                "nav" => "</nav",
                                "header" => "</header",
                                _ => "</footer",
                            });
                        }
                        _ => self.tag(&tag, span),
                    }
                    continue;
                }
            }
            // Text up to the next tag.
            let after = rest.as_bytes().get(1..).unwrap_or_default();
            let end = memchr::memchr(b'<', after).map_or(len, |p| i + 1 + p);
            self.text(i, end);
            i = end;
        }
        while !self.tables.is_empty() {
            self.end_table();
        }
    }

    fn text(&mut self, start: usize, end: usize) {
        let raw = self.html.get(start..end).unwrap_or_default();
        let decoded = decode_entities(raw);
        let exact = decoded.len() == raw.len();
        // Collapse whitespace runs to one space, as a browser does.
        let mut text = std::mem::take(&mut self.scratch);
        text.clear();
        let mut last_space = false;
        // `&nbsp;` (U+00A0) counts as whitespace: a cell of `&nbsp;` is blank.
        for c in decoded.chars() {
            if c.is_whitespace() {
                if !last_space {
                    text.push(' ');
                }
                last_space = true;
            } else {
                text.push(c);
                last_space = false;
            }
        }
        let exact = exact && text.len() == raw.len();
        self.place(&text, Span::new(start, end), exact);
        self.scratch = text;
    }

    /// Puts a text run read from `html` where it belongs: into the open
    /// table cell, or into the page's own text.
    fn place(&mut self, text: &str, html: Span, exact: bool) {
        let in_layout = self.tables.last().is_some_and(|t| t.layout);
        if !in_layout {
            if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                cell.text.push_str(text);
                return;
            }
            if self.tables.last().is_some() {
                return; // text between cells
            }
        }
        if text.trim().is_empty() {
            if !self.out.ends_with([' ', '\n']) && !self.out.is_empty() {
                self.out.push(' ');
            }
            return;
        }
        let a = self.out.len();
        self.out.push_str(text);
        self.map.push((a, self.out.len()), html, exact);
    }

    fn newline(&mut self) {
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    fn tag(&mut self, tag: &Tag, span: Span) {
        let name = tag.name.as_str();
        if !tag.closing && !tag.self_closing && !is_void(name) {
            self.depth += 1;
        } else if tag.closing {
            self.depth = self.depth.saturating_sub(1);
        }
        if self.depth > MAX_DEPTH {
            return;
        }
        match (name, tag.closing) {
            ("table", false) => {
                if self
                    .tables
                    .last()
                    .is_some_and(|t| t.cell.is_some() && !t.layout)
                {
                    self.make_layout();
                }
                self.newline();
                if self.tables.len() < 32 {
                    self.tables.push(Table::default());
                }
            }
            ("table", true) => self.end_table(),
            ("tr", false) => {
                if let Some(t) = self.tables.last_mut() {
                    end_cell(t);
                    end_row(t);
                    t.current = Some(Vec::new());
                }
            }
            ("tr", true) => {
                if let Some(t) = self.tables.last_mut() {
                    end_cell(t);
                    end_row(t);
                }
            }
            ("td" | "th", false) => {
                if let Some(t) = self.tables.last_mut() {
                    end_cell(t);
                    if t.current.is_none() {
                        t.current = Some(Vec::new());
                    }
                    t.cell = Some(Cell {
                        text: String::new(),
                        span,
                        colspan: tag.colspan.clamp(1, MAX_ROW_CELLS),
                        rowspan: tag.rowspan.clamp(1, MAX_ROWSPAN),
                    });
                }
            }
            ("td" | "th", true) => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(cell) = t.cell.as_mut() {
                        cell.span = cell.span.append(span);
                    }
                    end_cell(t);
                }
            }
            // Blocks end lines of the page's text; inside a data cell, line
            // breaks join the pieces of a label.
            ("br", _)
            | (
                "p" | "div" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "section"
                | "article" | "title" | "ul" | "ol" | "blockquote" | "pre",
                _,
            ) if self.tables.last().is_none_or(|t| t.layout) => self.newline(),
            _ => {}
        }
    }

    /// Turns the innermost table into page layout, because a table opens in
    /// one of its cells: what it has read so far goes out as lines of text,
    /// and its cells' content from now on is read as the page's own.
    fn make_layout(&mut self) {
        let Some(t) = self.tables.last_mut() else {
            return;
        };
        t.layout = true;
        let mut cells: Vec<Cell> = std::mem::take(&mut t.rows)
            .into_iter()
            .flatten()
            .map(|(_, c)| c)
            .collect();
        cells.extend(t.current.take().into_iter().flatten().map(|(_, c)| c));
        if let Some(open) = t.cell.as_mut() {
            cells.push(Cell {
                text: std::mem::take(&mut open.text),
                span: open.span,
                colspan: 1,
                rowspan: 1,
            });
        }
        t.pending.clear();
        for cell in cells {
            let text = cell.text.trim();
            if text.is_empty() {
                continue;
            }
            self.newline();
            let a = self.out.len();
            self.out.push_str(text);
            self.map.push((a, self.out.len()), cell.span, false);
        }
    }

    fn end_table(&mut self) {
        let Some(mut t) = self.tables.pop() else {
            return;
        };
        end_cell(&mut t);
        end_row(&mut t);
        if t.layout {
            // Its content has gone out as the page's text already.
            self.newline();
            return;
        }
        let rows = std::mem::take(&mut t.rows);
        let outer_is_data = self.tables.last().is_some_and(|o| !o.layout);
        if let Some(outer) = self
            .tables
            .last_mut()
            .filter(|_| outer_is_data)
            .and_then(|o| o.cell.as_mut())
        {
            // A table inside a cell: its text joins the cell.
            for row in rows {
                for (_, c) in row {
                    outer.text.push(' ');
                    outer.text.push_str(&c.text);
                }
            }
            return;
        }
        self.newline();
        for row in rows {
            for (k, (_, cell)) in row.iter().enumerate() {
                if k > 0 {
                    self.out.push(CELL_SEP);
                }
                let text = cell.text.trim();
                let a = self.out.len();
                if text.is_empty() {
                    // A blank cell still has a place to point at.
                    self.out.push(' ');
                } else {
                    self.out.push_str(text);
                }
                self.map.push((a, self.out.len()), cell.span, false);
            }
            self.out.push('\n');
        }
    }
}

fn end_cell(t: &mut Table) {
    let Some(cell) = t.cell.take() else { return };
    let Some(row) = t.current.as_mut() else {
        return;
    };
    if row.len() >= MAX_ROW_CELLS {
        return;
    }
    // The next free column, skipping columns held by row-spanning cells above.
    let mut col = row
        .last()
        .map_or(0, |(c, prev): &(usize, Cell)| c + prev.colspan);
    while let Some(p) = t
        .pending
        .iter()
        .find(|p| p.col <= col && col < p.col + p.colspan && p.left > 0)
    {
        col = p.col + p.colspan;
    }
    if cell.rowspan > 1 && t.pending.len() < MAX_ROW_CELLS {
        // Counted from the next row on; `left` is decremented as rows end.
        t.pending.push(Pending {
            col,
            colspan: cell.colspan,
            text: cell.text.clone(),
            span: cell.span,
            left: cell.rowspan,
        });
    }
    row.push((col, cell));
}

fn end_row(t: &mut Table) {
    let Some(mut row) = t.current.take() else {
        return;
    };
    // Cells spanning down from rows above take their columns in this row.
    for p in &mut t.pending {
        let started_here = row
            .iter()
            .any(|(c, cell)| *c == p.col && cell.span == p.span);
        if !started_here {
            row.push((
                p.col,
                Cell {
                    text: p.text.clone(),
                    span: p.span,
                    colspan: p.colspan,
                    rowspan: 1,
                },
            ));
        }
        p.left -= 1;
    }
    t.pending.retain(|p| p.left > 0);
    row.sort_by_key(|(c, _)| *c);
    t.rows.push(row);
}

struct Tag {
    name: TagName,
    closing: bool,
    self_closing: bool,
    colspan: usize,
    rowspan: usize,
}

/// A tag's name, lowercased, kept inline: every name the reader acts on is
/// short, and a longer one reads as the empty name.
struct TagName {
    buf: [u8; 16],
    len: usize,
}

impl TagName {
    fn new(raw: &str) -> Self {
        let mut buf = [0; 16];
        if raw.len() > buf.len() {
            return Self { buf, len: 0 };
        }
        for (d, s) in buf.iter_mut().zip(raw.bytes()) {
            *d = s.to_ascii_lowercase();
        }
        Self {
            buf,
            len: raw.len(),
        }
    }

    fn as_str(&self) -> &str {
        self.buf
            .get(..self.len)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "br" | "img"
            | "hr"
            | "meta"
            | "link"
            | "input"
            | "col"
            | "area"
            | "base"
            | "wbr"
            | "source"
    )
}

/// Parses a tag starting at `<`; returns it and the offset after `>`.
fn parse_tag(html: &str, start: usize) -> Option<(Tag, usize)> {
    let b = html.as_bytes();
    let mut i = start + 1;
    let closing = b.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    if !b
        .get(i)
        .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'!' || *c == b'?')
    {
        return None;
    }
    let name_start = i;
    while b.get(i).is_some_and(|c| {
        c.is_ascii_alphanumeric() || *c == b'-' || *c == b':' || *c == b'!' || *c == b'?'
    }) {
        i += 1;
    }
    let name = TagName::new(html.get(name_start..i)?);
    let mut tag = Tag {
        name,
        closing,
        self_closing: false,
        colspan: 1,
        rowspan: 1,
    };
    // Attributes, honouring quotes.
    loop {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match b.get(i) {
            None => return Some((tag, b.len())),
            Some(b'>') => return Some((tag, i + 1)),
            Some(b'/') => {
                tag.self_closing = true;
                i += 1;
                continue;
            }
            _ => {}
        }
        let a = i;
        while b
            .get(i)
            .is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'=' | b'>' | b'/'))
        {
            i += 1;
        }
        let attr = html.get(a..i).unwrap_or_default();
        if a == i {
            i += 1;
            continue;
        }
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        let (v0, v1) = match b.get(i) {
            Some(q @ (b'"' | b'\'')) => {
                let q = *q;
                let v0 = i + 1;
                let v1 =
                    memchr::memchr(q, b.get(v0..).unwrap_or_default()).map_or(b.len(), |p| v0 + p);
                i = (v1 + 1).min(b.len());
                (v0, v1)
            }
            _ => {
                let v0 = i;
                while b
                    .get(i)
                    .is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>')
                {
                    i += 1;
                }
                (v0, i)
            }
        };
        let value = html.get(v0..v1).unwrap_or("").trim();
        let n = value.parse::<usize>().ok();
        if attr.eq_ignore_ascii_case("colspan") {
            tag.colspan = n.unwrap_or(1);
        } else if attr.eq_ignore_ascii_case("rowspan") {
            tag.rowspan = n.unwrap_or(1);
        }
    }
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    h.windows(n.len()).position(|w| w.eq_ignore_ascii_case(n))
}

/// Decodes character references: `&nbsp;` (to U+00A0), `&lt;`, `&#12345;`, `&#x3000;`, ….
fn decode_entities(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((before, after)) = rest.split_once('&') {
        out.push_str(before);
        let semicolon = after.find(';').filter(|e| *e <= 11);
        let decoded = semicolon.and_then(|e| {
            let name = after.get(..e)?;
            let c = match name {
                "nbsp" => '\u{a0}',
                "lt" => '<',
                "gt" => '>',
                "amp" => '&',
                "quot" => '"',
                "apos" => '\'',
                "ldquo" => '“',
                "rdquo" => '”',
                "mdash" => '—',
                "middot" => '·',
                "emsp" | "ensp" | "thinsp" => ' ',
                _ => {
                    let num = name.strip_prefix('#')?;
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => num.parse().ok()?,
                    };
                    char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace())?
                }
            };
            Some((c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = after.get(len..).unwrap_or_default();
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cell_separator_is_shown_byte_for_byte() {
        let text = "规章\u{1f}1\u{1f}2";
        let shown = for_display(text);
        assert_eq!(shown, "规章|1|2");
        assert_eq!(shown.len(), text.len());
        assert!(matches!(for_display("规章 1"), Cow::Borrowed(_)));
    }

    #[test]
    fn tables_become_grid_rows_with_row_spans_repeated() {
        let html = "<p>标题</p><table><tr><td rowspan=\"2\">（三）不予公开</td><td>1.属于国家秘密</td><td>&nbsp;</td><td><p>3</p></td></tr>\
                    <tr><td>2.其他</td><td colspan=2>4</td></tr></table><p>后文&amp;</p>";
        let (text, map) = derive(html);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "标题");
        assert_eq!(lines[1], "（三）不予公开\u{1f}1.属于国家秘密\u{1f} \u{1f}3");
        assert_eq!(lines[2], "（三）不予公开\u{1f}2.其他\u{1f}4");
        assert_eq!(lines[3], "后文&");
        // The cell `3` maps back to its whole <td>.
        let at = text.find('3').unwrap();
        let span = map.map(Span::new(at, at + 1));
        assert_eq!(&html[span.range()], "<td><p>3</p></td>");
        let at = text.find("标题").unwrap();
        assert_eq!(&html[map.map(Span::new(at, at + 6)).range()], "标题");
    }

    #[test]
    fn scripts_comments_and_navigation_are_ignored() {
        let (text, _) = derive(
            "<nav>首页 | 2</nav><script>var a = '<td>1</td>';</script><!-- <p>0</p> --><p>正文</p>",
        );
        assert_eq!(text.trim(), "正文");
    }

    #[test]
    fn detection_by_content() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("<p style='x'>2019年</p>"));
        assert!(!looks_like_html("一、总体情况\n| a | b |"));
    }

    #[test]
    fn a_layout_table_around_the_report_is_not_a_data_table() {
        // Old CMS pages put the whole page in a table; the report's tables
        // are nested in one of its cells.
        let html = "<table><tr><td>首页 &gt; 信息公开</td></tr><tr><td><p>某局2020年报告</p>\
                    <table><tr><td>规章</td><td>1</td></tr></table><p>五、问题</p></td></tr></table>";
        let (text, _) = derive(html);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines,
            [
                "首页 > 信息公开",
                "某局2020年报告",
                "规章\u{1f}1",
                "五、问题"
            ],
            "{text:?}"
        );
    }

    #[test]
    fn nesting_and_spans_are_bounded() {
        // A table under 100 elements is read; 50,000 unclosed <div>s beyond the
        // depth bound are read as text, not tracked.
        let table = "<table><tr><td>规章</td><td>1</td></tr></table>";
        let html = format!("{}{table}{}", "<div>".repeat(100), "</div>".repeat(100));
        let (text, _) = derive(&html);
        assert!(text.contains("规章\u{1f}1"), "{text:?}");
        let deep = format!("{}{table}", "<div>".repeat(50_000));
        let (text, _) = derive(&deep);
        assert!(text.contains("规章"));
        assert!(
            !text.contains('\u{1f}'),
            "a table past the depth bound is text"
        );
        // Absurd spans are clamped, not allocated.
        let (text, _) = derive(
            "<table><tr><td rowspan=\"999999999\" colspan=\"999999999\">a</td><td>1</td></tr>\
             <tr><td>2</td></tr></table>",
        );
        assert_eq!(text.lines().count(), 2, "{text:?}");
        assert!(text.len() < 10_000);
    }
}
