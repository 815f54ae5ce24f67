//! Property-testing a parser: generated reports are rendered, parsed by the
//! parser under test and compared cell by cell; the first mismatch is shrunk
//! to a minimal report.

use std::fmt;
use std::panic::{AssertUnwindSafe, catch_unwind};

use ogi_model::schema::field as meta;
use ogi_model::{Address, Cell, Report, Template};
use proptest::prelude::*;
use proptest::test_runner::{Config, RngSeed, TestCaseError, TestError, TestRunner};

use crate::generate::{consistent_report_for, report_for};
use crate::render::{Layout, RenderOptions, options, render};

/// Which reports the harness generates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Reports {
    /// [`consistent_report_for`](crate::consistent_report_for): every
    /// identity holds, sections 三 and 四 hold numbers only.
    Consistent,
    /// [`report_for`](crate::report_for): any values, every cell kind,
    /// rows cut short, tables left out (consistent ones for
    /// [`Layout::RunTogether`] and [`Layout::RowRun`]).
    #[default]
    Any,
}

/// What [`check_parser`] generates and compares.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct HarnessConfig {
    /// The layouts to render reports in (default: all).
    pub layouts: Vec<Layout>,
    /// The format versions (default: both).
    pub templates: Vec<Template>,
    /// Generated reports per layout and format version (default: 32).
    pub cases: u32,
    /// A seed for a reproducible run (default: `None`, a random one each run).
    pub seed: Option<u64>,
    /// Which reports (default: [`Reports::Any`]).
    pub reports: Reports,
    /// Render with random noise (full-width digits, half-width punctuation,
    /// spaces in labels, Traditional labels, page breaks, narratives that
    /// disagree with the tables) rather than none (default: true).
    pub noise: bool,
    /// Compare the metadata (agency, year, format, period, printed date) as
    /// well as the cells (default: true).
    pub meta: bool,
    /// The most shrinking steps (default: 8192; a report has some 200 cells,
    /// and each takes a few steps to reach 0).
    pub shrink_iters: u32,
}

impl Default for HarnessConfig {
    fn default() -> Self {
        Self {
            layouts: Layout::ALL.to_vec(),
            templates: vec![Template::V2021, Template::V2019],
            cases: 32,
            seed: None,
            reports: Reports::Any,
            noise: true,
            meta: true,
            shrink_iters: 8192,
        }
    }
}

impl HarnessConfig {
    /// The defaults.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only these layouts.
    #[must_use]
    pub fn layouts(mut self, layouts: &[Layout]) -> Self {
        self.layouts = layouts.to_vec();
        self
    }

    /// Only these format versions.
    #[must_use]
    pub fn templates(mut self, templates: &[Template]) -> Self {
        self.templates = templates.to_vec();
        self
    }

    /// Generated reports per layout and format version.
    #[must_use]
    pub const fn cases(mut self, cases: u32) -> Self {
        self.cases = cases;
        self
    }

    /// A fixed seed: the same reports on every run.
    #[must_use]
    pub const fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// Which reports.
    #[must_use]
    pub const fn reports(mut self, reports: Reports) -> Self {
        self.reports = reports;
        self
    }

    /// With or without noise.
    #[must_use]
    pub const fn noise(mut self, on: bool) -> Self {
        self.noise = on;
        self
    }

    /// The most shrinking steps.
    #[must_use]
    pub const fn shrink_iters(mut self, n: u32) -> Self {
        self.shrink_iters = n;
        self
    }

    /// Whether the metadata is compared.
    #[must_use]
    pub const fn meta(mut self, on: bool) -> Self {
        self.meta = on;
        self
    }
}

/// One difference between the generated report and what the parser read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// A cell. `None` where the report (or the parser's result) has no such
    /// table or row at all.
    Cell {
        /// The cell.
        address: Address,
        /// In the generated report.
        expected: Option<Cell>,
        /// In the parser's result.
        got: Option<Cell>,
    },
    /// A metadata field (`agency`, `year`, `template`, `period_start`,
    /// `period_end`, `published`), values in their debug form.
    Meta {
        /// The field.
        field: &'static str,
        /// In the generated report.
        expected: String,
        /// In the parser's result.
        got: String,
    },
}

impl fmt::Display for Difference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Cell {
                address,
                expected,
                got,
            } => write!(
                f,
                "{address}: expected {}, got {}",
                show(expected.as_ref()),
                show(got.as_ref())
            ),
            Self::Meta {
                field,
                expected,
                got,
            } => write!(f, "meta/{field}: expected {expected}, got {got}"),
        }
    }
}

