//! `deploy/`: the morning routine as a bureau installs it. The systemd units pass
//! `systemd-analyze verify` (required under CI), and every schedule in the folder means
//! 05:30 in Beijing, whatever clock its runner keeps.

mod common;

use std::path::Path;
use std::process::Command;

const DEPLOY: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/deploy");

fn read(name: &str) -> String {
    std::fs::read_to_string(Path::new(DEPLOY).join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_systemd_units_pass_systemd_analyze_verify() {
    let has = Command::new("systemd-analyze")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !has {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but systemd-analyze is missing (.ci/run installs systemd)"
        );
        eprintln!("\n!!! SKIPPED: systemd-analyze is missing (Debian package systemd)\n");
        return;
    }
    // The units name the installed binary; here it is the one cargo built.
    let dir = tempfile::tempdir().expect("tempdir");
    let service = read("gigboard-build.service");
    assert!(service.contains("ExecStart=/usr/local/bin/gigboard build"));
    std::fs::write(
        dir.path().join("gigboard-build.service"),
        service.replace("/usr/local/bin/gigboard", env!("CARGO_BIN_EXE_gigboard")),
    )
    .expect("write");
    std::fs::write(
        dir.path().join("gigboard-build.timer"),
        read("gigboard-build.timer"),
    )
    .expect("write");
    let verify = |names: &[&str]| {
        Command::new("systemd-analyze")
            .args(["verify", "--man=no"])
            .args(names.iter().map(|n| dir.path().join(n)))
            .output()
            .expect("systemd-analyze runs")
    };
    let run = verify(&["gigboard-build.service", "gigboard-build.timer"]);
    assert!(
        run.status.success() && run.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    // It can fail: a misspelt key is found.
    std::fs::write(
        dir.path().join("bad.service"),
        "[Service]\nType=oneshot\nExecStrat=/bin/true\nExecStart=/bin/true\n",
    )
    .expect("write");
    let bad = verify(&["bad.service"]);
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("ExecStrat"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

/// The time of day, in Beijing, that a UTC `hh:mm` is.
fn beijing(utc_hour: i8, utc_minute: i8) -> (i8, i8) {
    let utc = jiff::civil::date(2026, 12, 6)
        .at(utc_hour, utc_minute, 0, 0)
        .to_zoned_datetime(jiff::tz::TimeZone::UTC)
        .expect("a UTC time");
    let local = utc.with_time_zone(jiff::tz::TimeZone::get("Asia/Shanghai").expect("the zone"));
    (local.hour(), local.minute())
}

#[test]
fn every_schedule_is_half_past_five_in_beijing() {
    let timer = read("gigboard-build.timer");
    assert!(
        timer
            .lines()
            .any(|l| l == "OnCalendar=*-*-* 05:30:00 Asia/Shanghai"),
        "{timer}"
    );
    assert!(
        timer.contains("Persistent=true"),
        "a missed morning is built later"
    );

    let cron = read("gigboard.cron");
    assert!(cron.lines().any(|l| l == "CRON_TZ=Asia/Shanghai"));
    let line = cron
        .lines()
        .find(|l| !l.starts_with('#') && l.contains("gigboard build"))
        .expect("a cron line");
    let fields: Vec<&str> = line.split_whitespace().take(5).collect();
    assert_eq!(fields, ["30", "5", "*", "*", "*"]);

    // Workflow schedules run in UTC.
    let workflow: serde_json::Value =
        serde_saphyr::from_str(&read("morning-build.yml")).expect("the workflow is YAML");
    let schedule = workflow["on"]["schedule"][0]["cron"]
        .as_str()
        .expect("a schedule");
    let parts: Vec<i8> = schedule
        .split_whitespace()
        .take(2)
        .map(|p| p.parse().expect("minute and hour"))
        .collect();
    assert_eq!(beijing(parts[1], parts[0]), (5, 30), "{schedule}");
    let steps = workflow["jobs"]["build"]["steps"]
        .as_array()
        .expect("steps");
    assert!(
        steps
            .iter()
            .any(|s| s["run"].as_str() == Some("gigboard build")),
        "{steps:?}"
    );
}
