//! The browser tools the Chromium tests drive: node with playwright-core (and axe-core,
//! vnu.jar for the accessibility test) and Debian's Chromium. A missing tool skips a test
//! loudly on a developer's machine and fails it in CI.

use std::path::{Path, PathBuf};
use std::process::Command;

/// Skips a test loudly when a tool is missing, or fails it in CI.
pub fn require<T>(test: &str, tool: Option<T>, what: &str) -> Option<T> {
    if tool.is_some() {
        return tool;
    }
    let msg = format!(
        "{test}: {what} is missing. Install it as .ci/run does: apt-get install chromium nodejs npm \
         default-jre-headless; npm install --prefix target/browser-tools playwright-core@1.65.1 \
         axe-core@4.14.1 vnu-jar@26.9.27"
    );
    if std::env::var_os("CI").is_some() {
        panic!("{msg}; CI must run the browser tests");
    }
    eprintln!("\n!!!!!!!!!!\n!!! SKIPPED {msg}\n!!!!!!!!!!\n");
    None
}

pub fn runs(cmd: &str, arg: &str) -> bool {
    Command::new(cmd)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Folders that may hold the npm packages: `$GIGBOARD_NODE_MODULES`, what .ci/run
/// installs (`target/browser-tools`), and the shared browser tools' cache.
pub fn module_dirs() -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if let Some(d) = std::env::var_os("GIGBOARD_NODE_MODULES") {
        dirs.push(PathBuf::from(d));
    }
    dirs.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("target/browser-tools/node_modules"));
    let cache = std::env::var_os("SITE_TOOLS_CACHE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache/site-tools")));
    if let Some(c) = cache {
        dirs.push(c.join("node/node_modules"));
    }
    dirs
}

/// node_modules with playwright-core and axe-core, when node and Chromium are there too.
pub fn browser_tools() -> Option<PathBuf> {
    if !runs("node", "--version") || !Path::new(&chromium()).exists() {
        return None;
    }
    module_dirs().into_iter().find(|d| {
        d.join("playwright-core/package.json").is_file() && d.join("axe-core/axe.min.js").is_file()
    })
}

pub fn chromium() -> String {
    std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into())
}

/// Runs a script of `tests/browser/` with node (the pages' clock is the script's own
/// `--now`; the browser runs on the machine's clock: Chromium driven over Playwright's
/// pipe stalls under libfaketime, which `scripts/faketime-tests` puts in front of every
/// test) and reads the one JSON report it prints.
pub fn run_script(script: &str, modules: &Path, args: &[&std::ffi::OsStr]) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/browser")
        .join(script);
    let out = Command::new("node")
        .env_remove("LD_PRELOAD")
        .arg(&path)
        .arg("--node-modules")
        .arg(modules)
        .arg("--chromium")
        .arg(chromium())
        .args(args)
        .output()
        .expect("node runs");
    assert!(
        out.status.success(),
        "{script} failed ({}):\n{}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{script} printed no JSON ({e}):\n{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}
