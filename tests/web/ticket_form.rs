//! The submit form: validation next to each field, server errors, type and sub-type, every
//! custom field kind, cascading options, the draft, and a retry that keeps its idempotency key.

use crate::fixtures::{catalog, instant_uploader};
use crate::support::*;
use baton::api::ApiError;
use baton::components::ticket::{TicketDraft, TicketForm};
use baton::i18n::Locale;
use baton_core::{FieldError, FieldValue, NewTicket, TicketType};
use leptos::prelude::*;
use wasm_bindgen_test::*;

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

#[wasm_bindgen_test]
async fn the_form_renders_every_field_kind_of_the_chosen_type_and_sub_type() {
    let (form, _, _) = form(catalog(), None);
    until("type select", || {
        form.find("[data-testid='ticket-type']").is_some()
    })
    .await;
    assert_eq!(option_values(&form.testid("ticket-type")), ["", "1", "2"]);
    assert!(
        hidden(&form.testid("ticket-subtype")),
        "no type, no sub-types"
    );
    assert!(form.find("[data-testid='field-order_no']").is_none());

    choose(&form.testid("ticket-type"), "1");
    until("sub-type select", || {
        !hidden(&form.testid("ticket-subtype"))
    })
    .await;
    assert_eq!(option_values(&form.testid("ticket-subtype")), ["", "11"]);
    assert!(
        form.find("[data-testid='field-order_no']").is_some(),
        "the type's own field"
    );
    assert!(
        form.find("[data-testid='field-notes']").is_none(),
        "sub-type fields wait for it"
    );

    choose(&form.testid("ticket-subtype"), "11");
    until("sub-type fields", || {
        form.find("[data-testid='field-notes']").is_some()
    })
    .await;
    let expect = [
        ("order_no", "INPUT", Some("text")),
        ("notes", "TEXTAREA", None),
        ("amount", "INPUT", None),
        ("bought_on", "INPUT", Some("date")),
        ("call_at", "INPUT", Some("datetime-local")),
        ("country", "SELECT", None),
        ("city", "SELECT", None),
        ("reasons", "FIELDSET", None),
        ("channel", "FIELDSET", None),
        ("agree", "INPUT", Some("checkbox")),
        ("receipt", "INPUT", Some("file")),
    ];
    for (key, tag, input_type) in expect {
        let el = form.testid(&format!("field-{key}"));
        assert_eq!(el.tag_name(), tag, "{key}");
        if key == "amount" {
            // A number: `type=number`, or a text input with a decimal keypad.
            let numeric = el.get_attribute("type").as_deref() == Some("number")
                || el.get_attribute("inputmode").as_deref() == Some("decimal");
            assert!(numeric, "amount takes numbers");
        } else {
            assert_eq!(el.get_attribute("type").as_deref(), input_type, "{key}");
        }
        // Every input has a label naming it in the current locale.
        let label = if tag == "FIELDSET" {
            el.query_selector("legend").ok().flatten()
        } else {
            form.find(&format!("label[for='field-{key}']"))
        };
        let text = label.and_then(|l| l.text_content()).unwrap_or_default();
        assert!(
            text.contains(&format!("Label {key}")),
            "{key} is labelled: {text}"
        );
    }
    // Required: aria-required where the role takes it, and a visible mark in every label.
    for key in ["order_no", "country", "agree"] {
        let el = form.testid(&format!("field-{key}"));
        assert_eq!(
            el.get_attribute("aria-required").as_deref(),
            Some("true"),
            "{key}"
        );
        assert!(
            form.find(&format!("label[for='field-{key}'] .required-mark"))
                .is_some(),
            "{key}"
        );
    }
    let channel = form.testid("field-channel");
    assert_eq!(channel.get_attribute("role").as_deref(), Some("radiogroup"));
    assert_eq!(
        channel.get_attribute("aria-required").as_deref(),
        Some("true")
    );
    assert_eq!(
        channel
            .query_selector_all("input[type='radio']")
            .map(|l| l.length())
            .ok(),
        Some(2)
    );
    let reasons = form.testid("field-reasons");
    assert_eq!(
        reasons
            .query_selector_all("input[type='checkbox']")
            .map(|l| l.length())
            .ok(),
        Some(2)
    );
    assert!(form
        .find("[data-testid='field-order_no'][aria-describedby='field-order_no-hint']")
        .is_some());

    // Another type, without sub-types: its (no) fields replace the others.
    choose(&form.testid("ticket-type"), "2");
    until("fields gone", || {
        form.find("[data-testid='field-order_no']").is_none()
    })
    .await;
    assert!(hidden(&form.testid("ticket-subtype")));
}

