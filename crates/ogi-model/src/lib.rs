//! The typed model of a 政府信息公开工作年度报告 (annual report on open government
//! information): its metadata, its three numeric tables, and the kinds of value
//! a cell can hold.
//!
//! This crate knows nothing about text: [`ogi-parse`] fills it from a report,
//! `ogi-check` checks it. Its serde form *is* the JSON contract; the keys are
//! those of the project vocabulary.
//!
//! ```
//! use ogi_model::{Address, Cell, Report};
//!
//! let json = r#"{"meta":{"agency":"某局","year":2021,"template":"2021",
//!   "period_start":null,"period_end":null,"published":null},
//!   "active":null,"applications":null,"appeals":null}"#;
//! let report: Report = serde_json::from_str(json).unwrap();
//! assert_eq!(report.meta.year, Some(2021));
//! let address: Address = "applications/granted/natural_person".parse().unwrap();
//! assert_eq!(report.cell(address), None); // the report has no applications table
//! assert_eq!(Cell::default(), Cell::Missing); // nothing defaults to zero
//! ```
//!
//! # Glossary
//!
//! | Chinese | identifier |
//! |---|---|
//! | 政府信息公开工作年度报告 | [`Report`] |
//! | 二、主动公开政府信息情况 | [`Active`] (`active`), [`Active2019`], [`Active2021`] |
//! | 第二十条第（一）项 规章 / （行政）规范性文件 | `regulations`, `normative_documents` |
//! | 本年制发件数 / 本年废止件数 / 现行有效件数 | `issued`, `repealed`, `in_force` ([`DocumentCounts`]) |
//! | 本年新制作数量 / 本年新公开数量 / 对外公开总数量 | `made`, `published`, `total_published` ([`DocumentCounts2019`]) |
//! | 行政许可 / 其他对外管理服务事项 / 行政处罚 / 行政强制 | `licensing`, `other_services`, `penalty`, `coercion` |
//! | 上一年项目数量 / 本年增/减 / （本年）处理决定数量 | `previous_items`, `change`, `decisions` |
//! | 行政事业性收费 / 本年收费金额（万元） | `fees`, `amount` ([`FeeAmount`]) |
//! | 政府集中采购 / 采购项目数量 / 采购总金额 | `procurement`, `projects`, `amount` ([`Procurement`]) |
//! | 三、收到和处理政府信息公开申请情况 | [`Applications`] (`applications`) |
//! | 申请人情况: 自然人, 法人或其他组织 (商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他), 总计 | [`ApplicantCounts`] |
//! | 一、本年新收 / 二、上年结转 / 四、结转下年度继续办理 | `new_received`, `carried_over`, `carried_forward` |
//! | 三、本年度办理结果 （一）予以公开 （二）部分公开 | `granted`, `partially_granted` |
//! | （三）不予公开 / （四）无法提供 / （五）不予处理 | [`Denied`], [`Unable`], [`NotProcessed`] |
//! | （六）其他处理 | [`OtherProcessing`] (single row in 2019, three rows in 2021) |
//! | （七）总计 | `total` |
//! | 四、政府信息公开行政复议、行政诉讼情况 | [`Appeals`] (`appeals`) |
//! | 行政复议 / 未经复议直接起诉 / 复议后起诉 | `review`, `litigation_direct`, `litigation_after_review` |
//! | 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计 | `upheld`, `corrected`, `other`, `pending`, `total` ([`AppealCounts`]) |
//! | 统计期限 | `period_start`, `period_end` ([`Meta`]) |
//! | 格式（试行）〔2019〕60号 / 格式〔2021〕30号 | [`Template::V2019`], [`Template::V2021`] |
//!
//! The identifiers of rows and columns are typed: [`RowId`] and [`ColumnId`]
//! constants in [`schema::row`], [`schema::column`](mod@schema::column) and [`schema::field`]
//! (`row::NEW_RECEIVED`, `column::NATURAL_PERSON`), spelled once in
//! `schema.rs`; an [`Address`] is built from them, so a misspelt row does not
//! compile. Text becomes an id only at the edges ([`Address::from_str`](std::str::FromStr),
//! [`RowId::parse`], the serde forms).
//!
//! # Cells
//!
//! A [`Cell`] is a number (a count, a signed 本年增/减 change, or money with an
//! optional unit), or empty, not applicable (`/`, `-`, `—`, `_`, `无`),
//! missing (the source row is short), or unknown (there is text but no single
//! reading). Only numbers take part in arithmetic.
//!
//! [`ogi-parse`]: https://docs.rs/ogi-parse

#![forbid(unsafe_code)]
// Unit tests may unwrap, expect, panic, index and slice (the workspace's
// no-panic lints are for code that reads input).
#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        clippy::string_slice
    )
)]

mod report;
pub mod schema;
mod span;
mod tables;
mod value;

pub use report::{Address, AddressError, Meta, Report, Table, Template};
pub use schema::{ColumnId, RowId};
pub use span::Span;
pub use tables::{
    Active, Active2019, Active2021, AppealCounts, Appeals, ApplicantCounts, Applications, CellRow,
    Decisions, Denied, DocumentCounts, DocumentCounts2019, FeeAmount, FeeItems, ItemCounts,
    NotProcessed, OtherProcessing, OtherStyle, Procurement, Unable,
};
pub use value::{Cell, CellKind, Decimal, DecimalError, MAX_SCALE, NaMarker, Number, Unit};
