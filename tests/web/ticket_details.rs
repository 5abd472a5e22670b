//! The ticket page's new pieces: details with localized labels, a safe related link, attachment
//! links, masked confidential info, who asked, and file uploads with their progress.

use crate::fixtures::{attachment, catalog};
use crate::support::*;
use baton::components::ticket::{
    ConfidentialBox, TicketDetails, TicketHeader, TicketList,
};
use baton::i18n::Locale;
use baton_core::{
    Channel, FieldEntry, FieldValue, Priority, Status, Text, Ticket,
    TicketSummary, TypeRef, UserRef,
};
use leptos::prelude::*;
use wasm_bindgen_test::*;

mod uploads;

fn user(id: i64, name: &str) -> UserRef {
    UserRef {
        id,
        name: name.into(),
    }
}

fn ticket() -> Ticket {
    let entry = |key: &str, value| FieldEntry {
        key: key.into(),
        value,
    };
    Ticket {
        id: 31,
        number: 12,
        title: "Return a kettle".into(),
        description: "It leaks".into(),
        status: Status::Open,
        priority: Priority::Normal,
        channel: Channel::Web,
        requester: user(8, "Bob Li"),
        contact_phone: None,
        created_at: "2026-11-25T10:00:00Z".into(),
        updated_at: "2026-11-25T11:00:00Z".into(),
        allowed_actions: Vec::new(),
        ticket_type: Some(TypeRef {
            id: 1,
            name: Text::en_zh("Orders", "订单"),
        }),
        subtype: Some(TypeRef {
            id: 11,
            name: Text::en_zh("Return", "退货"),
        }),
        related_url: Some("https://shop.test/o/7".into()),
        fields: vec![
            entry("order_no", FieldValue::String("A-1001".into())),
            entry("city", FieldValue::String("sh".into())),
            entry(
                "reasons",
                FieldValue::List(vec!["broken".into(), "late".into()]),
            ),
            entry("agree", FieldValue::Bool(true)),
            entry("amount", FieldValue::Number(49.0)),
            entry("receipt", FieldValue::List(vec!["5".into()])),
            entry("call_at", FieldValue::String("2026-11-28T10:30".into())),
            // Unfilled, as a backend may list them (issue 17): no row.
            entry("notes", FieldValue::String(String::new())),
            entry("bought_on", FieldValue::List(Vec::new())),
        ],
        attachments: vec![attachment(5, "receipt.pdf"), attachment(6, "photo.png")],
        confidential_set: true,
        rating: None,
        rating_comment: None,
        staff: None,
        reply_by: None,
    }
}

#[wasm_bindgen_test]
async fn details_show_localized_types_labels_and_option_labels() {
    let page = mount(
        Locale::ZhCn,
        || view! { <TicketDetails ticket=ticket() types=catalog() /> },
    );
    until("details", || {
        page.find("[data-testid='ticket-type-name']").is_some()
    })
    .await;
    assert_eq!(page.text("ticket-type-name"), "订单");
    assert_eq!(page.text("ticket-subtype-name"), "退货");
    let dd = |key: &str| {
        page.get(&format!("dd[data-field='{key}']"))
            .text_content()
            .unwrap_or_default()
    };
    assert_eq!(dd("order_no"), "A-1001");
    assert_eq!(dd("city"), "上海", "an option's label, not its value");
    assert_eq!(dd("reasons"), "损坏, 迟到");
    assert_eq!(dd("agree"), "是");
    assert_eq!(dd("amount"), "49");
    assert!(page.find("dd[data-field='notes']").is_none(), "an empty value has no row");
    assert!(page.find("dd[data-field='bought_on']").is_none(), "an empty list has no row");
    assert!(
        page.text_of_all("dt").iter().any(|t| t == "标签 order_no"),
        "labels in the locale"
    );

    let call_at = dd("call_at");
    assert!(
        call_at.contains("2026") && !call_at.contains("T10"),
        "a local date-time: {call_at}"
    );

    // The receipt shows in its field, the photo in the list: each file once.
    let links = page.all("[data-testid='attachment']");
    assert_eq!(links.len(), 2);
    assert_eq!(
        links[0].get_attribute("href").as_deref(),
        Some("/api/v1/attachments/5")
    );
    assert_eq!(links[0].text_content().as_deref(), Some("receipt.pdf"));
    assert_eq!(links[1].text_content().as_deref(), Some("photo.png"));

    let url = page.testid("ticket-url-link");
    assert_eq!(url.tag_name(), "A");
    assert_eq!(
        url.get_attribute("rel").as_deref(),
        Some("noopener noreferrer nofollow")
    );
}

#[wasm_bindgen_test]
async fn a_related_url_that_is_not_http_is_never_a_link() {
    let mut t = ticket();
    t.related_url = Some("javascript:alert(1)".into());
    let page = mount(
        Locale::En,
        move || view! { <TicketDetails ticket=t.clone() types=Vec::new() /> },
    );
    until("details", || {
        page.find("[data-testid='ticket-url-link']").is_some()
    })
    .await;
    assert_eq!(page.testid("ticket-url-link").tag_name(), "SPAN");
    // Without the catalog, values show as stored under their keys.
    assert_eq!(
        page.get("dd[data-field='city']").text_content().as_deref(),
        Some("sh")
    );
}

