//! What an editor reads: every message in Chinese by default (the site's language),
//! in English with `--lang en` or `GIGBOARD_LANG=en`; positions in the editor's words
//! (第 1 条岗位 · 招聘人数) with `file:line:column` kept; the same stable codes in
//! `--format json` whatever the language; and the slips of a Chinese keyboard and of
//! Notepad explained in plain words, in both languages.

mod common;

use common::mini::{NEW_FEED, feed, posting};
use common::{Run, TestSite, line_col};

/// The mini site with a feed of one posting changed as given.
fn site_with(changes: &[(&str, &str)]) -> (TestSite, String) {
    let text = feed(&[posting("new-01", changes)]);
    let site = TestSite::fixture("mini");
    site.write(NEW_FEED, &text);
    (site, text)
}

/// `check` on the site as an editor runs it (Chinese) and with `--lang en`.
fn both(site: &TestSite) -> (Run, Run) {
    let zh = site.run_as_editor(&["check"], &[]);
    let en = site.run_as_editor(&["check", "--lang", "en"], &[]);
    (zh, en)
}

#[test]
fn an_editor_reads_chinese_by_default_and_english_when_asked() {
    let (site, text) = site_with(&[("headcount: 2", "headcount: 0")]);
    let (line, col) = line_col(&text, "0\n    posted");
    let at = format!("{NEW_FEED}:{line}:{col}");
    let (zh, en) = both(&site);
    zh.expect_code(1);
    zh.expect_line_with(&[
        &format!("{at}: 错误: 第 1 条岗位 · 招聘人数: "),
        "招聘人数至少是 1",
    ]);
    zh.expect_line_with(&["1 个错误", "请改正上面的错误"]);
    assert!(!zh.stderr.contains("error"), "{}", zh.stderr);
    en.expect_code(1);
    en.expect_line_with(&[
        &format!("{at}: error: posting 1 · headcount: "),
        "headcount must be at least 1",
    ]);
    en.expect_line_with(&["1 error(s)", "fix the errors above"]);
    assert!(!en.stderr.contains("错误"), "{}", en.stderr);

    // The environment, as tools usually take it; the flag wins over it.
    let env = site.run_as_editor(&["check"], &[("GIGBOARD_LANG", "en")]);
    env.expect_line_with(&["error: posting 1 · headcount"]);
    let flag = site.run_as_editor(&["check", "--lang", "zh"], &[("GIGBOARD_LANG", "en")]);
    flag.expect_line_with(&["错误: 第 1 条岗位 · 招聘人数"]);
    // A site in English speaks English to its editors.
    site.edit("content/site.yaml", "language: zh-CN", "language: en");
    let english_site = site.run_as_editor(&["check"], &[]);
    english_site.expect_line_with(&["error: posting 1 · headcount"]);
}

#[test]
fn json_keeps_its_fields_and_codes_in_both_languages() {
    let (site, _) = site_with(&[
        ("headcount: 2", "headcount: 0"),
        ("category: cleaning", "category: 保洁家政"),
    ]);
    let zh = site.run_as_editor(&["check", "--format", "json"], &[]);
    let en = site.run_as_editor(&["check", "--format", "json", "--lang", "en"], &[]);
    let parse = |run: &Run| -> serde_json::Value {
        serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
    };
    let (zh, en) = (parse(&zh), parse(&en));
    assert_eq!(zh["errors"], 2);
    let (zh, en) = (
        zh["diagnostics"].as_array().expect("a list").clone(),
        en["diagnostics"].as_array().expect("a list").clone(),
    );
    assert_eq!(zh.len(), en.len());
    let codes: Vec<&str> = zh.iter().filter_map(|d| d["code"].as_str()).collect();
    assert!(codes.contains(&"posting.headcount"), "{codes:?}");
    assert!(codes.contains(&"posting.category-missing"), "{codes:?}");
    for (z, e) in zh.iter().zip(&en) {
        for same in ["severity", "file", "line", "column", "field", "code"] {
            assert_eq!(z[same], e[same], "{same} differs between languages");
        }
        assert_ne!(z["message"], e["message"]);
    }
    let headcount = zh
        .iter()
        .find(|d| d["code"] == "posting.headcount")
        .expect("the headcount");
    assert_eq!(headcount["field"], "postings[0].headcount");
    assert_eq!(headcount["where"], "第 1 条岗位 · 招聘人数");
}

