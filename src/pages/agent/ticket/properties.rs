//! The properties panel: type and sub-type, priority, group, assignee, CC, tags and custom
//! fields, saved together with `If-Match: "v<version>"` — only what the agent changed is sent.
//! While the form holds unsaved edits, live refreshes leave it alone. When the ticket changed
//! meanwhile (412), it is fetched again and compared with the edit's base: if none of the
//! properties the agent edited changed, the edit is re-applied on the new version silently;
//! otherwise the [`ConflictPanel`] takes the form's place and lists those properties only, theirs
//! beside the agent's: re-apply mine (on the new version) or keep theirs. Nothing the agent did
//! not edit is ever overwritten.

mod conflict;
mod extra;
mod values;

use super::Loaded;
use crate::components::agent::ConflictPanel;
use crate::components::ticket::TypePicker;
use crate::i18n::agent::{priority_code, priority_from_code, priority_key, PRIORITIES};
use crate::i18n::{AgentKey, Key, TicketKey};
use leptos_router::hooks::use_navigate;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::handoff::{Handoff, Handoffs};
use crate::state::locale::{tr, tr_while, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::problem::code;
use baton_core::{AgentGroup, AgentInfo, FieldError, Ticket, TicketPatch};
use conflict::{conflict_rows, conflicting, touched};
use extra::{CcPicker, FieldEditors};
use leptos::prelude::*;
use values::{Form, Values};

/// How often an edit is re-applied silently before the page gives up (someone keeps changing the
/// ticket): then the agent sees the ticket as it is.
const SILENT_TRIES: usize = 3;

/// An edit on its way: what it sends, and the values it was made on and holds.
#[derive(Debug, Clone)]
struct Edit {
    patch: TicketPatch,
    base: Values,
    mine: Values,
}

/// A conflict: the ticket now, the edit, and the properties that conflict.
#[derive(Debug, Clone)]
struct Conflict {
    now: Ticket,
    edit: Edit,
    names: Vec<String>,
}

/// A `<select>` of ids with a "nobody" option.
fn id_select(id: &'static str, label: AgentKey, options: Signal<Vec<(i64, String)>>, value: RwSignal<Option<i64>>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label.into())}</label>
            <select id=id data-testid=id on:change=move |ev| value.set(event_target_value(&ev).parse().ok())>
                <option value="" prop:selected=move || value.get().is_none()>{tr(AgentKey::Nobody.into())}</option>
                {move || options.get().into_iter().map(|(v, name)| view! {
                    <option value=v prop:selected=move || value.get() == Some(v)>{name}</option>
                }).collect_view()}
            </select>
        </div>
    }
}

fn version_of(t: &Ticket) -> i64 {
    t.staff.as_ref().map_or(0, |s| s.version)
}

/// Whether a saved edit took ticket `t` out of the agent's sight (a hand-off to a group they are
/// not in, no longer assigned or CC'd): then it is recorded, with its undo, for the list to show.
async fn handed_off(api: &crate::api::Api, handoffs: Handoffs, edit: &Edit, t: &Ticket) -> bool {
    let p = &edit.patch;
    if p.group_id.is_none() && p.assignee_id.is_none() && p.cc.is_none() {
        return false;
    }
    match api.ticket(t.id).await {
        Err(e) if e.is(code::NOT_FOUND) => {}
        _ => return false,
    }
    let base = &edit.base;
    let undo = TicketPatch {
        group_id: p.group_id.map(|_| base.group),
        assignee_id: p.assignee_id.map(|_| base.assignee),
        cc: p.cc.as_ref().map(|_| base.cc.clone()),
        ..TicketPatch::default()
    };
    let to = t.staff.as_ref().and_then(|s| s.group.as_ref()).map(|g| g.name.clone());
    handoffs.0.set(Some(Handoff { ticket_id: t.id, number: t.number, to, version: version_of(t), undo }));
    true
}

