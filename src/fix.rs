//! `gigboard check --fix`: content files saved as GBK/GB18030 (Notepad's and WPS's
//! "ANSI" on Chinese Windows) are rewritten as UTF-8, each after a copy of it is kept
//! beside it as `<name>.gbk.bak` (never over an existing file). Only files that read as
//! GB18030 without a single bad byte are touched; anything else is left for `check` to
//! report.

use crate::load::slips;
use std::path::{Path, PathBuf};

/// A file converted: where it is and where its original was kept.
pub struct Converted {
    pub file: PathBuf,
    pub copy: PathBuf,
}

/// Converts every GBK content file under `root/content`.
pub fn encodings(root: &Path) -> Result<Vec<Converted>, String> {
    let mut done = Vec::new();
    let content = root.join("content");
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "yaml" | "yml" | "md"))
        })
        .collect();
    files.sort();
    for file in files {
        let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
        if std::str::from_utf8(&bytes).is_ok() {
            continue;
        }
        let Some(text) = slips::from_gb18030(&bytes) else {
            continue;
        };
        let copy = (1..)
            .map(|n| {
                let suffix = if n == 1 {
                    String::new()
                } else {
                    format!(".{n}")
                };
                PathBuf::from(format!("{}.gbk.bak{suffix}", file.display()))
            })
            .find(|p| !p.exists())
            .unwrap_or_else(|| file.with_extension("gbk.bak"));
        std::fs::write(&copy, &bytes).map_err(|e| format!("{}: {e}", copy.display()))?;
        let tmp = file.with_extension("utf8.tmp");
        std::fs::write(&tmp, text).map_err(|e| format!("{}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &file).map_err(|e| format!("{}: {e}", file.display()))?;
        let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
        done.push(Converted {
            file: shown(&file),
            copy: shown(&copy),
        });
    }
    Ok(done)
}
