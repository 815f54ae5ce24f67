//! Fitting the tokens of a table region to the rows of the format.
//!
//! 1. [`observe`]: tokens become *blocks*: the label text since the previous
//!    values, then the values that follow it (over one or several lines).
//! 2. Each table turns blocks into observed rows ([`Obs`]): one per line for
//!    line-based layouts, chunks of the row width for one-cell-per-line text.
//! 3. [`align`]: a monotone alignment (dynamic programming, linear in the
//!    number of rows) of observed rows to the format's rows, scored by label
//!    similarity; an observed row may be skipped (an unknown row) and a format
//!    row may be absent.
//! 4. Values are assigned; short rows keep what they have, digits run together
//!    are split by the table's arithmetic ([`split`]).

pub(crate) mod active;
pub(crate) mod appeals;
pub(crate) mod applications;
pub(crate) mod place;
pub(crate) mod split;

use ogi_model::{Address, Cell, RowId, Span, Table};

use crate::diagnostic::{DiagnosticKind, ParseDiagnostic};
use crate::lex::{HEADER_WORDS, Line, LineKind, NO_FIELD, NUMBERING_WORDS, TokKind, Val};
use crate::source_map::{Read, SourceMap};
use crate::text::fold;

/// Everything a table fitter writes besides the model.
pub(crate) struct Sink<'a> {
    /// The text the spans refer to.
    pub(crate) src: &'a str,
    pub(crate) map: SourceMap,
    pub(crate) diagnostics: Vec<ParseDiagnostic>,
}

impl<'a> Sink<'a> {
    /// Digits run together in `row` that split into its cells in
    /// `readings` ways (0: none; `usize::MAX`: too many to count) with
    /// nothing to choose between them: `Unsplittable` or `AmbiguousSplit`,
    /// reported at `at`.
    pub(crate) fn undecided(
        &mut self,
        table: Table,
        row: RowId,
        run: &Run<'_>,
        readings: usize,
        at: Span,
    ) {
        let text = run.text.clone();
        let kind = if readings == 0 {
            DiagnosticKind::Unsplittable {
                table,
                row,
                run: text,
            }
        } else {
            DiagnosticKind::AmbiguousSplit {
                table,
                row,
                run: text,
                readings,
            }
        };
        self.push(kind, at);
    }

    pub(crate) fn new(src: &'a str) -> Self {
        Self {
            src,
            map: SourceMap::default(),
            diagnostics: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, kind: DiagnosticKind, span: Span) {
        self.diagnostics.push(ParseDiagnostic { kind, span });
    }

    /// Records where a cell was read from, and how.
    pub(crate) fn cell(&mut self, address: Address, span: Span, read: Read) {
        self.map.cells.insert(address, span);
        self.map.reads.insert(address, read);
    }
}

/// A value slot: a value token or a blank cell.
#[derive(Clone, Debug)]
pub(crate) struct Slot {
    pub(crate) val: Option<Val>,
    pub(crate) span: Span,
    /// Its field in a separated line ([`crate::lex::NO_FIELD`] in plain text).
    pub(crate) field: u16,
}

impl Slot {
    pub(crate) fn cell(&self) -> Cell {
        self.val.as_ref().map_or(Cell::Empty, |v| v.cell)
    }

    pub(crate) fn text(&self) -> &str {
        self.val.as_ref().map_or("", |v| v.text.as_str())
    }
}

/// What stands around the values of a line of separated text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Edges {
    /// Blank fields between the line's last label and its first value (a
    /// blank field may be an empty cell or padding of the label columns).
    pub(crate) lead: usize,
    /// Blank fields after its last value, the separator that closes a pipe
    /// row (`| 1 | 1 | `) counting as one.
    pub(crate) trail: usize,
    /// Where the last of them is.
    pub(crate) end: Option<Span>,
    /// The field of the line's last label ([`NO_FIELD`] if none, or in
    /// plain text).
    pub(crate) label: u16,
    /// The blank after a pipe row's last `|` (`| 1 | 1 | `), if it ends
    /// with one.
    pub(crate) closed: Option<Span>,
}

impl Default for Edges {
    fn default() -> Self {
        Self {
            lead: 0,
            trail: 0,
            end: None,
            label: NO_FIELD,
            closed: None,
        }
    }
}

/// Label text followed by values.
#[derive(Clone, Debug, Default)]
pub(crate) struct Block {
    /// Folded label text.
    pub(crate) label: String,
    /// The label as printed, fragments joined by a space.
    pub(crate) raw_label: String,
    pub(crate) label_span: Option<Span>,
    /// Values, per physical line.
    pub(crate) lines: Vec<Vec<Slot>>,
    /// Per line of `lines`: what stands around its values.
    pub(crate) edges: Vec<Edges>,
    /// Per line of `lines`: the blank fields between its last label (or
    /// its start) and its first value.
    pub(crate) leads: Vec<Vec<Span>>,
    /// Per line of `lines`: the blank fields after its last value.
    pub(crate) trails: Vec<Vec<Span>>,
    /// Some value is glued to a label: cells run together.
    pub(crate) glued: bool,
    /// A row of separated text whose fields after the label are all blank:
    /// a row of empty cells, not a label that wraps onto the next line.
    pub(crate) blank: bool,
    /// How much of `label` came from lines without values, before the
    /// block's first value line.
    pub(crate) lead: usize,
    /// Where in `label` each further fragment starts (a new line or field).
    pub(crate) parts: Vec<usize>,
    /// The lead label of the next block: lines that may equally be this
    /// block's label wrapped below its values (a top-aligned cell in
    /// `pdftotext -layout` text).
    pub(crate) follow: String,
}

impl Block {
    fn has_values(&self) -> bool {
        !self.lines.is_empty()
    }

    pub(crate) fn slots(&self) -> impl Iterator<Item = &Slot> {
        self.lines.iter().flatten()
    }
}

/// Which lines of separated text without values are rows of blank cells
/// ([`Block::blank`]): a label followed by blank fields only.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BlankRows {
    /// Any such line (a table whose headers are dropped as header words).
    Any,
    /// Only a line of one label (section 四, whose header lines are labels
    /// and blanks too).
    OneLabel,
}

