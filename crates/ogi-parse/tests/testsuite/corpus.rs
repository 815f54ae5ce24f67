//! Every text report of `../shared/corpus` against its gold cells and metadata
//! (skipped when the shared corpus is absent).

use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus() -> Option<PathBuf> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus");
    p.join("gold").is_dir().then_some(p)
}

fn gold_cells(path: &PathBuf) -> BTreeMap<String, (String, String)> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .skip(1)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split(',').collect();
            (
                format!("{}/{}/{}", f[0], f[1], f[2]),
                (f[3].to_owned(), f[4].to_owned()),
            )
        })
        .collect()
}

#[test]
fn text_reports_give_their_gold_cells_and_metadata() {
    let Some(corpus) = corpus() else {
        eprintln!("skipped: ../shared/corpus not found");
        return;
    };
    let mut checked = 0;
    for entry in std::fs::read_dir(corpus.join("text")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let gold = corpus.join("gold").join(format!("{stem}.cells.csv"));
        if !gold.exists() {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let parsed = ogi_parse::parse(&text).unwrap();
        let got: BTreeMap<String, (String, String)> = parsed
            .report
            .cells()
            .into_iter()
            .map(|(a, c)| {
                (
                    a.to_string(),
                    (
                        c.value().map(|v| v.to_string()).unwrap_or_default(),
                        c.kind().to_string(),
                    ),
                )
            })
            .collect();
        for (address, (value, kind)) in gold_cells(&gold) {
            if kind == "unknown" {
                continue;
            }
            let got = got.get(&address);
            let ok = match got {
                None => kind == "missing",
                Some((v, k)) => {
                    k == &kind
                        && (kind != "number"
                            || v.parse::<ogi_model::Decimal>().ok() == value.parse().ok())
                }
            };
            assert!(ok, "{stem}: {address}: gold {value} {kind}, got {got:?}");
        }
        let meta: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(corpus.join("gold").join(format!("{stem}.meta.json")))
                .unwrap(),
        )
        .unwrap();
        let ours = serde_json::to_value(&parsed.report.meta).unwrap();
        assert_eq!(ours, meta, "{stem}: metadata");
        checked += 1;
    }
    assert!(checked >= 8, "only {checked} reports checked");
}
