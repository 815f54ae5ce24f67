//! The HTML review page: self-contained, escaped, laid out with the official
//! labels, and rendered by a real browser (headless Chromium) with the
//! broken cells of the Laizhou report highlighted.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::{copy_to, fixture, have_tool, ogi, parse_fixture, temp_dir};

/// The review page of a batch, written to standard output.
fn page(paths: &[&Path]) -> String {
    let mut args = vec!["check", "-q", "--format", "html"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    let out = ogi(&args, None);
    assert!(out.status.code().is_some_and(|c| c <= 2));
    String::from_utf8(out.stdout).unwrap()
}

/// The opening tag of the element with `data-address="address"` in the
/// section of report `index`.
fn cell_tag<'a>(html: &'a str, index: usize, address: &str) -> &'a str {
    let start = html
        .find(&format!("id=\"report-{index}\""))
        .unwrap_or_else(|| panic!("no section report-{index}"));
    let section = &html[start..];
    let section = &section[..section.find("</section>").unwrap()];
    let at = section
        .find(&format!("data-address=\"{address}\""))
        .unwrap_or_else(|| panic!("no cell {address}"));
    let open = section[..at].rfind('<').unwrap();
    let close = at + section[at..].find('>').unwrap();
    &section[open..=close]
}

/// The classes of a cell.
fn classes(tag: &str) -> Vec<&str> {
    let at = tag.find("class=\"").unwrap() + 7;
    tag[at..at + tag[at..].find('"').unwrap()]
        .split(' ')
        .collect()
}

/// The cells of the Laizhou report that its findings involve, and how.
#[track_caller]
fn assert_laizhou_highlights(html: &str, index: usize) {
    let class = |a: &str| classes(cell_tag(html, index, a));
    // （七）总计 自然人 is 0 where （一）予以公开 is 1: the one wrong cell.
    let total = class("applications/total/natural_person");
    assert!(
        total.contains(&"sev-error") && total.contains(&"primary"),
        "{total:?}"
    );
    // The identity's other operands are marked, not as the cause.
    let granted = class("applications/granted/natural_person");
    assert!(granted.contains(&"sev-error") && !granted.contains(&"primary"));
    // The short rows: their 总计 cells are missing.
    for a in [
        "applications/total/total",
        "applications/carried_forward/total",
    ] {
        let c = class(a);
        assert!(
            c.contains(&"sev-error") && c.contains(&"kind-missing"),
            "{a}: {c:?}"
        );
    }
    // The printed date lies before the end of the year.
    assert!(class("meta/published").contains(&"sev-error"));
    // Cells no finding involves are plain.
    for a in [
        "applications/granted/commercial_enterprise",
        "active/licensing/change",
        "appeals/review/total",
    ] {
        assert!(!class(a).iter().any(|c| c.starts_with("sev-")), "{a}");
    }
}