/// Groups the tokens of `lines` into blocks. Label fragments for which
/// `is_header` holds are dropped when their line has no values; which
/// lines of labels and blank fields are rows of blank cells, `blank_rows`
/// says.
pub(crate) fn observe(
    lines: Vec<Line<'_>>,
    is_header: &dyn Fn(&str) -> bool,
    blank_rows: BlankRows,
) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut cur = Block::default();
    // Header words are dropped from lines of headers: a line of two or
    // more of them, or of one beside another such line. A lone `其他` or
    // `总计` between rows (where a copy shortened a row label) is a row's
    // label.
    let is_header = |folded: &str| is_header(folded) || numbered_header(folded);
    let headers: Vec<(bool, usize)> = lines
        .iter()
        .map(|line| {
            let mut words = 0;
            let mut only = true;
            for t in &line.toks {
                match t.kind {
                    TokKind::Value(_) => return (false, 0),
                    TokKind::Label(text) => {
                        let folded = fold(text);
                        if is_header(&folded) {
                            words += 1;
                        } else if !folded.is_empty() {
                            only = false;
                        }
                    }
                    TokKind::Blank => {}
                }
            }
            (only && words > 0, words)
        })
        .collect();
    let header_line = |i: usize| {
        let here = headers.get(i).is_some_and(|h| h.1 >= 2);
        let beside = |j: Option<usize>| j.and_then(|j| headers.get(j)).is_some_and(|h| h.0);
        here || beside(i.checked_sub(1)) || beside(Some(i + 1))
    };
    for (i, line) in lines.into_iter().enumerate() {
        let closed = line.closed;
        let line_has_values = line
            .toks
            .iter()
            .any(|t| matches!(t.kind, TokKind::Value(_)));
        let drop_headers = header_line(i);
        let mut slots: Vec<Slot> = Vec::new();
        // In markup rows every cell after the row's last label is a cell, blank or not.
        let last_label = line
            .toks
            .iter()
            .rposition(|t| matches!(t.kind, TokKind::Label(_)));
        let one_label = line
            .toks
            .iter()
            .filter(|t| matches!(t.kind, TokKind::Label(_)))
            .count()
            == 1;
        let blank_row = blank_rows == BlankRows::Any || one_label;
        let mut lead_blanks = 0;
        let mut lead_spans: Vec<Span> = Vec::new();
        // Blank fields after the last label of a line without values.
        let mut blank_fields: Vec<Span> = Vec::new();
        // The field of the line's last label, and how many labels it has.
        let mut label_field = NO_FIELD;
        let mut labels = 0;
        // A sub-table's heading (`第二十条第（五）项\t\t\t`) is no row.
        let mut heading = false;
        for (k, tok) in line.toks.into_iter().enumerate() {
            match tok.kind {
                TokKind::Label(text) => {
                    let folded = fold(text);
                    heading |= folded.contains("第二十条");
                    if !line_has_values
                        && is_header(&folded)
                        && (drop_headers || !matches!(folded.as_str(), "其他" | "总计" | "合计"))
                    {
                        continue;
                    }
                    if folded.is_empty() && !line_has_values {
                        continue;
                    }
                    if !slots.is_empty() {
                        let edges = Edges {
                            lead: lead_blanks,
                            label: label_field,
                            ..Edges::default()
                        };
                        finish_line(&mut cur, &mut slots, line.kind, (edges, &mut lead_spans));
                    }
                    lead_blanks = 0;
                    lead_spans.clear();
                    if cur.has_values() {
                        blocks.push(std::mem::take(&mut cur));
                    }
                    label_field = tok.field;
                    labels += 1;
                    if !cur.label.is_empty() && cur.parts.last() != Some(&cur.label.len()) {
                        cur.parts.push(cur.label.len());
                    }
                    cur.label.push_str(&folded);
                    if !line_has_values && !cur.has_values() {
                        cur.lead = cur.label.len();
                    }
                    if !cur.raw_label.is_empty() {
                        cur.raw_label.push(' ');
                    }
                    cur.raw_label.push_str(text.trim());
                    cur.label_span = Some(cur.label_span.map_or(tok.span, |s| s.append(tok.span)));
                }
                TokKind::Value(v) => {
                    if tok.glued {
                        cur.glued = true;
                    }
                    slots.push(Slot {
                        val: Some(v),
                        span: tok.span,
                        field: tok.field,
                    });
                }
                TokKind::Blank => {
                    // A blank cell counts once values have started on the line, or
                    // in markup rows after the row's label (in a header row of
                    // labels and blanks, only where blank rows are rows).
                    let grid_cell = line.kind == LineKind::Grid
                        && last_label.is_none_or(|l| k > l)
                        && (line_has_values || blank_row || last_label.is_none());
                    if !slots.is_empty() || grid_cell {
                        slots.push(Slot {
                            val: None,
                            span: tok.span,
                            field: tok.field,
                        });
                    } else if last_label.is_none_or(|l| k > l) {
                        // Before the first value: after the last label, or
                        // from the start of a line without one.
                        lead_blanks += 1;
                        lead_spans.push(tok.span);
                        if last_label.is_some() {
                            blank_fields.push(tok.span);
                        }
                    }
                }
            }
        }
        if !slots.is_empty() {
            let edges = Edges {
                lead: lead_blanks,
                trail: usize::from(closed.is_some()),
                end: closed,
                label: label_field,
                closed,
            };
            finish_line(&mut cur, &mut slots, line.kind, (edges, &mut lead_spans));
        } else if blank_row
            && !line_has_values
            && !heading
            && labels >= 1
            && (!blank_fields.is_empty() || closed.is_some())
            && !cur.has_values()
        {
            // `（二）部分公开\t\t\t`: a row whose every cell is blank.
            cur.lines.push(
                blank_fields
                    .into_iter()
                    .chain(closed)
                    .map(|span| Slot {
                        val: None,
                        span,
                        field: NO_FIELD,
                    })
                    .collect(),
            );
            cur.edges.push(Edges::default());
            cur.leads.push(Vec::new());
            cur.trails.push(Vec::new());
            cur.blank = true;
        }
    }
    if cur.has_values() {
        blocks.push(cur);
    }
    let mut next_lead = String::new();
    for block in blocks.iter_mut().rev() {
        block.follow = std::mem::take(&mut next_lead);
        next_lead = block.label.get(..block.lead).unwrap_or_default().to_owned();
    }
    blocks
}

/// Header words of any table that number its columns (`第1列`, `数据2`,
/// `栏3`), alone or in a line of them with `信息内容`, `类别`, `总计`, ….
fn numbered_header(folded: &str) -> bool {
    let mut rest = folded;
    let mut numbered = false;
    while !rest.is_empty() {
        if let Some(w) = HEADER_WORDS.iter().find(|w| rest.starts_with(*w)) {
            rest = rest.get(w.len()..).unwrap_or_default();
            continue;
        }
        let prefix = NUMBERING_WORDS.iter().find(|p| rest.starts_with(*p));
        let Some(p) = prefix else { return false };
        let after = rest.get(p.len()..).unwrap_or_default();
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        rest = after.get(digits..).unwrap_or_default();
        if *p == "第" {
            match rest.strip_prefix('列').or_else(|| rest.strip_prefix('栏')) {
                Some(r) => rest = r,
                None => return false,
            }
        }
        numbered = true;
    }
    numbered || matches!(folded, "类别" | "项目" | "序号" | "栏次" | "指标")
}

#[cfg(test)]
#[test]
fn numbered_headers() {
    for h in [
        "第1列",
        "数据2",
        "信息内容第1列第2列第3列",
        "类别数据1数据2总计",
        "项目",
        "栏3",
    ] {
        assert!(numbered_header(h), "{h}");
    }
    for h in ["第二十条第一项", "规章", "数据", "第1", "其他", "总计"] {
        assert!(!numbered_header(h), "{h}");
    }
}

fn finish_line(
    cur: &mut Block,
    slots: &mut Vec<Slot>,
    kind: LineKind,
    (mut edges, leads): (Edges, &mut Vec<Span>),
) {
    let mut trails = Vec::new();
    if kind != LineKind::Grid {
        while let Some(blank) = slots.last().filter(|s| s.val.is_none()) {
            edges.end = edges.end.or(Some(blank.span));
            trails.push(blank.span);
            slots.pop();
            edges.trail += 1;
        }
    }
    trails.reverse();
    if !slots.is_empty() {
        cur.lines.push(std::mem::take(slots));
        cur.edges.push(edges);
        cur.leads.push(std::mem::take(leads));
        cur.trails.push(trails);
    }
    slots.clear();
    leads.clear();
}

