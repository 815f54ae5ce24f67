//! The prose of a report: the introduction, the paragraphs of sections 一,
//! 五 and 六, and the sentences that state counts of the tables, in the
//! phrasing of real reports.

use std::fmt;

use ogi_model::schema::{column, row};
use ogi_model::{Address, Cell, ColumnId, Decimal, Report, RowId, Table, Template};

use super::date_text;

/// The counts the narrative states.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Narrative {
    /// No count at all: only generic prose.
    None,
    /// Counts that agree with the tables: 本年度共收到政府信息公开申请21件… at
    /// the head of section 三, 本年度发生政府信息公开行政复议…件 at the head of
    /// section 四, and a few in section 一.
    #[default]
    Agreeing,
    /// The same sentences, but every other count (the first, the third, …,
    /// in text order) is one more than the table says.
    Disagreeing,
}

impl fmt::Display for Narrative {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::None => "no",
            Self::Agreeing => "agreeing",
            Self::Disagreeing => "disagreeing",
        })
    }
}

/// A piece of prose: text, or a count stated about cells.
pub(crate) enum Piece {
    Text(String),
    Count { cells: Vec<Address>, value: Decimal },
}

pub(crate) type Paragraph = Vec<Piece>;

/// The prose of a report, section by section.
pub(crate) struct Prose {
    pub(crate) intro: Paragraph,
    pub(crate) one: Vec<Paragraph>,
    pub(crate) three: Option<Paragraph>,
    pub(crate) four: Option<Paragraph>,
    pub(crate) five: Vec<Paragraph>,
    pub(crate) six: Vec<Paragraph>,
}

struct Builder<'a> {
    report: &'a Report,
    narrative: Narrative,
    stated: usize,
}

impl Builder<'_> {
    /// The sum of `cells` if they are all whole numbers, as the narrative states it.
    fn count(&mut self, cells: Vec<Address>) -> Option<Piece> {
        if self.narrative == Narrative::None || cells.is_empty() {
            return None;
        }
        let mut sum = Decimal::ZERO;
        for a in &cells {
            let v = self.report.cell(*a).and_then(Cell::value)?;
            if !v.is_integer() || v.is_negative() {
                return None;
            }
            sum = sum.checked_add(v)?;
        }
        let k = self.stated;
        self.stated += 1;
        if self.narrative == Narrative::Disagreeing && k % 2 == 0 {
            sum = sum.checked_add(Decimal::from_i64(1))?;
        }
        Some(Piece::Count { cells, value: sum })
    }

    /// `before{count}after`, or nothing when the count cannot be stated.
    fn clause(&mut self, before: &str, cells: Vec<Address>, after: &str) -> Vec<Piece> {
        match self.count(cells) {
            Some(c) => vec![
                Piece::Text(before.to_owned()),
                c,
                Piece::Text(after.to_owned()),
            ],
            None => Vec::new(),
        }
    }
}

fn apps(row: RowId) -> Address {
    Address::new(Table::Applications, row, column::TOTAL)
}

/// The rows of an applications group (`denied.`), as the report has them.
fn group(report: &Report, group: RowId) -> Vec<Address> {
    let prefix = group.as_str();
    report
        .applications
        .as_ref()
        .map(|a| {
            a.outcome_rows()
                .iter()
                .filter(|(id, _)| *id == group || id.as_str().starts_with(&format!("{prefix}.")))
                .map(|(id, _)| apps(*id))
                .collect()
        })
        .unwrap_or_default()
}

fn text(s: impl Into<String>) -> Piece {
    Piece::Text(s.into())
}

