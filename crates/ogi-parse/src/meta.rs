//! Report metadata: agency and year (from the title), the stated statistical
//! period, and the printed date.

use chrono::NaiveDate;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while_m_n};
use nom::character::complete::{char, one_of, space0};
use nom::combinator::{all_consuming, map_opt, opt};
use nom::multi::many_m_n;
use nom::sequence::{delimited, preceded, terminated};
use nom::{IResult, Parser};
use ogi_model::schema::field;
use ogi_model::{Meta, Span};

use crate::fit::Sink;
use crate::text::{is_space, narrow, prefix_within, simplified};

/// How far into the text the title is looked for.
const TITLE_WINDOW: usize = 3000;

/// Fills `meta` (agency, year, period, published) from the text.
pub(crate) fn extract(src: &str, sections: &[Option<Span>; 6], sink: &mut Sink<'_>) -> Meta {
    let mut meta = Meta::default();
    // Keywords are searched in a Simplified view of the text (Traditional
    // copies: 政府信息公開…報告, 統計期限); Han characters of the BMP keep their
    // byte length, so offsets are the same in both, and what is printed
    // (the agency) is read from the text itself.
    let simple = simplified(src);
    let search = if simple.len() == src.len() {
        &*simple
    } else {
        src
    };
    if let Some((agency, year, span)) = title(src, search) {
        meta.agency = agency;
        meta.year = year;
        sink.map.meta.insert(field::AGENCY, span);
        sink.map.meta.insert(field::YEAR, span);
    }
    if let Some((start, end, span)) = period(search) {
        meta.period_start = Some(start);
        meta.period_end = Some(end);
        sink.map.meta.insert(field::PERIOD_START, span);
        sink.map.meta.insert(field::PERIOD_END, span);
        if meta.year.is_none() {
            meta.year = Some(chrono::Datelike::year(&start));
        }
    }
    let tail_from = sections
        .iter()
        .rev()
        .flatten()
        .next()
        .map_or(src.len() * 4 / 5, |s| s.end);
    if let Some((date, span)) = printed_date(search, tail_from) {
        meta.published = Some(date);
        sink.map.meta.insert(field::PUBLISHED, span);
    }
    meta
}

/// The title line: agency, year and its span. `search` is `src` with
/// Traditional characters simplified (same offsets).
fn title(src: &str, search: &str) -> Option<(Option<String>, Option<i32>, Span)> {
    let mut window_end = search.len().min(TITLE_WINDOW);
    while !search.is_char_boundary(window_end) || !src.is_char_boundary(window_end) {
        window_end -= 1;
    }
    let head = search.get(..window_end)?;
    let orig = src.get(..window_end)?;
    let from_here = |i: usize| head.get(i..).unwrap_or_default();
    let mut from = 0;
    let at = loop {
        let i = from_here(from).find("政府信息公开")? + from;
        let after: String = from_here(i).chars().skip(6).take(12).collect();
        if after.contains("报告") || after.contains("年报") {
            break i;
        }
        from = i + "政府信息公开".len();
    };
    let line_start = head
        .get(..at)
        .and_then(|h| h.rfind(['\n', '>']))
        .map_or(0, |p| p + 1);
    let mut prefix = orig.get(line_start..at).unwrap_or_default();
    for label in ["标题:", "标题：", "标题"] {
        if let Some(p) = prefix.trim_start().strip_prefix(label) {
            prefix = p;
        }
    }
    // Text before the title on the same line that ends a sentence is not part of it.
    if let Some(p) = prefix
        .rfind([' ', '　', '。', '：', ':'])
        .filter(|_| prefix.trim().chars().count() > 40)
    {
        prefix = prefix.get(p..).unwrap_or(prefix);
    }
    let year = find_year(prefix);
    let line_end = from_here(at)
        .find(['\n', '<'])
        .map_or(head.len(), |p| at + p);
    let span = Span::new(line_start, line_end);
    let mut agency = strip_year(prefix);
    if agency.is_empty() {
        // `2024 年政府信息公开工作年度报告` with the agency on the line above.
        let above = orig.get(..line_start).unwrap_or_default().trim_end();
        let prev_start = above.rfind('\n').map_or(0, |p| p + 1);
        let prev = above.get(prev_start..).unwrap_or_default().trim();
        if !prev.is_empty() && prev.chars().count() <= 40 && !prev.contains(['。', '，']) {
            agency = strip_year(prev);
        }
    }
    let agency = agency.trim_end_matches(['关', '于']).trim().to_owned();
    let year = year.or_else(|| find_year(head.get(at..line_end).unwrap_or_default()));
    Some(((!agency.is_empty()).then_some(agency), year, span))
}

