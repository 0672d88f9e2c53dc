//! `gigboard init` and `gigboard new`: files an editor starts from, filled in so that
//! they pass `check` as written, with every field explained in a comment.

use crate::load::records::{County, League, RegionsFile};
use crate::load::scalars::Day;
use crate::load::yaml;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

const SITE: &str = include_str!("templates/site.yaml");
const MARKET: &str = include_str!("templates/market.yaml");
const POSTING: &str = include_str!("templates/posting.yaml");
const PAGE: &str = include_str!("templates/page.md");
const README: &str = include_str!("templates/README.md");
/// Inner Mongolia's leagues and counties (GB/T 2260), from the sample site.
const INNER_MONGOLIA: &str = include_str!("../../content/regions.yaml");

/// What a build makes beside the content, kept out of version control: the site and
/// the staged and spare outputs.
const GITIGNORE: &str = "output/\n.output.*\n";

fn fill(template: &str, pairs: &[(&str, &str)]) -> String {
    pairs.iter().fold(template.to_string(), |t, (k, v)| {
        t.replace(&format!("{{{{{k}}}}}"), v)
    })
}

fn write_new(path: &Path, text: &str) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
    }
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn inner_mongolia() -> Result<RegionsFile, String> {
    let node = yaml::parse(INNER_MONGOLIA).map_err(|e| e.message)?;
    let (value, errors) =
        crate::load::decode::decode::<RegionsFile>(&node, crate::load::decode::FieldPath::Root(""));
    value
        .filter(|_| errors.is_empty())
        .ok_or_else(|| "the built-in region list is damaged".to_string())
}

fn regions_yaml(leagues: &[&League]) -> String {
    let mut out = String::from(
        "# 盟市和旗县（市、区）：GB/T 2260 代码、名称、坐标（WGS84）、最低工资类别\n# Leagues and counties: codes, names, coordinates and minimum-wage class.\nleagues:\n",
    );
    let loc = |l: Option<crate::load::records::LatLon>| {
        l.map(|l| format!("{{lat: {}, lon: {}}}", l.lat, l.lon))
            .unwrap_or_else(|| "null".into())
    };
    for l in leagues {
        let _ = writeln!(
            out,
            "  - code: \"{}\"\n    name: {}\n    location: {}\n    counties:",
            l.code,
            l.name,
            loc(l.location)
        );
        for c in &l.counties {
            let _ = writeln!(
                out,
                "      - {{code: \"{}\", name: {}, location: {}, wage_class: {}}}",
                c.code,
                c.name,
                loc(c.location),
                c.wage_class
            );
        }
    }
    out
}

fn market_text(county: &County, status: &str) -> String {
    let (lat, lon) = county
        .location
        .map(|l| (l.lat, l.lon))
        .unwrap_or((0.0, 0.0));
    fill(
        MARKET,
        &[
            ("NAME", &format!("{}零工市场", county.name)),
            ("COUNTY", &county.code),
            ("LAT", &format!("{lat}")),
            ("LON", &format!("{lon}")),
            ("STATUS", status),
        ],
    )
}

