//! What a translation must keep: the Chinese text's `{placeholders}`, and the language's
//! own script (Mongolian in Mongolian script, English without Chinese characters).

/// `{n}`, `{name}`: the parts a program fills in.
fn placeholders(text: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push(&rest[open..open + close + 1]);
        rest = &rest[open + close + 1..];
    }
    out.sort_unstable();
    out
}

/// The text without its `{placeholders}`.
fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        match rest[open..].find('}') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                rest = &rest[open..];
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn is_mongolian(c: char) -> bool {
    matches!(c, '\u{1800}'..='\u{18AF}')
}

/// What is wrong with `text` as the translation of `chinese` into `code`.
pub(super) fn text_problem(chinese: &str, text: &str, code: &str) -> Option<String> {
    if let Some(c) = text.chars().find(|c| c.is_control()) {
        return Some(format!(
            "有看不见的控制字符 U+{:04X}，请删掉（a control character）",
            u32::from(c)
        ));
    }
    let (want, got) = (placeholders(chinese), placeholders(text));
    if want != got {
        return Some(format!(
            "大括号部分要和中文一样：中文有 {}，译文有 {}（keep the placeholders）",
            shown(&want),
            shown(&got)
        ));
    }
    let han_source = chinese.chars().any(is_han);
    if code.starts_with("mn") && han_source {
        if let Some(c) = text.chars().find(|c| is_han(*c)) {
            return Some(format!(
                "译文里有汉字“{c}”：请全部用蒙古文（Chinese characters in a Mongolian text）"
            ));
        }
        // Words, not only numbers and signs (`{y}.{m}.{d}` is a whole translation),
        // must be in Mongolian script; a Latin name beside them (QR, Excel) may stay.
        let words = without_placeholders(text);
        if words.chars().any(char::is_alphabetic) && !words.chars().any(is_mongolian) {
            return Some(
                "译文里没有蒙古文字母：请用传统蒙古文 Unicode 输入（no Mongolian script letters）"
                    .into(),
            );
        }
    }
    if code == "en"
        && let Some(c) = text.chars().find(|c| is_han(*c))
    {
        return Some(format!(
            "英文译文里有汉字“{c}”（Chinese characters in an English text）"
        ));
    }
    None
}

fn shown(list: &[&str]) -> String {
    if list.is_empty() {
        "（无）".to_string()
    } else {
        list.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_scripts_are_checked() {
        assert_eq!(text_problem("共 {n} 人", "{n} ᠬᠦᠮᠦᠨ", "mn"), None);
        assert!(text_problem("共 {n} 人", "ᠬᠦᠮᠦᠨ", "mn").is_some_and(|p| p.contains("{n}")));
        assert!(text_problem("地图", "地图", "mn").is_some_and(|p| p.contains("汉字")));
        assert!(text_problem("地图", "gazar", "mn").is_some_and(|p| p.contains("蒙古文字母")));
        assert_eq!(text_problem("{y}年{m}月{d}日", "{y}.{m}.{d}", "mn"), None);
        assert_eq!(text_problem("二维码", "QR ᠺᠣᠳ", "mn"), None);
        assert!(text_problem("地图", "地图 map", "en").is_some());
        assert_eq!(text_problem("地图", "Map", "en"), None);
        assert!(text_problem("地图", "Ma\u{7}p", "en").is_some());
    }
}
