//! The checker's configuration on the command line.

use crate::{fixture, json_lines, ogi};

fn rules(args: &[&str]) -> (Option<i32>, Vec<(String, String)>) {
    let laizhou = fixture("laizhou-2020.txt");
    let mut all = vec!["check", "--format", "json", "-q"];
    all.extend_from_slice(args);
    all.push(laizhou.to_str().unwrap());
    let out = ogi(&all, None);
    let lines = json_lines(&out.stdout);
    let found = lines[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    (out.status.code(), found)
}

fn has(found: &[(String, String)], rule: &str, severity: &str) -> bool {
    found.iter().any(|(r, s)| r == rule && s == severity)
}

#[test]
fn rules_can_be_turned_off_and_reweighted() {
    let (code, found) = rules(&[]);
    assert_eq!(code, Some(1));
    assert!(has(&found, "dates.published_before_year_end", "error"));
    assert!(has(&found, "applications.outcome_sum", "error"));

    let (_, found) = rules(&["--disable", "applications.outcome_sum"]);
    assert!(!found.iter().any(|(r, _)| r == "applications.outcome_sum"));
    assert!(has(&found, "cells.row_length", "error"));

    let (_, found) = rules(&["--severity", "applications.outcome_sum=warning"]);
    assert!(has(&found, "applications.outcome_sum", "warning"));

    let (_, found) = rules(&["--severity", "dates.published_before_year_end=info"]);
    assert!(has(&found, "dates.published_before_year_end", "info"));

    // Only infos left once the error rules are off or demoted: exit 0.
    let (code, found) = rules(&[
        "--disable",
        "cells.row_length",
        "--disable",
        "applications.outcome_sum",
        "--severity",
        "dates.published_before_year_end=warning",
    ]);
    assert_eq!(code, Some(0), "{found:?}");
}

#[test]
fn the_deadline_kind_decides_dates_deadline() {
    // Laizhou 2020 re-dated 15 March 2021: late for a department (31 Jan),
    // in time for a people's government (31 Mar), late for 1 March.
    let text = std::fs::read_to_string(fixture("laizhou-2020.txt"))
        .unwrap()
        .replacen("2020年1月25日", "2021年3月15日", 1);
    let file = crate::temp_file("laizhou-march.txt", text.as_bytes());
    let deadline_found = |kind: &str| {
        let out = ogi(
            &[
                "check",
                "--format",
                "json",
                "-q",
                "--deadline",
                kind,
                file.to_str().unwrap(),
            ],
            None,
        );
        json_lines(&out.stdout)[0]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["rule"] == "dates.deadline")
    };
    assert!(deadline_found("department"));
    assert!(!deadline_found("government"));
    assert!(deadline_found("03-01"));
    assert!(!deadline_found("03-15"));
}

#[test]
fn bad_configuration_is_a_usage_error() {
    let laizhou = fixture("laizhou-2020.txt");
    let path = laizhou.to_str().unwrap();
    for (args, message) in [
        (
            vec!["--disable", "no.such_rule"],
            "unknown rule `no.such_rule`",
        ),
        (vec!["--severity", "dates.deadline"], "expected RULE=LEVEL"),
        (
            vec!["--severity", "dates.deadline=fatal"],
            "unknown severity `fatal`",
        ),
        (
            vec!["--deadline", "02-30"],
            "expected inferred, department, government or MM-DD",
        ),
    ] {
        let mut all = vec!["check"];
        all.extend_from_slice(&args);
        all.push(path);
        let out = ogi(&all, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

#[test]
fn empty_cells_as_zero_on_request() {
    let Some(page) = ogi_testkit::fixtures::corpus()
        .map(|c| c.join("text/shanghai-office-2019.html"))
        .filter(|p| p.exists())
    else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let page = page.to_str().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["check", "--format", "json", "-q"];
        args.extend_from_slice(extra);
        args.push(page);
        let out = ogi(&args, None);
        (out.status.code(), json_lines(&out.stdout).remove(0))
    };
    // By default the blank 总计 cells make row totals not assessable: no error.
    let (code, _) = run(&[]);
    assert_eq!(code, Some(0));
    // Read as 0, a blank 总计 beside numbers breaks its row total, and the
    // finding says it rests on that reading.
    let (code, json) = run(&["--empty-as-zero"]);
    assert_eq!(code, Some(1));
    let row_total = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "applications.row_total")
        .expect("a row_total finding");
    let notes = row_total["notes"].to_string();
    assert!(notes.contains("空白单元格按 0 计算"), "{notes}");
}
