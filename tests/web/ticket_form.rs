//! The submit form: validation next to each field, server errors, type and sub-type, every
//! custom field kind, cascading options, the draft, and a retry that keeps its idempotency key.

use crate::fixtures::{catalog, instant_uploader};
use crate::support::*;
use baton::api::ApiError;
use baton::components::ticket::{TicketDraft, TicketForm};
use baton::i18n::Locale;
use baton_core::{FieldError, NewTicket, TicketType};
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod custom_fields;

/// Mounts the form over `types`; returns what it submitted so far.
fn form(
    types: Vec<TicketType>,
    draft_key: Option<&str>,
) -> (
    Mounted,
    RwSignal<Vec<NewTicket>>,
    StoredValue<Option<TicketDraft>>,
) {
    let submitted = RwSignal::new(Vec::<NewTicket>::new());
    let draft_out = StoredValue::new(None::<TicketDraft>);
    let key = draft_key.map(str::to_owned);
    let mounted = mount(Locale::En, move || {
        let draft = TicketDraft::open(key);
        draft_out.set_value(Some(draft));
        view! {
            <TicketForm draft types=Signal::stored(types) server_errors=Signal::stored(Vec::new())
                pending=Signal::stored(false) on_submit=move |t| submitted.update(|s| s.push(t))
                on_upload=instant_uploader() />
        }
    });
    (mounted, submitted, draft_out)
}

#[wasm_bindgen_test]
async fn ticket_form_shows_core_validation_errors_next_to_fields_and_keeps_the_text() {
    let (form, submitted, _) = form(Vec::new(), None);
    type_into(&form.testid("ticket-title"), "Printer jams");
    type_into(&form.testid("ticket-contact"), "call me");
    type_into(&form.testid("ticket-url"), "javascript:alert(1)");
    form.click("ticket-submit");
    until("field errors", || form.field_error("description").is_some()).await;

    // The errors baton_core::validate finds, each right after its own field.
    assert!(form.field_error("title").is_none(), "the title is valid");
    let description = form.field_error("description").expect("description error");
    assert_eq!(
        description.text_content().as_deref(),
        Some("This field is required.")
    );
    let phone = form.field_error("contact_phone").expect("phone error");
    let url = form.field_error("related_url").expect("url error");
    assert_eq!(
        url.text_content().as_deref(),
        Some("Enter a web address starting with http:// or https://.")
    );
    for (input, error) in [
        ("ticket-description", &description),
        ("ticket-contact", &phone),
        ("ticket-url", &url),
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
    assert!(submitted.get_untracked().is_empty());

    // Fixed, it goes out exactly as typed.
    type_into(&form.testid("ticket-description"), "It jams on page 2");
    type_into(&form.testid("ticket-contact"), "");
    type_into(&form.testid("ticket-url"), "https://shop.test/orders/7");
    type_into(&form.testid("ticket-confidential"), "hunter2");
    form.click("ticket-submit");
    until("submitted", || submitted.with_untracked(|s| s.len()) == 1).await;
    let sent = submitted.with_untracked(|s| s[0].clone());
    assert_eq!(
        (
            sent.title.as_str(),
            sent.description.as_str(),
            sent.contact_phone
        ),
        ("Printer jams", "It jams on page 2", None)
    );
    assert_eq!(
        sent.related_url.as_deref(),
        Some("https://shop.test/orders/7")
    );
    assert_eq!(sent.confidential.as_deref(), Some("hunter2"));
    assert!(sent.type_id.is_none() && sent.fields.is_empty());
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
        let draft = TicketDraft::open(None);
        view! { <TicketForm draft types=Signal::stored(Vec::new()) server_errors=server pending on_submit=|_| {} on_upload=instant_uploader() /> }
    });
    server.set(vec![
        FieldError::new("title", "too_long"),
        FieldError::new("fields.gone", "invalid_value"),
    ]);
    until("server error", || form.field_error("title").is_some()).await;
    assert_eq!(
        form.field_error("title")
            .and_then(|e| e.text_content())
            .as_deref(),
        Some("内容过长。")
    );
    assert!(
        form.field_error("fields.gone").is_some(),
        "an error about a field the form does not show is still shown"
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

/// Issue 17: a backend may name a field whose row the form hides (the sub-type of a type that
/// has none): the error goes to the visible summary, by the field's label, never only into the
/// hidden row.
#[wasm_bindgen_test]
async fn an_error_for_a_hidden_row_shows_in_the_summary() {
    let server = RwSignal::new(Vec::<FieldError>::new());
    let form = mount(Locale::En, move || {
        let draft = TicketDraft::open(None);
        view! { <TicketForm draft types=Signal::stored(catalog()) server_errors=server pending=Signal::stored(false) on_submit=|_| {} on_upload=instant_uploader() /> }
    });
    choose(&form.testid("ticket-type"), "2");
    server.set(vec![FieldError::new("subtype_id", "required")]);
    let visible = |e: &web_sys::Element| e.closest("[hidden]").ok().flatten().is_none();
    until("the summary", || form.all("[data-testid='field-error'][data-field='subtype_id']").iter().any(visible)).await;
    let summary = form.find(".form-error[role='alert']").expect("the summary");
    assert!(visible(&summary));
    assert_eq!(summary.text_content().as_deref().map(|t| t.contains("Sub-type: This field is required.")), Some(true), "{:?}", summary.text_content());

    // With a type that has sub-types, the same error sits beside the sub-type's select instead.
    choose(&form.testid("ticket-type"), "1");
    until("beside the select", || form.find(".form-error[role='alert']").is_none()).await;
    let all = form.all("[data-testid='field-error'][data-field='subtype_id']");
    assert_eq!(all.len(), 1, "one error, beside the select");
    assert!(visible(&all[0]));
}

#[wasm_bindgen_test]
async fn the_draft_survives_a_remount_and_goes_once_acknowledged() {
    let key = "baton.draft.test-form.new";
    let (first, _, _) = form(catalog(), Some(key));
    until("type select", || {
        first.find("[data-testid='ticket-type']").is_some()
    })
    .await;
    type_into(&first.testid("ticket-title"), "Half-written");
    type_into(&first.testid("ticket-confidential"), "secret");
    choose(&first.testid("ticket-type"), "1");
    until("type field", || {
        first.find("[data-testid='field-order_no']").is_some()
    })
    .await;
    type_into(&first.testid("field-order_no"), "A-7");
    pick_files(&first.testid("ticket-attachments"), &[("a.txt", "a")]);
    until("upload", || {
        first
            .find("[data-testid='upload'][data-state='done']")
            .is_some()
    })
    .await;
    // Let the autosave effect run.
    until("saved", || {
        window()
            .local_storage()
            .ok()
            .flatten()
            .and_then(|s| s.get_item(key).ok().flatten())
            .is_some_and(|s| s.contains("A-7") && s.contains("a.txt"))
    })
    .await;
    drop(first);

    let (again, _, draft) = form(catalog(), Some(key));
    until("restored", || {
        again
            .find("[data-testid='field-order_no']")
            .is_some_and(|e| value_of(&e) == "A-7")
    })
    .await;
    assert_eq!(value_of(&again.testid("ticket-title")), "Half-written");
    assert_eq!(selected(&again.testid("ticket-type")), "1");
    assert_eq!(
        again.all("[data-testid='upload'][data-state='done']").len(),
        1
    );
    assert_eq!(
        value_of(&again.testid("ticket-confidential")),
        "",
        "secrets are not stored"
    );
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(key).ok().flatten());
    assert!(!stored.unwrap_or_default().contains("secret"));

    draft.get_value().expect("draft").acknowledged();
    let gone = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item(key).ok().flatten());
    assert!(gone.is_none(), "acknowledged drafts are removed");
}

