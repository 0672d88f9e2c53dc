//! Checks shared by the content that comes one record a file (events, training):
//! where a problem is (file, subtree, field path), the worker-protection rules on every
//! published text, contacts, market references, markdown descriptions and unique ids.

use super::rules;
use crate::diag::Msg;
use crate::diag::catalogue::records as says;
use crate::diag::{Diagnostic, Diagnostics};
use crate::load::Located;
use crate::load::events::{RawEvent, RawTraining};
use crate::load::records::Contact;
use crate::load::yaml::{Node, shorten};
use crate::markdown;
use crate::model::Site;
use crate::msg;
use std::collections::HashMap;
use std::path::Path;

/// A record's file and (sub)tree, and the field path of that subtree.
pub(super) struct At<'a> {
    pub file: &'a Path,
    pub node: &'a Node,
    pub path: String,
}

impl At<'_> {
    pub fn field(&self, field: &[&str]) -> String {
        let rest = field.join(".");
        match (self.path.is_empty(), rest.is_empty()) {
            (true, _) => rest,
            (false, true) => self.path.clone(),
            (false, false) => format!("{}.{rest}", self.path),
        }
    }
    pub fn error(&self, diags: &mut Diagnostics, field: &[&str], msg: Msg) {
        diags.push(Diagnostic::error(
            self.file,
            self.node.pos_of(field),
            self.field(field),
            msg,
        ));
    }
    pub fn warning(&self, diags: &mut Diagnostics, field: &[&str], msg: Msg) {
        diags.push(Diagnostic::warning(
            self.file,
            self.node.pos_of(field),
            self.field(field),
            msg,
        ));
    }
}

/// The id a record gets: its `id:`, else the file name without extension.
/// Where a record is, and its id (file stem unless `id:`), checked as a path segment.
pub(super) fn locate<'a, T: HasId>(r: &'a Located<T>, diags: &mut Diagnostics) -> (At<'a>, String) {
    let at = At {
        file: &r.file,
        node: &r.node,
        path: String::new(),
    };
    let id = record_id(r);
    if let Err(msg) = super::ids::check_slug(&id) {
        at.error(diags, &["id"], msg);
    }
    (at, id)
}

pub(super) fn record_id<T: HasId>(r: &Located<T>) -> String {
    r.value.id().map(str::to_string).unwrap_or_else(|| {
        r.file
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    })
}

pub(super) trait HasId {
    fn id(&self) -> Option<&str>;
}
impl HasId for RawEvent {
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}
impl HasId for RawTraining {
    fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }
}

/// Ids become folders: unique among their kind, whatever the case.
pub(super) fn duplicates<'a>(
    ids: impl Iterator<Item = (String, &'a Path, &'a Node)>,
    what: crate::diag::Entry,
    diags: &mut Diagnostics,
) {
    let mut first: HashMap<String, &Path> = HashMap::new();
    for (id, file, node) in ids {
        if let Some(f) = first.get(&id.to_ascii_lowercase()) {
            diags.push(Diagnostic::error(
                file,
                node.pos_of(&["id"]),
                "id",
                msg!(
                    says::RECORD_ID_TAKEN,
                    what = what.msg(),
                    id = id,
                    file = f.display()
                ),
            ));
        } else {
            first.insert(id.to_ascii_lowercase(), file);
        }
    }
}

/// The worker-protection rules on one published text.
pub(super) fn text_rules(at: &At<'_>, diags: &mut Diagnostics, field: &[&str], text: &str) {
    for f in rules::check_text(text) {
        if f.error {
            at.error(diags, field, f.message);
        } else {
            at.warning(diags, field, f.message);
        }
    }
}

/// `contact:`: a warning when missing, an error when the phone is not a number.
pub(super) fn contact(at: &At<'_>, diags: &mut Diagnostics, c: Option<&Contact>) {
    let Some(c) = c else {
        at.warning(diags, &[], msg!(says::NO_CONTACT_RECORD));
        return;
    };
    if let Some(n) = &c.name {
        text_rules(at, diags, &["contact", "name"], n);
    }
    if let Some(problem) = super::personal_data::phone_problem(&c.phone) {
        at.error(diags, &["contact", "phone"], problem);
    }
}

/// A market named by id, with a "did you mean" when one is close.
pub(super) fn market_ref(
    site: &Site,
    at: &At<'_>,
    diags: &mut Diagnostics,
    name: &str,
) -> Option<usize> {
    let found = site.markets.iter().position(|m| m.id == name);
    if found.is_none() {
        let hint = site
            .markets
            .iter()
            .map(|m| (strsim::damerau_levenshtein(name, &m.id), m.id.as_str()))
            .filter(|(d, k)| *d <= 2.max(k.len() / 3))
            .min()
            .map(|(_, k)| msg!(says::DID_YOU_MEAN, value = k))
            .unwrap_or_else(Msg::empty);
        at.error(
            diags,
            &["market"],
            msg!(says::MARKET_MISSING, name = shorten(name), hint = hint),
        );
    }
    found
}

/// Sanitised HTML and plain text of a markdown description, with the text rules.
pub(super) fn description(
    at: &At<'_>,
    diags: &mut Diagnostics,
    src: Option<&str>,
) -> (Option<String>, String) {
    let Some(src) = src else {
        return (None, String::new());
    };
    text_rules(at, diags, &["description"], src);
    let html = markdown::to_html(src);
    if html.html_removed {
        at.warning(diags, &["description"], msg!(says::RAW_HTML_DESCRIPTION));
    }
    (Some(html.html), html.text)
}
