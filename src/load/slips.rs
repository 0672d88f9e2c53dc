//! The slips an editor makes on a Chinese keyboard or in Notepad, said in plain words.
//! The YAML parser reports them in its own terms (`simple key expected ':'`, `tabs
//! disallowed within this context`, a byte offset); these find the slip itself in the
//! text, name the character and say what to type instead.

use crate::diag::catalogue::reading as says;
use crate::diag::{Msg, Pos};
use crate::msg;

/// A plain-words reading of a YAML syntax error at `at`: the slip and where it is, when
/// the text before the error holds one of the usual ones.
pub fn explain(text: &str, at: Pos) -> Option<(Pos, Msg)> {
    let last = (at.line as usize).max(1);
    // The slip is on the error's line or just before it (the parser often notices on
    // the next line).
    for (i, line) in text
        .lines()
        .enumerate()
        .take(last)
        .skip(last.saturating_sub(3))
    {
        let line_no = i as u64 + 1;
        let indent_end = line.len() - line.trim_start_matches([' ', '\t', '\u{3000}']).len();
        let indent = &line[..indent_end];
        if let Some(col) = indent.find('\t') {
            return Some((Pos::new(line_no, col as u64 + 1), msg!(says::TAB)));
        }
        if let Some(col) = indent.find('\u{3000}') {
            return Some((
                Pos::new(line_no, indent[..col].chars().count() as u64 + 1),
                msg!(says::FULL_WIDTH_SPACE),
            ));
        }
        let body = line[indent_end..].trim_start_matches("- ");
        let key_len = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        if key_len == 0 {
            continue;
        }
        let (key, rest) = body.split_at(key_len);
        let column = |rest: &str| {
            let before = &line[..line.len() - rest.len()];
            Pos::new(line_no, before.chars().count() as u64 + 1)
        };
        if rest.starts_with('：') {
            return Some((column(rest), msg!(says::FULL_WIDTH_COLON, key = key)));
        }
        if let Some(after) = rest.strip_prefix(':')
            && !after.is_empty()
            && !after.starts_with([' ', '\t', '/'])
            && !key.chars().all(|c| c.is_ascii_digit())
        {
            return Some((
                column(rest),
                msg!(says::NO_SPACE_AFTER_COLON, key = key, value = after.trim()),
            ));
        }
    }
    None
}

/// Says why bytes are not UTF-8: the line of the first bad byte and, when the whole
/// file reads as GB18030 (GBK, "ANSI" in Notepad and WPS on Chinese Windows), that.
pub fn not_utf8(bytes: &[u8], valid_up_to: usize) -> Msg {
    let line = bytes[..valid_up_to].iter().filter(|b| **b == b'\n').count() + 1;
    if is_gb18030(bytes) {
        msg!(says::GBK, line = line)
    } else {
        msg!(says::NOT_UTF8, line = line, byte = valid_up_to)
    }
}

/// Whether `bytes` (not UTF-8) read as GB18030 without a single bad sequence.
pub fn is_gb18030(bytes: &[u8]) -> bool {
    let mut decoder = encoding_rs::GB18030.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(bytes.len() * 2);
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut out, true);
    matches!(result, encoding_rs::DecoderResult::InputEmpty)
}

/// The text of GB18030 bytes (for `check --fix`), when they read without a bad sequence.
pub fn from_gb18030(bytes: &[u8]) -> Option<String> {
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    (!had_errors).then(|| text.into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_width_colon_a_missing_space_and_a_tab_are_named_where_they_are() {
        let text = "market: x\npostings:\n  - id: a\n    title：小区保洁\n";
        let (pos, msg) = explain(text, Pos::new(4, 5)).expect("found");
        assert_eq!(pos, Pos::new(4, 10));
        assert!(msg.contains("“title：”用了中文冒号"), "{msg:?}");
        let text = "market: x\npostings:\n  - id: a\n    title:小区保洁\n    pay: 1\n";
        let (pos, msg) = explain(text, Pos::new(5, 5)).expect("found");
        assert_eq!(pos.line, 4);
        assert!(msg.contains("冒号后面少了一个空格"), "{msg:?}");
        let text = "market: x\npostings:\n  - id: a\n\ttitle: 小区\n";
        let (pos, msg) = explain(text, Pos::new(4, 2)).expect("found");
        assert_eq!(pos, Pos::new(4, 1));
        assert!(msg.contains("制表符"), "{msg:?}");
        assert!(explain("a: b\nc: [\n", Pos::new(2, 4)).is_none());
        // A time is not a key without its space.
        assert!(explain("open: 07:30\nx: [\n", Pos::new(2, 4)).is_none());
    }

    #[test]
    fn gbk_is_told_from_other_bytes() {
        let (gbk, _, _) = encoding_rs::GBK.encode("market: x\n# 新城区\ntitle: 保洁\n");
        let at = std::str::from_utf8(&gbk)
            .expect_err("not UTF-8")
            .valid_up_to();
        let msg = not_utf8(&gbk, at);
        assert!(msg.contains("GBK") && msg.contains("第 2 行"), "{msg:?}");
        assert_eq!(
            from_gb18030(&gbk).as_deref(),
            Some("market: x\n# 新城区\ntitle: 保洁\n")
        );
        assert!(!not_utf8(b"a\n\xff\xff\xff", 2).contains("GBK"));
    }
}
