//! Bureaus keep postings in spreadsheets: `gigboard import` reads `.xlsx`, `.xls`, `.ods`
//! and `.csv` (UTF-8 or GBK), checks every row as a posting and reports each slip by
//! sheet, row and column, writing nothing until the sheet is right; importing it again
//! changes nothing, and a corrected row updates its posting. `new sheet` writes the
//! template, `export` the postings and the market directory. The sheets are typed by
//! LibreOffice (headless, from CSV) and written with rust_xlsxwriter; openpyxl opens
//! what gigboard writes.

mod common;

use common::{TestSite, snapshot};
use std::path::{Path, PathBuf};
use std::process::Command;

const HEADER: &str = "岗位名称,工种,用工单位,工资,招聘人数,用工形式,开工时间,截止日期,联系人,联系电话,即时快招,管饭,审核人,审核日期,所属市场";

/// Thirty good rows over both markets of the mini site, in the forms a clerk types.
fn good_rows() -> Vec<String> {
    (1..=30)
        .map(|i| {
            let market = if i % 3 == 0 { "回民区测试零工市场" } else { "xincheng" };
            let pay = match i % 4 {
                0 => "180元/天".to_string(),
                1 => "25-30元/小时".to_string(),
                2 => "200元/天".to_string(),
                _ => "4500元/月".to_string(),
            };
            let category = ["建筑装修", "保洁家政", "loading"][i % 3];
            let start = if i % 2 == 0 { "2026/11/28 7:30" } else { "2026年11月28日 8:00" };
            let expires = if i % 2 == 0 { "2026-11-30" } else { "2026年11月29日" };
            format!(
                "测试岗位{i:02},{category},呼和浩特市测试用工单位{i:02}有限公司,{pay},{},日结,{start},{expires},刘师傅,0471-33100{i:02},{},{},测试审核员,2026-11-27,{market}",
                1 + i % 5,
                if i % 5 == 0 { "是" } else { "否" },
                if i % 2 == 0 { "是" } else { "" },
            )
        })
        .collect()
}

fn csv_text(rows: &[String]) -> String {
    let mut text = format!("{HEADER}\n");
    for r in rows {
        text.push_str(r);
        text.push('\n');
    }
    text
}

fn soffice_present(test: &str) -> bool {
    let ok = Command::new("soffice")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        let msg = format!(
            "{test}: LibreOffice (soffice) is missing: apt-get install libreoffice-calc-nogui"
        );
        assert!(std::env::var_os("CI").is_none(), "{msg}; CI must run it");
        eprintln!("\n!!! SKIPPED {msg}\n");
    }
    ok
}

/// LibreOffice, headless, turns a UTF-8 CSV into `ext` (xlsx, ods, xls) as a clerk's
/// "save as" would; each run has its own profile so runs never share a lock.
fn libreoffice(csv: &Path, ext: &str, out: &Path) -> PathBuf {
    let profile = out.join(format!("lo-profile-{ext}"));
    let status = Command::new("soffice")
        .env_remove("LD_PRELOAD")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--infilter=CSV:44,34,76,1",
            "--convert-to",
            ext,
            "--outdir",
        ])
        .arg(out)
        .arg(csv)
        .output()
        .expect("soffice runs");
    assert!(
        status.status.success(),
        "soffice: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    let made = out.join(csv.with_extension(ext).file_name().expect("name"));
    assert!(made.is_file(), "{} was not made", made.display());
    made
}

fn import(site: &TestSite, sheet: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec!["import", sheet.to_str().expect("utf8")];
    args.extend(extra);
    site.run_as_editor(&args, &[])
}

fn content(site: &TestSite) -> std::collections::BTreeMap<String, Vec<u8>> {
    snapshot(&site.path("content"))
}

