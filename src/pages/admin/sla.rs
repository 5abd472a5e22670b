//! `/admin/sla`: the desk's business calendars and SLA policies. Calendars are listed with an
//! editor ([`calendar_form`]: zone, windows per weekday, holidays and exceptional days); policies
//! in the order they are tried, with up/down buttons (keyboard-reachable, focus follows the moved
//! policy) and an editor ([`policy_form`]: calendar, conditions, targets per priority). Deleting
//! either asks first; a calendar a policy still counts in is refused (409 `calendar_in_use`).

mod calendar_form;
mod holiday_import;
mod import;
mod policy_form;

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::{focus_id, loaded};
use crate::i18n::{fill, AdminKey};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::sla::{SlaCalendar, SlaPolicy};
use baton_core::{FieldError, GroupRef, TicketType};
use calendar_form::CalendarForm;
use leptos::prelude::*;
use super::form_parts::ConfirmDelete;
use policy_form::PolicyForm;

/// What the page's editors pick from.
#[derive(Clone, Default)]
pub struct Lists {
    pub calendars: Vec<SlaCalendar>,
    pub types: Vec<TicketType>,
    pub customer_groups: Vec<GroupRef>,
}

/// Which editor is open: a calendar or a policy, new (`None`) or existing.
#[derive(Clone, PartialEq)]
enum Editing {
    Calendar(Option<SlaCalendar>),
    Policy(Option<SlaPolicy>),
}

#[component]
pub fn AdminSla() -> impl IntoView {
    use_page_title(|i| i.t(AdminKey::SlaTitle.into()).to_owned());
    view! {
        <AdminPage section=Section::Sla>
            <SlaBody />
        </AdminPage>
    }
}

#[component]
fn SlaBody() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let data = Load::new(move || {
        let api = api.get_value();
        async move {
            let calendars = api.sla_calendars().await?;
            let policies = api.sla_policies().await?;
            // The condition lists are a convenience: without them the editor offers fewer choices.
            let types = api.ticket_types().await.unwrap_or_default();
            let customer_groups = api.customer_groups().await.unwrap_or_default();
            Ok((Lists { calendars, types, customer_groups }, policies))
        }
    });
    view! {
        <div class="admin-head"><h1>{tr(AdminKey::SlaTitle.into())}</h1></div>
        <p class="muted">{tr(AdminKey::SlaIntro.into())}</p>
        {move || loaded(data.get(), |(lists, policies)| view! { <SlaLists lists policies /> }.into_any())}
    }
}

