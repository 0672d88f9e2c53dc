//! `gigboard import markets FILE`: the market directory (名录) from a sheet, one market a
//! row, the same way as postings: cells read as a clerk writes them (开放时间 as
//! `周一至周五 06:00-11:30、14:00-18:00；周六 06:30-12:00`, services and facilities in the
//! words the site shows), every row checked as a market file, problems by sheet, row and
//! column, nothing written while one is wrong. A row becomes `content/markets/<编号>.yaml`
//! (marked as the import's); a market whose file was written by hand is left to its file.

use super::{ImportOptions, Place, Problem, Report, feed::quoted, stage};
use crate::diag::Severity;
use crate::sheets;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The first line of a market file an import writes.
pub const MARK: &str = "# 由 gigboard import markets 从名录表导入";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Col {
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

const STATUSES: &[&str] = &["planned", "building", "operating", "suspended", "closed"];
const SERVICES: &[&str] = &[
    "waiting",
    "postings",
    "quick_hire",
    "training",
    "rights",
    "legal",
    "guidance",
    "assistance",
];
const FACILITIES: &[&str] = &[
    "shelter",
    "heating",
    "cooling",
    "seating",
    "desks",
    "water",
    "charging",
    "parking",
    "toilets",
    "accessible",
    "info_board",
];

/// The words the site shows for statuses, services and facilities (the theme's Chinese).
struct Words(crate::views::i18n::Strings);

impl Words {
    fn load() -> Result<Words, String> {
        let theme = crate::render::theme::Theme::load(None).map_err(|e| e.to_string())?;
        Ok(Words(crate::views::i18n::Strings::load(
            &theme.i18n,
            "zh-CN",
        )?))
    }

    /// The key among `keys` whose label (or the key itself) is `word`.
    fn key<'k>(&self, prefix: &str, keys: &[&'k str], word: &str) -> Option<&'k str> {
        let w = word.trim();
        keys.iter().copied().find(|k| {
            *k == w
                || self.0.get(&format!("{prefix}_{k}")) == w
                || self.0.get(&format!("{prefix}_{k}_alt")) == w
        })
    }

    fn labels(&self, prefix: &str, keys: &[&str]) -> String {
        keys.iter()
            .map(|k| self.0.get(&format!("{prefix}_{k}")))
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// Days in words (`每天`, `周一至周五`, `工作日`, `周六、周日`) → a day set as market files
/// write it (`daily`, `mon-fri`, `sat,sun`).
fn days(text: &str) -> Option<String> {
    const KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let t = text.trim();
    match t {
        "每天" | "每日" | "全天" | "全年" | "天天" => return Some("daily".into()),
        "工作日" => return Some("mon-fri".into()),
        "周末" | "双休日" => return Some("sat,sun".into()),
        _ => {}
    }
    let day = |s: &str| -> Option<usize> {
        let s = s
            .trim()
            .trim_start_matches("星期")
            .trim_start_matches("周")
            .trim_start_matches("礼拜");
        ["一", "二", "三", "四", "五", "六", "日"]
            .iter()
            .position(|d| *d == s)
            .or_else(|| (s == "天").then_some(6))
    };
    let mut parts = Vec::new();
    for piece in t.split(['、', '，', ',', '和']) {
        let range: Vec<&str> = piece.split(['至', '到', '-', '—', '~', '～']).collect();
        match range.as_slice() {
            [one] => parts.push(KEYS[day(one)?].to_string()),
            [a, b] => {
                let (a, b) = (day(a)?, day(b)?);
                if a > b {
                    return None;
                }
                parts.push(format!("{}-{}", KEYS[a], KEYS[b]));
            }
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join(","))
}

/// 开放时间 → the `hours:` rules, or what the cell should look like.
fn hours(text: &str) -> Result<Vec<(String, String, String)>, String> {
    let wrong = |part: &str| {
        format!(
            "开放时间“{part}”看不懂：请写成 每天 07:00-17:00，或 周一至周五 06:00-11:30、14:00-18:00；周六 06:30-12:00"
        )
    };
    let mut rules = Vec::new();
    for segment in text
        .split(['；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        // The days end where the first digit is.
        let at = segment
            .find(|c: char| c.is_ascii_digit())
            .ok_or_else(|| wrong(segment))?;
        let (day_words, spans) = segment.split_at(at);
        let day_words = day_words.trim().trim_end_matches(['：', ':']).trim();
        let set = if day_words.is_empty() {
            "daily".to_string()
        } else {
            days(day_words).ok_or_else(|| wrong(segment))?
        };
        for span in spans
            .split(['、', '，', ',', ' '])
            .filter(|s| !s.trim().is_empty())
        {
            let (open, close) = span
                .split_once(['-', '—', '~', '～', '至', '到'])
                .ok_or_else(|| wrong(segment))?;
            let clock = |c: &str| -> Result<String, String> {
                let (h, m) = c
                    .trim()
                    .split_once([':', '：'])
                    .ok_or_else(|| wrong(segment))?;
                let (h, m): (u8, u8) = (
                    h.trim().parse().map_err(|_| wrong(segment))?,
                    m.trim().parse().map_err(|_| wrong(segment))?,
                );
                if h > 24 || m > 59 {
                    return Err(wrong(segment));
                }
                Ok(format!("{h:02}:{m:02}"))
            };
            rules.push((set.clone(), clock(open)?, clock(close)?));
        }
    }
    if rules.is_empty() {
        return Err(wrong(text));
    }
    Ok(rules)
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
                        problems.push(drafts[di].problem(&shown, d.severity, &d.field, d.message));
                    } else if !before.contains(&(
                        d.file.clone(),
                        d.field.clone(),
                        d.message.clone(),
                    )) {
                        problems.push(Problem {
                            severity: d.severity,
                            place: format!("{}:{}:{}", d.file.display(), d.line, d.column),
                            message: d.message,
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

/// County names and codes from regions.yaml.
fn counties(root: &Path) -> Vec<(String, String)> {
    let site = crate::load::SiteRoot {
        root: root.to_path_buf(),
    };
    let mut diags = crate::diag::Diagnostics::default();
    crate::load::regions(&site, &mut diags)
        .map(|r| {
            r.value
                .leagues
                .iter()
                .flat_map(|l| l.counties.iter().map(|c| (c.code.clone(), c.name.clone())))
                .collect()
        })
        .unwrap_or_default()
}

type Cells<'a> = dyn Fn(Col) -> Option<(usize, &'a str)> + 'a;

/// One row as a market file's text (with the column of each field), or its cells' errors.
#[allow(clippy::type_complexity)]
fn draft<'a>(
    get: &Cells<'a>,
    words: &Words,
    counties: &[(String, String)],
) -> Result<(String, String, HashMap<String, usize>), Vec<(Option<usize>, String)>> {
    let mut errors = Vec::new();
    let mut text = String::new();
    let mut columns = HashMap::new();
    let name = get(Col::Name);
    let county = match get(Col::County) {
        Some((c, v)) => match counties.iter().find(|(code, name)| code == v || name == v) {
            Some((code, _)) => Some((c, code.clone())),
            None => {
                errors.push((
                    Some(c),
                    format!("没有叫“{v}”的旗县：请写 regions.yaml 里的旗县名称或 6 位代码"),
                ));
                None
            }
        },
        None => {
            errors.push((
                None,
                "旗县代码没有填：请写市场所在旗县的名称或 6 位代码".into(),
            ));
            None
        }
    };
    let id = match (get(Col::Id), &county, name) {
        (Some((_, v)), _, _) => v.to_string(),
        // The same name in the same county is the same market, imported again.
        (None, Some((_, code)), Some((_, n))) => super::feed::stable_id("market", code, n, ""),
        _ => String::new(),
    };
    match name {
        Some((c, v)) => put(&mut text, &mut columns, "name", quoted(v), c),
        None => errors.push((None, "名称没有填".into())),
    }
    if let Some((c, v)) = get(Col::NameMn) {
        put(&mut text, &mut columns, "name_mn", quoted(v), c);
    }
    if let Some((c, code)) = &county {
        put(&mut text, &mut columns, "county", quoted(code), *c);
    }
    match get(Col::Address) {
        Some((c, v)) => put(&mut text, &mut columns, "address", quoted(v), c),
        None => errors.push((None, "地址没有填".into())),
    }
    if let Some((c, v)) = get(Col::Transit) {
        put(&mut text, &mut columns, "transit", quoted(v), c);
    }
    let number = |col: Col, errors: &mut Vec<(Option<usize>, String)>| -> Option<(usize, String)> {
        let (c, v) = get(col)?;
        match v.parse::<f64>() {
            Ok(n) => Some((c, sheets::number_text(n))),
            Err(_) => {
                errors.push((
                    Some(c),
                    format!("“{v}”不是数目：经纬度写成 40.83828 这样的小数"),
                ));
                None
            }
        }
    };
    let lat = number(Col::Lat, &mut errors);
    let lon = number(Col::Lon, &mut errors);
    match (lat, lon) {
        (Some((lc, la)), Some((oc, lo))) => {
            let crs = match get(Col::Crs) {
                None => None,
                Some((c, v)) => match v.to_ascii_lowercase().as_str() {
                    "wgs84" | "wgs-84" | "gps" => None,
                    "gcj02" | "gcj-02" | "高德" | "腾讯" | "高德地图" | "腾讯地图" => {
                        Some((c, "gcj02"))
                    }
                    "bd09" | "bd-09" | "百度" | "百度地图" => Some((c, "bd09")),
                    _ => {
                        errors.push((
                            Some(c),
                            format!("坐标系“{v}”：请写 WGS84、高德（GCJ-02）或百度（BD-09）"),
                        ));
                        None
                    }
                },
            };
            let crs_text = crs.map(|(_, k)| format!(", crs: {k}")).unwrap_or_default();
            text.push_str(&format!("location: {{lat: {la}, lon: {lo}{crs_text}}}\n"));
            columns.insert("location".into(), lc);
            columns.insert("location.lat".into(), lc);
            columns.insert("location.lon".into(), oc);
            if let Some((c, _)) = crs {
                columns.insert("location.crs".into(), c);
            }
        }
        _ => errors.push((
            None,
            "经纬度没有填：写纬度和经度两列（手机地图上可查）".into(),
        )),
    }
    match get(Col::Status) {
        Some((c, v)) => match words.key("status", STATUSES, v) {
            Some(k) => put(&mut text, &mut columns, "status", k.into(), c),
            None => errors.push((
                Some(c),
                format!("状态“{v}”：请写{}", words.labels("status", STATUSES)),
            )),
        },
        None => errors.push((
            None,
            format!("状态没有填：请写{}", words.labels("status", STATUSES)),
        )),
    }
    if let Some((c, v)) = get(Col::Opened) {
        match super::cells::day(v) {
            Ok(d) => put(&mut text, &mut columns, "opened", d.to_string(), c),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = get(Col::Grade) {
        match v.trim_end_matches('级').parse::<u8>() {
            Ok(g) => put(&mut text, &mut columns, "grade", g.to_string(), c),
            Err(_) => errors.push((Some(c), format!("等级“{v}”：请写 1 到 5 的数字"))),
        }
    }
    if let Some((c, v)) = get(Col::Hours) {
        match hours(v) {
            Ok(rules) => {
                text.push_str("hours:\n");
                for (d, o, cl) in rules {
                    text.push_str(&format!(
                        "  - {{days: {d}, open: \"{o}\", close: \"{cl}\"}}\n"
                    ));
                }
                columns.insert("hours".into(), c);
            }
            Err(e) => errors.push((Some(c), e)),
        }
    }
    let lines: Vec<(usize, &str, &str)> = [
        (Col::Service, "service"),
        (Col::Complaint, "complaint"),
        (Col::Legal, "legal"),
        (Col::Rights, "rights"),
        (Col::Training, "training"),
    ]
    .iter()
    .filter_map(|(col, kind)| get(*col).map(|(c, v)| (c, *kind, v)))
    .collect();
    if !lines.is_empty() {
        text.push_str("hotlines:\n");
        for (i, (c, kind, number)) in lines.iter().enumerate() {
            text.push_str(&format!(
                "  - {{kind: {kind}, number: {}}}\n",
                quoted(number)
            ));
            columns.insert(format!("hotlines[{i}]"), *c);
        }
        columns.insert("hotlines".into(), lines[0].0);
    }
    for (col, key, prefix, keys) in [
        (Col::Services, "services", "service", SERVICES),
        (Col::Facilities, "facilities", "facility", FACILITIES),
    ] {
        if let Some((c, v)) = get(col) {
            let mut found = Vec::new();
            for w in v
                .split(['、', '，', ',', '；', ';', ' '])
                .filter(|w| !w.trim().is_empty())
            {
                match words.key(prefix, keys, w) {
                    Some(k) => found.push(k),
                    None => errors.push((
                        Some(c),
                        format!(
                            "“{}”不在可选的{}里：{}",
                            w.trim(),
                            columns_name(col),
                            words.labels(prefix, keys)
                        ),
                    )),
                }
            }
            put(
                &mut text,
                &mut columns,
                key,
                format!("[{}]", found.join(", ")),
                c,
            );
        }
    }
    if let Some((c, v)) = get(Col::Operator) {
        put(&mut text, &mut columns, "operator", quoted(v), c);
    }
    if let Some((c, v)) = get(Col::Description) {
        put(&mut text, &mut columns, "description", quoted(v), c);
    }
    if let Some((c, _)) = get(Col::Id) {
        columns.insert("id".into(), c);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((id, text, columns))
}

/// `key: value` into a market file's text, from column `col`.
fn put(
    text: &mut String,
    columns: &mut HashMap<String, usize>,
    key: &str,
    value: String,
    col: usize,
) {
    text.push_str(&format!("{key}: {value}\n"));
    columns.insert(key.to_string(), col);
}

fn columns_name(col: Col) -> &'static str {
    match col {
        Col::Services => "服务项目",
        _ => "设施",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_hours_in_words_become_rules() {
        let r = hours("周一至周五 06:00-11:30、14:00-18:00；周六 6:30-12:00").expect("reads");
        assert_eq!(
            r,
            vec![
                ("mon-fri".into(), "06:00".into(), "11:30".into()),
                ("mon-fri".into(), "14:00".into(), "18:00".into()),
                ("sat".into(), "06:30".into(), "12:00".into()),
            ]
        );
        assert_eq!(hours("每天 07:00-17:00").expect("daily")[0].0, "daily");
        assert_eq!(hours("07:00-17:00").expect("no days")[0].0, "daily");
        assert_eq!(days("周六、周日").as_deref(), Some("sat,sun"));
        assert_eq!(days("星期一到星期六").as_deref(), Some("mon-sat"));
        assert_eq!(days("工作日").as_deref(), Some("mon-fri"));
        assert!(hours("早上").is_err());
        assert!(hours("周八 07:00-17:00").is_err());
    }
}
