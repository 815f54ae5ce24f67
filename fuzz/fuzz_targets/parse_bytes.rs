//! Any bytes, as a file: format detection, decoding, Word documents, text.
//! Must never panic; an error is a fine answer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = ogi_parse::ParseOptions::new()
        .max_size(1 << 20)
        .parse_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(parsed) = ogi_parse::parse(text) {
            // Every span the parser hands out lies inside the text.
            for (address, _) in parsed.report.cells() {
                if let Some(span) = parsed.source_map.cell(address) {
                    assert!(span.end <= text.len() && span.start <= span.end);
                }
            }
        }
    }
});
