//! The grammar of a cell value, on its normalised ASCII form.
//!
//! ```text
//! value  = sign? digits ("," 3digits)* ("." digits)? unit?
//! sign   = "+" | "-"
//! unit   = "元" | "万元"
//! ```

use nom::branch::alt;
use nom::bytes::complete::tag;
use nom::character::complete::{char, digit1, one_of};
use nom::combinator::{all_consuming, opt, recognize};
use nom::multi::many0;
use nom::sequence::preceded;
use nom::{IResult, Parser};
use ogi_model::{Decimal, Number, Unit};

/// Why a value could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ValueError {
    /// Not of the value grammar.
    Syntax,
    /// Too many digits for a 64-bit mantissa, or too many decimals.
    Range,
}

/// Parses the normalised text of a value (`-18`, `1,234`, `251000元`).
pub(crate) fn parse_value(s: &str) -> Result<Number, ValueError> {
    // Most cells are a few plain digits: read them without the grammar.
    if !s.is_empty() && s.len() <= 18 && s.bytes().all(|b| b.is_ascii_digit()) {
        let n = s.bytes().fold(0i64, |n, b| n * 10 + i64::from(b - b'0'));
        return Ok(Number {
            value: Decimal::from_i64(n),
            unit: None,
        });
    }
    let (_, (sign, int, frac, unit)) = all_consuming(value)
        .parse(s)
        .map_err(|_| ValueError::Syntax)?;
    let mut text = String::with_capacity(s.len());
    if sign == Some('-') {
        text.push('-');
    }
    text.extend(int.chars().filter(|c| *c != ','));
    if let Some(frac) = frac {
        text.push('.');
        text.push_str(frac);
    }
    let value: Decimal = text.parse().map_err(|_| ValueError::Range)?;
    Ok(Number { value, unit })
}

type Parts<'a> = (Option<char>, &'a str, Option<&'a str>, Option<Unit>);

fn value(i: &str) -> IResult<&str, Parts<'_>> {
    (
        opt(one_of("+-")),
        integer,
        opt(preceded(char('.'), digit1)),
        opt(unit),
    )
        .parse(i)
}

fn integer(i: &str) -> IResult<&str, &str> {
    recognize((digit1, many0(preceded(char(','), three_digits)))).parse(i)
}

fn three_digits(i: &str) -> IResult<&str, &str> {
    nom::bytes::complete::take_while_m_n(3, 3, |c: char| c.is_ascii_digit()).parse(i)
}

fn unit(i: &str) -> IResult<&str, Unit> {
    alt((
        tag("万元").map(|_| Unit::WanYuan),
        tag("元").map(|_| Unit::Yuan),
    ))
    .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn ok(s: &str, want: &str, unit: Option<Unit>) {
        let n = parse_value(s).unwrap();
        assert_eq!(n.value.to_string(), want);
        assert_eq!(n.unit, unit);
    }

    #[test]
    fn values() {
        ok("0", "0", None);
        ok("007", "7", None);
        ok("999999999999999999", "999999999999999999", None);
        ok("1234567890123456789", "1234567890123456789", None);
        ok("+28", "28", None);
        ok("-2", "-2", None);
        ok("7730.28", "7730.28", None);
        ok("36,425", "36425", None);
        ok("251000元", "251000", Some(Unit::Yuan));
        ok("1.9108万元", "1.9108", Some(Unit::WanYuan));
        assert_eq!(parse_value("1,23"), Err(ValueError::Syntax));
        assert_eq!(parse_value("12a"), Err(ValueError::Syntax));
        assert_eq!(parse_value("123456789012345678901"), Err(ValueError::Range));
    }
}
