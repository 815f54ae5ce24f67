//! `ogi check`: a batch of reports read and checked in parallel, the results
//! streamed in path order as rustc-style text, JSON Lines, long-format CSV or
//! one HTML review page, with a per-report summary CSV and a closing summary.
//!
//! - `inputs` turns the arguments into the list of files (directories walked).
//! - `ordered` runs the work on a rayon pool and hands results back in order,
//!   holding a bounded number of them.
//! - `report` turns one file's outcome into the bytes of the chosen format
//!   and a [`Tally`] of its findings.
//! - `summary` keeps the batch's counts: the summary CSV and the closing lines.
//! - `review` writes the HTML review page.

use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::sync::{Mutex, PoisonError};
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};
use ogi_check::{Checker, Diagnostic, Lang, RenderStyle};
use ogi_parse::Parsed;

use crate::input::{FileError, read_report};

mod inputs;
mod ordered;
mod outcome;
#[cfg(feature = "parquet")]
mod parquet;
mod report;
mod review;
mod summary;

use inputs::Item;
use outcome::{Done, Outcome};
use summary::Batch;

/// Output format of `ogi check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Format {
    /// rustc-style diagnostics with the report's own lines.
    Human,
    /// One JSON object per file: file, meta, diagnostics (JSON Lines).
    Json,
    /// One JSON object per file: file, meta, every cell, diagnostics.
    Jsonl,
    /// The long cell format with a leading `file` column.
    Csv,
    /// One self-contained HTML review page for the whole batch.
    Html,
    /// The long cell format with a leading `file` column, as a Parquet file
    /// (needs `--output`).
    #[cfg(feature = "parquet")]
    Parquet,
}

impl Format {
    /// Whether the workers hand the cells over as records (for a writer of
    /// the batch) rather than as bytes.
    pub(crate) const fn cells_as_records(self) -> bool {
        #[cfg(feature = "parquet")]
        if matches!(self, Self::Parquet) {
            return true;
        }
        false
    }
}

/// Language of messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum LangArg {
    /// Chinese (default).
    Zh,
    /// English.
    En,
}

/// Order of the results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Sort {
    /// The order of the arguments; a directory's files by path.
    Path,
    /// As they are finished (no reordering).
    None,
}

/// The options of `ogi check`.
#[derive(clap::Args, Debug)]
pub(crate) struct Options {
    /// Reports or directories of reports (`-` for standard input).
    #[arg(required = true, value_name = "PATH")]
    pub(crate) paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "human")]
    pub(crate) format: Format,
    /// Language of the messages.
    #[arg(long, value_enum, default_value = "zh")]
    pub(crate) lang: LangArg,
    /// Also check the reports as a series (same agency, consecutive years).
    /// Keeps every report in memory until the end.
    #[arg(long)]
    pub(crate) series: bool,
    /// Files read at once (default: one per core).
    #[arg(long, short = 'j', value_name = "N")]
    pub(crate) jobs: Option<NonZeroUsize>,
    /// Order of the results: by path (the order of the arguments, a
    /// directory's files sorted), or as they are finished.
    #[arg(long, value_enum, default_value = "path")]
    pub(crate) sort: Sort,
    /// Write the output to this file instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
    /// Also write one CSV row per report (agency, year, template, finding
    /// counts per severity and per rule) to this file.
    #[arg(long, value_name = "FILE")]
    pub(crate) summary: Option<PathBuf>,
    /// No progress bar and no closing summary on standard error.
    #[arg(long, short = 'q')]
    pub(crate) quiet: bool,
    /// Turn a rule off (repeatable), e.g. `--disable dates.deadline`.
    #[arg(long, value_name = "RULE", value_parser = crate::rules::parse_rule)]
    pub(crate) disable: Vec<ogi_check::Rule>,
    /// Report a rule's findings with another severity (repeatable), e.g.
    /// `--severity text.table_mismatch=error`.
    #[arg(long, value_name = "RULE=LEVEL", value_parser = crate::rules::parse_severity)]
    pub(crate) severity: Vec<crate::rules::SeverityArg>,
    /// The deadline of dates.deadline: inferred from the agency name,
    /// department (31 Jan), government (31 Mar), or MM-DD.
    #[arg(long, value_name = "KIND", default_value = "inferred", value_parser = crate::rules::parse_deadline)]
    pub(crate) deadline: ogi_check::DeadlineKind,
    /// Evaluate identities with empty cells read as 0 (findings say so)
    /// instead of reporting them as not assessable.
    #[arg(long)]
    pub(crate) empty_as_zero: bool,
    /// The global `--input-format`, set after parsing.
    #[arg(skip)]
    pub(crate) input_format: Option<ogi_parse::InputFormat>,
}

