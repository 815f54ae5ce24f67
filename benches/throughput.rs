//! Throughput in bytes per second: parse, check and the whole pipeline on the
//! real corpus (the bundled example and `../shared/corpus/text`, when present)
//! and on generated reports of every layout, beside a *floor*: one pass that
//! touches every byte the cheapest way that still yields the numbers (split
//! lines and cells, read digit runs; no label matching).
//!
//! ```sh
//! cargo bench --bench throughput
//! ```
//! The README's performance section quotes the medians as ratios to the floor.

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
use std::path::Path;
use std::sync::LazyLock;

use divan::Bencher;
use divan::counter::BytesCount;
use ogi::check::Checker;
use ogi_model::Template;
use ogi_testkit::{Layout, RenderOptions, consistent_report_for, render};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

fn main() {
    divan::main();
}

/// (name, text) of every real report at hand.
static CORPUS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = vec![(
        "laizhou-2020".to_owned(),
        std::fs::read_to_string(root.join("examples/data/laizhou-2020.txt")).unwrap_or_default(),
    )];
    if let Ok(dir) = std::fs::read_dir(root.join("../shared/corpus/text")) {
        let mut paths: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
            if let (Some(name), Ok(text)) = (name, std::fs::read_to_string(&p)) {
                if name != "laizhou-2020.txt" {
                    out.push((name, text));
                }
            }
        }
    }
    out
});

/// All corpus texts, one after the other (one bench over the whole corpus).
static ALL: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| CORPUS.iter().map(|(_, t)| t.as_str()).collect());

fn total_bytes(texts: &[&str]) -> usize {
    texts.iter().map(|t| t.len()).sum()
}

/// The floor: every byte once, lines and cells split, digit runs read.
fn floor(text: &str) -> u64 {
    let mut sum = 0u64;
    for line in text.lines() {
        for cell in line.split(['\t', '|', ' ', '\u{1f}']) {
            let mut n = 0u64;
            for b in cell.bytes() {
                if b.is_ascii_digit() {
                    n = n.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                } else if n != 0 {
                    sum = sum.wrapping_add(n);
                    n = 0;
                }
            }
            sum = sum.wrapping_add(n);
        }
    }
    sum
}

#[divan::bench]
fn corpus_floor(bencher: Bencher<'_, '_>) {
    let texts = &*ALL;
    bencher
        .counter(BytesCount::new(total_bytes(texts)))
        .bench(|| texts.iter().map(|t| floor(black_box(t))).sum::<u64>());
}

#[divan::bench]
fn corpus_parse(bencher: Bencher<'_, '_>) {
    let texts = &*ALL;
    bencher
        .counter(BytesCount::new(total_bytes(texts)))
        .bench(|| {
            for t in texts {
                black_box(ogi::parse::parse(black_box(t)).ok());
            }
        });
}

#[divan::bench]
fn corpus_check(bencher: Bencher<'_, '_>) {
    let texts = &*ALL;
    let parsed: Vec<_> = texts
        .iter()
        .filter_map(|t| ogi::parse::parse(t).ok())
        .collect();
    let checker = Checker::new();
    bencher
        .counter(BytesCount::new(total_bytes(texts)))
        .bench(|| {
            for p in &parsed {
                black_box(checker.check(black_box(p)));
            }
        });
}

#[divan::bench]
fn corpus_pipeline(bencher: Bencher<'_, '_>) {
    let texts = &*ALL;
    let checker = Checker::new();
    bencher
        .counter(BytesCount::new(total_bytes(texts)))
        .bench(|| {
            for t in texts {
                if let Ok(p) = ogi::parse::parse(black_box(t)) {
                    black_box(checker.check(&p));
                }
            }
        });
}

const LAYOUTS: [Layout; 7] = [
    Layout::Tab,
    Layout::Pipe,
    Layout::Markdown,
    Layout::Aligned,
    Layout::OnePerLine,
    Layout::RunTogether,
    Layout::Html,
];

/// 20 generated reports of a layout (both format versions), deterministic.
fn generated(layout: Layout) -> Vec<String> {
    let mut runner = TestRunner::deterministic();
    let mut out = Vec::new();
    for template in [Template::V2019, Template::V2021] {
        let strategy = consistent_report_for(layout, template);
        for _ in 0..10 {
            if let Ok(tree) = strategy.new_tree(&mut runner) {
                out.push(render(&tree.current(), &RenderOptions::new(layout)).text);
            }
        }
    }
    out
}

#[divan::bench(args = LAYOUTS)]
fn generated_floor(bencher: Bencher<'_, '_>, layout: Layout) {
    let texts = generated(layout);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    bencher
        .counter(BytesCount::new(total_bytes(&refs)))
        .bench(|| refs.iter().map(|t| floor(black_box(t))).sum::<u64>());
}

#[divan::bench(args = LAYOUTS)]
fn generated_pipeline(bencher: Bencher<'_, '_>, layout: Layout) {
    let texts = generated(layout);
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let checker = Checker::new();
    bencher
        .counter(BytesCount::new(total_bytes(&refs)))
        .bench(|| {
            for t in &refs {
                if let Ok(p) = ogi::parse::parse(black_box(t)) {
                    black_box(checker.check(&p));
                }
            }
        });
}
