//! The rating form (提交评价) of a confirmed ticket: 1–5 stars as toggle buttons, an optional
//! comment, validated with baton-core before sending.

use crate::components::ui::{checked_submit, FieldErrorText, TextArea};
use crate::i18n::Key;
use crate::state::locale::{tr, trf};
use baton_core::{validate, Action, FieldError, TicketAction};
use leptos::prelude::*;

/// Stars, comment and submit. The chosen values are owned by the page.
#[component]
pub fn RatingForm(
    /// The chosen number of stars.
    stars: RwSignal<Option<u8>>,
    /// The comment being written.
    comment: RwSignal<String>,
    /// Field errors the server reported for the last attempt (422).
    #[prop(into)]
    server_errors: Signal<Vec<FieldError>>,
    /// True while the rating is being sent.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with a `rate` action that passed validation.
    #[prop(into)]
    on_rate: Callback<TicketAction>,
) -> impl IntoView {
    let check = move || {
        let text = comment.get_untracked();
        let action = TicketAction {
            action: Action::Rate,
            rating: stars.get_untracked(),
            comment: (!text.trim().is_empty()).then_some(text),
        };
        validate::ticket_action(&action).map(|()| action)
    };
    let (errors, submit) = checked_submit(server_errors, pending, check, on_rate);
    let star = move |n: u8| {
        let on = move || stars.get().is_some_and(|s| s >= n);
        view! {
            <button type="button" class="star" class:on=on data-testid=format!("rating-star-{n}")
                aria-pressed=move || if stars.get() == Some(n) { "true" } else { "false" }
                aria-label=trf(Key::RatingStar, vec![n.to_string()])
                on:click=move |_| stars.set(Some(n))>
                <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
                    <path d="M12 2.5l2.9 6 6.6.9-4.8 4.6 1.2 6.5L12 17.4l-5.9 3.1 1.2-6.5L2.5 9.4l6.6-.9z" />
                </svg>
            </button>
        }
    };
    view! {
        <section class="card rating" aria-labelledby="rating-heading">
            <h2 id="rating-heading">{tr(Key::RatingHeading)}</h2>
            <form novalidate on:submit=submit>
                <div class="field">
                    <span class="label" id="rating-stars-label">{tr(Key::RatingStars)}</span>
                    <div class="stars" id="rating-stars" role="group" aria-labelledby="rating-stars-label">
                        {(1..=5).map(star).collect_view()}
                    </div>
                    <FieldErrorText input_id="rating-stars" field="rating" errors />
                </div>
                <TextArea id="rating-comment" testid="rating-comment" field="comment" label=Key::RatingComment value=comment errors rows=3 />
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="rating-submit" disabled=pending>
                        {tr(Key::RatingSubmit)}
                    </button>
                </div>
            </form>
        </section>
    }
}