impl Options {
    /// The checker the rule options describe.
    fn checker(&self) -> Checker {
        crate::rules::checker(
            &self.disable,
            &self.severity,
            self.deadline,
            self.empty_as_zero,
        )
    }
}

/// Runs a batch. Exit status: 2 when an input could not be read, else 1 when
/// a report has an error-severity finding, else 0.
pub(crate) fn run(opts: &Options) -> anyhow::Result<u8> {
    let started = Instant::now();
    let lang = match opts.lang {
        LangArg::Zh => Lang::Zh,
        LangArg::En => Lang::En,
    };
    let jobs = opts.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, NonZeroUsize::get),
        NonZeroUsize::get,
    );

    let to_terminal = opts.output.is_none() && io::stdout().is_terminal();
    #[cfg(feature = "parquet")]
    let mut cells_parquet = match (opts.format, &opts.output) {
        (Format::Parquet, Some(path)) => Some(parquet::CellsWriter::create(path)?),
        (Format::Parquet, None) => {
            anyhow::bail!("--format parquet writes a file: name it with --output FILE")
        }
        _ => None,
    };
    let mut out: Box<dyn Write> = match &opts.output {
        _ if opts.format.cells_as_records() => Box::new(io::sink()),
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut batch = Batch::new(opts.summary.as_deref(), opts.format == Format::Html)?;
    // After creating the output files, so that a directory holding them
    // does not have them read as reports.
    let mut items = inputs::expand(&opts.paths);
    let own: Vec<PathBuf> = [&opts.output, &opts.summary]
        .into_iter()
        .flatten()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    if !own.is_empty() {
        items.retain(|item| match item {
            Item::File(p) => !std::fs::canonicalize(p).is_ok_and(|c| own.contains(&c)),
            Item::Unlisted(_) => true,
        });
    }
    let bar = progress_bar(items.len() as u64, opts.quiet);

    let style = if to_terminal && opts.format == Format::Human {
        RenderStyle::Ansi
    } else {
        RenderStyle::Plain
    };
    let render = report::Render {
        format: opts.format,
        lang,
        style,
    };
    report::write_prologue(&render, &mut out)?;
    out.flush()?;

    let mut emit = |index: usize, done: Done| -> io::Result<()> {
        if let Outcome::Failed(reason) = &done.outcome {
            bar.suspend(|| eprintln!("ogi: {}: {reason}", done.name));
        }
        if to_terminal {
            bar.suspend(|| {
                out.write_all(&done.bytes)?;
                out.flush()
            })?;
        } else {
            out.write_all(&done.bytes)?;
            out.flush()?;
        }
        #[cfg(feature = "parquet")]
        if let Some(w) = &mut cells_parquet {
            w.add(&done.name, &done.cells)?;
        }
        batch.add(index, &done)?;
        bar.inc(1);
        Ok(())
    };
    let ordered = opts.sort == Sort::Path;
    let checker = &opts.checker();
    if opts.series {
        run_series(&items, opts, checker, &render, jobs, ordered, &mut emit)?;
    } else {
        let work = |i: usize| {
            let read = item(&items, i).and_then(|item| {
                catch_panics(item, || {
                    let (text, parsed) = read_item(item, opts.input_format)?;
                    let diagnostics = checker.check(&parsed);
                    Ok((text, parsed, diagnostics))
                })
            });
            render.one(i, name(&items, i), read)
        };
        ordered::for_each(items.len(), jobs, ordered, work, &mut emit)?;
    }
    report::write_epilogue(&render, &mut out, batch.rows())?;
    out.flush()?;
    drop(out);
    #[cfg(feature = "parquet")]
    if let Some(w) = cells_parquet.take() {
        w.finish()?;
    }
    batch.finish()?;
    bar.finish_and_clear();
    // One report in human form already ends with its own counts.
    let single_human = opts.format == Format::Human && batch.files() == 1;
    if !opts.quiet && !single_human {
        eprint!("{}", batch.closing(lang, started.elapsed()));
    }
    Ok(batch.status())
}

