//! The texts every page of one language shares, written into its templates before Tera
//! compiles them: `{{ t.call }}` becomes 打电话 (escaped by Tera's own function) and
//! `{{ zh | safe }}` the attribute it stands for. A posting page shows some seventy such
//! texts; folded, Tera no longer looks each one up in two maps for each of ten thousand
//! pages. The pages are byte for byte the same.
//!
//! Only those plain forms are folded, and only in `.html` templates without `{% raw %}`.
//! A name that a theme's tag might rebind (`{% set t = … %}`, a loop variable or an
//! argument named so: any `t` or `zh` in a tag other than `t.…`) is not folded anywhere,
//! and neither is a text holding a brace, which Tera would read as part of a tag, or a
//! line break, which would move the lines Tera names in an error.

use crate::words::i18n::Strings;
use std::borrow::Cow;

/// What the templates of one language tree may have folded in.
pub(super) struct Folds<'a> {
    strings: Option<&'a Strings>,
    zh: Option<&'a str>,
}

impl<'a> Folds<'a> {
    /// Folds for a theme whose template sources are `templates`: `t` as `strings`, `zh`
    /// as `zh`, each unless some tag names it otherwise than to read a text.
    pub(super) fn new<'s>(
        templates: impl IntoIterator<Item = &'s str>,
        strings: &'a Strings,
        zh: &'a str,
    ) -> Self {
        let (mut t_free, mut zh_free) = (true, true);
        for src in templates {
            for tag in tags(src) {
                t_free &= !names(tag, "t", true);
                zh_free &= !names(tag, "zh", false);
            }
        }
        Folds {
            strings: t_free.then_some(strings),
            zh: zh_free.then_some(zh),
        }
    }

    /// The template `src` (named `name`) with its plain `t` and `zh` outputs folded.
    pub(super) fn fold<'s>(&self, name: &str, src: &'s str) -> Cow<'s, str> {
        if !name.ends_with(".html")
            || tags(src).any(|tag| tag.trim_start_matches('-').trim_start().starts_with("raw"))
        {
            return Cow::Borrowed(src);
        }
        let mut out = String::with_capacity(src.len());
        let mut rest = src;
        while let Some(at) = rest.find('{') {
            out.push_str(&rest[..at]);
            let tail = &rest[at..];
            // A tag or a comment is copied whole: an output written inside one (in a
            // string) is not an output.
            let closing = match tail.as_bytes().get(1) {
                Some(b'%') => Some("%}"),
                Some(b'#') => Some("#}"),
                _ => None,
            };
            let used = if let Some(closing) = closing {
                let end = tail[2..].find(closing).map_or(tail.len(), |e| e + 4);
                out.push_str(&tail[..end]);
                end
            } else if let Some((text, used)) = tail
                .strip_prefix("{{")
                .and_then(|inner| inner.find("}}"))
                .and_then(|end| Some((self.text(&tail[2..end + 2])?, end + 4)))
            {
                out.push_str(&text);
                used
            } else if let Some(inner) = tail.strip_prefix("{{") {
                // Any other output is copied whole too.
                let end = inner.find("}}").map_or(tail.len(), |e| e + 4);
                out.push_str(&tail[..end]);
                end
            } else {
                out.push('{');
                1
            };
            rest = &tail[used..];
        }
        out.push_str(rest);
        Cow::Owned(out)
    }

    /// What the output `{{EXPR}}` writes when it is a plain text of this language.
    fn text(&self, expr: &str) -> Option<String> {
        let inner = expr.strip_prefix(' ')?.strip_suffix(' ')?;
        if inner == "zh | safe" {
            return self.zh.map(str::to_string);
        }
        let (key, safe) = match inner.strip_suffix(" | safe") {
            Some(key) => (key, true),
            None => (inner, false),
        };
        let key = key.strip_prefix("t.")?;
        if key.is_empty() || !key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return None;
        }
        let text = self.strings?.find(key)?;
        if text.contains(['{', '}', '\n']) {
            return None;
        }
        if safe {
            return Some(text.to_string());
        }
        let mut escaped = Vec::with_capacity(text.len());
        tera::escape_html(text, &mut escaped).ok()?;
        String::from_utf8(escaped).ok()
    }
}

