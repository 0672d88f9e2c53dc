//! What a clerk writes in a market directory's cells: 开放时间 in words (`周一至周五
//! 06:00-11:30、14:00-18:00；周六 06:30-12:00`, `每天`, `工作日`, `周末`) and a market's
//! status, services and facilities in the words the site shows for them (the theme's
//! Chinese), read back to what a market file takes.

pub(super) const STATUSES: &[&str] = &["planned", "building", "operating", "suspended", "closed"];
pub(super) const SERVICES: &[&str] = &[
    "waiting",
    "postings",
    "quick_hire",
    "training",
    "rights",
    "legal",
    "guidance",
    "assistance",
];
pub(super) const FACILITIES: &[&str] = &[
    "shelter",
    "heating",
    "cooling",
    "seating",
    "desks",
    "water",
    "charging",
    "parking",
    "toilets",
    "accessible",
    "info_board",
];

/// The words the site shows for statuses, services and facilities (the theme's Chinese).
pub(super) struct Words(crate::words::i18n::Strings);

impl Words {
    pub(super) fn load() -> Result<Words, String> {
        let theme = crate::theme_files::Theme::load(None).map_err(|e| e.to_string())?;
        Ok(Words(crate::words::i18n::Strings::load(
            &theme.i18n,
            "zh-CN",
        )?))
    }

    /// The key among `keys` whose label (or the key itself) is `word`.
    pub(super) fn key<'k>(&self, prefix: &str, keys: &[&'k str], word: &str) -> Option<&'k str> {
        let w = word.trim();
        keys.iter().copied().find(|k| {
            *k == w
                || self.0.get(&format!("{prefix}_{k}")) == w
                || self.0.get(&format!("{prefix}_{k}_alt")) == w
        })
    }

    pub(super) fn labels(&self, prefix: &str, keys: &[&str]) -> String {
        keys.iter()
            .map(|k| self.0.get(&format!("{prefix}_{k}")))
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// Days in words (`每天`, `周一至周五`, `工作日`, `周六、周日`) → a day set as market files
/// write it (`daily`, `mon-fri`, `sat,sun`).
fn days(text: &str) -> Option<String> {
    const KEYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    let t = text.trim();
    match t {
        "每天" | "每日" | "全天" | "全年" | "天天" => return Some("daily".into()),
        "工作日" => return Some("mon-fri".into()),
        "周末" | "双休日" => return Some("sat,sun".into()),
        _ => {}
    }
    let day = |s: &str| -> Option<usize> {
        let s = s
            .trim()
            .trim_start_matches("星期")
            .trim_start_matches("周")
            .trim_start_matches("礼拜");
        ["一", "二", "三", "四", "五", "六", "日"]
            .iter()
            .position(|d| *d == s)
            .or_else(|| (s == "天").then_some(6))
    };
    let mut parts = Vec::new();
    for piece in t.split(['、', '，', ',', '和']) {
        let range: Vec<&str> = piece.split(['至', '到', '-', '—', '~', '～']).collect();
        match range.as_slice() {
            [one] => parts.push(KEYS[day(one)?].to_string()),
            [a, b] => {
                let (a, b) = (day(a)?, day(b)?);
                if a > b {
                    return None;
                }
                parts.push(format!("{}-{}", KEYS[a], KEYS[b]));
            }
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join(","))
}

/// 开放时间 → the `hours:` rules, or what the cell should look like.
pub(super) fn hours(text: &str) -> Result<Vec<(String, String, String)>, String> {
    let wrong = |part: &str| {
        format!(
            "开放时间“{part}”看不懂：请写成 每天 07:00-17:00，或 周一至周五 06:00-11:30、14:00-18:00；周六 06:30-12:00"
        )
    };
    let mut rules = Vec::new();
    for segment in text
        .split(['；', ';', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        // The days end where the first digit is.
        let at = segment
            .find(|c: char| c.is_ascii_digit())
            .ok_or_else(|| wrong(segment))?;
        let (day_words, spans) = segment.split_at(at);
        let day_words = day_words.trim().trim_end_matches(['：', ':']).trim();
        let set = if day_words.is_empty() {
            "daily".to_string()
        } else {
            days(day_words).ok_or_else(|| wrong(segment))?
        };
        for span in spans
            .split(['、', '，', ',', ' '])
            .filter(|s| !s.trim().is_empty())
        {
            let (open, close) = span
                .split_once(['-', '—', '~', '～', '至', '到'])
                .ok_or_else(|| wrong(segment))?;
            let clock = |c: &str| -> Result<String, String> {
                let (h, m) = c
                    .trim()
                    .split_once([':', '：'])
                    .ok_or_else(|| wrong(segment))?;
                let (h, m): (u8, u8) = (
                    h.trim().parse().map_err(|_| wrong(segment))?,
                    m.trim().parse().map_err(|_| wrong(segment))?,
                );
                if h > 24 || m > 59 {
                    return Err(wrong(segment));
                }
                Ok(format!("{h:02}:{m:02}"))
            };
            rules.push((set.clone(), clock(open)?, clock(close)?));
        }
    }
    if rules.is_empty() {
        return Err(wrong(text));
    }
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_hours_in_words_become_rules() {
        let r = hours("周一至周五 06:00-11:30、14:00-18:00；周六 6:30-12:00").expect("reads");
        assert_eq!(
            r,
            vec![
                ("mon-fri".into(), "06:00".into(), "11:30".into()),
                ("mon-fri".into(), "14:00".into(), "18:00".into()),
                ("sat".into(), "06:30".into(), "12:00".into()),
            ]
        );
        assert_eq!(hours("每天 07:00-17:00").expect("daily")[0].0, "daily");
        assert_eq!(hours("07:00-17:00").expect("no days")[0].0, "daily");
        assert_eq!(days("周六、周日").as_deref(), Some("sat,sun"));
        assert_eq!(days("星期一到星期六").as_deref(), Some("mon-sat"));
        assert_eq!(days("工作日").as_deref(), Some("mon-fri"));
        assert!(hours("早上").is_err());
        assert!(hours("周八 07:00-17:00").is_err());
    }
}
