//! Builds the position-keeping [`Node`] tree straight from the YAML parser's events.
//!
//! The tree used to be made by serde-saphyr's `Spanned` deserialisation; its generic
//! layers (event replay, redaction scopes, per-node location objects) cost twice what
//! the parser itself does, and parsing was most of `gigboard check`. Here the events
//! of granit-parser (the parser serde-saphyr uses) go into the tree directly, with the
//! same budgets against hostile input and the same reading of plain scalars:
//! YAML 1.2's core schema, only `true`/`false` as booleans (so `on:` stays a key), and
//! numbers with a leading zero (`0471`, an area code) kept as text.

use super::yaml::{Node, SyntaxError, Value};
use crate::diag::Pos;
use granit_parser::{Event, Marker, Parser, ScalarStyle, Tag};
use std::collections::HashMap;

/// Collections inside collections: deeper than this is a mistake or an attack.
const MAX_DEPTH: usize = 64;
/// Nodes in one file (a 16 MB file of `[1,1,1,…]` has eight million).
const MAX_NODES: usize = 8_000_000;
/// Nodes copied by aliases in one file: a "billion laughs" file must fail fast.
const MAX_ALIAS_NODES: usize = 100_000;

/// A collection being filled.
enum Open {
    Seq {
        pos: Pos,
        anchor: usize,
        items: Vec<Node>,
    },
    Map {
        pos: Pos,
        anchor: usize,
        entries: Vec<(Node, Node)>,
        key: Option<Node>,
    },
}

struct Builder {
    open: Vec<Open>,
    root: Option<Node>,
    /// Anchored nodes by the parser's anchor id (kept only when a file has anchors).
    anchors: HashMap<usize, Node>,
    nodes: usize,
    alias_nodes: usize,
}

fn pos(mark: &Marker) -> Pos {
    Pos::new(mark.line() as u64, mark.col() as u64 + 1)
}

fn fail(pos: Pos, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        pos,
        message: message.into(),
    }
}

/// Parses one YAML document (the caller has handled empty text and the size limit).
pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    let mut b = Builder {
        open: Vec::new(),
        root: None,
        anchors: HashMap::new(),
        nodes: 0,
        alias_nodes: 0,
    };
    let mut last = Pos { line: 1, column: 1 };
    for next in Parser::new_from_str(src) {
        let (event, span) = next.map_err(|e| {
            fail(
                pos(e.marker()),
                format!(
                    "the YAML cannot be read: {} (check indentation, colons and quotes)",
                    e.info()
                ),
            )
        })?;
        let at = pos(&span.start);
        last = at;
        match event {
            Event::Scalar(text, style, anchor, tag) => {
                let value = scalar(&text, style, tag.as_deref(), at)?;
                b.finish(Node { pos: at, value }, anchor)?;
            }
            Event::SequenceStart(_, anchor, _) => b.start(
                Open::Seq {
                    pos: at,
                    anchor,
                    items: Vec::new(),
                },
                at,
            )?,
            Event::MappingStart(_, anchor, _) => b.start(
                Open::Map {
                    pos: at,
                    anchor,
                    entries: Vec::new(),
                    key: None,
                },
                at,
            )?,
            Event::SequenceEnd | Event::MappingEnd => {
                let (node, anchor) = match b.open.pop() {
                    Some(Open::Seq { pos, anchor, items }) => (
                        Node {
                            pos,
                            value: Value::Seq(items),
                        },
                        anchor,
                    ),
                    Some(Open::Map {
                        pos,
                        anchor,
                        entries,
                        ..
                    }) => (
                        Node {
                            pos,
                            value: Value::Map(merge_keys(entries)),
                        },
                        anchor,
                    ),
                    None => return Err(fail(at, "the YAML cannot be read: unbalanced nesting")),
                };
                b.finish(node, anchor)?;
            }
            Event::Alias(id) => {
                let Some(target) = b.anchors.get(&id) else {
                    return Err(fail(
                        at,
                        "the YAML cannot be read: an alias (`*name`) refers to no anchor (`&name`)",
                    ));
                };
                let size = count(target);
                b.alias_nodes += size;
                if b.alias_nodes > MAX_ALIAS_NODES {
                    return Err(fail(
                        at,
                        "the YAML cannot be read: its aliases (`*name`) repeat too much; write the values out",
                    ));
                }
                // Every node of the copy is placed at the alias: a problem in it is
                // reported where the editor used it.
                let mut copy = target.clone();
                place(&mut copy, at);
                b.finish(copy, 0)?;
            }
            Event::DocumentStart(..) if b.root.is_some() => {
                return Err(fail(
                    at,
                    "the file holds more than one YAML document (a second `---`); keep one per file",
                ));
            }
            _ => {}
        }
    }
    Ok(b.root.unwrap_or(Node {
        pos: last,
        value: Value::Null,
    }))
}

