//! How a YAML scalar is read into a [`Value`]: quoted and block scalars are text; plain
//! ones by YAML 1.2's core schema with this project's two choices (only `true`/`false`
//! are booleans, so `on:` stays a key; a number with a leading zero, such as the area
//! code `0471`, stays text); an explicit `!!str`, `!!int`… tag decides for itself.

use super::yaml::{SyntaxError, Value};
use super::yaml_build::fail;
use crate::diag::Pos;
use granit_parser::{ScalarStyle, Tag};

/// The value of one scalar: quoted and block scalars are text; plain ones are read by
/// the core schema; an explicit `!!str`, `!!int`… tag decides for itself.
pub(super) fn scalar(
    text: &str,
    style: ScalarStyle,
    tag: Option<&Tag>,
    at: Pos,
) -> Result<Value, SyntaxError> {
    let core = tag.and_then(Tag::core_suffix);
    let wrong = |kind: &str| {
        fail(
            at,
            format!("the YAML cannot be read: `{text}` is tagged as {kind} but is not one"),
        )
    };
    match core {
        Some("str") => return Ok(Value::Str(text.to_string())),
        Some("null") => return Ok(Value::Null),
        Some("bool") => {
            return bool_of(text)
                .map(Value::Bool)
                .ok_or_else(|| wrong("yes/no"));
        }
        Some("int") => return int_of(text).ok_or_else(|| wrong("a whole number")),
        Some("float") => {
            return float_of(text)
                .or_else(|| int_of(text).map(|v| Value::Float(as_f64(&v))))
                .ok_or_else(|| wrong("a number"));
        }
        _ => {}
    }
    // A non-specific `!` tag also means text.
    if style != ScalarStyle::Plain || tag.is_some_and(|t| t.original() == "!") {
        return Ok(Value::Str(text.to_string()));
    }
    let value = plain(text);
    if let Value::Str(s) = &value
        && non_finite(s)
    {
        return Err(fail(
            at,
            format!("the YAML cannot be read: `{text}` is not a number a content file can hold"),
        ));
    }
    Ok(value)
}

/// `.inf`, `-.nan`, `1e999`: numbers no field can hold (serde-saphyr refused them too).
fn non_finite(text: &str) -> bool {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    matches!(unsigned, ".inf" | ".Inf" | ".INF")
        || matches!(text, ".nan" | ".NaN" | ".NAN")
        || (unsigned.bytes().next().is_some_and(|b| b.is_ascii_digit())
            && text.parse::<f64>().is_ok_and(f64::is_infinite))
}

/// A plain scalar by YAML 1.2's core schema, with this project's two choices.
fn plain(text: &str) -> Value {
    // Most plain scalars are keys and words (`title`, `hour`, `company`): starting with a
    // small letter, they can only be null, a yes/no value or text.
    if text.as_bytes().first().is_some_and(u8::is_ascii_lowercase) {
        return match text {
            "null" => Value::Null,
            "true" => Value::Bool(true),
            "false" => Value::Bool(false),
            _ => Value::Str(text.to_string()),
        };
    }
    if matches!(text, "" | "~" | "null" | "Null" | "NULL") {
        return Value::Null;
    }
    if let Some(b) = bool_of(text) {
        return Value::Bool(b);
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let keep_text = matches!(unsigned.as_bytes(), [b'0', b'X' | b'O' | b'B', ..])
        || (matches!(unsigned, ".nan" | ".NaN" | ".NAN") && unsigned.len() != text.len())
        || (unsigned.len() > 1
            && unsigned.starts_with('0')
            && unsigned.bytes().all(|b| b.is_ascii_digit()));
    if keep_text {
        return Value::Str(text.to_string());
    }
    int_of(text)
        .or_else(|| float_of(text))
        .unwrap_or_else(|| Value::Str(text.to_string()))
}

fn as_f64(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => f64::NAN,
    }
}

fn bool_of(text: &str) -> Option<bool> {
    match text {
        "true" | "True" | "TRUE" => Some(true),
        "false" | "False" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A whole number (`12`, `-3`, `+4`, `1_000`, `0x1F`, `0o17`, `0b101`); one too large
/// for 64 bits becomes a float, as before.
fn int_of(text: &str) -> Option<Value> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.strip_prefix('+').unwrap_or(text)),
    };
    let (radix, digits) = if let Some(d) = unsigned.strip_prefix("0x") {
        (16, d)
    } else if let Some(d) = unsigned.strip_prefix("0o") {
        (8, d)
    } else if let Some(d) = unsigned.strip_prefix("0b") {
        (2, d)
    } else {
        if unsigned.len() > 1 && unsigned.starts_with('0') {
            return None;
        }
        (10, unsigned)
    };
    let bytes = digits.as_bytes();
    let mut magnitude: u128 = 0;
    let mut seen = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'_' {
            // Only between two digits.
            let between =
                i > 0 && bytes[i - 1] != b'_' && bytes.get(i + 1).is_some_and(|&n| n != b'_');
            if !between {
                return None;
            }
            continue;
        }
        let digit = char::from(b).to_digit(radix)?;
        magnitude = magnitude
            .checked_mul(u128::from(radix))?
            .checked_add(u128::from(digit))?;
        seen = true;
    }
    if !seen {
        return None;
    }
    if negative {
        let v = i128::try_from(magnitude).ok().map(|m| -m)?;
        i64::try_from(v).ok().map(Value::Int)
    } else {
        Some(match i64::try_from(magnitude) {
            Ok(v) => Value::Int(v),
            Err(_) => Value::Float(magnitude as f64),
        })
    }
}

/// A finite decimal number (`1.5`, `.5`, `2e3`); `.inf`, `.nan` and overflowing
/// spellings stay text (no content field wants them).
fn float_of(text: &str) -> Option<Value> {
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    // Rust also reads `inf`, `nan` and `infinity`; YAML does not.
    if !unsigned
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'.')
    {
        return None;
    }
    text.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .map(Value::Float)
}
