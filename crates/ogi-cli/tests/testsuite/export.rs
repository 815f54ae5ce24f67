//! Exports for analysis: `--format jsonl`, `--format csv`, `--summary`,
//! checked against the hand-read values of the Laizhou 2020 report.

use std::collections::HashMap;

use crate::{cells_of, copy_to, fixture, json_lines, ogi, parse_fixture, temp_dir};

#[test]
fn jsonl_has_the_file_its_meta_every_cell_and_the_findings() {
    let laizhou = fixture("laizhou-2020.txt");
    let out = ogi(
        &[
            "check",
            "-q",
            "--format",
            "jsonl",
            laizhou.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.starts_with(b"{\"file\":"));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    let report = &lines[0];
    assert_eq!(report["file"], laizhou.to_str().unwrap());
    assert_eq!(report["meta"]["agency"], "莱州市行政审批服务局");
    assert_eq!(report["meta"]["year"], 2020);
    assert_eq!(report["meta"]["template"], "2019");
    assert_eq!(report["meta"]["published"], "2020-01-25");

    // 2019 format: 22 cells in section 二, 23 × 7 in 三, 15 in 四.
    let cells = report["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 22 + 23 * 7 + 15);
    let cell: HashMap<&str, &serde_json::Value> = cells
        .iter()
        .map(|c| (c["address"].as_str().unwrap(), c))
        .collect();
    let value = |a: &str| (cell[a]["value"].clone(), cell[a]["kind"].as_str().unwrap());
    assert_eq!(value("active/licensing/change"), (28.into(), "number"));
    assert_eq!(
        value("active/licensing/decisions"),
        (36425.into(), "number")
    );
    assert_eq!(
        value("applications/new_received/natural_person"),
        (1.into(), "number")
    );
    assert_eq!(
        value("applications/granted/natural_person"),
        (1.into(), "number")
    );
    assert_eq!(
        value("applications/total/natural_person"),
        (0.into(), "number")
    );
    assert_eq!(
        value("applications/total/total"),
        (serde_json::Value::Null, "missing")
    );
    assert_eq!(value("appeals/review/total"), (0.into(), "number"));
    // The same cells as `ogi cells`, in the same order.
    let csv = cells_of(&["cells", laizhou.to_str().unwrap()]);
    for (line, c) in csv.lines().skip(1).zip(cells) {
        let address = c["address"].as_str().unwrap().replace('/', ",");
        assert!(line.starts_with(&format!("{address},")), "{line} vs {c}");
    }

    let diagnostics = report["diagnostics"].as_array().unwrap();
    let outcome = diagnostics
        .iter()
        .find(|d| d["rule"] == "applications.outcome_sum")
        .unwrap();
    assert_eq!(outcome["severity"], "error");
    assert_eq!(outcome["cells"][0], "applications/total/natural_person");
    assert_eq!(outcome["expected"], 1);
    assert_eq!(outcome["actual"], 0);
    assert_eq!(outcome["span"]["line"], 75);
    let date = diagnostics
        .iter()
        .find(|d| d["rule"] == "dates.published_before_year_end")
        .unwrap();
    assert_eq!(date["cells"][0], "meta/published");
    assert_eq!(date["span"]["line"], 109);
}

#[test]
fn csv_is_the_long_cell_format_with_a_leading_file_column() {
    let dir = temp_dir("csv");
    let laizhou = copy_to(&fixture("laizhou-2020.txt"), &dir, "a/laizhou.txt");
    let docx = copy_to(
        &parse_fixture("office/report-2024.docx"),
        &dir,
        "b/x,\"y\".docx",
    );
    let out = ogi(
        &["check", "-q", "--format", "csv", dir.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let csv = String::from_utf8(out.stdout).unwrap();
    let mut expected = String::from("file,table,row,column,value,kind\n");
    for (file, shown) in [
        (&laizhou, laizhou.display().to_string()),
        (
            &docx,
            format!("\"{}\"", docx.display().to_string().replace('"', "\"\"")),
        ),
    ] {
        for line in cells_of(&["cells", file.to_str().unwrap()]).lines().skip(1) {
            expected.push_str(&format!("{shown},{line}\n"));
        }
    }
    assert_eq!(csv, expected);
    let prefix = format!("{},", laizhou.display());
    assert!(csv.contains(&format!("{prefix}applications,total,total,,missing\n")));
    assert!(csv.contains(&format!("{prefix}active,licensing,change,28,number\n")));
}

/// The rows of a CSV without quoted fields, as maps from column to value.
fn rows(csv: &str) -> Vec<HashMap<String, String>> {
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    lines
        .map(|l| {
            let fields: Vec<&str> = l.split(',').collect();
            assert_eq!(fields.len(), header.len(), "{l}");
            header
                .iter()
                .zip(fields)
                .map(|(h, f)| ((*h).to_owned(), f.to_owned()))
                .collect()
        })
        .collect()
}

#[test]
fn the_summary_has_one_row_per_report_with_counts_per_severity_and_rule() {
    let dir = temp_dir("summary");
    copy_to(&fixture("laizhou-2020.txt"), &dir, "1.txt");
    std::fs::write(dir.join("2.txt"), b"").unwrap();
    copy_to(&parse_fixture("office/report-2024.docx"), &dir, "3.docx");
    let summary = dir.join("summary.csv");
    let out = ogi(
        &[
            "check",
            "-q",
            "--summary",
            summary.to_str().unwrap(),
            dir.join("1.txt").to_str().unwrap(),
            dir.join("2.txt").to_str().unwrap(),
            dir.join("3.docx").to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    // The chosen output (human) is unchanged by --summary.
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("1.txt：4 个错误，0 个警告，1 条提示"),
        "{text}"
    );

    let csv = std::fs::read_to_string(&summary).unwrap();
    let header = csv.lines().next().unwrap();
    assert!(header.starts_with(
        "file,agency,year,template,read_error,errors,warnings,infos,\
         applications.balance,applications.outcome_sum,applications.row_total,\
         applications.carry_bound,appeals.total,cells.integer,"
    ));
    let rule_columns: Vec<&str> = header.split(',').skip(8).collect();
    assert!(rule_columns.contains(&"dates.published_before_year_end"));
    assert!(rule_columns.contains(&"series.carry_over"));
    let rows = rows(&csv);
    assert_eq!(rows.len(), 3);

    let laizhou = &rows[0];
    assert!(laizhou["file"].ends_with("/1.txt"));
    assert_eq!(laizhou["agency"], "莱州市行政审批服务局");
    assert_eq!(laizhou["year"], "2020");
    assert_eq!(laizhou["template"], "2019");
    assert_eq!(laizhou["read_error"], "");
    // Every finding counts here, follow-ups too (as in the JSON exports):
    // two short rows, the outcome sum of 自然人, the date; the balance rests
    // on where the short rows' cells stand, so it is not assessed.
    assert_eq!(laizhou["errors"], "4");
    for (rule, n) in [
        ("applications.balance", "0"),
        ("applications.outcome_sum", "1"),
        ("applications.row_total", "0"),
        ("cells.row_length", "2"),
        ("cells.not_assessable", "5"),
        ("dates.published_before_year_end", "1"),
        ("series.carry_over", "0"),
    ] {
        assert_eq!(laizhou[rule], n, "{rule}");
    }
    let count = |r: &HashMap<String, String>, c: &str| r[c].parse::<usize>().unwrap();
    let by_rule: usize = rule_columns.iter().map(|c| count(laizhou, c)).sum();
    assert_eq!(
        by_rule,
        count(laizhou, "errors") + count(laizhou, "warnings") + count(laizhou, "infos")
    );

    let empty = &rows[1];
    assert_eq!(empty["read_error"], "the file is empty");
    assert_eq!(empty["errors"], "");
    assert_eq!(empty["applications.balance"], "");

    let clean = &rows[2];
    assert_eq!(clean["agency"], "示例县人民政府");
    assert_eq!(clean["template"], "2021");
    assert_eq!(
        [&clean["errors"], &clean["warnings"], &clean["infos"]],
        ["0", "0", "0"]
    );
}

#[cfg(not(feature = "parquet"))]
#[test]
fn a_parquet_summary_needs_the_parquet_feature() {
    let dir = temp_dir("no-parquet");
    let summary = dir.join("summary.parquet");
    let laizhou = fixture("laizhou-2020.txt");
    let out = ogi(
        &[
            "check",
            "--summary",
            summary.to_str().unwrap(),
            laizhou.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("built without Parquet output (cargo feature `parquet`)"),
        "{err}"
    );
    assert!(!summary.exists());
}
