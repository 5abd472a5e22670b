//! The submit form: validation next to each field, server errors, nothing typed lost.

use crate::support::*;
use baton::components::ticket::TicketForm;
use baton::i18n::Locale;
use baton_core::{FieldError, NewTicket};
use leptos::prelude::*;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn ticket_form_shows_core_validation_errors_next_to_fields_and_keeps_the_text() {
    let submitted = RwSignal::new(None::<NewTicket>);
    let form = mount(Locale::En, move || {
        view! { <TicketForm server_errors=Signal::stored(Vec::new()) pending=Signal::stored(false) on_submit=move |t| submitted.set(Some(t)) /> }
    });
    type_into(&form.testid("ticket-title"), "Printer jams");
    type_into(&form.testid("ticket-contact"), "call me");
    form.click("ticket-submit");
    until("field errors", || form.field_error("description").is_some()).await;

    // The errors baton_core::validate::new_ticket finds, each right after its own field.
    assert!(form.field_error("title").is_none(), "the title is valid");
    let description = form.field_error("description").expect("description error");
    assert_eq!(
        description.text_content().as_deref(),
        Some("This field is required.")
    );
    let phone = form.field_error("contact_phone").expect("phone error");
    for (input, error) in [
        ("ticket-description", &description),
        ("ticket-contact", &phone),
    ] {
        let field = form.testid(input).parent_element().expect("field");
        assert!(
            field.contains(Some(error)),
            "{input}'s error sits in its field"
        );
        let described = form
            .testid(input)
            .get_attribute("aria-describedby")
            .unwrap_or_default();
        assert!(
            described.contains(&error.id()),
            "{input} is described by its error"
        );
        assert_eq!(
            form.testid(input).get_attribute("aria-invalid").as_deref(),
            Some("true")
        );
    }
    // Nothing typed is lost, and nothing was sent.
    assert_eq!(value_of(&form.testid("ticket-title")), "Printer jams");
    assert_eq!(value_of(&form.testid("ticket-contact")), "call me");
    assert!(submitted.get_untracked().is_none());

    // Fixed, it goes out exactly as typed.
    type_into(&form.testid("ticket-description"), "It jams on page 2");
    type_into(&form.testid("ticket-contact"), "");
    form.click("ticket-submit");
    until("submitted", || submitted.get_untracked().is_some()).await;
    let sent = submitted.get_untracked().expect("sent");
    assert_eq!(
        (
            sent.title.as_str(),
            sent.description.as_str(),
            sent.contact_phone
        ),
        ("Printer jams", "It jams on page 2", None)
    );
    until("errors cleared", || {
        form.field_error("description").is_none()
    })
    .await;
}

#[wasm_bindgen_test]
async fn ticket_form_shows_server_errors_and_disables_while_sending() {
    let server = RwSignal::new(Vec::<FieldError>::new());
    let pending = RwSignal::new(false);
    let form = mount(Locale::ZhCn, move || {
        view! { <TicketForm server_errors=server pending on_submit=|_| {} /> }
    });
    server.set(vec![FieldError::new("title", "too_long")]);
    until("server error", || form.field_error("title").is_some()).await;
    assert_eq!(
        form.field_error("title")
            .and_then(|e| e.text_content())
            .as_deref(),
        Some("内容过长。")
    );

    pending.set(true);
    until("disabled", || {
        form.testid("ticket-submit").has_attribute("disabled")
    })
    .await;
    pending.set(false);
    until("enabled", || {
        !form.testid("ticket-submit").has_attribute("disabled")
    })
    .await;
}