/// The first `19xx`/`20xx` followed by 年.
fn find_year(s: &str) -> Option<i32> {
    let t: String = s.chars().map(narrow).collect();
    let b = t.as_bytes();
    for i in 0..b.len() {
        let Some(digits) = b.get(i..i + 4) else { break };
        let digit_before = i
            .checked_sub(1)
            .and_then(|p| b.get(p))
            .is_some_and(u8::is_ascii_digit);
        if !digits.iter().all(u8::is_ascii_digit) || digit_before {
            continue;
        }
        let rest = t.get(i + 4..).unwrap_or_default();
        if rest.trim_start().starts_with('年') && !rest.starts_with(|c: char| c.is_ascii_digit()) {
            let y: i32 = t.get(i..i + 4)?.parse().ok()?;
            if (1990..=2100).contains(&y) {
                return Some(y);
            }
        }
    }
    None
}

/// The agency part of a title prefix: the year and 年度 removed, whitespace trimmed.
fn strip_year(s: &str) -> String {
    let t: String = s.chars().map(narrow).filter(|c| !is_space(*c)).collect();
    let mut out = String::new();
    let chars: Vec<char> = t.chars().collect();
    let mut rest = chars.as_slice();
    while let Some((&c, tail)) = rest.split_first() {
        if let [a, b, c, d, '年', after @ ..] = rest {
            if [a, b, c, d].iter().all(|c| c.is_ascii_digit()) {
                rest = after.strip_prefix(&['度']).unwrap_or(after);
                continue;
            }
        }
        out.push(c);
        rest = tail;
    }
    out.trim_matches(|c: char| matches!(c, '（' | '(' | '）' | ')' | '《' | '》' | '“' | '”'))
        .to_owned()
}

/// `统计期限自2024年1月1日至2024年12月31日` (and 时限/期间, 从…到…止).
fn period(src: &str) -> Option<(NaiveDate, NaiveDate, Span)> {
    let mut from = 0;
    while let Some(i) = src.get(from..)?.find("统计").map(|p| p + from) {
        from = i + "统计".len();
        let window = prefix_within(src.get(i..).unwrap_or_default(), 240);
        let norm: Vec<(usize, char)> = window
            .char_indices()
            .map(|(b, c)| {
                (
                    b,
                    if c == '\n' || c == '\r' {
                        ' '
                    } else {
                        narrow(c)
                    },
                )
            })
            .collect();
        let text: String = norm.iter().map(|(_, c)| *c).collect();
        // Byte offset in `text` to byte offset in `window`.
        let to_src = |tb: usize| {
            let ci = text.get(..tb).map_or(0, |t| t.chars().count());
            norm.get(ci).map_or(window.len(), |(b, _)| *b)
        };
        let mut k = 0;
        while let Some(here) = text.get(k..).filter(|here| !here.is_empty()) {
            if let Ok((rest, (y, m, d))) = full_date(here) {
                let Some(start) = NaiveDate::from_ymd_opt(y, m, d) else {
                    break;
                };
                let Ok((rest2, (y2, m2, d2))) = preceded(period_sep, date_maybe_year).parse(rest)
                else {
                    break;
                };
                let y2 = y2.unwrap_or(y);
                let Some(finish) = NaiveDate::from_ymd_opt(y2, m2, d2) else {
                    break;
                };
                let consumed = text.len() - rest2.len();
                let span = Span::new(i, i + to_src(consumed));
                return Some((start, finish, span));
            }
            k += here.chars().next().map_or(1, char::len_utf8);
            if k > 120 {
                break;
            }
        }
    }
    None
}

