//! rustc-style rendering of diagnostics over the report's own lines, with
//! annotate-snippets (which measures display width, so carets line up under
//! double-width Chinese characters).

use annotate_snippets::renderer::DecorStyle;
use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
use ogi_model::{Address, Cell, Decimal, Span, Table};

use crate::diagnostic::Diagnostic;

use crate::catalogue::operand_label;
use crate::rule::{Lang, Rule, Severity};
use crate::source::SourceText;

/// Plain text or ANSI colours.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum RenderStyle {
    /// No escape codes (files, tests, pipes).
    #[default]
    Plain,
    /// ANSI colours (a terminal).
    Ansi,
}

/// At most this many secondary operands are labelled in a snippet; operands
/// with a non-zero value go first, the rest are counted in a note. So are
/// operands on the primary cell's line more than [`MAX_DISTANCE`] characters
/// away from it (text where a whole table is one line).
pub const MAX_SECONDARY: usize = 6;

/// How far (in characters) from the primary cell a secondary operand on the
/// same line may lie to be labelled.
pub const MAX_DISTANCE: usize = 60;

/// Renders one diagnostic like rustc: the message with the rule id, the
/// report's lines with the primary cell underlined and the other operands
/// labelled, then the notes and the fix. `source` must be the text the
/// report was parsed from; `origin` names it (a file name). A diagnostic
/// without a usable span is rendered with `origin` only.
pub fn render(
    diagnostic: &Diagnostic,
    source: &str,
    origin: &str,
    lang: Lang,
    style: RenderStyle,
) -> String {
    render_in(diagnostic, &SourceText::new(source), origin, lang, style)
}

/// [`render`] over a text indexed once ([`SourceText`]): for the findings of
/// one report, build it once and render each with it.
pub fn render_in(
    diagnostic: &Diagnostic,
    source: &SourceText<'_>,
    origin: &str,
    lang: Lang,
    style: RenderStyle,
) -> String {
    let lines = source;
    let level = match diagnostic.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    // Table cells read from a Word document are separated by a control
    // character; it is shown as a rule (the spans stay put).
    let source = lines.shown();
    let title = level
        .primary_title(diagnostic.message(lang))
        .id(diagnostic.rule.as_str());
    let mut group = Group::with_title(title);
    let primary = diagnostic.primary.filter(|s| usable(*s, source));
    let mut notes = diagnostic.notes(lang);
    match primary {
        Some(span) => {
            let (shown, hidden) = pick_secondary(diagnostic, source, span);
            // Only the lines the annotations are on go to annotate-snippets.
            let all = shown.iter().map(|(s, _)| *s).fold(span, Span::append);
            let w = window(source, all);
            let shift = |s: Span| s.start - w.start..s.end - w.start;
            let mut snippet = Snippet::source(source.get(w.range()).unwrap_or_default())
                .path(origin)
                .line_start(lines.line(w.start))
                .annotation(
                    AnnotationKind::Primary
                        .span(shift(span))
                        .label(primary_label(diagnostic, lang)),
                );
            for (s, a) in shown {
                snippet = snippet.annotation(
                    AnnotationKind::Context
                        .span(shift(s))
                        .label(operand_label(a, lang)),
                );
            }
            if hidden.count > 0 {
                notes.push(hidden_note(hidden, lang));
            }
            group = group.element(snippet);
        }
        None => group = group.element(Origin::path(origin)),
    }
    for note in notes {
        group = group.element(Level::NOTE.message(note));
    }
    if let Some(fix) = diagnostic.fix_text(lang) {
        group = group.element(Level::HELP.message(fix));
    }
    let renderer = match style {
        RenderStyle::Plain => Renderer::plain(),
        RenderStyle::Ansi => Renderer::styled(),
    }
    .decor_style(DecorStyle::Ascii);
    renderer.render(&[group])
}

