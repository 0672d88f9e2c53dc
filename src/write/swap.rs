//! How a staged folder takes the output's place: renamed in (the old output renamed
//! aside), or — for an output that is a mount point and cannot be renamed — moved in
//! entry by entry; how the replaced output is deleted; and how the staging folders of
//! builds that were killed are found and removed (only gigboard's own).

use super::{MARKER, WriteError, at, place};
use std::path::Path;

/// How the previous output is deleted once the new one is in place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cleanup {
    /// Before returning.
    Wait,
    /// By a separate `rm -rf` that outlives the build. Deleting ten thousand pages
    /// takes seconds of kernel time on some file systems, and nothing waits for it: the
    /// new site is already in place. Falls back to waiting where there is no `rm`.
    Background,
}

/// Deletes a folder as `cleanup` says.
pub(super) fn delete(dir: &Path, cleanup: Cleanup) -> Result<(), WriteError> {
    if cleanup == Cleanup::Background && delete_in_background(dir) {
        return Ok(());
    }
    std::fs::remove_dir_all(dir).map_err(at(dir))
}

/// Starts `rm -rf -- dir` without waiting for it; false when it cannot be started.
fn delete_in_background(dir: &Path) -> bool {
    if !cfg!(unix) {
        return false;
    }
    std::process::Command::new("rm")
        .arg("-rf")
        .arg("--")
        .arg(dir)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .is_ok()
}

/// Removes the staging folders (and replaced outputs) that builds killed half-way left
/// in `dir`: those named `<prefix>staging-<pid>` or `<prefix>old-<pid>…` whose process
/// is gone, and only when they are gigboard's (marked or empty).
pub(super) fn remove_leftovers(dir: &Path, prefix: &str) -> Result<(), WriteError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(rest) = name.to_str().and_then(|n| n.strip_prefix(prefix)) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("staging-")
            .or_else(|| rest.strip_prefix("old-"))
            .map(|p| p.trim_end_matches(".spare"))
            .and_then(|p| p.parse::<u32>().ok())
        else {
            continue;
        };
        let path = entry.path();
        let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
        if is_dir && !process_alive(pid) && place::may_replace(&path).unwrap_or(false) {
            std::fs::remove_dir_all(&path).map_err(at(&path))?;
        }
    }
    Ok(())
}

/// Whether a process with this id runs (where that cannot be told: yes, so that
/// nothing of a running build is removed).
fn process_alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        Path::new("/proc").join(pid.to_string()).exists()
    } else {
        true
    }
}

/// Swaps a staged folder inside a mount point in: the output's entries move into
/// `old` (inside it too), then the staged entries up into the output. A failure moves
/// back what had moved.
pub(super) fn swap_in_place(output: &Path, staged: &Path, old: &Path) -> Result<(), WriteError> {
    std::fs::create_dir(old).map_err(at(old))?;
    let names = |dir: &Path| -> Result<Vec<std::ffi::OsString>, WriteError> {
        std::fs::read_dir(dir)
            .and_then(|d| d.map(|e| e.map(|e| e.file_name())).collect())
            .map_err(at(dir))
    };
    let ours = |name: &std::ffi::OsStr| {
        let path = output.join(name);
        path == staged || path == old || name == MARKER
    };
    let current: Vec<_> = names(output)?.into_iter().filter(|n| !ours(n)).collect();
    let mut moved = Vec::new();
    for name in &current {
        if let Err(e) = std::fs::rename(output.join(name), old.join(name)) {
            for back in &moved {
                let _ = std::fs::rename(old.join(back), output.join(back));
            }
            return Err(at(&output.join(name))(e));
        }
        moved.push(name.clone());
    }
    for name in names(staged)? {
        std::fs::rename(staged.join(&name), output.join(&name)).map_err(at(&output.join(&name)))?;
    }
    std::fs::remove_dir(staged).map_err(at(staged))
}

/// Renames `output` to `old` (when there is one) and `staged` to `output`; true when
/// there was an old output.
pub(super) fn swap(output: &Path, staged: &Path, old: &Path) -> Result<bool, WriteError> {
    let had_output = output.exists();
    if had_output {
        std::fs::rename(output, old).map_err(at(output))?;
    }
    if let Err(e) = std::fs::rename(staged, output) {
        if had_output {
            let _ = std::fs::rename(old, output);
        }
        return Err(WriteError {
            path: output.to_path_buf(),
            source: e,
        });
    }
    Ok(had_output)
}
