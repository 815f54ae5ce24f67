//! Counts the narrative states: "共受理政府信息公开申请859件", "上年结转18件",
//! "予以公开及部分公开258件", "行政复议7件，诉讼9件，均获维持".
//!
//! The text is read as a sequence of non-space characters (sentences wrap
//! across lines in `pdftotext` output), cut into sentences at `。；！？`, blank
//! lines and table cells, and into clauses at commas and brackets. A count is
//! a number followed by 件 or 起; it is tied to a quantity only when a keyword
//! of that quantity stands before it in the same clause with nothing between
//! them but filler (申请, 政府信息公开, 共, 为, …). A clause about another
//! period (去年, 同比, 较…, 累计) or naming two quantities for one number is
//! left alone: a phrase that cannot be tied to cells is never guessed.

use ogi_model::schema::{column, row};
use ogi_model::{Address, RowId, Span, Table, Template};

use crate::html::CELL_SEP;
use crate::text::{digit_value, narrow};

/// A quantity of the tables that the narrative can state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Quantity {
    /// 一、本年新收政府信息公开申请数量 (受理, 收到, 新收).
    NewReceived,
    /// 一 + 二: 受理…件 (含上年结转…件).
    NewAndCarriedOver,
    /// 二、上年结转政府信息公开申请数量.
    CarriedOver,
    /// （一）予以公开.
    Granted,
    /// （一）予以公开 + （二）部分公开 ("予以公开及部分公开").
    GrantedOrPartly,
    /// （二）部分公开.
    PartiallyGranted,
    /// （三）不予公开, all its rows.
    Denied,
    /// （四）无法提供, all its rows.
    Unable,
    /// （五）不予处理, all its rows.
    NotProcessed,
    /// （六）其他处理, all its rows.
    Other,
    /// （七）总计 (答复…申请…件).
    Total,
    /// 四、结转下年度继续办理.
    CarriedForward,
    /// 行政复议.
    Review,
    /// 行政诉讼: 未经复议直接起诉 + 复议后起诉.
    Litigation,
    /// 二、主动公开: 规章 made this year (本年制发件数; 2019: 本年新制作数量).
    RegulationsIssued,
    /// 规章 repealed this year (本年废止件数, 2021 format).
    RegulationsRepealed,
    /// 规章 in force (现行有效件数, 2021 format).
    RegulationsInForce,
    /// (行政)规范性文件 made this year.
    NormativeIssued,
    /// (行政)规范性文件 repealed this year.
    NormativeRepealed,
    /// (行政)规范性文件 in force.
    NormativeInForce,
    /// 行政许可 decisions (处理决定数量).
    Licensing,
    /// 行政处罚 decisions.
    Penalty,
    /// 行政强制 decisions.
    Coercion,
}

