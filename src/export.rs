//! `gigboard export postings|markets`: the sheet a bureau files with its reports. The
//! postings sheet has the import's columns (so a sheet exported can be corrected and
//! imported again) and a second sheet counting postings and workers wanted by market and
//! category; the market directory is the columns of `/markets.csv`. Every cell is
//! written as text (`sheets`): nothing in a sheet runs as a formula.

use crate::load::SiteRoot;
use crate::load::records::RawPosting;
use crate::sheets::columns::{COLUMNS, Field};
use crate::sheets::{self, NewSheet};
use crate::words::scalars::Day;
use crate::words::{EmployerKind, JobKind, PayUnit, PostingStatus};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

pub struct ExportOptions {
    pub root: PathBuf,
    pub out: PathBuf,
    /// Postings posted from this day on (with `to`: a period, archived feeds included);
    /// neither: the postings live today.
    pub from: Option<Day>,
    pub to: Option<Day>,
    pub date: Option<Day>,
}

/// What was written.
pub struct Exported {
    pub rows: usize,
}

fn site_or_errors(root: &Path, date: Option<Day>) -> Result<crate::model::Site, String> {
    let overrides = crate::Overrides {
        date,
        base_url: None,
    };
    match crate::check(root, &overrides) {
        (Some(site), _) => Ok(site),
        (None, diags) => Err(crate::msg!(
            crate::diag::catalogue::start::EXPORT_HAS_ERRORS,
            errors = diags.error_count()
        )
        .zh),
    }
}

/// `export postings`.
pub fn postings(opts: &ExportOptions) -> Result<Exported, String> {
    let site = site_or_errors(&opts.root, opts.date)?;
    let names: BTreeMap<&str, &str> = site
        .markets
        .iter()
        .map(|m| (m.id.as_str(), m.name.as_str()))
        .collect();
    let labels: BTreeMap<&str, &str> = site
        .categories
        .iter()
        .map(|c| (c.slug.as_str(), c.label.as_str()))
        .collect();
    let period = opts.from.is_some() || opts.to.is_some();
    let live: HashSet<&str> = site.postings.iter().map(|p| p.id.as_str()).collect();
    let mut chosen: Vec<(String, RawPosting)> = Vec::new();
    let root = SiteRoot {
        root: opts.root.clone(),
    };
    let mut folders = vec![root.content().join("jobs")];
    if period {
        folders.push(root.content().join("archive"));
    }
    let mut files: Vec<PathBuf> = folders
        .iter()
        .flat_map(|dir| {
            walkdir::WalkDir::new(dir)
                .into_iter()
                .filter_map(Result::ok)
        })
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "yaml"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    for file in files {
        let mut diags = crate::diag::Diagnostics::default();
        let Some(feed) = crate::load::feed(&root, &file, &mut diags) else {
            continue;
        };
        for (_, _, raw) in feed.postings {
            let keep = if period {
                opts.from.is_none_or(|f| raw.posted >= f) && opts.to.is_none_or(|t| raw.posted <= t)
            } else {
                live.contains(raw.id.as_str())
            };
            if keep {
                let market = raw
                    .market
                    .clone()
                    .or_else(|| feed.header.market.clone())
                    .unwrap_or_default();
                chosen.push((market, raw));
            }
        }
    }
    chosen.sort_by(|a, b| (&a.0, a.1.posted, &a.1.id).cmp(&(&b.0, b.1.posted, &b.1.id)));
    let rows: Vec<Vec<String>> = chosen
        .iter()
        .map(|(market, p)| {
            COLUMNS
                .iter()
                .map(|c| {
                    cell(
                        c.field,
                        p,
                        names.get(market.as_str()).copied().unwrap_or(market),
                        &labels,
                    )
                })
                .collect()
        })
        .collect();
    let mut counts: BTreeMap<(String, String), (usize, u32)> = BTreeMap::new();
    for (market, p) in &chosen {
        let key = (
            names
                .get(market.as_str())
                .copied()
                .unwrap_or(market)
                .to_string(),
            labels
                .get(p.category.as_str())
                .copied()
                .unwrap_or(&p.category)
                .to_string(),
        );
        let entry = counts.entry(key).or_default();
        entry.0 += 1;
        entry.1 += p.headcount;
    }
    let mut summary: Vec<Vec<String>> = counts
        .iter()
        .map(|((m, c), (n, h))| vec![m.clone(), c.clone(), n.to_string(), h.to_string()])
        .collect();
    summary.push(vec![
        "合计".into(),
        String::new(),
        chosen.len().to_string(),
        chosen
            .iter()
            .map(|(_, p)| p.headcount)
            .sum::<u32>()
            .to_string(),
    ]);
    let n = rows.len();
    let sheets = [
        NewSheet {
            name: "岗位".into(),
            header: COLUMNS.iter().map(|c| c.header.to_string()).collect(),
            rows,
            widths: COLUMNS.iter().map(|c| c.width).collect(),
        },
        NewSheet {
            name: "统计".into(),
            header: ["所属市场", "工种", "岗位数", "招聘人数"]
                .map(String::from)
                .to_vec(),
            rows: summary,
            widths: vec![26.0, 14.0, 10.0, 10.0],
        },
    ];
    sheets::write(&opts.out, &sheets).map_err(|e| e.to_string())?;
    Ok(Exported { rows: n })
}