#[component]
fn SlaLists(lists: Lists, policies: Vec<SlaPolicy>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let calendars = RwSignal::new(lists.calendars.clone());
    let lists = StoredValue::new(lists);
    let policies = RwSignal::new(policies);
    let editing = RwSignal::new(None::<Editing>);
    let confirming = RwSignal::new(None::<(&'static str, i64)>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let say = move |key: AdminKey, name: &str| notice.set(Some(fill(i18n.t(key.into()), &[name])));
    let calendar_saved = Callback::new(move |c: SlaCalendar| {
        say(AdminKey::SlaSaved, &c.spec.name);
        calendars.update(|list| match list.iter_mut().find(|x| x.id == c.id) {
            Some(x) => *x = c,
            None => list.push(c),
        });
        editing.set(None);
    });
    let policy_saved = Callback::new(move |p: SlaPolicy| {
        say(AdminKey::SlaSaved, &p.spec.name);
        policies.update(|list| match list.iter_mut().find(|x| x.id == p.id) {
            Some(x) => *x = p,
            None => list.push(p),
        });
        editing.set(None);
    });
    let cancel = Callback::new(move |()| editing.set(None));
    let delete = move |kind: &'static str, id: i64, name: String| {
        let api = api.get_value();
        busy.run(async move {
            let done = if kind == "calendar" { api.delete_sla_calendar(id).await } else { api.delete_sla_policy(id).await };
            confirming.set(None);
            match done {
                Ok(()) => {
                    calendars.update(|l| l.retain(|c| kind != "calendar" || c.id != id));
                    policies.update(|l| l.retain(|p| kind != "policy" || p.id != id));
                    say(AdminKey::SlaDeleted, &name);
                }
                Err(e) if e.is("calendar_in_use") => say(AdminKey::SlaCalendarInUse, &name),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let shift = move |index: usize, up: bool| {
        let mut order: Vec<i64> = policies.with_untracked(|l| l.iter().map(|p| p.id).collect());
        let other = if up { index.checked_sub(1) } else { Some(index + 1).filter(|i| *i < order.len()) };
        let Some(other) = other else { return };
        order.swap(index, other);
        let moved = order[other];
        busy.run(async move {
            match api.get_value().order_sla_policies(order.clone()).await {
                Ok(()) => {
                    policies.update(|l| l.sort_by_key(|p| order.iter().position(|id| *id == p.id)));
                    // Focus stays on the arrow pressed, or the other one once at the edge (disabled).
                    let edge = if up { other == 0 } else { other + 1 == order.len() };
                    let id = format!("policy-{}-{moved}", if up != edge { "up" } else { "down" });
                    request_animation_frame(move || focus_id(&id));
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let confirm_row = move |kind: &'static str, id: i64, name: String| {
        move || (confirming.get() == Some((kind, id))).then(|| {
            let name = name.clone();
            let question = fill(i18n.t(AdminKey::SlaDeleteConfirm.into()), &[&name]);
            let (on_yes, on_no) = (Callback::new(move |()| delete(kind, id, name.clone())), Callback::new(move |()| confirming.set(None)));
            view! { <ConfirmDelete prefix="sla" question pending on_yes on_no /> }
        })
    };
    view! {
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || editing.get().map(|e| match e {
            Editing::Calendar(existing) => view! { <CalendarForm existing on_saved=calendar_saved on_cancel=cancel /> }.into_any(),
            Editing::Policy(existing) => {
                let lists = Lists { calendars: calendars.get_untracked(), ..lists.get_value() };
                view! { <PolicyForm existing lists on_saved=policy_saved on_cancel=cancel /> }.into_any()
            }
        })}
        <section class="card" aria-labelledby="sla-calendars-h" data-testid="sla-calendars">
            <div class="admin-head">
                <h2 id="sla-calendars-h">{tr(AdminKey::SlaCalendars.into())}</h2>
                <button type="button" class="button" data-testid="sla-calendar-new"
                    on:click=move |_| editing.set(Some(Editing::Calendar(None)))>{tr(AdminKey::SlaNewCalendar.into())}</button>
            </div>
            <ul class="admin-list">
                {move || calendars.get().into_iter().map(|c| {
                    let (id, name) = (c.id, c.spec.name.clone());
                    let zone = c.spec.time_zone.clone();
                    view! {
                        <li data-testid="sla-calendar" data-calendar-id=id>
                            <span><strong>{name.clone()}</strong>" "<span class="muted">{zone}</span></span>
                            <span class="admin-actions">
                                <button type="button" class="button" data-testid="sla-edit" aria-label=fill(i18n.t(AdminKey::SlaEditOf.into()), &[&name])
                                    on:click=move |_| editing.set(Some(Editing::Calendar(Some(c.clone())))) >{tr(AdminKey::SlaEdit.into())}</button>
                                <button type="button" class="button" data-testid="sla-delete" aria-label=fill(i18n.t(AdminKey::SlaDeleteOf.into()), &[&name])
                                    on:click=move |_| confirming.set(Some(("calendar", id)))>{tr(AdminKey::SlaDelete.into())}</button>
                            </span>
                            {confirm_row("calendar", id, name.clone())}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="card" aria-labelledby="sla-policies-h" data-testid="sla-policies">
            <div class="admin-head">
                <h2 id="sla-policies-h">{tr(AdminKey::SlaPolicies.into())}</h2>
                <button type="button" class="button" data-testid="sla-policy-new"
                    on:click=move |_| editing.set(Some(Editing::Policy(None)))>{tr(AdminKey::SlaNewPolicy.into())}</button>
            </div>
            <p class="muted">{tr(AdminKey::SlaOrderHint.into())}</p>
            <ol class="admin-list">
                {move || {
                    let list = policies.get();
                    let last = list.len().saturating_sub(1);
                    list.into_iter().enumerate().map(|(i, p)| {
                        let (id, name) = (p.id, p.spec.name.clone());
                        let label = |key: AdminKey| fill(i18n.t(key.into()), &[&name]);
                        view! {
                            <li data-testid="sla-policy" data-policy-id=id>
                                <span><strong>{name.clone()}</strong></span>
                                <span class="admin-actions">
                                    <button type="button" class="button" id=format!("policy-up-{id}") data-testid="sla-up"
                                        aria-label=label(AdminKey::SlaMoveUp) disabled=move || i == 0 || pending.get()
                                        on:click=move |_| shift(i, true)>"↑"</button>
                                    <button type="button" class="button" id=format!("policy-down-{id}") data-testid="sla-down"
                                        aria-label=label(AdminKey::SlaMoveDown) disabled=move || i == last || pending.get()
                                        on:click=move |_| shift(i, false)>"↓"</button>
                                    <button type="button" class="button" data-testid="sla-edit" aria-label=label(AdminKey::SlaEditOf)
                                        on:click=move |_| editing.set(Some(Editing::Policy(Some(p.clone()))))>{tr(AdminKey::SlaEdit.into())}</button>
                                    <button type="button" class="button" data-testid="sla-delete" aria-label=label(AdminKey::SlaDeleteOf)
                                        on:click=move |_| confirming.set(Some(("policy", id)))>{tr(AdminKey::SlaDelete.into())}</button>
                                </span>
                                {confirm_row("policy", id, name.clone())}
                            </li>
                        }
                    }).collect_view()
                }}
            </ol>
        </section>
    }
}

/// The message under a group of inputs: the first of `errors` whose field is `field` or lies
/// under it (`week.2` shows `week.2.1.start`), with `id` for `aria-describedby`.
#[component]
pub fn ErrorAt(
    /// The message's id.
    #[prop(into)]
    id: String,
    /// The API field (or prefix) it reports.
    #[prop(into)]
    field: String,
    /// The form's errors.
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let found = move || {
        errors.with(|e| {
            e.iter()
                .find(|e| e.field == field || e.field.strip_prefix(field.as_str()).is_some_and(|r| r.starts_with('.')))
                .map(|e| (e.field.clone(), e.code.clone()))
        })
    };
    let i18n = use_i18n();
    move || found().map(|(f, code)| view! {
        <p class="field-error" id=id.clone() data-testid="field-error" data-field=f>{i18n.t(crate::i18n::field_key(&code))}</p>
    })
}
