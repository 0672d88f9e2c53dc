//! The staged output: swaps, failures and the reused spare.

use super::*;

/// A file of a build: its path and text.
fn file(path: &str, text: &str) -> OutFile {
    OutFile::new(path, text.as_bytes().to_vec())
}

#[test]
fn a_failure_while_writing_leaves_the_old_output_and_no_staging_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::write(out.join("index.html"), "old site").expect("write");
    // `jobs` is both a file and a folder: the second write fails half-way, as a full
    // disk or a vanished folder would.
    let files = vec![
        OutFile::new("index.html", b"new".to_vec()),
        OutFile::new("jobs", b"x".to_vec()),
        OutFile::new("jobs/a/index.html", b"a".to_vec()),
    ];
    let err = replace_output(&out, &files).expect_err("cannot write");
    assert!(
        err.path.to_string_lossy().contains("staging"),
        "names the path: {err}"
    );
    assert_eq!(
        std::fs::read(out.join("index.html")).expect("kept"),
        b"old site"
    );
    // The half-written staging folder is removed: no partial spare is left behind.
    assert_eq!(entries(dir.path()), ["output"]);
}

/// The names in a folder, sorted.
fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Every file under `dir` with its bytes, and every folder (with a trailing `/`);
/// the output's mark is checked and left out.
fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    assert_eq!(
        std::fs::read(dir.join(MARKER)).expect("every output is marked"),
        place::MARKER_TEXT.as_bytes()
    );
    let mut all: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .filter(|e| e.as_ref().map_or(true, |e| e.path() != dir.join(MARKER)))
        .map(|e| {
            let e = e.expect("entry");
            let rel = e
                .path()
                .strip_prefix(dir)
                .expect("under dir")
                .to_string_lossy()
                .into_owned();
            if e.file_type().is_dir() {
                (format!("{rel}/"), Vec::new())
            } else {
                (rel, std::fs::read(e.path()).expect("read"))
            }
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_reused_spare_ends_exactly_like_a_fresh_output() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let builds = [
        vec![
            file("index.html", "one, a long first version"),
            file("jobs/a/index.html", "a"),
            file("jobs/b/index.html", "b"),
            file("docs", "a file that becomes a folder"),
            file("guide/index.html", "a folder that becomes a file"),
        ],
        vec![file("index.html", "two"), file("jobs/a/index.html", "a")],
        // The third build is staged in the first one's output (the spare).
        vec![
            file("index.html", "three"),
            file("jobs/c/index.html", "c"),
            file("docs/index.html", "docs"),
            file("guide", "guide"),
        ],
        vec![file("index.html", "four")],
        vec![file("index.html", "five, longer than the file it replaces")],
    ];
    for files in &builds {
        replace_output(&out, files).expect("written");
        let fresh = dir.path().join("fresh");
        let _ = std::fs::remove_dir_all(&fresh);
        replace_output(&fresh, files).expect("written fresh");
        assert_eq!(tree(&out), tree(&fresh));
        std::fs::remove_dir_all(&fresh).expect("rm fresh");
        let _ = std::fs::remove_dir_all(dir.path().join(".fresh.spare"));
    }
    assert_eq!(entries(dir.path()), [".output.spare", "output"]);
}

#[test]
fn a_failed_build_in_the_spare_leaves_the_output_and_the_next_build_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let good = vec![file("index.html", "good"), file("jobs/a/index.html", "a")];
    replace_output(&out, &good).expect("first");
    replace_output(&out, &good).expect("second: the first becomes the spare");
    let before = tree(&out);
    let bad = vec![
        file("index.html", "half"),
        file("jobs", "x"),
        file("jobs/a/index.html", "a"),
    ];
    // `jobs` is written both as a file and as a folder: one of the two fails,
    // whichever comes second.
    let _ = replace_output(&out, &bad);
    assert_eq!(tree(&out), before, "the output is as it was");
    replace_output(&out, &[file("index.html", "next")]).expect("next build");
    assert_eq!(tree(&out), [("index.html".to_string(), b"next".to_vec())]);
}

#[test]
fn replaces_and_cleans_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    std::fs::create_dir(&out).expect("mkdir");
    std::fs::write(out.join("stale.html"), "old").expect("write");
    let files = vec![
        OutFile::new("index.html", b"home".to_vec()),
        OutFile::new("jobs/a/index.html", b"a".to_vec()),
    ];
    replace_output(&out, &files).expect("written");
    assert_eq!(
        std::fs::read(out.join("jobs/a/index.html")).expect("read"),
        b"a"
    );
    assert!(!out.join("stale.html").exists());
    // The replaced output is kept as the spare for the next build.
    assert_eq!(entries(dir.path()), [".output.spare", "output"]);
    assert!(dir.path().join(".output.spare/stale.html").exists());
}

