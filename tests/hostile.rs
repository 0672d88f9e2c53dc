//! Issue "Nothing lost, nothing leaked": the security review's findings on content, each
//! as an editor (or an attacker with write access to `content/`) would make it. Every
//! test here failed on the main branch before the fix.

mod common;

use common::{TestSite, gigboard};

/// A made-up ID-card number with a valid GB 11643 check character.
const ID: &str = "11010519491231002X";
const FEED: &str = "content/jobs/huimin.yaml";
const MARKET: &str = "content/markets/xincheng.yaml";

fn check(site: &TestSite) -> common::Run {
    site.run(&["check"])
}

#[test]
fn an_id_number_in_a_phone_field_is_an_error_not_a_tel_link() {
    let site = TestSite::fixture("mini");
    site.edit(
        FEED,
        "phone: \"138-0000-0201\"",
        &format!("phone: \"{ID}\""),
    );
    let run = check(&site);
    run.expect_code(1);
    run.expect_line_with(&["huimin.yaml:", "posting 1 · contact · phone", "ID-card"]);
}

#[test]
fn a_hotline_with_a_letter_o_is_an_error_naming_the_letter() {
    let site = TestSite::fixture("mini");
    site.edit(MARKET, "0471-0000-0101", "0472-0000-11O1");
    let run = check(&site);
    run.expect_code(1);
    run.expect_line_with(&["xincheng.yaml:", "hotline 1 · number", "`O` is a letter"]);
}

#[test]
fn personal_data_is_found_however_it_is_written_and_in_every_kind_of_file() {
    let written = [
        "110105 19491231 002X",
        "110105.1949.1231.002X",
        "１１０１０５１９４９１２３１００２Ｘ",
        "110105\u{3000}19491231\u{3000}002X",
        "1101\u{200b}0519491231002X",
    ];
    for number in written {
        let site = TestSite::fixture("mini");
        site.edit(
            FEED,
            "requirements: 按件计酬，每分拣一件 1.2 元",
            &format!("requirements: \"按件计酬，联系人 {number}\""),
        );
        let run = check(&site);
        run.expect_code(1);
        run.expect_line_with(&["posting 1 · requirements", "ID-card"]);
    }
    // A line break inside the number (a page shows it rejoined).
    let site = TestSite::fixture("mini");
    site.edit(
        FEED,
        "requirements: 按件计酬，每分拣一件 1.2 元",
        "requirements: |\n      按件计酬 110105\n      19491231002X",
    );
    check(&site).expect_line_with(&["posting 1 · requirements", "ID-card"]);
    // +86 mobiles outside the contact field.
    let site = TestSite::fixture("mini");
    site.edit(
        FEED,
        "requirements: 按件计酬，每分拣一件 1.2 元",
        "requirements: \"按件计酬，每件 1.2 元，微信 +86 138 0013 8000\"",
    );
    check(&site).expect_line_with(&["posting 1 · requirements", "mobile number"]);

    // Who verified a posting is published.
    let site = TestSite::fixture("mini");
    site.edit(
        FEED,
        "by: 回民区审核员, on: 2026-11-27",
        &format!("by: \"审核员 {ID}\", on: 2026-11-27"),
    );
    check(&site).expect_line_with(&["posting 1 · verified · by", "ID-card"]);

    // site.yaml (the footer is on every page), a market, a page, regions.yaml.
    let places = [
        ("content/site.yaml", "note: 本站为测试站点", "footer · note"),
        (MARKET, "address: 新城区测试路 1 号", "address"),
        (
            "content/regions.yaml",
            "name: 呼和浩特市",
            "league 1 · name",
        ),
    ];
    for (file, line, field) in places {
        let site = TestSite::fixture("mini");
        site.edit(file, line, &format!("{line} {ID}"));
        let run = check(&site);
        run.expect_code(1);
        run.expect_line_with(&[file, field, "ID-card"]);
    }
    let site = TestSite::fixture("mini");
    let page = site.read("content/pages/about.md");
    site.write(
        "content/pages/about.md",
        &format!("{page}\n负责人身份证 {ID}\n"),
    );
    check(&site).expect_line_with(&["about.md", "body", "ID-card"]);
}

#[test]
fn control_characters_written_as_escapes_are_refused_at_their_line() {
    for escape in ["\\x0b", "\\x01", "\\uFFFE", "\\e[2J"] {
        let site = TestSite::fixture("mini");
        site.edit(
            FEED,
            "title: 快递包裹分拣",
            &format!("title: \"快递{escape}分拣\""),
        );
        let run = check(&site);
        run.expect_code(1);
        let line = run.expect_line_with(&["huimin.yaml:", "control character"]);
        assert!(!line.contains('\u{1b}'), "{line:?}");
    }
}

