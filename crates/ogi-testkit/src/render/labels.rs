//! Table labels with the noise of real copies: half-width punctuation,
//! spaces inside labels, Traditional characters.

use super::RenderOptions;

/// Applies the label noise of a [`RenderOptions`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Labels {
    half_width: bool,
    spaces: bool,
    traditional: bool,
    short: bool,
}

impl Labels {
    pub(crate) const fn new(options: &RenderOptions) -> Self {
        Self {
            half_width: options.half_width_punctuation,
            spaces: options.spaces_in_labels,
            traditional: options.traditional_labels,
            short: options.short_labels,
        }
    }

    /// A row label as this copy prints it: shortened if the copy shortens
    /// row labels, then with the noise of [`Labels::label`].
    pub(crate) fn row(&self, s: &str) -> String {
        if self.short {
            self.label(short(s))
        } else {
            self.label(s)
        }
    }

    /// A label as this copy prints it.
    pub(crate) fn label(&self, s: &str) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        if self.spaces {
            if let Some(at) = split_point(&chars) {
                chars.insert(at, ' ');
            }
        }
        chars
            .into_iter()
            .map(|c| {
                let c = if self.traditional { traditional(c) } else { c };
                if self.half_width { half_width(c) } else { c }
            })
            .collect()
    }
}

/// The short form of an official row label, as copies that abbreviate
/// their tables print it (the official label itself when none is known).
pub(crate) fn short(label: &str) -> &str {
    match label {
        "行政规范性文件" | "规范性文件" => "规范性文件",
        "行政许可" => "许可",
        "其他对外管理服务事项" => "其他对外管理服务",
        "行政处罚" => "处罚",
        "行政强制" => "强制",
        "行政事业性收费" => "收费",
        "政府集中采购" => "集中采购",
        "一、本年新收政府信息公开申请数量" => "本年新收申请",
        "二、上年结转政府信息公开申请数量" => "上年结转申请",
        "（一）予以公开" => "予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" => {
            "部分公开"
        }
        "1.属于国家秘密" => "国家秘密",
        "2.其他法律行政法规禁止公开" => "法律法规禁止公开",
        "3.危及“三安全一稳定”" => "危及三安全一稳定",
        "4.保护第三方合法权益" => "第三方合法权益",
        "5.属于三类内部事务信息" => "内部事务信息",
        "6.属于四类过程性信息" => "过程性信息",
        "7.属于行政执法案卷" => "行政执法案卷",
        "8.属于行政查询事项" => "行政查询事项",
        "1.本机关不掌握相关政府信息" => "不掌握相关信息",
        "2.没有现成信息需要另行制作" => "需要另行制作",
        "3.补正后申请内容仍不明确" => "补正后仍不明确",
        "1.信访举报投诉类申请" => "信访举报投诉",
        "2.重复申请" => "重复申请",
        "3.要求提供公开出版物" => "公开出版物",
        "4.无正当理由大量反复申请" => "大量反复申请",
        "5.要求行政机关确认或重新出具已获取信息" => "确认或重新出具信息",
        "（六）其他处理" => "其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" => {
            "逾期不补正"
        }
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" => {
            "逾期未缴费"
        }
        "3.其他" => "其他",
        "（七）总计" => "总计",
        "四、结转下年度继续办理" => "结转下年度",
        other => other,
    }
}

/// Where a space goes in a label of four characters or more: the middle,
/// moved off punctuation and digits (`商业 企业`, `本年新 制作数量`).
fn split_point(chars: &[char]) -> Option<usize> {
    if chars.len() < 4 {
        return None;
    }
    let ok = |i: usize| {
        let plain = |c: char| !c.is_ascii() && !"（）“”，、：；".contains(c);
        i > 0 && i < chars.len() && plain(chars[i - 1]) && plain(chars[i])
    };
    let mid = chars.len() / 2;
    (0..chars.len())
        .flat_map(|d| [mid + d, mid.wrapping_sub(d)])
        .find(|i| ok(*i))
}

fn half_width(c: char) -> char {
    match c {
        '（' => '(',
        '）' => ')',
        '，' => ',',
        '：' => ':',
        '；' => ';',
        '“' | '”' => '"',
        _ => c,
    }
}

/// The Traditional form of a character of the official labels (as a
/// Simplified-to-Traditional conversion of a whole page writes it).
fn traditional(c: char) -> char {
    match c {
        '万' => '萬',
        '业' => '業',
        '为' => '為',
        '举' => '舉',
        '会' => '會',
        '体' => '體',
        '关' => '關',
        '决' => '決',
        '况' => '況',
        '减' => '減',
        '务' => '務',
        '动' => '動',
        '区' => '區',
        '单' => '單',
        '发' => '發',
        '后' => '後',
        '处' => '處',
        '复' => '復',
        '对' => '對',
        '属' => '屬',
        '废' => '廢',
        '开' => '開',
        '强' => '強',
        '当' => '當',
        '执' => '執',
        '护' => '護',
        '报' => '報',
        '据' => '據',
        '获' => '獲',
        '数' => '數',
        '无' => '無',
        '机' => '機',
        '权' => '權',
        '条' => '條',
        '构' => '構',
        '现' => '現',
        '确' => '確',
        '稳' => '穩',
        '类' => '類',
        '纠' => '糾',
        '组' => '組',
        '织' => '織',
        '经' => '經',
        '结' => '結',
        '继' => '繼',
        '续' => '續',
        '维' => '維',
        '缴' => '繳',
        '纳' => '納',
        '罚' => '罰',
        '范' => '範',
        '补' => '補',
        '规' => '規',
        '计' => '計',
        '认' => '認',
        '议' => '議',
        '许' => '許',
        '讼' => '訟',
        '访' => '訪',
        '诉' => '訴',
        '询' => '詢',
        '请' => '請',
        '购' => '購',
        '费' => '費',
        '转' => '轉',
        '过' => '過',
        '这' => '這',
        '进' => '進',
        '采' => '採',
        '问' => '問',
        '题' => '題',
        '额' => '額',
        '项' => '項',
        '国' => '國',
        '审' => '審',
        '总' => '總',
        '没' => '沒',
        '内' => '內',
        '于' => '於',
        '系' => '係',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{Layout, RenderOptions};

    #[test]
    fn noise() {
        let all = Labels::new(
            &RenderOptions::new(Layout::Tab)
                .half_width_punctuation(true)
                .spaces_in_labels(true)
                .traditional_labels(true),
        );
        assert_eq!(all.label("商业企业"), "商業 企業");
        assert_eq!(all.label("（三）不予公开"), "(三)不 予公開");
        assert_eq!(all.label("规范性文件"), "規範 性文件");
        assert_eq!(all.label("3.危及“三安全一稳定”"), "3.危及\"三 安全一穩定\"");
        let none = Labels::new(&RenderOptions::new(Layout::Tab));
        assert_eq!(none.label("（七）总计"), "（七）总计");
    }
}