pub(crate) fn prose(report: &Report, narrative: Narrative) -> Prose {
    let (agency, year) = super::title(report);
    let mut b = Builder {
        report,
        narrative,
        stated: 0,
    };
    let m = &report.meta;
    let mut intro = vec![text(
        "本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和上级有关要求编制。",
    )];
    if let (Some(start), Some(end)) = (m.period_start, m.period_end) {
        intro.push(text(format!(
            "报告中所列数据的统计期限自{}起至{}止。",
            date_text(start),
            date_text(end)
        )));
    }
    intro.push(text(format!("如对本报告有疑问，请与{agency}办公室联系。")));

    let mut one = vec![vec![text(format!(
        "{year}年，{agency}坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实《条例》各项规定，持续深化政务公开，不断提升公开工作质量。"
    ))]];
    let active = |row: RowId, col: ColumnId| vec![Address::new(Table::Active, row, col)];
    let mut p = vec![text(
        "（一）主动公开情况。通过门户网站、政务新媒体等渠道及时主动公开政府信息",
    )];
    let (made, norm) = match m.template {
        Some(Template::V2019) => (column::MADE, "规范性文件"),
        _ => (column::ISSUED, "行政规范性文件"),
    };
    if report.active.is_some() {
        let mut docs: Vec<Vec<Piece>> = Vec::new();
        for (name, row) in [("规章", row::REGULATIONS), (norm, row::NORMATIVE_DOCUMENTS)] {
            let c = b.clause(name, active(row, made), "件");
            if !c.is_empty() {
                docs.push(c);
            }
        }
        for (k, c) in docs.into_iter().enumerate() {
            p.push(text(if k == 0 { "，全年制发" } else { "、" }));
            p.extend(c);
        }
        p.extend(b.clause(
            "，作出行政许可决定",
            active(row::LICENSING, column::DECISIONS),
            "件",
        ));
        p.extend(b.clause(
            "，作出行政处罚决定",
            active(row::PENALTY, column::DECISIONS),
            "件",
        ));
    }
    p.push(text("。"));
    one.push(p);
    let mut p = vec![text("（二）依申请公开情况。进一步规范依申请公开办理流程")];
    if report.applications.is_some() {
        p.extend(b.clause(
            "，全年共受理政府信息公开申请",
            vec![apps(row::NEW_RECEIVED)],
            "件",
        ));
    }
    p.push(text("，均在法定期限内予以答复。"));
    one.push(p);
    one.push(vec![text(
        "（三）政府信息管理情况。严格执行公开前保密审查制度，坚持“先审后发”，动态调整主动公开基本目录。",
    )]);
    one.push(vec![text(
        "（四）政府信息公开平台建设情况。加强政府网站和政务新媒体日常监管，及时更新公开专栏内容。",
    )]);
    one.push(vec![text(
        "（五）监督保障情况。将政务公开纳入年度绩效考核，定期开展业务培训和督促检查。",
    )]);

    let three = report.applications.as_ref().and_then(|_| {
        let mut p = b.clause(
            "本年度共收到政府信息公开申请",
            vec![apps(row::NEW_RECEIVED)],
            "件，",
        );
        p.extend(b.clause("上年结转", vec![apps(row::CARRIED_OVER)], "件。"));
        p.extend(b.clause("其中予以公开", vec![apps(row::GRANTED)], "件，"));
        p.extend(b.clause("部分公开", vec![apps(row::PARTIALLY_GRANTED)], "件，"));
        p.extend(b.clause("不予公开", group(report, row::DENIED), "件，"));
        p.extend(b.clause("无法提供", group(report, row::UNABLE), "件，"));
        p.extend(b.clause("不予处理", group(report, row::NOT_PROCESSED), "件，"));
        p.extend(b.clause("其他处理", group(report, row::OTHER), "件；"));
        p.extend(b.clause(
            "结转下年度继续办理",
            vec![apps(row::CARRIED_FORWARD)],
            "件。",
        ));
        (!p.is_empty()).then_some(p)
    });
    let four = report.appeals.as_ref().and_then(|_| {
        let a = |row| Address::new(Table::Appeals, row, column::TOTAL);
        let mut p = b.clause(
            "本年度发生政府信息公开行政复议",
            vec![a(row::REVIEW)],
            "件，",
        );
        p.extend(b.clause(
            "行政诉讼",
            vec![a(row::LITIGATION_DIRECT), a(row::LITIGATION_AFTER_REVIEW)],
            "件。",
        ));
        (!p.is_empty()).then_some(p)
    });
    let five = vec![vec![text(format!(
        "{year}年，本机关政府信息公开工作取得一定成效，但仍存在一些不足：一是政策解读形式较为单一；二是信息公开队伍建设有待加强。下一步，将进一步规范依申请公开办理，加强业务培训，不断提升政务公开工作水平。"
    ))]];
    let six = match m.template {
        Some(Template::V2019) => vec![vec![text("无。")]],
        _ => vec![vec![text(format!(
            "{year}年，本机关未收取政府信息公开信息处理费。"
        ))]],
    };
    Prose {
        intro,
        one,
        three,
        four,
        five,
        six,
    }
}

/// Writes prose, recording the span of every count.
pub(crate) fn write(out: &mut super::Out, pieces: &[Piece], full_width: bool) {
    for p in pieces {
        match p {
            Piece::Text(s) => out.push(s),
            Piece::Count { cells, value } => {
                let mut s = value.to_string();
                if full_width {
                    s = super::full_width(&s);
                }
                let start = out.text.len();
                out.push(&s);
                out.statements.push(super::Statement {
                    cells: cells.clone(),
                    value: *value,
                    span: start..out.text.len(),
                });
            }
        }
    }
}
