//! Generated 政府信息公开工作年度报告 for tests: proptest strategies for
//! whole reports, a renderer that writes them in every layout of the real
//! corpus, and a harness that property-tests any parser against them.
//!
//! ```
//! use ogi_model::Template;
//! use ogi_testkit::{HarnessConfig, Layout, check_parser};
//!
//! // A parser that reads nothing: the harness finds a report it gets wrong
//! // and shrinks it to a minimal one.
//! let failure = check_parser(
//!     |_text: &str| Ok::<_, String>(ogi_model::Report::default()),
//!     &HarnessConfig::new()
//!         .layouts(&[Layout::Tab])
//!         .templates(&[Template::V2021])
//!         .cases(4)
//!         .seed(7),
//! )
//! .unwrap_err();
//! assert!(!failure.differences().is_empty());
//! assert!(failure.text.contains("三、收到和处理政府信息公开申请情况"));
//! ```
//!
//! # Parts
//!
//! 1. Generators ([`consistent_report`], [`report`], [`mutated`], and the
//!    `_for` variants restricted to what a layout can carry): functions
//!    returning proptest strategies, since the orphan rule forbids
//!    `impl Arbitrary` for the model's types. They shrink to small,
//!    readable reports (zeros).
//! 2. The renderer ([`render`]): a [`Report`](ogi_model::Report) becomes
//!    the text of a whole report in a [`Layout`] (tab-separated, pipe,
//!    Markdown, `pdftotext -layout`, one cell per line, cells run together
//!    with their labels or each row's digits in one run, an HTML page),
//!    with the noise of real copies and the shapes converters give a
//!    report ([`RenderOptions`]: renumbered or caption headings
//!    ([`Headings`]), abbreviated row labels, header cells of digits, section
//!    四 in rows, columns or one per line ([`AppealsShape`])). The result
//!    keeps where each cell and each count of the narrative was written
//!    ([`Rendered`]). [`Layout::carries`] says what a layout's text can hold.
//! 3. The harness ([`check_parser`], [`assert_parser`]): renders generated
//!    reports, runs the parser under test, and reports the first mismatch
//!    cell by cell, shrunk ([`Failure`]). [`wrong_values`] keeps the promise
//!    a reader must keep on any layout, even one it cannot read whole: the
//!    cells read as a value the report does not hold there.
//! 5. Test configuration ([`proptest_config`]): a fixed seed by default,
//!    `OGI_PROPTEST_CASES` and `OGI_PROPTEST_SEED=random|<u64>` to widen a
//!    run.
//! 4. The identities of the format ([`identities()`]), independent of
//!    `ogi-check`, which the generators satisfy and [`Mutation::rules`]
//!    derives from.
//!
//! This crate depends on the model only (not on `ogi-parse` or `ogi-check`),
//! so that both can use it in their tests.
//!
//! # Using it from a test
//!
//! ```
//! use ogi_model::Template;
//! use ogi_testkit::{Layout, RenderOptions, consistent_report_for, render};
//! use proptest::prelude::*;
//! use proptest::test_runner::TestRunner;
//!
//! let mut runner = TestRunner::deterministic();
//! let strategy = consistent_report_for(Layout::Html, Template::V2019);
//! runner
//!     .run(&strategy, |report| {
//!         let rendered = render(&report, &RenderOptions::new(Layout::Html));
//!         for (address, range) in &rendered.cells {
//!             prop_assert!(rendered.text.get(range.clone()).is_some(), "{address}");
//!         }
//!         Ok(())
//!     })
//!     .unwrap();
//! ```

// A test-support crate: its generators and renderers index values they made
// themselves, and a panic in them is a failing test (the workspace's no-panic
// lints are for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]
#![forbid(unsafe_code)]

mod config;
pub mod fixtures;
mod generate;
mod harness;
pub mod identities;
mod render;

pub use config::{DEFAULT_SEED, proptest_config, seed_from_env};
pub use generate::{
    Mutation, MutationKind, consistent_report, consistent_report_for, mutated, report, report_for,
    template,
};
pub use harness::{
    Difference, Failure, HarnessConfig, Outcome, Reports, assert_parser, check_parser, diff,
    wrong_values,
};
pub use identities::{Identity, identities};
pub use render::{
    AppealsShape, Headings, Layout, Narrative, RenderOptions, Rendered, Statement, Unsupported,
    options, render,
};

/// The proptest these strategies are built with, so that a test can use
/// them (and the `proptest!` macro) with no version to keep in step.
pub use proptest;
