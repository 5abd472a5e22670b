//! An edit conflict (412): what conflicts, and how it is shown. Only a property the agent's edit
//! touches and that changed on the server since the edit began — to something else than the
//! agent chose — is a conflict; a reply, a status change or someone's edit of other properties is
//! not, and the edit is then re-applied on the new version without asking.

use super::values::Values;
use crate::components::agent::{show_value, ConflictRow};
use crate::components::ui::Label;
use crate::i18n::agent::priority_key;
use crate::i18n::{AgentKey, TicketKey};
use crate::state::locale::I18n;
use baton_core::{AgentInfo, Ticket, TicketPatch, TicketType};

/// The properties `patch` touches, by the names conflicts use (`priority`, `group`, `assignee`,
/// `tags`, `type`, `subtype`, `cc`, `fields.<key>`).
pub fn touched(patch: &TicketPatch) -> Vec<String> {
    let plain = [
        ("priority", patch.priority.is_some()),
        ("group", patch.group_id.is_some()),
        ("assignee", patch.assignee_id.is_some()),
        ("tags", patch.tags.is_some()),
        ("type", patch.type_id.is_some()),
        ("subtype", patch.subtype_id.is_some()),
        ("cc", patch.cc.is_some()),
    ];
    let fields = patch.fields.iter().flat_map(|f| f.keys()).map(|k| format!("fields.{k}"));
    plain.into_iter().filter(|(_, on)| *on).map(|(name, _)| name.to_owned()).chain(fields).collect()
}

impl Values {
    /// Whether `self` and `other` hold the same value of property `name` (as [`touched`] names it).
    pub fn same(&self, other: &Values, name: &str) -> bool {
        match name {
            "priority" => self.priority == other.priority,
            "group" => self.group == other.group,
            "assignee" => self.assignee == other.assignee,
            "tags" => self.tags == other.tags,
            "type" => self.type_id == other.type_id,
            "subtype" => self.subtype_id == other.subtype_id,
            "cc" => self.cc == other.cc,
            _ => {
                let key = name.strip_prefix("fields.").unwrap_or(name);
                self.fields.get(key) == other.fields.get(key)
            }
        }
    }

    /// Takes property `name` from `other`.
    pub fn take(&mut self, other: &Values, name: &str) {
        match name {
            "priority" => self.priority = other.priority,
            "group" => self.group = other.group,
            "assignee" => self.assignee = other.assignee,
            "tags" => self.tags = other.tags.clone(),
            "type" => self.type_id = other.type_id,
            "subtype" => self.subtype_id = other.subtype_id,
            "cc" => self.cc = other.cc.clone(),
            _ => {
                let key = name.strip_prefix("fields.").unwrap_or(name);
                match other.fields.get(key) {
                    Some(v) => self.fields.insert(key.to_owned(), v.clone()),
                    None => self.fields.remove(key),
                };
            }
        }
    }
}

/// What conflicts between an edit (`mine`, made on `base`) and the ticket `now`: each property the
/// edit touches that changed on the server since `base` to something else than `mine`. Nothing
/// else is a conflict — a reply, a status change or someone's edit of other properties is not.
pub fn conflicting(patch: &TicketPatch, base: &Values, now: &Values, mine: &Values) -> Vec<String> {
    touched(patch).into_iter().filter(|name| !now.same(base, name) && !now.same(mine, name)).collect()
}

