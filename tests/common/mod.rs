//! The integration-test harness, modelled on mdBook's `BookTest`: copy a fixture site
//! into a temporary folder, change a file or two the way an editor would, run the real
//! `gigboard` binary on it and look at what it printed and wrote.
//!
//! Tests read like the user story: `TestSite::fixture("mini").write(..).run(&["check"])`.

// Each test binary uses its own part of the harness.
#![allow(dead_code)]

use scraper::{Html, Selector};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub mod browser;
pub mod mini;

/// The binary under test, built by cargo for the integration tests.
pub const GIGBOARD: &str = env!("CARGO_BIN_EXE_gigboard");

/// The repository root: its `content/` is the Inner Mongolia sample site.
pub const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// What one run of the binary did.
#[derive(Debug)]
pub struct Run {
    /// The exit code (-1 if the process was killed by a signal).
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    /// Panics with everything the binary printed unless it exited with `code`.
    pub fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code, code,
            "expected exit code {code}, got {}\n--- stdout\n{}\n--- stderr\n{}",
            self.code, self.stdout, self.stderr
        );
        self
    }

    /// The diagnostic lines of one severity (`error` or `warning`) on stderr.
    pub fn diagnostics(&self, severity: &str) -> Vec<&str> {
        let tag = format!(": {severity}: ");
        self.stderr.lines().filter(|l| l.contains(&tag)).collect()
    }

    /// Panics unless stderr has a line containing every one of `parts`.
    pub fn expect_line_with(&self, parts: &[&str]) -> &str {
        self.stderr
            .lines()
            .find(|l| parts.iter().all(|p| l.contains(p)))
            .unwrap_or_else(|| {
                panic!(
                    "no line of stderr contains all of {parts:?}\n--- stderr\n{}",
                    self.stderr
                )
            })
    }
}

/// Where the binary keeps its cache during tests (what `check` remembers), instead of
/// the user's own cache folder.
pub fn test_cache() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("cache")
}

/// Runs the binary with exactly these arguments.
pub fn gigboard<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Run {
    run_with_cache(args, &test_cache())
}

/// Runs the binary with these arguments and `cache` as the user's cache folder.
///
/// Messages are asked for in English (`GIGBOARD_LANG=en`): most tests match their
/// words. The Chinese an editor reads by default is tested by running as an editor
/// does, with [`as_editor`] (tests/messages.rs).
pub fn run_with_cache<S: AsRef<std::ffi::OsStr>>(args: &[S], cache: &Path) -> Run {
    let mut cmd = Command::new(GIGBOARD);
    cmd.args(args)
        .env("XDG_CACHE_HOME", cache)
        .env("GIGBOARD_LANG", "en");
    finish(&mut cmd)
}

/// Runs the binary as an editor does: no language asked for (so the site's own, or
/// Chinese), with `env` added.
pub fn as_editor<S: AsRef<std::ffi::OsStr>>(args: &[S], env: &[(&str, &str)]) -> Run {
    let mut cmd = Command::new(GIGBOARD);
    cmd.args(args)
        .env("XDG_CACHE_HOME", test_cache())
        .env_remove("GIGBOARD_LANG")
        .envs(env.iter().copied());
    finish(&mut cmd)
}

