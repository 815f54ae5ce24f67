//! Reading a Word document (`.docx`): its paragraphs and tables, written out
//! as the HTML the page reader already understands.
//!
//! `word/document.xml` is read with quick-xml. Each paragraph becomes a
//! `<p>`; each table a `<table>` whose cells carry `colspan` from
//! `w:gridSpan` and `rowspan` from `w:vMerge` (a `restart` cell spans the
//! `continue` cells below it in the same grid column, which are dropped).
//! The HTML reader then expands the spans into the grid the text parser reads,
//! so label matching and every layout rule exist once, for all formats.

use std::io::Read;

use quick_xml::events::{BytesStart, Event};

use crate::ErrorKind;

/// The most tables nested inside one another that are tracked.
const MAX_NESTING: usize = 32;

/// Why a `.docx` could not be read; becomes [`ErrorKind::Docx`].
fn fail(reason: impl Into<String>) -> ErrorKind {
    ErrorKind::Docx {
        reason: reason.into(),
    }
}

/// The document's body as HTML.
pub(crate) fn to_html(bytes: &[u8], max_size: usize) -> Result<String, ErrorKind> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| fail(format!("not a readable ZIP archive ({e})")))?;
    let mut entry = archive.by_name("word/document.xml").map_err(|_| {
        fail("a ZIP archive without word/document.xml: not a Word (.docx) document")
    })?;
    let mut xml = Vec::new();
    // Bounded: a small archive can inflate to any size.
    (&mut entry)
        .take(
            u64::try_from(max_size)
                .unwrap_or(u64::MAX)
                .saturating_add(1),
        )
        .read_to_end(&mut xml)
        .map_err(|e| fail(format!("word/document.xml cannot be inflated ({e})")))?;
    if xml.len() > max_size {
        return Err(ErrorKind::TooLarge {
            size: xml.len(),
            limit: max_size,
        });
    }
    let xml = std::str::from_utf8(&xml)
        .map_err(|e| fail(format!("word/document.xml is not UTF-8 ({e})")))?;
    body_html(xml)
}

#[derive(Clone, Copy, PartialEq)]
enum VMerge {
    None,
    Restart,
    Continue,
}

struct TableCell {
    col: usize,
    span: usize,
    vmerge: VMerge,
    html: String,
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<TableCell>>,
    row: Option<Vec<TableCell>>,
    cell: Option<TableCell>,
    /// Grid columns skipped at the start of the current row (`w:gridBefore`).
    before: usize,
}

struct Writer {
    out: String,
    tables: Vec<TableState>,
    /// Tables nested deeper than [`MAX_NESTING`]: their text joins the cell
    /// they are in.
    ignored_tables: usize,
    /// Inside `w:t` (text to keep), as opposed to `w:instrText`, `w:delText`.
    in_text: bool,
    in_paragraph: bool,
}

