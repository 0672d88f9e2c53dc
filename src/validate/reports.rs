//! Filed status reports: `content/reports/status-YYYY-MM-DD.csv`.
//!
//! gigboard keeps no history of its own (the content at build time is the record, and
//! a build replaces `output/` whole), so a construction-status table as it was
//! reported on the 15th or 28th is kept by committing the CSV here. Each one is
//! published unchanged at `/reports/status-YYYY-MM-DD.csv` and wins over the table
//! the build would regenerate under the same name.

use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::SiteRoot;
use crate::msg;
use crate::words::scalars::Day;
use std::path::Path;

/// Reads every filed report, sorted by date; other files there are warned about.
pub fn load(root: &SiteRoot, diags: &mut Diagnostics) -> Vec<(Day, Vec<u8>)> {
    let dir = root.content().join("reports");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for name in names {
        let shown = Path::new("content").join("reports").join(&name);
        let date = name
            .strip_prefix("status-")
            .and_then(|n| n.strip_suffix(".csv"))
            .and_then(|d| Day::parse(d).ok());
        let Some(date) = date else {
            diags.push(Diagnostic::warning(
                &shown,
                Pos::FILE,
                "",
                msg!(says::REPORT_NAME),
            ));
            continue;
        };
        if !matches!(date.0.day(), 15 | 28) {
            diags.push(Diagnostic::warning(
                &shown,
                Pos::FILE,
                "",
                msg!(says::REPORT_DAY, date = date),
            ));
        }
        match std::fs::read(dir.join(&name)) {
            Ok(bytes) => out.push((date, bytes)),
            Err(e) => diags.push(Diagnostic::error(
                &shown,
                Pos::FILE,
                "",
                msg!(crate::diag::catalogue::reading::CANNOT_READ, reason = e),
            )),
        }
    }
    out
}
