//! `/agent/tickets/new`: registering a ticket for a caller (电话工单). The agent finds or adds
//! the customer ([`caller`]), then fills in the help center's very own ticket form for them; it is
//! filed with `POST /customers/{id}/tickets` (channel phone), idempotently, and opened.

mod caller;

use crate::api::{use_api, ApiError};
use crate::components::ticket::{use_ticket_types, TicketDraft, TicketForm};
use crate::i18n::TicketKey;
use crate::pages::help_center::uploader;
use crate::routes::Page;
use crate::state::busy::Busy;
use crate::state::locale::{tr, trf, use_page_title};
use crate::state::session::use_session;
use crate::state::toasts::use_toasts;
use baton_core::problem::code;
use baton_core::{CustomerInfo, FieldError, NewTicket};
use caller::CallerPicker;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

#[component]
pub fn PhoneTicket() -> impl IntoView {
    let api = use_api();
    let toasts = use_toasts();
    let navigate = StoredValue::new_local(use_navigate());
    use_page_title(|i| i.t(TicketKey::PhoneTitle.into()).to_owned());
    let me = use_session().me_untracked();
    let draft = TicketDraft::open(me.map(|me| format!("baton.draft.{}.phone", me.id)));
    let types = use_ticket_types();
    let caller = RwSignal::new(None::<CustomerInfo>);
    let server_errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let busy = Busy::new();
    let on_upload = uploader(api.clone());
    let api = StoredValue::new(api);
    let send = move |ticket: NewTicket| {
        let Some(customer) = caller.get_untracked() else { return };
        // One key per content and caller: a retry files nothing twice, another caller is another ticket.
        let (api, key) = (api.get_value(), format!("{}-c{}", draft.key_for(&ticket), customer.id));
        busy.run(async move {
            server_errors.set(Vec::new());
            failure.set(None);
            match api.create_ticket_for(customer.id, &ticket, &key).await {
                Ok(created) => {
                    draft.acknowledged();
                    toasts.success(TicketKey::PhoneTicketCreated.into());
                    navigate.try_with_value(|go| go(&Page::AgentTicket(created.id).path(), Default::default()));
                }
                Err(error) if error.is(code::VALIDATION_FAILED) && !error.field_errors().is_empty() => {
                    toasts.api_error(&error);
                    server_errors.set(error.field_errors());
                }
                Err(error) => {
                    toasts.api_error(&error);
                    failure.set(Some(error));
                }
            }
        });
    };
    let chosen = move |c: CustomerInfo| {
        view! {
            <section class="card caller" aria-labelledby="caller-heading">
                <h2 id="caller-heading">{tr(TicketKey::CallerHeading.into())}</h2>
                <p data-testid="phone-caller" data-customer-id=c.id>{trf(TicketKey::CallerIs.into(), vec![c.name.clone(), c.email.clone()])}</p>
                <button type="button" class="button" data-testid="phone-caller-change" on:click=move |_| caller.set(None)>
                    {tr(TicketKey::ChangeCaller.into())}
                </button>
            </section>
            <h2>{tr(TicketKey::FormHeading.into())}</h2>
            <TicketForm draft types server_errors failure pending=busy.signal() on_submit=send on_upload />
        }
    };
    view! {
        <div class="narrow phone-ticket">
            <p><a href=Page::Agent.path()>{tr(crate::i18n::AgentKey::BackToList.into())}</a></p>
            <h1>{tr(TicketKey::PhoneTitle.into())}</h1>
            <p class="muted">{tr(TicketKey::PhoneIntro.into())}</p>
            {move || match caller.get() {
                Some(c) => chosen(c).into_any(),
                None => view! { <CallerPicker on_pick=move |c| caller.set(Some(c)) /> }.into_any(),
            }}
        </div>
    }
}
