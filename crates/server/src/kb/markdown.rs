//! Article bodies: Markdown to sanitized HTML (what the SPA inserts as HTML), and Markdown to
//! plain text (what search indexes and excerpts show).
//!
//! Sanitizing happens here, on the server, because the SPA inserts `body_html` as markup: an
//! article is written by an admin, but it is read by every customer, and one compromised admin
//! account must not become script running in every customer's session. (Sanitizing in the wasm
//! SPA instead would add ~256 KB gzip of ammonia to every page load.)

use ammonia::Builder;
use pulldown_cmark::{Event, Options, Parser, TagEnd};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The `rel` of every link in an article: it opens no door back to the help center
/// (`noopener`), leaks no help-center URL (`noreferrer`) and lends it no ranking (`nofollow`).
pub const LINK_REL: &str = "noopener noreferrer nofollow";

/// ammonia's allow-list (no `<script>`, `<style>`, `<iframe>`, `<form>`, no `on…` attributes,
/// no `style`) with only web and mail URLs: `javascript:`, `data:` and `vbscript:` links and
/// images are dropped.
static SANITIZER: LazyLock<Builder<'static>> = LazyLock::new(|| {
    let mut builder = Builder::default();
    builder
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some(LINK_REL));
    builder
});

fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS
}

/// `markdown` as HTML that is safe to insert into a page. Raw HTML in the Markdown goes through
/// the same allow-list: harmless tags (`<kbd>`, `<br>`) survive, anything active is removed.
pub fn to_html(markdown: &str) -> String {
    let mut html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options()));
    SANITIZER.clean(&html).to_string()
}

/// `markdown` as plain text on one line: the words of text and code, no syntax, no raw HTML, and
/// runs of whitespace collapsed to one space.
pub fn to_text(markdown: &str) -> String {
    let mut text = String::with_capacity(markdown.len());
    for event in Parser::new_ext(markdown, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => text.push_str(&t),
            // Raw HTML is left out, but it may be a `<br>` between two words.
            Event::SoftBreak
            | Event::HardBreak
            | Event::Rule
            | Event::Html(_)
            | Event::InlineHtml(_) => text.push(' '),
            // Block ends separate words that no whitespace separates in the events.
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::Item
                | TagEnd::CodeBlock
                | TagEnd::TableCell
                | TagEnd::BlockQuote(_),
            ) => text.push(' '),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The first `max` characters of `text` at most, ending in "…" when it was cut. A cut falls on a
/// space when there is one near the end, so English words stay whole; Chinese is cut anywhere.
pub fn excerpt(text: &str, max: usize) -> String {
    let text = text.trim();
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let near_end = cut.char_indices().rev().take(20).find(|(_, c)| *c == ' ');
    let cut = match near_end {
        Some((i, _)) => &cut[..i],
        None => &cut,
    };
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_markdown() {
        let html = to_html("# Reset\n\nOpen **Settings** and see [help](https://help.test/x).");
        assert!(html.contains("<h1>Reset</h1>"), "{html}");
        assert!(html.contains("<strong>Settings</strong>"), "{html}");
        assert!(
            html.contains(
                r#"<a href="https://help.test/x" rel="noopener noreferrer nofollow">help</a>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn removes_everything_active() {
        let markdown = "Hi <script>alert(1)</script>\n\n\
            <img src=\"x.png\" onerror=\"alert(2)\">\n\n\
            [click](javascript:alert(3)) <a href=\"JaVaScRiPt:alert(4)\">raw</a>\n\n\
            <iframe src=\"https://evil.test\"></iframe>\n\n\
            <p style=\"x\" onclick=\"alert(5)\">styled</p> <kbd>Ctrl</kbd>\n\n\
            ![pic](data:text/html;base64,PHNjcmlwdD4=)";
        let html = to_html(markdown).to_lowercase();
        for banned in [
            "<script",
            "alert(",
            "onerror",
            "onclick",
            "javascript:",
            "<iframe",
            "style=",
            "data:",
        ] {
            assert!(!html.contains(banned), "{banned} survived: {html}");
        }
        assert!(html.contains("<kbd>ctrl</kbd>"), "{html}");
    }

    #[test]
    fn plain_text_has_words_only() {
        let text = to_text("# 重置密码\n\n1. Open *Settings*\n2. Click `Reset`<br>now\n\n| a | b |\n|---|---|\n| c | d |");
        assert_eq!(text, "重置密码 Open Settings Click Reset now a b c d");
    }

    #[test]
    fn excerpts_are_bounded() {
        assert_eq!(excerpt("short", 200), "short");
        let english = "word ".repeat(100);
        let e = excerpt(&english, 200);
        assert!(e.chars().count() <= 200 && e.ends_with("word…"), "{e}");
        let chinese = "打印机卡纸".repeat(100);
        let e = excerpt(&chinese, 200);
        assert_eq!(e.chars().count(), 200);
        assert!(e.ends_with('…'));
    }
}
