//! The Chinese catalogue, with the official labels of the format.

use std::fmt::Write as _;

use super::{
    active_row, application_row_label, cell_name, column_label, format_date, join, kind_text,
    kinds_summary, row_label, rules_text, scope_text, squeeze, table_label, template_text,
};
use ogi_model::schema::column;
use ogi_model::{Table, schema};
use ogi_parse::DiagnosticKind;

use crate::message::{DeadlineBasis, Message, Note};
use crate::rule::Lang;
use crate::value::{Fix, Value};

pub(super) fn message(m: &Message) -> String {
    let z = Lang::Zh;
    let apps = Table::Applications;
    match m {
        Message::Balance {
            column,
            expected,
            actual,
        } => format!(
            "申请人情况“{}”列：第一项加第二项之和（{expected}）不等于第三项（七）总计与第四项之和（{actual}）",
            column_label(apps, *column)
        ),
        Message::OutcomeSum {
            column,
            expected,
            actual,
        } => format!(
            "申请人情况“{}”列：办理结果（一）至（六）各项之和（{expected}）不等于（七）总计（{actual}）",
            column_label(apps, *column)
        ),
        Message::RowTotal {
            row,
            expected,
            actual,
        } => format!(
            "“{}”行：六类申请人之和（{expected}）不等于“总计”（{actual}）",
            application_row_label(*row)
        ),
        Message::CarryBound {
            column,
            expected,
            actual,
        } => format!(
            "申请人情况“{}”列：四、结转下年度继续办理（{actual}）大于第一项加第二项之和（{expected}）",
            column_label(apps, *column)
        ),
        Message::AppealsTotal {
            row,
            expected,
            actual,
        } => format!(
            "“{}”：结果维持、结果纠正、其他结果、尚未审结之和（{expected}）不等于总计（{actual}）",
            row_label(Table::Appeals, *row)
        ),
        Message::NotInteger { cell, value } => {
            format!("{}是件数，应为整数，实际为 {value}", cell_name(*cell, z))
        }
        Message::Negative { cell, value } => {
            format!("{}不应为负数（{value}）", cell_name(*cell, z))
        }
        Message::NotAssessable { rule, scope, cells } => format!(
            "{}的 {rule} 无法核验：{}",
            scope_text(*scope, z),
            join(
                cells
                    .iter()
                    .map(|(a, k)| format!("{}{}", cell_name(*a, z), kind_text(*k, z))),
                z
            )
        ),
        Message::NotAssessableIn {
            rule,
            scopes,
            cells,
        } => format!(
            "{rule} 有 {} 处无法核验（{}），因 {} 个运算单元格不是数值：{}",
            scopes.len(),
            join(scopes.iter().map(|s| scope_text(*s, z)), z),
            cells.len(),
            kinds_summary(cells, z)
        ),
        Message::PlacementUncertain {
            table,
            row,
            expected,
            found,
            identities,
        } => format!(
            "“{}”行只有 {found} 个数值而格式规定 {expected} 个，各数值所在的列无法确定：{} 仅在按现有顺序从左排列时不成立，换一种排列即不一定不成立，故不作判断",
            row_label(*table, *row),
            join(
                identities
                    .iter()
                    .map(|(r, s)| format!("{}的 {r}", scope_text(*s, z))),
                z
            )
        ),
        Message::HoldsAssumingZero { rule, scope, cells } => format!(
            "{}的 {rule} 仅在空白单元格按 0 计算时成立（{}）",
            scope_text(*scope, z),
            join(cells.iter().map(|a| cell_name(*a, z)), z)
        ),
        Message::TableMismatch {
            phrase,
            table,
            rows,
        } => format!(
            "正文称“{}”，但表格中{}合计为 {table}",
            squeeze(phrase),
            rows.iter()
                .map(|(t, r)| row_label(*t, *r))
                .collect::<Vec<_>>()
                .join("与")
        ),
        Message::NotAllUpheld { phrase, cells } => format!(
            "正文称“{}”，但表格中有未维持的案件：{}",
            squeeze(phrase),
            cells
                .iter()
                .map(|(c, v)| format!("{}为 {v}", cell_name(*c, Lang::Zh)))
                .collect::<Vec<_>>()
                .join("，")
        ),
        Message::TemplateMismatch {
            year,
            template,
            expected,
        } => format!(
            "{year}年度报告应使用{}的表格，但表格为{}",
            template_text(*expected, z),
            template_text(*template, z)
        ),
        Message::Period { year, start, end } => format!(
            "统计期限为{}至{}，应为{year}年1月1日至{year}年12月31日",
            format_date(*start, z),
            format_date(*end, z)
        ),
        Message::PublishedBeforeYearEnd { year, published } => format!(
            "落款日期{}不晚于报告年度末（{year}年12月31日）",
            format_date(*published, z)
        ),
        Message::Deadline {
            published,
            deadline,
            ..
        } => format!(
            "落款日期{}晚于公布期限{}",
            format_date(*published, z),
            format_date(*deadline, z)
        ),
        Message::CarryOver {
            column,
            year,
            carried_over,
            previous,
        } => format!(
            "申请人情况“{}”列：本年“二、上年结转政府信息公开申请数量”（{carried_over}）不等于{}年度报告的“四、结转下年度继续办理”（{previous}）",
            column_label(apps, *column),
            year - 1
        ),
        Message::InForce {
            row,
            year,
            expected,
            actual,
            previous,
            issued,
            repealed,
        } => format!(
            "“{}”现行有效件数（{actual}）不等于{}年度的现行有效件数 {previous} 加本年制发 {issued} 减本年废止 {repealed}（{expected}）",
            active_row(*row, Some(column::IN_FORCE)).map_or(row.as_str(), |r| r.label),
            year - 1
        ),
        Message::Observed(kind) => observed(kind),
    }
}

