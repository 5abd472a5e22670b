//! The agent's composer: a public reply or an internal note (`reply-mode-public` /
//! `reply-mode-internal`), kept as a localStorage draft per agent and ticket with its
//! idempotency key (the shared [`DraftStore`]), so a reload or a lost answer never loses or
//! doubles a message. Quick replies insert text at the cursor; typing is reported to presence.

use super::Loaded;
use crate::components::agent::{QuickReplyPicker, Typing};
use crate::components::ui::TextArea;
use crate::i18n::{AgentKey, Key};
use crate::state::busy::Busy;
use crate::state::draft::{storage_key, DraftPlace, DraftStore};
use crate::state::locale::tr;
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;
use baton_core::{validate, FieldError, MessageKind, NewMessage, Placeholders, Ticket};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The draft as stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Saved {
    body: String,
    internal: bool,
}

#[component]
pub fn AgentComposer(
    /// The ticket replied to.
    ticket: Ticket,
    /// The page's state, refreshed after sending.
    state: Loaded,
    /// Whether I am typing (for presence).
    typing: Typing,
    /// Internal note (true) or public reply; the page's shortcuts switch it.
    internal: RwSignal<bool>,
    /// Whether only internal notes may be posted now: the ticket is trashed or suspended, so its
    /// customers do not see it and the server refuses public replies.
    #[prop(into)]
    notes_only: Signal<bool>,
) -> impl IntoView {
    let toasts = use_toasts();
    let me = use_session().me_untracked();
    let user = me.as_ref().map(|me| me.id);
    let placeholders = Placeholders {
        requester_name: ticket.requester.name.clone(),
        ticket_number: ticket.number,
        agent_name: me.map(|me| me.name).unwrap_or_default(),
    };
    let key = user.map(|u| storage_key(u, DraftPlace::Ticket(ticket.id)));
    let (store, saved) = DraftStore::open::<Saved>(key);
    let saved = saved.unwrap_or_default();
    let body = RwSignal::new(saved.body);
    internal.set(saved.internal);
    Effect::new(move |_| {
        let now = Saved { body: body.get(), internal: internal.get() };
        store.save(&now, now.body.is_empty());
    });
    Effect::new(move |_| {
        if notes_only.get() {
            internal.set(true);
        }
    });
    // Notifications (issue 13): a note may mention staff, who are notified; offered only by a
    // backend with notifications (an older one would refuse the field).
    let mentions = RwSignal::new(Vec::<i64>::new());
    let staff = LocalResource::new(move || {
        let api = state.api.get_value();
        async move {
            match api.offers("notifications").await {
                Ok(true) => api.agents().await.unwrap_or_default(),
                _ => Vec::new(),
            }
        }
    });
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let busy = Busy::new();
    let pending = busy.signal();
    let id = ticket.id;
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let kind = if internal.get_untracked() || notes_only.get_untracked() { MessageKind::Internal } else { MessageKind::Public };
        let named = if kind == MessageKind::Internal { mentions.get_untracked() } else { Vec::new() };
        let message = NewMessage { body: body.get_untracked(), kind, attachment_ids: Vec::new(), mentions: named };
        if let Err(found) = validate::new_message(&message) {
            errors.set(found);
            return;
        }
        errors.set(Vec::new());
        let idempotency = store.key_for(&crate::api::json::encode(&message).unwrap_or_default());
        let api = state.api.get_value();
        busy.run(async move {
            match api.post_message(id, &message, &idempotency).await {
                Ok(_) => {
                    store.acknowledged();
                    typing.stopped();
                    body.set(String::new());
                    mentions.set(Vec::new());
                    toasts.success(if kind == MessageKind::Internal { AgentKey::NoteAdded } else { AgentKey::ReplySent }.into());
                    state.refresh();
                }
                Err(e) => errors.set(toasts.form_error(&e, &["body"])),
            }
        });
    };
    let label = Signal::derive(move || if internal.get() { AgentKey::BodyInternal } else { AgentKey::BodyPublic });
    view! {
        <section class="card composer" class:internal=internal aria-labelledby="composer-heading">
            <h2 id="composer-heading">{tr(AgentKey::ComposerHeading.into())}</h2>
            <form novalidate on:submit=send>
                <fieldset class="composer-modes">
                    <legend class="sr-only">{tr(AgentKey::ReplyMode.into())}</legend>
                    <label>
                        <input type="radio" name="reply-mode" data-testid="reply-mode-public" prop:checked=move || !internal.get()
                            disabled=notes_only on:change=move |_| internal.set(false) />
                        {tr(AgentKey::ModePublic.into())}
                    </label>
                    <label>
                        <input type="radio" name="reply-mode" data-testid="reply-mode-internal" prop:checked=internal
                            on:change=move |_| internal.set(true) />
                        {tr(AgentKey::ModeInternal.into())}
                    </label>
                </fieldset>
                <QuickReplyPicker target="reply-body" value=body placeholders />
                <div on:input=move |_| typing.touched()>{move || view! {
                    <TextArea id="reply-body" testid="reply-body" field="body" label=Key::Agent(label.get()) value=body
                        errors=errors required=true rows=5 />
                }}</div>
                {move || {
                    let agents = staff.get().unwrap_or_default();
                    (internal.get() && !agents.is_empty()).then(|| view! {
                        <fieldset class="field mention-picker" data-testid="note-mentions">
                            <legend>{tr(AgentKey::NotifMention.into())}</legend>
                            {agents.into_iter().map(|a| {
                                let id = a.id;
                                view! {
                                    <label class="checkbox">
                                        <input type="checkbox" data-testid="note-mention" value=id.to_string()
                                            prop:checked=move || mentions.with(|m| m.contains(&id))
                                            on:change=move |ev| {
                                                let on = event_target_checked(&ev);
                                                mentions.update(|m| { m.retain(|x| *x != id); if on { m.push(id); } });
                                            } />
                                        {a.name}
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    })
                }}
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="reply-send" disabled=pending>
                        {move || tr(if pending.get() { AgentKey::Sending } else if internal.get() { AgentKey::SendInternal } else { AgentKey::SendPublic }.into())()}
                    </button>
                </div>
            </form>
        </section>
    }
}
