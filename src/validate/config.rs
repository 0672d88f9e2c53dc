//! `site.yaml` and `regions.yaml`.

use super::Overrides;
use super::ids::check_slug;
use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics, Entry, Pos};
use crate::load::Located;
use crate::load::records::{RegionsFile, SiteConfig};
use crate::model::{Category, County, League, Site, Stats, Wage};
use crate::msg;
use crate::words::LatLon;
use crate::words::scalars::Day;
use std::collections::HashSet;
use std::path::Path;

/// The site settings, checked; regions, markets and postings are filled in later.
pub fn site(config: &Located<SiteConfig>, overrides: &Overrides, diags: &mut Diagnostics) -> Site {
    let c = &config.value;
    let file = &config.file;
    let node = &config.node;
    let zone = jiff::tz::TimeZone::get(&c.timezone);
    if zone.is_err() {
        diags.push(Diagnostic::error(
            file,
            node.pos_of(&["timezone"]),
            "timezone",
            msg!(says::TIMEZONE, value = c.timezone),
        ));
    }
    let today = today_of(c, overrides.date);
    let base_url = overrides
        .base_url
        .clone()
        .or_else(|| c.base_url.clone())
        .and_then(|u| {
            let u = u.trim().to_string();
            if u.is_empty() {
                return None;
            }
            if let Some(problem) = base_url_problem(&u) {
                diags.push(Diagnostic::error(
                    file,
                    node.pos_of(&["base_url"]),
                    "base_url",
                    problem.with(&[("value", &crate::load::yaml::shorten(&u))]),
                ));
                return None;
            }
            Some(if u.ends_with('/') { u } else { format!("{u}/") })
        });
    if c.paginate == 0 {
        diags.push(Diagnostic::error(
            file,
            node.pos_of(&["paginate"]),
            "paginate",
            msg!(says::AT_LEAST_ONE, field = "paginate"),
        ));
    }
    for (field, value) in [
        ("seconds_per_page", c.kiosk.seconds_per_page),
        ("reload_minutes", c.kiosk.reload_minutes),
    ] {
        if value == 0 {
            diags.push(Diagnostic::error(
                file,
                node.pos_of(&["kiosk", field]),
                format!("kiosk.{field}"),
                msg!(says::AT_LEAST_ONE, field = format!("kiosk.{field}")),
            ));
        }
    }
    if c.print.max_postings == 0 {
        diags.push(Diagnostic::error(
            file,
            node.pos_of(&["print", "max_postings"]),
            "print.max_postings",
            msg!(says::AT_LEAST_ONE, field = "print.max_postings"),
        ));
    }
    let mut categories = Vec::new();
    let cat_node = node.get("categories");
    for (slug, label) in &c.categories.0 {
        let pos = cat_node.map(|n| n.pos_of(&[slug])).unwrap_or(node.pos);
        if let Err(msg) = check_slug(slug) {
            diags.push(Diagnostic::error(
                file,
                pos,
                format!("categories.{slug}"),
                msg,
            ));
        }
        categories.push(Category {
            slug: slug.clone(),
            label: label.clone(),
            postings: Vec::new(),
        });
    }
    if categories.is_empty() {
        diags.push(Diagnostic::error(
            file,
            node.pos_of(&["categories"]),
            "categories",
            msg!(says::NO_CATEGORY),
        ));
    }
    let wage = c.minimum_wage.as_ref().map(|w| {
        for (class, floor) in &w.classes {
            if floor.hourly <= 0.0 || floor.monthly <= 0.0 {
                diags.push(Diagnostic::error(
                    file,
                    node.pos_of(&["minimum_wage", "classes"]),
                    format!("minimum_wage.classes.{class}"),
                    msg!(says::WAGE_FLOOR),
                ));
            }
        }
        Wage {
            effective: w.effective,
            classes: w.classes.iter().map(|(k, v)| (*k, *v)).collect(),
        }
    });
    Site {
        title: c.title.clone(),
        description: c.description.clone(),
        language: c.language.clone(),
        languages: Vec::new(),
        timezone: c.timezone.clone(),
        // An unknown zone is an error above: the model is not used then.
        zone: zone.unwrap_or(jiff::tz::TimeZone::UTC),
        today,
        base_url,
        theme: c.theme.clone(),
        logo: None,
        brand_color: super::look::brand_color(config, diags),
        paginate: c.paginate.max(1) as usize,
        hotlines: c.hotlines.clone(),
        footer: c.footer.clone(),
        wage,
        map_attribution: c.map.attribution.clone(),
        map_review_number: filled(c.map.review_number.as_deref()),
        map_source: filled(c.map.source.as_deref()),
        outline: None,
        filed_reports: Vec::new(),
        kiosk: crate::load::records::KioskConfig {
            seconds_per_page: c.kiosk.seconds_per_page.max(1),
            reload_minutes: c.kiosk.reload_minutes.max(1),
        },
        print_max: c.print.max_postings.max(1) as usize,
        categories,
        leagues: Vec::new(),
        counties: Vec::new(),
        markets: Vec::new(),
        postings: Vec::new(),
        closed: Vec::new(),
        closed_days: c.expired_pages_days,
        unchecked_markets: Vec::new(),
        pages: Vec::new(),
        events: Vec::new(),
        training: Vec::new(),
        statics: Vec::new(),
        root_links: Vec::new(),
        stats: Stats::default(),
    }
}