/// A cell for people: `12`, `251000元`, `empty`, `n/a "/"`, `missing`, `unknown`.
pub(crate) fn show(cell: Option<&Cell>) -> String {
    match cell {
        None => "no such row".to_owned(),
        Some(Cell::Number(n)) => match n.unit {
            Some(u) => format!("{}{}", n.value, u.as_str()),
            None => n.value.to_string(),
        },
        Some(Cell::Empty) => "empty".to_owned(),
        Some(Cell::NotApplicable(m)) => format!("n/a \"{}\"", m.as_str()),
        Some(Cell::Missing) => "missing".to_owned(),
        Some(Cell::Unknown) => "unknown".to_owned(),
    }
}

/// The cells `got` reads as a value that `expected` does not hold there:
/// a number where the report has another number (or none), a
/// not-applicable marker where it has none. Cells read as unknown, empty or
/// missing are not counted: they may be less than the report says, but
/// they claim no value. This is the promise a reader keeps on any layout,
/// even one it cannot read whole: a number it prints is the number in the
/// report.
pub fn wrong_values(expected: &Report, got: &Report) -> Vec<Difference> {
    got.cells()
        .into_iter()
        .filter(|(address, cell)| {
            let want = expected.cell(*address);
            match cell {
                Cell::Number(n) => {
                    !matches!(want, Some(Cell::Number(m)) if m.value == n.value && m.unit == n.unit)
                }
                Cell::NotApplicable(_) => !matches!(want, Some(Cell::NotApplicable(_))),
                _ => false,
            }
        })
        .map(|(address, cell)| Difference::Cell {
            address,
            expected: expected.cell(address).copied(),
            got: Some(*cell),
        })
        .collect()
}

/// Every difference between two reports, cells in table order (those of
/// `expected`, then those only `got` has), then the metadata when `meta`.
pub fn diff(expected: &Report, got: &Report, meta: bool) -> Vec<Difference> {
    let mut out = Vec::new();
    let want = expected.cells();
    for (address, cell) in &want {
        let g = got.cell(*address);
        if g != Some(*cell) {
            out.push(Difference::Cell {
                address: *address,
                expected: Some(**cell),
                got: g.copied(),
            });
        }
    }
    for (address, cell) in got.cells() {
        if expected.cell(address).is_none() {
            out.push(Difference::Cell {
                address,
                expected: None,
                got: Some(*cell),
            });
        }
    }
    if meta {
        let (e, g) = (&expected.meta, &got.meta);
        let mut field = |name: &'static str, a: String, b: String| {
            if a != b {
                out.push(Difference::Meta {
                    field: name,
                    expected: a,
                    got: b,
                });
            }
        };
        field(
            meta::AGENCY.as_str(),
            format!("{:?}", e.agency),
            format!("{:?}", g.agency),
        );
        field(
            meta::YEAR.as_str(),
            format!("{:?}", e.year),
            format!("{:?}", g.year),
        );
        field(
            meta::TEMPLATE.as_str(),
            format!("{:?}", e.template),
            format!("{:?}", g.template),
        );
        field(
            meta::PERIOD_START.as_str(),
            format!("{:?}", e.period_start),
            format!("{:?}", g.period_start),
        );
        field(
            meta::PERIOD_END.as_str(),
            format!("{:?}", e.period_end),
            format!("{:?}", g.period_end),
        );
        field(
            meta::PUBLISHED.as_str(),
            format!("{:?}", e.published),
            format!("{:?}", g.published),
        );
    }
    out
}

/// What the parser did with the minimal failing report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// It returned an error (its debug form).
    Error(String),
    /// It panicked (the panic message).
    Panicked(String),
    /// It returned a report with these differences.
    Differs(Vec<Difference>),
    /// The run stopped without a counterexample (for instance, too many
    /// generated reports were rejected); the reason.
    Aborted(String),
}

/// The first generated report the parser got wrong, shrunk to a minimal one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// How the report was rendered (layout and noise).
    pub options: RenderOptions,
    /// Its format version.
    pub template: Template,
    /// The generated report (boxed: a report is large).
    pub expected: Box<Report>,
    /// Its rendered text, which the parser read.
    pub text: String,
    /// What the parser did.
    pub outcome: Outcome,
}

impl Failure {
    /// The differences, if the parser returned a report.
    pub fn differences(&self) -> &[Difference] {
        match &self.outcome {
            Outcome::Differs(d) => d,
            _ => &[],
        }
    }
}

