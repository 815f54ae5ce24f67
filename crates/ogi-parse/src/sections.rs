//! Finding the six section headings (一、总体情况 … 六、其他需要报告的事项).
//!
//! A heading is a marker followed, within the next few characters, by a
//! keyword of its section. The marker is a Chinese numeral and `、` (or `.`,
//! `．`, `，`), a numeral after `表` (`表二：`, a converter's table caption),
//! a `、` whose numeral was lost, or nothing at all when a line starts with a
//! section's own title (`总体情况`). Whoever converted a report may have
//! renumbered its sections (`一、主动公开…` where the format says 二), so the
//! keyword, not the numeral, says which section a heading opens; the
//! numeral only breaks ties.
//!
//! Every candidate is collected first; then the six sections are given
//! candidates in text order, by dynamic programming, scoring a found
//! section, a numeral that agrees and a title rather than a keyword. Row
//! labels such as 四、结转下年度继续办理 name no section and are never taken
//! for one.

use ogi_model::{Span, Table};

const NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Keywords (folded) that identify each section heading.
const KEYWORDS: [&[&str]; 6] = [
    &["总体情况", "概述", "基本情况", "总体", "概况"],
    &["主动公开"],
    &[
        "收到和处理",
        "依申请公开",
        "申请情况",
        "处理政府信息公开申请",
        "收到政府信息公开申请",
    ],
    &["复议", "诉讼"],
    &[
        "存在的主要问题",
        "存在的问题",
        "主要问题",
        "问题及改进",
        "改进情况",
        "存在问题",
        "不足",
    ],
    &["其他需要报告", "其他事项", "需要报告", "其他"],
];

/// The titles (folded) a line may open with to head its section with no
/// numeral at all.
const TITLES: [&[&str]; 6] = [
    &["总体情况", "概述"],
    &["主动公开政府信息情况"],
    &["收到和处理政府信息公开申请情况", "依申请公开政府信息情况"],
    &[
        "政府信息公开行政复议行政诉讼情况",
        "因政府信息公开工作被申请行政复议",
    ],
    &["存在的主要问题及改进情况", "政府信息公开工作存在的主要问题"],
    &["其他需要报告的事项"],
];

/// A place where a heading may start.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    /// The heading's span.
    span: Span,
    /// The section its numeral says (0-based), if it has one.
    numeral: Option<usize>,
    /// Which sections its words name (bit k for section k).
    sections: u8,
    /// Whether it opens with no marker, on a title alone.
    bare: bool,
}

/// The span of each heading that was found, in section order.
pub(crate) fn find(src: &str) -> [Option<Span>; 6] {
    let candidates = candidates(src);
    assign(&candidates)
}

/// Points of a candidate given section `k`.
fn score(c: &Candidate, k: usize) -> i32 {
    if c.sections & (1 << k) == 0 {
        return i32::MIN;
    }
    let mut s = 10;
    if c.numeral == Some(k) {
        s += 5;
    }
    if c.bare {
        s -= 2;
    }
    s
}

/// The best increasing assignment of candidates to the six sections.
fn assign(candidates: &[Candidate]) -> [Option<Span>; 6] {
    const K: usize = 7;
    let n = candidates.len();
    // best[i * K + k]: the best score placing sections k.. among candidates
    // i.. (row n and column 6 are 0).
    let mut best = vec![0i32; (n + 1) * K];
    let at = |best: &[i32], i: usize, k: usize| best.get(i * K + k).copied().unwrap_or(0);
    for (i, c) in candidates.iter().enumerate().rev() {
        for k in (0..6).rev() {
            let mut b = at(&best, i + 1, k).max(at(&best, i, k + 1));
            let s = score(c, k);
            if s > 0 {
                b = b.max(s + at(&best, i + 1, k + 1));
            }
            if let Some(slot) = best.get_mut(i * K + k) {
                *slot = b;
            }
        }
    }
    // The way back, taking a candidate whenever that keeps the best score
    // (so the earliest of equals).
    let mut out = [None; 6];
    let (mut i, mut k) = (0, 0);
    while let (Some(c), true) = (candidates.get(i), k < 6) {
        let here = at(&best, i, k);
        let s = score(c, k);
        if s > 0 && here == s + at(&best, i + 1, k + 1) {
            if let Some(slot) = out.get_mut(k) {
                *slot = Some(c.span);
            }
            i += 1;
            k += 1;
        } else if here == at(&best, i + 1, k) {
            i += 1;
        } else {
            k += 1;
        }
    }
    out
}

