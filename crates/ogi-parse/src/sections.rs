//! Finding the six section headings (一、总体情况 … 六、其他需要报告的事项).
//!
//! A heading is a Chinese numeral followed by `、` (or `.`/`．`) and, within the
//! next few characters, a keyword of that section. Headings are searched in
//! order, each after the previous one found, so a row label such as
//! 四、结转下年度继续办理 (no keyword of section 四) is never taken for one.

use ogi_model::Span;

use crate::text::fold;

const NUMERALS: [char; 6] = ['一', '二', '三', '四', '五', '六'];

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

/// The span of each heading that was found, in section order.
pub(crate) fn find(src: &str) -> [Option<Span>; 6] {
    let mut found = [None; 6];
    let mut from = 0;
    let bytes = src.as_bytes();
    for ((k, numeral), slot) in NUMERALS.iter().enumerate().zip(&mut found) {
        let mut pos = from;
        while let Some(i) = next_numeral(bytes, src, pos, *numeral) {
            pos = i + numeral.len_utf8();
            if let Some(span) = heading_at(src, i, k) {
                *slot = Some(span);
                from = span.end;
                break;
            }
        }
    }
    found
}

fn next_numeral(bytes: &[u8], src: &str, from: usize, numeral: char) -> Option<usize> {
    let mut buf = [0u8; 4];
    let needle = numeral.encode_utf8(&mut buf).as_bytes();
    let i = memchr::memmem::find(bytes.get(from..)?, needle)? + from;
    debug_assert!(src.is_char_boundary(i));
    Some(i)
}

/// Whether a heading of section `k` starts at byte `i` (its numeral).
fn heading_at(src: &str, i: usize, k: usize) -> Option<Span> {
    let rest = src.get(i..)?;
    let mut chars = rest.char_indices();
    chars.next()?;
    let (_, sep) = chars.next()?;
    if !matches!(sep, '、' | '.' | '．' | '，' | ',') {
        return None;
    }
    // The numeral must not end a word (统一、, 之一、).
    if let Some(prev) = src.get(..i).and_then(|s| s.chars().next_back()) {
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
        ) {
            return None;
        }
    }
    let body_start = i + '一'.len_utf8() + sep.len_utf8();
    let mut end = body_start;
    let body = src.get(body_start..)?;
    for (n, (j, c)) in body.char_indices().enumerate() {
        if c == '\n' || c == '。' || n >= 32 || (c.is_ascii_digit() && n > 0) {
            break;
        }
        end = body_start + j + c.len_utf8();
    }
    let window = fold(src.get(body_start..end)?);
    let head: String = window.chars().take(20).collect();
    KEYWORDS.get(k)?.iter().find(|kw| head.contains(*kw))?;
    Some(Span::new(i, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_in_order_and_not_row_labels() {
        let src = "一、总体情况\n文字\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n一、本年新收\n三、本年度办理结果\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n";
        let f = find(src);
        let starts: Vec<&str> = f
            .iter()
            .map(|s| &src[s.unwrap().start..s.unwrap().end])
            .collect();
        assert_eq!(starts[2], "三、收到和处理政府信息公开申请情况");
        assert_eq!(starts[3], "四、政府信息公开行政复议、行政诉讼情况");
        assert_eq!(starts[5], "六、其他需要报告的事项");
    }

    #[test]
    fn headings_inside_run_together_text() {
        let src = "联系。一、总体情况2020年，我区。二、主动公开政府信息情况 第二十条";
        let f = find(src);
        assert!(f[0].is_some() && f[1].is_some());
        assert!(f[2].is_none());
    }
}
