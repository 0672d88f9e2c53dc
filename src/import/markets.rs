//! `gigboard import markets FILE`: the market directory (名录) from a sheet, one market a
//! row, the same way as postings: cells read as a clerk writes them (开放时间 as
//! `周一至周五 06:00-11:30、14:00-18:00；周六 06:30-12:00`, services and facilities in the
//! words the site shows), every row checked as a market file, problems by sheet, row and
//! column, nothing written while one is wrong. A row becomes `content/markets/<编号>.yaml`
//! (marked as the import's); a market whose file was written by hand is left to its file.

use super::market_cells::Words;
use super::market_row::{counties, draft};
use super::{ImportOptions, Place, Problem, Report, stage};
use crate::diag::Severity;
use crate::sheets;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The first line of a market file an import writes.
pub const MARK: &str = "# 由 gigboard import markets 从名录表导入";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Col {
    Id,
    Name,
    NameMn,
    County,
    Address,
    Transit,
    Lat,
    Lon,
    Crs,
    Status,
    Opened,
    Grade,
    Hours,
    Service,
    Complaint,
    Legal,
    Rights,
    Training,
    Services,
    Facilities,
    Operator,
    Description,
}

/// Header words of each column (the first is the template's), and the field it fills.
const COLUMNS: &[(Col, &[&str], &str)] = &[
    (Col::Id, &["编号", "市场编号", "id"], "id"),
    (Col::Name, &["名称", "市场名称", "name"], "name"),
    (Col::NameMn, &["蒙古文名称", "name_mn"], "name_mn"),
    (
        Col::County,
        &["旗县代码", "旗县", "旗县区", "所在旗县", "county"],
        "county",
    ),
    (Col::Address, &["地址", "详细地址", "address"], "address"),
    (Col::Transit, &["交通", "乘车路线", "transit"], "transit"),
    (Col::Lat, &["纬度", "lat"], "location.lat"),
    (Col::Lon, &["经度", "lon"], "location.lon"),
    (Col::Crs, &["坐标系", "crs"], "location.crs"),
    (Col::Status, &["状态", "status"], "status"),
    (Col::Opened, &["启用日期", "opened"], "opened"),
    (Col::Grade, &["等级", "grade"], "grade"),
    (Col::Hours, &["开放时间", "服务时间", "hours"], "hours"),
    (Col::Service, &["服务电话", "咨询电话"], "hotlines"),
    (Col::Complaint, &["投诉电话", "投诉举报电话"], "hotlines"),
    (Col::Legal, &["法律咨询电话", "法律援助电话"], "hotlines"),
    (Col::Rights, &["维权电话", "劳动维权电话"], "hotlines"),
    (Col::Training, &["培训电话", "培训咨询电话"], "hotlines"),
    (
        Col::Services,
        &["服务项目", "服务功能", "services"],
        "services",
    ),
    (
        Col::Facilities,
        &["设施", "基础设施", "facilities"],
        "facilities",
    ),
    (
        Col::Operator,
        &["运营单位", "运营主体", "operator"],
        "operator",
    ),
    (
        Col::Description,
        &["简介", "说明", "description"],
        "description",
    ),
];

fn column(header: &str) -> Option<Col> {
    let h: String = header
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '＊'))
        .collect();
    COLUMNS
        .iter()
        .find(|(_, words, _)| words.iter().any(|w| w.eq_ignore_ascii_case(&h)))
        .map(|(c, _, _)| *c)
}

/// A market file being written, with the column of each field.
struct MarketDraft {
    id: String,
    text: String,
    columns: HashMap<String, usize>,
    sheet: String,
    sheet_index: usize,
    row: usize,
    headers: Vec<String>,
}

impl MarketDraft {
    fn problem(&self, file: &str, severity: Severity, field: &str, message: String) -> Problem {
        // `hotlines[1].number` → `hotlines`, `location.lat` stays.
        let mut key = field.to_string();
        let column = loop {
            if let Some(c) = self.columns.get(&key) {
                break Some(*c);
            }
            let shorter = key
                .rsplit_once(['.', '['])
                .map(|(head, _)| head.to_string());
            match shorter {
                Some(k) if !k.is_empty() => key = k,
                _ => break None,
            }
        };
        Place {
            file,
            sheet: &self.sheet,
            sheet_index: self.sheet_index,
            row: self.row,
            headers: &self.headers,
        }
        .problem(severity, column, message)
    }
}

