//! `gigboard i18n`: a translator's round trip. Status counts what each language has,
//! export writes a sheet (read back here by openpyxl, which nobody here wrote), import
//! refuses a sheet with mistakes — all of them listed by sheet, row and key, nothing
//! written — and takes the corrected one into the site's theme, where the pages use it
//! and status can tell when the Chinese changes under a translation.

mod common;

use common::{Run, TestSite, sel};
use std::process::Command;

fn status(site: &TestSite) -> Vec<(String, usize, usize, usize, usize)> {
    let run = site.run(&["i18n", "status"]);
    run.expect_code(0);
    run.stdout
        .lines()
        .skip(1)
        .map(|l| {
            let cells: Vec<&str> = l.split_whitespace().collect();
            let n = |i: usize| cells[i].parse::<usize>().expect("a count");
            // code, name, translated, "/", total, missing, stale
            (cells[0].to_string(), n(2), n(4), n(5), n(6))
        })
        .collect()
}

/// The cells of a CSV line as the export writes them (no quoted commas in these rows).
fn set_cell(csv: &str, key: &str, column: usize, value: &str) -> String {
    csv.lines()
        .map(|line| {
            if line.split(',').next() == Some(key) {
                let mut cells: Vec<String> = split_csv(line);
                cells[column] = value.to_string();
                cells
                    .iter()
                    .map(|c| {
                        if c.contains([',', '"']) {
                            format!("\"{}\"", c.replace('"', "\"\""))
                        } else {
                            c.clone()
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(",")
            } else {
                line.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("\r\n")
}

fn split_csv(line: &str) -> Vec<String> {
    let mut cells = vec![String::new()];
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                cells.last_mut().expect("a cell").push('"');
            }
            '"' => quoted = !quoted,
            ',' if !quoted => cells.push(String::new()),
            c => cells.last_mut().expect("a cell").push(c),
        }
    }
    cells
}

fn import(site: &TestSite, file: &str) -> Run {
    let path = site.path(file);
    site.run(&["i18n", "import", path.to_str().expect("UTF-8")])
}

#[test]
fn status_counts_what_each_language_translates() {
    let site = TestSite::fixture("mini");
    let langs = status(&site);
    let en = langs.iter().find(|l| l.0 == "en").expect("English");
    let mn = langs.iter().find(|l| l.0 == "mn").expect("Mongolian");
    assert_eq!((en.3, en.4), (0, 0), "English is whole and current: {en:?}");
    assert_eq!(en.1, en.2);
    assert!(mn.1 * 2 < mn.2, "Mongolian is partial: {mn:?}");
    assert_eq!(mn.1 + mn.3, mn.2);
}

#[test]
fn the_exported_sheet_opens_in_openpyxl_with_every_text() {
    let has = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but Python's openpyxl is missing (.ci/run installs it)"
        );
        eprintln!("\n!!! SKIPPED: pip install openpyxl to read the exported sheet\n");
        return;
    }
    let site = TestSite::fixture("mini");
    let file = site.path("mn.xlsx");
    site.run(&[
        "i18n",
        "export",
        "--lang",
        "mn",
        file.to_str().expect("UTF-8"),
    ])
    .expect_code(0);
    let script = "import sys, json, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\nws = wb.worksheets[0]\nprint(json.dumps({'sheets': wb.sheetnames, 'frozen': ws.freeze_panes, 'rows': [[c if c is not None else '' for c in r] for r in ws.iter_rows(values_only=True)]}, ensure_ascii=False))";
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(&file)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let book: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(book["sheets"], serde_json::json!(["翻译", "说明"]));
    assert_eq!(book["frozen"], "A2", "the header row stays in view");
    let rows = book["rows"].as_array().expect("rows");
    assert_eq!(
        rows[0],
        serde_json::json!([
            "键（key）",
            "中文（zh-CN）",
            "English（en）",
            "ᠮᠣᠩᠭᠣᠯ（mn）",
            "出现在（where）"
        ])
    );
    let row = |key: &str| {
        rows.iter()
            .find(|r| r[0] == key)
            .unwrap_or_else(|| panic!("{key} is exported"))
    };
    let map = row("map_title");
    assert_eq!(map[1], "零工市场地图");
    assert_eq!(map[2], "Map of gig markets");
    assert_eq!(map[3], "", "not translated yet");
    assert!(map[4].as_str().is_some_and(|w| w.contains("map")), "{map}");
    let built_in = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/mn.yaml"),
    )
    .expect("the built-in Mongolian");
    let nav_map = built_in
        .lines()
        .find_map(|l| l.strip_prefix("nav_map: "))
        .expect("nav_map is translated");
    assert_eq!(row("nav_map")[3], nav_map, "the current translation");
    let status = status(&site);
    let mn = status.iter().find(|l| l.0 == "mn").expect("mn");
    assert_eq!(rows.len() - 1, mn.2, "one row a text");
}

