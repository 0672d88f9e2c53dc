//! What a clerk means by a cell: `150元/天`, `25-30元/小时`, `日结`, `是`/`否`,
//! `2026年12月6日`, `2026/12/6`, an Excel date serial. Each reader returns the value the
//! posting's YAML field takes, or a sentence saying what the cell should look like.

use crate::words::scalars::Day;

/// A unit of pay from its words (`元/天`, `按小时`, `计件`, `月薪`, `日结`, `day`).
pub fn pay_unit(text: &str) -> Option<&'static str> {
    let t = text.trim().to_ascii_lowercase();
    let t = t.trim_start_matches("元").trim_start_matches('/');
    const UNITS: &[(&str, &[&str])] = &[
        (
            "hour",
            &[
                "小时",
                "时",
                "按小时",
                "计时",
                "时薪",
                "hour",
                "/小时",
                "元/小时",
                "元/时",
            ],
        ),
        (
            "day",
            &[
                "天", "日", "按天", "按日", "日结", "日薪", "day", "元/天", "元/日",
            ],
        ),
        ("piece", &["件", "计件", "按件", "piece", "元/件"]),
        ("month", &["月", "按月", "月薪", "月结", "month", "元/月"]),
    ];
    UNITS
        .iter()
        .find(|(_, words)| words.contains(&t))
        .map(|(unit, _)| *unit)
}

/// The pay a `工资` cell gives: `150`, `150元/天`, `25-30元/小时`, `25～30`.
#[derive(Debug, Clone, PartialEq)]
pub struct PayCell {
    pub min: f64,
    /// Some for a range.
    pub max: Option<f64>,
    pub unit: Option<&'static str>,
}

pub fn pay(text: &str) -> Result<PayCell, String> {
    let t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != ',' && *c != '，')
        .collect();
    // The number part ends where the first character that is not a digit, a point or
    // a range sign is (`元`, `/`).
    let end = t
        .char_indices()
        .find(|(_, c)| {
            !(c.is_ascii_digit() || matches!(c, '.' | '-' | '~' | '～' | '—' | '－' | '至' | '到'))
        })
        .map_or(t.len(), |(i, _)| i);
    let (numbers, rest) = t.split_at(end);
    if numbers.is_empty() {
        return Err(format!(
            "工资“{text}”不是数目：请写成 150、150元/天 或 25-30元/小时"
        ));
    }
    let unit = if rest.is_empty() {
        None
    } else {
        Some(pay_unit(rest).ok_or_else(|| {
            format!("看不懂工资后面的“{rest}”：请写成 150元/天、25元/小时、3元/件 或 3000元/月")
        })?)
    };
    let parts: Vec<&str> = numbers
        .split(['-', '~', '～', '—', '－', '至', '到'])
        .filter(|p| !p.is_empty())
        .collect();
    let number = |p: &str| -> Result<f64, String> {
        p.parse::<f64>()
            .map_err(|_| format!("工资“{text}”不是数目：请写成 150、150元/天 或 25-30元/小时"))
    };
    match parts.as_slice() {
        [one] => Ok(PayCell {
            min: number(one)?,
            max: None,
            unit,
        }),
        [low, high] => Ok(PayCell {
            min: number(low)?,
            max: Some(number(high)?),
            unit,
        }),
        _ => Err(format!(
            "工资“{text}”不是数目：请写成 150、150元/天 或 25-30元/小时"
        )),
    }
}

/// A plain number (`3`, `3人`, `3.0`).
pub fn number(text: &str) -> Result<f64, String> {
    let t = text.trim().trim_end_matches(['人', '名', '个', '位']);
    t.parse::<f64>()
        .map_err(|_| format!("“{text}”不是数目：请只写数字，如 3"))
}

/// Yes or no, as a clerk writes it; None for an empty cell.
pub fn yes_no(text: &str) -> Result<Option<bool>, String> {
    let t = text.trim().to_ascii_lowercase();
    if t.is_empty() {
        return Ok(None);
    }
    const YES: &[&str] = &[
        "是", "有", "管", "包", "提供", "√", "✓", "✔", "y", "yes", "true", "1", "对",
    ];
    const NO: &[&str] = &[
        "否",
        "无",
        "没有",
        "不管",
        "不包",
        "不提供",
        "×",
        "✗",
        "✘",
        "n",
        "no",
        "false",
        "0",
        "不",
    ];
    if YES.contains(&t.as_str()) {
        Ok(Some(true))
    } else if NO.contains(&t.as_str()) {
        Ok(Some(false))
    } else {
        Err(format!("“{text}”：请写“是”或“否”"))
    }
}

