//! The pieces of a ticket page: thread entries, the reply box, lifecycle actions, rating.

use crate::support::*;
use baton::components::ticket::{MessageItem, RatingForm, ReplyBox, TicketActions};
use baton::i18n::Locale;
use baton_core::{
    Action, Message, MessageKind, NewMessage, Status, StatusChange, TicketAction, UserRef,
};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
async fn only_allowed_actions_show_and_close_asks_first() {
    let chosen = RwSignal::new(Vec::<Action>::new());
    let solved = mount(Locale::En, move || {
        view! { <TicketActions actions=vec![Action::Confirm] pending=Signal::stored(false) on_action=move |a| chosen.update(|c| c.push(a)) /> }
    });
    until("confirm", || {
        solved.find("[data-testid='action-confirm']").is_some()
    })
    .await;
    assert!(solved.find("[data-testid='action-close']").is_none());
    solved.click("action-confirm");
    until("confirmed", || chosen.get_untracked() == [Action::Confirm]).await;

    let open = mount(Locale::En, move || {
        view! { <TicketActions actions=vec![Action::Close] pending=Signal::stored(false) on_action=move |a| chosen.update(|c| c.push(a)) /> }
    });
    until("close", || {
        open.find("[data-testid='action-close']").is_some()
    })
    .await;
    assert!(open.find("[data-testid='action-confirm']").is_none());
    let panel = open.get("#close-confirm");
    assert!(panel.has_attribute("hidden"));
    open.click("action-close");
    until("asked", || {
        !open.get("#close-confirm").has_attribute("hidden")
    })
    .await;
    assert_eq!(
        chosen.get_untracked(),
        [Action::Confirm],
        "one click does not close"
    );
    open.click("action-close-cancel");
    until("cancelled", || {
        open.get("#close-confirm").has_attribute("hidden")
    })
    .await;
    open.click("action-close");
    open.click("action-close-confirm");
    until("closed", || {
        chosen.get_untracked() == [Action::Confirm, Action::Close]
    })
    .await;

    let nothing = mount(
        Locale::En,
        || view! { <TicketActions actions=vec![] pending=Signal::stored(false) on_action=|_| {} /> },
    );
    tick().await;
    assert!(nothing.find("button").is_none());
}

#[wasm_bindgen_test]
async fn rating_needs_a_star_and_sends_the_choice() {
    let stars = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<TicketAction>);
    let form = mount(Locale::En, move || {
        view! { <RatingForm stars comment server_errors=Signal::stored(Vec::new()) pending=Signal::stored(false) on_rate=move |a| sent.set(Some(a)) /> }
    });
    form.click("rating-submit");
    until("rating required", || form.field_error("rating").is_some()).await;
    assert!(sent.get_untracked().is_none());

    form.click("rating-star-4");
    until("pressed", || {
        form.testid("rating-star-4")
            .get_attribute("aria-pressed")
            .as_deref()
            == Some("true")
    })
    .await;
    assert_eq!(
        form.testid("rating-star-5")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false")
    );
    assert_eq!(
        form.testid("rating-star-4")
            .get_attribute("aria-label")
            .as_deref(),
        Some("4 out of 5 stars")
    );
    type_into(&form.testid("rating-comment"), "Quick and kind");
    form.click("rating-submit");
    until("sent", || sent.get_untracked().is_some()).await;
    let action = sent.get_untracked().expect("sent");
    assert_eq!(
        (action.action, action.rating, action.comment.as_deref()),
        (Action::Rate, Some(4), Some("Quick and kind"))
    );
}