#[test]
fn aliases_that_copy_megabytes_are_refused_without_using_the_memory() {
    let site = TestSite::fixture("mini");
    let long = "长".repeat(300_000);
    let mut feed = format!("market: huimin\nx_text: &t \"{long}\"\nx_copies:\n");
    for _ in 0..1_000 {
        feed.push_str("  - *t\n");
    }
    feed.push_str("postings: []\n");
    site.write("content/jobs/bomb.yaml", &feed);
    let run = check(&site);
    run.expect_code(1);
    run.expect_line_with(&["bomb.yaml:", "aliases"]);
}

/// Content files are only ordinary files: a pipe (which would block the check until
/// someone writes to it) or a link to a device (which never ends) is not read.
#[cfg(unix)]
#[test]
fn a_pipe_or_a_device_in_content_never_hangs_the_check() {
    let site = TestSite::fixture("mini");
    let fifo = site.path("content/jobs/pipe.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    assert!(made, "mkfifo");
    std::os::unix::fs::symlink("/dev/zero", site.path("content/jobs/zero.yaml")).expect("link");
    let started = std::time::Instant::now();
    check(&site).expect_code(0);
    site.run(&["build"]).expect_code(0);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[cfg(unix)]
#[test]
fn a_check_store_that_is_a_pipe_or_a_device_is_not_read() {
    let site = TestSite::fixture("mini");
    let cache = tempfile::tempdir().expect("cache");
    // The store is one file per site in the cache folder: find its name from a first check.
    common::run_with_cache(
        &["check", "--root", site.root().to_str().expect("utf8")],
        cache.path(),
    )
    .expect_code(0);
    let store = walkdir::WalkDir::new(cache.path())
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_type().is_file())
        .expect("a store file")
        .into_path();
    std::fs::remove_file(&store).expect("rm");
    std::os::unix::fs::symlink("/dev/zero", &store).expect("link");
    let started = std::time::Instant::now();
    common::run_with_cache(
        &["check", "--root", site.root().to_str().expect("utf8")],
        cache.path(),
    )
    .expect_code(0);
    assert!(started.elapsed() < std::time::Duration::from_secs(30));
}

#[test]
fn messages_never_carry_terminal_escape_sequences() {
    let site = TestSite::fixture("mini");
    let feed = site.read(FEED);
    site.write(
        "content/jobs/\u{1b}]0;pwned\u{7}.yaml",
        &feed.replace("huimin-2026", "x-2026"),
    );
    site.edit(FEED, "category: loading", "category: \"\u{1b}[31mloading\"");
    let run = check(&site);
    assert!(
        !run.stderr.contains('\u{1b}') && !run.stderr.contains('\u{7}'),
        "{:?}",
        run.stderr
    );
}

#[test]
fn new_posting_never_writes_outside_content() {
    let site = TestSite::fixture("mini");
    let run = gigboard(&[
        "new",
        "posting",
        "--market",
        "../../../x",
        "--date",
        "2026-11-27",
        "--root",
        site.root().to_str().expect("utf8"),
    ]);
    run.expect_code(2);
    assert!(!site.root().join("../x").exists());
    assert!(!site.path("x").exists());
}

#[test]
fn a_static_file_may_not_replace_the_theme_s_script() {
    let site = TestSite::fixture("mini");
    site.write("content/static/js/site.js", "alert(1)");
    let run = check(&site);
    run.expect_code(1);
    run.expect_line_with(&["content/static/js/site.js", "theme's own `js/site.js`"]);
}

#[test]
fn base_url_must_be_a_whole_web_address() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/site.yaml",
        "base_url: https://gig.example.org.cn/",
        "base_url: \"https://gig.example.org.cn/\\\"><script>x</script>\"",
    );
    check(&site).expect_line_with(&["site.yaml:", "base_url"]);
}

#[test]
fn spreadsheet_cells_never_run_as_formulas() {
    let site = TestSite::fixture("mini");
    site.edit(
        MARKET,
        "name: 新城区测试零工市场",
        "name: \"=HYPERLINK(\\\"http://x\\\",\\\"点我\\\")\"",
    );
    site.edit(
        MARKET,
        "operator: 新城区公共就业服务中心（测试）",
        "operator: \"@SUM(1+1)\"",
    );
    site.run(&["build"]).expect_code(0);
    let csv = site.output_text("markets.csv");
    for line in csv.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || cell.parse::<f64>().is_ok(),
                "a cell a spreadsheet would run: {cell}"
            );
        }
    }
    assert!(csv.contains("'=HYPERLINK"), "{csv}");
}
