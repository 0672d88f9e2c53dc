//! Issue "The editor's day": `gigboard serve` on loopback, an edited posting shows up,
//! a broken file keeps the last good site served with the error reported, a fix recovers.

mod common;

use common::TestSite;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Stops the server when the test ends, whatever happens.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

/// A plain HTTP/1.1 GET; (status, body).
fn get(port: u16, path: &str) -> Option<(u16, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(10))).ok()?;
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).ok()?;
    let text = String::from_utf8_lossy(&raw).into_owned();
    let status = text.split_whitespace().nth(1)?.parse().ok()?;
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Some((status, body))
}

/// Polls until `pred` holds (bounded: a failing server fails the test, never hangs it).
fn wait_for(what: &str, mut pred: impl FnMut() -> bool) {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if pred() {
            return;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    panic!("timed out waiting for {what}");
}

/// Starts `gigboard serve --root` on the site at a free port; its terminal output goes
/// to `log` when given.
fn start_serve(site: &TestSite, log: Option<&std::path::Path>) -> (Server, u16) {
    let port = free_port();
    let stderr = match log {
        Some(path) => Stdio::from(std::fs::File::create(path).expect("log file")),
        None => Stdio::null(),
    };
    let child = Command::new(env!("CARGO_BIN_EXE_gigboard"))
        .args(["serve", "--port", &port.to_string(), "--root"])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(stderr)
        .spawn()
        .expect("serve starts");
    (Server(child), port)
}

#[test]
fn serve_shows_edits_keeps_the_last_good_site_on_errors_and_recovers() {
    let site = TestSite::fixture("mini");
    let port = free_port();
    let log = site.path("serve.log");
    let child = Command::new(env!("CARGO_BIN_EXE_gigboard"))
        // As an editor runs it: from the site's folder, no --root (a relative root).
        .args(["serve", "--port", &port.to_string()])
        .current_dir(site.root())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).expect("log file"))
        .spawn()
        .expect("serve starts");
    let _server = Server(child);
    let page = "/jobs/xincheng-20261127-01/";
    wait_for("the first build", || {
        get(port, page).is_some_and(|(s, _)| s == 200)
    });
    let (_, body) = get(port, page).expect("page");
    assert!(
        body.contains("__gigboard/livereload"),
        "the reload script is injected when serving"
    );

    let feed = "content/jobs/xincheng.yaml";
    let text = site.read(feed);
    let old_title = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("title: "))
        .expect("a title")
        .trim_matches('"')
        .to_string();
    site.edit(
        feed,
        &format!("title: {old_title}"),
        "title: 编辑后的新标题",
    );
    wait_for("the edited title", || {
        get(port, page).is_some_and(|(_, b)| b.contains("编辑后的新标题"))
    });

    let good = site.read(feed);
    site.write(feed, &good.replacen("posted: ", "posted: 2026-13-40 #", 1));
    wait_for("the error in the terminal", || {
        std::fs::read_to_string(&log)
            .is_ok_and(|l| l.contains("content/jobs/xincheng.yaml:") && l.contains("错误: "))
    });
    let (status, body) = get(port, page).expect("still served");
    assert_eq!(status, 200);
    assert!(
        body.contains("编辑后的新标题"),
        "the last good page is still served"
    );
    assert!(
        body.contains("xincheng.yaml") && body.contains("内容有错误"),
        "the page carries the error for the overlay, in the editor's language"
    );

    site.write(feed, &good.replace("编辑后的新标题", "修好以后的标题"));
    wait_for("the fixed site", || {
        get(port, page)
            .is_some_and(|(_, b)| b.contains("修好以后的标题") && !b.contains("xincheng.yaml:"))
    });
}