/// What the parser observed ([`DiagnosticKind`]), worded once for every rule
/// that reports it.
fn observed(kind: &DiagnosticKind) -> String {
    let z = Lang::Zh;
    match kind {
        DiagnosticKind::RowLength {
            table,
            row,
            expected,
            found,
        } => format!(
            "{}“{}”行有 {found} 个单元格，格式规定为 {expected} 个",
            table_label(*table, z),
            row_label(*table, *row)
        ),
        DiagnosticKind::MissingRow { table, row } => format!(
            "{}中未找到“{}”行",
            table_label(*table, z),
            row_label(*table, *row)
        ),
        DiagnosticKind::AmbiguousSplit {
            table,
            row,
            run,
            readings,
        } => format!(
            "{}“{}”行的数字串“{run}”有 {readings} 种拆分方式，表格的勾稽关系无法确定各单元格的值",
            table_label(*table, z),
            row_label(*table, *row)
        ),
        DiagnosticKind::Unsplittable { table, row, run } => format!(
            "{}“{}”行的数字串“{run}”无法拆分为与表格一致的数值",
            table_label(*table, z),
            row_label(*table, *row)
        ),
        DiagnosticKind::Unplaced {
            table,
            row,
            expected,
            found,
        } => format!(
            "{}{}只有 {found} 个数值而格式规定 {expected} 个；原文没有分隔符，空白单元格不留痕迹，无法确定各数值所在的列，{}各单元格记为无法确定",
            table_label(*table, z),
            row.map_or(String::new(), |row| format!(
                "“{}”行",
                row_label(*table, row)
            )),
            if row.is_some() { "本行" } else { "本表" }
        ),
        DiagnosticKind::UnreadRow { table, row } => format!(
            "{}“{}”行的标签在原文中，但其单元格无法读取，本行各单元格记为无法确定",
            table_label(*table, z),
            row_label(*table, *row)
        ),
        DiagnosticKind::UnreadableValue {
            address: cell,
            text,
        } => {
            format!("{}的内容“{text}”无法识别为数值", cell_name(*cell, z))
        }
        DiagnosticKind::Reordered { table } => format!(
            "{}中顺序错乱的单元格已按表格的合计关系重新排列",
            table_label(*table, z)
        ),
        DiagnosticKind::MissingSection { section } => {
            let heading = usize::from(*section)
                .checked_sub(1)
                .and_then(|i| schema::SECTION_HEADINGS.get(i))
                .copied()
                .unwrap_or("");
            format!("缺少第{section}部分“{heading}”")
        }
        DiagnosticKind::MissingTable { table } => {
            format!("缺少{}的表格，或表格无法识别", table_label(*table, z))
        }
        DiagnosticKind::UnknownRow {
            table,
            label,
            values,
        } => format!(
            "{}中的“{label}”行不是格式规定的行（数值：{}）",
            table_label(*table, z),
            values.join(" ")
        ),
        // The parser's enum is open (`#[non_exhaustive]`): an observation
        // this checker does not know is shown as the parser names it.
        other => format!("{other:?}"),
    }
}

