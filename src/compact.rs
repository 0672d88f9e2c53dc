//! Minifying, done once per template instead of once per page.
//!
//! Our templates are written one element per line; what a minifier takes out of the
//! pages is almost only those line breaks. Running minify-html over every rendered page
//! cost more CPU than all the rest of the build together (it parses each page again)
//! and saved about 2 % of the bytes. So the line breaks are taken out of the template
//! sources when the theme is loaded, and the pages come out of Tera already compact.
//!
//! The rule keeps the page's rendering exactly as it was: a run of white space that
//! holds a line break is dropped when it touches a block-level tag (white space
//! between blocks is never drawn) and becomes one space otherwise (a browser collapses
//! it to one space anyway). Inside `<pre>`, `<textarea>`, `<script>` and `<style>`
//! nothing changes, since line breaks mean something there.

/// Tags whose boxes are blocks (or never drawn): white space beside them is not shown.
/// Sorted, lowercase (looked up by binary search).
const BLOCK_TAGS: &[&str] = &[
    "!doctype",
    "address",
    "article",
    "aside",
    "base",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "legend",
    "li",
    "link",
    "main",
    "meta",
    "nav",
    "noscript",
    "ol",
    "option",
    "p",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "ul",
];

/// Elements whose text keeps its line breaks.
const RAW_TAGS: &[&str] = &["pre", "textarea", "script", "style"];

/// The name of the tag that starts at `s` (`<p class…`, `</li>`), as written.
fn tag_name(s: &str) -> Option<&str> {
    let rest = s.strip_prefix('<')?;
    let rest = rest.strip_prefix('/').unwrap_or(rest);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '!' || c == '-'))
        .unwrap_or(rest.len());
    (end > 0).then(|| &rest[..end])
}

fn is_block(name: &str) -> bool {
    // Tag names are short ASCII; lowercased on the stack, looked up in the sorted list.
    let mut lower = [0u8; 16];
    let Some(lower) = lower.get_mut(..name.len()) else {
        return false;
    };
    lower.copy_from_slice(name.as_bytes());
    lower.make_ascii_lowercase();
    BLOCK_TAGS
        .binary_search_by(|t| t.as_bytes().cmp(lower))
        .is_ok()
}

/// The name of the tag that ends right before `end` in `s` (`…</li>` or `<p>`), if
/// `s[..end]` ends with `>`.
fn tag_before(s: &str, end: usize) -> Option<&str> {
    let head = &s[..end];
    if !head.ends_with('>') {
        return None;
    }
    let open = head.rfind('<')?;
    tag_name(&head[open..])
}

/// The raw element (`pre`, `script`…) whose start tag begins at `s`, if any.
fn raw_tag_at(s: &str) -> Option<&'static str> {
    let name = tag_name(s)?;
    if s.as_bytes().get(1) == Some(&b'/') {
        return None;
    }
    RAW_TAGS
        .iter()
        .copied()
        .find(|t| t.eq_ignore_ascii_case(name))
}

/// Where the end tag `</tag` first starts in `s` (any case), or the end of `s`.
fn close_of(s: &str, tag: &str) -> usize {
    let mut from = 0;
    while let Some(i) = s[from..].find("</") {
        let at = from + i;
        // Bytes, not text: what follows `</` may be any character.
        let name = &s.as_bytes()[at + 2..];
        if name.len() >= tag.len() && name[..tag.len()].eq_ignore_ascii_case(tag.as_bytes()) {
            return at;
        }
        from = at + 2;
    }
    s.len()
}

/// `html` with its line breaks between tags taken out (see the module's doc).
pub fn compact(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    if !html.contains('\n') {
        out.push_str(html);
        return out;
    }
    let mut copied = 0;
    let mut from = 0;
    while let Some(i) = html[from..].find('<') {
        let at = from + i;
        match raw_tag_at(&html[at..]) {
            Some(tag) => {
                // Copy the raw element through untouched.
                compact_chunk(&html[copied..at], &mut out);
                let end = at + 1 + close_of(&html[at + 1..], tag);
                out.push_str(&html[at..end]);
                copied = end;
                from = end;
            }
            None => from = at + 1,
        }
    }
    compact_chunk(&html[copied..], &mut out);
    out
}