#[test]
fn the_review_page_is_one_self_contained_escaped_page() {
    let dir = temp_dir("review");
    let laizhou = copy_to(&fixture("laizhou-2020.txt"), &dir, "1-laizhou.txt");
    let odd = copy_to(
        &parse_fixture("office/report-2024.docx"),
        &dir,
        "2-<b>&\"odd\".docx",
    );
    let broken = dir.join("3-broken.txt");
    std::fs::write(&broken, b"\x00").unwrap();
    let html = page(&[&laizhou, &odd, &broken]);

    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"zh-CN\">"));
    assert!(html.ends_with("</html>\n"));
    // No network and no other file: nothing is loaded from anywhere.
    for outside in ["<link", " src=", "http://", "https://", "url(", "@import"] {
        assert!(!html.contains(outside), "{outside}");
    }
    assert_eq!(html.matches("<style>").count(), 1);
    assert_eq!(html.matches("<script>").count(), 1);
    // Names from the input are escaped.
    assert!(html.contains("2-&lt;b&gt;&amp;&quot;odd&quot;.docx"));
    assert!(!html.contains("<b>&"));

    // The summary table: one row per file, the failure with its reason.
    let summary = &html[html.find("<section id=\"summary\">").unwrap()..];
    assert_eq!(summary.matches("<tr class=").count(), 3);
    assert!(
        summary
            .contains("<td>莱州市行政审批服务局</td><td>2020</td><td>4</td><td>0</td><td>1</td>")
    );
    assert!(summary.contains("无法读取：1:1: the file is binary"));

    // The official layout and labels.
    for label in [
        "二、主动公开政府信息情况",
        "第二十条第（一）项",
        "本年新制作数量",
        "三、收到和处理政府信息公开申请情况",
        "申请人情况",
        "法人或其他组织",
        "三、本年度办理结果",
        "1.属于国家秘密",
        "（七）总计",
        "四、结转下年度继续办理",
        "四、政府信息公开行政复议、行政诉讼情况",
        "未经复议直接起诉",
        "结果维持",
    ] {
        assert!(html.contains(label), "{label}");
    }
    assert_laizhou_highlights(&html, 0);
    // The message is on the cell.
    let total = cell_tag(&html, 0, "applications/total/natural_person");
    assert!(total.contains("[错误] applications.outcome_sum：申请人情况“自然人”列："));
    assert!(total.contains("data-line=\"75\""));
    // The findings list the source lines they point at.
    assert!(
        html.contains("<span class=\"ln\">第 109 行</span><code><mark>2020年1月25日</mark></code>")
    );
    // The balance is not assessed: it fails only as the short rows' cells
    // were placed.
    assert!(html.contains("各数值所在的列无法确定"));
    // The clean report has no highlighted cell.
    let clean = &html[html.find("id=\"report-1\"").unwrap()..];
    let clean = &clean[..clean.find("</section>").unwrap()];
    assert!(!clean.contains("sev-"));
    assert!(clean.contains("没有发现问题"));

    // --output writes the same page.
    let file = dir.join("review.html");
    let out = ogi(
        &[
            "check",
            "-q",
            "--format",
            "html",
            "--output",
            file.to_str().unwrap(),
            laizhou.to_str().unwrap(),
            odd.to_str().unwrap(),
            broken.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), html);
}

/// Runs a command with its output going to files (a browser writes more than
/// a pipe holds), killing it after `limit`; returns its status, standard
/// output and standard error.
fn run_with_limit(cmd: &mut Command, dir: &Path, limit: Duration) -> (bool, String, String) {
    let stdout = dir.join("stdout");
    let stderr = dir.join("stderr");
    let mut child = cmd
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("{cmd:?} took more than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    (
        status.success(),
        std::fs::read_to_string(stdout).unwrap(),
        std::fs::read_to_string(stderr).unwrap_or_default(),
    )
}

#[test]
fn the_review_page_renders_in_headless_chromium_with_the_broken_cells_highlighted() {
    if !have_tool("chromium", &["--version"], "apt-get install chromium") {
        return;
    }
    let dir = temp_dir("chromium");
    let page_path = dir.join("review.html");
    let laizhou = fixture("laizhou-2020.txt");
    let huaian = parse_fixture("huaian-2024.raw.txt");
    let out = ogi(
        &[
            "check",
            "-q",
            "--format",
            "html",
            "-o",
            page_path.to_str().unwrap(),
            huaian.to_str().unwrap(),
            laizhou.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(1));
    let profile = dir.join("profile");
    let (ok, dom, stderr) = run_with_limit(
        Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
            ])
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg("--dump-dom")
            .arg(format!("file://{}", page_path.display())),
        &dir,
        Duration::from_secs(120),
    );
    assert!(ok && dom.contains("</html>"), "chromium failed: {stderr}");
    // The page's script ran in the browser (it marks the document).
    assert!(
        dom.contains("<html lang=\"zh-CN\" class=\"js\">"),
        "{}",
        &dom[..200]
    );
    // The DOM the browser built has the highlights: Laizhou is report 1.
    assert_laizhou_highlights(&dom, 1);
    let huaian_total = classes(cell_tag(&dom, 0, "applications/total/natural_person"));
    assert!(!huaian_total.iter().any(|c| c.starts_with("sev-")));
    assert!(dom.contains("<td>莱州市行政审批服务局</td><td>2020</td><td>4</td>"));
}
