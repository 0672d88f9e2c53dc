//! A YAML tree that remembers where every node is.
//!
//! serde deserialisers stop at the first error. To report every problem of a feed in
//! one run, a file is first parsed (by serde-saphyr, with budgets against hostile
//! input) into this small position-keeping tree; each record is then decoded from its
//! own subtree ([`super::decode`]) so one bad posting cannot hide the next, and the
//! validators look up the position of any field they complain about.

use crate::diag::Pos;

/// Largest content file we read. A feed is a day's postings for one market; anything
/// near this size is a mistake (or an attack), and parsing it would stall the build.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;

/// One YAML node and its position (of its first character).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub pos: Pos,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys keep their own positions (an unknown field is reported at its key).
    Map(Vec<(Node, Node)>),
}

impl Value {
    /// Words for an editor: what was found where something else was expected.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "nothing (an empty value)".into(),
            Value::Bool(b) => format!("yes/no value `{b}`"),
            Value::Int(i) => format!("number `{i}`"),
            Value::Float(x) => format!("number `{x}`"),
            Value::Str(s) => format!("text `{}`", shorten(s)),
            Value::Seq(_) => "a list".into(),
            Value::Map(_) => "a group of fields".into(),
        }
    }
}

/// Quote at most 40 characters of a value in a message.
pub fn shorten(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

impl Node {
    /// The value of a mapping key, if this node is a mapping that has it.
    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }

    /// Position of a nested field such as `["pay", "unit"]`, falling back to the
    /// deepest node that exists (so a missing field points at its parent).
    pub fn pos_of(&self, path: &[&str]) -> Pos {
        let mut node = self;
        for key in path {
            match node.get(key) {
                Some(next) => node = next,
                None => break,
            }
        }
        node.pos
    }

    /// The `i`-th item, if this node is a list that has it.
    pub fn item(&self, i: usize) -> Option<&Node> {
        match &self.value {
            Value::Seq(items) => items.get(i),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// A YAML syntax or budget error, with where it happened.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub pos: Pos,
    pub message: String,
}

/// Parses one YAML document into a [`Node`] tree.
pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    if src.len() > MAX_FILE_BYTES {
        return Err(SyntaxError {
            pos: Pos::FILE,
            message: format!(
                "the file is {} MB; content files are limited to {} MB — split it into several files",
                src.len() / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
        });
    }
    if src.trim().is_empty() {
        return Ok(Node {
            pos: Pos { line: 1, column: 1 },
            value: Value::Null,
        });
    }
    super::yaml_build::parse(src)
}

/// The tree as serde-saphyr's `Spanned` deserialisation made it before
/// [`super::yaml_build`]: kept to show the two agree.
#[cfg(test)]
pub(crate) mod reference {
    use super::{Node, SyntaxError, Value};
    use crate::diag::Pos;
    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
    use serde_saphyr::Spanned;
    use std::fmt;

    pub fn parse(src: &str) -> Result<Node, SyntaxError> {
        let mut budget = serde_saphyr::Budget::default();
        budget.max_nodes = 8_000_000;
        budget.max_events = 16_000_000;
        budget.max_total_scalar_bytes = super::MAX_FILE_BYTES;
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
            match (parse(text), reference::parse(text)) {
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

    #[test]
    fn keeps_positions_of_nested_nodes() {
        let src = "market: a\npostings:\n  - id: x\n    pay: {amount: 5, unit: hour}\n  - id: y\n";
        let root = parse(src).expect("parses");
        let postings = root.get("postings").expect("postings");
        let Value::Seq(items) = &postings.value else {
            panic!("not a list")
        };
        assert_eq!(items.len(), 2);
        assert_eq!(items[1].pos_of(&["id"]), Pos { line: 5, column: 9 });
        assert_eq!(items[0].pos_of(&["pay", "unit"]).line, 4);
        assert_eq!(
            items[0]
                .get("pay")
                .and_then(|p| p.get("amount"))
                .map(|n| &n.value),
            Some(&Value::Int(5))
        );
    }

    #[test]
    fn times_and_codes_stay_text() {
        let root = parse("open: 06:00\ncounty: 0471\ndate: 2026-11-27\n").expect("parses");
        assert_eq!(root.get("open").and_then(Node::as_str), Some("06:00"));
        assert_eq!(root.get("county").and_then(Node::as_str), Some("0471"));
        assert_eq!(root.get("date").and_then(Node::as_str), Some("2026-11-27"));
    }

    #[test]
    fn on_is_a_key_not_a_boolean() {
        let root = parse("verified: {by: a, on: 2026-11-27}\n").expect("parses");
        assert!(root.get("verified").and_then(|v| v.get("on")).is_some());
    }

    #[test]
    fn malformed_yaml_is_located() {
        let err = parse("a: 1\nb: [1, 2\nc: 3\n").expect_err("must fail");
        assert!(err.pos.line >= 2, "{err:?}");
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut src = String::from("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        let mut prev = 'a';
        for c in 'b'..='k' {
            src.push_str(&format!("{c}: &{c} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
            prev = c;
        }
        assert!(parse(&src).is_err());
    }

    #[test]
    fn deep_nesting_is_refused() {
        let src = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(parse(&src).is_err());
    }
}
