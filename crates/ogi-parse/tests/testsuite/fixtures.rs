//! The project's own real reports, with values read by hand from the files.

use ogi_model::schema::{field, row};
use ogi_model::{Cell, Template};
use ogi_parse::DiagnosticKind;

use crate::fixture;

#[test]
fn laizhou_tab_separated_with_repeated_header() {
    let parsed = ogi_parse::parse(&fixture("laizhou-2020.txt")).unwrap();
    let r = &parsed.report;
    assert_eq!(r.meta.agency.as_deref(), Some("莱州市行政审批服务局"));
    assert_eq!(r.meta.year, Some(2020));
    assert_eq!(r.meta.template, Some(Template::V2019));
    assert_eq!(
        r.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2020-01-25")
    );
    assert_eq!(
        r.meta.period_start.map(|d| d.to_string()).as_deref(),
        Some("2020-01-01")
    );
    let active = match r.active.as_ref().unwrap() {
        ogi_model::Active::V2019(a) => a,
        other => panic!("{other:?}"),
    };
    // 行政许可	110	+28	36425
    assert_eq!(active.licensing.previous_items, Cell::int(110));
    assert_eq!(active.licensing.change, Cell::int(28));
    assert_eq!(active.licensing.decisions, Cell::int(36425));
    assert_eq!(active.other_services.decisions, Cell::int(1));
    assert_eq!(active.procurement.amount, Cell::int(0));
    let apps = r.applications.as_ref().unwrap();
    assert_eq!(apps.new_received.natural_person, Cell::int(1));
    assert_eq!(apps.new_received.total, Cell::int(1));
    assert_eq!(apps.granted.natural_person, Cell::int(1));
    assert_eq!(apps.not_processed.repeated.total, Cell::int(0));
    // （七）总计 and 四、结转 have six values: the 总计 cell is missing.
    assert_eq!(apps.total.natural_person, Cell::int(0));
    assert_eq!(apps.total.total, Cell::Missing);
    assert_eq!(apps.carried_forward.other_organization, Cell::int(0));
    assert_eq!(apps.carried_forward.total, Cell::Missing);
    let short: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter_map(|d| match d.kind {
            DiagnosticKind::RowLength { row, found, .. } => Some((row, found)),
            _ => None,
        })
        .collect();
    assert_eq!(short, [(row::TOTAL, 6), (row::CARRIED_FORWARD, 6)]);
    assert_eq!(parsed.diagnostics.len(), 2, "{:?}", parsed.diagnostics);
}

#[test]
fn laizhou_spans_point_at_the_cells() {
    let text = fixture("laizhou-2020.txt");
    let parsed = ogi_parse::parse(&text).unwrap();
    for (address, cell) in parsed.report.cells() {
        if cell.kind() == ogi_model::CellKind::Missing {
            assert_eq!(parsed.source_map.cell(address), None);
            assert!(parsed.source_map.locate(address).is_some(), "{address}");
            continue;
        }
        let span = parsed
            .source_map
            .cell(address)
            .unwrap_or_else(|| panic!("{address}"));
        let printed = &text[span.range()];
        let value = cell.value().unwrap().to_string();
        assert_eq!(printed.trim_start_matches('+'), value, "{address}");
    }
    let span = parsed.source_map.meta(field::PUBLISHED).unwrap();
    assert_eq!(&text[span.range()], "2020年1月25日");
}

#[test]
fn pingtan_cells_run_together() {
    let parsed = ogi_parse::parse(&fixture("pingtan-2020.flat.txt")).unwrap();
    let apps = parsed.report.applications.as_ref().unwrap();
    // `200 000121` is 20,0,0,0,0,1,21: the only split whose total holds.
    let new: Vec<_> = apps.new_received.iter().map(|(_, c)| *c).collect();
    assert_eq!(new, [20, 0, 0, 0, 0, 1, 21].map(Cell::int));
    // `20 0 00 0 121`
    assert_eq!(apps.total.total, Cell::int(21));
    assert_eq!(apps.total.other_organization, Cell::int(1));
    let active = match parsed.report.active.as_ref().unwrap() {
        ogi_model::Active::V2019(a) => a,
        other => panic!("{other:?}"),
    };
    // `007`: no leading zeros leaves one reading.
    assert_eq!(active.regulations.total_published, Cell::int(7));
    // `2648-18538`: the sign opens 本年增/减, the rest is undecided.
    assert_eq!(active.penalty.previous_items, Cell::int(2648));
    assert_eq!(active.penalty.change, Cell::Unknown);
    assert_eq!(active.penalty.decisions, Cell::Unknown);
    // `35-15`
    assert_eq!(active.fees.change, Cell::int(-15));
    let ambiguous = parsed
        .diagnostics
        .iter()
        .filter(|d| matches!(d.kind, DiagnosticKind::AmbiguousSplit { .. }))
        .count();
    assert_eq!(ambiguous, 6);
}

