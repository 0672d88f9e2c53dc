//! The editor's day: `init` makes a site for any county or league whose only problems
//! are the fill-ins an editor must write (never published: a placeholder is an error),
//! and which builds once they are written; `new posting` and `new market` write
//! templates whose fill-ins `check` names one by one; `init` never overwrites.

mod common;

use common::{Run, gigboard};
use std::path::Path;

/// The day every command here runs on: never the real clock's.
const DAY: &str = "2026-12-01";

fn root_arg(dir: &Path) -> &str {
    dir.to_str().expect("utf8 path")
}

fn check(site: &Path) -> Run {
    gigboard(&["check", "--root", root_arg(site), "--date", DAY])
}

/// The one market file of a fresh site.
fn market_file(site: &Path) -> std::path::PathBuf {
    std::fs::read_dir(site.join("content/markets"))
        .expect("markets")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .next()
        .expect("one market")
}

/// Writes real-looking facts where the market template has its fill-ins.
fn fill_in_market(path: &Path) {
    let text = std::fs::read_to_string(path).expect("the market file");
    let mut numbers = ["0472-8120000", "0472-8120001"].into_iter();
    let filled: Vec<String> = text
        .lines()
        .map(|l| {
            let l = l
                .replace("（请填写详细地址）", "示例镇示例路 1 号")
                .replace("（请填写公交线路和站点）", "客运站步行 5 分钟")
                .replace("（请填写运营单位）", "公共就业服务中心")
                .replace(
                    "（请填写几句话介绍这个市场：提供哪些服务、什么时候人最多、冬天有没有供暖。）",
                    "早上人最多，冬天有供暖。",
                );
            if l.contains("0000-0000-0000") {
                l.replace("0000-0000-0000", numbers.next().expect("two numbers"))
            } else {
                l
            }
        })
        .collect();
    std::fs::write(path, filled.join("\n") + "\n").expect("write");
}

#[test]
fn init_names_what_to_fill_in_and_builds_once_it_is_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("county-site");
    gigboard(&["init", root_arg(&site), "--county", "150102"]).expect_code(0);
    for f in [
        "content/site.yaml",
        "content/regions.yaml",
        "README.md",
        "content/pages/employers.md",
    ] {
        assert!(site.join(f).exists(), "{f}");
    }
    let market = market_file(&site);
    let run = check(&site);
    run.expect_code(1);
    assert!(run.diagnostics("warning").is_empty(), "{}", run.stderr);
    let errors = run.diagnostics("error");
    assert_eq!(errors.len(), 6, "{}", run.stderr);
    let market_text = std::fs::read_to_string(&market).expect("market");
    for (needle, field) in [
        ("（请填写详细地址）", "address"),
        ("（请填写运营单位）", "operator"),
        ("\"0000-0000-0000\"", "hotline 1 · number"),
    ] {
        let at = common::location(
            &format!(
                "content/markets/{}",
                market.file_name().expect("name").to_string_lossy()
            ),
            &market_text,
            needle,
        );
        run.expect_line_with(&[&format!("{at}: error: {field}:")]);
    }
    // Nothing is built while a fill-in is left: no made-up number is ever published.
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(1);
    assert!(!site.join("output").exists());

    fill_in_market(&market);
    check(&site).expect_code(0);
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
    // What the builds and the check made beside the content is all in .gitignore.
    let ignored = std::fs::read_to_string(site.join(".gitignore")).expect(".gitignore");
    for entry in std::fs::read_dir(&site).expect("the site folder") {
        let name = entry
            .expect("an entry")
            .file_name()
            .to_string_lossy()
            .into_owned();
        let listed = ignored
            .lines()
            .any(|pattern| match pattern.strip_suffix('*') {
                Some(prefix) => name.starts_with(prefix),
                None => pattern.trim_end_matches('/') == name,
            });
        assert!(
            listed || ["content", "README.md", ".gitignore"].contains(&name.as_str()),
            "{name} is made by gigboard but not ignored"
        );
    }
    let board = std::fs::read_to_string(site.join("output/index.html")).expect("board");
    assert!(
        board.contains("新城区零工市场信息网"),
        "named for its place"
    );
}

