//! The fast reader against the full parser: the same tree or a decline, never another.

use super::*;
use crate::load::yaml_build::parse_events;
use crate::test_rng::Rng;

/// The fast reader's tree equals the full parser's, or it declines; it never takes
/// a file the full parser refuses.
fn agrees(doc: &str) -> Result<bool, String> {
    match (parse(doc), parse_events(doc)) {
        (None, _) => Ok(false),
        (Some(fast), Ok(full)) if fast == full => Ok(true),
        (Some(fast), full) => Err(format!("{doc:?}\n  fast {fast:?}\n  full {full:?}")),
    }
}

/// Every YAML file of the repository (the sample, fixtures, the theme, `init`'s
/// templates): read alike, and the sample's feeds and markets by the fast reader.
#[test]
fn agrees_on_every_yaml_file_and_reads_the_sample_itself() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (mut files, mut fast) = (0, 0);
    for entry in walkdir::WalkDir::new(root).into_iter().flatten() {
        let path = entry.path();
        if path
            .components()
            .any(|c| c.as_os_str() == "target" || c.as_os_str() == ".git")
            || !path.extension().is_some_and(|e| e == "yaml" || e == "yml")
        {
            continue;
        }
        let text = std::fs::read_to_string(path).expect("readable");
        let read = agrees(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let sample = path.starts_with(root.join("content/jobs"))
            || path.starts_with(root.join("content/markets"));
        assert!(
            read || !sample,
            "{} was left to the full parser",
            path.display()
        );
        files += 1;
        fast += usize::from(read);
    }
    assert!(
        files > 250 && fast > 250,
        "{fast} of {files} files read fast"
    );
}

/// The layout read here, and the near misses the full parser must read instead.
#[test]
fn agrees_on_edge_cases() {
    let read_fast = [
        "a: 1\n",
        "a:\nb: x\n",
        "a: # c\nb:   \n",
        "- x\n- 'y'\n- \"z\"\n",
        "a:\n  - 1\n  - k: v\n    j: [1, \"s\", {p: q}]\n",
        "a: {p: 1, q: [1, \"s\"], r: {}, s: []}\n",
        "a: { p: 1 , q: [ 1 ] }\n",
        "f: |\n  l1\n\n  l2\n\ng: end\n",
        "f: |-\n  l1\n   l2\n  \ng: end\n",
        "f: | # why\n  # not a comment\n",
        "- |\n  in a list\n- b: |\n    in a group\n",
        "# top\n\na: b # c\n  # deeper comment\nd: \"x\" # k\ne: p#q\n",
        "h: \"\\u4e2d\\x41\\/\\t\\\\\\\"\\n\\U0001F600\"\n",
        "s: 'it''s'\n",
        "name: 呼伦贝尔 北辰（示例）\nkv: {name: 田女士, phone: \"138-0000-0437\"}\n",
        "title: 招聘[急] {今天}, 明天\n",
        "t: 06:00\nu: http://x.cn/a?b=c#d\nv: 0471\nw: on\nx: true\ny: ~\nz: 1.5e3\n",
        "on: 1\ntrue: 2\n1: 3\n2026-11-27: 4\n",
        "a:\n    deep:\n        deeper: x\n    back: y\nc: z\n",
        "a: 1\n\n\n",
        "a: 1",
        "a: \"x\"",
    ];
    for doc in read_fast {
        assert_eq!(agrees(doc), Ok(true), "{doc:?}");
    }
    let left_to_the_full_parser = [
        "",
        "# only a comment\n",
        "---\na: 1\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "%YAML 1.2\n---\na: 1\n",
        "  a: 1\n",
        "just text\n",
        "a:\n- x\n",
        "- - x\n",
        "-\n  k: 1\n",
        "- \n- x\n",
        "a: b\n  c\n",
        "a: \"b\n  c\"\n",
        "a: [1,\n  2]\n",
        "a: {b: 1,}\n",
        "a: {b:1}\n",
        "a: {b: }\n",
        "a: {b: c#d}\n",
        "a: [06:00]\n",
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "a: >\n  folded\n",
        "a: |+\n  kept\n\n",
        "a: |2\n   x\n",
        "a: |\n\n  x\n",
        "a: |\n  x",
        "a: |\nb: 1\n",
        "a: |\n  x\n    \n",
        "a:\tb\n",
        "a: b\r\n",
        "a: 1\na: 2\n",
        "<<: {a: 1}\nb: 2\n",
        "\"a\": 1\n",
        "? a\n: b\n",
        "a: b: c\n",
        "a: b:\n",
        "a: -1\n",
        "a: \"\\q\"\n",
        "a: \"x\"y\n",
        "a: \"x\"#y\n",
        "a: \u{feff}b\n",
        "a: \u{1}\n",
        "a: b\u{7f}\n",
        "a: \u{9f}\n",
        "a: \u{ffff}\n",
        "a: \u{fffe}\n",
        "a: .inf\n",
        "k: v\n  bad indent: 1\n",
        "- 1\n-2\n",
        "中文键: 值\n",
    ];
    for doc in left_to_the_full_parser {
        assert_eq!(agrees(doc), Ok(false), "{doc:?}");
    }
    // Read alike, whichever reads them.
    for doc in [
        "a: x\u{2028}y\n",
        "a: x\u{85}y\n",
        "a: {b: c\"d}\n",
        "a: b'c\n",
        "a: [b, 'c''d', \"e\\\"f\"]\n",
        "a: 1_000\nb: 0o17\nc: +5\nd: .5\n",
        "k-: v\n_k: w\n",
        "- - x\n  - y\n",
        "a:\n  b:\n    - |\n      deep text\n    - c\n",
    ] {
        assert!(agrees(doc).is_ok(), "{doc:?}");
    }
}