#[test]
fn huaian_raw_one_cell_per_line_out_of_order() {
    let parsed = ogi_parse::parse(&fixture("huaian-2024.raw.txt")).unwrap();
    let apps = parsed.report.applications.as_ref().unwrap();
    assert_eq!(apps.other.style(), ogi_model::OtherStyle::Split);
    // The labels of （一） and （二） are printed after the block; rows follow order.
    assert_eq!(apps.granted.total, Cell::int(1362));
    assert_eq!(apps.partially_granted.natural_person, Cell::int(447));
    assert_eq!(apps.total.total, Cell::int(3050));
    let appeals = parsed.report.appeals.as_ref().unwrap();
    let flat: Vec<Cell> = appeals
        .rows()
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(_, c)| *c))
        .collect();
    assert_eq!(
        flat,
        [72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20].map(Cell::int)
    );
    assert!(
        parsed
            .diagnostics
            .iter()
            .any(|d| matches!(d.kind, DiagnosticKind::Reordered { .. }))
    );
}

#[test]
fn hongzequ_layout_with_garbled_label_and_single_other_row() {
    let parsed = ogi_parse::parse(&fixture("hongzequ-2023.layout.txt")).unwrap();
    let r = &parsed.report;
    assert_eq!(r.meta.template, Some(Template::V2021));
    let apps = r.applications.as_ref().unwrap();
    assert_eq!(apps.other.style(), ogi_model::OtherStyle::Single);
    assert_eq!(apps.partially_granted.natural_person, Cell::int(4));
    assert_eq!(apps.denied.prohibited_by_law.natural_person, Cell::int(0));
    assert_eq!(apps.denied.process_information.total, Cell::int(1));
    assert_eq!(apps.unable.not_held.total, Cell::int(10));
    let appeals = r.appeals.as_ref().unwrap();
    assert_eq!(appeals.review.upheld, Cell::int(10));
    assert_eq!(appeals.review.total, Cell::int(0));
    assert_eq!(appeals.litigation_after_review.upheld, Cell::int(5));
    let active = match r.active.as_ref().unwrap() {
        ogi_model::Active::V2021(a) => a,
        other => panic!("{other:?}"),
    };
    assert_eq!(
        active.fees.amount.value().map(|v| v.to_string()).as_deref(),
        Some("7730.28")
    );
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn shanghai_html_blank_cells_are_empty_not_zero() {
    let html = fixture("shanghai-office-2019.html");
    let (_, parsed) = ogi_parse::ParseOptions::new()
        .parse_bytes(html.as_bytes())
        .unwrap();
    let r = &parsed.report;
    assert_eq!(r.meta.agency.as_deref(), Some("上海市人民政府办公厅"));
    assert_eq!(r.meta.published, None);
    let apps = r.applications.as_ref().unwrap();
    // granted: 258 12 &nbsp; &nbsp; 1 1 &nbsp;
    let granted: Vec<Cell> = apps.granted.iter().map(|(_, c)| *c).collect();
    assert_eq!(
        granted,
        [
            Cell::int(258),
            Cell::int(12),
            Cell::Empty,
            Cell::Empty,
            Cell::int(1),
            Cell::int(1),
            Cell::Empty
        ]
    );
    assert_eq!(apps.new_received.total, Cell::int(859));
    assert_eq!(
        apps.other,
        ogi_model::OtherProcessing::Single(ogi_model::ApplicantCounts::filled(Cell::Empty))
    );
    let appeals = r.appeals.as_ref().unwrap();
    assert_eq!(appeals.review.total, Cell::int(7));
    assert_eq!(appeals.litigation_after_review.total, Cell::Empty);
    match r.active.as_ref().unwrap() {
        ogi_model::Active::V2019(a) => {
            assert_eq!(
                a.procurement
                    .amount
                    .number()
                    .map(|n| (n.value.to_string(), n.unit)),
                Some(("251000".into(), Some(ogi_model::Unit::Yuan)))
            );
            assert_eq!(a.regulations.total_published, Cell::int(524));
        }
        other => panic!("{other:?}"),
    }
    // Spans point into the HTML, at the <td> of the cell.
    let span = parsed
        .source_map
        .cell("applications/new_received/total".parse().unwrap())
        .unwrap();
    assert!(
        html[span.range()].starts_with("<td"),
        "{}",
        &html[span.range()]
    );
    assert!(html[span.range()].contains(">859<"));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
}

#[test]
fn parse_reads_html_text_as_html() {
    let html = fixture("shanghai-office-2019.html");
    let parsed = ogi_parse::parse(&html).unwrap();
    let apps = parsed.report.applications.unwrap();
    assert_eq!(apps.new_received.total, Cell::int(859));
    assert_eq!(apps.granted.total, Cell::Empty);
}

#[test]
fn word_document_with_merged_cells() {
    // Made by fixtures/office/make.py (in ogi-testkit) from hand-read values, which
    // report-2024.cells.csv holds.
    let dir = ogi_testkit::fixtures::path("office");
    let bytes = std::fs::read(dir.join("report-2024.docx")).unwrap();
    let (source, parsed) = ogi_parse::ParseOptions::new().parse_bytes(&bytes).unwrap();
    assert_eq!(source.format, ogi_parse::InputFormat::Docx);
    let r = &parsed.report;
    assert_eq!(r.meta.agency.as_deref(), Some("示例县人民政府"));
    assert_eq!(r.meta.template, Some(Template::V2021));
    assert_eq!(
        r.meta.published.map(|d| d.to_string()).as_deref(),
        Some("2025-01-20")
    );
    let expected = std::fs::read_to_string(dir.join("report-2024.cells.csv")).unwrap();
    let mut n = 0;
    for line in expected.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let address: ogi_model::Address = format!("{}/{}/{}", f[0], f[1], f[2]).parse().unwrap();
        let cell = r.cell(address).unwrap();
        assert_eq!(cell.kind().to_string(), f[4], "{address}");
        assert_eq!(
            cell.value().map(|v| v.to_string()).unwrap_or_default(),
            f[3],
            "{address}"
        );
        // The span is the cell's own text in the text read from the document.
        let span = parsed.source_map.cell(address).unwrap();
        assert_eq!(&source.text[span.range()], f[3], "{address}");
        n += 1;
    }
    assert_eq!(n, 200);
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    // Rows under a vertically merged group label carry it (（三）不予公开 spans
    // eight rows in the document).
    let line = source
        .text
        .lines()
        .find(|l| l.contains("2.其他法律行政法规禁止公开"))
        .unwrap();
    assert!(line.contains("（三）不予公开"), "{line}");
}

