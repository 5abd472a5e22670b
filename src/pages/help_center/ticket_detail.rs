//! `/tickets/:id`: one ticket with its thread, the reply box and the lifecycle actions the API
//! allows. After anything is sent, and whenever a live event names this ticket, the ticket and
//! thread are fetched again, since a reply or an action may change the status and add a system
//! entry.

mod reply_draft;
mod sending;

use crate::api::{use_api, ApiError};
use crate::components::ticket::{
    ConfidentialBox, RatingForm, ReplyBox, Thread, TicketActions, TicketDetails, TicketHeader,
};
use crate::pages::help_center::uploads::uploader;
use crate::components::ui::loaded;
use crate::i18n::Key;
use crate::state::live::use_live;
use crate::state::locale::{tr, use_page_title};
use crate::state::session::use_session;
use baton_core::problem::code;
use baton_core::status::{on_reply, Action, Actor};
use baton_core::{Message, Problem, Ticket, TicketAction, TicketType};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use sending::Composer;

#[component]
pub fn TicketDetail() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));

    let ticket = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, id) = (api.clone(), id.get());
            async move { api.ticket(id.ok_or_else(not_found)?).await }
        }
    });
    let thread = LocalResource::new({
        let api = api.clone();
        move || {
            let (api, id) = (api.clone(), id.get());
            async move { Ok::<_, ApiError>(api.messages(id.ok_or_else(not_found)?).await?.items) }
        }
    });
    // The catalog gives custom fields their labels; without it values show as stored.
    let catalog = LocalResource::new({
        let api = api.clone();
        move || {
            let api = api.clone();
            async move { api.ticket_types().await }
        }
    });
    let composer = Composer::new(id, ticket, thread);
    let on_upload = uploader(api.clone());
    // Someone else changed this ticket or wrote in it (an agent, a group member, another tab).
    if let Some(live) = use_live() {
        Effect::watch(
            move || live.latest(),
            move |update, _, _| {
                let here = id.get_untracked();
                if update.as_ref().is_some_and(|u| here.is_some_and(|id| u.concerns(id))) {
                    composer.refresh();
                }
            },
            false,
        );
    }

    use_page_title(move |i| match ticket.get() {
        Some(Ok(t)) => i.tf(Key::TicketDetailTitle, &[&t.number.to_string(), &t.title]),
        Some(Err(_)) => i.t(Key::TicketUnavailable).to_owned(),
        None => i.t(Key::Loading).to_owned(),
    });

    let actor = move || session.me().map_or(Actor::Customer, |me| me.role.actor());
    let show = move |(t, messages, types): (Ticket, Vec<Message>, Vec<TicketType>)| {
        let can_reply = on_reply(t.status, actor()).is_ok();
        let can_rate = t.allowed_actions.contains(&Action::Rate);
        let viewer = session.me().map(|me| me.id);
        let is_requester = viewer == Some(t.requester.id);
        let confidential = (t.confidential_set || is_requester).then(|| view! {
            <ConfidentialBox set=t.confidential_set can_edit=is_requester value=composer.confidential
                errors=composer.confidential_errors pending=composer.saving()
                on_save=move |value| composer.save_confidential(value) />
        });
        view! {
            <article class="ticket-detail" data-testid="ticket-detail" data-ticket-id=t.id data-status=t.status.code()>
                <TicketHeader ticket=t.clone() viewer />
                <TicketDetails ticket=t.clone() types />
                {confidential}
                <section class="card" aria-labelledby="thread-heading">
                    <h2 id="thread-heading">{tr(Key::ThreadHeading)}</h2>
                    <Thread messages />
                </section>
                {if can_reply {
                    view! {
                        <ReplyBox body=composer.reply.body files=composer.reply.files on_upload
                            server_errors=composer.reply_errors failure=composer.reply_failure
                            pending=composer.sending() on_send=move |m| composer.send(m) />
                    }.into_any()
                } else {
                    view! { <p class="notice card">{tr(Key::ReplyClosedNotice)}</p> }.into_any()
                }}
                <TicketActions actions=t.allowed_actions.clone() pending=composer.acting()
                    on_action=move |action| composer.act(TicketAction { action, rating: None, comment: None }) />
                {can_rate.then(|| view! {
                    <RatingForm stars=composer.stars comment=composer.comment server_errors=composer.rating_errors
                        pending=composer.acting() on_rate=move |rating| composer.act(rating) />
                })}
            </article>
        }
    };

    view! {
        {move || {
            let both = match (ticket.get(), thread.get(), catalog.get()) {
                // Until the new ticket arrives after a change of `:id`, the old one is not shown.
                // A catalog that failed to load only costs the field labels.
                (Some(Ok(t)), Some(Ok(messages)), Some(types)) if Some(t.id) == id.get() => {
                    Some(Ok((t, messages, types.unwrap_or_default())))
                }
                (Some(Err(e)), _, _) | (_, Some(Err(e)), _) => Some(Err(e)),
                _ => None,
            };
            let failed = matches!(both, Some(Err(_)));
            view! {
                {failed.then(|| view! { <h1>{tr(Key::TicketUnavailable)}</h1> })}
                {loaded(both, |loaded| show(loaded).into_any())}
            }
        }}
    }
}

/// What a path that is not a ticket id gets: the same answer as someone else's ticket.
fn not_found() -> ApiError {
    ApiError::Problem(Problem::new(404, code::NOT_FOUND, "Not Found"))
}
