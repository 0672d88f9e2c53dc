//! Decoding a [`Node`] tree into our typed records, with positions and field paths.
//!
//! This is a serde `Deserializer` over the position-keeping tree. It differs from a
//! plain YAML deserializer in three ways that matter to editors:
//! - every error carries the line, column and field path (`postings[3].pay.unit`) of
//!   the node it is about, and says in plain words what was expected and found;
//! - unknown fields are all reported (with a "did you mean" hint) and skipped, so one
//!   typo does not hide the record's other problems;
//! - records are decoded one subtree at a time by the loaders, so one bad posting
//!   never hides the next.

use super::yaml::{Node, Value, shorten};
use crate::diag::catalogue::reading as says;
use crate::diag::{Msg, Pos};
use crate::msg;
use serde::de::value::StrDeserializer;
use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess,
    Visitor,
};
use std::cell::RefCell;
use std::fmt;

/// A field path built on the stack; turned into text only when an error needs it.
#[derive(Clone, Copy)]
pub enum FieldPath<'a> {
    Root(&'a str),
    Key(&'a FieldPath<'a>, &'a str),
    Index(&'a FieldPath<'a>, usize),
}

/// One step of a path inside the record being decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Seg {
    Key(String),
    Index(usize),
}

impl FieldPath<'_> {
    /// The steps from the decode root down to here.
    fn segs(&self) -> Vec<Seg> {
        match self {
            FieldPath::Root(_) => Vec::new(),
            FieldPath::Key(parent, k) => {
                let mut out = parent.segs();
                out.push(Seg::Key((*k).to_string()));
                out
            }
            FieldPath::Index(parent, i) => {
                let mut out = parent.segs();
                out.push(Seg::Index(*i));
                out
            }
        }
    }
}

impl fmt::Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Root(s) => f.write_str(s),
            FieldPath::Key(parent, key) => {
                let before = parent.to_string();
                if before.is_empty() {
                    f.write_str(key)
                } else {
                    write!(f, "{before}.{key}")
                }
            }
            FieldPath::Index(parent, i) => write!(f, "{parent}[{i}]"),
        }
    }
}

/// A located decoding problem.
#[derive(Debug, Clone, PartialEq)]
pub struct DecodeError {
    pub pos: Pos,
    pub field: String,
    pub message: Msg,
    /// Where in the record (for dropping the bad field and decoding the rest again).
    pub segs: Vec<Seg>,
    pub missing: bool,
}

/// serde's error type for the decoder. `pos` is filled in by the innermost node that
/// sees the error pass by, so serde's own errors (missing field, unknown value) end up
/// located too.
#[derive(Debug)]
pub struct Error {
    located: Option<Box<DecodeError>>,
    missing_field: Option<&'static str>,
    message: Msg,
}

impl Error {
    fn plain(message: Msg) -> Self {
        Error {
            located: None,
            missing_field: None,
            message,
        }
    }

