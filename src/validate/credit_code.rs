//! The unified social credit code (统一社会信用代码, GB 32100-2015) of an employer: 18
//! characters from 0–9 and 21 capital letters (no I, O, S, V or Z), the last a check
//! character over the first 17.

use crate::diag::Msg;
use crate::diag::catalogue::records as says;
use crate::msg;

/// The characters a code is written in, by value.
const CHARSET: &[u8; 31] = b"0123456789ABCDEFGHJKLMNPQRTUWXY";
/// The weight of each of the first 17 positions.
const WEIGHTS: [u32; 17] = [
    1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

fn value_of(c: u8) -> Option<u32> {
    CHARSET.iter().position(|&x| x == c).map(|v| v as u32)
}

/// The check character the first 17 characters call for.
pub fn check_character(first17: &[u8]) -> Option<char> {
    let sum: u32 = first17
        .iter()
        .zip(WEIGHTS)
        .map(|(&c, w)| value_of(c).map(|v| v * w))
        .sum::<Option<u32>>()?;
    let check = (31 - sum % 31) % 31;
    Some(char::from(CHARSET[check as usize]))
}

/// Why `code` is not a unified social credit code, naming the position that is wrong.
pub fn problem(code: &str) -> Option<Msg> {
    let chars: Vec<char> = code.trim().chars().collect();
    if chars.len() != 18 {
        return Some(msg!(says::CREDIT_LENGTH, len = chars.len()));
    }
    for (i, c) in chars.iter().enumerate() {
        let ok = c.is_ascii() && value_of(*c as u8).is_some();
        if !ok {
            let instead = match c {
                'I' => Some('1'),
                'O' => Some('0'),
                'S' => Some('5'),
                'Z' => Some('2'),
                'V' => Some('U'),
                _ => None,
            };
            let hint = match instead {
                Some(digit) => msg!(says::CREDIT_HINT_DIGIT, c = c, digit = digit),
                None if c.is_ascii_lowercase() => msg!(says::CREDIT_HINT_CAPITALS),
                None => Msg::empty(),
            };
            return Some(msg!(says::CREDIT_CHARACTER, n = i + 1, c = c, hint = hint));
        }
    }
    let bytes: Vec<u8> = chars.iter().map(|&c| c as u8).collect();
    let expected = check_character(&bytes[..17])?;
    (expected != chars[17])
        .then(|| msg!(says::CREDIT_CHECK, given = chars[17], expected = expected))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A code made here: its check character computed over 17 given characters.
    fn make(first17: &str) -> String {
        format!(
            "{first17}{}",
            check_character(first17.as_bytes()).expect("valid")
        )
    }

    #[test]
    fn published_codes_pass_and_a_changed_character_is_caught() {
        // Codes as printed on business licences (their check characters are the
        // licences', not computed here).
        for code in [
            "91350100M000100Y43",
            "91110000802100433B",
            "91440300708461136T",
        ] {
            assert_eq!(problem(code), None, "{code}");
        }
        let code = make("91150102MA0N12345");
        assert_eq!(problem(&code), None);
        let mut typo = code.clone().into_bytes();
        typo[10] = b'1';
        let message = problem(std::str::from_utf8(&typo).expect("ascii")).expect("a typo");
        assert!(message.contains("check character"), "{message:?}");
    }

    #[test]
    fn a_character_that_cannot_be_in_a_code_is_named_by_its_position() {
        let message = problem("91150102MAON12345X").expect("an O");
        assert!(
            message.contains("character 11") && message.contains("is it 0"),
            "{message:?}"
        );
        let message = problem("9115010").expect("short");
        assert!(message.contains("18 characters; this has 7"), "{message:?}");
        assert!(
            problem("91350100m000100y43")
                .expect("lower case")
                .contains("capitals")
        );
    }
}
