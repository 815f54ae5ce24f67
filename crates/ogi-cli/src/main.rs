//! The `ogi` command: glue between the libraries, the file system and the terminal.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cells;
mod check;
mod input;
mod rules;

use input::read_report;

/// Read, export and check 政府信息公开工作年度报告 (annual reports on open government information).
#[derive(Parser, Debug)]
#[command(name = "ogi", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Read every input as this format instead of detecting it from the content.
    #[arg(long, global = true, value_name = "FORMAT", value_parser = parse_format)]
    input_format: Option<ogi_parse::InputFormat>,
}

fn parse_format(s: &str) -> Result<ogi_parse::InputFormat, ogi_parse::UnknownFormat> {
    s.parse()
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Print the report as JSON.
    Parse {
        /// The report (`-` for standard input).
        file: PathBuf,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Check every identity of the format; exit 1 when a finding is an error.
    ///
    /// Files and directories (read recursively, skipping names that start
    /// with `.`) are read in parallel; results come out in path order.
    Check {
        /// Reports or directories of reports (`-` for standard input).
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: check::Format,
        /// Language of the messages.
        #[arg(long, value_enum, default_value = "zh")]
        lang: check::LangArg,
        /// Also check the reports as a series (same agency, consecutive years).
        /// Keeps every report in memory until the end.
        #[arg(long)]
        series: bool,
        /// Files read at once (default: one per core).
        #[arg(long, short = 'j', value_name = "N")]
        jobs: Option<std::num::NonZeroUsize>,
        /// Order of the results: by path (the order of the arguments, a
        /// directory's files sorted), or as they are finished.
        #[arg(long, value_enum, default_value = "path")]
        sort: check::Sort,
        /// Write the output to this file instead of standard output.
        #[arg(long, short = 'o', value_name = "FILE")]
        output: Option<PathBuf>,
        /// Also write one CSV row per report (agency, year, template, finding
        /// counts per severity and per rule) to this file.
        #[arg(long, value_name = "FILE")]
        summary: Option<PathBuf>,
        /// No progress bar and no closing summary on standard error.
        #[arg(long, short = 'q')]
        quiet: bool,
        /// Turn a rule off (repeatable), e.g. `--disable dates.deadline`.
        #[arg(long, value_name = "RULE", value_parser = rules::parse_rule)]
        disable: Vec<ogi_check::Rule>,
        /// Report a rule's findings with another severity (repeatable), e.g.
        /// `--severity text.table_mismatch=error`.
        #[arg(long, value_name = "RULE=LEVEL", value_parser = rules::parse_severity)]
        severity: Vec<rules::SeverityArg>,
        /// The deadline of dates.deadline: inferred from the agency name,
        /// department (31 Jan), government (31 Mar), or MM-DD.
        #[arg(long, value_name = "KIND", default_value = "inferred", value_parser = rules::parse_deadline)]
        deadline: ogi_check::DeadlineKind,
        /// Evaluate identities with empty cells read as 0 (findings say so)
        /// instead of reporting them as not assessable.
        #[arg(long)]
        empty_as_zero: bool,
    },
    /// Print every cell as long-format CSV: table,row,column,value,kind.
    Cells {
        /// The report (`-` for standard input).
        file: PathBuf,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if is_broken_pipe(&e) {
                return ExitCode::SUCCESS;
            }
            eprintln!("ogi: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match cli.command {
        Command::Parse { file, pretty } => {
            let (_, report) = read_report(&file, cli.input_format)?;
            if pretty {
                serde_json::to_writer_pretty(&mut out, &report.report)?;
            } else {
                serde_json::to_writer(&mut out, &report.report)?;
            }
            writeln!(out)?;
        }
        Command::Check {
            paths,
            format,
            lang,
            series,
            jobs,
            sort,
            output,
            summary,
            quiet,
            disable,
            severity,
            deadline,
            empty_as_zero,
        } => {
            drop(out);
            let status = check::run(&check::Options {
                paths,
                format,
                lang,
                series,
                jobs,
                sort,
                output,
                summary,
                quiet,
                input_format: cli.input_format,
                checker: rules::checker(&disable, &severity, deadline, empty_as_zero),
            })?;
            return Ok(ExitCode::from(status));
        }
        Command::Cells { file } => {
            let (_, report) = read_report(&file, cli.input_format)?;
            cells::write_csv(&mut out, &report.report)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}
