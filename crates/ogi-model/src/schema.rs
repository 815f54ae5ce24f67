//! The official layout of the tables: row and column ids with their Chinese labels.
//!
//! This is data, not parsing: the ids are those of the vocabulary
//! (`shared/spec/vocabulary.md`), the labels are the official wording of the
//! 2019 and 2021 formats (国办公开办函〔2019〕60号 and 〔2021〕30号).

/// A column: its id and its official label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColumnDef {
    /// The vocabulary id (`natural_person`).
    pub id: &'static str,
    /// The official label (`自然人`).
    pub label: &'static str,
}

/// A row of 三、收到和处理政府信息公开申请情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApplicationRowDef {
    /// The vocabulary id (`denied.state_secret`).
    pub id: &'static str,
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
    id: &'static str,
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
    app("new_received", "一、本年新收政府信息公开申请数量", None, A),
    app("carried_over", "二、上年结转政府信息公开申请数量", None, A),
    app("granted", "（一）予以公开", None, A),
    app(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        None,
        A,
    ),
    app("denied.state_secret", "1.属于国家秘密", DENIED, A),
    app(
        "denied.prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        DENIED,
        A,
    ),
    app(
        "denied.security_stability",
        "3.危及“三安全一稳定”",
        DENIED,
        A,
    ),
    app(
        "denied.third_party_rights",
        "4.保护第三方合法权益",
        DENIED,
        A,
    ),
    app(
        "denied.internal_affairs",
        "5.属于三类内部事务信息",
        DENIED,
        A,
    ),
    app(
        "denied.process_information",
        "6.属于四类过程性信息",
        DENIED,
        A,
    ),
    app("denied.enforcement_files", "7.属于行政执法案卷", DENIED, A),
    app(
        "denied.administrative_query",
        "8.属于行政查询事项",
        DENIED,
        A,
    ),
    app("unable.not_held", "1.本机关不掌握相关政府信息", UNABLE, A),
    app(
        "unable.needs_creation",
        "2.没有现成信息需要另行制作",
        UNABLE,
        A,
    ),
    app(
        "unable.still_unclear",
        "3.补正后申请内容仍不明确",
        UNABLE,
        A,
    ),
    app(
        "not_processed.complaint",
        "1.信访举报投诉类申请",
        NOT_PROCESSED,
        A,
    ),
    app("not_processed.repeated", "2.重复申请", NOT_PROCESSED, A),
    app(
        "not_processed.publication",
        "3.要求提供公开出版物",
        NOT_PROCESSED,
        A,
    ),
    app(
        "not_processed.excessive",
        "4.无正当理由大量反复申请",
        NOT_PROCESSED,
        A,
    ),
    app(
        "not_processed.confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        NOT_PROCESSED,
        A,
    ),
    app("other", "（六）其他处理", None, RowPresence::SingleOther),
    app(
        "other.no_supplement",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        OTHER,
        RowPresence::SplitOther,
    ),
    app(
        "other.fee_unpaid",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        OTHER,
        RowPresence::SplitOther,
    ),
    app("other.other", "3.其他", OTHER, RowPresence::SplitOther),
    app("total", "（七）总计", None, A),
    app("carried_forward", "四、结转下年度继续办理", None, A),
];

/// The label spanning the outcome rows （一）…（七）.
pub const OUTCOMES_GROUP_LABEL: &str = "三、本年度办理结果";

/// The footnote in the top-left header cell of the applications table.
pub const BALANCE_NOTE: &str =
    "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

/// The seven columns of the applications table (申请人情况), in order.
pub static APPLICANT_COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        id: "natural_person",
        label: "自然人",
    },
    ColumnDef {
        id: "commercial_enterprise",
        label: "商业企业",
    },
    ColumnDef {
        id: "research_institution",
        label: "科研机构",
    },
    ColumnDef {
        id: "social_welfare_organization",
        label: "社会公益组织",
    },
    ColumnDef {
        id: "legal_service_agency",
        label: "法律服务机构",
    },
    ColumnDef {
        id: "other_organization",
        label: "其他",
    },
    ColumnDef {
        id: "total",
        label: "总计",
    },
];

/// A row of 四、政府信息公开行政复议、行政诉讼情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppealRowDef {
    /// The vocabulary id (`review`).
    pub id: &'static str,
    /// The official label (`行政复议`, `行政诉讼 › 未经复议直接起诉`).
    pub label: &'static str,
}

