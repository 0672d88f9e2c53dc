//! Spreadsheets, as a county bureau keeps them: read from `.xlsx`, `.xls`, `.ods`
//! (calamine) and `.csv` (the csv crate; UTF-8 with or without a byte-order mark, or
//! GBK/GB18030 as Excel and WPS save CSV on Chinese Windows — encoding_rs), and written
//! as `.xlsx` (rust_xlsxwriter: a header row that stays in view, columns wide enough to
//! read) or `.csv` (`csv.rs`: the BOM Excel needs, no cell that runs as a formula).
//!
//! Every cell is read as the text a clerk sees: numbers without a trailing `.0`, dates
//! as `YYYY-MM-DD`. What a cell means is for the command that reads the sheet.

pub mod columns;
pub mod csv;

use std::path::Path;

/// A number as a clerk writes it: `150`, `27.5` (no `.0`).
pub fn number_text(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{n:.0}")
    } else {
        n.to_string()
    }
}

/// One sheet: its name and its rows of cells (the first row is usually the header).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<String>>,
}

/// A sheet to write: a header row, the rows, and each column's width in characters.
#[derive(Debug, Clone)]
pub struct NewSheet {
    pub name: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub widths: Vec<f64>,
}

/// The kinds of file a sheet can be, by the file name's ending.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
    Csv,
}

impl Format {
    /// The format a file name says, or None for any other ending.
    pub fn of(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "xlsx" | "xlsm" => Some(Format::Xlsx),
            "xls" => Some(Format::Xls),
            "ods" => Some(Format::Ods),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }
}

/// Why a sheet could not be read or written, in words for the person who chose the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetError(pub String);

impl std::fmt::Display for SheetError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SheetError {}

fn fail(path: &Path, why: impl std::fmt::Display) -> SheetError {
    SheetError(format!("{}: {why}", path.display()))
}

/// Every sheet of the file at `path`.
pub fn read(path: &Path) -> Result<Vec<Sheet>, SheetError> {
    match Format::of(path) {
        Some(Format::Csv) => {
            let bytes = std::fs::read(path).map_err(|e| fail(path, e))?;
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok(vec![Sheet {
                name,
                rows: csv_rows(&bytes).map_err(|e| fail(path, e))?,
            }])
        }
        Some(_) => workbook(path),
        None => Err(fail(
            path,
            "不是表格文件：请用 .xlsx、.xls、.ods 或 .csv（is not a spreadsheet: use .xlsx, .xls, .ods or .csv）",
        )),
    }
}

/// The text of a CSV file: UTF-8 (a byte-order mark is dropped), else GB18030, which
/// GBK is a part of; then its rows.
pub fn csv_rows(bytes: &[u8]) -> Result<Vec<Vec<String>>, String> {
    let text = decode(bytes);
    let mut reader = ::csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| e.to_string())?;
        rows.push(record.iter().map(|c| c.trim().to_string()).collect());
    }
    Ok(rows)
}

/// UTF-8 text as it is; anything else read as GB18030 (GBK and GB2312 are parts of it).
pub fn decode(bytes: &[u8]) -> std::borrow::Cow<'_, str> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.into(),
        Err(_) => encoding_rs::GB18030.decode(bytes).0,
    }
}

/// Whether the bytes are not UTF-8 but read as GB18030 (what `decode` did with them).
pub fn is_gbk(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).is_err()
}

fn workbook(path: &Path) -> Result<Vec<Sheet>, SheetError> {
    use calamine::{Reader, open_workbook_auto};
    let mut book = open_workbook_auto(path).map_err(|e| fail(path, e))?;
    let names = book.sheet_names().to_vec();
    let mut sheets = Vec::new();
    for name in names {
        let range = book.worksheet_range(&name).map_err(|e| fail(path, e))?;
        let rows = range
            .rows()
            .map(|row| row.iter().map(cell_text).collect())
            .collect();
        sheets.push(Sheet { name, rows });
    }
    Ok(sheets)
}

