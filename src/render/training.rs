//! `/training/` and one page per programme. The facts a worker decides on come first
//! and large: what it costs them (免费 when nothing), the 培训补贴 and 生活费补贴, who
//! qualifies, how to enrol and a number to call — the plan asks markets to publish
//! exactly these ("及时推送培训项目…落实职业培训补贴和培训期间生活费补贴").

use super::Renderer;
use crate::model::events::Training;
use crate::views::{self, HotlineView};
use crate::words::HotlineKind;
use crate::words::scalars::Day;
use serde::Serialize;

use super::families::Files;

pub fn training_path(id: &str) -> String {
    format!("training/{id}/index.html")
}

/// Yuan without trailing zeros.
fn yuan(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.2}").trim_end_matches('0').to_string()
    }
}

fn day(r: &Renderer<'_>, d: Day) -> String {
    super::events::date_text(r, d.0, false)
}

#[derive(Serialize)]
struct TrainingCard<'a> {
    id: &'a str,
    path: String,
    title: &'a str,
    trade: &'a str,
    provider: &'a str,
    /// 免费, or the amount in yuan.
    cost: String,
    free: bool,
    dates: String,
    start_iso: String,
    place: String,
    /// One line: 培训补贴 … · 生活费补贴 ….
    subsidy: Option<String>,
    current: bool,
}

impl<'a> TrainingCard<'a> {
    fn new(r: &Renderer<'a>, p: &'a Training) -> Self {
        let market = p.market.map(|m| &r.site.markets[m]);
        let place = match (market, &p.address) {
            (Some(m), Some(a)) => format!("{a} · {}", m.name),
            (Some(m), None) => m.name.clone(),
            (None, Some(a)) => a.clone(),
            (None, None) => String::new(),
        };
        let parts: Vec<String> = [
            p.subsidy_training.map(|a| {
                format!(
                    "{} {} {}",
                    r.t.get("training_subsidy"),
                    yuan(a),
                    r.t.get("yuan_per_person")
                )
            }),
            p.subsidy_living.map(|a| {
                format!(
                    "{} {} {}",
                    r.t.get("training_living"),
                    yuan(a),
                    r.t.get("yuan_per_day")
                )
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        TrainingCard {
            id: &p.id,
            path: training_path(&p.id),
            title: &p.title,
            trade: &p.trade,
            provider: &p.provider,
            cost: if p.cost == 0.0 {
                r.t.get("training_free").to_string()
            } else {
                format!("{} {}", yuan(p.cost), r.t.get("yuan"))
            },
            free: p.cost == 0.0,
            dates: format!("{} – {}", day(r, p.start), day(r, p.end)),
            start_iso: p.start.to_string(),
            place,
            subsidy: (!parts.is_empty()).then(|| parts.join(" · ")),
            current: p.is_current(r.site.today),
        }
    }
}

#[derive(Serialize)]
struct TrainingIndex<'a> {
    current: Vec<TrainingCard<'a>>,
    past: Vec<TrainingCard<'a>>,
}

#[derive(Serialize)]
struct TrainingPage<'a> {
    c: TrainingCard<'a>,
    subsidy_training: Option<String>,
    subsidy_living: Option<String>,
    who: Option<&'a str>,
    enrol: &'a str,
    contact_name: Option<&'a str>,
    phone: Option<&'a str>,
    tel: Option<String>,
    schedule: Option<&'a str>,
    duration: Option<&'a str>,
    market: Option<&'a views::MarketView<'a>>,
    address: Option<&'a str>,
    /// The market's training line (培训咨询), when it has one.
    hotlines: Vec<HotlineView<'a>>,
    description_html: Option<std::borrow::Cow<'a, str>>,
}

pub fn pages(r: &Renderer<'_>) -> Files {
    let site = r.site;
    let (current, past): (Vec<&Training>, Vec<&Training>) =
        site.training.iter().partition(|p| p.is_current(site.today));
    let mut past = past;
    past.sort_by(|a, b| (b.start, &a.id).cmp(&(a.start, &b.id)));
    let index = TrainingIndex {
        current: current
            .into_iter()
            .map(|p| TrainingCard::new(r, p))
            .collect(),
        past: past.into_iter().map(|p| TrainingCard::new(r, p)).collect(),
    };
    let mut out = vec![r.page(
        "trainings.html",
        "training/index.html",
        r.t.get("training_title"),
        Some(r.t.get("training_intro")),
        &index,
    )?];
    for p in &site.training {
        let market = p.market.map(|m| &site.markets[m]);
        // The market's training line, unless it is the number the page already shows.
        let contact_tel = p.contact_phone.as_deref().map(views::tel);
        let training_lines: Vec<_> = market
            .map(|m| {
                m.hotlines
                    .iter()
                    .filter(|h| {
                        h.kind == HotlineKind::Training
                            && Some(views::tel(&h.number)) != contact_tel
                    })
                    .cloned()
                    .collect()
            })
            .unwrap_or_default();
        let data = TrainingPage {
            c: TrainingCard::new(r, p),
            subsidy_training: p.subsidy_training.map(yuan),
            subsidy_living: p.subsidy_living.map(yuan),
            who: p.subsidy_who.as_deref(),
            enrol: &p.enrol,
            contact_name: p.contact_name.as_deref(),
            phone: p.contact_phone.as_deref(),
            tel: contact_tel.clone(),
            schedule: p.schedule.as_deref(),
            duration: p.duration.as_deref(),
            market: p.market.map(|m| &r.markets[m]),
            address: p.address.as_deref(),
            hotlines: views::hotlines(&training_lines, r.t),
            description_html: p
                .description_html
                .as_deref()
                .map(|h| r.content_html(h, &training_path(&p.id))),
        };
        let summary = format!("{} · {} · {}", data.c.cost, data.c.dates, data.c.place);
        out.push(r.page(
            "training.html",
            &training_path(&p.id),
            &p.title,
            Some(&summary),
            &data,
        )?);
    }
    Ok(out)
}