fn finish(cmd: &mut Command) -> Run {
    let out = cmd.output().expect("the gigboard binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// The repository's sample site built into `<dir>/output` with `extra` arguments (the
/// folder is deleted when the returned handle is dropped).
#[allow(dead_code)]
pub fn build_sample(extra: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let mut args = vec![
        "build",
        "--root",
        REPO,
        "--output",
        out.to_str().expect("utf8"),
    ];
    args.extend_from_slice(extra);
    gigboard(&args).expect_code(0);
    dir
}

/// A site in a temporary folder, deleted when the test ends.
pub struct TestSite {
    dir: tempfile::TempDir,
}

impl TestSite {
    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> TestSite {
        let src = Path::new(REPO).join("tests").join("fixtures").join(name);
        assert!(src.is_dir(), "no fixture {}", src.display());
        let dir = tempfile::Builder::new()
            .prefix("gigboard-test-")
            .tempdir()
            .expect("a temporary folder");
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.expect("the fixture is readable");
            let rel = entry
                .path()
                .strip_prefix(&src)
                .expect("walkdir stays under the fixture");
            let dest = dir.path().join(rel);
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&dest).expect("mkdir in the temporary site");
            } else {
                std::fs::copy(entry.path(), &dest).expect("copy a fixture file");
            }
        }
        TestSite { dir }
    }

    /// The mini fixture with its interface also in English and Mongolian (`en/`, `mn/`).
    pub fn mini_in_three_languages() -> TestSite {
        let site = TestSite::fixture("mini");
        let settings = site.read("content/site.yaml");
        site.write(
            "content/site.yaml",
            &format!("{settings}\nlanguages: [en, mn]\n"),
        );
        site
    }

    /// The site's folder (what `--root` points at).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the site.
    pub fn path(&self, rel: &str) -> PathBuf {
        self.root().join(rel)
    }

    /// Writes (or overwrites) a file, making its folders.
    pub fn write(&self, rel: &str, text: &str) -> &Self {
        let path = self.path(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir for a test file");
        }
        std::fs::write(&path, text).expect("write a test file");
        self
    }

    /// The text of a file in the site.
    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap_or_else(|e| panic!("cannot read {rel}: {e}"))
    }

    /// Replaces the one occurrence of `from` in a file by `to`, as an editor would.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Self {
        let text = self.read(rel);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{rel} should contain {from:?} exactly once"
        );
        self.write(rel, &text.replacen(from, to, 1))
    }

    /// Runs `gigboard <args> --root <site>`; `build` writes into `<site>/output/`.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut all: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        all.push("--root".as_ref());
        all.push(self.root().as_os_str());
        gigboard(&all)
    }

    /// Runs `gigboard <args> --root <site>` as an editor does (see [`as_editor`]).
    pub fn run_as_editor(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut all: Vec<&std::ffi::OsStr> = args.iter().map(|a| a.as_ref()).collect();
        all.push("--root".as_ref());
        all.push(self.root().as_os_str());
        as_editor(&all, env)
    }

    /// The default output folder.
    pub fn output(&self) -> PathBuf {
        self.path("output")
    }

    /// The text of a file in the output.
    pub fn output_text(&self, rel: &str) -> String {
        std::fs::read_to_string(self.output().join(rel))
            .unwrap_or_else(|e| panic!("cannot read output/{rel}: {e}"))
    }

    /// Every file in the output, relative, `/`-separated, sorted.
    pub fn output_files(&self) -> Vec<String> {
        files_under(&self.output())
    }

    /// An output page, parsed.
    pub fn html(&self, rel: &str) -> Html {
        Html::parse_document(&self.output_text(rel))
    }
}

/// Every file under `dir`, relative to it, `/`-separated, sorted.
pub fn files_under(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("the output is readable"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .expect("walkdir stays under the folder")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    out.sort();
    out
}

/// Every file under `dir` with its bytes: compare two of these to compare two trees.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files_under(dir)
        .into_iter()
        .map(|rel| {
            let bytes = std::fs::read(dir.join(&rel)).expect("read an output file");
            (rel, bytes)
        })
        .collect()
}

/// Panics, naming the first differing files, unless two trees are byte-identical.
pub fn assert_same_tree(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    let names_a: Vec<&String> = a.keys().collect();
    let names_b: Vec<&String> = b.keys().collect();
    assert_eq!(names_a, names_b, "the two trees hold different files");
    let differing: Vec<&String> = a
        .iter()
        .filter(|(name, bytes)| b.get(*name) != Some(*bytes))
        .map(|(name, _)| name)
        .take(10)
        .collect();
    assert!(differing.is_empty(), "files differ: {differing:?}");
}

/// A CSS selector, for tests.
pub fn sel(css: &str) -> Selector {
    Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css:?}: {e}"))
}

/// The 1-based line and column where `needle` first occurs in `text` (columns count
/// characters, as editors and gigboard do).
pub fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} is not in the text"));
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[line_start..].chars().count() + 1)
}

/// `file:line:col` of `needle` in `text`, as gigboard prints it.
pub fn location(file: &str, text: &str, needle: &str) -> String {
    let (line, col) = line_col(text, needle);
    format!("{file}:{line}:{col}")
}

/// `file:line:col` of what follows `prefix` in `text` (a value after its `key: `).
pub fn location_after(file: &str, text: &str, prefix: &str) -> String {
    let (line, col) = line_col(text, prefix);
    format!("{file}:{line}:{}", col + prefix.chars().count())
}

/// Headless Chromium as this machine's closed network needs it (no background
/// connections, no sandbox as root), with a fresh profile folder.
pub fn headless_chromium(program: impl AsRef<std::ffi::OsStr>, profile: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
    ])
    .arg(format!("--user-data-dir={}", profile.display()));
    cmd
}

/// Removes the folders in `scratch` named `<pid>…` whose process is gone: builds left
/// by earlier test runs. Never by their age, which would read the clock.
pub fn remove_left_by_gone_processes(scratch: &Path) {
    if !cfg!(target_os = "linux") {
        return;
    }
    for e in std::fs::read_dir(scratch).into_iter().flatten().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let digits: String = name.chars().take_while(char::is_ascii_digit).collect();
        let Ok(pid) = digits.parse::<u32>() else {
            continue;
        };
        if pid != std::process::id() && !Path::new("/proc").join(pid.to_string()).exists() {
            let _ = std::fs::remove_dir_all(e.path());
        }
    }
}
