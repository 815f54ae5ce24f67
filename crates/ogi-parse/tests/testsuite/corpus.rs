//! Every text report of `../shared/corpus` against its gold cells and metadata
//! (skipped when the shared corpus is absent).

use std::collections::BTreeMap;
use std::path::PathBuf;

pub(crate) fn corpus() -> Option<PathBuf> {
    ogi_testkit::fixtures::corpus()
}

fn gold_cells(path: &PathBuf) -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                format!("{}/{}/{}", f[0], f[1], f[2]),
                (f[3].to_owned(), f[4].to_owned()),
            )
        })
        .collect()
}

/// Asserts that a report has the gold cells and metadata of `stem`.
fn assert_gold(corpus: &std::path::Path, stem: &str, report: &ogi_model::Report, what: &str) {
    let gold = corpus.join("gold").join(format!("{stem}.cells.csv"));
    let got: BTreeMap<String, (String, String)> = report
        .cells()
        .into_iter()
        .map(|(a, c)| {
            (
                a.to_string(),
                (
                    c.value().map(|v| v.to_string()).unwrap_or_default(),
                    c.kind().to_string(),
                ),
            )
        })
        .collect();
    for (address, (value, kind)) in gold_cells(&gold) {
        if kind == "unknown" {
            continue;
        }
        let got = got.get(&address);
        let ok = match got {
            None => kind == "missing",
            Some((v, k)) => {
                k == &kind
                    && (kind != "number"
                        || v.parse::<ogi_model::Decimal>().ok() == value.parse().ok())
            }
        };
        assert!(ok, "{what}: {address}: gold {value} {kind}, got {got:?}");
    }
    let meta: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(corpus.join("gold").join(format!("{stem}.meta.json"))).unwrap(),
    )
    .unwrap();
    let ours = serde_json::to_value(&report.meta).unwrap();
    assert_eq!(ours, meta, "{what}: metadata");
}

#[test]
fn text_reports_give_their_gold_cells_and_metadata() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(corpus.join("text")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        if !corpus
            .join("gold")
            .join(format!("{stem}.cells.csv"))
            .exists()
        {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = ogi_parse::parse(&text).unwrap();
        assert_gold(&corpus, &stem, &parsed.report, &stem);
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} reports checked");
}

#[test]
fn shanghai_html_and_a_gbk_copy_of_it_give_the_gold() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let html = std::fs::read_to_string(corpus.join("text/shanghai-office-2019.html")).unwrap();
    let (source, utf8) = ogi_parse::ParseOptions::new()
        .parse_bytes(html.as_bytes())
        .unwrap();
    assert_eq!(
        (source.format, source.encoding),
        (ogi_parse::InputFormat::Html, "UTF-8")
    );
    assert_gold(&corpus, "shanghai-office-2019", &utf8.report, "UTF-8");

    // As most such pages are served: GBK, declared as gb2312.
    let declared = format!("<meta charset=\"gb2312\">{html}");
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&declared);
    assert!(!unmappable);
    let (source, parsed) = ogi_parse::ParseOptions::new().parse_bytes(&gbk).unwrap();
    assert_eq!(source.encoding, "GBK");
    assert_gold(
        &corpus,
        "shanghai-office-2019",
        &parsed.report,
        "GBK declared",
    );
    assert_eq!(parsed.report, utf8.report);

    // Inside a page-layout table, as old CMS pages put it: the same report.
    let framed = format!(
        "<html><body><table width=\"100%\"><tr><td>首页 &gt; 政府信息公开</td></tr>\
         <tr><td class=\"content\">{html}</td></tr></table></body></html>"
    );
    let framed = ogi_parse::parse(&framed).unwrap();
    assert_gold(
        &corpus,
        "shanghai-office-2019",
        &framed.report,
        "layout table",
    );

    // And with no declaration at all: detected.
    let (gbk, _, _) = encoding_rs::GBK.encode(&html);
    let (source, parsed) = ogi_parse::ParseOptions::new().parse_bytes(&gbk).unwrap();
    assert!(
        matches!(source.encoding, "GBK" | "gb18030"),
        "{}",
        source.encoding
    );
    assert_eq!(parsed.report, utf8.report);
}

#[test]
fn the_blank_2021_docx_template_has_every_table_and_only_empty_cells() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let bytes = std::fs::read(corpus.join("docx/template-2021-blank.docx")).unwrap();
    let (source, parsed) = ogi_parse::ParseOptions::new().parse_bytes(&bytes).unwrap();
    assert_eq!(source.format, ogi_parse::InputFormat::Docx);
    let r = &parsed.report;
    assert_eq!(r.meta.template, Some(ogi_model::Template::V2021));
    assert!(r.active.is_some() && r.applications.is_some() && r.appeals.is_some());
    let cells = r.cells();
    // 2021: section 二 10 value cells, 三 25 rows x 7, 四 15.
    assert_eq!(cells.len(), 10 + 25 * 7 + 15);
    for (address, cell) in cells {
        assert_eq!(*cell, ogi_model::Cell::Empty, "{address}");
    }
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}
