//! The three numeric tables of a report.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::Cell;
use crate::schema::{ColumnId, RowId, column, row};

/// A table row: a fixed set of named cells.
pub trait CellRow {
    /// The column ids of the row, in table order.
    fn columns(&self) -> &'static [ColumnId];
    /// The cell of a column.
    fn get(&self, column: ColumnId) -> Option<&Cell>;
    /// The cell of a column, mutably.
    fn get_mut(&mut self, column: ColumnId) -> Option<&mut Cell>;
}

macro_rules! cell_row {
    (
        $(#[$meta:meta])*
        pub struct $name:ident { $( $(#[$fmeta:meta])* $field:ident ),* $(,)? }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $( $(#[$fmeta])* pub $field: Cell, )*
        }

        impl $name {
            /// The column ids, in table order.
            pub const COLUMNS: &'static [ColumnId] =
                &[$(ColumnId::of_field(stringify!($field))),*];

            /// A row whose every cell is `cell`.
            pub const fn filled(cell: Cell) -> Self {
                Self { $($field: cell,)* }
            }

            /// The cells with their column ids, in table order.
            pub fn iter(&self) -> impl Iterator<Item = (ColumnId, &Cell)> + '_ {
                [$((ColumnId::of_field(stringify!($field)), &self.$field)),*].into_iter()
            }
        }

        impl CellRow for $name {
            fn columns(&self) -> &'static [ColumnId] {
                Self::COLUMNS
            }
            fn get(&self, column: ColumnId) -> Option<&Cell> {
                match column.as_str() {
                    $(stringify!($field) => Some(&self.$field),)*
                    _ => None,
                }
            }
            fn get_mut(&mut self, column: ColumnId) -> Option<&mut Cell> {
                match column.as_str() {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    };
}

cell_row! {
    /// One row of 三、收到和处理政府信息公开申请情况: the count for each applicant
    /// type (申请人情况) and their 总计.
    pub struct ApplicantCounts {
        /// 自然人
        natural_person,
        /// 法人或其他组织 › 商业企业
        commercial_enterprise,
        /// 法人或其他组织 › 科研机构
        research_institution,
        /// 法人或其他组织 › 社会公益组织
        social_welfare_organization,
        /// 法人或其他组织 › 法律服务机构
        legal_service_agency,
        /// 法人或其他组织 › 其他
        other_organization,
        /// 总计
        total,
    }
}

impl ApplicantCounts {
    /// The six applicant columns whose sum is 总计.
    pub const APPLICANTS: &'static [ColumnId] = &[
        column::NATURAL_PERSON,
        column::COMMERCIAL_ENTERPRISE,
        column::RESEARCH_INSTITUTION,
        column::SOCIAL_WELFARE_ORGANIZATION,
        column::LEGAL_SERVICE_AGENCY,
        column::OTHER_ORGANIZATION,
    ];
}

cell_row! {
    /// One row group of 四、政府信息公开行政复议、行政诉讼情况
    /// (行政复议, 未经复议直接起诉 or 复议后起诉).
    pub struct AppealCounts {
        /// 结果维持
        upheld,
        /// 结果纠正
        corrected,
        /// 其他结果
        other,
        /// 尚未审结
        pending,
        /// 总计
        total,
    }
}

cell_row! {
    /// 规章 / 行政规范性文件 in the 2021 format: 本年制发件数, 本年废止件数, 现行有效件数.
    pub struct DocumentCounts {
        /// 本年制发件数
        issued,
        /// 本年废止件数
        repealed,
        /// 现行有效件数
        in_force,
    }
}

cell_row! {
    /// 行政许可 / 行政处罚 / 行政强制 in the 2021 format: 本年处理决定数量.
    pub struct Decisions {
        /// 本年处理决定数量
        decisions,
    }
}

cell_row! {
    /// 行政事业性收费 in the 2021 format: 本年收费金额（单位：万元）.
    pub struct FeeAmount {
        /// 本年收费金额, in 万元 (a decimal)
        amount,
    }
}

cell_row! {
    /// 规章 / 规范性文件 in the 2019 format: 本年新制作数量, 本年新公开数量, 对外公开总数量.
    pub struct DocumentCounts2019 {
        /// 本年新制作数量
        made,
        /// 本年新公开数量
        published,
        /// 对外公开总数量
        total_published,
    }
}

cell_row! {
    /// 行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制 in the 2019 format:
    /// 上一年项目数量, 本年增/减, 处理决定数量.
    pub struct ItemCounts {
        /// 上一年项目数量
        previous_items,
        /// 本年增/减 (signed)
        change,
        /// 处理决定数量
        decisions,
    }
}

cell_row! {
    /// 行政事业性收费 in the 2019 format: 上一年项目数量, 本年增/减.
    pub struct FeeItems {
        /// 上一年项目数量
        previous_items,
        /// 本年增/减 (signed)
        change,
    }
}

cell_row! {
    /// 政府集中采购 in the 2019 format: 采购项目数量, 采购总金额.
    pub struct Procurement {
        /// 采购项目数量
        projects,
        /// 采购总金额 (a decimal; unit as written)
        amount,
    }
}

/// 二、主动公开政府信息情况 (section 二), in one of the two format versions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Active {
    /// The 2021 format (2021 reports onward).
    V2021(Active2021),
    /// The 2019 format (2019 and 2020 reports).
    V2019(Active2019),
}

/// Section 二 in the 2021 format.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Active2021 {
    /// 第二十条第（一）项 › 规章
    pub regulations: DocumentCounts,
    /// 第二十条第（一）项 › 行政规范性文件
    pub normative_documents: DocumentCounts,
    /// 第二十条第（五）项 › 行政许可
    pub licensing: Decisions,
    /// 第二十条第（六）项 › 行政处罚
    pub penalty: Decisions,
    /// 第二十条第（六）项 › 行政强制
    pub coercion: Decisions,
    /// 第二十条第（八）项 › 行政事业性收费
    pub fees: FeeAmount,
}

/// Section 二 in the 2019 format.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Active2019 {
    /// 第二十条第（一）项 › 规章
    pub regulations: DocumentCounts2019,
    /// 第二十条第（一）项 › 规范性文件
    pub normative_documents: DocumentCounts2019,
    /// 第二十条第（五）项 › 行政许可
    pub licensing: ItemCounts,
    /// 第二十条第（五）项 › 其他对外管理服务事项
    pub other_services: ItemCounts,
    /// 第二十条第（六）项 › 行政处罚
    pub penalty: ItemCounts,
    /// 第二十条第（六）项 › 行政强制
    pub coercion: ItemCounts,
    /// 第二十条第（八）项 › 行政事业性收费
    pub fees: FeeItems,
    /// 第二十条第（九）项 › 政府集中采购
    pub procurement: Procurement,
}

