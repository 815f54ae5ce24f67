//! Hand-made reports: one value matrix, printed in every layout, must parse
//! back to the same values. The expected values come from the matrix, never
//! from the parser.

use ogi_model::schema::{self, ACTIVE_ROWS_2019, ACTIVE_ROWS_2021};
use ogi_model::{Active, Cell, OtherStyle, Report, Template};

/// Row `r`, column `c` of the applications matrix: small counts whose 总计 is
/// their sum, so that even digits run together split one way only.
fn app_value(r: usize, c: usize) -> i64 {
    if c == 6 {
        (0..6).map(|k| app_value(r, k)).sum()
    } else {
        ((r * 5 + c * 3) % 7 % 3) as i64
    }
}

fn appeal_value(k: usize) -> i64 {
    if k % 5 == 4 {
        (k - 4..k).map(appeal_value).sum()
    } else {
        (k % 3) as i64
    }
}

fn active_value(r: usize, c: usize) -> String {
    match (r, c) {
        // 行政许可 本年增/减 in the 2019 format (the 2021 row has one column).
        (2, 1) => "-2".into(),
        _ => ((r * 7 + c * 11) % 13).to_string(),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Layout {
    Tab,
    Pipe,
    Aligned,
    OnePerLine,
    RunTogether,
}

const LAYOUTS: [Layout; 5] = [
    Layout::Tab,
    Layout::Pipe,
    Layout::Aligned,
    Layout::OnePerLine,
    Layout::RunTogether,
];

fn row(layout: Layout, labels: &[&str], values: &[String], out: &mut String) {
    match layout {
        Layout::Tab => {
            out.push_str(&labels.join("\t"));
            for v in values {
                out.push('\t');
                out.push_str(v);
            }
            out.push('\n');
        }
        Layout::Pipe => {
            out.push_str("| ");
            out.push_str(&labels.join(" | "));
            for v in values {
                out.push_str(" | ");
                out.push_str(v);
            }
            out.push_str(" |\n");
        }
        Layout::Aligned => {
            let label = labels.join("  ");
            let chars: Vec<char> = label.chars().collect();
            // Long labels wrap; the values sit on the first line.
            let (first, rest) = chars.split_at(chars.len().min(14));
            out.push_str("      ");
            out.push_str(&first.iter().collect::<String>());
            out.push_str("        ");
            out.push_str(&values.join("      "));
            out.push('\n');
            if !rest.is_empty() {
                out.push_str("      ");
                out.push_str(&rest.iter().collect::<String>());
                out.push('\n');
            }
        }
        Layout::OnePerLine => {
            for l in labels {
                out.push_str(l);
                out.push_str("\n\n");
            }
            for v in values {
                out.push_str(v);
                out.push_str("\n\n");
            }
        }
        Layout::RunTogether => {
            out.push_str(&labels.concat());
            out.push_str(&values.concat());
        }
    }
}

fn report_text(layout: Layout, template: Template, other: OtherStyle) -> String {
    let mut s = String::new();
    let year = if template == Template::V2021 {
        2022
    } else {
        2020
    };
    s.push_str(&format!("某县某局{year}年政府信息公开工作年度报告\n一、总体情况\n本报告统计期限自{year}年1月1日至{year}年12月31日。\n二、主动公开政府信息情况\n"));
    let defs = if template == Template::V2021 {
        ACTIVE_ROWS_2021
    } else {
        ACTIVE_ROWS_2019
    };
    let mut caption = "";
    for (r, def) in defs.iter().enumerate() {
        if def.caption != caption {
            caption = def.caption;
            row(layout, &[caption], &[], &mut s);
            let header: Vec<String> = def.columns.iter().map(|c| c.label.to_owned()).collect();
            let mut labels = vec!["信息内容"];
            labels.extend(header.iter().map(String::as_str));
            if layout != Layout::RunTogether {
                row(layout, &labels, &[], &mut s);
            } else {
                s.push_str(&labels.concat());
            }
        }
        let values: Vec<String> = (0..def.columns.len()).map(|c| active_value(r, c)).collect();
        row(layout, &[def.label], &values, &mut s);
    }
    s.push_str("\n三、收到和处理政府信息公开申请情况\n");
    row(layout, &[schema::BALANCE_NOTE, "申请人情况"], &[], &mut s);
    if layout == Layout::Aligned {
        s.push_str("\n                                                  -3-\n");
    }
    let mut group = None;
    for (r, def) in schema::application_rows(other).enumerate() {
        let mut labels = Vec::new();
        if def.group != group {
            group = def.group;
            if let Some(g) = def.group {
                labels.push(g);
            }
        }
        labels.push(def.label);
        let values: Vec<String> = (0..7).map(|c| app_value(r, c).to_string()).collect();
        row(layout, &labels, &values, &mut s);
    }
    s.push_str("\n四、政府信息公开行政复议、行政诉讼情况\n");
    row(layout, &["行政复议", "行政诉讼"], &[], &mut s);
    row(
        layout,
        &["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
        &[],
        &mut s,
    );
    let values: Vec<String> = (0..15).map(|k| appeal_value(k).to_string()).collect();
    row(layout, &[], &values, &mut s);
    s.push_str(&format!("\n五、存在的主要问题及改进情况\n无。\n六、其他需要报告的事项\n无。\n某县某局\n{}年1月20日\n", year + 1));
    s
}

#[track_caller]
fn check(layout: Layout, template: Template, other: OtherStyle) {
    let text = report_text(layout, template, other);
    let parsed = ogi_parse::parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    let r: &Report = &parsed.report;
    let ctx = || format!("layout {}, {template:?}, {other:?}\n{text}", layout as u8);
    assert_eq!(r.meta.template, Some(template), "{}", ctx());
    assert_eq!(r.meta.agency.as_deref(), Some("某县某局"), "{}", ctx());
    let apps = r
        .applications
        .as_ref()
        .unwrap_or_else(|| panic!("{}", ctx()));
    assert_eq!(apps.other.style(), other, "{}", ctx());
    for (k, (id, counts)) in apps.rows().into_iter().enumerate() {
        let got: Vec<Cell> = counts.iter().map(|(_, c)| *c).collect();
        let want: Vec<Cell> = (0..7).map(|c| Cell::int(app_value(k, c))).collect();
        assert_eq!(got, want, "row {id}: {}", ctx());
    }
    let appeals = r.appeals.as_ref().unwrap();
    let got: Vec<Cell> = appeals
        .rows()
        .iter()
        .flat_map(|(_, r)| r.iter().map(|(_, c)| *c))
        .collect();
    let want: Vec<Cell> = (0..15).map(|k| Cell::int(appeal_value(k))).collect();
    assert_eq!(got, want, "appeals: {}", ctx());
    let active = r.active.as_ref().unwrap();
    assert_eq!(active.template(), template);
    if layout != Layout::RunTogether {
        // Section 二 has no identities: run together, its rows do not split one way.
        for (k, (id, row)) in active.rows().into_iter().enumerate() {
            for (c, col) in row.columns().iter().enumerate() {
                let want: ogi_model::Decimal = active_value(k, c).parse().unwrap();
                assert_eq!(
                    row.get(*col).and_then(Cell::value),
                    Some(want),
                    "active/{id}/{col}: {}",
                    ctx()
                );
            }
        }
    }
    assert!(!matches!(active, Active::V2019(_)) || template == Template::V2019);
    let unexpected: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter(|d| !matches!(d.kind, ogi_parse::DiagnosticKind::AmbiguousSplit { .. }))
        .collect();
    assert!(unexpected.is_empty(), "{unexpected:?}: {}", ctx());
}

#[test]
fn every_layout_reads_back_the_same_values() {
    for layout in LAYOUTS {
        check(layout, Template::V2021, OtherStyle::Split);
        check(layout, Template::V2019, OtherStyle::Single);
        check(layout, Template::V2021, OtherStyle::Single);
    }
}

#[test]
fn full_width_digits_and_traditional_labels() {
    let text = report_text(Layout::Tab, Template::V2019, OtherStyle::Single)
        .replace("规范性文件", "規範性檔案")
        .replace("其他对外管理服务事项", "其他對外管理服務事項")
        .replace('1', "１")
        .replace('2', "２");
    let parsed = ogi_parse::parse(&text).unwrap();
    let apps = parsed.report.applications.unwrap();
    let want: Vec<Cell> = (0..7).map(|c| Cell::int(app_value(0, c))).collect();
    assert_eq!(
        apps.new_received
            .iter()
            .map(|(_, c)| *c)
            .collect::<Vec<_>>(),
        want
    );
    match parsed.report.active.unwrap() {
        Active::V2019(a) => assert_eq!(
            a.other_services.previous_items,
            Cell::int(active_value(3, 0).parse().unwrap())
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_row_with_an_unknown_label_keeps_its_values() {
    let text = report_text(Layout::Tab, Template::V2021, OtherStyle::Split).replace(
        "2.重复申请",
        "2.重复申请\t0\t0\t0\t0\t0\t0\t0\n无法联系到申请人\t9\t0\t0\t0\t0\t0\t9\n2.重复申请_",
    );
    let text = text.replace("2.重复申请_", "2.重复申请x");
    let parsed = ogi_parse::parse(&text).unwrap();
    let unknown: Vec<_> = parsed
        .diagnostics
        .iter()
        .filter_map(|d| match &d.kind {
            ogi_parse::DiagnosticKind::UnknownRow { label, values, .. } => {
                Some((label.clone(), values.clone()))
            }
            _ => None,
        })
        .collect();
    assert!(
        unknown
            .iter()
            .any(|(l, v)| l == "无法联系到申请人" && v[0] == "9"),
        "{unknown:?}"
    );
}
