//! `gigboard import FILE`: the day's postings from a sheet (`.xlsx`, `.xls`, `.ods`,
//! `.csv` in UTF-8 or GBK) into `content/jobs/`. One row a posting, under the Chinese
//! headers a bureau writes (`columns.rs`), each cell read as a clerk means it
//! (`cells.rs`).
//!
//! Every row goes through the same checks as a posting typed in YAML: the feeds the
//! import would write are put beside a mirror of the site (hard links, in a folder the
//! import makes in the site's root and removes) and `check` runs on it. What it finds in
//! them is reported by sheet, row and column; with any error nothing is written. A row
//! keeps its posting id (its 编号, else one made from its market, day, title and
//! employer), so importing a corrected sheet again updates its postings.

pub mod cells;
pub mod feed;
pub mod markets;
mod stage;
pub mod template;

use crate::diag::Severity;
use crate::load::scalars::Day;
use crate::sheets;
use crate::sheets::columns::{self, COLUMNS, Field};
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
    let shown = opts
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| opts.file.display().to_string());
    let whole = |message: String| Problem {
        severity: Severity::Error,
        place: shown.clone(),
        message,
        order: [0; 3],
    };
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
            match draft(&row, opts, &site, &default_day) {
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

type CellErrors = Vec<(Option<usize>, String)>;

/// One row as a posting block, or what is wrong with its cells.
fn draft(
    row: &Row<'_>,
    opts: &ImportOptions,
    site: &SiteFacts,
    default_day: &str,
) -> Result<Draft, CellErrors> {
    let mut errors: CellErrors = Vec::new();
    let text = |f: Field| row.get(f).map(|(c, v)| (c, v.trim()));
    let q = feed::quoted;
    // Where and when: the market and the posting day decide the file.
    let market = match text(Field::Market) {
        Some((c, v)) => match site.market(v) {
            Some(id) => Some(id.to_string()),
            None => {
                errors.push((
                    Some(c),
                    format!("没有叫“{v}”的零工市场：请写 content/markets/ 里市场的名称或编号"),
                ));
                None
            }
        },
        None => match &opts.market {
            Some(m) => Some(m.clone()),
            None => {
                errors.push((
                    row.cells.get(&Field::Market).map(|(c, _)| *c),
                    "所属市场没有填：请填写市场的名称或编号，或导入时用 --market 指定".into(),
                ));
                None
            }
        },
    };
    let posted = match text(Field::Posted) {
        Some((c, v)) => match cells::day(v) {
            Ok(d) => d.to_string(),
            Err(e) => {
                errors.push((Some(c), e));
                default_day.to_string()
            }
        },
        None => default_day.to_string(),
    };
    let posted_day = cells::day(&posted).unwrap_or(Day(jiff::civil::date(2000, 1, 1)));
    let title = text(Field::Title).map(|(_, v)| v).unwrap_or("");
    let employer = text(Field::Employer).map(|(_, v)| v).unwrap_or("");
    let market_id = market.clone().unwrap_or_default();
    let (id, id_col) = match text(Field::Id) {
        Some((c, v)) => (v.to_string(), Some(c)),
        None => (feed::stable_id(&market_id, &posted, title, employer), None),
    };
    let mut b = feed::Block::new(&id, id_col);
    let category = match text(Field::Category) {
        Some((c, v)) => match site.category(v) {
            Some(slug) => Some(q(slug)),
            None => {
                errors.push((
                    Some(c),
                    format!(
                        "工种“{v}”不是网站上的工种：请写其中之一：{}",
                        site.category_labels()
                    ),
                ));
                None
            }
        },
        None => None,
    };
    let mut required =
        |f: Field, b: &mut feed::Block, key: &str, value: Option<String>| match (row.get(f), value)
        {
            (Some((c, _)), Some(v)) => b.field(key, &v, Some(c)),
            (None, _) => errors.push((
                row.cells.get(&f).map(|(c, _)| *c),
                format!("{}没有填", columns::of(f).header),
            )),
            _ => {}
        };
    required(Field::Title, &mut b, "title", Some(q(title)));
    required(Field::Category, &mut b, "category", category);
    // employer: {name, kind, credit_code, licence}
    let mut employer_parts = Vec::new();
    match text(Field::Employer) {
        Some((c, v)) => employer_parts.push(("name", q(v), Some(c))),
        None => errors.push((
            row.cells.get(&Field::Employer).map(|(c, _)| *c),
            "用工单位没有填".into(),
        )),
    }
    if let Some((c, v)) = text(Field::EmployerKind) {
        match cells::employer_kind(v) {
            Ok(k) => employer_parts.push(("kind", k.to_string(), Some(c))),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::CreditCode) {
        employer_parts.push(("credit_code", q(v), Some(c)));
    }
    if let Some((c, v)) = text(Field::Licence) {
        employer_parts.push(("licence", q(v), Some(c)));
    }
    b.map("employer", &employer_parts);
    pay(row, &mut b, &mut errors);
    if let Some((c, v)) = text(Field::Headcount) {
        match cells::number(v) {
            Ok(n) => b.field("headcount", &feed::number(n), Some(c)),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::Place) {
        b.map("location", &[("address", q(v), Some(c))]);
    }
    for (f, key) in [(Field::Start, "start"), (Field::End, "end")] {
        if let Some((c, v)) = text(f) {
            match cells::date_time(v, posted_day) {
                Ok(t) => b.field(key, &q(&t), Some(c)),
                Err(e) => errors.push((Some(c), e)),
            }
        }
    }
    b.field("posted", &posted, row.get(Field::Posted).map(|(c, _)| c));
    match text(Field::Expires) {
        Some((c, v)) => match cells::day(v) {
            Ok(d) => b.field("expires", &d.to_string(), Some(c)),
            Err(e) => errors.push((Some(c), e)),
        },
        None => errors.push((
            row.cells.get(&Field::Expires).map(|(c, _)| *c),
            "截止日期没有填：过了这一天岗位不再发布".into(),
        )),
    }
    if let Some((c, v)) = text(Field::QuickHire) {
        match cells::yes_no(v) {
            Ok(Some(yes)) => b.field("quick_hire", &yes.to_string(), Some(c)),
            Ok(None) => {}
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::Kind) {
        match cells::job_kind(v) {
            Ok(k) => b.field("kind", k, Some(c)),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    let mut contact = Vec::new();
    if let Some((c, v)) = text(Field::ContactName) {
        contact.push(("name", q(v), Some(c)));
    }
    if let Some((c, v)) = text(Field::Phone) {
        contact.push(("phone", q(v), Some(c)));
    } else if !contact.is_empty() {
        errors.push((
            row.cells.get(&Field::Phone).map(|(c, _)| *c),
            "有联系人却没有联系电话".into(),
        ));
    }
    b.map("contact", &contact);
    for (f, key) in [(Field::Requirements, "requirements")] {
        if let Some((c, v)) = text(f) {
            b.field(key, &q(v), Some(c));
        }
    }
    if let Some((c, v)) = text(Field::Welcomes) {
        match cells::welcomes(v) {
            Ok(groups) => b.field("welcomes", &format!("[{}]", groups.join(", ")), Some(c)),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    let mut conditions = Vec::new();
    for (f, key) in [
        (Field::Meals, "meals"),
        (Field::Lodging, "lodging"),
        (Field::Transport, "transport"),
        (Field::SafetyGear, "safety_gear"),
    ] {
        if let Some((c, v)) = text(f) {
            match cells::yes_no(v) {
                Ok(Some(yes)) => conditions.push((key, yes.to_string(), Some(c))),
                Ok(None) => {}
                Err(e) => errors.push((Some(c), e)),
            }
        }
    }
    if let Some((c, v)) = text(Field::WorkHours) {
        conditions.push(("hours", q(v), Some(c)));
    }
    b.map("conditions", &conditions);
    match (text(Field::VerifiedBy), text(Field::VerifiedOn)) {
        (Some((cb, by)), Some((co, on))) => match cells::day(on) {
            Ok(d) => b.map(
                "verified",
                &[("by", q(by), Some(cb)), ("on", d.to_string(), Some(co))],
            ),
            Err(e) => errors.push((Some(co), e)),
        },
        (Some((cb, by)), None) => b.map(
            "verified",
            &[("by", q(by), Some(cb)), ("on", posted.clone(), Some(cb))],
        ),
        (None, Some((co, _))) => errors.push((Some(co), "有审核日期却没有审核人".into())),
        (None, None) => {}
    }
    if let Some((c, v)) = text(Field::Status) {
        match cells::status(v) {
            Ok(Some(s)) => b.field("status", s, Some(c)),
            Ok(None) => {}
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::Source) {
        b.field("source", &q(v), Some(c));
    }
    if let Some((c, v)) = text(Field::Body) {
        b.field("body", &q(v), Some(c));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Draft {
        sheet: row.sheet.to_string(),
        sheet_index: 0,
        row: row.number,
        headers: Vec::new(),
        market: market.unwrap_or_default(),
        day: posted,
        block: b,
    })
}

/// `pay:` from 工资 (with or without its unit, or a range), 工资下限/上限 and 计薪方式.
fn pay(row: &Row<'_>, b: &mut feed::Block, errors: &mut CellErrors) {
    let unit_col = row.get(Field::PayUnit).map(|(c, _)| c);
    let mut unit = None;
    if let Some((c, v)) = row.get(Field::PayUnit) {
        match cells::pay_unit(v) {
            Some(u) => unit = Some(u),
            None => errors.push((
                Some(c),
                format!("计薪方式“{}”：请写按小时、按天、计件或按月", v.trim()),
            )),
        }
    }
    let mut parts: Vec<(&str, String, Option<usize>)> = Vec::new();
    let mut unit_from = unit_col;
    let unread = errors.len();
    if let Some((c, v)) = row.get(Field::Pay) {
        match cells::pay(v) {
            Ok(p) => {
                if let Some(u) = p.unit {
                    if unit.is_some_and(|given| given != u) {
                        errors.push((Some(c), format!("工资“{}”和计薪方式不一致", v.trim())));
                    }
                    if unit.is_none() {
                        unit = Some(u);
                        unit_from = Some(c);
                    }
                }
                match p.max {
                    Some(max) => {
                        parts.push(("min", feed::number(p.min), Some(c)));
                        parts.push(("max", feed::number(max), Some(c)));
                    }
                    None => parts.push(("amount", feed::number(p.min), Some(c))),
                }
            }
            Err(e) => errors.push((Some(c), e)),
        }
    } else {
        for (f, key) in [(Field::PayMin, "min"), (Field::PayMax, "max")] {
            if let Some((c, v)) = row.get(f) {
                match cells::number(v) {
                    Ok(n) => parts.push((key, feed::number(n), Some(c))),
                    Err(e) => errors.push((Some(c), e)),
                }
            }
        }
    }
    if parts.is_empty() {
        if errors.len() > unread {
            return;
        }
        errors.push((
            row.cells.get(&Field::Pay).map(|(c, _)| *c),
            "工资没有填：写 150元/天，或填工资下限、工资上限".into(),
        ));
        return;
    }
    match unit {
        Some(u) => parts.push(("unit", u.to_string(), unit_from)),
        None => errors.push((
            row.cells
                .get(&Field::PayUnit)
                .or(row.cells.get(&Field::Pay))
                .map(|(c, _)| *c),
            "不知道工资是按什么算的：在计薪方式里写按天、按小时、计件或按月，或在工资里写“元/天”"
                .into(),
        )),
    }
    b.map("pay", &parts);
}

/// The headers of the template, for `new sheet` and `export`.
pub fn headers() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.header).collect()
}
