//! The agent's wording of a property change in the thread (`{field, from, to}` from the server):
//! "Priority: Normal → High", "Type: Billing → Returns", "Moved to the trash", in the agent's
//! language. Codes and ids are translated here (priorities, types and sub-types, custom field
//! labels and options from the catalog); names (groups, agents) and tags are shown as they are.

use crate::i18n::agent::{priority_from_code, priority_key};
use crate::i18n::{AgentKey, Key, TicketKey, WorkflowKey};
use crate::state::locale::{use_i18n, I18n};
use baton_core::{change_field as field, CustomField, FieldValue, SystemChange, TicketType};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// What the wording of a thread's changes reads, provided by the page that shows the thread: the
/// property change of each system entry that records one (by entry id), and the ticket types (for
/// type names and custom field labels).
#[derive(Debug, Clone, Copy)]
pub struct ChangeCatalog {
    pub changes: RwSignal<BTreeMap<i64, SystemChange>>,
    pub types: RwSignal<Vec<TicketType>>,
}

/// The wording of entry `id`'s property change, in the current language, from the
/// [`ChangeCatalog`] in context; `None` when it records none. A plain function, as `Thread` takes it.
pub fn describe_in_context(id: i64) -> Option<String> {
    let i18n = use_i18n();
    let catalog = use_context::<ChangeCatalog>()?;
    let change = catalog.changes.with(|c| c.get(&id).cloned())?;
    Some(catalog.types.with(|t| describe_change(i18n, t, &change)))
}

/// The catalog's custom field `key` (type or sub-type level), if it still exists.
fn custom_field<'a>(types: &'a [TicketType], key: &str) -> Option<&'a CustomField> {
    types
        .iter()
        .flat_map(|t| t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter())))
        .find(|f| f.key == key)
}

/// One side of a change as the agent reads it; `None` (no value) is "—".
fn side(i18n: I18n, types: &[TicketType], change: &SystemChange, value: Option<&FieldValue>) -> String {
    let locale = i18n.locale().code();
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return i18n.t(AgentKey::Nobody.into()).to_owned();
    };
    let text = value.as_str().unwrap_or_default();
    let id = text.parse::<i64>().ok();
    match change.field.as_str() {
        field::PRIORITY => priority_from_code(text).map_or_else(|| text.to_owned(), |p| i18n.t(priority_key(p)).to_owned()),
        field::TYPE => types.iter().find(|t| Some(t.id) == id).map_or_else(|| format!("#{text}"), |t| t.name.get(locale).to_owned()),
        field::SUBTYPE => types
            .iter()
            .find_map(|t| id.and_then(|id| t.subtype(id)))
            .map_or_else(|| format!("#{text}"), |s| s.name.get(locale).to_owned()),
        _ => match (change.field_key().and_then(|k| custom_field(types, k)), value) {
            // Option values are shown by their labels, as the form shows them.
            (Some(def), FieldValue::String(v)) if def.kind.has_options() => option_label(def, v, locale),
            (Some(def), FieldValue::List(vs)) if def.kind.has_options() => {
                vs.iter().map(|v| option_label(def, v, locale)).collect::<Vec<_>>().join(", ")
            }
            _ => show_value(Some(value)),
        },
    }
}

/// A value as the agent reads it where no catalog says more (conflicts, unknown fields).
pub fn show_value(v: Option<&FieldValue>) -> String {
    match v {
        None => "—".to_owned(),
        Some(FieldValue::String(s)) => s.clone(),
        Some(FieldValue::Number(n)) => n.to_string(),
        Some(FieldValue::Bool(b)) => if *b { "✓" } else { "✗" }.to_owned(),
        Some(FieldValue::List(l)) => l.join(", "),
    }
}

fn option_label(def: &CustomField, value: &str, locale: &str) -> String {
    def.options.iter().find(|o| o.value == value).map_or_else(|| value.to_owned(), |o| o.label.get(locale).to_owned())
}

/// The label of the changed property.
fn label(i18n: I18n, types: &[TicketType], change: &SystemChange) -> String {
    let key: Key = match change.field.as_str() {
        field::PRIORITY => AgentKey::Priority.into(),
        field::TYPE => TicketKey::TicketType.into(),
        field::SUBTYPE => TicketKey::TicketSubtype.into(),
        field::GROUP => AgentKey::Group.into(),
        field::ASSIGNEE => AgentKey::Assignee.into(),
        field::CC => AgentKey::Cc.into(),
        field::TAGS => AgentKey::Tags.into(),
        // Workflows (issue 13).
        field::WORKFLOW_STEP => WorkflowKey::ChangeStep.into(),
        field::WORKFLOW_RETURN => WorkflowKey::ChangeReturn.into(),
        _ => {
            let key = change.field_key().unwrap_or(&change.field);
            return custom_field(types, key).map_or_else(|| key.to_owned(), |f| f.label.get(i18n.locale().code()).to_owned());
        }
    };
    i18n.t(key).to_owned()
}

/// The sentence of a system entry's property change.
pub fn describe_change(i18n: I18n, types: &[TicketType], change: &SystemChange) -> String {
    let on = change.to == Some(FieldValue::Bool(true));
    let flag = match change.field.as_str() {
        field::TRASHED if on => Some(TicketKey::ChangeTrashed),
        field::TRASHED => Some(TicketKey::ChangeRestored),
        field::SUSPENDED if on => Some(TicketKey::ChangeSuspended),
        field::SUSPENDED => Some(TicketKey::ChangeUnsuspended),
        _ => None,
    };
    if let Some(key) = flag {
        return i18n.t(key.into()).to_owned();
    }
    // Automations (issue 13): the rule that made the changes after it.
    if change.field == field::AUTOMATION {
        return i18n.tf(TicketKey::ChangeByRule.into(), &[&show_value(change.to.as_ref())]);
    }
    let (from, to) = (side(i18n, types, change, change.from.as_ref()), side(i18n, types, change, change.to.as_ref()));
    i18n.tf(TicketKey::ChangeLine.into(), &[&label(i18n, types, change), &from, &to])
}
