//! Where the region map's markers and league names go, for one size of the map.
//!
//! The `/map/` SVG is drawn once at build time and seen on a 320 px phone as on a
//! desktop screen, so it holds one *layer* per size (CSS shows one). A layer is laid
//! out for the narrowest map it is shown at, in screen pixels per SVG unit, so that
//! every marker is drawn at least [`MARKER_PX`] across, has a touch target of
//! [`TOUCH_PX`], and no two touch targets overlap:
//!
//! 1. markets of one league closer than a touch target are grouped: one marker with
//!    their count, which links to a list of them. Closed and suspended markets are
//!    never grouped, so they stay visible;
//! 2. markers are placed one by one (closed and suspended first, then the largest
//!    groups): where their markets are if that is free, else at the nearest free spot
//!    around, keeping a thin line to where they really are. A marker that would move
//!    further than the layer allows joins its nearest neighbour, of any league;
//! 3. each league's name goes at the first free spot on rings around its seat (outside
//!    a marker drawn over it), clear of every marker, dot, line and name placed
//!    before: first every name that fits right beside its seat, the most crowded league
//!    first, then the others further out, each with a line to its seat.
//!
//! Pure geometry on `(x, y)` in SVG units, y downwards; deterministic.

/// A marker's drawn width, in screen pixels at the layer's narrowest: 24 and a pixel
/// to spare for rounding.
pub const MARKER_PX: f64 = 25.0;
/// A group's drawn width (it holds a count).
pub const GROUP_PX: f64 = 30.0;
/// A marker's touch target (44 and one to spare); no two overlap.
pub const TOUCH_PX: f64 = 45.0;
/// League names.
pub const LABEL_PX: f64 = 12.0;
/// The count on a group.
pub const COUNT_PX: f64 = 15.0;
/// The dot of a league's seat, and of a moved marker's real place.
pub const DOT_PX: f64 = 5.0;

/// An axis-aligned box: left, top, right, bottom.
pub type Rect = (f64, f64, f64, f64);
type Pt = (f64, f64);

pub fn overlaps(a: &Rect, b: &Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// A market as the layout sees it.
pub struct Point {
    pub at: Pt,
    pub league: usize,
    /// Closed or suspended: never hidden in a group.
    pub alone: bool,
}

/// One marker of a layer: a market, or a group of them.
#[derive(Debug, Clone)]
pub struct Marker {
    /// Indices into the points, in their order.
    pub members: Vec<usize>,
    /// Where the markets are (a group's: their centre).
    pub anchor: Pt,
    /// Where the marker is drawn.
    pub at: Pt,
}

impl Marker {
    /// Whether the marker is drawn away from its markets (and so has a line to them).
    pub fn moved(&self) -> bool {
        dist(self.anchor, self.at) > 0.5
    }
}

fn dist(a: Pt, b: Pt) -> f64 {
    (a.0 - b.0).hypot(a.1 - b.1)
}

fn centre(points: &[Point], members: &[usize]) -> Pt {
    let n = members.len() as f64;
    let (x, y) = members.iter().fold((0.0, 0.0), |(x, y), &i| {
        (x + points[i].at.0, y + points[i].at.1)
    });
    (x / n, y / n)
}

/// The markers of a layer: `spacing` is the touch target in SVG units, `max_shift`
/// how far a marker may be pushed from its markets, in touch targets (closed and
/// suspended markets, which are never grouped, as far as needed), `size` the map's
/// width and height (the band under it excluded).
pub fn markers(points: &[Point], spacing: f64, max_shift: f64, size: Pt) -> Vec<Marker> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let leagues = points.iter().map(|p| p.league + 1).max().unwrap_or(0);
    for league in 0..leagues {
        let mut gs: Vec<Vec<usize>> = (0..points.len())
            .filter(|&i| points[i].league == league)
            .map(|i| vec![i])
            .collect();
        merge_close(points, &mut gs, spacing, |g| {
            g.iter().any(|&i| points[i].alone)
        });
        groups.extend(gs);
    }
    let alone = |g: &[usize]| g.iter().any(|&i| points[i].alone);
    loop {
        let (placed, stuck) = place(points, &groups, (spacing, max_shift), size, &alone);
        let Some(g) = stuck else {
            return placed;
        };
        // No room near its markets: the group joins the nearest other (of any league),
        // one that may be grouped if there is one.
        let anchor = centre(points, &groups[g]);
        let nearest = |ok: &dyn Fn(&[usize]) -> bool| {
            (0..groups.len())
                .filter(|&j| j != g && ok(&groups[j]))
                .min_by(|&a, &b| {
                    let d = |j: usize| dist(anchor, centre(points, &groups[j]));
                    d(a).total_cmp(&d(b))
                })
        };
        let Some(other) = nearest(&|m| !alone(m)).or_else(|| nearest(&|_| true)) else {
            return placed;
        };
        let (i, j) = (g.min(other), g.max(other));
        let moved = groups.remove(j);
        groups[i].extend(moved);
        groups[i].sort_unstable();
    }
}