    fn at(self, node: &Node, path: &FieldPath<'_>) -> Self {
        if self.located.is_some() {
            return self;
        }
        let (field, segs) = match self.missing_field {
            Some(name) => {
                let p = FieldPath::Key(path, name);
                (p.to_string(), p.segs())
            }
            None => (path.to_string(), path.segs()),
        };
        let located = DecodeError {
            pos: node.pos,
            field,
            message: self.message.clone(),
            segs,
            missing: self.missing_field.is_some(),
        };
        Error {
            located: Some(Box::new(located)),
            missing_field: None,
            message: self.message,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.en)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    /// A value type's own message ([`Msg::carried`]) or, from serde itself, its words.
    fn custom<T: fmt::Display>(text: T) -> Self {
        let text = text.to_string();
        Error::plain(Msg::from_carried(&text).unwrap_or_else(|| msg!(says::SYNTAX, detail = text)))
    }

    fn missing_field(field: &'static str) -> Self {
        Error {
            located: None,
            missing_field: Some(field),
            message: msg!(says::MISSING_FIELD, field = field),
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        Error::plain(msg!(
            says::NOT_ALLOWED_WORD,
            value = shorten(variant),
            allowed = expected.join(", ")
        ))
    }

    fn invalid_value(unexp: de::Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Error::plain(msg!(says::INVALID_VALUE, found = unexp, expected = exp))
    }

    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        Error::plain(msg!(says::INVALID_LENGTH, len = len, expected = exp))
    }
}

/// Decodes `node` as a `T`. Returns the value when it decoded, and every problem found.
///
/// serde stops at the first bad value; to report the others too, the bad field is
/// dropped from a copy of the record and the record decoded again (a few times at most,
/// and only for records that have errors). Unknown fields are reported up front.
pub fn decode<T: DeserializeOwned>(
    node: &Node,
    path: FieldPath<'_>,
) -> (Option<T>, Vec<DecodeError>) {
    let mut tree = std::borrow::Cow::Borrowed(node);
    let mut removed: Vec<Vec<Seg>> = Vec::new();
    let mut errors = Vec::new();
    for attempt in 0..16 {
        let sink = RefCell::new(Vec::new());
        let result = T::deserialize(Decoder {
            node: &tree,
            path,
            sink: &sink,
        });
        if attempt == 0 {
            errors.extend(sink.into_inner());
        }
        let located = match result {
            Ok(v) => return (Some(v), errors),
            Err(e) => match e.at(&tree, &path).located {
                Some(l) => *l,
                None => break,
            },
        };
        // A required field we dropped ourselves: its real problem is already reported.
        if located.missing && removed.contains(&located.segs) {
            break;
        }
        let cut = field_to_drop(&located.segs);
        errors.push(located);
        match cut {
            Some(cut) if remove(tree.to_mut(), &cut) => removed.push(cut),
            _ => break,
        }
    }
    (None, errors)
}

/// The innermost mapping entry above an error: dropping it lets the rest decode.
fn field_to_drop(segs: &[Seg]) -> Option<Vec<Seg>> {
    let last_key = segs.iter().rposition(|s| matches!(s, Seg::Key(_)))?;
    Some(segs[..=last_key].to_vec())
}

/// Removes the mapping entry at `segs`; false when there is none.
fn remove(node: &mut Node, segs: &[Seg]) -> bool {
    let Some((last, parents)) = segs.split_last() else {
        return false;
    };
    let mut here = node;
    for seg in parents {
        let next = match (seg, &mut here.value) {
            (Seg::Key(k), Value::Map(entries)) => entries
                .iter_mut()
                .find(|(key, _)| key_text(key) == *k)
                .map(|(_, v)| v),
            (Seg::Index(i), Value::Seq(items)) => items.get_mut(*i),
            _ => None,
        };
        match next {
            Some(n) => here = n,
            None => return false,
        }
    }
    match (last, &mut here.value) {
        (Seg::Key(k), Value::Map(entries)) => {
            let before = entries.len();
            entries.retain(|(key, _)| key_text(key) != *k);
            entries.len() < before
        }
        _ => false,
    }
}

pub struct Decoder<'a> {
    node: &'a Node,
    path: FieldPath<'a>,
    sink: &'a RefCell<Vec<DecodeError>>,
}

impl<'a> Decoder<'a> {
    fn expected(&self, what: crate::diag::Entry) -> Error {
        let hint = match (&self.node.value, what.code) {
            (Value::Map(_), _) => msg!(says::HINT_INDENT),
            (Value::Float(_) | Value::Bool(_), code) if code == says::A_TEXT.code => {
                msg!(says::HINT_QUOTES)
            }
            _ => Msg::empty(),
        };
        Error::plain(msg!(
            says::EXPECTED,
            expected = what.msg(),
            found = self.node.value.describe(),
            hint = hint
        ))
    }

    fn located<T>(&self, r: Result<T, Error>) -> Result<T, Error> {
        r.map_err(|e| e.at(self.node, &self.path))
    }
}

macro_rules! integer {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
            let r = match &self.node.value {
                Value::Int(i) => v.visit_i64(*i),
                _ => Err(self.expected(says::A_WHOLE_NUMBER)),
            };
            self.located(r)
        }
    )*};
}

