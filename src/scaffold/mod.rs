//! `gigboard init` and `gigboard new`: files an editor starts from, filled in so that
//! they pass `check` as written, with every field explained in a comment.

use crate::diag::Msg;
use crate::diag::catalogue::start as says;
use crate::load::records::{County, League, RegionsFile};
use crate::load::yaml;
use crate::msg;
use crate::words::scalars::Day;
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

/// A file or folder that could not be made or read, and why.
fn path_problem(path: &Path, e: impl std::fmt::Display) -> Msg {
    msg!(says::PATH_PROBLEM, path = path.display(), reason = e)
}

fn write_new(path: &Path, text: &str) -> Result<(), Msg> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|e| path_problem(parent, e))?;
    }
    std::fs::write(path, text).map_err(|e| path_problem(path, e))
}

fn inner_mongolia() -> Result<RegionsFile, Msg> {
    let node = yaml::parse(INNER_MONGOLIA).map_err(|_| msg!(says::BUILTIN_DAMAGED))?;
    let (value, errors) =
        crate::load::decode::decode::<RegionsFile>(&node, crate::load::decode::FieldPath::Root(""));
    value
        .filter(|_| errors.is_empty())
        .ok_or_else(|| msg!(says::BUILTIN_DAMAGED))
}

fn regions_yaml(leagues: &[&League]) -> String {
    let mut out = String::from(
        "# 盟市和旗县（市、区）：GB/T 2260 代码、名称、坐标（WGS84）、最低工资类别\n# Leagues and counties: codes, names, coordinates and minimum-wage class.\nleagues:\n",
    );
    let loc = |l: Option<crate::words::LatLon>| {
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

/// What a new site covers: one county (a county bureau's site), one league, or all of
/// Inner Mongolia. A county or league is named by its GB/T 2260 code or its name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    County(String),
    League(String),
    /// The first league of the list (呼和浩特市), all its counties.
    FirstLeague,
    WholeRegion,
}

/// The leagues (each with the counties the site covers), the county of the first
/// market, and the place the site is named for.
fn scope_of(regions: &RegionsFile, scope: &Scope) -> Result<(Vec<League>, County, String), Msg> {
    let is = |code: &str, name: &str, asked: &str| code == asked || name == asked.trim();
    let first_county = |l: &League| {
        l.counties
            .first()
            .cloned()
            .ok_or_else(|| msg!(says::BUILTIN_DAMAGED))
    };
    match scope {
        Scope::County(asked) => {
            for l in &regions.leagues {
                if let Some(c) = l.counties.iter().find(|c| is(&c.code, &c.name, asked)) {
                    let mut league = l.clone();
                    league.counties = vec![c.clone()];
                    return Ok((vec![league], c.clone(), c.name.clone()));
                }
            }
            Err(unknown(says::A_COUNTY, asked, regions))
        }
        Scope::League(asked) => {
            let l = regions
                .leagues
                .iter()
                .find(|l| is(&l.code, &l.name, asked))
                .ok_or_else(|| unknown(says::A_LEAGUE, asked, regions))?;
            Ok((vec![l.clone()], first_county(l)?, l.name.clone()))
        }
        Scope::FirstLeague => {
            let l = regions
                .leagues
                .first()
                .ok_or_else(|| msg!(says::BUILTIN_DAMAGED))?;
            Ok((vec![l.clone()], first_county(l)?, l.name.clone()))
        }
        Scope::WholeRegion => {
            let l = regions
                .leagues
                .first()
                .ok_or_else(|| msg!(says::BUILTIN_DAMAGED))?;
            Ok((
                regions.leagues.clone(),
                first_county(l)?,
                "内蒙古自治区".to_string(),
            ))
        }
    }
}

/// A code or name that is not in the list, with the names that come close.
fn unknown(what: crate::diag::Entry, asked: &str, regions: &RegionsFile) -> Msg {
    let names = regions.leagues.iter().flat_map(|l| {
        std::iter::once((l.code.as_str(), l.name.as_str())).chain(
            l.counties
                .iter()
                .map(|c| (c.code.as_str(), c.name.as_str())),
        )
    });
    let close: Vec<String> = names
        .filter(|(code, name)| {
            asked.len() >= 2
                && (code.starts_with(asked)
                    || name.contains(asked.trim_end_matches(['县', '旗', '区', '市'])))
        })
        .take(8)
        .map(|(code, name)| format!("{code} {name}"))
        .collect();
    let hint = if close.is_empty() {
        msg!(says::PLACE_EXAMPLE)
    } else {
        msg!(says::PLACE_CLOSE, close = close.join(", "))
    };
    msg!(
        says::UNKNOWN_PLACE,
        asked = asked,
        what = what.msg(),
        hint = hint
    )
}

/// Creates a new site in `dir` (which must be empty or missing). Returns the files written.
///
/// Nothing in it pretends: no sample postings, and the market's own facts (address,
/// phones, operator) are `（请填写…）` fill-ins that `check` names one by one and that
/// are never published — the site builds once the editor has written them.
pub fn init(dir: &Path, scope: &Scope) -> Result<Vec<PathBuf>, Msg> {
    if dir.exists() {
        let mut entries = std::fs::read_dir(dir).map_err(|e| path_problem(dir, e))?;
        if entries.next().is_some() {
            return Err(msg!(says::NOT_EMPTY, dir = dir.display()));
        }
    }
    let regions = inner_mongolia()?;
    let (leagues, county, place) = scope_of(&regions, scope)?;
    let market_id = format!("market-{}", county.code);
    let title = format!("{place}零工市场信息网");
    let publisher = if *scope == Scope::WholeRegion {
        "内蒙古自治区人力资源和社会保障厅".to_string()
    } else {
        format!("{place}人力资源和社会保障局")
    };
    let league_refs: Vec<&League> = leagues.iter().collect();
    let c = dir.join("content");
    let files = vec![
        (
            c.join("site.yaml"),
            fill(
                SITE,
                &[
                    ("TITLE", &title),
                    ("PLACE", &place),
                    ("PUBLISHER", &publisher),
                ],
            ),
        ),
        (c.join("regions.yaml"), regions_yaml(&league_refs)),
        (
            c.join("markets").join(format!("{market_id}.yaml")),
            market_text(&county, "operating"),
        ),
        (c.join("pages").join("employers.md"), PAGE.to_string()),
        (
            dir.join("README.md"),
            fill(
                README,
                &[
                    ("TITLE", &title),
                    ("MARKET", &market_id),
                    ("DIR", &dir.display().to_string()),
                ],
            ),
        ),
        (dir.join(".gitignore"), GITIGNORE.to_string()),
    ];
    for (path, text) in &files {
        write_new(path, text)?;
    }
    Ok(files.into_iter().map(|(p, _)| p).collect())
}

/// Appends a posting template to today's feed of `market` (or to `feed`). Returns the
/// feed's path and the new posting's id.
pub fn new_posting(
    root: &Path,
    market: &str,
    feed: Option<&Path>,
    today: Day,
) -> Result<(PathBuf, String), Msg> {
    // The id becomes a folder name: `../x` would write outside content/jobs/.
    crate::validate::check_slug(market)
        .map_err(|e| msg!(says::MARKET_FLAG, market = market, problem = e))?;
    let market_file = ["yaml", "yml"]
        .iter()
        .map(|e| root.join("content/markets").join(format!("{market}.{e}")))
        .find(|p| p.exists());
    if market_file.is_none() {
        return Err(msg!(says::NO_MARKET_FILE, market = market));
    }
    let path = feed.map(Path::to_path_buf).unwrap_or_else(|| {
        root.join("content/jobs")
            .join(market)
            .join(format!("{today}.yaml"))
    });
    let existing = if path.exists() {
        std::fs::read_to_string(&path).map_err(|e| path_problem(&path, e))?
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
        .map_err(|e| path_problem(&path, e))?);
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
pub fn new_market(root: &Path, county_code: &str, id: Option<&str>) -> Result<PathBuf, Msg> {
    let regions_path = Path::new("content/regions.yaml");
    let text = std::fs::read_to_string(root.join(regions_path))
        .map_err(|e| path_problem(regions_path, e))?;
    let node = yaml::parse(&text).map_err(|_| msg!(says::REGIONS_BROKEN))?;
    let (regions, _) =
        crate::load::decode::decode::<RegionsFile>(&node, crate::load::decode::FieldPath::Root(""));
    let regions = regions.ok_or_else(|| msg!(says::REGIONS_BROKEN))?;
    let county = regions
        .leagues
        .iter()
        .flat_map(|l| l.counties.iter())
        .find(|c| c.code == county_code)
        .ok_or_else(|| msg!(says::COUNTY_NOT_IN_REGIONS, county = county_code))?;
    let id = id
        .map(str::to_string)
        .unwrap_or_else(|| format!("market-{county_code}"));
    crate::validate::check_slug(&id)?;
    let path = root.join("content/markets").join(format!("{id}.yaml"));
    if path.exists() {
        return Err(msg!(says::ALREADY_EXISTS, path = path.display()));
    }
    write_new(&path, &market_text(county, "planned"))?;
    Ok(path)
}