/// Files made of random pieces of the layout, and of near misses (a character
/// dropped, doubled or swapped in): read as the full parser reads them, or left to it.
#[test]
fn agrees_on_generated_files() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let (mut fast, mut total) = (0, 0);
    for _ in 0..20_000 {
        let mut doc = String::new();
        block(&mut rng, &mut doc, 0, 0);
        if rng.below(3) == 0 {
            mutate(&mut rng, &mut doc);
        }
        fast += usize::from(agrees(&doc).unwrap_or_else(|e| panic!("{e}")));
        total += 1;
    }
    // Most generated files are in the layout: the comparison is not all declines.
    eprintln!("{fast} of {total} read fast");
    assert!(fast * 3 > total, "{fast} of {total} read fast");
}

/// Pieces in the layout, and (picked once in a while) pieces outside it.
fn piece<'a>(rng: &mut Rng, usual: &[&'a str], odd: &[&'a str]) -> &'a str {
    if rng.below(12) == 0 {
        rng.pick(odd)
    } else {
        rng.pick(usual)
    }
}

const KEYS: &[&str] = &[
    "a",
    "id",
    "on",
    "true",
    "1",
    "k-2",
    "x_y",
    "08",
    "2026-11-27",
];
const ODD_KEYS: &[&str] = &["中", "\"q\"", "<<", "a b", "-k", "? k"];
const SCALARS: &[&str] = &[
    "x",
    "中文 值",
    "06:00",
    "0471",
    "a b",
    "a #b",
    "a#b",
    "1.5",
    "~",
    "null",
    "true",
    "yes",
    "x]",
    "{y}",
    "'s'",
    "'it''s'",
    "\"d\"",
    "\"a\\nb\\u4e2d\"",
    "\"#\"",
    "http://a/b",
    "0x1F",
    "[1, 2]",
    "[a, \"b\", {c: d}]",
    "{a: 1, b: [x]}",
    "{}",
    "[]",
    "[a b, c]",
    "x # note",
    "x  ",
    "{ a: 1 , b: 2 }",
    "\"\"",
    "''",
];
const ODD_SCALARS: &[&str] = &[
    "-5", "a: b", "a:", "\"\\x\"", "1e999", "&a x", "*a", "!!int 3", ">", "{a: 1,}", "@x", "`x`",
    "%x", "? x", "|x", "[06:00]", "{a:1}", "\"a\" b",
];
const TEXT_LINES: &[&str] = &["文本", "- item", "# heading", "a: b", "x  ", "\"q\""];
const ODD_TEXT_LINES: &[&str] = &["", "  indented", "   ", "    "];

/// A group or list at `indent`, `depth` levels down.
fn block(rng: &mut Rng, doc: &mut String, indent: usize, depth: usize) {
    let is_list = rng.below(4) == 0;
    for _ in 0..1 + rng.below(4) {
        if rng.below(8) == 0 {
            let at = rng.below(indent + 3);
            doc.push_str(&format!("{}# c\n", " ".repeat(at)));
        }
        if rng.below(10) == 0 {
            doc.push('\n');
        }
        doc.push_str(&" ".repeat(indent));
        let inner = if is_list {
            doc.push_str("- ");
            if rng.below(3) == 0 {
                // `- key: value` with the group's keys lined up after the dash.
                entry(rng, doc, indent + 2, depth);
                for _ in 0..rng.below(3) {
                    doc.push_str(&" ".repeat(indent + 2));
                    entry(rng, doc, indent + 2, depth);
                }
                continue;
            }
            indent
        } else {
            entry(rng, doc, indent, depth);
            continue;
        };
        value(rng, doc, inner, depth);
    }
}

/// `key: value` at column `indent` (the key already indented).
fn entry(rng: &mut Rng, doc: &mut String, indent: usize, depth: usize) {
    doc.push_str(piece(rng, KEYS, ODD_KEYS));
    doc.push(':');
    if depth < 4 && rng.below(4) == 0 {
        if rng.below(3) == 0 {
            doc.push_str(" # c");
        }
        doc.push('\n');
        let step = [1, 2, 2, 4, 0][rng.below(5)];
        block(rng, doc, indent + step, depth + 1);
    } else if rng.below(12) == 0 {
        doc.push('\n');
    } else {
        doc.push(' ');
        value(rng, doc, indent, depth);
    }
}

/// A one-line value or a literal block, for a node at column `indent`.
fn value(rng: &mut Rng, doc: &mut String, indent: usize, _depth: usize) {
    if rng.below(6) == 0 {
        doc.push_str(piece(rng, &["|", "|-", "| # c"], &["|+", ">", "|2", "|x"]));
        doc.push('\n');
        let inner = indent + [1, 2, 2, 4][rng.below(4)];
        for _ in 0..1 + rng.below(4) {
            let text = piece(rng, TEXT_LINES, ODD_TEXT_LINES);
            if !text.is_empty() {
                doc.push_str(&" ".repeat(inner));
            }
            doc.push_str(text);
            doc.push('\n');
        }
    } else {
        doc.push_str(piece(rng, SCALARS, ODD_SCALARS));
        doc.push('\n');
    }
}

fn mutate(rng: &mut Rng, doc: &mut String) {
    let chars: Vec<char> = doc.chars().collect();
    if chars.is_empty() {
        return;
    }
    let at = rng.below(chars.len());
    let pieces = [
        " ", ":", "-", "#", "\"", "'", "|", "{", "}", "[", "]", ",", "\n", "\t",
    ];
    let mut out: String = chars[..at].iter().collect();
    match rng.below(3) {
        0 => out.extend(&chars[at + 1..]),
        1 => {
            out.push(chars[at]);
            out.extend(&chars[at..]);
        }
        _ => {
            out.push_str(rng.pick(&pieces));
            out.extend(&chars[at..]);
        }
    }
    *doc = out;
}
