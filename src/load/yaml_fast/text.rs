//! The pieces of one line: keys, plain values, quoted scalars and their escapes.

/// Where the line that starts at byte `at` of `src` ends (its line feed, or the end).
pub(super) fn line_end(src: &str, at: usize) -> usize {
    memchr::memchr(b'\n', &src.as_bytes()[at..]).map_or(src.len(), |i| at + i)
}

/// Where the run of spaces from byte `i` of `line` ends.
pub(super) fn spaces(line: &str, i: usize) -> usize {
    let bytes = line.as_bytes();
    let mut j = i.min(bytes.len());
    while bytes.get(j) == Some(&b' ') {
        j += 1;
    }
    j
}

/// `-` alone or followed by a space: a list item.
pub(super) fn is_item(text: &str) -> bool {
    text == "-" || text.starts_with("- ")
}

/// Nothing but spaces and maybe a comment (after a space).
pub(super) fn rest_is_blank(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || (trimmed.starts_with('#') && trimmed.len() < rest.len())
}

/// The length of a plain key (letters, digits, `_`, `-` not first) followed by `:` and
/// a space or the line's end.
pub(super) fn key_len(text: &str) -> Option<usize> {
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
pub(super) fn block_plain(text: &str) -> Option<&str> {
    let end = memchr::memmem::find(text.as_bytes(), b" #").unwrap_or(text.len());
    let value = text[..end].trim_end_matches(' ');
    (!value.is_empty() && !value.contains(": ") && !value.ends_with(':')).then_some(value)
}

/// The length of a plain value inside `{…}` or `[…]`, without trailing spaces: up to a
/// `,` or the closing bracket. None for anything the full parser reads otherwise
/// (`:`, `#`, brackets, an indicator first).
pub(super) fn flow_plain_len(text: &str) -> Option<usize> {
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
pub(super) fn double_quoted(text: &str) -> Option<(String, usize)> {
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

/// Whether an escaped character may be read here: control characters (but tab and the
/// line breaks, U+0085 among them) and non-characters are left to the full parser, which refuses them.
fn printable(c: char) -> bool {
    (!c.is_control() || matches!(c, '\t' | '\n' | '\r' | '\u{85}'))
        && !matches!(c, '\u{fffe}' | '\u{ffff}')
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
            return printable(c).then_some((c, 1 + digits));
        }
        _ => return None,
    };
    printable(simple).then_some((simple, 1))
}

/// A `'…'` scalar on one line (`''` is one quote): its text and the byte after it.
pub(super) fn single_quoted(text: &str) -> Option<(String, usize)> {
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
