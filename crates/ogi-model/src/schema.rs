//! The official layout of the tables: row and column ids with their Chinese labels.
//!
//! This is data, not parsing: the ids are those of the vocabulary
//! (`shared/spec/vocabulary.md`), the labels are the official wording of the
//! 2019 and 2021 formats (国办公开办函〔2019〕60号 and 〔2021〕30号).

use std::fmt;

/// A row id of the vocabulary (`new_received`, `denied.state_secret`,
/// `review`, `licensing`), or the name of a metadata field (`published`):
/// one of the constants of [`row`] and [`field`], never a free string, so a
/// misspelt row does not compile. Compares, hashes and orders as its text.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RowId(&'static str);

/// A column id of the vocabulary (`natural_person`, `upheld`, `in_force`):
/// one of the constants of [`column`](mod@column). [`ColumnId::NONE`] is the column of a
/// metadata address.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ColumnId(&'static str);

macro_rules! id_type {
    ($ty:ident) => {
        impl $ty {
            /// The id as the vocabulary spells it.
            pub const fn as_str(self) -> &'static str {
                self.0
            }
        }

        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.0)
            }
        }

        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(self.0, f)
            }
        }

        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.0)
            }
        }
    };
}
id_type!(RowId);
id_type!(ColumnId);

macro_rules! ids {
    ($ty:ident, $all:ident: $( $(#[$m:meta])* $name:ident = $id:literal, )*) => {
        $( $(#[$m])* pub const $name: $ty = $ty($id); )*
        /// Every constant of this module.
        pub(crate) const $all: &[$ty] = &[$($name),*];
    };
}

/// The row ids of the three tables.
pub mod row {
    use super::RowId;

    ids! { RowId, ALL:
        /// 一、本年新收政府信息公开申请数量
        NEW_RECEIVED = "new_received",
        /// 二、上年结转政府信息公开申请数量
        CARRIED_OVER = "carried_over",
        /// （一）予以公开
        GRANTED = "granted",
        /// （二）部分公开
        PARTIALLY_GRANTED = "partially_granted",
        /// （三）不予公开 › 1.属于国家秘密
        DENIED_STATE_SECRET = "denied.state_secret",
        /// （三）不予公开 › 2.其他法律行政法规禁止公开
        DENIED_PROHIBITED_BY_LAW = "denied.prohibited_by_law",
        /// （三）不予公开 › 3.危及“三安全一稳定”
        DENIED_SECURITY_STABILITY = "denied.security_stability",
        /// （三）不予公开 › 4.保护第三方合法权益
        DENIED_THIRD_PARTY_RIGHTS = "denied.third_party_rights",
        /// （三）不予公开 › 5.属于三类内部事务信息
        DENIED_INTERNAL_AFFAIRS = "denied.internal_affairs",
        /// （三）不予公开 › 6.属于四类过程性信息
        DENIED_PROCESS_INFORMATION = "denied.process_information",
        /// （三）不予公开 › 7.属于行政执法案卷
        DENIED_ENFORCEMENT_FILES = "denied.enforcement_files",
        /// （三）不予公开 › 8.属于行政查询事项
        DENIED_ADMINISTRATIVE_QUERY = "denied.administrative_query",
        /// （四）无法提供 › 1.本机关不掌握相关政府信息
        UNABLE_NOT_HELD = "unable.not_held",
        /// （四）无法提供 › 2.没有现成信息需要另行制作
        UNABLE_NEEDS_CREATION = "unable.needs_creation",
        /// （四）无法提供 › 3.补正后申请内容仍不明确
        UNABLE_STILL_UNCLEAR = "unable.still_unclear",
        /// （五）不予处理 › 1.信访举报投诉类申请
        NOT_PROCESSED_COMPLAINT = "not_processed.complaint",
        /// （五）不予处理 › 2.重复申请
        NOT_PROCESSED_REPEATED = "not_processed.repeated",
        /// （五）不予处理 › 3.要求提供公开出版物
        NOT_PROCESSED_PUBLICATION = "not_processed.publication",
        /// （五）不予处理 › 4.无正当理由大量反复申请
        NOT_PROCESSED_EXCESSIVE = "not_processed.excessive",
        /// （五）不予处理 › 5.要求行政机关确认或重新出具已获取信息
        NOT_PROCESSED_CONFIRMATION = "not_processed.confirmation",
        /// （三）不予公开: the group of the eight reasons (a row without
        /// cells of its own, that a count of the narrative can name)
        DENIED = "denied",
        /// （四）无法提供: the group of its three reasons
        UNABLE = "unable",
        /// （五）不予处理: the group of its five reasons
        NOT_PROCESSED = "not_processed",
        /// （六）其他处理: one row in the 2019 format, the group of three
        /// sub-rows in the 2021 format
        OTHER = "other",
        /// （六）其他处理 › 1.申请人无正当理由逾期不补正…
        OTHER_NO_SUPPLEMENT = "other.no_supplement",
        /// （六）其他处理 › 2.申请人逾期未按收费通知要求缴纳费用…
        OTHER_FEE_UNPAID = "other.fee_unpaid",
        /// （六）其他处理 › 3.其他
        OTHER_OTHER = "other.other",
        /// （七）总计
        TOTAL = "total",
        /// 四、结转下年度继续办理
        CARRIED_FORWARD = "carried_forward",
        /// 行政复议
        REVIEW = "review",
        /// 行政诉讼 › 未经复议直接起诉
        LITIGATION_DIRECT = "litigation_direct",
        /// 行政诉讼 › 复议后起诉
        LITIGATION_AFTER_REVIEW = "litigation_after_review",
        /// 规章
        REGULATIONS = "regulations",
        /// 规范性文件 (2019) / 行政规范性文件 (2021)
        NORMATIVE_DOCUMENTS = "normative_documents",
        /// 行政许可
        LICENSING = "licensing",
        /// 其他对外管理服务事项 (2019)
        OTHER_SERVICES = "other_services",
        /// 行政处罚
        PENALTY = "penalty",
        /// 行政强制
        COERCION = "coercion",
        /// 行政事业性收费
        FEES = "fees",
        /// 政府集中采购 (2019)
        PROCUREMENT = "procurement",
    }
}

/// The column ids of the three tables.
pub mod column {
    use super::ColumnId;

    ids! { ColumnId, ALL:
        /// 自然人
        NATURAL_PERSON = "natural_person",
        /// 法人或其他组织 › 商业企业
        COMMERCIAL_ENTERPRISE = "commercial_enterprise",
        /// 法人或其他组织 › 科研机构
        RESEARCH_INSTITUTION = "research_institution",
        /// 法人或其他组织 › 社会公益组织
        SOCIAL_WELFARE_ORGANIZATION = "social_welfare_organization",
        /// 法人或其他组织 › 法律服务机构
        LEGAL_SERVICE_AGENCY = "legal_service_agency",
        /// 法人或其他组织 › 其他
        OTHER_ORGANIZATION = "other_organization",
        /// 总计 (of the applicants, and of an appeals row group)
        TOTAL = "total",
        /// 结果维持
        UPHELD = "upheld",
        /// 结果纠正
        CORRECTED = "corrected",
        /// 其他结果
        OTHER = "other",
        /// 尚未审结
        PENDING = "pending",
        /// 本年制发件数 (2021)
        ISSUED = "issued",
        /// 本年废止件数 (2021)
        REPEALED = "repealed",
        /// 现行有效件数 (2021)
        IN_FORCE = "in_force",
        /// 本年处理决定数量 (2021), 处理决定数量 (2019)
        DECISIONS = "decisions",
        /// 本年收费金额 (2021), 采购总金额 (2019)
        AMOUNT = "amount",
        /// 本年新制作数量 (2019)
        MADE = "made",
        /// 本年新公开数量 (2019)
        PUBLISHED = "published",
        /// 对外公开总数量 (2019)
        TOTAL_PUBLISHED = "total_published",
        /// 上一年项目数量 (2019)
        PREVIOUS_ITEMS = "previous_items",
        /// 本年增/减 (2019)
        CHANGE = "change",
        /// 采购项目数量 (2019)
        PROJECTS = "projects",
        /// The column of a metadata address (none).
        NONE = "",
    }
}

/// The metadata fields, as the rows of `meta` addresses (`meta/published`).
pub mod field {
    use super::RowId;

    ids! { RowId, ALL:
        /// The reporting agency (机关名称).
        AGENCY = "agency",
        /// The report year (报告年度).
        YEAR = "year",
        /// The format version (表格格式).
        TEMPLATE = "template",
        /// The first day of the statistical period (统计期限).
        PERIOD_START = "period_start",
        /// The last day of the statistical period.
        PERIOD_END = "period_end",
        /// The date printed on the report (落款日期).
        PUBLISHED = "published",
    }
}

impl RowId {
    /// The row or metadata field spelled `id` (`None` for a string that is
    /// not one): where ids come in as text (a cell address, JSON).
    pub fn parse(id: &str) -> Option<Self> {
        row::ALL
            .iter()
            .chain(field::ALL)
            .copied()
            .find(|x| x.0 == id)
    }
}

impl ColumnId {
    /// The column of a metadata address (none).
    pub const NONE: Self = column::NONE;

    /// The column spelled `id` (`None` for a string that is not one).
    pub fn parse(id: &str) -> Option<Self> {
        column::ALL
            .iter()
            .copied()
            .find(|x| x.0 == id && !x.0.is_empty())
    }

    /// Whether this is [`ColumnId::NONE`].
    pub const fn is_none(self) -> bool {
        self.0.is_empty()
    }

    /// A column of a row struct, named by its field (the model's macros).
    pub(crate) const fn of_field(id: &'static str) -> Self {
        Self(id)
    }
}

/// A column: its id and its official label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnDef {
    /// The vocabulary id (`natural_person`).
    pub id: ColumnId,
    /// The official label (`自然人`).
    pub label: &'static str,
}

/// A row of 三、收到和处理政府信息公开申请情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApplicationRowDef {
    /// The vocabulary id (`denied.state_secret`).
    pub id: RowId,
    /// The label of the row itself (`1.属于国家秘密`).
    pub label: &'static str,
    /// The label of the group it belongs to (`（三）不予公开`), if any.
    pub group: Option<&'static str>,
    /// Which shape of （六）其他处理 the row belongs to.
    pub other_style: RowPresence,
}

/// In which shape of the applications table a row occurs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowPresence {
    /// Every shape.
    Always,
    /// Only where （六）其他处理 is a single row (the 2019 format).
    SingleOther,
    /// Only where （六）其他处理 has three sub-rows (the 2021 format).
    SplitOther,
}

const fn app(
    id: RowId,
    label: &'static str,
    group: Option<&'static str>,
    other_style: RowPresence,
) -> ApplicationRowDef {
    ApplicationRowDef {
        id,
        label,
        group,
        other_style,
    }
}

const A: RowPresence = RowPresence::Always;
const DENIED: Option<&str> = Some("（三）不予公开");
const UNABLE: Option<&str> = Some("（四）无法提供");
const NOT_PROCESSED: Option<&str> = Some("（五）不予处理");
const OTHER: Option<&str> = Some("（六）其他处理");

/// Every row of the applications table, both shapes, in table order.
pub static APPLICATION_ROWS: &[ApplicationRowDef] = &[
    app(
        row::NEW_RECEIVED,
        "一、本年新收政府信息公开申请数量",
        None,
        A,
    ),
    app(
        row::CARRIED_OVER,
        "二、上年结转政府信息公开申请数量",
        None,
        A,
    ),
    app(row::GRANTED, "（一）予以公开", None, A),
    app(
        row::PARTIALLY_GRANTED,
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        None,
        A,
    ),
    app(row::DENIED_STATE_SECRET, "1.属于国家秘密", DENIED, A),
    app(
        row::DENIED_PROHIBITED_BY_LAW,
        "2.其他法律行政法规禁止公开",
        DENIED,
        A,
    ),
    app(
        row::DENIED_SECURITY_STABILITY,
        "3.危及“三安全一稳定”",
        DENIED,
        A,
    ),
    app(
        row::DENIED_THIRD_PARTY_RIGHTS,
        "4.保护第三方合法权益",
        DENIED,
        A,
    ),
    app(
        row::DENIED_INTERNAL_AFFAIRS,
        "5.属于三类内部事务信息",
        DENIED,
        A,
    ),
    app(
        row::DENIED_PROCESS_INFORMATION,
        "6.属于四类过程性信息",
        DENIED,
        A,
    ),
    app(
        row::DENIED_ENFORCEMENT_FILES,
        "7.属于行政执法案卷",
        DENIED,
        A,
    ),
    app(
        row::DENIED_ADMINISTRATIVE_QUERY,
        "8.属于行政查询事项",
        DENIED,
        A,
    ),
    app(
        row::UNABLE_NOT_HELD,
        "1.本机关不掌握相关政府信息",
        UNABLE,
        A,
    ),
    app(
        row::UNABLE_NEEDS_CREATION,
        "2.没有现成信息需要另行制作",
        UNABLE,
        A,
    ),
    app(
        row::UNABLE_STILL_UNCLEAR,
        "3.补正后申请内容仍不明确",
        UNABLE,
        A,
    ),
    app(
        row::NOT_PROCESSED_COMPLAINT,
        "1.信访举报投诉类申请",
        NOT_PROCESSED,
        A,
    ),
    app(row::NOT_PROCESSED_REPEATED, "2.重复申请", NOT_PROCESSED, A),
    app(
        row::NOT_PROCESSED_PUBLICATION,
        "3.要求提供公开出版物",
        NOT_PROCESSED,
        A,
    ),
    app(
        row::NOT_PROCESSED_EXCESSIVE,
        "4.无正当理由大量反复申请",
        NOT_PROCESSED,
        A,
    ),
    app(
        row::NOT_PROCESSED_CONFIRMATION,
        "5.要求行政机关确认或重新出具已获取信息",
        NOT_PROCESSED,
        A,
    ),
    app(row::OTHER, "（六）其他处理", None, RowPresence::SingleOther),
    app(
        row::OTHER_NO_SUPPLEMENT,
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        OTHER,
        RowPresence::SplitOther,
    ),
    app(
        row::OTHER_FEE_UNPAID,
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        OTHER,
        RowPresence::SplitOther,
    ),
    app(row::OTHER_OTHER, "3.其他", OTHER, RowPresence::SplitOther),
    app(row::TOTAL, "（七）总计", None, A),
    app(row::CARRIED_FORWARD, "四、结转下年度继续办理", None, A),
];

/// The label spanning the outcome rows （一）…（七）.
pub const OUTCOMES_GROUP_LABEL: &str = "三、本年度办理结果";

/// The footnote in the top-left header cell of the applications table.
pub const BALANCE_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// The seven columns of the applications table (申请人情况), in order.
pub static APPLICANT_COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        id: column::NATURAL_PERSON,
        label: "自然人",
    },
    ColumnDef {
        id: column::COMMERCIAL_ENTERPRISE,
        label: "商业企业",
    },
    ColumnDef {
        id: column::RESEARCH_INSTITUTION,
        label: "科研机构",
    },
    ColumnDef {
        id: column::SOCIAL_WELFARE_ORGANIZATION,
        label: "社会公益组织",
    },
    ColumnDef {
        id: column::LEGAL_SERVICE_AGENCY,
        label: "法律服务机构",
    },
    ColumnDef {
        id: column::OTHER_ORGANIZATION,
        label: "其他",
    },
    ColumnDef {
        id: column::TOTAL,
        label: "总计",
    },
];