#[test]
fn a_traditional_copy_reads_like_the_original() {
    // Laizhou with its text turned Traditional, as mirror sites serve
    // reports: headings, labels, title and dates.
    let pairs = [
        ('总', '總'),
        ('体', '體'),
        ('况', '況'),
        ('动', '動'),
        ('开', '開'),
        ('处', '處'),
        ('请', '請'),
        ('复', '復'),
        ('诉', '訴'),
        ('讼', '訟'),
        ('报', '報'),
        ('结', '結'),
        ('转', '轉'),
        ('数', '數'),
        ('规', '規'),
        ('许', '許'),
        ('费', '費'),
        ('务', '務'),
        ('审', '審'),
        ('计', '計'),
        ('议', '議'),
        ('织', '織'),
        ('机', '機'),
        ('构', '構'),
        ('业', '業'),
        ('无', '無'),
        ('对', '對'),
        ('于', '於'),
        ('统', '統'),
        ('现', '現'),
        ('发', '發'),
        ('决', '決'),
        ('罚', '罰'),
        ('额', '額'),
        ('类', '類'),
        ('执', '執'),
        ('护', '護'),
        ('权', '權'),
        ('内', '內'),
        ('过', '過'),
        ('属', '屬'),
        ('经', '經'),
        ('后', '後'),
        ('纠', '糾'),
        ('维', '維'),
        ('间', '間'),
    ];
    let original = fixture("laizhou-2020.txt");
    let traditional: String = original
        .chars()
        .map(|c| pairs.iter().find(|(s, _)| *s == c).map_or(c, |(_, t)| *t))
        .collect();
    assert_ne!(traditional, original);
    let a = ogi_parse::parse(&original).unwrap().report;
    let b = ogi_parse::parse(&traditional).unwrap().report;
    assert_eq!(a.cells(), b.cells());
    assert_eq!(b.meta.agency.as_deref(), Some("莱州市行政審批服務局"));
    assert_eq!(
        (
            b.meta.year,
            b.meta.period_start,
            b.meta.published,
            b.meta.template
        ),
        (
            a.meta.year,
            a.meta.period_start,
            a.meta.published,
            a.meta.template
        )
    );
}

#[test]
fn word_document_printed_to_pdf_and_extracted_with_pdftotext() {
    // report-2024.docx printed to PDF by LibreOffice (the CLI's fixture
    // report-2024.pdf) and extracted with `pdftotext -layout`: narrow label
    // columns torn over many lines, a label's last words above the next
    // row's first ones. The values are those of report-2024.cells.csv.
    let dir = ogi_testkit::fixtures::path("office");
    let text = std::fs::read_to_string(dir.join("report-2024.layout.txt")).unwrap();
    let parsed = ogi_parse::parse(&text).unwrap();
    let expected = std::fs::read_to_string(dir.join("report-2024.cells.csv")).unwrap();
    let mut n = 0;
    for line in expected.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let address: ogi_model::Address = format!("{}/{}/{}", f[0], f[1], f[2]).parse().unwrap();
        let cell = parsed.report.cell(address).unwrap();
        assert_eq!(cell.kind().to_string(), f[4], "{address}");
        assert_eq!(
            cell.value().map(|v| v.to_string()).unwrap_or_default(),
            f[3],
            "{address}"
        );
        n += 1;
    }
    assert_eq!(n, 200);
    assert!(parsed.diagnostics.is_empty(), "{:#?}", parsed.diagnostics);
}
