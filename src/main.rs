//! The `gigboard` binary: parse the command line, run one command, print, exit.
//! Exit codes: 0 all good, 1 content problems, 2 usage or I/O errors.

use clap::Parser;
use gigboard::cli::{
    ArchiveArgs, BuildArgs, CheckArgs, Cli, Command, ExportArgs, ExportWhat, Format, I18nCommand,
    ImportArgs, InitArgs, InitRegion, NewCommand, SheetFormat, SiteArgs,
};
use gigboard::diag::catalogue::run as says;
use gigboard::diag::{Diagnostic, Lang, Msg, Severity};
use gigboard::msg;
use gigboard::words::scalars::Day;
use gigboard::{BuildError, BuildOptions, Overrides};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = gigboard::message_lang(cli.command.root(), cli.lang.as_deref());
    let result = match cli.command {
        Command::Build(args) => build(args, lang),
        Command::Check(args) => check(args, lang),
        Command::Init(args) => init(args, lang),
        Command::New(cmd) => new(cmd, lang),
        Command::I18n(cmd) => i18n(cmd, lang),
        Command::Archive(args) => archive(args, lang),
        Command::Import(args) => import(args, lang),
        Command::Export(args) => export(args, lang),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve(args, lang),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            say(lang, msg!(says::ERROR, message = message));
            ExitCode::from(2)
        }
    }
}

/// A message as the text of a command's error, in the run's language.
fn shown(lang: Lang) -> impl Fn(Msg) -> String {
    move |m| m.text(lang).to_string()
}

/// One line (or a few) to the editor, in the run's language.
fn say(lang: Lang, m: Msg) {
    eprintln!("{}", m.text(lang));
}

/// A date given on the command line (`--date`, `--before` …).
fn day_arg(flag: &str, value: &str, lang: Lang) -> Result<Day, String> {
    Day::parse(value).map_err(|e| {
        msg!(says::BAD_DATE, flag = flag, value = value, problem = e)
            .text(lang)
            .to_string()
    })
}

/// `--date`, when given.
fn date_arg(site: &SiteArgs, lang: Lang) -> Result<Option<Day>, String> {
    site.date
        .as_deref()
        .map(|d| day_arg("--date", d, lang))
        .transpose()
}

fn overrides(site: &SiteArgs, lang: Lang) -> Result<Overrides, String> {
    let date = date_arg(site, lang)?;
    if !site.root.is_dir() {
        let m = msg!(says::NO_ROOT, dir = site.root.display());
        return Err(m.text(lang).to_string());
    }
    Ok(Overrides {
        date,
        base_url: None,
    })
}

fn print_human(diags: &[Diagnostic], lang: Lang) {
    for d in diags {
        eprintln!("{}", d.display(lang));
    }
}

fn count(diags: &[Diagnostic], severity: Severity) -> usize {
    diags.iter().filter(|d| d.severity == severity).count()
}