fn period_sep(i: &str) -> IResult<&str, ()> {
    let (i, _) = space0(i)?;
    let (i, _) = opt(tag("起")).parse(i)?;
    let (i, _) = space0(i)?;
    let (i, _) = alt((
        tag("至"),
        tag("到"),
        tag("—"),
        tag("－"),
        tag("-"),
        tag("~"),
        tag("～"),
        tag("–"),
    ))
    .parse(i)?;
    let (i, _) = space0(i)?;
    Ok((i, ()))
}

fn number(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, u32> {
    move |i| {
        map_opt(
            take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
            |s: &str| s.parse().ok(),
        )
        .parse(i)
    }
}

fn ws<'a, O>(
    p: impl Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>>,
) -> impl Parser<&'a str, Output = O, Error = nom::error::Error<&'a str>> {
    delimited(space0, p, space0)
}

/// `2020年1月25日`, spaces allowed around the parts.
fn full_date(i: &str) -> IResult<&str, (i32, u32, u32)> {
    let (i, y) = terminated(ws(number(4, 4)), char('年')).parse(i)?;
    let (i, (m, d)) = month_day(i)?;
    Ok((i, (y as i32, m, d)))
}

fn month_day(i: &str) -> IResult<&str, (u32, u32)> {
    let (i, m) = terminated(ws(number(1, 2)), char('月')).parse(i)?;
    let (i, d) = terminated(ws(number(1, 2)), char('日')).parse(i)?;
    Ok((i, (m, d)))
}

fn date_maybe_year(i: &str) -> IResult<&str, (Option<i32>, u32, u32)> {
    alt((
        full_date.map(|(y, m, d)| (Some(y), m, d)),
        month_day.map(|(m, d)| (None, m, d)),
    ))
    .parse(i)
}

/// A line that is a date and nothing else, among the last lines after `from`.
fn printed_date(src: &str, from: usize) -> Option<(NaiveDate, Span)> {
    let mut from = from.min(src.len());
    while !src.is_char_boundary(from) {
        from -= 1;
    }
    let mut lines: Vec<(usize, &str)> = Vec::new();
    let mut offset = from;
    for line in src.get(from..).unwrap_or_default().split('\n') {
        lines.push((offset, line));
        offset += line.len() + 1;
    }
    for (start, line) in lines
        .into_iter()
        .rev()
        .filter(|(_, l)| !l.trim().is_empty())
        .take(8)
    {
        let trimmed = line.trim_matches(|c: char| is_space(c) || c == '\r');
        let norm: String = trimmed
            .chars()
            .map(narrow)
            .filter(|c| !is_space(*c))
            .collect();
        if let Some(date) = parse_date(&norm) {
            let lead = line.len() - line.trim_start_matches(is_space).len();
            return Some((date, Span::new(start + lead, start + lead + trimmed.len())));
        }
    }
    None
}