#[test]
fn a_sheet_with_mistakes_is_refused_whole_and_the_corrected_one_is_used() {
    let site = TestSite::fixture("mini");
    let before = site.read("content/site.yaml");
    site.run(&[
        "i18n",
        "export",
        "--lang",
        "mn",
        site.path("mn.csv").to_str().expect("UTF-8"),
    ])
    .expect_code(0);
    let exported = site.read("mn.csv");
    // Column 3 is the Mongolian one (key, Chinese, English, Mongolian, where).
    let good = set_cell(&exported, "map_title", 3, "ᠠᠵᠢᠯ ᠤᠨ ᠵᠠᠬ᠎ᠠ ᠶᠢᠨ ᠭᠠᠵᠠᠷ ᠤᠨ ᠵᠢᠷᠤᠭ");
    let bad = set_cell(&good, "event_headcount_total", 3, "ᠬᠦᠮᠦᠨ");
    let bad = set_cell(&bad, "nav_jobs", 3, "全部岗位");
    let bad = format!("{bad}\r\nmade_up_key,甲,A,ᠠ,\r\n");
    site.write("mn.csv", &bad);
    let run = import(&site, "mn.csv");
    run.expect_code(1);
    let line_of = |key: &str| {
        bad.lines()
            .position(|l| l.starts_with(&format!("{key},")))
            .expect("the row")
            + 1
    };
    for (key, why) in [
        ("event_headcount_total", "{n}"),
        ("nav_jobs", "汉字"),
        ("made_up_key", "没有这个键"),
    ] {
        run.expect_line_with(&[
            "mn.csv:工作表 mn:",
            &format!("第 {} 行:{key}:", line_of(key)),
            why,
        ]);
    }
    run.expect_line_with(&["3 problem(s); nothing was written"]);
    assert!(!site.path("themes").exists(), "nothing written");
    assert_eq!(site.read("content/site.yaml"), before);

    // Corrected (and saved by a Chinese Windows spreadsheet, in GBK):
    let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&good);
    assert!(!unmappable);
    std::fs::write(site.path("mn.csv"), &gbk).expect("write");
    let run = import(&site, "mn.csv");
    run.expect_code(0);
    run.expect_line_with(&["1 added", "unchanged"]);
    assert!(site.read("content/site.yaml").ends_with("theme: local\n"));
    let mn = status(&site);
    let was = status(&TestSite::fixture("mini"));
    let count =
        |s: &[(String, usize, usize, usize, usize)]| s.iter().find(|l| l.0 == "mn").expect("mn").1;
    assert_eq!(count(&mn), count(&was) + 1);

    // The pages use it.
    let langs = site.read("content/site.yaml");
    site.write(
        "content/site.yaml",
        &format!("{langs}languages: [en, mn]\n"),
    );
    site.run(&["build"]).expect_code(0);
    let map = site.html("mn/map/index.html");
    let h1: String = map.select(&sel("h1")).next().expect("h1").text().collect();
    assert!(h1.contains("ᠠᠵᠢᠯ ᠤᠨ ᠵᠠᠬ᠎ᠠ"), "{h1}");

    // The Chinese changes under the translation: status calls it stale.
    let zh = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/zh-CN.yaml"),
    )
    .expect("the built-in Chinese");
    site.write(
        "themes/local/i18n/zh-CN.yaml",
        &zh.replace("map_title: 零工市场地图", "map_title: 零工市场分布图"),
    );
    let now = status(&site);
    let mn = now.iter().find(|l| l.0 == "mn").expect("mn");
    assert_eq!(mn.4, 1, "one stale text: {mn:?}");
}

#[test]
fn the_switcher_says_which_language_is_only_partly_translated() {
    let site = TestSite::mini_in_three_languages();
    site.run(&["build"]).expect_code(0);
    for (page, mark) in [("index.html", "部分翻译"), ("en/index.html", "partial")] {
        let html = site.html(page);
        let links: Vec<(String, Option<String>)> = html
            .select(&sel(".lang-switch li"))
            .map(|li| {
                let name: String = li
                    .select(&sel("[lang]"))
                    .next()
                    .expect("the language's name, marked")
                    .text()
                    .collect();
                let partial = li
                    .select(&sel(".lang-partial"))
                    .next()
                    .map(|s| s.text().collect::<String>());
                (name, partial)
            })
            .collect();
        assert_eq!(
            links,
            [
                ("中文".to_string(), None),
                ("English".to_string(), None),
                ("ᠮᠣᠩᠭᠣᠯ".to_string(), Some(mark.to_string())),
            ],
            "{page}"
        );
    }
}

#[test]
fn a_theme_with_pictures_is_read_for_its_texts_only() {
    let site = TestSite::fixture("mini");
    let settings = site.read("content/site.yaml");
    site.write("content/site.yaml", &format!("{settings}theme: local\n"));
    std::fs::create_dir_all(site.path("themes/local/static/img")).expect("mkdir");
    std::fs::write(
        site.path("themes/local/static/img/logo.png"),
        b"\x89PNG\r\n\x1a\n\xff\xfe",
    )
    .expect("a picture");
    let langs = status(&site);
    assert!(langs.iter().any(|l| l.0 == "mn"), "{langs:?}");
}
