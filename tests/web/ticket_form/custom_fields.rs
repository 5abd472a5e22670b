//! The submit form's custom fields: every kind of the chosen type and sub-type, cascading options,
//! a missing required field marked next to it.

use super::form;
use crate::fixtures::catalog;
use crate::support::*;
use baton_core::FieldValue;
use leptos::prelude::*;
use wasm_bindgen_test::*;

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
