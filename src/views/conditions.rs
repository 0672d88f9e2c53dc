//! A posting's working conditions (工作条件) as pages and data show them: each yes/no
//! with its icon and words ("管饭", "不管饭"), the working hours in the editor's words.

use crate::load::records::Conditions;
use crate::words::i18n::Strings;
use serde::Serialize;

/// One of a posting's working conditions: "管饭" (yes), "不管饭" (no), or the working
/// hours in the editor's words under their `label`.
#[derive(Debug, Serialize)]
pub struct ConditionView<'a> {
    pub key: &'static str,
    pub yes: bool,
    pub label: Option<&'a str>,
    pub text: &'a str,
    /// The condition's line icon (decorative; the text says it).
    pub icon: String,
}

/// The conditions as words: "管饭", "不包住", "工作时间：07:30–17:30".
pub fn condition_words(c: &Conditions, t: &Strings) -> Vec<String> {
    condition_views(c, t)
        .into_iter()
        .map(|v| match v.label {
            Some(label) => format!("{label}{}{}", t.get("colon"), v.text),
            None => v.text.to_string(),
        })
        .collect()
}

/// The conditions a posting promises ("管饭", "包住"): the yes ones, in words.
pub fn condition_benefits<'a>(c: &Conditions, t: &'a Strings) -> Vec<&'a str> {
    c.flags()
        .into_iter()
        .filter(|(_, given)| *given == Some(true))
        .map(|(key, _)| t.get(&format!("condition_{key}_yes")))
        .collect()
}

pub(super) fn condition_views<'a>(c: &'a Conditions, t: &'a Strings) -> Vec<ConditionView<'a>> {
    let mut out: Vec<ConditionView<'a>> = c
        .flags()
        .into_iter()
        .filter_map(|(key, given)| {
            let yes = given?;
            let word = if yes { "yes" } else { "no" };
            Some(ConditionView {
                key,
                yes,
                label: None,
                text: t.get(&format!("condition_{key}_{word}")),
                icon: crate::icons::icon(key),
            })
        })
        .collect();
    if let Some(hours) = c.hours.as_deref() {
        out.push(ConditionView {
            key: "work_hours",
            yes: true,
            label: Some(t.get("work_hours")),
            text: hours,
            icon: crate::icons::icon("work_hours"),
        });
    }
    out
}