/// A row of 四、政府信息公开行政复议、行政诉讼情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppealRowDef {
    /// The vocabulary id (`review`).
    pub id: RowId,
    /// The official label (`行政复议`, `行政诉讼 › 未经复议直接起诉`).
    pub label: &'static str,
}

/// The three row groups of the appeals table, in order.
pub static APPEAL_ROWS: &[AppealRowDef] = &[
    AppealRowDef {
        id: row::REVIEW,
        label: "行政复议",
    },
    AppealRowDef {
        id: row::LITIGATION_DIRECT,
        label: "未经复议直接起诉",
    },
    AppealRowDef {
        id: row::LITIGATION_AFTER_REVIEW,
        label: "复议后起诉",
    },
];

/// The five columns of every appeals row group, in order.
pub static APPEAL_COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        id: column::UPHELD,
        label: "结果维持",
    },
    ColumnDef {
        id: column::CORRECTED,
        label: "结果纠正",
    },
    ColumnDef {
        id: column::OTHER,
        label: "其他结果",
    },
    ColumnDef {
        id: column::PENDING,
        label: "尚未审结",
    },
    ColumnDef {
        id: column::TOTAL,
        label: "总计",
    },
];

/// A row of 二、主动公开政府信息情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveRowDef {
    /// The vocabulary id (`licensing`).
    pub id: RowId,
    /// The official label (`行政许可`).
    pub label: &'static str,
    /// The caption of the sub-table (`第二十条第（五）项`).
    pub caption: &'static str,
    /// The columns of the row.
    pub columns: &'static [ColumnDef],
}