impl Builder {
    fn start(&mut self, open: Open, at: Pos) -> Result<(), SyntaxError> {
        if self.open.len() >= MAX_DEPTH {
            return Err(fail(
                at,
                format!(
                    "the YAML cannot be read: lists and groups are nested more than {MAX_DEPTH} deep"
                ),
            ));
        }
        self.open.push(open);
        Ok(())
    }

    /// A complete node: into its parent, or the root.
    fn finish(&mut self, node: Node, anchor: usize) -> Result<(), SyntaxError> {
        self.nodes += 1;
        if self.nodes > MAX_NODES {
            return Err(fail(
                node.pos,
                "the YAML cannot be read: the file has too many values; split it",
            ));
        }
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.open.last_mut() {
            Some(Open::Seq { items, .. }) => items.push(node),
            Some(Open::Map { entries, key, .. }) => match key.take() {
                Some(k) => entries.push((k, node)),
                None => {
                    if entries.iter().any(|(k, _)| k.value == node.value) {
                        let name = match &node.value {
                            Value::Str(s) => super::yaml::shorten(s),
                            other => other.describe(),
                        };
                        return Err(fail(
                            node.pos,
                            format!(
                                "the key `{name}` is written twice in the same group; keep one"
                            ),
                        ));
                    }
                    *key = Some(node);
                }
            },
            None => self.root = Some(node),
        }
        Ok(())
    }
}

/// YAML's merge key: `<<: *base` (or a list of them) adds the fields of `base` that the
/// group does not write itself, after its own.
fn merge_keys(mut entries: Vec<(Node, Node)>) -> Vec<(Node, Node)> {
    let is_merge = |k: &Node| matches!(&k.value, Value::Str(s) if s == "<<");
    let Some(at) = entries.iter().position(|(k, _)| is_merge(k)) else {
        return entries;
    };
    let (_, merged) = entries.remove(at);
    let sources = match merged.value {
        Value::Seq(items) => items,
        other => vec![Node {
            pos: merged.pos,
            value: other,
        }],
    };
    for source in sources {
        if let Value::Map(more) = source.value {
            for (k, v) in more {
                if !entries.iter().any(|(own, _)| own.value == k.value) {
                    entries.push((k, v));
                }
            }
        }
    }
    entries
}

fn place(node: &mut Node, at: Pos) {
    node.pos = at;
    match &mut node.value {
        Value::Seq(items) => items.iter_mut().for_each(|n| place(n, at)),
        Value::Map(entries) => entries.iter_mut().for_each(|(k, v)| {
            place(k, at);
            place(v, at);
        }),
        _ => {}
    }
}

/// Nodes in a subtree (what an alias to it copies).
fn count(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(count).sum(),
        Value::Map(entries) => entries.iter().map(|(k, v)| count(k) + count(v)).sum(),
        _ => 0,
    }
}