/// Places the groups' markers one by one, the ones that must stay alone first, then
/// the largest: each on its markets if that is free, else on the nearest free spot of
/// rings around them, pushed away from the nearest marker already placed. Returns
/// the markers in the groups' order, or the first group that found no room.
fn place(
    points: &[Point],
    groups: &[Vec<usize>],
    (spacing, max_shift): (f64, f64),
    size: Pt,
    alone: &dyn Fn(&[usize]) -> bool,
) -> (Vec<Marker>, Option<usize>) {
    let half = spacing / 2.0;
    let on_map = |(x, y): Pt| {
        (
            x.clamp(half, (size.0 - half).max(half)),
            y.clamp(half, (size.1 - half).max(half)),
        )
    };
    let mut order: Vec<usize> = (0..groups.len()).collect();
    order.sort_by_key(|&g| (!alone(&groups[g]), std::cmp::Reverse(groups[g].len()), g));
    let mut placed: Vec<(usize, Marker)> = Vec::new();
    let step = spacing / 4.0;
    for g in order {
        let anchor = centre(points, &groups[g]);
        let start = on_map(anchor);
        let limit = if alone(&groups[g]) {
            size.0.hypot(size.1)
        } else {
            max_shift * spacing
        };
        let free = |c: Pt| on_map(c) == c && placed.iter().all(|(_, m)| dist(m.at, c) >= spacing);
        // Away from the nearest marker placed: the angle to try first.
        let away = placed
            .iter()
            .map(|(_, m)| m.at)
            .min_by(|a, b| dist(*a, start).total_cmp(&dist(*b, start)))
            .map_or(0.0, |p| (start.1 - p.1).atan2(start.0 - p.0));
        let mut angles: Vec<f64> = (0..16)
            .map(|k| away + f64::from(k) * std::f64::consts::PI / 8.0)
            .collect();
        let off = |a: f64| {
            let d = (a - away).rem_euclid(std::f64::consts::TAU);
            d.min(std::f64::consts::TAU - d)
        };
        angles.sort_by(|a, b| off(*a).total_cmp(&off(*b)));
        let rings = (limit / step).floor() as usize;
        let spot = std::iter::once(start)
            .chain((1..=rings).flat_map(|k| {
                let r = step * k as f64;
                angles
                    .iter()
                    .map(move |a| (start.0 + r * a.cos(), start.1 + r * a.sin()))
            }))
            .find(|&c| free(c) && dist(c, anchor) <= limit.max(dist(start, anchor)));
        let Some(at) = spot else {
            return (Vec::new(), Some(g));
        };
        placed.push((
            g,
            Marker {
                members: groups[g].clone(),
                anchor,
                at,
            },
        ));
    }
    placed.sort_by_key(|(g, _)| *g);
    (placed.into_iter().map(|(_, m)| m).collect(), None)
}

/// Merges the two groups with the closest centres while they are closer than
/// `spacing`, leaving out groups that `keep` says must stay alone.
fn merge_close(
    points: &[Point],
    gs: &mut Vec<Vec<usize>>,
    spacing: f64,
    keep: impl Fn(&[usize]) -> bool,
) {
    loop {
        let mut best: Option<(f64, usize, usize)> = None;
        for i in 0..gs.len() {
            if keep(&gs[i]) {
                continue;
            }
            for j in i + 1..gs.len() {
                if keep(&gs[j]) {
                    continue;
                }
                let d = dist(centre(points, &gs[i]), centre(points, &gs[j]));
                if d < spacing && best.is_none_or(|b| d < b.0) {
                    best = Some((d, i, j));
                }
            }
        }
        let Some((_, i, j)) = best else { return };
        let moved = gs.remove(j);
        gs[i].extend(moved);
        gs[i].sort_unstable();
    }
}

/// A league's name as placed: its centre, and a line from the seat when it is far.
#[derive(Debug, Clone)]
pub struct Label {
    pub centre: Pt,
    pub leader: Option<(Pt, Pt)>,
}

/// The box of a name of `chars` characters centred on `c`, `font` units high: every
/// character as wide as a Chinese one, and as high as a browser's box of a line of
/// Chinese type (Noto Sans CJK: 1.45 of the size, its baseline [`BASELINE`] below the
/// middle).
pub fn label_box(c: Pt, chars: usize, font: f64) -> Rect {
    let w = chars as f64 * font / 2.0;
    (c.0 - w, c.1 - font * 0.725, c.0 + w, c.1 + font * 0.725)
}

/// From the middle of a name's box to its baseline, in font sizes.
pub const BASELINE: f64 = 0.425;

