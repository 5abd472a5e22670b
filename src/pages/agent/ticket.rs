//! `/agent/tickets/:id`: one ticket as the agent works it, split like Zammad's lesson says —
//! the thread, the [`composer`], the [`properties`] (saved with `If-Match`, conflicts shown), and
//! the [`side`] panels (actions, confidential info, customer, presence). Opening a `new` ticket
//! posts the `open` action (查看 → 处理中); live events for this ticket refetch it.

mod composer;
mod properties;
mod side;

use crate::api::{use_api, Api, ApiError};
use crate::components::ticket::Thread;
use crate::components::ui::loaded;
use crate::i18n::agent::agent_status_key;
use crate::i18n::{AgentKey, Key};
use crate::routes::Page;
use crate::state::live::use_live;
use crate::state::locale::{tr, trf, use_page_title};
use baton_core::{Action, Message, Status, Ticket, TicketAction};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The ticket and its thread, refetched together.
#[derive(Clone, Copy)]
pub struct Loaded {
    pub ticket: RwSignal<Option<Result<Ticket, ApiError>>>,
    pub thread: RwSignal<Vec<Message>>,
    id: Memo<Option<i64>>,
    pub api: StoredValue<Api, LocalStorage>,
}

impl Loaded {
    /// Fetches the ticket and thread again (after a change here or elsewhere).
    pub fn refresh(self) {
        let Some(id) = self.id.get_untracked() else { return };
        let api = self.api.get_value();
        leptos::task::spawn_local(async move {
            let (t, m) = (api.ticket(id).await, api.messages(id).await);
            if let Ok(m) = m {
                self.thread.try_set(m.items);
            }
            self.ticket.try_set(Some(t));
        });
    }

    /// Shows an updated ticket the server answered with.
    pub fn show(self, ticket: Ticket) {
        self.ticket.set(Some(Ok(ticket)));
        self.refresh();
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
        id,
        api: StoredValue::new_local(api.clone()),
    };
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
            let api = api.clone();
            leptos::task::spawn_local(async move {
                let open = TicketAction { action: Action::Open, rating: None, comment: None };
                if let Ok(t) = api.act(t.id, &open).await {
                    state.show(t);
                }
            });
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

    let show = move |t: Ticket| {
        let flags = t.staff.as_ref().map(|s| (s.trashed_at.is_some(), s.suspended_at.is_some())).unwrap_or_default();
        let rating = t.rating.map(|r| view! {
            <p class="card" data-testid="ticket-rating" data-rating=r>
                {trf(AgentKey::RatedWith.into(), vec![r.to_string(), t.rating_comment.clone().unwrap_or_default()])}
            </p>
        });
        view! {
            <article class="agent-ticket" data-testid="ticket-detail" data-ticket-id=t.id data-status=t.status.code()>
                <div class="agent-ticket-main">
                    <p><a href=Page::Agent.path()>{tr(AgentKey::BackToList.into())}</a></p>
                    <h1>{format!("#{} {}", t.number, t.title)}</h1>
                    <p>
                        <span class="status-pill" data-testid="ticket-status">{tr(agent_status_key(t.status))}</span>" "
                        {trf(AgentKey::RequestedBy.into(), vec![t.requester.name.clone()])}
                    </p>
                    {flags.0.then(|| view! { <p class="notice card">{tr(AgentKey::Trashed.into())}</p> })}
                    {flags.1.then(|| view! { <p class="notice card">{tr(AgentKey::Suspended.into())}</p> })}
                    {rating}
                    <section class="card" aria-labelledby="description-heading">
                        <h2 id="description-heading">{tr(Key::DescriptionHeading)}</h2>
                        <p class="description">{t.description.clone()}</p>
                    </section>
                    <section class="card" aria-labelledby="thread-heading">
                        <h2 id="thread-heading">{tr(Key::ThreadHeading)}</h2>
                        {move || view! { <Thread messages=state.thread.get() /> }}
                    </section>
                    <composer::AgentComposer ticket=t.clone() state />
                </div>
                <aside class="agent-ticket-side">
                    <side::Presence ticket=t.id />
                    <side::Actions ticket=t.clone() state />
                    <properties::Properties ticket=t.clone() state />
                    <side::Confidential ticket=t.clone() />
                    <side::Customer requester=t.requester.id current=t.id />
                </aside>
            </article>
        }
    };
    view! {
        {move || loaded(state.ticket.get(), |t| show(t).into_any())}
    }
}
