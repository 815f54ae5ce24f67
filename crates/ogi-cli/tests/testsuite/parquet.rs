//! Parquet output (cargo feature `parquet`): the same tables as the CSV
//! exports, read back with the parquet crate.

use std::fs::File;
use std::path::Path;

use arrow_array::{Array, Float64Array, Int32Array, Int64Array, RecordBatch, StringArray};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

use crate::{copy_to, fixture, ogi, temp_dir};

fn batches(path: &Path) -> Vec<RecordBatch> {
    ParquetRecordBatchReaderBuilder::try_new(File::open(path).unwrap())
        .unwrap()
        .build()
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// The value at `row` of a column, as the CSV writes it (empty for null).
fn text(column: &dyn Array, row: usize) -> String {
    if column.is_null(row) {
        return String::new();
    }
    let any = column.as_any();
    if let Some(a) = any.downcast_ref::<StringArray>() {
        a.value(row).to_owned()
    } else if let Some(a) = any.downcast_ref::<Float64Array>() {
        a.value(row).to_string()
    } else if let Some(a) = any.downcast_ref::<Int64Array>() {
        a.value(row).to_string()
    } else if let Some(a) = any.downcast_ref::<Int32Array>() {
        a.value(row).to_string()
    } else {
        panic!("unexpected column type {:?}", column.data_type())
    }
}

/// A Parquet file as CSV text: header, then one line per row.
fn as_csv(path: &Path) -> String {
    let batches = batches(path);
    let schema = batches[0].schema();
    let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
    let mut csv = format!("{}\n", names.join(","));
    for batch in &batches {
        for row in 0..batch.num_rows() {
            let fields: Vec<String> = batch
                .columns()
                .iter()
                .map(|c| text(c.as_ref(), row))
                .collect();
            csv.push_str(&fields.join(","));
            csv.push('\n');
        }
    }
    csv
}

#[test]
fn parquet_holds_the_same_tables_as_the_csv_exports() {
    let dir = temp_dir("parquet");
    copy_to(&fixture("laizhou-2020.txt"), &dir, "in/1-laizhou.txt");
    std::fs::write(dir.join("in/2-empty.txt"), b"").unwrap();
    copy_to(
        Path::new("../ogi-testkit/fixtures/huaian-2024.raw.txt"),
        &dir,
        "in/3-huaian.txt",
    );
    let input = dir.join("in");
    let run = |format: &str, output: &Path, summary: &Path| {
        let out = ogi(
            &[
                "check",
                "-q",
                "--format",
                format,
                "-o",
                output.to_str().unwrap(),
                "--summary",
                summary.to_str().unwrap(),
                input.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(
            out.status.code(),
            Some(2),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    };
    run(
        "parquet",
        &dir.join("cells.parquet"),
        &dir.join("summary.parquet"),
    );
    run("csv", &dir.join("cells.csv"), &dir.join("summary.csv"));

    let cells = as_csv(&dir.join("cells.parquet"));
    assert_eq!(
        cells,
        std::fs::read_to_string(dir.join("cells.csv")).unwrap()
    );
    // Laizhou (2019 format) and Huai'an (2021 format, （六） in three rows).
    assert_eq!(
        cells.lines().count(),
        1 + (22 + 23 * 7 + 15) + (10 + 25 * 7 + 15)
    );
    let summary = as_csv(&dir.join("summary.parquet"));
    assert_eq!(
        summary,
        std::fs::read_to_string(dir.join("summary.csv")).unwrap()
    );
    // Four errors: two short rows, the outcome sum of 自然人, the date (see export.rs).
    assert!(summary.contains(",莱州市行政审批服务局,2020,2019,,4,"));

    // A Parquet file is written to a named file only.
    let out = ogi(
        &["check", "--format", "parquet", input.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("name it with --output FILE"));
}
