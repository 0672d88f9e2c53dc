//! The three coordinate systems a point in China comes in, and the conversions between
//! them. Everything gigboard draws or publishes (the maps, GeoJSON, JSON-LD) is WGS84;
//! a point copied from 高德 or 腾讯 maps is GCJ-02 and from 百度 maps BD-09, which read
//! as WGS84 land 300–600 m (GCJ-02) or 1.1–1.4 km (BD-09) off in Inner Mongolia. The
//! directions links hand each map app a point in its own system.
//!
//! Written by hand: the formulas are public and short (the WGS84 → GCJ-02 offset is the
//! widely published closed form; GCJ-02 → BD-09 a rotation and shift), while the crates
//! that carry them are single-author and unmaintained. The way back from GCJ-02 and BD-09
//! has no closed form: it is found by iteration, to well under a metre.

use serde::{Deserialize, Serialize};

/// Which system a location's numbers are in (`crs:` beside `lat`/`lon`; WGS84 when left out).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Crs {
    /// GPS, phones' own location, 天地图 (CGCS2000 agrees to centimetres).
    #[default]
    Wgs84,
    /// 高德 and 腾讯 maps.
    Gcj02,
    /// 百度 maps.
    Bd09,
}

impl Crs {
    pub fn is_wgs84(&self) -> bool {
        *self == Crs::Wgs84
    }

    pub fn key(self) -> &'static str {
        match self {
            Crs::Wgs84 => "wgs84",
            Crs::Gcj02 => "gcj02",
            Crs::Bd09 => "bd09",
        }
    }
}

/// Krasovsky 1940, the ellipsoid of the GCJ-02 offset.
const A: f64 = 6_378_245.0;
const EE: f64 = 0.006_693_421_622_965_943;
const PI: f64 = std::f64::consts::PI;
/// BD-09's rotation constant.
const X_PI: f64 = PI * 3000.0 / 180.0;

/// Outside this box the offset is not applied (GCJ-02 equals WGS84 there).
fn outside_china(lat: f64, lon: f64) -> bool {
    !(72.004..=137.8347).contains(&lon) || !(0.8293..=55.8271).contains(&lat)
}

