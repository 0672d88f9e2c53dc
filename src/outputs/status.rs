//! The construction-status table (调度表): markets by status for every league and
//! county, the counties still without an operating market (the plan's goal is at
//! least one in each), operating markets missing one of the five functions or a basic
//! facility, and grades. Computed once from the model; the HTML page and the CSV are
//! two views of it, so they can never disagree.
//!
//! Reporting days: leagues report on the 15th and the 28th of every month
//! ([`reporting_day`]); the build also writes a copy of the CSV named for the latest one.

use crate::model::Site;
use crate::sheets::csv::Csv;
use crate::words::i18n::Strings;
use crate::words::scalars::Day;
use crate::words::{BASIC_FACILITIES, REQUIRED_SERVICES};
use crate::words::{Facility, MarketStatus, Service};

/// In the order the report shows them.
pub const STATUSES: [MarketStatus; 5] = [
    MarketStatus::Planned,
    MarketStatus::Building,
    MarketStatus::Operating,
    MarketStatus::Suspended,
    MarketStatus::Closed,
];

/// Counts that add up from counties to leagues to the region.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    pub markets: usize,
    /// Indexed like [`STATUSES`].
    pub by_status: [usize; 5],
    pub counties: usize,
    pub counties_without_market: usize,
    pub counties_without_operating: usize,
    pub missing_services: usize,
    pub missing_facilities: usize,
    /// Markets of grade 1..=5, at index grade − 1.
    pub grades: [usize; 5],
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.markets += o.markets;
        self.counties += o.counties;
        self.counties_without_market += o.counties_without_market;
        self.counties_without_operating += o.counties_without_operating;
        self.missing_services += o.missing_services;
        self.missing_facilities += o.missing_facilities;
        for i in 0..5 {
            self.by_status[i] += o.by_status[i];
            self.grades[i] += o.grades[i];
        }
    }

    pub fn operating(&self) -> usize {
        self.by_status[2]
    }
}