#[test]
fn a_sheet_typed_in_libreoffice_with_slips_is_refused_row_by_row_then_imports_once() {
    if !soffice_present("import from LibreOffice") {
        return;
    }
    let site = TestSite::fixture("mini");
    let dir = tempfile::tempdir().expect("tempdir");
    let mut rows = good_rows();
    // The slips a clerk makes, each in its own row and column.
    rows[0] = rows[0].replace("25-30元/小时", "面议"); // row 2, 工资 (D)
    rows[4] = rows[4].replace(",2026年11月29日,", ",下周一,"); // row 6, 截止日期 (H)
    rows[6] = rows[6].replace("0471-3310007", "138-0000-0000"); // row 8, 联系电话 (J)
    rows[9] = rows[9].replace(",保洁家政,", ",保洁,"); // row 11, 工种 (B)
    rows[12] = rows[12].replace(",日结,", ",日工,"); // row 14, 用工形式 (F)
    rows[19] = rows[19].replace("180元/天", "2元/天"); // row 21, under the wage floor
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, csv_text(&rows)).expect("write");
    let before = content(&site);
    for ext in ["xlsx", "ods", "xls"] {
        let sheet = libreoffice(&bad, ext, dir.path());
        let run = import(&site, &sheet, &[]);
        run.expect_code(1);
        for (row, column, words) in [
            (2, "工资（D 列）", "面议"),
            (6, "截止日期（H 列）", "下周一"),
            (8, "联系电话（J 列）", "138-0000-0000"),
            (11, "工种（B 列）", "保洁"),
            (14, "用工形式（F 列）", "日工"),
            (21, "工资（D 列）", "最低工资"),
        ] {
            let place = format!("bad.{ext}:工作表 bad:第 {row} 行:{column}");
            assert!(
                run.stderr
                    .lines()
                    .any(|l| l.starts_with(&place) && l.contains(words)),
                "{ext}: no `{place} … {words}` in\n{}",
                run.stderr
            );
        }
        assert!(run.stderr.contains("没有写入任何文件"), "{}", run.stderr);
        assert_eq!(content(&site), before, "{ext}: nothing written");
    }

    // Fixed, it imports: thirty postings, in each market's file.
    let good = dir.path().join("good.csv");
    std::fs::write(&good, csv_text(&good_rows())).expect("write");
    let xlsx = libreoffice(&good, "xlsx", dir.path());
    let run = import(&site, &xlsx, &[]);
    run.expect_code(0);
    assert!(
        run.stderr.contains("新增 30 个岗位，修改 0 个，未变 0 个"),
        "{}",
        run.stderr
    );
    for file in [
        "content/jobs/xincheng/2026-11-27-import.yaml",
        "content/jobs/huimin/2026-11-27-import.yaml",
    ] {
        assert!(site.path(file).is_file(), "{file}");
    }
    site.run(&["build"]).expect_code(0);
    let jobs: serde_json::Value =
        serde_json::from_str(&site.output_text("jobs.json")).expect("jobs.json");
    let titles: Vec<&str> = jobs["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .filter_map(|p| p["title"].as_str())
        .filter(|t| t.starts_with("测试岗位"))
        .collect();
    assert_eq!(titles.len(), 30, "{titles:?}");

    // The same sheet again, in any of its forms, changes nothing.
    let after = content(&site);
    for sheet in [
        xlsx.clone(),
        libreoffice(&good, "ods", dir.path()),
        libreoffice(&good, "xls", dir.path()),
        good.clone(),
    ] {
        let run = import(&site, &sheet, &[]);
        run.expect_code(0);
        assert!(
            run.stderr.contains("新增 0 个岗位，修改 0 个，未变 30 个"),
            "{}: {}",
            sheet.display(),
            run.stderr
        );
        assert_eq!(content(&site), after, "{}", sheet.display());
    }

    // A corrected row updates its posting, under the same id.
    let mut rows = good_rows();
    rows[2] = rows[2].replace("4500元/月", "4800元/月");
    let fixed = dir.path().join("fixed.csv");
    std::fs::write(&fixed, csv_text(&rows)).expect("write");
    let run = import(&site, &fixed, &[]);
    assert!(
        run.stderr.contains("新增 0 个岗位，修改 1 个，未变 29 个"),
        "{}",
        run.stderr
    );
    site.run(&["build"]).expect_code(0);
    let jobs: serde_json::Value =
        serde_json::from_str(&site.output_text("jobs.json")).expect("jobs.json");
    let row4: Vec<&serde_json::Value> = jobs["postings"]
        .as_array()
        .expect("postings")
        .iter()
        .filter(|p| p["title"] == "测试岗位03")
        .collect();
    assert_eq!(row4.len(), 1);
    assert_eq!(row4[0]["pay"]["min"], 4800.0);
    assert_eq!(row4[0]["pay"]["unit"], "month");
}