impl Writer {
    /// Where text goes: the innermost open cell, or the body.
    fn sink(&mut self) -> &mut String {
        match self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
            Some(cell) => &mut cell.html,
            None => &mut self.out,
        }
    }

    fn text(&mut self, s: &str) {
        let sink = self.sink();
        for c in s.chars() {
            match c {
                '&' => sink.push_str("&amp;"),
                '<' => sink.push_str("&lt;"),
                '>' => sink.push_str("&gt;"),
                c => sink.push(c),
            }
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool) {
        match e.local_name().as_ref() {
            b"p" if !empty => {
                self.in_paragraph = true;
                if self.tables.is_empty() {
                    self.out.push_str("<p>");
                }
            }
            b"t" if !empty => self.in_text = true,
            b"tab" if self.in_paragraph => self.sink().push(' '),
            b"br" | b"cr" if self.in_paragraph && self.tables.is_empty() => {
                self.out.push_str("<br>");
            }
            b"tbl" if !empty => {
                if self.tables.len() < MAX_NESTING {
                    self.tables.push(TableState::default());
                } else {
                    self.ignored_tables += 1;
                }
            }
            b"tr" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    t.row = Some(Vec::new());
                    t.before = 0;
                }
            }
            b"gridBefore" => {
                if let Some(t) = self.tables.last_mut() {
                    t.before = val(e).and_then(|v| v.parse().ok()).unwrap_or(0).min(64);
                }
            }
            b"tc" if !empty => {
                if let Some(t) = self.tables.last_mut() {
                    let row = t.row.get_or_insert_with(Vec::new);
                    let col = row.last().map_or(t.before, |c| c.col + c.span);
                    t.cell = Some(TableCell {
                        col,
                        span: 1,
                        vmerge: VMerge::None,
                        html: String::new(),
                    });
                }
            }
            b"gridSpan" => {
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.span = val(e)
                        .and_then(|v| v.parse().ok())
                        .unwrap_or(1)
                        .clamp(1, 64);
                }
            }
            b"vMerge" => {
                if let Some(cell) = self.tables.last_mut().and_then(|t| t.cell.as_mut()) {
                    cell.vmerge = match val(e).as_deref() {
                        Some("restart") => VMerge::Restart,
                        _ => VMerge::Continue,
                    };
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &[u8]) {
        match name {
            b"p" => {
                self.in_paragraph = false;
                if self.tables.is_empty() {
                    self.out.push_str("</p>\n");
                }
            }
            b"t" => self.in_text = false,
            b"tc" => {
                if let Some(t) = self.tables.last_mut() {
                    if let (Some(cell), Some(row)) = (t.cell.take(), t.row.as_mut()) {
                        row.push(cell);
                    }
                }
            }
            b"tr" => {
                if let Some(t) = self.tables.last_mut() {
                    if let Some(row) = t.row.take() {
                        t.rows.push(row);
                    }
                }
            }
            b"tbl" if self.ignored_tables > 0 => self.ignored_tables -= 1,
            b"tbl" => self.end_table(),
            _ => {}
        }
    }

    fn end_table(&mut self) {
        let Some(t) = self.tables.pop() else { return };
        let html = table_html(&t.rows);
        let sink = self.sink();
        sink.push_str(&html);
    }
}

/// A table's HTML: vertical merges become row spans.
fn table_html(rows: &[Vec<TableCell>]) -> String {
    let mut html = String::from("<table>\n");
    for (r, row) in rows.iter().enumerate() {
        html.push_str("<tr>");
        for cell in row {
            if cell.vmerge == VMerge::Continue && continues_from_above(rows, r, cell.col) {
                continue;
            }
            let mut rowspan = 1;
            if cell.vmerge == VMerge::Restart {
                for below in rows.iter().skip(r + 1) {
                    let merged = below
                        .iter()
                        .any(|c| c.col == cell.col && c.vmerge == VMerge::Continue);
                    if !merged {
                        break;
                    }
                    rowspan += 1;
                }
            }
            html.push_str("<td");
            if cell.span > 1 {
                html.push_str(&format!(" colspan=\"{}\"", cell.span));
            }
            if rowspan > 1 {
                html.push_str(&format!(" rowspan=\"{rowspan}\""));
            }
            html.push('>');
            html.push_str(&cell.html);
            html.push_str("</td>");
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</table>\n");
    html
}

/// Whether a `continue` cell at `col` in row `r` has a merge above it to
/// continue (a stray `continue` is kept as a cell of its own).
fn continues_from_above(rows: &[Vec<TableCell>], r: usize, col: usize) -> bool {
    r.checked_sub(1)
        .and_then(|above| rows.get(above))
        .is_some_and(|above| {
            above
                .iter()
                .any(|c| c.col == col && c.vmerge != VMerge::None)
        })
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == b"val")
            .then(|| String::from_utf8_lossy(&a.value).into_owned())
    })
}