/// An observed table row: a label and its value slots.
#[derive(Clone, Debug)]
pub(crate) struct Obs {
    pub(crate) label: String,
    /// Label lines after the row's values that may still be its own
    /// ([`Block::follow`]); they count for similarity only.
    pub(crate) follow: String,
    pub(crate) raw_label: String,
    pub(crate) label_span: Option<Span>,
    pub(crate) slots: Vec<Slot>,
    pub(crate) glued: bool,
    /// What stands around the values, for a row of separated text on one
    /// line.
    pub(crate) edges: Edges,
    /// The blank fields before its first value ([`Block::leads`]).
    pub(crate) leads: Vec<Span>,
    /// The blank fields after its last value ([`Block::trails`]).
    pub(crate) trails: Vec<Span>,
    /// Every field of the row is blank ([`Block::blank`]).
    pub(crate) blank: bool,
    /// Where in `label` each fragment after the first starts
    /// ([`Block::parts`]).
    pub(crate) parts: Vec<usize>,
}

/// Digits run together that a short row's cells must be split from.
pub(crate) struct Run<'a> {
    /// The value texts; each boundary between them is a forced cell boundary.
    pub(crate) texts: Vec<&'a str>,
    /// Where each text was read.
    pub(crate) spans: Vec<Span>,
    /// The texts joined by a space, for diagnostics.
    pub(crate) text: String,
    pub(crate) span: Span,
    /// The texts are set apart by whitespace or separators (`41200043` after
    /// its label), not glued to a label: if no reading splits them, the row
    /// may simply be short.
    pub(crate) separated: bool,
}

/// When a row of fewer tokens than cells is read as digits run together.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Runs {
    /// Only digits glued to a label, or a token that no count could be
    /// (`000`, `0305`: a leading zero).
    Glued,
    /// Also digits set apart from the label by whitespace, when they are
    /// one piece of text (`412000043`, `0+10`) with digits enough for the
    /// row: the table's arithmetic guards the split, or the table is
    /// printed that way throughout.
    Separated,
    /// As [`Runs::Separated`], for rows printed as this many pieces, one per
    /// line (section 四 in rows, each row's digits run together).
    Pieces(usize),
}

/// The digits of a value text.
fn digit_count(text: &str) -> usize {
    text.split('.')
        .next()
        .unwrap_or_default()
        .bytes()
        .filter(u8::is_ascii_digit)
        .count()
}

/// A value text no count is printed as: digits with a leading zero.
fn leading_zero(text: &str) -> bool {
    let digits = text.trim_start_matches(['+', '-']);
    digits.len() > 1
        && digits.starts_with('0')
        && digits.as_bytes().get(1).is_some_and(u8::is_ascii_digit)
}

impl Obs {
    /// The row's digits as a run to split, when it has fewer values than
    /// `width`, all of them numbers, and they are run together (glued to the
    /// label, or set apart but, as `runs` allows, with digits enough).
    ///
    /// Numbers set apart from each other (`22 0 0 0 0 4`) are a run only
    /// when one of them is written as no count is (a leading zero): a row
    /// with a blank cell prints as many numbers, and the row's arithmetic
    /// cannot tell a cut that happens to add up from the row as printed.
    pub(crate) fn run_together(&self, width: usize, runs: Runs) -> Option<Run<'_>> {
        if self.slots.len() >= width {
            return None;
        }
        let run = self.run()?;
        let digits: usize = run.texts.iter().map(|t| digit_count(t)).sum();
        let certain = run.texts.iter().any(|t| leading_zero(t));
        let pieces = 1 + run
            .spans
            .windows(2)
            .filter(|w| matches!(w, [a, b] if a.end != b.start))
            .count();
        let allowed = match runs {
            Runs::Glued => false,
            Runs::Separated => pieces == 1,
            Runs::Pieces(n) => pieces <= n,
        };
        let take = !run.separated || (digits >= width && (allowed || certain));
        take.then_some(run)
    }

    /// The row's values as one run, whatever their number (none unless
    /// they are all numbers).
    pub(crate) fn run(&self) -> Option<Run<'_>> {
        let numeric = self
            .slots
            .iter()
            .all(|s| s.val.as_ref().is_some_and(|v| v.cell.is_number()));
        if !numeric || self.slots.is_empty() {
            return None;
        }
        let texts: Vec<&str> = self.slots.iter().map(Slot::text).collect();
        let spans: Vec<Span> = self.slots.iter().map(|s| s.span).collect();
        let span = spans
            .iter()
            .copied()
            .reduce(Span::append)
            .unwrap_or_default();
        Some(Run {
            text: texts.join(" "),
            texts,
            spans,
            span,
            separated: !self.glued,
        })
    }

    /// Whether a value of the row is written as no count is (`000000`, a
    /// leading zero): digits run together, whether or not they split.
    pub(crate) fn has_run(&self) -> bool {
        self.slots.iter().any(|s| {
            s.val
                .as_ref()
                .is_some_and(|v| v.cell.is_number() && leading_zero(v.text.as_str()))
        })
    }

    /// Whether the row is a lone token of digits enough for `width` cells
    /// (`120305` for three): what a table printed with its rows run
    /// together is made of.
    pub(crate) fn lone_run(&self, width: usize) -> bool {
        width > 1
            && self.slots.len() == 1
            && self.slots.iter().all(|s| {
                s.val
                    .as_ref()
                    .is_some_and(|v| v.cell.is_number() && digit_count(v.text.as_str()) >= width)
            })
    }

    pub(crate) fn span(&self) -> Span {
        let mut it = self.slots.iter().map(|s| s.span).chain(self.label_span);
        let first = it.next().unwrap_or_default();
        it.fold(first, Span::append)
    }

    pub(crate) fn values_text(&self) -> Vec<String> {
        self.slots
            .iter()
            .map(|s| match &s.val {
                Some(v) if v.text.as_str().is_empty() => match v.cell {
                    Cell::NotApplicable(m) => m.as_str().to_owned(),
                    _ => String::new(),
                },
                Some(v) => v.text.as_str().to_owned(),
                None => String::new(),
            })
            .collect()
    }
}

/// A row's cells as read: values, where each was read, and how (a
/// `Missing` cell's span and reading are placeholders, never recorded).
#[derive(Clone, Debug, Default)]
pub(crate) struct RowRead {
    pub(crate) cells: Vec<Cell>,
    pub(crate) spans: Vec<Span>,
    pub(crate) reads: Vec<Read>,
}

impl RowRead {
    /// `width` unknown cells cut from `run`.
    pub(crate) fn undecided(run: &Run<'_>, width: usize) -> Self {
        Self {
            cells: vec![Cell::Unknown; width],
            spans: vec![run.span; width],
            reads: vec![Read::Undecided; width],
        }
    }

    /// The cells `readings` agree on (the others unknown), each with the
    /// span of its own digits where the readings cut it alike.
    pub(crate) fn decided(
        run: &Run<'_>,
        readings: &[&split::Reading],
        width: usize,
        read: Read,
        src: &str,
    ) -> Self {
        let cells = split::consensus(readings, width);
        let mut out = Self::default();
        for (col, cell) in cells.into_iter().enumerate() {
            let mut pieces = readings.iter().map(|r| r.pieces.get(col));
            let piece = match pieces.next() {
                Some(Some(first)) if pieces.all(|p| p == Some(first)) => Some(*first),
                _ => None,
            };
            let span = piece.map_or(run.span, |p| piece_span(run, p, src));
            out.reads.push(if cell == Cell::Unknown {
                Read::Undecided
            } else {
                read
            });
            out.cells.push(cell);
            out.spans.push(span);
        }
        out
    }
}

