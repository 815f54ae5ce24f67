//! The long-format cell CSV of the vocabulary: `table,row,column,value,kind`.

use std::io::{self, Write};

use ogi_model::Report;

/// Writes the header and one line per cell, in table order. With `file`, a
/// leading `file` column is added.
pub(crate) fn write_csv(
    out: &mut impl Write,
    file: Option<&str>,
    report: &Report,
) -> io::Result<()> {
    if file.is_some() {
        write!(out, "file,")?;
    }
    writeln!(out, "table,row,column,value,kind")?;
    for (address, cell) in report.cells() {
        if let Some(f) = file {
            write!(out, "{},", csv_field(f))?;
        }
        let value = cell.value().map(|v| v.to_string()).unwrap_or_default();
        writeln!(
            out,
            "{},{},{},{},{}",
            address.table,
            address.row,
            address.column,
            value,
            cell.kind()
        )?;
    }
    Ok(())
}

/// Quotes a CSV field when it needs it.
pub(crate) fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}