/// Copies `s` (text and tags, no raw element) to `out` with each run of white space
/// that holds a line break dropped or made one space (see the module's doc). Only the
/// line breaks are looked for (with memchr, a vector search); the text between them is
/// copied whole.
fn compact_chunk(s: &str, out: &mut String) {
    let bytes = s.as_bytes();
    let mut copied = 0;
    while let Some(at) = memchr::memchr(b'\n', &bytes[copied..]) {
        // The run of white space around this line break.
        let line_break = copied + at;
        let mut start = line_break;
        while start > copied && bytes[start - 1].is_ascii_whitespace() {
            start -= 1;
        }
        let mut end = line_break + 1;
        while end < bytes.len() && bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        out.push_str(&s[copied..start]);
        copied = end;
        let block_before = tag_before(s, start).is_some_and(is_block);
        let block_after = tag_name(&s[end..]).is_some_and(is_block);
        let at_edge = start == 0 || end == bytes.len();
        if !(block_before || block_after || at_edge) {
            out.push(' ');
        }
    }
    out.push_str(&s[copied..]);
}

#[cfg(test)]
mod tests {
    use super::{BLOCK_TAGS, compact, compact_chunk, is_block, tag_before, tag_name};

    /// Every run of white space looked at byte by byte, as `compact_chunk` first did.
    fn chunk_by_bytes(s: &str) -> String {
        let (bytes, mut out) = (s.as_bytes(), String::new());
        let (mut i, mut copied) = (0, 0);
        while i < bytes.len() {
            if !bytes[i].is_ascii_whitespace() {
                i += 1;
                continue;
            }
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if !bytes[start..i].contains(&b'\n') {
                continue;
            }
            out.push_str(&s[copied..start]);
            copied = i;
            let block = tag_before(s, start).is_some_and(is_block)
                || tag_name(&s[i..]).is_some_and(is_block);
            if !(block || start == 0 || i == bytes.len()) {
                out.push(' ');
            }
        }
        out.push_str(&s[copied..]);
        out
    }

    #[test]
    fn looking_only_at_line_breaks_equals_looking_at_every_byte() {
        let parts = [
            "a", "中文", " ", "\n", "\t", "\r\n", "<p>", "</li>", "<b>", "</a>", "<br>",
        ];
        let mut rng = crate::test_rng::Rng(11);
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..12 {
                text.push_str(rng.pick(&parts));
            }
            let mut out = String::new();
            compact_chunk(&text, &mut out);
            assert_eq!(out, chunk_by_bytes(&text), "{text:?}");
        }
    }

    #[test]
    fn block_tags_are_found_in_any_case() {
        assert!(BLOCK_TAGS.windows(2).all(|w| w[0] < w[1]), "sorted");
        for tag in BLOCK_TAGS {
            assert!(
                is_block(tag) && is_block(&tag.to_ascii_uppercase()),
                "{tag}"
            );
        }
        for tag in [
            "a",
            "span",
            "b",
            "strong",
            "pre",
            "headers",
            "!DOCTYPEx",
            "h7",
        ] {
            assert!(!is_block(tag), "{tag}");
        }
        assert!(is_block("!DOCTYPE") && is_block("Section"));
        assert!(!is_block("a-very-long-custom-element-name"));
    }

    #[test]
    fn line_breaks_beside_blocks_go_and_between_inline_things_become_a_space() {
        assert_eq!(
            compact("<ul>\n<li>a</li>\n  <li>b</li>\n</ul>\n"),
            "<ul><li>a</li><li>b</li></ul>"
        );
        assert_eq!(
            compact("<p><a href=x>one</a>\n<a href=y>two</a></p>"),
            "<p><a href=x>one</a> <a href=y>two</a></p>"
        );
        assert_eq!(compact("<p>word\nword</p>"), "<p>word word</p>");
        // Same-line spaces are the author's and stay.
        assert_eq!(compact("<p>a  <b>b</b></p>"), "<p>a  <b>b</b></p>");
    }

    #[test]
    fn template_tags_are_treated_as_text_and_keep_a_space() {
        assert_eq!(
            compact("{% if x %}\n<li>{{ x }}</li>\n{% endif %}\n{{ y }}"),
            "{% if x %}<li>{{ x }}</li>{% endif %} {{ y }}"
        );
    }

    #[test]
    fn raw_elements_keep_their_line_breaks() {
        let src = "<div>\n<pre>a\n  b</pre>\n<script>\nlet a = 1\nlet b = 2\n</script>\n</div>";
        assert_eq!(
            compact(src),
            "<div><pre>a\n  b</pre><script>\nlet a = 1\nlet b = 2\n</script></div>"
        );
        assert_eq!(
            compact("<textarea>x\ny</textarea>\n<prefix>"),
            "<textarea>x\ny</textarea> <prefix>"
        );
        // Any text may follow `</` inside a script.
        assert_eq!(
            compact("<script>\nvar a = \"</中文\";\n</script>\n<p>"),
            "<script>\nvar a = \"</中文\";\n</script><p>"
        );
    }
}