/// The field where the first cell of every full row stands, when the table
/// is printed with one field per cell in every row (a label column padded
/// to the same width): rows of `width` slots on one separated line, at
/// least two, all starting at the same field. A short row of such a table
/// is placed by its fields, not from the left.
/// How a table's rows lay their cells out: in fields (separated text) or
/// in columns of the page (space-aligned text).
#[derive(Clone, Debug, Default)]
pub(crate) struct Fields {
    /// The field of every full row's first cell, when they agree ([`origin`]).
    pub(crate) origin: Option<u16>,
    /// Some full row has blank fields before its first value: blank fields
    /// there may pad the label columns rather than be cells.
    pub(crate) padded: bool,
    /// The full rows of space-aligned text, for placing short rows by
    /// where their values stand ([`place`]).
    pub(crate) aligned: Vec<place::Aligned>,
    /// Some full row ends with a separator after its last value: a short
    /// row's last `|` may close the row rather than open a blank cell.
    pub(crate) closing: bool,
}

impl Fields {
    /// How the rows (each with its row's width) lay out their cells.
    pub(crate) fn of(rows: &[(&Obs, usize)], src: &str) -> Self {
        Self {
            origin: origin(rows),
            padded: rows
                .iter()
                .any(|(o, w)| o.slots.len() == *w && o.edges.lead > 0),
            aligned: place::aligned(rows, src),
            closing: rows
                .iter()
                .any(|(o, w)| o.slots.len() == *w && o.edges.trail > 0),
        }
    }
}

pub(crate) fn origin(rows: &[(&Obs, usize)]) -> Option<u16> {
    let mut found: Option<u16> = None;
    let mut full = 0;
    for (o, width) in rows {
        // (A row printed blank has no values to say where its cells are.)
        if o.slots.len() != *width || o.blank {
            continue;
        }
        let first = o.slots.first()?.field;
        let consecutive =
            o.slots.iter().enumerate().all(|(k, s)| {
                s.field != NO_FIELD && usize::from(s.field) == usize::from(first) + k
            });
        if !consecutive || found.is_some_and(|f| f != first) {
            return None;
        }
        found = Some(first);
        full += 1;
    }
    found.filter(|_| full >= 2)
}

/// How a row read by [`tokens`] falls short of its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shortfall {
    /// It has exactly its cells.
    None,
    /// It has this many cells (fewer or more): the row is printed short
    /// (or long), and the cells it lacks are missing.
    Cells(usize),
    /// Text without fields printed this many values, fewer than its cells:
    /// blank cells leave no trace there, and nothing shows which they are.
    Unplaced(usize),
}

impl Shortfall {
    /// The parse diagnostic for `table/row`, if any.
    pub(crate) fn diagnostic(
        self,
        table: Table,
        row: RowId,
        expected: usize,
    ) -> Option<DiagnosticKind> {
        match self {
            Self::None => None,
            Self::Cells(found) => Some(DiagnosticKind::RowLength {
                table,
                row,
                expected,
                found,
            }),
            Self::Unplaced(found) => Some(DiagnosticKind::Unplaced {
                table,
                row: Some(row),
                expected,
                found,
            }),
        }
    }
}

/// A row read from its own tokens, `width` cells wide: each value or blank
/// field a cell. A row with every field blank is a row of empty cells.
///
/// A short row of separated text is completed where the fields show how:
/// in a table whose full rows all start at field `origin`, each value goes
/// to the column of its field, a blank field within the table's columns is
/// an empty cell, and a field the line does not have is a missing cell;
/// otherwise, when its blank fields stand only before its values (or only
/// after them), they are its empty cells. Any other short row of separated
/// text keeps its cells from the left (their columns are a guess:
/// [`Read::ShortRow`]) and the rest are missing.
///
/// A short row of text without fields is placed by where its values stand
/// under the columns of the full rows around it ([`place`]); failing that,
/// nothing shows which of its cells are the blank ones, and every cell is
/// unknown ([`Read::Unplaced`]).
pub(crate) fn tokens(o: &Obs, width: usize, fields: &Fields, src: &str) -> (RowRead, Shortfall) {
    let origin = fields.origin;
    let n = o.slots.len();
    let mut out = RowRead::default();
    let anchor = o.span();
    if o.blank {
        for k in 0..width {
            out.cells.push(Cell::Empty);
            out.spans.push(
                o.slots
                    .get(k)
                    .map_or(Span::empty_at(anchor.end), |s| s.span),
            );
            out.reads.push(Read::Token);
        }
        return (out, Shortfall::None);
    }
    if n < width {
        if let Some((placed, found)) = origin.and_then(|f| by_field(o, width, f, fields.closing)) {
            return (placed, found.map_or(Shortfall::None, Shortfall::Cells));
        }
        if let Some(placed) = place::by_position(o, width, &fields.aligned, src) {
            return (placed, Shortfall::None);
        }
        if n > 0 && o.slots.iter().all(|s| s.field == NO_FIELD) {
            let values = o.slots.iter().map(|s| s.span).reduce(Span::append);
            let at = values.unwrap_or(anchor);
            out.cells = vec![Cell::Unknown; width];
            out.spans = vec![at; width];
            out.reads = vec![Read::Unplaced; width];
            return (out, Shortfall::Unplaced(n));
        }
    }
    let need = width.saturating_sub(n);
    let Edges { lead, trail, .. } = o.edges;
    // Blank fields before the values are the first cells when they end a
    // row's cells exactly, or when no full row pads its labels with blank
    // fields (and the row has room for them).
    let unpadded = !fields.padded && lead > 0 && lead < need;
    // How many blank fields before the values are cells.
    let prepend = if need > 0 && lead >= need && trail == 0 {
        need
    } else if unpadded {
        lead
    } else {
        0
    };
    let after = need > 0 && prepend == 0 && trail >= need && lead == 0;
    let first = o.slots.first().map_or(anchor.start, |s| s.span.start);
    let last = o.slots.last().map_or(anchor.end, |s| s.span.end);
    let skip = o.leads.len().saturating_sub(prepend);
    for k in 0..prepend {
        let at = o.leads.get(skip + k).map_or(Span::empty_at(first), |s| *s);
        out.cells.push(Cell::Empty);
        out.spans.push(at);
        out.reads.push(Read::Token);
    }
    // Cells placed from the left without a field to show where: a guess.
    let read = if need > 0 && prepend == 0 && !after {
        Read::ShortRow
    } else {
        Read::Token
    };
    for slot in o.slots.iter().take(width) {
        out.cells.push(slot.cell());
        out.spans.push(slot.span);
        out.reads.push(read);
    }
    if after {
        for _ in 0..need {
            let at = o.edges.end.map_or(Span::empty_at(last), |s| s);
            out.cells.push(Cell::Empty);
            out.spans.push(at);
            out.reads.push(Read::Token);
        }
    }
    let present = out.cells.len().min(width);
    out.cells.truncate(width);
    out.spans.truncate(width);
    out.reads.truncate(width);
    let found = (present != width).then_some(n + prepend);
    (out, found.map_or(Shortfall::None, Shortfall::Cells))
}