/// What names must keep clear of in a layer.
pub struct Obstacles {
    /// Markers, dots.
    pub boxes: Vec<Rect>,
    /// Lines from moved markers to their places.
    pub lines: Vec<(Pt, Pt)>,
}

/// Whether the segment `a`–`b` crosses the box `r` (Liang–Barsky clipping).
pub fn crosses(r: &Rect, a: Pt, b: Pt) -> bool {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let (mut t0, mut t1) = (0.0_f64, 1.0_f64);
    for (p, q) in [
        (-dx, a.0 - r.0),
        (dx, r.2 - a.0),
        (-dy, a.1 - r.1),
        (dy, r.3 - a.1),
    ] {
        if p.abs() < 1e-12 {
            if q < 0.0 {
                return false;
            }
        } else {
            let t = q / p;
            if p < 0.0 {
                t0 = t0.max(t);
            } else {
                t1 = t1.min(t);
            }
            if t0 > t1 {
                return false;
            }
        }
    }
    true
}

/// The point of `r` nearest to `p`.
fn nearest(r: &Rect, p: Pt) -> Pt {
    (p.0.clamp(r.0, r.2), p.1.clamp(r.1, r.3))
}

/// A league's name to place.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub seat: Pt,
    pub chars: usize,
    /// How far from the seat a marker drawn over it reaches (0 if none): the name goes
    /// beside that marker, which then stands for the seat.
    pub reach: f64,
}

