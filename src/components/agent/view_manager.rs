//! Managing the list of views: move each one up or down (buttons, so the keyboard does it too;
//! focus stays on the moved view's button) and hide or show it. Changes are saved at once with
//! `PUT /views/order` and `PUT /views/{id}/hidden`: my own order and list, or — admins, with
//! `view-manage-everyone` ticked — the default order and hidden public views of every agent.

use super::view_name_key;
use crate::api::use_api;
use crate::components::ui::focus_id;
use crate::i18n::ListKey;
use crate::state::locale::{tr, use_i18n};
use crate::state::toasts::use_toasts;
use baton_core::{View, ViewScope, Visibility};
use leptos::prelude::*;

/// `ids` with the one at `from` moved one place up (`up`) or down; `None` at either end.
pub fn moved(ids: &[String], from: usize, up: bool) -> Option<Vec<String>> {
    let to = if up { from.checked_sub(1)? } else { from + 1 };
    if to >= ids.len() {
        return None;
    }
    let mut out = ids.to_vec();
    out.swap(from, to);
    Some(out)
}

/// `all` with the views named in `order` (a subset) put in that order, in the places they held.
pub fn reordered(all: &[View], order: &[String]) -> Vec<View> {
    let mut next = order.iter().filter_map(|id| all.iter().find(|v| v.id == *id));
    all.iter()
        .map(|v| if order.contains(&v.id) { next.next().unwrap_or(v).clone() } else { v.clone() })
        .collect()
}

