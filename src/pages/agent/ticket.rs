//! `/agent/tickets/:id`: one ticket as the agent works it — the thread, the [`composer`]
//! (public reply / internal note, quick replies), the [`properties`] (saved with `If-Match`,
//! conflicts shown), and the panels beside it (actions, confidential info, customer, presence).
//! Opening a `new` ticket posts the `open` action (查看 → 处理中); live events for this ticket
//! refetch it. The page's frame, the composer and presence are built once per ticket, so a live
//! refresh never takes the agent's cursor or unsaved edits away.

mod composer;
mod header;
mod keys;
mod properties;
mod side;
// Workflows (issue 13).
mod workflow;

use crate::api::{use_api, Api, ApiError};
use crate::components::agent::{describe_in_context, ChangeCatalog, CustomerCard, PresenceBar, SlaPanel, Typing};
use crate::components::ticket::Thread;
use crate::components::ui::loaded;
use crate::i18n::{AgentKey, Key};
use crate::state::live::use_live;
use crate::state::locale::{tr, use_page_title};
use baton_core::{Action, Message, Status, SystemChange, Ticket, TicketAction, TicketType};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use std::collections::BTreeMap;

/// The ticket and its thread, refetched together.
#[derive(Clone, Copy)]
pub struct Loaded {
    pub ticket: RwSignal<Option<Result<Ticket, ApiError>>>,
    pub thread: RwSignal<Vec<Message>>,
    /// The property change each system entry of the thread records, by entry id.
    pub changes: RwSignal<BTreeMap<i64, SystemChange>>,
    /// The tenant's ticket types (for the properties and the wording of changes), loaded once.
    pub types: RwSignal<Vec<TicketType>>,
    id: Memo<Option<i64>>,
    pub api: StoredValue<Api, LocalStorage>,
}

impl Loaded {
    /// Fetches the ticket and thread again (after a change here or elsewhere).
    pub fn refresh(self) {
        let Some(id) = self.id.get_untracked() else { return };
        let api = self.api.get_value();
        leptos::task::spawn_local(async move {
            let (t, m) = (api.ticket(id).await, api.thread(id).await);
            // Answers may cross: one read before a change this page has since shown (an action's
            // answer) must not take the page back to the older version.
            let version = |t: &Ticket| t.staff.as_ref().map_or(0, |s| s.version);
            let shown = self.ticket.try_with_untracked(|s| s.as_ref().and_then(|s| s.as_ref().ok()).map(|s| (s.id, version(s)))).flatten();
            if matches!((&t, shown), (Ok(new), Some((id, v))) if new.id == id && version(new) < v) {
                return;
            }
            if let Ok(m) = m {
                let changes = m.items.iter().filter_map(|e| Some((e.message.id, e.change.clone()?))).collect();
                self.changes.try_set(changes);
                self.thread.try_set(m.items.into_iter().map(|e| e.message).collect());
            }
            self.ticket.try_set(Some(t));
        });
    }

    /// Shows an updated ticket the server answered with.
    pub fn show(self, ticket: Ticket) {
        self.ticket.set(Some(Ok(ticket)));
        self.refresh();
    }

    /// Posts a lifecycle action and shows the answer.
    pub fn act(self, id: i64, action: Action, on_error: impl FnOnce(ApiError) + 'static) {
        let api = self.api.get_value();
        leptos::task::spawn_local(async move {
            match api.act(id, &TicketAction { action, rating: None, comment: None }).await {
                Ok(t) => self.show(t),
                Err(e) => on_error(e),
            }
        });
    }
}

