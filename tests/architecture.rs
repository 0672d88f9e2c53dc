//! ARCHITECTURE.md's floors are the imports: every room (module under `src/`) imports
//! only rooms on lower floors, and every room is on the map.

use std::collections::BTreeMap;
use std::path::Path;

const REPO: &str = env!("CARGO_MANIFEST_DIR");

/// Room → floor, from the table in ARCHITECTURE.md (`| 3 | \`validate\` | … |`).
fn floors() -> BTreeMap<String, u32> {
    let text =
        std::fs::read_to_string(Path::new(REPO).join("ARCHITECTURE.md")).expect("ARCHITECTURE.md");
    text.lines()
        .filter_map(|line| {
            let mut cells = line.split('|').map(str::trim).skip(1);
            let floor = cells.next()?.parse().ok()?;
            let room = cells.next()?.strip_prefix('`')?.strip_suffix('`')?;
            Some((room.to_string(), floor))
        })
        .collect()
}

/// Every room of `src/`: its folders and files but `lib.rs`, `main.rs` and test helpers.
fn rooms() -> Vec<String> {
    std::fs::read_dir(Path::new(REPO).join("src"))
        .expect("src")
        .filter_map(Result::ok)
        .map(|e| {
            e.file_name()
                .to_string_lossy()
                .trim_end_matches(".rs")
                .to_string()
        })
        .filter(|name| !["lib", "main", "test_rng"].contains(&name.as_str()))
        .collect()
}

/// The rooms `text` names as `crate::room`, outside comments.
fn imports(text: &str, rooms: &[String]) -> Vec<String> {
    let mut found = Vec::new();
    for line in text.lines().map(str::trim_start) {
        if line.starts_with("//") {
            continue;
        }
        for (at, _) in line.match_indices("crate::") {
            let rest = &line[at + "crate::".len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if rooms.contains(&name) && !found.contains(&name) {
                found.push(name);
            }
        }
    }
    found
}

#[test]
fn every_room_imports_only_rooms_below_it() {
    let floors = floors();
    let rooms = rooms();
    for room in &rooms {
        assert!(
            floors.contains_key(room),
            "src/{room} is not on ARCHITECTURE.md's map"
        );
    }
    let mut wrong = Vec::new();
    for room in &rooms {
        let path = Path::new(REPO).join("src").join(room);
        let files: Vec<std::path::PathBuf> = if path.is_dir() {
            walkdir::WalkDir::new(&path)
                .into_iter()
                .filter_map(Result::ok)
                .map(|e| e.into_path())
                .filter(|p| p.extension().is_some_and(|e| e == "rs"))
                .collect()
        } else {
            vec![path.with_extension("rs")]
        };
        for file in files {
            let text = std::fs::read_to_string(&file).expect("source");
            for other in imports(&text, &rooms) {
                if other != *room && floors[&other] >= floors[room] {
                    wrong.push(format!(
                        "{} (floor {}) imports {other} (floor {})",
                        file.strip_prefix(REPO).unwrap_or(&file).display(),
                        floors[room],
                        floors[&other]
                    ));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the floors:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_map_names_no_room_that_is_gone() {
    let rooms = rooms();
    for room in floors().keys() {
        assert!(
            rooms.contains(room),
            "ARCHITECTURE.md names `{room}`, which src/ lacks"
        );
    }
}