impl Active {
    /// The rows with their ids, in table order.
    pub fn rows(&self) -> Vec<(RowId, &dyn CellRow)> {
        match self {
            Self::V2021(a) => vec![
                (row::REGULATIONS, &a.regulations),
                (row::NORMATIVE_DOCUMENTS, &a.normative_documents),
                (row::LICENSING, &a.licensing),
                (row::PENALTY, &a.penalty),
                (row::COERCION, &a.coercion),
                (row::FEES, &a.fees),
            ],
            Self::V2019(a) => vec![
                (row::REGULATIONS, &a.regulations),
                (row::NORMATIVE_DOCUMENTS, &a.normative_documents),
                (row::LICENSING, &a.licensing),
                (row::OTHER_SERVICES, &a.other_services),
                (row::PENALTY, &a.penalty),
                (row::COERCION, &a.coercion),
                (row::FEES, &a.fees),
                (row::PROCUREMENT, &a.procurement),
            ],
        }
    }

    /// One row by id.
    pub fn row(&self, id: RowId) -> Option<&dyn CellRow> {
        self.rows()
            .into_iter()
            .find(|(r, _)| *r == id)
            .map(|(_, r)| r)
    }

    /// One row by id, mutably.
    pub fn row_mut(&mut self, id: RowId) -> Option<&mut dyn CellRow> {
        match self {
            Self::V2021(a) => match id {
                row::REGULATIONS => Some(&mut a.regulations),
                row::NORMATIVE_DOCUMENTS => Some(&mut a.normative_documents),
                row::LICENSING => Some(&mut a.licensing),
                row::PENALTY => Some(&mut a.penalty),
                row::COERCION => Some(&mut a.coercion),
                row::FEES => Some(&mut a.fees),
                _ => None,
            },
            Self::V2019(a) => match id {
                row::REGULATIONS => Some(&mut a.regulations),
                row::NORMATIVE_DOCUMENTS => Some(&mut a.normative_documents),
                row::LICENSING => Some(&mut a.licensing),
                row::OTHER_SERVICES => Some(&mut a.other_services),
                row::PENALTY => Some(&mut a.penalty),
                row::COERCION => Some(&mut a.coercion),
                row::FEES => Some(&mut a.fees),
                row::PROCUREMENT => Some(&mut a.procurement),
                _ => None,
            },
        }
    }

