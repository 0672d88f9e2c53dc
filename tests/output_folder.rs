//! Issue "Nothing lost": `build --output` writes, replaces or removes only a folder
//! gigboard made (marked by `.gigboard-output`), or an empty or missing one. Each test
//! is one of the security review's attacks, run twice where the second build was the
//! one that deleted.

mod common;

use common::{TestSite, snapshot};
use std::path::Path;

const DAY: &str = "2026-11-27";

/// A build as an editor runs it: the refusals are read in Chinese.
fn build_into(site: &TestSite, output: &Path) -> common::Run {
    common::as_editor(
        &[
            "build".as_ref(),
            "--root".as_ref(),
            site.root().as_os_str(),
            "--date".as_ref(),
            DAY.as_ref(),
            "--output".as_ref(),
            output.as_os_str(),
        ],
        &[],
    )
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_folder_of_the_user_s_own_files_is_refused_and_left_as_it_was() {
    let site = TestSite::fixture("mini");
    let home = tempfile::tempdir().expect("tempdir");
    let docs = home.path().join("documents");
    std::fs::create_dir_all(docs.join(".ssh")).expect("mkdir");
    std::fs::write(docs.join("工作总结.docx"), "mine").expect("write");
    std::fs::write(docs.join(".ssh/id_ed25519"), "key").expect("write");
    let before = snapshot(&docs);
    for _ in 0..2 {
        let run = build_into(&site, &docs);
        run.expect_code(2);
        assert!(
            run.stderr.contains("不是 gigboard 生成") && run.stderr.contains("documents"),
            "the refusal names the folder, in Chinese: {}",
            run.stderr
        );
    }
    assert_eq!(snapshot(&docs), before);
    assert_eq!(names(home.path()), ["documents"], "nothing made beside it");
}

#[test]
fn the_site_s_own_folders_are_refused_as_outputs() {
    let site = TestSite::fixture("mini");
    let before = snapshot(site.root());
    let refusals = [
        (site.path("content/jobs"), "源文件夹"),
        (site.path("content"), "源文件夹"),
        (site.path("content/static/site"), "源文件夹"),
        (site.path("themes/mine"), "源文件夹"),
        (site.root().to_path_buf(), "包含网站本身"),
        (
            site.root().parent().expect("a parent").to_path_buf(),
            "包含网站本身",
        ),
        ("/".into(), "包含网站本身"),
    ];
    for (output, says) in &refusals {
        for _ in 0..2 {
            let run = build_into(&site, output);
            run.expect_code(2);
            assert!(
                run.stderr.contains(says),
                "{}: {}",
                output.display(),
                run.stderr
            );
        }
    }
    assert_eq!(
        snapshot(site.root()),
        before,
        "not a file of the site changed"
    );
    assert!(!Path::new("/.output.spare").exists());
    // The feeds are all there: a check still finds the live postings.
    site.run(&["check", "--date", DAY]).expect_code(0);
}

#[test]
fn a_file_given_as_the_output_is_refused() {
    let site = TestSite::fixture("mini");
    let file = site.path("notes.txt");
    std::fs::write(&file, "keep").expect("write");
    build_into(&site, &file).expect_code(2);
    assert_eq!(std::fs::read(&file).expect("kept"), b"keep");
}

#[test]
fn gigboard_s_own_output_is_marked_and_replaced_build_after_build() {
    let site = TestSite::fixture("mini");
    let out = tempfile::tempdir().expect("tempdir");
    let target = out.path().join("www");
    build_into(&site, &target).expect_code(0);
    let mark = std::fs::read_to_string(target.join(".gigboard-output")).expect("marked");
    assert!(mark.contains("gigboard build"), "{mark}");
    build_into(&site, &target).expect_code(0);
    build_into(&site, &target).expect_code(0);
    // An output of a gigboard from before the mark is recognised, and marked.
    std::fs::remove_file(target.join(".gigboard-output")).expect("unmark");
    build_into(&site, &target).expect_code(0);
    assert!(target.join(".gigboard-output").is_file());
    // An empty folder is taken too; once a user's file is in it, it is not.
    let empty = out.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    build_into(&site, &empty).expect_code(0);
    assert!(empty.join("index.html").is_file());
    let mine = out.path().join("mine");
    std::fs::create_dir(&mine).expect("mkdir");
    std::fs::write(mine.join("index.html"), "my own page").expect("write");
    build_into(&site, &mine).expect_code(2);
    assert_eq!(names(&mine), ["index.html"], "left as it was");
}

#[cfg(unix)]
#[test]
fn an_output_reached_through_a_link_is_checked_where_it_leads() {
    let site = TestSite::fixture("mini");
    let out = tempfile::tempdir().expect("tempdir");
    let link = out.path().join("link");
    std::os::unix::fs::symlink(site.path("content"), &link).expect("symlink");
    let run = build_into(&site, &link.join("jobs"));
    run.expect_code(2);
    assert!(run.stderr.contains("源文件夹"), "{}", run.stderr);
    site.run(&["check", "--date", DAY]).expect_code(0);
}