/// Every place a heading may start, in text order.
fn candidates(src: &str) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut line_start = true;
    let mut prev: Option<char> = None;
    for (i, c) in src.char_indices() {
        let at_line_start = line_start;
        // A line, or (in text run together) a sentence, starts here.
        if c == '\n' || c == '。' {
            line_start = true;
        } else if !c.is_whitespace() && !matches!(c, '#' | '*' | '>' | '\u{3000}') {
            line_start = false;
        }
        let before = prev;
        prev = Some(c);
        let marker = if let Some(k) = NUMERALS.iter().position(|n| *n == c) {
            marker_after_numeral(src, i, k, before)
        } else if c == '、' && at_line_start {
            // A numeral lost in conversion: `、主动公开政府信息情况`.
            Some((i + c.len_utf8(), None))
        } else {
            None
        };
        if let Some((body, numeral)) = marker {
            // A caption's heading starts at its 表.
            let start = if before == Some('表') {
                i - '表'.len_utf8()
            } else {
                i
            };
            if let Some(c) = heading(src, start, body, numeral, false) {
                out.push(c);
            }
        } else if at_line_start && !c.is_whitespace() && crate::text::is_han(c) {
            if let Some(c) = heading(src, i, i, None, true) {
                out.push(c);
            }
        }
    }
    out
}

/// After a numeral at byte `i` (section `k` if it is one of the six):
/// where the heading's words start, when the numeral is a marker.
fn marker_after_numeral(
    src: &str,
    i: usize,
    k: usize,
    before: Option<char>,
) -> Option<(usize, Option<usize>)> {
    let rest = src.get(i..)?;
    let mut chars = rest.char_indices();
    chars.next()?;
    let (j, sep) = chars.next()?;
    let caption = before == Some('表');
    let sep_ok = matches!(sep, '、' | '.' | '．' | '，' | ',')
        || (caption && matches!(sep, '：' | ':' | ' ' | '\u{3000}'));
    if !sep_ok {
        return None;
    }
    // The numeral must not end a word (统一、, 之一、).
    if let Some(prev) = before {
        if matches!(
            prev,
            '统' | '之'
                | '第'
                | '唯'
                | '其'
                | '十'
                | '百'
                | '千'
                | '万'
                | '同'
                | '单'
                | '逐'
                | '初'
                | '（'
                | '('
        ) {
            return None;
        }
    }
    let section = (k < 6).then_some(k);
    Some((i + j + sep.len_utf8(), section))
}

/// The heading whose marker starts at `start` and words at `body`, if its
/// words name a section; `bare` when there is no marker and the line must
/// open with a section's title.
fn heading(
    src: &str,
    start: usize,
    body: usize,
    numeral: Option<usize>,
    bare: bool,
) -> Option<Candidate> {
    let text = src.get(body..)?;
    // The window: to the end of the line or sentence, 32 characters at most,
    // and not past a digit (a row's first value).
    let mut end = body;
    let mut folded = String::new();
    let mut ends: Vec<(usize, usize)> = Vec::new(); // (folded len, byte end)
    for (n, (j, c)) in text.char_indices().enumerate() {
        if c == '\n' || c == '。' || n >= 32 || (c.is_ascii_digit() && n > 0) {
            break;
        }
        end = body + j + c.len_utf8();
        let before = folded.len();
        crate::text::fold_into(&c.to_string(), &mut folded);
        if folded.len() != before {
            ends.push((folded.len(), end));
        }
    }
    if bare {
        let k = TITLES
            .iter()
            .position(|titles| titles.iter().any(|t| folded.starts_with(t)))?;
        let title = TITLES.get(k)?.iter().find(|t| folded.starts_with(*t))?;
        let stop = ends
            .iter()
            .find(|(len, _)| *len >= title.len())
            .map_or(end, |(_, e)| *e);
        return Some(Candidate {
            span: Span::new(start, stop),
            numeral: None,
            sections: 1 << k,
            bare: true,
        });
    }
    let head: String = folded.chars().take(20).collect();
    let mut sections = 0u8;
    let mut first_hit: Option<usize> = None;
    for (k, words) in KEYWORDS.iter().enumerate() {
        if let Some(at) = words.iter().filter_map(|w| head.find(w)).min() {
            sections |= 1 << k;
            first_hit = Some(first_hit.map_or(at, |f: usize| f.min(at)));
        }
    }
    if sections == 0 {
        return None;
    }
    // A heading ends with its title (…情况, …事项): what follows on the line
    // may be the first row of its table, glued on by a converter.
    let from = first_hit.unwrap_or(0);
    let stop = ["情况", "事项"]
        .iter()
        .filter_map(|w| folded.get(from..)?.find(w).map(|p| from + p + w.len()))
        .min()
        .and_then(|len| ends.iter().find(|(l, _)| *l >= len).map(|(_, e)| *e))
        .unwrap_or(end);
    Some(Candidate {
        span: Span::new(start, stop),
        numeral,
        sections,
        bare: false,
    })
}

/// Where the region of `table` starts (for a diagnostic about it).
pub(crate) fn region_span(regions: &[Option<(usize, usize)>; 3], table: Table) -> Option<Span> {
    let i = match table {
        Table::Active => 0,
        Table::Applications => 1,
        Table::Appeals => 2,
        Table::Meta => return None,
    };
    regions
        .get(i)
        .copied()
        .flatten()
        .map(|(a, _)| Span::empty_at(a))
}

