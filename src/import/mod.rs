//! `gigboard import FILE`: the day's postings from a sheet (`.xlsx`, `.xls`, `.ods`,
//! `.csv` in UTF-8 or GBK) into `content/jobs/`. One row a posting, under the Chinese
//! headers a bureau writes (`sheets/columns.rs`), each cell read as a clerk means it
//! (`cells.rs`, `row.rs`).
//!
//! Every row goes through the same checks as a posting typed in YAML: the feeds the
//! import would write are put beside a mirror of the site (hard links, in a folder the
//! import makes in the site's root and removes) and `check` runs on it. What it finds in
//! them is reported by sheet, row and column; with any error nothing is written. A row
//! keeps its posting id (its 编号, else one made from its market, day, title and
//! employer), so importing a corrected sheet again updates its postings.

pub mod cells;
pub mod feed;
mod market_cells;
mod market_row;
pub mod markets;
mod row;
mod stage;
pub mod template;

use crate::diag::Severity;
use crate::sheets;
use crate::sheets::columns::{self, Field};
use crate::words::scalars::Day;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

pub struct ImportOptions {
    pub root: PathBuf,
    pub file: PathBuf,
    /// The market of rows without 所属市场.
    pub market: Option<String>,
    /// The posting day of rows without 发布日期 (default: the site's today).
    pub date: Option<Day>,
    pub dry_run: bool,
}

/// A problem, where the person who typed the sheet will look for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// `表.xlsx:工作表 Sheet1:第 7 行:招聘人数（F 列）`, or a file of the site.
    pub place: String,
    pub message: String,
    /// Sheet, row and column (1-based; 0 for none): problems are listed in this order.
    pub order: [usize; 3],
}

impl Problem {
    /// An error of the whole sheet (or of the command), before any row.
    fn whole(shown: &str, message: String) -> Problem {
        Problem {
            severity: Severity::Error,
            place: shown.to_string(),
            message,
            order: [0; 3],
        }
    }
}

impl ImportOptions {
    /// The sheet as messages name it: its file name.
    fn shown(&self) -> String {
        self.file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.file.display().to_string())
    }
}

impl std::fmt::Display for Problem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let word = match self.severity {
            Severity::Error => "错误",
            Severity::Warning => "提醒",
        };
        write!(f, "{}: {word}: {}", self.place, self.message)
    }
}

/// What an import did (or, with `--dry-run`, would do).
#[derive(Debug, Default)]
pub struct Report {
    pub rows: usize,
    pub added: usize,
    pub changed: usize,
    pub unchanged: usize,
    /// The template's example rows, left out.
    pub examples: usize,
    /// The feed files written (or to be written), from the site root.
    pub files: Vec<PathBuf>,
    pub warnings: Vec<Problem>,
}

/// A row of the sheet, located.
struct Row<'s> {
    sheet: &'s str,
    /// 1-based, as the spreadsheet numbers it.
    number: usize,
    cells: HashMap<Field, (usize, &'s str)>,
}

impl Row<'_> {
    fn get(&self, f: Field) -> Option<(usize, &str)> {
        self.cells
            .get(&f)
            .copied()
            .filter(|(_, v)| !v.trim().is_empty())
    }
}

/// A row made into a posting block, with where it goes.
struct Draft {
    sheet: String,
    sheet_index: usize,
    row: usize,
    /// The sheet's header row as written (for the column's name in messages).
    headers: Vec<String>,
    market: String,
    day: String,
    block: feed::Block,
}

impl Draft {
    /// Where a problem of this row (at `column`, if known) is, as `Place::at` says it.
    fn problem(
        &self,
        file: &str,
        severity: Severity,
        column: Option<usize>,
        message: String,
    ) -> Problem {
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

struct Place<'a> {
    file: &'a str,
    sheet: &'a str,
    /// The sheet's place in the book (0-based).
    sheet_index: usize,
    row: usize,
    /// The header row as written, for the column's name.
    headers: &'a [String],
}

impl Place<'_> {
    fn problem(&self, severity: Severity, column: Option<usize>, message: String) -> Problem {
        Problem {
            severity,
            place: self.at(column),
            message,
            order: [self.sheet_index, self.row, column.map_or(0, |c| c + 1)],
        }
    }

    fn at(&self, column: Option<usize>) -> String {
        let mut s = format!("{}:工作表 {}:第 {} 行", self.file, self.sheet, self.row);
        if let Some(c) = column {
            match self
                .headers
                .get(c)
                .map(|h| h.trim())
                .filter(|h| !h.is_empty())
            {
                Some(name) => s.push_str(&format!(":{name}（{} 列）", columns::letters(c))),
                None => s.push_str(&format!(":{} 列", columns::letters(c))),
            }
        }
        s
    }
}