/// A day from `2026-12-06`, `2026/12/6`, `2026.12.6`, `2026年12月6日`, `20261206` or an
/// Excel date serial (days since 1899-12-30, as Excel and LibreOffice count them).
pub fn day(text: &str) -> Result<Day, String> {
    let t = text.trim();
    let wrong = || format!("日期“{text}”看不懂：请写成 2026-12-06、2026/12/6 或 2026年12月6日");
    if let Some(serial) = serial(t) {
        return serial_day(serial.trunc()).ok_or_else(wrong);
    }
    let parts: Vec<&str> = t
        .split(['-', '/', '.', '年', '月', '日'])
        .filter(|p| !p.is_empty())
        .collect();
    let ymd: Option<(i16, i8, i8)> = match parts.as_slice() {
        [y, m, d] => y
            .parse()
            .ok()
            .zip(m.parse().ok())
            .zip(d.parse().ok())
            .map(|((y, m), d)| (y, m, d)),
        [compact] if compact.len() == 8 && compact.bytes().all(|b| b.is_ascii_digit()) => {
            let (y, md) = compact.split_at(4);
            let (m, d) = md.split_at(2);
            y.parse()
                .ok()
                .zip(m.parse().ok())
                .zip(d.parse().ok())
                .map(|((y, m), d)| (y, m, d))
        }
        _ => None,
    };
    let (y, m, d) = ymd.ok_or_else(wrong)?;
    jiff::civil::Date::new(y, m, d)
        .map(Day)
        .map_err(|_| wrong())
}

/// An Excel serial: a plain number in the range of the years people write (1955–2120).
fn serial(t: &str) -> Option<f64> {
    let n: f64 = t.parse().ok()?;
    (20_000.0..80_000.0).contains(&n).then_some(n)
}

fn serial_day(days: f64) -> Option<Day> {
    let base = jiff::civil::date(1899, 12, 30);
    base.checked_add(jiff::Span::new().days(days as i64))
        .ok()
        .map(Day)
}

/// A date and time as the posting's `start`/`end` take it (`2026-12-07T08:00`), from
/// `2026-12-07 08:00`, `2026/12/7 8:00`, `2026年12月7日 8:00`, `2026-12-07T08:00`, an
/// Excel serial with its fraction of a day, or a time alone (`07:30`, on `day`).
pub fn date_time(text: &str, day_of_time_alone: Day) -> Result<String, String> {
    let t = text.trim();
    let wrong = || format!("时间“{text}”看不懂：请写成 2026-12-07 08:00 或 2026年12月7日 8:00");
    if let Some(n) = serial(t) {
        let day = serial_day(n.trunc()).ok_or_else(wrong)?;
        let minutes = ((n.fract() * 1440.0).round() as i64).clamp(0, 1439);
        return Ok(format!("{day}T{:02}:{:02}", minutes / 60, minutes % 60));
    }
    // The time is the last part with a colon; the rest is the day.
    let cut = t
        .rfind(|c: char| c.is_whitespace() || c == 'T' || c == '日')
        .map(|i| i + t[i..].chars().next().map_or(1, char::len_utf8));
    let (day_part, time_part) = match cut {
        Some(i) if t[i..].contains([':', '：']) => {
            (t[..i].trim_end_matches('T').trim(), t[i..].trim())
        }
        _ if t.contains([':', '：']) => ("", t),
        _ => (t, ""),
    };
    let day = if day_part.is_empty() {
        day_of_time_alone
    } else {
        day(day_part).map_err(|_| wrong())?
    };
    if time_part.is_empty() {
        return Err(format!("“{text}”没有时间：请写成 2026-12-07 08:00"));
    }
    let (h, m) = time_part.split_once([':', '：']).ok_or_else(wrong)?;
    let h: u8 = h.trim().parse().map_err(|_| wrong())?;
    let m: u8 = m
        .trim()
        .get(..2)
        .unwrap_or(m.trim())
        .parse()
        .map_err(|_| wrong())?;
    if h > 23 || m > 59 {
        return Err(wrong());
    }
    Ok(format!("{day}T{h:02}:{m:02}"))
}

/// 单位类型 in words → `employer.kind`.
pub fn employer_kind(text: &str) -> Result<&'static str, String> {
    let t = text.trim().to_ascii_lowercase();
    let kinds: &[(&str, &[&str])] = &[
        ("company", &["企业", "公司", "单位", "company"]),
        (
            "individual",
            &["个人", "个体", "个体户", "个人雇主", "individual"],
        ),
        (
            "agency",
            &[
                "人力资源服务机构",
                "中介",
                "职业中介",
                "劳务派遣",
                "劳务公司",
                "agency",
            ],
        ),
        (
            "public",
            &["机关事业单位", "机关", "事业单位", "政府", "public"],
        ),
    ];
    kinds
        .iter()
        .find(|(_, words)| words.contains(&t.as_str()))
        .map(|(k, _)| *k)
        .ok_or_else(|| format!("单位类型“{text}”：请写企业、个人、人力资源服务机构或机关事业单位"))
}

/// 用工形式 in words → the posting's `kind`.
pub fn job_kind(text: &str) -> Result<&'static str, String> {
    let t = text.trim().to_ascii_lowercase();
    let kinds: &[(&str, &[&str])] = &[
        ("day", &["日结", "零工", "临时工", "临时", "day"]),
        ("part_time", &["非全日制", "小时工", "兼职", "part_time"]),
        ("piece", &["计件", "包活", "包工", "piece"]),
        ("full_time", &["全日制", "长期", "全职", "full_time"]),
    ];
    kinds
        .iter()
        .find(|(_, words)| words.contains(&t.as_str()))
        .map(|(k, _)| *k)
        .ok_or_else(|| format!("用工形式“{text}”：请写日结、非全日制、计件或全日制"))
}

