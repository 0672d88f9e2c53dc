//! A YAML tree that remembers where every node is.
//!
//! serde deserialisers stop at the first error. To report every problem of a feed in
//! one run, a file is first parsed into this small position-keeping tree (from
//! granit-parser's events, with budgets against hostile input: [`super::yaml_build`]);
//! each record is then decoded from its own subtree ([`super::decode`]) so one bad
//! posting cannot hide the next, and the validators look up the position of any field
//! they complain about.

use crate::diag::catalogue::reading as says;
use crate::diag::{Msg, Pos};
use crate::msg;

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
    pub fn describe(&self) -> Msg {
        match self {
            Value::Null => msg!(says::FOUND_NOTHING),
            Value::Bool(b) => msg!(says::FOUND_YES_NO, value = b),
            Value::Int(i) => msg!(says::FOUND_NUMBER, value = i),
            Value::Float(x) => msg!(says::FOUND_NUMBER, value = x),
            Value::Str(s) => msg!(says::FOUND_TEXT, value = shorten(s)),
            Value::Seq(_) => msg!(says::FOUND_LIST),
            Value::Map(_) => msg!(says::FOUND_GROUP),
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

    /// Takes the value of a mapping key out of this node (leaving an empty value with
    /// the same position), so a large subtree moves instead of being copied.
    pub fn take(&mut self, key: &str) -> Option<Node> {
        match &mut self.value {
            Value::Map(entries) => entries
                .iter_mut()
                .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
                .map(|(_, v)| {
                    let pos = v.pos;
                    std::mem::replace(
                        v,
                        Node {
                            pos,
                            value: Value::Null,
                        },
                    )
                }),
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

#[cfg(test)]
mod tests {
    use super::*;

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
