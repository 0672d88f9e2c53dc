//! `gigboard new sheet`: the workbook a bureau types its postings into. Sheet 岗位 has
//! the headers (a frozen row), drop-down lists where a column takes set words (工种,
//! 计薪方式, 用工形式, 单位类型, 即时快招, 所属市场) and one example row, marked in its 编号
//! so that it is never imported; sheet 填写说明 explains every column; sheet 市场 lists
//! the site's markets for the drop-down.

use super::SiteFacts;
use crate::sheets::columns::{COLUMNS, Field, example_id};
use rust_xlsxwriter::{DataValidation, Format, Formula, Workbook, XlsxError};
use std::path::{Path, PathBuf};

/// Where `new sheet` writes by default: in the site's folder.
pub fn default_path(root: &Path, market: Option<&str>) -> PathBuf {
    match market {
        Some(m) => root.join(format!("岗位表-{m}.xlsx")),
        None => root.join("岗位表.xlsx"),
    }
}

/// Rows the drop-down lists cover.
const ROWS: u32 = 2000;

/// Writes the template to `path` (never over an existing file).
pub fn write(root: &Path, path: &Path, market: Option<&str>) -> Result<(), String> {
    if path.exists() {
        return Err(format!(
            "{} 已经存在，没有改动它：换一个文件名（--out），或先把它移走",
            path.display()
        ));
    }
    let site = SiteFacts::read(root);
    let market_name = match market {
        Some(m) => Some(
            site.market(m)
                .and_then(|id| site.markets.iter().find(|(i, _)| i == id))
                .map(|(_, name)| name.clone())
                .ok_or_else(|| format!("没有编号或名称为“{m}”的零工市场（content/markets/）"))?,
        ),
        None => None,
    };
    book(&site, market_name.as_deref())
        .and_then(|mut b| b.save(path))
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn book(site: &SiteFacts, market: Option<&str>) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let head = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#DDEBF7")
        .set_border(rust_xlsxwriter::FormatBorder::Thin);
    let example = Format::new()
        .set_italic()
        .set_font_color("#7F7F7F")
        .set_background_color("#F2F2F2");
    let text = Format::new().set_num_format("@");
    let ws = book.add_worksheet();
    ws.set_name("岗位")?;
    for (c, col) in COLUMNS.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, col.header, &head)?;
        ws.set_column_width(c, col.width)?;
        // Every cell is text: a phone number keeps its dashes and leading zero, a code
        // its digits, and nothing typed runs as a formula.
        ws.set_column_format(c, &text)?;
        let value = match (col.field, market) {
            (Field::Market, Some(name)) => name,
            (Field::Id, _) => example_id(),
            _ => col.example,
        };
        ws.write_string_with_format(1, c, value, &example)?;
        let list: Option<Vec<&str>> = match col.field {
            Field::Category => Some(site.categories.iter().map(|(_, l)| l.as_str()).collect()),
            Field::PayUnit => Some(vec!["按小时", "按天", "计件", "按月"]),
            Field::Kind => Some(vec!["日结", "非全日制", "计件", "全日制"]),
            Field::EmployerKind => Some(vec!["企业", "个人", "人力资源服务机构", "机关事业单位"]),
            Field::QuickHire
            | Field::Meals
            | Field::Lodging
            | Field::Transport
            | Field::SafetyGear => Some(vec!["是", "否"]),
            Field::Status => Some(vec!["已招满"]),
            _ => None,
        };
        if let Some(list) = list.filter(|l| !l.is_empty()) {
            let rule = DataValidation::new()
                .allow_list_strings(&list)?
                .set_error_title("请从下拉列表里选")?
                .set_error_message(format!("这一列可以写：{}", list.join("、")))?;
            ws.add_data_validation(1, c, ROWS, c, &rule)?;
        }
        if col.field == Field::Market && !site.markets.is_empty() {
            let last = site.markets.len() + 1;
            let rule = DataValidation::new()
                .allow_list_formula(Formula::new(format!("=市场!$B$2:$B${last}")))
                .set_error_title("请从下拉列表里选")?
                .set_error_message("请选网站上的零工市场（见工作表“市场”）")?;
            ws.add_data_validation(1, c, ROWS, c, &rule)?;
        }
    }
    ws.set_freeze_panes(1, 0)?;

    let guide = book.add_worksheet();
    guide.set_name("填写说明")?;
    let wrap = Format::new().set_text_wrap();
    for (c, (title, width)) in [
        ("列名", 16.0),
        ("也可以写作", 24.0),
        ("英文列名", 16.0),
        ("怎么填", 70.0),
    ]
    .iter()
    .enumerate()
    {
        guide.write_string_with_format(0, c as u16, *title, &head)?;
        guide.set_column_width(c as u16, *width)?;
    }
    for (r, col) in COLUMNS.iter().enumerate() {
        let r = r as u32 + 1;
        guide.write_string(r, 0, col.header)?;
        guide.write_string(r, 1, col.also.join("、"))?;
        guide.write_string(r, 2, col.english)?;
        guide.write_string_with_format(r, 3, col.guide, &wrap)?;
    }
    let after = COLUMNS.len() as u32 + 2;
    guide.write_string_with_format(
        after,
        0,
        "第 2 行是示例，编号写着“示例（不会导入）”，导入时会跳过。在它下面每行填一个岗位；不用的列可以删掉，列的顺序可以调换。填好后运行：gigboard import 岗位表.xlsx",
        &wrap,
    )?;
    guide.set_freeze_panes(1, 0)?;

    let list = book.add_worksheet();
    list.set_name("市场")?;
    list.write_string_with_format(0, 0, "编号", &head)?;
    list.write_string_with_format(0, 1, "名称", &head)?;
    list.set_column_width(0, 22.0)?;
    list.set_column_width(1, 30.0)?;
    for (r, (id, name)) in site.markets.iter().enumerate() {
        list.write_string(r as u32 + 1, 0, id)?;
        list.write_string(r as u32 + 1, 1, name)?;
    }
    Ok(book)
}
