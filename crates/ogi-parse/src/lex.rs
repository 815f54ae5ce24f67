//! From text to lines of tokens: labels, values and blank cells.
//!
//! A line is split into fields by its separator (tab, pipe, or whitespace for
//! space-aligned and one-cell-per-line text). A field is then cut into label
//! text and values; values glued to labels (`数量200 000121二、`) are cut at the
//! boundary, and a digit directly before `.`/`、` and a Han character opens a
//! label (`00000002.其他` is a run of zeros, then `2.其他…`).

use ogi_model::{Cell, NaMarker, Span};

use crate::number::{ValueError, parse_value};
use crate::text::{digit_value, is_counter, is_digit, is_point, is_space, sign_of};

/// How a line separates its cells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum LineKind {
    /// Whitespace only: space-aligned columns, one cell per line, or cells run together.
    Plain,
    /// Tab-separated fields.
    Tab,
    /// `|`-separated fields (pipe and Markdown tables).
    Pipe,
    /// A table row from markup (HTML, DOCX): every cell explicit.
    Grid,
}

impl LineKind {
    /// Whether blank fields are cells of their own.
    pub(crate) const fn has_blank_cells(self) -> bool {
        !matches!(self, Self::Plain)
    }
}

/// A line of tokens.
#[derive(Clone, Debug)]
pub(crate) struct Line<'a> {
    pub(crate) kind: LineKind,
    pub(crate) toks: Vec<Tok<'a>>,
    /// The line ends with a separator (`强制 | `): whatever it holds is a
    /// row of its own, not a label going on on the next line. The span is
    /// that of what follows the separator (a blank cell, or nothing).
    pub(crate) closed: Option<Span>,
}

/// A token: label text, a value, or a blank field.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub(crate) kind: TokKind<'a>,
    pub(crate) span: Span,
    /// The token directly follows a label without whitespace (cells run together).
    pub(crate) glued: bool,
    /// The field of its line the token is in (separated lines), counted
    /// from the line's first cell; [`NO_FIELD`] in plain text.
    pub(crate) field: u16,
}

/// [`Tok::field`] of a token of plain text, which has no fields.
pub(crate) const NO_FIELD: u16 = u16::MAX;

#[derive(Clone, Debug)]
pub(crate) enum TokKind<'a> {
    /// Label text as printed (a slice of the source).
    Label(&'a str),
    Value(Val),
    Blank,
}

/// A value token: the cell it reads as, and its normalised text for splitting.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Val {
    pub(crate) cell: Cell,
    /// Normalised ASCII text (`-18538`, `39573802895.90元`); empty for markers.
    pub(crate) text: ValText,
}

/// A value's normalised text, kept inline when short (nearly every value
/// is), so that reading a table does not allocate per cell.
#[derive(Clone, PartialEq, Eq)]
pub(crate) enum ValText {
    Inline { buf: [u8; 22], len: u8 },
    Heap(Box<str>),
}

impl ValText {
    pub(crate) fn new(s: &str) -> Self {
        let mut buf = [0; 22];
        match (buf.get_mut(..s.len()), u8::try_from(s.len())) {
            (Some(dst), Ok(len)) => {
                dst.copy_from_slice(s.as_bytes());
                Self::Inline { buf, len }
            }
            _ => Self::Heap(s.into()),
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        match self {
            Self::Inline { buf, len } => buf
                .get(..usize::from(*len))
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            Self::Heap(s) => s,
        }
    }
}

impl std::fmt::Debug for ValText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.as_str().fmt(f)
    }
}

