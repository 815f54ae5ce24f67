//! Prints the parser's diagnostics for a report file.

// An example: `unwrap` keeps it short (the workspace's no-panic lints are
// for code that reads input).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::string_slice
)]

fn main() {
    let path = std::env::args().nth(1).expect("usage: diagnostics FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    match ogi_parse::ParseOptions::new().parse_bytes(&bytes) {
        Ok((_, parsed)) => {
            for d in &parsed.diagnostics {
                println!("{:?}: {}", d.span, d.kind);
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
