//! Markdown → safe HTML, and → plain text.
//!
//! Bodies and descriptions come from many hands (and from reposted feeds), so the
//! HTML is always passed through ammonia: no scripts, event handlers, `javascript:`
//! URLs, iframes or inline styles can reach a page.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// What rendering one markdown text produced.
pub struct Rendered {
    pub html: String,
    /// True when the source held raw HTML that sanitising changed.
    pub html_removed: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

pub fn to_html(src: &str) -> Rendered {
    let parser = Parser::new_ext(src, options());
    let mut raw_html = false;
    let events: Vec<Event<'_>> = parser
        .inspect(|e| {
            if matches!(e, Event::Html(_) | Event::InlineHtml(_)) {
                raw_html = true;
            }
        })
        .map(|e| match e {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => Event::Start(Tag::Link {
                link_type,
                dest_url: folder_link(dest_url),
                title,
                id,
            }),
            other => other,
        })
        .collect();
    let mut unsafe_html = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut unsafe_html, events.into_iter());
    let clean = ammonia::Builder::default()
        .link_rel(Some("noopener noreferrer"))
        .url_schemes(["http", "https", "tel", "mailto"].into_iter().collect())
        .clean(&unsafe_html)
        .to_string();
    Rendered {
        html_removed: raw_html && clean.trim() != unsafe_html.trim(),
        // pulldown-cmark ends every block with a line break; the pages have none.
        html: crate::render::compact::compact(&clean),
    }
}

/// A relative link to a folder (`../legal-aid/`) gets `index.html`, so it also works
/// from `file://` and a USB stick, like every link gigboard writes itself.
fn folder_link(dest: pulldown_cmark::CowStr<'_>) -> pulldown_cmark::CowStr<'_> {
    let external = dest.contains(':') || dest.starts_with('/') || dest.starts_with('#');
    let (path, fragment) = dest
        .split_once('#')
        .map_or((&*dest, None), |(p, f)| (p, Some(f)));
    if external || !(path.ends_with('/') || path == "." || path == "..") {
        return dest;
    }
    let slash = if path.ends_with('/') { "" } else { "/" };
    let fixed = match fragment {
        Some(f) => format!("{path}{slash}index.html#{f}"),
        None => format!("{path}{slash}index.html"),
    };
    fixed.into()
}

/// The text of a markdown document, paragraphs separated by newlines.
pub fn to_text(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for event in Parser::new_ext(src, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("· "),
            _ => {}
        }
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_are_removed_and_reported() {
        let r = to_html(
            "hello <script>alert(1)</script> <a href=\"javascript:x()\" onclick=\"y()\">a</a>",
        );
        assert!(!r.html.contains("<script"));
        assert!(!r.html.contains("javascript:"));
        assert!(!r.html.contains("onclick"));
        assert!(r.html_removed);
    }

    #[test]
    fn folder_links_get_index_html() {
        let r = to_html("[a](../legal-aid/) [b](https://x.cn/a/) [c](../x/#top) [d](page.html)");
        assert!(
            r.html.contains("href=\"../legal-aid/index.html\""),
            "{}",
            r.html
        );
        assert!(r.html.contains("href=\"https://x.cn/a/\""));
        assert!(r.html.contains("href=\"../x/index.html#top\""));
        assert!(r.html.contains("href=\"page.html\""));
    }

    #[test]
    fn plain_markdown_is_not_reported() {
        let r = to_html("**多劳多得**\n\n- 管午饭\n");
        assert!(r.html.contains("<strong>多劳多得</strong>"));
        assert!(!r.html_removed);
        assert_eq!(to_text("**多劳多得**\n\n- 管午饭\n"), "多劳多得\n· 管午饭");
    }
}
