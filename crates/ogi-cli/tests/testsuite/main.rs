//! The `ogi` binary end to end: output formats, errors and exit statuses.

// A test binary: a panic here is a failing test (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod batch;
mod config;
mod export;
#[cfg(feature = "parquet")]
mod parquet;
mod review;
mod single;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/data")
        .join(name)
}

fn ogi(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin.unwrap_or_default()).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("ogi-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

#[track_caller]
fn fails_with(args: &[&str], stdin: Option<&[u8]>, message: &str) {
    let out = ogi(args, stdin);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(message), "{err}");
    assert!(out.stdout.is_empty());
}

fn own_fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Whether `pdftotext` can be run (see [`have_tool`]).
fn have_pdftotext() -> bool {
    have_tool("pdftotext", &["-v"], "apt-get install poppler-utils")
}

/// The cells of `ogi cells FILE`, which must succeed.
fn cells_of(args: &[&str]) -> String {
    let out = ogi(args, None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Whether an outside program runs (`program args`). Tests that need it skip
/// without it, unless `OGI_REQUIRE_TOOLS` is set (as `.ci/run` does), where
/// its absence fails.
fn have_tool(program: &str, args: &[&str], install: &str) -> bool {
    let found = Command::new(program)
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok();
    if !found {
        assert!(
            std::env::var_os("OGI_REQUIRE_TOOLS").is_none(),
            "{program} is required (OGI_REQUIRE_TOOLS is set): {install}"
        );
        eprintln!("skipped: {program} is not installed ({install})");
    }
    found
}

/// A fresh, empty directory for one test.
fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("ogi-cli-test-{}", std::process::id()))
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A real report among the project's fixtures (`ogi_testkit::fixtures`).
fn parse_fixture(name: &str) -> PathBuf {
    ogi_testkit::fixtures::path(name)
}

/// Copies `from` to `dir/to`, creating the directories on the way.
fn copy_to(from: &Path, dir: &Path, to: &str) -> PathBuf {
    let dest = dir.join(to);
    std::fs::create_dir_all(dest.parent().unwrap()).unwrap();
    std::fs::copy(from, &dest).unwrap();
    dest
}

/// The lines of JSON Lines output.
fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    std::str::from_utf8(stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}
