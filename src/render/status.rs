//! `/reports/status/` and `/reports/status.csv`: the construction-status table
//! (调度表) for supervisors, plus `/reports/status-YYYY-MM-DD.csv` named for the
//! latest reporting day (15th or 28th).
//!
//! gigboard keeps no history: the content at build time is the record. A report as
//! filed is kept by committing its CSV as `content/reports/status-YYYY-MM-DD.csv`
//! (see `validate::reports`); it is published unchanged and wins over the table this
//! build would write under the same name. The page links every snapshot.

use super::{Renderer, status_charts};
use crate::outputs::status::{self, Counts, STATUSES, StatusTable};
use crate::sink::OutFile;
use crate::views;
use serde::Serialize;

use super::families::Files;

#[derive(Serialize)]
struct CountsView {
    markets: usize,
    by_status: [usize; 5],
    counties: usize,
    counties_operating: usize,
    counties_without_market: usize,
    counties_without_operating: usize,
    missing_services: usize,
    missing_facilities: usize,
    grades: String,
}

fn counts_view(c: &Counts, t: &crate::words::i18n::Strings) -> CountsView {
    let grades: Vec<String> = (0..5)
        .rev()
        .filter(|&i| c.grades[i] > 0)
        .map(|i| format!("{}{}×{}", i + 1, t.get("grade_unit"), c.grades[i]))
        .collect();
    CountsView {
        markets: c.markets,
        by_status: c.by_status,
        counties: c.counties,
        counties_operating: c.counties - c.counties_without_operating,
        counties_without_market: c.counties_without_market,
        counties_without_operating: c.counties_without_operating,
        missing_services: c.missing_services,
        missing_facilities: c.missing_facilities,
        grades: grades.join("、"),
    }
}

#[derive(Serialize)]
struct CountyView<'a> {
    name: &'a str,
    code: &'a str,
    path: String,
    counts: CountsView,
    missing_services: String,
    missing_facilities: String,
}

#[derive(Serialize)]
struct LeagueView<'a> {
    name: &'a str,
    code: &'a str,
    path: String,
    counties: Vec<CountyView<'a>>,
    total: CountsView,
}

#[derive(Serialize)]
struct Snapshot {
    path: String,
    date: String,
}

#[derive(Serialize)]
struct Charts {
    /// The status keys, in the order of `statuses`: the legend's classes.
    keys: [&'static str; 5],
    markets: status_charts::Bars,
    counties: status_charts::Bars,
    trend: status_charts::Trend,
    /// Filed reports among the trend's days (none: the trend is this build alone).
    filed: usize,
}

#[derive(Serialize)]
struct StatusPage<'a> {
    statuses: Vec<&'a str>,
    charts: Charts,
    leagues: Vec<LeagueView<'a>>,
    total: CountsView,
    reporting_day: String,
    snapshots: Vec<Snapshot>,
}

const PAGE: &str = "reports/status/index.html";

pub fn files(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let t = r.t;
    let table: StatusTable = status::table(site);
    let csv = status::csv(site, &table, t);
    let day = status::reporting_day(site.today);
    let mut files: Vec<OutFile> = site
        .filed_reports
        .iter()
        .map(|(date, bytes)| OutFile::new(snapshot_path(*date), bytes.clone()))
        .collect();
    if !site.filed_reports.iter().any(|(d, _)| *d == day) {
        files.push(OutFile::new(snapshot_path(day), csv.clone()));
    }
    let mut snapshots: Vec<String> = files.iter().map(|f| f.path.clone()).collect();
    snapshots.sort_by(|a, b| b.cmp(a));
    let leagues = table
        .leagues
        .iter()
        .map(|l| {
            let league = &site.leagues[l.league];
            LeagueView {
                name: &league.name,
                code: &league.code,
                path: views::league_path(&league.code),
                counties: l
                    .counties
                    .iter()
                    .map(|c| {
                        let county = &site.counties[c.county];
                        CountyView {
                            name: &county.name,
                            code: &county.code,
                            path: views::county_path(&league.code, &county.code),
                            counts: counts_view(&c.counts, t),
                            missing_services: status::gap_text(site, &c.gaps, true, t),
                            missing_facilities: status::gap_text(site, &c.gaps, false, t),
                        }
                    })
                    .collect(),
                total: counts_view(&l.total, t),
            }
        })
        .collect();
    let names: Vec<(String, String)> = table
        .leagues
        .iter()
        .map(|l| {
            let league = &site.leagues[l.league];
            (league.name.clone(), league.code.clone())
        })
        .collect();
    let trend = status::trend(site, &table);
    let charts = Charts {
        keys: status_charts::STATUS_KEYS,
        markets: status_charts::markets_by_status(&table, &names),
        counties: status_charts::counties_covered(&table, &names),
        filed: trend.iter().filter(|p| !p.current).count(),
        trend: status_charts::trend(&trend),
    };
    let data = StatusPage {
        charts,
        statuses: STATUSES
            .iter()
            .map(|s| t.get(&format!("status_{}", s.key())))
            .collect(),
        leagues,
        total: counts_view(&table.total, t),
        reporting_day: views::day_text(day, t),
        snapshots: snapshots
            .into_iter()
            .map(|path| Snapshot {
                date: path
                    .trim_start_matches("reports/status-")
                    .trim_end_matches(".csv")
                    .to_string(),
                path,
            })
            .collect(),
    };
    let page = r.page(
        "status.html",
        PAGE,
        t.get("status_report"),
        Some(t.get("status_intro")),
        &data,
    )?;
    files.push(page);
    files.push(OutFile::new("reports/status.csv", csv));
    Ok(files)
}

fn snapshot_path(day: crate::words::scalars::Day) -> String {
    format!("reports/status-{day}.csv")
}