#[test]
fn init_makes_a_site_for_every_county_and_league() {
    let regions =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("content/regions.yaml"))
            .expect("the sample's regions");
    // Counties are the list items six spaces in: `- code: "150102"`, then `name: 新城区`.
    let lines: Vec<&str> = regions.lines().collect();
    let counties: Vec<(String, String)> = lines
        .windows(2)
        .filter_map(|pair| {
            let code = pair[0]
                .strip_prefix("      - code: \"")?
                .strip_suffix('"')?;
            let name = pair[1].trim().strip_prefix("name: ")?;
            Some((code.to_string(), name.to_string()))
        })
        .collect();
    assert_eq!(counties.len(), 103);
    let tmp = tempfile::tempdir().expect("tempdir");
    for (code, name) in &counties {
        let site = tmp.path().join(code);
        gigboard(&["init", root_arg(&site), "--county", code]).expect_code(0);
        let settings = std::fs::read_to_string(site.join("content/site.yaml")).expect("site");
        assert!(
            settings.contains(&format!("title: {name}零工市场信息网")),
            "{code}"
        );
        let own = std::fs::read_to_string(site.join("content/regions.yaml")).expect("regions");
        assert_eq!(
            own.matches("wage_class").count(),
            1,
            "{code}: only its county"
        );
        assert!(own.contains(&format!("code: \"{code}\"")), "{code}");
        let market = market_file(&site);
        assert!(market.ends_with(format!("market-{code}.yaml")), "{code}");
        // Only the fill-ins, no warning: the county has its market.
        let run = check(&site);
        assert!(
            run.diagnostics("warning").is_empty(),
            "{code}: {}",
            run.stderr
        );
        assert_eq!(run.diagnostics("error").len(), 6, "{code}: {}", run.stderr);
        fill_in_market(&market);
        check(&site).expect_code(0);
    }
    // By name too; a league with all its counties; a code that is no county.
    let by_name = tmp.path().join("by-name");
    gigboard(&["init", root_arg(&by_name), "--county", "固阳县"]).expect_code(0);
    assert!(by_name.join("content/markets/market-150222.yaml").exists());
    let league = tmp.path().join("league");
    gigboard(&["init", root_arg(&league), "--league", "150200"]).expect_code(0);
    let own = std::fs::read_to_string(league.join("content/regions.yaml")).expect("regions");
    assert_eq!(
        own.matches("wage_class").count(),
        9,
        "包头市 has 9 counties"
    );
    fill_in_market(&market_file(&league));
    let run = check(&league);
    run.expect_code(0);
    assert_eq!(
        run.diagnostics("warning").len(),
        8,
        "the other counties still need a market: {}",
        run.stderr
    );
    let run = gigboard(&["init", root_arg(&tmp.path().join("x")), "--county", "固阳"]);
    run.expect_code(2);
    assert!(run.stderr.contains("150222 固阳县"), "{}", run.stderr);
}

#[test]
fn init_with_the_whole_region_lists_all_103_counties() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let site = tmp.path().join("region");
    gigboard(&["init", root_arg(&site), "--region", "inner-mongolia"]).expect_code(0);
    let regions = std::fs::read_to_string(site.join("content/regions.yaml")).expect("regions");
    assert_eq!(regions.matches("wage_class").count(), 103);
    fill_in_market(&market_file(&site));
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let tmp = tempfile::tempdir().expect("tempdir");
    std::fs::write(tmp.path().join("notes.txt"), "keep me").expect("write");
    let run = gigboard(&["init", root_arg(tmp.path())]);
    run.expect_code(2);
    assert!(run.stderr.contains("not empty"), "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(tmp.path().join("notes.txt")).expect("kept"),
        "keep me"
    );
}

/// A ready site: init, the market filled in.
fn ready_site(tmp: &Path) -> (std::path::PathBuf, String) {
    let site = tmp.join("s");
    gigboard(&["init", root_arg(&site)]).expect_code(0);
    let market = market_file(&site);
    fill_in_market(&market);
    let id = market
        .file_stem()
        .expect("stem")
        .to_string_lossy()
        .into_owned();
    (site, id)
}

