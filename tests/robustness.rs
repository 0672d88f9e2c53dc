//! Issue "Trust and safety": bad input never panics, hangs or escapes `output/`.
//!
//! The property tests below are the fuzz harness of the loaders (proptest over
//! arbitrary and mutated YAML and markdown). They run 256 cases in `cargo test`; for a
//! longer, still bounded run: `PROPTEST_CASES=20000 cargo test --release --test robustness`.
//! A crash they find becomes a named regression test here.

mod common;

use common::TestSite;
use gigboard::load::decode::{FieldPath, decode};
use gigboard::load::records::{
    FeedHeader, MarketFile, PageMeta, RawPosting, RegionsFile, SiteConfig,
};
use gigboard::load::yaml;
use proptest::prelude::*;
use std::time::{Duration, Instant};

const FEED: &str = include_str!("fixtures/mini/content/jobs/huimin.yaml");

/// Parses and decodes `text` as every record type: it may fail, it must not panic.
fn load_all(text: &str) {
    let Ok(node) = yaml::parse(text) else { return };
    let _ = decode::<RawPosting>(&node, FieldPath::Root(""));
    let _ = decode::<MarketFile>(&node, FieldPath::Root(""));
    let _ = decode::<SiteConfig>(&node, FieldPath::Root(""));
    let _ = decode::<RegionsFile>(&node, FieldPath::Root(""));
    let _ = decode::<FeedHeader>(&node, FieldPath::Root(""));
    let _ = decode::<PageMeta>(&node, FieldPath::Root(""));
    if let Some(yaml::Value::Seq(items)) = node.get("postings").map(|n| &n.value) {
        for item in items {
            let _ = decode::<RawPosting>(item, FieldPath::Root("postings[0]"));
        }
    }
}

/// A document whose anchors are copied by aliases: a text of `text_kb` KB (with
/// `escapes` inside), a list of `items` aliases to it, `nested` levels of lists of
/// aliases to the level below, then `copies` aliases to the top.
fn alias_bomb(text_kb: usize, items: usize, copies: usize, nested: usize, escapes: &str) -> String {
    let mut doc = format!(
        "market: x\nt: &t \"{}{escapes}\"\nl0: &l0 [",
        "长".repeat(text_kb * 1024 / 3)
    );
    doc.push_str(&vec!["*t"; items].join(", "));
    doc.push_str("]\n");
    for level in 1..=nested {
        doc.push_str(&format!(
            "l{level}: &l{level} [{}]\n",
            vec![format!("*l{}", level - 1); 9].join(", ")
        ));
    }
    doc.push_str("copies:\n");
    for _ in 0..copies {
        doc.push_str(&format!("  - *l{nested}\n"));
    }
    doc
}

/// The bytes of every text in a tree (what it holds in memory, near enough).
fn text_bytes(node: &yaml::Node) -> usize {
    match &node.value {
        yaml::Value::Str(s) => s.len(),
        yaml::Value::Seq(items) => items.iter().map(text_bytes).sum(),
        yaml::Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| text_bytes(k) + text_bytes(v))
            .sum(),
        _ => 0,
    }
}