/// A short row placed by its fields (see [`tokens`]); `None` when a value
/// lies outside the table's columns.
fn by_field(o: &Obs, width: usize, origin: u16, closing: bool) -> Option<(RowRead, Option<usize>)> {
    let origin = usize::from(origin);
    let first = usize::from(o.slots.first()?.field);
    let last = usize::from(o.slots.last()?.field);
    if o.slots.iter().any(|s| s.field == NO_FIELD) || first < origin || last >= origin + width {
        return None;
    }
    let lead = o.edges.lead;
    // A row whose labels reach into the columns of the values (a group
    // label printed in a field of its own) is not laid out like the rows
    // that set the origin.
    if o.edges.label != NO_FIELD && usize::from(o.edges.label) >= origin {
        return None;
    }
    let mut out = RowRead::default();
    let mut present = 0;
    for col in 0..width {
        let field = origin + col;
        if let Some(slot) = o.slots.iter().find(|s| usize::from(s.field) == field) {
            out.cells.push(slot.cell());
            out.spans.push(slot.span);
        } else if (first.saturating_sub(lead)..first).contains(&field) {
            let k = field + lead - first;
            let at = o
                .leads
                .get(k)
                .map_or(Span::empty_at(o.slots.first()?.span.start), |s| *s);
            out.cells.push(Cell::Empty);
            out.spans.push(at);
        } else if let Some(at) = field.checked_sub(last + 1).and_then(|k| {
            // Where no full row closes with a separator, a short row's last
            // `|` opens a blank field too.
            let closed = o.edges.closed.filter(|_| !closing);
            o.trails.iter().copied().chain(closed).nth(k)
        }) {
            // A blank field after the values but within the table's
            // columns: an empty cell (fields past them pad a narrower row).
            out.cells.push(Cell::Empty);
            out.spans.push(at);
        } else {
            // The line ends (or starts) before this field: nothing printed.
            out.cells.push(Cell::Missing);
            out.spans.push(Span::empty_at(o.span().end));
            out.reads.push(Read::Token);
            continue;
        }
        out.reads.push(Read::Token);
        present += 1;
    }
    Some((out, (present != width).then_some(present)))
}

/// The source span of a piece of a run: its text's bytes mapped to the
/// source (the value text has one character per source character).
fn piece_span(run: &Run<'_>, p: split::Piece, src: &str) -> Span {
    let (Some(text), Some(span)) = (run.texts.get(p.chunk), run.spans.get(p.chunk)) else {
        return run.span;
    };
    let source = src.get(span.range()).unwrap_or_default();
    let chars = |bytes: usize| text.get(..bytes).map(|t| t.chars().count());
    let offset = |n: Option<usize>| {
        n.and_then(|n| {
            source
                .char_indices()
                .map(|(i, _)| i)
                .chain([source.len()])
                .nth(n)
        })
    };
    match (offset(chars(p.start)), offset(chars(p.end))) {
        (Some(a), Some(b)) if a < b => Span::new(span.start + a, span.start + b),
        _ => *span,
    }
}

/// A row of the format to align to: its id, label bigrams and width.
pub(crate) struct Spec {
    pub(crate) id: RowId,
    pub(crate) key: Vec<(char, char)>,
    /// The label's characters, sorted, once each.
    pub(crate) chars: Vec<char>,
    pub(crate) width: usize,
}

impl Spec {
    pub(crate) fn new(id: RowId, label: &str, width: usize) -> Self {
        let folded = fold(label);
        let mut chars: Vec<char> = folded.chars().collect();
        chars.sort_unstable();
        chars.dedup();
        Self {
            id,
            key: bigrams(&folded),
            chars,
            width,
        }
    }

    /// The share of `chars` found in the row's label: how much of an
    /// abbreviation (`逾期未缴费`) is made of the row's own characters.
    fn char_share(&self, chars: &[char]) -> f32 {
        if chars.is_empty() {
            return 0.0;
        }
        let found = chars
            .iter()
            .filter(|c| self.chars.binary_search(c).is_ok())
            .count();
        found as f32 / chars.len() as f32
    }
}

/// The pairs of neighbouring characters of `s`; a lone character pairs
/// with itself.
fn pairs(s: &str) -> impl Iterator<Item = (char, char)> + '_ {
    let mut chars = s.chars();
    let single = match (chars.next(), chars.next()) {
        (Some(c), None) => Some((c, c)),
        _ => None,
    };
    s.chars().zip(s.chars().skip(1)).chain(single)
}

