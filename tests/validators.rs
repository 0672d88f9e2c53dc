//! The sample build read by validators nobody here wrote: every Atom feed by Python's
//! feedparser, the sitemap by libxml2's xmllint against the Sitemaps protocol's rules
//! (`tests/validators/sitemap.xsd`). The other outside readers run where their outputs
//! are tested: every HTML file through the Nu Html Checker (`tests/a11y.rs`), the
//! calendar through Python's icalendar (`tests/events/`).
//!
//! Without a tool the test is skipped with a loud message, unless `CI` is set: then it
//! fails (`.ci/run` installs feedparser and libxml2-utils).

mod common;
mod sample;

use common::files_under;
use sample::site as sample;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Whether `program args…` runs; else a loud skip, or a failure under CI.
fn tool(test: &str, what: &str, program: &str, args: &[&str]) -> bool {
    let runs = Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success());
    if !runs {
        let msg = format!("{test}: {what} is missing (.ci/run installs it)");
        assert!(std::env::var_os("CI").is_none(), "{msg}; CI must run it");
        eprintln!("\n!!! SKIPPED {msg}\n");
    }
    runs
}

#[test]
fn every_atom_feed_reads_cleanly_in_feedparser() {
    let test = "every_atom_feed_reads_cleanly_in_feedparser";
    if !tool(
        test,
        "Python's feedparser",
        "python3",
        &["-c", "import feedparser"],
    ) {
        return;
    }
    let out = sample();
    let feeds: Vec<String> = files_under(out)
        .into_iter()
        .filter(|f| f.ends_with("feed.xml"))
        .collect();
    assert!(feeds.len() > 100, "{} feeds", feeds.len());
    let mut child = Command::new("python3")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validators/feeds.py"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let list: String = feeds
        .iter()
        .map(|f| format!("{}\n", out.join(f).display()))
        .collect();
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(list.as_bytes())
        .expect("the list is written");
    let done = child.wait_with_output().expect("feeds.py ends");
    assert!(
        done.status.success(),
        "{}",
        String::from_utf8_lossy(&done.stderr)
    );
    let read: Vec<serde_json::Value> = String::from_utf8_lossy(&done.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object a feed"))
        .collect();
    assert_eq!(read.len(), feeds.len());
    for feed in &read {
        let path = feed["path"].as_str().expect("path");
        assert_eq!(feed["bozo"], false, "{path}: {}", feed["problem"]);
        assert_eq!(feed["version"], "atom10", "{path}");
        assert!(
            feed["title"].as_str().is_some_and(|t| !t.is_empty()),
            "{path}"
        );
        for e in feed["entries"].as_array().expect("entries") {
            assert!(
                e["id"].as_str().is_some_and(|i| i.starts_with("tag:")),
                "{path}: {e}"
            );
            assert!(e["updated"] == true, "{path}: {e}");
            assert!(
                e["title"].as_str().is_some_and(|t| !t.is_empty()),
                "{path}: {e}"
            );
        }
    }
    // The site's feed: the newest live postings, each linking to its page.
    let site = read
        .iter()
        .find(|f| f["path"].as_str() == Some(&out.join("feed.xml").display().to_string()))
        .expect("the site's feed.xml");
    let jobs: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("jobs.json")).expect("jobs.json"))
            .expect("JSON");
    let live: BTreeSet<String> = jobs["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .map(|p| {
            format!(
                "https://gig.example.org.cn/jobs/{}/",
                p["id"].as_str().expect("id")
            )
        })
        .collect();
    let entries = site["entries"].as_array().expect("entries");
    assert_eq!(entries.len(), live.len().min(50), "the newest 50 (README)");
    for e in entries {
        let link = e["link"].as_str().expect("link");
        assert!(live.contains(link), "{link} is a live posting's page");
    }
}

#[test]
fn the_sitemap_follows_the_sitemaps_protocol() {
    let test = "the_sitemap_follows_the_sitemaps_protocol";
    if !tool(
        test,
        "xmllint (Debian libxml2-utils)",
        "xmllint",
        &["--version"],
    ) {
        return;
    }
    let schema = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/validators/sitemap.xsd");
    let xmllint = |file: &Path| {
        Command::new("xmllint")
            .args(["--noout", "--schema"])
            .arg(&schema)
            .arg(file)
            .output()
            .expect("xmllint runs")
    };
    let sitemap = sample().join("sitemap.xml");
    let run = xmllint(&sitemap);
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // The schema can fail: a date written as an editor might is refused.
    let text = std::fs::read_to_string(&sitemap).expect("sitemap.xml");
    let dir = tempfile::tempdir().expect("tempdir");
    let bad = dir.path().join("sitemap.xml");
    let first = text.find("<lastmod>").expect("a lastmod") + "<lastmod>".len();
    let end = first + text[first..].find('<').expect("its end");
    std::fs::write(
        &bad,
        format!("{}27.11.2026{}", &text[..first], &text[end..]),
    )
    .expect("write");
    assert!(!xmllint(&bad).status.success(), "a bad lastmod must fail");
}
