//! The tree as serde-saphyr's `Spanned` deserialisation made it before
//! [`super::yaml_build`] read the parser's events itself: kept (in tests only) to show
//! that the two agree on every YAML file of the repository and on edge cases.

use super::yaml::{Node, SyntaxError, Value};
use crate::diag::Pos;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;
use std::fmt;

pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_nodes = 8_000_000;
    budget.max_events = 16_000_000;
    budget.max_total_scalar_bytes = super::yaml::MAX_FILE_BYTES;
    budget.max_depth = 64;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.leading_zero_numbers_as_strings = true;
    options.with_snippet = false;
    // Content files hardly use aliases; a "billion laughs" file must fail fast.
    options.alias_limits.max_total_replayed_events = 100_000;
    // YAML 1.1 read `on`, `yes`, `no` as booleans: `verified: {by: …, on: …}` would lose
    // its `on` key. Only true/false are booleans here; the decoder still accepts yes/no
    // where a field wants a yes/no value.
    options.strict_booleans = true;
    serde_saphyr::from_str_with_options::<Node>(src, options).map_err(|e| {
        let pos = e
            .location()
            .map(|l| Pos::new(l.line(), l.column()))
            .unwrap_or(Pos::FILE);
        SyntaxError {
            pos,
            message: plain_syntax_message(&e.to_string()),
        }
    })
}

/// serde-saphyr's messages name the position themselves; we print it separately.
fn plain_syntax_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let cleaned = match first.find(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    format!("the YAML cannot be read: {cleaned} (check indentation, colons and quotes)")
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned = Spanned::<Value>::deserialize(d)?;
        let loc = spanned.referenced;
        Ok(Node {
            pos: Pos::new(loc.line(), loc.column()),
            value: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v)
            .map(Value::Int)
            .unwrap_or(Value::Float(v as f64)))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(i64::try_from(v)
            .map(Value::Int)
            .unwrap_or(Value::Str(v.to_string())))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(i64::try_from(v)
            .map(Value::Int)
            .unwrap_or(Value::Str(v.to_string())))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Str(v.to_string()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(item) = seq.next_element::<Node>()? {
            items.push(item);
        }
        Ok(Value::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree as one line per node (`path@line:col value`), to show where two differ.
    fn flat(tree: &Result<Node, SyntaxError>) -> String {
        fn walk(node: &Node, path: &str, out: &mut Vec<String>) {
            let at = format!("{path}@{}:{}", node.pos.line, node.pos.column);
            match &node.value {
                Value::Seq(items) => {
                    out.push(format!("{at} seq"));
                    for (i, n) in items.iter().enumerate() {
                        walk(n, &format!("{path}[{i}]"), out);
                    }
                }
                Value::Map(entries) => {
                    out.push(format!("{at} map"));
                    for (k, v) in entries {
                        walk(k, &format!("{path}.key"), out);
                        walk(v, &format!("{path}.{:?}", k.value), out);
                    }
                }
                other => out.push(format!("{at} {other:?}")),
            }
        }
        match tree {
            Ok(node) => {
                let mut out = Vec::new();
                walk(node, "", &mut out);
                out.join(" | ")
            }
            Err(e) => format!("error at {}:{}: {}", e.pos.line, e.pos.column, e.message),
        }
    }

    /// The event-level builder reads every document as serde-saphyr did: the same
    /// values at the same positions, and an error where it gave one.
    #[test]
    fn the_builder_agrees_with_serde_saphyr() {
        let mut docs: Vec<(String, String)> = Vec::new();
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["content", "tests/fixtures", "tests/sample"] {
            for entry in walkdir::WalkDir::new(root.join(dir)).into_iter().flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                    let text = std::fs::read_to_string(path).expect("readable");
                    docs.push((path.display().to_string(), text));
                }
            }
        }
        assert!(docs.len() > 20, "found {} YAML files", docs.len());
        for scalar in [
            "0",
            "00",
            "0471",
            "-0",
            "+5",
            "-05",
            "1_000",
            "1__0",
            "_1",
            "1_",
            "0x1F",
            "0X1F",
            "0x1_f",
            "0o17",
            "0b101",
            "0b",
            "1.5",
            ".5",
            "1.",
            "-1.5e3",
            "1e3",
            "1e999",
            ".inf",
            "-.inf",
            ".nan",
            "-.nan",
            "inf",
            "nan",
            "infinity",
            "true",
            "True",
            "TRUE",
            "tRUE",
            "yes",
            "no",
            "on",
            "off",
            "y",
            "null",
            "Null",
            "NULL",
            "~",
            "06:00",
            "2026-11-27",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "18446744073709551616",
            "+",
            "-",
            "12abc",
            "１２",
            "'0471'",
            "\"true\"",
            "!!str 5",
            "!!int 5",
            "!!float 5",
            "!!null x",
            "! 5",
            "!!str",
            "!custom 5",
            "&a 5",
            "[1, *a]",
        ] {
            docs.push((
                scalar.to_string(),
                format!("k: {scalar}\nm: &a {{x: 1}}\nn: *a\n"),
            ));
        }
        for doc in [
            "a: 1\nb: [1, 2\nc: 3\n",
            "- a\n- b: c\n  d: [e, {f: g}]\n",
            "a: |\n  line\n  two\nb: >\n  folded\n  text\n",
            "a: 1\n---\nb: 2\n",
            "---\na: 1\n...\n",
            "# only a comment\n",
            "a: 1\na: 2\n",
            "? complex\n: value\n",
            "a: *nowhere\n",
            "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",
            "a:\tb\n",
            "\"unterminated: 1\n",
            "k: v\n  bad indent: 1\n",
            "- 1\n-2\n",
            "中文键: 中文值\n列表: [甲, 乙]\n",
        ] {
            docs.push((doc.to_string(), doc.to_string()));
        }
        let mut differ = Vec::new();
        for (name, text) in &docs {
            match (crate::load::yaml::parse(text), super::parse(text)) {
                (Ok(new), Ok(old)) if new == old => {}
                (Err(_), Err(_)) => {}
                (new, old) => differ.push(format!(
                    "{name}:\n  new {}\n  old {}",
                    flat(&new),
                    flat(&old)
                )),
            }
        }
        assert!(differ.is_empty(), "{}", differ.join("\n"));
    }
}