impl Quantity {
    /// The table rows whose 总计 the quantity adds up: application row ids
    /// (a group id such as `denied` stands for every row of the group), or
    /// appeal row ids.
    pub const fn rows(self) -> &'static [RowId] {
        match self {
            Self::NewReceived => &[row::NEW_RECEIVED],
            Self::NewAndCarriedOver => &[row::NEW_RECEIVED, row::CARRIED_OVER],
            Self::CarriedOver => &[row::CARRIED_OVER],
            Self::Granted => &[row::GRANTED],
            Self::GrantedOrPartly => &[row::GRANTED, row::PARTIALLY_GRANTED],
            Self::PartiallyGranted => &[row::PARTIALLY_GRANTED],
            Self::Denied => &[row::DENIED],
            Self::Unable => &[row::UNABLE],
            Self::NotProcessed => &[row::NOT_PROCESSED],
            Self::Other => &[row::OTHER],
            Self::Total => &[row::TOTAL],
            Self::CarriedForward => &[row::CARRIED_FORWARD],
            Self::Review => &[row::REVIEW],
            Self::Litigation => &[row::LITIGATION_DIRECT, row::LITIGATION_AFTER_REVIEW],
            Self::RegulationsIssued
            | Self::RegulationsRepealed
            | Self::RegulationsInForce
            | Self::NormativeIssued
            | Self::NormativeRepealed
            | Self::NormativeInForce
            | Self::Licensing
            | Self::Penalty
            | Self::Coercion => &[],
        }
    }

    /// The cell of section 二 a count of this quantity states, in a table
    /// of `template` (none for the quantities of sections 三 and 四, and for
    /// 废止 and 现行有效, which the 2019 format does not count).
    pub fn active_cell(self, template: Template) -> Option<Address> {
        let v2021 = template == Template::V2021;
        let issued = if v2021 { column::ISSUED } else { column::MADE };
        let (row, column) = match self {
            Self::RegulationsIssued => (row::REGULATIONS, issued),
            Self::NormativeIssued => (row::NORMATIVE_DOCUMENTS, issued),
            Self::RegulationsRepealed if v2021 => (row::REGULATIONS, column::REPEALED),
            Self::NormativeRepealed if v2021 => (row::NORMATIVE_DOCUMENTS, column::REPEALED),
            Self::RegulationsInForce if v2021 => (row::REGULATIONS, column::IN_FORCE),
            Self::NormativeInForce if v2021 => (row::NORMATIVE_DOCUMENTS, column::IN_FORCE),
            Self::Licensing => (row::LICENSING, column::DECISIONS),
            Self::Penalty => (row::PENALTY, column::DECISIONS),
            Self::Coercion => (row::COERCION, column::DECISIONS),
            _ => return None,
        };
        Some(Address::new(Table::Active, row, column))
    }

    /// Whether the rows are rows of 四 (appeals) rather than 三.
    pub const fn is_appeal(self) -> bool {
        matches!(self, Self::Review | Self::Litigation)
    }
}

/// What a narrative sentence claims.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Claim {
    /// A count of a quantity.
    Count {
        /// The quantity.
        quantity: Quantity,
        /// The count stated.
        value: u64,
    },
    /// "均获维持": every case of these quantities ended 结果维持.
    AllUpheld {
        /// The appeal quantities the sentence names.
        quantities: Vec<Quantity>,
    },
}

/// A claim of the narrative, where it is printed.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Statement {
    /// The claim.
    pub claim: Claim,
    /// The phrase, from the keyword to the count (or the whole "均获维持"
    /// sentence).
    pub span: Span,
    /// The phrase as printed.
    pub text: String,
}

/// Keywords, longest first where one contains another.
const KEYWORDS: &[(&str, Quantity)] = &[
    ("予以公开及部分公开", Quantity::GrantedOrPartly),
    ("予以公开和部分公开", Quantity::GrantedOrPartly),
    ("予以公开或部分公开", Quantity::GrantedOrPartly),
    ("上一年度结转", Quantity::CarriedOver),
    ("上年度结转", Quantity::CarriedOver),
    ("上年结转", Quantity::CarriedOver),
    ("结转下一年度", Quantity::CarriedForward),
    ("结转至下年度", Quantity::CarriedForward),
    ("结转到下年度", Quantity::CarriedForward),
    ("结转下年度", Quantity::CarriedForward),
    ("结转下年", Quantity::CarriedForward),
    ("本年新收", Quantity::NewReceived),
    ("新收", Quantity::NewReceived),
    ("受理", Quantity::NewReceived),
    ("收到", Quantity::NewReceived),
    ("予以公开", Quantity::Granted),
    ("部分公开", Quantity::PartiallyGranted),
    ("不予公开", Quantity::Denied),
    ("无法提供", Quantity::Unable),
    ("不予处理", Quantity::NotProcessed),
    ("其他处理", Quantity::Other),
    ("答复", Quantity::Total),
    ("办结", Quantity::Total),
    ("行政复议", Quantity::Review),
    ("复议", Quantity::Review),
    ("行政诉讼", Quantity::Litigation),
    ("诉讼", Quantity::Litigation),
];

