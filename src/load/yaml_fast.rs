//! A fast reader for content files in the layout editors, `gigboard new` and the
//! sample write; every other file is left to granit-parser.
//!
//! Why: granit-parser is a complete YAML parser and spends about 3,000 instructions on
//! each token; for a board of 50,000 postings reading YAML was half of `gigboard check`
//! and an eighth of a build. Content files use a small part of YAML, line by line:
//! block mappings with plain keys, lists of `- ` items (indented under their key),
//! one-line values (plain, quoted, `{…}` and `[…]`), comments, and literal `|` / `|-`
//! blocks for the texts. This reader takes those lines and feeds the same tree
//! builder as the full parser, with the same positions.
//!
//! The contract: [`parse`] gives exactly the tree the full parser would make, or
//! `None` — for anything outside that layout (anchors, tags, folded `>` blocks,
//! values over several lines, tabs, Windows line ends, a `-` at its key's indentation…)
//! and for every mistake. The full parser then reads the file and has the last word,
//! errors and their messages included. The tests compare the two on every YAML file
//! of the repository, on edge cases and on generated files.

use super::yaml::Node;
use super::yaml_build::Builder;
use crate::diag::Pos;

/// The file is outside the layout read here (or has a mistake): the full parser reads it.
struct Decline;

type Step<T = ()> = Result<T, Decline>;

impl From<super::yaml::SyntaxError> for Decline {
    fn from(_: super::yaml::SyntaxError) -> Decline {
        Decline
    }
}

/// The tree of `src`, when it is written in the layout this reader knows.
pub(super) fn parse(src: &str) -> Option<Node> {
    if !plain_text(src.as_bytes()) {
        return None;
    }
    let mut r = Reader {
        src,
        at: 0,
        end: line_end(src, 0),
        line: 1,
        b: Builder::new(),
    };
    r.document().ok()?;
    r.b.is_balanced().then(|| r.b.into_root(Pos::FILE))
}

/// Only characters YAML prints and line feeds: no tabs or carriage returns (indentation
/// and line ends the full parser judges), no control characters and no byte-order
/// marks or non-characters (which the full parser refuses or treats specially).
fn plain_text(bytes: &[u8]) -> bool {
    // Control characters: a byte at a time without branches, which the compiler turns
    // into vector code (this looks at every byte of every file).
    let control = bytes.chunks(4096).any(|chunk| {
        chunk.iter().fold(false, |seen, &b| {
            seen | ((b < 0x20) & (b != b'\n')) | (b == 0x7f)
        })
    });
    // U+0080–U+009F but U+0085 (C2 80–9F).
    let c1 = || {
        memchr::memchr_iter(0xc2, bytes).any(|i| {
            bytes
                .get(i + 1)
                .is_some_and(|&n| (0x80..0xa0).contains(&n) && n != 0x85)
        })
    };
    // U+FEFF (a byte-order mark), U+FFFE and U+FFFF (EF BB BF, EF BF BE, EF BF BF).
    let specials = || {
        memchr::memchr_iter(0xef, bytes).any(|i| {
            matches!(
                (bytes.get(i + 1), bytes.get(i + 2)),
                (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
            )
        })
    };
    !control && !c1() && !specials()
}

struct Reader<'a> {
    src: &'a str,
    /// Where the current line starts (a byte offset into `src`).
    at: usize,
    /// Where it ends (its line feed, or the end of `src`).
    end: usize,
    /// The current line's number, from 1.
    line: u64,
    b: Builder,
}

