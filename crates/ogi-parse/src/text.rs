//! Character classes and label folding.
//!
//! Labels are compared after folding: NFKC-like width folding (full-width
//! digits and letters to ASCII), Traditional to Simplified for the characters
//! that occur in the official labels, and removal of everything that is not a
//! Han character, a digit or a letter (whitespace, punctuation, brackets).

/// The ASCII digit a character stands for (`'7'`, `'７'`).
pub(crate) fn digit_value(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

/// Whether `c` is a digit, ASCII or full-width.
pub(crate) fn is_digit(c: char) -> bool {
    digit_value(c).is_some()
}

/// Whether `c` is a plus or minus sign (ASCII, full-width or U+2212).
pub(crate) fn sign_of(c: char) -> Option<bool> {
    match c {
        '+' | '＋' => Some(false),
        '-' | '－' | '−' => Some(true),
        _ => None,
    }
}

/// Whether `c` is a decimal point (ASCII or full-width).
pub(crate) fn is_point(c: char) -> bool {
    matches!(c, '.' | '．')
}

/// Whether `c` is whitespace, including the ideographic space and NBSP.
pub(crate) fn is_space(c: char) -> bool {
    // No whitespace lies above the ideographic space: Han text is answered
    // without Unicode's tables.
    (c as u32) <= 0x3000 && (c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}')
}

/// Whether `c` is a Han character.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x3007)
}

/// Counter words: a number directly followed by one of these is prose
/// (`21件`, `2020年`), not a cell.
pub(crate) fn is_counter(c: char) -> bool {
    matches!(
        c,
        '年' | '月'
            | '日'
            | '号'
            | '項'
            | '项'
            | '件'
            | '条'
            | '條'
            | '个'
            | '個'
            | '次'
            | '起'
            | '人'
            | '份'
            | '期'
            | '场'
            | '家'
            | '篇'
            | '批'
            | '名'
            | '位'
            | '%'
            | '％'
            | '时'
            | '天'
            | '类'
            | '倍'
            | '岁'
            | '届'
            | '页'
            | '頁'
            | '部'
            | '户'
            | '座'
            | '所'
            | '台'
            | '万'
            | '亿'
            | '余'
            | '多'
            | '点'
            | '分'
            | '秒'
            | '小'
    )
}