/// Creates a new site in `dir` (which must be empty or missing). Returns the files written.
pub fn init(dir: &Path, whole_region: bool, today: Day) -> Result<Vec<PathBuf>, String> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        if entries.next().is_some() {
            return Err(format!(
                "{} is not empty: gigboard init only writes into a new or empty folder",
                dir.display()
            ));
        }
    }
    let regions = inner_mongolia()?;
    let leagues: Vec<&League> = if whole_region {
        regions.leagues.iter().collect()
    } else {
        regions.leagues.iter().take(1).collect()
    };
    let county = leagues
        .first()
        .and_then(|l| l.counties.first())
        .ok_or_else(|| "the built-in region list is empty".to_string())?;
    let market_id = format!("market-{}", county.code);
    let title = "零工市场信息网";
    let expires = Day(today
        .0
        .checked_add(jiff::Span::new().days(3))
        .map_err(|e| e.to_string())?);
    let c = dir.join("content");
    let files = vec![
        (c.join("site.yaml"), fill(SITE, &[("TITLE", title)])),
        (c.join("regions.yaml"), regions_yaml(&leagues)),
        (
            c.join("markets").join(format!("{market_id}.yaml")),
            market_text(county, "operating"),
        ),
        (
            c.join("jobs")
                .join(&market_id)
                .join(format!("{today}.yaml")),
            first_feed(&market_id, today, expires),
        ),
        (c.join("pages").join("employers.md"), PAGE.to_string()),
        (
            dir.join("README.md"),
            fill(README, &[("TITLE", title), ("MARKET", &market_id)]),
        ),
        (dir.join(".gitignore"), GITIGNORE.to_string()),
    ];
    for (path, text) in &files {
        write_new(path, text)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

fn first_feed(market: &str, today: Day, expires: Day) -> String {
    format!(
        r#"# 岗位：每个市场每天一个文件。The market's postings of {today}.
market: {market}
postings:
  - id: "{market}-{ymd}-01"
    title: 小区楼道保洁
    category: cleaning
    employer: {{name: 示例物业服务有限公司（示例）, kind: company}}
    pay: {{amount: 160, unit: day}}
    headcount: 2
    start: "{today}T08:00"
    posted: {today}
    expires: {expires}
    quick_hire: true
    kind: day
    contact: {{name: 王经理, phone: "138-0000-0001"}}
    requirements: 身体健康，能吃苦耐劳
    welcomes: [older]
    verified: {{by: 市场信息审核员, on: {today}}}
    body: |
      打扫楼道和电梯间，日结，管午饭。
  - id: "{market}-{ymd}-02"
    title: 超市年货装卸
    category: loading
    employer: {{name: 示例商贸有限公司（示例）, kind: company}}
    pay: {{min: 25, max: 30, unit: hour}}
    headcount: 4
    start: "{today}T09:00"
    posted: {today}
    expires: {expires}
    kind: part_time
    contact: {{name: 李主管, phone: "138-0000-0002"}}
    verified: {{by: 市场信息审核员, on: {today}}}
    body: |
      搬运和码放年货，按小时计酬，每天结算。
"#,
        ymd = today.to_string().replace('-', "")
    )
}

/// Appends a posting template to today's feed of `market` (or to `feed`). Returns the
/// feed's path and the new posting's id.
pub fn new_posting(
    root: &Path,
    market: &str,
    feed: Option<&Path>,
    today: Day,
) -> Result<(PathBuf, String), String> {
    // The id becomes a folder name: `../x` would write outside content/jobs/.
    crate::validate::check_slug(market).map_err(|e| format!("--market `{market}`: {e}"))?;
    let market_file = ["yaml", "yml"]
        .iter()
        .map(|e| root.join("content/markets").join(format!("{market}.{e}")))
        .find(|p| p.exists());
    if market_file.is_none() {
        return Err(format!(
            "there is no market `{market}` (no content/markets/{market}.yaml)"
        ));
    }
    let path = feed.map(Path::to_path_buf).unwrap_or_else(|| {
        root.join("content/jobs")
            .join(market)
            .join(format!("{today}.yaml"))
    });
    let existing = if path.exists() {
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?
    } else {
        String::new()
    };
    let ymd = today.to_string().replace('-', "");
    let used = used_ids(&root.join("content/jobs"));
    let id = (1..)
        .map(|n| format!("{market}-{ymd}-{n:02}"))
        .find(|id| !used.contains(id))
        .unwrap_or_else(|| format!("{market}-{ymd}-new"));
    let indent = existing
        .lines()
        .find_map(|l| {
            l.trim_start()
                .starts_with("- id:")
                .then(|| l.len() - l.trim_start().len())
        })
        .unwrap_or(2);
    let category = first_category(root).unwrap_or_else(|| "cleaning".into());
    let expires = Day(today
        .0
        .checked_add(jiff::Span::new().days(3))
        .map_err(|e| e.to_string())?);
    let posting = fill(
        POSTING,
        &[
            ("I", &" ".repeat(indent)),
            ("ID", &id),
            ("CATEGORY", &category),
            ("PAY", "180"),
            ("TODAY", &today.to_string()),
            ("EXPIRES", &expires.to_string()),
        ],
    );
    let mut text = if existing.trim().is_empty() {
        format!("# 岗位：{market} 市场 {today} 的岗位\nmarket: {market}\npostings:\n")
    } else {
        existing
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text.push_str(&posting);
    write_new(&path, &text)?;
    Ok((path, id))
}

fn used_ids(jobs: &Path) -> std::collections::HashSet<String> {
    walkdir::WalkDir::new(jobs)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| std::fs::read_to_string(e.path()).ok())
        .flat_map(|t| {
            t.lines()
                .filter_map(|l| {
                    l.trim_start()
                        .trim_start_matches("- ")
                        .strip_prefix("id:")
                        .map(|v| v.trim().trim_matches('"').to_string())
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn first_category(root: &Path) -> Option<String> {
    let text = std::fs::read_to_string(root.join("content/site.yaml")).ok()?;
    let node = yaml::parse(&text).ok()?;
    match &node.get("categories")?.value {
        yaml::Value::Map(entries) => entries
            .first()
            .and_then(|(k, _)| k.as_str().map(str::to_string)),
        _ => None,
    }
}

/// Writes a market file for `county` with every field explained. Returns its path.
pub fn new_market(root: &Path, county_code: &str, id: Option<&str>) -> Result<PathBuf, String> {
    let text = std::fs::read_to_string(root.join("content/regions.yaml"))
        .map_err(|e| format!("content/regions.yaml: {e}"))?;
    let node = yaml::parse(&text)
        .map_err(|e| format!("content/regions.yaml:{}: {}", e.pos.line, e.message))?;
    let (regions, _) =
        crate::load::decode::decode::<RegionsFile>(&node, crate::load::decode::FieldPath::Root(""));
    let regions = regions.ok_or("content/regions.yaml has errors: run `gigboard check`")?;
    let county = regions
        .leagues
        .iter()
        .flat_map(|l| l.counties.iter())
        .find(|c| c.code == county_code)
        .ok_or_else(|| format!("county {county_code} is not in content/regions.yaml"))?;
    let id = id
        .map(str::to_string)
        .unwrap_or_else(|| format!("market-{county_code}"));
    crate::validate::check_slug(&id)?;
    let path = root.join("content/markets").join(format!("{id}.yaml"));
    if path.exists() {
        return Err(format!(
            "{} already exists; choose another id with --id",
            path.display()
        ));
    }
    write_new(&path, &market_text(county, "planned"))?;
    Ok(path)
}
