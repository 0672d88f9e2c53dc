//! 导航: links that open a place in the map apps workers use, each given the point in
//! its own coordinate system (`crate::crs`): 高德 and 腾讯 take GCJ-02, 百度 BD-09, and
//! any other app a `geo:` URI (RFC 5870, WGS84). The https addresses open the app where
//! it is installed and a web page where it is not (or inside WeChat, which blocks apps).

use crate::crs::{Crs, from_wgs84};
use serde::Serialize;

/// The four links of one place.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Directions {
    pub amap: String,
    pub baidu: String,
    pub qq: String,
    pub geo: String,
}

/// Who the links say sent the worker (the apps ask for a name).
const SOURCE: &str = "gigboard";

fn enc(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// Six decimals: a tenth of a metre.
fn num(v: f64) -> String {
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

impl Directions {
    /// Links to the WGS84 point `(lat, lon)`, named `name` (and `address` where the app
    /// shows one).
    pub fn to(lat: f64, lon: f64, name: &str, address: &str) -> Directions {
        let (g_lat, g_lon) = from_wgs84(Crs::Gcj02, lat, lon);
        let (b_lat, b_lon) = from_wgs84(Crs::Bd09, lat, lon);
        let (n, a) = (enc(name), enc(address));
        Directions {
            amap: format!(
                "https://uri.amap.com/navigation?to={},{},{n}&mode=bus&src={SOURCE}&callnative=1",
                num(g_lon),
                num(g_lat)
            ),
            baidu: format!(
                "https://api.map.baidu.com/marker?location={},{}&title={n}&content={a}&output=html&src={SOURCE}",
                num(b_lat),
                num(b_lon)
            ),
            qq: format!(
                "https://apis.map.qq.com/uri/v1/routeplan?type=bus&to={n}&tocoord={},{}&coord_type=2&referer={SOURCE}",
                num(g_lat),
                num(g_lon)
            ),
            geo: format!(
                "geo:{},{}?q={},{}({n})",
                num(lat),
                num(lon),
                num(lat),
                num(lon)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_app_gets_its_own_system_and_the_name() {
        let d = Directions::to(40.8151, 111.6629, "新城区零工市场", "示例路 1 号");
        let (g_lat, g_lon) = from_wgs84(Crs::Gcj02, 40.8151, 111.6629);
        assert!(
            d.amap
                .contains(&format!("to={},{},", num(g_lon), num(g_lat))),
            "{}",
            d.amap
        );
        assert!(d.amap.contains(&enc("新城区零工市场")));
        assert!(d.qq.contains(&format!("tocoord={},{}", num(g_lat), num(g_lon))));
        let (b_lat, b_lon) = from_wgs84(Crs::Bd09, 40.8151, 111.6629);
        assert!(
            d.baidu
                .contains(&format!("location={},{}", num(b_lat), num(b_lon)))
        );
        assert_eq!(
            d.geo,
            format!(
                "geo:40.8151,111.6629?q=40.8151,111.6629({})",
                enc("新城区零工市场")
            )
        );
    }
}