/// Why `u` cannot be the address the site is published at, if it cannot: it goes into
/// feeds, the sitemap, canonical links and QR codes, so it must be a whole http(s)
/// address of a folder, with a host and nothing that is not part of one.
fn base_url_problem(u: &str) -> Option<Entry> {
    let Ok(parsed) = url::Url::parse(u) else {
        return Some(says::BASE_URL_NOT_AN_ADDRESS);
    };
    if !matches!(parsed.scheme(), "http" | "https") || !u.contains("://") {
        return Some(says::BASE_URL_NOT_AN_ADDRESS);
    }
    let after_scheme = u.split_once("://").map_or("", |(_, rest)| rest);
    if parsed.host_str().is_none_or(str::is_empty) || after_scheme.starts_with('/') {
        return Some(says::BASE_URL_NO_HOST);
    }
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Some(says::BASE_URL_PASSWORD);
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Some(says::BASE_URL_QUERY);
    }
    if u.chars()
        .any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\' | '`'))
    {
        return Some(says::BASE_URL_CHARACTERS);
    }
    None
}

/// The site's "today": `--date`, else the `date:` pinned in site.yaml, else today in
/// the site's time zone. Every command that writes or checks a date asks this one.
pub fn today_of(config: &SiteConfig, date: Option<Day>) -> Day {
    date.or(config.date)
        .unwrap_or_else(|| today_in(&config.timezone))
}

/// Today's date in the time zone `tz` (UTC if it is not a zone name).
pub fn today_in(tz: &str) -> Day {
    let zone = jiff::tz::TimeZone::get(tz).unwrap_or(jiff::tz::TimeZone::UTC);
    Day(jiff::ZonedDateTime::now().with_time_zone(zone).date())
}

/// A text field that says something: blank counts as not given.
fn filled(text: Option<&str>) -> Option<String> {
    text.map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

fn check_location(loc: &LatLon) -> bool {
    (-90.0..=90.0).contains(&loc.lat) && (-180.0..=180.0).contains(&loc.lon)
}

pub fn regions(
    site: &mut Site,
    regions: &Located<RegionsFile>,
    config: &SiteConfig,
    diags: &mut Diagnostics,
) {
    let file = &regions.file;
    let leagues_node = regions.node.get("leagues");
    let mut seen = HashSet::new();
    for (li, league) in regions.value.leagues.iter().enumerate() {
        let lnode = leagues_node.and_then(|n| n.item(li));
        let pos = |path: &[&str]| lnode.map(|n| n.pos_of(path)).unwrap_or(regions.node.pos);
        let lpath = format!("leagues[{li}]");
        check_area(
            file,
            &pos,
            &lpath,
            (&league.code, league.location.as_ref(), "150100"),
            &mut seen,
            diags,
        );
        let league_index = site.leagues.len();
        let mut county_indices = Vec::new();
        for (ci, county) in league.counties.iter().enumerate() {
            let cnode = lnode
                .and_then(|n| n.get("counties"))
                .and_then(|n| n.item(ci));
            let cpos = |path: &[&str]| cnode.map(|n| n.pos_of(path)).unwrap_or(regions.node.pos);
            let cpath = format!("{lpath}.counties[{ci}]");
            check_area(
                file,
                &cpos,
                &cpath,
                (&county.code, county.location.as_ref(), "150102"),
                &mut seen,
                diags,
            );
            if let Some(w) = &config.minimum_wage
                && !w.classes.contains_key(&county.wage_class)
            {
                let known: Vec<String> = w.classes.keys().map(u8::to_string).collect();
                diags.push(Diagnostic::error(
                    file,
                    cpos(&["wage_class"]),
                    format!("{cpath}.wage_class"),
                    msg!(
                        says::WAGE_CLASS,
                        class = county.wage_class,
                        known = known.join(", ")
                    ),
                ));
            }
            county_indices.push(site.counties.len());
            site.counties.push(County {
                code: county.code.clone(),
                name: county.name.clone(),
                name_mn: county.name_mn.clone(),
                location: county.location,
                wage_class: county.wage_class,
                league: league_index,
                markets: Vec::new(),
                postings: Vec::new(),
            });
        }
        site.leagues.push(League {
            code: league.code.clone(),
            name: league.name.clone(),
            name_mn: league.name_mn.clone(),
            location: league.location,
            counties: county_indices,
            markets: Vec::new(),
            postings: Vec::new(),
        });
    }
}

/// What a league and a county share: a six-digit code (`example` shows one), no other
/// league or county with it, and a point on the earth.
fn check_area(
    file: &Path,
    pos: &dyn Fn(&[&str]) -> Pos,
    path: &str,
    (code, location, example): (&str, Option<&LatLon>, &str),
    seen: &mut HashSet<String>,
    diags: &mut Diagnostics,
) {
    let mut error = |field: &str, msg| {
        diags.push(Diagnostic::error(
            file,
            pos(&[field]),
            format!("{path}.{field}"),
            msg,
        ))
    };
    if !is_code(code) {
        error(
            "code",
            msg!(says::NOT_A_CODE, value = code, example = example),
        );
    }
    if !seen.insert(code.to_string()) {
        error("code", msg!(says::CODE_TWICE, code = code));
    }
    if location.is_some_and(|l| !check_location(l)) {
        error("location", msg!(says::LAT_LON));
    }
}

/// `languages:` in site.yaml: extra interface languages, each one the name of an
/// `i18n/<lang>.yaml` file of the theme (`available`), not the site's own `language`,
/// listed once. Returns the good ones, in the order written.
pub fn languages(
    config: &Located<SiteConfig>,
    available: &[String],
    diags: &mut Diagnostics,
) -> Vec<String> {
    let c = &config.value;
    let list = config.node.get("languages");
    let mut out: Vec<String> = Vec::new();
    for (i, lang) in c.languages.iter().enumerate() {
        let pos = list
            .and_then(|n| n.item(i))
            .map(|n| n.pos)
            .unwrap_or_else(|| config.node.pos_of(&["languages"]));
        let field = format!("languages[{i}]");
        let problem = if *lang == c.language {
            Some(msg!(says::LANGUAGE_IS_MAIN, lang = lang))
        } else if out.contains(lang) {
            Some(msg!(says::LANGUAGE_TWICE, lang = lang))
        } else if !available.contains(lang) {
            let extra: Vec<&str> = available
                .iter()
                .map(String::as_str)
                .filter(|l| *l != c.language)
                .collect();
            Some(msg!(
                says::LANGUAGE_UNKNOWN,
                lang = lang,
                known = extra.join(", ")
            ))
        } else {
            None
        };
        match problem {
            Some(msg) => diags.push(Diagnostic::error(&config.file, pos, field, msg)),
            None => out.push(lang.clone()),
        }
    }
    out
}

fn is_code(s: &str) -> bool {
    s.len() == 6 && s.bytes().all(|b| b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    #[test]
    fn base_url_must_be_a_whole_address_of_a_folder() {
        for ok in [
            "https://gig.example.org.cn/",
            "http://10.0.0.5:8080/gig/",
            "https://人社.example.cn/",
        ] {
            assert!(super::base_url_problem(ok).is_none(), "{ok}");
        }
        for bad in [
            "gig.example.org.cn",
            "https://",
            "https:///path",
            "javascript:alert(1)//http://",
            "https://user:pw@gig.example.org.cn/",
            "https://gig.example.org.cn/?a=1",
            "https://gig.example.org.cn/#top",
            "https://gig.example.org.cn/\"onload=\"x",
            "ftp://gig.example.org.cn/",
        ] {
            assert!(super::base_url_problem(bad).is_some(), "{bad}");
        }
    }
}
