//! The side list of views (视图) with each one's live count; the current one is marked with
//! `aria-current`.

use crate::i18n::agent::builtin_view_key;
use crate::i18n::Key;
use crate::routes::agent_view_path;
use crate::state::locale::{tr, use_i18n};
use baton_core::{View, ViewCount};
use leptos::prelude::*;

/// A built-in view's translated name; custom views have none (their name is tenant content).
pub fn view_name_key(view: &View) -> Option<Key> {
    view.builtin.map(builtin_view_key)
}

/// `<nav>` of `view-item` links, each with its `view-count`.
#[component]
pub fn ViewList(
    /// The views in the user's order; hidden ones are left out.
    #[prop(into)]
    views: Signal<Vec<View>>,
    /// The latest counts (a view without one shows no number yet).
    #[prop(into)]
    counts: Signal<Vec<ViewCount>>,
    /// The id of the view shown in the main pane.
    #[prop(into)]
    selected: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count_of = move |id: &str| {
        counts.with(|c| c.iter().find(|c| c.view_id == id).map(|c| c.count))
    };
    let item = move |view: View| {
        let id = view.id.clone();
        let name = move || match view_name_key(&view) {
            Some(key) => i18n.t(key).to_owned(),
            None => view.name.clone(),
        };
        let current = {
            let id = id.clone();
            move || (selected.get().as_deref() == Some(id.as_str())).then_some("page")
        };
        let count = {
            let id = id.clone();
            move || count_of(&id).map(|n| n.to_string()).unwrap_or_default()
        };
        let count_label = {
            let id = id.clone();
            move || count_of(&id).map(|n| i18n.tf(Key::Agent(crate::i18n::AgentKey::ViewCount), &[&n.to_string()]))
        };
        view! {
            <li>
                <a class="view-item" href=agent_view_path(&id) data-testid="view-item" data-view-id=id.clone()
                    aria-current=current>
                    <span class="view-name">{name}</span>
                    <span class="view-count" data-testid="view-count" aria-label=count_label>{count}</span>
                </a>
            </li>
        }
    };
    view! {
        <nav class="view-list" aria-labelledby="views-heading">
            <h2 id="views-heading">{tr(crate::i18n::AgentKey::ViewsHeading.into())}</h2>
            <ul>
                {move || views.get().into_iter().filter(|v| !v.hidden).map(item).collect_view()}
            </ul>
        </nav>
    }
}
