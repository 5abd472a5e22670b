//! A customer's panel on `/admin/customers`: name, email, phone and group → `PATCH`; deactivate
//! (after a confirmation in the panel) or reactivate; and the merge into another customer
//! ([`super::merge`]). Field errors next to their fields, a taken email (409) there too; what was
//! typed stays until it is saved.

use super::merge::MergeBox;
use crate::api::{use_api, AdminCustomer};
use crate::components::ui::{FormFailure, TextField};
use crate::i18n::{error_message, fill, CustomerKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, trf, use_i18n};
use baton_core::problem::code;
use baton_core::{AdminCustomerGroup, CustomerPatch, FieldError};
use leptos::prelude::*;

#[component]
pub fn EditPanel(
    customer: AdminCustomer,
    /// The desk's customer groups, offered in the select.
    groups: Signal<Vec<AdminCustomerGroup>>,
    /// Called with the announcement once something changed.
    on_done: Callback<String>,
    on_close: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let i18n = use_i18n();
    let id = customer.id;
    let name = RwSignal::new(customer.name.clone());
    let email = RwSignal::new(customer.email.clone());
    let phone = RwSignal::new(customer.phone.clone().unwrap_or_default());
    let group = RwSignal::new(customer.customer_group.as_ref().map(|g| g.id.to_string()).unwrap_or_default());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let confirming = RwSignal::new(false);
    let busy = Busy::new();
    let pending = busy.signal();
    let title = trf(CustomerKey::EditOf.into(), vec![customer.name.clone()]);
    // Sends `patch`; announces `done` (with the name) when it is through.
    let send = move |patch: CustomerPatch, done: CustomerKey| {
        failure.set(None);
        busy.run(async move {
            match api.get_value().change_customer(id, &patch).await {
                Ok(c) => on_done.run(fill(i18n.t(done.into()), &[&c.name])),
                Err(error) => {
                    let mut fields = error.field_errors();
                    if error.is(code::ALREADY_EXISTS) {
                        fields.push(FieldError::new("email", code::ALREADY_EXISTS));
                        failure.set(Some((CustomerKey::EmailTaken.into(), String::new())));
                    } else if fields.is_empty() {
                        failure.set(Some(error_message(&error)));
                    }
                    errors.set(fields);
                }
            }
        });
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let phone = phone.get_untracked().trim().to_owned();
        let patch = CustomerPatch {
            name: Some(name.get_untracked()),
            email: Some(email.get_untracked()),
            phone: Some(Some(phone).filter(|p| !p.is_empty())),
            customer_group_id: Some(group.get_untracked().parse().ok()),
            active: None,
        };
        send(patch, CustomerKey::Saved);
    };
    let active = customer.active;
    let merged = customer.merged_into.is_some();
    let who = customer.name.clone();
    view! {
        <section class="card form admin-panel" data-testid="customer-panel" aria-labelledby="customer-panel-title">
            <h2 id="customer-panel-title">{title.clone()}</h2>
            <FormFailure failure testid="customer-error" />
            <form novalidate on:submit=save data-testid="customer-form">
                <TextField id="customer-name" testid="customer-name" field="name" label=Key::from(CustomerKey::Name) value=name errors required=true />
                <TextField id="customer-email" testid="customer-email" field="email" label=Key::from(CustomerKey::Email) value=email errors input_type="email" required=true />
                <TextField id="customer-phone" testid="customer-phone" field="phone" label=Key::from(CustomerKey::Phone) value=phone errors input_type="tel" />
                <div class="field">
                    <label for="customer-group">{tr(CustomerKey::Group.into())}</label>
                    <select id="customer-group" data-testid="customer-group" on:change=move |ev| group.set(event_target_value(&ev))>
                        <option value="" selected=move || group.get().is_empty()>{tr(CustomerKey::NoGroup.into())}</option>
                        {move || groups.get().into_iter().map(|g| {
                            let v = g.id.to_string();
                            let selected = group.get_untracked() == v;
                            view! { <option value=v selected=selected>{g.name}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="form-actions">
                    <button type="submit" class="button primary" data-testid="customer-save" disabled=pending>{tr(CustomerKey::Save.into())}</button>
                    <button type="button" class="button" data-testid="customer-close" on:click=move |_| on_close.run(())>{tr(CustomerKey::Close.into())}</button>
                </div>
            </form>
            <div class="form-actions">
                {(!merged).then(|| if active {
                    let who = who.clone();
                    view! {
                        <button type="button" class="button" data-testid="customer-deactivate" aria-expanded=move || confirming.get().to_string()
                            on:click=move |_| confirming.set(true)>{tr(CustomerKey::Deactivate.into())}</button>
                        {move || confirming.get().then(|| view! {
                            <p role="alert">{trf(CustomerKey::DeactivateConfirm.into(), vec![who.clone()])}</p>
                            <button type="button" class="button danger" data-testid="customer-deactivate-confirm" disabled=pending
                                on:click=move |_| send(CustomerPatch { active: Some(false), ..Default::default() }, CustomerKey::Saved)>
                                {tr(CustomerKey::Deactivate.into())}
                            </button>
                        })}
                    }.into_any()
                } else {
                    view! {
                        <button type="button" class="button" data-testid="customer-reactivate" disabled=pending
                            on:click=move |_| send(CustomerPatch { active: Some(true), ..Default::default() }, CustomerKey::Saved)>
                            {tr(CustomerKey::Reactivate.into())}
                        </button>
                    }.into_any()
                })}
            </div>
            {(!merged).then(|| view! { <MergeBox source=customer.clone() on_done /> })}
        </section>
    }
}
