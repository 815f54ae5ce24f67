//! The rendered text: where cells and counts were written, and a look like
//! the real reports of the corpus.

use ogi_model::{Cell, Decimal, Template};
use ogi_testkit::proptest::prelude::*;
use ogi_testkit::{
    Layout, Narrative, RenderOptions, consistent_report_for, options, render, report_for,
};

/// A value as written, read back: full-width digits narrowed, `+` and a
/// unit dropped.
fn read(s: &str) -> Option<Decimal> {
    let narrow: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' | '．' | '＋' | '－' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .collect();
    narrow
        .trim_start_matches('+')
        .trim_end_matches('元')
        .trim_end_matches('万')
        .parse()
        .ok()
}

proptest! {
    #![proptest_config(ogi_testkit::proptest_config(48))]

    #[test]
    fn cells_are_written_where_recorded(
        (report, options) in prop::sample::select(Layout::ALL.to_vec())
            .prop_flat_map(|l| (report_for(l, Template::V2021), options(l)))
    ) {
        let r = render(&report, &options);
        for (address, range) in &r.cells {
            let s = r.text.get(range.clone());
            prop_assert!(s.is_some(), "{address}: {range:?} is not a slice");
            let s = s.unwrap_or_default();
            match report.cell(*address) {
                Some(Cell::Number(n)) => prop_assert_eq!(read(s), Some(n.value), "{}: `{}`", address, s),
                Some(Cell::Empty) => prop_assert!(s.is_empty() || s == "&nbsp;", "{address}: `{s}`"),
                Some(Cell::NotApplicable(m)) => prop_assert_eq!(s, m.as_str()),
                Some(Cell::Unknown) => prop_assert!(s.len() > 19 && s.bytes().all(|b| b.is_ascii_digit())),
                other => prop_assert!(false, "{address}: {other:?} was written"),
            }
        }
        // Every written cell once, missing cells never.
        let written = report.cells().iter().filter(|(_, c)| **c != Cell::Missing).count();
        prop_assert_eq!(r.cells.len(), written);
    }

    #[test]
    fn counts_of_the_narrative_are_recorded(
        (report, layout, narrative) in (prop::sample::select(Layout::ALL.to_vec()), prop::sample::select(vec![Narrative::Agreeing, Narrative::Disagreeing]))
            .prop_flat_map(|(l, n)| (consistent_report_for(l, Template::V2019), Just(l), Just(n)))
    ) {
        let r = render(&report, &RenderOptions::new(layout).narrative(narrative));
        prop_assert!(!r.statements.is_empty());
        for (k, st) in r.statements.iter().enumerate() {
            prop_assert_eq!(read(&r.text[st.span.clone()]), Some(st.value));
            let sum = st
                .cells
                .iter()
                .map(|a| report.cell(*a).and_then(Cell::value).unwrap())
                .fold(Decimal::ZERO, |a, b| a.checked_add(b).unwrap());
            let off = narrative == Narrative::Disagreeing && k % 2 == 0;
            let want = if off { sum.checked_add(Decimal::from_i64(1)).unwrap() } else { sum };
            prop_assert_eq!(st.value, want);
            // The count is followed by its counter word, as prose.
            prop_assert!(r.text[st.span.end..].trim_start().starts_with('件'));
        }
        let none = render(&report, &RenderOptions::new(layout).narrative(Narrative::None));
        prop_assert!(none.statements.is_empty());
    }
}

/// A real report of the shared corpus, when it is there.
fn corpus(name: &str) -> Option<String> {
    let dir = ogi_testkit::fixtures::corpus()?;
    std::fs::read_to_string(dir.join("text").join(name)).ok()
}

/// Features of a report's text that tell its layout.
fn features(text: &str) -> Vec<&'static str> {
    let mut f = Vec::new();
    if text.contains("<td") {
        // Markup: its line structure is the page's, not the report's.
        if text.contains("rowspan=\"") && text.contains("colspan=\"") {
            f.push("row and column spans");
        }
        if text.contains("&nbsp;") {
            f.push("blank cells");
        }
        if text.contains("<p>四、政府信息公开行政复议、行政诉讼情况</p>")
            || text.contains("四、政府信息公开行政复议、行政诉讼情况</p>")
        {
            f.push("headings as paragraphs");
        }
        return f;
    }
    let lines: Vec<&str> = text.lines().collect();
    let has = |p: &dyn Fn(&str) -> bool| lines.iter().any(|l| p(l));
    if has(&|l| l.starts_with("规章\t") || l.starts_with("行政许可\t")) {
        f.push("tab-separated rows");
    }
    if has(&|l| l.contains("勾稽关系") && l.contains('\t')) {
        f.push("tab-separated header");
    }
    if has(&|l| {
        l.trim().len() <= 6
            && l.trim().starts_with('-')
            && l.trim().ends_with('-')
            && l.trim().len() > 2
    }) {
        f.push("page numbers");
    }
    if has(&|l| {
        l.split_whitespace()
            .filter(|t| t.parse::<i64>().is_ok())
            .count()
            >= 15
    }) {
        f.push("section 四 on one line of 15 values");
    }
    if has(&|l| l.contains("（三）不") && !l.contains("不予公开")) {
        f.push("group label wrapped");
    }
    if has(&|l| {
        l.trim() == "三、" || l.trim().chars().count() == 1 && "本年度办理结果".contains(l.trim())
    }) {
        f.push("vertical group label");
    }
    if text.contains("00000002.其他法律行政法规禁止公开") {
        f.push("cells run together into the next label");
    }
    if has(&|l| l.contains("信息内容") && l.contains("规章")) {
        f.push("one line for a whole table");
    }
    f
}

#[test]
fn the_layouts_look_like_the_real_reports() {
    let pairs = [
        (Layout::Tab, Template::V2019, "laizhou-2020.txt"),
        (Layout::Aligned, Template::V2021, "huaian-2024.layout.txt"),
        (Layout::Aligned, Template::V2021, "hongzequ-2023.layout.txt"),
        (
            Layout::RunTogether,
            Template::V2019,
            "pingtan-2019.flat.txt",
        ),
        (Layout::Html, Template::V2019, "shanghai-office-2019.html"),
    ];
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    for (layout, template, name) in pairs {
        let Some(real) = corpus(name) else { return };
        let report = loop {
            let r = proptest::strategy::ValueTree::current(
                &consistent_report_for(layout, template)
                    .new_tree(&mut runner)
                    .unwrap(),
            );
            // A report with a blank cell, as the real HTML page has.
            if layout != Layout::Html || r.cells().iter().any(|(_, c)| **c == Cell::Empty) {
                break r;
            }
        };
        let ours = render(&report, &RenderOptions::new(layout).page_breaks(true)).text;
        let (want, got) = (features(&real), features(&ours));
        let lacking: Vec<_> = want.iter().filter(|f| !got.contains(f)).collect();
        assert!(
            lacking.is_empty(),
            "{layout} lacks {lacking:?} of {name}:\n{ours}"
        );
        assert!(!want.is_empty(), "{name}");
    }
}