#[component]
pub fn AgentTicket() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));
    let state = Loaded {
        ticket: RwSignal::new(None),
        thread: RwSignal::new(Vec::new()),
        changes: RwSignal::new(BTreeMap::new()),
        types: RwSignal::new(Vec::new()),
        id,
        api: StoredValue::new_local(api.clone()),
    };
    leptos::task::spawn_local(async move {
        if let Ok(t) = api.ticket_types().await {
            state.types.try_set(t);
        }
    });
    Effect::new(move |_| {
        id.track();
        state.refresh();
    });
    // 查看: the first agent to open a new ticket moves it to open.
    let opened = StoredValue::new(None::<i64>);
    Effect::new(move |_| {
        let Some(Some(Ok(t))) = state.ticket.try_get() else { return };
        if t.status == Status::New && t.allowed_actions.contains(&Action::Open) && opened.get_value() != Some(t.id) {
            opened.set_value(Some(t.id));
            state.act(t.id, Action::Open, drop);
        }
    });
    if let Some(live) = use_live() {
        Effect::watch(
            move || live.latest(),
            move |update, _, _| {
                if update.as_ref().zip(id.get_untracked()).is_some_and(|(u, id)| u.concerns(id)) {
                    state.refresh();
                }
            },
            false,
        );
    }
    use_page_title(move |i| match state.ticket.get() {
        Some(Ok(t)) => i.tf(AgentKey::TicketTitle.into(), &[&t.number.to_string(), &t.title]),
        _ => i.t(AgentKey::WorkspaceTitle.into()).to_owned(),
    });
    // The frame is built again only when another ticket is shown.
    let shown = Memo::new(move |_| state.ticket.with(|t| t.as_ref().map(|t| t.as_ref().map(|t| t.id).map_err(Clone::clone))));
    move || match shown.get() {
        Some(Ok(_)) => match state.ticket.get_untracked() {
            Some(Ok(first)) => page(state, first).into_any(),
            _ => loaded(None::<Result<(), ApiError>>, |()| ().into_any()),
        },
        Some(Err(error)) => loaded(Some(Err::<(), _>(error)), |()| ().into_any()),
        None => loaded(None::<Result<(), ApiError>>, |()| ().into_any()),
    }
}

/// The page of ticket `first.id`; each part follows the ticket as it changes.
fn page(state: Loaded, first: Ticket) -> impl IntoView {
    let id = first.id;
    let ticket = Memo::new(move |_| {
        state.ticket.with(|t| t.as_ref().and_then(|t| t.as_ref().ok()).filter(|t| t.id == id).cloned())
    });
    let typing = Typing::new();
    let internal = RwSignal::new(false);
    keys::install(state, ticket, internal);
    let moves = workflow::Inputs::default();
    let status = move || ticket.with(|t| t.as_ref().map(|t| t.status.code()));
    let flagged = Signal::derive(move || {
        ticket.with(|t| t.as_ref().and_then(|t| t.staff.as_ref()).is_some_and(|s| s.trashed_at.is_some() || s.suspended_at.is_some()))
    });
    provide_context(ChangeCatalog { changes: state.changes, types: state.types });
    let describe: fn(i64) -> Option<String> = describe_in_context;
    view! {
        <article class="agent-ticket" data-testid="ticket-detail" data-ticket-id=id data-status=status>
            <div class="agent-ticket-main">
                {move || ticket.get().map(|t| view! { <header::Header ticket=t /> })}
                <section class="card" aria-labelledby="description-heading">
                    <h2 id="description-heading">{tr(Key::DescriptionHeading)}</h2>
                    <p class="description">{first.description.clone()}</p>
                </section>
                <section class="card" aria-labelledby="thread-heading">
                    <h2 id="thread-heading">{tr(Key::ThreadHeading)}</h2>
                    {move || view! { <Thread messages=state.thread.get() describe=Some(describe) /> }}
                </section>
                <composer::AgentComposer ticket=first.clone() state typing internal notes_only=flagged />
                <keys::Hint />
            </div>
            <div class="agent-ticket-side">
                <PresenceBar ticket=id typing />
                {move || ticket.get().map(|t| view! { <side::Actions ticket=t state /> })}
                {move || ticket.get().and_then(|t| t.staff.and_then(|s| s.sla)).map(|sla| view! { <SlaPanel sla /> })}
                {move || ticket.get().and_then(|t| {
                    let open = t.status == Status::Open;
                    t.staff.and_then(|s| s.workflow).map(|workflow| view! { <workflow::Panel id workflow open state inputs=moves /> })
                })}
                <properties::Properties first=first.clone() ticket state />
                <side::Confidential ticket=first.clone() />
                <CustomerCard current=id />
            </div>
        </article>
    }
}