pub(super) fn note(n: &Note) -> String {
    let z = Lang::Zh;
    match n {
        Note::AlsoBreaks { rule, message } => {
            format!("同一单元格还使 {rule} 不成立：{}", message.text(z))
        }
        Note::Explains { cell, value, rules } => {
            format!(
                "若{}为 {value}，{} 均成立",
                cell_name(*cell, z),
                rules_text(rules, z)
            )
        }
        Note::SameCause { rule, cell } => match cell {
            Some(cell) => format!("与 {rule} 同因：{}", cell_name(*cell, z)),
            None => format!("与 {rule} 同因"),
        },
        Note::AssumedZero { cells } => {
            let list = join(cells.iter().map(|a| cell_name(*a, z)), z);
            format!("空白单元格按 0 计算（{list}）；结论仅在此假设下成立")
        }
        Note::Corroborated { cell, rule } => {
            format!(
                "{}与 {rule} 相符，更可能是某个分项有误",
                cell_name(*cell, z)
            )
        }
        Note::ShortRow { table, row } => format!(
            "缺失的单元格来自单元格数不足的“{}”行（见 cells.row_length）",
            row_label(*table, *row)
        ),
        Note::CannotAssess { rule, scope } => {
            let where_ = scope_text(*scope, z);
            format!("因此{where_}的 {rule} 无法核验")
        }
        Note::EarlierYear { year } => {
            format!("落款年份 {year} 早于报告年度：报告可能沿用了往年的落款")
        }
        Note::Basis { basis, agency } => {
            let mut s = basis_text(*basis).to_owned();
            if let Some(agency) = agency {
                let _ = write!(s, "；依据机关名称“{agency}”推断");
            }
            s
        }
        Note::PreviousReport { index, year } => {
            format!("对照第 {} 份报告（{year}年度）", index + 1)
        }
    }
}

pub(super) fn basis_text(basis: DeadlineBasis) -> &'static str {
    match basis {
        DeadlineBasis::Department => {
            "部门的年度报告应于次年1月31日前公布（《政府信息公开条例》第四十九条第一款）"
        }
        DeadlineBasis::Government => {
            "县级以上地方人民政府的年度报告应于次年3月31日前公布（《政府信息公开条例》第四十九条第二款）"
        }
        DeadlineBasis::Township => "乡镇、街道的公布期限由地方规定，此处按次年1月31日核对",
        DeadlineBasis::Before2019 => {
            "2018年度及以前的报告应于次年3月31日前公布（原条例第三十一条）"
        }
        DeadlineBasis::Configured => "期限为使用者设定",
    }
}

pub(super) fn fix(fix: &Fix) -> String {
    match &fix.value {
        Value::Date(d) => format!("落款日期可能应为{}", format_date(*d, Lang::Zh)),
        v => format!("{}应为 {v}", cell_name(fix.target, Lang::Zh)),
    }
}