impl std::fmt::Display for ValText {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Buffers the lexer reuses from field to field, and what it knows of the
/// region.
#[derive(Default)]
struct Scratch {
    /// The region's pipe rows do not open with a pipe (`a | b`, not
    /// Markdown's `| a | b |`): ` | 0 | …` then opens with a blank cell,
    /// where in Markdown the blank before the first pipe is no cell.
    bare_pipes: bool,
    /// The field's characters and their byte offsets.
    chars: Vec<(usize, char)>,
    /// The normalised text of the value being read.
    text: String,
}

/// Splits `src[range]` into lines of tokens. Page numbers (`-3-`, `第 3 页`)
/// and Markdown rule lines are dropped.
pub(crate) fn lex(src: &str, start: usize, end: usize) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let end = end.min(src.len());
    let region = src.get(start..end).unwrap_or_default();
    let (open, not) =
        region
            .lines()
            .filter(|l| l.matches('|').count() >= 2)
            .fold((0, 0), |(o, n), l| {
                if l.trim_start().starts_with('|') {
                    (o + 1, n)
                } else {
                    (o, n + 1)
                }
            });
    let mut scratch = Scratch {
        bare_pipes: not > open,
        ..Scratch::default()
    };
    let bytes = src.as_bytes();
    let mut pos = start;
    while pos < end {
        let rest = bytes.get(pos..end).unwrap_or_default();
        let line_end = memchr::memchr(b'\n', rest).map_or(end, |i| pos + i);
        let text = src.get(pos..line_end).unwrap_or_default();
        let text = text.trim_end_matches('\r');
        if let Some(mut line) = lex_line(text, pos, &mut scratch) {
            // `无` alone on its line after a line ending in a value, or
            // after a row's label alone on its line: one cell per line, and
            // this one not applicable.
            let next = src.get(line_end + 1..end).unwrap_or_default();
            let before_value = next
                .lines()
                .map(str::trim)
                .find(|l| !l.is_empty())
                .and_then(|l| l.chars().next())
                .is_some_and(|c| {
                    is_digit(c)
                        || matches!(c, '-' | '—' | '/' | '_' | '－' | '／' | '＿' | '无' | '無')
                });
            let after_cell = out
                .last()
                .is_some_and(|l: &Line<'_>| match l.toks.as_slice() {
                    [.., last] if matches!(last.kind, TokKind::Value(_)) => true,
                    [only] => matches!(only.kind, TokKind::Label(t)
                        if t.trim().chars().count() <= 12 || before_value),
                    _ => false,
                });
            if after_cell && matches!(text.trim(), "无" | "無") {
                if let [tok] = line.toks.as_mut_slice() {
                    tok.kind = TokKind::Value(na(NaMarker::Wu));
                }
            }
            if line.kind == LineKind::Plain && continues_with_unit(next) {
                // `…继续办理 0` wrapped before its `件`: prose, not a cell.
                if let Some(last) = line.toks.last_mut() {
                    if matches!(last.kind, TokKind::Value(_)) {
                        let at = last.span.start.saturating_sub(pos);
                        let to = last.span.end.saturating_sub(pos);
                        last.kind = TokKind::Label(text.get(at..to).unwrap_or_default());
                    }
                }
            }
            out.push(line);
        }
        pos = line_end + 1;
    }
    out
}

/// Whether the text after a line starts (past whitespace) with the unit
/// of a count in prose (`件。`), so that a number ending the line before is
/// the count of a wrapped sentence.
fn continues_with_unit(next: &str) -> bool {
    let mut chars = next.chars().skip_while(|c| is_space(*c));
    let (Some(c), after) = (chars.next(), chars.next()) else {
        return false;
    };
    // The unit and a mark of punctuation: a character alone on its line is
    // as likely a label printed one character per line (`年` of 本年度).
    let punctuated = after.is_some_and(|a| {
        matches!(
            a,
            '。' | '，' | '；' | '：' | '、' | '）' | ')' | ',' | ';' | '.'
        )
    });
    matches!(
        c,
        '件' | '条' | '次' | '项' | '份' | '起' | '年' | '月' | '日' | '%' | '％'
    ) && punctuated
}

