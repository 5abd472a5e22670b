//! Turning what a visitor typed into a search the storage layer runs.
//!
//! The index uses FTS5's trigram tokenizer, which matches any text of three or more characters.
//! A query is split into words at spaces and punctuation, and at every switch between CJK and
//! other scripts (Chinese runs on without spaces: "VPN连不上" is "VPN" and "连不上").
//! - Words of three or more characters become phrases, OR'ed, so an article matching more of
//!   them ranks higher (bm25) and a ticket title like "My printer jams" still finds "Printer jams".
//! - A CJK run longer than three characters becomes its overlapping three-character pieces
//!   ("打印机卡纸" → "打印机", "印机卡", "机卡纸"), since the words inside it are unknown: an
//!   article sharing any of them matches, and more shared pieces rank higher.
//! - Words shorter than three characters cannot be matched by the index. They are dropped when
//!   longer words exist (mostly "to", "my", "的"); when the query has nothing else ("密码",
//!   "VP"), it falls back to LIKE over title and body.

use crate::storage::kb::Search;

/// At most this many phrases go into one MATCH, so a long title costs a bounded query.
const MAX_PHRASES: usize = 48;

/// The search for `q`, or `None` when it has no words at all.
pub fn parse(q: &str) -> Option<Search> {
    let words = words(q);
    let mut phrases: Vec<String> = Vec::new();
    let mut short = Vec::new();
    for word in words {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() < 3 {
            short.push(word);
        } else if is_cjk(chars[0]) && chars.len() > 3 {
            phrases.extend(chars.windows(3).map(|w| w.iter().collect()));
        } else {
            phrases.push(word);
        }
    }
    let mut seen = std::collections::HashSet::new();
    phrases.retain(|p| seen.insert(p.to_lowercase()));
    phrases.truncate(MAX_PHRASES);
    if !phrases.is_empty() {
        // Words hold letters and digits only, so quoting them needs no escaping.
        let expr = phrases
            .iter()
            .map(|p| format!("\"{p}\""))
            .collect::<Vec<_>>()
            .join(" OR ");
        return Some(Search::FullText(expr));
    }
    short.truncate(MAX_PHRASES);
    (!short.is_empty()).then_some(Search::Like(short))
}

/// Runs of letters and digits, split where CJK meets another script.
fn words(q: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut current_cjk = false;
    for c in q.chars() {
        if !c.is_alphanumeric() {
            flush(&mut current, &mut words);
            continue;
        }
        let cjk = is_cjk(c);
        if cjk != current_cjk {
            flush(&mut current, &mut words);
            current_cjk = cjk;
        }
        current.push(c);
    }
    flush(&mut current, &mut words);
    words
}

fn flush(current: &mut String, words: &mut Vec<String>) {
    if !current.is_empty() {
        words.push(std::mem::take(current));
    }
}

/// Han, kana, Hangul and their compatibility blocks: scripts written without spaces (Hangul
/// uses spaces, but splitting it into pieces does no harm).
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3134F)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full_text(q: &str) -> Option<String> {
        match parse(q) {
            Some(Search::FullText(expr)) => Some(expr),
            _ => None,
        }
    }

    #[test]
    fn english_words_are_phrases_any_of_which_may_match() {
        assert_eq!(
            full_text("My printer jams!").as_deref(),
            Some(r#""printer" OR "jams""#)
        );
        assert_eq!(full_text("VPN").as_deref(), Some(r#""VPN""#));
    }

    #[test]
    fn chinese_runs_become_trigrams() {
        assert_eq!(
            full_text("打印机卡纸").as_deref(),
            Some(r#""打印机" OR "印机卡" OR "机卡纸""#)
        );
        assert_eq!(
            full_text("VPN连不上").as_deref(),
            Some(r#""VPN" OR "连不上""#)
        );
    }

    #[test]
    fn short_queries_fall_back_to_like() {
        assert_eq!(parse("密码"), Some(Search::Like(vec!["密码".into()])));
        assert_eq!(
            parse("a 密码"),
            Some(Search::Like(vec!["a".into(), "密码".into()]))
        );
        assert_eq!(parse("  ?! "), None);
        assert_eq!(parse(""), None);
    }

    #[test]
    fn quotes_and_operators_are_not_syntax() {
        assert_eq!(
            full_text(r#"NEAR("abc" OR) *x"#).as_deref(),
            Some(r#""NEAR" OR "abc""#)
        );
        let long: String = (0..200)
            .filter_map(|i| char::from_u32(0x4E00 + i))
            .collect();
        let expr = full_text(&long).unwrap_or_default();
        assert_eq!(expr.matches(" OR ").count(), MAX_PHRASES - 1, "{expr}");
    }
}