#[wasm_bindgen_test]
async fn confidential_info_is_masked_and_only_the_requester_may_replace_it() {
    let value = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<String>);
    let mine = mount(Locale::En, move || {
        view! { <ConfidentialBox set=true can_edit=true value errors=Signal::stored(Vec::new())
        pending=Signal::stored(false) on_save=move |v| saved.set(Some(v)) /> }
    });
    until("box", || {
        mine.find("[data-testid='confidential-masked']").is_some()
    })
    .await;
    assert_eq!(mine.text("confidential-masked"), "••••••••");
    let input = mine.testid("confidential-edit");
    assert_eq!(input.get_attribute("type").as_deref(), Some("password"));
    mine.click("confidential-edit-toggle");
    until("shown", || {
        mine.testid("confidential-edit")
            .get_attribute("type")
            .as_deref()
            == Some("text")
    })
    .await;
    type_into(&input, "new-pass");
    mine.click("confidential-save");
    until("saved", || saved.get_untracked().is_some()).await;
    assert_eq!(saved.get_untracked().as_deref(), Some("new-pass"));

    let theirs = mount(Locale::En, move || {
        view! { <ConfidentialBox set=true can_edit=false value=RwSignal::new(String::new())
        errors=Signal::stored(Vec::new()) pending=Signal::stored(false) on_save=|_| {} /> }
    });
    until("box", || {
        theirs.find("[data-testid='confidential-masked']").is_some()
    })
    .await;
    assert!(theirs.find("[data-testid='confidential-edit']").is_none());
    assert!(theirs.find("[data-testid='confidential-save']").is_none());
}

#[wasm_bindgen_test]
async fn tickets_of_other_group_members_say_who_asked() {
    let row = |id, requester| TicketSummary {
        id,
        number: id,
        title: format!("Ticket {id}"),
        status: Status::Open,
        priority: Priority::Normal,
        requester,
        created_at: "2026-11-25T10:00:00Z".into(),
        updated_at: "2026-11-25T11:00:00Z".into(),
        type_name: None,
    };
    let rows = vec![row(2, user(8, "Bob Li")), row(1, user(7, "Alice"))];
    let list = mount(
        Locale::En,
        move || view! { <TicketList tickets=Signal::stored(rows.clone()) viewer=Some(7) /> },
    );
    until("rows", || list.all("[data-testid='ticket-row']").len() == 2).await;
    let asked = list.all("[data-testid='ticket-requester']");
    assert_eq!(asked.len(), 1, "only the other member's row");
    assert_eq!(asked[0].text_content().as_deref(), Some("Asked by Bob Li"));

    let head = mount(
        Locale::ZhCn,
        || view! { <TicketHeader ticket=ticket() viewer=Some(7) /> },
    );
    until("header", || {
        head.find("[data-testid='ticket-requester']").is_some()
    })
    .await;
    assert_eq!(head.text("ticket-requester"), "提交人：Bob Li");
    let own = mount(
        Locale::En,
        || view! { <TicketHeader ticket=ticket() viewer=Some(8) /> },
    );
    until("header", || own.find("h1").is_some()).await;
    assert!(own.find("[data-testid='ticket-requester']").is_none());
}

#[wasm_bindgen_test]
async fn the_desk_promises_its_reply_while_the_time_is_ahead() {
    let promised = |at: &str| Ticket { reply_by: Some(at.into()), ..ticket() };
    let ahead = promised("2099-01-01T00:00:00Z");
    let head = mount(Locale::En, move || view! { <TicketHeader ticket=ahead.clone() viewer=Some(7) /> });
    until("promise", || head.find("[data-testid='ticket-reply-by']").is_some()).await;
    assert!(head.text("ticket-reply-by").starts_with("We will reply by "), "{}", head.text("ticket-reply-by"));
    assert_eq!(head.get("[data-testid='ticket-reply-by'] time").get_attribute("datetime").as_deref(), Some("2099-01-01T00:00:00Z"));
    let zh = promised("2099-01-01T00:00:00Z");
    let head_zh = mount(Locale::ZhCn, move || view! { <TicketHeader ticket=zh.clone() viewer=Some(7) /> });
    until("承诺", || head_zh.find("[data-testid='ticket-reply-by']").is_some()).await;
    assert!(head_zh.text("ticket-reply-by").starts_with("我们将在 "), "{}", head_zh.text("ticket-reply-by"));
    for none in [promised("2000-01-01T00:00:00Z"), ticket()] {
        let head = mount(Locale::En, move || view! { <TicketHeader ticket=none.clone() viewer=Some(7) /> });
        until("header", || head.find("h1").is_some()).await;
        assert!(head.find("[data-testid='ticket-reply-by']").is_none(), "a past promise or none is not shown");
    }
}

