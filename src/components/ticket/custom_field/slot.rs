//! What a custom field holds while the form is being filled in, kind-independent so a draft can
//! be saved and restored before the catalog has loaded.

use crate::components::ui::{uploaded, Upload};
use baton_core::validate::fields::attachment_id;
use baton_core::{Attachment, FieldKind, FieldValue};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The input state of one custom field. Each kind uses one part: `text` (text, textarea, number,
/// date, datetime, select, radio), `list` (multiselect), `flag` (checkbox), `files` (attachment).
#[derive(Debug, Clone, Copy)]
pub struct FieldSlot {
    pub text: RwSignal<String>,
    pub list: RwSignal<Vec<String>>,
    pub flag: RwSignal<bool>,
    pub files: RwSignal<Vec<Upload>>,
}

/// A slot as a draft stores it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct SavedSlot {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub text: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub list: Vec<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub flag: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub files: Vec<Attachment>,
}

impl SavedSlot {
    pub fn is_empty(&self) -> bool {
        *self == SavedSlot::default()
    }
}

impl FieldSlot {
    pub fn new() -> FieldSlot {
        FieldSlot {
            text: RwSignal::new(String::new()),
            list: RwSignal::new(Vec::new()),
            flag: RwSignal::new(false),
            files: RwSignal::new(Vec::new()),
        }
    }

    /// A slot holding what a draft saved.
    pub fn restore(saved: SavedSlot) -> FieldSlot {
        let slot = FieldSlot::new();
        slot.text.set(saved.text);
        slot.list.set(saved.list);
        slot.flag.set(saved.flag);
        slot.files
            .set(saved.files.into_iter().map(Upload::done).collect());
        slot
    }

    /// The state to save (tracked). Files still uploading are not saved: their upload dies
    /// with the page.
    pub fn saved(&self) -> SavedSlot {
        SavedSlot {
            text: self.text.get(),
            list: self.list.get(),
            flag: self.flag.get(),
            files: self.files.with(|f| uploaded(f)),
        }
    }

    /// Empties the field (its cascading parent changed).
    pub fn clear(&self) {
        self.text.set(String::new());
        self.list.set(Vec::new());
        self.flag.set(false);
    }

    /// The value to send for a field of `kind`, or `None` when it is not filled in (untracked).
    /// Numbers that do not parse are sent as typed, so validation names them `invalid_number`.
    pub fn value(&self, kind: FieldKind) -> Option<FieldValue> {
        let text = self.text.get_untracked();
        let text = text.trim();
        match kind {
            FieldKind::Multiselect => {
                let list = self.list.get_untracked();
                (!list.is_empty()).then_some(FieldValue::List(list))
            }
            FieldKind::Checkbox => self.flag.get_untracked().then_some(FieldValue::Bool(true)),
            FieldKind::Attachment => {
                let ids: Vec<String> = self
                    .files
                    .with_untracked(|f| uploaded(f))
                    .into_iter()
                    .map(|a| a.id.to_string())
                    .collect();
                (!ids.is_empty()).then_some(FieldValue::List(ids))
            }
            _ if text.is_empty() => None,
            FieldKind::Number => Some(match parse_number(text) {
                Some(n) => FieldValue::Number(n),
                None => FieldValue::String(text.to_owned()),
            }),
            _ => Some(FieldValue::String(text.to_owned())),
        }
    }

    /// Whether a file of this field is still uploading (untracked).
    pub fn uploading(&self) -> bool {
        self.files
            .with_untracked(|f| f.iter().any(Upload::is_uploading))
    }
}

impl Default for FieldSlot {
    fn default() -> FieldSlot {
        FieldSlot::new()
    }
}

/// A finite number as typed, parsed by the browser (`+"12.5"`; `"12a"` is not one), rather than
/// shipping Rust's float parser.
fn parse_number(text: &str) -> Option<f64> {
    let n = wasm_bindgen::JsValue::from_str(text).unchecked_into_f64();
    n.is_finite().then_some(n)
}

/// The attachment ids a list value names (for showing a ticket's attachment fields).
pub fn attachment_ids(value: &FieldValue) -> Vec<i64> {
    match value {
        FieldValue::List(list) => list.iter().filter_map(|v| attachment_id(v)).collect(),
        _ => Vec::new(),
    }
}