#[test]
fn serve_picks_up_new_and_removed_feeds_and_market_edits_after_feed_saves() {
    let site = TestSite::fixture("mini");
    let (_server, port) = start_serve(&site, None);
    let first = "/jobs/xincheng-20261127-01/";
    wait_for("the first build", || {
        get(port, first).is_some_and(|(s, _)| s == 200)
    });

    // A save into an existing feed (the quick path: only that feed is read again).
    let feed = "content/jobs/xincheng.yaml";
    let text = site.read(feed);
    site.write(feed, &text.replacen("headcount: ", "headcount: 4", 1));
    wait_for("the saved feed", || {
        get(port, first).is_some_and(|(_, b)| b.contains("<dd>4"))
    });

    // A new feed file: a posting that did not exist is served.
    let added = "/jobs/more-xincheng-20261127-01/";
    assert_eq!(get(port, added).map(|(s, _)| s), Some(404));
    site.write(
        "content/jobs/xincheng-more.yaml",
        &text.replace("id: \"xincheng-", "id: \"more-xincheng-"),
    );
    wait_for("the posting of the new feed", || {
        get(port, added).is_some_and(|(s, _)| s == 200)
    });

    // The market renamed after those saves: its pages and postings follow.
    let market = "content/markets/xincheng.yaml";
    site.edit(
        market,
        "name: 新城区测试零工市场",
        "name: 新城区改名零工市场",
    );
    wait_for("the renamed market on a posting", || {
        get(port, first).is_some_and(|(_, b)| b.contains("新城区改名零工市场"))
    });

    // The new feed removed: its posting is gone again.
    std::fs::remove_file(site.path("content/jobs/xincheng-more.yaml")).expect("remove");
    wait_for("the removed posting", || {
        get(port, added).is_some_and(|(s, _)| s == 404)
    });
}

#[test]
fn every_served_file_is_the_built_file_but_for_the_reload_script() {
    // With extra languages: their pages are rendered by trees of their own.
    let site = TestSite::mini_in_three_languages();
    site.run(&["build"]).expect_code(0);
    let built = site.output();
    let (_server, port) = start_serve(&site, None);
    wait_for("the server", || {
        get(port, "/").is_some_and(|(s, _)| s == 200)
    });
    let files = common::files_under(&built);
    assert!(files.len() > 50, "{}", files.len());
    // Pages, feeds, data and static files, in an order no build pass follows. The
    // output's mark is the build's, not a file of the site.
    for rel in files.iter().rev().filter(|rel| *rel != ".gigboard-output") {
        let want = String::from_utf8_lossy(&std::fs::read(built.join(rel)).expect("built file"))
            .into_owned();
        let (status, mut body) = get(port, &format!("/{rel}")).expect("served");
        assert_eq!(status, 200, "{rel}");
        if let Some(start) = body.find("<script>(function(){var first=") {
            let end = start + body[start..].find("</script>").expect("script end") + 9;
            body.replace_range(start..end, "");
        }
        assert!(
            body == want,
            "{rel}: served bytes differ from the built file"
        );
    }
}

#[test]
fn a_template_that_does_not_parse_keeps_the_last_good_site() {
    let site = TestSite::fixture("mini");
    let settings = site.read("content/site.yaml");
    site.write("content/site.yaml", &format!("{settings}\ntheme: mine\n"));
    let builtin = std::fs::read_to_string(
        std::path::Path::new(common::REPO).join("themes/default/templates/posting.html"),
    )
    .expect("built-in posting template");
    let template = "themes/mine/templates/posting.html";
    site.write(
        template,
        &builtin.replace("<article", "<article data-mine=\"1\""),
    );
    let log = site.path("serve.log");
    let (_server, port) = start_serve(&site, Some(&log));
    let page = "/jobs/xincheng-20261127-01/";
    wait_for("the themed page", || {
        get(port, page).is_some_and(|(_, b)| b.contains("data-mine"))
    });
    site.write(template, &format!("{builtin}{{% if %}}"));
    wait_for("the template error in the terminal", || {
        std::fs::read_to_string(&log).is_ok_and(|l| l.contains("template error"))
    });
    let (status, body) = get(port, page).expect("still served");
    assert_eq!(status, 200);
    assert!(
        body.contains("data-mine"),
        "the last good page is still served"
    );
    assert!(
        body.contains("template error"),
        "the page carries the error"
    );
    site.write(
        template,
        &builtin.replace("<article", "<article data-fixed=\"1\""),
    );
    wait_for("the fixed template", || {
        get(port, page)
            .is_some_and(|(_, b)| b.contains("data-fixed") && !b.contains("template error"))
    });
}

