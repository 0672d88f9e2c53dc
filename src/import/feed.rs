//! The feed files an import writes, `content/jobs/<market>/<date>-import.yaml`: one per
//! market and posting day, made and kept by `gigboard import`. Each posting is a block
//! written the same way every time, so a row imported again gives the same bytes and
//! "unchanged" is a comparison of text; the blocks of postings not in the sheet stay as
//! they are (an editor may have changed one by hand).

use std::path::{Path, PathBuf};

/// The first line of every file an import writes: how an import knows its own files.
pub const MARK: &str = "# 由 gigboard import 从表格导入";

/// Where the postings of `market` posted on `day` go.
pub fn path_of(root: &Path, market: &str, day: &str) -> PathBuf {
    root.join("content/jobs")
        .join(market)
        .join(format!("{day}-import.yaml"))
}

/// A string as YAML reads it back exactly: a JSON string is a YAML double-quoted scalar.
pub fn quoted(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into())
}

pub use crate::sheets::number_text as number;

/// A posting block being written: its lines and, for each field path written (as
/// `check` names it, `pay.amount`), the sheet column it came from.
#[derive(Default)]
pub struct Block {
    pub id: String,
    text: String,
    pub columns: Vec<(String, usize)>,
}

impl Block {
    pub fn new(id: &str, column: Option<usize>) -> Self {
        let mut b = Block {
            id: id.to_string(),
            text: format!("  - id: {}\n", quoted(id)),
            columns: Vec::new(),
        };
        if let Some(c) = column {
            b.columns.push(("id".into(), c));
        }
        b
    }

    /// `key: value` (the value already written as YAML), from `column`.
    pub fn field(&mut self, key: &str, value: &str, column: Option<usize>) {
        self.text.push_str(&format!("    {key}: {value}\n"));
        if let Some(c) = column {
            self.columns.push((key.to_string(), c));
        }
    }

    /// `key: {a: …, b: …}` from parts, each with its column.
    pub fn map(&mut self, key: &str, parts: &[(&str, String, Option<usize>)]) {
        if parts.is_empty() {
            return;
        }
        let inner: Vec<String> = parts.iter().map(|(k, v, _)| format!("{k}: {v}")).collect();
        self.text
            .push_str(&format!("    {key}: {{{}}}\n", inner.join(", ")));
        for (k, _, c) in parts {
            if let Some(c) = c {
                self.columns.push((format!("{key}.{k}"), *c));
            }
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The column of the field `check` names (`pay.amount`, `contact`, ``), the
    /// nearest written one: the field itself, else the first written under it, else
    /// its parent's.
    pub fn column_of(&self, field: &str) -> Option<usize> {
        if let Some((_, c)) = self.columns.iter().find(|(k, _)| k == field) {
            return Some(*c);
        }
        if !field.is_empty() {
            let under = format!("{field}.");
            if let Some((_, c)) = self.columns.iter().find(|(k, _)| k.starts_with(&under)) {
                return Some(*c);
            }
        }
        let parent = field.rsplit_once('.').map(|(p, _)| p)?;
        self.column_of(parent)
    }
}

/// A file an import wrote before: its postings' blocks by id, in order.
pub struct Owned {
    pub blocks: Vec<(String, String)>,
}

/// Reads an import's own file (None when there is none, or it is not an import's).
pub fn read_owned(path: &Path) -> Option<Owned> {
    let text = std::fs::read_to_string(path).ok()?;
    if !text.starts_with(MARK) {
        return None;
    }
    let mut blocks: Vec<(String, String)> = Vec::new();
    let mut in_postings = false;
    for line in text.lines() {
        if !in_postings {
            in_postings = line.trim_end() == "postings:";
            continue;
        }
        if let Some(id) = line.strip_prefix("  - id: ") {
            let id = serde_json::from_str::<String>(id.trim())
                .unwrap_or_else(|_| id.trim().trim_matches('"').to_string());
            blocks.push((id, format!("{line}\n")));
        } else if let Some((_, block)) = blocks.last_mut() {
            block.push_str(line);
            block.push('\n');
        }
    }
    Some(Owned { blocks })
}

/// The whole text of an import's file.
pub fn file_text(market: &str, source: &str, blocks: &[(String, String)]) -> String {
    let mut text = format!(
        "{MARK}（最近一次：{source}）。可以直接修改这里；再次导入同一张表会更新表里的岗位。\nmarket: {}\npostings:\n",
        quoted(market)
    );
    for (_, block) in blocks {
        text.push_str(block);
    }
    text
}

/// A stable id for a row without 编号: the market and day it is for and a short hash
/// of its title and employer, so the same row imported again is the same posting.
/// FNV-1a (written here: eight lines, and its output must never change between
/// versions, which no hasher crate promises).
pub fn stable_id(market: &str, day: &str, title: &str, employer: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in [title.trim(), "\u{1f}", employer.trim()]
        .iter()
        .flat_map(|s| s.bytes())
    {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    format!("{market}-{}-{:06x}", day.replace('-', ""), hash & 0xff_ffff)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_file_reads_back_block_for_block() {
        let mut b = Block::new("m-20261206-01", Some(0));
        b.field("title", &quoted("搬运\"工\"\n夜班"), Some(1));
        b.map(
            "pay",
            &[
                ("amount", number(150.0), Some(7)),
                ("unit", "day".into(), Some(10)),
            ],
        );
        let blocks = vec![(b.id.clone(), b.text().to_string())];
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("f.yaml");
        std::fs::write(&path, file_text("m", "表.xlsx", &blocks)).expect("write");
        let owned = read_owned(&path).expect("an import's file");
        assert_eq!(owned.blocks, blocks);
        assert_eq!(b.column_of("pay.unit"), Some(10));
        assert_eq!(b.column_of("pay"), Some(7));
        assert_eq!(b.column_of("pay.min"), Some(7), "its parent's");
        assert_eq!(b.column_of("headcount"), None);
    }

    #[test]
    fn the_same_row_gets_the_same_id_and_another_row_another() {
        let a = stable_id("m", "2026-12-06", "搬运工", "某公司");
        assert_eq!(a, stable_id("m", "2026-12-06", " 搬运工 ", "某公司"));
        assert!(a.starts_with("m-20261206-"));
        assert_ne!(a, stable_id("m", "2026-12-06", "搬运工", "另一公司"));
    }
}
