//! `dates.published_before_year_end` (error): the printed date (the
//! signature date) is after 31 December of the report year Y — a report on a
//! year cannot be signed before the year is over. When the printed date lies
//! in Y itself, the same month and day of Y + 1 was probably meant (a year
//! typed from habit); that date is the fix.

use chrono::{Datelike, NaiveDate};
use ogi_model::Address;
use ogi_model::schema::field;

use crate::config::Ctx;
use crate::diagnostic::Diagnostic;
use crate::message::{Message, Note};
use crate::rule::Rule;
use crate::value::{Fix, Value};

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.parsed.report.meta;
    let (Some(year), Some(published)) = (meta.year, meta.published) else {
        return;
    };
    let Some(year_end) = NaiveDate::from_ymd_opt(year, 12, 31) else {
        return;
    };
    if published > year_end {
        return;
    }
    let message = Message::PublishedBeforeYearEnd { year, published };
    let mut d = ctx
        .meta_finding(
            Rule::DatesPublishedBeforeYearEnd,
            message,
            &[field::PUBLISHED],
        )
        .comparing(
            Some(Value::Text(format!("> {year_end}"))),
            Some(Value::Date(published)),
        );
    if published.year() == year {
        if let Some(meant) = published.with_year(year + 1).filter(|m| *m > year_end) {
            d.fix = Some(Fix {
                target: Address::meta(field::PUBLISHED),
                value: Value::Date(meant),
            });
        }
    } else {
        d.note_items.push(Note::EarlierYear {
            year: published.year(),
        });
    }
    out.push(d);
}

#[cfg(test)]
mod tests {
    use crate::Lang;
    use crate::Rule;
    use crate::tests::{check_text, laizhou};

    #[test]
    fn laizhou_signed_before_the_year_ended() {
        let d = check_text(&laizhou());
        let p: Vec<_> = d
            .iter()
            .filter(|d| d.rule == Rule::DatesPublishedBeforeYearEnd)
            .collect();
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].fix_text(Lang::Zh).as_deref(),
            Some("落款日期可能应为2021年1月25日")
        );
        assert_eq!(
            p[0].fix_text(Lang::En).as_deref(),
            Some("the date was probably meant to be 2021-01-25")
        );
        assert_eq!(
            p[0].actual.as_ref().map(ToString::to_string).as_deref(),
            Some("2020-01-25")
        );
        assert!(p[0].primary.is_some());
    }

    #[test]
    fn an_earlier_year_gets_no_fix() {
        let text = laizhou().replace("2020年1月25日", "2019年3月1日");
        let d = check_text(&text);
        let p = d
            .iter()
            .find(|d| d.rule == Rule::DatesPublishedBeforeYearEnd)
            .expect("finding");
        assert!(p.fix.is_none());
        assert!(p.notes(Lang::En)[0].contains("2019"));
    }
}
