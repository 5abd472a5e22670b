//! The comments customers left with their ratings (`GET /reports/comments`, session 9), newest
//! first, a page at a time. The comment is the customer's text: a text node, never markup.

use super::text::{rt, tf};
use crate::api::{use_api, ApiError, ReportQuery};
use crate::components::ui::{loaded, paged, ErrorPanel, LoadMore};
use crate::i18n::{format_time, ReportKey};
use crate::routes::Page;
use crate::state::load::Load;
use crate::state::locale::use_i18n;
use baton_core::{Page as ListPage, RatingComment};
use leptos::prelude::*;

/// The list for the report's filters.
#[component]
pub fn CommentList(
    /// The report's filters.
    query: ReportQuery,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let query = StoredValue::new(query);
    let first = Load::new(move || {
        let (api, query) = (api.get_value(), query.get_value());
        async move { api.report_comments(&query, None).await }
    });
    let more = RwSignal::new(Vec::<ListPage<RatingComment>>::new());
    let busy = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiError>);
    let load = Callback::new(move |cursor: String| {
        let (api, query) = (api.get_value(), query.get_value());
        busy.set(true);
        leptos::task::spawn_local(async move {
            match api.report_comments(&query, Some(cursor)).await {
                Ok(page) => more.update(|m| m.push(page)),
                Err(e) => failure.set(Some(e)),
            }
            busy.set(false);
        });
    });
    view! {
        <section class="card report-section" data-testid="report-comments">
            <h2 id="report-comments-h">{rt(ReportKey::CommentsHeading)}</h2>
            {move || loaded(first.get(), |page| {
                let (items, next) = paged(page, more);
                view! {
                    {move || items.with(Vec::is_empty).then(|| view! { <p class="empty">{rt(ReportKey::CommentsEmpty)}</p> })}
                    <ul class="report-comments">{move || items.get().into_iter().map(item).collect_view()}</ul>
                    <LoadMore next busy=busy.into() load />
                }.into_any()
            })}
            {move || failure.get().map(|error| view! { <ErrorPanel error /> })}
        </section>
    }
}

fn item(c: RatingComment) -> impl IntoView {
    let i18n = use_i18n();
    let (rating, at) = (c.rating, c.rated_at.clone());
    view! {
        <li data-testid="report-comment" data-ticket-id=c.ticket_id data-rating=rating>
            <a href=Page::AgentTicket(c.ticket_id).path()>{format!("#{}", c.number)}</a>
            " · " {move || tf(i18n, ReportKey::Stars, &[&rating.to_string()])}
            " · " {move || format_time(&at, i18n.locale())}
            // The customer's words: a text node.
            <p data-testid="report-comment-text">{c.comment}</p>
        </li>
    }
}
