//! The checker's configuration from the command line: rules off, severities,
//! the deadline, empty cells.

use ogi_check::{Checker, DeadlineKind, EmptyCells, Rule, Severity};

/// `--severity RULE=LEVEL`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct SeverityArg(Rule, Severity);

pub(crate) fn parse_rule(s: &str) -> Result<Rule, String> {
    s.parse::<Rule>().map_err(|_| {
        format!(
            "unknown rule `{s}` (the rule ids are {})",
            Rule::ALL
                .iter()
                .map(|r| r.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        )
    })
}

pub(crate) fn parse_severity(s: &str) -> Result<SeverityArg, String> {
    let (rule, level) = s
        .split_once('=')
        .ok_or_else(|| format!("expected RULE=LEVEL, got `{s}`"))?;
    let level = match level {
        "error" => Severity::Error,
        "warning" => Severity::Warning,
        "info" => Severity::Info,
        other => {
            return Err(format!(
                "unknown severity `{other}` (error, warning or info)"
            ));
        }
    };
    Ok(SeverityArg(parse_rule(rule)?, level))
}

/// `inferred`, `department` (31 Jan), `government` (31 Mar) or `MM-DD`.
pub(crate) fn parse_deadline(s: &str) -> Result<DeadlineKind, String> {
    match s {
        "inferred" => Ok(DeadlineKind::Inferred),
        "department" => Ok(DeadlineKind::Department),
        "government" => Ok(DeadlineKind::Government),
        other => {
            let bad = || {
                format!(
                    "expected inferred, department, government or MM-DD (like 03-31), got `{other}`"
                )
            };
            let (m, d) = other.split_once('-').ok_or_else(bad)?;
            let month: u32 = m.parse().map_err(|_| bad())?;
            let day: u32 = d.parse().map_err(|_| bad())?;
            if chrono_like_valid(month, day) {
                Ok(DeadlineKind::Custom { month, day })
            } else {
                Err(bad())
            }
        }
    }
}

/// Whether a month and day exist in some year (29 February does).
fn chrono_like_valid(month: u32, day: u32) -> bool {
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 => 29,
        _ => return false,
    };
    (1..=days).contains(&day)
}

/// The checker the options describe.
pub(crate) fn checker(
    disable: &[Rule],
    severities: &[SeverityArg],
    deadline: DeadlineKind,
    empty_as_zero: bool,
) -> Checker {
    let mut b = Checker::builder().deadline(deadline);
    for r in disable {
        b = b.disable(*r);
    }
    for SeverityArg(rule, level) in severities {
        b = b.severity(*rule, *level);
    }
    if empty_as_zero {
        b = b.empty_as_zero(EmptyCells::AsZero);
    }
    b.build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments() {
        assert!(matches!(
            parse_severity("dates.deadline=error"),
            Ok(SeverityArg(Rule::DatesDeadline, Severity::Error))
        ));
        assert!(
            parse_severity("dates.deadline")
                .unwrap_err()
                .contains("RULE=LEVEL")
        );
        assert!(
            parse_severity("dates.deadline=fatal")
                .unwrap_err()
                .contains("unknown severity")
        );
        assert!(
            parse_rule("no.such")
                .unwrap_err()
                .contains("applications.balance")
        );
        assert_eq!(
            parse_deadline("03-31"),
            Ok(DeadlineKind::Custom { month: 3, day: 31 })
        );
        assert_eq!(parse_deadline("government"), Ok(DeadlineKind::Government));
        assert!(parse_deadline("02-30").is_err());
        assert!(parse_deadline("soon").is_err());
    }
}
