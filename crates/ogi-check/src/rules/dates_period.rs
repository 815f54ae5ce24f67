//! `dates.period` (error): the stated statistical period
//! ("本报告中所列数据统计期限为Y年1月1日至12月31日") is 1 January – 31
//! December of the report year Y. Not checked when the report states no period.

use chrono::NaiveDate;

use ogi_model::schema::field;

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::Message;
use crate::rule::Rule;
use crate::value::Value;

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.parsed.report.meta;
    let (Some(year), Some(start), Some(end)) = (meta.year, meta.period_start, meta.period_end)
    else {
        return;
    };
    let (Some(jan1), Some(dec31)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return;
    };
    if start == jan1 && end == dec31 {
        return;
    }
    let message = Message::Period { year, start, end };
    out.push(
        ctx.meta_finding(
            Rule::DatesPeriod,
            message,
            &[field::PERIOD_START, field::PERIOD_END],
        )
        .comparing(
            Some(Value::Text(format!("{jan1}..{dec31}"))),
            Some(Value::Text(format!("{start}..{end}"))),
        ),
    );
}

#[cfg(test)]
mod tests {
    use crate::Rule;
    use crate::tests::check_text;

    fn report(period: &str) -> String {
        format!(
            "某局2020年政府信息公开工作年度报告\n一、总体情况\n本报告中所列数据统计期限为{period}。\n\
             四、政府信息公开行政复议、行政诉讼情况\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n"
        )
    }

    #[test]
    fn period_must_be_the_calendar_year() {
        let bad = check_text(&report("2020年1月1日至11月30日"));
        let p: Vec<_> = bad.iter().filter(|d| d.rule == Rule::DatesPeriod).collect();
        assert_eq!(p.len(), 1, "{bad:?}");
        assert_eq!(
            p[0].actual.as_ref().map(ToString::to_string).as_deref(),
            Some("2020-01-01..2020-11-30")
        );
        let good = check_text(&report("2020年1月1日至12月31日"));
        assert!(!good.iter().any(|d| d.rule == Rule::DatesPeriod));
    }
}