/// Traditional characters of the labels and their Simplified forms.
const TRAD_SIMP: &[(char, char)] = &[
    ('間', '间'),
    ('終', '终'),
    ('佈', '布'),
    ('廳', '厅'),
    ('財', '财'),
    ('衛', '卫'),
    ('於', '于'),
    ('詢', '询'),
    ('減', '减'),
    ('繼', '继'),
    ('續', '续'),
    ('繳', '缴'),
    ('納', '纳'),
    ('認', '认'),
    ('沒', '没'),
    ('動', '动'),
    ('規', '规'),
    ('範', '范'),
    ('檔', '档'),
    ('許', '许'),
    ('處', '处'),
    ('罰', '罚'),
    ('強', '强'),
    ('製', '制'),
    ('數', '数'),
    ('結', '结'),
    ('轉', '转'),
    ('開', '开'),
    ('請', '请'),
    ('機', '机'),
    ('構', '构'),
    ('會', '会'),
    ('書', '书'),
    ('報', '报'),
    ('計', '计'),
    ('總', '总'),
    ('與', '与'),
    ('護', '护'),
    ('權', '权'),
    ('屬', '属'),
    ('據', '据'),
    ('國', '国'),
    ('務', '务'),
    ('關', '关'),
    ('為', '为'),
    ('對', '对'),
    ('業', '业'),
    ('額', '额'),
    ('費', '费'),
    ('萬', '万'),
    ('項', '项'),
    ('條', '条'),
    ('內', '内'),
    ('決', '决'),
    ('維', '维'),
    ('議', '议'),
    ('訴', '诉'),
    ('訟', '讼'),
    ('審', '审'),
    ('糾', '纠'),
    ('類', '类'),
    ('確', '确'),
    ('辦', '办'),
    ('無', '无'),
    ('獲', '获'),
    ('補', '补'),
    ('現', '现'),
    ('號', '号'),
    ('發', '发'),
    ('廢', '废'),
    ('採', '采'),
    ('購', '购'),
    ('當', '当'),
    ('時', '时'),
    ('統', '统'),
    ('執', '执'),
    ('應', '应'),
    ('際', '际'),
    ('經', '经'),
    ('濟', '济'),
    ('責', '责'),
    ('問', '问'),
    ('題', '题'),
    ('進', '进'),
    ('況', '况'),
    ('設', '设'),
    ('實', '实'),
    ('區', '区'),
    ('單', '单'),
    ('從', '从'),
    ('來', '来'),
    ('過', '过'),
    ('復', '复'),
    ('後', '后'),
    ('險', '险'),
    ('穩', '稳'),
    ('員', '员'),
    ('編', '编'),
    ('證', '证'),
    ('產', '产'),
    ('營', '营'),
    ('組', '组'),
    ('織', '织'),
    ('學', '学'),
    ('術', '术'),
    ('個', '个'),
    ('聯', '联'),
    ('繫', '系'),
    ('係', '系'),
    ('網', '网'),
    ('頁', '页'),
    ('線', '线'),
    ('電', '电'),
    ('話', '话'),
    ('覆', '复'),
    ('舉', '举'),
    ('訪', '访'),
    ('複', '复'),
    ('資', '资'),
    ('門', '门'),
    ('鎮', '镇'),
    ('縣', '县'),
    ('鄉', '乡'),
    ('稅', '税'),
    ('華', '华'),
    ('東', '东'),
    ('長', '长'),
    ('廣', '广'),
    ('諾', '诺'),
    ('訊', '讯'),
    ('準', '准'),
    ('異', '异'),
    ('級', '级'),
    ('選', '选'),
    ('歸', '归'),
    ('檢', '检'),
    ('記', '记'),
    ('錄', '录'),
    ('體', '体'),
    ('義', '义'),
    ('負', '负'),
    ('讓', '让'),
    ('須', '须'),
    ('託', '托'),
    ('適', '适'),
    ('贊', '赞'),
    ('貨', '货'),
    ('徵', '征'),
    ('節', '节'),
    ('點', '点'),
    ('戶', '户'),
    ('這', '这'),
    ('麼', '么'),
    ('們', '们'),
    ('將', '将'),
    ('說', '说'),
    ('著', '着'),
    ('麵', '面'),
    ('鬥', '斗'),
    ('齊', '齐'),
    ('稱', '称'),
    ('參', '参'),
    ('驗', '验'),
    ('質', '质'),
    ('幾', '几'),
    ('嚴', '严'),
    ('舊', '旧'),
];

/// The Traditional characters of [`TRAD_SIMP`], sorted, and a bit per
/// code point of the CJK block saying whether it is one of them: most
/// characters are answered by one bit test.
struct Traditional {
    sorted: Vec<(char, char)>,
    bits: Vec<u64>,
}

/// The CJK Unified Ideographs block, where every Traditional character of
/// the table lies.
const CJK: std::ops::Range<u32> = 0x4E00..0xA000;

static TRADITIONAL: std::sync::LazyLock<Traditional> = std::sync::LazyLock::new(|| {
    let mut sorted = TRAD_SIMP.to_vec();
    sorted.sort_unstable();
    let mut bits = vec![0u64; (CJK.end - CJK.start).div_ceil(64) as usize];
    for (t, _) in &sorted {
        if let Some(word) = (*t as u32)
            .checked_sub(CJK.start)
            .and_then(|k| bits.get_mut(k as usize / 64))
        {
            *word |= 1 << ((*t as u32 - CJK.start) % 64);
        }
    }
    Traditional { sorted, bits }
});

impl Traditional {
    /// Whether the code point `code` is a Traditional character of the table.
    fn contains(&self, code: u32) -> bool {
        CJK.contains(&code) && {
            let k = code - CJK.start;
            self.bits
                .get(k as usize / 64)
                .is_some_and(|w| w & (1 << (k % 64)) != 0)
        }
    }

    /// The byte offset of the first Traditional character of the table in
    /// `s` at or after `from`. Reads the UTF-8 bytes directly: the CJK block
    /// is the three-byte sequences led by E4 to E9, and every other byte is
    /// stepped over.
    fn find_in(&self, s: &str, from: usize) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = from;
        while let Some(&lead) = b.get(i) {
            if !(0xE4..=0xE9).contains(&lead) {
                i += 1;
                continue;
            }
            if let (Some(&b1), Some(&b2)) = (b.get(i + 1), b.get(i + 2)) {
                let code = (u32::from(lead & 0x0F) << 12)
                    | (u32::from(b1 & 0x3F) << 6)
                    | u32::from(b2 & 0x3F);
                if self.contains(code) {
                    return Some(i);
                }
            }
            i += 3;
        }
        None
    }
}

