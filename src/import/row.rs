//! One row of a postings sheet as a posting block: each cell read as a clerk means it
//! (`cells.rs`) into the YAML field it fills, remembering the column each field came from
//! (so that `check`'s findings can be reported at the cell), or what is wrong with the
//! row's cells.

use super::{Draft, ImportOptions, Row, SiteFacts, cells, feed};
use crate::sheets::columns::{self, Field};
use crate::words::scalars::Day;

pub(super) type CellErrors = Vec<(Option<usize>, String)>;

/// One row as a posting block, or what is wrong with its cells.
pub(super) fn draft(
    row: &Row<'_>,
    opts: &ImportOptions,
    site: &SiteFacts,
    default_day: &str,
) -> Result<Draft, CellErrors> {
    let mut errors: CellErrors = Vec::new();
    let text = |f: Field| row.get(f).map(|(c, v)| (c, v.trim()));
    let q = feed::quoted;
    // Where and when: the market and the posting day decide the file.
    let market = match text(Field::Market) {
        Some((c, v)) => match site.market(v) {
            Some(id) => Some(id.to_string()),
            None => {
                errors.push((
                    Some(c),
                    format!("没有叫“{v}”的零工市场：请写 content/markets/ 里市场的名称或编号"),
                ));
                None
            }
        },
        None => match &opts.market {
            Some(m) => Some(m.clone()),
            None => {
                errors.push((
                    row.cells.get(&Field::Market).map(|(c, _)| *c),
                    "所属市场没有填：请填写市场的名称或编号，或导入时用 --market 指定".into(),
                ));
                None
            }
        },
    };
    let posted = match text(Field::Posted) {
        Some((c, v)) => match cells::day(v) {
            Ok(d) => d.to_string(),
            Err(e) => {
                errors.push((Some(c), e));
                default_day.to_string()
            }
        },
        None => default_day.to_string(),
    };
    let posted_day = cells::day(&posted).unwrap_or(Day(jiff::civil::date(2000, 1, 1)));
    let title = text(Field::Title).map(|(_, v)| v).unwrap_or("");
    let employer = text(Field::Employer).map(|(_, v)| v).unwrap_or("");
    let market_id = market.clone().unwrap_or_default();
    let (id, id_col) = match text(Field::Id) {
        Some((c, v)) => (v.to_string(), Some(c)),
        None => (feed::stable_id(&market_id, &posted, title, employer), None),
    };
    let mut b = feed::Block::new(&id, id_col);
    let category = match text(Field::Category) {
        Some((c, v)) => match site.category(v) {
            Some(slug) => Some(q(slug)),
            None => {
                errors.push((
                    Some(c),
                    format!(
                        "工种“{v}”不是网站上的工种：请写其中之一：{}",
                        site.category_labels()
                    ),
                ));
                None
            }
        },
        None => None,
    };
    let mut required =
        |f: Field, b: &mut feed::Block, key: &str, value: Option<String>| match (row.get(f), value)
        {
            (Some((c, _)), Some(v)) => b.field(key, &v, Some(c)),
            (None, _) => errors.push((
                row.cells.get(&f).map(|(c, _)| *c),
                format!("{}没有填", columns::of(f).header),
            )),
            _ => {}
        };
    required(Field::Title, &mut b, "title", Some(q(title)));
    required(Field::Category, &mut b, "category", category);
    // employer: {name, kind, credit_code, licence}
    let mut employer_parts = Vec::new();
    match text(Field::Employer) {
        Some((c, v)) => employer_parts.push(("name", q(v), Some(c))),
        None => errors.push((
            row.cells.get(&Field::Employer).map(|(c, _)| *c),
            "用工单位没有填".into(),
        )),
    }
    if let Some((c, v)) = text(Field::EmployerKind) {
        match cells::employer_kind(v) {
            Ok(k) => employer_parts.push(("kind", k.to_string(), Some(c))),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::CreditCode) {
        employer_parts.push(("credit_code", q(v), Some(c)));
    }
    if let Some((c, v)) = text(Field::Licence) {
        employer_parts.push(("licence", q(v), Some(c)));
    }
    b.map("employer", &employer_parts);
    pay(row, &mut b, &mut errors);
    if let Some((c, v)) = text(Field::Headcount) {
        match cells::number(v) {
            Ok(n) => b.field("headcount", &feed::number(n), Some(c)),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::Place) {
        b.map("location", &[("address", q(v), Some(c))]);
    }
    for (f, key) in [(Field::Start, "start"), (Field::End, "end")] {
        if let Some((c, v)) = text(f) {
            match cells::date_time(v, posted_day) {
                Ok(t) => b.field(key, &q(&t), Some(c)),
                Err(e) => errors.push((Some(c), e)),
            }
        }
    }
    b.field("posted", &posted, row.get(Field::Posted).map(|(c, _)| c));
    match text(Field::Expires) {
        Some((c, v)) => match cells::day(v) {
            Ok(d) => b.field("expires", &d.to_string(), Some(c)),
            Err(e) => errors.push((Some(c), e)),
        },
        None => errors.push((
            row.cells.get(&Field::Expires).map(|(c, _)| *c),
            "截止日期没有填：过了这一天岗位不再发布".into(),
        )),
    }
    if let Some((c, v)) = text(Field::QuickHire) {
        match cells::yes_no(v) {
            Ok(Some(yes)) => b.field("quick_hire", &yes.to_string(), Some(c)),
            Ok(None) => {}
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::Kind) {
        match cells::job_kind(v) {
            Ok(k) => b.field("kind", k, Some(c)),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    let mut contact = Vec::new();
    if let Some((c, v)) = text(Field::ContactName) {
        contact.push(("name", q(v), Some(c)));
    }
    if let Some((c, v)) = text(Field::Phone) {
        contact.push(("phone", q(v), Some(c)));
    } else if !contact.is_empty() {
        errors.push((
            row.cells.get(&Field::Phone).map(|(c, _)| *c),
            "有联系人却没有联系电话".into(),
        ));
    }
    b.map("contact", &contact);
    for (f, key) in [(Field::Requirements, "requirements")] {
        if let Some((c, v)) = text(f) {
            b.field(key, &q(v), Some(c));
        }
    }
    if let Some((c, v)) = text(Field::Welcomes) {
        match cells::welcomes(v) {
            Ok(groups) => b.field("welcomes", &format!("[{}]", groups.join(", ")), Some(c)),
            Err(e) => errors.push((Some(c), e)),
        }
    }
    let mut conditions = Vec::new();
    for (f, key) in [
        (Field::Meals, "meals"),
        (Field::Lodging, "lodging"),
        (Field::Transport, "transport"),
        (Field::SafetyGear, "safety_gear"),
    ] {
        if let Some((c, v)) = text(f) {
            match cells::yes_no(v) {
                Ok(Some(yes)) => conditions.push((key, yes.to_string(), Some(c))),
                Ok(None) => {}
                Err(e) => errors.push((Some(c), e)),
            }
        }
    }
    if let Some((c, v)) = text(Field::WorkHours) {
        conditions.push(("hours", q(v), Some(c)));
    }
    b.map("conditions", &conditions);
    match (text(Field::VerifiedBy), text(Field::VerifiedOn)) {
        (Some((cb, by)), Some((co, on))) => match cells::day(on) {
            Ok(d) => b.map(
                "verified",
                &[("by", q(by), Some(cb)), ("on", d.to_string(), Some(co))],
            ),
            Err(e) => errors.push((Some(co), e)),
        },
        (Some((cb, by)), None) => b.map(
            "verified",
            &[("by", q(by), Some(cb)), ("on", posted.clone(), Some(cb))],
        ),
        (None, Some((co, _))) => errors.push((Some(co), "有审核日期却没有审核人".into())),
        (None, None) => {}
    }
    if let Some((c, v)) = text(Field::Status) {
        match cells::status(v) {
            Ok(Some(s)) => b.field("status", s, Some(c)),
            Ok(None) => {}
            Err(e) => errors.push((Some(c), e)),
        }
    }
    if let Some((c, v)) = text(Field::Source) {
        b.field("source", &q(v), Some(c));
    }
    if let Some((c, v)) = text(Field::Body) {
        b.field("body", &q(v), Some(c));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Draft {
        sheet: row.sheet.to_string(),
        sheet_index: 0,
        row: row.number,
        headers: Vec::new(),
        market: market.unwrap_or_default(),
        day: posted,
        block: b,
    })
}

/// `pay:` from 工资 (with or without its unit, or a range), 工资下限/上限 and 计薪方式.
fn pay(row: &Row<'_>, b: &mut feed::Block, errors: &mut CellErrors) {
    let unit_col = row.get(Field::PayUnit).map(|(c, _)| c);
    let mut unit = None;
    if let Some((c, v)) = row.get(Field::PayUnit) {
        match cells::pay_unit(v) {
            Some(u) => unit = Some(u),
            None => errors.push((
                Some(c),
                format!("计薪方式“{}”：请写按小时、按天、计件或按月", v.trim()),
            )),
        }
    }
    let mut parts: Vec<(&str, String, Option<usize>)> = Vec::new();
    let mut unit_from = unit_col;
    let unread = errors.len();
    if let Some((c, v)) = row.get(Field::Pay) {
        match cells::pay(v) {
            Ok(p) => {
                if let Some(u) = p.unit {
                    if unit.is_some_and(|given| given != u) {
                        errors.push((Some(c), format!("工资“{}”和计薪方式不一致", v.trim())));
                    }
                    if unit.is_none() {
                        unit = Some(u);
                        unit_from = Some(c);
                    }
                }
                match p.max {
                    Some(max) => {
                        parts.push(("min", feed::number(p.min), Some(c)));
                        parts.push(("max", feed::number(max), Some(c)));
                    }
                    None => parts.push(("amount", feed::number(p.min), Some(c))),
                }
            }
            Err(e) => errors.push((Some(c), e)),
        }
    } else {
        for (f, key) in [(Field::PayMin, "min"), (Field::PayMax, "max")] {
            if let Some((c, v)) = row.get(f) {
                match cells::number(v) {
                    Ok(n) => parts.push((key, feed::number(n), Some(c))),
                    Err(e) => errors.push((Some(c), e)),
                }
            }
        }
    }
    if parts.is_empty() {
        if errors.len() > unread {
            return;
        }
        errors.push((
            row.cells.get(&Field::Pay).map(|(c, _)| *c),
            "工资没有填：写 150元/天，或填工资下限、工资上限".into(),
        ));
        return;
    }
    match unit {
        Some(u) => parts.push(("unit", u.to_string(), unit_from)),
        None => errors.push((
            row.cells
                .get(&Field::PayUnit)
                .or(row.cells.get(&Field::Pay))
                .map(|(c, _)| *c),
            "不知道工资是按什么算的：在计薪方式里写按天、按小时、计件或按月，或在工资里写“元/天”"
                .into(),
        )),
    }
    b.map("pay", &parts);
}
