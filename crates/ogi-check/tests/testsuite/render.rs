//! Rendered output, as snapshots under `tests/snapshots/`.

use ogi_check::{Checker, Lang, RenderStyle, render_all};
use snapbox::{assert_data_eq, file};

use crate::{corpus_text, fixture, parse};

fn rendered(text: &str, origin: &str, lang: Lang) -> String {
    let parsed = parse(text);
    let diagnostics = Checker::new().check(&parsed);
    render_all(&diagnostics, text, origin, lang, RenderStyle::Plain)
}

#[test]
fn laizhou_zh() {
    let text = fixture("laizhou-2020.txt");
    assert_data_eq!(
        rendered(&text, "laizhou-2020.txt", Lang::Zh),
        file!["../snapshots/laizhou-2020.zh.txt"]
    );
}

#[test]
fn laizhou_en() {
    let text = fixture("laizhou-2020.txt");
    assert_data_eq!(
        rendered(&text, "laizhou-2020.txt", Lang::En),
        file!["../snapshots/laizhou-2020.en.txt"]
    );
}

#[test]
fn hongzequ_2023() {
    let Some(text) = corpus_text("hongzequ-2023.layout.txt") else {
        return;
    };
    let name = "hongzequ-2023.layout.txt";
    assert_data_eq!(
        rendered(&text, name, Lang::Zh),
        file!["../snapshots/hongzequ-2023.zh.txt"]
    );
    assert_data_eq!(
        rendered(&text, name, Lang::En),
        file!["../snapshots/hongzequ-2023.en.txt"]
    );
}

#[test]
fn pingtan_2020() {
    let Some(text) = corpus_text("pingtan-2020.flat.txt") else {
        return;
    };
    let name = "pingtan-2020.flat.txt";
    assert_data_eq!(
        rendered(&text, name, Lang::Zh),
        file!["../snapshots/pingtan-2020.zh.txt"]
    );
    assert_data_eq!(
        rendered(&text, name, Lang::En),
        file!["../snapshots/pingtan-2020.en.txt"]
    );
}

/// The caret under a cell sits at the display width of the text before the
/// cell: double-width Chinese characters count twice, tabs as annotate-snippets
/// expands them (4 columns).
#[test]
fn carets_align_under_chinese_text() {
    use ogi_check::{Rule, render};
    use unicode_width::UnicodeWidthStr;

    let text = fixture("laizhou-2020.txt");
    let parsed = parse(&text);
    let d = Checker::new().check(&parsed);
    let lead = d
        .iter()
        .find(|d| d.rule == Rule::ApplicationsOutcomeSum)
        .expect("outcome_sum");
    let shown = render(
        lead,
        &text,
        "laizhou-2020.txt",
        Lang::Zh,
        RenderStyle::Plain,
    );
    let lines: Vec<&str> = shown.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with("75 | "))
        .expect("line 75 shown");
    let source_line = &lines[at]["75 | ".len()..];
    let caret_line = &lines[at + 1]["   | ".len()..];
    let caret = caret_line.find('^').expect("a caret");
    // The primary cell is the first value after the label block.
    let span = lead.primary.expect("span");
    let line_start = text[..span.start].rfind('\n').map_or(0, |p| p + 1);
    let before = text[line_start..span.start].replace('\t', "    ");
    assert_eq!(caret, before.width(), "{shown}");
    assert!(
        before.width() > before.chars().count(),
        "the prefix has wide characters"
    );
    assert!(source_line[before.len()..].starts_with('0'));
}

#[test]
fn shanghai_narrative_against_the_tables() {
    let Some(html) = corpus_text("shanghai-office-2019.html") else {
        return;
    };
    let name = "shanghai-office-2019.html";
    let parsed = parse(&html);
    let narrative: Vec<_> = Checker::new()
        .check(&parsed)
        .into_iter()
        .filter(|d| d.rule == ogi_check::Rule::TextTableMismatch)
        .collect();
    for (lang, snapshot) in [
        (
            Lang::Zh,
            file!["../snapshots/shanghai-2019-narrative.zh.txt"],
        ),
        (
            Lang::En,
            file!["../snapshots/shanghai-2019-narrative.en.txt"],
        ),
    ] {
        assert_data_eq!(
            render_all(&narrative, &html, name, lang, RenderStyle::Plain),
            snapshot
        );
    }
}
