//! Batches: directories, failures that do not stop the batch, order, jobs,
//! the closing summary, exit statuses.

use std::path::Path;

use crate::{copy_to, fixture, json_lines, ogi, parse_fixture, temp_dir};

/// The parser's real fixtures: one with errors, the others without.
fn reports() -> Vec<(std::path::PathBuf, &'static str)> {
    vec![
        (fixture("laizhou-2020.txt"), "laizhou.txt"),
        (parse_fixture("hongzequ-2023.layout.txt"), "hongzequ.txt"),
        (parse_fixture("huaian-2024.raw.txt"), "huaian.txt"),
        (parse_fixture("pingtan-2020.flat.txt"), "pingtan.txt"),
        (parse_fixture("shanghai-office-2019.html"), "shanghai.html"),
        (parse_fixture("office/report-2024.docx"), "report.docx"),
    ]
}

fn files_of(lines: &[serde_json::Value], dir: &Path) -> Vec<String> {
    let prefix = format!("{}/", dir.display());
    lines
        .iter()
        .map(|l| {
            l["file"]
                .as_str()
                .unwrap()
                .strip_prefix(&prefix)
                .unwrap()
                .to_owned()
        })
        .collect()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn directories_are_read_recursively_in_path_order_skipping_hidden_names() {
    let dir = temp_dir("walk");
    copy_to(&fixture("laizhou-2020.txt"), &dir, "b/laizhou.txt");
    copy_to(
        &parse_fixture("huaian-2024.raw.txt"),
        &dir,
        "a/z/huaian.txt",
    );
    // Detection is by content: a Word document named .bin is read as one.
    copy_to(
        &parse_fixture("office/report-2024.docx"),
        &dir,
        "a/report.bin",
    );
    copy_to(
        &parse_fixture("shanghai-office-2019.html"),
        &dir,
        "a-b/page",
    );
    let hidden = copy_to(
        &parse_fixture("hongzequ-2023.layout.txt"),
        &dir,
        ".git/x.txt",
    );
    copy_to(
        &parse_fixture("hongzequ-2023.layout.txt"),
        &dir,
        "a/.swap.txt",
    );

    let out = ogi(&["check", "--format", "json", "-q", path(&dir)], None);
    assert_eq!(out.status.code(), Some(1), "Laizhou has errors");
    let lines = json_lines(&out.stdout);
    assert_eq!(
        files_of(&lines, &dir),
        [
            "a/report.bin",
            "a/z/huaian.txt",
            "a-b/page",
            "b/laizhou.txt"
        ]
    );
    assert_eq!(lines[0]["meta"]["agency"], "示例县人民政府");
    assert_eq!(lines[2]["meta"]["agency"], "上海市人民政府办公厅");

    // Arguments keep their order; a hidden file named on the command line is read.
    let b = dir.join("b");
    let out = ogi(
        &["check", "--format", "json", "-q", path(&b), path(&hidden)],
        None,
    );
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[1]["meta"]["agency"], "洪泽区人民政府");
}

#[test]
fn a_damaged_file_is_reported_and_the_batch_goes_on() {
    let dir = temp_dir("damaged");
    let laizhou = copy_to(&fixture("laizhou-2020.txt"), &dir, "1-laizhou.txt");
    std::fs::write(dir.join("2-binary.txt"), b"abc\x00\x01binary").unwrap();
    std::fs::write(dir.join("3-broken.docx"), b"PK\x03\x04\x00\x00truncated").unwrap();
    let huaian = copy_to(&parse_fixture("huaian-2024.raw.txt"), &dir, "4-huaian.txt");
    std::fs::write(dir.join("5-empty.txt"), b"").unwrap();

    let out = ogi(&["check", "--format", "jsonl", path(&dir)], None);
    assert_eq!(out.status.code(), Some(2), "a file failed");
    let lines = json_lines(&out.stdout);
    assert_eq!(
        files_of(&lines, &dir),
        [
            "1-laizhou.txt",
            "2-binary.txt",
            "3-broken.docx",
            "4-huaian.txt",
            "5-empty.txt"
        ]
    );
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .starts_with("1:4: the file is binary (control byte 0x00 at byte 3)")
    );
    assert!(
        lines[2]["error"]
            .as_str()
            .unwrap()
            .starts_with("the Word document cannot be read")
    );
    assert_eq!(lines[4]["error"], "the file is empty");
    // The good reports are exactly what they are alone.
    for (line, file) in [(&lines[0], &laizhou), (&lines[3], &huaian)] {
        let alone = ogi(&["check", "--format", "jsonl", "-q", path(file)], None);
        assert_eq!(json_lines(&alone.stdout)[0], *line);
    }
    let err = String::from_utf8(out.stderr).unwrap();
    let binary = dir.join("2-binary.txt");
    assert!(
        err.contains(&format!(
            "ogi: {}: 1:4: the file is binary",
            binary.display()
        )),
        "{err}"
    );
    assert!(
        err.contains("5 个文件，已读取 2 个，无法读取 3 个；1 份报告有错误"),
        "{err}"
    );

    // Human output: the reports on standard output, the failures on standard error.
    let out = ogi(&["check", "--lang", "en", path(&dir)], None);
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("1-laizhou.txt: 4 errors, 0 warnings, 1 notes"),
        "{text}"
    );
    assert!(text.contains("4-huaian.txt: 0 errors, 0 warnings, 1 notes"));
    assert!(!text.contains("binary"));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.matches("ogi: ").count(), 3, "{err}");
    assert!(err.contains("5 files, 2 read, 3 failed; 1 reports with errors"));
}