fn check(args: CheckArgs, lang: Lang) -> Result<ExitCode, String> {
    let overrides = overrides(&args.site, lang)?;
    if args.fix {
        for c in gigboard::fix::encodings(&args.site.root)? {
            say(
                lang,
                msg!(
                    says::FIXED_GBK,
                    file = c.file.display(),
                    copy = c.copy.display()
                ),
            );
        }
    }
    let (summary, diags) = gigboard::check_remembering(&args.site.root, &overrides);
    let diags = diags.sorted();
    let (errors, warnings) = (
        count(&diags, Severity::Error),
        count(&diags, Severity::Warning),
    );
    match args.format {
        Format::Json => {
            let shown: Vec<serde_json::Value> = diags.iter().map(|d| d.json(lang)).collect();
            let report =
                serde_json::json!({"errors": errors, "warnings": warnings, "diagnostics": shown});
            println!(
                "{}",
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
            );
        }
        Format::Human => {
            print_human(&diags, lang);
            match &summary {
                Some(s) => {
                    let unchanged = if s.feeds_unchanged > 0 {
                        msg!(says::UNCHANGED, same = s.feeds_unchanged, feeds = s.feeds)
                    } else {
                        Msg::empty()
                    };
                    let line = msg!(
                        says::CHECKED,
                        markets = s.markets,
                        postings = s.stats.postings_total,
                        live = s.live,
                        expired = s.stats.expired,
                        filled = filled_text(s.stats.filled),
                        unverified = s.stats.unverified,
                        errors = errors,
                        warnings = warnings,
                        unchanged = unchanged
                    );
                    say(lang, line);
                }
                None => say(
                    lang,
                    msg!(says::CHECK_FAILED, errors = errors, warnings = warnings),
                ),
            }
        }
    }
    let failed = errors > 0 || (args.deny_warnings && warnings > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn build(args: BuildArgs, lang: Lang) -> Result<ExitCode, String> {
    let started = Instant::now();
    let mut overrides = overrides(&args.site, lang)?;
    overrides.base_url = args.base_url.clone();
    let output = args
        .output
        .clone()
        .unwrap_or_else(|| args.site.root.join("output"));
    let opts = BuildOptions {
        root: args.site.root.clone(),
        output,
        overrides,
        minify: !args.no_minify,
    };
    let progress = Progress::after(
        Duration::from_secs(1),
        says::BUILDING.msg().text(lang).to_string(),
    );
    let result = gigboard::build(&opts);
    drop(progress);
    match result {
        Ok(report) => {
            let warnings = report.warnings.len();
            let hint = if warnings > 0 {
                says::WARNINGS_HINT.msg()
            } else {
                Msg::empty()
            };
            let line = msg!(
                says::BUILT,
                pages = report.pages,
                files = report.files,
                output = report.output.display(),
                secs = format!("{:.2}", started.elapsed().as_secs_f64()),
                live = report.live,
                expired = report.stats.expired,
                filled = filled_text(report.stats.filled),
                unverified = report.stats.unverified,
                warnings = warnings,
                hint = hint
            );
            say(lang, line);
            if args.timings {
                print_timings(&report, started.elapsed());
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(BuildError::Content(diags)) => {
            print_human(&diags, lang);
            let (errors, warnings) = (
                count(&diags, Severity::Error),
                count(&diags, Severity::Warning),
            );
            let line = msg!(
                says::BUILD_STOPPED,
                errors = errors,
                warnings = warnings,
                output = opts.output.display()
            );
            say(lang, line);
            Ok(ExitCode::from(1))
        }
        Err(e @ BuildError::Render(_)) => {
            let line = msg!(
                says::BUILD_STOPPED_OTHER,
                problem = e,
                output = opts.output.display()
            );
            say(lang, line);
            Ok(ExitCode::from(1))
        }
        Err(BuildError::Output(e)) => Err(e.message().text(lang).to_string()),
        Err(e @ (BuildError::Io(_) | BuildError::Read { .. })) => {
            let line = msg!(
                says::BUILD_STOPPED_OTHER,
                problem = e,
                output = opts.output.display()
            );
            Err(line.text(lang).to_string())
        }
    }
}

#[cfg(feature = "serve")]
fn serve(args: gigboard::cli::ServeArgs, lang: Lang) -> Result<ExitCode, String> {
    let overrides = overrides(&args.site, lang)?;
    gigboard::serve::run(gigboard::serve::ServeOptions {
        root: args.site.root.clone(),
        overrides,
        bind: args.bind,
        port: args.port,
        minify: !args.no_minify,
        open: args.open,
        idle: Duration::from_secs(args.idle_timeout.max(1)),
        lang,
    })
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// The site's "today" for `init` and `new`: --date, else site.yaml's pinned `date:`,
/// else today in the site's time zone.
fn today(site: &SiteArgs, lang: Lang) -> Result<Day, String> {
    Ok(gigboard::site_today(&site.root, date_arg(site, lang)?))
}

fn init(args: InitArgs, lang: Lang) -> Result<ExitCode, String> {
    use gigboard::scaffold::Scope;
    let scope = match (args.county, args.league) {
        (Some(county), _) => Scope::County(county),
        (None, Some(league)) => Scope::League(league),
        (None, None) if args.region == InitRegion::InnerMongolia => Scope::WholeRegion,
        (None, None) => Scope::FirstLeague,
    };
    let files = gigboard::scaffold::init(&args.dir, &scope).map_err(shown(lang))?;
    for f in &files {
        say(lang, msg!(says::WROTE, file = f.display()));
    }
    say(lang, msg!(says::INIT_DONE, dir = args.dir.display()));
    Ok(ExitCode::SUCCESS)
}

fn new(cmd: NewCommand, lang: Lang) -> Result<ExitCode, String> {
    match cmd {
        NewCommand::Posting { market, feed, site } => {
            let (path, id) = gigboard::scaffold::new_posting(
                &site.root,
                &market,
                feed.as_deref(),
                today(&site, lang)?,
            )
            .map_err(shown(lang))?;
            println!("{}", path.display());
            say(
                lang,
                msg!(says::NEW_POSTING, id = id, file = path.display()),
            );
        }
        NewCommand::Sheet { market, out, site } => {
            let path = out.unwrap_or_else(|| {
                gigboard::import::template::default_path(&site.root, market.as_deref())
            });
            gigboard::import::template::write(&site.root, &path, market.as_deref())?;
            println!("{}", path.display());
            say(lang, msg!(says::NEW_SHEET, file = path.display()));
        }
        NewCommand::Market { county, id, site } => {
            let path = gigboard::scaffold::new_market(&site.root, &county, id.as_deref())
                .map_err(shown(lang))?;
            println!("{}", path.display());
            say(lang, msg!(says::NEW_MARKET, file = path.display()));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn archive(args: ArchiveArgs, lang: Lang) -> Result<ExitCode, String> {
    let before = match args.before.as_deref() {
        Some(d) => day_arg("--before", d, lang)?,
        None => today(&args.site, lang)?,
    };
    let report = gigboard::archive::archive(&args.site.root, before, args.dry_run)?;
    let moving = if args.dry_run {
        says::ARCHIVE_WOULD_MOVE
    } else {
        says::ARCHIVE_MOVED
    };
    for m in &report.moved {
        let line = msg!(
            moving,
            from = m.from.display(),
            to = m.to.display(),
            postings = m.postings
        );
        say(lang, line);
    }
    for k in &report.kept {
        eprintln!("{}", gigboard::diag::printable(k));
    }
    let summary = if args.dry_run {
        says::WOULD_ARCHIVE
    } else {
        says::ARCHIVED
    };
    say(
        lang,
        msg!(
            summary,
            moved = report.moved.len(),
            before = before,
            kept = report.kept.len()
        ),
    );
    Ok(ExitCode::SUCCESS)
}

fn export(args: ExportArgs, lang: Lang) -> Result<ExitCode, String> {
    let day = |flag: &str, d: &Option<String>| -> Result<Option<Day>, String> {
        d.as_deref().map(|d| day_arg(flag, d, lang)).transpose()
    };
    let date = day("--date", &args.site.date)?;
    let today = gigboard::site_today(&args.site.root, date);
    let ext = match args.format {
        SheetFormat::Xlsx => "xlsx",
        SheetFormat::Csv => "csv",
    };
    let name = match args.what {
        ExportWhat::Postings => "岗位",
        ExportWhat::Markets => "零工市场名录",
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| args.site.root.join(format!("{name}-{today}.{ext}")));
    let opts = gigboard::export::ExportOptions {
        root: args.site.root.clone(),
        out: out.clone(),
        from: day("--from", &args.from)?,
        to: day("--to", &args.to)?,
        date,
    };
    let done = match args.what {
        ExportWhat::Postings => gigboard::export::postings(&opts)?,
        ExportWhat::Markets => gigboard::export::markets(&opts)?,
    };
    println!("{}", out.display());
    say(
        lang,
        msg!(says::EXPORTED, file = out.display(), rows = done.rows),
    );
    Ok(ExitCode::SUCCESS)
}

fn import(args: ImportArgs, lang: Lang) -> Result<ExitCode, String> {
    let date = date_arg(&args.site, lang)?;
    let (markets, file) = match args.args.as_slice() {
        [file] => (false, file.clone()),
        [what, file] if what.as_os_str() == "markets" => (true, file.clone()),
        _ => return Err(says::IMPORT_USAGE.msg().text(lang).to_string()),
    };
    let opts = gigboard::import::ImportOptions {
        root: args.site.root.clone(),
        file,
        market: args.market.clone(),
        date,
        dry_run: args.dry_run,
    };
    let done = if markets {
        gigboard::import::markets::import(&opts)
    } else {
        gigboard::import::import(&opts)
    };
    let things = if markets {
        says::THINGS_MARKETS
    } else {
        says::THINGS_POSTINGS
    }
    .msg();
    match done {
        Ok(report) => {
            for w in &report.warnings {
                eprintln!("{w}");
            }
            let writing = if args.dry_run {
                says::IMPORT_WOULD_WRITE
            } else {
                says::IMPORT_WROTE
            };
            for f in &report.files {
                say(lang, msg!(writing, file = f.display()));
            }
            if report.examples > 0 {
                say(lang, msg!(says::IMPORT_EXAMPLES, n = report.examples));
            }
            let done = if args.dry_run {
                says::IMPORT_CHECKED
            } else {
                says::IMPORTED
            };
            let line = msg!(
                done,
                rows = report.rows,
                added = report.added,
                things = things,
                changed = report.changed,
                unchanged = report.unchanged
            );
            say(lang, line);
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            let errors = problems
                .iter()
                .filter(|p| p.severity == gigboard::diag::Severity::Error)
                .count();
            say(lang, msg!(says::IMPORT_STOPPED, errors = errors));
            Ok(ExitCode::from(1))
        }
    }
}

/// `3 filled, ` in the summary lines, when any posting is marked 已招满.
fn filled_text(filled: usize) -> Msg {
    if filled == 0 {
        Msg::empty()
    } else {
        msg!(says::FILLED, n = filled)
    }
}

/// `i18n`: its own `--lang` names the interface language being translated; the
/// messages' language comes from `GIGBOARD_LANG` or the site.
fn i18n(cmd: I18nCommand, lang: Lang) -> Result<ExitCode, String> {
    use gigboard::translate;
    match cmd {
        I18nCommand::Status { root } => {
            let langs = translate::status(&root.root)?;
            println!("{}", says::I18N_HEADER.msg().text(lang));
            for l in &langs {
                println!(
                    "{:<22} {:>8} / {:<8}  {:>12}  {:>12}",
                    format!("{} {}", l.code, l.name),
                    l.translated,
                    l.total,
                    l.missing,
                    l.stale
                );
            }
            if langs.iter().any(|l| l.missing > 0 || l.stale > 0) {
                say(lang, says::I18N_HINT.msg());
            }
        }
        I18nCommand::Export {
            lang: interface,
            file,
            root,
        } => {
            let n = translate::export(&root.root, &interface, &file)?;
            let line = msg!(
                says::I18N_EXPORTED,
                file = file.display(),
                n = n,
                lang = interface
            );
            say(lang, line);
        }
        I18nCommand::Import {
            file,
            lang: interface,
            root,
        } => match translate::import(&root.root, &file, interface.as_deref()) {
            Ok(r) => {
                if r.theme_added {
                    say(lang, says::I18N_THEME_ADDED.msg());
                }
                let line = msg!(
                    says::I18N_IMPORTED,
                    lang = r.lang,
                    added = r.added,
                    changed = r.changed,
                    unchanged = r.unchanged,
                    file = r.written.display()
                );
                say(lang, line);
            }
            Err(problems) => {
                for p in &problems {
                    eprintln!("{}", gigboard::diag::printable(p));
                }
                say(lang, msg!(says::I18N_STOPPED, n = problems.len()));
                return Ok(ExitCode::from(1));
            }
        },
    }
    Ok(ExitCode::SUCCESS)
}

fn print_timings(report: &gigboard::BuildReport, total: std::time::Duration) {
    let t = &report.timings;
    let ms = |d: std::time::Duration| d.as_secs_f64() * 1000.0;
    eprintln!("stage             time");
    eprintln!(
        "load + validate   {:>8.1} ms  ({} postings read, {} live)",
        ms(t.load_validate),
        report.stats.postings_total,
        report.live
    );
    eprintln!(
        "render            {:>8.1} ms  ({} pages, {} files)",
        ms(t.render),
        report.pages,
        report.files
    );
    eprintln!(
        "  minify          {:>8.1} ms  (templates compacted once, before rendering)",
        ms(t.minify)
    );
    for (family, time) in &t.families {
        eprintln!("  {family:<22}{:>8.1} ms", ms(*time));
    }
    eprintln!(
        "write             {:>8.1} ms  ({:.1} MB)",
        ms(t.write),
        report.bytes as f64 / 1e6
    );
    eprintln!("total             {:>8.1} ms", ms(total));
}

/// A spinner on the terminal for builds that take longer than a moment (hidden when
/// stderr is not a terminal, as in CI and scripts).
struct Progress {
    done: std::sync::Arc<std::sync::atomic::AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    fn after(delay: Duration, message: String) -> Progress {
        let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let flag = done.clone();
        let thread = std::thread::spawn(move || {
            let started = Instant::now();
            while started.elapsed() < delay {
                if flag.load(std::sync::atomic::Ordering::Relaxed) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            let bar = indicatif::ProgressBar::new_spinner();
            bar.set_message(message);
            while !flag.load(std::sync::atomic::Ordering::Relaxed) {
                bar.tick();
                std::thread::sleep(Duration::from_millis(100));
            }
            bar.finish_and_clear();
        });
        Progress {
            done,
            thread: Some(thread),
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.done.store(true, std::sync::atomic::Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
