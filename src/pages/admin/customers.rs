//! `/admin/customers` (issue 12, `customers.manage`, capability `customers_admin`): the desk's
//! customers, searched by a part of name, email or phone and filtered by group and state, sorted,
//! a page at a time ("Show more"). "Edit" opens a customer's panel (fields, deactivate, merge:
//! [`edit`]); "Import CSV" the import with its dry-run preview ([`import`]). What an action did
//! is announced above the table.

mod edit;
mod import;
mod merge;

use super::{AdminPage, Section};
use crate::api::{use_api, AdminCustomer, ApiError, CustomerQuery};
use crate::components::ui::{focus_id, ErrorPanel};
use crate::i18n::{CustomerKey, Key};
use crate::state::load::Load;
use crate::state::locale::{tr, trf, use_page_title};
use baton_core::AdminCustomerGroup;
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn AdminCustomers() -> impl IntoView {
    use_page_title(|i| i.t(CustomerKey::Title.into()).to_owned());
    view! {
        <AdminPage section=Section::Customers>
            <CustomersBody />
        </AdminPage>
    }
}

/// The translated state of a customer.
fn state_key(c: &AdminCustomer) -> Key {
    match (c.active, c.merged_into) {
        (_, Some(_)) => CustomerKey::Merged.into(),
        (true, None) => CustomerKey::Active.into(),
        (false, None) => CustomerKey::Deactivated.into(),
    }
}

/// A `<select>` of the filter bar: its label and (value, text) options.
#[component]
fn Choice(id: &'static str, label: CustomerKey, value: RwSignal<String>, options: Vec<(&'static str, CustomerKey)>) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{tr(label.into())}</label>
            <select id=id data-testid=id on:change=move |ev| value.set(event_target_value(&ev))>
                {options.into_iter().map(|(v, k)| view! { <option value=v selected=move || value.get() == v>{tr(k.into())}</option> }).collect_view()}
            </select>
        </div>
    }
}