#[wasm_bindgen_test]
async fn reply_box_refuses_an_empty_message_and_keeps_the_text_it_sends() {
    let body = RwSignal::new(String::new());
    let sent = RwSignal::new(None::<NewMessage>);
    let reply = mount(Locale::En, move || {
        view! { <ReplyBox body server_errors=Signal::stored(Vec::new()) pending=Signal::stored(false) on_send=move |m| sent.set(Some(m)) /> }
    });
    type_into(&reply.testid("reply-body"), "   ");
    reply.click("reply-send");
    until("required", || reply.field_error("body").is_some()).await;
    assert!(sent.get_untracked().is_none());
    type_into(&reply.testid("reply-body"), "Still broken");
    reply.click("reply-send");
    until("sent", || sent.get_untracked().is_some()).await;
    assert_eq!(
        sent.get_untracked().map(|m| (m.body, m.kind)),
        Some(("Still broken".into(), MessageKind::Public))
    );
    assert_eq!(
        body.get_untracked(),
        "Still broken",
        "the page clears it only once the server took it"
    );
}

#[wasm_bindgen_test]
async fn system_entries_read_as_translated_status_changes_and_user_text_stays_text() {
    let message = |id, kind, body: &str, change| Message {
        id,
        ticket_id: 1,
        kind,
        author: (kind != MessageKind::System).then(|| UserRef {
            id: 7,
            name: "Alice".into(),
        }),
        body: body.into(),
        status_change: change,
        created_at: "2026-11-25T23:40:00Z".into(),
        attachments: Vec::new(),
    };
    let change = StatusChange {
        from: Status::Open,
        to: Status::Solved,
    };
    let system = message(1, MessageKind::System, "", Some(change));
    let public = message(2, MessageKind::Public, "<b>not bold</b>", None);
    let thread = mount(
        Locale::En,
        move || view! { <ul><MessageItem message=system /><MessageItem message=public /></ul> },
    );
    until("messages", || {
        thread.all("[data-testid='message']").len() == 2
    })
    .await;
    let entries = thread.all("[data-testid='message']");
    assert_eq!(
        entries[0].get_attribute("data-kind").as_deref(),
        Some("system")
    );
    let body = |i: usize| {
        entries[i]
            .query_selector("[data-testid='message-body']")
            .ok()
            .flatten()
            .expect("body")
    };
    assert_eq!(
        body(0).text_content().as_deref(),
        Some("Status changed: In progress → Solved — please confirm")
    );
    assert_eq!(
        entries[1].get_attribute("data-kind").as_deref(),
        Some("public")
    );
    assert_eq!(body(1).text_content().as_deref(), Some("<b>not bold</b>"));
    assert!(
        body(1).query_selector("b").ok().flatten().is_none(),
        "never parsed as HTML"
    );
}

#[wasm_bindgen_test]
async fn a_long_thread_shows_its_latest_entries_and_earlier_ones_on_demand() {
    use baton::components::ticket::Thread;
    let messages: Vec<Message> = (1..=250)
        .map(|i| Message {
            id: i,
            ticket_id: 1,
            kind: MessageKind::Public,
            author: Some(UserRef { id: 7, name: "Alice".into() }),
            body: format!("entry {i}"),
            status_change: None,
            created_at: "2026-11-25T23:40:00Z".into(),
            attachments: Vec::new(),
        })
        .collect();
    let page = mount(Locale::En, move || view! { <Thread messages=messages.clone() /> });
    let count = || page.all("[data-testid='message']").len();
    until("the latest hundred", || count() == 100).await;
    let bodies = page.all("[data-testid='message-body']");
    assert_eq!(bodies.first().and_then(|b| b.text_content()).as_deref(), Some("entry 151"));
    assert_eq!(bodies.last().and_then(|b| b.text_content()).as_deref(), Some("entry 250"));
    assert_eq!(page.get("[data-testid='thread-earlier']").text_content().as_deref(), Some("Show earlier messages (150 more)"));
    page.click("thread-earlier");
    until("two hundred", || count() == 200).await;
    page.click("thread-earlier");
    until("all of them", || count() == 250).await;
    assert!(page.find("[data-testid='thread-earlier']").is_none(), "nothing earlier is left");
    assert_eq!(page.all("[data-testid='message-body']")[0].text_content().as_deref(), Some("entry 1"));
}
