//! A custom field's value as the customer reads it: option labels instead of option values,
//! yes/no for a checkbox, download links for attachments.

use crate::components::ticket::custom_field::attachment_ids;
use crate::components::ticket::AttachmentLink;
use crate::i18n::{format_time, Key};
use crate::state::locale::{tr, use_i18n};
use baton_core::{Attachment, CustomField, FieldKind, FieldValue, Text};
use leptos::either::{Either, EitherOf4};
use leptos::prelude::*;

/// The value `value` of field `def` (`None`: the field is no longer in the catalog, so the
/// value is shown as stored).
pub fn field_value_view(
    def: Option<&CustomField>,
    value: &FieldValue,
    attachments: &[Attachment],
) -> impl IntoView {
    let i18n = use_i18n();
    let kind = def.map(|d| d.kind);
    // Either types rather than `into_any()`: each branch's code is generated once, plainly.
    match (kind, value) {
        (Some(FieldKind::Checkbox), FieldValue::Bool(on)) | (None, FieldValue::Bool(on)) => {
            EitherOf4::A(tr(if *on { Key::Yes } else { Key::No }))
        }
        (Some(FieldKind::Attachment), _) => {
            let links = attachment_ids(value)
                .into_iter()
                .map(|id| match attachments.iter().find(|a| a.id == id) {
                    Some(attachment) => Either::Left(
                        view! { <li><AttachmentLink attachment=attachment.clone() /></li> },
                    ),
                    None => Either::Right(view! { <li>{format!("#{id}")}</li> }),
                })
                .collect_view();
            EitherOf4::B(view! { <ul class="attachments">{links}</ul> })
        }
        (Some(FieldKind::Select | FieldKind::Radio | FieldKind::Multiselect), _) => {
            let values = match value {
                FieldValue::List(list) => list.clone(),
                other => vec![plain(other)],
            };
            // All options, not only those of the parent's current value: this is a record.
            let labels: Vec<Result<Text, String>> = values
                .into_iter()
                .map(|v| {
                    def.and_then(|d| d.options.iter().find(|o| o.value == v))
                        .map(|o| o.label.clone())
                        .ok_or(v)
                })
                .collect();
            EitherOf4::C(move || {
                let locale = i18n.locale();
                let texts: Vec<&str> = labels
                    .iter()
                    .map(|l| match l {
                        Ok(text) => text.get(locale.code()),
                        Err(value) => value.as_str(),
                    })
                    .collect();
                texts.join(", ")
            })
        }
        // A local date-time (as the browser's datetime-local gave it) in the locale's way; the
        // rest as stored.
        _ => {
            let text = plain(value);
            let local_time = kind == Some(FieldKind::Datetime);
            EitherOf4::D(move || {
                if local_time {
                    format_time(&text, i18n.locale())
                } else {
                    text.clone()
                }
            })
        }
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
