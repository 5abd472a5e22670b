//! Text the agent workspace computes on either side: quick-reply placeholders, and the keyboard
//! shortcut map with its defaults and validation.

use super::UserSettings;
use crate::problem::{field_code, FieldError};

/// The values a quick reply's placeholders stand for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Placeholders {
    pub requester_name: String,
    pub ticket_number: i64,
    pub agent_name: String,
}

/// Replaces `{{requester.name}}`, `{{ticket.number}}` and `{{agent.name}}`. Anything else in
/// braces is left as written, so a typo shows up in the draft instead of vanishing.
pub fn render_quick_reply(body: &str, p: &Placeholders) -> String {
    body.replace("{{requester.name}}", &p.requester_name)
        .replace("{{ticket.number}}", &p.ticket_number.to_string())
        .replace("{{agent.name}}", &p.agent_name)
}

/// Every action a shortcut can trigger.
pub const SHORTCUT_ACTIONS: [&str; 10] = [
    "next_ticket",
    "prev_ticket",
    "open_ticket",
    "reply",
    "note",
    "complete",
    "assign_me",
    "star",
    "select",
    "trash",
];

/// The key that shows the list of shortcuts: fixed, so no action may take it.
pub const HELP_KEY: &str = "?";

/// The keys used until the user remaps them, in the order of [`SHORTCUT_ACTIONS`].
pub const DEFAULT_SHORTCUTS: [(&str, &str); 10] = [
    ("next_ticket", "j"),
    ("prev_ticket", "k"),
    ("open_ticket", "Enter"),
    ("reply", "r"),
    ("note", "n"),
    ("complete", "c"),
    ("assign_me", "a"),
    ("star", "*"),
    ("select", "x"),
    ("trash", "#"),
];

impl UserSettings {
    /// The defaults, overridden by what the user stored.
    pub fn with_defaults(mut self) -> UserSettings {
        for (action, key) in DEFAULT_SHORTCUTS {
            self.shortcuts.entry(action.to_owned()).or_insert_with(|| key.to_owned());
        }
        self
    }

    /// Unknown actions, empty or over-long keys, the help key [`HELP_KEY`], and a key bound to
    /// two actions once merged with the defaults (e.g. `reply: "j"` while `next_ticket` keeps its
    /// default `j`) are refused, each named `shortcuts.<action>` for the actions sent.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let merged = self.clone().with_defaults();
        let mut errors = Vec::new();
        for (action, key) in &self.shortcuts {
            let clash = merged.shortcuts.iter().any(|(a, k)| a != action && k == key);
            let ok = SHORTCUT_ACTIONS.contains(&action.as_str())
                && !key.trim().is_empty()
                && key.chars().count() <= 20
                && key != HELP_KEY
                && !clash;
            if !ok {
                errors.push(FieldError::new(&format!("shortcuts.{action}"), field_code::INVALID_VALUE));
            }
        }
        if errors.is_empty() { Ok(()) } else { Err(errors) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        let p = Placeholders { requester_name: "Alice".into(), ticket_number: 12, agent_name: "Wang".into() };
        let cases = [
            ("Hi {{requester.name}}", "Hi Alice"),
            ("#{{ticket.number}} — {{agent.name}}", "#12 — Wang"),
            ("{{requester.email}} stays", "{{requester.email}} stays"),
        ];
        for (body, want) in cases {
            assert_eq!(render_quick_reply(body, &p), want);
        }
    }

    #[test]
    fn shortcuts() {
        let s = |pairs: &[(&str, &str)]| UserSettings {
            shortcuts: pairs.iter().map(|(a, k)| (a.to_string(), k.to_string())).collect(),
        };
        assert!(s(&[("reply", "R")]).validate().is_ok());
        let bad = s(&[("fly", "f")]).validate().unwrap_err();
        assert_eq!(bad[0].field, "shortcuts.fly");
        let both = s(&[("reply", "r"), ("note", "r")]).validate().unwrap_err();
        assert_eq!(both.len(), 2);
        // Against the defaults too: `j` stays next_ticket's.
        assert_eq!(s(&[("reply", "j")]).validate().unwrap_err()[0].field, "shortcuts.reply");
        assert!(s(&[("reply", "j"), ("next_ticket", "J")]).validate().is_ok());
        assert!(s(&[("reply", HELP_KEY)]).validate().is_err());
        assert_eq!(UserSettings::default().with_defaults().shortcuts["complete"], "c");
        assert_eq!(s(&[("reply", "R")]).with_defaults().shortcuts["reply"], "R");
        assert_eq!(UserSettings::default().with_defaults().shortcuts.len(), SHORTCUT_ACTIONS.len());
    }
}
