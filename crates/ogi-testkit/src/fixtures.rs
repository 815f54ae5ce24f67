//! The project's real reports, shared by the tests of every crate: kept
//! once, in the testkit's `fixtures/` folder, exactly as converters left
//! them (their gold values were read by hand: see `fixtures/real/README.md`
//! and `fixtures/office/make.py`); and the development corpus
//! (`../shared/corpus`, beside the workspace) when it is there.

use std::path::PathBuf;

/// The folder of the project's fixtures.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The path of fixture `name` (`laizhou-2020.txt`, `office/report-2024.docx`).
pub fn path(name: &str) -> PathBuf {
    dir().join(name)
}

/// The text of fixture `name`.
///
/// # Panics
/// When it cannot be read: the test's setup is broken.
pub fn text(name: &str) -> String {
    let path = path(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The development corpus (`../shared/corpus` beside the workspace: real
/// reports with hand-made gold values), or `None` where it is absent (tests
/// that need it skip and say so).
pub fn corpus() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    dir.join("gold").is_dir().then_some(dir)
}
