//! `structure.template_mismatch` (warning): a report for year ≤ 2020 has the
//! tables of the 2019 format (国办公开办函〔2019〕60号), a report for 2021 or
//! later those of the 2021 format (〔2021〕30号). Compares `meta.template`
//! (detected from the tables) with `meta.year`. A single-row （六）其他处理
//! in an otherwise 2021-format report is an accepted variant, not a mismatch.

use ogi_model::schema::field;
use ogi_model::{Address, Table, Template};

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;
use crate::value::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.parsed.report.meta;
    let (Some(year), Some(template)) = (meta.year, meta.template) else {
        return;
    };
    let expected = Template::for_year(year);
    if expected == template {
        return;
    }
    let mut d = Diagnostic::new(
        Rule::StructureTemplateMismatch,
        Message::TemplateMismatch {
            year,
            template,
            expected,
        },
    );
    d.cells = vec![Address::meta(field::TEMPLATE), Address::meta(field::YEAR)];
    d.expected = Some(Value::Text(expected.as_str().to_owned()));
    d.actual = Some(Value::Text(template.as_str().to_owned()));
    let sm = &ctx.parsed.source_map;
    d.primary = sm
        .table(Table::Active)
        .or_else(|| sm.section(2))
        .or_else(|| sm.table(Table::Applications));
    if let Some(s) = sm.meta(field::YEAR) {
        d.secondary.push((s, Address::meta(field::YEAR)));
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::tests::check_text;

    #[test]
    fn old_tables_in_a_new_report() {
        let text = "某局2022年政府信息公开工作年度报告\n\
            二、主动公开政府信息情况\n\
            第二十条第（一）项\n信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n规章\t0\t0\t0\n规范性文件\t1\t1\t3\n";
        let d = check_text(text);
        let m: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::StructureTemplateMismatch)
            .collect();
        assert_eq!(m.len(), 1, "{d:?}");
        assert_eq!(m[0].severity.as_str(), "warning");
        assert!(
            m[0].message(crate::Lang::Zh)
                .contains("2022年度报告应使用2021年格式")
        );
    }
}