/// Tokenizes one line of plain text starting at byte `base`.
fn lex_line<'a>(text: &'a str, base: usize, scratch: &mut Scratch) -> Option<Line<'a>> {
    if text.trim().is_empty() || is_page_number(text) {
        return None;
    }
    let mut toks = Vec::new();
    let mut closed = None;
    let kind = if text.contains(crate::html::CELL_SEP) {
        LineKind::Grid
    } else if text.contains('\t') {
        LineKind::Tab
    } else if text.matches('|').count() >= 2
        || text.trim_start().starts_with('|')
        || text.trim_end().ends_with('|')
        || text.contains(" | ")
    {
        LineKind::Pipe
    } else {
        LineKind::Plain
    };
    match kind {
        LineKind::Plain => tokenize(text, base, kind, &mut toks, scratch),
        LineKind::Tab | LineKind::Pipe | LineKind::Grid => {
            let sep = match kind {
                LineKind::Tab => '\t',
                LineKind::Pipe => '|',
                _ => crate::html::CELL_SEP,
            };
            if kind == LineKind::Pipe
                && text
                    .chars()
                    .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
            {
                return None;
            }
            let mut field_start = 0;
            let mut fields = Vec::new();
            for (i, c) in text.char_indices() {
                if c == sep {
                    fields.push((field_start, i));
                    field_start = i + c.len_utf8();
                }
            }
            fields.push((field_start, text.len()));
            if kind == LineKind::Pipe {
                // `| a | b |`: the edges outside the first and last pipe are not cells.
                let blank =
                    |&(a, b): &(usize, usize)| text.get(a..b).is_none_or(|f| f.trim().is_empty());
                if fields.first().is_some_and(blank) && !scratch.bare_pipes {
                    fields.remove(0);
                }
                if let Some(&(a, b)) = fields.last().filter(|f| blank(f)) {
                    fields.pop();
                    closed = Some(Span::new(base + a, base + b));
                }
            }
            for (i, (a, b)) in fields.into_iter().enumerate() {
                let field = text.get(a..b).unwrap_or_default();
                let index = u16::try_from(i).unwrap_or(NO_FIELD - 1);
                if field.chars().all(is_space) {
                    toks.push(Tok {
                        kind: TokKind::Blank,
                        span: Span::new(base + a, base + b),
                        glued: false,
                        field: index,
                    });
                } else {
                    let from = toks.len();
                    tokenize(field, base + a, kind, &mut toks, scratch);
                    for t in toks.get_mut(from..).unwrap_or_default() {
                        t.field = index;
                    }
                }
            }
        }
    }
    if toks.is_empty() {
        return None;
    }
    if is_numbering(&toks) {
        // `| 类别 | 1 | 2 | … | 7 |`: a header numbering the columns.
        for t in &mut toks {
            if matches!(t.kind, TokKind::Value(_)) {
                let at = t.span.start.saturating_sub(base);
                let end = t.span.end.saturating_sub(base);
                t.kind = TokKind::Label(text.get(at..end).unwrap_or_default());
            }
        }
    }
    Some(Line { kind, toks, closed })
}

/// Words of a table's header that name no row: over a label column
/// (`信息内容`, `类别`) or a total one (`总计`).
pub(crate) const HEADER_WORDS: &[&str] = &[
    "信息内容",
    "类别",
    "项目",
    "序号",
    "栏次",
    "指标",
    "名称",
    "总计",
    "合计",
];

/// Words that number a header's columns with the digits after them
/// (`第1列`, `数据2`, `栏3`).
pub(crate) const NUMBERING_WORDS: &[&str] = &["第", "数据", "栏", "列"];

