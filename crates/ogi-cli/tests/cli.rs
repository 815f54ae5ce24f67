//! The `ogi` binary end to end: output formats, errors and exit statuses.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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

#[test]
fn cells_prints_the_long_csv() {
    let laizhou = fixture("laizhou-2020.txt");
    let out = ogi(&["cells", laizhou.to_str().unwrap()], None);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let csv = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines[0], "table,row,column,value,kind");
    assert_eq!(lines[1], "active,regulations,made,0,number");
    assert!(lines.contains(&"active,licensing,change,28,number"));
    assert!(lines.contains(&"applications,granted,natural_person,1,number"));
    assert!(lines.contains(&"applications,total,total,,missing"));
    assert!(lines.contains(&"appeals,litigation_after_review,total,0,number"));
    assert_eq!(lines.len(), 1 + 22 + 23 * 7 + 15);
}

#[test]
fn parse_prints_json_and_reads_stdin() {
    let text = std::fs::read(fixture("laizhou-2020.txt")).unwrap();
    let out = ogi(&["parse", "-"], Some(&text));
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["meta"]["agency"], "莱州市行政审批服务局");
    assert_eq!(json["meta"]["published"], "2020-01-25");
    assert_eq!(
        json["applications"]["granted"]["natural_person"]["value"],
        1
    );
    assert_eq!(json["applications"]["total"]["total"]["kind"], "missing");
    let pretty = ogi(&["parse", "--pretty", "-"], Some(&text));
    assert!(
        String::from_utf8(pretty.stdout)
            .unwrap()
            .contains("\n  \"meta\": {")
    );
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

#[test]
fn unreadable_inputs_give_one_line_and_status_2() {
    let empty = temp_file("empty.txt", b"");
    fails_with(
        &["cells", empty.to_str().unwrap()],
        None,
        "empty.txt: the file is empty",
    );
    let binary = temp_file("binary.bin", b"PK\x03\x04\x00\x00binary");
    fails_with(
        &["parse", binary.to_str().unwrap()],
        None,
        "binary.bin: 1:3: the file is binary (control byte 0x03 at byte 2)",
    );
    let latin1 = temp_file(
        "latin1.txt",
        "一、总体情况\n"
            .as_bytes()
            .iter()
            .copied()
            .chain([0xE9, b'\n'])
            .collect::<Vec<_>>()
            .as_slice(),
    );
    fails_with(
        &["cells", latin1.to_str().unwrap()],
        None,
        "latin1.txt: 2:1: the file is not valid UTF-8",
    );
    fails_with(
        &["cells", "-"],
        Some("天气很好。".as_bytes()),
        "<stdin>: no section heading or table",
    );
    fails_with(
        &["cells", "/nonexistent/report.txt"],
        None,
        "/nonexistent/report.txt: No such file",
    );
}

#[test]
fn check_exits_1_on_errors_and_prints_json_lines() {
    let laizhou = fixture("laizhou-2020.txt");
    let out = ogi(
        &["check", "--format", "json", laizhou.to_str().unwrap(), "-"],
        Some(b"\n"),
    );
    // The second input (empty stdin) could not be read: status 2 wins over 1.
    assert_eq!(out.status.code(), Some(2));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    let report = lines
        .iter()
        .find(|l| l.get("diagnostics").is_some())
        .unwrap();
    assert_eq!(report["meta"]["year"], 2020);
    let rules: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    for rule in [
        "applications.balance",
        "applications.outcome_sum",
        "cells.row_length",
        "dates.published_before_year_end",
    ] {
        assert!(rules.contains(&rule), "{rules:?}");
    }
    let date = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "dates.published_before_year_end")
        .unwrap();
    assert_eq!(date["span"]["line"], 109);
    assert_eq!(date["span"]["column"], 1);
    assert_eq!(date["severity"], "error");
    let human = ogi(&["check", "--lang", "en", laizhou.to_str().unwrap()], None);
    assert_eq!(human.status.code(), Some(1));
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("error[applications.balance]"), "{text}");
    assert!(text.contains("laizhou-2020.txt:109:1"), "{text}");
}