impl<'a> Reader<'a> {
    /// The current line, without its line feed.
    fn cur(&self) -> &'a str {
        &self.src[self.at..self.end]
    }

    /// Whether the current line ends with a line feed (the file's last may not).
    fn cur_has_line_feed(&self) -> bool {
        self.end < self.src.len()
    }

    fn advance(&mut self) {
        self.at = (self.end + 1).min(self.src.len());
        self.end = line_end(self.src, self.at);
        self.line += 1;
    }

    fn at_end(&self) -> bool {
        self.at >= self.src.len()
    }

    /// Moves past blank and comment lines; the indentation of the next line with content.
    fn next_content(&mut self) -> Option<usize> {
        while !self.at_end() {
            let line = self.cur();
            let indent = spaces(line, 0);
            if indent < line.len() && line.as_bytes()[indent] != b'#' {
                return Some(indent);
            }
            self.advance();
        }
        None
    }

    /// The position of byte `i` of the current line (columns count characters).
    fn pos(&self, i: usize) -> Pos {
        let before = &self.cur().as_bytes()[..i];
        let column = before.iter().filter(|&&b| (b & 0xc0) != 0x80).count();
        Pos::new(self.line, column as u64 + 1)
    }

    /// The position of byte `i` of the current line when all before it is ASCII
    /// (indentation, a dash, a key).
    fn ascii_pos(&self, i: usize) -> Pos {
        Pos::new(self.line, i as u64 + 1)
    }

    fn document(&mut self) -> Step {
        // Empty and comment-only files are the full parser's (it places their null).
        match self.next_content() {
            Some(0) => self.block_node(0)?,
            _ => return Err(Decline),
        }
        match self.next_content() {
            None => Ok(()),
            Some(_) => Err(Decline),
        }
    }

    /// A list or a group whose first line is the current one, at `indent`.
    fn block_node(&mut self, indent: usize) -> Step {
        if is_item(&self.cur()[indent..]) {
            self.block_seq(indent)
        } else {
            self.block_map(indent)
        }
    }

    /// `- ` items at column `col`, each with its value on the same line.
    fn block_seq(&mut self, col: usize) -> Step {
        self.b.open_seq(self.ascii_pos(col), 0)?;
        loop {
            let line = self.cur();
            let value = spaces(line, col + 1);
            // An item written on the next lines, or an empty one.
            if value == line.len() || line.as_bytes()[value] == b'#' || is_item(&line[value..]) {
                return Err(Decline);
            }
            if key_len(&line[value..]).is_some() {
                // `- key: value`: a group whose keys line up at `value`.
                self.block_map(value)?;
            } else {
                self.inline_value(value, col)?;
            }
            match self.next_content() {
                Some(i) if i == col && is_item(&self.cur()[i..]) => {}
                Some(i) if i < col => break,
                None => break,
                Some(_) => return Err(Decline),
            }
        }
        self.b.close(Pos::FILE)?;
        Ok(())
    }

    /// `key: value` lines whose keys start at column `col`; the first is the current line.
    fn block_map(&mut self, col: usize) -> Step {
        self.b.open_map(self.ascii_pos(col), 0)?;
        loop {
            let line = self.cur();
            let key = key_len(&line[col..]).ok_or(Decline)?;
            self.b.plain(&line[col..col + key], self.ascii_pos(col))?;
            let colon = col + key;
            let value = spaces(line, colon + 1);
            if value == line.len() || line.as_bytes()[value] == b'#' {
                // The value is on the next lines, or there is none.
                let at_colon = self.ascii_pos(colon);
                self.advance();
                match self.next_content() {
                    Some(i) if i > col => self.block_node(i)?,
                    // A list at its key's own indentation: valid, but rare.
                    Some(i) if i == col && is_item(&self.cur()[i..]) => return Err(Decline),
                    _ => self.b.plain("", at_colon)?,
                }
            } else {
                self.inline_value(value, col)?;
            }
            match self.next_content() {
                Some(i) if i == col => {}
                Some(i) if i < col => break,
                None => break,
                Some(_) => return Err(Decline),
            }
        }
        self.b.close(Pos::FILE)?;
        Ok(())
    }

    /// A value that starts at byte `i` of the current line, inside a list or group at
    /// column `parent` (a `|` block's lines are indented past it). Moves to the next line.
    fn inline_value(&mut self, i: usize, parent: usize) -> Step {
        let line = self.cur();
        let end = match line.as_bytes()[i] {
            b'"' | b'\'' | b'{' | b'[' => self.flow_node(line, i)?,
            b'|' => return self.literal(i, parent),
            b'>' | b'&' | b'*' | b'!' | b'%' | b'@' | b'`' | b'?' | b':' | b',' | b']' | b'}'
            | b'-' | b'#' => return Err(Decline),
            _ => {
                let text = block_plain(&line[i..]).ok_or(Decline)?;
                self.b.plain(text, self.pos(i))?;
                line.len()
            }
        };
        if !rest_is_blank(&line[end..]) {
            return Err(Decline);
        }
        self.advance();
        Ok(())
    }

    /// A one-line flow value at byte `i` of `line`: quoted, `{…}` or `[…]`; where it ends.
    fn flow_node(&mut self, line: &str, i: usize) -> Step<usize> {
        let bytes = line.as_bytes();
        match bytes[i] {
            b'"' => {
                let (text, end) = double_quoted(&line[i..]).ok_or(Decline)?;
                self.b.text(text, self.pos(i))?;
                Ok(i + end)
            }
            b'\'' => {
                let (text, end) = single_quoted(&line[i..]).ok_or(Decline)?;
                self.b.text(text, self.pos(i))?;
                Ok(i + end)
            }
            open @ (b'{' | b'[') => {
                let (close, is_map) = if open == b'{' {
                    (b'}', true)
                } else {
                    (b']', false)
                };
                if is_map {
                    self.b.open_map(self.pos(i), 0)?;
                } else {
                    self.b.open_seq(self.pos(i), 0)?;
                }
                let mut j = spaces(line, i + 1);
                if bytes.get(j) == Some(&close) {
                    self.b.close(Pos::FILE)?;
                    return Ok(j + 1);
                }
                loop {
                    if is_map {
                        let key = key_len(&line[j..]).ok_or(Decline)?;
                        // `{a:b}` is one plain scalar in YAML: only `key: value` is read here.
                        if bytes.get(j + key + 1) != Some(&b' ') {
                            return Err(Decline);
                        }
                        self.b.plain(&line[j..j + key], self.pos(j))?;
                        j = spaces(line, j + key + 1);
                    }
                    j = spaces(line, self.flow_item(line, j)?);
                    match bytes.get(j) {
                        Some(b',') => {
                            j = spaces(line, j + 1);
                            // A trailing comma, or a value on the next line.
                            if matches!(bytes.get(j), None | Some(b'}' | b']' | b',')) {
                                return Err(Decline);
                            }
                        }
                        Some(&c) if c == close => {
                            self.b.close(Pos::FILE)?;
                            return Ok(j + 1);
                        }
                        _ => return Err(Decline),
                    }
                }
            }
            _ => Err(Decline),
        }
    }

    /// A value inside `{…}` or `[…]`: nested, quoted or plain; where it ends.
    fn flow_item(&mut self, line: &str, i: usize) -> Step<usize> {
        match line.as_bytes().get(i) {
            Some(b'"' | b'\'' | b'{' | b'[') => self.flow_node(line, i),
            Some(_) => {
                let len = flow_plain_len(&line[i..]).ok_or(Decline)?;
                self.b.plain(&line[i..i + len], self.pos(i))?;
                Ok(i + len)
            }
            None => Err(Decline),
        }
    }

    /// A literal block (`|` or `|-`) whose header is at byte `i` of the current line,
    /// its lines indented past column `parent`.
    fn literal(&mut self, i: usize, parent: usize) -> Step {
        let line = self.cur();
        let (strip, after) = match line.as_bytes().get(i + 1) {
            Some(b'-') => (true, i + 2),
            _ => (false, i + 1),
        };
        // Indentation indicators, `|+` and words after the header are the full parser's.
        if !rest_is_blank(&line[after..]) {
            return Err(Decline);
        }
        self.advance();
        if self.at_end() {
            return Err(Decline);
        }
        let first = self.cur();
        let indent = spaces(first, 0);
        // Leading blank lines, and an empty block, are the full parser's.
        if indent == first.len() || indent <= parent {
            return Err(Decline);
        }
        let at = Pos::new(self.line, indent as u64 + 1);
        let mut text = String::with_capacity(256);
        let mut blank_lines = 0;
        while !self.at_end() {
            let line = self.cur();
            let lead = spaces(line, 0);
            if lead == line.len() {
                // A blank line keeps its line feed; more spaces than the indentation
                // would be text.
                if lead > indent {
                    return Err(Decline);
                }
                blank_lines += 1;
                self.advance();
                continue;
            }
            if lead < indent {
                break;
            }
            // The last line of a file without a final line feed keeps none.
            if !self.cur_has_line_feed() {
                return Err(Decline);
            }
            text.extend(std::iter::repeat_n('\n', blank_lines));
            blank_lines = 0;
            text.push_str(&line[indent..]);
            text.push('\n');
            self.advance();
        }
        if strip {
            text.pop();
        }
        self.b.text(text, at)?;
        Ok(())
    }
}