/// Whether a line numbers the columns of a header: three or more values
/// 1, 2, 3, … in order, and labels (if any) of header words only.
fn is_numbering(toks: &[Tok<'_>]) -> bool {
    let mut expect = 1u32;
    let mut labelled = false;
    for t in toks {
        match &t.kind {
            TokKind::Value(v) => {
                if v.text.as_str() != expect.to_string() {
                    return false;
                }
                expect += 1;
            }
            TokKind::Label(l) => {
                let mut rest = crate::text::fold(l);
                // (`栏次` before `栏`.)
                for w in HEADER_WORDS.iter().chain(NUMBERING_WORDS) {
                    rest = rest.replace(w, "");
                }
                if !rest.is_empty() {
                    return false;
                }
                labelled = true;
            }
            TokKind::Blank => {}
        }
    }
    // A row of values alone is a header only when it numbers five columns
    // or more (no row of section 三 reads 1 2 3 4 5 6 7 and holds).
    expect > if labelled { 3 } else { 5 }
}

/// `-3-`, `- 3 -`, `—3—`, `第3页`, `第 3 页 共 6 页`.
fn is_page_number(text: &str) -> bool {
    // `- 3 -` or `第3页（共9页）`: short, and starting with a dash or 第.
    let trimmed = text.trim();
    if trimmed.len() > 64 || !matches!(trimmed.chars().next(), Some('-' | '—' | '－' | '–' | '第'))
    {
        return false;
    }
    let t: String = text.chars().filter(|c| !is_space(*c)).collect();
    let inner = t
        .strip_prefix(['-', '—', '－', '–'])
        .and_then(|r| r.strip_suffix(['-', '—', '－', '–']));
    if let Some(inner) = inner {
        // One number (`- 3 -`), not a row of them between dashes
        // (`- 0 0 0 0 0 -`, a row of cells whose first and last are n/a).
        let groups = trimmed
            .split(|c: char| !is_digit(c))
            .filter(|g| !g.is_empty())
            .count();
        return !inner.is_empty() && inner.chars().all(is_digit) && groups == 1 && inner.len() <= 4;
    }
    if let Some(rest) = t.strip_prefix('第') {
        let digits = rest.chars().take_while(|c| is_digit(*c)).count();
        let rest: String = rest.chars().skip(digits).collect();
        return digits > 0 && (rest == "页" || (rest.starts_with("页共") && rest.ends_with('页')));
    }
    false
}

/// Cuts a field, starting at byte `base` of the source, into label and
/// value tokens.
fn tokenize<'a>(
    text: &'a str,
    base: usize,
    kind: LineKind,
    out: &mut Vec<Tok<'a>>,
    scratch: &mut Scratch,
) {
    let Scratch {
        chars,
        text: value_text,
        ..
    } = scratch;
    let sp = |a: usize, b: usize| Span::new(base + a, base + b);
    let mut label: Option<(usize, usize)> = None;
    let mut space_before = true;
    let mut last_was_label = false;
    chars.clear();
    chars.extend(text.char_indices());
    let chars = &*chars;
    let byte_at = |k: usize| chars.get(k).map_or(text.len(), |&(b, _)| b);
    let label_tok = |a: usize, e: usize| Tok {
        kind: TokKind::Label(text.get(a..e).unwrap_or_default()),
        span: sp(a, e),
        glued: false,
        field: NO_FIELD,
    };
    let mut k = 0;
    // Whitespace characters since the last other one.
    let mut gap = 0;
    while let Some(&(b, c)) = chars.get(k) {
        if is_space(c) {
            space_before = true;
            gap += 1;
            k += 1;
            continue;
        }
        let standalone_before = space_before || k == 0;
        let wide_gap = gap >= 2;
        gap = 0;
        // `无` is a marker where cells are delimited, standing alone among
        // values (`0  0  无  0`), or set off from a label by a column's
        // spaces (`强制      无`); elsewhere it is a word.
        let after_value = label.is_none()
            && out
                .last()
                .is_some_and(|t| matches!(t.kind, TokKind::Value(_)));
        let value = if may_start_value(c) {
            let wu = kind.has_blank_cells() || after_value || (wide_gap && label.is_some());
            scan_value(chars, k, wu, standalone_before, value_text)
        } else {
            None
        };
        if let Some((nk, val)) = value {
            if let Some((a, e)) = label.take() {
                out.push(label_tok(a, e));
                last_was_label = true;
            }
            let e = byte_at(nk);
            out.push(Tok {
                kind: TokKind::Value(val),
                span: sp(b, e),
                glued: last_was_label && !space_before,
                field: NO_FIELD,
            });
            last_was_label = false;
            space_before = false;
            k = nk;
            continue;
        }
        let e = b + c.len_utf8();
        // In space-aligned text a column's worth of spaces ends a label
        // (`本            2.其他法律…`: a character of a label printed down the
        // page, then the row's own).
        if wide_gap && kind == LineKind::Plain {
            if let Some((a, e)) = label.take() {
                out.push(label_tok(a, e));
            }
        }
        label = Some(label.map_or((b, e), |(a, _)| (a, e)));
        // Labels separated only by a space stay one label; a value closes it.
        last_was_label = true;
        space_before = false;
        k += 1;
    }
    if let Some((a, e)) = label {
        out.push(label_tok(a, e));
    }
}

