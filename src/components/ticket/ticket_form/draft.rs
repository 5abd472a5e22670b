//! Everything the submit form holds while it is being filled in, kept in a localStorage draft
//! (`baton.draft.<user>.new`) on every change so a reload or a failed send loses nothing.
//!
//! Confidential info is the one exception: a password has no business in localStorage, so it
//! lives in memory only (it survives failed sends, not reloads).

use crate::components::ticket::custom_field::{FieldSlot, SavedSlot};
use crate::components::ui::{uploaded, Upload};
use crate::i18n::UPLOADS_PENDING;
use crate::api::json;
use crate::state::draft::DraftStore;
use baton_core::{Attachment, FieldError, NewTicket, TicketType};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The draft as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Saved {
    title: String,
    description: String,
    contact: String,
    url: String,
    type_id: Option<i64>,
    subtype_id: Option<i64>,
    fields: BTreeMap<String, SavedSlot>,
    files: Vec<Attachment>,
}

/// The submit form's state. Cheap to copy: every part is a signal.
#[derive(Debug, Clone, Copy)]
pub struct TicketDraft {
    pub title: RwSignal<String>,
    pub description: RwSignal<String>,
    pub contact: RwSignal<String>,
    pub url: RwSignal<String>,
    /// Never saved to the draft (see the module comment).
    pub confidential: RwSignal<String>,
    pub type_id: RwSignal<Option<i64>>,
    pub subtype_id: RwSignal<Option<i64>>,
    /// The general attachments (`ticket-attachments`).
    pub files: RwSignal<Vec<Upload>>,
    /// Custom field values by key, for every type the user has tried: switching back restores them.
    slots: StoredValue<BTreeMap<String, FieldSlot>>,
    /// Notified when a slot is added, so the autosave watches it too.
    slots_added: Trigger,
    /// The owner of the form: slots made while rendering one type's fields must outlive that
    /// rendering, since switching back to the type shows them again.
    owner: StoredValue<Owner>,
    store: DraftStore,
}

impl TicketDraft {
    /// The draft saved under `storage_key` (or an empty one), saved again on every change.
    /// `None` keeps it in memory only.
    pub fn open(storage_key: Option<String>) -> TicketDraft {
        let (store, saved) = DraftStore::open::<Saved>(storage_key);
        let saved = saved.unwrap_or_default();
        let slots = saved
            .fields
            .into_iter()
            .map(|(key, slot)| (key, FieldSlot::restore(slot)))
            .collect();
        let draft = TicketDraft {
            title: RwSignal::new(saved.title),
            description: RwSignal::new(saved.description),
            contact: RwSignal::new(saved.contact),
            url: RwSignal::new(saved.url),
            confidential: RwSignal::new(String::new()),
            type_id: RwSignal::new(saved.type_id),
            subtype_id: RwSignal::new(saved.subtype_id),
            files: RwSignal::new(saved.files.into_iter().map(Upload::done).collect()),
            slots: StoredValue::new(slots),
            slots_added: Trigger::new(),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            store,
        };
        Effect::new(move |_| {
            let saved = draft.saved();
            draft.store.save(&saved, saved == Saved::default());
        });
        draft
    }

    /// The value of custom field `key`, created empty on first use.
    pub fn slot(&self, key: &str) -> FieldSlot {
        if let Some(slot) = self.slots.with_value(|s| s.get(key).copied()) {
            return slot;
        }
        let slot = self.owner.with_value(|owner| owner.with(FieldSlot::new));
        self.slots.update_value(|s| {
            s.insert(key.to_owned(), slot);
        });
        self.slots_added.notify();
        slot
    }

    /// The ticket to send, with the custom fields of the chosen type and sub-type only.
    pub fn to_new_ticket(&self, types: &[TicketType]) -> NewTicket {
        let type_id = self.type_id.get_untracked();
        let ty = types.iter().find(|t| Some(t.id) == type_id);
        let subtype_id = type_id.and(self.subtype_id.get_untracked());
        let subtype = ty.zip(subtype_id).and_then(|(t, id)| t.subtype(id));
        let mut fields = BTreeMap::new();
        for def in ty.into_iter().flat_map(|t| t.fields_for(subtype)) {
            if let Some(value) = self.slot(&def.key).value(def.kind) {
                fields.insert(def.key.clone(), value);
            }
        }
        let optional =
            |s: RwSignal<String>| Some(s.get_untracked()).filter(|v| !v.trim().is_empty());
        NewTicket {
            title: self.title.get_untracked(),
            description: self.description.get_untracked(),
            contact_phone: optional(self.contact),
            type_id,
            subtype_id,
            related_url: optional(self.url).map(|u| u.trim().to_owned()),
            confidential: Some(self.confidential.get_untracked()).filter(|c| !c.is_empty()),
            fields,
            attachment_ids: self
                .files
                .with_untracked(|f| uploaded(f))
                .iter()
                .map(|a| a.id)
                .collect(),
        }
    }

    /// An error for each file input whose files are still uploading.
    pub fn pending_uploads(&self, types: &[TicketType]) -> Vec<FieldError> {
        let mut errors = Vec::new();
        if self
            .files
            .with_untracked(|f| f.iter().any(Upload::is_uploading))
        {
            errors.push(FieldError::new("attachment_ids", UPLOADS_PENDING));
        }
        let ty = types
            .iter()
            .find(|t| Some(t.id) == self.type_id.get_untracked());
        let subtype = ty.and_then(|t| self.subtype_id.get_untracked().and_then(|id| t.subtype(id)));
        for def in ty.into_iter().flat_map(|t| t.fields_for(subtype)) {
            if self.slot(&def.key).uploading() {
                errors.push(FieldError::new(
                    &format!("fields.{}", def.key),
                    UPLOADS_PENDING,
                ));
            }
        }
        errors
    }

    /// The `Idempotency-Key` for sending `ticket` now: the same as the last attempt unless the
    /// content changed. Confidential info is left out of the fingerprint, which is stored.
    pub fn key_for(&self, ticket: &NewTicket) -> String {
        let identity = NewTicket {
            confidential: None,
            ..ticket.clone()
        };
        self.store
            .key_for(&json::encode(&identity).unwrap_or_default())
    }

    /// The server took the ticket: the draft goes, and the next ticket gets a new key.
    pub fn acknowledged(&self) {
        self.store.acknowledged();
    }

    /// Subscribes the caller to every value of the form.
    pub fn track(&self) {
        self.saved();
        self.confidential.track();
        self.files.with(|f| f.iter().for_each(|u| u.result.track()));
    }

    /// The draft as stored (tracked).
    fn saved(&self) -> Saved {
        self.slots_added.track();
        let fields = self.slots.with_value(|slots| {
            slots
                .iter()
                .map(|(key, slot)| (key.clone(), slot.saved()))
                .filter(|(_, saved)| !saved.is_empty())
                .collect()
        });
        Saved {
            title: self.title.get(),
            description: self.description.get(),
            contact: self.contact.get(),
            url: self.url.get(),
            type_id: self.type_id.get(),
            subtype_id: self.subtype_id.get(),
            fields,
            files: self.files.with(|f| uploaded(f)),
        }
    }
}
