//! Personal data a posting must not publish: mainland ID-card numbers (18 digits with
//! a valid GB 11643 check character, or the old 15), bank-card numbers (16 to 19 digits
//! passing Luhn's check) and personal mobiles outside the contact field.

use super::rules::Finding;

/// Runs of digits (with single spaces or dashes between groups, and a final X for ID cards).
///
/// Every character that matters is ASCII, so the text is walked byte by byte: a byte of
/// a Chinese character is never a digit, space, dash or X, and ends a run as the
/// character would.
fn digit_runs(text: &str) -> Vec<String> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(bytes, i) {
        let (run, end) = run_at(bytes, start);
        runs.push(run);
        i = end;
    }
    runs
}

/// The run of digits that starts at byte `i` (a digit), and where it ends.
fn run_at(bytes: &[u8], mut i: usize) -> (String, usize) {
    let mut run = String::new();
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_digit() {
            run.push(char::from(b));
            i += 1;
        } else if (b == b' ' || b == b'-') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else if (b == b'X' || b == b'x') && run.len() == 17 {
            run.push('X');
            i += 1;
            break;
        } else {
            break;
        }
    }
    (run, i)
}

/// Where the next ASCII digit is, from byte `from`. Texts are mostly Chinese with few
/// digits: 32 bytes at a time are looked at without branches (vector code), and only a
/// block that holds a digit is looked at byte by byte.
fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(block) = bytes.get(i..i + 32) {
        if block
            .iter()
            .fold(false, |seen, b| seen | b.is_ascii_digit())
        {
            break;
        }
        i += 32;
    }
    bytes
        .get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

/// The GB 11643 check character of an 18-character ID number.
fn id_check_ok(id: &str) -> bool {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: &[u8; 11] = b"10X98765432";
    let bytes = id.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = bytes[..17]
        .iter()
        .zip(WEIGHTS)
        .map(|(b, w)| u32::from(b - b'0') * w)
        .sum();
    CHECK[(sum % 11) as usize] == bytes[17].to_ascii_uppercase()
}

fn luhn_ok(digits: &str) -> bool {
    let mut sum = 0;
    for (i, b) in digits.bytes().rev().enumerate() {
        let mut d = u32::from(b - b'0');
        if i % 2 == 1 {
            d *= 2;
            if d > 9 {
                d -= 9;
            }
        }
        sum += d;
    }
    sum % 10 == 0
}

/// Personal data in a published text. `contact_field` allows phone numbers (an
/// employer's contact number is meant to be published there).
pub fn personal_data(text: &str, contact_field: bool) -> Vec<Finding> {
    let mut out = Vec::new();
    for run in digit_runs(text) {
        // Most runs are prices, times and hotlines: the masked number is made only for
        // a finding.
        let masked = || format!("{}…", &run[..run.len().min(4)]);
        let message = if run.len() == 18 && id_check_ok(&run) {
            format!(
                "looks like a mainland ID-card number ({}); never publish ID numbers",
                masked()
            )
        } else if run.len() == 15 {
            format!(
                "looks like a 15-digit ID-card number ({}); never publish ID numbers",
                masked()
            )
        } else if (16..=19).contains(&run.len()) && !run.ends_with('X') && luhn_ok(&run) {
            format!(
                "looks like a bank-card number ({}); never publish bank details",
                masked()
            )
        } else if !contact_field && run.len() == 11 && run.starts_with('1') {
            format!(
                "a mobile number ({}) in the text: personal phones are not published here; put the employer's number in contact.phone",
                masked()
            )
        } else {
            continue;
        };
        out.push(Finding {
            error: true,
            message,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_and_bank_numbers_are_caught() {
        // A made-up ID with a valid check digit, and one with a wrong one.
        assert!(!personal_data("身份证 11010519491231002X", false).is_empty());
        assert!(personal_data("编号 110105194912310021", false).is_empty());
        assert!(
            personal_data("卡号 4111 1111 1111 1111", false)
                .iter()
                .any(|f| f.message.contains("bank"))
        );
        assert!(!personal_data("旧证 110105491231002", false).is_empty());
        assert!(!personal_data("联系13800000000", false).is_empty());
        assert!(personal_data("13800000000", true).is_empty());
        assert!(personal_data("工资180元，07:30开工", false).is_empty());
    }

    #[test]
    fn luhn() {
        assert!(luhn_ok("4111111111111111"));
        assert!(!luhn_ok("4111111111111112"));
    }

    /// Skipping blocks without digits finds the same runs as looking at every byte,
    /// with digits on either side of every block boundary.
    #[test]
    fn digit_runs_equal_a_byte_by_byte_walk() {
        fn every_byte(text: &str) -> Vec<String> {
            let bytes = text.as_bytes();
            let mut runs = Vec::new();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i].is_ascii_digit() {
                    let (run, end) = run_at(bytes, i);
                    runs.push(run);
                    i = end;
                } else {
                    i += 1;
                }
            }
            runs
        }
        let pieces = [
            "工",
            "资",
            "a",
            " ",
            "-",
            "X",
            "0",
            "7",
            "13800000000",
            "，",
        ];
        let mut rng = crate::test_rng::Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..5_000 {
            let text = rng.text(&pieces, 90);
            assert_eq!(digit_runs(&text), every_byte(&text), "{text:?}");
        }
    }
}