/// Whether a value may start with `c`: a digit, a sign, or the first
/// character of a not-applicable marker. [`scan_value`] reads nothing else;
/// this spares it the label characters.
fn may_start_value(c: char) -> bool {
    is_digit(c)
        || sign_of(c).is_some()
        || matches!(
            c,
            '-' | '—' | '–' | '－' | '―' | '─' | '/' | '／' | '_' | '＿' | '无' | '無'
        )
}

/// Reads a value starting at char index `k`, returning the char index after it.
fn scan_value(
    chars: &[(usize, char)],
    k: usize,
    wu: bool,
    standalone_before: bool,
    text: &mut String,
) -> Option<(usize, Val)> {
    let next = |j: usize| chars.get(j).map(|&(_, c)| c);
    let prev = |j: usize| j.checked_sub(1).and_then(next);
    let c = next(k)?;
    let ends_token = |j: usize| next(j).is_none_or(|c| is_space(c) || c == '|' || c == '\t');
    // Not-applicable markers stand alone.
    if standalone_before {
        let mut j = k;
        while next(j).is_some_and(|c| matches!(c, '-' | '—' | '–' | '－' | '―' | '─')) {
            j += 1;
        }
        if j > k && ends_token(j) {
            let marker = if c == '-' || c == '－' {
                NaMarker::Hyphen
            } else {
                NaMarker::Dash
            };
            let marker = if j - k > 1 { NaMarker::Dash } else { marker };
            return Some((j, na(marker)));
        }
        let marker = match c {
            '/' | '／' => Some(NaMarker::Slash),
            '_' | '＿' => Some(NaMarker::Underscore),
            '无' | '無' if wu || before_values(chars, k + 1) => Some(NaMarker::Wu),
            _ => None,
        };
        if let Some(marker) = marker {
            let mut j = k + 1;
            while marker == NaMarker::Underscore && next(j).is_some_and(|c| c == '_' || c == '＿')
            {
                j += 1;
            }
            if ends_token(j) {
                return Some((j, na(marker)));
            }
        }
    }
    text.clear();
    let mut j = k;
    if let Some(neg) = sign_of(c) {
        if !next(k + 1).is_some_and(is_digit) {
            return None;
        }
        // A sign glued to a preceding letter is part of prose (`0517-8360`)
        // unless the preceding character is a digit (cells run together).
        if !standalone_before && prev(k).is_some_and(|p| !p.is_ascii_digit() && !is_digit(p)) {
            return None;
        }
        text.push(if neg { '-' } else { '+' });
        j += 1;
    }
    let int_start = j;
    while let Some(d) = next(j).and_then(digit_value) {
        text.push(char::from(b'0' + d));
        j += 1;
        // Thousands separators: `36,425`.
        if next(j) == Some(',')
            && (1..=3).all(|o| next(j + o).is_some_and(is_digit))
            && !next(j + 4).is_some_and(is_digit)
        {
            text.push(',');
            j += 1;
        }
    }
    if j == int_start {
        return None;
    }
    // Digits right after a letter or digit-bearing word are prose (`第1`,
    // `A12`), and so are column numbers in a header (`数据1`, `列2`, `栏3`).
    if let Some(before) = prev(int_start) {
        if before.is_ascii_alphabetic()
            || matches!(
                before,
                '第' | '：' | ':' | '约' | '共' | '近' | '超' | '据' | '列' | '栏' | '值'
            ) && !standalone_before
        {
            return None;
        }
    }
    // Numbering of a label: `2.其他…`, `1、申请人…`, `1. 属于…`.
    if text.starts_with(|c: char| c.is_ascii_digit())
        && next(j).is_some_and(|c| is_point(c) || c == '、')
    {
        let mut m = j + 1;
        while next(m).is_some_and(is_space) {
            m += 1;
        }
        let after = next(m);
        if after.is_some_and(|c| !is_digit(c)) || (after.is_none() && next(j) == Some('、')) {
            let digits = j - int_start;
            if digits <= 1 {
                return None;
            }
            // The last digit opens the label; the rest is a value.
            j -= 1;
            text.pop();
            return finish(text, j);
        }
    }
    if next(j).is_some_and(is_point) && next(j + 1).is_some_and(is_digit) {
        text.push('.');
        j += 1;
        while let Some(d) = next(j).and_then(digit_value) {
            text.push(char::from(b'0' + d));
            j += 1;
        }
    }
    // Money units.
    if next(j) == Some('元') {
        text.push('元');
        j += 1;
    } else if next(j) == Some('万') && next(j + 1) == Some('元') {
        text.push_str("万元");
        j += 2;
    } else {
        // A counter word makes it prose: `21件`, `2024 年`.
        let mut m = j;
        while next(m).is_some_and(|c| c == ' ') {
            m += 1;
        }
        // `_` glued to the digits is prose (`12_a`); after a space it is a
        // not-applicable cell of its own.
        // A counter that starts a word (部分公开, 人民政府, 个人) is the next
        // label's first character, not a unit.
        let word = |c: char| {
            next(m + 1).is_some_and(|d| {
                matches!(
                    (c, d),
                    ('部', '分' | '门')
                        | ('人', '民')
                        | ('个', '人')
                        | ('类', '别')
                        | ('分', '局' | '别')
                        | ('时', '间')
                        | ('期', '间')
                        | ('所', '属')
                        | ('名', '称' | '单')
                )
            })
        };
        if next(m).is_some_and(|c| {
            (is_counter(c) && !word(c))
                || c.is_ascii_alphabetic()
                || c == '@'
                || (c == '_' && m == j)
        }) {
            return None;
        }
        if next(j).is_some_and(|c| {
            is_point(c) || c == ':' || c == '/' || c == '-' && !next(j + 1).is_some_and(is_digit)
        }) {
            return None;
        }
    }
    finish(text, j)
}