#[test]
fn a_site_too_big_for_a_spare_is_staged_empty_and_leaves_none() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let write = |keep: bool, files: &[OutFile]| {
        let place = OutputPlace {
            path: out.clone(),
            in_place: false,
        };
        let staging = Staging::begin(&place, keep).expect("begin");
        for f in files {
            staging.write(&f.path, &f.bytes).expect("write");
        }
        staging.finish().expect("finish");
    };
    write(true, &[file("index.html", "one"), file("old.html", "old")]);
    write(true, &[file("index.html", "two")]);
    assert_eq!(entries(dir.path()), [".output.spare", "output"]);
    // Too big now: the spare is neither used nor kept, the replaced output deleted.
    write(false, &[file("index.html", "three")]);
    assert_eq!(entries(dir.path()), ["output"]);
    assert_eq!(tree(&out), [("index.html".to_string(), b"three".to_vec())]);
}

#[cfg(unix)]
#[test]
fn a_file_of_the_spare_linked_elsewhere_is_replaced_not_written_through() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    replace_output(&out, &[file("index.html", "one"), file("a.html", "a1")]).expect("one");
    // A deploy snapshot made with hard links (`cp -al output/ snapshot/`), and a link.
    let snapshot = dir.path().join("snapshot.html");
    std::fs::hard_link(out.join("index.html"), &snapshot).expect("hard link");
    let outside = dir.path().join("outside.html");
    std::fs::write(&outside, "outside").expect("write");
    std::fs::remove_file(out.join("a.html")).expect("rm");
    std::os::unix::fs::symlink(&outside, out.join("a.html")).expect("symlink");
    replace_output(&out, &[file("index.html", "two")]).expect("two");
    // The third build is written into the first output, which holds both.
    replace_output(&out, &[file("index.html", "three"), file("a.html", "a3")]).expect("three");
    assert_eq!(std::fs::read(&snapshot).expect("snapshot"), b"one");
    assert_eq!(std::fs::read(&outside).expect("outside"), b"outside");
    assert_eq!(
        std::fs::read(out.join("index.html")).expect("new"),
        b"three"
    );
    assert_eq!(std::fs::read(out.join("a.html")).expect("new"), b"a3");
    assert!(
        !std::fs::symlink_metadata(out.join("a.html"))
            .expect("a")
            .file_type()
            .is_symlink()
    );
}

#[test]
fn the_spare_is_kept_for_county_and_league_boards_not_for_a_national_one() {
    assert!(keeps_spare(0));
    assert!(keeps_spare(2_000));
    assert!(!keeps_spare(KEEP_SPARE_UP_TO + 1));
    assert!(!keeps_spare(1_000_000));
}

#[cfg(unix)]
#[test]
fn a_folder_of_the_spare_replaced_by_a_link_fails_the_build_instead_of_losing_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).expect("mkdir");
    let site = [file("index.html", "home"), file("jobs/a/index.html", "a")];
    replace_output(&out, &site).expect("one");
    // By hand: the jobs folder moved elsewhere and linked back.
    std::fs::rename(out.join("jobs"), elsewhere.join("jobs")).expect("move");
    std::os::unix::fs::symlink(elsewhere.join("jobs"), out.join("jobs")).expect("link");
    replace_output(&out, &site).expect("two: the first output becomes the spare");
    let before = tree(&out);
    // Changed pages are written where they are in the spare (unchanged ones are linked
    // from the output, through real folders).
    let changed = [
        file("index.html", "home 2"),
        file("jobs/a/index.html", "a 2"),
    ];
    let err = replace_output(&out, &changed).expect_err("the link is named");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(tree(&out), before, "the output is as it was");
}

/// Drives one build of `files` into `place`.
fn build_into(place: &OutputPlace, files: &[OutFile]) -> Result<(), WriteError> {
    let staging = Staging::begin(place, true)?;
    for f in files {
        staging.write(&f.path, &f.bytes)?;
    }
    staging.finish()
}

#[test]
fn an_output_that_is_a_mount_point_is_written_in_place_never_renamed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("usb");
    std::fs::create_dir(&out).expect("mkdir");
    let place = OutputPlace {
        path: out.clone(),
        in_place: true,
    };
    #[cfg(unix)]
    let inode = || std::os::unix::fs::MetadataExt::ino(&std::fs::metadata(&out).expect("stat"));
    #[cfg(unix)]
    let first = inode();
    build_into(
        &place,
        &[file("index.html", "one"), file("jobs/a/index.html", "a")],
    )
    .expect("one");
    build_into(&place, &[file("index.html", "two"), file("b.html", "b")]).expect("two");
    assert_eq!(
        tree(&out),
        [
            ("b.html".to_string(), b"b".to_vec()),
            ("index.html".to_string(), b"two".to_vec())
        ]
    );
    #[cfg(unix)]
    assert_eq!(inode(), first, "the same folder, written into");
    // Nothing beside it.
    assert_eq!(entries(dir.path()), ["usb"]);
    // A failed build leaves it as it was.
    let before = tree(&out);
    let bad = [
        file("index.html", "half"),
        file("b.html", "x"),
        file("b.html/c", "y"),
    ];
    assert!(build_into(&place, &bad).is_err());
    assert_eq!(tree(&out), before);
    assert_eq!(entries(&out), [MARKER, "b.html", "index.html"]);
}

