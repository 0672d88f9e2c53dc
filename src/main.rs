//! The `gigboard` binary: parse the command line, run one command, print, exit.
//! Exit codes: 0 all good, 1 content problems, 2 usage or I/O errors.

use clap::Parser;
use gigboard::cli::{
    ArchiveArgs, BuildArgs, CheckArgs, Cli, Command, ExportArgs, ExportWhat, Format, I18nCommand,
    ImportArgs, InitArgs, InitRegion, NewCommand, SheetFormat, SiteArgs,
};
use gigboard::diag::{Diagnostic, Severity};
use gigboard::load::scalars::Day;
use gigboard::{BuildError, BuildOptions, Overrides};
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build(args) => build(args),
        Command::Check(args) => check(args),
        Command::Init(args) => init(args),
        Command::New(cmd) => new(cmd),
        Command::I18n(cmd) => i18n(cmd),
        Command::Archive(args) => archive(args),
        Command::Import(args) => import(args),
        Command::Export(args) => export(args),
        #[cfg(feature = "serve")]
        Command::Serve(args) => serve(args),
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

/// `--date`, when given.
fn date_arg(site: &SiteArgs) -> Result<Option<Day>, String> {
    site.date
        .as_deref()
        .map(Day::parse)
        .transpose()
        .map_err(|e| format!("--date: {e}"))
}

fn overrides(site: &SiteArgs) -> Result<Overrides, String> {
    let date = date_arg(site)?;
    if !site.root.is_dir() {
        return Err(format!("--root {}: no such folder", site.root.display()));
    }
    Ok(Overrides {
        date,
        base_url: None,
    })
}

fn print_human(diags: &[Diagnostic]) {
    for d in diags {
        eprintln!("{d}");
    }
}

fn count(diags: &[Diagnostic], severity: Severity) -> usize {
    diags.iter().filter(|d| d.severity == severity).count()
}

