//! An edit conflict (412 `precondition_failed`): someone changed the ticket after we loaded it.
//! Each differing property shows the ticket's value now beside the agent's, and the agent decides:
//! re-apply theirs on top of the new version, or keep what is there. Nothing is overwritten silently.

use crate::components::ui::{label_text, Label};
use crate::i18n::AgentKey;
use crate::state::locale::tr;
use leptos::prelude::*;

/// One property that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictRow {
    /// The property's wire name (`priority`, `fields.order_no`), for `data-field`.
    pub field: String,
    /// Its label (one of ours, or a custom field's own).
    pub label: Label,
    /// The value on the server now, as shown.
    pub theirs: String,
    /// The value the agent tried to save, as shown.
    pub mine: String,
}

/// `conflict-panel` with a row per property and the two choices.
#[component]
pub fn ConflictPanel(
    /// The properties that differ.
    rows: Vec<ConflictRow>,
    /// Saves the agent's values on top of the current version.
    #[prop(into)]
    on_reapply: Callback<()>,
    /// Drops the agent's values and shows the ticket as it is now.
    #[prop(into)]
    on_keep: Callback<()>,
) -> impl IntoView {
    let row = |r: ConflictRow| {
        view! {
            <tr>
                <th scope="row">{label_text(r.label)}</th>
                <td data-testid="conflict-theirs" data-field=r.field.clone()>{r.theirs}</td>
                <td data-testid="conflict-mine" data-field=r.field>{r.mine}</td>
            </tr>
        }
    };
    view! {
        <div class="conflict-panel" role="alert" data-testid="conflict-panel">
            <h3>{tr(AgentKey::ConflictHeading.into())}</h3>
            <p>{tr(AgentKey::ConflictIntro.into())}</p>
            <table class="conflict-table">
                <thead><tr>
                    <th scope="col">{tr(AgentKey::ConflictField.into())}</th>
                    <th scope="col">{tr(AgentKey::ConflictTheirs.into())}</th>
                    <th scope="col">{tr(AgentKey::ConflictMine.into())}</th>
                </tr></thead>
                <tbody>{rows.into_iter().map(row).collect_view()}</tbody>
            </table>
            <div class="form-actions">
                <button type="button" class="button primary" data-testid="conflict-reapply" on:click=move |_| on_reapply.run(())>
                    {tr(AgentKey::ReapplyMine.into())}
                </button>
                <button type="button" class="button" data-testid="conflict-keep" on:click=move |_| on_keep.run(())>
                    {tr(AgentKey::KeepTheirs.into())}
                </button>
            </div>
        </div>
    }
}
