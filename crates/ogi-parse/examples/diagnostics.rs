//! Prints the parser's diagnostics for a report file.
fn main() {
    let path = std::env::args().nth(1).expect("usage: diagnostics FILE");
    let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
    match ogi_parse::parse(&text) {
        Ok(parsed) => {
            for d in &parsed.diagnostics {
                println!("{:?}: {}", d.span, d.kind);
            }
        }
        Err(e) => println!("error: {e}"),
    }
}