/// What may stand between a keyword and its count.
const FILLER: &[&str] = &[
    "政府信息公开",
    "信息公开",
    "政府信息",
    "申请",
    "案件",
    "案",
    "类",
    "共计",
    "合计",
    "总计",
    "共",
    "计",
    "总数",
    "数量",
    "为",
    "了",
    "的",
    "件数",
    "事项",
    "的申请",
    "继续办理",
    "办理",
];

/// Clause words that put a count in another period or another sense.
const OTHER_SENSE: &[&str] = &[
    "去年",
    "同比",
    "较上",
    "较去",
    "比上",
    "比去",
    "上一年",
    "累计",
    "以来",
    "历年",
    "占",
    "人次",
    "涉及",
    "不含",
];

const UPHELD: &[&str] = &[
    "均获维持",
    "均予维持",
    "均被维持",
    "均维持",
    "全部维持",
    "均为维持",
];

/// A character of the squeezed text and its byte span in the source.
#[derive(Clone, Copy)]
struct Ch {
    c: char,
    start: usize,
    end: usize,
}

/// How far a sentence is read around a count unit, each way.
const MAX_SENTENCE: usize = 1024;

/// Every claim the narrative makes, in source order.
pub(crate) fn statements(text: &str) -> Vec<Statement> {
    let mut out = Vec::new();
    // Only sentences with a count (digits, then 件 or 起) can state one: find
    // the counts' units, then read the sentence around each once. A unit
    // after anything but a digit (文件, 案件, 发起) starts no reading.
    let bytes = text.as_bytes();
    let mut units: Vec<usize> = memchr::memmem::find_iter(bytes, "件".as_bytes())
        .chain(memchr::memmem::find_iter(bytes, "起".as_bytes()))
        .filter(|&p| follows_digit(text, p))
        .collect();
    units.sort_unstable();
    let mut done = 0;
    let mut buf: Vec<Ch> = Vec::new();
    for p in units {
        if p < done {
            continue;
        }
        // A sentence longer than the window is read in windows that do not
        // overlap, so that no count is read twice (and no text scanned twice).
        let (start, end) = sentence_around(text, p, done);
        buf.clear();
        buf.extend(
            text.get(start..end)
                .unwrap_or_default()
                .char_indices()
                .filter(|(_, c)| !c.is_whitespace() && *c != '\u{3000}')
                .map(|(i, c)| Ch {
                    c: narrow(c),
                    start: start + i,
                    end: start + i + c.len_utf8(),
                }),
        );
        read_sentence(text, &buf, &mut out);
        done = end.max(p + 1);
    }
    out
}

/// Whether the last character before byte `p` that is not whitespace is a
/// digit (the sentence reader drops whitespace, so `21 件` is a count).
fn follows_digit(text: &str, p: usize) -> bool {
    text.get(..p)
        .and_then(|before| {
            before
                .chars()
                .rev()
                .find(|c| !c.is_whitespace() && *c != '\u{3000}')
        })
        .is_some_and(|c| digit_value(narrow(c)).is_some())
}

/// Whether `c` ends a sentence.
fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '；' | ';' | '！' | '？' | '\u{0c}') || c == CELL_SEP
}

/// The byte range of the sentence holding byte `p`: up to a sentence mark,
/// a table cell boundary or a blank line, each way, at most
/// [`MAX_SENTENCE`] bytes, and not before `done`.
fn sentence_around(text: &str, p: usize, done: usize) -> (usize, usize) {
    let mut floor = p.saturating_sub(MAX_SENTENCE).max(done);
    while !text.is_char_boundary(floor) {
        floor -= 1;
    }
    let mut start = floor;
    let mut newlines = 0;
    for (i, c) in text.get(floor..p).unwrap_or_default().char_indices().rev() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                start = floor + i + 1;
                break;
            }
        } else if ends_sentence(c) {
            start = floor + i + c.len_utf8();
            break;
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    let mut ceil = (p + MAX_SENTENCE).min(text.len());
    while !text.is_char_boundary(ceil) {
        ceil += 1;
    }
    let mut end = ceil;
    let mut newlines = 0;
    for (i, c) in text.get(p..ceil).unwrap_or_default().char_indices() {
        if c == '\n' {
            newlines += 1;
            if newlines >= 2 {
                end = p + i;
                break;
            }
        } else if ends_sentence(c) {
            end = p + i;
            break;
        } else if !c.is_whitespace() {
            newlines = 0;
        }
    }
    (start, end.max(start))
}

