//! `/tickets/:id`: one ticket with its details, thread, the reply box and the lifecycle actions
//! the API allows. After anything is sent, and whenever a live event names this ticket, the
//! ticket and thread are fetched again, since a reply or an action may change the status and add
//! a system entry; each part of the page re-renders only when what it shows changed.

mod parts;
mod reply_draft;
mod sending;

use crate::api::{use_api, ApiError};
use crate::components::ticket::{
    ConfidentialBox, RatingForm, ReplyBox, Thread, TicketActions, TicketDetails, TicketHeader,
};
use crate::components::ui::{dynamic, ErrorPanel, Loading};
use crate::i18n::Key;
use crate::pages::help_center::uploads::uploader;
use crate::state::live::use_live;
use crate::state::locale::{tr, use_page_title};
use crate::state::session::use_session;
use baton_core::problem::code;
use baton_core::{Problem, TicketAction};
use crate::state::load::Load;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use parts::Parts;
use sending::Composer;

#[component]
pub fn TicketDetail() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<i64>().ok()));

    let ticket = Load::new({
        let api = api.clone();
        move || {
            let (api, id) = (api.clone(), id.get());
            async move { api.ticket(id.ok_or_else(not_found)?).await }
        }
    });
    let thread = Load::new({
        let api = api.clone();
        move || {
            let (api, id) = (api.clone(), id.get());
            async move { Ok::<_, ApiError>(api.messages(id.ok_or_else(not_found)?).await?.items) }
        }
    });
    // The catalog gives custom fields their labels; without it values show as stored.
    let catalog = Load::new({
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
                if update
                    .as_ref()
                    .is_some_and(|u| here.is_some_and(|id| u.concerns(id)))
                {
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

    let parts = Parts::new(id, ticket, thread, catalog, session);
    let Parts {
        state,
        shown,
        head,
        messages,
        can_reply,
        actions,
        can_rate,
        confidential,
    } = parts;

    view! {
        {dynamic(move || state.with(|s| match s {
            None => view! { <Loading /> }.into_any(),
            Some(Err(error)) => view! {
                <h1>{tr(Key::TicketUnavailable)}</h1>
                <ErrorPanel error=error.clone() />
            }.into_any(),
            Some(Ok(_)) => ().into_any(),
        }))}
        // Without a loaded ticket the article is hidden and carries no test id.
        <article class="ticket-detail" hidden=move || !shown.get()
            data-testid=move || shown.get().then_some("ticket-detail")
            data-ticket-id=parts.attr(|t| t.id.to_string()) data-status=parts.attr(|t| t.status.code().to_owned())>
            {dynamic(move || head.get().map(|(t, types)| {
                let viewer = session.me().map(|me| me.id);
                view! {
                    <TicketHeader ticket=t.clone() viewer />
                    <TicketDetails ticket=t types />
                }
            }).into_any())}
            {dynamic(move || {
                let (set, mine) = confidential.get();
                (set || mine).then(|| view! {
                    <ConfidentialBox set can_edit=mine value=composer.confidential
                        errors=composer.confidential_errors pending=composer.saving()
                        on_save=move |value| composer.save_confidential(value) />
                }).into_any()
            })}
            <section class="card" aria-labelledby="thread-heading">
                <h2 id="thread-heading">{tr(Key::ThreadHeading)}</h2>
                {dynamic(move || view! { <Thread messages=messages.get() /> }.into_any())}
            </section>
            {dynamic(move || match (shown.get(), can_reply.get()) {
                (false, _) => ().into_any(),
                (true, true) => view! {
                    <ReplyBox body=composer.reply.body files=composer.reply.files on_upload
                        server_errors=composer.reply_errors failure=composer.reply_failure
                        pending=composer.sending() on_send=move |m| composer.send(m) />
                }.into_any(),
                (true, false) => view! { <p class="notice card">{tr(Key::ReplyClosedNotice)}</p> }.into_any(),
            })}
            {dynamic(move || view! {
                <TicketActions actions=actions.get() pending=composer.acting()
                    on_action=move |action| composer.act(TicketAction { action, rating: None, comment: None }) />
            }.into_any())}
            {dynamic(move || can_rate.get().then(|| view! {
                <RatingForm stars=composer.stars comment=composer.comment server_errors=composer.rating_errors
                    pending=composer.acting() on_rate=move |rating| composer.act(rating) />
            }).into_any())}
        </article>
    }
}

/// What a path that is not a ticket id gets: the same answer as someone else's ticket.
fn not_found() -> ApiError {
    ApiError::Problem(Problem::new(404, code::NOT_FOUND, "Not Found"))
}
