//! A fast reader for content files in the usual layout (the sample's: what editors
//! write by hand); every other file is left to granit-parser.
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
use text::{
    block_plain, double_quoted, flow_plain_len, is_item, key_len, line_end, rest_is_blank,
    single_quoted, spaces,
};

#[cfg(test)]
mod tests;
mod text;

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
