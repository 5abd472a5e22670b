//! Shell-wide pieces: status labels, the language switch, toasts.

use crate::support::*;
use baton::components::layout::LocaleSwitch;
use baton::components::ticket::StatusPill;
use baton::components::ui::ToastHost;
use baton::i18n::{Key, Locale};
use baton::state::locale::I18n;
use baton::state::toasts::Toasts;
use baton_core::Status;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlSelectElement};

#[wasm_bindgen_test]
async fn status_pill_shows_the_customer_label_and_code() {
    let en = mount(
        Locale::En,
        || view! { <StatusPill status=Status::Solved /> },
    );
    let zh = mount(
        Locale::ZhCn,
        || view! { <StatusPill status=Status::Pending /> },
    );
    until("labels", || {
        !en.text("ticket-status").is_empty() && !zh.text("ticket-status").is_empty()
    })
    .await;
    assert_eq!(en.text("ticket-status"), "Solved — please confirm");
    assert_eq!(
        en.testid("ticket-status")
            .get_attribute("data-status")
            .as_deref(),
        Some("solved")
    );
    assert_eq!(zh.text("ticket-status"), "待回复");
    assert_eq!(
        zh.testid("ticket-status")
            .get_attribute("data-status")
            .as_deref(),
        Some("pending")
    );
}

#[wasm_bindgen_test]
async fn locale_switch_changes_visible_text_and_html_lang() {
    let page = mount(
        Locale::En,
        || view! { <LocaleSwitch /> <StatusPill status=Status::New /> },
    );
    until("label", || page.text("ticket-status") == "Received").await;
    let select: HtmlSelectElement = page.testid("locale-switch").unchecked_into();
    assert_eq!(select.value(), "en");

    select.set_value("zh-CN");
    fire(&select, "change");
    until("Chinese", || page.text("ticket-status") == "已受理").await;
    let html = document().document_element().expect("html");
    assert_eq!(html.get_attribute("lang").as_deref(), Some("zh-CN"));
    let stored = window()
        .local_storage()
        .ok()
        .flatten()
        .and_then(|s| s.get_item("baton.locale").ok().flatten());
    assert_eq!(stored.as_deref(), Some("zh-CN"));
    assert_eq!(I18n::detect(), (Locale::ZhCn, true), "the choice is remembered");

    select.set_value("en");
    fire(&select, "change");
    until("English again", || page.text("ticket-status") == "Received").await;
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.remove_item("baton.locale");
    }
}

#[wasm_bindgen_test]
async fn toasts_are_announced_by_kind_and_the_newest_replaces_the_last() {
    let toasts = StoredValue::new(None::<Toasts>);
    let host = mount(Locale::En, move || {
        let t = Toasts::provide();
        toasts.set_value(Some(t));
        view! { <ToastHost toasts=t /> }
    });
    let toasts = toasts.get_value().expect("provided");
    toasts.error(Key::ErrNetwork);
    until("error", || host.find("[data-testid='toast']").is_some()).await;
    let toast = host.testid("toast");
    assert_eq!(
        (
            toast.get_attribute("data-kind").as_deref(),
            toast.get_attribute("role").as_deref()
        ),
        (Some("error"), Some("alert"))
    );

    toasts.success(Key::TicketCreated);
    until("success", || {
        host.testid("toast").get_attribute("data-kind").as_deref() == Some("success")
    })
    .await;
    assert_eq!(host.all("[data-testid='toast']").len(), 1);
    assert_eq!(
        host.testid("toast").get_attribute("role").as_deref(),
        Some("status")
    );
    assert_eq!(
        host.text("toast"),
        "Your ticket has been submitted. We will reply soon."
    );

    host.get(".toast-dismiss")
        .unchecked_into::<HtmlElement>()
        .click();
    until("dismissed", || host.find("[data-testid='toast']").is_none()).await;
}
