//! `/admin/automations` (issue 13, 自动化): the desk's rules in the order they run — moved up and
//! down, switched on and off, edited in [`form`] (trigger, the views' conditions, actions),
//! deleted after a question. Shown on a backend with the `automations` capability to holders of
//! `settings.manage`.

mod form;

use super::{AdminPage, Section};
use crate::api::use_api;
use crate::components::ui::loaded;
use crate::i18n::{fill, AdminKey, AutomationKey as A};
use crate::state::busy::Busy;
use crate::state::load::Load;
use crate::state::locale::{tr, use_i18n, use_page_title};
use crate::state::toasts::use_toasts;
use baton_core::automation::{Automation, Trigger};
use baton_core::{QuickReply, ReplyVisibility};
use form::RuleForm;
use leptos::prelude::*;

#[component]
pub fn AdminAutomations() -> impl IntoView {
    use_page_title(|i| i.t(A::Title.into()).to_owned());
    let api = StoredValue::new(use_api());
    let data = Load::new(move || {
        let api = api.get_value();
        async move {
            let rules = api.automations().await?;
            // Rules post only the desk's public quick replies.
            let replies = api.quick_replies().await?.into_iter().filter(|r| r.visibility == ReplyVisibility::Public).collect();
            Ok((rules, replies))
        }
    });
    view! {
        <AdminPage section=Section::Automations>
            <div class="admin-head"><h1>{tr(A::Title.into())}</h1></div>
            <p class="muted">{tr(A::Intro.into())}</p>
            {move || loaded(data.get(), |(rules, replies)| view! { <RuleList rules replies /> }.into_any())}
        </AdminPage>
    }
}

/// A rule's trigger in words.
fn trigger_text(i18n: crate::state::locale::I18n, t: &Trigger) -> String {
    use baton_core::automation::{TicketEvent as E, TimeBasis as B};
    match t {
        Trigger::Event { event } => i18n.t(match event {
            E::Created => A::EvCreated,
            E::Updated => A::EvUpdated,
            E::CustomerReplied => A::EvCustomerReplied,
            E::AgentReplied => A::EvAgentReplied,
        }.into()).to_owned(),
        Trigger::Time { basis, hours } => {
            let basis = i18n.t(match basis {
                B::Created => A::BasisCreated,
                B::Updated => A::BasisUpdated,
                B::Solved => A::BasisSolved,
                B::Pending => A::BasisPending,
                B::SlaDue => A::BasisSlaDue,
            }.into());
            format!("{basis} + {hours} h")
        }
    }
}

#[component]
fn RuleList(rules: Vec<Automation>, replies: Vec<QuickReply>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let replies = StoredValue::new(replies);
    let rules = RwSignal::new(rules);
    // The editor: `Some(None)` a new rule, `Some(Some(r))` rule `r`.
    let editing = RwSignal::new(None::<Option<Automation>>);
    let confirming = RwSignal::new(None::<i64>);
    let notice = RwSignal::new(None::<String>);
    let busy = Busy::new();
    let pending = busy.signal();
    let saved = Callback::new(move |r: Automation| {
        notice.set(Some(i18n.t(A::Saved.into()).to_owned()));
        rules.update(|list| match list.iter_mut().find(|x| x.id == r.id) {
            Some(x) => *x = r,
            None => list.push(r),
        });
        editing.set(None);
    });
    let cancel = Callback::new(move |()| editing.set(None));
    let delete = move |id: i64| {
        let api = api.get_value();
        busy.run(async move {
            let done = api.delete_automation(id).await;
            confirming.set(None);
            match done {
                Ok(()) => rules.update(|l| l.retain(|r| r.id != id)),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let shift = move |id: i64, up: bool| {
        let mut ids: Vec<i64> = rules.with_untracked(|l| l.iter().map(|r| r.id).collect());
        let Some(i) = ids.iter().position(|x| *x == id) else { return };
        let j = if up { i.checked_sub(1) } else { Some(i + 1).filter(|j| *j < ids.len()) };
        let Some(j) = j else { return };
        ids.swap(i, j);
        let api = api.get_value();
        busy.run(async move {
            match api.order_automations(ids).await {
                Ok(list) => rules.set(list),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let toggle = move |r: Automation| {
        let mut spec = r.spec.clone();
        spec.active = !spec.active;
        let api = api.get_value();
        busy.run(async move {
            match api.save_automation(Some(r.id), &spec).await {
                Ok(saved) => rules.update(|l| l.iter_mut().filter(|x| x.id == saved.id).for_each(|x| *x = saved.clone())),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    view! {
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || editing.get().map(|existing| view! { <RuleForm existing replies=replies.get_value() on_saved=saved on_cancel=cancel /> })}
        <section class="card" aria-labelledby="automations-h" data-testid="automations-list">
            <div class="admin-head">
                <h2 id="automations-h">{tr(A::Title.into())}</h2>
                <button type="button" class="button" data-testid="automation-new" on:click=move |_| editing.set(Some(None))>{tr(A::New.into())}</button>
            </div>
            {move || rules.with(Vec::is_empty).then(|| view! { <p class="muted">{tr(A::None.into())}</p> })}
            <ol class="admin-list">
                {move || rules.get().into_iter().map(|r| {
                    let (id, name, active) = (r.id, r.spec.name.clone(), r.spec.active);
                    let question = fill(i18n.t(A::ConfirmDelete.into()), &[&name]);
                    let label = |key: A| fill(i18n.t(key.into()), &[&name]);
                    let (edit, flip) = (r.clone(), r.clone());
                    view! {
                        <li data-testid="automation-row" data-automation-id=id data-active=active.to_string()>
                            <span><strong>{name.clone()}</strong>" · "{trigger_text(i18n, &r.spec.trigger)}
                                {(!active).then(|| view! { " · "<span class="muted">{tr(A::Inactive.into())}</span> })}</span>
                            <span class="admin-actions">
                                <label><input type="checkbox" data-testid="automation-active" prop:checked=active disabled=pending
                                    aria-label=label(A::ActiveToggle) on:change=move |_| toggle(flip.clone()) />{tr(A::Active.into())}</label>
                                <button type="button" class="button" data-testid="automation-up" aria-label=label(A::MoveUp) disabled=pending
                                    on:click=move |_| shift(id, true)>"↑"</button>
                                <button type="button" class="button" data-testid="automation-down" aria-label=label(A::MoveDown) disabled=pending
                                    on:click=move |_| shift(id, false)>"↓"</button>
                                <button type="button" class="button" data-testid="automation-edit" aria-label=format!("{} {name}", i18n.t(A::Edit.into()))
                                    on:click=move |_| editing.set(Some(Some(edit.clone())))>{tr(A::Edit.into())}</button>
                                <button type="button" class="button" data-testid="automation-delete" aria-label=format!("{} {name}", i18n.t(A::Delete.into()))
                                    on:click=move |_| confirming.set(Some(id))>{tr(A::Delete.into())}</button>
                            </span>
                            {move || (confirming.get() == Some(id)).then(|| view! {
                                <div class="admin-confirm" role="alertdialog" aria-label=question.clone() data-testid="automation-confirm">
                                    <p>{question.clone()}</p>
                                    <button type="button" class="button danger" data-testid="automation-confirm-yes" disabled=pending
                                        on:click=move |_| delete(id)>{tr(AdminKey::ConfirmYes.into())}</button>
                                    <button type="button" class="button" data-testid="automation-confirm-no"
                                        on:click=move |_| confirming.set(None)>{tr(AdminKey::ConfirmNo.into())}</button>
                                </div>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}