const fn col(id: ColumnId, label: &'static str) -> ColumnDef {
    ColumnDef { id, label }
}

const DOCS_2021: &[ColumnDef] = &[
    col(column::ISSUED, "本年制发件数"),
    col(column::REPEALED, "本年废止件数"),
    col(column::IN_FORCE, "现行有效件数"),
];
const DECISIONS_2021: &[ColumnDef] = &[col(column::DECISIONS, "本年处理决定数量")];
const DOCS_2019: &[ColumnDef] = &[
    col(column::MADE, "本年新制作数量"),
    col(column::PUBLISHED, "本年新公开数量"),
    col(column::TOTAL_PUBLISHED, "对外公开总数量"),
];
const ITEMS_2019: &[ColumnDef] = &[
    col(column::PREVIOUS_ITEMS, "上一年项目数量"),
    col(column::CHANGE, "本年增/减"),
    col(column::DECISIONS, "处理决定数量"),
];

/// Section 二 of the 2021 format, in order.
pub static ACTIVE_ROWS_2021: &[ActiveRowDef] = &[
    ActiveRowDef {
        id: row::REGULATIONS,
        label: "规章",
        caption: "第二十条第（一）项",
        columns: DOCS_2021,
    },
    ActiveRowDef {
        id: row::NORMATIVE_DOCUMENTS,
        label: "行政规范性文件",
        caption: "第二十条第（一）项",
        columns: DOCS_2021,
    },
    ActiveRowDef {
        id: row::LICENSING,
        label: "行政许可",
        caption: "第二十条第（五）项",
        columns: DECISIONS_2021,
    },
    ActiveRowDef {
        id: row::PENALTY,
        label: "行政处罚",
        caption: "第二十条第（六）项",
        columns: DECISIONS_2021,
    },
    ActiveRowDef {
        id: row::COERCION,
        label: "行政强制",
        caption: "第二十条第（六）项",
        columns: DECISIONS_2021,
    },
    ActiveRowDef {
        id: row::FEES,
        label: "行政事业性收费",
        caption: "第二十条第（八）项",
        columns: &[col(column::AMOUNT, "本年收费金额（单位：万元）")],
    },
];