    /// The format version the table follows.
    pub const fn template(&self) -> crate::Template {
        match self {
            Self::V2019(_) => crate::Template::V2019,
            Self::V2021(_) => crate::Template::V2021,
        }
    }

    /// A table of the given version with every cell `Missing`.
    pub fn missing(template: crate::Template) -> Self {
        match template {
            crate::Template::V2019 => Self::V2019(Active2019::default()),
            crate::Template::V2021 => Self::V2021(Active2021::default()),
        }
    }
}

/// （三）不予公开: the eight reasons for denial.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Denied {
    /// 1.属于国家秘密
    pub state_secret: ApplicantCounts,
    /// 2.其他法律行政法规禁止公开
    pub prohibited_by_law: ApplicantCounts,
    /// 3.危及“三安全一稳定”
    pub security_stability: ApplicantCounts,
    /// 4.保护第三方合法权益
    pub third_party_rights: ApplicantCounts,
    /// 5.属于三类内部事务信息
    pub internal_affairs: ApplicantCounts,
    /// 6.属于四类过程性信息
    pub process_information: ApplicantCounts,
    /// 7.属于行政执法案卷
    pub enforcement_files: ApplicantCounts,
    /// 8.属于行政查询事项
    pub administrative_query: ApplicantCounts,
}

/// （四）无法提供: the three reasons information could not be provided.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct Unable {
    /// 1.本机关不掌握相关政府信息
    pub not_held: ApplicantCounts,
    /// 2.没有现成信息需要另行制作
    pub needs_creation: ApplicantCounts,
    /// 3.补正后申请内容仍不明确
    pub still_unclear: ApplicantCounts,
}

/// （五）不予处理: the five reasons an application was not processed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct NotProcessed {
    /// 1.信访举报投诉类申请
    pub complaint: ApplicantCounts,
    /// 2.重复申请
    pub repeated: ApplicantCounts,
    /// 3.要求提供公开出版物
    pub publication: ApplicantCounts,
    /// 4.无正当理由大量反复申请
    pub excessive: ApplicantCounts,
    /// 5.要求行政机关确认或重新出具已获取信息
    pub confirmation: ApplicantCounts,
}

/// How （六）其他处理 is laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum OtherStyle {
    /// One row with its own values (the 2019 format, and some 2021-era reports).
    #[serde(rename = "single")]
    Single,
    /// Three sub-rows 1./2./3. (the 2021 format).
    #[serde(rename = "split")]
    Split,
}

/// （六）其他处理.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum OtherProcessing {
    /// One row (`other`).
    Single(ApplicantCounts),
    /// Three sub-rows.
    Split {
        /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请
        no_supplement: ApplicantCounts,
        /// 2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请
        fee_unpaid: ApplicantCounts,
        /// 3.其他
        other: ApplicantCounts,
    },
}

impl OtherProcessing {
    /// The layout.
    pub const fn style(&self) -> OtherStyle {
        match self {
            Self::Single(_) => OtherStyle::Single,
            Self::Split { .. } => OtherStyle::Split,
        }
    }

    /// A layout with every cell `Missing`.
    pub fn missing(style: OtherStyle) -> Self {
        match style {
            OtherStyle::Single => Self::Single(ApplicantCounts::default()),
            OtherStyle::Split => Self::Split {
                no_supplement: ApplicantCounts::default(),
                fee_unpaid: ApplicantCounts::default(),
                other: ApplicantCounts::default(),
            },
        }
    }
}

