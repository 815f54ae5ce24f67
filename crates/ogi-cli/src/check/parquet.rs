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

use super::outcome::{CellRecord, Record};

/// Rows buffered before they are handed to the Parquet writer.
const BATCH_ROWS: usize = 16 * 1024;
/// Rows per row group.
const GROUP_ROWS: usize = 128 * 1024;

/// A Parquet file being written, and how many rows its writer's builders
/// hold: both writers below append to their builders, then hand the
/// finished columns over here as a record batch.
struct Batches {
    writer: ArrowWriter<File>,
    schema: SchemaRef,
    buffered: usize,
}

impl Batches {
    fn create(path: &Path, fields: Vec<Field>) -> anyhow::Result<Self> {
        let schema = Arc::new(Schema::new(fields));
        let file =
            File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(GROUP_ROWS))
            .build();
        let writer = ArrowWriter::try_new(file, Arc::clone(&schema), Some(props))
            .with_context(|| format!("cannot write Parquet to {}", path.display()))?;
        Ok(Self {
            writer,
            schema,
            buffered: 0,
        })
    }

    /// Counts `rows` appended to the builders; whether to write them now.
    fn added(&mut self, rows: usize) -> bool {
        self.buffered += rows;
        self.buffered >= BATCH_ROWS
    }

    /// Writes the buffered rows, given as the builders' finished columns
    /// (`columns` is called only when there are rows).
    fn write(&mut self, columns: impl FnOnce() -> Vec<ArrayRef>) -> io::Result<()> {
        if self.buffered == 0 {
            return Ok(());
        }
        self.buffered = 0;
        let batch = RecordBatch::try_new(Arc::clone(&self.schema), columns()).map_err(io_error)?;
        self.writer.write(&batch).map_err(io_error)
    }

    /// Writes the file's footer.
    fn close(self) -> io::Result<()> {
        self.writer.close().map_err(io_error)?;
        Ok(())
    }
}

fn io_error(e: impl std::error::Error + Send + Sync + 'static) -> io::Error {
    io::Error::other(e)
}

/// `file, table, row, column, value, kind`: one row per cell.
pub(crate) struct CellsWriter {
    batches: Batches,
    file: StringBuilder,
    table: StringBuilder,
    row: StringBuilder,
    column: StringBuilder,
    value: Float64Builder,
    kind: StringBuilder,
}

impl CellsWriter {
    pub(crate) fn create(path: &Path) -> anyhow::Result<Self> {
        let text = |name: &str| Field::new(name, DataType::Utf8, false);
        let fields = vec![
            text("file"),
            text("table"),
            text("row"),
            text("column"),
            Field::new("value", DataType::Float64, true),
            text("kind"),
        ];
        Ok(Self {
            batches: Batches::create(path, fields)?,
            file: StringBuilder::new(),
            table: StringBuilder::new(),
            row: StringBuilder::new(),
            column: StringBuilder::new(),
            value: Float64Builder::new(),
            kind: StringBuilder::new(),
        })
    }

    /// Appends the cells of one report.
    pub(crate) fn add(&mut self, file: &str, cells: &[CellRecord]) -> io::Result<()> {
        for c in cells {
            self.file.append_value(file);
            self.table.append_value(c.address.table.as_str());
            self.row.append_value(c.address.row.as_str());
            self.column.append_value(c.address.column.as_str());
            self.value.append_option(c.value.map(to_f64));
            self.kind.append_value(c.kind.as_str());
        }
        if self.batches.added(cells.len()) {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.batches.write(|| {
            vec![
                Arc::new(self.file.finish()),
                Arc::new(self.table.finish()),
                Arc::new(self.row.finish()),
                Arc::new(self.column.finish()),
                Arc::new(self.value.finish()),
                Arc::new(self.kind.finish()),
            ]
        })
    }

    /// Writes what is buffered and the file's footer.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        self.batches.close()
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
    batches: Batches,
    file: StringBuilder,
    agency: StringBuilder,
    year: Int32Builder,
    template: StringBuilder,
    read_error: StringBuilder,
    counts: [Int64Builder; 3],
    rules: Vec<Int64Builder>,
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
        Ok(Self {
            batches: Batches::create(path, fields)?,
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
            b.append_option(r.counts.and_then(|c| c.get(i).map(|v| n(*v))));
        }
        for (i, b) in self.rules.iter_mut().enumerate() {
            b.append_option(r.rules.and_then(|rules| rules.get(i)).map(|v| n(*v)));
        }
        if self.batches.added(1) {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.batches.write(|| {
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
            columns
        })
    }

    /// Writes what is buffered and the file's footer.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.flush()?;
        self.batches.close()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use arrow_array::{Array, Float64Array, StringArray};
    use ogi_model::schema::{column, row};
    use ogi_model::{Address, CellKind, Decimal, Table};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// More cells than one record batch holds: the batches written along
    /// the way and the last one at `finish` make up every row, in order.
    #[test]
    fn cells_past_a_batch_are_all_written_in_order() {
        let path = std::env::temp_dir().join(format!("ogi-parquet-{}.parquet", std::process::id()));
        let mut writer = CellsWriter::create(&path).unwrap();
        let address = Address::new(Table::Applications, row::NEW_RECEIVED, column::TOTAL);
        let reports = 2 * BATCH_ROWS / 1000 + 3;
        for r in 0..reports {
            let cells: Vec<CellRecord> = (0..1000)
                .map(|k| CellRecord {
                    address,
                    value: Some(Decimal::from_i64((r * 1000 + k) as i64)),
                    kind: CellKind::Number,
                })
                .collect();
            writer.add(&format!("r{r}"), &cells).unwrap();
        }
        writer.finish().unwrap();
        let file = File::open(&path).unwrap();
        let batches: Vec<_> = ParquetRecordBatchReaderBuilder::try_new(file)
            .unwrap()
            .build()
            .unwrap()
            .map(Result::unwrap)
            .collect();
        std::fs::remove_file(&path).unwrap();
        let mut values = Vec::new();
        let mut files = Vec::new();
        for b in &batches {
            let v = b.column(4).as_any().downcast_ref::<Float64Array>().unwrap();
            let f = b.column(0).as_any().downcast_ref::<StringArray>().unwrap();
            values.extend((0..v.len()).map(|i| v.value(i)));
            files.extend((0..f.len()).map(|i| f.value(i).to_owned()));
        }
        assert_eq!(values.len(), reports * 1000);
        assert!(values.iter().enumerate().all(|(i, v)| *v == i as f64));
        assert_eq!(files.first().map(String::as_str), Some("r0"));
        assert_eq!(files.last(), Some(&format!("r{}", reports - 1)));
    }
}
