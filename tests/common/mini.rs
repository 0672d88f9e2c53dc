//! The `mini` fixture's feeds as tests write them: one valid posting of the `xincheng`
//! market, changed a line at a time into the mistake a test is about.

/// A new feed an editor adds to the mini site.
pub const NEW_FEED: &str = "content/jobs/new.yaml";

/// One valid posting of the `xincheng` market, as it appears in a feed.
pub const POSTING: &str = r#"  - id: "new-01"
    title: 小区绿化养护
    category: cleaning
    employer: {name: 测试园林有限公司, kind: company}
    pay: {amount: 200, unit: day}
    headcount: 2
    posted: 2026-11-27
    expires: 2026-11-29
    contact: {name: 周师傅, phone: "138-0000-0301"}
    verified: {by: 新城区审核员, on: 2026-11-27}
"#;

/// A feed of the `xincheng` market holding these postings.
pub fn feed(postings: &[String]) -> String {
    format!("market: xincheng\npostings:\n{}", postings.concat())
}

/// [`POSTING`] with the id `id` and each `(from, to)` line change applied.
pub fn posting(id: &str, changes: &[(&str, &str)]) -> String {
    let mut text = POSTING.replace("new-01", id);
    for (from, to) in changes {
        assert!(text.contains(from), "the posting has no {from:?}");
        text = text.replacen(from, to, 1);
    }
    text
}