#[component]
pub fn ViewManager(
    /// Every view, hidden ones included, in my order; updated here as the agent changes it.
    views: RwSignal<Vec<View>>,
    /// Whether the user may change the public views for everyone (admins).
    may_publish: bool,
    /// Edit a view (opens the editor).
    #[prop(into)]
    on_edit: Callback<View>,
    #[prop(into)]
    on_close: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (i18n, toasts) = (use_i18n(), use_toasts());
    let everyone = RwSignal::new(false);
    let scope = move || if everyone.get_untracked() { ViewScope::Everyone } else { ViewScope::Me };
    let shown = move |v: &View| !everyone.get() || v.visibility == Visibility::Public;
    let display = move |v: &View| match view_name_key(v) {
        Some(k) => i18n.t(k).to_owned(),
        None => v.name.clone(),
    };
    let reorder = move |id: String, up: bool| {
        let before = views.get_untracked();
        let ids: Vec<String> = before.iter().filter(|v| untrack(|| shown(v))).map(|v| v.id.clone()).collect();
        let Some(from) = ids.iter().position(|x| *x == id) else { return };
        let Some(order) = moved(&ids, from, up) else { return };
        views.set(reordered(&before, &order));
        let focus = format!("view-{}-{}", if up { "up" } else { "down" }, id);
        request_animation_frame(move || focus_id(&focus));
        let api = api.get_value();
        leptos::task::spawn_local(async move {
            if let Err(e) = api.order_views(order, scope()).await {
                toasts.api_error(&e);
                views.try_set(before);
            }
        });
    };
    let toggle = move |id: String, hidden: bool| {
        let api = api.get_value();
        let scope = scope();
        leptos::task::spawn_local(async move {
            match api.hide_view(&id, hidden, scope).await {
                Ok(()) => {
                    views.try_update(|v| v.iter_mut().filter(|v| v.id == id).for_each(|v| v.hidden = hidden));
                }
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let item = move |view: View| {
        let id = view.id.clone();
        let name = display(&view);
        let hidden = Memo::new({
            let id = id.clone();
            move |_| views.with(|v| v.iter().any(|v| v.id == id && v.hidden))
        });
        let (up_id, down_id) = (format!("view-up-{id}"), format!("view-down-{id}"));
        let (n1, n2, n3) = (name.clone(), name.clone(), name.clone());
        let (i1, i2, i3) = (id.clone(), id.clone(), id.clone());
        let public = view.visibility == Visibility::Public;
        let editable = view.editable.then(|| {
            let label = i18n.tf(ListKey::EditViewNamed.into(), &[&name]);
            view! {
                <button type="button" class="link-button" data-testid="view-edit" aria-label=label
                    on:click=move |_| on_edit.run(view.clone())>{tr(ListKey::EditView.into())}</button>
            }
        });
        view! {
            <li class="manage-item" data-testid="view-manage-item" data-view-id=id.clone() class:is-hidden=hidden>
                <span class="view-name">{name.clone()}</span>
                {public.then(|| view! { <span class="muted">{tr(ListKey::PublicMark.into())}</span> })}
                {move || hidden.get().then(|| view! { <span class="muted">{tr(ListKey::HiddenMark.into())}</span> })}
                <span class="manage-actions">
                    <button type="button" class="button small" id=up_id data-testid="view-move-up"
                        aria-label=move || i18n.tf(ListKey::MoveUp.into(), &[&n1])
                        on:click=move |_| reorder(i1.clone(), true)>"↑"</button>
                    <button type="button" class="button small" id=down_id data-testid="view-move-down"
                        aria-label=move || i18n.tf(ListKey::MoveDown.into(), &[&n2])
                        on:click=move |_| reorder(i2.clone(), false)>"↓"</button>
                    <button type="button" class="link-button" data-testid="view-toggle-hidden" aria-pressed=move || hidden.get().to_string()
                        on:click=move |_| toggle(i3.clone(), !hidden.get_untracked())>
                        {move || i18n.tf(if hidden.get() { ListKey::ShowView } else { ListKey::HideView }.into(), &[&n3])}
                    </button>
                    {editable}
                </span>
            </li>
        }
    };
    let listed = move || views.get().into_iter().filter(|v| shown(v)).collect::<Vec<_>>();
    view! {
        <section class="view-manager card" data-testid="view-manager" aria-labelledby="view-manager-heading">
            <h2 id="view-manager-heading">{tr(ListKey::ManageViews.into())}</h2>
            <p class="muted">{tr(ListKey::ManageIntro.into())}</p>
            {may_publish.then(|| view! {
                <label class="check">
                    <input type="checkbox" data-testid="view-manage-everyone" prop:checked=move || everyone.get()
                        on:change=move |ev| everyone.set(event_target_checked(&ev)) />
                    {tr(ListKey::ManageEveryone.into())}
                </label>
            })}
            <ol class="manage-list">
                <For each=listed key=|v| (v.id.clone(), v.name.clone()) children=item />
            </ol>
            <button type="button" class="button" data-testid="view-manage-close" on:click=move |_| on_close.run(())>
                {tr(ListKey::Close.into())}
            </button>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::moved;

    #[test]
    fn a_subset_is_reordered_in_the_places_it_held() {
        let view = |id: &str| baton_core::View {
            id: id.into(), builtin: None, name: id.into(), visibility: baton_core::Visibility::Private, owner: None,
            conditions: Vec::new(), sort: Default::default(), columns: Vec::new(), hidden: false, editable: true,
        };
        let all: Vec<_> = ["mine", "p1", "x", "p2"].into_iter().map(view).collect();
        let order = vec!["p2".to_string(), "p1".to_string()];
        let ids: Vec<String> = super::reordered(&all, &order).into_iter().map(|v| v.id).collect();
        assert_eq!(ids, ["mine", "p2", "x", "p1"]);
    }

    #[test]
    fn moves_one_place_and_stops_at_the_ends() {
        let ids: Vec<String> = ["a", "b", "c"].iter().map(|s| s.to_string()).collect();
        assert_eq!(moved(&ids, 1, true).unwrap(), ["b", "a", "c"]);
        assert_eq!(moved(&ids, 1, false).unwrap(), ["a", "c", "b"]);
        assert_eq!(moved(&ids, 0, true), None);
        assert_eq!(moved(&ids, 2, false), None);
    }
}
