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
use super::yaml_scalar::scalar;
use crate::diag::Pos;
use granit_parser::{Event, Marker, Parser, ScalarStyle};
use std::collections::HashMap;

/// Collections inside collections: deeper than this is a mistake or an attack.
const MAX_DEPTH: usize = 64;
/// Nodes in one file (a 16 MB file of `[1,1,1,…]` has eight million).
const MAX_NODES: usize = 8_000_000;
/// Nodes copied by aliases in one file: a "billion laughs" file must fail fast.
const MAX_ALIAS_NODES: usize = 100_000;
/// Bytes of text copied by aliases in one file: one long text repeated through a
/// thousand aliases is a few nodes but gigabytes.
const MAX_ALIAS_BYTES: usize = 4 * 1024 * 1024;

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

pub(super) struct Builder {
    open: Vec<Open>,
    root: Option<Node>,
    /// Anchored nodes by the parser's anchor id (kept only when a file has anchors).
    anchors: HashMap<usize, Node>,
    nodes: usize,
    alias_nodes: usize,
    alias_bytes: usize,
}

fn pos(mark: &Marker) -> Pos {
    Pos::new(mark.line() as u64, mark.col() as u64 + 1)
}

pub(super) fn fail(pos: Pos, message: impl Into<String>) -> SyntaxError {
    SyntaxError {
        pos,
        message: message.into(),
    }
}

/// Parses one YAML document (the caller has handled empty text and the size limit).
///
/// Files in the usual layout are read by [`super::yaml_fast`]; anything it does not
/// know (or any mistake) is read again here by granit-parser, which has the last word.
pub fn parse(src: &str) -> Result<Node, SyntaxError> {
    if let Some(node) = super::yaml_fast::parse(src) {
        return Ok(node);
    }
    parse_events(src)
}

/// Parses one YAML document from granit-parser's events.
pub(super) fn parse_events(src: &str) -> Result<Node, SyntaxError> {
    let mut b = Builder::new();
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
                visible(&text, at)?;
                let value = scalar(&text, style, tag.as_deref(), at)?;
                b.finish(Node { pos: at, value }, anchor)?;
            }
            Event::SequenceStart(_, anchor, _) => b.open_seq(at, anchor)?,
            Event::MappingStart(_, anchor, _) => b.open_map(at, anchor)?,
            Event::SequenceEnd | Event::MappingEnd => b.close(at)?,
            Event::Alias(id) => {
                let Some(target) = b.anchors.get(&id) else {
                    return Err(fail(
                        at,
                        "the YAML cannot be read: an alias (`*name`) refers to no anchor (`&name`)",
                    ));
                };
                let (size, bytes) = count(target);
                b.alias_nodes += size;
                b.alias_bytes += bytes;
                if b.alias_nodes > MAX_ALIAS_NODES || b.alias_bytes > MAX_ALIAS_BYTES {
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
    Ok(b.into_root(last))
}

impl Builder {
    pub(super) fn new() -> Builder {
        Builder {
            open: Vec::new(),
            root: None,
            anchors: HashMap::new(),
            nodes: 0,
            alias_nodes: 0,
            alias_bytes: 0,
        }
    }

    /// A plain scalar without anchor or tag, read by the core schema.
    pub(super) fn plain(&mut self, text: &str, at: Pos) -> Result<(), SyntaxError> {
        let value = scalar(text, ScalarStyle::Plain, None, at)?;
        self.finish(Node { pos: at, value }, 0)
    }

    /// A quoted or block scalar, whose text is taken as it is.
    pub(super) fn text(&mut self, text: String, at: Pos) -> Result<(), SyntaxError> {
        self.finish(
            Node {
                pos: at,
                value: Value::Str(text),
            },
            0,
        )
    }

    pub(super) fn open_seq(&mut self, at: Pos, anchor: usize) -> Result<(), SyntaxError> {
        self.start(
            Open::Seq {
                pos: at,
                anchor,
                items: Vec::new(),
            },
            at,
        )
    }

    pub(super) fn open_map(&mut self, at: Pos, anchor: usize) -> Result<(), SyntaxError> {
        self.start(
            Open::Map {
                pos: at,
                anchor,
                entries: Vec::new(),
                key: None,
            },
            at,
        )
    }

    /// The end of the innermost open list or group.
    pub(super) fn close(&mut self, at: Pos) -> Result<(), SyntaxError> {
        let (node, anchor) = match self.open.pop() {
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
        self.finish(node, anchor)
    }

    /// The document read; `last` places an empty one.
    pub(super) fn into_root(self, last: Pos) -> Node {
        self.root.unwrap_or(Node {
            pos: last,
            value: Value::Null,
        })
    }

    /// Whether every list and group opened was closed.
    pub(super) fn is_balanced(&self) -> bool {
        self.open.is_empty()
    }

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
                            other => other.describe().en,
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

/// Nodes in a subtree and the bytes of its texts (what an alias to it copies).
fn count(node: &Node) -> (usize, usize) {
    let add = |(n, b): (usize, usize), (m, c): (usize, usize)| (n + m, b + c);
    match &node.value {
        Value::Seq(items) => items.iter().map(count).fold((1, 0), add),
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| add(count(k), count(v)))
            .fold((1, 0), add),
        Value::Str(text) => (1, text.len()),
        _ => (1, 0),
    }
}

/// Refuses a text that holds a control character (other than tab and line breaks) or a
/// Unicode noncharacter: quoted YAML can write them as escapes (`"\x0b"`), they are
/// invisible in an editor, and XML (the Atom feeds, the sitemap) cannot carry them.
/// Checked on every scalar read here; the fast reader reads no file with such a
/// character and declines such an escape, so every one of them is read here.
pub(super) fn visible(text: &str, at: Pos) -> Result<(), SyntaxError> {
    // C0 controls and DEL are single bytes (looked for in one branch-free pass); C1
    // controls are C2 80–9F and U+FFFE/U+FFFF are EF BF BE/BF, found by memchr's
    // vector search for their first bytes (rare in Chinese text).
    let bytes = text.as_bytes();
    let c0 = |b: u8| (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') | (b == 0x7f);
    let next = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let at_byte = if bytes.iter().fold(false, |s, &b| s | c0(b)) {
        bytes.iter().position(|&b| c0(b))
    } else {
        None
    }
    .or_else(|| {
        // U+0085 (C2 85) is a YAML line break, not a stray control.
        memchr::memchr_iter(0xc2, bytes)
            .find(|&i| (0x80..=0x9f).contains(&next(i + 1)) && next(i + 1) != 0x85)
    })
    .or_else(|| {
        memchr::memmem::find_iter(bytes, b"\xef\xbf").find(|&i| matches!(next(i + 2), 0xbe | 0xbf))
    });
    match at_byte.and_then(|i| text[i..].chars().next()) {
        None => Ok(()),
        Some(c) => Err(fail(
            at,
            format!(
                "the text holds an invisible control character (U+{:04X}), which would break the feeds; delete it",
                u32::from(c)
            ),
        )),
    }
}
