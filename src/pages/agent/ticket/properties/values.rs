//! The editable properties as values: what the ticket has, what the form holds, the patch of
//! what the agent changed, and the rows of a conflict.

use crate::components::ticket::FieldSlot;
use baton_core::{FieldKind, FieldValue, Priority, Ticket, TicketPatch, TicketType};
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The properties of a ticket, as compared and patched.
#[derive(Debug, Clone, PartialEq)]
pub struct Values {
    pub priority: Priority,
    pub group: Option<i64>,
    pub assignee: Option<i64>,
    pub tags: Vec<String>,
    pub type_id: Option<i64>,
    pub subtype_id: Option<i64>,
    /// Sorted.
    pub cc: Vec<i64>,
    /// The filled-in custom fields.
    pub fields: BTreeMap<String, FieldValue>,
}

/// `"a, b ,c"` → `["a", "b", "c"]`.
pub fn tag_list(typed: &str) -> Vec<String> {
    typed.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect()
}

impl Values {
    pub fn of(t: &Ticket) -> Values {
        let staff = t.staff.clone().unwrap_or_default();
        let mut cc: Vec<i64> = staff.cc.iter().map(|u| u.id).collect();
        cc.sort_unstable();
        Values {
            priority: t.priority,
            group: staff.group.map(|g| g.id),
            assignee: staff.assignee.map(|a| a.id),
            tags: staff.tags,
            type_id: t.ticket_type.as_ref().map(|r| r.id),
            subtype_id: t.subtype.as_ref().map(|r| r.id),
            cc,
            fields: t.fields.iter().map(|f| (f.key.clone(), f.value.clone())).collect(),
        }
    }

    /// What differs from `base`, as a patch (empty when nothing does). Custom fields are sent
    /// one by one, only those changed.
    pub fn patch_from(&self, base: &Values) -> TicketPatch {
        fn changed<T: PartialEq>(a: T, b: T) -> Option<T> {
            (a != b).then_some(a)
        }
        let fields: BTreeMap<String, FieldValue> =
            self.fields.iter().filter(|(k, v)| base.fields.get(*k) != Some(*v)).map(|(k, v)| (k.clone(), v.clone())).collect();
        TicketPatch {
            priority: changed(self.priority, base.priority),
            group_id: changed(self.group, base.group),
            assignee_id: changed(self.assignee, base.assignee),
            tags: (self.tags != base.tags).then(|| self.tags.clone()),
            type_id: self.type_id.filter(|_| self.type_id != base.type_id),
            subtype_id: self.subtype_id.filter(|_| self.subtype_id != base.subtype_id),
            cc: (self.cc != base.cc).then(|| self.cc.clone()),
            fields: (!fields.is_empty()).then_some(fields),
        }
    }
}

/// The form's state: one signal per property, one slot per custom field.
#[derive(Clone, Copy)]
pub struct Form {
    pub priority: RwSignal<Priority>,
    pub group: RwSignal<Option<i64>>,
    pub assignee: RwSignal<Option<i64>>,
    pub tags: RwSignal<String>,
    pub type_id: RwSignal<Option<i64>>,
    pub subtype_id: RwSignal<Option<i64>>,
    pub cc: RwSignal<Vec<i64>>,
    slots: StoredValue<BTreeMap<String, FieldSlot>>,
}

impl Form {
    pub fn new(v: &Values) -> Form {
        let form = Form {
            priority: RwSignal::new(v.priority),
            group: RwSignal::new(v.group),
            assignee: RwSignal::new(v.assignee),
            tags: RwSignal::new(String::new()),
            type_id: RwSignal::new(v.type_id),
            subtype_id: RwSignal::new(v.subtype_id),
            cc: RwSignal::new(Vec::new()),
            slots: StoredValue::new(BTreeMap::new()),
        };
        form.set(v);
        form
    }