#[wasm_bindgen_test]
async fn after_a_failed_send_retry_sends_the_same_ticket_with_the_same_key() {
    let submitted = RwSignal::new(Vec::<(NewTicket, String)>::new());
    let failure = RwSignal::new(None::<ApiError>);
    let form = mount(Locale::En, move || {
        let draft = TicketDraft::open(None);
        // What the page does: one key per content, the same again for a retry.
        let send = move |t: NewTicket| {
            let key = draft.key_for(&t);
            submitted.update(|s| s.push((t, key)));
        };
        view! {
            <TicketForm draft types=Signal::stored(Vec::new()) server_errors=Signal::stored(Vec::new())
                failure pending=Signal::stored(false) on_submit=send on_upload=instant_uploader() />
        }
    });
    type_into(&form.testid("ticket-title"), "Printer jams");
    type_into(&form.testid("ticket-description"), "Page 2");
    form.click("ticket-submit");
    until("first attempt", || {
        submitted.with_untracked(|s| s.len()) == 1
    })
    .await;
    assert!(form.find("[data-testid='retry']").is_none());

    failure.set(Some(ApiError::Network("offline".into())));
    until("retry offered", || {
        form.find("[data-testid='retry']").is_some()
    })
    .await;
    let message = form.testid("send-error");
    assert_eq!(message.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        message.get_attribute("data-code").as_deref(),
        Some("network")
    );
    assert_eq!(
        value_of(&form.testid("ticket-title")),
        "Printer jams",
        "the text stays"
    );

    form.click("retry");
    until("second attempt", || {
        submitted.with_untracked(|s| s.len()) == 2
    })
    .await;
    let (first, second) = submitted.with_untracked(|s| (s[0].clone(), s[1].clone()));
    assert_eq!(first.0, second.0);
    assert_eq!(first.1, second.1, "a retry reuses the idempotency key");

    type_into(&form.testid("ticket-title"), "Printer jams again");
    form.click("ticket-submit");
    until("third attempt", || {
        submitted.with_untracked(|s| s.len()) == 3
    })
    .await;
    assert_ne!(
        submitted.with_untracked(|s| s[2].1.clone()),
        first.1,
        "edited content, new key"
    );
}