fn offset_lat(x: f64, y: f64) -> f64 {
    let mut r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (y * PI).sin() + 40.0 * (y / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (160.0 * (y / 12.0 * PI).sin() + 320.0 * (y * PI / 30.0).sin()) * 2.0 / 3.0;
    r
}

fn offset_lon(x: f64, y: f64) -> f64 {
    let mut r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * x.abs().sqrt();
    r += (20.0 * (6.0 * x * PI).sin() + 20.0 * (2.0 * x * PI).sin()) * 2.0 / 3.0;
    r += (20.0 * (x * PI).sin() + 40.0 * (x / 3.0 * PI).sin()) * 2.0 / 3.0;
    r += (150.0 * (x / 12.0 * PI).sin() + 300.0 * (x / 30.0 * PI).sin()) * 2.0 / 3.0;
    r
}

/// `(lat, lon)` in WGS84 → GCJ-02.
pub fn wgs84_to_gcj02(lat: f64, lon: f64) -> (f64, f64) {
    if outside_china(lat, lon) {
        return (lat, lon);
    }
    let (x, y) = (lon - 105.0, lat - 35.0);
    let rad = lat / 180.0 * PI;
    let magic = 1.0 - EE * rad.sin() * rad.sin();
    let sqrt_magic = magic.sqrt();
    let d_lat = offset_lat(x, y) * 180.0 / ((A * (1.0 - EE)) / (magic * sqrt_magic) * PI);
    let d_lon = offset_lon(x, y) * 180.0 / (A / sqrt_magic * rad.cos() * PI);
    (lat + d_lat, lon + d_lon)
}

/// `(lat, lon)` in GCJ-02 → BD-09.
pub fn gcj02_to_bd09(lat: f64, lon: f64) -> (f64, f64) {
    let (x, y) = (lon, lat);
    let z = (x * x + y * y).sqrt() + 0.000_02 * (y * X_PI).sin();
    let theta = y.atan2(x) + 0.000_003 * (x * X_PI).cos();
    (z * theta.sin() + 0.006, z * theta.cos() + 0.0065)
}

/// Inverts `forward` near `(lat, lon)`: the point whose image is `(lat, lon)`, found by
/// fixed-point steps (each removes most of the error; 1e-9° is 0.1 mm).
fn invert(lat: f64, lon: f64, forward: impl Fn(f64, f64) -> (f64, f64)) -> (f64, f64) {
    let (mut la, mut lo) = (lat, lon);
    for _ in 0..30 {
        let (fa, fo) = forward(la, lo);
        let (ea, eo) = (fa - lat, fo - lon);
        la -= ea;
        lo -= eo;
        if ea.abs() < 1e-9 && eo.abs() < 1e-9 {
            break;
        }
    }
    (la, lo)
}

/// `(lat, lon)` in GCJ-02 → WGS84.
pub fn gcj02_to_wgs84(lat: f64, lon: f64) -> (f64, f64) {
    invert(lat, lon, wgs84_to_gcj02)
}

/// `(lat, lon)` in BD-09 → GCJ-02.
pub fn bd09_to_gcj02(lat: f64, lon: f64) -> (f64, f64) {
    invert(lat, lon, gcj02_to_bd09)
}

/// A point in `crs` as WGS84.
pub fn to_wgs84(crs: Crs, lat: f64, lon: f64) -> (f64, f64) {
    match crs {
        Crs::Wgs84 => (lat, lon),
        Crs::Gcj02 => gcj02_to_wgs84(lat, lon),
        Crs::Bd09 => {
            let (la, lo) = bd09_to_gcj02(lat, lon);
            gcj02_to_wgs84(la, lo)
        }
    }
}

/// A WGS84 point as `crs`.
pub fn from_wgs84(crs: Crs, lat: f64, lon: f64) -> (f64, f64) {
    match crs {
        Crs::Wgs84 => (lat, lon),
        Crs::Gcj02 => wgs84_to_gcj02(lat, lon),
        Crs::Bd09 => {
            let (la, lo) = wgs84_to_gcj02(lat, lon);
            gcj02_to_bd09(la, lo)
        }
    }
}

/// Metres between two nearby points (equirectangular: exact enough under 100 km).
pub fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let lat = ((a.0 + b.0) / 2.0).to_radians();
    let dy = (a.0 - b.0).to_radians() * 6_371_000.0;
    let dx = (a.1 - b.1).to_radians() * 6_371_000.0 * lat.cos();
    (dx * dx + dy * dy).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiananmen_moves_as_published() {
        // WGS84 (39.908692, 116.397477) → GCJ-02 ≈ (39.910095, 116.403721).
        let gcj = wgs84_to_gcj02(39.908692, 116.397477);
        assert!(metres(gcj, (39.910095, 116.403721)) < 2.0, "{gcj:?}");
    }

    #[test]
    fn round_trips_come_back_within_half_a_metre() {
        // Hohhot, Hulunbuir, Alxa, Chifeng and a point on the Mongolian border.
        for p in [
            (40.8151, 111.6629),
            (49.2116, 119.7657),
            (38.8431, 105.6714),
            (42.2578, 118.8869),
            (43.6543, 111.9777),
        ] {
            for crs in [Crs::Gcj02, Crs::Bd09] {
                let there = from_wgs84(crs, p.0, p.1);
                let back = to_wgs84(crs, there.0, there.1);
                assert!(
                    metres(p, back) < 0.5,
                    "{crs:?} {p:?} → {there:?} → {back:?}"
                );
            }
        }
    }

    #[test]
    fn the_offsets_in_inner_mongolia_are_as_large_as_the_apps_show() {
        for p in [
            (40.8151, 111.6629),
            (49.2116, 119.7657),
            (38.8431, 105.6714),
        ] {
            let gcj = metres(p, wgs84_to_gcj02(p.0, p.1));
            let bd = metres(p, from_wgs84(Crs::Bd09, p.0, p.1));
            assert!((250.0..650.0).contains(&gcj), "GCJ-02 {p:?}: {gcj}");
            assert!((900.0..1500.0).contains(&bd), "BD-09 {p:?}: {bd}");
        }
    }

    #[test]
    fn outside_china_nothing_moves() {
        assert_eq!(wgs84_to_gcj02(51.5, -0.12), (51.5, -0.12));
        assert_eq!(to_wgs84(Crs::Gcj02, 51.5, -0.12), (51.5, -0.12));
    }
}
