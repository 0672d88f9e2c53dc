//! Job fairs, recruitment caravans and training programmes as editors write them
//! (`content/events/**/*.yaml`, `content/training/**/*.yaml`, one record a file).
//!
//! The plan asks markets to hold 零工专场招聘会, send 流动招工大篷车 and publish
//! training with its subsidies; these records carry exactly what a worker needs to
//! turn up (when, where, what to bring, who to call) and nothing is checked here
//! beyond shape: counties, markets and the worker-protection rules are `validate`'s.

use super::records::{Contact, WorkPlace};
use super::yaml::Value;
use super::{Located, SiteRoot, decode_into, read_yaml};
use crate::diag::{Diagnostic, Diagnostics};
pub use crate::words::EventKind;
use crate::words::LatLon;
use crate::words::scalars::{Day, LocalDateTime};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use std::path::PathBuf;

/// `content/events/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    /// Defaults to the file name.
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    pub kind: EventKind,
    #[serde(default)]
    pub market: Option<String>,
    /// Where, when the event is not at a market: `{address, lat, lon}`.
    #[serde(default)]
    pub location: Option<WorkPlace>,
    /// Required for a fair or special; a caravan's default to its first and last stop.
    #[serde(default)]
    pub start: Option<LocalDateTime>,
    #[serde(default)]
    pub end: Option<LocalDateTime>,
    pub organiser: String,
    /// What to bring (身份证、简历…).
    #[serde(default)]
    pub bring: Vec<String>,
    #[serde(default)]
    pub employers: Vec<EventEmployer>,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub description: Option<String>,
    /// A caravan's route, one entry a stop.
    #[serde(default)]
    pub stops: Vec<RawStop>,
}

/// An employer taking part in a fair.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct EventEmployer {
    pub name: String,
    /// The jobs it recruits for (one text or a list).
    #[serde(default)]
    pub jobs: Vec<String>,
    #[serde(default)]
    pub headcount: Option<u32>,
}

/// One stop of a caravan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStop {
    /// GB/T 2260 code from regions.yaml.
    pub county: String,
    pub place: String,
    pub start: LocalDateTime,
    pub end: LocalDateTime,
    #[serde(default)]
    pub location: Option<LatLon>,
}

/// `content/training/<id>.yaml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTraining {
    #[serde(default)]
    pub id: Option<String>,
    pub title: String,
    /// The trade taught (家政服务员, 电工…).
    pub trade: String,
    pub provider: String,
    #[serde(default)]
    pub market: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub schedule: Option<String>,
    pub start: Day,
    pub end: Day,
    #[serde(default)]
    pub duration: Option<String>,
    /// What the worker pays, in yuan: required, so a free course says `cost: 0`.
    pub cost: f64,
    #[serde(default)]
    pub subsidy: Option<Subsidy>,
    /// How to enrol.
    pub enrol: String,
    #[serde(default)]
    pub contact: Option<Contact>,
    #[serde(default)]
    pub description: Option<String>,
}

/// 培训补贴 and 生活费补贴, and who qualifies.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Subsidy {
    /// Yuan a person.
    #[serde(default)]
    pub training: Option<f64>,
    /// Yuan a day of training.
    #[serde(default)]
    pub living: Option<f64>,
    #[serde(default)]
    pub who: Option<String>,
}

/// Decodes one record a file; every problem goes to `diags`.
pub fn records<T: DeserializeOwned>(
    site: &SiteRoot,
    files: &[PathBuf],
    diags: &mut Diagnostics,
) -> Vec<Located<T>> {
    let mut out = Vec::with_capacity(files.len());
    for abs in files {
        let file = site.display(abs);
        let node = match read_yaml(abs, &file) {
            Ok(n) => n,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if node.value == Value::Null {
            diags.push(Diagnostic::error(
                &file,
                node.pos,
                "",
                crate::msg!(crate::diag::catalogue::reading::EMPTY),
            ));
            continue;
        }
        if let Some(value) = decode_into::<T>(&node, "", &file, diags) {
            out.push(Located { file, node, value });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::decode::{FieldPath, decode};
    use crate::load::yaml::parse;

    #[test]
    fn a_caravan_decodes_with_its_stops() {
        let src = "title: 大篷车\nkind: caravan\norganiser: 人社局\nstops:\n  - {county: \"150121\", place: 村委会, start: \"2026-12-01T09:00\", end: \"2026-12-01T15:00\"}\n";
        let (e, errs) = decode::<RawEvent>(&parse(src).expect("yaml"), FieldPath::Root(""));
        assert!(errs.is_empty(), "{errs:?}");
        let e = e.expect("decoded");
        assert_eq!(e.kind, EventKind::Caravan);
        assert_eq!(e.stops.len(), 1);
        assert!(e.start.is_none());
    }

    #[test]
    fn a_misspelt_training_field_is_named_with_a_hint() {
        let src = "title: a\ntrade: b\nprovider: c\nstart: 2026-12-01\nend: 2026-12-10\ncost: 0\nenrol: d\nsubsidy: {trainng: 1}\n";
        let (_, errs) = decode::<RawTraining>(&parse(src).expect("yaml"), FieldPath::Root(""));
        assert_eq!(errs.len(), 1, "{errs:?}");
        assert_eq!(errs[0].field, "subsidy.trainng");
        assert!(errs[0].message.contains("did you mean `training`"));
    }
}
