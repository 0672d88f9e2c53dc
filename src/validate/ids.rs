//! Ids and slugs become folder names in `output/`: they must be safe there.

use crate::diag::Msg;
use crate::diag::catalogue::site as says;
use crate::msg;

/// Folder names the site itself uses at the top level; a page cannot take them.
pub const RESERVED: &[&str] = &[
    "jobs",
    "markets",
    "categories",
    "regions",
    "map",
    "print",
    "kiosk",
    "events",
    "training",
    "help",
    "reports",
    "search",
    "static",
    "assets",
    "feed.xml",
    "events.ics",
    "feed.json",
    "sitemap.xml",
    "robots.txt",
    "404.html",
    "index.html",
    "page",
    "en",
    "mn",
];

/// Checks that `s` can be a path segment everywhere the site is served: ASCII letters,
/// digits, `-` and `_`, starting with a letter or digit, at most 80 characters.
pub fn check_slug(s: &str) -> Result<(), Msg> {
    let ok_chars = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    let ok_start = s.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
    if s.is_empty() {
        return Err(msg!(says::ID_EMPTY));
    }
    if !ok_chars || !ok_start || s.len() > 80 {
        return Err(msg!(
            says::ID_CHARACTERS,
            value = crate::load::yaml::shorten(s)
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert!(check_slug("hohhot-xincheng-20261127-01").is_ok());
        for bad in [
            "",
            "../x",
            "a/b",
            "a b",
            "-x",
            ".x",
            "新城",
            "a\0b",
            &"x".repeat(81),
        ] {
            assert!(check_slug(bad).is_err(), "{bad:?}");
        }
    }
}