impl<'de> Deserializer<'de> for Decoder<'_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Null => v.visit_unit(),
            Value::Bool(b) => v.visit_bool(*b),
            Value::Int(i) => v.visit_i64(*i),
            Value::Float(x) => v.visit_f64(*x),
            Value::Str(s) => v.visit_str(s),
            Value::Seq(items) => v.visit_seq(Seq {
                items,
                index: 0,
                parent: &self.path,
                sink: self.sink,
            }),
            Value::Map(entries) => v.visit_map(Map::new(entries, &self.path, self.sink, None)),
        };
        self.located(r)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Bool(b) => v.visit_bool(*b),
            Value::Str(s) => match s.to_ascii_lowercase().as_str() {
                "yes" | "on" => v.visit_bool(true),
                "no" | "off" => v.visit_bool(false),
                _ => Err(self.expected(says::A_YES_NO)),
            },
            _ => Err(self.expected(says::A_YES_NO)),
        };
        self.located(r)
    }

    integer!(
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64
    );

    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_f64(v)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Int(i) => v.visit_f64(*i as f64),
            Value::Float(x) => v.visit_f64(*x),
            _ => Err(self.expected(says::A_NUMBER)),
        };
        self.located(r)
    }

    fn deserialize_char<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Str(s) => v.visit_str(s),
            // A phone number or code typed without quotes is still what the editor meant.
            Value::Int(i) => v.visit_string(i.to_string()),
            _ => Err(self.expected(says::A_TEXT)),
        };
        self.located(r)
    }

    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        match &self.node.value {
            Value::Null => self.located(v.visit_none()),
            _ => v.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Null => v.visit_unit(),
            _ => Err(self.expected(says::AN_EMPTY_VALUE)),
        };
        self.located(r)
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_unit(v)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Error> {
        v.visit_newtype_struct(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Seq(items) => v.visit_seq(Seq {
                items,
                index: 0,
                parent: &self.path,
                sink: self.sink,
            }),
            // `services: waiting` instead of a one-item list: accept it as one.
            Value::Str(_) => v.visit_seq(Seq {
                items: std::slice::from_ref(self.node),
                index: 0,
                parent: &self.path,
                sink: self.sink,
            }),
            _ => Err(self.expected(says::A_LIST)),
        };
        self.located(r)
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, v: V) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: usize,
        v: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_seq(v)
    }

    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Map(entries) => v.visit_map(Map::new(entries, &self.path, self.sink, None)),
            _ => Err(self.expected(says::A_GROUP)),
        };
        self.located(r)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Map(entries) => {
                v.visit_map(Map::new(entries, &self.path, self.sink, Some(fields)))
            }
            _ => Err(self.expected(says::A_GROUP)),
        };
        self.located(r)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        _: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Error> {
        let r = match &self.node.value {
            Value::Str(s) => v.visit_enum(IntoDeserializer::<Error>::into_deserializer(s.as_str())),
            _ => Err(self.expected(says::A_WORD)),
        };
        self.located(r)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        self.deserialize_str(v)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Error> {
        v.visit_unit()
    }
}

struct Seq<'a, 'p> {
    items: &'a [Node],
    index: usize,
    parent: &'p FieldPath<'p>,
    sink: &'a RefCell<Vec<DecodeError>>,
}

impl<'de> SeqAccess<'de> for Seq<'_, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(node) = self.items.get(self.index) else {
            return Ok(None);
        };
        let path = FieldPath::Index(self.parent, self.index);
        self.index += 1;
        seed.deserialize(Decoder {
            node,
            path,
            sink: self.sink,
        })
        .map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.index)
    }
}

struct Map<'a, 'p> {
    entries: &'a [(Node, Node)],
    index: usize,
    parent: &'p FieldPath<'p>,
    sink: &'a RefCell<Vec<DecodeError>>,
    /// For structs: the known field names; other keys are reported and skipped.
    fields: Option<&'static [&'static str]>,
    current: Option<&'a (Node, Node)>,
}

impl<'a, 'p> Map<'a, 'p> {
    fn new(
        entries: &'a [(Node, Node)],
        parent: &'p FieldPath<'p>,
        sink: &'a RefCell<Vec<DecodeError>>,
        fields: Option<&'static [&'static str]>,
    ) -> Self {
        let map = Map {
            entries,
            index: 0,
            parent,
            sink,
            fields,
            current: None,
        };
        if let Some(fields) = fields {
            for (key, _) in entries {
                let name = key_text(key);
                if !fields.contains(&name.as_ref()) {
                    map.report_unknown(key, &name);
                }
            }
        }
        map
    }

    fn report_unknown(&self, key: &Node, name: &str) {
        let Some(fields) = self.fields else { return };
        // A YAML 1.1 tool (PyYAML, many editors' plug-ins) writes `on:` back as `true:`.
        let yaml11 = match name {
            "true" => ["on", "yes", "y"].iter().find(|f| fields.contains(f)),
            "false" => ["off", "no", "n"].iter().find(|f| fields.contains(f)),
            _ => None,
        };
        let message = match yaml11 {
            Some(was) => msg!(says::YAML11_KEY, name = name, was = was),
            None => {
                let best = fields
                    .iter()
                    .map(|f| (strsim::damerau_levenshtein(name, f), *f))
                    .filter(|(d, f)| *d <= 2.max(f.len() / 3))
                    .min();
                msg!(says::UNKNOWN_FIELD, name = shorten(name)).then(match best {
                    Some((_, f)) => msg!(says::DID_YOU_MEAN, field = f),
                    None => msg!(says::FIELDS_ALLOWED, fields = fields.join(", ")),
                })
            }
        };
        let path = FieldPath::Key(self.parent, name);
        self.sink.borrow_mut().push(DecodeError {
            pos: key.pos,
            field: path.to_string(),
            message,
            segs: path.segs(),
            missing: false,
        });
    }
}

