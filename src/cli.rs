//! The command line, as editors type it.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "gigboard",
    version,
    about = "Builds a public gig-job board (零工市场) from the YAML files in content/",
    long_about = "gigboard turns a folder of YAML files — markets, job feeds, regions, pages — into a static \
website and printable job sheets.\n\nRun `gigboard check` after editing to see every problem at once, \
then `gigboard build` to write the site into output/.\n\nExit codes: 0 all good, 1 problems in the \
content, 2 wrong command line or a file that cannot be read or written."
)]
pub struct Cli {
    /// The language of the messages: zh (中文) or en. Default: GIGBOARD_LANG, else the
    /// site's `language`, else Chinese
    #[arg(long, global = true, value_name = "zh|en", value_parser = ["zh", "en"])]
    pub lang: Option<String>,
    #[command(subcommand)]
    pub command: Command,
}

impl Command {
    /// The site's folder the command works on (`init` has none yet).
    pub fn root(&self) -> Option<&std::path::Path> {
        let root = match self {
            Command::Build(a) => &a.site.root,
            Command::Check(a) => &a.site.root,
            Command::Init(_) => return None,
            Command::New(NewCommand::Posting { site, .. })
            | Command::New(NewCommand::Sheet { site, .. })
            | Command::New(NewCommand::Market { site, .. }) => &site.root,
            Command::Archive(a) => &a.site.root,
            Command::Import(a) => &a.site.root,
            Command::Export(a) => &a.site.root,
            Command::I18n(I18nCommand::Status { root })
            | Command::I18n(I18nCommand::Export { root, .. })
            | Command::I18n(I18nCommand::Import { root, .. }) => &root.root,
            #[cfg(feature = "serve")]
            Command::Serve(a) => &a.site.root,
        };
        Some(root)
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the content and write the whole site into the output folder
    Build(BuildArgs),
    /// Check the content and report every problem; writes nothing
    Check(CheckArgs),
    /// Make a new site in an empty folder, ready to build
    Init(InitArgs),
    /// Write a filled-in template for a new posting or market
    #[command(subcommand)]
    New(NewCommand),
    /// Move feeds whose postings have all expired to content/archive/YYYY/MM/
    Archive(ArchiveArgs),
    /// Add or update postings from a sheet (.xlsx, .xls, .ods, .csv): one row a posting
    Import(ImportArgs),
    /// Write today's postings (or a period's) or the market directory as a sheet
    Export(ExportArgs),
    /// Translate the interface: what is missing, a sheet for the translator, and back
    #[command(subcommand)]
    I18n(I18nCommand),
    /// Build the site, serve it on this computer and rebuild whenever a file changes
    #[cfg(feature = "serve")]
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// The port to serve on
    #[arg(long, default_value_t = 1111)]
    pub port: u16,
    /// The address to listen on (127.0.0.1: only this computer can see the site)
    #[arg(long, default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the site in the default browser
    #[arg(long)]
    pub open: bool,
    /// Serve HTML as rendered, without minifying it
    #[arg(long)]
    pub no_minify: bool,
    /// Close a connection after this many seconds with nothing sent either way
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    pub idle_timeout: u64,
}

#[derive(Debug, Args, Clone)]
pub struct SiteArgs {
    /// The site's folder: the one that holds content/ (and themes/, if any)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
    /// Treat this day as today (YYYY-MM-DD): decides which postings have expired.
    /// Default: the `date` in site.yaml, else today in the site's time zone
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Where to write the site (default: output/ inside the site's folder). The previous
    /// site stays untouched unless the new one is complete
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,
    /// The address the site will be published at, e.g. https://gig.example.org.cn/
    /// (used in feeds, the sitemap and QR codes; links between pages are always relative)
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Write HTML as rendered, without minifying it
    #[arg(long)]
    pub no_minify: bool,
    /// Print how long each stage took, and the counts
    #[arg(long)]
    pub timings: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// How to print the problems
    #[arg(long, value_enum, default_value = "human")]
    pub format: Format,
    /// Treat warnings as errors (exit 1 if there are any)
    #[arg(long)]
    pub deny_warnings: bool,
    /// First rewrite content files saved as GBK (Notepad's "ANSI") as UTF-8, keeping a
    /// copy of each as <name>.gbk.bak
    #[arg(long)]
    pub fix: bool,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder for the new site (created if missing; must be empty)
    pub dir: PathBuf,
    /// A county bureau's site: the county's GB/T 2260 code or name (e.g. 150221 or 固阳县)
    #[arg(long, value_name = "CODE", conflicts_with_all = ["league", "region"])]
    pub county: Option<String>,
    /// A league's site, with all its counties: its code or name (e.g. 150200 or 包头市)
    #[arg(long, value_name = "CODE", conflicts_with = "region")]
    pub league: Option<String>,
    /// Without --county or --league: the first league (default) or all of Inner Mongolia
    #[arg(long, value_enum, default_value = "one-league")]
    pub region: InitRegion,
}

#[derive(Debug, Clone, Copy, ValueEnum, PartialEq, Eq)]
pub enum InitRegion {
    OneLeague,
    InnerMongolia,
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    #[command(flatten)]
    pub site: SiteArgs,
    /// Archive feeds whose postings all expired before this day (default: today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub before: Option<String>,
    /// Only say what would move
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The sheet: .xlsx, .xls, .ods, or .csv (UTF-8, or GBK as Excel and WPS save it);
    /// `markets FILE` for the market directory (名录)
    #[arg(value_name = "[markets] FILE", num_args = 1..=2, required = true)]
    pub args: Vec<PathBuf>,
    /// The market of rows that do not name one in 所属市场 (its id or name)
    #[arg(long)]
    pub market: Option<String>,
    #[command(flatten)]
    pub site: SiteArgs,
    /// Check every row and say what would change, writing nothing
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// What to export
    pub what: ExportWhat,
    /// The sheet's format (default xlsx)
    #[arg(long, value_enum, default_value_t = SheetFormat::Xlsx)]
    pub format: SheetFormat,
    /// Where to write it (default: 岗位-<day>.xlsx or 零工市场名录-<day>.xlsx in the site's folder)
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Postings posted from this day on, archived ones included (default: those live today)
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub from: Option<String>,
    /// Postings posted up to this day, archived ones included
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub to: Option<String>,
    #[command(flatten)]
    pub site: SiteArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ExportWhat {
    /// The postings: every column the import reads, and counts by market and category
    Postings,
    /// The market directory (名录)
    Markets,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SheetFormat {
    Xlsx,
    Csv,
}

#[derive(Debug, Subcommand)]
pub enum I18nCommand {
    /// For each language: how many interface texts are translated, missing and stale
    Status {
        #[command(flatten)]
        root: RootArg,
    },
    /// Write a sheet (.xlsx or .csv) for a translator: key, Chinese, English, the
    /// language's current text and where it appears
    Export {
        /// The language's code, as its file in i18n/ is named (e.g. mn)
        #[arg(long)]
        lang: String,
        /// The sheet to write, e.g. mn.xlsx
        file: PathBuf,
        #[command(flatten)]
        root: RootArg,
    },
    /// Read a translated sheet back: every row checked, nothing written while one is wrong
    Import {
        /// The sheet (.xlsx, .xls, .ods or .csv) that `export` wrote and a translator filled in
        file: PathBuf,
        /// Which language column to read, when the sheet has several
        #[arg(long)]
        lang: Option<String>,
        #[command(flatten)]
        root: RootArg,
    },
}

/// `--root` alone, for commands that do not need a date.
#[derive(Debug, Args, Clone)]
pub struct RootArg {
    /// The site's folder: the one that holds content/ (and themes/, if any)
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Add a posting template to today's feed of a market
    Posting {
        /// The market's id (its file name in content/markets/)
        #[arg(long)]
        market: String,
        /// Append to this feed file instead of content/jobs/<market>/<today>.yaml
        #[arg(long, value_name = "FILE")]
        feed: Option<PathBuf>,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Write the sheet a bureau types postings into (.xlsx: drop-down lists, an
    /// example row, a guide to every column), for `gigboard import`
    Sheet {
        /// The market the sheet is for (its id or name): filled in its 所属市场 column
        #[arg(long)]
        market: Option<String>,
        /// Where to write it (default: 岗位表.xlsx in the site's folder)
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[command(flatten)]
        site: SiteArgs,
    },
    /// Write a new market file for a county, every field explained
    Market {
        /// The county's GB/T 2260 code, as in regions.yaml (e.g. 150102)
        #[arg(long)]
        county: String,
        /// The market's id (default: market-<county>)
        #[arg(long)]
        id: Option<String>,
        #[command(flatten)]
        site: SiteArgs,
    },
}