#[test]
fn the_build_says_in_chinese_that_the_old_site_is_kept() {
    let (site, _) = site_with(&[("headcount: 2", "headcount: 0")]);
    let run = site.run_as_editor(&["build"], &[]);
    run.expect_code(1);
    run.expect_line_with(&["构建停止：1 个错误", "没有改动，原来的网站照常可用"]);
    let run = site.run_as_editor(&["build", "--lang", "en"], &[]);
    run.expect_line_with(&["build stopped: 1 error(s)", "was not changed"]);
    let good = TestSite::fixture("mini");
    let run = good.run_as_editor(&["build"], &[]);
    run.expect_code(0);
    run.expect_line_with(&["已生成", "个页面", "发布在招岗位"]);
}

#[test]
fn a_date_on_the_command_line_is_explained_in_the_editors_language() {
    let site = TestSite::fixture("mini");
    let run = site.run_as_editor(&["check", "--date", "2026-99-99"], &[]);
    run.expect_code(2);
    run.expect_line_with(&["错误：--date 2026-99-99 不对", "年-月-日"]);
}

// ---- the slips of a Chinese keyboard and of Notepad, in plain words -----------------

#[test]
fn a_full_width_colon_a_missing_space_and_a_tab_are_named_at_the_character() {
    let (site, text) = site_with(&[("    title: 小区绿化养护", "    title：小区绿化养护")]);
    let (line, col) = line_col(&text, "：小区绿化养护");
    let (zh, en) = both(&site);
    zh.expect_code(1);
    zh.expect_line_with(&[
        &format!("{NEW_FEED}:{line}:{col}: 错误:"),
        "“title：”用了中文冒号“：”",
        "title: ",
    ]);
    en.expect_line_with(&[
        &format!("{NEW_FEED}:{line}:{col}: error:"),
        "a full-width colon after `title`",
    ]);
    assert!(!zh.stderr.contains("simple key"), "{}", zh.stderr);

    let (site, text) = site_with(&[("    headcount: 2", "    headcount:2")]);
    let (line, _) = line_col(&text, "headcount:2");
    let (zh, en) = both(&site);
    zh.expect_line_with(&[
        &format!("{NEW_FEED}:{line}:"),
        "冒号后面少了一个空格",
        "headcount: 2",
    ]);
    en.expect_line_with(&[
        &format!("{NEW_FEED}:{line}:"),
        "a space is needed after the colon",
    ]);

    let (site, text) = site_with(&[("    headcount: 2", "\theadcount: 2")]);
    let (line, _) = line_col(&text, "\theadcount");
    let (zh, en) = both(&site);
    zh.expect_line_with(&[&format!("{NEW_FEED}:{line}:1: 错误:"), "制表符（Tab 键）"]);
    en.expect_line_with(&[
        &format!("{NEW_FEED}:{line}:1: error:"),
        "a tab in the indentation",
    ]);
    assert!(!zh.stderr.contains("tabs disallowed"), "{}", zh.stderr);

    let (site, text) = site_with(&[("    headcount: 2", "  \u{3000}headcount: 2")]);
    let (line, _) = line_col(&text, "\u{3000}headcount");
    let (zh, en) = both(&site);
    zh.expect_line_with(&[&format!("{NEW_FEED}:{line}:3: 错误:"), "全角空格"]);
    en.expect_line_with(&[&format!("{NEW_FEED}:{line}:3: error:"), "full-width space"]);
}

