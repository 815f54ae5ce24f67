//! Arbitrary text read as an HTML page: tags, entities, spans, nesting.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    if let Ok(parsed) = ogi_parse::ParseOptions::new().parse_html(data) {
        for d in &parsed.diagnostics {
            assert!(d.span.end <= data.len(), "span {:?} past the page", d.span);
        }
        for (address, _) in parsed.report.cells() {
            if let Some(span) = parsed.source_map.cell(address) {
                assert!(span.end <= data.len(), "{address}: {span:?}");
            }
        }
    }
});
