//! Markdown → safe HTML, and → plain text.
//!
//! Bodies and descriptions come from many hands (and from reposted feeds): no scripts,
//! event handlers, `javascript:` URLs, iframes or inline styles may reach a page.
//! Markdown that holds raw HTML is passed through ammonia. Markdown without any can only
//! make the tags pulldown-cmark writes, with text and attributes escaped, so the only
//! unsafe thing left is a link's or image's address: those are checked here against the
//! same schemes ammonia allows, and links get the same `rel`. Sanitising every posting
//! with ammonia was a third of `gigboard check`.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

/// What rendering one markdown text produced.
pub struct Rendered {
    pub html: String,
    /// The plain text (see [`to_text`]), from the same parse.
    pub text: String,
    /// True when the source held raw HTML that sanitising changed.
    pub html_removed: bool,
}

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_SMART_PUNCTUATION
}

/// Schemes a link or image address may have (as ammonia is told below).
const SCHEMES: [&str; 4] = ["http", "https", "tel", "mailto"];

/// Whether `dest` is relative or has one of [`SCHEMES`].
fn safe_address(dest: &str) -> bool {
    // A scheme is what comes before the first `:` when no `/`, `?` or `#` comes first.
    match dest.find([':', '/', '?', '#']) {
        Some(i) if dest.as_bytes()[i] == b':' => {
            let scheme = &dest[..i];
            SCHEMES.iter().any(|s| s.eq_ignore_ascii_case(scheme))
        }
        _ => !dest.chars().any(|c| c.is_control() || c.is_whitespace()),
    }
}

pub fn to_html(src: &str) -> Rendered {
    if let Some((html, text)) = plain_to_html(src) {
        return Rendered {
            html: crate::compact::compact(&html),
            text,
            html_removed: false,
        };
    }
    sanitized_to_html(src)
}

/// Collects the plain text of a document from its events (see [`to_text`]).
#[derive(Default)]
struct TextCollector(String);

impl TextCollector {
    fn see(&mut self, event: &Event<'_>) {
        let out = &mut self.0;
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item) => out.push('\n'),
            Event::Start(Tag::Item) => out.push_str("· "),
            _ => {}
        }
    }

    fn finish(self) -> String {
        self.0.trim().to_string()
    }
}

/// Markdown without raw HTML, written by pulldown-cmark with the addresses checked,
/// and its text; None when the source has raw HTML (ammonia's work).
fn plain_to_html(src: &str) -> Option<(String, String)> {
    let mut events = Vec::new();
    let mut text = TextCollector::default();
    for e in Parser::new_ext(src, options()) {
        text.see(&e);
        match e {
            Event::Html(_) | Event::InlineHtml(_) => return None,
            // A link with an unsafe address keeps its text and loses its address, as
            // with ammonia.
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) => {
                let dest = folder_link(dest_url);
                let mut a = String::from("<a");
                if safe_address(&dest) {
                    a.push_str(" href=\"");
                    pulldown_cmark_escape::escape_href(&mut a, &dest).ok()?;
                    a.push('"');
                }
                if !title.is_empty() {
                    a.push_str(" title=\"");
                    pulldown_cmark_escape::escape_html(&mut a, &title).ok()?;
                    a.push('"');
                }
                a.push_str(" rel=\"noopener noreferrer\">");
                events.push(Event::Html(a.into()));
            }
            Event::End(TagEnd::Link) => events.push(Event::Html("</a>".into())),
            Event::Start(Tag::Image { dest_url, .. }) if !safe_address(&dest_url) => return None,
            // Aligned columns are written with inline styles, which ammonia takes out.
            Event::Start(Tag::Table(ref columns))
                if columns
                    .iter()
                    .any(|a| *a != pulldown_cmark::Alignment::None) =>
            {
                return None;
            }
            other => events.push(other),
        }
    }
    let mut html = String::with_capacity(src.len() * 3 / 2);
    html::push_html(&mut html, events.into_iter());
    Some((html, text.finish()))
}

fn sanitized_to_html(src: &str) -> Rendered {
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
        .url_schemes(SCHEMES.into_iter().collect())
        .clean(&unsafe_html)
        .to_string();
    Rendered {
        html_removed: raw_html && clean.trim() != unsafe_html.trim(),
        // pulldown-cmark ends every block with a line break; the pages have none.
        html: crate::compact::compact(&clean),
        text: to_text(src),
    }
}