/// A cell as the text a clerk sees in it.
fn cell_text(cell: &calamine::Data) -> String {
    use calamine::Data;
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{f:.0}"),
        Data::Float(f) => f.to_string(),
        Data::Int(i) => i.to_string(),
        Data::Bool(b) => if *b { "是" } else { "否" }.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (y, m, day, h, min, _, _) = d.to_ymd_hms_milli();
            if (h, min) == (0, 0) {
                format!("{y:04}-{m:02}-{day:02}")
            } else {
                format!("{y:04}-{m:02}-{day:02}T{h:02}:{min:02}")
            }
        }
        Data::DateTime(d) => d.as_f64().to_string(),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => format!("#{e:?}"),
    }
}

/// Writes `sheets` to `path`: an `.xlsx` workbook, or for `.csv` the first sheet.
pub fn write(path: &Path, sheets: &[NewSheet]) -> Result<(), SheetError> {
    match Format::of(path) {
        Some(Format::Xlsx) => write_xlsx(path, sheets),
        Some(Format::Csv) => {
            let Some(sheet) = sheets.first() else {
                return Ok(());
            };
            let header: Vec<&str> = sheet.header.iter().map(String::as_str).collect();
            let mut doc = csv::Csv::new(&header);
            for row in &sheet.rows {
                doc.row(row);
            }
            std::fs::write(path, doc.into_bytes()).map_err(|e| fail(path, e))
        }
        _ => Err(fail(
            path,
            "只能写成 .xlsx 或 .csv（can only write .xlsx or .csv）",
        )),
    }
}

fn write_xlsx(path: &Path, sheets: &[NewSheet]) -> Result<(), SheetError> {
    use rust_xlsxwriter::{Format as CellFormat, Workbook};
    let err = |e: rust_xlsxwriter::XlsxError| fail(path, e);
    let mut book = Workbook::new();
    let bold = CellFormat::new().set_bold().set_text_wrap();
    let wrap = CellFormat::new()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    for sheet in sheets {
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(err)?;
        for (c, title) in sheet.header.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| fail(path, "too many columns"))?;
            // Cells are written as text: nothing a sheet holds runs as a formula.
            ws.write_string_with_format(0, c, title, &bold)
                .map_err(err)?;
        }
        for (r, row) in sheet.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).map_err(|_| fail(path, "too many rows"))?;
            for (c, value) in row.iter().enumerate() {
                let c = u16::try_from(c).map_err(|_| fail(path, "too many columns"))?;
                ws.write_string_with_format(r, c, value, &wrap)
                    .map_err(err)?;
            }
        }
        for (c, width) in sheet.widths.iter().enumerate() {
            let c = u16::try_from(c).map_err(|_| fail(path, "too many columns"))?;
            ws.set_column_width(c, *width).map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
    }
    book.save(path).map_err(err)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_in_utf8_with_or_without_a_bom_or_in_gbk_reads_alike() {
        let text = "键,中文\nmap_title,零工市场地图\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let want = vec![
            vec!["键".to_string(), "中文".to_string()],
            vec!["map_title".to_string(), "零工市场地图".to_string()],
        ];
        for bytes in [text.as_bytes(), &with_bom, &gbk] {
            assert_eq!(csv_rows(bytes).expect("reads"), want);
        }
        assert!(is_gbk(&gbk) && !is_gbk(&with_bom));
    }

    #[test]
    fn an_xlsx_written_reads_back_cell_for_cell() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("表.xlsx");
        let sheet = NewSheet {
            name: "字符串".into(),
            header: vec!["键".into(), "中文".into()],
            rows: vec![
                vec!["a".into(), "=1+1".into()],
                vec!["b".into(), "0471-0000-0101".into()],
            ],
            widths: vec![20.0, 40.0],
        };
        write(&path, std::slice::from_ref(&sheet)).expect("written");
        let back = read(&path).expect("read back");
        assert_eq!(back.len(), 1);
        assert_eq!(back[0].name, "字符串");
        assert_eq!(back[0].rows[1], ["a", "=1+1"], "a formula stays text");
        assert_eq!(back[0].rows[2], ["b", "0471-0000-0101"]);
    }
}
