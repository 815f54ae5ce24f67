//! The pipeline over a report's text: sections, metadata, the tables'
//! regions, the narrative's statements, then each table fitted to the
//! format (see the crate docs and ARCHITECTURE.md for which pass owns what).

use ogi_model::{Report, Span, Table, Template};

use crate::{DiagnosticKind, Error, ErrorKind, Parsed, fit, lex, meta, narrative, sections};

pub(crate) fn parse_text(text: &str) -> Result<Parsed, Error> {
    let mut sink = fit::Sink::new(text);
    // Room for every cell and row of the largest format (25 rows of 7, 22 + 15
    // others), so that the maps are not rehashed as they fill.
    sink.map.cells.reserve(224);
    sink.map.reads.reserve(224);
    sink.map.rows.reserve(48);
    let sections = sections::find(text);
    sink.map.sections = sections;
    let meta = meta::extract(text, &sections, &mut sink);
    let regions = sections::regions(text, &sections);
    // What the narrative states may decide digits run together.
    let statements = narrative::statements(text);

    let mut report = Report {
        meta,
        ..Report::default()
    };
    if let Some((a, b)) = regions[0] {
        report.active = fit::active::fit(
            lex::lex(text, a, b),
            report.meta.year,
            &statements,
            &mut sink,
        );
    }
    if let Some((a, b)) = regions[1] {
        report.applications = fit::applications::fit(lex::lex(text, a, b), &statements, &mut sink);
    }
    if let Some((a, b)) = regions[2] {
        report.appeals = fit::appeals::fit(lex::lex(text, a, b), &mut sink);
    }
    let no_table =
        report.active.is_none() && report.applications.is_none() && report.appeals.is_none();
    if no_table && sections.iter().all(Option::is_none) {
        return Err(Error::new(ErrorKind::NotAReport, None));
    }
    report.meta.template = report
        .active
        .as_ref()
        .map(ogi_model::Active::template)
        .or_else(
            || match report.applications.as_ref().map(|a| a.other.style()) {
                Some(ogi_model::OtherStyle::Split) => Some(Template::V2021),
                _ => report.meta.year.map(Template::for_year),
            },
        );
    for (i, s) in sections.iter().enumerate() {
        if s.is_none() {
            let section = u8::try_from(i + 1).unwrap_or(0);
            sink.push(
                DiagnosticKind::MissingSection { section },
                Span::empty_at(0),
            );
        }
    }
    for (table, present) in [
        (Table::Active, report.active.is_some()),
        (Table::Applications, report.applications.is_some()),
        (Table::Appeals, report.appeals.is_some()),
    ] {
        if !present {
            let at = sections::region_span(&regions, table).unwrap_or_default();
            sink.push(DiagnosticKind::MissingTable { table }, at);
        }
    }
    let mut diagnostics = sink.diagnostics;
    diagnostics.sort_by_key(|d| d.span.start);
    Ok(Parsed {
        report,
        source_map: sink.map,
        diagnostics,
        statements,
    })
}