#[test]
fn a_gbk_csv_from_wps_imports_like_utf8() {
    let site = TestSite::fixture("mini");
    let dir = tempfile::tempdir().expect("tempdir");
    let text = csv_text(&good_rows()[..3]);
    let (gbk, _, _) = encoding_rs::GBK.encode(&text);
    let path = dir.path().join("岗位.csv");
    std::fs::write(&path, &gbk).expect("write");
    let run = import(&site, &path, &["--dry-run"]);
    run.expect_code(0);
    assert!(run.stderr.contains("新增 3 个岗位"), "{}", run.stderr);
    assert!(run.stderr.contains("没有写入任何文件"));
    let run = import(&site, &path, &[]);
    run.expect_code(0);
    let written = site.read("content/jobs/xincheng/2026-11-27-import.yaml");
    assert!(
        written.contains("呼和浩特市测试用工单位01有限公司"),
        "{written}"
    );
}

/// An xlsx with the cell forms written as cells (numbers, dates, booleans), not text.
#[test]
fn every_accepted_cell_form_means_what_a_clerk_means() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let site = TestSite::fixture("mini");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("forms.xlsx");
    let mut book = Workbook::new();
    let ws = book.add_worksheet();
    let header = [
        "编号",
        "岗位名称",
        "工种",
        "用工单位",
        "单位类型",
        "工资",
        "计薪方式",
        "招聘人数",
        "用工形式",
        "开工时间",
        "发布日期",
        "截止日期",
        "联系电话",
        "即时快招",
        "管饭",
        "住宿",
        "欢迎人群",
        "审核人",
        "审核日期",
        "所属市场",
        "状态",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(0, c as u16, *h).expect("header");
    }
    let date = Format::new().set_num_format("yyyy-mm-dd");
    let datetime = Format::new().set_num_format("yyyy-mm-dd hh:mm");
    // Row 2: numbers and real dates as Excel stores them.
    ws.write_string(1, 0, "forms-01").expect("cell");
    ws.write_string(1, 1, "装车").expect("cell");
    ws.write_string(1, 2, "装卸搬运").expect("cell");
    ws.write_string(1, 3, "测试物流有限公司").expect("cell");
    ws.write_string(1, 4, "企业").expect("cell");
    ws.write_number(1, 5, 200).expect("cell");
    ws.write_string(1, 6, "日结").expect("cell");
    ws.write_number(1, 7, 4).expect("cell");
    ws.write_string(1, 8, "日结").expect("cell");
    let start = ExcelDateTime::parse_from_str("2026-11-28T07:30:00").expect("dt");
    ws.write_datetime_with_format(1, 9, &start, &datetime)
        .expect("cell");
    let posted = ExcelDateTime::from_ymd(2026, 11, 27).expect("d");
    ws.write_datetime_with_format(1, 10, &posted, &date)
        .expect("cell");
    ws.write_number(1, 11, 46_355.0).expect("serial"); // 2026-11-29, a bare serial
    ws.write_string(1, 12, "0471-3310901").expect("cell");
    ws.write_boolean(1, 13, true).expect("cell");
    ws.write_string(1, 14, "√").expect("cell");
    ws.write_string(1, 15, "否").expect("cell");
    ws.write_string(1, 16, "大龄、残疾人").expect("cell");
    ws.write_string(1, 17, "测试审核员").expect("cell");
    ws.write_string(1, 18, "2026/11/27").expect("cell");
    ws.write_string(1, 19, "新城区测试零工市场").expect("cell");
    // Row 3: text forms: a range with its unit, Chinese dates, 已招满.
    for (c, v) in [
        "forms-02",
        "保洁",
        "保洁家政",
        "测试家政服务部",
        "个人",
        "25～30元/小时",
        "",
        "2人",
        "非全日制",
        "2026年11月28日 8:00",
        "2026年11月27日",
        "2026/11/30",
        "13947100002",
        "否",
        "否",
        "",
        "",
        "测试审核员",
        "2026-11-27",
        "xincheng",
        "已招满",
    ]
    .iter()
    .enumerate()
    {
        ws.write_string(2, c as u16, *v).expect("cell");
    }
    book.save(&path).expect("saved");

    import(&site, &path, &[]).expect_code(0);
    let yaml = site.read("content/jobs/xincheng/2026-11-27-import.yaml");
    for want in [
        "  - id: \"forms-01\"",
        "    category: \"loading\"",
        "    employer: {name: \"测试物流有限公司\", kind: company}",
        "    pay: {amount: 200, unit: day}",
        "    headcount: 4",
        "    kind: day",
        "    start: \"2026-11-28T07:30\"",
        "    posted: 2026-11-27",
        "    expires: 2026-11-29",
        "    quick_hire: true",
        "    conditions: {meals: true, lodging: false}",
        "    welcomes: [older, disabled]",
        "    verified: {by: \"测试审核员\", on: 2026-11-27}",
        "  - id: \"forms-02\"",
        "    employer: {name: \"测试家政服务部\", kind: individual}",
        "    pay: {min: 25, max: 30, unit: hour}",
        "    headcount: 2",
        "    kind: part_time",
        "    start: \"2026-11-28T08:00\"",
        "    expires: 2026-11-30",
        "    quick_hire: false",
        "    conditions: {meals: false}",
        "    status: filled",
    ] {
        assert!(yaml.contains(want), "no `{want}` in\n{yaml}");
    }
    site.run(&["build"]).expect_code(0);
    assert!(site.output().join("jobs/forms-01/index.html").is_file());
    assert!(
        site.output_text("jobs/forms-02/index.html")
            .contains("已招满"),
        "a filled posting says so"
    );
}