/// The row of [`Applications`] with an id, shared or mutable (`mut`): one
/// match, no allocation (the checker looks rows up for every operand).
macro_rules! row_by_id {
    ($self:ident, $id:ident $(, $m:tt)?) => {{
        let d = &$($m)? $self.denied;
        let u = &$($m)? $self.unable;
        let n = &$($m)? $self.not_processed;
        Some(match ($id, &$($m)? $self.other) {
            (row::NEW_RECEIVED, _) => &$($m)? $self.new_received,
            (row::CARRIED_OVER, _) => &$($m)? $self.carried_over,
            (row::GRANTED, _) => &$($m)? $self.granted,
            (row::PARTIALLY_GRANTED, _) => &$($m)? $self.partially_granted,
            (row::DENIED_STATE_SECRET, _) => &$($m)? d.state_secret,
            (row::DENIED_PROHIBITED_BY_LAW, _) => &$($m)? d.prohibited_by_law,
            (row::DENIED_SECURITY_STABILITY, _) => &$($m)? d.security_stability,
            (row::DENIED_THIRD_PARTY_RIGHTS, _) => &$($m)? d.third_party_rights,
            (row::DENIED_INTERNAL_AFFAIRS, _) => &$($m)? d.internal_affairs,
            (row::DENIED_PROCESS_INFORMATION, _) => &$($m)? d.process_information,
            (row::DENIED_ENFORCEMENT_FILES, _) => &$($m)? d.enforcement_files,
            (row::DENIED_ADMINISTRATIVE_QUERY, _) => &$($m)? d.administrative_query,
            (row::UNABLE_NOT_HELD, _) => &$($m)? u.not_held,
            (row::UNABLE_NEEDS_CREATION, _) => &$($m)? u.needs_creation,
            (row::UNABLE_STILL_UNCLEAR, _) => &$($m)? u.still_unclear,
            (row::NOT_PROCESSED_COMPLAINT, _) => &$($m)? n.complaint,
            (row::NOT_PROCESSED_REPEATED, _) => &$($m)? n.repeated,
            (row::NOT_PROCESSED_PUBLICATION, _) => &$($m)? n.publication,
            (row::NOT_PROCESSED_EXCESSIVE, _) => &$($m)? n.excessive,
            (row::NOT_PROCESSED_CONFIRMATION, _) => &$($m)? n.confirmation,
            (row::OTHER, OtherProcessing::Single(r)) => r,
            (row::OTHER_NO_SUPPLEMENT, OtherProcessing::Split { no_supplement, .. }) => no_supplement,
            (row::OTHER_FEE_UNPAID, OtherProcessing::Split { fee_unpaid, .. }) => fee_unpaid,
            (row::OTHER_OTHER, OtherProcessing::Split { other, .. }) => other,
            (row::TOTAL, _) => &$($m)? $self.total,
            (row::CARRIED_FORWARD, _) => &$($m)? $self.carried_forward,
            _ => return None,
        })
    }};
}

/// 三、收到和处理政府信息公开申请情况 (section 三): 7 applicant columns × 23
/// rows (2019, single （六）) or 25 rows (2021, （六） split in three).
///
/// Its JSON form is an object from row id (`denied.state_secret`) to row.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Applications {
    /// 一、本年新收政府信息公开申请数量
    pub new_received: ApplicantCounts,
    /// 二、上年结转政府信息公开申请数量
    pub carried_over: ApplicantCounts,
    /// 三、本年度办理结果 › （一）予以公开
    pub granted: ApplicantCounts,
    /// 三、本年度办理结果 › （二）部分公开（区分处理的，只计这一情形，不计其他情形）
    pub partially_granted: ApplicantCounts,
    /// 三、本年度办理结果 › （三）不予公开
    pub denied: Denied,
    /// 三、本年度办理结果 › （四）无法提供
    pub unable: Unable,
    /// 三、本年度办理结果 › （五）不予处理
    pub not_processed: NotProcessed,
    /// 三、本年度办理结果 › （六）其他处理
    pub other: OtherProcessing,
    /// 三、本年度办理结果 › （七）总计
    pub total: ApplicantCounts,
    /// 四、结转下年度继续办理
    pub carried_forward: ApplicantCounts,
}

impl Applications {
    /// A table with every cell `Missing`.
    pub fn missing(style: OtherStyle) -> Self {
        Self {
            new_received: ApplicantCounts::default(),
            carried_over: ApplicantCounts::default(),
            granted: ApplicantCounts::default(),
            partially_granted: ApplicantCounts::default(),
            denied: Denied::default(),
            unable: Unable::default(),
            not_processed: NotProcessed::default(),
            other: OtherProcessing::missing(style),
            total: ApplicantCounts::default(),
            carried_forward: ApplicantCounts::default(),
        }
    }

    /// The rows with their ids, in table order.
    pub fn rows(&self) -> Vec<(RowId, &ApplicantCounts)> {
        let mut v = vec![
            (row::NEW_RECEIVED, &self.new_received),
            (row::CARRIED_OVER, &self.carried_over),
            (row::GRANTED, &self.granted),
            (row::PARTIALLY_GRANTED, &self.partially_granted),
        ];
        v.extend(self.outcome_rows().into_iter().skip(2));
        v.push((row::TOTAL, &self.total));
        v.push((row::CARRIED_FORWARD, &self.carried_forward));
        v
    }