/// The three row groups of the appeals table, in order.
pub static APPEAL_ROWS: &[AppealRowDef] = &[
    AppealRowDef {
        id: "review",
        label: "行政复议",
    },
    AppealRowDef {
        id: "litigation_direct",
        label: "未经复议直接起诉",
    },
    AppealRowDef {
        id: "litigation_after_review",
        label: "复议后起诉",
    },
];

/// The five columns of every appeals row group, in order.
pub static APPEAL_COLUMNS: &[ColumnDef] = &[
    ColumnDef {
        id: "upheld",
        label: "结果维持",
    },
    ColumnDef {
        id: "corrected",
        label: "结果纠正",
    },
    ColumnDef {
        id: "other",
        label: "其他结果",
    },
    ColumnDef {
        id: "pending",
        label: "尚未审结",
    },
    ColumnDef {
        id: "total",
        label: "总计",
    },
];

/// A row of 二、主动公开政府信息情况.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ActiveRowDef {
    /// The vocabulary id (`licensing`).
    pub id: &'static str,
    /// The official label (`行政许可`).
    pub label: &'static str,
    /// The caption of the sub-table (`第二十条第（五）项`).
    pub caption: &'static str,
    /// The columns of the row.
    pub columns: &'static [ColumnDef],
}

const fn col(id: &'static str, label: &'static str) -> ColumnDef {
    ColumnDef { id, label }
}

const DOCS_2021: &[ColumnDef] = &[
    col("issued", "本年制发件数"),
    col("repealed", "本年废止件数"),
    col("in_force", "现行有效件数"),
];
const DECISIONS_2021: &[ColumnDef] = &[col("decisions", "本年处理决定数量")];
const DOCS_2019: &[ColumnDef] = &[
    col("made", "本年新制作数量"),
    col("published", "本年新公开数量"),
    col("total_published", "对外公开总数量"),
];
const ITEMS_2019: &[ColumnDef] = &[
    col("previous_items", "上一年项目数量"),
    col("change", "本年增/减"),
    col("decisions", "处理决定数量"),
];

/// Section 二 of the 2021 format, in order.
pub static ACTIVE_ROWS_2021: &[ActiveRowDef] = &[
    ActiveRowDef {
        id: "regulations",
        label: "规章",
        caption: "第二十条第（一）项",
        columns: DOCS_2021,
    },
    ActiveRowDef {
        id: "normative_documents",
        label: "行政规范性文件",
        caption: "第二十条第（一）项",
        columns: DOCS_2021,
    },
    ActiveRowDef {
        id: "licensing",
        label: "行政许可",
        caption: "第二十条第（五）项",
        columns: DECISIONS_2021,
    },
    ActiveRowDef {
        id: "penalty",
        label: "行政处罚",
        caption: "第二十条第（六）项",
        columns: DECISIONS_2021,
    },
    ActiveRowDef {
        id: "coercion",
        label: "行政强制",
        caption: "第二十条第（六）项",
        columns: DECISIONS_2021,
    },
    ActiveRowDef {
        id: "fees",
        label: "行政事业性收费",
        caption: "第二十条第（八）项",
        columns: &[col("amount", "本年收费金额（单位：万元）")],
    },
];

/// Section 二 of the 2019 format, in order.
pub static ACTIVE_ROWS_2019: &[ActiveRowDef] = &[
    ActiveRowDef {
        id: "regulations",
        label: "规章",
        caption: "第二十条第（一）项",
        columns: DOCS_2019,
    },
    ActiveRowDef {
        id: "normative_documents",
        label: "规范性文件",
        caption: "第二十条第（一）项",
        columns: DOCS_2019,
    },
    ActiveRowDef {
        id: "licensing",
        label: "行政许可",
        caption: "第二十条第（五）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: "other_services",
        label: "其他对外管理服务事项",
        caption: "第二十条第（五）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: "penalty",
        label: "行政处罚",
        caption: "第二十条第（六）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: "coercion",
        label: "行政强制",
        caption: "第二十条第（六）项",
        columns: ITEMS_2019,
    },
    ActiveRowDef {
        id: "fees",
        label: "行政事业性收费",
        caption: "第二十条第（八）项",
        columns: &[
            col("previous_items", "上一年项目数量"),
            col("change", "本年增/减"),
        ],
    },
    ActiveRowDef {
        id: "procurement",
        label: "政府集中采购",
        caption: "第二十条第（九）项",
        columns: &[col("projects", "采购项目数量"), col("amount", "采购总金额")],
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
