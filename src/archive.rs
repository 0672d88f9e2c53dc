//! `gigboard archive`: feeds whose postings have all expired move out of `content/jobs/`
//! into `content/archive/YYYY/MM/` (the month the last of them expired), keeping their
//! path under `jobs/`. An archived feed is kept for the record and is never built,
//! checked or warned about, so the daily check stays short as the months go by.
//!
//! Only files move, each to a place where nothing is yet: a feed that cannot be read
//! cleanly, holds a posting still live, or whose place in the archive is taken stays
//! where it is, and the report says why.

use crate::diag::Diagnostics;
use crate::load::{self, SiteRoot};
use crate::words::scalars::Day;
use std::path::{Path, PathBuf};

/// One feed moved (or, with `dry_run`, to be moved).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Moved {
    /// Relative to the site's folder.
    pub from: PathBuf,
    pub to: PathBuf,
    pub postings: usize,
}

/// What an archive run did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub moved: Vec<Moved>,
    /// Feeds left where they are, each with the reason (in the editor's words).
    pub kept: Vec<String>,
}

/// Moves every feed of `root` whose postings all expired before `before`.
pub fn archive(root: &Path, before: Day, dry_run: bool) -> Result<Report, String> {
    let site = SiteRoot {
        root: root.to_path_buf(),
    };
    let jobs = site.content().join("jobs");
    let mut report = Report::default();
    for abs in site.discover().feeds {
        let mut diags = Diagnostics::default();
        let feed = load::feed(&site, &abs, &mut diags);
        let rel = site.display(&abs);
        let Some(feed) = feed.filter(|_| !diags.has_errors()) else {
            report.kept.push(format!(
                "{}: 有错误，先用 gigboard check 改好（has errors: fix them first）",
                rel.display()
            ));
            continue;
        };
        let Some(last) = feed.postings.iter().map(|(_, _, p)| p.expires).max() else {
            continue;
        };
        if last >= before {
            continue;
        }
        let under = abs.strip_prefix(&jobs).unwrap_or(&abs);
        let month = format!("{:04}/{:02}", last.0.year(), last.0.month());
        let dest = site.content().join("archive").join(month).join(under);
        let to = site.display(&dest);
        if dest.exists() {
            report.kept.push(format!(
                "{}: 归档里已经有 {}，没有移动（{} already exists: not moved）",
                rel.display(),
                to.display(),
                to.display()
            ));
            continue;
        }
        if !dry_run {
            if let Some(dir) = dest.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
            }
            std::fs::rename(&abs, &dest)
                .map_err(|e| format!("{} → {}: {e}", rel.display(), to.display()))?;
        }
        report.moved.push(Moved {
            from: rel,
            to,
            postings: feed.postings.len(),
        });
    }
    Ok(report)
}