/// The byte ranges of the three tables: from their section heading (or, when
/// it is missing, an anchor of the table itself) to the next section.
pub(crate) fn regions(text: &str, sections: &[Option<Span>; 6]) -> [Option<(usize, usize)>; 3] {
    let start_of = |k: usize| sections.get(k).copied().flatten().map(|s| s.end);
    let anchor = |from: usize, needles: &[&str]| {
        let rest = text.get(from..)?;
        needles
            .iter()
            .filter_map(|n| rest.find(n).map(|p| p + from))
            .min()
    };
    let active = start_of(1).or_else(|| anchor(0, &["第二十条"]));
    let apps = start_of(2).or_else(|| anchor(active.unwrap_or(0), &["勾稽关系", "本年新收"]));
    let appeals = start_of(3).or_else(|| {
        anchor(apps.unwrap_or(0), &["结果维持"])
            .map(|p| text.get(..p).and_then(|t| t.rfind("行政复议")).unwrap_or(p))
    });
    let ends = |from: usize, k: usize| {
        let mut end = text.len();
        for s in sections.iter().skip(k).flatten() {
            if s.start >= from {
                end = end.min(s.start);
                break;
            }
        }
        end
    };
    let starts = [active, apps, appeals];
    let mut out = [None; 3];
    for ((i, s), slot) in starts.iter().enumerate().zip(&mut out) {
        let Some(a) = *s else { continue };
        let mut end = ends(a, i + 2);
        for next in starts.iter().skip(i + 1).flatten() {
            if *next > a {
                end = end.min(*next);
            }
        }
        // A section heading's start for the next table bounds this one.
        if let Some(h) = sections.get(i + 2).copied().flatten() {
            if h.start > a {
                end = end.min(h.start);
            }
        }
        *slot = Some((a, end.max(a)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(src: &str) -> Vec<Option<&str>> {
        find(src)
            .iter()
            .map(|s| s.map(|s| &src[s.start..s.end]))
            .collect()
    }

    #[test]
    fn headings_in_order_and_not_row_labels() {
        let src = "一、总体情况\n文字\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n一、本年新收\n三、本年度办理结果\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
        let f = found(src);
        assert_eq!(f[2], Some("三、收到和处理政府信息公开申请情况"));
        assert_eq!(f[3], Some("四、政府信息公开行政复议、行政诉讼情况"));
        assert_eq!(f[5], Some("六、其他需要报告的事项"));
    }

    #[test]
    fn headings_inside_run_together_text() {
        let src = "联系。一、总体情况2020年，我区。二、主动公开政府信息情况 第二十条";
        let f = find(src);
        assert!(f[0].is_some() && f[1].is_some());
        assert!(f[2].is_none());
    }

    #[test]
    fn renumbered_headings_are_found_by_their_words() {
        let src = "总体情况\n文字\n一、主动公开政府信息情况\n规章 0 0 0\n二、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 0\n三、政府信息公开行政复议、行政诉讼情况\n0 0\n四、存在的主要问题及改进情况\n五、其他需要报告的事项\n无。";
        let f = found(src);
        assert_eq!(
            f,
            [
                Some("总体情况"),
                Some("一、主动公开政府信息情况"),
                Some("二、收到和处理政府信息公开申请情况"),
                Some("三、政府信息公开行政复议、行政诉讼情况"),
                Some("四、存在的主要问题及改进情况"),
                Some("五、其他需要报告的事项"),
            ]
        );
    }

    #[test]
    fn captions_glued_onto_their_table_end_with_their_title() {
        let src = "一、总体情况\n## 表二：主动公开政府信息情况第二十条第（一）项\n规章 0 0 0\n## 表三：收到和处理政府信息公开申请情况一、本年新收政府信息公开申请数量\t1\n";
        let f = found(src);
        assert_eq!(f[1], Some("表二：主动公开政府信息情况"));
        assert_eq!(f[2], Some("表三：收到和处理政府信息公开申请情况"));
    }

    #[test]
    fn a_numeral_lost_in_conversion() {
        let src = "一、总体情况\n文字\n、主动公开政府信息情况\n第二十条";
        assert_eq!(found(src)[1], Some("、主动公开政府信息情况"));
    }

    #[test]
    fn a_numeral_that_agrees_wins_a_tie() {
        // A sub-heading of section 一 names 主动公开 too; the heading whose
        // numeral agrees is section 二.
        let src = "一、总体情况\n二、主动公开工作\n文字\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况";
        let f = found(src);
        assert_eq!(f[1], Some("二、主动公开工作"));
        let src = "一、总体情况\n一、主动公开工作\n文字\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况";
        assert_eq!(found(src)[1], Some("二、主动公开政府信息情况"));
    }
}