/// The rows of the conflicting properties `names`: the value on the ticket now beside the agent's.
pub fn conflict_rows(i18n: I18n, names: &[String], now: &Ticket, mine: &Values, types: &[TicketType], agents: &[AgentInfo]) -> Vec<ConflictRow> {
    let theirs = Values::of(now);
    let locale = i18n.locale().code();
    let nobody = || i18n.t(AgentKey::Nobody.into()).to_owned();
    let agent = |id: Option<i64>| match id {
        None => nobody(),
        Some(id) => agents.iter().find(|a| a.id == id).map_or_else(|| format!("#{id}"), |a| a.name.clone()),
    };
    let staff = now.staff.clone().unwrap_or_default();
    let group = |id: Option<i64>| match (id, &staff.group) {
        (None, _) => nobody(),
        (Some(id), Some(g)) if g.id == id => g.name.clone(),
        (Some(id), _) => agents.iter().flat_map(|a| &a.groups).find(|g| g.id == id).map_or_else(|| format!("#{id}"), |g| g.name.clone()),
    };
    let type_name = |id: Option<i64>| id.and_then(|id| types.iter().find(|t| t.id == id)).map_or_else(|| i18n.t(TicketKey::NoType.into()).to_owned(), |t| t.name.get(locale).to_owned());
    let subtype_name = |id: Option<i64>| id.and_then(|id| types.iter().find_map(|t| t.subtype(id))).map_or_else(nobody, |s| s.name.get(locale).to_owned());
    let people = |ids: &[i64]| ids.iter().map(|id| agent(Some(*id))).collect::<Vec<_>>().join(", ");
    let labels: Vec<_> = types.iter().flat_map(|t| t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter()))).collect();
    let shown = |v: &Values| -> Vec<String> {
        names.iter().map(|name| match name.as_str() {
            "priority" => i18n.t(priority_key(v.priority)).to_owned(),
            "group" => group(v.group),
            "assignee" => agent(v.assignee),
            "tags" => v.tags.join(", "),
            "type" => type_name(v.type_id),
            "subtype" => subtype_name(v.subtype_id),
            "cc" => people(&v.cc),
            _ => show_value(v.fields.get(name.strip_prefix("fields.").unwrap_or(name))),
        }).collect()
    };
    let label = |name: &str| -> Label {
        let key: crate::i18n::Key = match name {
            "priority" => AgentKey::Priority.into(),
            "group" => AgentKey::Group.into(),
            "assignee" => AgentKey::Assignee.into(),
            "tags" => AgentKey::Tags.into(),
            "type" => TicketKey::TicketType.into(),
            "subtype" => TicketKey::TicketSubtype.into(),
            "cc" => AgentKey::Cc.into(),
            _ => {
                let key = name.strip_prefix("fields.").unwrap_or(name);
                return labels.iter().find(|f| f.key == key).map_or_else(|| Label::Key(TicketKey::CustomFields.into()), |f| Label::Tenant(f.label.clone()));
            }
        };
        Label::Key(key)
    };
    names.iter().zip(shown(&theirs)).zip(shown(mine))
        .map(|((name, theirs), mine)| ConflictRow { field: name.clone(), label: label(name), theirs, mine })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use baton_core::{FieldValue, Priority};
    use std::collections::BTreeMap;

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
    fn only_what_i_edited_and_they_changed_conflicts() {
        let mut mine = base();
        mine.priority = Priority::High;
        mine.tags = vec!["vip".into(), "refund".into()];
        let patch = mine.patch_from(&base());
        assert_eq!(touched(&patch), ["priority", "tags"]);
        // Someone changed the group and replied: nothing I edited moved.
        let mut now = base();
        now.group = Some(2);
        assert!(conflicting(&patch, &base(), &now, &mine).is_empty());
        // They set the priority to what I chose: no conflict either.
        now.priority = Priority::High;
        assert!(conflicting(&patch, &base(), &now, &mine).is_empty());
        // They set it to something else: the priority conflicts, the tags do not.
        now.priority = Priority::Low;
        assert_eq!(conflicting(&patch, &base(), &now, &mine), ["priority"]);
        let mut kept = now.clone();
        kept.take(&mine, "tags");
        assert_eq!((kept.priority, kept.tags.len(), kept.group), (Priority::Low, 2, Some(2)));
    }

    #[test]
    fn a_custom_field_is_named_by_its_key() {
        let mut mine = base();
        mine.fields.insert("order_no".into(), FieldValue::String("A-2".into()));
        let patch = mine.patch_from(&base());
        let mut now = base();
        now.fields.insert("order_no".into(), FieldValue::String("A-3".into()));
        assert_eq!(conflicting(&patch, &base(), &now, &mine), ["fields.order_no"]);
    }
}
