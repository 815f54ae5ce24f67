//! The `ogi` command: glue between the libraries, the file system and the terminal.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod cells;
mod check;

/// Read, export and check 政府信息公开工作年度报告 (annual reports on open government information).
#[derive(Parser, Debug)]
#[command(name = "ogi", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
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
    Check {
        /// The reports (`-` for standard input).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value = "human")]
        format: check::Format,
        /// Language of the messages.
        #[arg(long, value_enum, default_value = "zh")]
        lang: check::LangArg,
        /// Also check the reports as a series (same agency, consecutive years).
        #[arg(long)]
        series: bool,
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
            let (_, report) = read_report(&file)?;
            if pretty {
                serde_json::to_writer_pretty(&mut out, &report.report)?;
            } else {
                serde_json::to_writer(&mut out, &report.report)?;
            }
            writeln!(out)?;
        }
        Command::Check {
            files,
            format,
            lang,
            series,
        } => {
            let status = check::run(
                &check::Options {
                    files,
                    format,
                    lang,
                    series,
                },
                &mut out,
            )?;
            out.flush()?;
            return Ok(ExitCode::from(status));
        }
        Command::Cells { file } => {
            let (_, report) = read_report(&file)?;
            cells::write_csv(&mut out, None, &report.report)?;
        }
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

/// An error about one input file: printed as `FILE: reason`, exit status 2.
#[derive(Debug)]
struct FileError {
    file: String,
    reason: String,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.file, self.reason)
    }
}

impl std::error::Error for FileError {}

fn display_name(path: &Path) -> String {
    if path.as_os_str() == "-" {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

fn read_bytes(path: &Path) -> Result<Vec<u8>, FileError> {
    let name = display_name(path);
    let mut bytes = Vec::new();
    let res = if path.as_os_str() == "-" {
        io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|b| bytes = b)
    };
    res.map_err(|e| FileError {
        file: name,
        reason: e.to_string(),
    })?;
    Ok(bytes)
}

/// Reads and parses one file, with errors naming the file.
fn read_report(path: &Path) -> Result<(String, ogi_parse::Parsed), FileError> {
    let name = display_name(path);
    let bytes = read_bytes(path)?;
    let fail = |e: ogi_parse::Error| {
        let text = String::from_utf8_lossy(&bytes);
        let reason = match e.span() {
            Some(s) => {
                let (line, col) = line_col(&text, s.start);
                format!("{line}:{col}: {e}")
            }
            None => e.to_string(),
        };
        FileError {
            file: name.clone(),
            reason,
        }
    };
    let (text, parsed) = ogi_parse::ParseOptions::new()
        .parse_bytes(&bytes)
        .map_err(fail)?;
    Ok((text.to_owned(), parsed))
}

/// 1-based line and column (in characters) of a byte offset.
fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}
