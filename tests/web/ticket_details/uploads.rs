//! File uploads on the ticket page: progress, then the result, and removing one.

use crate::fixtures::{attachment, manual_uploader};
use crate::support::*;
use baton::api::ApiError;
use baton::components::ticket::ReplyBox;
use baton::components::ui::Upload;
use baton::i18n::{Key, Locale};
use baton_core::{
    NewMessage, Problem,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn uploads_show_progress_then_the_result_and_can_be_removed() {
    let started = RwSignal::new(Vec::<Upload>::new());
    let body = RwSignal::new(String::new());
    let files = RwSignal::new(Vec::<Upload>::new());
    let sent = RwSignal::new(None::<NewMessage>);
    let failure = RwSignal::new(None::<ApiError>);
    let reply = mount(Locale::En, move || {
        view! { <ReplyBox body files on_upload=manual_uploader(started) server_errors=Signal::stored(Vec::new())
        failure pending=Signal::stored(false) on_send=move |m| sent.set(Some(m)) /> }
    });
    pick_files(
        &reply.testid("reply-attachments"),
        &[("log.txt", "x"), ("virus.exe", "y")],
    );
    until("two rows", || {
        reply.all("[data-testid='upload']").len() == 2
    })
    .await;
    let (log, exe) = started.with_untracked(|s| (s[0].clone(), s[1].clone()));
    log.progress.set(0.4);
    until("progress", || {
        reply
            .find("[role='progressbar'][aria-valuenow='40']")
            .is_some()
    })
    .await;
    let bar = reply.get("[role='progressbar']");
    assert_eq!(
        bar.get_attribute("aria-label").as_deref(),
        Some("Uploading log.txt")
    );

    // Sending waits for the uploads.
    type_into(&reply.testid("reply-body"), "See the log");
    reply.click("reply-send");
    until("wait", || reply.field_error("attachment_ids").is_some()).await;
    assert!(sent.get_untracked().is_none());

    log.result.set(Some(Ok(attachment(9, "log.txt"))));
    exe.result.set(Some(Err(Key::FieldFileType)));
    until("results", || {
        reply
            .all("[data-testid='upload'][data-state='failed']")
            .len()
            == 1
    })
    .await;
    let refused =
        reply.get("[data-testid='upload'][data-state='failed'] [data-testid='field-error']");
    assert_eq!(refused.get_attribute("data-field").as_deref(), Some("file"));
    assert_eq!(
        refused.text_content().as_deref(),
        Some("This type of file is not accepted.")
    );
    reply
        .get("[data-testid='upload'][data-state='failed'] [data-testid='upload-remove']")
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    until("removed", || reply.all("[data-testid='upload']").len() == 1).await;

    reply.click("reply-send");
    until("sent", || sent.get_untracked().is_some()).await;
    assert_eq!(
        sent.get_untracked().map(|m| m.attachment_ids),
        Some(vec![9])
    );

    // A server error keeps the text and offers a retry that sends the same message.
    sent.set(None);
    failure.set(Some(ApiError::Problem(Problem::new(
        503,
        "internal",
        "Service Unavailable",
    ))));
    until("retry", || reply.find("[data-testid='retry']").is_some()).await;
    reply.click("retry");
    until("resent", || sent.get_untracked().is_some()).await;
    assert_eq!(
        sent.get_untracked().map(|m| m.body),
        Some("See the log".into())
    );
    assert_eq!(body.get_untracked(), "See the log");
}