/// An operating market that lacks some of the plan's functions or basic facilities.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    pub market: usize,
    pub services: Vec<Service>,
    pub facilities: Vec<Facility>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountyRow {
    pub county: usize,
    pub counts: Counts,
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeagueRow {
    pub league: usize,
    pub counties: Vec<CountyRow>,
    pub total: Counts,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusTable {
    pub leagues: Vec<LeagueRow>,
    pub total: Counts,
}

pub fn table(site: &Site) -> StatusTable {
    let mut total = Counts::default();
    let leagues = site
        .leagues
        .iter()
        .enumerate()
        .map(|(li, league)| {
            let mut league_total = Counts::default();
            let counties = league
                .counties
                .iter()
                .map(|&ci| {
                    let row = county_row(site, ci);
                    league_total.add(&row.counts);
                    row
                })
                .collect();
            total.add(&league_total);
            LeagueRow {
                league: li,
                counties,
                total: league_total,
            }
        })
        .collect();
    StatusTable { leagues, total }
}

fn county_row(site: &Site, ci: usize) -> CountyRow {
    let county = &site.counties[ci];
    let mut counts = Counts {
        counties: 1,
        ..Counts::default()
    };
    let mut gaps = Vec::new();
    for &mi in &county.markets {
        let m = &site.markets[mi];
        counts.markets += 1;
        if let Some(i) = STATUSES.iter().position(|s| *s == m.status) {
            counts.by_status[i] += 1;
        }
        if let Some(g) = m.grade.filter(|g| (1..=5).contains(g)) {
            counts.grades[usize::from(g) - 1] += 1;
        }
        if m.status != MarketStatus::Operating {
            continue;
        }
        let services: Vec<Service> = REQUIRED_SERVICES
            .iter()
            .filter(|s| !m.services.contains(s))
            .copied()
            .collect();
        let facilities: Vec<Facility> = BASIC_FACILITIES
            .iter()
            .filter(|f| !m.facilities.contains(f))
            .copied()
            .collect();
        counts.missing_services += usize::from(!services.is_empty());
        counts.missing_facilities += usize::from(!facilities.is_empty());
        if !services.is_empty() || !facilities.is_empty() {
            gaps.push(Gap {
                market: mi,
                services,
                facilities,
            });
        }
    }
    counts.counties_without_market = usize::from(counts.markets == 0);
    counts.counties_without_operating = usize::from(counts.operating() == 0);
    CountyRow {
        county: ci,
        counts,
        gaps,
    }
}

/// One reporting day of the trend: what a filed report (or this build) counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrendPoint {
    pub day: Day,
    pub operating: usize,
    /// Operating markets that offer all five functions.
    pub complete: usize,
    pub counties_covered: usize,
    pub counties: usize,
    /// This build's own count rather than a filed report.
    pub current: bool,
}

/// The trend across reporting days: every filed report in `content/reports/` that
/// reads as this report's CSV (older days first), then this build's table unless a
/// report was filed for its reporting day. A report that does not read is left out:
/// the page is published as filed anyway.
pub fn trend(site: &Site, table: &StatusTable) -> Vec<TrendPoint> {
    let mut points: Vec<TrendPoint> = site
        .filed_reports
        .iter()
        .filter_map(|(day, bytes)| filed_point(*day, bytes))
        .collect();
    points.sort_by_key(|p| p.day);
    let today = reporting_day(site.today);
    if !site.filed_reports.iter().any(|(d, _)| *d == today) {
        let t = &table.total;
        points.push(TrendPoint {
            day: site.today,
            operating: t.operating(),
            complete: t.operating() - t.missing_services,
            counties_covered: t.counties - t.counties_without_operating,
            counties: t.counties,
            current: true,
        });
    }
    points
}

/// The counts of one filed report: the operating column (the third status, after
/// five columns of names and totals), 缺五项功能的市场数 and 有运营中市场, by name.
fn filed_point(day: Day, bytes: &[u8]) -> Option<TrendPoint> {
    let rows = crate::sheets::csv_rows(bytes).ok()?;
    let (header, rows) = rows.split_first()?;
    let col = |name: &str| header.iter().position(|h| h == name);
    let (missing, covered) = (col("缺五项功能的市场数")?, col("有运营中市场")?);
    let operating = 5 + 2;
    let mut point = TrendPoint {
        day,
        operating: 0,
        complete: 0,
        counties_covered: 0,
        counties: 0,
        current: false,
    };
    let mut missing_total = 0;
    for row in rows.iter().filter(|r| r.len() > operating.max(missing)) {
        point.operating += row[operating].parse::<usize>().ok()?;
        missing_total += row[missing].parse::<usize>().ok()?;
        point.counties += 1;
        point.counties_covered += usize::from(row.get(covered).is_some_and(|v| v == "是"));
    }
    point.complete = point.operating.saturating_sub(missing_total);
    Some(point)
}

/// The latest reporting day (the 15th or the 28th) on or before `today`.
pub fn reporting_day(today: Day) -> Day {
    let d = today.0;
    let day = match d.day() {
        28.. => d.with().day(28).build(),
        15.. => d.with().day(15).build(),
        _ => d
            .first_of_month()
            .yesterday()
            .and_then(|last| last.with().day(28).build()),
    };
    Day(day.unwrap_or(d))
}

/// "技能培训、法律咨询" for a list of services or facilities.
pub fn labels<T: crate::words::Word>(items: &[T], prefix: &str, t: &Strings) -> String {
    items
        .iter()
        .map(|i| t.get(&format!("{prefix}_{}", i.key())).to_string())
        .collect::<Vec<_>>()
        .join("、")
}

/// "新城区零工市场（缺：技能培训）；…" for the gaps of one county.
pub fn gap_text(site: &Site, gaps: &[Gap], services: bool, t: &Strings) -> String {
    gaps.iter()
        .filter_map(|g| {
            let missing = if services {
                labels(&g.services, "service", t)
            } else {
                labels(&g.facilities, "facility", t)
            };
            (!missing.is_empty()).then(|| {
                format!(
                    "{}（{}：{missing}）",
                    site.markets[g.market].name,
                    t.get("status_missing")
                )
            })
        })
        .collect::<Vec<_>>()
        .join("；")
}

/// `/reports/status.csv`: one row per county, columns documented in the README.
pub fn csv(site: &Site, table: &StatusTable, t: &Strings) -> Vec<u8> {
    let status_labels: Vec<String> = STATUSES
        .iter()
        .map(|s| t.get(&format!("status_{}", s.key())).to_string())
        .collect();
    let mut header = vec!["盟市代码", "盟市", "旗县代码", "旗县", "市场总数"];
    header.extend(status_labels.iter().map(String::as_str));
    header.extend([
        "有运营中市场",
        "缺五项功能的市场数",
        "缺五项功能的市场",
        "缺基础设施的市场数",
        "缺基础设施的市场",
        "一级",
        "二级",
        "三级",
        "四级",
        "五级",
    ]);
    let mut out = Csv::new(&header);
    for l in &table.leagues {
        let league = &site.leagues[l.league];
        for c in &l.counties {
            let county = &site.counties[c.county];
            let n = &c.counts;
            let mut row = vec![
                league.code.clone(),
                league.name.clone(),
                county.code.clone(),
                county.name.clone(),
                n.markets.to_string(),
            ];
            row.extend(n.by_status.iter().map(usize::to_string));
            row.push(if n.operating() > 0 { "是" } else { "否" }.to_string());
            row.push(n.missing_services.to_string());
            row.push(gap_text(site, &c.gaps, true, t));
            row.push(n.missing_facilities.to_string());
            row.push(gap_text(site, &c.gaps, false, t));
            row.extend(n.grades.iter().map(usize::to_string));
            out.row(row);
        }
    }
    out.into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).expect("a date")
    }

    #[test]
    fn reporting_days_are_the_15th_and_the_28th() {
        assert_eq!(reporting_day(day("2026-11-27")), day("2026-11-15"));
        assert_eq!(reporting_day(day("2026-11-15")), day("2026-11-15"));
        assert_eq!(reporting_day(day("2026-11-28")), day("2026-11-28"));
        assert_eq!(reporting_day(day("2026-11-30")), day("2026-11-28"));
        assert_eq!(reporting_day(day("2026-11-14")), day("2026-10-28"));
        assert_eq!(reporting_day(day("2027-01-01")), day("2026-12-28"));
        assert_eq!(reporting_day(day("2026-03-10")), day("2026-02-28"));
    }
}