    /// The outcome rows whose sum is （七）总计: （一）…（六）, leaves only.
    pub fn outcome_rows(&self) -> Vec<(RowId, &ApplicantCounts)> {
        let d = &self.denied;
        let u = &self.unable;
        let n = &self.not_processed;
        let mut v = vec![
            (row::GRANTED, &self.granted),
            (row::PARTIALLY_GRANTED, &self.partially_granted),
            (row::DENIED_STATE_SECRET, &d.state_secret),
            (row::DENIED_PROHIBITED_BY_LAW, &d.prohibited_by_law),
            (row::DENIED_SECURITY_STABILITY, &d.security_stability),
            (row::DENIED_THIRD_PARTY_RIGHTS, &d.third_party_rights),
            (row::DENIED_INTERNAL_AFFAIRS, &d.internal_affairs),
            (row::DENIED_PROCESS_INFORMATION, &d.process_information),
            (row::DENIED_ENFORCEMENT_FILES, &d.enforcement_files),
            (row::DENIED_ADMINISTRATIVE_QUERY, &d.administrative_query),
            (row::UNABLE_NOT_HELD, &u.not_held),
            (row::UNABLE_NEEDS_CREATION, &u.needs_creation),
            (row::UNABLE_STILL_UNCLEAR, &u.still_unclear),
            (row::NOT_PROCESSED_COMPLAINT, &n.complaint),
            (row::NOT_PROCESSED_REPEATED, &n.repeated),
            (row::NOT_PROCESSED_PUBLICATION, &n.publication),
            (row::NOT_PROCESSED_EXCESSIVE, &n.excessive),
            (row::NOT_PROCESSED_CONFIRMATION, &n.confirmation),
        ];
        match &self.other {
            OtherProcessing::Single(r) => v.push((row::OTHER, r)),
            OtherProcessing::Split {
                no_supplement,
                fee_unpaid,
                other,
            } => {
                v.push((row::OTHER_NO_SUPPLEMENT, no_supplement));
                v.push((row::OTHER_FEE_UNPAID, fee_unpaid));
                v.push((row::OTHER_OTHER, other));
            }
        }
        v
    }

    /// One row by id.
    pub fn row(&self, id: RowId) -> Option<&ApplicantCounts> {
        row_by_id!(self, id)
    }

    /// One row by id, mutably.
    pub fn row_mut(&mut self, id: RowId) -> Option<&mut ApplicantCounts> {
        row_by_id!(self, id, mut)
    }
}

impl Serialize for Applications {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let rows = self.rows();
        let mut m = s.serialize_map(Some(rows.len()))?;
        for (id, row) in rows {
            m.serialize_entry(id.as_str(), row)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Applications {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Applications;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object from application row id to row")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Applications, A::Error> {
                let mut rows: BTreeMap<String, ApplicantCounts> = BTreeMap::new();
                while let Some((k, v)) = map.next_entry::<String, ApplicantCounts>()? {
                    if rows.insert(k.clone(), v).is_some() {
                        return Err(de::Error::custom(format_args!("duplicate row `{k}`")));
                    }
                }
                let style = if rows.contains_key(row::OTHER.as_str()) {
                    OtherStyle::Single
                } else {
                    OtherStyle::Split
                };
                let mut table = Applications::missing(style);
                let ids: Vec<RowId> = table.rows().iter().map(|(id, _)| *id).collect();
                for id in ids {
                    let row = rows
                        .remove(id.as_str())
                        .ok_or_else(|| de::Error::custom(format_args!("missing row `{id}`")))?;
                    if let Some(slot) = table.row_mut(id) {
                        *slot = row;
                    }
                }
                if let Some(extra) = rows.keys().next() {
                    return Err(de::Error::custom(format_args!("unknown row `{extra}`")));
                }
                Ok(table)
            }
        }
        d.deserialize_map(V)
    }
}

/// 四、政府信息公开行政复议、行政诉讼情况 (section 四): three row groups of five.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Appeals {
    /// 行政复议
    pub review: AppealCounts,
    /// 行政诉讼 › 未经复议直接起诉
    pub litigation_direct: AppealCounts,
    /// 行政诉讼 › 复议后起诉
    pub litigation_after_review: AppealCounts,
}

impl Appeals {
    /// The rows with their ids, in table order.
    pub fn rows(&self) -> [(RowId, &AppealCounts); 3] {
        [
            (row::REVIEW, &self.review),
            (row::LITIGATION_DIRECT, &self.litigation_direct),
            (row::LITIGATION_AFTER_REVIEW, &self.litigation_after_review),
        ]
    }

    /// One row by id, mutably.
    pub fn row_mut(&mut self, id: RowId) -> Option<&mut AppealCounts> {
        match id {
            row::REVIEW => Some(&mut self.review),
            row::LITIGATION_DIRECT => Some(&mut self.litigation_direct),
            row::LITIGATION_AFTER_REVIEW => Some(&mut self.litigation_after_review),
            _ => None,
        }
    }
}
