//! The merge part of a customer's panel: find the customer to keep by a part of their name,
//! email or phone, pick them, confirm → `POST /admin/customers/{id}/merge`.

use crate::api::{use_api, AdminCustomer, CustomerQuery};
use crate::components::ui::FormFailure;
use crate::i18n::{error_message, fill, CustomerKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, trf, use_i18n};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// At most this many candidates are offered.
const CANDIDATES: usize = 8;

#[component]
pub fn MergeBox(source: AdminCustomer, on_done: Callback<String>) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let find = RwSignal::new(String::new());
    let found = RwSignal::new(Vec::<AdminCustomer>::new());
    let target = RwSignal::new(None::<AdminCustomer>);
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    let (id, source_name) = (source.id, source.name.clone());
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let query = CustomerQuery { q: find.get_untracked(), state: "active".to_owned(), ..Default::default() };
        spawn_local(async move {
            match api.get_value().admin_customers(&query, None).await {
                Ok(list) => found.set(list.items.into_iter().filter(|c| c.id != id).take(CANDIDATES).collect()),
                Err(error) => failure.set(Some(error_message(&error))),
            }
        });
    };
    let merge = move |_| {
        let Some(into) = target.get_untracked() else { return };
        failure.set(None);
        busy.run(async move {
            match api.get_value().merge_customer(id, into.id).await {
                Ok(report) => on_done.run(fill(i18n.t(CustomerKey::MergedInto.into()), &[&report.customer.name])),
                Err(error) => failure.set(Some(error_message(&error))),
            }
        });
    };
    view! {
        <div class="admin-merge" data-testid="merge-box">
            <h3>{tr(CustomerKey::MergeTitle.into())}</h3>
            <p class="muted">{tr(CustomerKey::MergeHint.into())}</p>
            <FormFailure failure testid="merge-error" />
            <form role="search" aria-label=tr(CustomerKey::MergeSearch.into()) novalidate on:submit=search>
                <div class="field">
                    <label for="merge-search">{tr(CustomerKey::MergeSearch.into())}</label>
                    <input id="merge-search" type="search" data-testid="merge-search" bind:value=find />
                </div>
                <button type="submit" class="button" data-testid="merge-find">{tr(CustomerKey::Apply.into())}</button>
            </form>
            <ul class="admin-candidates">
                {move || found.get().into_iter().map(|c| {
                    let label = format!("{} <{}>", c.name, c.email);
                    let pick = c.clone();
                    let picked = c.id;
                    view! {
                        <li><button type="button" class="button" data-testid="merge-candidate" data-email=c.email.clone()
                            aria-pressed=move || (target.get().map(|t| t.id) == Some(picked)).to_string()
                            on:click=move |_| target.set(Some(pick.clone()))>
                            {trf(CustomerKey::MergeInto.into(), vec![label])}
                        </button></li>
                    }
                }).collect_view()}
            </ul>
            {move || target.get().map(|t| {
                let source_name = source_name.clone();
                view! {
                    <p role="alert" data-testid="merge-question">{trf(CustomerKey::MergeConfirm.into(), vec![source_name, t.name])}</p>
                    <button type="button" class="button danger" data-testid="merge-confirm" disabled=pending on:click=merge>
                        {tr(CustomerKey::MergeTitle.into())}
                    </button>
                }
            })}
        </div>
    }
}