/// Section 二 of the 2019 format, in order.
pub static ACTIVE_ROWS_2019: &[ActiveRowDef] = &[
    ActiveRowDef {
        id: row::REGULATIONS,
        label: "规章",
        caption: "第二十条第（一）项",
        columns: DOCS_2019,
    },
    ActiveRowDef {
        id: row::NORMATIVE_DOCUMENTS,
        label: "规范性文件",
        caption: "第二十条第（一）项",
        columns: DOCS_2019,
    },
    ActiveRowDef {
        id: row::LICENSING,
        label: "行政许可",
        caption: "第二十条第（五）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: row::OTHER_SERVICES,
        label: "其他对外管理服务事项",
        caption: "第二十条第（五）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: row::PENALTY,
        label: "行政处罚",
        caption: "第二十条第（六）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: row::COERCION,
        label: "行政强制",
        caption: "第二十条第（六）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: row::FEES,
        label: "行政事业性收费",
        caption: "第二十条第（八）项",
        columns: &[
            col(column::PREVIOUS_ITEMS, "上一年项目数量"),
            col(column::CHANGE, "本年增/减"),
        ],
    },
    ActiveRowDef {
        id: row::PROCUREMENT,
        label: "政府集中采购",
        caption: "第二十条第（九）项",
        columns: &[
            col(column::PROJECTS, "采购项目数量"),
            col(column::AMOUNT, "采购总金额"),
        ],
    },
];

