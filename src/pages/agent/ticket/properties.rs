//! The properties panel: priority, group, assignee and tags, saved together with
//! `If-Match: "v<version>"`. When someone changed the ticket meanwhile (412), the ticket is
//! fetched again and the [`ConflictPanel`] shows their values beside the agent's: re-apply mine
//! (on the new version) or keep theirs. Nothing is overwritten silently.

use super::Loaded;
use crate::components::agent::{ConflictPanel, ConflictRow};
use crate::i18n::agent::{priority_code, priority_from_code, priority_key, PRIORITIES};
use crate::i18n::{AgentKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, tr_while, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::problem::code;
use baton_core::{AgentGroup, Priority, Ticket, TicketPatch};
use leptos::prelude::*;

/// What the form holds: the editable properties.
#[derive(Debug, Clone, PartialEq)]
struct Values {
    priority: Priority,
    group: Option<i64>,
    assignee: Option<i64>,
    tags: String,
}

impl Values {
    fn of(t: &Ticket) -> Values {
        let staff = t.staff.clone().unwrap_or_default();
        Values {
            priority: t.priority,
            group: staff.group.map(|g| g.id),
            assignee: staff.assignee.map(|a| a.id),
            tags: staff.tags.join(", "),
        }
    }

    fn patch(&self) -> TicketPatch {
        let tags = self.tags.split(',').map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned).collect();
        TicketPatch {
            priority: Some(self.priority),
            group_id: Some(self.group),
            assignee_id: Some(self.assignee),
            tags: Some(tags),
            ..Default::default()
        }
    }
}

/// A `<select>` of ids with a "nobody" option.
fn id_select(id: &'static str, testid: &'static str, label: AgentKey, options: Signal<Vec<(i64, String)>>, value: RwSignal<Option<i64>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label.into())}</label>
            <select id=id data-testid=testid on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" prop:selected=move || value.get().is_none()>{tr(AgentKey::Nobody.into())}</option>
                {move || options.get().into_iter().map(|(v, name)| view! {
                    <option value=v prop:selected=move || value.get() == Some(v)>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

#[component]
pub fn Properties(
    /// The ticket as loaded (its version is what we edit).
    ticket: Ticket,
    /// The page's state, to show what the server answers.
    state: Loaded,
) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let base = Values::of(&ticket);
    let version = ticket.staff.as_ref().map_or(0, |s| s.version);
    let priority = RwSignal::new(base.priority);
    let group = RwSignal::new(base.group);
    let assignee = RwSignal::new(base.assignee);
    let tags = RwSignal::new(base.tags.clone());
    let groups = RwSignal::new(Vec::<AgentGroup>::new());
    let agents = RwSignal::new(Vec::<(i64, String)>::new());
    let api = state.api.get_value();
    leptos::task::spawn_local(async move {
        if let Ok(g) = api.groups().await { groups.try_set(g); }
        if let Ok(a) = api.agents().await { agents.try_set(a.into_iter().map(|a| (a.id, a.name)).collect()); }
    });
    let group_options = Signal::derive(move || groups.get().into_iter().map(|g| (g.id, g.name)).collect::<Vec<_>>());
    // A conflict: the ticket now, and the values the agent tried to save.
    let conflict = RwSignal::new(None::<(Ticket, Values)>);
    let busy = Busy::new();
    let mine = move || Values { priority: priority.get_untracked(), group: group.get_untracked(), assignee: assignee.get_untracked(), tags: tags.get_untracked() };
    let save = move |values: Values, version: i64| {
        let api = state.api.get_value();
        let id = ticket.id;
        busy.run(async move {
            match api.patch_ticket(id, version, &values.patch()).await {
                Ok(t) => {
                    toasts.success(AgentKey::Saved.into());
                    state.show(t);
                }
                Err(e) if e.is(code::PRECONDITION_FAILED) => match api.ticket(id).await {
                    Ok(now) => conflict.set(Some((now, values))),
                    Err(e) => toasts.api_error(&e),
                },
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let name_of = move |list: &[(i64, String)], id: Option<i64>| {
        id.and_then(|id| list.iter().find(|(i, _)| *i == id).map(|(_, n)| n.clone()))
            .unwrap_or_else(|| i18n.t(AgentKey::Nobody.into()).to_owned())
    };
    let conflict_view = move || conflict.get().map(|(now, values)| {
        let theirs = Values::of(&now);
        let (g, a) = (group_options.get_untracked(), agents.get_untracked());
        let mut rows = Vec::new();
        let mut add = |field, label: AgentKey, t: String, m: String| if t != m { rows.push(ConflictRow { field, label: label.into(), theirs: t, mine: m }) };
        add("priority", AgentKey::Priority, i18n.t(priority_key(theirs.priority)).to_owned(), i18n.t(priority_key(values.priority)).to_owned());
        add("group", AgentKey::Group, name_of(&g, theirs.group), name_of(&g, values.group));
        add("assignee", AgentKey::Assignee, name_of(&a, theirs.assignee), name_of(&a, values.assignee));
        add("tags", AgentKey::Tags, theirs.tags.clone(), values.tags.clone());
        let new_version = now.staff.as_ref().map_or(0, |s| s.version);
        let reapply = move |()| { conflict.set(None); save(values.clone(), new_version); };
        let keep = move |()| { conflict.set(None); state.show(now.clone()); };
        view! { <ConflictPanel rows on_reapply=reapply on_keep=keep /> }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        save(mine(), version);
    };
    view! {
        <section class="card properties" aria-labelledby="properties-heading">
            <h2 id="properties-heading">{tr(AgentKey::PropertiesHeading.into())}</h2>
            {conflict_view}
            <form novalidate on:submit=submit>
                <div class="field">
                    <label for="ticket-priority">{tr(AgentKey::Priority.into())}</label>
                    <select id="ticket-priority" data-testid="ticket-priority"
                        on:change=move |ev| if let Some(p) = priority_from_code(&event_target_value(&ev)) { priority.set(p) }>
                        {PRIORITIES.into_iter().map(|p| view! {
                            <option value=priority_code(p) prop:selected=move || priority.get() == p>{tr(priority_key(p))}</option>
                        }).collect_view()}
                    </select>
                </div>
                {id_select("ticket-group", "ticket-group", AgentKey::Group, group_options, group)}
                {id_select("ticket-assignee", "ticket-assignee", AgentKey::Assignee, agents.into(), assignee)}
                <div class="field">
                    <label for="ticket-tags">{tr(AgentKey::Tags.into())}</label>
                    <input id="ticket-tags" data-testid="ticket-tags" type="text" aria-describedby="ticket-tags-hint"
                        prop:value=tags on:input=move |ev| tags.set(event_target_value(&ev)) />
                    <p id="ticket-tags-hint" class="hint">{tr(AgentKey::TagsHint.into())}</p>
                </div>
                <button type="submit" class="button primary" data-testid="properties-save" disabled=busy.signal()>
                    {tr_while(busy.signal(), Key::Agent(AgentKey::Saving), Key::Agent(AgentKey::SaveProperties))}
                </button>
            </form>
        </section>
    }
}
