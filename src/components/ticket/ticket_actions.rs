//! The customer's lifecycle buttons: confirm done (确认工单已完成) and close (关闭工单), the latter
//! with an inline "are you sure" step. Only the actions the API allows are shown.

use crate::components::ui::focus_id;
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::Action;
use leptos::prelude::*;

/// Confirm and close, as allowed. Renders nothing when neither is.
#[component]
pub fn TicketActions(
    /// The ticket's `allowed_actions` from the API.
    actions: Vec<Action>,
    /// True while an action is being sent.
    #[prop(into)]
    pending: Signal<bool>,
    /// Called with the action the user chose (and, for close, confirmed).
    #[prop(into)]
    on_action: Callback<Action>,
) -> impl IntoView {
    let can_confirm = actions.contains(&Action::Confirm);
    let can_close = actions.contains(&Action::Close);
    let confirming = RwSignal::new(false);
    let ask = move |_| {
        confirming.set(true);
        focus_after_render("close-confirm-no");
    };
    let cancel = move |_| {
        confirming.set(false);
        focus_id("action-close");
    };

    (can_confirm || can_close).then(|| view! {
        <section class="card actions" aria-labelledby="actions-heading">
            <h2 id="actions-heading">{tr(Key::ActionsHeading)}</h2>
            {can_confirm.then(|| view! {
                <p class="muted">{tr(Key::ActionConfirmHint)}</p>
            })}
            <div class="button-row">
                {can_confirm.then(|| view! {
                    <button type="button" class="button primary" data-testid="action-confirm"
                        disabled=pending on:click=move |_| on_action.run(Action::Confirm)>
                        {tr(Key::ActionConfirm)}
                    </button>
                })}
                {can_close.then(|| view! {
                    <button type="button" class="button" id="action-close" data-testid="action-close"
                        aria-expanded=move || if confirming.get() { "true" } else { "false" }
                        aria-controls="close-confirm"
                        disabled=pending on:click=ask>
                        {tr(Key::ActionClose)}
                    </button>
                })}
            </div>
            {can_close.then(|| view! {
            <div id="close-confirm" class="confirm-box" role="group" aria-labelledby="close-confirm-prompt"
                hidden=move || !confirming.get()>
                <p id="close-confirm-prompt">{tr(Key::CloseConfirmPrompt)}</p>
                <div class="button-row">
                    <button type="button" class="button danger" data-testid="action-close-confirm"
                        disabled=pending on:click=move |_| on_action.run(Action::Close)>
                        {tr(Key::CloseConfirmYes)}
                    </button>
                    <button type="button" class="button" id="close-confirm-no" data-testid="action-close-cancel" on:click=cancel>
                        {tr(Key::CloseConfirmNo)}
                    </button>
                </div>
            </div>
            })}
        </section>
    })
}

/// Focuses `id` once the change that reveals it has been rendered.
fn focus_after_render(id: &'static str) {
    request_animation_frame(move || focus_id(id));
}