    /// The slot of custom field `key` (made on first use).
    pub fn slot(&self, key: &str) -> FieldSlot {
        if let Some(slot) = self.slots.with_value(|s| s.get(key).copied()) {
            return slot;
        }
        let slot = FieldSlot::new();
        self.slots.update_value(|s| {
            s.insert(key.to_owned(), slot);
        });
        slot
    }

    /// Shows `v`.
    pub fn set(&self, v: &Values) {
        self.priority.set(v.priority);
        self.group.set(v.group);
        self.assignee.set(v.assignee);
        self.tags.set(v.tags.join(", "));
        self.type_id.set(v.type_id);
        self.subtype_id.set(v.subtype_id);
        self.cc.set(v.cc.clone());
        let keys: Vec<String> = self.slots.with_value(|s| s.keys().cloned().collect());
        for key in keys.iter().filter(|k| !v.fields.contains_key(*k)) {
            self.slot(key).clear();
        }
        for (key, value) in &v.fields {
            let slot = self.slot(key);
            slot.clear();
            match value {
                FieldValue::String(s) => slot.text.set(s.clone()),
                FieldValue::Number(n) => slot.text.set(n.to_string()),
                FieldValue::Bool(b) => slot.flag.set(*b),
                FieldValue::List(l) => slot.list.set(l.clone()),
            }
        }
    }

    /// What the form holds (untracked); custom fields of the chosen type and sub-type only.
    pub fn read(&self, types: &[TicketType]) -> Values {
        let (type_id, subtype_id) = (self.type_id.get_untracked(), self.subtype_id.get_untracked());
        let mut cc = self.cc.get_untracked();
        cc.sort_unstable();
        let fields = editable_fields(types, type_id, subtype_id)
            .into_iter()
            .filter_map(|def| Some((def.key.clone(), self.slot(&def.key).value(def.kind)?)))
            .collect();
        Values {
            priority: self.priority.get_untracked(),
            group: self.group.get_untracked(),
            assignee: self.assignee.get_untracked(),
            tags: tag_list(&self.tags.get_untracked()),
            type_id,
            subtype_id,
            cc,
            fields,
        }
    }
}

/// The custom fields an agent edits here for this type and sub-type (attachments stay as the
/// customer sent them).
pub fn editable_fields(types: &[TicketType], type_id: Option<i64>, subtype_id: Option<i64>) -> Vec<baton_core::CustomField> {
    let Some(ty) = types.iter().find(|t| Some(t.id) == type_id) else { return Vec::new() };
    let subtype = subtype_id.and_then(|id| ty.subtype(id));
    ty.fields_for(subtype).filter(|f| f.kind != FieldKind::Attachment).cloned().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Values {
        Values {
            priority: Priority::Normal,
            group: Some(1),
            assignee: None,
            tags: vec!["vip".into()],
            type_id: Some(1),
            subtype_id: Some(2),
            cc: vec![],
            fields: BTreeMap::from([("order_no".to_owned(), FieldValue::String("A-1".into()))]),
        }
    }

    #[test]
    fn the_patch_holds_only_what_changed() {
        assert_eq!(base().patch_from(&base()), TicketPatch::default());
        let mut mine = base();
        mine.priority = Priority::Urgent;
        mine.fields.insert("order_no".into(), FieldValue::String("A-2".into()));
        let patch = mine.patch_from(&base());
        assert_eq!(patch.priority, Some(Priority::Urgent));
        assert_eq!(patch.group_id, None);
        assert_eq!(patch.tags, None);
        assert_eq!(patch.fields.map(|f| f.len()), Some(1));
        mine = base();
        mine.assignee = Some(4);
        mine.group = None;
        let patch = mine.patch_from(&base());
        assert_eq!((patch.assignee_id, patch.group_id), (Some(Some(4)), Some(None)));
    }

    #[test]
    fn tags_are_split_and_trimmed() {
        assert_eq!(tag_list(" a, b ,,c "), vec!["a", "b", "c"]);
    }
}
