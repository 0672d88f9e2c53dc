//! The status page's charts, drawn as SVG when the site is built: no script, they
//! print, and each has its numbers beside it for a screen reader. Only the geometry is
//! worked out here; `partials/status_charts.html` writes the markup.
//!
//! The charts are 340 units wide, about the width of a phone's screen, so a 14-unit
//! label reads at 14 px there; on a wider screen the CSS caps their width.
//! Drawn by hand: a few bars and lines do not need a charting library.

use crate::outputs::status::{Counts, StatusTable, TrendPoint};
use serde::Serialize;

/// The width of every chart, in SVG units.
const WIDTH: f64 = 340.0;
/// Room on the left for a league's name (five or six characters at 14 units).
const LABEL: f64 = 84.0;
/// Room on the right for the number at the end of a bar.
const END: f64 = 48.0;
const ROW: f64 = 30.0;
/// A bar's thickness, in its row.
const BAR: f64 = 20.0;
/// The keys of [`STATUSES`], in its order: the segments' classes.
pub const STATUS_KEYS: [&str; 5] = ["planned", "building", "operating", "suspended", "closed"];

#[derive(Serialize)]
pub struct Segment {
    pub x: f64,
    pub width: f64,
    pub count: usize,
    /// The status (or `covered` / `uncovered`): the CSS class and the legend's key.
    pub key: &'static str,
}

#[derive(Serialize)]
pub struct BarRow {
    pub name: String,
    pub code: String,
    /// The top of the bar.
    pub y: f64,
    pub segments: Vec<Segment>,
    /// The text after the bar, and where it starts.
    pub end: String,
    pub end_x: f64,
}

#[derive(Serialize)]
pub struct Bars {
    pub width: f64,
    /// Where the names end and the bars begin.
    pub label: f64,
    pub height: f64,
    pub bar: f64,
    pub rows: Vec<BarRow>,
}

