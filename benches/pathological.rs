//! Inputs built to be slow, at 1×, 2× and 4× their base size: the time must
//! grow linearly (the bytes-per-second figure stays flat across sizes).
//!
//! - `digits`: one run of digits in a table row (1 MB at 1×): the splitter of
//!   run-together cells must not enumerate combinations;
//! - `pipes`: 100,000 lines of `|` (at 1×) inside section 三;
//! - `nested_tags`: 50,000 nested `<div>`s around a table;
//! - `big_report`: a real report padded with narrative to about 10 MB at 4×;
//! - `many_findings`: a real report with 5,000 unknown rows (at 1×) in
//!   section 二, each a finding: checked, then every finding rendered and
//!   written as a JSON record (lines and columns come from one index of the
//!   text, not from counting newlines per finding).
//!
//! ```sh
//! cargo bench --bench pathological
//! ```

// A bench binary: a panic here is a broken bench (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::hint::black_box;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;

fn main() {
    divan::main();
}

const SCALES: [usize; 3] = [1, 2, 4];

const HEAD: &str = "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n";

fn digits(scale: usize) -> String {
    let mut s = String::from(HEAD);
    s.push_str("一、本年新收政府信息公开申请数量 ");
    s.extend((0..scale << 20).map(|i| char::from(b'0' + (i * 7 % 10) as u8)));
    s.push('\n');
    s
}

fn pipes(scale: usize) -> String {
    let mut s = String::from(HEAD);
    for _ in 0..scale * 100_000 {
        s.push_str("| | | | | | | |\n");
    }
    s
}

fn nested_tags(scale: usize) -> String {
    let n = scale * 50_000;
    let mut s = String::from("<html><body>");
    s.push_str(&"<div>".repeat(n));
    s.push_str("<p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr>");
    for k in 0..15 {
        s.push_str(&format!("<td>{}</td>", k % 3));
    }
    s.push_str("</tr></table>");
    s.push_str(&"</div>".repeat(n));
    s.push_str("</body></html>");
    s
}

static REPORT: LazyLock<String> = LazyLock::new(|| {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/examples/data/laizhou-2020.txt"
    ))
    .unwrap_or_default()
});

fn big_report(scale: usize) -> String {
    // The narrative of section 一, repeated to about 2.5 MB per scale step.
    let report = &*REPORT;
    let cut = report.find("二、主动公开").unwrap_or(report.len() / 3);
    let (head, tail) = report.split_at(cut);
    let mut s = String::with_capacity(scale * 2_600_000 + report.len());
    s.push_str(head);
    let paragraph = "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，\
                     不断提升政务公开质量和实效，2020年共主动公开政府信息1200条。\n";
    while s.len() < scale * 2_500_000 {
        s.push_str(paragraph);
    }
    s.push_str(tail);
    s
}

fn run(bencher: Bencher<'_, '_>, input: &str) {
    bencher
        .counter(BytesCount::new(input.len()))
        .bench(|| black_box(ogi::parse::parse(black_box(input)).ok()));
}

#[divan::bench(args = SCALES, sample_count = 10)]
fn run_of_digits(bencher: Bencher<'_, '_>, scale: usize) {
    run(bencher, &digits(scale));
}

#[divan::bench(args = SCALES, sample_count = 10)]
fn lines_of_pipes(bencher: Bencher<'_, '_>, scale: usize) {
    run(bencher, &pipes(scale));
}

#[divan::bench(args = SCALES, sample_count = 10)]
fn nested_html(bencher: Bencher<'_, '_>, scale: usize) {
    run(bencher, &nested_tags(scale));
}

#[divan::bench(args = SCALES, sample_count = 10)]
fn padded_report(bencher: Bencher<'_, '_>, scale: usize) {
    let input = big_report(scale);
    let checker = ogi::check::Checker::new();
    bencher.counter(BytesCount::new(input.len())).bench(|| {
        if let Ok(p) = ogi::parse::parse(black_box(&input)) {
            black_box(checker.check(&p));
        }
    });
}

fn many_findings(scale: usize) -> String {
    let report = &*REPORT;
    let cut = report
        .find("三、收到和处理政府信息公开申请情况")
        .unwrap_or(report.len());
    let (head, tail) = report.split_at(cut);
    let mut s = String::from(head);
    for k in 0..scale * 5_000 {
        s.push_str(&format!(
            "备注第{k}项说明文字\t{}\t{}\t{}\n",
            k % 7,
            k % 5,
            k % 3
        ));
    }
    s.push_str(tail);
    s
}

#[divan::bench(args = SCALES, sample_count = 10)]
fn findings_rendered_and_exported(bencher: Bencher<'_, '_>, scale: usize) {
    use ogi::check::{Lang, RenderStyle, SourceText};
    let input = many_findings(scale);
    let parsed = ogi::parse::parse(&input).unwrap();
    let checker = ogi::check::Checker::new();
    assert!(checker.check(&parsed).len() >= scale * 5_000);
    bencher.counter(BytesCount::new(input.len())).bench(|| {
        let findings = checker.check(black_box(&parsed));
        let source = SourceText::new(&input);
        let shown =
            ogi::check::render_all(&findings, &input, "r.txt", Lang::Zh, RenderStyle::Plain);
        let mut json = Vec::new();
        for d in &findings {
            serde_json::to_writer(&mut json, &d.record(&source, Lang::Zh)).unwrap();
        }
        black_box((shown, json))
    });
}
