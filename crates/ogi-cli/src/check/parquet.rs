//! Parquet output (cargo feature `parquet`): the long cell table of
//! `--format csv` and the `--summary` table, with the same columns.
//!
//! Rows are appended to Arrow builders and written as a record batch every
//! [`BATCH_ROWS`] rows, in row groups of at most [`GROUP_ROWS`] rows, so that
//! memory stays bounded however many reports there are.

use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Arc;

use anyhow::Context;
use arrow_array::builder::{Float64Builder, Int32Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use ogi_check::Rule;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

use super::report::CellRecord;
use super::summary::Record;

/// Rows buffered before they are handed to the Parquet writer.
const BATCH_ROWS: usize = 16 * 1024;
/// Rows per row group.
const GROUP_ROWS: usize = 128 * 1024;

fn writer(path: &Path, schema: &SchemaRef) -> anyhow::Result<ArrowWriter<File>> {
    let file = File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    let props = WriterProperties::builder()
        .set_compression(Compression::SNAPPY)
        .set_max_row_group_row_count(Some(GROUP_ROWS))
        .build();
    ArrowWriter::try_new(file, Arc::clone(schema), Some(props))
        .with_context(|| format!("cannot write Parquet to {}", path.display()))
}

fn io_error(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

/// `file, table, row, column, value, kind`: one row per cell.
pub(crate) struct CellsWriter {
    writer: ArrowWriter<File>,
    schema: SchemaRef,
    file: StringBuilder,
    table: StringBuilder,
    row: StringBuilder,
    column: StringBuilder,
    value: Float64Builder,
    kind: StringBuilder,
    len: usize,
}

impl CellsWriter {
    pub(crate) fn create(path: &Path) -> anyhow::Result<Self> {
        let text = |name: &str| Field::new(name, DataType::Utf8, false);
        let schema = Arc::new(Schema::new(vec![
            text("file"),
            text("table"),
            text("row"),
            text("column"),
            Field::new("value", DataType::Float64, true),
            text("kind"),
        ]));
        Ok(Self {
            writer: writer(path, &schema)?,
            schema,
            file: StringBuilder::new(),
            table: StringBuilder::new(),
            row: StringBuilder::new(),
            column: StringBuilder::new(),
            value: Float64Builder::new(),
            kind: StringBuilder::new(),
            len: 0,
        })
    }

    /// Appends the cells of one report.
    pub(crate) fn add(&mut self, file: &str, cells: &[CellRecord]) -> io::Result<()> {
        for c in cells {
            self.file.append_value(file);
            self.table.append_value(c.address.table.as_str());
            self.row.append_value(c.address.row);
            self.column.append_value(c.address.column);
            self.value.append_option(c.value.map(to_f64));
            self.kind.append_value(c.kind.as_str());
            self.len += 1;
        }
        if self.len >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.file.finish()),
            Arc::new(self.table.finish()),
            Arc::new(self.row.finish()),
            Arc::new(self.column.finish()),
            Arc::new(self.value.finish()),
            Arc::new(self.kind.finish()),
        ];
        self.len = 0;
        let batch = RecordBatch::try_new(Arc::clone(&self.schema), columns).map_err(io_error)?;
        self.writer.write(&batch).map_err(io_error)
    }

    /// Writes what is buffered and the file's footer.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        self.writer.close().map_err(io_error)?;
        Ok(())
    }
}

/// A decimal as a float: exact for every count, and for money to the cent
/// up to 2^53 cents.
#[expect(clippy::cast_precision_loss, reason = "cell values are far below 2^53")]
fn to_f64(d: ogi_model::Decimal) -> f64 {
    d.mantissa() as f64 / 10f64.powi(i32::from(d.scale()))
}

/// The summary: `file, agency, year, template, read_error, errors,
/// warnings, infos`, then one count per rule id.
pub(crate) struct SummaryWriter {
    writer: ArrowWriter<File>,
    schema: SchemaRef,
    file: StringBuilder,
    agency: StringBuilder,
    year: Int32Builder,
    template: StringBuilder,
    read_error: StringBuilder,
    counts: [Int64Builder; 3],
    rules: Vec<Int64Builder>,
    len: usize,
}

impl SummaryWriter {
    pub(crate) fn create(path: &Path) -> anyhow::Result<Self> {
        let mut fields = vec![
            Field::new("file", DataType::Utf8, false),
            Field::new("agency", DataType::Utf8, true),
            Field::new("year", DataType::Int32, true),
            Field::new("template", DataType::Utf8, true),
            Field::new("read_error", DataType::Utf8, true),
        ];
        for name in ["errors", "warnings", "infos"]
            .into_iter()
            .chain(Rule::ALL.iter().map(|r| r.as_str()))
        {
            fields.push(Field::new(name, DataType::Int64, true));
        }
        let schema = Arc::new(Schema::new(fields));
        Ok(Self {
            writer: writer(path, &schema)?,
            schema,
            file: StringBuilder::new(),
            agency: StringBuilder::new(),
            year: Int32Builder::new(),
            template: StringBuilder::new(),
            read_error: StringBuilder::new(),
            counts: [
                Int64Builder::new(),
                Int64Builder::new(),
                Int64Builder::new(),
            ],
            rules: Rule::ALL.iter().map(|_| Int64Builder::new()).collect(),
            len: 0,
        })
    }

    pub(crate) fn add(&mut self, r: &Record<'_>) -> io::Result<()> {
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        self.file.append_value(r.file);
        self.agency.append_option(r.agency);
        self.year.append_option(r.year);
        self.template.append_option(r.template);
        self.read_error.append_option(r.read_error);
        for (i, b) in self.counts.iter_mut().enumerate() {
            b.append_option(r.counts.map(|c| n(c[i])));
        }
        for (i, b) in self.rules.iter_mut().enumerate() {
            b.append_option(r.rules.and_then(|rules| rules.get(i)).map(|v| n(*v)));
        }
        self.len += 1;
        if self.len >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        if self.len == 0 {
            return Ok(());
        }
        let mut columns: Vec<ArrayRef> = vec![
            Arc::new(self.file.finish()),
            Arc::new(self.agency.finish()),
            Arc::new(self.year.finish()),
            Arc::new(self.template.finish()),
            Arc::new(self.read_error.finish()),
        ];
        for b in self.counts.iter_mut().chain(self.rules.iter_mut()) {
            columns.push(Arc::new(b.finish()));
        }
        self.len = 0;
        let batch = RecordBatch::try_new(Arc::clone(&self.schema), columns).map_err(io_error)?;
        self.writer.write(&batch).map_err(io_error)
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        self.writer.close().map_err(io_error)?;
        Ok(())
    }
}