#[component]
fn CustomersBody() -> impl IntoView {
    let api = StoredValue::new(use_api());
    let (q, group, state, sort) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let rows = RwSignal::new(None::<Vec<AdminCustomer>>);
    let total = RwSignal::new(0_i64);
    let next = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<ApiError>);
    let groups = Load::new(move || {
        let api = api.get_value();
        async move { api.admin_customer_groups().await }
    });
    let groups = Signal::derive(move || groups.get().and_then(Result::ok).unwrap_or_default());
    // Loads the first page of what the filters say, or (`more`) the page after the last.
    let load = move |more: bool| {
        let query = CustomerQuery { q: q.get_untracked(), group: group.get_untracked(), state: state.get_untracked(), sort: sort.get_untracked() };
        let cursor = if more { next.get_untracked() } else { None };
        spawn_local(async move {
            match api.get_value().admin_customers(&query, cursor.as_deref()).await {
                Ok(list) => {
                    let mut items = if more { rows.get_untracked().unwrap_or_default() } else { Vec::new() };
                    items.extend(list.items);
                    rows.set(Some(items));
                    total.set(list.total);
                    next.set(list.next_cursor);
                    error.set(None);
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    load(false);
    let editing = RwSignal::new(None::<AdminCustomer>);
    let importing = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let on_done = Callback::new(move |text: String| {
        notice.set(Some(text));
        editing.set(None);
        load(false);
    });
    let on_close = Callback::new(move |()| {
        editing.set(None);
        focus_id("customers-search");
    });
    let group_options = move || {
        let mut options = vec![(String::new(), tr(CustomerKey::AllGroups.into())().to_owned()), ("none".to_owned(), tr(CustomerKey::NoGroup.into())().to_owned())];
        options.extend(groups.get().into_iter().map(|g: AdminCustomerGroup| (g.id.to_string(), g.name)));
        options
    };
    view! {
        <div class="admin-head">
            <h1>{tr(CustomerKey::Title.into())}</h1>
            <button type="button" id="import-open" class="button" data-testid="import-open"
                aria-expanded=move || importing.get().to_string() on:click=move |_| importing.update(|o| *o = !*o)>
                {tr(CustomerKey::ImportOpen.into())}
            </button>
        </div>
        <p class="admin-notice" role="status" data-testid="admin-notice">{move || notice.get()}</p>
        {move || importing.get().then(|| view! { <import::ImportPanel on_done /> })}
        <form class="admin-filters" role="search" aria-label=tr(CustomerKey::Filters.into()) data-testid="customers-filters"
            on:submit=move |ev| { ev.prevent_default(); load(false); }>
            <div class="field">
                <label for="customers-search">{tr(CustomerKey::Search.into())}</label>
                <input id="customers-search" type="search" data-testid="customers-search" bind:value=q />
            </div>
            <div class="field">
                <label for="customers-group">{tr(CustomerKey::Group.into())}</label>
                <select id="customers-group" data-testid="customers-group" on:change=move |ev| { group.set(event_target_value(&ev)); load(false); }>
                    {move || group_options().into_iter().map(|(v, t)| { let sel = group.get_untracked() == v; view! { <option value=v selected=sel>{t}</option> } }).collect_view()}
                </select>
            </div>
            <Choice id="customers-state" label=CustomerKey::State value=state
                options=vec![("", CustomerKey::AllStates), ("active", CustomerKey::Active), ("deactivated", CustomerKey::Deactivated)] />
            <Choice id="customers-sort" label=CustomerKey::Sort value=sort
                options=vec![("", CustomerKey::SortName), ("-name", CustomerKey::SortNameDesc), ("email", CustomerKey::SortEmail), ("-created", CustomerKey::SortCreatedDesc), ("created", CustomerKey::SortCreated)] />
            <button type="submit" class="button primary" data-testid="customers-apply">{tr(CustomerKey::Apply.into())}</button>
        </form>
        {move || error.get().map(|error| view! { <ErrorPanel error /> })}
        {move || editing.get().map(|customer| view! { <edit::EditPanel customer groups on_done on_close /> })}
        <p class="muted" data-testid="customers-total">{move || trf(CustomerKey::Total.into(), vec![total.get().to_string()])()}</p>
        {move || rows.get().map(|list| {
            if list.is_empty() {
                return view! { <p class="muted" data-testid="customers-empty">{tr(CustomerKey::None.into())}</p> }.into_any();
            }
            view! {
                <div class="admin-scroll">
                    <table class="admin-table" data-testid="customers-table">
                        <thead><tr>
                            <th scope="col">{tr(CustomerKey::ColName.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColEmail.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColPhone.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColGroup.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColState.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColTickets.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColActions.into())}</th>
                        </tr></thead>
                        <tbody>
                            {list.into_iter().map(|c| {
                                let (state, name, email) = (state_key(&c), c.name.clone(), c.email.clone());
                                let open = c.clone();
                                view! {
                                    <tr data-testid="customer-row" data-id=c.id data-email=email>
                                        <td>{c.name}</td>
                                        <td>{c.email}</td>
                                        <td>{c.phone.unwrap_or_default()}</td>
                                        <td data-testid="customer-group-cell">{c.customer_group.map(|g| g.name).unwrap_or_default()}</td>
                                        <td>{tr(state)}</td>
                                        <td data-testid="customer-tickets">{c.tickets}</td>
                                        <td><button type="button" class="button" data-testid="customer-edit"
                                            aria-label=trf(CustomerKey::EditOf.into(), vec![name])
                                            on:click=move |_| { editing.set(Some(open.clone())); request_animation_frame(|| focus_id("customer-name")); }>
                                            {tr(CustomerKey::Edit.into())}
                                        </button></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any()
        })}
        {move || next.get().map(|_| view! {
            <button type="button" class="button" data-testid="customers-more" on:click=move |_| load(true)>{tr(CustomerKey::More.into())}</button>
        })}
    }
}