/// Renders every diagnostic that is not a follow-up (see
/// [`Diagnostic::explained_by`]: its lead's notes already tell it), separated
/// by blank lines.
pub fn render_all(
    diagnostics: &[Diagnostic],
    source: &str,
    origin: &str,
    lang: Lang,
    style: RenderStyle,
) -> String {
    let source = SourceText::new(source);
    diagnostics
        .iter()
        .filter(|d| !d.is_follow_up())
        .map(|d| render_in(d, &source, origin, lang, style))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The byte range given to annotate-snippets: the whole lines `span` is on
/// (a report can be long; the lines between annotations are folded anyway).
fn window(source: &str, span: Span) -> Span {
    let first = line_start(source, span.start);
    let last = source
        .get(span.end..)
        .and_then(|rest| rest.find('\n'))
        .map_or(source.len(), |p| span.end + p);
    Span::new(first, last)
}

/// The byte offset where the line holding `at` starts.
fn line_start(source: &str, at: usize) -> usize {
    source
        .get(..at)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |p| p + 1)
}

fn usable(span: Span, source: &str) -> bool {
    span.end <= source.len()
        && source.is_char_boundary(span.start)
        && source.is_char_boundary(span.end)
}

fn value_of(d: &Diagnostic, a: Address) -> Option<&Cell> {
    d.values.iter().find(|(x, _)| *x == a).map(|(_, c)| c)
}

fn primary_label(d: &Diagnostic, lang: Lang) -> Option<String> {
    let cell = *d.cells.first()?;
    if cell.table == Table::Meta || d.rule == Rule::CellsUnreadable {
        return None;
    }
    if d.rule == Rule::TextTableMismatch {
        return Some(
            match lang {
                Lang::Zh => "正文所述",
                Lang::En => "stated here",
            }
            .to_owned(),
        );
    }
    if d.primary.is_some() && value_of(d, cell).is_some_and(|c| *c == Cell::Missing) {
        return Some(match lang {
            Lang::Zh => format!("{}缺失", operand_label(cell, lang)),
            Lang::En => format!("{} is missing", operand_label(cell, lang)),
        });
    }
    Some(operand_label(cell, lang))
}

#[derive(Clone, Copy, Default)]
struct Hidden {
    count: usize,
    all_zero: bool,
}

fn pick_secondary(d: &Diagnostic, source: &str, primary: Span) -> (Vec<(Span, Address)>, Hidden) {
    let mut candidates: Vec<(Span, Address, bool)> = d
        .secondary
        .iter()
        .filter(|(s, _)| usable(*s, source) && *s != primary)
        .map(|(s, a)| {
            let zero = value_of(d, *a).and_then(Cell::value) == Some(Decimal::ZERO);
            (*s, *a, zero)
        })
        .collect();
    let mut hidden = Hidden {
        count: 0,
        all_zero: true,
    };
    // The narrative is far from the table it is compared with: show the
    // table's cells wherever they are.
    let anywhere = d.rule == Rule::TextTableMismatch;
    candidates.retain(|(s, _, zero)| {
        let keep = anywhere || near(source, primary, *s);
        if !keep {
            hidden.count += 1;
            hidden.all_zero &= *zero;
        }
        keep
    });
    // Non-zero operands first, else source order.
    candidates.sort_by_key(|(s, _, zero)| (*zero, s.start));
    let mut shown: Vec<(Span, Address)> = Vec::new();
    for (s, a, zero) in candidates {
        if shown.len() < MAX_SECONDARY {
            shown.push((s, a));
        } else {
            hidden.count += 1;
            hidden.all_zero &= zero;
        }
    }
    shown.sort_by_key(|(s, _)| s.start);
    (shown, hidden)
}

/// Whether `s` is on another line than `primary`, or close to it.
fn near(source: &str, primary: Span, s: Span) -> bool {
    let (a, b) = if s.start < primary.start {
        (s.end.min(primary.start), primary.start)
    } else {
        (primary.end.min(s.start), s.start)
    };
    let Some(between) = source.get(a..b) else {
        return false;
    };
    between.contains('\n') || between.chars().count() <= MAX_DISTANCE
}

fn hidden_note(h: Hidden, lang: Lang) -> String {
    match (lang, h.all_zero) {
        (Lang::Zh, true) => format!("另有 {} 个运算单元格未标出，均为 0", h.count),
        (Lang::Zh, false) => format!("另有 {} 个运算单元格未标出", h.count),
        (Lang::En, true) => format!("{} more operands not shown, all 0", h.count),
        (Lang::En, false) => format!("{} more operands not shown", h.count),
    }
}