/// The six section headings, identical in both formats.
pub static SECTION_HEADINGS: [&str; 6] = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
];

/// The application rows of one shape, in table order.
pub fn application_rows(
    other: crate::OtherStyle,
) -> impl Iterator<Item = &'static ApplicationRowDef> {
    APPLICATION_ROWS
        .iter()
        .filter(move |r| match r.other_style {
            RowPresence::Always => true,
            RowPresence::SingleOther => other == crate::OtherStyle::Single,
            RowPresence::SplitOther => other == crate::OtherStyle::Split,
        })
}

/// Section 二's rows for a format version.
pub fn active_rows(template: crate::Template) -> &'static [ActiveRowDef] {
    match template {
        crate::Template::V2019 => ACTIVE_ROWS_2019,
        crate::Template::V2021 => ACTIVE_ROWS_2021,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{AppealCounts, ApplicantCounts};
    use crate::{Active, Template};

    /// The row structs name their columns by their fields; those names are
    /// the schema's constants, in the schema's order.
    #[test]
    fn the_row_structs_columns_are_the_schemas() {
        let ids = |defs: &[ColumnDef]| defs.iter().map(|c| c.id).collect::<Vec<_>>();
        assert_eq!(ApplicantCounts::COLUMNS, ids(APPLICANT_COLUMNS).as_slice());
        assert_eq!(AppealCounts::COLUMNS, ids(APPEAL_COLUMNS).as_slice());
        for template in [Template::V2019, Template::V2021] {
            let table = Active::missing(template);
            let rows = table.rows();
            assert_eq!(rows.len(), active_rows(template).len());
            for ((id, row), def) in rows.iter().zip(active_rows(template)) {
                assert_eq!(*id, def.id);
                assert_eq!(row.columns(), ids(def.columns).as_slice(), "{id}");
            }
        }
        for c in column::ALL.iter().filter(|c| !c.is_none()) {
            assert_eq!(ColumnId::parse(c.as_str()), Some(*c));
        }
    }

    /// Every id is spelled once: no two constants share a spelling, and
    /// parsing a spelling gives its constant back.
    #[test]
    fn ids_are_unique_and_parse_back() {
        let rows: Vec<&str> = row::ALL
            .iter()
            .chain(field::ALL)
            .map(|r| r.as_str())
            .collect();
        let mut sorted = rows.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), rows.len());
        for r in row::ALL.iter().chain(field::ALL) {
            assert_eq!(RowId::parse(r.as_str()), Some(*r));
        }
        assert_eq!(RowId::parse("new_recieved"), None);
        assert_eq!(ColumnId::parse(""), None);
        for def in APPLICATION_ROWS {
            assert!(row::ALL.contains(&def.id));
        }
    }
}
