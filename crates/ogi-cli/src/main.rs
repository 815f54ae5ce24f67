//! The `ogi` command: glue between the libraries, the file system and the terminal.

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

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cells;
mod check;
mod input;
mod rules;

use input::read_report;

// Reading a report allocates many small strings and vectors; mimalloc serves
// them faster than the system allocator, most of all across rayon's threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    Check(check::Options),
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
        Command::Check(mut opts) => {
            drop(out);
            opts.input_format = cli.input_format;
            let status = check::run(&opts)?;
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