fn is_clause_break(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '（' | '）' | '(' | ')' | '：' | ':' | '【' | '】' | '“' | '”'
    )
}

fn starts_with(s: &[Ch], needle: &str) -> bool {
    let mut rest = needle;
    for ch in s {
        if rest.is_empty() {
            return true;
        }
        match rest.strip_prefix(ch.c) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

fn contains(s: &[Ch], needle: &str) -> bool {
    let Some(first) = needle.chars().next() else {
        return true;
    };
    s.iter()
        .enumerate()
        .any(|(i, ch)| ch.c == first && starts_with(tail(s, i), needle))
}

/// Whether a keyword may start with `c` (most characters start none).
fn starts_keyword(c: char) -> bool {
    static FIRSTS: std::sync::LazyLock<Vec<char>> = std::sync::LazyLock::new(|| {
        let mut v: Vec<char> = KEYWORDS
            .iter()
            .filter_map(|(w, _)| w.chars().next())
            .collect();
        v.sort_unstable();
        v.dedup();
        v
    });
    FIRSTS.binary_search(&c).is_ok()
}

/// `s` from `i` on (empty past its end).
fn tail(s: &[Ch], i: usize) -> &[Ch] {
    s.get(i..).unwrap_or_default()
}

/// Whether `gap` is made of filler only.
fn is_filler(mut gap: &[Ch]) -> bool {
    'outer: while !gap.is_empty() {
        for f in FILLER.iter().copied() {
            if starts_with(gap, f) {
                gap = tail(gap, f.chars().count());
                continue 'outer;
            }
        }
        return false;
    }
    true
}

fn read_sentence(text: &str, s: &[Ch], out: &mut Vec<Statement>) {
    let first = out.len();
    let mut active = ActiveContext::default();
    let mut clause_start = 0;
    let mut i = 0;
    while let Some(ch) = s.get(i) {
        if is_clause_break(ch.c) {
            clause_start = i + 1;
            i += 1;
            continue;
        }
        if digit_value(ch.c).is_none() {
            i += 1;
            continue;
        }
        // A count: digits, then 件 or 起.
        let start = i;
        let mut value: u64 = 0;
        let mut overflow = false;
        while let Some(d) = s.get(i).and_then(|ch| digit_value(ch.c)) {
            value = match value
                .checked_mul(10)
                .and_then(|v| v.checked_add(u64::from(d)))
            {
                Some(v) => v,
                None => {
                    overflow = true;
                    0
                }
            };
            i += 1;
        }
        let unit = s.get(i).map(|ch| ch.c);
        let preceded_by_digitish = start
            .checked_sub(1)
            .and_then(|p| s.get(p))
            .is_some_and(|ch| matches!(ch.c, '.' | '%' | '/' | '-'));
        if overflow || preceded_by_digitish || !matches!(unit, Some('件' | '起')) {
            continue;
        }
        let clause = s.get(clause_start..start).unwrap_or_default();
        let sentence = s.get(..start).unwrap_or_default();
        let tied = tie(clause).or_else(|| tie_active(clause, sentence, &mut active));
        if let Some((quantity, at)) = tied {
            if let (Some(first), Some(last)) = (s.get(clause_start + at), s.get(i)) {
                let span = Span::new(first.start, last.end);
                out.push(Statement {
                    claim: Claim::Count { quantity, value },
                    span,
                    text: text.get(span.range()).unwrap_or_default().to_owned(),
                });
            }
        }
        i += 1;
    }
    // 受理…件（含上年结转…件）: the count includes the carried-over ones.
    for k in first..out.len().saturating_sub(1) {
        let (Some(a), Some(b)) = (out.get(k), out.get(k + 1)) else {
            break;
        };
        let joined = matches!(
            a.claim,
            Claim::Count {
                quantity: Quantity::NewReceived,
                ..
            }
        ) && matches!(
            b.claim,
            Claim::Count {
                quantity: Quantity::CarriedOver,
                ..
            }
        ) && text
            .get(a.span.end..b.span.start)
            .map(|between| between.split_whitespace().collect::<String>())
            .is_some_and(|between| {
                [
                    "（含",
                    "(含",
                    "，其中",
                    ",其中",
                    "（其中",
                    "(其中",
                    "，含",
                    "（包括",
                    "(包括",
                ]
                .iter()
                .any(|w| between.starts_with(w))
            });
        if let (true, Claim::Count { value, .. }) = (joined, &a.claim) {
            let claim = Claim::Count {
                quantity: Quantity::NewAndCarriedOver,
                value: *value,
            };
            if let Some(st) = out.get_mut(k) {
                st.claim = claim;
            }
        }
    }
    // 行政复议7件，诉讼9件，均获维持.
    if UPHELD.iter().any(|u| contains(s, u)) {
        let read = out.get(first..).unwrap_or_default();
        let mut quantities: Vec<Quantity> = read
            .iter()
            .filter_map(|st| match st.claim {
                Claim::Count { quantity, value } if quantity.is_appeal() && value > 0 => {
                    Some(quantity)
                }
                _ => None,
            })
            .collect();
        quantities.dedup();
        // From the first appeal count to the end of "均获维持".
        let from = read
            .iter()
            .find(|st| matches!(st.claim, Claim::Count { quantity, .. } if quantity.is_appeal()))
            .map(|st| st.span.start);
        let to = (0..s.len()).find_map(|i| {
            UPHELD
                .iter()
                .find(|u| starts_with(tail(s, i), u))
                .and_then(|u| s.get(i + u.chars().count() - 1))
                .map(|ch| ch.end)
        });
        if let (false, Some(a), Some(b)) = (quantities.is_empty(), from, to) {
            let span = Span::new(a, b.max(a));
            out.push(Statement {
                claim: Claim::AllUpheld { quantities },
                span,
                text: text.get(span.range()).unwrap_or_default().to_owned(),
            });
        }
    }
}

/// The quantity a count at the end of `clause` is tied to, and where its
/// keyword starts.
fn tie(clause: &[Ch]) -> Option<(Quantity, usize)> {
    if OTHER_SENSE.iter().any(|w| contains(clause, w)) {
        return None;
    }
    // The keyword nearest the count.
    let mut found = None;
    for k in (0..clause.len()).rev() {
        if !clause.get(k).is_some_and(|ch| starts_keyword(ch.c)) {
            continue;
        }
        if let Some(&(word, q)) = KEYWORDS
            .iter()
            .find(|(w, _)| starts_with(tail(clause, k), w))
        {
            found = Some((k, word, q));
            break;
        }
    }
    let (k, word, quantity) = found?;
    // A longer keyword around it (行政复议 around 复议) is the keyword.
    let (k, word, quantity) = (k.saturating_sub(8)..k)
        .find_map(|j| {
            KEYWORDS
                .iter()
                .find(|(w, _)| {
                    starts_with(tail(clause, j), w)
                        && j + w.chars().count() >= k + word.chars().count()
                })
                .map(|&(w, q)| (j, w, q))
        })
        .unwrap_or((k, word, quantity));
    let after = k + word.chars().count();
    let gap = tail(clause, after);
    if !is_filler(gap) {
        return None;
    }
    let before = clause.get(..k).unwrap_or_default();
    let has_application = contains(gap, "申请") || contains(before, "申请");
    match quantity {
        // 收到/受理/答复 must be about applications (not 收到来信, 受理投诉).
        Quantity::NewReceived | Quantity::Total if !has_application => return None,
        // 复议后起诉 is litigation; 复议 inside 行政复议 was matched as such.
        Quantity::Review if starts_with(gap, "后") => return None,
        // 未经复议直接起诉 / 复议后起诉 alone are parts of litigation.
        Quantity::Litigation if contains(before, "直接起诉") || contains(before, "复议后") =>
        {
            return None;
        }
        _ => {}
    }
    // Two quantities for one number ("不予公开、无法提供共3件") are not tied.
    if ends_with_conjunction(before)
        && KEYWORDS
            .iter()
            .any(|(w, q)| *q != quantity && contains(before, w))
    {
        return None;
    }
    Some((quantity, k))
}

/// What the counts of section 二 read so far in a sentence were about, for
/// a count that names only one of document and action
/// (`制发规章2件、行政规范性文件3件，现行有效15件`).
#[derive(Default)]
struct ActiveContext {
    doc: Option<Doc>,
    action: Option<Action>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Doc {
    Regulations,
    Normative,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Issued,
    Repealed,
    InForce,
}

/// Words of section 二 a count may follow: documents, what was done to
/// them, and the decisions of 第二十条（五）（六）.
const ACTIVE_WORDS: &[&str] = &[
    "行政规范性文件",
    "规范性文件",
    "规章",
    "现行有效",
    "新制作",
    "制发",
    "制定",
    "印发",
    "出台",
    "废止",
    "行政许可",
    "行政处罚",
    "行政强制",
];

/// What may stand between a word of section 二 and its count.
const ACTIVE_FILLER: &[&str] = &[
    "决定", "事项", "案件", "文件", "的", "共", "共计", "为", "了", "数量", "件数",
];

fn action_of(word: &str) -> Option<Action> {
    match word {
        "现行有效" => Some(Action::InForce),
        "新制作" | "制发" | "制定" | "印发" | "出台" => Some(Action::Issued),
        "废止" => Some(Action::Repealed),
        _ => None,
    }
}

fn doc_of(word: &str) -> Option<Doc> {
    match word {
        "行政规范性文件" | "规范性文件" => Some(Doc::Normative),
        "规章" => Some(Doc::Regulations),
        _ => None,
    }
}

/// The last of `words` that `s` holds, and where.
fn last_of<'w>(s: &[Ch], words: &[&'w str]) -> Option<(usize, &'w str)> {
    (0..s.len()).rev().find_map(|k| {
        words
            .iter()
            .find(|w| starts_with(tail(s, k), w))
            .map(|w| (k, *w))
    })
}