fn check(args: CheckArgs) -> Result<ExitCode, String> {
    let overrides = overrides(&args.site)?;
    if args.fix {
        for c in gigboard::fix::encodings(&args.site.root)? {
            eprintln!(
                "已把 {} 从 GBK 转成 UTF-8，原文件留在 {}\n(converted {} from GBK to UTF-8; the original is {})",
                c.file.display(),
                c.copy.display(),
                c.file.display(),
                c.copy.display()
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
            let report =
                serde_json::json!({"errors": errors, "warnings": warnings, "diagnostics": diags});
            println!(
                "{}",
                serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?
            );
        }
        Format::Human => {
            print_human(&diags);
            match &summary {
                Some(s) => {
                    let unchanged = if s.feeds_unchanged > 0 {
                        format!(
                            " ({} of {} feed files unchanged since the last check)",
                            s.feeds_unchanged, s.feeds
                        )
                    } else {
                        String::new()
                    };
                    eprintln!(
                        "checked: {} markets, {} postings ({} live, {} expired, {}{} unverified); {errors} error(s), {warnings} warning(s){unchanged}",
                        s.markets,
                        s.stats.postings_total,
                        s.live,
                        s.stats.expired,
                        filled_text(s.stats.filled),
                        s.stats.unverified
                    )
                }
                None => eprintln!(
                    "{errors} error(s), {warnings} warning(s): fix the errors above and run `gigboard check` again"
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

fn build(args: BuildArgs) -> Result<ExitCode, String> {
    let started = Instant::now();
    let mut overrides = overrides(&args.site)?;
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
    let progress = Progress::after(Duration::from_secs(1));
    let result = gigboard::build(&opts);
    drop(progress);
    match result {
        Ok(report) => {
            let warnings = report.warnings.len();
            eprintln!(
                "built {} pages ({} files) into {} in {:.2}s: {} live postings, {} expired, {}{} unverified left out; {warnings} warning(s){}",
                report.pages,
                report.files,
                report.output.display(),
                started.elapsed().as_secs_f64(),
                report.live,
                report.stats.expired,
                filled_text(report.stats.filled),
                report.stats.unverified,
                if warnings > 0 {
                    " (`gigboard check` lists them)"
                } else {
                    ""
                }
            );
            if args.timings {
                print_timings(&report, started.elapsed());
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(BuildError::Content(diags)) => {
            print_human(&diags);
            let (errors, warnings) = (
                count(&diags, Severity::Error),
                count(&diags, Severity::Warning),
            );
            eprintln!(
                "构建停止：{errors} 个错误、{warnings} 个警告；{out} 没有改动，原来的网站照常可用。\n\
                 build stopped: {errors} error(s), {warnings} warning(s); {out} was not changed",
                out = opts.output.display()
            );
            Ok(ExitCode::from(1))
        }
        Err(e @ BuildError::Render(_)) => {
            eprintln!(
                "error: {e}\nbuild stopped; {} was not changed",
                opts.output.display()
            );
            Ok(ExitCode::from(1))
        }
        Err(e @ BuildError::Output(_)) => Err(e.to_string()),
        Err(e @ BuildError::Io(_)) => Err(format!(
            "{e}\nbuild stopped; {} was not changed",
            opts.output.display()
        )),
    }
}

#[cfg(feature = "serve")]
fn serve(args: gigboard::cli::ServeArgs) -> Result<ExitCode, String> {
    let overrides = overrides(&args.site)?;
    gigboard::serve::run(gigboard::serve::ServeOptions {
        root: args.site.root.clone(),
        overrides,
        bind: args.bind,
        port: args.port,
        minify: !args.no_minify,
        open: args.open,
        idle: Duration::from_secs(args.idle_timeout.max(1)),
    })
    .map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// The site's "today" for `init` and `new`: --date, else site.yaml's pinned `date:`,
/// else today in the site's time zone.
fn today(site: &SiteArgs) -> Result<Day, String> {
    Ok(gigboard::site_today(&site.root, date_arg(site)?))
}

fn init(args: InitArgs) -> Result<ExitCode, String> {
    use gigboard::scaffold::Scope;
    let scope = match (args.county, args.league) {
        (Some(county), _) => Scope::County(county),
        (None, Some(league)) => Scope::League(league),
        (None, None) if args.region == InitRegion::InnerMongolia => Scope::WholeRegion,
        (None, None) => Scope::FirstLeague,
    };
    let files = gigboard::scaffold::init(&args.dir, &scope)?;
    for f in &files {
        eprintln!("wrote {}", f.display());
    }
    eprintln!(
        "新网站已建好。先填好市场文件里“请填写”的地方（gigboard check --root {dir} 会逐条列出），\n\
         再用 gigboard new posting 添加岗位，然后 gigboard build --root {dir}。\n\
         (a new site is ready: fill in what `check` lists, add postings with `new posting`, then build)",
        dir = args.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}

fn new(cmd: NewCommand) -> Result<ExitCode, String> {
    match cmd {
        NewCommand::Posting { market, feed, site } => {
            let (path, id) = gigboard::scaffold::new_posting(
                &site.root,
                &market,
                feed.as_deref(),
                today(&site)?,
            )?;
            println!("{}", path.display());
            eprintln!(
                "added posting {id} to {}: fill in the （请填写） parts, verify it, then run `gigboard check`",
                path.display()
            );
        }
        NewCommand::Sheet { market, out, site } => {
            let path = out.unwrap_or_else(|| {
                gigboard::import::template::default_path(&site.root, market.as_deref())
            });
            gigboard::import::template::write(&site.root, &path, market.as_deref())?;
            println!("{}", path.display());
            eprintln!(
                "已写入 {}：在示例行下面每行填一个岗位，再运行 gigboard import {}\n(wrote the template: one posting a row below the example, then `gigboard import`)",
                path.display(),
                path.display()
            );
        }
        NewCommand::Market { county, id, site } => {
            let path = gigboard::scaffold::new_market(&site.root, &county, id.as_deref())?;
            println!("{}", path.display());
            eprintln!(
                "wrote {}: fill in the （请填写） parts, then run `gigboard check`",
                path.display()
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn archive(args: ArchiveArgs) -> Result<ExitCode, String> {
    let before = match args.before.as_deref() {
        Some(d) => Day::parse(d).map_err(|e| format!("--before {d}: {e}"))?,
        None => today(&args.site)?,
    };
    let report = gigboard::archive::archive(&args.site.root, before, args.dry_run)?;
    let verb = if args.dry_run {
        "会移到"
    } else {
        "已移到"
    };
    for m in &report.moved {
        eprintln!(
            "{} {verb} {}（{} 个岗位）",
            m.from.display(),
            m.to.display(),
            m.postings
        );
    }
    for k in &report.kept {
        eprintln!("{}", gigboard::diag::printable(k));
    }
    eprintln!(
        "{} 个岗位文件{}归档（{before} 以前全部过期的）；{} 个留在原处。\n({} feed(s) {} archived, {} kept)",
        report.moved.len(),
        if args.dry_run { "可以" } else { "已" },
        report.kept.len(),
        report.moved.len(),
        if args.dry_run { "would be" } else { "were" },
        report.kept.len()
    );
    Ok(ExitCode::SUCCESS)
}

fn export(args: ExportArgs) -> Result<ExitCode, String> {
    let day = |flag: &str, d: &Option<String>| -> Result<Option<Day>, String> {
        d.as_deref()
            .map(|d| Day::parse(d).map_err(|e| format!("{flag} {d}: {e}")))
            .transpose()
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
    eprintln!(
        "已写入 {}：{} 行。\n(wrote {} row(s))",
        out.display(),
        done.rows,
        done.rows
    );
    Ok(ExitCode::SUCCESS)
}

fn import(args: ImportArgs) -> Result<ExitCode, String> {
    let date = match args.site.date.as_deref() {
        Some(d) => Some(Day::parse(d).map_err(|e| format!("--date {d}: {e}"))?),
        None => None,
    };
    let (markets, file) = match args.args.as_slice() {
        [file] => (false, file.clone()),
        [what, file] if what.as_os_str() == "markets" => (true, file.clone()),
        _ => {
            return Err(
                "用法：gigboard import FILE，或 gigboard import markets FILE（usage: import [markets] FILE）"
                    .into(),
            );
        }
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
    let things = if markets { "个市场" } else { "个岗位" };
    match done {
        Ok(report) => {
            for w in &report.warnings {
                eprintln!("{w}");
            }
            for f in &report.files {
                eprintln!(
                    "{} {}",
                    if args.dry_run {
                        "会写入"
                    } else {
                        "已写入"
                    },
                    f.display()
                );
            }
            if report.examples > 0 {
                eprintln!("跳过了 {} 行模板示例。", report.examples);
            }
            eprintln!(
                "{} {} 行：新增 {} {things}，修改 {} 个，未变 {} 个{}。\n({} row(s): {} added, {} changed, {} unchanged{})",
                if args.dry_run {
                    "检查了"
                } else {
                    "导入了"
                },
                report.rows,
                report.added,
                report.changed,
                report.unchanged,
                if args.dry_run {
                    "（没有写入任何文件）"
                } else {
                    ""
                },
                report.rows,
                report.added,
                report.changed,
                report.unchanged,
                if args.dry_run {
                    "; nothing written"
                } else {
                    ""
                },
            );
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
            eprintln!(
                "导入停止：{errors} 个错误，没有写入任何文件。改好表格后再导入一次。\n(import stopped: {errors} error(s), nothing written)"
            );
            Ok(ExitCode::from(1))
        }
    }
}

/// `3 filled, ` in the summary lines, when any posting is marked 已招满.
fn filled_text(filled: usize) -> String {
    if filled == 0 {
        String::new()
    } else {
        format!("{filled} filled, ")
    }
}

fn i18n(cmd: I18nCommand) -> Result<ExitCode, String> {
    use gigboard::translate;
    match cmd {
        I18nCommand::Status { root } => {
            let langs = translate::status(&root.root)?;
            println!("语言 (language)        已翻译 (translated)  缺少 (missing)  过期 (stale)");
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
                eprintln!(
                    "缺少或过期的文字显示为中文。导出给翻译：gigboard i18n export --lang 代码 文件.xlsx\n\
                     (missing and stale texts show in Chinese; export a sheet for the translator with i18n export)"
                );
            }
        }
        I18nCommand::Export { lang, file, root } => {
            let n = translate::export(&root.root, &lang, &file)?;
            eprintln!(
                "已写出 {}：{n} 条界面文字。填好“{lang}”一列后运行 gigboard i18n import {}
                 (wrote {n} texts; fill in the `{lang}` column, then run gigboard i18n import)",
                file.display(),
                file.display()
            );
        }
        I18nCommand::Import { file, lang, root } => {
            match translate::import(&root.root, &file, lang.as_deref()) {
                Ok(r) => {
                    if r.theme_added {
                        eprintln!(
                            "content/site.yaml 末尾加上了 theme: local（the translations live in themes/local/）"
                        );
                    }
                    eprintln!(
                        "{}：新增 {}，修改 {}，未变 {}；已写入 {}
({}: {} added, {} changed, {} unchanged)",
                        r.lang,
                        r.added,
                        r.changed,
                        r.unchanged,
                        r.written.display(),
                        r.lang,
                        r.added,
                        r.changed,
                        r.unchanged
                    );
                }
                Err(problems) => {
                    for p in &problems {
                        eprintln!("{}", gigboard::diag::printable(p));
                    }
                    eprintln!(
                        "{} 处问题，什么也没有写入（{} problem(s); nothing was written）",
                        problems.len(),
                        problems.len()
                    );
                    return Ok(ExitCode::from(1));
                }
            }
        }
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
    fn after(delay: Duration) -> Progress {
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
            bar.set_message("building the site…");
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
