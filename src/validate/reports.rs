//! Filed status reports: `content/reports/status-YYYY-MM-DD.csv`.
//!
//! gigboard keeps no history of its own (the content at build time is the record, and
//! a build replaces `output/` whole), so a construction-status table as it was
//! reported on the 15th or 28th is kept by committing the CSV here. Each one is
//! published unchanged at `/reports/status-YYYY-MM-DD.csv` and wins over the table
//! the build would regenerate under the same name.

use crate::diag::catalogue::site as says;
use crate::diag::{Diagnostic, Diagnostics, Pos};
use crate::load::content::Report;
use crate::msg;
use crate::words::scalars::Day;
use std::path::Path;

/// Every filed report with its date, in the order of their names (so by date); other
/// files there are warned about.
pub fn check(reports: &[Report], diags: &mut Diagnostics) -> Vec<(Day, Vec<u8>)> {
    let mut out = Vec::new();
    for report in reports {
        let shown = Path::new("content").join("reports").join(&report.name);
        let date = report
            .name
            .strip_prefix("status-")
            .and_then(|n| n.strip_suffix(".csv"))
            .and_then(|d| Day::parse(d).ok());
        let (Some(date), Some(bytes)) = (date, &report.bytes) else {
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
        match bytes {
            Ok(bytes) => out.push((date, bytes.clone())),
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
