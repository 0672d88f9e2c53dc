//! Putting an import's feeds beside the site and checking them as a build would. The
//! site is mirrored with hard links (copies where links cannot be made) into a folder
//! the import makes in the site's root and removes when done, so no file of the site is
//! ever written until every row has passed; then only the import's own files are.

use super::{Draft, Problem, Report, feed};
use crate::diag::{Diagnostic, Severity};
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The files an import writes (from the site root): new text, or None to remove a file
/// of its own that no posting is left in.
pub struct Staged {
    files: Vec<(PathBuf, Option<String>)>,
}

/// Which ids are written in which feed files now (one pass over the lines, as `new`
/// does: a feed's ids are on `- id:` lines).
fn ids_in_feeds(root: &Path) -> HashMap<String, PathBuf> {
    let mut ids = HashMap::new();
    let jobs = root.join("content/jobs");
    for entry in walkdir::WalkDir::new(&jobs)
        .into_iter()
        .filter_map(Result::ok)
    {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let rel = path.strip_prefix(root).unwrap_or(path).to_path_buf();
        for line in text.lines() {
            if let Some(v) = line.trim_start().strip_prefix("- id:") {
                let v = v.trim();
                let id = serde_json::from_str::<String>(v)
                    .unwrap_or_else(|_| v.trim_matches(['"', '\'']).to_string());
                ids.entry(id).or_insert_with(|| rel.clone());
            }
        }
    }
    ids
}

type Touched = (String, Vec<(String, String)>, bool);

/// The blocks of an import's file, read once.
fn open(files: &mut HashMap<PathBuf, Touched>, root: &Path, rel: &Path, market: &str) {
    if !files.contains_key(rel) {
        let blocks = feed::read_owned(&root.join(rel))
            .map(|o| o.blocks)
            .unwrap_or_default();
        files.insert(rel.to_path_buf(), (market.to_string(), blocks, false));
    }
}

/// Works out the files, checks the site with them, and fills `report` and `problems`.
pub(super) fn check(
    root: &Path,
    shown: &str,
    drafts: Vec<Draft>,
    report: &mut Report,
    problems: &mut Vec<Problem>,
) -> Staged {
    let existing = ids_in_feeds(root);
    let known = problems.len();
    // Every file touched: its market, its blocks, and whether it changed.
    let mut files: HashMap<PathBuf, Touched> = HashMap::new();
    let mut from_row: HashMap<String, usize> = HashMap::new();
    for (di, d) in drafts.iter().enumerate() {
        let target = feed::path_of(Path::new(""), &d.market, &d.day);
        let id = d.block.id.as_str();
        let mut moved = false;
        if let Some(at) = existing.get(id).filter(|at| **at != target) {
            let owned = feed::read_owned(&root.join(at)).is_some();
            if !owned {
                problems.push(d.problem(
                    shown,
                    Severity::Error,
                    d.block.column_of("id"),
                    format!(
                        "编号 {id} 已经用在 {} 里（不是表格导入的文件）：请在那个文件里修改这个岗位，或给这一行换一个编号",
                        at.display()
                    ),
                ));
                continue;
            }
            // Its day or market changed: it leaves the file it was in.
            let market = at
                .parent()
                .and_then(Path::file_name)
                .map(|m| m.to_string_lossy().into_owned())
                .unwrap_or_default();
            open(&mut files, root, at, &market);
            if let Some((_, blocks, changed)) = files.get_mut(at) {
                blocks.retain(|(b, _)| b != id);
                *changed = true;
            }
            moved = true;
        }
        open(&mut files, root, &target, &d.market);
        let Some((_, blocks, changed)) = files.get_mut(&target) else {
            continue;
        };
        let text = d.block.text().to_string();
        match blocks.iter_mut().find(|(b, _)| b == id) {
            Some((_, old)) if *old == text => report.unchanged += 1,
            Some((_, old)) => {
                *old = text;
                *changed = true;
                report.changed += 1;
            }
            None => {
                blocks.push((id.to_string(), text));
                *changed = true;
                if moved {
                    report.changed += 1;
                } else {
                    report.added += 1;
                }
            }
        }
        from_row.insert(id.to_string(), di);
    }
    let mut staged = Staged { files: Vec::new() };
    if problems.len() > known {
        return staged;
    }
    let mut touched: Vec<_> = files.into_iter().filter(|(_, (_, _, c))| *c).collect();
    touched.sort_by(|a, b| a.0.cmp(&b.0));
    // Each file's blocks in order, to find a posting from `postings[i]`.
    let mut order: HashMap<PathBuf, Vec<String>> = HashMap::new();
    for (rel, (market, blocks, _)) in touched {
        order.insert(
            rel.clone(),
            blocks.iter().map(|(id, _)| id.clone()).collect(),
        );
        let text = (!blocks.is_empty()).then(|| feed::file_text(&market, shown, &blocks));
        report.files.push(rel.clone());
        staged.files.push((rel, text));
    }
    let after = match checked_with(root, &staged.files) {
        Ok(d) => d,
        Err(e) => {
            problems.push(Problem::whole(shown, e));
            return staged;
        }
    };
    let before = findings(root);
    for d in after {
        if let Some(ids) = order.get(&d.file) {
            problems.push(located(&d, ids, &from_row, &drafts, shown));
        } else if !before.contains(&(d.file.clone(), d.field.clone(), d.message.zh.clone())) {
            problems.push(Problem {
                severity: d.severity,
                place: format!("{}:{}:{}", d.file.display(), d.line, d.column),
                message: d.message.zh,
                order: [usize::MAX; 3],
            });
        }
    }
    staged
}