/// A relative link to a folder (`../legal-aid/`) gets `index.html`, so it also works
/// from `file://` and a USB stick, like every link gigboard writes itself.
fn folder_link(dest: pulldown_cmark::CowStr<'_>) -> pulldown_cmark::CowStr<'_> {
    // Root-relative folders (`/map/`) get it too: `rebase` makes them relative per page.
    let external = dest.contains(':') || dest.starts_with("//") || dest.starts_with('#');
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

/// Root-relative addresses (`/map/`, `/files/form.pdf`) in rendered markdown, made
/// relative to the page: such a link breaks opened from a folder (`file://`) and on a
/// host that serves the site under a sub-path. `root` leads from the page to the top
/// of its language's pages, `assets` to the site root, where `is_static` files are.
/// Only addresses this module wrote are touched (`href="/…"`, `src="/…"`, never `//host`).
pub fn rebase<'h>(
    html: &'h str,
    root: &str,
    assets: &str,
    is_static: impl Fn(&str) -> bool,
) -> std::borrow::Cow<'h, str> {
    if !html.contains("=\"/") {
        return std::borrow::Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 64);
    let mut rest = html;
    while let Some(at) = rest.find("=\"/") {
        let (before, after) = rest.split_at(at + 2);
        out.push_str(before);
        let target = &after[1..];
        let attribute = before.ends_with(" href=\"") || before.ends_with(" src=\"");
        if !attribute || target.starts_with('/') {
            rest = after;
            continue;
        }
        let first = target.split(['/', '#', '?', '"']).next().unwrap_or("");
        let prefix = if is_static(first) { assets } else { root };
        // The site's root itself is `index.html` from the page's folder.
        if prefix.is_empty() && (target.starts_with('"') || target.starts_with('#')) {
            out.push_str("index.html");
        } else {
            out.push_str(prefix);
        }
        rest = target;
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The text of a markdown document, paragraphs separated by newlines.
pub fn to_text(src: &str) -> String {
    let mut text = TextCollector::default();
    for event in Parser::new_ext(src, options()) {
        text.see(&event);
    }
    text.finish()
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
    fn root_relative_links_become_relative_to_the_page() {
        let r = to_html("[地图](/map/) [表](/files/form.pdf) [首页](/) [外](//x.cn/a) [锚](/#top)");
        assert!(r.html.contains("href=\"/map/index.html\""), "{}", r.html);
        let is_static = |first: &str| first == "files";
        let at_depth_two = rebase(&r.html, "../../", "../../../", is_static);
        for want in [
            "href=\"../../map/index.html\"",
            "href=\"../../../files/form.pdf\"",
            "href=\"../../index.html\"",
            "href=\"//x.cn/a\"",
            "href=\"../../index.html#top\"",
        ] {
            assert!(at_depth_two.contains(want), "{want} in {at_depth_two}");
        }
        let at_root = rebase(&r.html, "", "", is_static);
        assert!(at_root.contains("href=\"map/index.html\""), "{at_root}");
        assert!(at_root.contains("href=\"index.html\""), "{at_root}");
        assert!(at_root.contains("href=\"index.html#top\""), "{at_root}");
        // Text that only looks like an address stays as written.
        let text = to_html("写法：`href=\"/x\"`");
        assert_eq!(rebase(&text.html, "../", "../", is_static), text.html);
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

    /// The tags, attributes and text of an HTML fragment, attributes sorted.
    fn dom(html: &str) -> Vec<String> {
        let doc = scraper::Html::parse_fragment(html);
        doc.root_element()
            .descendants()
            .filter_map(|n| match n.value() {
                scraper::Node::Element(e) => {
                    let mut attrs: Vec<String> =
                        e.attrs().map(|(k, v)| format!("{k}={v}")).collect();
                    attrs.sort();
                    Some(format!("<{} {}>", e.name(), attrs.join(" ")))
                }
                scraper::Node::Text(t) if !t.trim().is_empty() => Some(t.to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn markdown_without_html_gives_what_ammonia_gives() {
        for src in [
            "# 招聘\n\n**多劳多得** *管饭*，`日结`\n\n- 一\n- 二\n\n1. 甲\n2. 乙\n\n> 注意安全\n",
            "[市场](../markets/a/) [外站](https://x.cn/a?b=1&c=2 \"标题\") [电话](tel:12333) [信](mailto:a@b.cn)",
            "[坏](javascript:alert(1)) [也坏](JaVaScRiPt:x) [数据](data:text/html,x) <https://x.cn> <javascript:y>",
            "| a | b |\n|---|---|\n| 1 | ~~2~~ |\n\n```\ncode <b>\n```\n\n---\n\n\"quotes\" -- dash",
            "| left | centre |\n|:---|:---:|\n| 1 | 2 |",
            "![图](https://x.cn/a.png \"t\") ![坏图](javascript:x) [a&b](</a b/>)",
            "text with & < > \" ' and [link `code`](x.html#top)",
        ] {
            let fast = to_html(src);
            let slow = sanitized_to_html(src);
            assert_eq!(dom(&fast.html), dom(&slow.html), "{src}");
            assert!(!fast.html_removed);
            let lower = fast.html.to_ascii_lowercase();
            assert!(
                !lower.contains("href=\"javascript")
                    && !lower.contains("src=\"javascript")
                    && !lower.contains("style="),
                "{}",
                fast.html
            );
        }
    }

    #[test]
    fn plain_markdown_is_not_reported() {
        let r = to_html("**多劳多得**\n\n- 管午饭\n");
        assert!(r.html.contains("<strong>多劳多得</strong>"));
        assert!(!r.html_removed);
        assert_eq!(to_text("**多劳多得**\n\n- 管午饭\n"), "多劳多得\n· 管午饭");
        assert_eq!(r.text, "多劳多得\n· 管午饭");
    }
}
