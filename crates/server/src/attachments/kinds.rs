//! The allow-list of attachment types: by extension, checked against the type the client declared
//! and against the file's first bytes, so a renamed executable is not served as a picture.

/// How a file of a kind begins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Magic {
    Png,
    Jpeg,
    Gif,
    Webp,
    Pdf,
    /// A zip container: .zip and the Office Open XML formats.
    Zip,
    /// UTF-8 text without NUL bytes.
    Text,
}

/// An allowed kind of file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kind {
    pub extension: &'static str,
    /// The type stored and, for images, PDF and text, served.
    pub content_type: &'static str,
    /// Other types clients declare for such files.
    aliases: &'static [&'static str],
    magic: Magic,
}

const fn kind(
    extension: &'static str,
    content_type: &'static str,
    aliases: &'static [&'static str],
    magic: Magic,
) -> Kind {
    Kind {
        extension,
        content_type,
        aliases,
        magic,
    }
}

const OOXML: &str = "application/vnd.openxmlformats-officedocument";

pub const KINDS: &[Kind] = &[
    kind("png", "image/png", &[], Magic::Png),
    kind(
        "jpg",
        "image/jpeg",
        &["image/jpg", "image/pjpeg"],
        Magic::Jpeg,
    ),
    kind(
        "jpeg",
        "image/jpeg",
        &["image/jpg", "image/pjpeg"],
        Magic::Jpeg,
    ),
    kind("gif", "image/gif", &[], Magic::Gif),
    kind("webp", "image/webp", &[], Magic::Webp),
    kind("pdf", "application/pdf", &["application/x-pdf"], Magic::Pdf),
    kind("txt", "text/plain", &[], Magic::Text),
    kind("log", "text/plain", &["text/x-log"], Magic::Text),
    kind(
        "csv",
        "text/csv",
        &["text/plain", "application/csv", "application/vnd.ms-excel"],
        Magic::Text,
    ),
    kind(
        "zip",
        "application/zip",
        &["application/x-zip-compressed", "application/x-zip"],
        Magic::Zip,
    ),
    kind(
        "docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        &[],
        Magic::Zip,
    ),
    kind(
        "xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &[],
        Magic::Zip,
    ),
    kind(
        "pptx",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        &[],
        Magic::Zip,
    ),
];

/// The kind of a file named `name`, by its extension (case-insensitive).
pub fn by_name(name: &str) -> Option<Kind> {
    let (_, ext) = name.rsplit_once('.')?;
    let ext = ext.to_ascii_lowercase();
    KINDS.iter().copied().find(|k| k.extension == ext)
}

impl Kind {
    /// Whether the type a client declared fits: none, the generic `application/octet-stream`, the
    /// kind's own type or one of its aliases (parameters such as `charset` ignored).
    pub fn accepts_declared(&self, declared: Option<&str>) -> bool {
        let Some(declared) = declared else {
            return true;
        };
        let essence = declared
            .split(';')
            .next()
            .unwrap_or_default()
            .trim()
            .to_ascii_lowercase();
        essence.is_empty()
            || essence == "application/octet-stream"
            || essence == self.content_type
            || self.aliases.contains(&essence.as_str())
            || (self.content_type.starts_with(OOXML) && essence == "application/zip")
    }

    /// Whether `head`, the first bytes of the file (up to [`HEAD_LEN`]), look like this kind.
    pub fn matches(&self, head: &[u8]) -> bool {
        match self.magic {
            Magic::Png => head.starts_with(b"\x89PNG\r\n\x1a\n"),
            Magic::Jpeg => head.starts_with(&[0xff, 0xd8, 0xff]),
            Magic::Gif => head.starts_with(b"GIF87a") || head.starts_with(b"GIF89a"),
            Magic::Webp => head.len() >= 12 && head.starts_with(b"RIFF") && &head[8..12] == b"WEBP",
            Magic::Pdf => head.starts_with(b"%PDF-"),
            Magic::Zip => head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06"),
            Magic::Text => is_text(head),
        }
    }
}