/// A mutation of the fixture feed: a slice replaced by arbitrary text.
fn mutated() -> impl Strategy<Value = String> {
    (0..FEED.len(), 0..40usize, "\\PC{0,12}").prop_map(|(at, len, insert)| {
        let mut at = at;
        while !FEED.is_char_boundary(at) {
            at -= 1;
        }
        let mut end = (at + len).min(FEED.len());
        while !FEED.is_char_boundary(end) {
            end -= 1;
        }
        format!("{}{}{}", &FEED[..at], insert, &FEED[end..])
    })
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_the_loaders(text in "\\PC{0,400}") {
        load_all(&text);
    }

    #[test]
    fn yaml_shaped_noise_never_panics_the_loaders(text in "([a-z_]{1,8}: ?[-\\[\\]{}:,&*!|>'\"0-9a-z\\n ]{0,20}\\n){0,20}") {
        load_all(&text);
    }

    #[test]
    fn mutated_feeds_never_panic_the_loaders(text in mutated()) {
        load_all(&text);
    }

    /// Hostile alias use: anchors on texts, lists and groups of any size, copied by
    /// aliases again and again, nested. Whatever the loader accepts stays within the
    /// bytes a content file may hold; the rest is refused, quickly.
    #[test]
    fn aliases_never_expand_a_document_past_its_budget(
        text_kb in 0usize..600,
        items in 1usize..60,
        copies in 0usize..3000,
        nested in 0usize..4,
        escapes in "(\\\\x0b|\\\\u0001|\\\\uFFFE|a){0,2}",
    ) {
        let doc = alias_bomb(text_kb, items, copies, nested, &escapes);
        let started = Instant::now();
        if let Ok(node) = yaml::parse(&doc) {
            prop_assert!(text_bytes(&node) <= 2 * yaml::MAX_FILE_BYTES, "expanded to {} bytes", text_bytes(&node));
        }
        prop_assert!(started.elapsed() < Duration::from_secs(20));
    }

    #[test]
    fn markdown_never_panics_and_never_keeps_a_script(text in "\\PC{0,300}", tag in "(script|iframe|style|img src=x onerror=alert\\(1\\)|a href=\"javascript:alert\\(1\\)\")") {
        let html = gigboard::markdown::to_html(&format!("{text}<{tag}>x</{tag}>{text}")).html;
        let doc = scraper::Html::parse_fragment(&html);
        for el in doc.root_element().descendants().filter_map(scraper::ElementRef::wrap) {
            let name = el.value().name();
            prop_assert!(!matches!(name, "script" | "iframe" | "style"), "{name} kept in {html}");
            for (attr, value) in el.value().attrs() {
                prop_assert!(!attr.starts_with("on"), "{attr} kept in {html}");
                prop_assert!(!value.trim_start().to_ascii_lowercase().starts_with("javascript:"), "{value} kept in {html}");
            }
        }
    }
}

/// Runs `check` on the mini site with `rel` replaced, bounded in time.
fn check_with(rel: &str, text: &str) -> common::Run {
    let site = TestSite::fixture("mini");
    site.write(rel, text);
    let started = Instant::now();
    let run = site.run(&["check"]);
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "check took {:?}",
        started.elapsed()
    );
    run
}

#[test]
fn a_50_mb_feed_is_refused_with_a_clear_message() {
    let mut big = String::from("market: huimin\npostings:\n");
    let item = FEED.split_once("postings:\n").expect("postings").1;
    while big.len() < 50 * 1024 * 1024 {
        big.push_str(item);
    }
    let run = check_with("content/jobs/big.yaml", &big);
    run.expect_code(1);
    assert!(
        run.stderr.contains("content/jobs/big.yaml") && run.stderr.contains("MB"),
        "{}",
        run.stderr
    );
}

