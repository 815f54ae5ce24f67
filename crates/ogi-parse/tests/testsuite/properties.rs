//! Properties: no input makes the parser panic; damaged real reports still
//! parse; the model's JSON round-trips.

use proptest::prelude::*;

use crate::fixture;

fn table_chars() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "0",
        "1",
        "12",
        "+3",
        "-",
        "/",
        "—",
        "\t",
        "|",
        " ",
        "\n",
        "、",
        ".",
        "一、",
        "二、",
        "三、",
        "四、",
        "（七）总计",
        "本年新收",
        "予以公开",
        "结果维持",
        "总计",
        "第二十条第（一）项",
        "规章",
        "行政许可",
        "2020年1月25日",
        "元",
        "统计期限自2021年1月1日至2021年12月31日",
        "七",
        "１２",
    ]);
    prop::collection::vec(pieces, 0..200).prop_map(|v| v.concat())
}

fn damage() -> impl Strategy<Value = Vec<(u8, usize)>> {
    prop::collection::vec((0u8..3, any::<usize>()), 1..12)
}

/// Deletes (0), duplicates (1) or truncates (2) lines of `text`.
fn apply(text: &str, edits: &[(u8, usize)]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for (op, at) in edits {
        if lines.is_empty() {
            break;
        }
        let i = at % lines.len();
        match op {
            0 => {
                lines.remove(i);
            }
            1 => {
                let l = lines[i].clone();
                lines.insert(i, l);
            }
            _ => {
                let l = &lines[i];
                let cut = l
                    .char_indices()
                    .nth(l.chars().count() / 2)
                    .map_or(0, |(b, _)| b);
                lines[i] = l[..cut].to_owned();
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(ogi_testkit::proptest_config(256))]

    #[test]
    fn arbitrary_strings_never_panic(s in any::<String>()) {
        let _ = ogi_parse::parse(&s);
    }

    #[test]
    fn table_like_strings_never_panic(s in table_chars()) {
        if let Ok(parsed) = ogi_parse::parse(&s) {
            for (address, _) in parsed.report.cells() {
                if let Some(span) = parsed.source_map.cell(address) {
                    prop_assert!(s.get(span.range()).is_some(), "{address}: {span:?}");
                }
            }
        }
    }

    #[test]
    fn damaged_real_reports_still_parse(which in 0usize..4, edits in damage()) {
        let name = ["laizhou-2020.txt", "pingtan-2020.flat.txt", "huaian-2024.raw.txt", "hongzequ-2023.layout.txt"][which];
        let text = apply(&fixture(name), &edits);
        if let Ok(parsed) = ogi_parse::parse(&text) {
            let json = serde_json::to_string(&parsed.report).unwrap();
            let back: ogi_model::Report = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back, parsed.report);
        }
    }
}

#[test]
fn real_reports_round_trip_through_json() {
    for name in [
        "laizhou-2020.txt",
        "pingtan-2020.flat.txt",
        "huaian-2024.raw.txt",
        "hongzequ-2023.layout.txt",
    ] {
        let parsed = ogi_parse::parse(&fixture(name)).unwrap();
        let json = serde_json::to_string(&parsed.report).unwrap();
        let back: ogi_model::Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, parsed.report, "{name}");
    }
}

#[test]
fn errors_name_the_reason() {
    use ogi_parse::ErrorKind;
    assert_eq!(
        ogi_parse::parse("  \n ").unwrap_err().kind(),
        &ErrorKind::Empty
    );
    assert_eq!(
        ogi_parse::parse("今天天气很好。").unwrap_err().kind(),
        &ErrorKind::NotAReport
    );
    // A UTF-8 byte-order mark promises UTF-8.
    let e = ogi_parse::decode(b"\xEF\xBB\xBFabc\xff").unwrap_err();
    assert_eq!(
        e.kind(),
        &ErrorKind::InvalidEncoding {
            encoding: "UTF-8",
            offset: 6
        }
    );
    let e = ogi_parse::decode(b"ab\x00c").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Binary { byte: 0, offset: 2 });
    assert_eq!(
        e.to_string(),
        "the file is binary (control byte 0x00 at byte 2), not a text report"
    );
    let e = ogi_parse::ParseOptions::new()
        .max_size(10)
        .parse("一、总体情况 and more text")
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::TooLarge { limit: 10, .. }));
    assert_eq!(ogi_parse::decode(b"\xEF\xBB\xBFabc").unwrap().text, "abc");
}

#[test]
fn every_error_kind_says_what_and_where() {
    use ogi_parse::{ErrorKind, InputFormat, ParseOptions};
    let opts = ParseOptions::new();
    // Too large: the size and the limit, no place.
    let e = ParseOptions::new()
        .max_size(8)
        .parse_bytes(b"0123456789")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the file is 10 bytes, more than the limit of 8 bytes"
    );
    assert_eq!(e.span(), None);
    // Binary: the byte and its offset, and a span on it.
    let e = opts.parse_bytes(b"ab\x07cd").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Binary { byte: 7, offset: 2 });
    assert_eq!(e.span().map(ogi_model::Span::range), Some(2..3));
    // A PDF: the library reads extracted text only, and says how.
    let e = opts.parse_bytes(b"%PDF-1.7\n%\xe2\xe3").unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Pdf);
    assert!(e.to_string().contains("pdftotext -layout"), "{e}");
    // A legacy .doc, named as such.
    let e = opts
        .parse_bytes(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
        .unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Unsupported { .. }));
    assert_eq!(
        e.to_string(),
        "the file is a legacy Word (.doc) or other OLE file, not a report ogi can read; save it as .docx"
    );
    // A ZIP that is not a Word document.
    let e = opts.parse_bytes(b"PK\x03\x04 not a zip").unwrap_err();
    assert!(matches!(e.kind(), ErrorKind::Docx { .. }));
    assert!(
        e.to_string()
            .starts_with("the Word document cannot be read: not a readable ZIP archive")
    );
    // Text forced on Word bytes is binary, at the first control byte.
    let e = ParseOptions::new()
        .format(InputFormat::Text)
        .parse_bytes(b"PK\x03\x04")
        .unwrap_err();
    assert_eq!(e.kind(), &ErrorKind::Binary { byte: 3, offset: 2 });
    // GBK declared, bytes invalid: the encoding and the offset.
    let e = opts
        .parse_bytes(b"<meta charset=gbk><p>\x81\x20</p>")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the file is not valid GBK (invalid byte sequence at offset 21)"
    );
    assert_eq!(e.span().map(|s| s.start), Some(21));
}

#[test]
fn images_are_named_as_such() {
    let e = ogi_parse::ParseOptions::new()
        .parse_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
        .unwrap_err();
    assert_eq!(
        e.to_string(),
        "the file is an image, not a report ogi can read; a scanned report must be OCRed first"
    );
}