/// `--series`: the series rules compare reports with each other, so every
/// report is read (in parallel) and kept until all are, then checked
/// together; the output is streamed as without `--series`.
fn run_series(
    items: &[Item],
    opts: &Options,
    checker: &Checker,
    render: &report::Render,
    jobs: usize,
    ordered: bool,
    emit: &mut impl FnMut(usize, Done) -> io::Result<()>,
) -> io::Result<()> {
    let mut read: Vec<Option<Result<(String, Parsed), FileError>>> =
        (0..items.len()).map(|_| None).collect();
    ordered::for_each(
        items.len(),
        jobs,
        false,
        |i| {
            item(items, i)
                .and_then(|item| catch_panics(item, || read_item(item, opts.input_format)))
        },
        |i, r| {
            if let Some(slot) = read.get_mut(i) {
                *slot = Some(r);
            }
            Ok(())
        },
    )?;
    let ok: Vec<(usize, &Parsed)> = read
        .iter()
        .enumerate()
        .filter_map(|(i, r)| match r {
            Some(Ok((_, p))) => Some((i, p)),
            _ => None,
        })
        .collect();
    let parsed: Vec<&Parsed> = ok.iter().map(|(_, p)| *p).collect();
    let mut diagnostics: Vec<Vec<Diagnostic>> = vec![Vec::new(); items.len()];
    for (k, d) in checker.check_series(&parsed) {
        if let Some(list) = ok.get(k).and_then(|(i, _)| diagnostics.get_mut(*i)) {
            list.push(d);
        }
    }
    let read = Mutex::new(read);
    ordered::for_each(
        items.len(),
        jobs,
        ordered,
        |i| {
            let taken = read
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_mut(i)
                .and_then(Option::take);
            let one = match taken {
                Some(Ok((text, parsed))) => Ok((
                    text,
                    parsed,
                    diagnostics.get(i).cloned().unwrap_or_default(),
                )),
                Some(Err(e)) => Err(e),
                None => Err(FileError {
                    file: name(items, i),
                    reason: "internal error: the report was not read".to_owned(),
                }),
            };
            render.one(i, name(items, i), one)
        },
        emit,
    )
}

/// Input `i` of the batch (the workers ask only for indexes below its
/// length; a wrong one fails that input, not the batch).
fn item(items: &[Item], i: usize) -> Result<&Item, FileError> {
    items.get(i).ok_or_else(|| FileError {
        file: format!("#{i}"),
        reason: "internal error: no such input".to_owned(),
    })
}

/// The name input `i` is shown by.
fn name(items: &[Item], i: usize) -> String {
    items.get(i).map_or_else(|| format!("#{i}"), Item::name)
}

fn read_item(
    item: &Item,
    format: Option<ogi_parse::InputFormat>,
) -> Result<(String, Parsed), FileError> {
    match item {
        Item::File(path) => read_report(path, format),
        Item::Unlisted(e) => Err(FileError {
            file: e.file.clone(),
            reason: e.reason.clone(),
        }),
    }
}

/// Runs `f`, turning a panic (a bug: the libraries must not panic on any
/// input) into a failure of this one file, so that the batch goes on.
fn catch_panics<T>(item: &Item, f: impl FnOnce() -> Result<T, FileError>) -> Result<T, FileError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(FileError {
            file: item.name(),
            reason: format!("internal error (a bug in ogi, please report it): {what}"),
        })
    })
}

/// A progress bar on standard error when it is a terminal (and not `--quiet`),
/// else a hidden one.
fn progress_bar(len: u64, quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{elapsed_precise} [{wide_bar}] {human_pos}/{human_len} ({rate}, {eta} left)",
    ) {
        let style = style
            .with_key(
                "rate",
                |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                },
            )
            .progress_chars("=> ");
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_fails_one_file() {
        let item = Item::File(PathBuf::from("x.txt"));
        let err = catch_panics::<()>(&item, || panic!("boom")).unwrap_err();
        assert_eq!(err.file, "x.txt");
        assert!(err.reason.ends_with("please report it): boom"), "{err}");
    }
}