/// The Simplified form of a Traditional label character (or `c` itself).
pub(crate) fn simplify(c: char) -> char {
    let table = &*TRADITIONAL;
    if !table.contains(c as u32) {
        return c;
    }
    let sorted = &table.sorted;
    sorted
        .binary_search_by_key(&c, |(t, _)| *t)
        .ok()
        .and_then(|i| sorted.get(i))
        .map_or(c, |(_, simplified)| *simplified)
}

/// `s` with its Traditional characters simplified, borrowed when it has
/// none. The table maps BMP ideographs to BMP ideographs, so byte offsets
/// are the same in both.
pub(crate) fn simplified(s: &str) -> std::borrow::Cow<'_, str> {
    let table = &*TRADITIONAL;
    let Some(first) = table.find_in(s, 0) else {
        return std::borrow::Cow::Borrowed(s);
    };
    // Copy the text and overwrite each Traditional character in place.
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    let mut at = Some(first);
    while let Some(i) = at {
        let c = s.get(i..).and_then(|rest| rest.chars().next());
        let Some(c) = c else { break };
        out.push_str(s.get(copied..i).unwrap_or_default());
        out.push(simplify(c));
        copied = i + c.len_utf8();
        at = table.find_in(s, copied);
    }
    out.push_str(s.get(copied..).unwrap_or_default());
    std::borrow::Cow::Owned(out)
}

/// The longest prefix of `s` of at most `max` bytes that ends on a
/// character boundary.
pub(crate) fn prefix_within(s: &str, max: usize) -> &str {
    let mut end = max.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.get(..end).unwrap_or_default()
}

/// Full-width ASCII forms to ASCII, ideographic space to space.
pub(crate) fn narrow(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        _ => c,
    }
}

/// Folds a label for matching: width-folded, simplified, and reduced to Han
/// characters, digits and letters.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`], appending to `out`.
pub(crate) fn fold_into(s: &str, out: &mut String) {
    for c in s.chars() {
        let c = simplify(narrow(c));
        if is_han(c) || c.is_ascii_alphanumeric() {
            out.push(c);
        }
    }
    // 檔案 is how some Traditional conversions write 文件.
    if out.contains("档案") {
        *out = out.replace("档案", "文件");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_width_punctuation_and_script() {
        assert_eq!(fold("（七）总计"), "七总计");
        assert_eq!(fold("(七) 总 计"), "七总计");
        assert_eq!(fold("3、其他"), "3其他");
        assert_eq!(fold("規範性檔案"), "规范性文件");
        assert_eq!(fold("其他對外管理服務事項"), "其他对外管理服务事项");
        assert_eq!(fold("１.属于国家秘密"), "1属于国家秘密");
        assert_eq!(fold("危及\"三安全一稳定\""), "危及三安全一稳定");
    }

    #[test]
    fn every_traditional_character_of_the_table_is_simplified() {
        for (t, simple) in TRAD_SIMP {
            assert!(CJK.contains(&(*t as u32)), "{t} lies outside the bit set");
            assert_eq!(simplify(*t), *simple, "{t}");
            assert_eq!(t.len_utf8(), simple.len_utf8(), "{t} changes byte length");
            assert_ne!(t, simple, "{t} maps to itself");
        }
        let mut keys: Vec<char> = TRAD_SIMP.iter().map(|(t, _)| *t).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(
            keys.len(),
            TRAD_SIMP.len(),
            "a Traditional character is listed twice"
        );
        assert_eq!(simplify('公'), '公');
        assert_eq!(simplify('A'), 'A');
        assert!(matches!(
            simplified("政府信息公开"),
            std::borrow::Cow::Borrowed(_)
        ));
        assert_eq!(simplified("政府信息公開報告"), "政府信息公开报告");
        // Every character of the table is found by the byte scan, wherever it stands.
        for (t, _) in TRAD_SIMP {
            for text in [format!("{t}"), format!("a{t}"), format!("公开é{t}ab")] {
                assert!(TRADITIONAL.find_in(&text, 0).is_some(), "{t} in {text}");
            }
        }
        assert_eq!(TRADITIONAL.find_in("公开é𝄞政府ab", 0), None);
    }

    #[test]
    fn digits_of_both_widths() {
        assert_eq!(digit_value('７'), Some(7));
        assert_eq!(digit_value('7'), Some(7));
        assert_eq!(digit_value('七'), None);
    }
}