/// A finding in a file the import writes, at the row and column it came from.
fn located(
    d: &Diagnostic,
    ids: &[String],
    from_row: &HashMap<String, usize>,
    drafts: &[Draft],
    shown: &str,
) -> Problem {
    let posting = d
        .field
        .strip_prefix("postings[")
        .and_then(|rest| rest.split_once(']'))
        .and_then(|(i, rest)| Some((i.parse::<usize>().ok()?, rest.trim_start_matches('.'))));
    let row = posting.and_then(|(i, field)| {
        let draft = &drafts[*from_row.get(ids.get(i)?)?];
        Some(draft.problem(
            shown,
            d.severity,
            draft.block.column_of(field),
            d.message.zh.clone(),
        ))
    });
    row.unwrap_or_else(|| Problem {
        severity: d.severity,
        place: format!("{}:{}:{}", d.file.display(), d.line, d.column),
        message: d.message.zh.clone(),
        order: [usize::MAX; 3],
    })
}

/// A folder made for the check and removed however the check ends.
struct Mirror(PathBuf);

impl Drop for Mirror {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// What `check` finds in the site as it is, to tell the import's findings from the
/// site's own: file, field and message of each.
pub(super) fn findings(root: &Path) -> HashSet<(PathBuf, String, String)> {
    crate::check(root, &Default::default())
        .1
        .into_vec()
        .into_iter()
        .map(|d| (d.file, d.field, d.message.zh))
        .collect()
}

/// The site's diagnostics with `files` (from the site root: new text, or None for a
/// file that goes) in place.
pub(super) fn checked_with(
    root: &Path,
    files: &[(PathBuf, Option<String>)],
) -> Result<Vec<Diagnostic>, String> {
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let mirror = Mirror(root.join(format!(".gigboard-import-{}-{stamp}", std::process::id())));
    std::fs::create_dir(&mirror.0).map_err(|e| format!("{}: {e}", mirror.0.display()))?;
    for top in ["content", "themes"] {
        link_tree(&root.join(top), &mirror.0.join(top))?;
    }
    for (rel, text) in files {
        let path = mirror.0.join(rel);
        // Never write through a link into the site's own file.
        let _ = std::fs::remove_file(&path);
        if let Some(text) = text {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        }
    }
    Ok(crate::check(&mirror.0, &Default::default()).1.sorted())
}

/// Every file under `from` linked (or copied) to the same place under `to`.
fn link_tree(from: &Path, to: &Path) -> Result<(), String> {
    if !from.is_dir() {
        return Ok(());
    }
    for entry in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_map(Result::ok)
    {
        let rel = entry.path().strip_prefix(from).unwrap_or(entry.path());
        let dest = to.join(rel);
        let fail = |e: std::io::Error| format!("{}: {e}", dest.display());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).map_err(fail)?;
        } else if entry.file_type().is_file() && std::fs::hard_link(entry.path(), &dest).is_err() {
            std::fs::copy(entry.path(), &dest).map_err(fail)?;
        }
    }
    Ok(())
}

/// Writes the staged files into the site, each whole (a new file renamed over the old).
pub(super) fn write(root: &Path, staged: &Staged) -> Result<(), String> {
    write_files(root, &staged.files, feed::MARK)
}

/// Writes `files` into the site; a file to remove goes only when it is an import's own
/// (its first line is `mark`).
pub(super) fn write_files(
    root: &Path,
    files: &[(PathBuf, Option<String>)],
    mark: &str,
) -> Result<(), String> {
    for (rel, text) in files {
        let path = root.join(rel);
        match text {
            Some(text) => {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
                }
                let tmp = path.with_extension("importing");
                std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
                std::fs::rename(&tmp, &path).map_err(|e| format!("{}: {e}", path.display()))?;
            }
            None => {
                let own = std::fs::read_to_string(&path).is_ok_and(|t| t.starts_with(mark));
                if own {
                    std::fs::remove_file(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                }
            }
        }
    }
    Ok(())
}
