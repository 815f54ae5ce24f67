//! `ogi` reads, checks and exports 政府信息公开工作年度报告 (annual reports on open
//! government information). This facade re-exports the workspace crates:
//!
//! - [`model`]: the typed model, cell kinds, addresses;
//! - [`parse`]: text to model, with a source map and diagnostics;
//! - [`check`]: the consistency checker.
//!
//! ```
//! let text = include_str!("../examples/data/laizhou-2020.txt");
//! let parsed = ogi::parse::parse(text).unwrap();
//! assert_eq!(parsed.report.meta.year, Some(2020));
//! ```

#![forbid(unsafe_code)]

pub use ogi_check as check;
pub use ogi_model as model;
pub use ogi_parse as parse;

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
