//! `ogi check` over 10,000 generated report files (about 100 MB), JSON Lines
//! output included: files per second, and the peak memory of the process.
//!
//! ```sh
//! cargo bench -p ogi-cli --bench batch
//! ```
//! The files are written once to `$TMPDIR/ogi-batch-bench-10000` (kept for
//! later runs). Peak memory is read from `/proc/<pid>/status` (`VmHWM`) while
//! the command runs, and printed after each sample.

// A bench binary: a panic here is a broken bench (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;
use std::time::Duration;

use divan::Bencher;
use divan::counter::ItemsCount;
use ogi_model::Template;
use ogi_testkit::proptest::strategy::{Strategy, ValueTree};
use ogi_testkit::proptest::test_runner::TestRunner;
use ogi_testkit::{Layout, Narrative, RenderOptions, consistent_report_for, render};

fn main() {
    divan::main();
}

const FILES: usize = 10_000;

/// The directory of generated reports: every layout, both format versions,
/// with their narrative, padded to about 10 kB each like real reports.
static DIR: LazyLock<PathBuf> = LazyLock::new(|| {
    let dir = std::env::temp_dir().join(format!("ogi-batch-bench-{FILES}"));
    let done = dir.join(".complete");
    if done.exists() {
        return dir;
    }
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let layouts = [
        Layout::Tab,
        Layout::Pipe,
        Layout::Aligned,
        Layout::OnePerLine,
        Layout::Html,
    ];
    let mut runner = TestRunner::deterministic();
    // A few hundred distinct reports, written out 10,000 times under distinct names.
    let mut texts = Vec::new();
    for (k, layout) in layouts.iter().enumerate() {
        for template in [Template::V2019, Template::V2021] {
            let strategy = consistent_report_for(*layout, template);
            for _ in 0..40 {
                let Ok(tree) = strategy.new_tree(&mut runner) else {
                    continue;
                };
                let mut options = RenderOptions::new(*layout);
                options.narrative = Narrative::Agreeing;
                let mut text = render(&tree.current(), &options).text;
                pad(&mut text, *layout == Layout::Html, k);
                texts.push(text);
            }
        }
    }
    for i in 0..FILES {
        let text = &texts[i % texts.len()];
        let sub = dir.join(format!("{:03}", i / 100));
        std::fs::create_dir_all(&sub).expect("a subdirectory");
        std::fs::write(sub.join(format!("report-{i:05}.txt")), text).expect("a report file");
    }
    std::fs::write(&done, b"").expect("the marker");
    dir
});

/// Narrative paragraphs to about 10 kB, as section 一 of a real report.
fn pad(text: &mut String, html: bool, k: usize) {
    let paragraph = "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开，\
                     不断提升政务公开质量和实效，及时回应社会关切。";
    let mut extra = String::new();
    while text.len() + extra.len() < 10_000 + 97 * k {
        if html {
            extra.push_str("<p>");
            extra.push_str(paragraph);
            extra.push_str("</p>\n");
        } else {
            extra.push_str(paragraph);
            extra.push('\n');
        }
    }
    // After the first section heading, so the tables stay where they are.
    let at = text.find("二、").unwrap_or(text.len());
    text.insert_str(at, &extra);
}

/// Peak resident memory of a running process, in kB, when `/proc` has it.
fn peak_kb(pid: u32) -> Option<u64> {
    let mut s = String::new();
    std::fs::File::open(format!("/proc/{pid}/status"))
        .ok()?
        .read_to_string(&mut s)
        .ok()?;
    s.lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

fn run(dir: &Path, jobs: usize) -> Option<u64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(["check", "--format", "jsonl", "--quiet", "--jobs"])
        .arg(jobs.to_string())
        .arg(dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the ogi binary runs");
    let mut peak = None;
    loop {
        if let Some(kb) = peak_kb(child.id()) {
            peak = peak.max(Some(kb));
        }
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) => std::thread::sleep(Duration::from_millis(5)),
            Err(_) => break,
        }
    }
    peak
}

#[divan::bench(args = [1, 2], sample_count = 3, sample_size = 1)]
fn check_10000_files(bencher: Bencher<'_, '_>, jobs: usize) {
    let dir = &*DIR;
    bencher.counter(ItemsCount::new(FILES)).bench(|| {
        let peak = run(dir, jobs);
        if let Some(kb) = peak {
            eprintln!("jobs {jobs}: peak memory {:.1} MB", kb as f64 / 1024.0);
        }
    });
}