/// Where the line that starts at byte `at` of `src` ends (its line feed, or the end).
fn line_end(src: &str, at: usize) -> usize {
    memchr::memchr(b'\n', &src.as_bytes()[at..]).map_or(src.len(), |i| at + i)
}

/// Where the run of spaces from byte `i` of `line` ends.
fn spaces(line: &str, i: usize) -> usize {
    let bytes = line.as_bytes();
    let mut j = i.min(bytes.len());
    while bytes.get(j) == Some(&b' ') {
        j += 1;
    }
    j
}

/// `-` alone or followed by a space: a list item.
fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// Nothing but spaces and maybe a comment (after a space).
fn rest_is_blank(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len())
}

/// The length of a plain key (letters, digits, `_`, `-` not first) followed by `:` and
/// a space or the line's end.
fn key_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if !bytes
        .first()
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
    {
        return None;
    }
    let len = bytes
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-'))
        .unwrap_or(bytes.len());
    (bytes.get(len) == Some(&b':') && matches!(bytes.get(len + 1), None | Some(b' ')))
        .then_some(len)
}

/// A one-line plain value in a block (its first character already checked): up to a
/// comment, without trailing spaces. None where the full parser would read more into it
/// (`: ` makes a group) or refuse it.
fn block_plain(text: &str) -> Option<&str> {
    let end = memchr::memmem::find(text.as_bytes(), b" #").unwrap_or(text.len());
    let value = text[..end].trim_end_matches(' ');
    (!value.is_empty() && !value.contains(": ") && !value.ends_with(':')).then_some(value)
}

