//! The Inner Mongolia sample as the market-directory tests see it: the site built
//! once per test binary, and the expected values read from the content files with a
//! plain line scan (so the tests do not share gigboard's parser).

// Each test binary uses its own part of these helpers.
#![allow(dead_code)]

use scraper::{Html, Selector};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub const GIGBOARD: &str = env!("CARGO_BIN_EXE_gigboard");
pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// The sample built once per test binary (`--no-minify`, into cargo's test tmp dir).
pub fn site() -> &'static Path {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let name = format!("{}-sample-output", env!("CARGO_CRATE_NAME"));
        let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
        build(Path::new(REPO), &out, &[]);
        out
    })
}

pub fn build(root: &Path, out: &Path, extra: &[&str]) -> String {
    let run = Command::new(GIGBOARD)
        .args(["build", "--no-minify", "--root"])
        .arg(root)
        .arg("--output")
        .arg(out)
        .args(extra)
        .output()
        .expect("gigboard runs");
    let stderr = String::from_utf8_lossy(&run.stderr).into_owned();
    assert!(run.status.success(), "build failed:\n{stderr}");
    stderr
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(site().join(rel)).unwrap_or_else(|e| panic!("output/{rel}: {e}"))
}

pub fn page(rel: &str) -> Html {
    Html::parse_document(&read(rel))
}

pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"))
}

/// What the tests need of one `content/markets/*.yaml`, by a line scan.
#[derive(Debug)]
pub struct MarketFile {
    pub id: String,
    pub county: String,
    pub status: String,
    pub lat: f64,
    pub lon: f64,
    pub closures: Vec<String>,
}

fn value_after<'a>(text: &'a str, key: &str) -> Option<&'a str> {
    let at = text.find(key)? + key.len();
    let rest = &text[at..];
    let end = rest.find([',', '}', '\n']).unwrap_or(rest.len());
    Some(rest[..end].trim().trim_matches('"'))
}

pub fn market_files() -> Vec<MarketFile> {
    let dir = Path::new(REPO).join("content/markets");
    let mut out: Vec<MarketFile> = std::fs::read_dir(&dir)
        .expect("content/markets")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("a market file");
            let line = |key: &str| {
                text.lines()
                    .find_map(|l| l.strip_prefix(key))
                    .unwrap_or_else(|| panic!("{} has no {key}", p.display()))
                    .trim()
                    .trim_matches('"')
                    .to_string()
            };
            let location = line("location:");
            let num = |k| value_after(&location, k).and_then(|v| v.parse().ok());
            let closures = text
                .split("\nclosures:\n")
                .nth(1)
                .map(|block| {
                    block
                        .lines()
                        .take_while(|l| l.starts_with("  - "))
                        .filter_map(|l| value_after(l, "date:").map(str::to_string))
                        .collect()
                })
                .unwrap_or_default();
            MarketFile {
                id: p.file_stem().expect("stem").to_string_lossy().into_owned(),
                county: line("county:"),
                status: line("status:"),
                lat: num("lat:").expect("lat"),
                lon: num("lon:").expect("lon"),
                closures,
            }
        })
        .collect();
    out.sort_by(|a, b| a.id.cmp(&b.id));
    out
}

/// County codes of regions.yaml, in file order (counties are indented under leagues).
pub fn county_codes() -> Vec<String> {
    std::fs::read_to_string(Path::new(REPO).join("content/regions.yaml"))
        .expect("regions.yaml")
        .lines()
        .filter_map(|l| l.strip_prefix("      - code: "))
        .map(|c| c.trim_matches('"').to_string())
        .collect()
}

/// Rows of an RFC 4180 CSV (quoted fields may hold commas, quotes, line breaks).
pub fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let text = text
        .strip_prefix('\u{feff}')
        .expect("CSV starts with a BOM");
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (_, c) => field.push(c),
        }
    }
    rows
}

/// A copy of the sample's content in a temporary site folder.
pub fn sample_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temp dir");
    for e in walkdir::WalkDir::new(Path::new(REPO).join("content")) {
        let e = e.expect("readable");
        let rel = e.path().strip_prefix(REPO).expect("under the repo");
        let dest = dir.path().join(rel);
        if e.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
    dir
}

/// The sample's content with the region outline (a boundary line) drawn under its maps,
/// and these `map:` settings besides `outline:` (e.g. its review number and source).
pub fn sample_with_outline(map: &str) -> tempfile::TempDir {
    let dir = sample_copy();
    let data = dir.path().join("content/static/data");
    std::fs::create_dir_all(&data).expect("mkdir");
    std::fs::copy(
        Path::new(REPO).join("tests/fixtures/inner-mongolia-outline.geojson"),
        data.join("outline.geojson"),
    )
    .expect("copy the outline");
    let site = dir.path().join("content/site.yaml");
    let mut text = std::fs::read_to_string(&site).expect("read site.yaml");
    text.push_str("map:\n  outline: data/outline.geojson\n");
    for line in map.lines() {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    std::fs::write(&site, text).expect("write site.yaml");
    dir
}

pub fn check(root: &Path) -> String {
    let run = Command::new(GIGBOARD)
        .args(["check", "--root"])
        .arg(root)
        // What `check` remembers goes under target/, not the user's cache folder.
        .env(
            "XDG_CACHE_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache"),
        )
        // The tests match the English words; tests/messages.rs reads the Chinese.
        .env("GIGBOARD_LANG", "en")
        .output()
        .expect("gigboard runs");
    String::from_utf8_lossy(&run.stderr).into_owned()
}
