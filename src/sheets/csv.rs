//! CSV for the bureau's spreadsheets, written by hand (RFC 4180): a UTF-8 byte-order
//! mark so Excel opens the Chinese text correctly, CRLF line ends, and a field quoted
//! when it holds a comma, a quote, or a line break (quotes doubled inside).
//!
//! A cell that a spreadsheet would run as a formula (one starting with `=`, `+`, `-`,
//! `@`, a tab or a carriage return) gets a leading `'`, so Excel, WPS and LibreOffice
//! show it as text (OWASP's advice on CSV injection); a plain number such as `-3.5` is
//! left as it is.

/// Excel reads a file as UTF-8 only when it starts with this mark.
const BOM: &str = "\u{feff}";

/// One field, quoted when it needs to be, never a formula.
pub fn field(value: &str) -> String {
    let formula =
        value.starts_with(['=', '+', '-', '@', '\t', '\r']) && value.parse::<f64>().is_err();
    let value: std::borrow::Cow<str> = if formula {
        format!("'{value}").into()
    } else {
        value.into()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

/// A CSV document being written row by row.
#[derive(Debug, Clone)]
pub struct Csv {
    text: String,
    columns: usize,
}

impl Csv {
    /// A document with its header row.
    pub fn new(header: &[&str]) -> Csv {
        let mut csv = Csv {
            text: BOM.to_string(),
            columns: header.len(),
        };
        csv.push_row(header.iter().map(|s| s.to_string()));
        csv
    }

    /// Appends a row; short rows are padded so every row has the header's columns.
    pub fn row<I, S>(&mut self, values: I)
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut cells: Vec<String> = values.into_iter().map(|v| v.as_ref().to_string()).collect();
        cells.resize(self.columns.max(cells.len()), String::new());
        self.push_row(cells);
    }

    fn push_row(&mut self, cells: impl IntoIterator<Item = String>) {
        let line: Vec<String> = cells.into_iter().map(|c| field(&c)).collect();
        self.text.push_str(&line.join(","));
        self.text.push_str("\r\n");
    }

    pub fn into_bytes(self) -> Vec<u8> {
        self.text.into_bytes()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_only_what_needs_quoting() {
        assert_eq!(field("新城区"), "新城区");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("他说\"好\""), "\"他说\"\"好\"\"\"");
        assert_eq!(field("两行\n文字"), "\"两行\n文字\"");
        assert_eq!(field("cr\r"), "\"cr\r\"");
        assert_eq!(field(""), "");
    }

    #[test]
    fn a_cell_a_spreadsheet_would_run_is_written_as_text() {
        assert_eq!(
            field("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(field("+86 138"), "'+86 138");
        assert_eq!(field("-cmd"), "'-cmd");
        assert_eq!(field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(field("\tx"), "'\tx");
        assert_eq!(field("\rx"), "\"'\rx\"");
        assert_eq!(field("-3.5"), "-3.5");
        assert_eq!(field("0471-1234567"), "0471-1234567");
    }

    #[test]
    fn a_document_has_a_bom_crlf_and_even_rows() {
        let mut csv = Csv::new(&["id", "名称", "备注"]);
        csv.row(["a", "新城区零工市场", "有\"引号\",和逗号"]);
        csv.row(["b"]);
        let text = String::from_utf8(csv.into_bytes()).expect("utf-8");
        assert_eq!(
            text,
            "\u{feff}id,名称,备注\r\na,新城区零工市场,\"有\"\"引号\"\",和逗号\"\r\nb,,\r\n"
        );
    }
}