fn bigrams(s: &str) -> Vec<(char, char)> {
    let mut v: Vec<(char, char)> = pairs(s).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The rows of one table shape with their label bigrams as bit sets.
pub(crate) struct Specs {
    rows: Vec<Spec>,
    bits: Vec<Vec<u64>>,
    /// The weight of each row's bigrams together.
    weights: Vec<f32>,
}

/// The `N` shapes a table may take (two format versions, two layouts of
/// 其他处理), over one bigram dictionary: an observed label's bit set is
/// computed once and compared with every shape. Built once per table.
pub(crate) struct Shapes<const N: usize> {
    dict: Bigrams,
    shapes: [Specs; N],
}

impl<const N: usize> Shapes<N> {
    pub(crate) fn new(shapes: [Vec<Spec>; N]) -> Self {
        let dict = Bigrams::new(shapes.iter().flatten());
        let shapes = shapes.map(|rows| {
            let bits: Vec<Vec<u64>> = rows
                .iter()
                .map(|s| dict.bits(s.key.iter().copied()))
                .collect();
            let weights = bits.iter().map(|b| dict.weigh(b)).collect();
            Specs {
                rows,
                bits,
                weights,
            }
        });
        Self { dict, shapes }
    }

    /// An observed row's label as the alignment compares it.
    fn label(&self, o: &Obs) -> Label {
        self.label_of(&o.label, &o.follow)
    }

    /// A label (and the lines that follow its values) as the alignment
    /// compares it.
    fn label_of(&self, label: &str, follow: &str) -> Label {
        // The label's own single character pairs with itself; the
        // follow-on label adds its pairs only.
        let after = follow.chars().zip(follow.chars().skip(1));
        let own = self.dict.bits(pairs(label));
        // A pair no format row has weighs as much as the rarest.
        let unknown = pairs(label)
            .filter(|b| !self.dict.dict.contains_key(b))
            .count();
        Label {
            weight: self.dict.weigh(&own) + unknown as f32 * self.dict.max_weight,
            own,
            with_follow: (!follow.is_empty()).then(|| self.dict.bits(pairs(label).chain(after))),
            chars: label.chars().filter(|c| crate::text::is_han(*c)).collect(),
        }
    }

    /// In each shape, the format row whose label `label` holds most
    /// completely: its index, the (weighted) share of its bigrams found in
    /// the label, the share of the label's found in it, and how many rows
    /// hold nearly every bigram of the label (a short form names one row
    /// only if one row holds it).
    fn rank(&self, label: &str) -> [Option<(usize, f32, f32, usize)>; N] {
        let l = self.label_of(label, "");
        self.shapes.each_ref().map(|specs| {
            let mut holders = 0;
            let mut best: Option<(usize, f32, f32)> = None;
            for (j, (bits, total)) in specs.bits.iter().zip(&specs.weights).enumerate() {
                if *total <= 0.0 || l.weight <= 0.0 {
                    continue;
                }
                let hits = weigh(
                    &self.dict.weights,
                    l.own.iter().zip(bits).map(|(a, b)| a & b),
                );
                let (recall, precision) = (hits / total, hits / l.weight);
                if precision >= 0.9 {
                    holders += 1;
                }
                if best.is_none_or(|b| recall > b.1) {
                    best = Some((j, recall, precision));
                }
            }
            best.map(|(j, r, p)| (j, r, p, holders))
        })
    }

    /// [`Shapes::likeliest`], with how alike.
    fn likeliest_with(&self, label: &str) -> [Option<(usize, f32)>; N] {
        let l = self.label_of(label, "");
        self.shapes.each_ref().map(|specs| {
            let rows = specs.iter().zip(&specs.bits).zip(&specs.weights);
            rows.enumerate()
                .map(|(j, ((spec, bits), total))| {
                    (j, l.likeness(&self.dict.weights, (spec, bits, *total)))
                })
                .filter(|(_, sim)| *sim > 0.0)
                .max_by(|a, b| a.1.total_cmp(&b.1))
        })
    }

    /// In each shape, the row a label is most like, as the alignment
    /// compares them.
    fn likeliest(&self, label: &str) -> [Option<usize>; N] {
        self.likeliest_with(label).map(|best| best.map(|(j, _)| j))
    }

    /// Rows whose label holds, before the label on their values' line, a
    /// whole other row's label from a line of its own (`规章` over
    /// `规范性文件 | 0 | 0 | 0`: a row printed with no values, its label
    /// run into the next row's): cut in two, the first a row without values.
    ///
    /// Both parts must name rows of one shape, the first before the second:
    /// the first nothing but a row's words (its whole label, or a short form
    /// of it such as `强制`: at most six characters, found in that row
    /// only), the second mostly a row's. A fragment of a
    /// wrapped label does not cut: it is part of the row before (the row the
    /// previous label names) or of the same row as the rest.
    pub(crate) fn split_leads(&self, obs: Vec<Obs>) -> Vec<Obs> {
        // The row a label is all of, in each shape: its whole label (most of
        // the row's words and little else), or a short form of it (`强制`:
        // at most six characters, all the row's).
        let whole = |label: &str| -> [Option<usize>; N] {
            let short = label.chars().count() <= 8;
            let chars: Vec<char> = label.chars().filter(|c| crate::text::is_han(*c)).collect();
            if label.chars().count() < 2 {
                // A character alone (`本` of 本年度办理结果 printed down the
                // page) names no row.
                return [None; N];
            }
            let rank = self.rank(label);
            let mut out = [None; N];
            for ((slot, b), specs) in out.iter_mut().zip(rank).zip(&self.shapes) {
                *slot = b
                    .filter(|(j, r, p, holders)| {
                        // An abbreviation: every character in this row's label only.
                        let abbreviation = || {
                            specs.get(*j).is_some_and(|s| s.char_share(&chars) >= 0.99)
                                && specs
                                    .iter()
                                    .filter(|s| s.char_share(&chars) >= 0.99)
                                    .count()
                                    == 1
                        };
                        (*r >= 0.8 && *p >= 0.6)
                            || (short && ((*p >= 0.9 && *holders == 1) || abbreviation()))
                    })
                    .map(|(j, ..)| j);
            }
            out
        };
        let mut out: Vec<Obs> = Vec::with_capacity(obs.len());
        // The row the previous label names best: a part naming the same
        // row goes on with it (see `previous` below).
        // The label on the previous row's values' line: a segment that
        // completes it (`5.要求` … `行政机关确认或重新出具已获取信息` torn
        // over lines) goes on with that row.
        let mut previous_own = String::new();
        for o in obs {
            // The row the previous label names, and whether it is a whole
            // label: scored only when a cut is in question.
            let previous = std::cell::OnceCell::new();
            let previous = || -> &([Option<usize>; N], [Option<usize>; N]) {
                previous.get_or_init(|| {
                    if previous_own.is_empty() {
                        ([None; N], [None; N])
                    } else {
                        (self.likeliest(&previous_own), whole(&previous_own))
                    }
                })
            };
            // The row the label on the values' line names.
            let own = o
                .parts
                .last()
                .and_then(|at| o.label.get(*at..))
                .unwrap_or(&o.label);
            let starts: Vec<usize> = std::iter::once(0).chain(o.parts.iter().copied()).collect();
            // The same fragments recur at every cut point: each is scored once.
            type Scored<const N: usize> = ((usize, usize), [Option<usize>; N]);
            let memo: std::cell::RefCell<Vec<Scored<N>>> = std::cell::RefCell::default();
            let whole_at = |from: usize, to: usize| {
                if let Some((_, w)) = memo.borrow().iter().find(|(k, _)| *k == (from, to)) {
                    return *w;
                }
                let w = o.label.get(from..to).map_or([None; N], whole);
                memo.borrow_mut().push(((from, to), w));
                w
            };
            // The last cut that leaves a row's label on each side: before it,
            // the fragments from some earlier start (a stray character of a
            // label printed down the page may come first), after it the rest.
            let cut = o.parts.iter().rev().find_map(|&at| {
                let after = o.label.get(at..)?;
                let b = self.likeliest_with(after);
                if b.iter().all(Option::is_none) {
                    return None;
                }
                let c = whole(after);
                // A whole row's label in the fragments before the cut (torn
                // pieces of a group label may stand around it).
                let ends = starts
                    .iter()
                    .copied()
                    .filter(|e| *e > 0 && *e <= at)
                    .chain([at]);
                let segments: Vec<(usize, usize)> = ends
                    .flat_map(|to| {
                        starts
                            .iter()
                            .copied()
                            .filter(move |from| *from < to)
                            .map(move |from| (from, to))
                    })
                    .collect();
                let mut segments = segments;
                segments.sort_unstable();
                segments.dedup();
                let apart = segments.iter().any(|&(from, to)| {
                    let segment = o.label.get(from..to).unwrap_or_default();
                    // `六其他处理`, `3其他`: a row's own numbering opens it.
                    let numbered = segment
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
                    let a = whole_at(from, to);
                    if !a.iter().zip(&b).any(|(a, b)| a.is_some() && b.is_some()) {
                        return false;
                    }
                    let (previous_row, previous_whole) = previous();
                    // Computed only when a cut is otherwise due (it scores the
                    // joined label against every row).
                    let mut joined: Option<[Option<usize>; N]> = None;
                    a.iter()
                        .zip(b.iter().zip(&c))
                        .zip(previous_row.iter().zip(previous_whole))
                        .enumerate()
                        .any(
                            |(shape, ((a, (b, c)), (prev_row, prev_whole)))| match (a, b) {
                                (Some(i), Some((j, like))) => {
                                    let named = *like >= 0.25 || c.is_some();
                                    if *prev_row == Some(*i) || i >= j || !named {
                                        return false;
                                    }
                                    // The rest of a label torn after its first
                                    // words, not a row of its own.
                                    let torn = !previous_own.is_empty()
                                        && prev_whole.is_none()
                                        && !numbered;
                                    !(torn && {
                                        let joined = joined.get_or_insert_with(|| {
                                            self.likeliest(&format!("{previous_own}{segment}"))
                                        });
                                        joined.get(shape).copied().flatten() == Some(*i)
                                    })
                                }
                                _ => false,
                            },
                        )
                });
                apart.then_some((o.label.get(..at)?, after))
            });
            own.clone_into(&mut previous_own);
            let Some((before, after)) = cut.filter(|_| !o.slots.is_empty()) else {
                out.push(o);
                continue;
            };
            out.push(Obs {
                label: before.to_owned(),
                follow: String::new(),
                raw_label: String::new(),
                label_span: o.label_span,
                slots: Vec::new(),
                glued: o.glued,
                edges: Edges::default(),
                leads: Vec::new(),
                trails: Vec::new(),
                blank: false,
                parts: Vec::new(),
            });
            out.push(Obs {
                label: after.to_owned(),
                parts: Vec::new(),
                ..o
            });
        }
        out
    }

    /// [`align`]s `obs` to each shape: the score, each observed row's
    /// format row, and the shape itself.
    pub(crate) fn align(
        &self,
        obs: &[Obs],
        fit: &dyn Fn(&Obs, &Spec) -> i32,
    ) -> [(i32, Vec<Option<usize>>, &Specs); N] {
        let sets: Vec<Label> = obs.iter().map(|o| self.label(o)).collect();
        self.shapes.each_ref().map(|specs| {
            let (score, rows) = align(obs, &sets, &self.dict.weights, specs, fit);
            (score, rows, specs)
        })
    }
}

impl std::ops::Deref for Specs {
    type Target = [Spec];

    fn deref(&self) -> &[Spec] {
        &self.rows
    }
}

/// Label bigrams as bit sets over the bigrams of the format's labels, so
/// that the similarity of an observed label and a format row is a few word
/// operations.
///
/// Each bigram weighs by how few rows have it (`ln(1 + rows / rows with
/// it)`): `其他` or `公开`, in many labels, say less than `补正` or `国家秘`.
struct Bigrams {
    /// Each bigram of the format's labels and its bit.
    dict: rustc_hash::FxHashMap<(char, char), usize>,
    words: usize,
    /// The weight of each bit.
    weights: Vec<f32>,
    /// The weight of the rarest bigram.
    max_weight: f32,
}

impl Bigrams {
    fn new<'a>(specs: impl Iterator<Item = &'a Spec>) -> Self {
        let mut dict = rustc_hash::FxHashMap::default();
        let mut rows: Vec<RowId> = Vec::new();
        let mut counts: Vec<usize> = Vec::new();
        for spec in specs {
            // A row shared by several shapes counts once.
            let first = !rows.contains(&spec.id);
            if first {
                rows.push(spec.id);
            }
            for &b in &spec.key {
                let next = dict.len();
                let k = *dict.entry(b).or_insert(next);
                if counts.len() <= k {
                    counts.resize(k + 1, 0);
                }
                if let (true, Some(c)) = (first, counts.get_mut(k)) {
                    *c += 1;
                }
            }
        }
        let n = rows.len().max(1) as f32;
        let weights: Vec<f32> = counts
            .iter()
            .map(|&c| (1.0 + n / c.max(1) as f32).ln())
            .collect();
        let max_weight = weights.iter().copied().fold(0.0, f32::max);
        let words = dict.len().div_ceil(64).max(1);
        Self {
            dict,
            words,
            weights,
            max_weight,
        }
    }

    /// The weight of the bigrams of a bit set.
    fn weigh(&self, bits: &[u64]) -> f32 {
        weigh(&self.weights, bits.iter().copied())
    }

    fn bits(&self, bigrams: impl IntoIterator<Item = (char, char)>) -> Vec<u64> {
        let mut v = vec![0u64; self.words];
        for b in bigrams {
            if let Some(&k) = self.dict.get(&b) {
                if let Some(w) = v.get_mut(k / 64) {
                    *w |= 1 << (k % 64);
                }
            }
        }
        v
    }
}