#[component]
pub fn Properties(
    /// The ticket as the page first showed it.
    first: Ticket,
    /// The ticket as it is now (`None` while it cannot be shown).
    ticket: Memo<Option<Ticket>>,
    /// The page's state, to show what the server answers.
    state: Loaded,
) -> impl IntoView {
    let i18n = use_i18n();
    let toasts = use_toasts();
    let id = first.id;
    // What the form started from: the values and the version they are of.
    let base = StoredValue::new((Values::of(&first), version_of(&first)));
    let form = Form::new(&base.with_value(|b| b.0.clone()));
    let groups = RwSignal::new(Vec::<AgentGroup>::new());
    let agents = RwSignal::new(Vec::<AgentInfo>::new());
    let types = state.types;
    let api = state.api.get_value();
    leptos::task::spawn_local(async move {
        if let Ok(g) = api.groups().await { groups.try_set(g); }
        if let Ok(a) = api.agents().await { agents.try_set(a); }
    });
    let group_options = Signal::derive(move || groups.get().into_iter().map(|g| (g.id, g.name)).collect::<Vec<_>>());
    let agent_options = Signal::derive(move || agents.get().into_iter().map(|a| (a.id, a.name)).collect::<Vec<_>>());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let conflict = RwSignal::new(None::<Conflict>);
    let adopt = move |t: &Ticket| {
        let values = Values::of(t);
        form.set(&values);
        base.set_value((values, version_of(t)));
    };
    // A newer ticket (live, or after an action) replaces the form only when it holds no edits.
    Effect::watch(
        move || ticket.get(),
        move |t, _, _| {
            let Some(t) = t else { return };
            let (values, version) = base.get_value();
            let clean = types.with_untracked(|ty| form.read(ty).patch_from(&values)) == TicketPatch::default();
            if version_of(t) != version && clean && conflict.with_untracked(Option::is_none) {
                adopt(t);
            }
        },
        false,
    );
    let busy = Busy::new();
    let navigate = StoredValue::new(use_navigate());
    let handoffs = Handoffs::get();
    let save = move |edit: Edit, version: i64| {
        let api = state.api.get_value();
        busy.run(async move {
            errors.set(Vec::new());
            let mut version = version;
            let mut edit = edit;
            for _ in 0..SILENT_TRIES {
                match api.patch_ticket(id, version, &edit.patch).await {
                    Ok(t) => {
                        if handed_off(&api, handoffs, &edit, &t).await {
                            navigate.with_value(|go| go(&Page::Agent.path(), Default::default()));
                            return;
                        }
                        toasts.success(AgentKey::Saved.into());
                        adopt(&t);
                        state.show(t);
                        return;
                    }
                    Err(e) if e.is(code::PRECONDITION_FAILED) => match api.ticket(id).await {
                        Ok(now) => {
                            let theirs = Values::of(&now);
                            let names = conflicting(&edit.patch, &edit.base, &theirs, &edit.mine);
                            if !names.is_empty() {
                                conflict.set(Some(Conflict { now, edit, names }));
                                return;
                            }
                            // Nothing the agent edited changed: the same edit, on the new version.
                            version = version_of(&now);
                            edit.base = theirs;
                        }
                        Err(e) => return toasts.api_error(&e),
                    },
                    Err(e) => return errors.set(toasts.form_error(&e, &[])),
                }
            }
            // Still stale after several tries: show the ticket as it is now.
            state.refresh();
        });
    };
    let conflict_view = move || conflict.get().map(|Conflict { now, edit, names }| {
        let rows = types.with_untracked(|ty| agents.with_untracked(|a| conflict_rows(i18n, &names, &now, &edit.mine, ty, a)));
        let new_version = version_of(&now);
        let reapply = {
            let (now, edit) = (now.clone(), edit.clone());
            move |()| {
                conflict.set(None);
                base.set_value((Values::of(&now), new_version));
                save(Edit { base: Values::of(&now), ..edit.clone() }, new_version);
            }
        };
        let keep = move |()| {
            conflict.set(None);
            // Theirs for what conflicts; the agent's other edits stay in the form, unsaved.
            let mut values = Values::of(&now);
            for name in touched(&edit.patch).iter().filter(|n| !names.contains(n)) {
                values.take(&edit.mine, name);
            }
            form.set(&values);
            base.set_value((Values::of(&now), new_version));
            state.show(now.clone());
        };
        view! { <ConflictPanel rows on_reapply=reapply on_keep=keep /> }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (values, version) = base.get_value();
        let mine = types.with_untracked(|ty| form.read(ty));
        let patch = mine.patch_from(&values);
        if patch == TicketPatch::default() {
            toasts.success(AgentKey::Saved.into());
            return;
        }
        save(Edit { patch, base: values, mine }, version);
    };
    view! {
        <section class="card properties" aria-labelledby="properties-heading">
            <h2 id="properties-heading">{tr(AgentKey::PropertiesHeading.into())}</h2>
            {conflict_view}
            // The panel takes the form's place while the agent decides.
            <form novalidate on:submit=submit hidden=move || conflict.with(Option::is_some)>
                <TypePicker types type_id=form.type_id subtype_id=form.subtype_id errors />
                // The server drops (and records) the values the new type's fields do not take.
                {move || {
                    let retyped = base.with_value(|(b, _)| (b.type_id, b.subtype_id)) != (form.type_id.get(), form.subtype_id.get());
                    retyped.then(|| view! { <p class="hint" data-testid="type-change-hint">{tr(TicketKey::TypeChangeHint.into())}</p> })
                }}
                <div class="field">
                    <label for="ticket-priority">{tr(AgentKey::Priority.into())}</label>
                    <select id="ticket-priority" data-testid="ticket-priority"
                        on:change=move |ev| if let Some(p) = priority_from_code(&event_target_value(&ev)) { form.priority.set(p) }>
                        {PRIORITIES.into_iter().map(|p| view! {
                            <option value=priority_code(p) prop:selected=move || form.priority.get() == p>{tr(priority_key(p))}</option>
                        }).collect_view()}
                    </select>
                </div>
                {id_select("ticket-group", AgentKey::Group, group_options, form.group)}
                {id_select("ticket-assignee", AgentKey::Assignee, agent_options, form.assignee)}
                <CcPicker agents cc=form.cc />
                <div class="field">
                    <label for="ticket-tags">{tr(AgentKey::Tags.into())}</label>
                    <input id="ticket-tags" data-testid="ticket-tags" type="text" aria-describedby="ticket-tags-hint"
                        prop:value=form.tags on:input=move |ev| form.tags.set(event_target_value(&ev)) />
                    <p id="ticket-tags-hint" class="hint">{tr(AgentKey::TagsHint.into())}</p>
                </div>
                <FieldEditors form types errors />
                <button type="submit" class="button primary" data-testid="properties-save" disabled=busy.signal()>
                    {tr_while(busy.signal(), Key::Agent(AgentKey::Saving), Key::Agent(AgentKey::SaveProperties))}
                </button>
            </form>
        </section>
    }
}