/// Whether what follows char index `k` is a column's worth of spaces and
/// then a value (`无      0      0`: a row's cells, the first not
/// applicable).
fn before_values(chars: &[(usize, char)], k: usize) -> bool {
    let spaces = chars
        .get(k..)
        .unwrap_or_default()
        .iter()
        .take_while(|(_, c)| is_space(*c))
        .count();
    spaces >= 2
        && chars
            .get(k + spaces)
            .is_some_and(|(_, c)| is_digit(*c) || matches!(c, '-' | '—' | '/' | '无'))
}

fn finish(text: &str, j: usize) -> Option<(usize, Val)> {
    let cell = match parse_value(text) {
        Ok(n) => Cell::Number(n),
        Err(ValueError::Range | ValueError::Syntax) => Cell::Unknown,
    };
    let text = ValText::new(text);
    Some((j, Val { cell, text }))
}

fn na(marker: NaMarker) -> Val {
    Val {
        cell: Cell::NotApplicable(marker),
        text: ValText::new(""),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn value_texts_of_any_length_read_back() {
        for len in [0, 1, 21, 22, 23, 90] {
            let text: String = "1234567890".chars().cycle().take(len).collect();
            let v = ValText::new(&text);
            assert_eq!(v.as_str(), text);
            assert_eq!(matches!(v, ValText::Inline { .. }), len <= 22, "{len}");
        }
        assert_eq!(ValText::new("3万元").as_str(), "3万元");
    }

    fn show(text: &str) -> String {
        let line = lex_line(text, 0, &mut Scratch::default()).unwrap();
        line.toks
            .iter()
            .map(|t| match &t.kind {
                TokKind::Label(s) => format!("L({s})"),
                TokKind::Value(v) => match v.cell {
                    Cell::Number(_) => format!("{}{}", if t.glued { "~" } else { "" }, v.text),
                    c => format!("{:?}", c.kind()),
                },
                TokKind::Blank => "_".to_owned(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn tab_lines_keep_blank_fields() {
        assert_eq!(
            show("行政许可\t110\t+28\t36425"),
            "L(行政许可) 110 +28 36425"
        );
        assert_eq!(show("(七) 总计\t\t\t0\t0"), "L((七) 总计) _ _ 0 0");
        assert_eq!(
            show("\t（三）\t不予公开\t1. 属于国家秘密\t0"),
            "_ L（三）) L(不予公开) L(1. 属于国家秘密) 0".replace("L（三）)", "L(（三）)")
        );
    }

    #[test]
    fn run_together_cells_are_cut_at_label_boundaries() {
        assert_eq!(
            show("数量200 000121二、上年"),
            "L(数量) ~200 000121 L(二、上年)"
        );
        assert_eq!(
            show("禁止公开00000002.其他法律"),
            "L(禁止公开) ~0000000 L(2.其他法律)"
        );
        assert_eq!(
            show("行政处罚2648-18538行政强制"),
            "L(行政处罚) ~2648 -18538 L(行政强制)"
        );
        assert_eq!(
            show("予以公开0000000部分公开0000000"),
            "L(予以公开) ~0000000 L(部分公开) ~0000000"
        );
        assert_eq!(show("共3部"), "L(共3部)");
        assert_eq!(
            show("采购39573802895.90元三、收到"),
            "L(采购) ~39573802895.90元 L(三、收到)"
        );
    }

    #[test]
    fn prose_numbers_stay_in_labels() {
        assert_eq!(
            show("2024 年，全市共受理 3119 件"),
            "L(2024 年，全市共受理 3119 件)"
        );
        assert_eq!(
            show("处理决定数量(指2020年办件量)"),
            "L(处理决定数量(指2020年办件量))"
        );
        assert_eq!(show("1.属于国家秘密   2   0"), "L(1.属于国家秘密) 2 0");
        assert_eq!(
            show("1、申请人无正当理由逾期不补"),
            "L(1、申请人无正当理由逾期不补)"
        );
    }

    #[test]
    fn headers_numbering_their_columns() {
        assert_eq!(
            show("| 类别 | 数据1 | 数据2 | 数据3 | 总计 |"),
            "L(类别) L(数据1) L(数据2) L(数据3) L(总计)"
        );
        assert_eq!(show("信息内容 第1列 第2列"), "L(信息内容 第1列 第2列)");
        assert_eq!(
            show("| 序号 | 1 | 2 | 3 | 4 |"),
            "L(序号) L(1) L(2) L(3) L(4)"
        );
        assert_eq!(show("规章 1 2 3"), "L(规章) 1 2 3");
        assert_eq!(show("1 2 3"), "1 2 3");
    }

    #[test]
    fn markers_and_pipes() {
        assert_eq!(show("| 行政许可 | 0 | ||"), "L(行政许可) 0 _ _");
        assert_eq!(show("| 规章 | / | - | — |"), "L(规章) Na Na Na");
        assert!(lex_line("|---|---|", 0, &mut Scratch::default()).is_none());
        assert!(lex_line("          -4-", 0, &mut Scratch::default()).is_none());
        assert!(lex_line("第 3 页", 0, &mut Scratch::default()).is_none());
        assert!(lex_line("- 12 -", 0, &mut Scratch::default()).is_none());
        assert_eq!(show("  -   0   0   0   0   0   -"), "Na 0 0 0 0 0 Na");
        assert_eq!(show("  0   0   无   0"), "0 0 Na 0");
        assert_eq!(show("无 0"), "L(无) 0");
        assert_eq!(show("强制                        无"), "L(强制) Na");
        assert_eq!(show("本年度 无 申请"), "L(本年度 无 申请)");
        assert_eq!(show("      无       0       0"), "Na 0 0");
        assert_eq!(show("无 0"), "L(无) 0");
        assert_eq!(show("０ １２"), "0 12");
    }
}
