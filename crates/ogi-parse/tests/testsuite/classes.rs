//! What real reports do that must be read, one test per kind, each built
//! from the text of one of the project's real reports (`ogi_testkit::fixtures`),
//! changed as converters change reports. The reference is the report as
//! read from its own text, whose values `fixtures.rs` checks cell by cell
//! against values read by hand; and every test also checks that no cell
//! comes back as a value the report does not hold.

use ogi_model::schema::row;
use ogi_model::{Address, Cell, Report, Template};
use ogi_parse::{DiagnosticKind, Parsed, Read};
use ogi_testkit::wrong_values;

use crate::fixture;

fn parse(text: &str) -> Parsed {
    ogi_parse::parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

fn cell(parsed: &Parsed, address: &str) -> Cell {
    let a: Address = address.parse().expect("an address");
    parsed.report.cell(a).copied().unwrap_or(Cell::Missing)
}

/// Whether the parser reported a diagnostic whose kind `is` matches.
fn reported(parsed: &Parsed, is: impl Fn(&DiagnosticKind) -> bool) -> bool {
    parsed.diagnostics.iter().any(|d| is(&d.kind))
}

/// No cell of `got` holds a value `want` does not.
fn never_wrong(want: &Report, got: &Parsed) {
    let wrong = wrong_values(want, &got.report);
    assert!(wrong.is_empty(), "{wrong:#?}");
}

/// The cells of two readings that differ.
fn differences(a: &Report, b: &Report) -> Vec<String> {
    ogi_testkit::diff(a, b, false)
        .iter()
        .map(ToString::to_string)
        .collect()
}

fn laizhou() -> String {
    fixture("laizhou-2020.txt")
}

/// The applications rows of Laizhou as `label<space>digits run together`.
#[test]
fn a_row_of_cells_run_together_after_its_label() {
    let text = laizhou();
    let reference = parse(&text);
    let mut run = String::new();
    let mut in_table = false;
    for line in text.lines() {
        if line.starts_with("三、收到和处理") {
            in_table = true;
        } else if line.starts_with("四、政府信息公开行政复议") {
            in_table = false;
        }
        let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
        let values: Vec<&str> = fields
            .iter()
            .copied()
            .filter(|f| !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()))
            .collect();
        if in_table && values.len() >= 6 {
            let label: String = fields
                .iter()
                .copied()
                .filter(|f| !f.is_empty() && !f.bytes().all(|b| b.is_ascii_digit()))
                .collect();
            run.push_str(&format!("{label} {}\n", values.concat()));
        } else {
            run.push_str(line);
            run.push('\n');
        }
    }
    assert!(run.contains("（一）予以公开 1000001"), "{run}");
    let parsed = parse(&run);
    never_wrong(&reference.report, &parsed);
    // `1000001` splits one way under the row's total: 1 · 0 · 0 · 0 · 0 · 0 · 1.
    assert_eq!(
        cell(&parsed, "applications/granted/natural_person"),
        Cell::int(1)
    );
    assert_eq!(cell(&parsed, "applications/granted/total"), Cell::int(1));
    let read = parsed
        .source_map
        .read("applications/granted/total".parse().unwrap());
    assert_eq!(read, Some(Read::Split));
    assert_eq!(
        cell(&parsed, "applications/new_received/natural_person"),
        Cell::int(1)
    );
    // The short rows (six zeros for seven cells) split no way: unknown, not 0.
    assert_eq!(
        cell(&parsed, "applications/total/natural_person"),
        Cell::Unknown
    );
    // Every full row reads as from the tab-separated text.
    let d = differences(&reference.report, &parsed.report);
    assert!(
        d.iter()
            .all(|d| d.contains("applications/total/")
                || d.contains("applications/carried_forward/")),
        "{d:#?}"
    );
}