fn body_html(xml: &str) -> Result<String, ErrorKind> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut w = Writer {
        out: String::from("<html><body>\n"),
        tables: Vec::new(),
        ignored_tables: 0,
        in_text: false,
        in_paragraph: false,
    };
    loop {
        let event = reader.read_event().map_err(|e| {
            fail(format!(
                "word/document.xml is not well-formed XML at byte {} ({e})",
                reader.error_position()
            ))
        })?;
        match event {
            Event::Start(e) => w.start(&e, false),
            Event::Empty(e) => w.start(&e, true),
            Event::End(e) => w.end(e.local_name().as_ref()),
            Event::Text(t) if w.in_text => {
                let s = t
                    .decode()
                    .map_err(|e| fail(format!("undecodable text ({e})")))?;
                w.text(&s);
            }
            Event::CData(t) if w.in_text => {
                let s = t
                    .decode()
                    .map_err(|e| fail(format!("undecodable text ({e})")))?;
                w.text(&s);
            }
            Event::GeneralRef(r) if w.in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => Some(c),
                    _ => match r.decode().as_deref() {
                        Ok("amp") => Some('&'),
                        Ok("lt") => Some('<'),
                        Ok("gt") => Some('>'),
                        Ok("quot") => Some('"'),
                        Ok("apos") => Some('\''),
                        _ => None,
                    },
                };
                if let Some(c) = c {
                    w.text(c.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    while !w.tables.is_empty() {
        w.end_table();
    }
    w.out.push_str("</body></html>\n");
    Ok(w.out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(body: &str) -> String {
        format!(
            "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/\
             wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
        )
    }

    fn tc(props: &str, text: &str) -> String {
        format!("<w:tc><w:tcPr>{props}</w:tcPr><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:tc>")
    }

    #[test]
    fn paragraphs_runs_and_entities() {
        let html = body_html(&doc(
            "<w:p><w:r><w:t>本年</w:t></w:r><w:r><w:t xml:space=\"preserve\">制发 &amp; </w:t></w:r>\
             <w:r><w:delText>删除</w:delText><w:instrText>PAGE</w:instrText></w:r></w:p>",
        ))
        .unwrap();
        assert!(html.contains("<p>本年制发 &amp; </p>"), "{html}");
        assert!(!html.contains("删除") && !html.contains("PAGE"));
    }

    #[test]
    fn grid_span_and_vertical_merge() {
        let rows = [
            format!(
                "<w:tr>{}{}</w:tr>",
                tc("<w:vMerge w:val=\"restart\"/>", "（三）不予公开"),
                tc("", "1")
            ),
            format!("<w:tr>{}{}</w:tr>", tc("<w:vMerge/>", ""), tc("", "2")),
            format!("<w:tr>{}</w:tr>", tc("<w:gridSpan w:val=\"2\"/>", "总计")),
        ];
        let html = body_html(&doc(&format!("<w:tbl>{}</w:tbl>", rows.concat()))).unwrap();
        assert!(
            html.contains(
                "<tr><td rowspan=\"2\">（三）不予公开</td><td>1</td></tr>\n<tr><td>2</td></tr>\n\
                 <tr><td colspan=\"2\">总计</td></tr>"
            ),
            "{html}"
        );
    }

    #[test]
    fn deeply_nested_tables_are_bounded() {
        let depth = MAX_NESTING + 10;
        let mut body = String::new();
        for _ in 0..depth {
            body.push_str("<w:tbl><w:tr><w:tc>");
        }
        body.push_str("<w:p><w:r><w:t>深处</w:t></w:r></w:p>");
        for _ in 0..depth {
            body.push_str("</w:tc></w:tr></w:tbl>");
        }
        body.push_str("<w:p><w:r><w:t>之后</w:t></w:r></w:p>");
        let html = body_html(&doc(&body)).unwrap();
        assert!(html.contains("深处"));
        // The paragraph after the tables is outside every table again.
        assert!(html.contains("<p>之后</p>"), "{html}");
    }

    #[test]
    fn malformed_xml_is_an_error_with_its_position() {
        let e = body_html("<w:document><w:body><w:p></w:body>").unwrap_err();
        assert!(
            matches!(&e, ErrorKind::Docx { reason } if reason.contains("at byte")),
            "{e:?}"
        );
    }

    #[test]
    fn a_zip_without_a_document_is_not_a_docx() {
        let mut buf = std::io::Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            z.start_file("mimetype", zip::write::SimpleFileOptions::default())
                .unwrap();
            std::io::Write::write_all(&mut z, b"application/epub+zip").unwrap();
            z.finish().unwrap();
        }
        let e = to_html(buf.get_ref(), 1 << 20).unwrap_err();
        assert!(
            matches!(&e, ErrorKind::Docx { reason } if reason.contains("without word/document.xml")),
            "{e:?}"
        );
    }
}