/// Reads, checks and (unless `dry_run`, and only with no error) writes the markets.
pub fn import(opts: &ImportOptions) -> Result<Report, Vec<Problem>> {
    let shown = opts.shown();
    let whole = |message: String| Problem::whole(&shown, message);
    let book = sheets::read(&opts.file).map_err(|e| vec![whole(e.to_string())])?;
    let words = Words::load().map_err(|e| vec![whole(e)])?;
    let counties = counties(&opts.root);
    let mut report = Report::default();
    let mut problems = Vec::new();
    let mut drafts = Vec::new();
    for (sheet_index, sheet) in book.iter().enumerate() {
        let Some((at, by_column)) = sheet.rows.iter().take(5).enumerate().find_map(|(i, row)| {
            let cols: HashMap<usize, Col> = row
                .iter()
                .enumerate()
                .filter_map(|(c, h)| column(h).map(|col| (c, col)))
                .collect();
            (cols.len() >= 3 && cols.values().any(|c| *c == Col::Name)).then_some((i, cols))
        }) else {
            continue;
        };
        for (i, cells) in sheet.rows.iter().enumerate().skip(at + 1) {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            report.rows += 1;
            let get = |want: Col| {
                by_column
                    .iter()
                    .find(|(_, c)| **c == want)
                    .map(|(&c, _)| (c, cells.get(c).map_or("", |v| v.trim())))
                    .filter(|(_, v)| !v.is_empty())
            };
            let place = Place {
                file: &shown,
                sheet: &sheet.name,
                sheet_index,
                row: i + 1,
                headers: &sheet.rows[at],
            };
            match draft(&get, &words, &counties) {
                Ok((id, text, columns)) => drafts.push(MarketDraft {
                    id,
                    text,
                    columns,
                    sheet: sheet.name.clone(),
                    sheet_index,
                    row: i + 1,
                    headers: sheet.rows[at].clone(),
                }),
                Err(errors) => problems.extend(
                    errors
                        .into_iter()
                        .map(|(c, m)| place.problem(Severity::Error, c, m)),
                ),
            }
        }
    }
    // Which files change, and whether a market's file is one an editor wrote.
    let mut files: Vec<(PathBuf, Option<String>)> = Vec::new();
    let mut by_file: HashMap<PathBuf, usize> = HashMap::new();
    for (di, d) in drafts.iter().enumerate() {
        let rel = Path::new("content/markets").join(format!("{}.yaml", d.id));
        let text = format!(
            "{MARK}（最近一次：{shown}）。可以直接修改这里；再次导入会更新。\n{}",
            d.text
        );
        match std::fs::read_to_string(opts.root.join(&rel)) {
            Ok(old) if !old.starts_with(MARK) => problems.push(d.problem(
                &shown,
                Severity::Error,
                "id",
                format!(
                    "{} 已经有了（不是名录表导入的文件）：请在那个文件里修改这个市场，或给这一行换一个编号",
                    rel.display()
                ),
            )),
            Ok(old) if old.lines().skip(1).eq(text.lines().skip(1)) => report.unchanged += 1,
            Ok(_) => {
                report.changed += 1;
                by_file.insert(rel.clone(), di);
                files.push((rel, Some(text)));
            }
            Err(_) => {
                report.added += 1;
                by_file.insert(rel.clone(), di);
                files.push((rel, Some(text)));
            }
        }
    }
    let cells_ok = problems.is_empty();
    if !files.is_empty() {
        match stage::checked_with(&opts.root, &files) {
            Ok(after) => {
                let before = stage::findings(&opts.root);
                for d in after {
                    if let Some(&di) = by_file.get(&d.file) {
                        problems.push(drafts[di].problem(
                            &shown,
                            d.severity,
                            &d.field,
                            d.message.zh,
                        ));
                    } else if !before.contains(&(
                        d.file.clone(),
                        d.field.clone(),
                        d.message.zh.clone(),
                    )) {
                        problems.push(Problem {
                            severity: d.severity,
                            place: format!("{}:{}:{}", d.file.display(), d.line, d.column),
                            message: d.message.zh,
                            order: [usize::MAX; 3],
                        });
                    }
                }
            }
            Err(e) => problems.push(whole(e)),
        }
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        problems.sort_by_key(|p| p.order);
        return Err(problems);
    }
    problems.sort_by_key(|p| p.order);
    report.warnings = problems;
    if cells_ok && !opts.dry_run {
        stage::write_files(&opts.root, &files, MARK).map_err(|e| vec![whole(e)])?;
    }
    report.files = files.into_iter().map(|(rel, _)| rel).collect();
    Ok(report)
}
