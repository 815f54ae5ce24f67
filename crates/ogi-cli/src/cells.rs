//! The long-format cell CSV of the vocabulary: `table,row,column,value,kind`.

use std::io::{self, Write};

use ogi_model::Report;

/// Writes the header and one line per cell, in table order.
pub(crate) fn write_csv(out: &mut impl Write, report: &Report) -> io::Result<()> {
    writeln!(out, "{HEADER}")?;
    write_rows(out, None, report)
}

/// The header of the long format.
pub(crate) const HEADER: &str = "table,row,column,value,kind";

/// Writes one line per cell, in table order, without header. With `file`, a
/// leading `file` column is added.
pub(crate) fn write_rows(
    out: &mut impl Write,
    file: Option<&str>,
    report: &Report,
) -> io::Result<()> {
    let file = file.map(csv_field);
    for (address, cell) in report.cells() {
        if let Some(f) = &file {
            write!(out, "{f},")?;
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
