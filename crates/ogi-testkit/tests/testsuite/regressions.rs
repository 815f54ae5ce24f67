//! Parser and checker bugs the generators exposed, each reduced to a
//! minimal input and stating the right reading; each was fixed in ogi-parse
//! and its test pins the fix.

use ogi_model::schema::row;
use ogi_model::{Cell, NaMarker, Template};
use ogi_testkit::proptest::strategy::{Strategy, ValueTree};
use ogi_testkit::proptest::test_runner::TestRunner;
use ogi_testkit::{Layout, RenderOptions, consistent_report, diff, render};

fn cell(text: &str, address: &str) -> Cell {
    let parsed = ogi_parse::parse(text).unwrap();
    *parsed.report.cell(address.parse().unwrap()).unwrap()
}

/// Found by `round_trip::aligned_*`: in space-separated text, a value
/// followed by spaces and an `_` (not applicable) cell is taken for prose,
/// and the row loses its cells.
#[test]
fn underscore_after_a_value_in_aligned_text() {
    let text = "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n\
                第二十条第（一）项\n信息内容 本年新制作数量 本年新公开数量 对外公开总数量\n\
                规章 1 0 0\n规范性文件 0 0 _\n";
    assert_eq!(
        cell(text, "active/normative_documents/published"),
        Cell::int(0)
    );
    assert_eq!(
        cell(text, "active/normative_documents/total_published"),
        Cell::NotApplicable(NaMarker::Underscore)
    );
}

/// Found by `round_trip::one_per_line_2021_any` (shrunk: every count 0):
/// with Traditional labels (`8.屬於行政查詢事項`: the parser's folding does
/// not know 於 and 詢) and the row `1.申請人無正當理由逾期不補正…` left out,
/// rows of section 三 are misaligned: 8.属于行政查询事项 reads as missing and
/// the absent row gets its values.
#[test]
fn traditional_labels_with_a_row_left_out() {
    let mut runner = TestRunner::deterministic();
    // The simplest consistent 2021 report: every count 0.
    let mut tree = consistent_report(Template::V2021)
        .new_tree(&mut runner)
        .unwrap();
    while tree.simplify() {}
    let mut report = tree.current();
    let apps = report.applications.as_mut().unwrap();
    assert_eq!(apps.other.style(), ogi_model::OtherStyle::Split);
    *apps.row_mut(row::OTHER_NO_SUPPLEMENT).unwrap() = ogi_model::ApplicantCounts::default();
    let options = RenderOptions::new(Layout::OnePerLine).traditional_labels(true);
    let text = render(&report, &options).text;
    let parsed = ogi_parse::parse(&text).unwrap();
    let d = diff(&report, &parsed.report, true);
    assert!(d.is_empty(), "{d:?}\n{text}");
}