/// A posting's cell in the words the import reads back.
fn cell(field: Field, p: &RawPosting, market: &str, labels: &BTreeMap<&str, &str>) -> String {
    let yes_no = |b: Option<bool>| match b {
        Some(true) => "是".to_string(),
        Some(false) => "否".to_string(),
        None => String::new(),
    };
    let conditions = p.conditions.clone().unwrap_or_default();
    let n = sheets::number_text;
    match field {
        Field::Id => p.id.clone(),
        Field::Title => p.title.clone(),
        Field::Category => labels
            .get(p.category.as_str())
            .copied()
            .unwrap_or(&p.category)
            .to_string(),
        Field::Employer => p.employer.name.clone(),
        Field::EmployerKind => match p.employer.kind {
            EmployerKind::Company => "企业",
            EmployerKind::Individual => "个人",
            EmployerKind::Agency => "人力资源服务机构",
            EmployerKind::Public => "机关事业单位",
        }
        .into(),
        Field::CreditCode => p.employer.credit_code.clone().unwrap_or_default(),
        Field::Licence => p.employer.licence.clone().unwrap_or_default(),
        Field::Pay => {
            let unit = match p.pay.unit {
                PayUnit::Hour => "元/小时",
                PayUnit::Day => "元/天",
                PayUnit::Piece => "元/件",
                PayUnit::Month => "元/月",
            };
            match (p.pay.amount, p.pay.min, p.pay.max) {
                (Some(a), _, _) => format!("{}{unit}", n(a)),
                (None, Some(lo), Some(hi)) => format!("{}-{}{unit}", n(lo), n(hi)),
                (None, Some(lo), None) => format!("{}{unit}", n(lo)),
                (None, None, Some(hi)) => format!("{}{unit}", n(hi)),
                (None, None, None) => String::new(),
            }
        }
        Field::PayMin | Field::PayMax | Field::PayUnit => String::new(),
        Field::Headcount => p.headcount.to_string(),
        Field::Kind => match p.kind {
            JobKind::Day => "日结",
            JobKind::PartTime => "非全日制",
            JobKind::Piece => "计件",
            JobKind::FullTime => "全日制",
        }
        .into(),
        Field::Start => p.start.map(|t| clock_text(t.0)).unwrap_or_default(),
        Field::End => p.end.map(|t| clock_text(t.0)).unwrap_or_default(),
        Field::Posted => p.posted.to_string(),
        Field::Expires => p.expires.to_string(),
        Field::Place => p
            .location
            .as_ref()
            .and_then(|l| l.address.clone())
            .unwrap_or_default(),
        Field::ContactName => p
            .contact
            .as_ref()
            .and_then(|c| c.name.clone())
            .unwrap_or_default(),
        Field::Phone => p
            .contact
            .as_ref()
            .map(|c| c.phone.clone())
            .unwrap_or_default(),
        Field::Requirements => p.requirements.clone().unwrap_or_default(),
        Field::Body => p.body.clone().unwrap_or_default(),
        Field::QuickHire => yes_no(Some(p.quick_hire)),
        Field::Welcomes => p
            .welcomes
            .iter()
            .map(|w| match w.key() {
                "older" => "大龄",
                "disabled" => "残疾人",
                "long_unemployed" => "长期失业",
                _ => "低收入",
            })
            .collect::<Vec<_>>()
            .join("、"),
        Field::Meals => yes_no(conditions.meals),
        Field::Lodging => yes_no(conditions.lodging),
        Field::Transport => yes_no(conditions.transport),
        Field::SafetyGear => yes_no(conditions.safety_gear),
        Field::WorkHours => conditions.hours.clone().unwrap_or_default(),
        Field::VerifiedBy => p
            .verified
            .as_ref()
            .map(|v| v.by.clone())
            .unwrap_or_default(),
        Field::VerifiedOn => p
            .verified
            .as_ref()
            .map(|v| v.on.to_string())
            .unwrap_or_default(),
        Field::Market => market.to_string(),
        Field::Source => p.source.clone().unwrap_or_default(),
        Field::Status => match p.status {
            PostingStatus::Filled => "已招满".into(),
            PostingStatus::Open => String::new(),
        },
    }
}

/// `2026-12-07 08:00`, as a clerk writes a time.
fn clock_text(t: jiff::civil::DateTime) -> String {
    format!("{} {:02}:{:02}", t.date(), t.hour(), t.minute())
}

/// `export markets`: the market directory, as `/markets.csv` has it.
pub fn markets(opts: &ExportOptions) -> Result<Exported, String> {
    let site = site_or_errors(&opts.root, opts.date)?;
    let theme_dir = site
        .theme
        .as_ref()
        .map(|name| opts.root.join("themes").join(name));
    let theme = crate::theme_files::Theme::load(theme_dir.as_deref()).map_err(|e| e.to_string())?;
    let t = crate::words::i18n::Strings::load(&theme.i18n, "zh-CN")?;
    let views: Vec<_> = site
        .markets
        .iter()
        .map(|m| crate::views::MarketView::new(&site, m, &t))
        .collect();
    let (header, rows) = crate::outputs::directory::table(&site, &views);
    let n = rows.len();
    let widths = header
        .iter()
        .map(|h| if h.chars().count() > 3 { 18.0 } else { 12.0 })
        .collect();
    sheets::write(
        &opts.out,
        &[NewSheet {
            name: "零工市场名录".into(),
            header: header.iter().map(|h| h.to_string()).collect(),
            rows,
            widths,
        }],
    )
    .map_err(|e| e.to_string())?;
    Ok(Exported { rows: n })
}
