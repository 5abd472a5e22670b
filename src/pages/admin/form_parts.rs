//! What the admin editors and lists share: the editors' footer (save, reading "Saving…" while
//! the request runs, and cancel) and the question asked before deleting something.

use crate::i18n::AdminKey;
use crate::state::locale::{tr, tr_while};
use leptos::prelude::*;

#[component]
pub fn SaveCancel(
    /// The editor's test id prefix: the buttons are `{prefix}-save` and `{prefix}-cancel`.
    prefix: &'static str,
    /// Whether the save is running (the button is disabled meanwhile).
    pending: Signal<bool>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="form-actions">
            <button type="submit" class="button primary" data-testid=format!("{prefix}-save") disabled=pending>
                {tr_while(pending, AdminKey::Saving.into(), AdminKey::Save.into())}
            </button>
            <button type="button" class="button" data-testid=format!("{prefix}-cancel") on:click=move |_| on_cancel.run(())>
                {tr(AdminKey::InviteCancel.into())}
            </button>
        </div>
    }
}

/// "Delete “X”?" under the item, with Delete (disabled while it runs) and "No"; focusable as an
/// `alertdialog` named by the question.
#[component]
pub fn ConfirmDelete(
    /// The list's test id prefix: `{prefix}-confirm`, `{prefix}-confirm-yes`, `{prefix}-confirm-no`.
    prefix: &'static str,
    /// The question, naming what would go.
    question: String,
    pending: Signal<bool>,
    on_yes: Callback<()>,
    on_no: Callback<()>,
) -> impl IntoView {
    let label = question.clone();
    view! {
        <div class="admin-confirm" role="alertdialog" aria-label=label data-testid=format!("{prefix}-confirm")>
            <p>{question}</p>
            <button type="button" class="button danger" data-testid=format!("{prefix}-confirm-yes") disabled=pending
                on:click=move |_| on_yes.run(())>{tr(AdminKey::SlaDelete.into())}</button>
            <button type="button" class="button" data-testid=format!("{prefix}-confirm-no")
                on:click=move |_| on_no.run(())>{tr(AdminKey::ConfirmNo.into())}</button>
        </div>
    }
}