/// The length of a plain value inside `{…}` or `[…]`, without trailing spaces: up to a
/// `,` or the closing bracket. None for anything the full parser reads otherwise
/// (`:`, `#`, brackets, an indicator first).
fn flow_plain_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if matches!(
        bytes.first(),
        None | Some(
            b'-' | b'?'
                | b':'
                | b','
                | b'['
                | b']'
                | b'{'
                | b'}'
                | b'#'
                | b'&'
                | b'*'
                | b'!'
                | b'|'
                | b'>'
                | b'\''
                | b'"'
                | b'%'
                | b'@'
                | b'`'
                | b' '
        )
    ) {
        return None;
    }
    let end = bytes
        .iter()
        .position(|b| matches!(b, b',' | b']' | b'}' | b'[' | b'{' | b':' | b'#'))?;
    if matches!(bytes[end], b'[' | b'{' | b':' | b'#') {
        return None;
    }
    Some(text[..end].trim_end_matches(' ').len())
}

/// A `"…"` scalar on one line: its text and the byte after the closing quote.
fn double_quoted(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 1;
    loop {
        let run = memchr::memchr2(b'"', b'\\', &bytes[i..])?;
        out.push_str(&text[i..i + run]);
        i += run;
        if bytes[i] == b'"' {
            // Sized for the rest of the line: a short value in a long line gives back
            // what it does not use (the tree may be kept).
            if out.capacity() > out.len() + 64 {
                out.shrink_to_fit();
            }
            return Some((out, i + 1));
        }
        let (c, len) = escape(&text[i + 1..])?;
        out.push(c);
        i += 1 + len;
    }
}

/// The character a `\` escape stands for and the length of what follows the `\`.
fn escape(after: &str) -> Option<(char, usize)> {
    let code = *after.as_bytes().first()?;
    let simple = match code {
        b'0' => '\0',
        b'a' => '\u{7}',
        b'b' => '\u{8}',
        b't' => '\t',
        b'n' => '\n',
        b'v' => '\u{b}',
        b'f' => '\u{c}',
        b'r' => '\r',
        b'e' => '\u{1b}',
        b' ' => ' ',
        b'"' => '"',
        b'/' => '/',
        b'\\' => '\\',
        b'N' => '\u{85}',
        b'_' => '\u{a0}',
        b'L' => '\u{2028}',
        b'P' => '\u{2029}',
        b'x' | b'u' | b'U' => {
            let digits = match code {
                b'x' => 2,
                b'u' => 4,
                _ => 8,
            };
            let hex = after.get(1..1 + digits)?;
            if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let c = char::from_u32(u32::from_str_radix(hex, 16).ok()?)?;
            return Some((c, 1 + digits));
        }
        _ => return None,
    };
    Some((simple, 1))
}

/// A `'…'` scalar on one line (`''` is one quote): its text and the byte after it.
fn single_quoted(text: &str) -> Option<(String, usize)> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut i = 1;
    loop {
        let run = memchr::memchr(b'\'', &bytes[i..])?;
        out.push_str(&text[i..i + run]);
        i += run;
        if bytes.get(i + 1) == Some(&b'\'') {
            out.push('\'');
            i += 2;
        } else {
            return Some((out, i + 1));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml_build::parse_events;

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

    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
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
        "-5", "a: b", "a:", "\"\\x\"", "1e999", "&a x", "*a", "!!int 3", ">", "{a: 1,}", "@x",
        "`x`", "%x", "? x", "|x", "[06:00]", "{a:1}", "\"a\" b",
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
}