/// Segments of one bar: `counts` laid end to end from `LABEL`, `unit` units each.
fn segments(counts: &[(&'static str, usize)], unit: f64) -> (Vec<Segment>, f64) {
    let mut x = LABEL;
    let mut out = Vec::new();
    for &(key, count) in counts {
        if count == 0 {
            continue;
        }
        let width = count as f64 * unit;
        out.push(Segment {
            x: round(x),
            width: round(width),
            count,
            key,
        });
        x += width;
    }
    (out, x)
}

fn round(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Whole units per market (or county) so that the longest bar fits.
fn unit_for(longest: usize) -> f64 {
    (WIDTH - LABEL - END) / longest.max(1) as f64
}

/// One bar a league: `bar` gives a league's segments (key, count) and the text after
/// it; all bars share one scale, set by the longest.
fn bars(
    table: &StatusTable,
    names: &[(String, String)],
    bar: impl Fn(&Counts) -> (Vec<(&'static str, usize)>, String),
) -> Bars {
    let made: Vec<_> = table.leagues.iter().map(|l| bar(&l.total)).collect();
    let longest = made
        .iter()
        .map(|(counts, _)| counts.iter().map(|(_, n)| n).sum::<usize>())
        .max()
        .unwrap_or(1);
    let unit = unit_for(longest);
    let rows = made
        .into_iter()
        .zip(names)
        .enumerate()
        .map(|(i, ((counts, end_text), (name, code)))| {
            let (segments, end) = segments(&counts, unit);
            BarRow {
                name: name.clone(),
                code: code.clone(),
                y: i as f64 * ROW,
                segments,
                end: end_text,
                end_x: round(end + 4.0),
            }
        })
        .collect();
    Bars {
        width: WIDTH,
        label: LABEL,
        height: table.leagues.len() as f64 * ROW,
        bar: BAR,
        rows,
    }
}

/// Markets by status, one bar a league; the bar ends with the operating and total count.
pub fn markets_by_status(table: &StatusTable, names: &[(String, String)]) -> Bars {
    bars(table, names, |t| {
        (
            STATUS_KEYS.into_iter().zip(t.by_status).collect(),
            format!("{}/{}", t.operating(), t.markets),
        )
    })
}

/// Counties with and without an operating market, one bar a league; the bar ends with
/// those with one and all.
pub fn counties_covered(table: &StatusTable, names: &[(String, String)]) -> Bars {
    bars(table, names, |t| {
        let with = t.counties - t.counties_without_operating;
        (
            vec![
                ("covered", with),
                ("uncovered", t.counties_without_operating),
            ],
            format!("{with}/{}", t.counties),
        )
    })
}

#[derive(Serialize)]
pub struct TrendMark {
    pub x: f64,
    pub y: f64,
    pub value: usize,
    /// Where its number goes: above the point, or below it when the other line's
    /// number would be in the way.
    pub label_y: f64,
}

#[derive(Serialize)]
pub struct TrendLine {
    pub key: &'static str,
    /// `x,y x,y …` for a `<polyline>`.
    pub points: String,
    pub marks: Vec<TrendMark>,
}

#[derive(Serialize)]
pub struct TrendDay {
    pub x: f64,
    /// `11-15`, short enough to sit under its point.
    pub label: String,
    pub date: String,
    pub operating: usize,
    pub complete: usize,
    pub counties_covered: usize,
    pub counties: usize,
    pub current: bool,
}

#[derive(Serialize)]
pub struct Trend {
    pub width: f64,
    pub height: f64,
    /// The baseline's y.
    pub base: f64,
    pub lines: Vec<TrendLine>,
    pub days: Vec<TrendDay>,
}

/// The last this many reporting days are drawn (six months); the table lists them too.
const TREND_DAYS: usize = 12;

/// Operating markets and those with all five functions across reporting days.
pub fn trend(points: &[TrendPoint]) -> Trend {
    let points = &points[points.len().saturating_sub(TREND_DAYS)..];
    let (top, base) = (24.0, 150.0);
    let left = 24.0;
    let step = if points.len() > 1 {
        (WIDTH - 2.0 * left) / (points.len() - 1) as f64
    } else {
        0.0
    };
    let x_of = |i: usize| {
        if points.len() > 1 {
            round(left + i as f64 * step)
        } else {
            WIDTH / 2.0
        }
    };
    let most = points.iter().map(|p| p.operating).max().unwrap_or(0).max(1);
    let y_of = |v: usize| round(base - (base - top) * v as f64 / most as f64);
    // The operating count is never below the complete one: its number goes above its
    // point, the other's below its own unless that would reach the dates.
    let line = |key: &'static str, value: fn(&TrendPoint) -> usize, below: bool| {
        let marks: Vec<TrendMark> = points
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let y = y_of(value(p));
                let label_y = if below && y + 20.0 < base {
                    y + 20.0
                } else {
                    y - 9.0
                };
                TrendMark {
                    x: x_of(i),
                    y,
                    value: value(p),
                    label_y: round(label_y),
                }
            })
            .collect();
        TrendLine {
            key,
            points: marks
                .iter()
                .map(|m| format!("{},{}", m.x, m.y))
                .collect::<Vec<_>>()
                .join(" "),
            marks,
        }
    };
    Trend {
        width: WIDTH,
        height: base + 30.0,
        base,
        lines: vec![
            line("operating", |p| p.operating, false),
            line("complete", |p| p.complete, true),
        ],
        days: points
            .iter()
            .enumerate()
            .map(|(i, p)| TrendDay {
                x: x_of(i),
                label: p.day.to_string().get(5..).unwrap_or_default().to_string(),
                date: p.day.to_string(),
                operating: p.operating,
                complete: p.complete,
                counties_covered: p.counties_covered,
                counties: p.counties,
                current: p.current,
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::scalars::Day;

    fn point(day: &str, operating: usize, complete: usize) -> TrendPoint {
        TrendPoint {
            day: Day::parse(day).expect("a day"),
            operating,
            complete,
            counties_covered: 0,
            counties: 0,
            current: false,
        }
    }

    #[test]
    fn the_segment_keys_are_the_statuses_in_order() {
        let keys: Vec<&str> = crate::outputs::status::STATUSES
            .iter()
            .map(|s| s.key())
            .collect();
        assert_eq!(keys, STATUS_KEYS);
    }

    #[test]
    fn the_trend_rises_with_the_count_and_spans_the_width() {
        let t = trend(&[
            point("2026-10-15", 2, 1),
            point("2026-10-28", 4, 2),
            point("2026-11-15", 8, 8),
        ]);
        let ys: Vec<f64> = t.lines[0].marks.iter().map(|m| m.y).collect();
        assert!(
            ys[0] > ys[1] && ys[1] > ys[2],
            "higher counts are drawn higher: {ys:?}"
        );
        assert_eq!(t.lines[0].marks[2].y, 24.0, "the most reaches the top");
        assert_eq!(t.days[0].x, 24.0);
        assert_eq!(t.days[2].x, WIDTH - 24.0);
        assert_eq!(t.days[2].label, "11-15");
        assert_eq!(
            t.lines[1].marks[2].y, t.lines[0].marks[2].y,
            "8 of 8 complete"
        );
    }
}
