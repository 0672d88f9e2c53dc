//! Where and how to reach: a point on the map (always WGS84 once read) and a hotline.
//! Markets, counties, events and postings share them, and pages and data files show them.

use super::HotlineKind;
use crate::crs::Crs;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Hotline {
    pub kind: HotlineKind,
    pub number: String,
    #[serde(default)]
    pub label: Option<String>,
    #[serde(default)]
    pub hours: Option<String>,
}

/// A point, always WGS84 once read: a file may give it in GCJ-02 (高德, 腾讯) or BD-09
/// (百度) with `crs:`, and it is converted as it is read (see `crs`).
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize)]
#[serde(from = "PointInput")]
pub struct LatLon {
    pub lat: f64,
    pub lon: f64,
    /// The system the file wrote the point in (kept in `markets.json`).
    #[serde(skip_serializing_if = "Crs::is_wgs84")]
    pub crs: Crs,
}

/// `{lat, lon, crs}` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PointInput {
    lat: f64,
    lon: f64,
    #[serde(default)]
    crs: Crs,
}

impl From<PointInput> for LatLon {
    fn from(p: PointInput) -> LatLon {
        LatLon::converted(p.crs, p.lat, p.lon)
    }
}

impl LatLon {
    /// The WGS84 point of `(lat, lon)` written in `crs`, to a tenth of a metre.
    pub fn converted(crs: Crs, lat: f64, lon: f64) -> LatLon {
        if crs.is_wgs84() || !lat.is_finite() || !lon.is_finite() {
            return LatLon { lat, lon, crs };
        }
        let (la, lo) = crate::crs::to_wgs84(crs, lat, lon);
        let round = |v: f64| (v * 1e6).round() / 1e6;
        LatLon {
            lat: round(la),
            lon: round(lo),
            crs,
        }
    }
}
