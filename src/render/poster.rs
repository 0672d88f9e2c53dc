//! The entrance poster of a market, `/print/<market>/poster/` (A4) and `…/poster/a3/`
//! (the same page at A3, by its `@page` size): what the plan asks a market to make
//! public at its door — its hours, its service and complaint lines (公开服务时间、服务热线
//! 和投诉举报方式) — with the services it offers, the no-fee notice and two large codes:
//! to the market's page (扫码看今日岗位) and to directions in a map app (扫码导航). It is
//! read from two metres: the name at 48 pt or more, hours and phones at 24 pt or more.

use super::Renderer;
use super::families::Files;
use crate::outputs::qr;
use crate::views::{self, MarketView};
use serde::Serialize;

/// Where a market's poster is written; `a3` for the A3 copy.
pub(super) fn poster_path(market_id: &str, a3: bool) -> String {
    if a3 {
        format!("print/{market_id}/poster/a3/index.html")
    } else {
        format!("print/{market_id}/poster/index.html")
    }
}

/// A run of days with the same hours (`星期一至星期五 06:00–11:30、14:00–18:00`).
#[derive(Serialize)]
struct HoursLine {
    days: String,
    spans: String,
}

/// A dated change within the coming week.
#[derive(Serialize)]
struct Change<'a> {
    label: &'a str,
    spans: &'a str,
    note: Option<&'a str>,
}

#[derive(Serialize)]
struct Poster<'a> {
    m: &'a MarketView<'a>,
    week: &'a [HoursLine],
    changes: &'a [Change<'a>],
    /// 扫码看今日岗位: the market's page; None without a base_url.
    page_qr: Option<&'a str>,
    nav_qr: Option<&'a str>,
    /// `A4` or `A3`.
    size: &'static str,
    other_size: String,
    back_path: String,
}

/// The weekly hours, consecutive days with the same hours on one line.
fn week_lines(m: &MarketView<'_>, r: &Renderer<'_>) -> Vec<HoursLine> {
    let mut lines: Vec<(usize, usize, &str)> = Vec::new();
    for (i, d) in m.weekly.iter().enumerate() {
        match lines.last_mut() {
            Some((_, end, spans)) if *spans == d.spans && *end + 1 == i => *end = i,
            _ => lines.push((i, i, &d.spans)),
        }
    }
    lines
        .into_iter()
        .map(|(a, b, spans)| HoursLine {
            days: if a == b {
                m.weekly[a].label.clone()
            } else {
                format!(
                    "{}{}{}",
                    m.weekly[a].label,
                    r.t.get("range_to"),
                    m.weekly[b].label
                )
            },
            spans: spans.to_string(),
        })
        .collect()
}

/// Every market's poster, at A4 and at A3.
pub(super) fn posters(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let mut out = Vec::new();
    for (m, view) in site.markets.iter().zip(&r.markets) {
        let paths = [poster_path(&m.id, false), poster_path(&m.id, true)];
        if !paths.iter().any(|p| r.wants(p)) {
            out.extend(paths.iter().map(|p| r.planned(p)));
            continue;
        }
        // The codes are drawn once for both sizes.
        let nav =
            views::directions::Directions::to(m.location.lat, m.location.lon, &m.name, &m.address);
        let page_qr = site
            .base_url
            .as_deref()
            .and_then(|base| qr::svg(&format!("{base}markets/{}/", m.id)).ok());
        let nav_qr = qr::svg(&nav.amap).ok();
        let week = week_lines(view, r);
        let changes: Vec<Change> = view
            .this_week
            .iter()
            .filter(|d| d.changed)
            .map(|d| Change {
                label: &d.label,
                spans: &d.spans,
                note: d.note.as_deref(),
            })
            .collect();
        for (a3, path) in [false, true].into_iter().zip(&paths) {
            if !r.wants(path) {
                out.push(r.planned(path));
                continue;
            }
            let data = Poster {
                m: view,
                week: &week,
                changes: &changes,
                page_qr: page_qr.as_deref(),
                nav_qr: nav_qr.as_deref(),
                size: if a3 { "A3" } else { "A4" },
                other_size: poster_path(&m.id, !a3),
                back_path: view.path.clone(),
            };
            let title = format!("{} {}", m.name, r.t.get("poster_title"));
            out.push(r.page("poster.html", path, &title, None, &data)?);
        }
    }
    Ok(out)
}