/// Differences shown before the list is cut.
const SHOWN: usize = 40;

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "the parser got a generated report wrong (format {}, rendered as {}); the report is shrunk to a minimal one",
            self.template, self.options
        )?;
        match &self.outcome {
            Outcome::Error(e) => writeln!(f, "the parser returned an error: {e}")?,
            Outcome::Panicked(p) => writeln!(f, "the parser panicked: {p}")?,
            Outcome::Aborted(r) => writeln!(f, "the run was aborted: {r}")?,
            Outcome::Differs(d) => {
                writeln!(
                    f,
                    "{} differences (expected = generated, got = parsed):",
                    d.len()
                )?;
                for x in d.iter().take(SHOWN) {
                    writeln!(f, "  {x}")?;
                }
                if d.len() > SHOWN {
                    writeln!(f, "  … and {} more", d.len() - SHOWN)?;
                }
            }
        }
        writeln!(f, "--- the rendered report ---")?;
        writeln!(f, "{}", self.text.trim_end())?;
        write!(f, "--- end ---")
    }
}

impl std::error::Error for Failure {}

/// Runs `parser` on `text`, catching a panic.
fn run<E: fmt::Debug>(
    parser: &impl Fn(&str) -> Result<Report, E>,
    text: &str,
) -> Result<Report, Outcome> {
    match catch_unwind(AssertUnwindSafe(|| parser(text))) {
        Ok(Ok(r)) => Ok(r),
        Ok(Err(e)) => Err(Outcome::Error(format!("{e:?}"))),
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "(no message)".to_owned());
            Err(Outcome::Panicked(msg))
        }
    }
}

/// Property-tests a parser: for every layout and format version of
/// `config`, renders generated reports, runs `parser` on the text and
/// compares its report with the generated one cell by cell (kinds
/// included: an empty cell read as 0 is a difference). On the first
/// mismatch (an error, a panic, or a difference), proptest shrinks the
/// report and the render options to a minimal case.
///
/// A panic in `parser` is caught (the panic hook still prints it).
///
/// # Errors
/// The minimal failing case, when there is one.
pub fn check_parser<E, F>(parser: F, config: &HarnessConfig) -> Result<(), Failure>
where
    F: Fn(&str) -> Result<Report, E>,
    E: fmt::Debug,
{
    for (k, layout) in config.layouts.iter().enumerate() {
        for (j, template) in config.templates.iter().enumerate() {
            check_one(&parser, config, *layout, *template, (k * 2 + j) as u64)?;
        }
    }
    Ok(())
}

fn check_one<E, F>(
    parser: &F,
    config: &HarnessConfig,
    layout: Layout,
    template: Template,
    salt: u64,
) -> Result<(), Failure>
where
    F: Fn(&str) -> Result<Report, E>,
    E: fmt::Debug,
{
    let reports = match config.reports {
        Reports::Consistent => consistent_report_for(layout, template),
        Reports::Any => report_for(layout, template),
    };
    let opts = if config.noise {
        options(layout).boxed()
    } else {
        Just(RenderOptions::new(layout)).boxed()
    };
    let pt = Config {
        cases: config.cases,
        max_shrink_iters: config.shrink_iters,
        failure_persistence: None,
        rng_seed: config
            .seed
            .map_or(RngSeed::Random, |s| RngSeed::Fixed(s.wrapping_add(salt))),
        ..Config::default()
    };
    let mut runner = TestRunner::new(pt);
    let meta = config.meta;
    let result = runner.run(&(reports, opts), |(report, options)| {
        let text = render(&report, &options).text;
        match run(parser, &text) {
            Ok(got) if diff(&report, &got, meta).is_empty() => Ok(()),
            Ok(_) => Err(TestCaseError::fail("the parsed report differs")),
            Err(_) => Err(TestCaseError::fail("the parser failed")),
        }
    });
    match result {
        Ok(()) => Ok(()),
        Err(TestError::Fail(_, (report, options))) => {
            let text = render(&report, &options).text;
            let outcome = match run(parser, &text) {
                Ok(got) => Outcome::Differs(diff(&report, &got, meta)),
                Err(o) => o,
            };
            Err(Failure {
                options,
                template,
                expected: Box::new(report),
                text,
                outcome,
            })
        }
        Err(TestError::Abort(reason)) => Err(Failure {
            options: RenderOptions::new(layout),
            template,
            expected: Box::default(),
            text: String::new(),
            outcome: Outcome::Aborted(reason.to_string()),
        }),
    }
}

/// [`check_parser`], panicking with the minimal failing case.
///
/// # Panics
/// When the parser gets a generated report wrong.
#[track_caller]
pub fn assert_parser<E, F>(parser: F, config: &HarnessConfig)
where
    F: Fn(&str) -> Result<Report, E>,
    E: fmt::Debug,
{
    if let Err(f) = check_parser(parser, config) {
        panic!("{f}");
    }
}
