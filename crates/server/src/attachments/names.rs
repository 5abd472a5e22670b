//! File names from uploads: sanitised before they are stored, and put into `Content-Disposition`
//! in a form no browser can read as a path or a header injection.

/// Longest stored name, in characters.
pub const NAME_MAX: usize = 200;

/// The last path component of `raw` without control characters, leading dots or surrounding
/// spaces; `file` when nothing is left. Over-long names keep their extension.
pub fn sanitize(raw: &str) -> String {
    let last = raw.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = last.chars().filter(|c| !c.is_control()).collect();
    let cleaned = cleaned.trim().trim_start_matches('.').trim();
    if cleaned.is_empty() {
        return "file".to_owned();
    }
    if cleaned.chars().count() <= NAME_MAX {
        return cleaned.to_owned();
    }
    let ext = cleaned
        .rsplit_once('.')
        .map(|(_, e)| e)
        .filter(|e| e.chars().count() <= 10);
    let keep = NAME_MAX - ext.map_or(0, |e| e.chars().count() + 1);
    let stem: String = cleaned.chars().take(keep).collect();
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem,
    }
}

/// `attachment; filename="<ascii>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 8187): old
/// clients read the ASCII fallback, where anything outside printable ASCII and the characters
/// that could end the quoted string (or be decoded as escapes) become `_`.
pub fn content_disposition(name: &str) -> String {
    let ascii: String = name
        .chars()
        .map(|c| {
            if (c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '%')) || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let mut encoded = String::with_capacity(name.len() * 3);
    for b in name.bytes() {
        // RFC 8187 attr-char: everything else is percent-encoded.
        if b.is_ascii_alphanumeric() || b"!#$&+-.^_`|~".contains(&b) {
            encoded.push(char::from(b));
        } else {
            encoded.push_str(&format!("%{b:02X}"));
        }
    }
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_lose_paths_and_control_characters() {
        let cases = [
            ("../../etc/passwd.txt", "passwd.txt"),
            ("C:\\Users\\a\\report.pdf", "report.pdf"),
            ("  .hidden.txt ", "hidden.txt"),
            ("bad\u{0}name\r\n.txt", "badname.txt"),
            ("发票 2024.pdf", "发票 2024.pdf"),
            ("../", "file"),
            ("", "file"),
        ];
        for (raw, clean) in cases {
            assert_eq!(sanitize(raw), clean, "{raw:?}");
        }
        let long = format!("{}.pdf", "a".repeat(500));
        let short = sanitize(&long);
        assert_eq!(short.chars().count(), NAME_MAX);
        assert!(short.ends_with(".pdf"));
    }

    #[test]
    fn dispositions_are_ascii_with_an_encoded_original() {
        assert_eq!(
            content_disposition("发票.pdf"),
            "attachment; filename=\"__.pdf\"; filename*=UTF-8''%E5%8F%91%E7%A5%A8.pdf"
        );
        assert_eq!(
            content_disposition("a \"b\";c%.txt"),
            "attachment; filename=\"a _b_;c_.txt\"; filename*=UTF-8''a%20%22b%22%3Bc%25.txt"
        );
    }
}