/// How many leading bytes [`Kind::matches`] looks at.
pub const HEAD_LEN: usize = 8192;

/// UTF-8 without NUL bytes; a multi-byte character cut off at the end of `head` is fine.
fn is_text(head: &[u8]) -> bool {
    if head.contains(&0) {
        return false;
    }
    match std::str::from_utf8(head) {
        Ok(_) => true,
        // `error_len() == None`: the bytes end inside a character, which the next bytes complete.
        Err(e) => e.error_len().is_none(),
    }
}

/// The `Content-Type` a download is served with: the stored type for images, PDF and text (which
/// browsers display), `application/octet-stream` for everything else.
pub fn served_type(stored: &str) -> &str {
    if stored.starts_with("image/") || stored == "application/pdf" || stored.starts_with("text/") {
        stored
    } else {
        "application/octet-stream"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_declared_types_and_magic_must_agree() {
        let png = by_name("Shot.PNG").expect("png allowed");
        assert!(png.accepts_declared(Some("image/png")));
        assert!(png.accepts_declared(None));
        assert!(png.accepts_declared(Some("application/octet-stream")));
        assert!(!png.accepts_declared(Some("text/html")));
        assert!(png.matches(b"\x89PNG\r\n\x1a\n...."));
        assert!(!png.matches(b"MZ\x90\x00"));
        let docx = by_name("report.docx").expect("docx allowed");
        assert!(docx.matches(b"PK\x03\x04rest"));
        assert!(docx.accepts_declared(Some("application/zip")));
        let txt = by_name("notes.txt").expect("txt allowed");
        assert!(txt.matches("发票 invoice\n".as_bytes()));
        assert!(txt.matches(b""));
        assert!(!txt.matches(b"\x00\x01binary"));
        assert!(txt.accepts_declared(Some("text/plain; charset=utf-8")));
        for refused in [
            "run.exe",
            "page.html",
            "image.svg",
            "noextension",
            "archive.tar.gz",
        ] {
            assert!(by_name(refused).is_none(), "{refused}");
        }
    }

    #[test]
    fn only_displayable_types_are_served_as_such() {
        assert_eq!(served_type("image/png"), "image/png");
        assert_eq!(served_type("text/plain"), "text/plain");
        assert_eq!(served_type("application/pdf"), "application/pdf");
        assert_eq!(served_type("application/zip"), "application/octet-stream");
    }

    /// The upload operation's table in spec/openapi.yaml is this allow-list: the same extensions,
    /// each with exactly the declared types it accepts and the type it stores.
    #[test]
    fn the_contract_lists_this_allow_list() {
        let doc: serde_json::Value =
            serde_norway::from_str(include_str!("../../../../spec/openapi.yaml")).expect("the spec parses");
        let text = doc["paths"]["/attachments"]["post"]["description"].as_str().expect("described");
        let rows: Vec<Vec<&str>> = text
            .lines()
            .map(str::trim)
            .filter(|l| l.starts_with('|') && !l.starts_with("|---") && !l.starts_with("| extension"))
            .map(|l| l.trim_matches('|').split('|').map(str::trim).collect())
            .collect();
        assert_eq!(rows.len(), KINDS.len(), "one row per kind");
        for (row, kind) in rows.iter().zip(KINDS) {
            assert_eq!(row[0], kind.extension);
            assert_eq!(row[2], kind.content_type, "{}", kind.extension);
            let declared: Vec<&str> = row[1].split(", ").collect();
            for t in &declared {
                assert!(kind.accepts_declared(Some(t)), "{} accepts {t}", kind.extension);
            }
            let mut accepted = vec![kind.content_type];
            accepted.extend(kind.aliases);
            if kind.content_type.starts_with(OOXML) {
                accepted.push("application/zip");
            }
            assert_eq!(declared, accepted, "{}: every accepted type is listed", kind.extension);
        }
    }
}