/// A key as text: borrowed, as nearly every key is written as text.
fn key_text(key: &Node) -> std::borrow::Cow<'_, str> {
    match &key.value {
        Value::Str(s) => s.as_str().into(),
        Value::Int(i) => i.to_string().into(),
        Value::Float(x) => x.to_string().into(),
        Value::Bool(b) => b.to_string().into(),
        other => other.describe().en.into(),
    }
}

impl<'de> MapAccess<'de> for Map<'_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        while let Some(entry) = self.entries.get(self.index) {
            self.index += 1;
            let (key, _) = entry;
            match self.fields {
                Some(fields) => {
                    let name = key_text(key);
                    if !fields.contains(&name.as_ref()) {
                        continue;
                    }
                    self.current = Some(entry);
                    let d: StrDeserializer<'_, Error> = name.as_ref().into_deserializer();
                    return seed.deserialize(d).map(Some);
                }
                None => {
                    self.current = Some(entry);
                    let name = key_text(key);
                    let path = FieldPath::Key(self.parent, &name);
                    return seed
                        .deserialize(Decoder {
                            node: key,
                            path,
                            sink: self.sink,
                        })
                        .map(Some);
                }
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let Some((key, value)) = self.current.take() else {
            return Err(Error::plain(msg!(
                says::SYNTAX,
                detail = "a value without a key"
            )));
        };
        let name = key_text(key);
        let path = FieldPath::Key(self.parent, &name);
        seed.deserialize(Decoder {
            node: value,
            path,
            sink: self.sink,
        })
        .map_err(|e| e.at(value, &path))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml::parse;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Pay {
        amount: f64,
        unit: Unit,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case")]
    enum Unit {
        Hour,
        Day,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Posting {
        id: String,
        pay: Pay,
        #[serde(default)]
        tags: Vec<String>,
    }

    fn run(src: &str) -> (Option<Posting>, Vec<DecodeError>) {
        let node = parse(src).expect("yaml");
        decode::<Posting>(&node, FieldPath::Root("postings[3]"))
    }

    #[test]
    fn decodes_a_good_record() {
        let (p, errs) = run("id: 7\npay: {amount: 25, unit: hour}\ntags: a\n");
        assert!(errs.is_empty(), "{errs:?}");
        let p = p.expect("decoded");
        assert_eq!(p.pay.amount, 25.0);
        assert_eq!(p.id, "7");
        assert_eq!(p.pay.unit, Unit::Hour);
        assert_eq!(p.tags, vec!["a".to_string()]);
    }

    #[test]
    fn unknown_fields_are_all_reported_with_hints() {
        let (p, errs) = run("id: a\nexpirs: 1\npay:\n  amount: 5\n  unit: day\n  colour: red\n");
        assert!(p.is_some());
        assert_eq!(errs.len(), 2, "{errs:?}");
        assert_eq!(errs[0].field, "postings[3].expirs");
        assert_eq!(errs[0].pos, Pos { line: 2, column: 1 });
        assert!(errs[1].field.ends_with("pay.colour"));
    }

    #[test]
    fn wrong_enum_value_is_located_at_the_value() {
        let (_, errs) = run("id: a\npay:\n  amount: 5\n  unit: week\n");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].field, "postings[3].pay.unit");
        assert_eq!(errs[0].pos, Pos { line: 4, column: 9 });
        assert!(
            errs[0].message.contains("hour, day"),
            "{:?}",
            errs[0].message
        );
    }

    #[test]
    fn missing_field_names_its_path() {
        let (_, errs) = run("id: a\npay:\n  unit: day\n");
        assert_eq!(errs.len(), 1);
        assert_eq!(errs[0].field, "postings[3].pay.amount");
        assert!(errs[0].message.contains("missing"));
    }

    #[test]
    fn every_bad_value_of_a_record_is_reported() {
        let (p, errs) = run("id: a\nexpirs: 1\ntags: {a: 1}\npay:\n  amount: lots\n  unit: week\n");
        assert!(p.is_none());
        let fields: Vec<&str> = errs.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "postings[3].expirs",
                "postings[3].tags",
                "postings[3].pay.amount",
                "postings[3].pay.unit"
            ],
            "{errs:?}"
        );
    }

    #[test]
    fn wrong_type_says_what_was_found() {
        let (_, errs) = run("id: a\npay:\n  amount: lots\n  unit: day\n");
        assert_eq!(errs[0].field, "postings[3].pay.amount");
        assert!(
            errs[0]
                .message
                .contains("expected a number, found text `lots`"),
            "{:?}",
            errs[0].message
        );
    }
}