#[test]
fn a_feed_saved_as_gbk_is_named_with_its_line_and_check_fix_converts_it() {
    let site = TestSite::fixture("mini");
    let text = feed(&[posting("gbk-01", &[])]);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    std::fs::write(site.path(NEW_FEED), &gbk).expect("write");
    let (line, _) = line_col(&text, "小区绿化养护");
    let (zh, en) = both(&site);
    zh.expect_code(1);
    zh.expect_line_with(&[
        &format!("{NEW_FEED}:{line}:1: 错误:"),
        "GBK/GB18030",
        "另存为",
        "--fix",
    ]);
    en.expect_line_with(&[
        &format!("{NEW_FEED}:{line}:1: error:"),
        "GBK/GB18030",
        "save it as UTF-8",
    ]);
    let run = site.run_as_editor(&["check", "--fix"], &[]);
    run.expect_code(0);
    run.expect_line_with(&[
        "已把 content/jobs/new.yaml 从 GBK 转成 UTF-8",
        "new.yaml.gbk.bak",
    ]);
    assert_eq!(site.read(NEW_FEED), text, "now UTF-8, the same text");
    assert_eq!(
        std::fs::read(site.path("content/jobs/new.yaml.gbk.bak")).expect("the copy"),
        gbk.to_vec(),
        "the original is kept"
    );
    // A file that is neither UTF-8 nor GBK is left alone and reported.
    std::fs::write(site.path(NEW_FEED), b"market: xincheng\n\xff\xfe\xff\n").expect("write");
    let run = site.run_as_editor(&["check", "--fix"], &[]);
    run.expect_code(1);
    run.expect_line_with(&[&format!("{NEW_FEED}:2:1: 错误:"), "不是 UTF-8"]);
}

#[test]
fn a_name_where_an_id_belongs_is_answered_with_the_id() {
    let (site, _) = site_with(&[("category: cleaning", "category: 保洁家政")]);
    let (zh, en) = both(&site);
    zh.expect_line_with(&[
        "第 1 条岗位 · 工种",
        "“保洁家政”是工种 `cleaning` 的名称",
        "category: cleaning",
    ]);
    en.expect_line_with(&[
        "posting 1 · category",
        "the name of the category `cleaning`",
    ]);
    let site = TestSite::fixture("mini");
    site.write(
        NEW_FEED,
        &feed(&[posting("name-01", &[])]).replace("market: xincheng", "market: 新城区测试零工市场"),
    );
    let (zh, en) = both(&site);
    zh.expect_code(1);
    zh.expect_line_with(&[
        &format!("{NEW_FEED}:1:"),
        "是市场 `xincheng` 的名称",
        "market: xincheng",
    ]);
    en.expect_line_with(&[
        &format!("{NEW_FEED}:1:"),
        "the name of the market `xincheng`",
    ]);
}

#[test]
fn on_rewritten_as_true_by_a_yaml_1_1_tool_is_explained() {
    let (site, _) = site_with(&[("on: 2026-11-27}", "true: 2026-11-27}")]);
    let (zh, en) = both(&site);
    zh.expect_code(1);
    zh.expect_line_with(&["第 1 条岗位 · 审核 · true", "应该是 `on`", "YAML 1.1"]);
    en.expect_line_with(&["posting 1 · verified · true", "should be `on`", "YAML 1.1"]);
}

#[test]
fn a_misspelt_field_is_answered_with_the_right_name_in_both_languages() {
    let (site, _) = site_with(&[("expires:", "expirs:")]);
    let (zh, en) = both(&site);
    zh.expect_line_with(&["没有 `expirs` 这个字段", "是不是想写 `expires`"]);
    en.expect_line_with(&["unknown field `expirs`", "did you mean `expires`?"]);
}

#[test]
fn a_mistake_in_a_market_file_is_reported_there_and_not_on_each_of_its_feeds() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/markets/xincheng.yaml",
        "status: operating",
        "status: operatin",
    );
    let (zh, en) = both(&site);
    zh.expect_code(1);
    zh.expect_line_with(&[
        "content/markets/xincheng.yaml",
        "operatin",
        "只能写下面其中一个",
    ]);
    assert!(!zh.stderr.contains("不存在"), "{}", zh.stderr);
    assert!(
        !en.stderr.contains("does not exist"),
        "its feeds are not told the market is missing:\n{}",
        en.stderr
    );
}

#[test]
fn a_market_short_of_the_plans_functions_is_told_their_names() {
    let site = TestSite::fixture("mini");
    site.edit(
        "content/markets/xincheng.yaml",
        "training, rights, legal]",
        "training]",
    );
    site.edit(
        "content/markets/xincheng.yaml",
        "seating, water, toilets, info_board]",
        "seating, toilets]",
    );
    let (zh, en) = both(&site);
    zh.expect_code(0);
    zh.expect_line_with(&[
        "content/markets/xincheng.yaml:18:",
        "警告: 服务:",
        "rights（劳动维权）、legal（法律咨询）",
    ]);
    zh.expect_line_with(&["警告: 设施:", "water（饮用水）、info_board（岗位信息栏）"]);
    en.expect_line_with(&["warning: services:", "missing: rights, legal"]);
}