#[test]
fn a_sheet_without_a_market_or_with_one_posting_twice_says_which_rows() {
    let site = TestSite::fixture("mini");
    let dir = tempfile::tempdir().expect("tempdir");
    let rows = good_rows();
    let no_market: Vec<String> = rows[..2]
        .iter()
        .map(|r| r.rsplit_once(',').expect("market").0.to_string() + ",")
        .collect();
    let mut text = csv_text(&no_market);
    text.push_str(&rows[0].replace(",xincheng", ","));
    let path = dir.path().join("s.csv");
    std::fs::write(&path, &text).expect("write");
    let run = import(&site, &path, &[]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("s.csv:工作表 s:第 2 行:所属市场（O 列）")
            && run.stderr.contains("--market"),
        "{}",
        run.stderr
    );
    // Given the market, rows 2 and 4 are the same posting.
    let run = import(&site, &path, &["--market", "xincheng"]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("s.csv:工作表 s:第 4 行: 错误: 和第 2 行是同一个岗位"),
        "{}",
        run.stderr
    );
}

fn openpyxl(script: &str) -> String {
    let out = Command::new("python3")
        .args(["-c", script])
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn openpyxl_present(test: &str) -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "{test}: openpyxl is missing; CI must run it"
        );
        eprintln!("\n!!! SKIPPED {test}: pip install openpyxl\n");
    }
    ok
}

