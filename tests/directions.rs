//! 导航: a market's, a posting's and an event's page link to 高德, 百度, 腾讯 and any map
//! app (`geo:`), each with the point in the app's own system; a point copied from 高德
//! (`crs: gcj02`) or 百度 (`crs: bd09`) is read back to WGS84 for the map and the data.
//! The expected numbers are published reference points, not this crate's own formulas.

mod common;

use common::{TestSite, sel};

/// Tiananmen: WGS84 and its GCJ-02 point as published (the usual check of the offset).
const WGS: (f64, f64) = (39.908692, 116.397477);
const GCJ: (f64, f64) = (39.910095, 116.403721);

/// Metres between two nearby points.
fn metres(a: (f64, f64), b: (f64, f64)) -> f64 {
    let lat = ((a.0 + b.0) / 2.0).to_radians();
    let dy = (a.0 - b.0).to_radians() * 6_371_000.0;
    let dx = (a.1 - b.1).to_radians() * 6_371_000.0 * lat.cos();
    (dx * dx + dy * dy).sqrt()
}

fn links(site: &TestSite, page: &str) -> Vec<String> {
    site.html(page)
        .select(&sel("main .directions a"))
        .map(|a| a.value().attr("href").expect("href").to_string())
        .collect()
}

/// The two numbers after `key` in a link, as written.
fn pair(link: &str, key: &str) -> (f64, f64) {
    let at = link.find(key).unwrap_or_else(|| panic!("{key} in {link}")) + key.len();
    let nums: Vec<f64> = link[at..]
        .split([',', '&', '?', '('])
        .take(2)
        .map(|n| n.parse().unwrap_or_else(|_| panic!("a number in {link}")))
        .collect();
    (nums[0], nums[1])
}

fn market_at(site: &TestSite, location: &str) {
    site.edit(
        "content/markets/xincheng.yaml",
        "location: {lat: 40.8383, lon: 111.6497}",
        location,
    );
}

#[test]
fn a_market_page_links_each_app_with_its_own_coordinates() {
    let site = TestSite::fixture("mini");
    market_at(
        &site,
        &format!("location: {{lat: {}, lon: {}}}", WGS.0, WGS.1),
    );
    site.run(&["build"]).expect_code(0);
    let l = links(&site, "markets/xincheng/index.html");
    assert_eq!(l.len(), 4, "{l:?}");
    // 高德 and 腾讯 take GCJ-02: 高德 as lon,lat, 腾讯 as lat,lon.
    let (lon, lat) = pair(&l[0], "navigation?to=");
    assert!(l[0].starts_with("https://uri.amap.com/"));
    assert!(metres((lat, lon), GCJ) < 2.0, "高德 {l:?}");
    assert!(l[2].starts_with("https://apis.map.qq.com/uri/v1/routeplan?"));
    assert!(metres(pair(&l[2], "tocoord="), GCJ) < 2.0, "腾讯 {}", l[2]);
    // 百度 takes BD-09: about a kilometre from WGS84 in Beijing.
    assert!(l[1].starts_with("https://api.map.baidu.com/marker?"));
    let bd = pair(&l[1], "location=");
    assert!((1000.0..1600.0).contains(&metres(bd, WGS)), "百度 {}", l[1]);
    // Any other app: WGS84 as written, and the market's name.
    assert_eq!(pair(&l[3], "geo:"), WGS);
    assert!(
        l[3].contains(&url_encoded("新城区测试零工市场")),
        "{}",
        l[3]
    );
    // The posting at the market leads there too; the one with its own place, there.
    let at_market = links(&site, "jobs/xincheng-20261127-01/index.html");
    assert_eq!(at_market[0], l[0]);
    let own = links(&site, "jobs/huimin-20261127-02/index.html");
    assert_eq!(pair(&own[3], "geo:"), (40.81, 111.62));
}

fn url_encoded(s: &str) -> String {
    s.bytes().map(|b| format!("%{b:02X}")).collect()
}

#[test]
fn a_point_copied_from_amap_or_baidu_is_read_as_wgs84() {
    {
        let (crs, written) = ("gcj02", GCJ);
        let site = TestSite::fixture("mini");
        market_at(
            &site,
            &format!(
                "location: {{lat: {}, lon: {}, crs: {crs}}}",
                written.0, written.1
            ),
        );
        site.run(&["build"]).expect_code(0);
        let geo: serde_json::Value =
            serde_json::from_str(&site.output_text("markets.geojson")).expect("GeoJSON");
        let feature = geo["features"]
            .as_array()
            .expect("features")
            .iter()
            .find(|f| f["properties"]["id"] == "xincheng")
            .expect("the market");
        let c = &feature["geometry"]["coordinates"];
        let read = (c[1].as_f64().expect("lat"), c[0].as_f64().expect("lon"));
        assert!(metres(read, WGS) < 2.0, "{crs}: {read:?}");
        let json: serde_json::Value =
            serde_json::from_str(&site.output_text("markets.json")).expect("JSON");
        let m = json["markets"]
            .as_array()
            .expect("markets")
            .iter()
            .find(|m| m["id"] == "xincheng")
            .expect("the market");
        assert_eq!(m["crs"], crs, "the declared system is kept");
        // And the 高德 link gives back what was copied from 高德.
        let l = links(&site, "markets/xincheng/index.html");
        let (lon, lat) = pair(&l[0], "navigation?to=");
        assert!(metres((lat, lon), written) < 0.5, "{l:?}");
    }
    // 百度: a point written in BD-09 comes back to the same WGS84 point as its GCJ-02.
    let site = TestSite::fixture("mini");
    let gcj_site = TestSite::fixture("mini");
    market_at(
        &gcj_site,
        &format!("location: {{lat: {}, lon: {}, crs: gcj02}}", GCJ.0, GCJ.1),
    );
    gcj_site.run(&["build"]).expect_code(0);
    let baidu = links(&gcj_site, "markets/xincheng/index.html")[1].clone();
    let bd = pair(&baidu, "location=");
    market_at(
        &site,
        &format!("location: {{lat: {}, lon: {}, crs: bd09}}", bd.0, bd.1),
    );
    site.run(&["build"]).expect_code(0);
    let geo = links(&site, "markets/xincheng/index.html")[3].clone();
    assert!(metres(pair(&geo, "geo:"), WGS) < 2.0, "{geo}");
    // A system gigboard does not know is an error at its place.
    let bad = TestSite::fixture("mini");
    market_at(&bad, "location: {lat: 40.8383, lon: 111.6497, crs: cgcs}");
    let run = bad.run(&["check"]);
    run.expect_code(1);
    run.expect_line_with(&["xincheng.yaml:", "cgcs"]);
}

#[test]
fn the_market_sheet_carries_a_code_to_the_market_in_amap() {
    let site = TestSite::fixture("mini");
    site.run(&["build"]).expect_code(0);
    let sheet = site.html("print/xincheng/index.html");
    let figure = sheet
        .select(&sel(".nav-qr"))
        .next()
        .expect("a 扫码导航 code");
    assert!(figure.select(&sel("svg.qr")).next().is_some());
    let caption: String = figure
        .select(&sel("figcaption"))
        .next()
        .expect("caption")
        .text()
        .collect();
    assert_eq!(caption, "扫码导航");
}
