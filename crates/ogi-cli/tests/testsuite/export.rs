//! Exports for analysis: `--format jsonl`, `--format csv`, `--summary`,
//! checked against the hand-read values of the Laizhou 2020 report.

use std::collections::HashMap;

use std::path::Path;

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

/// The JSON Schema of `ogi check --format json`/`jsonl` records
/// (`schema/check.schema.json`), compiled.
fn check_schema() -> (boon::Schemas, boon::SchemaIndex, serde_json::Value) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../schema/check.schema.json");
    let text = std::fs::read_to_string(&path).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    let loc = format!("file://{}", path.display());
    let mut compiler = boon::Compiler::new();
    compiler.enable_format_assertions();
    compiler.add_resource(&loc, schema.clone()).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile(&loc, &mut schemas).unwrap();
    (schemas, index, schema)
}

#[test]
fn json_and_jsonl_records_follow_the_published_schema() {
    let (schemas, index, schema) = check_schema();
    // Every layout and format the project carries, a file that is no
    // report, and an empty one.
    let dir = temp_dir("schema");
    copy_to(&fixture("laizhou-2020.txt"), &dir, "in/1.txt");
    for (i, name) in [
        "huaian-2024.raw.txt",
        "hongzequ-2023.layout.txt",
        "pingtan-2020.flat.txt",
        "shanghai-office-2019.html",
        "office/report-2024.docx",
        "real/wendeng-shenji-2020-p9.txt",
    ]
    .iter()
    .enumerate()
    {
        let ext = name.rsplit('.').next().unwrap();
        copy_to(&parse_fixture(name), &dir, &format!("in/{}.{ext}", i + 2));
    }
    std::fs::write(dir.join("in/8.txt"), "no report here\n").unwrap();
    std::fs::write(dir.join("in/9.txt"), b"").unwrap();
    let input = dir.join("in");
    let mut records = 0;
    for (format, lang) in [("jsonl", "zh"), ("json", "en")] {
        let out = ogi(
            &[
                "check",
                "-q",
                "--format",
                format,
                "--lang",
                lang,
                input.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(2), "{format}");
        let lines = json_lines(&out.stdout);
        assert_eq!(lines.len(), 9, "{format}");
        for line in &lines {
            if let Err(e) = schemas.validate(line, index) {
                panic!("{format}: {e:#}\n{line:#}");
            }
            records += 1;
        }
        let failures = lines.iter().filter(|l| l.get("error").is_some()).count();
        assert_eq!(failures, 2, "{format}");
        let with_cells = lines.iter().filter(|l| l.get("cells").is_some()).count();
        assert_eq!(with_cells, if format == "jsonl" { 7 } else { 0 });
    }
    assert_eq!(records, 18);

    // The schema is not a formality: a record without its span, or with a
    // rule id the vocabulary lacks, is refused.
    let out = ogi(
        &[
            "check",
            "-q",
            "--format",
            "json",
            fixture("laizhou-2020.txt").to_str().unwrap(),
        ],
        None,
    );
    let good = json_lines(&out.stdout).remove(0);
    let mut no_span = good.clone();
    no_span["diagnostics"][0]
        .as_object_mut()
        .unwrap()
        .remove("span");
    assert!(schemas.validate(&no_span, index).is_err());
    let mut bad_rule = good.clone();
    bad_rule["diagnostics"][0]["rule"] = "applications.balanse".into();
    assert!(schemas.validate(&bad_rule, index).is_err());

    // The schema's rule ids are the checker's, in order.
    let ids: Vec<&str> = schema["$defs"]["rule"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    let all: Vec<&str> = ogi_check::Rule::ALL.iter().map(|r| r.as_str()).collect();
    assert_eq!(ids, all);
}
