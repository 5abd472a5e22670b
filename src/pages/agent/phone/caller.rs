//! Who is calling: search the tenant's customers by name, email or phone (`customer-search`),
//! pick one (`customer-pick`), or add a new one inline (`customer-name`, `customer-email`,
//! `customer-phone`, `customer-create`). What was typed stays when the server refuses it.

use crate::api::use_api;
use crate::components::ui::TextField;
use crate::i18n::{Key, TicketKey};
use crate::state::busy::Busy;
use crate::state::locale::tr;
use crate::state::toasts::use_toasts;
use baton_core::problem::code;
use baton_core::{CustomerInfo, FieldError, NewCustomer};
use leptos::prelude::*;

#[component]
pub fn CallerPicker(
    /// Called with the chosen (or newly added) customer.
    #[prop(into)]
    on_pick: Callback<CustomerInfo>,
) -> impl IntoView {
    let api = StoredValue::new_local(use_api());
    let toasts = use_toasts();
    let query = RwSignal::new(String::new());
    let found = RwSignal::new(None::<Vec<CustomerInfo>>);
    let searching = Busy::new();
    let search = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, q) = (api.get_value(), query.get_untracked());
        searching.run(async move {
            match api.find_customers(q.trim()).await {
                Ok(list) => found.set(Some(list)),
                Err(e) => toasts.api_error(&e),
            }
        });
    };
    let (name, email, phone) = (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let exists = RwSignal::new(false);
    let creating = Busy::new();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let phone_typed = phone.get_untracked().trim().to_owned();
        let customer = NewCustomer {
            name: name.get_untracked().trim().to_owned(),
            email: email.get_untracked().trim().to_owned(),
            phone: (!phone_typed.is_empty()).then_some(phone_typed),
            customer_group_id: None,
        };
        let api = api.get_value();
        creating.run(async move {
            errors.set(Vec::new());
            exists.set(false);
            match api.create_customer(&customer).await {
                Ok(c) => {
                    toasts.success(TicketKey::CustomerCreated.into());
                    on_pick.run(c);
                }
                Err(e) if e.is(code::ALREADY_EXISTS) => exists.set(true),
                Err(e) => errors.set(toasts.form_error(&e, &["name", "email", "phone"])),
            }
        });
    };
    let result = move |c: CustomerInfo| {
        let line = format!("{} · {}{}", c.name, c.email, c.phone.as_ref().map(|p| format!(" · {p}")).unwrap_or_default());
        let id = c.id;
        view! {
            <li data-testid="customer-result" data-customer-id=id>
                <span>{line.clone()}</span>" "
                <button type="button" class="button" data-testid="customer-pick" data-customer-id=id aria-label=line
                    on:click=move |_| on_pick.run(c.clone())>{tr(TicketKey::CustomerPick.into())}</button>
            </li>
        }
    };
    view! {
        <section class="card caller" aria-labelledby="caller-heading">
            <h2 id="caller-heading">{tr(TicketKey::CallerHeading.into())}</h2>
            <form class="inline-row" role="search" novalidate on:submit=search>
                <div class="field">
                    <label for="customer-search">{tr(TicketKey::CustomerSearch.into())}</label>
                    <p id="customer-search-hint" class="hint">{tr(TicketKey::CustomerSearchHint.into())}</p>
                    <input id="customer-search" data-testid="customer-search" type="search" aria-describedby="customer-search-hint"
                        prop:value=query on:input=move |ev| query.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button" data-testid="customer-search-submit" disabled=searching.signal()>
                    {tr(TicketKey::CustomerSearchButton.into())}
                </button>
            </form>
            <div aria-live="polite">
                {move || found.get().map(|list| if list.is_empty() {
                    view! { <p class="muted" data-testid="customer-no-match">{tr(TicketKey::CustomerNoMatch.into())}</p> }.into_any()
                } else {
                    view! { <ul class="customer-results">{list.into_iter().map(result).collect_view()}</ul> }.into_any()
                })}
            </div>
            <h3 id="new-customer-heading">{tr(TicketKey::NewCustomerHeading.into())}</h3>
            <form class="form" aria-labelledby="new-customer-heading" novalidate on:submit=create>
                <TextField id="customer-name" testid="customer-name" field="name" label=Key::from(TicketKey::CustomerName) value=name errors required=true autocomplete="off" />
                <TextField id="customer-email" testid="customer-email" field="email" label=Key::from(TicketKey::CustomerEmailLabel) value=email errors required=true input_type="email" />
                {move || exists.get().then(|| view! {
                    <p class="field-error" role="alert" data-testid="customer-exists">{tr(TicketKey::CustomerExists.into())}</p>
                })}
                <TextField id="customer-phone" testid="customer-phone" field="phone" label=Key::from(TicketKey::CustomerPhoneLabel) value=phone errors input_type="tel" />
                <div class="form-actions">
                    <button type="submit" class="button" data-testid="customer-create" disabled=creating.signal()>
                        {tr(TicketKey::CustomerCreate.into())}
                    </button>
                </div>
            </form>
        </section>
    }
}
