//! What a condition row offers: the fields of the condition table baton-core shares
//! ([`ConditionField`]), their operators, and the values that are known (statuses, priorities,
//! channels, the tenant's types, groups and agents as the API lists them, and the options of
//! custom select fields). A field whose
//! values are not known (or whose list failed to load) takes text.

use crate::api::Api;
use crate::i18n::agent::{agent_status_key, priority_code, priority_key, PRIORITIES};
use crate::i18n::{Key, ListKey};
use crate::state::locale::I18n;
use baton_core::{ConditionField, Op, Status, TicketType};
use leptos::prelude::*;

/// The built-in condition fields, in the order the editor lists them.
pub const FIELDS: [(&str, ListKey); 14] = [
    ("status", ListKey::FStatus),
    ("priority", ListKey::FPriority),
    ("channel", ListKey::FChannel),
    ("type", ListKey::FType),
    ("subtype", ListKey::FSubtype),
    ("group", ListKey::FGroup),
    ("assignee", ListKey::FAssignee),
    ("customer_group", ListKey::FCustomerGroup),
    ("requester", ListKey::FRequester),
    ("tags", ListKey::FTags),
    ("created_at", ListKey::FCreatedAt),
    ("updated_at", ListKey::FUpdatedAt),
    ("sla", ListKey::FSla),
    ("sla_due_at", ListKey::FSlaDueAt),
];

const STATUSES: [Status; 7] =
    [Status::New, Status::Open, Status::Pending, Status::Solved, Status::Confirmed, Status::Rated, Status::Closed];
const CHANNELS: [(&str, ListKey); 5] = [
    ("web", ListKey::ChWeb),
    ("widget", ListKey::ChWidget),
    ("phone", ListKey::ChPhone),
    ("email", ListKey::ChEmail),
    ("api", ListKey::ChApi),
];

/// The wire code of an operator (as serde writes it).
pub fn op_code(op: Op) -> &'static str {
    match op {
        Op::Is => "is",
        Op::IsNot => "is_not",
        Op::In => "in",
        Op::NotIn => "not_in",
        Op::Before => "before",
        Op::After => "after",
    }
}

pub fn op_key(op: Op) -> ListKey {
    match op {
        Op::Is => ListKey::OpIs,
        Op::IsNot => ListKey::OpIsNot,
        Op::In => ListKey::OpIn,
        Op::NotIn => ListKey::OpNotIn,
        Op::Before => ListKey::OpBefore,
        Op::After => ListKey::OpAfter,
    }
}

pub fn op_from_code(code: &str) -> Option<Op> {
    [Op::Is, Op::IsNot, Op::In, Op::NotIn, Op::Before, Op::After].into_iter().find(|o| op_code(*o) == code)
}

/// The operators `field` takes (the equality ones for a field the table does not know).
pub fn ops_of(field: &str) -> &'static [Op] {
    ConditionField::parse(field).map_or(&[Op::Is, Op::IsNot, Op::In, Op::NotIn], |f| f.ops())
}

/// Whether the operator takes several values.
pub fn is_many(op: Op) -> bool {
    matches!(op, Op::In | Op::NotIn)
}

/// An option's label: a translated text, or tenant content shown as written.
#[derive(Debug, Clone, PartialEq)]
pub enum OptLabel {
    Key(Key),
    Text(String),
}

impl OptLabel {
    pub fn text(&self, i18n: I18n) -> String {
        match self {
            OptLabel::Key(k) => i18n.t(*k).to_owned(),
            OptLabel::Text(t) => t.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Opt {
    pub value: String,
    pub label: OptLabel,
}

fn opt(value: &str, label: OptLabel) -> Opt {
    Opt { value: value.to_owned(), label }
}

/// The tenant's lists the editor needs; `None` until (or unless) loaded.
#[derive(Clone, Copy)]
pub struct Catalog {
    pub types: RwSignal<Option<Vec<TicketType>>>,
    pub groups: RwSignal<Option<Vec<(i64, String)>>>,
    pub agents: RwSignal<Option<Vec<(i64, String)>>>,
    pub customer_groups: RwSignal<Option<Vec<(i64, String)>>>,
}

impl Catalog {
    /// Starts loading the types, groups, agents and customer groups.
    pub fn load(api: Api) -> Catalog {
        let catalog = Catalog {
            types: RwSignal::new(None),
            groups: RwSignal::new(None),
            agents: RwSignal::new(None),
            customer_groups: RwSignal::new(None),
        };
        leptos::task::spawn_local(async move {
            if let Ok(t) = api.ticket_types().await {
                catalog.types.try_set(Some(t));
            }
            if let Ok(g) = api.groups().await {
                catalog.groups.try_set(Some(g.into_iter().map(|g| (g.id, g.name)).collect()));
            }
            if let Ok(a) = api.agents().await {
                catalog.agents.try_set(Some(a.into_iter().map(|a| (a.id, a.name)).collect()));
            }
            if let Ok(g) = api.customer_groups().await {
                catalog.customer_groups.try_set(Some(g.into_iter().map(|g| (g.id, g.name)).collect()));
            }
        });
        catalog
    }

    /// The custom fields of every type and sub-type, once each: (`fields.<key>`, label).
    pub fn custom_fields(&self, locale: &str) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = Vec::new();
        self.types.with(|types| {
            for t in types.iter().flatten() {
                let all = t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter()));
                for f in all {
                    let name = format!("fields.{}", f.key);
                    if !out.iter().any(|(n, _)| *n == name) {
                        out.push((name, f.label.get(locale).to_owned()));
                    }
                }
            }
        });
        out
    }

