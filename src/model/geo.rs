//! Geography for the market maps: the region outline read from GeoJSON, a
//! point-in-polygon test (for `check`), and the projection that places WGS84
//! points on the SVG maps.
//!
//! Why this projection: the maps are locator maps drawn at build time with no map
//! library. Inner Mongolia spans about 29° of longitude but only 16° of latitude
//! (37°N–53°N), so plain lon/lat would stretch it sideways. We use an
//! equirectangular projection whose x axis is scaled by cos(mean latitude):
//! `x = (lon − west) · cos φ₀`, `y = north − lat` (then one uniform scale to fit the
//! picture). Shapes are true along φ₀ ≈ 45°N; east–west scale is off by at most
//! ~15–20 % at the region's northern and southern tips — fine for "where is my
//! market", and simple enough to check by hand.

use serde_json::Value;

/// A ring of `(lon, lat)` points; the first and last may be equal.
pub type Ring = Vec<(f64, f64)>;

/// The region outline: polygons, each an outer ring followed by its holes.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Outline {
    pub polygons: Vec<Vec<Ring>>,
}

/// A lon/lat bounding box.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl BBox {
    /// The box of one point.
    pub fn point(lon: f64, lat: f64) -> BBox {
        BBox {
            west: lon,
            south: lat,
            east: lon,
            north: lat,
        }
    }

    /// Grows the box to hold `(lon, lat)`.
    pub fn extend(&mut self, lon: f64, lat: f64) {
        self.west = self.west.min(lon);
        self.east = self.east.max(lon);
        self.south = self.south.min(lat);
        self.north = self.north.max(lat);
    }

    /// The box of all these points, or `None` for none.
    pub fn of(points: impl IntoIterator<Item = (f64, f64)>) -> Option<BBox> {
        let mut it = points.into_iter();
        let (lon, lat) = it.next()?;
        let mut b = BBox::point(lon, lat);
        for (lon, lat) in it {
            b.extend(lon, lat);
        }
        Some(b)
    }
}

impl Outline {
    /// Reads the polygons of a GeoJSON text: a FeatureCollection, a Feature, or a bare
    /// Polygon / MultiPolygon geometry. Other geometries are ignored; an outline
    /// without any polygon is an error.
    pub fn parse(text: &str) -> Result<Outline, String> {
        let value: Value =
            serde_json::from_str(text).map_err(|e| format!("it is not valid JSON ({e})"))?;
        let mut outline = Outline::default();
        collect(&value, &mut outline)?;
        if outline.polygons.is_empty() {
            return Err("it holds no Polygon or MultiPolygon geometry".into());
        }
        Ok(outline)
    }

    /// Whether `(lon, lat)` lies inside the outline (even–odd rule: holes are outside).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        self.polygons.iter().any(|rings| {
            rings
                .iter()
                .filter(|ring| ring_contains(ring, lon, lat))
                .count()
                % 2
                == 1
        })
    }

    /// Every outer-ring and hole point.
    pub fn points(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        self.polygons.iter().flatten().flatten().copied()
    }

    pub fn bbox(&self) -> Option<BBox> {
        BBox::of(self.points())
    }
}

/// Ray casting towards +lon: does the ring enclose the point?
fn ring_contains(ring: &[(f64, f64)], lon: f64, lat: f64) -> bool {
    let mut inside = false;
    let n = ring.len();
    for i in 0..n {
        let (xi, yi) = ring[i];
        let (xj, yj) = ring[(i + n - 1) % n];
        if (yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi {
            inside = !inside;
        }
    }
    inside
}

fn collect(v: &Value, out: &mut Outline) -> Result<(), String> {
    match v.get("type").and_then(Value::as_str) {
        Some("FeatureCollection") => {
            for f in v
                .get("features")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                collect(f, out)?;
            }
        }
        Some("Feature") => {
            if let Some(g) = v.get("geometry") {
                collect(g, out)?;
            }
        }
        Some("GeometryCollection") => {
            for g in v
                .get("geometries")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                collect(g, out)?;
            }
        }
        Some("Polygon") => out.polygons.push(polygon(coordinates(v)?)?),
        Some("MultiPolygon") => {
            for p in as_list(coordinates(v)?)? {
                out.polygons.push(polygon(p)?);
            }
        }
        _ => {}
    }
    Ok(())
}

fn coordinates(v: &Value) -> Result<&Value, String> {
    v.get("coordinates")
        .ok_or_else(|| "a geometry has no `coordinates`".to_string())
}

fn as_list(v: &Value) -> Result<&Vec<Value>, String> {
    v.as_array()
        .ok_or_else(|| "`coordinates` are not nested lists as GeoJSON writes them".to_string())
}

fn polygon(v: &Value) -> Result<Vec<Ring>, String> {
    as_list(v)?
        .iter()
        .map(|ring| {
            as_list(ring)?
                .iter()
                .map(|p| match p.as_array().map(Vec::as_slice) {
                    Some([lon, lat, ..]) => match (lon.as_f64(), lat.as_f64()) {
                        (Some(lon), Some(lat))
                            if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) =>
                        {
                            Ok((lon, lat))
                        }
                        _ => Err(format!(
                            "`{p}` is not a [longitude, latitude] pair in WGS84 degrees"
                        )),
                    },
                    _ => Err(format!("`{p}` is not a [longitude, latitude] pair")),
                })
                .collect()
        })
        .collect()
}