#[test]
fn the_template_filled_in_imports_and_its_example_row_never_does() {
    if !openpyxl_present("template") {
        return;
    }
    let site = TestSite::fixture("mini");
    let run = site.run(&["new", "sheet", "--market", "xincheng"]);
    run.expect_code(0);
    let path = site.path("岗位表-xincheng.xlsx");
    assert!(path.is_file());
    // A second run never writes over it.
    site.run(&["new", "sheet", "--market", "xincheng"])
        .expect_code(2);
    let p = path.display();
    let seen = openpyxl(&format!(
        r#"
import openpyxl
wb = openpyxl.load_workbook("{p}")
ws = wb["岗位"]
print(wb.sheetnames)
print(ws.freeze_panes)
lists = {{}}
for dv in ws.data_validations.dataValidation:
    col = ws.cell(row=1, column=list(dv.sqref.ranges)[0].min_col).value
    lists[col] = dv.formula1
for col in ["工种", "计薪方式", "用工形式", "单位类型", "所属市场"]:
    print(col, lists.get(col))
print([c.value for c in ws[2]][:3])
headers = [c.value for c in ws[1]]
row = {{h: "" for h in headers}}
row.update({{"岗位名称": "门店理货", "工种": "保洁家政", "用工单位": "测试超市有限公司", "工资": "150元/天",
    "截止日期": "2026-11-29", "联系电话": "0471-3310999", "审核人": "测试审核员", "所属市场": "新城区测试零工市场"}})
ws.append([row[h] or None for h in headers])
wb.save("{p}")
"#
    ));
    assert!(seen.contains("['岗位', '填写说明', '市场']"), "{seen}");
    assert!(seen.contains("A2"), "the header row stays in view: {seen}");
    assert!(
        seen.contains("工种 \"建筑装修,保洁家政,装卸搬运\""),
        "{seen}"
    );
    assert!(
        seen.contains("计薪方式 \"按小时,按天,计件,按月\""),
        "{seen}"
    );
    assert!(
        seen.contains("用工形式 \"日结,非全日制,计件,全日制\""),
        "{seen}"
    );
    assert!(
        seen.contains("单位类型 \"企业,个人,人力资源服务机构,机关事业单位\""),
        "{seen}"
    );
    assert!(seen.contains("所属市场 市场!$B$2:$B$3"), "{seen}");
    assert!(
        seen.contains("['示例（不会导入）', '小区楼道保洁', '保洁家政']"),
        "{seen}"
    );
    let run = import(&site, &path, &[]);
    run.expect_code(0);
    assert!(run.stderr.contains("跳过了 1 行模板示例"), "{}", run.stderr);
    assert!(run.stderr.contains("新增 1 个岗位"), "{}", run.stderr);
    site.run(&["build"]).expect_code(0);
}