/// 欢迎人群: any of the groups, separated by 、，,；; or spaces.
pub fn welcomes(text: &str) -> Result<Vec<&'static str>, String> {
    let groups: &[(&str, &[&str])] = &[
        ("older", &["大龄", "年龄较大", "大龄劳动者", "older"]),
        ("disabled", &["残疾人", "残障人士", "disabled"]),
        (
            "long_unemployed",
            &["长期失业", "长期失业人员", "long_unemployed"],
        ),
        ("low_income", &["低收入", "低收入人员", "low_income"]),
    ];
    text.split(['、', '，', ',', '；', ';', ' ', '/'])
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| {
            groups
                .iter()
                .find(|(_, words)| words.contains(&w))
                .map(|(g, _)| *g)
                .ok_or_else(|| format!("欢迎人群“{w}”：请写大龄、残疾人、长期失业或低收入"))
        })
        .collect()
}

/// 状态: `已招满` → `filled`, empty or 招聘中 → open (None).
pub fn status(text: &str) -> Result<Option<&'static str>, String> {
    match text.trim() {
        "" | "招聘中" | "在招" | "open" => Ok(None),
        "已招满" | "招满" | "满员" | "filled" => Ok(Some("filled")),
        other => Err(format!("状态“{other}”：已招满的写“已招满”，其余不填")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> String {
        day(s).map(|d| d.to_string()).unwrap_or_else(|e| e)
    }

    #[test]
    fn every_way_a_clerk_writes_a_day_means_that_day() {
        for s in [
            "2026-12-06",
            "2026/12/6",
            "2026.12.06",
            "2026年12月6日",
            "20261206",
            "46362",
        ] {
            assert_eq!(d(s), "2026-12-06", "{s}");
        }
        assert!(day("12月6日").is_err());
        assert!(day("2026-02-30").is_err());
        assert!(day("明天").is_err());
    }

    #[test]
    fn times_with_their_day_or_alone() {
        let on = day("2026-12-06").expect("day");
        for s in [
            "2026-12-07 08:00",
            "2026/12/7 8:00",
            "2026年12月7日 8:00",
            "2026-12-07T08:00",
            "2026年12月7日8:00",
        ] {
            assert_eq!(date_time(s, on).as_deref(), Ok("2026-12-07T08:00"), "{s}");
        }
        assert_eq!(date_time("07:30", on).as_deref(), Ok("2026-12-06T07:30"));
        assert_eq!(
            date_time("46363.3333333", on).as_deref(),
            Ok("2026-12-07T08:00")
        );
        assert!(
            date_time("2026-12-07", on).is_err(),
            "a day alone has no time"
        );
        assert!(date_time("25:00", on).is_err());
    }

    #[test]
    fn pay_with_or_without_its_unit_and_as_a_range() {
        let p = |s: &str| pay(s).expect(s);
        assert_eq!(
            p("150"),
            PayCell {
                min: 150.0,
                max: None,
                unit: None
            }
        );
        assert_eq!(
            p("150元/天"),
            PayCell {
                min: 150.0,
                max: None,
                unit: Some("day")
            }
        );
        assert_eq!(
            p("25-30元/小时"),
            PayCell {
                min: 25.0,
                max: Some(30.0),
                unit: Some("hour")
            }
        );
        assert_eq!(
            p("25～30元/时"),
            PayCell {
                min: 25.0,
                max: Some(30.0),
                unit: Some("hour")
            }
        );
        assert_eq!(
            p("3,000元/月"),
            PayCell {
                min: 3000.0,
                max: None,
                unit: Some("month")
            }
        );
        assert_eq!(p("3元/件").unit, Some("piece"));
        assert!(pay("面议").is_err());
        assert!(pay("150元/周").is_err());
        assert_eq!(pay_unit("日结"), Some("day"));
        assert_eq!(pay_unit("按小时"), Some("hour"));
    }

    #[test]
    fn yes_no_kinds_and_groups_in_words() {
        assert_eq!(yes_no("是"), Ok(Some(true)));
        assert_eq!(yes_no("否"), Ok(Some(false)));
        assert_eq!(yes_no("√"), Ok(Some(true)));
        assert_eq!(yes_no(""), Ok(None));
        assert!(yes_no("也许").is_err());
        assert_eq!(employer_kind("个人"), Ok("individual"));
        assert_eq!(job_kind("非全日制"), Ok("part_time"));
        assert_eq!(welcomes("大龄、残疾人"), Ok(vec!["older", "disabled"]));
        assert!(welcomes("学生").is_err());
        assert_eq!(status("已招满"), Ok(Some("filled")));
        assert_eq!(number("3人"), Ok(3.0));
    }
}
