//! Every real fixture of the project (`ogi_testkit::fixtures`), read, in a
//! snapshot beside the others under `tests/snapshots/fixtures/`: each cell
//! with its kind, value and how it was read, then each diagnostic with its
//! line. A new fixture is one file there and, once its snapshot has been
//! written (`SNAPSHOTS=overwrite cargo test -p ogi-parse snapshots`) and
//! read, one file here; a fixture without a snapshot fails.
//!
//! The cells of the fixtures that are also corpus reports are held to their
//! hand-read gold values by `corpus.rs` (and the Word document's by
//! `fixtures.rs`); the snapshots add what no gold says: how each cell was
//! read, and the diagnostics.

use std::fmt::Write as _;
use std::path::Path;

use ogi_parse::ParseOptions;
use snapbox::{Data, assert_data_eq};

/// The fixtures that are reports (not notes, scripts or gold values).
fn reports() -> Vec<String> {
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for path in entries {
            let name = path.file_name().unwrap().to_str().unwrap().to_owned();
            if path.is_dir() {
                walk(&path, &format!("{prefix}{name}/"), out);
            } else if [".txt", ".html", ".docx"].iter().any(|e| name.ends_with(e)) {
                out.push(format!("{prefix}{name}"));
            }
        }
    }
    let mut out = Vec::new();
    walk(&ogi_testkit::fixtures::dir(), "", &mut out);
    out
}

/// What the parser read from one fixture, as the snapshot holds it.
fn reading(name: &str) -> String {
    let bytes = std::fs::read(ogi_testkit::fixtures::path(name)).unwrap();
    let (source, parsed) = ParseOptions::new()
        .parse_bytes(&bytes)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut out = String::new();
    let m = &parsed.report.meta;
    writeln!(
        out,
        "# meta\nagency={:?} year={:?} template={:?} period={:?}..{:?} published={:?}",
        m.agency, m.year, m.template, m.period_start, m.period_end, m.published
    )
    .unwrap();
    writeln!(out, "# cells: address,kind,value,read").unwrap();
    for (address, cell) in parsed.report.cells() {
        let value = cell.value().map(|v| v.to_string()).unwrap_or_default();
        let read = parsed
            .source_map
            .read(address)
            .map_or("", ogi_parse::Read::as_str);
        writeln!(out, "{address},{},{value},{read}", cell.kind().as_str()).unwrap();
    }
    writeln!(out, "# diagnostics: line, what").unwrap();
    for d in &parsed.diagnostics {
        let line = source
            .text
            .get(..d.span.start)
            .map_or(0, |before| before.matches('\n').count() + 1);
        writeln!(out, "{line} {:?}", d.kind).unwrap();
    }
    out
}

#[test]
fn every_fixture_reads_as_its_snapshot_says() {
    let reports = reports();
    assert!(reports.len() >= 8, "{reports:?}");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots/fixtures");
    for name in reports {
        let snapshot = dir.join(format!("{}.read.txt", name.replace('/', "--")));
        assert_data_eq!(reading(&name), Data::read_from(&snapshot, None).raw());
    }
}