#[test]
fn staging_folders_of_killed_builds_are_removed_but_nothing_unmarked() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    // No process has this id (above the kernel's largest).
    let dead = 4_194_304 + 7;
    for name in [
        format!(".output.staging-{dead}"),
        format!(".output.old-{dead}"),
    ] {
        let left = dir.path().join(name);
        std::fs::create_dir_all(left.join("jobs")).expect("mkdir");
        std::fs::write(left.join(MARKER), place::MARKER_TEXT).expect("mark");
    }
    // Named like a leftover, but not gigboard's: kept.
    let foreign = dir.path().join(format!(".output.staging-{}", dead + 1));
    std::fs::create_dir(&foreign).expect("mkdir");
    std::fs::write(foreign.join("notes.txt"), "mine").expect("write");
    // The running build's own folder is never taken for a leftover.
    let place = OutputPlace {
        path: out.clone(),
        in_place: false,
    };
    build_into(&place, &[file("index.html", "one")]).expect("built");
    let expected = vec![
        format!(".output.staging-{}", dead + 1),
        "output".to_string(),
    ];
    assert_eq!(entries(dir.path()), expected);
    assert_eq!(
        std::fs::read(foreign.join("notes.txt")).expect("kept"),
        b"mine"
    );
}

#[test]
fn a_spare_without_the_mark_is_neither_reused_nor_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let spare = dir.path().join(".output.spare");
    std::fs::create_dir(&spare).expect("mkdir");
    std::fs::write(spare.join("keep.txt"), "mine").expect("write");
    let place = OutputPlace {
        path: out.clone(),
        in_place: false,
    };
    build_into(&place, &[file("index.html", "one")]).expect("one");
    build_into(&place, &[file("index.html", "two")]).expect("two");
    assert_eq!(tree(&out), [("index.html".to_string(), b"two".to_vec())]);
    assert_eq!(
        std::fs::read(spare.join("keep.txt")).expect("kept"),
        b"mine"
    );
}

#[cfg(unix)]
#[test]
fn unchanged_files_keep_their_inode_and_time_and_a_changed_one_never_touches_the_output() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let one = [
        file("index.html", "home"),
        file("jobs/a/index.html", "a"),
        file("jobs/b/index.html", "b"),
    ];
    replace_output(&out, &one).expect("one");
    replace_output(&out, &one).expect("two, the same");
    let stamp = |p: &str| {
        let m = std::fs::metadata(out.join(p)).expect("a file");
        (m.ino(), m.mtime(), m.mtime_nsec())
    };
    let before: Vec<_> = ["index.html", "jobs/a/index.html", "jobs/b/index.html"]
        .iter()
        .map(|p| stamp(p))
        .collect();
    let two = [
        file("index.html", "home"),
        file("jobs/a/index.html", "a, changed"),
        file("jobs/b/index.html", "b"),
    ];
    let as_it_was = tree(&out);
    // A build that fails half-way, in the spare whose files are the output's too.
    let place = OutputPlace {
        path: out.clone(),
        in_place: false,
    };
    let staging = Staging::begin(&place, true).expect("staged");
    staging
        .write("jobs/a/index.html", b"a, changed")
        .expect("written");
    drop(staging);
    assert_eq!(tree(&out), as_it_was, "the output is as it was");
    replace_output(&out, &two).expect("three");
    assert_eq!(stamp("index.html"), before[0], "unchanged: the same file");
    assert_eq!(stamp("jobs/b/index.html"), before[2]);
    assert_ne!(
        stamp("jobs/a/index.html").0,
        before[1].0,
        "changed: a new file"
    );
    assert_eq!(
        std::fs::read(out.join("jobs/a/index.html")).expect("read"),
        b"a, changed"
    );
}

#[cfg(unix)]
#[test]
fn a_file_unchanged_for_two_builds_is_left_alone_not_linked_again() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tempdir");
    let out = dir.path().join("output");
    let site = [file("index.html", "home"), file("jobs/a/index.html", "a")];
    replace_output(&out, &site).expect("one");
    replace_output(&out, &site).expect("two: linked from the first");
    // Linking a file again changes its status time (ctime); leaving it alone does not.
    let stamp = |p: &str| {
        let m = std::fs::metadata(out.join(p)).expect("a file");
        (m.ino(), m.ctime(), m.ctime_nsec(), m.nlink())
    };
    let before = [stamp("index.html"), stamp("jobs/a/index.html")];
    std::thread::sleep(std::time::Duration::from_millis(50));
    replace_output(&out, &site).expect("three: the spare's files are the output's");
    assert_eq!([stamp("index.html"), stamp("jobs/a/index.html")], before);
    let fresh = dir.path().join("fresh");
    replace_output(&fresh, &site).expect("into an empty folder");
    assert_eq!(tree(&out), tree(&fresh));
}