#[test]
fn output_is_in_path_order_whatever_the_number_of_jobs() {
    let dir = temp_dir("order");
    let reports = reports();
    let mut names = Vec::new();
    for i in 0..36 {
        let (from, name) = &reports[i % reports.len()];
        let to = format!("d{}/{i:02}-{name}", i % 4);
        copy_to(from, &dir, &to);
        names.push(to);
    }
    names.sort();
    for format in ["jsonl", "human", "csv", "html"] {
        let run = |extra: &[&str]| {
            let mut args = vec!["check", "-q", "--format", format, path(&dir)];
            args.extend_from_slice(extra);
            let out = ogi(&args, None);
            assert_eq!(out.status.code(), Some(1));
            out.stdout
        };
        let one = run(&["--jobs", "1"]);
        assert_eq!(one, run(&[]), "{format}: --jobs 1 and all cores differ");
        assert_eq!(one, run(&["--jobs", "3"]), "{format}: --jobs 3 differs");
        if format == "jsonl" {
            let lines = json_lines(&one);
            assert_eq!(files_of(&lines, &dir), names);
            // As finished: the same lines, in some order.
            let mut any = json_lines(&run(&["--sort", "none", "-j", "2"]));
            let key = |l: &serde_json::Value| l["file"].as_str().unwrap().to_owned();
            any.sort_by_key(key);
            assert_eq!(any, lines);
            // --series streams the same way (and finds nothing more here).
            assert_eq!(one, run(&["--series", "-j", "2"]));
        }
    }
}

#[test]
fn the_closing_summary_goes_to_standard_error() {
    let laizhou = fixture("laizhou-2020.txt");
    let out = ogi(&["check", "--format", "csv", path(&laizhou)], None);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(!stdout.contains("ogi check"));
    assert!(
        err.starts_with("ogi check：1 个文件，已读取 1 个，无法读取 0 个；1 份报告有错误"),
        "{err}"
    );
    assert!(err.contains("最常见的规则"), "{err}");
    assert!(err.contains("applications.outcome_sum"), "{err}");
    // Standard error is no terminal here: no progress bar.
    assert!(!err.contains('\r') && !err.contains('\x1b'), "{err:?}");

    let quiet = ogi(&["check", "-q", "--format", "csv", path(&laizhou)], None);
    assert!(quiet.stderr.is_empty());
    assert_eq!(String::from_utf8(quiet.stdout).unwrap(), stdout);
}

#[test]
fn exit_status_is_the_worst_of_the_batch() {
    let clean = parse_fixture("office/report-2024.docx");
    let laizhou = fixture("laizhou-2020.txt");
    let status = |args: &[&str]| {
        let mut all = vec!["check", "-q"];
        all.extend_from_slice(args);
        ogi(&all, None).status.code()
    };
    assert_eq!(status(&[path(&clean)]), Some(0));
    assert_eq!(status(&[path(&clean), path(&laizhou)]), Some(1));
    assert_eq!(
        status(&[path(&clean), path(&laizhou), "/nonexistent/x.txt"]),
        Some(2)
    );
    // An empty directory is an empty batch.
    let empty = temp_dir("empty");
    assert_eq!(status(&[path(&empty)]), Some(0));
}

#[test]
fn output_goes_to_a_file_with_output() {
    let dir = temp_dir("output");
    let target = dir.join("out.jsonl");
    let laizhou = fixture("laizhou-2020.txt");
    let out = ogi(
        &[
            "check",
            "-q",
            "--format",
            "jsonl",
            "--output",
            path(&target),
            path(&laizhou),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let direct = ogi(&["check", "-q", "--format", "jsonl", path(&laizhou)], None);
    assert_eq!(std::fs::read(&target).unwrap(), direct.stdout);
    // Written into the directory it checks, the output is not read as a report.
    let dir = temp_dir("output-inside");
    copy_to(&laizhou, &dir, "laizhou.txt");
    for _ in 0..2 {
        let out = ogi(
            &[
                "check",
                "--format",
                "html",
                "-o",
                path(&dir.join("review.html")),
                "--summary",
                path(&dir.join("summary.csv")),
                path(&dir),
            ],
            None,
        );
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("ogi check：1 个文件"), "{err}");
    }
    // A place that cannot be written is an error before anything is read.
    let out = ogi(
        &["check", "--output", "/nonexistent/dir/out", path(&laizhou)],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot create /nonexistent/dir/out"));
}

#[test]
fn one_report_in_human_form_has_no_batch_summary() {
    let laizhou = fixture("laizhou-2020.txt");
    let out = ogi(&["check", path(&laizhou)], None);
    let stdout = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    // The report's own count line ends the output; no batch lines follow.
    assert!(
        stdout.trim_end().ends_with("4 个错误，0 个警告，1 条提示"),
        "{stdout}"
    );
    assert!(!err.contains("ogi check："), "{err}");
    // Two reports get the batch summary.
    let out = ogi(&["check", path(&laizhou), path(&laizhou)], None);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("ogi check：2 个文件"), "{err}");
}
