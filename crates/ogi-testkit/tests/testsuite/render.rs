//! The rendered text of every layout.

use ogi_model::Template;
use ogi_testkit::{Layout, RenderOptions, consistent_report_for, render};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

#[test]
#[ignore = "writes samples to /tmp for eyeballing"]
fn dump_samples() {
    let mut runner = TestRunner::deterministic();
    for layout in Layout::ALL {
        for template in [Template::V2019, Template::V2021] {
            let r = consistent_report_for(layout, template)
                .new_tree(&mut runner)
                .unwrap()
                .current();
            let opts = RenderOptions::new(layout).page_breaks(true);
            let text = render(&r, &opts).text;
            std::fs::write(format!("/tmp/ogi-{layout}-{template}.txt"), text).unwrap();
        }
    }
}

#[test]
#[ignore = "debugging aid: parses the file named by OGI_DEBUG_FILE"]
fn parse_debug_file() {
    let path = std::env::var("OGI_DEBUG_FILE").unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let parsed = ogi_parse::parse(&text).unwrap();
    for (a, c) in parsed.report.cells() {
        println!("{a} = {c:?}");
    }
    println!("{:?}", parsed.report.meta);
    for d in &parsed.diagnostics {
        println!("{:?} {:?}", d.kind, &text[d.span.range()]);
    }
}