    /// The values `field` may take, if they are known (tracked).
    pub fn options(&self, field: &str, locale: &str) -> Option<Vec<Opt>> {
        let key = |k: ListKey| OptLabel::Key(k.into());
        let ids = |list: &Option<Vec<(i64, String)>>| {
            list.as_ref().map(|l| l.iter().map(|(id, n)| opt(&id.to_string(), OptLabel::Text(n.clone()))).collect::<Vec<_>>())
        };
        Some(match field {
            "status" => STATUSES.iter().map(|s| opt(s.code(), OptLabel::Key(agent_status_key(*s)))).collect(),
            "priority" => PRIORITIES.iter().map(|p| opt(priority_code(*p), OptLabel::Key(priority_key(*p)))).collect(),
            "channel" => CHANNELS.iter().map(|(c, k)| opt(c, key(*k))).collect(),
            "sla" => [("breached", ListKey::SlaBreachedValue), ("on_time", ListKey::SlaOnTimeValue), ("none", ListKey::SlaNoneValue)]
                .iter()
                .map(|(c, k)| opt(c, key(*k)))
                .collect(),
            "group" => {
                let mut v = vec![opt("none", key(ListKey::ValueNone))];
                v.extend(self.groups.with(ids)?);
                v
            }
            "customer_group" => {
                let mut v = vec![opt("none", key(ListKey::ValueNone))];
                v.extend(self.customer_groups.with(ids)?);
                v
            }
            "assignee" => {
                let mut v = vec![opt("me", key(ListKey::ValueMe)), opt("none", key(ListKey::ValueNone))];
                v.extend(self.agents.with(ids)?);
                v
            }
            "type" => self.types.with(|t| {
                t.as_ref().map(|t| t.iter().map(|t| opt(&t.id.to_string(), OptLabel::Text(t.name.get(locale).to_owned()))).collect())
            })?,
            "subtype" => self.types.with(|t| {
                t.as_ref().map(|t| {
                    t.iter()
                        .flat_map(|t| t.subtypes.iter().map(move |s| (t, s)))
                        .map(|(t, s)| {
                            let label = format!("{} / {}", t.name.get(locale), s.name.get(locale));
                            opt(&s.id.to_string(), OptLabel::Text(label))
                        })
                        .collect()
                })
            })?,
            custom => {
                let key = custom.strip_prefix("fields.")?;
                let options: Vec<Opt> = self.types.with(|types| {
                    let fields = types.iter().flatten().flat_map(|t| t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter())));
                    let mut out: Vec<Opt> = Vec::new();
                    for o in fields.filter(|f| f.key == key).flat_map(|f| f.options.iter()) {
                        if !out.iter().any(|x| x.value == o.value) {
                            out.push(opt(&o.value, OptLabel::Text(o.label.get(locale).to_owned())));
                        }
                    }
                    out
                });
                // A field without options (text, number, …) takes text.
                (!options.is_empty()).then_some(options)?
            }
        })
    }
}

/// The hint under a text value: what to type.
pub fn value_hint(field: &str, op: Op) -> Option<ListKey> {
    match (field, op) {
        ("created_at" | "updated_at", _) => Some(ListKey::HintTime),
        ("sla_due_at", _) => Some(ListKey::HintSlaDue),
        (_, Op::In | Op::NotIn) => Some(ListKey::HintSeveral),
        ("requester", _) => Some(ListKey::HintRequester),
        ("type" | "subtype" | "group" | "customer_group", _) => Some(ListKey::HintId),
        _ => None,
    }
}