/// Headers whose column labels hold digits: `类别 数据1 … 数据6 总计`.
#[test]
fn header_rows_whose_labels_hold_digits() {
    let text = laizhou();
    let reference = parse(&text);
    let numbered = "类别\t\t\t数据1\t数据2\t数据3\t数据4\t数据5\t数据6\t总计";
    let changed: String = text
        .lines()
        .map(|l| {
            if l.contains("勾稽关系") {
                numbered.to_owned()
            } else if l.contains("商业企业") || l.trim_start().starts_with("自然人") {
                String::new()
            } else if l.starts_with("信息内容\t本年新制作数量") {
                "信息内容\t第1列\t第2列\t第3列".to_owned()
            } else {
                l.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    assert!(changed.contains("数据6") && changed.contains("第3列"));
    let parsed = parse(&changed);
    assert_eq!(
        differences(&reference.report, &parsed.report),
        Vec::<String>::new()
    );
    assert!(
        !reported(&parsed, |k| matches!(k, DiagnosticKind::UnknownRow { .. })),
        "{:#?}",
        parsed.diagnostics
    );
}

/// Sections renumbered (`一、主动公开…` where the format says 二), headings
/// as captions glued onto their table, and short row labels.
#[test]
fn sections_renumbered_captions_glued_and_short_labels() {
    let text = laizhou();
    let reference = parse(&text);
    let renumbered = text
        .replace("一、总体情况", "总体情况")
        .replace("二、主动公开政府信息情况", "一、主动公开政府信息情况")
        .replace(
            "三、收到和处理政府信息公开申请情况",
            "二、收到和处理政府信息公开申请情况",
        )
        .replace("四、政府信息公开行政复议", "三、政府信息公开行政复议")
        .replace(
            "五、存在的主要问题及改进情况",
            "四、存在的主要问题及改进情况",
        )
        .replace("六、其他需要报告的事项", "五、其他需要报告的事项");
    let parsed = parse(&renumbered);
    assert_eq!(
        differences(&reference.report, &parsed.report),
        Vec::<String>::new()
    );
    assert!(
        parsed.source_map.section(4).is_some() && parsed.source_map.section(6).is_some(),
        "every heading is found by its words"
    );
    // `## 表二：` glued onto the first line of its table.
    let glued = text
        .replace(
            "二、主动公开政府信息情况\n\n",
            "## 表二：主动公开政府信息情况",
        )
        .replace(
            "四、政府信息公开行政复议、行政诉讼情况\n\n",
            "## 表四：政府信息公开行政复议、行政诉讼情况",
        );
    assert!(
        glued.contains("## 表二：主动公开政府信息情况第二十条"),
        "{glued}"
    );
    let parsed = parse(&glued);
    assert_eq!(
        differences(&reference.report, &parsed.report),
        Vec::<String>::new()
    );
    // Short labels.
    let short = text
        .replace("行政许可\t", "许可\t")
        .replace("其他对外管理服务事项\t", "其他对外管理服务\t")
        .replace("行政处罚\t", "处罚\t")
        .replace("行政强制\t", "强制\t")
        .replace("1. 属于国家秘密", "国家秘密")
        .replace("2. 其他法律行政法规禁止公开", "法律法规禁止公开");
    let parsed = parse(&short);
    assert_eq!(
        differences(&reference.report, &parsed.report),
        Vec::<String>::new()
    );
}

/// Section 四 as three named rows of five, and on its side as five rows of
/// three, with Laizhou's other sections; and two real pages of
/// `pdftotext` (文登区 审计局 2020, 信访局 2022) whose header is printed one
/// character per line.
#[test]
fn the_review_and_litigation_table_in_other_shapes() {
    let text = laizhou();
    let start = text.find("四、政府信息公开行政复议").unwrap();
    let end = text.find("五、存在的主要问题").unwrap();
    let with = |table: &str| format!("{}{table}\n\n{}", &text[..start], &text[end..]);
    let rows = with(
        "四、政府信息公开行政复议、行政诉讼情况\n\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n\
         复议后起诉\t0\t1\t0\t0\t1\n行政复议\t2\t0\t0\t1\t3\n未经复议直接起诉\t0\t0\t0\t4\t4",
    );
    let parsed = parse(&rows);
    let row = |p: &Parsed, r: &str| {
        ["upheld", "corrected", "other", "pending", "total"]
            .map(|c| cell(p, &format!("appeals/{r}/{c}")))
    };
    assert_eq!(row(&parsed, "review"), [2, 0, 0, 1, 3].map(Cell::int));
    assert_eq!(
        row(&parsed, "litigation_direct"),
        [0, 0, 0, 4, 4].map(Cell::int)
    );
    assert_eq!(
        row(&parsed, "litigation_after_review"),
        [0, 1, 0, 0, 1].map(Cell::int)
    );
    let columns = with(
        "四、政府信息公开行政复议、行政诉讼情况\n项目\t行政复议\t未经复议直接起诉\t复议后起诉\n\
         结果维持\t2\t0\t0\n结果纠正\t0\t0\t1\n其他结果\t0\t0\t0\n尚未审结\t1\t4\t0\n总计\t3\t4\t1",
    );
    let turned = parse(&columns);
    for r in ["review", "litigation_direct", "litigation_after_review"] {
        assert_eq!(row(&turned, r), row(&parsed, r), "{r}");
    }
    for page in ["wendeng-shenji-2020-p9.txt", "wendeng-xinfang-2022-p8.txt"] {
        let parsed = parse(&fixture(&format!("real/{page}")));
        for r in ["review", "litigation_direct", "litigation_after_review"] {
            assert_eq!(
                row(&parsed, r),
                [0, 0, 0, 0, 0].map(Cell::int),
                "{page} {r}"
            );
        }
    }
}

/// A tall cell in `pdftotext -layout`: the numbers on the middle line
/// between the two halves of the row's label, its first and last `-`.
#[test]
fn row_labels_torn_around_their_values() {
    let text = fixture("hongzequ-2023.layout.txt");
    let reference = parse(&text);
    let changed = text.replacen(
        "                  （二）部分公开（区分处理的，只计这一情 形，不\n                  计其他情形）\n                                              4    0      0     0   0   0     4",
        "                  （二）部分公开（区分处理的，只\n                                              -    0      0     0   0   0     -\n                  计这一情形，不计其他情形）",
        1,
    );
    assert_ne!(changed, text);
    let parsed = parse(&changed);
    let na = Cell::NotApplicable(ogi_model::NaMarker::Hyphen);
    assert_eq!(
        cell(&parsed, "applications/partially_granted/natural_person"),
        na
    );
    assert_eq!(
        cell(
            &parsed,
            "applications/partially_granted/commercial_enterprise"
        ),
        Cell::int(0)
    );
    assert_eq!(cell(&parsed, "applications/partially_granted/total"), na);
    // The rows around it keep their own values.
    let d = differences(&reference.report, &parsed.report);
    assert!(d.iter().all(|d| d.contains("partially_granted")), "{d:#?}");
    assert_eq!(
        cell(&parsed, "applications/granted/total"),
        cell(&reference, "applications/granted/total")
    );
}

/// `本年度制发规范性文件12件，现行有效305件` decides `120305` as 12 · 0 · 305.
#[test]
fn a_count_stated_in_the_text_decides_a_run() {
    let text = fixture("hongzequ-2023.layout.txt");
    let changed = text.replacen(
        "行政规范性文件          0          5       5",
        "行政规范性文件          120305",
        1,
    );
    assert_ne!(changed, text);
    let without = parse(&changed);
    assert_eq!(
        cell(&without, "active/normative_documents/issued"),
        Cell::Unknown
    );
    let at = changed.find("二、主动公开政府信息情况").unwrap();
    let stated = format!(
        "{}本年度制发规范性文件12件，现行有效305件。\n{}",
        &changed[..at],
        &changed[at..]
    );
    let parsed = parse(&stated);
    assert_eq!(
        cell(&parsed, "active/normative_documents/issued"),
        Cell::int(12)
    );
    assert_eq!(
        cell(&parsed, "active/normative_documents/repealed"),
        Cell::int(0)
    );
    assert_eq!(
        cell(&parsed, "active/normative_documents/in_force"),
        Cell::int(305)
    );
    let read = parsed
        .source_map
        .read("active/normative_documents/in_force".parse().unwrap());
    assert_eq!(read, Some(Read::Narrative));
}

/// Blank cells kept as separators: Shanghai's values (blank cells and
/// blank 总计 cells) copied into Laizhou's tab-separated table.
#[test]
fn blank_cells_between_separators() {
    let shanghai = parse(&fixture("shanghai-office-2019.html"));
    let apps = shanghai.report.applications.as_ref().unwrap();
    let text = laizhou();
    let mut out = String::new();
    let mut rows = apps.rows().into_iter();
    let mut in_table = false;
    for line in text.lines() {
        if line.starts_with("三、收到和处理") {
            in_table = true;
        } else if line.starts_with("四、政府信息公开行政复议") {
            in_table = false;
        }
        let is_row = in_table && line.split('\t').filter(|f| *f == "0" || *f == "1").count() >= 6;
        if !is_row {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let (_, row) = rows.next().expect("as many rows");
        let label: Vec<&str> = line
            .split('\t')
            .take_while(|f| *f != "0" && *f != "1")
            .collect();
        // The row's label fields as Laizhou has them, then one field per cell.
        let mut fields: Vec<String> = label.iter().map(|s| (*s).to_owned()).collect();
        for (_, c) in row.iter() {
            fields.push(match c {
                Cell::Number(n) => n.value.to_string(),
                _ => String::new(),
            });
        }
        out.push_str(&fields.join("\t"));
        out.push('\n');
    }
    assert!(out.contains("\t821\t35\t\t\t2\t1\t859"), "{out}");
    let parsed = parse(&out);
    let got = parsed.report.applications.as_ref().unwrap();
    assert_eq!(
        got.rows()
            .iter()
            .map(|(id, r)| (*id, r.iter().map(|(_, c)| *c).collect::<Vec<_>>()))
            .collect::<Vec<_>>(),
        apps.rows()
            .iter()
            .map(|(id, r)| (*id, r.iter().map(|(_, c)| *c).collect::<Vec<_>>()))
            .collect::<Vec<_>>(),
    );
    // A row left blank is a row of empty cells, and the rows after it keep
    // their places.
    let blank = out.replacen("\t14\t\t\t\t\t\t", "\t\t\t\t\t\t\t", 1);
    assert_ne!(blank, out);
    let parsed = parse(&blank);
    assert_eq!(
        cell(&parsed, "applications/denied.state_secret/natural_person"),
        Cell::Empty
    );
    assert_eq!(
        cell(&parsed, "applications/unable.not_held/natural_person"),
        apps.unable.not_held.natural_person
    );
}

/// A 2021 table whose （六） has two of its three sub-rows.
#[test]
fn the_2021_other_rows_with_one_absent() {
    let text = laizhou()
        .replace("2020", "2021")
        .replacen(
            "\t(六) 其他处理\t0\t0\t0\t0\t0\t0\t0\t",
            "\t(六) 其他处理 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请\t0\t0\t0\t0\t0\t0\t0\t\n\t3.其他\t0\t0\t0\t0\t0\t0\t0\t",
            1,
        );
    assert!(text.contains("3.其他\t0"));
    let parsed = parse(&text);
    let apps = parsed.report.applications.as_ref().unwrap();
    assert_eq!(apps.other.style(), ogi_model::OtherStyle::Split);
    assert_eq!(
        cell(&parsed, "applications/other.no_supplement/total"),
        Cell::Missing
    );
    assert_eq!(
        cell(&parsed, "applications/other.fee_unpaid/total"),
        Cell::int(0)
    );
    assert_eq!(
        cell(&parsed, "applications/other.other/natural_person"),
        Cell::int(0)
    );
    assert_eq!(
        parsed.report.meta.template,
        Some(Template::V2019),
        "section 二 is 2019's"
    );
}

/// Blanks the `k`-th number of the first line starting with `label` (after
/// its leading spaces), keeping every other character where it stands.
fn blank_nth_number(text: &str, label: &str, k: usize) -> String {
    let mut out = String::new();
    let mut done = false;
    for line in text.split_inclusive('\n') {
        if done || !line.trim_start().starts_with(label) {
            out.push_str(line);
            continue;
        }
        let after = line.find(label).unwrap() + label.len();
        let (head, tail) = line.split_at(after);
        let mut numbers = 0;
        let mut in_number = false;
        let mut changed = String::from(head);
        for c in tail.chars() {
            let digit = c.is_ascii_digit();
            if digit && !in_number {
                numbers += 1;
            }
            in_number = digit;
            changed.push(if digit && numbers == k + 1 { ' ' } else { c });
        }
        out.push_str(&changed);
        done = true;
    }
    assert!(done, "no line starts with {label}");
    out
}

/// `pdftotext -layout` text (Hongzequ 2023) with cells left blank: blank
/// space is all that is left of them, and the full rows around say which
/// columns they were.
#[test]
fn blank_cells_in_space_aligned_text() {
    let text = fixture("hongzequ-2023.layout.txt");
    let reference = parse(&text);
    // 国家秘密 `1 0 0 0 0 0 1` without its first cell, 一、本年新收 without
    // its 总计.
    let first = blank_nth_number(&text, "1.属于国家秘密", 0);
    let blank = blank_nth_number(&first, "一、本年新收政府信息公开申请数量", 6);
    assert_ne!(blank, text);
    let parsed = parse(&blank);
    assert_eq!(
        cell(&parsed, "applications/denied.state_secret/natural_person"),
        Cell::Empty
    );
    assert_eq!(
        cell(&parsed, "applications/new_received/total"),
        Cell::Empty
    );
    let mut want = reference.report.clone();
    for address in [
        "applications/denied.state_secret/natural_person",
        "applications/new_received/total",
    ] {
        if let Some(c) = want.cell_mut(address.parse().unwrap()) {
            *c = Cell::Empty;
        }
    }
    assert_eq!(differences(&want, &parsed.report), Vec::<String>::new());
    assert!(
        !reported(&parsed, |k| matches!(k, DiagnosticKind::RowLength { .. })),
        "{:#?}",
        parsed.diagnostics
    );
}

/// One value per line (`pdftotext -raw`, Huai'an 2024) with a cell left
/// blank: nothing is left of it, and nothing shows which cell it was. The
/// row's cells are unknown, not its values moved left, and the row is not
/// called short.
#[test]
fn a_blank_cell_in_one_value_per_line_text() {
    let text = fixture("huaian-2024.raw.txt");
    let reference = parse(&text);
    assert_eq!(
        cell(
            &reference,
            "applications/not_processed.complaint/commercial_enterprise"
        ),
        Cell::Number(ogi_model::Number::int(6))
    );
    // 信访举报投诉类申请 56 · 6 · 0 · 0 · 0 · 0 · 62, its 6 left blank.
    let blank = text.replacen(
        "1.信访举报投诉类申请\n\n56\n\n6\n\n",
        "1.信访举报投诉类申请\n\n56\n\n",
        1,
    );
    assert_ne!(blank, text);
    let parsed = parse(&blank);
    never_wrong(&reference.report, &parsed);
    let row = parsed
        .report
        .applications
        .as_ref()
        .unwrap()
        .row(row::NOT_PROCESSED_COMPLAINT)
        .unwrap();
    assert!(row.iter().all(|(_, c)| *c == Cell::Unknown), "{row:?}");
    let a: Address = "applications/not_processed.complaint/total"
        .parse()
        .unwrap();
    assert_eq!(parsed.source_map.read(a), Some(Read::Unplaced));
    assert!(reported(&parsed, |k| matches!(
        k,
        DiagnosticKind::Unplaced {
            row: Some(row::NOT_PROCESSED_COMPLAINT),
            expected: 7,
            found: 6,
            ..
        }
    )));
    assert!(
        !reported(&parsed, |k| matches!(k, DiagnosticKind::RowLength { .. })),
        "{:#?}",
        parsed.diagnostics
    );
    // Every other row is read as before.
    let mut want = reference.report.clone();
    if let Some(r) = want
        .applications
        .as_mut()
        .and_then(|apps| apps.row_mut(row::NOT_PROCESSED_COMPLAINT))
    {
        *r = ogi_model::ApplicantCounts::filled(Cell::Unknown);
    }
    assert_eq!(differences(&want, &parsed.report), Vec::<String>::new());
}

/// Section 四 of Hongzequ 2023 (`pdftotext -layout`, one row of fifteen
/// under a header of many lines) with a cell left blank: no full row shows
/// where the columns are, so the fourteen values are no cells' values.
#[test]
fn a_blank_cell_in_section_four_without_separators() {
    let text = fixture("hongzequ-2023.layout.txt");
    let reference = parse(&text);
    let row = "10    1      0   0    0   0    0   0   0    0   5   0     0   0   0";
    assert!(text.contains(row));
    let blank = text.replacen(row, &row.replacen("   5   ", "       ", 1), 1);
    let parsed = parse(&blank);
    never_wrong(&reference.report, &parsed);
    let appeals = parsed.report.appeals.as_ref().unwrap();
    assert!(
        appeals
            .rows()
            .iter()
            .all(|(_, r)| r.iter().all(|(_, c)| *c == Cell::Unknown)),
        "{appeals:?}"
    );
    assert!(reported(&parsed, |k| matches!(
        k,
        DiagnosticKind::Unplaced {
            row: None,
            expected: 15,
            found: 14,
            ..
        }
    )));
    assert!(
        !reported(&parsed, |k| matches!(k, DiagnosticKind::RowLength { .. })),
        "{:#?}",
        parsed.diagnostics
    );
}

/// Laizhou's tables as pipe rows without closing pipes: a row whose last
/// cell is blank ends with a `|`, and that `|` opens the blank cell.
#[test]
fn a_blank_last_cell_between_pipes() {
    let text = laizhou();
    let piped: String = text
        .lines()
        .map(|line| {
            let mut fields: Vec<&str> = line.split('\t').collect();
            while fields.len() > 1 && fields.last().is_some_and(|f| f.trim().is_empty()) {
                fields.pop();
            }
            if fields.len() > 1 {
                format!("{}\n", fields.join(" | "))
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    let row = "5. 属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0\n";
    assert!(piped.contains(row), "{piped}");
    // (Without their trailing tabs, Laizhou's two short rows read otherwise:
    // the reference is the piped text as read.)
    let reference = parse(&piped);
    assert_eq!(
        cell(&reference, "applications/denied.internal_affairs/total"),
        Cell::Number(ogi_model::Number::int(0))
    );
    let blank = piped.replacen(
        row,
        "5. 属于三类内部事务信息 | 0 | 0 | 0 | 0 | 0 | 0 | \n",
        1,
    );
    let parsed = parse(&blank);
    assert_eq!(
        cell(&parsed, "applications/denied.internal_affairs/total"),
        Cell::Empty
    );
    let mut want = reference.report.clone();
    if let Some(c) = want.cell_mut(
        "applications/denied.internal_affairs/total"
            .parse()
            .unwrap(),
    ) {
        *c = Cell::Empty;
    }
    assert_eq!(differences(&want, &parsed.report), Vec::<String>::new());
}

/// Pingtan 2020 (cells run together) with its 政府集中采购 printed as `39/`
/// (a count and a not-applicable mark glued to it): the row cannot be read,
/// but its label is there, so its cells are unknown, not missing, and the
/// parser does not call the row absent.
#[test]
fn a_row_whose_cells_cannot_be_read_is_not_missing() {
    let text = fixture("pingtan-2020.flat.txt");
    let reference = parse(&text);
    let changed = text.replacen("政府集中采购39573802895.90元", "政府集中采购39/", 1);
    assert_ne!(changed, text);
    let parsed = parse(&changed);
    never_wrong(&reference.report, &parsed);
    assert_eq!(cell(&parsed, "active/procurement/projects"), Cell::Unknown);
    assert_eq!(cell(&parsed, "active/procurement/amount"), Cell::Unknown);
    assert!(reported(&parsed, |k| matches!(
        k,
        DiagnosticKind::UnreadRow {
            row: row::PROCUREMENT,
            ..
        }
    )));
    assert!(
        !reported(&parsed, |k| matches!(k, DiagnosticKind::MissingRow { .. })),
        "{:#?}",
        parsed.diagnostics
    );
}

/// Space-aligned text in full-width digits, a converter counting each one
/// as two columns: the full rows line up under one measure, and there the
/// short row's second value stands out of every column. The other measure,
/// under which it would fall into a column, does not make the row certain:
/// its cells are unknown (found by a long random run of the round trip).
#[test]
fn a_short_row_out_of_line_under_one_measure_is_in_doubt() {
    let text = "\
二、主动公开政府信息情况
              第二十条第（一）项

       信息内容         本年新制作数量 本年新公开数量 对外公开总数量

规章                        ０          ０          ０

规范性文件                  ０          ０          ０

              第二十条第（五）项

       信息内容         上一年项目数量 本年增/减    处理决定数量

行政许可                １００          ０          ０

其他对外管理服务事项      １０              １００００

              第二十条第（六）项

       信息内容         上一年项目数量 本年增/减    处理决定数量

行政处罚                    ０          ０          ０

行政强制                    ０          ０          ０
";
    let parsed = parse(text);
    for column in ["previous_items", "change", "decisions"] {
        assert_eq!(
            cell(&parsed, &format!("active/other_services/{column}")),
            Cell::Unknown,
            "{column}"
        );
    }
    // The full rows around are read as printed.
    for (address, value) in [
        ("active/licensing/previous_items", 100),
        ("active/licensing/decisions", 0),
        ("active/penalty/previous_items", 0),
    ] {
        assert_eq!(cell(&parsed, address), Cell::int(value), "{address}");
    }
}

/// Tab-separated text whose last rows are blank (`行政强制\t\t\t`) and whose
/// fees row has a blank first cell: a blank row says nothing of where the
/// cells of the rows after it start, so the fees row's 0 stays in its own
/// field (found by a long random run of the round trip).
#[test]
fn a_blank_row_does_not_shift_the_rows_after_it() {
    let text = "二、主动公开政府信息情况\n\
        信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n\
        规章\t0\t0\t0\n规范性文件\t0\t0\t0\n\
        信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n\
        行政许可\t1\t0\t0\n其他对外管理服务事项\t0\t0\t0\n\
        行政处罚\t0\t0\t0\n行政强制\t\t\t\n\
        信息内容\t上一年项目数量\t本年增/减\n\
        行政事业性收费\t\t0\t\n";
    let parsed = parse(text);
    assert_eq!(cell(&parsed, "active/coercion/decisions"), Cell::Empty);
    assert_eq!(cell(&parsed, "active/fees/previous_items"), Cell::Empty);
    assert_eq!(cell(&parsed, "active/fees/change"), Cell::int(0));
}

/// Space-aligned text padded by display width (a CJK character two
/// columns): a short 规章 row whose nearest full rows, in the next
/// sub-tables, all have four-character labels. Those rows line up under
/// both measures alike, so they cannot tell which measure the text was laid
/// out by; counting characters would put 规章's second ０ under the third
/// column. Its cells are unknown, never placed by a guess (found by a long
/// random run of the round trip).
#[test]
fn reference_rows_that_cannot_tell_the_measures_apart_place_nothing() {
    let text = "\
二、主动公开政府信息情况
              第二十条 第（一）项

       信息内容         第1列         第2列         第3列

规章                        ０          ０            

规范 性文件                 ０  888888888888888888888888  ０

              第二十条 第（五）项

       信息内容         第1列         第2列         第3列

行政 许可                   ０          ０      １００

              第二十条 第（六）项

       信息内容         第1列         第2列         第3列

行政 处罚                   ０          —  １０００００

行政 强制                   ０          ０          ０
";
    let parsed = parse(text);
    for column in ["made", "published", "total_published"] {
        assert_eq!(
            cell(&parsed, &format!("active/regulations/{column}")),
            Cell::Unknown,
            "{column}"
        );
    }
    assert_eq!(cell(&parsed, "active/licensing/decisions"), Cell::int(100));
}

/// Space-aligned text whose numbers are padded to the right by display
/// width: a five-digit full-width number reaches far left of the shorter
/// ones above it, so the columns line up by their right edges, not their
/// centres. Counting characters would put 規章's second ０ under the third
/// column; counting CJK as two columns puts it under the second. Measures
/// that disagree leave the row unknown (found by a long random run of the
/// round trip).
#[test]
fn right_aligned_columns_count_as_lined_up() {
    let text = "\
二、主动公开政府信息情况
              第二十條第（一）項

       信息内容         本年新制作數量 本年新公開數量 對外公開總數量

規章                        ０          ０

規範性文件                １０          ０        １０

              第二十條第（五）項

       信息内容         上一年項目數量 本年增/減    處理決定數量

行政許可                  １０           /  １００００

其他對外管理服務事項        ０          ０          ０
";
    let parsed = parse(text);
    for column in ["made", "published", "total_published"] {
        assert_eq!(
            cell(&parsed, &format!("active/regulations/{column}")),
            Cell::Unknown,
            "{column}"
        );
    }
    assert_eq!(
        cell(&parsed, "active/licensing/decisions"),
        Cell::int(10000)
    );
}
