//! One report at a time: `parse`, `cells`, `check`, input formats, errors.

use std::process::Command;

use crate::{cells_of, fails_with, fixture, have_pdftotext, ogi, own_fixture, temp_file};

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

#[test]
fn unreadable_inputs_give_one_line_and_status_2() {
    let empty = temp_file("empty.txt", b"");
    fails_with(
        &["cells", empty.to_str().unwrap()],
        None,
        "empty.txt: the file is empty",
    );
    let binary = temp_file("binary.bin", b"abc\x00\x01binary");
    fails_with(
        &["parse", binary.to_str().unwrap()],
        None,
        "binary.bin: 1:4: the file is binary (control byte 0x00 at byte 3)",
    );
    let zip = temp_file("broken.docx", b"PK\x03\x04\x00\x00truncated");
    fails_with(
        &["parse", zip.to_str().unwrap()],
        None,
        "broken.docx: the Word document cannot be read: not a readable ZIP archive",
    );
    let doc = temp_file("old.doc", b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest");
    fails_with(
        &["--input-format", "docx", "parse", doc.to_str().unwrap()],
        None,
        "old.doc: the file is a legacy Word (.doc) or other OLE file, not a report ogi can read; \
         save it as .docx",
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
        "latin1.txt: 2:1: the file is not valid UTF-8 (invalid byte sequence at offset 19)",
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
    assert!(text.contains("error[applications.outcome_sum]"), "{text}");
    assert!(text.contains("laizhou-2020.txt:109:1"), "{text}");
}

#[test]
fn a_pdf_is_read_through_pdftotext() {
    if !have_pdftotext() {
        return;
    }
    // The project's DOCX fixture printed to PDF by LibreOffice (see
    // crates/ogi-testkit/fixtures/office/make.py); its expected cells are
    // the hand-read values it was written from.
    let pdf = own_fixture("report-2024.pdf");
    let expected =
        std::fs::read_to_string("../ogi-testkit/fixtures/office/report-2024.cells.csv").unwrap();
    assert_eq!(cells_of(&["cells", pdf.to_str().unwrap()]), expected);

    let out = ogi(&["parse", pdf.to_str().unwrap()], None);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["meta"]["agency"], "示例县人民政府");
    assert_eq!(json["meta"]["published"], "2025-01-20");

    // Diagnostics point at lines of the extracted text.
    let out = ogi(&["check", "--format", "json", pdf.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn the_corpus_pdfs_give_the_cells_of_their_text_extractions() {
    let Some(corpus) = ogi_testkit::fixtures::corpus().filter(|c| c.join("pdf").is_dir()) else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    if !have_pdftotext() {
        return;
    }
    for stem in ["hongzequ-2023", "hongzequ-2024", "huaian-2024"] {
        let pdf = corpus.join(format!("pdf/{stem}.pdf"));
        let got = cells_of(&["cells", pdf.to_str().unwrap()]);
        let gold =
            std::fs::read_to_string(corpus.join(format!("gold/{stem}.layout.cells.csv"))).unwrap();
        let got: std::collections::BTreeSet<&str> = got.lines().skip(1).collect();
        for line in gold.lines().skip(1) {
            assert!(got.contains(line), "{stem}.pdf: gold cell {line} not read");
        }
    }
}

#[test]
fn a_pdf_without_text_or_without_pdftotext_is_a_clear_error() {
    let blank = own_fixture("no-text-layer.pdf");
    if have_pdftotext() {
        fails_with(
            &["cells", blank.to_str().unwrap()],
            None,
            "no-text-layer.pdf: the PDF has no text layer (a scanned image?)",
        );
        let junk = temp_file("junk.pdf", b"%PDF-1.4 not really");
        fails_with(
            &["cells", junk.to_str().unwrap()],
            None,
            "junk.pdf: pdftotext cannot read this PDF",
        );
    }
    let out = Command::new(env!("CARGO_BIN_EXE_ogi"))
        .args(["cells", blank.to_str().unwrap()])
        .env("PATH", "/nonexistent")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("a PDF needs `pdftotext` to read its text, and it is not installed"),
        "{err}"
    );
}

#[test]
fn word_documents_and_gbk_text_are_read_by_content_not_by_name() {
    let docx = std::fs::read("../ogi-testkit/fixtures/office/report-2024.docx").unwrap();
    let expected =
        std::fs::read_to_string("../ogi-testkit/fixtures/office/report-2024.cells.csv").unwrap();
    // A misleading extension changes nothing.
    let named_txt = temp_file("report-docx.txt", &docx);
    assert_eq!(cells_of(&["cells", named_txt.to_str().unwrap()]), expected);
    // Standard input too.
    let out = ogi(&["cells", "-"], Some(&docx));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), expected);

    let utf8 = std::fs::read_to_string(fixture("laizhou-2020.txt")).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&utf8);
    assert!(!unmappable);
    let gbk = temp_file("laizhou-gbk.txt", &gbk);
    assert_eq!(
        cells_of(&["cells", gbk.to_str().unwrap()]),
        cells_of(&["cells", fixture("laizhou-2020.txt").to_str().unwrap()])
    );
}

#[test]
fn input_format_overrides_detection() {
    // An HTML page read as plain text: the markup is text, so there are no
    // table cells where the page has them.
    let page = b"<html><body><p>XX\xe5\xb1\x80</p></body></html>";
    let html = temp_file("page.html", page);
    fails_with(
        &["--input-format", "text", "cells", html.to_str().unwrap()],
        None,
        "page.html: no section heading or table",
    );
    let docx = own_fixture("report-2024.pdf");
    fails_with(
        &["cells", "--input-format", "text", docx.to_str().unwrap()],
        None,
        "report-2024.pdf: 7:123: the file is binary (control byte 0x00 at byte 370)",
    );
    let out = ogi(&["cells", "--input-format", "odt", "-"], None);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("unknown input format `odt` (expected text, html, docx or pdf)")
    );
}