/// A count of section 二 at the end of `clause`: the word nearest it (with
/// only filler between) names a document, an action or a kind of decision;
/// what it leaves open comes from earlier in the clause or the sentence.
/// Counts of another period (去年, 累计, …) are left alone.
fn tie_active(
    clause: &[Ch],
    sentence: &[Ch],
    ctx: &mut ActiveContext,
) -> Option<(Quantity, usize)> {
    if OTHER_SENSE.iter().any(|w| contains(clause, w)) {
        return None;
    }
    let (k, word) = last_of(clause, ACTIVE_WORDS)?;
    let gap = tail(clause, k + word.chars().count());
    let filler = {
        let mut g = gap;
        'outer: while !g.is_empty() {
            for f in ACTIVE_FILLER.iter().chain(FILLER) {
                if starts_with(g, f) {
                    g = tail(g, f.chars().count());
                    continue 'outer;
                }
            }
            return None;
        }
        true
    };
    if !filler {
        return None;
    }
    let decision = match word {
        "行政许可" => Some(Quantity::Licensing),
        "行政处罚" => Some(Quantity::Penalty),
        "行政强制" => Some(Quantity::Coercion),
        _ => None,
    };
    if let Some(q) = decision {
        return Some((q, k));
    }
    let before = clause.get(..k).unwrap_or_default();
    let words = |s: &[Ch], pick: &dyn Fn(&str) -> bool| {
        last_of(s, ACTIVE_WORDS)
            .filter(|(_, w)| pick(w))
            .map(|(_, w)| w)
    };
    let (doc, action) = match (doc_of(word), action_of(word)) {
        (Some(doc), _) => {
            // 制发规章 / 现行有效规范性文件: the action before the document, in
            // the clause, else earlier in the sentence.
            let action = last_action(before)
                .or_else(|| last_action(sentence))
                .or(ctx.action);
            (doc, action?)
        }
        (None, Some(action)) => {
            // 规范性文件…现行有效15件: the document from before.
            let doc = words(before, &|w| doc_of(w).is_some())
                .and_then(doc_of)
                .or(ctx.doc)?;
            (doc, action)
        }
        _ => return None,
    };
    ctx.doc = Some(doc);
    ctx.action = Some(action);
    let q = match (doc, action) {
        (Doc::Regulations, Action::Issued) => Quantity::RegulationsIssued,
        (Doc::Regulations, Action::Repealed) => Quantity::RegulationsRepealed,
        (Doc::Regulations, Action::InForce) => Quantity::RegulationsInForce,
        (Doc::Normative, Action::Issued) => Quantity::NormativeIssued,
        (Doc::Normative, Action::Repealed) => Quantity::NormativeRepealed,
        (Doc::Normative, Action::InForce) => Quantity::NormativeInForce,
    };
    Some((q, k))
}