/// The insides of the `{% … %}` tags of a template.
fn tags(src: &str) -> impl Iterator<Item = &str> {
    src.split("{%")
        .skip(1)
        .map(|after| after.split_once("%}").map_or(after, |(tag, _)| tag))
}

/// Whether `tag` names the variable `var` otherwise than as `var.` (when `dotted`, the
/// only reading that is folded): a name after a `.` is an attribute, not the variable.
fn names(tag: &str, var: &str, dotted: bool) -> bool {
    let bytes = tag.as_bytes();
    let ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut i = 0;
    while i < bytes.len() {
        if !ident(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && ident(bytes[i]) {
            i += 1;
        }
        let after_dot = start > 0 && bytes[start - 1] == b'.';
        let dot_next = bytes.get(i) == Some(&b'.');
        if &tag[start..i] == var && !after_dot && !(dotted && dot_next) {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn strings() -> Strings {
        let mut zh = BTreeMap::new();
        zh.insert(
            "zh-CN".to_string(),
            "call: '打电话 <免费> & \"快\"'\nbrace: '{{ x }}'\nlines: \"一\\n二\"\n".to_string(),
        );
        Strings::load(&zh, "zh-CN").expect("strings")
    }

    #[test]
    fn plain_texts_are_folded_as_tera_writes_them() {
        let t = strings();
        let folds = Folds::new(["<p>{{ t.call }}</p>"], &t, " lang=\"zh-CN\"");
        let src = "<p{{ zh | safe }}>{{ t.call }}|{{ t.call | safe }}|{{ t.brace }}|{{ t.lines }}|{{ t.none }}|{{ t.call ~ 1 }}|{{p.t}}</p>";
        let folded = folds.fold("a.html", src);
        assert_eq!(
            folded,
            "<p lang=\"zh-CN\">打电话 &lt;免费&gt; &amp; &quot;快&quot;|打电话 <免费> & \"快\"|{{ t.brace }}|{{ t.lines }}|{{ t.none }}|{{ t.call ~ 1 }}|{{p.t}}</p>"
        );
        // And Tera, given the same texts, writes the same page.
        let mut tera = tera::Tera::new();
        tera.autoescape_on(vec![".html"]);
        let plain = "<p{{ zh | safe }}>{{ t.call }}|{{ t.call | safe }}</p>";
        tera.add_raw_templates([("a.html", plain), ("b.html", &*folds.fold("b.html", plain))])
            .expect("templates");
        let mut ctx = tera::Context::new();
        ctx.insert("t", &t);
        ctx.insert("zh", " lang=\"zh-CN\"");
        assert_eq!(
            tera.render("a.html", &ctx).expect("a"),
            tera.render("b.html", &ctx).expect("b")
        );
        assert_eq!(folds.fold("feed.xml", src), src, "not an HTML template");
    }

    #[test]
    fn a_name_a_theme_rebinds_or_a_raw_block_is_left_to_tera() {
        let t = strings();
        let src = "{{ t.call }}{{ zh | safe }}";
        for (other, t_kept, zh_kept) in [
            ("{% set t = other %}", true, false),
            ("{% for t in list %}{% endfor %}", true, false),
            ("{% if zh %}{% endif %}", false, true),
            (
                "{% if t.call %}{{ p.zh }}{% endif %}{% set x = p.t %}",
                false,
                false,
            ),
        ] {
            let folds = Folds::new([src, other], &t, " lang=\"zh-CN\"");
            let folded = folds.fold("a.html", src);
            assert_eq!(folded.contains("{{ t.call }}"), t_kept, "{other}: {folded}");
            assert_eq!(
                folded.contains("{{ zh | safe }}"),
                zh_kept,
                "{other}: {folded}"
            );
        }
        let folds = Folds::new([src], &t, "");
        let raw = "{% raw %}{{ t.call }}{% endraw %}";
        assert_eq!(folds.fold("a.html", raw), raw);
        let in_tags = "{% set s = \"{{ t.call }}\" %}{# {{ t.call }} #}{{ s ~ \"{{ t.call }}\" }}";
        assert_eq!(folds.fold("a.html", in_tags), in_tags);
        assert_eq!(
            folds.fold("a.html", "{{ t.call }} {"),
            "打电话 &lt;免费&gt; &amp; &quot;快&quot; {"
        );
    }
}