/// The value of one scalar: quoted and block scalars are text; plain ones are read by
/// the core schema; an explicit `!!str`, `!!int`… tag decides for itself.
fn scalar(
    text: &str,
    style: ScalarStyle,
    tag: Option<&Tag>,
    at: Pos,
) -> Result<Value, SyntaxError> {
    let core = tag.and_then(Tag::core_suffix);
    let wrong = |kind: &str| {
        fail(
            at,
            format!("the YAML cannot be read: `{text}` is tagged as {kind} but is not one"),
        )
    };
    match core {
        Some("str") => return Ok(Value::Str(text.to_string())),
        Some("null") => return Ok(Value::Null),
        Some("bool") => {
            return bool_of(text)
                .map(Value::Bool)
                .ok_or_else(|| wrong("yes/no"));
        }
        Some("int") => return int_of(text).ok_or_else(|| wrong("a whole number")),
        Some("float") => {
            return float_of(text)
                .or_else(|| int_of(text).map(|v| Value::Float(as_f64(&v))))
                .ok_or_else(|| wrong("a number"));
        }
        _ => {}
    }
    // A non-specific `!` tag also means text.
    if style != ScalarStyle::Plain || tag.is_some_and(|t| t.original() == "!") {
        return Ok(Value::Str(text.to_string()));
    }
    let value = plain(text);
    if let Value::Str(s) = &value
        && non_finite(s)
    {
        return Err(fail(
            at,
            format!("the YAML cannot be read: `{text}` is not a number a content file can hold"),
        ));
    }
    Ok(value)
}

/// `.inf`, `-.nan`, `1e999`: numbers no field can hold (serde-saphyr refused them too).
fn non_finite(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    matches!(unsigned, ".inf" | ".Inf" | ".INF")
        || matches!(text, ".nan" | ".NaN" | ".NAN")
        || (unsigned.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && text.parse::<f64>().is_ok_and(f64::is_infinite))
}

/// A plain scalar by YAML 1.2's core schema, with this project's two choices.
pub fn plain(text: &str) -> Value {
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    if let Some(b) = bool_of(text) {
        return Value::Bool(b);
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let keep_text = matches!(unsigned.as_bytes(), [b'0', b'X' | b'O' | b'B', ..])
        || (matches!(unsigned, ".nan" | ".NaN" | ".NAN") && unsigned.len() != text.len())
        || (unsigned.len() > 1
            && unsigned.starts_with('0')
            && unsigned.bytes().all(|b| b.is_ascii_digit()));
    if keep_text {
        return Value::Str(text.to_string());
    }
    int_of(text)
        .or_else(|| float_of(text))
        .unwrap_or_else(|| Value::Str(text.to_string()))
}

fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => f64::NAN,
    }
}

fn bool_of(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A whole number (`12`, `-3`, `+4`, `1_000`, `0x1F`, `0o17`, `0b101`); one too large
/// for 64 bits becomes a float, as before.
fn int_of(text: &str) -> Option<Value> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (radix, digits) = if let Some(d) = unsigned.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = unsigned.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = unsigned.strip_prefix("0b") {
        (2, d)
    } else {
        if unsigned.len() > 1 && unsigned.starts_with('0') {
            return None;
        }
        (10, unsigned)
    };
    let bytes = digits.as_bytes();
    let mut magnitude: u128 = 0;
    let mut seen = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            // Only between two digits.
            let between =
                i > 0 && bytes[i - 1] != b'_' && bytes.get(i + 1).is_some_and(|&n| n != b'_');
            if !between {
                return None;
            }
            continue;
        }
        let digit = char::from(b).to_digit(radix)?;
        magnitude = magnitude
            .checked_mul(u128::from(radix))?
            .checked_add(u128::from(digit))?;
        seen = true;
    }
    if !seen {
        return None;
    }
    if negative {
        let v = i128::try_from(magnitude).ok().map(|m| -m)?;
        i64::try_from(v).ok().map(Value::Int)
    } else {
        Some(match i64::try_from(magnitude) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::Float(magnitude as f64),
        })
    }
}

/// A finite decimal number (`1.5`, `.5`, `2e3`); `.inf`, `.nan` and overflowing
/// spellings stay text (no content field wants them).
fn float_of(text: &str) -> Option<Value> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    // Rust also reads `inf`, `nan` and `infinity`; YAML does not.
    if !unsigned
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Value::Float)
}