/// The last action word (制发, 废止, 现行有效, …) in `s`.
fn last_action(s: &[Ch]) -> Option<Action> {
    (0..s.len()).rev().find_map(|k| {
        ["现行有效", "新制作", "制发", "制定", "印发", "出台", "废止"]
            .iter()
            .find(|w| starts_with(tail(s, k), w))
            .and_then(|w| action_of(w))
    })
}

fn ends_with_conjunction(s: &[Ch]) -> bool {
    s.last()
        .is_some_and(|ch| matches!(ch.c, '、' | '及' | '和' | '与' | '或'))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The counts stated, without their phrases.
    fn q(text: &str) -> Vec<(Quantity, u64)> {
        counts(text).into_iter().map(|(q, v, _)| (q, v)).collect()
    }

    fn counts(text: &str) -> Vec<(Quantity, u64, String)> {
        statements(text)
            .into_iter()
            .filter_map(|s| match s.claim {
                Claim::Count { quantity, value } => Some((quantity, value, s.text)),
                Claim::AllUpheld { .. } => None,
            })
            .collect()
    }

    #[test]
    fn the_shanghai_paragraph() {
        let text = "市政府办公厅代表市政府共受理政府信息公开申请859件，申请数量较去年回落12.3%；\
                    答复政府信息公开申请805件（含上年度结转申请18件，另有72件申请按照《条例》顺延到下年度答复），\
                    均在法定期限内予以答复。予以公开及部分公开258件，占33.9%；不予公开35件，占4.34%；\
                    因本机关不掌握等原因无法提供265件，占32.9%；不予处理158件，占19.6%；其他处理0件。\
                    信息公开类行政复议7件，诉讼9件，均获维持，继续保持了省级政府零败诉的记录。";
        let got = counts(text);
        let q: Vec<(Quantity, u64)> = got.iter().map(|(q, v, _)| (*q, *v)).collect();
        assert_eq!(
            q,
            [
                (Quantity::NewReceived, 859),
                (Quantity::Total, 805),
                (Quantity::CarriedOver, 18),
                (Quantity::GrantedOrPartly, 258),
                (Quantity::Denied, 35),
                (Quantity::Unable, 265),
                (Quantity::NotProcessed, 158),
                (Quantity::Other, 0),
                (Quantity::Review, 7),
                (Quantity::Litigation, 9),
            ]
        );
        assert_eq!(got[0].2, "受理政府信息公开申请859件");
        assert_eq!(got[3].2, "予以公开及部分公开258件");
        let upheld: Vec<Statement> = statements(text)
            .into_iter()
            .filter(|s| matches!(s.claim, Claim::AllUpheld { .. }))
            .collect();
        assert_eq!(upheld.len(), 1);
        assert_eq!(
            upheld[0].claim,
            Claim::AllUpheld {
                quantities: vec![Quantity::Review, Quantity::Litigation]
            }
        );
        assert_eq!(upheld[0].text, "行政复议7件，诉讼9件，均获维持");
    }

    #[test]
    fn sentences_wrap_across_lines_and_spans_cover_the_source() {
        let text = "本年度共收到政府信息公开申\n请 21 件，上年结转2件。";
        let st = statements(text);
        assert_eq!(st.len(), 2);
        assert_eq!(
            st[0].claim,
            Claim::Count {
                quantity: Quantity::NewReceived,
                value: 21
            }
        );
        assert_eq!(st[0].text, "收到政府信息公开申\n请 21 件");
        assert_eq!(&text[st[0].span.range()], st[0].text);
    }

    #[test]
    fn a_count_including_the_carried_over_ones() {
        let st = counts("共受理政府信息公开申请20件（含上年结转2件）。");
        assert_eq!(st[0].0, Quantity::NewAndCarriedOver);
        assert_eq!(st[1].0, Quantity::CarriedOver);
        // Here the carried-over ones are in the 答复 count, not in 受理.
        let st = counts("共受理政府信息公开申请3119件，答复申请3050件（含上年度结转申请34件）。");
        let q: Vec<Quantity> = st.iter().map(|s| s.0).collect();
        assert_eq!(
            q,
            [
                Quantity::NewReceived,
                Quantity::Total,
                Quantity::CarriedOver
            ]
        );
    }

    #[test]
    fn phrases_that_cannot_be_tied_are_left_alone() {
        for text in [
            "较去年受理申请30件有所下降。",
            "同比增加申请5件。",
            "累计受理申请300件。",
            "不予公开、无法提供共3件。",
            "收到群众来信12件。",
            "受理投诉举报8件。",
            "其中自然人申请20件。",
            "主动公开政府信息1200条。",
            "复议后起诉3件。",
            "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3",
            "占比12.5件",
        ] {
            assert_eq!(counts(text), [], "{text}");
        }
    }

    #[test]
    fn counts_of_section_two() {
        assert_eq!(
            q("本年度制发规范性文件12件，现行有效305件。"),
            [
                (Quantity::NormativeIssued, 12),
                (Quantity::NormativeInForce, 305)
            ]
        );
        assert_eq!(
            q("全年制发规章1件、行政规范性文件0件，作出行政许可决定406件，作出行政处罚决定3件。"),
            [
                (Quantity::RegulationsIssued, 1),
                (Quantity::NormativeIssued, 0),
                (Quantity::Licensing, 406),
                (Quantity::Penalty, 3)
            ]
        );
        assert_eq!(
            q("现行有效规章11件，废止行政规范性文件26件。"),
            [
                (Quantity::RegulationsInForce, 11),
                (Quantity::NormativeRepealed, 26)
            ]
        );
        // Another period, or no action: left alone.
        assert_eq!(q("累计制发规范性文件300件。"), []);
        assert_eq!(q("规范性文件12件。"), []);
        assert_eq!(
            Quantity::NormativeInForce.active_cell(Template::V2021),
            Some("active/normative_documents/in_force".parse().unwrap())
        );
        assert_eq!(
            Quantity::NormativeInForce.active_cell(Template::V2019),
            None
        );
    }

    #[test]
    fn appeals_phrasings() {
        assert_eq!(
            q("本年度发生政府信息公开行政复议案件2件"),
            [(Quantity::Review, 2)]
        );
        assert_eq!(q("行政诉讼1起"), [(Quantity::Litigation, 1)]);
        assert_eq!(q("未发生行政复议和行政诉讼案件"), []);
    }
}