/// The sum of `weights` of the set bits of `words`.
fn weigh(weights: &[f32], words: impl Iterator<Item = u64>) -> f32 {
    let mut sum = 0.0;
    for (k, mut w) in words.enumerate() {
        while w != 0 {
            let bit = w.trailing_zeros() as usize;
            sum += weights.get(k * 64 + bit).copied().unwrap_or(0.0);
            w &= w - 1;
        }
    }
    sum
}

/// An observed label as the alignment compares it.
pub(crate) struct Label {
    /// The bigrams of the label itself.
    own: Vec<u64>,
    /// The weight of the label's own pairs (also those no format row has).
    weight: f32,
    /// With the lines that follow its values ([`Obs::follow`]), if any.
    with_follow: Option<Vec<u64>>,
    /// Its Han characters.
    chars: Vec<char>,
}

impl Label {
    /// How well the label matches a format row (its bigrams `spec`, of
    /// weight `total`): by its own words, or a little less by its own and
    /// the following lines' (which may equally be the next row's label).
    fn similarity(&self, weights: &[f32], spec: &[u64], total: f32) -> f32 {
        let own = similarity(weights, &self.own, self.weight, spec, total);
        match &self.with_follow {
            Some(all) => own.max(0.9 * similarity(weights, all, self.weight, spec, total)),
            None => own,
        }
    }

    /// [`Label::similarity`], or, for an abbreviation made of the row's
    /// characters but few of its bigrams (`逾期未缴费`), somewhat less than
    /// the share of its characters the row's label has.
    fn likeness(&self, weights: &[f32], spec: (&Spec, &[u64], f32)) -> f32 {
        let (row, bits, total) = spec;
        let sim = self.similarity(weights, bits, total);
        // The character term can only raise a weak match, and only a short
        // label is an abbreviation (a long text holds most characters of
        // any row).
        if sim >= 0.6 || self.chars.len() > ABBREVIATION_CHARS {
            return sim;
        }
        sim.max(0.6 * row.char_share(&self.chars))
    }
}

/// The most characters an abbreviated row label has (`确认或重新出具信息`).
const ABBREVIATION_CHARS: usize = 12;

/// How well an observed label (its bigram set `obs`, its own pairs
/// weighing `own`) matches a format row (`spec`, weighing `total`): the
/// (weighted) share of the row's bigrams found in the label, or, for a
/// label that is a short form of the row's (`许可` for 行政许可, `国家秘密`
/// for 1.属于国家秘密), a little less than the share of the label's own
/// bigrams found in the row.
fn similarity(weights: &[f32], obs: &[u64], own: f32, spec: &[u64], total: f32) -> f32 {
    if total <= 0.0 {
        return 0.0;
    }
    let hits = weigh(weights, obs.iter().zip(spec).map(|(a, b)| a & b));
    let recall = hits / total;
    let precision = if own <= 0.0 {
        0.0
    } else {
        (hits / own).min(1.0)
    };
    recall.max(0.8 * precision)
}

/// The score of matching an observed row to a format row whose label is
/// `sim` like its own: a row without a label (a later chunk of a row in
/// one-cell-per-line text) matches by order alone; a labelled row whose
/// label is nothing like the format row's costs, so that a paragraph or a
/// stray line with a number is left unmatched rather than pushing the rows
/// after it out of place.
fn matched(o: &Obs, sim: f32) -> i32 {
    let s = (300.0 * sim) as i32;
    if o.label.is_empty() || sim >= 0.2 {
        100 + s
    } else {
        s - 100
    }
}

/// Scores in hundredths, so that the alignment is exact and deterministic.
const SKIP_OBS: i32 = -200;
const SKIP_SPEC: i32 = -100;

