//! The checker on whatever the parser read from arbitrary text, with every
//! diagnostic rendered in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &str| {
    if let Ok(parsed) = ogi_parse::parse(data) {
        let diagnostics = ogi_check::Checker::new().check(&parsed);
        for lang in [ogi_check::Lang::Zh, ogi_check::Lang::En] {
            let _ = ogi_check::render_all(
                &diagnostics,
                data,
                "fuzz",
                lang,
                ogi_check::RenderStyle::Plain,
            );
        }
    }
});