#[test]
fn ten_thousand_levels_of_nesting_are_refused() {
    let deep = format!(
        "market: huimin\npostings: {}{}\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let run = check_with("content/jobs/deep.yaml", &deep);
    run.expect_code(1);
    assert!(
        run.stderr.contains("content/jobs/deep.yaml"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_billion_laughs_alias_bomb_is_refused() {
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for c in 'b'..='i' {
        bomb.push_str(&format!(
            "{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
        ));
        prev = c;
    }
    bomb.push_str("market: *i\n");
    let run = check_with("content/jobs/bomb.yaml", &bomb);
    run.expect_code(1);
    assert!(
        run.stderr.contains("content/jobs/bomb.yaml"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_posting_body_of_one_megabyte_is_refused_naming_the_limit() {
    let site = TestSite::fixture("mini");
    let body = "砌墙、抹灰、搬运。".repeat(1024 * 1024 / 27);
    let feed = site.read("content/jobs/huimin.yaml");
    let feed = feed.replacen(
        "    requirements: 按件计酬",
        &format!("    body: \"{body}\"\n    requirements: 按件计酬"),
        1,
    );
    site.write("content/jobs/huimin.yaml", &feed);
    let run = site.run(&["build"]);
    run.expect_code(1);
    run.expect_line_with(&["huimin.yaml:", "posting 1 · body", "at most 10000"]);
    // A title of a hundred thousand characters would fill the board, the kiosk and
    // the sheet: refused the same way.
    let title = "长".repeat(100_000);
    let feed =
        site.read("content/jobs/huimin.yaml")
            .replacen(&format!("    body: \"{body}\"\n"), "", 1);
    let feed = feed.replacen("title: ", &format!("title: {title}\n    x_old_title: "), 1);
    site.write("content/jobs/huimin.yaml", &feed);
    let run = site.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["posting 1 · title", "100000 characters", "at most 60"]);
}

#[test]
fn file_names_with_spaces_unicode_and_dots_are_read() {
    let site = TestSite::fixture("mini");
    let feed = site.read("content/jobs/huimin.yaml");
    std::fs::remove_file(site.path("content/jobs/huimin.yaml")).expect("rm");
    site.write("content/jobs/回民 区/今天 的..岗位.yaml", &feed);
    site.run(&["build"]).expect_code(0);
    assert!(
        site.output()
            .join("jobs/huimin-20261127-01/index.html")
            .exists()
    );
}

#[test]
fn ids_that_would_leave_the_output_folder_are_errors() {
    for bad in ["../../evil", "a/b", "..", "con\u{0}x", "Ａ全角"] {
        let feed = FEED.replacen("id: \"huimin-20261127-01\"", &format!("id: {bad:?}"), 1);
        let run = check_with("content/jobs/huimin.yaml", &feed);
        run.expect_code(1);
        // A NUL is refused where the file is read, before it can be an id.
        let named = run.stderr.contains("posting 1 · id")
            || (bad.contains('\0') && run.stderr.contains("control character (U+0000)"));
        assert!(named, "{bad}: {}", run.stderr);
    }
}

#[test]
fn two_ids_that_differ_only_in_case_are_one_address() {
    let site = TestSite::fixture("mini");
    let feed = site.read("content/jobs/huimin.yaml");
    site.write(
        "content/jobs/copy.yaml",
        &feed
            .replace("huimin-20261127-01", "HUIMIN-20261127-01")
            .replace("huimin-2026", "copy-2026"),
    );
    let run = site.run(&["check"]);
    run.expect_code(1);
    assert!(run.stderr.contains("is already used"), "{}", run.stderr);
}

#[test]
fn fee_wording_is_an_error_and_its_negation_is_not() {
    let asks = FEED.replacen(
        "requirements: 按件计酬，每分拣一件 1.2 元",
        "requirements: 按件计酬，每分拣一件 1.2 元，入职先交押金200元",
        1,
    );
    let run = check_with("content/jobs/huimin.yaml", &asks);
    run.expect_code(1);
    run.expect_line_with(&[
        "content/jobs/huimin.yaml:13:",
        "posting 1 · requirements",
        "押金",
    ]);
    let says_no = FEED.replacen(
        "requirements: 按件计酬，每分拣一件 1.2 元",
        "requirements: 按件计酬，每分拣一件 1.2 元，不收取任何押金",
        1,
    );
    check_with("content/jobs/huimin.yaml", &says_no).expect_code(0);
}

#[test]
fn id_card_and_bank_numbers_in_published_text_are_errors() {
    for (text, word) in [
        ("身份证11010519491231002X", "ID-card"),
        ("工资打到4111 1111 1111 1111", "bank"),
        ("联系13912345678", "mobile"),
    ] {
        let feed = FEED.replacen(
            "requirements: 按件计酬，每分拣一件 1.2 元",
            &format!("requirements: 按件计酬，每件 1.2 元，{text}"),
            1,
        );
        let run = check_with("content/jobs/huimin.yaml", &feed);
        run.expect_code(1);
        assert!(run.stderr.contains(word), "{text}: {}", run.stderr);
    }
}

#[test]
fn private_notes_are_never_published() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/jobs/huimin.yaml",
        "    requirements: 按件计酬，每分拣一件 1.2 元\n",
        "    requirements: 按件计酬，每分拣一件 1.2 元\n    private:\n      note: 审核员备忘PRIVATE-MARKER\n",
    );
    site.run(&["build"]).expect_code(0);
    for rel in site.output_files() {
        let bytes = std::fs::read(site.output().join(&rel)).expect("read");
        assert!(
            !String::from_utf8_lossy(&bytes).contains("PRIVATE-MARKER"),
            "{rel}"
        );
    }
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let site = TestSite::fixture("mini");
    site.run(&["check"]).expect_code(0);
    site.run(&["check", "--deny-warnings"]).expect_code(1);
}

#[test]
fn discrimination_and_hype_are_warnings() {
    let feed = FEED.replacen(
        "title: 快递包裹分拣",
        "title: 快递包裹分拣（限男性，高薪）",
        1,
    );
    let run = check_with("content/jobs/huimin.yaml", &feed);
    run.expect_code(0);
    assert!(
        run.stderr.contains("warning: posting 1 · title")
            || run.stderr.contains(": warning: posting 1 · title"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("限男性") && run.stderr.contains("高薪"),
        "{}",
        run.stderr
    );
}
