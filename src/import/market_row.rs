//! One row of a market directory as a market file's text, with the column each field
//! came from, or what is wrong with the row's cells.

use super::feed::quoted;
use super::market_cells::{FACILITIES, SERVICES, STATUSES, Words, hours};
use super::markets::Col;
use crate::sheets;
use std::collections::HashMap;
use std::path::Path;

/// County names and codes from regions.yaml.
pub(super) fn counties(root: &Path) -> Vec<(String, String)> {
    let site = crate::load::SiteRoot {
        root: root.to_path_buf(),
    };
    let mut diags = crate::diag::Diagnostics::default();
    crate::load::regions(&site, &mut diags)
        .map(|r| {
            r.value
                .leagues
                .iter()
                .flat_map(|l| l.counties.iter().map(|c| (c.code.clone(), c.name.clone())))
                .collect()
        })
        .unwrap_or_default()
}

pub(super) type Cells<'a> = dyn Fn(Col) -> Option<(usize, &'a str)> + 'a;

/// One row as a market file's text (with the column of each field), or its cells' errors.
#[allow(clippy::type_complexity)]
pub(super) fn draft<'a>(
    get: &Cells<'a>,
    words: &Words,
    counties: &[(String, String)],
) -> Result<(String, String, HashMap<String, usize>), Vec<(Option<usize>, String)>> {
    let mut errors = Vec::new();
    let mut text = String::new();
    let mut columns = HashMap::new();
    let name = get(Col::Name);
    let county = match get(Col::County) {
        Some((c, v)) => match counties.iter().find(|(code, name)| code == v || name == v) {
            Some((code, _)) => Some((c, code.clone())),
            None => {
                errors.push((
                    Some(c),
                    format!("没有叫“{v}”的旗县：请写 regions.yaml 里的旗县名称或 6 位代码"),
                ));
                None
            }
        },
        None => {
            errors.push((
                None,
                "旗县代码没有填：请写市场所在旗县的名称或 6 位代码".into(),
            ));
            None
        }
    };
    let id = match (get(Col::Id), &county, name) {
        (Some((_, v)), _, _) => v.to_string(),
        // The same name in the same county is the same market, imported again.
        (None, Some((_, code)), Some((_, n))) => super::feed::stable_id("market", code, n, ""),
        _ => String::new(),
    };
    match name {
        Some((c, v)) => put(&mut text, &mut columns, "name", quoted(v), c),
        None => errors.push((None, "名称没有填".into())),
    }
    if let Some((c, v)) = get(Col::NameMn) {
        put(&mut text, &mut columns, "name_mn", quoted(v), c);
    }
    if let Some((c, code)) = &county {
        put(&mut text, &mut columns, "county", quoted(code), *c);
    }
    match get(Col::Address) {
        Some((c, v)) => put(&mut text, &mut columns, "address", quoted(v), c),
        None => errors.push((None, "地址没有填".into())),
    }
    if let Some((c, v)) = get(Col::Transit) {
        put(&mut text, &mut columns, "transit", quoted(v), c);
    }
    let number = |col: Col, errors: &mut Vec<(Option<usize>, String)>| -> Option<(usize, String)> {
        let (c, v) = get(col)?;
        match v.parse::<f64>() {
            Ok(n) => Some((c, sheets::number_text(n))),
            Err(_) => {
                errors.push((
                    Some(c),
                    format!("“{v}”不是数目：经纬度写成 40.83828 这样的小数"),
                ));
                None
            }
        }
    };
    let lat = number(Col::Lat, &mut errors);
    let lon = number(Col::Lon, &mut errors);
    match (lat, lon) {
        (Some((lc, la)), Some((oc, lo))) => {
            let crs = match get(Col::Crs) {
                None => None,
                Some((c, v)) => match v.to_ascii_lowercase().as_str() {
                    "wgs84" | "wgs-84" | "gps" => None,
                    "gcj02" | "gcj-02" | "高德" | "腾讯" | "高德地图" | "腾讯地图" => {
                        Some((c, "gcj02"))
                    }
                    "bd09" | "bd-09" | "百度" | "百度地图" => Some((c, "bd09")),
                    _ => {
                        errors.push((
                            Some(c),
                            format!("坐标系“{v}”：请写 WGS84、高德（GCJ-02）或百度（BD-09）"),
                        ));
                        None
                    }
                },
            };
            let crs_text = crs.map(|(_, k)| format!(", crs: {k}")).unwrap_or_default();
            text.push_str(&format!("location: {{lat: {la}, lon: {lo}{crs_text}}}\n"));
            columns.insert("location".into(), lc);
            columns.insert("location.lat".into(), lc);
            columns.insert("location.lon".into(), oc);
            if let Some((c, _)) = crs {
                columns.insert("location.crs".into(), c);
            }
        }
        _ => errors.push((
            None,
            "经纬度没有填：写纬度和经度两列（手机地图上可查）".into(),
        )),
    }
    match get(Col::Status) {
        Some((c, v)) => match words.key("status", STATUSES, v) {
            Some(k) => put(&mut text, &mut columns, "status", k.into(), c),
            None => errors.push((
                Some(c),
                format!("状态“{v}”：请写{}", words.labels("status", STATUSES)),
            )),
        },
        None => errors.push((
            None,
            format!("状态没有填：请写{}", words.labels("status", STATUSES)),
        )),
    }
    if let Some((c, v)) = get(Col::Opened) {
        match super::cells::day(v) {
            Ok(d) => put(&mut text, &mut columns, "opened", d.to_string(), c),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = get(Col::Grade) {
        match v.trim_end_matches('级').parse::<u8>() {
            Ok(g) => put(&mut text, &mut columns, "grade", g.to_string(), c),
            Err(_) => errors.push((Some(c), format!("等级“{v}”：请写 1 到 5 的数字"))),
        }
    }
    if let Some((c, v)) = get(Col::Hours) {
        match hours(v) {
            Ok(rules) => {
                text.push_str("hours:\n");
                for (d, o, cl) in rules {
                    text.push_str(&format!(
                        "  - {{days: {d}, open: \"{o}\", close: \"{cl}\"}}\n"
                    ));
                }
                columns.insert("hours".into(), c);
            }
            Err(e) => errors.push((Some(c), e)),
        }
    }
    let lines: Vec<(usize, &str, &str)> = [
        (Col::Service, "service"),
        (Col::Complaint, "complaint"),
        (Col::Legal, "legal"),
        (Col::Rights, "rights"),
        (Col::Training, "training"),
    ]
    .iter()
    .filter_map(|(col, kind)| get(*col).map(|(c, v)| (c, *kind, v)))
    .collect();
    if !lines.is_empty() {
        text.push_str("hotlines:\n");
        for (i, (c, kind, number)) in lines.iter().enumerate() {
            text.push_str(&format!(
                "  - {{kind: {kind}, number: {}}}\n",
                quoted(number)
            ));
            columns.insert(format!("hotlines[{i}]"), *c);
        }
        columns.insert("hotlines".into(), lines[0].0);
    }
    for (col, key, prefix, keys) in [
        (Col::Services, "services", "service", SERVICES),
        (Col::Facilities, "facilities", "facility", FACILITIES),
    ] {
        if let Some((c, v)) = get(col) {
            let mut found = Vec::new();
            for w in v
                .split(['、', '，', ',', '；', ';', ' '])
                .filter(|w| !w.trim().is_empty())
            {
                match words.key(prefix, keys, w) {
                    Some(k) => found.push(k),
                    None => errors.push((
                        Some(c),
                        format!(
                            "“{}”不在可选的{}里：{}",
                            w.trim(),
                            columns_name(col),
                            words.labels(prefix, keys)
                        ),
                    )),
                }
            }
            put(
                &mut text,
                &mut columns,
                key,
                format!("[{}]", found.join(", ")),
                c,
            );
        }
    }
    if let Some((c, v)) = get(Col::Operator) {
        put(&mut text, &mut columns, "operator", quoted(v), c);
    }
    if let Some((c, v)) = get(Col::Description) {
        put(&mut text, &mut columns, "description", quoted(v), c);
    }
    if let Some((c, _)) = get(Col::Id) {
        columns.insert("id".into(), c);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok((id, text, columns))
}

/// `key: value` into a market file's text, from column `col`.
fn put(
    text: &mut String,
    columns: &mut HashMap<String, usize>,
    key: &str,
    value: String,
    col: usize,
) {
    text.push_str(&format!("{key}: {value}\n"));
    columns.insert(key.to_string(), col);
}

fn columns_name(col: Col) -> &'static str {
    match col {
        Col::Services => "服务项目",
        _ => "设施",
    }
}