/// Places the names (`None`: no seat on the map); `font` is the names' size and
/// `size` the map's, in SVG units.
pub fn labels(
    places: &[Option<Place>],
    obstacles: &Obstacles,
    font: f64,
    size: Pt,
) -> Vec<Option<Label>> {
    let margin = font * 0.15;
    let inflate = |r: &Rect| (r.0 - margin, r.1 - margin, r.2 + margin, r.3 + margin);
    let inside = |r: &Rect| r.0 >= 0.0 && r.1 >= 0.0 && r.2 <= size.0 && r.3 <= size.1;
    let clear_of = |r: &Rect, boxes: &[Rect], lines: &[(Pt, Pt)]| {
        let g = inflate(r);
        inside(r)
            && !boxes.iter().any(|b| overlaps(&g, b))
            && !lines.iter().any(|&(a, b)| crosses(&g, a, b))
    };
    // Candidates: rings around the seat (outside a marker on it), right, above, left,
    // below first.
    let angles: [f64; 12] = [
        0.0, -90.0, 180.0, 90.0, -30.0, -150.0, 30.0, 150.0, -60.0, -120.0, 60.0, 120.0,
    ];
    let rings = ((size.0.max(size.1) / font) * 2.0).ceil() as usize;
    let candidates = |p: Place| {
        let (w, h) = (p.chars as f64 * font, font * 1.45);
        (0..rings).flat_map(move |k| {
            let gap = p.reach + font * (0.35 + 0.5 * k as f64);
            angles.into_iter().map(move |a: f64| {
                let (s, c) = a.to_radians().sin_cos();
                let centre = (
                    p.seat.0 + c * (gap + w / 2.0),
                    p.seat.1 + s * (gap + h / 2.0),
                );
                (k, label_box(centre, p.chars, font), centre)
            })
        })
    };
    // A name further than this from its seat gets a line to it.
    let far = |p: Place, r: &Rect| dist(p.seat, nearest(r, p.seat)) > p.reach + font * 1.2;
    // The most crowded first: fewest free spots on the nearest rings.
    let mut order: Vec<usize> = (0..places.len()).filter(|&i| places[i].is_some()).collect();
    let free = |i: usize| {
        let p = places[i].expect("placed");
        candidates(p)
            .take_while(|(k, _, _)| *k < 4)
            .filter(|(_, r, _)| clear_of(r, &obstacles.boxes, &obstacles.lines))
            .count()
    };
    order.sort_by_key(|&i| (free(i), i));
    let mut boxes = obstacles.boxes.clone();
    let mut lines = obstacles.lines.clone();
    let mut out = vec![None; places.len()];
    // First every name that fits beside its seat, then the others further out.
    for &i in &order {
        let p = places[i].expect("placed");
        let near = candidates(p)
            .take_while(|(k, _, _)| *k < 2)
            .find(|(_, r, _)| clear_of(r, &boxes, &lines));
        if let Some((_, r, c)) = near {
            boxes.push(r);
            out[i] = Some(Label {
                centre: c,
                leader: None,
            });
        }
    }
    let rest: Vec<usize> = order.into_iter().filter(|&i| out[i].is_none()).collect();
    for i in rest {
        let p = places[i].expect("placed");
        let on_seat =
            |b: &&Rect| b.0 <= p.seat.0 && p.seat.0 <= b.2 && b.1 <= p.seat.1 && p.seat.1 <= b.3;
        // A far name's line must not cross a marker either (but may leave the one on
        // the seat); failing that, a free spot; failing that, the nearest on the map.
        let clear_line = |r: &Rect| {
            !far(p, r)
                || !boxes
                    .iter()
                    .filter(|b| !on_seat(b))
                    .any(|b| crosses(b, p.seat, nearest(r, p.seat)))
        };
        let found = candidates(p)
            .find(|(_, r, _)| clear_of(r, &boxes, &lines) && clear_line(r))
            .or_else(|| candidates(p).find(|(_, r, _)| clear_of(r, &boxes, &lines)))
            .or_else(|| candidates(p).find(|(_, r, _)| inside(r)));
        let Some((_, r, c)) = found else { continue };
        let leader = far(p, &r).then_some((p.seat, nearest(&r, p.seat)));
        boxes.push(r);
        lines.extend(leader);
        out[i] = Some(Label { centre: c, leader });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f64, y: f64, league: usize, alone: bool) -> Point {
        Point {
            at: (x, y),
            league,
            alone,
        }
    }

    #[test]
    fn close_markets_of_a_league_are_grouped_and_closed_ones_stay_alone() {
        let points = [
            pt(100.0, 100.0, 0, false),
            pt(105.0, 100.0, 0, false),
            pt(103.0, 104.0, 0, true),
            pt(400.0, 400.0, 0, false),
        ];
        let ms = markers(&points, 40.0, 1.0, (1000.0, 800.0));
        let members: Vec<Vec<usize>> = ms.iter().map(|m| m.members.clone()).collect();
        assert_eq!(members, [vec![0, 1], vec![2], vec![3]]);
        for (i, a) in ms.iter().enumerate() {
            for b in &ms[i + 1..] {
                assert!(dist(a.at, b.at) >= 40.0, "{a:?} {b:?}");
            }
        }
        // The closed market is placed first, where it is; the group moves aside.
        assert!(ms[0].moved() && !ms[1].moved() && !ms[2].moved());
    }

    #[test]
    fn markers_of_two_leagues_are_pushed_apart_not_grouped() {
        let points = [pt(100.0, 100.0, 0, false), pt(110.0, 100.0, 1, false)];
        let ms = markers(&points, 40.0, 1.0, (1000.0, 800.0));
        assert_eq!(ms.len(), 2);
        assert!(dist(ms[0].at, ms[1].at) >= 40.0);
        assert!(ms[0].at.0 < ms[1].at.0, "each keeps its side");
    }

    #[test]
    fn markers_that_cannot_move_apart_are_grouped_after_all() {
        // A map just one touch target wide and high: nowhere to push to.
        let points = [pt(20.0, 20.0, 0, true), pt(21.0, 20.0, 1, true)];
        let ms = markers(&points, 40.0, 1.0, (40.0, 40.0));
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].members, [0, 1]);
    }

    #[test]
    fn a_name_goes_where_no_marker_is() {
        // A marker right of the seat: the name goes on the other side, without a line.
        let obstacles = Obstacles {
            boxes: vec![(110.0, 90.0, 130.0, 110.0)],
            lines: vec![],
        };
        let place = Place {
            seat: (100.0, 100.0),
            chars: 3,
            reach: 0.0,
        };
        let placed = labels(&[Some(place)], &obstacles, 10.0, (400.0, 400.0));
        let l = placed[0].as_ref().expect("placed");
        let r = label_box(l.centre, 3, 10.0);
        assert!(!overlaps(&r, &obstacles.boxes[0]));
        assert!(r.2 <= 100.0, "left of the seat: {r:?}");
        assert!(l.leader.is_none());
    }

    #[test]
    fn names_do_not_cover_each_other() {
        let place = Place {
            seat: (100.0, 100.0),
            chars: 4,
            reach: 0.0,
        };
        let places = vec![Some(place); 5];
        let obstacles = Obstacles {
            boxes: vec![],
            lines: vec![],
        };
        let placed = labels(&places, &obstacles, 10.0, (400.0, 400.0));
        let boxes: Vec<Rect> = placed
            .iter()
            .map(|l| label_box(l.as_ref().expect("placed").centre, 4, 10.0))
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!overlaps(a, b), "{a:?} {b:?}");
            }
        }
        assert!(placed.iter().flatten().any(|l| l.leader.is_some()));
    }

    #[test]
    fn segments_cross_boxes() {
        let r = (0.0, 0.0, 10.0, 10.0);
        assert!(crosses(&r, (-5.0, 5.0), (15.0, 5.0)));
        assert!(!crosses(&r, (-5.0, 15.0), (15.0, 15.0)));
        assert!(crosses(&r, (5.0, 5.0), (50.0, 50.0)));
        assert!(!crosses(&r, (11.0, -5.0), (11.0, 20.0)));
    }
}
