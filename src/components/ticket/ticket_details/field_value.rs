//! A custom field's value as the customer reads it: option labels instead of option values,
//! yes/no for a checkbox, download links for attachments.

use crate::components::ticket::custom_field::attachment_ids;
use crate::components::ticket::AttachmentLink;
use crate::components::ui::tenant_text;
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::{Attachment, CustomField, FieldKind, FieldValue};
use leptos::prelude::*;

/// The value `value` of field `def` (`None`: the field is no longer in the catalog, so the
/// value is shown as stored).
pub fn field_value_view(
    def: Option<&CustomField>,
    value: &FieldValue,
    attachments: &[Attachment],
) -> AnyView {
    let kind = def.map(|d| d.kind);
    match (kind, value) {
        (Some(FieldKind::Checkbox), FieldValue::Bool(on)) | (None, FieldValue::Bool(on)) => {
            view! { {tr(if *on { Key::Yes } else { Key::No })} }.into_any()
        }
        (Some(FieldKind::Attachment), _) => {
            let links = attachment_ids(value)
                .into_iter()
                .map(|id| match attachments.iter().find(|a| a.id == id) {
                    Some(attachment) => view! { <li><AttachmentLink attachment=attachment.clone() /></li> }.into_any(),
                    None => view! { <li>{format!("#{id}")}</li> }.into_any(),
                })
                .collect_view();
            view! { <ul class="attachments">{links}</ul> }.into_any()
        }
        (Some(FieldKind::Select | FieldKind::Radio | FieldKind::Multiselect), _) => {
            let def = def.cloned();
            let values = match value {
                FieldValue::List(list) => list.clone(),
                other => vec![plain(other)],
            };
            let labels = values
                .into_iter()
                .enumerate()
                .map(|(i, v)| {
                    // All options, not only those of the parent's current value: this is a record.
                    let label = def
                        .as_ref()
                        .and_then(|d| d.options.iter().find(|o| o.value == v))
                        .map(|o| o.label.clone());
                    let sep = (i > 0).then_some(", ");
                    match label {
                        Some(label) => view! { {sep}{tenant_text(label)} }.into_any(),
                        None => view! { {sep}{v} }.into_any(),
                    }
                })
                .collect_view();
            view! { {labels} }.into_any()
        }
        _ => plain(value).into_any(),
    }
}

/// A value as text: numbers as JavaScript writes them (no needless ".0"), lists joined.
fn plain(value: &FieldValue) -> String {
    match value {
        FieldValue::String(s) => s.clone(),
        // The browser's number formatting, rather than shipping Rust's float printer.
        FieldValue::Number(n) => js_sys::Number::from(*n)
            .to_string_with_radix(10)
            .map(String::from)
            .unwrap_or_default(),
        FieldValue::Bool(b) => b.to_string(),
        FieldValue::List(list) => list.join(", "),
    }
}
