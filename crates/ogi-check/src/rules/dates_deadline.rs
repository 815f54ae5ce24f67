//! `dates.deadline` (warning): the printed date is no later than the legal
//! deadline in the year after the report year: 31 January for departments
//! (《政府信息公开条例》 art. 49 ¶1), 31 March for the report of a people's
//! government at county level or above (art. 49 ¶2), 31 March for reports on
//! 2018 and earlier (old art. 31). Which one applies is inferred from the
//! agency name unless configured ([`DeadlineKind`](crate::DeadlineKind)).

use chrono::NaiveDate;

use ogi_model::schema::field;

use crate::config::{Ctx, DeadlineKind};
use crate::diagnostic::Diagnostic;
use crate::message::{DeadlineBasis, Message, Note};
use crate::rule::Rule;
use crate::value::Value;

/// Whether an agency name is that of a people's government at county level
/// or above (`淮安市人民政府`, `洪泽区人民政府`), as opposed to one of its
/// offices or departments (`上海市人民政府办公厅`) or a township
/// (`某某镇人民政府`, `某某街道办事处`).
pub(crate) fn basis_for(agency: &str) -> DeadlineBasis {
    let name: String = agency.chars().filter(|c| !c.is_whitespace()).collect();
    if name.ends_with("街道办事处") || name.ends_with("乡人民政府") || name.ends_with("镇人民政府")
    {
        return DeadlineBasis::Township;
    }
    let office = ["办公室", "办公厅", "部门"]
        .iter()
        .any(|w| name.contains(w));
    if name.ends_with("人民政府") && !office {
        DeadlineBasis::Government
    } else {
        DeadlineBasis::Department
    }
}

fn deadline(
    kind: DeadlineKind,
    year: i32,
    agency: Option<&str>,
) -> Option<(NaiveDate, DeadlineBasis, bool)> {
    let next = year.checked_add(1)?;
    let (basis, inferred) = match kind {
        DeadlineKind::Inferred if year <= 2018 => (DeadlineBasis::Before2019, false),
        DeadlineKind::Inferred => (basis_for(agency?), true),
        DeadlineKind::Department => (DeadlineBasis::Department, false),
        DeadlineKind::Government => (DeadlineBasis::Government, false),
        DeadlineKind::Custom { month, day } => {
            return NaiveDate::from_ymd_opt(next, month, day)
                .map(|d| (d, DeadlineBasis::Configured, false));
        }
    };
    let (month, day) = match basis {
        DeadlineBasis::Government | DeadlineBasis::Before2019 => (3, 31),
        _ => (1, 31),
    };
    NaiveDate::from_ymd_opt(next, month, day).map(|d| (d, basis, inferred))
}

pub(crate) fn check(ctx: &Ctx<'_>, out: &mut Vec<Diagnostic>) {
    let meta = &ctx.parsed.report.meta;
    let (Some(year), Some(published)) = (meta.year, meta.published) else {
        return;
    };
    let Some((deadline, basis, inferred)) =
        deadline(ctx.config.deadline, year, meta.agency.as_deref())
    else {
        return;
    };
    if published <= deadline {
        return;
    }
    let message = Message::Deadline {
        published,
        deadline,
        basis,
    };
    let mut d = ctx
        .meta_finding(Rule::DatesDeadline, message, &[field::PUBLISHED])
        .comparing(
            Some(Value::Text(format!("<= {deadline}"))),
            Some(Value::Date(published)),
        );
    d.note_items.push(Note::Basis {
        basis,
        agency: meta.agency.clone().filter(|_| inferred),
    });
    out.push(d);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Checker;
    use crate::tests::laizhou;

    #[test]
    fn agency_names() {
        assert_eq!(basis_for("淮安市人民政府"), DeadlineBasis::Government);
        assert_eq!(basis_for("洪泽区人民政府"), DeadlineBasis::Government);
        assert_eq!(basis_for("上海市人民政府办公厅"), DeadlineBasis::Department);
        assert_eq!(basis_for("莱州市行政审批服务局"), DeadlineBasis::Department);
        assert_eq!(basis_for("某某镇人民政府"), DeadlineBasis::Township);
        assert_eq!(basis_for("某某街道办事处"), DeadlineBasis::Township);
    }

    fn late(text: &str, kind: DeadlineKind) -> Vec<Diagnostic> {
        let parsed = ogi_parse::parse(text).expect("parses");
        Checker::builder()
            .deadline(kind)
            .build()
            .check(&parsed)
            .into_iter()
            .filter(|d| d.rule == Rule::DatesDeadline)
            .collect()
    }

    #[test]
    fn department_deadline_is_31_january() {
        let text = laizhou().replace("2020年1月25日", "2021年2月3日");
        let d = late(&text, DeadlineKind::Inferred);
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].severity.as_str(), "warning");
        assert!(d[0].message(crate::Lang::Zh).contains("2021年1月31日"));
        assert!(late(&text, DeadlineKind::Government).is_empty());
        assert!(late(&text, DeadlineKind::Custom { month: 2, day: 5 }).is_empty());
        assert_eq!(
            late(&text, DeadlineKind::Custom { month: 2, day: 1 }).len(),
            1
        );
        assert!(late(&text, DeadlineKind::Custom { month: 2, day: 30 }).is_empty());
        let on_time = laizhou().replace("2020年1月25日", "2021年1月31日");
        assert!(late(&on_time, DeadlineKind::Inferred).is_empty());
    }

    #[test]
    fn government_deadline_is_31_march() {
        let text = laizhou()
            .replace("莱州市行政审批服务局 2020 年度", "莱州市人民政府 2020 年度")
            .replace("2020年1月25日", "2021年3月31日");
        assert!(late(&text, DeadlineKind::Inferred).is_empty());
        let text = text.replace("2021年3月31日", "2021年4月1日");
        let d = late(&text, DeadlineKind::Inferred);
        assert_eq!(d.len(), 1);
        assert!(d[0].notes(crate::Lang::Zh)[0].contains("莱州市人民政府"));
    }
}