#[test]
fn export_writes_text_cells_a_spreadsheet_never_runs_and_counts_by_market() {
    if !openpyxl_present("export") || !soffice_present("export") {
        return;
    }
    let site = TestSite::fixture("mini");
    // A posting whose requirements a spreadsheet would run as a formula.
    site.edit(
        "content/jobs/xincheng.yaml",
        "requirements: 手脚麻利",
        r#"requirements: "=HYPERLINK(\"http://x\",\"点我\")""#,
    );
    site.run(&["check"]).expect_code(0);
    let out = site.path("岗位.xlsx");
    site.run(&["export", "postings", "--out", out.to_str().expect("utf8")])
        .expect_code(0);
    let csv = site.path("岗位.csv");
    site.run(&[
        "export",
        "postings",
        "--format",
        "csv",
        "--out",
        csv.to_str().expect("utf8"),
    ])
    .expect_code(0);
    let markets = site.path("名录.xlsx");
    site.run(&[
        "export",
        "markets",
        "--out",
        markets.to_str().expect("utf8"),
    ])
    .expect_code(0);
    let seen = openpyxl(&format!(
        r#"
import openpyxl
wb = openpyxl.load_workbook("{}")
ws = wb["岗位"]
formulas = [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
print("formulas", formulas)
print("rows", ws.max_row - 1)
print([c.value for c in ws[1]][:3])
print("hyperlink", any(str(c.value).startswith("=HYPERLINK") for row in ws.iter_rows() for c in row))
st = wb["统计"]
print([[c.value for c in r] for r in st.iter_rows()][-1])
m = openpyxl.load_workbook("{}").active
print("markets", m.max_row - 1, m["B2"].value)
"#,
        out.display(),
        markets.display()
    ));
    assert!(seen.contains("formulas []"), "{seen}");
    assert!(seen.contains("hyperlink True"), "kept as text: {seen}");
    assert!(seen.contains("['编号', '岗位名称', '工种']"), "{seen}");
    assert!(seen.contains("markets 2 "), "{seen}");
    let rows: usize = seen
        .lines()
        .find_map(|l| l.strip_prefix("rows "))
        .and_then(|n| n.parse().ok())
        .expect("rows");
    assert!(rows >= 3, "{seen}");
    assert!(seen.contains(&format!("['合计', None, '{rows}'")), "{seen}");
    // LibreOffice opens the CSV with the Chinese intact and runs nothing.
    let dir = tempfile::tempdir().expect("tempdir");
    let opened = libreoffice(&csv, "xlsx", dir.path());
    let seen = openpyxl(&format!(
        r#"
import openpyxl
ws = openpyxl.load_workbook("{}").active
print("formulas", [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"])
print(ws["B1"].value, ws["B2"].value)
"#,
        opened.display()
    ));
    assert!(seen.contains("formulas []"), "{seen}");
    assert!(seen.contains("岗位名称 "), "{seen}");
}

#[test]
fn the_market_directory_imports_from_a_sheet_the_same_way() {
    if !soffice_present("import markets") {
        return;
    }
    let site = TestSite::fixture("mini");
    let dir = tempfile::tempdir().expect("tempdir");
    let header = "编号,名称,旗县,地址,纬度,经度,坐标系,状态,开放时间,服务电话,投诉电话,服务项目,设施,运营单位";
    let good = [
        "xincheng-2,新城区第二测试零工市场,新城区,新城区测试路 9 号,40.84,111.66,高德,运营中,周一至周五 06:00-11:30、14:00-18:00；周六 06:30-12:00,0471-3310101,0471-3310102,等候用工、求职信息发布、技能培训、劳动维权、法律咨询,遮风避雨场所、休息座椅、饮用水、卫生间、岗位信息栏,新城区公共就业服务中心",
        ",回民区第二测试零工市场,150103,回民区测试街 8 号,40.80,111.62,,运营中,每天 07:00-17:00,0471-3310201,0471-3310202,等候用工、求职信息发布、技能培训、劳动维权、法律咨询,遮风避雨场所、休息座椅、饮用水、卫生间、岗位信息栏,回民区人社局",
    ];
    let write = |name: &str, rows: &[String]| -> PathBuf {
        let path = dir.path().join(name);
        std::fs::write(&path, format!("{header}\n{}\n", rows.join("\n"))).expect("write");
        libreoffice(&path, "ods", dir.path())
    };
    let mut rows: Vec<String> = good.iter().map(|r| r.to_string()).collect();
    rows[0] = rows[0].replace("周六 06:30-12:00", "周八 06:30-12:00");
    rows[1] = rows[1].replace("150103", "150199");
    let before = content(&site);
    let bad = write("bad.csv", &rows);
    let run = site.run_as_editor(&["import", "markets", bad.to_str().expect("utf8")], &[]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("bad.ods:工作表 bad:第 2 行:开放时间（I 列）: 错误: 开放时间“周八"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("bad.ods:工作表 bad:第 3 行:旗县（C 列）: 错误: 没有叫“150199”的旗县"),
        "{}",
        run.stderr
    );
    assert_eq!(content(&site), before, "nothing written");

    let rows: Vec<String> = good.iter().map(|r| r.to_string()).collect();
    let sheet = write("名录.csv", &rows);
    let run = site.run_as_editor(&["import", "markets", sheet.to_str().expect("utf8")], &[]);
    run.expect_code(0);
    assert!(run.stderr.contains("新增 2 个市场"), "{}", run.stderr);
    let again = site.run_as_editor(&["import", "markets", sheet.to_str().expect("utf8")], &[]);
    assert!(
        again.stderr.contains("新增 0 个市场，修改 0 个，未变 2 个"),
        "{}",
        again.stderr
    );
    site.run(&["build"]).expect_code(0);
    let page = site.output_text("markets/xincheng-2/index.html");
    assert!(page.contains("新城区第二测试零工市场"));
    assert!(page.contains("06:30–12:00"), "Saturday's hours");
    // A market whose file an editor wrote is left to that file.
    let mut rows = rows;
    rows[0] = rows[0].replacen("xincheng-2", "xincheng", 1);
    let sheet = write("hand.csv", &rows);
    let run = site.run_as_editor(&["import", "markets", sheet.to_str().expect("utf8")], &[]);
    run.expect_code(1);
    assert!(
        run.stderr
            .contains("content/markets/xincheng.yaml 已经有了"),
        "{}",
        run.stderr
    );
}