/// A whole string as a date: `2020年1月25日`, `二〇二一年一月二十五日`,
/// `2021-01-25`, `2021.1.25`, `2021/1/25`.
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let arabic = |i| full_date(i);
    let sep_date = |i| -> IResult<&str, (i32, u32, u32)> {
        let (i, y) = number(4, 4)(i)?;
        let (i, sep) = one_of("-./")(i)?;
        let (i, m) = number(1, 2)(i)?;
        let (i, _) = char(sep)(i)?;
        let (i, d) = number(1, 2)(i)?;
        Ok((i, (y as i32, m, d)))
    };
    let (y, m, d) = all_consuming(alt((arabic, sep_date, chinese_date)))
        .parse(s)
        .ok()?
        .1;
    NaiveDate::from_ymd_opt(y, m, d)
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '〇' | '零' | 'О' | 'O' | '○' => 0,
        '一' => 1,
        '二' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_date(i: &str) -> IResult<&str, (i32, u32, u32)> {
    let year_digit = |i| map_opt(nom::character::complete::anychar, cn_digit).parse(i);
    let (i, ys) = terminated(many_m_n(4, 4, year_digit), char('年')).parse(i)?;
    let year = ys.iter().fold(0, |a, d| a * 10 + d) as i32;
    let (i, m) = terminated(cn_number, char('月')).parse(i)?;
    let (i, d) = terminated(cn_number, char('日')).parse(i)?;
    Ok((i, (year, m, d)))
}

/// 一 … 三十一.
fn cn_number(i: &str) -> IResult<&str, u32> {
    let digit = |i| {
        map_opt(nom::character::complete::anychar, |c| {
            cn_digit(c).filter(|d| *d > 0)
        })
        .parse(i)
    };
    alt((
        (opt(digit), char('十'), opt(digit)).map(|(t, _, u)| t.unwrap_or(1) * 10 + u.unwrap_or(0)),
        digit,
    ))
    .parse(i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn printed_dates() {
        assert_eq!(parse_date("2020年1月25日"), Some(d(2020, 1, 25)));
        assert_eq!(parse_date("2020 年 1 月 25 日"), Some(d(2020, 1, 25)));
        assert_eq!(parse_date("二〇二一年一月二十五日"), Some(d(2021, 1, 25)));
        assert_eq!(
            parse_date("二〇二一年十二月三十一日"),
            Some(d(2021, 12, 31))
        );
        assert_eq!(parse_date("2021-01-25"), Some(d(2021, 1, 25)));
        assert_eq!(parse_date("2021.1.25"), Some(d(2021, 1, 25)));
        assert_eq!(parse_date("2021年2月30日"), None);
        assert_eq!(parse_date("2021-01.25"), None);
    }

    #[test]
    fn periods() {
        let p = |s: &str| period(s).map(|(a, b, _)| (a, b));
        assert_eq!(
            p("本报告数据统计时限为 2020 年 1 月 1 日至 2020 年 12 月 31 日。"),
            Some((d(2020, 1, 1), d(2020, 12, 31)))
        );
        assert_eq!(
            p("统计期限从2019年1月1日到12月31日止"),
            Some((d(2019, 1, 1), d(2019, 12, 31)))
        );
        assert_eq!(
            p("所列数据的统计期限自2020年1月1日起至2020年12月31日止"),
            Some((d(2020, 1, 1), d(2020, 12, 31)))
        );
        assert_eq!(
            p("统计期限自 2023 年 1 月 1 日\n起至 2023 年 12 月 31 日止"),
            Some((d(2023, 1, 1), d(2023, 12, 31)))
        );
    }

    #[test]
    fn titles() {
        let t = |s: &str| title(s, s).map(|(a, y, _)| (a, y));
        assert_eq!(
            t("\n莱州市行政审批服务局 2020 年度政府信息公开年度报告\n"),
            Some((Some("莱州市行政审批服务局".into()), Some(2020)))
        );
        assert_eq!(
            t("   淮安市人民政府\n  2024 年政府信息公开工作年度报告\n"),
            Some((Some("淮安市人民政府".into()), Some(2024)))
        );
        assert_eq!(
            t("标题: 平潭综合实验区2020年度政府信息公开工作年度报告\n"),
            Some((Some("平潭综合实验区".into()), Some(2020)))
        );
        assert_eq!(
            t("2019年上海市人民政府办公厅政府信息公开工作年度报告"),
            Some((Some("上海市人民政府办公厅".into()), Some(2019)))
        );
    }
}