/// Aligns observed rows (their label bit sets in `sets`) to format rows.
/// Returns the total score and, for each observed row, the index of the
/// format row it is, or `None` (unknown row).
fn align(
    obs: &[Obs],
    sets: &[Label],
    weights: &[f32],
    specs: &Specs,
    fit: &dyn Fn(&Obs, &Spec) -> i32,
) -> (i32, Vec<Option<usize>>) {
    let n = obs.len();
    let w = specs.len() + 1;
    // The best score aligning obs[..i] with specs[..j], row i of the table:
    // `above` is row i - 1, `here` row i; `steps` keeps how every cell was
    // reached, for the way back. A cell takes the best of a match from the
    // cell above-left, a skipped observed row from above and a skipped
    // format row from the left, preferred in that order on a tie.
    let mut above: Vec<i32> = (0..w).map(|j| SKIP_SPEC * j as i32).collect();
    let mut here = vec![0; w];
    let mut steps = vec![Step::SkipSpec; (n + 1) * w];
    if let Some(origin) = steps.first_mut() {
        *origin = Step::Start;
    }
    let rows = obs.iter().zip(sets).zip(steps.chunks_mut(w).skip(1));
    for ((o, set), row_steps) in rows {
        let mut left = above.first().map_or(UNREACHED, |s| s + SKIP_OBS);
        if let (Some(first), Some(step)) = (here.first_mut(), row_steps.first_mut()) {
            *first = left;
            *step = Step::SkipObs;
        }
        // Cell j of the row, with cells j - 1 and j of the row above.
        let cells = here
            .iter_mut()
            .zip(row_steps.iter_mut())
            .skip(1)
            .zip(above.windows(2));
        let rows = specs.iter().zip(&specs.bits).zip(&specs.weights);
        for (((cell, step), diag_up), ((spec, bits), total)) in cells.zip(rows) {
            let &[diag, up] = diag_up else { continue };
            let sim = set.likeness(weights, (spec, bits, *total));
            let mut best = (diag + matched(o, sim) + fit(o, spec), Step::Match);
            if up + SKIP_OBS > best.0 {
                best = (up + SKIP_OBS, Step::SkipObs);
            }
            if left + SKIP_SPEC > best.0 {
                best = (left + SKIP_SPEC, Step::SkipSpec);
            }
            (*cell, *step) = best;
            left = best.0;
        }
        std::mem::swap(&mut above, &mut here);
    }
    let total = above.last().copied().unwrap_or(UNREACHED);
    let mut out = vec![None; n];
    let (mut i, mut j) = (n, w - 1);
    while let Some(&step) = steps.get(i * w + j) {
        match step {
            Step::Match => {
                i = i.saturating_sub(1);
                j = j.saturating_sub(1);
                if let Some(slot) = out.get_mut(i) {
                    *slot = Some(j);
                }
            }
            Step::SkipObs => i = i.saturating_sub(1),
            Step::SkipSpec => j = j.saturating_sub(1),
            Step::Start => break,
        }
    }
    (total, out)
}

const UNREACHED: i32 = i32::MIN / 2;

/// How the alignment reached a cell of its table.
#[derive(Clone, Copy)]
enum Step {
    Start,
    Match,
    SkipObs,
    SkipSpec,
}

/// Reports observed rows that matched no format row.
pub(crate) fn report_unknown(
    sink: &mut Sink<'_>,
    table: Table,
    obs: &[Obs],
    matched: &[Option<usize>],
) {
    for (o, m) in obs.iter().zip(matched) {
        // A row of blank fields, or of no fields at all, carries nothing to
        // report (a group label printed as a row of its own, a row left
        // blank).
        if m.is_none() && !o.blank && !o.slots.is_empty() {
            sink.push(
                DiagnosticKind::UnknownRow {
                    table,
                    label: o.raw_label.clone(),
                    values: o.values_text(),
                },
                o.span(),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The alignment as first written: every cell pushes its three
    /// successors (kept to check the row-by-row version against).
    #[allow(clippy::indexing_slicing)]
    fn align_reference(
        obs: &[Obs],
        sets: &[Label],
        weights: &[f32],
        specs: &Specs,
        fit: &dyn Fn(&Obs, &Spec) -> i32,
    ) -> (i32, Vec<Option<usize>>) {
        let n = obs.len();
        let m = specs.len();
        let spec_bits = &specs.bits;
        let w = m + 1;
        // table[i * w + j]: the best score aligning obs[..i] with specs[..j], and
        // the step that reached it.
        let mut table = vec![(UNREACHED, Step::Start); (n + 1) * w];
        if let Some(origin) = table.first_mut() {
            origin.0 = 0;
        }
        for i in 0..=n {
            for j in 0..=m {
                let here = match table.get(i * w + j) {
                    Some(&(s, _)) if s != UNREACHED => s,
                    _ => continue,
                };
                let mut relax = |k: usize, s: i32, step: Step| {
                    if let Some(cell) = table.get_mut(k) {
                        if s > cell.0 {
                            *cell = (s, step);
                        }
                    }
                };
                if let (Some(o), Some(set), Some(spec), Some(bits)) = (
                    obs.get(i),
                    sets.get(i),
                    specs.get(j),
                    spec_bits.get(j).zip(specs.weights.get(j)),
                ) {
                    let sim = set.likeness(weights, (spec, bits.0, *bits.1));
                    let s = here + matched(o, sim) + fit(o, spec);
                    relax((i + 1) * w + j + 1, s, Step::Match);
                }
                if i < n {
                    relax((i + 1) * w + j, here + SKIP_OBS, Step::SkipObs);
                }
                if j < m {
                    relax(i * w + j + 1, here + SKIP_SPEC, Step::SkipSpec);
                }
            }
        }
        let mut out = vec![None; n];
        let (mut i, mut j) = (n, m);
        while let Some(&(_, step)) = table.get(i * w + j) {
            match step {
                Step::Match => {
                    i = i.saturating_sub(1);
                    j = j.saturating_sub(1);
                    if let Some(slot) = out.get_mut(i) {
                        *slot = Some(j);
                    }
                }
                Step::SkipObs => i = i.saturating_sub(1),
                Step::SkipSpec => j = j.saturating_sub(1),
                Step::Start => break,
            }
        }
        let total = table.get(n * w + m).map_or(UNREACHED, |&(s, _)| s);
        (total, out)
    }

    fn obs(label: &str) -> Obs {
        Obs {
            label: fold(label),
            follow: String::new(),
            raw_label: label.to_owned(),
            label_span: None,
            slots: Vec::new(),
            glued: false,
            edges: Edges::default(),
            leads: Vec::new(),
            trails: Vec::new(),
            blank: false,
            parts: Vec::new(),
        }
    }

    proptest! {
        #![proptest_config(ogi_testkit::proptest_config(256))]
        #[test]
        fn the_rows_version_aligns_as_the_first(picks in prop::collection::vec((0usize..40, 0usize..4), 0..30)) {
            let rows: Vec<Spec> = ogi_model::schema::application_rows(ogi_model::OtherStyle::Split)
                .map(|r| Spec::new(r.id, r.label, 7))
                .collect();
            let shapes = Shapes::new([rows]);
            let labels: Vec<String> = picks
                .iter()
                .map(|&(k, cut)| {
                    let id = shapes.shapes[0].rows.get(k).map(|s| s.id);
                    let label = ogi_model::schema::application_rows(ogi_model::OtherStyle::Split)
                        .find(|r| Some(r.id) == id)
                        .map_or("其他无关的行", |r| r.label);
                    label.chars().skip(cut).collect()
                })
                .collect();
            let observed: Vec<Obs> = labels.iter().map(|l| obs(l)).collect();
            let fit = |o: &Obs, s: &Spec| (o.label.len() % 3) as i32 * 10 - s.width as i32;
            let [(score, rows, _)] = shapes.align(&observed, &fit);
            let new = (score, rows);
            let sets: Vec<Label> = observed.iter().map(|o| shapes.label(o)).collect();
            let old = align_reference(&observed, &sets, &shapes.dict.weights, &shapes.shapes[0], &fit);
            prop_assert_eq!(new, old);
        }
    }
}
