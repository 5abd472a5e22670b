//! Renders the message of [`Toasts`]: `role="status"` for a success, `role="alert"` for an error.

use crate::i18n::Key;
use crate::state::locale::tr;
use crate::state::toasts::{ToastKind, Toasts};
use leptos::prelude::*;

/// The toast area, fixed at the bottom of the viewport.
#[component]
pub fn ToastHost(
    /// Where the message comes from.
    toasts: Toasts,
) -> impl IntoView {
    view! {
        <section class="toasts" aria-label=tr(Key::NotificationsRegion)>
            {move || toasts.current().map(|toast| view! {
                <div
                    class=format!("toast toast-{}", toast.kind.code())
                    data-testid="toast"
                    data-kind=toast.kind.code()
                    role=if toast.kind == ToastKind::Error { "alert" } else { "status" }
                >
                    <p>{tr(toast.key)}</p>
                    <button type="button" class="toast-dismiss" aria-label=tr(Key::Dismiss)
                        on:click=move |_| toasts.dismiss(toast.id)>
                        <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                            <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" />
                        </svg>
                    </button>
                </div>
            })}
        </section>
    }
}
