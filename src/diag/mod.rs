//! Diagnostics: every content problem, located, collected rather than thrown.
//!
//! A build or check never stops at the first problem: loaders and validators push
//! [`Diagnostic`]s into a [`Diagnostics`] list, and the command decides at the end
//! whether the errors among them stop the build. Location is data (file, line,
//! column, field path), so the same list prints for humans and as JSON.

pub mod catalogue;
mod message;
mod words;

pub use message::{Arg, Entry, LANG_VAR, Lang, Msg, holes};
pub use words::field_words;

use serde::{Deserialize, Serialize};
use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a problem is. Errors stop the build; warnings are reported and the build goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// A position in a source file, 1-based. Line 0 means "the whole file".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

impl Pos {
    pub const FILE: Pos = Pos { line: 0, column: 0 };

    pub fn new(line: u64, column: u64) -> Pos {
        Pos {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            column: u32::try_from(column).unwrap_or(u32::MAX),
        }
    }
}

/// One problem in the content, in words an editor understands (in both languages).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// The file, relative to the site root when possible.
    pub file: PathBuf,
    pub line: u32,
    pub column: u32,
    /// The field's path inside the file, e.g. `postings[3].pay.unit`; empty for the whole file.
    pub field: String,
    /// Boxed: a diagnostic travels in `Result`s, and the texts are only read when shown.
    pub message: Box<Msg>,
}

impl Diagnostic {
    pub fn error(file: &Path, pos: Pos, field: impl Into<String>, message: Msg) -> Self {
        Self::new(Severity::Error, file, pos, field, message)
    }

    pub fn warning(file: &Path, pos: Pos, field: impl Into<String>, message: Msg) -> Self {
        Self::new(Severity::Warning, file, pos, field, message)
    }

    fn new(
        severity: Severity,
        file: &Path,
        pos: Pos,
        field: impl Into<String>,
        message: Msg,
    ) -> Self {
        Diagnostic {
            severity,
            file: file.to_path_buf(),
            line: pos.line,
            column: pos.column,
            field: field.into(),
            message: Box::new(message),
        }
    }

    fn sort_key(&self) -> (&Path, u32, u32, Severity, &str) {
        (
            &self.file,
            self.line,
            self.column,
            self.severity,
            &self.message.zh,
        )
    }

    /// The problem as one line in `lang`:
    /// `content/jobs/a.yaml:12:7: 错误: 第 3 条岗位 · 工资 · 单位: …`.
    pub fn display(&self, lang: Lang) -> String {
        let kind = match (self.severity, lang) {
            (Severity::Error, Lang::Zh) => "错误",
            (Severity::Warning, Lang::Zh) => "警告",
            (Severity::Error, Lang::En) => "error",
            (Severity::Warning, Lang::En) => "warning",
        };
        let mut out = printable(&self.file.display().to_string()).into_owned();
        if self.line > 0 {
            out.push_str(&format!(":{}:{}", self.line, self.column));
        }
        out.push_str(&format!(": {kind}: "));
        if !self.field.is_empty() {
            out.push_str(&printable(&field_words(&self.field, lang)));
            out.push_str(": ");
        }
        out.push_str(&printable(self.message.text(lang)));
        out
    }

    /// The problem for `--format json`: the fields as they are, the code, the message in
    /// `lang` and the field in words.
    pub fn json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "where": field_words(&self.field, lang),
            "code": self.message.code,
            "message": self.message.text(lang),
        })
    }
}

impl fmt::Display for Diagnostic {
    /// In Chinese, the default; [`Diagnostic::display`] chooses.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display(Lang::Zh))
    }
}

/// A text as it may go to a terminal: control characters (an escape sequence in a
/// file name or a quoted value could move the cursor, recolour or retitle the
/// terminal) are written as `\u{1b}`; one line per diagnostic, so line breaks too.
pub fn printable(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return std::borrow::Cow::Borrowed(text);
    }
    text.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_unicode().to_string()
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_never_reach_the_terminal() {
        let d = Diagnostic::error(
            Path::new("content/jobs/\u{1b}]0;pwned\u{7}.yaml"),
            Pos::new(1, 1),
            "title",
            Msg {
                code: "t.t".into(),
                zh: "`\u{1b}[2J` 不行\n第二行".into(),
                en: "`\u{1b}[2J` is not allowed\nsecond line".into(),
            },
        );
        let shown = d.to_string();
        assert!(!shown.chars().any(char::is_control), "{shown:?}");
        assert!(shown.contains("\\u{1b}]0;pwned"), "{shown}");
    }
}

/// The collected problems of one run.
#[derive(Debug, Default, Clone)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn warning_count(&self) -> usize {
        self.items.len() - self.error_count()
    }

    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Sorted by file, then line and column: the order an editor fixes them in.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.items.dedup();
        self.items
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn into_vec(self) -> Vec<Diagnostic> {
        self.items
    }
}

/// Builds field paths such as `postings[3].pay.unit` without allocating until asked.
#[derive(Debug, Clone, Copy)]
pub enum PathSeg<'a> {
    Key(&'a str),
    Index(usize),
}

pub fn join_path(prefix: &str, seg: PathSeg<'_>) -> String {
    match seg {
        PathSeg::Key(k) if prefix.is_empty() => k.to_string(),
        PathSeg::Key(k) => format!("{prefix}.{k}"),
        PathSeg::Index(i) => format!("{prefix}[{i}]"),
    }
}