/// Reads, checks and (unless `dry_run`, and only with no error) writes.
pub fn import(opts: &ImportOptions) -> Result<Report, Vec<Problem>> {
    let shown = opts.shown();
    let whole = |message: String| Problem::whole(&shown, message);
    let book = sheets::read(&opts.file).map_err(|e| vec![whole(e.to_string())])?;
    let site = SiteFacts::read(&opts.root);
    let default_day = crate::site_today(&opts.root, opts.date).to_string();
    let mut problems = Vec::new();
    let mut report = Report::default();
    let mut drafts = Vec::new();
    let mut any_header = false;
    for (sheet_index, sheet) in book.iter().enumerate() {
        let Some((header_at, by_column)) = header_row(sheet) else {
            continue;
        };
        any_header = true;
        for (c, title) in sheet.rows[header_at].iter().enumerate() {
            if !title.trim().is_empty() && !by_column.contains_key(&c) {
                report.warnings.push(Problem {
                    severity: Severity::Warning,
                    place: format!(
                        "{shown}:工作表 {}:第 {} 行:{} 列",
                        sheet.name,
                        header_at + 1,
                        columns::letters(c)
                    ),
                    message: format!("不认识的列“{}”，这一列没有导入", title.trim()),
                    order: [sheet_index, header_at + 1, c + 1],
                });
            }
        }
        for (i, cells) in sheet.rows.iter().enumerate().skip(header_at + 1) {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let row = Row {
                sheet: &sheet.name,
                number: i + 1,
                cells: by_column
                    .iter()
                    .map(|(&c, &f)| (f, (c, cells.get(c).map_or("", String::as_str))))
                    .collect(),
            };
            if row
                .get(Field::Id)
                .is_some_and(|(_, v)| v.trim() == columns::example_id())
            {
                report.examples += 1;
                continue;
            }
            report.rows += 1;
            let place = Place {
                file: &shown,
                sheet: &sheet.name,
                sheet_index,
                row: row.number,
                headers: &sheet.rows[header_at],
            };
            match row::draft(&row, opts, &site, &default_day) {
                Ok(mut d) => {
                    d.headers = sheet.rows[header_at].clone();
                    d.sheet_index = sheet_index;
                    drafts.push(d)
                }
                Err(errors) => problems.extend(
                    errors
                        .into_iter()
                        .map(|(c, m)| place.problem(Severity::Error, c, m)),
                ),
            }
        }
    }
    if !any_header {
        return Err(vec![whole(
            "没有找到表头：第一行要写列名，如 岗位名称、工种、用工单位、工资、招聘人数、截止日期、联系电话".into(),
        )]);
    }
    duplicate_rows(&drafts, &shown, &mut problems);
    // The rows that read well are checked as postings even when others did not: every
    // problem of the sheet is reported at once.
    let cells_ok = problems.is_empty();
    if !drafts.is_empty() {
        let staged = stage::check(&opts.root, &shown, drafts, &mut report, &mut problems);
        let errors = problems.iter().any(|p| p.severity == Severity::Error);
        if cells_ok && !errors && !opts.dry_run {
            stage::write(&opts.root, &staged).map_err(|e| vec![whole(e)])?;
        }
    }
    if problems.iter().any(|p| p.severity == Severity::Error) {
        problems.append(&mut report.warnings);
        problems.sort_by_key(|p| p.order);
        return Err(problems);
    }
    report.warnings.extend(problems);
    Ok(report)
}

/// The header row (among the first five) and which field each of its columns is: the
/// first row that names at least three columns, 岗位名称 among them (other sheets of the
/// book, a guide or counts, are left alone).
fn header_row(sheet: &sheets::Sheet) -> Option<(usize, BTreeMap<usize, Field>)> {
    sheet.rows.iter().take(5).enumerate().find_map(|(i, row)| {
        let mut by_column = BTreeMap::new();
        for (c, title) in row.iter().enumerate() {
            if let Some(col) = columns::by_header(title)
                && !by_column.values().any(|f| *f == col.field)
            {
                by_column.insert(c, col.field);
            }
        }
        let postings = by_column.values().any(|f| *f == Field::Title);
        (by_column.len() >= 3 && postings).then_some((i, by_column))
    })
}

/// Two rows of the sheet that are one posting (same 编号, or the same made id).
fn duplicate_rows(drafts: &[Draft], shown: &str, problems: &mut Vec<Problem>) {
    let mut seen: HashMap<&str, &Draft> = HashMap::new();
    for d in drafts {
        if let Some(first) = seen.insert(&d.block.id, d) {
            problems.push(d.problem(
                shown,
                Severity::Error,
                None,
                format!(
                    "和第 {} 行是同一个岗位（编号 {}）：删掉一行，或给两行不同的编号",
                    first.row, d.block.id
                ),
            ));
        }
    }
}

/// What an import needs to know of the site: its markets (id and name) and categories
/// (slug and label), read from the files as they are (the site may have errors).
struct SiteFacts {
    markets: Vec<(String, String)>,
    categories: Vec<(String, String)>,
}

impl SiteFacts {
    fn read(root: &Path) -> Self {
        use crate::load::yaml::Value;
        let mut markets = Vec::new();
        let dir = root.join("content/markets");
        for entry in walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "yaml") {
                continue;
            }
            let Ok(node) = crate::load::read_yaml(path, path) else {
                continue;
            };
            let text = |key: &str| node.get(key).and_then(|n| n.as_str()).map(str::to_string);
            let stem = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            markets.push((text("id").unwrap_or(stem), text("name").unwrap_or_default()));
        }
        markets.sort();
        let mut categories = Vec::new();
        let site = root.join("content/site.yaml");
        if let Ok(node) = crate::load::read_yaml(&site, &site)
            && let Some(Value::Map(entries)) = node.get("categories").map(|n| &n.value)
        {
            for (k, v) in entries {
                if let (Some(slug), Some(label)) = (k.as_str(), v.as_str()) {
                    categories.push((slug.to_string(), label.to_string()));
                }
            }
        }
        SiteFacts {
            markets,
            categories,
        }
    }

    /// A market by id or name.
    fn market(&self, text: &str) -> Option<&str> {
        let t = text.trim();
        self.markets
            .iter()
            .find(|(id, name)| id == t || name == t)
            .map(|(id, _)| id.as_str())
    }

    /// Every category's label, for a message.
    fn category_labels(&self) -> String {
        self.categories
            .iter()
            .map(|(_, l)| l.as_str())
            .collect::<Vec<_>>()
            .join("、")
    }

    /// A category by slug or label.
    fn category(&self, text: &str) -> Option<&str> {
        let t = text.trim();
        self.categories
            .iter()
            .find(|(slug, label)| slug == t || label == t)
            .map(|(slug, _)| slug.as_str())
    }
}