#[wasm_bindgen_test]
async fn cascading_options_follow_the_parent_and_reset_when_it_changes() {
    let (form, _, _) = form(catalog(), None);
    until("type select", || {
        form.find("[data-testid='ticket-type']").is_some()
    })
    .await;
    choose(&form.testid("ticket-type"), "1");
    until("sub-type", || !hidden(&form.testid("ticket-subtype"))).await;
    choose(&form.testid("ticket-subtype"), "11");
    until("fields", || {
        form.find("[data-testid='field-city']").is_some()
    })
    .await;
    assert_eq!(
        option_values(&form.testid("field-city")),
        [""],
        "no parent value, no options"
    );

    choose(&form.testid("field-country"), "cn");
    until("Chinese cities", || {
        option_values(&form.testid("field-city")) == ["", "sh", "bj"]
    })
    .await;
    choose(&form.testid("field-city"), "bj");
    until("chosen", || selected(&form.testid("field-city")) == "bj").await;

    choose(&form.testid("field-country"), "us");
    until("American cities", || {
        option_values(&form.testid("field-city")) == ["", "ny"]
    })
    .await;
    until("reset", || selected(&form.testid("field-city")).is_empty()).await;
}

#[wasm_bindgen_test]
async fn a_missing_required_custom_field_is_marked_next_to_it_and_nothing_typed_is_lost() {
    let (form, submitted, _) = form(catalog(), None);
    until("type select", || {
        form.find("[data-testid='ticket-type']").is_some()
    })
    .await;
    type_into(&form.testid("ticket-title"), "Return a kettle");
    type_into(&form.testid("ticket-description"), "It leaks");
    choose(&form.testid("ticket-type"), "1");
    until("sub-type", || !hidden(&form.testid("ticket-subtype"))).await;
    choose(&form.testid("ticket-subtype"), "11");
    until("fields", || {
        form.find("[data-testid='field-notes']").is_some()
    })
    .await;
    type_into(&form.testid("field-notes"), "Bought as a gift");
    type_into(&form.testid("field-amount"), "49.5");
    choose(&form.testid("field-country"), "cn");
    until("cities", || {
        option_values(&form.testid("field-city")).len() == 3
    })
    .await;
    choose(&form.testid("field-city"), "sh");
    form.click("ticket-submit");

    until("errors", || form.field_error("fields.order_no").is_some()).await;
    let error = form.field_error("fields.order_no").expect("order_no error");
    let field = form
        .testid("field-order_no")
        .parent_element()
        .expect("field");
    assert!(
        field.contains(Some(&error)),
        "the error sits next to its input"
    );
    let described = form
        .testid("field-order_no")
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(described.contains("field-order_no-error"), "{described}");
    assert!(
        form.field_error("fields.channel").is_some(),
        "required radio group"
    );
    assert!(
        form.field_error("fields.agree").is_some(),
        "required agreement"
    );
    assert!(form.field_error("fields.notes").is_none());
    assert!(submitted.get_untracked().is_empty());
    assert_eq!(value_of(&form.testid("field-notes")), "Bought as a gift");
    assert_eq!(value_of(&form.testid("field-amount")), "49.5");
    assert_eq!(selected(&form.testid("field-city")), "sh");
    assert_eq!(value_of(&form.testid("ticket-title")), "Return a kettle");

    type_into(&form.testid("field-order_no"), "A-1001");
    until("the mark follows the correction", || {
        form.field_error("fields.order_no").is_none()
    })
    .await;
    assert!(
        form.field_error("fields.agree").is_some(),
        "the others stay until fixed"
    );
    let shop = form.get("[data-testid='field-channel'] input[value='web']");
    check(&shop, true);
    check(
        &form.get("[data-testid='field-reasons'] input[value='late']"),
        true,
    );
    check(&form.testid("field-agree"), true);
    pick_files(&form.testid("field-receipt"), &[("receipt.txt", "paid")]);
    pick_files(
        &form.testid("ticket-attachments"),
        &[("photo.png", "png"), ("log.txt", "log")],
    );
    until("uploads listed", || {
        form.all("[data-testid='upload']").len() == 3
    })
    .await;
    form.click("ticket-submit");
    until("sent", || submitted.with_untracked(|s| s.len()) == 1).await;
    let sent = submitted.with_untracked(|s| s[0].clone());
    assert_eq!((sent.type_id, sent.subtype_id), (Some(1), Some(11)));
    let value = |key: &str| sent.fields.get(key).cloned();
    assert_eq!(value("order_no"), Some(FieldValue::String("A-1001".into())));
    assert_eq!(value("amount"), Some(FieldValue::Number(49.5)));
    assert_eq!(value("city"), Some(FieldValue::String("sh".into())));
    assert_eq!(value("channel"), Some(FieldValue::String("web".into())));
    assert_eq!(
        value("reasons"),
        Some(FieldValue::List(vec!["late".into()]))
    );
    assert_eq!(value("agree"), Some(FieldValue::Bool(true)));
    assert_eq!(value("receipt"), Some(FieldValue::List(vec!["100".into()])));
    assert_eq!(
        value("bought_on"),
        None,
        "empty optional fields are left out"
    );
    assert_eq!(sent.attachment_ids, [101, 102]);
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
