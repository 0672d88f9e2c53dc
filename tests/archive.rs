//! `gigboard archive`: feeds whose postings have all expired move to
//! `content/archive/YYYY/MM/`, are no longer checked, built or warned about; nothing else
//! moves, nothing is overwritten, and `--dry-run` moves nothing.

mod common;

use common::TestSite;

const OLD: &str = "content/jobs/old/2026-11-20.yaml";
const ARCHIVED: &str = "content/archive/2026/11/old/2026-11-20.yaml";

/// A feed of two postings that expired in November.
const OLD_FEED: &str = r#"market: xincheng
postings:
  - id: "old-01"
    title: 冷库卸货
    category: loading
    employer: {name: 测试冷链物流有限公司, kind: company}
    pay: {amount: 180, unit: day}
    posted: 2026-11-20
    expires: 2026-11-22
    contact: {name: 周师傅, phone: "138-0000-0301"}
    verified: {by: 新城区审核员, on: 2026-11-20}
  - id: "old-02"
    title: 仓库理货
    category: loading
    employer: {name: 测试冷链物流有限公司, kind: company}
    pay: {amount: 170, unit: day}
    posted: 2026-11-20
    expires: 2026-11-24
    contact: {name: 周师傅, phone: "138-0000-0302"}
    verified: {by: 新城区审核员, on: 2026-11-20}
"#;

fn site_with_an_old_feed() -> TestSite {
    let site = TestSite::fixture("mini");
    site.write(OLD, OLD_FEED);
    site
}

#[test]
fn an_all_expired_feed_is_summed_up_and_archived_by_its_last_month() {
    let site = site_with_an_old_feed();
    let run = site.run_as_editor(&["check"], &[]);
    run.expect_code(0);
    // One line for the whole site, not a warning per expired posting.
    let line = run.expect_line_with(&["content/jobs: 警告:", "gigboard archive"]);
    assert!(line.contains("1 个岗位文件里的 2 个岗位"), "{line}");
    assert!(!run.stderr.contains("old-01"), "{}", run.stderr);

    let dry = site.run_as_editor(&["archive", "--dry-run"], &[]);
    dry.expect_code(0);
    dry.expect_line_with(&[OLD, "会移到", ARCHIVED]);
    assert!(site.path(OLD).is_file(), "a dry run moves nothing");

    let run = site.run_as_editor(&["archive"], &[]);
    run.expect_code(0);
    run.expect_line_with(&[OLD, "已移到", ARCHIVED, "2 个岗位"]);
    run.expect_line_with(&["1 个岗位文件已归档"]);
    assert!(!site.path(OLD).exists());
    assert_eq!(site.read(ARCHIVED), OLD_FEED, "kept as it was");
    // The feeds that still hold a live posting stay.
    assert!(site.path("content/jobs/xincheng.yaml").is_file());
    assert!(site.path("content/jobs/huimin.yaml").is_file());

    let run = site.run(&["check"]);
    run.expect_code(0);
    assert!(!run.stderr.contains("gigboard archive"), "{}", run.stderr);
    site.run(&["build"]).expect_code(0);
    assert!(!site.output().join("jobs/old-01").exists());
    // Nothing is left to archive.
    site.run(&["archive"])
        .expect_line_with(&["0 feed(s) archived"]);
}

#[test]
fn a_feed_with_a_problem_or_a_taken_place_stays_where_it_is() {
    let site = site_with_an_old_feed();
    site.write(ARCHIVED, "kept from before\n");
    let broken = "content/jobs/old/2026-11-21.yaml";
    site.write(
        broken,
        &OLD_FEED
            .replace("old-0", "older-0")
            .replace("pay: {amount: 180", "pay: {amonut: 180"),
    );
    let run = site.run_as_editor(&["archive", "--before", "2027-06-01"], &[]);
    run.expect_code(0);
    run.expect_line_with(&[OLD, "已经有", ARCHIVED]);
    run.expect_line_with(&[broken, "有错误"]);
    assert_eq!(
        site.read(ARCHIVED),
        "kept from before\n",
        "nothing overwritten"
    );
    assert!(site.path(OLD).is_file() && site.path(broken).is_file());
    // The feeds with live postings are archived once they have expired too.
    run.expect_line_with(&[
        "content/jobs/xincheng.yaml",
        "已移到",
        "content/archive/2026/",
    ]);
}