#[test]
fn new_posting_and_new_market_name_their_fill_ins_until_written() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (site, market) = ready_site(tmp.path());
    let new_posting = || {
        gigboard(&[
            "new",
            "posting",
            "--market",
            &market,
            "--root",
            root_arg(&site),
            "--date",
            DAY,
        ])
    };
    let first = new_posting();
    first.expect_code(0);
    let feed = std::path::PathBuf::from(first.stdout.trim());
    assert!(
        feed.ends_with(format!("content/jobs/{market}/2026-12-01.yaml")),
        "{}",
        feed.display()
    );
    new_posting().expect_code(0);
    let text = std::fs::read_to_string(&feed).expect("feed");
    assert!(
        text.contains(&format!("\"{market}-20261201-01\""))
            && text.contains(&format!("\"{market}-20261201-02\"")),
        "fresh ids:\n{text}"
    );
    // Filling in only `verified` publishes nothing: every fill-in is an error.
    let verified = text.replace(
        "# verified: {by: （请填写审核人）, on: 2026-12-01}",
        "verified: {by: 审核员, on: 2026-12-01}",
    );
    std::fs::write(&feed, &verified).expect("write");
    let run = check(&site);
    run.expect_code(1);
    for field in [
        "posting 1 · title",
        "posting 1 · employer · name",
        "posting 1 · contact · phone",
        "posting 1 · requirements",
        "posting 1 · body",
        "posting 2 · title",
    ] {
        run.expect_line_with(&[&format!(": error: {field}:")]);
    }
    run.expect_line_with(&["138-0000-0000", "the template's made-up number"]);
    // Written as an editor would, they are published.
    let real = verified
        .replace("（请填写岗位名称）", "小区楼道保洁")
        .replace("（请填写用工单位）", "测试物业服务有限公司")
        .replace("（请填写联系人）", "王经理")
        .replace("138-0000-0000", "139-4721-0001")
        .replace("（请填写要求）", "身体健康")
        .replace(
            "（请填写工作内容、结算方式、是否管饭、交通。）",
            "打扫楼道，日结。",
        );
    std::fs::write(&feed, real).expect("write");
    check(&site).expect_code(0);
    gigboard(&["build", "--root", root_arg(&site), "--date", DAY]).expect_code(0);
    let board = std::fs::read_to_string(site.join("output/index.html")).expect("board");
    assert!(board.contains("小区楼道保洁"));

    let new_market = gigboard(&[
        "new",
        "market",
        "--county",
        "150103",
        "--root",
        root_arg(&site),
    ]);
    new_market.expect_code(0);
    let path = site.join("content/markets/market-150103.yaml");
    assert!(path.exists());
    check(&site).expect_code(1);
    fill_in_market(&path);
    check(&site).expect_code(0);
    gigboard(&[
        "new",
        "market",
        "--county",
        "999999",
        "--root",
        root_arg(&site),
    ])
    .expect_code(2);
    gigboard(&[
        "new",
        "posting",
        "--market",
        "nope",
        "--root",
        root_arg(&site),
    ])
    .expect_code(2);
}

#[test]
fn new_posting_dates_what_it_writes_by_the_site_s_today() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (site, market) = ready_site(tmp.path());
    // A `date:` pinned in site.yaml is the day `new posting` writes, without --date.
    let config = site.join("content/site.yaml");
    let mut yaml = std::fs::read_to_string(&config).expect("site.yaml");
    yaml.push_str("\ndate: 2031-03-04\n");
    std::fs::write(&config, yaml).expect("pin the date");
    let added = gigboard(&[
        "new",
        "posting",
        "--market",
        &market,
        "--root",
        root_arg(&site),
    ]);
    added.expect_code(0);
    assert!(
        added
            .stdout
            .trim()
            .ends_with(&format!("content/jobs/{market}/2031-03-04.yaml")),
        "{}",
        added.stdout
    );
    let text = std::fs::read_to_string(added.stdout.trim()).expect("new feed");
    assert!(text.contains("posted: 2031-03-04"), "{text}");
    // --date wins over the pinned date.
    let added = gigboard(&[
        "new",
        "posting",
        "--market",
        &market,
        "--root",
        root_arg(&site),
        "--date",
        "2031-03-05",
    ]);
    added.expect_code(0);
    assert!(added.stdout.trim().ends_with("2031-03-05.yaml"));
}
