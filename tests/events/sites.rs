//! The sites these tests build: the mini fixture with a few events and a training
//! programme added (today is 2026-11-27), and the repository's sample.

use super::common::{REPO, TestSite, gigboard};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The mini fixture's today is 2026-11-27: one past fair, a caravan with a past stop
/// and two to come, a fair at a market and one at a free address.
pub const EVENTS: &[(&str, &str)] = &[
    (
        "content/events/xincheng-fair.yaml",
        r#"title: "冬季招聘会, 现场面试; 当天上岗"
kind: fair
market: xincheng
start: "2026-12-05T08:30"
end: "2026-12-05T11:30"
organiser: 新城区公共就业服务中心
bring: [身份证]
employers:
  - {name: 测试家政有限公司, jobs: [保洁, 育儿嫂], headcount: 12}
contact: {name: 刘老师, phone: "0471-0000-0101"}
description: 元旦、春节前的用工高峰专场：家政、保洁、商超理货、后厨帮工、暖气维修学徒和年货促销员，现场面试，谈好了当场确认，第二天就能上岗。求职者入场免费。
"#,
    ),
    (
        "content/events/huimin-past.yaml",
        "title: 残疾人就业专场\nkind: special\nmarket: huimin\nstart: \"2026-11-20T09:00\"\nend: \"2026-11-20T12:00\"\norganiser: 回民区残联\ncontact: {phone: \"0471-0000-0201\"}\n",
    ),
    (
        "content/events/city-caravan.yaml",
        r#"title: 招工大篷车进社区
kind: caravan
organiser: 测试市公共就业服务中心
stops:
  - {county: "150103", place: 示例社区广场, start: "2026-11-25T09:00", end: "2026-11-25T15:00"}
  - {county: "150102", place: 示例村委会, start: "2026-11-27T09:00", end: "2026-11-27T15:00", location: {lat: 40.85, lon: 111.66}}
  - {county: "150103", place: 示例文化广场, start: "2026-12-03T09:00", end: "2026-12-03T15:00"}
contact: {name: 周老师, phone: "0471-0000-3101"}
"#,
    ),
    (
        "content/events/later-fair.yaml",
        "title: 春节后返岗专场\nkind: fair\nlocation: {address: 测试市体育馆一楼, lat: 40.83, lon: 111.7}\nstart: \"2027-01-10T09:00\"\nend: \"2027-01-10T15:00\"\norganiser: 测试市人社局\ncontact: {phone: \"0471-0000-0300\"}\n",
    ),
    (
        "content/training/free-course.yaml",
        "title: 家政服务员培训班\ntrade: 家政服务员\nprovider: 测试职业培训学校\nmarket: xincheng\nstart: 2026-12-07\nend: 2026-12-21\nduration: 15天\ncost: 0\nsubsidy: {training: 1200, living: 40, who: 登记失业人员}\nenrol: 到市场服务台报名\ncontact: {name: 赵老师, phone: \"0471-0000-0105\"}\n",
    ),
];

/// The UIDs `/events.ics` must carry: everything still to come, each stop on its own.
pub const UPCOMING_UIDS: &[&str] = &[
    "city-caravan-stop-2@gigboard",
    "city-caravan-stop-3@gigboard",
    "later-fair@gigboard",
    "xincheng-fair@gigboard",
];

pub fn mini_with_events() -> TestSite {
    let site = TestSite::fixture("mini");
    for (path, text) in EVENTS {
        site.write(path, text);
    }
    site
}

/// The mini site with [`EVENTS`], built (cheap: each test builds its own copy).
pub fn built_mini() -> TestSite {
    let site = mini_with_events();
    site.run(&["build", "--no-minify"]).expect_code(0);
    site
}

/// The sample site, built once per test run into cargo's scratch space.
pub fn sample() -> &'static PathBuf {
    static OUT: OnceLock<PathBuf> = OnceLock::new();
    OUT.get_or_init(|| {
        let scratch = Path::new(env!("CARGO_TARGET_TMPDIR")).join("gigboard-events-tests");
        // Builds of earlier runs go once the run that made them is gone.
        super::common::remove_left_by_gone_processes(&scratch);
        let dir = scratch.join(std::process::id().to_string());
        let _ = std::fs::remove_dir_all(&dir);
        let out = dir.join("output");
        let args: [&std::ffi::OsStr; 7] = [
            "build".as_ref(),
            "--root".as_ref(),
            REPO.as_ref(),
            "--no-minify".as_ref(),
            "--date".as_ref(),
            "2026-11-27".as_ref(),
            "--output".as_ref(),
        ];
        let mut all: Vec<&std::ffi::OsStr> = args.to_vec();
        all.push(out.as_os_str());
        gigboard(&all).expect_code(0);
        out
    })
}