/// Places lon/lat on a picture `width` units wide (see the module docs).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    west: f64,
    north: f64,
    /// cos(mean latitude): how much shorter a degree of longitude is.
    kx: f64,
    /// Picture units per degree of latitude.
    scale: f64,
    pad: f64,
    pub width: f64,
    pub height: f64,
}

impl Projection {
    /// Fits `bbox` into `width` units with `pad` units of margin on every side; the
    /// height follows from the region's shape.
    pub fn fit(bbox: BBox, width: f64, pad: f64) -> Projection {
        let mean_lat = (bbox.north + bbox.south) / 2.0;
        let kx = mean_lat.to_radians().cos();
        // A single point (or a degenerate box) still gets a sensible scale.
        let span_x = ((bbox.east - bbox.west) * kx).max(1e-3);
        let span_y = (bbox.north - bbox.south).max(1e-3);
        let inner = (width - 2.0 * pad).max(1.0);
        let scale = inner / span_x;
        Projection {
            west: bbox.west,
            north: bbox.north,
            kx,
            scale,
            pad,
            width,
            height: span_y * scale + 2.0 * pad,
        }
    }

    /// Picture units per kilometre (true north–south everywhere, and east–west along
    /// the mean latitude): a degree of latitude is 111.32 km.
    pub fn units_per_km(&self) -> f64 {
        self.scale / 111.32
    }

    /// `(x, y)` in picture units, y growing downwards (SVG convention).
    pub fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.pad + (lon - self.west) * self.kx * self.scale,
            self.pad + (self.north - lat) * self.scale,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SQUARE_WITH_HOLE: &str = r#"{"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[
        [[0,0],[10,0],[10,10],[0,10],[0,0]],
        [[4,4],[6,4],[6,6],[4,6],[4,4]]]}}]}"#;

    #[test]
    fn point_in_polygon_respects_holes_and_edges() {
        let o = Outline::parse(SQUARE_WITH_HOLE).expect("valid");
        assert!(o.contains(2.0, 2.0));
        assert!(o.contains(9.9, 0.1));
        assert!(!o.contains(5.0, 5.0), "inside the hole");
        assert!(!o.contains(11.0, 5.0));
        assert!(!o.contains(-0.1, 5.0));
        assert!(!o.contains(5.0, 10.5));
    }

    #[test]
    fn point_in_polygon_on_a_concave_shape() {
        // A "U": the notch between the arms is outside.
        let u = r#"{"type":"Polygon","coordinates":[[[0,0],[3,0],[3,3],[2,3],[2,1],[1,1],[1,3],[0,3],[0,0]]]}"#;
        let o = Outline::parse(u).expect("valid");
        assert!(o.contains(0.5, 2.5));
        assert!(o.contains(2.5, 2.5));
        assert!(!o.contains(1.5, 2.0), "in the notch");
        assert!(o.contains(1.5, 0.5));
    }

    #[test]
    fn multipolygons_and_the_sample_outline() {
        let two = r#"{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[[[5,5],[6,5],[6,6],[5,5]]]]}"#;
        let o = Outline::parse(two).expect("valid");
        assert_eq!(o.polygons.len(), 2);
        assert!(o.contains(5.8, 5.2));
        let sample = include_str!("../../tests/fixtures/inner-mongolia-outline.geojson");
        let im = Outline::parse(sample).expect("the sample outline parses");
        assert!(
            im.contains(111.6592, 40.8568),
            "Hohhot is in Inner Mongolia"
        );
        assert!(
            im.contains(119.7658, 49.2116),
            "Hailar is in Inner Mongolia"
        );
        assert!(!im.contains(116.4074, 39.9042), "Beijing is not");
        assert!(!im.contains(106.9057, 47.8864), "Ulaanbaatar is not");
    }

    #[test]
    fn bad_outlines_say_what_is_wrong() {
        assert!(
            Outline::parse("{")
                .expect_err("bad")
                .contains("not valid JSON")
        );
        assert!(
            Outline::parse(r#"{"type":"Point","coordinates":[1,2]}"#)
                .expect_err("no polygon")
                .contains("no Polygon")
        );
        assert!(
            Outline::parse(r#"{"type":"Polygon","coordinates":[[[1,2],[300,2],[1,3]]]}"#)
                .expect_err("out of range")
                .contains("[longitude, latitude]")
        );
    }

    #[test]
    fn projection_fits_the_box_and_scales_longitude() {
        let b = BBox {
            west: 100.0,
            south: 40.0,
            east: 120.0,
            north: 50.0,
        };
        let p = Projection::fit(b, 1000.0, 10.0);
        let close =
            |a: (f64, f64), b: (f64, f64)| (a.0 - b.0).abs() < 1e-6 && (a.1 - b.1).abs() < 1e-6;
        assert!(
            close(p.project(100.0, 50.0), (10.0, 10.0)),
            "north-west corner"
        );
        assert!(
            close(p.project(120.0, 40.0), (990.0, p.height - 10.0)),
            "south-east corner"
        );
        // A degree of latitude is 1/cos(45°) ≈ 1.414 times a degree of longitude.
        let (x0, y0) = p.project(110.0, 45.0);
        let (x1, _) = p.project(111.0, 45.0);
        let (_, y1) = p.project(110.0, 44.0);
        let ratio = (y1 - y0) / (x1 - x0);
        assert!(
            (ratio - 1.0 / 45f64.to_radians().cos()).abs() < 1e-9,
            "{ratio}"
        );
        // Inner Mongolia's shape: wider than tall.
        assert!(p.height < p.width);
    }
}
