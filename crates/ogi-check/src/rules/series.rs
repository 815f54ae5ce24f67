//! Running the series rules: reports grouped by agency, paired by
//! consecutive years.
//!
//! Agency names are normalised (whitespace removed, full-width ASCII made
//! narrow); two names are the same agency when equal, or when the longer is
//! the shorter preceded by a place name ending in 省, 市, 自治区, 州, 盟, 县
//! or 区 (`淮安市洪泽区人民政府` and `洪泽区人民政府`). Reports of one agency
//! are ordered by year; each report of year Y is compared with each report
//! of year Y − 1 (none when that year is absent: only consecutive years).

use ogi_parse::Parsed;

use crate::config::{Config, Ctx};
use crate::diagnostic::Diagnostic;
use crate::rule::Rule;
use crate::rules::{series_carry_over, series_in_force};

/// The normalised agency name.
pub(crate) fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '\u{ff01}'..='\u{ff5e}' => char::from_u32(u32::from(c) - 0xfee0).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Whether two normalised names denote one agency.
pub(crate) fn same_agency(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.chars().count() < b.chars().count() {
        (a, b)
    } else {
        (b, a)
    };
    if short.chars().count() < 5 {
        return false;
    }
    let Some(prefix) = long.strip_suffix(short) else {
        return false;
    };
    ["省", "市", "自治区", "州", "盟", "县", "区"]
        .iter()
        .any(|s| prefix.ends_with(s))
}

/// Every series finding, with the index of the later report.
pub(crate) fn run(reports: &[&Parsed], config: &Config) -> Vec<(usize, Diagnostic)> {
    let mut out = Vec::new();
    let on = |r: Rule| config.enabled(r);
    if !on(Rule::SeriesCarryOver) && !on(Rule::SeriesInForce) {
        return out;
    }
    let keyed: Vec<Option<(String, i32)>> = reports
        .iter()
        .map(|p| {
            let m = &p.report.meta;
            Some((normalise(m.agency.as_deref()?), m.year?))
        })
        .collect();
    for ((i, this), key) in reports.iter().enumerate().zip(&keyed) {
        let Some((name, year)) = key else {
            continue;
        };
        for ((j, prev), prev_key) in reports.iter().enumerate().zip(&keyed) {
            let Some((prev_name, prev_year)) = prev_key else {
                continue;
            };
            if i == j || prev_year.checked_add(1) != Some(*year) || !same_agency(name, prev_name) {
                continue;
            }
            let this_ctx = Ctx {
                parsed: this,
                config,
            };
            let prev_ctx = Ctx {
                parsed: prev,
                config,
            };
            let mut found = Vec::new();
            if on(Rule::SeriesCarryOver) {
                series_carry_over::check(&prev_ctx, j, &this_ctx, &mut found);
            }
            if on(Rule::SeriesInForce) {
                series_in_force::check(&prev_ctx, j, &this_ctx, &mut found);
            }
            found.retain(|d| config.enabled(d.rule));
            out.extend(found.into_iter().map(|d| (i, d)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agency_names_match_with_and_without_the_city() {
        let n = |s: &str| normalise(s);
        assert!(same_agency(
            &n("淮安市洪泽区人民政府"),
            &n("洪泽区人民政府")
        ));
        assert!(same_agency(&n("平潭综合实验区"), &n(" 平潭综合实验区")));
        assert!(!same_agency(&n("淮安市人民政府"), &n("洪泽区人民政府")));
        assert!(!same_agency(&n("某市人民政府"), &n("人民政府")));
        assert!(!same_agency(&n("淮安市交通运输局"), &n("洪泽区交通运输局")));
        assert_eq!(n("ＡＢ局"), "AB局");
    }
}
