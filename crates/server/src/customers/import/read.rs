//! Reading an import file: its encoding (UTF-8 with or without a BOM, or GBK/GB18030 as Chinese
//! spreadsheet programs save CSV), its header row (English or Chinese column names, any case) and
//! its data rows, each with its line number.

use crate::error::Error;
use baton_core::problem::field_code;

/// The most data rows one import takes.
pub const MAX_ROWS: usize = 10_000;

/// One data row as the file has it (trimmed; empty cells are `None`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    /// The line of the file, the header being line 1.
    pub row: i64,
    pub email: Option<String>,
    pub name: Option<String>,
    pub phone: Option<String>,
    pub group: Option<String>,
}

fn file_error(code: &str) -> Error {
    Error::field("file", code)
}

/// The file's text and the name of the encoding it was read in. `encoding` is the client's
/// `?encoding=` (`utf-8`, `gbk`, `gb18030`; absent or `auto`: UTF-8 when the bytes are, else
/// GB18030, of which GBK is a part).
pub fn decode(bytes: &[u8], encoding: Option<&str>) -> Result<(String, &'static str), Error> {
    let utf8 = || {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        std::str::from_utf8(bytes).ok().map(str::to_owned)
    };
    let gb = || encoding_rs::GB18030.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned());
    let named = encoding.map(|e| e.trim().to_ascii_lowercase()).filter(|e| !e.is_empty() && e != "auto");
    let decoded = match named.as_deref() {
        None => utf8().map(|t| (t, "utf-8")).or_else(|| gb().map(|t| (t, "gb18030"))),
        Some("utf-8" | "utf8") => utf8().map(|t| (t, "utf-8")),
        Some("gbk" | "gb18030" | "gb2312") => gb().map(|t| (t, "gb18030")),
        Some(_) => return Err(Error::field("encoding", field_code::INVALID_VALUE)),
    };
    decoded.ok_or_else(|| file_error(field_code::INVALID_ENCODING))
}

/// Which property a header names, if any: English (any case) or the Chinese names.
fn column(header: &str) -> Option<usize> {
    match header.trim().trim_start_matches('\u{feff}').to_lowercase().as_str() {
        "email" | "e-mail" | "邮箱" | "电子邮箱" | "邮件" => Some(0),
        "name" | "姓名" | "名称" | "名字" => Some(1),
        "phone" | "telephone" | "电话" | "手机" | "手机号" => Some(2),
        "group" | "customer group" | "分组" | "客户组" => Some(3),
        _ => None,
    }
}

/// The data rows of `text` (a header row first; unknown columns are ignored, `email` is needed;
/// rows with every cell empty are skipped).
pub fn records(text: &str) -> Result<Vec<Record>, Error> {
    let mut reader = csv::ReaderBuilder::new().flexible(true).trim(csv::Trim::All).from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|_| file_error(field_code::INVALID_VALUE))?.clone();
    let mut at: [Option<usize>; 4] = [None; 4];
    for (i, header) in headers.iter().enumerate() {
        if let Some(c) = column(header) {
            at[c].get_or_insert(i);
        }
    }
    if at[0].is_none() {
        return Err(file_error(field_code::MISSING_COLUMN));
    }
    let mut rows = Vec::new();
    // The csv crate's own line numbers skip empty lines: count newlines up to each record's
    // byte offset instead, so the report names the line a spreadsheet shows.
    let (mut line, mut counted) = (1_i64, 0_usize);
    for record in reader.records() {
        let record = record.map_err(|_| file_error(field_code::INVALID_VALUE))?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(file_error(field_code::TOO_MANY_ROWS));
        }
        let cell = |c: usize| at[c].and_then(|i| record.get(i)).filter(|v| !v.is_empty()).map(str::to_owned);
        let mut at = record.position().map_or(counted, |p| usize::try_from(p.byte()).unwrap_or(usize::MAX)).min(text.len());
        // The offset is where reading began: before the empty lines skipped.
        while matches!(text.as_bytes().get(at), Some(b'\n' | b'\r')) {
            at += 1;
        }
        let newlines = text.as_bytes().get(counted..at).map_or(0, |b| b.iter().filter(|c| **c == b'\n').count());
        line += i64::try_from(newlines).unwrap_or_default();
        counted = at;
        let row = line;
        rows.push(Record { row, email: cell(0), name: cell(1), phone: cell(2), group: cell(3) });
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let text = "邮箱,姓名\na@x.test,张三\n";
        let (gbk, _, _) = encoding_rs::GBK.encode(text);
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
        let cases: &[(&[u8], Option<&str>, Option<&str>)] = &[
            (text.as_bytes(), None, Some("utf-8")),
            (&with_bom, None, Some("utf-8")),
            (&with_bom, Some("utf-8"), Some("utf-8")),
            (&gbk, None, Some("gb18030")),
            (&gbk, Some("GBK"), Some("gb18030")),
            (&gbk, Some("utf-8"), None),
            (b"\xff\xff\xff", None, None),
        ];
        for (bytes, named, expected) in cases {
            let got = decode(bytes, *named).ok();
            assert_eq!(got.as_ref().map(|(_, e)| *e), *expected, "{named:?}");
            if let Some((t, _)) = got {
                assert_eq!(t, text);
            }
        }
        assert!(decode(b"x", Some("latin1")).is_err());
    }

    #[test]
    fn headers_and_rows() {
        let rows = records("Name,EMAIL,Extra,Phone,Group\n Ann , ann@x.test ,z,,VIP\n,,,,\n\r\nBob,bob@x.test\n").unwrap_or_default();
        let ann = Record { row: 2, email: Some("ann@x.test".into()), name: Some("Ann".into()), phone: None, group: Some("VIP".into()) };
        let bob = Record { row: 5, email: Some("bob@x.test".into()), name: Some("Bob".into()), phone: None, group: None };
        assert_eq!(rows, [ann, bob]);
        let zh = records("姓名,邮箱,电话,分组\n李四,li@x.test,13800000000,大客户\n").unwrap_or_default();
        assert_eq!(zh.first().and_then(|r| r.group.clone()).as_deref(), Some("大客户"));
        assert!(records("name,phone\nA,1\n").is_err());
        let many = format!("email\n{}", "a@x.test\n".repeat(MAX_ROWS + 1));
        assert!(records(&many).is_err());
        assert_eq!(records(&format!("email\n{}", "a@x.test\n".repeat(MAX_ROWS))).map(|r| r.len()).ok(), Some(MAX_ROWS));
    }
}