/// The raw response head to `request` (sent as written).
fn raw(port: u16, request: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    s.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    let _ = s.read_to_end(&mut raw);
    let text = String::from_utf8_lossy(&raw).into_owned();
    text.split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn serve_on_a_shared_machine_closes_idle_connections_and_stays_on_its_own_pages() {
    let site = TestSite::fixture("mini");
    let port = free_port();
    let child = Command::new(env!("CARGO_BIN_EXE_gigboard"))
        .args([
            "serve",
            "--idle-timeout",
            "1",
            "--port",
            &port.to_string(),
            "--root",
        ])
        .arg(site.root())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("serve starts");
    let _server = Server(child);
    wait_for("the server", || {
        get(port, "/").is_some_and(|(s, _)| s == 200)
    });

    // Idle connections (many, as an attack would open) are closed, and the server
    // still answers.
    let idle: Vec<TcpStream> = (0..20)
        .map(|_| TcpStream::connect(("127.0.0.1", port)).expect("connect"))
        .collect();
    let started = Instant::now();
    for mut s in idle {
        s.set_read_timeout(Some(Duration::from_secs(15)))
            .expect("timeout");
        let mut buf = [0u8; 16];
        let n = s.read(&mut buf).unwrap_or(0);
        assert_eq!(n, 0, "an idle connection is closed, not answered");
    }
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "closed after about a second: {:?}",
        started.elapsed()
    );
    assert_eq!(get(port, "/").map(|(s, _)| s), Some(200));

    // A folder asked for without its `/` is sent to a relative address, never `//…`.
    let head = raw(
        port,
        "GET //jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
    );
    let location = head
        .lines()
        .find_map(|l| l.strip_prefix("location: "))
        .unwrap_or_else(|| panic!("a redirect: {head}"));
    assert_eq!(location, "./jobs/");

    // The reload socket answers this server's pages, not another site's.
    let upgrade = |origin: &str| {
        raw(
            port,
            &format!(
                "GET /__gigboard/livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: {origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
            ),
        )
    };
    assert!(upgrade("http://evil.example").starts_with("HTTP/1.1 403"));

    // This server's own page gets the socket, and keeps it past the idle time: the
    // server pings it (WebSocket ping frames, 0x89) while nothing changes.
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    write!(
        s,
        "GET /__gigboard/livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nOrigin: http://127.0.0.1:{port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
    )
    .expect("send");
    s.set_read_timeout(Some(Duration::from_millis(200)))
        .expect("timeout");
    let mut got = Vec::new();
    let until = Instant::now() + Duration::from_millis(2500);
    while Instant::now() < until {
        let mut buf = [0u8; 256];
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => got.extend_from_slice(&buf[..n]),
            Err(_) => {}
        }
    }
    let text = String::from_utf8_lossy(&got);
    assert!(text.starts_with("HTTP/1.1 101"), "{text}");
    let head = text.find("\r\n\r\n").expect("end of the head") + 4;
    let pings = got[head..].iter().filter(|&&b| b == 0x89).count();
    assert!(
        pings >= 3,
        "pinged {pings} times in 2.5 s with a 1 s idle time"
    );
    let mut buf = [0u8; 16];
    let still_open = !matches!(s.read(&mut buf), Ok(0));
    assert!(still_open, "the reload socket was closed as idle");
}
