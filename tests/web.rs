//! Browser tests of real components: mount, act like a user, wait for the DOM, assert.
//! Elements are found by `data-testid` (shared/SELECTORS.md), never by text or position.
//! Run with `cargo test -p baton --target wasm32-unknown-unknown` (headless Chromium).

#![cfg(target_arch = "wasm32")]

use baton::components::layout::LocaleSwitch;
use baton::components::ticket::{
    MessageItem, RatingForm, ReplyBox, StatusPill, TicketActions, TicketForm, TicketList,
};
use baton::components::ui::ToastHost;
use baton::i18n::{Key, Locale};
use baton::state::locale::I18n;
use baton::state::toasts::Toasts;
use baton_core::{
    Action, FieldError, Message, MessageKind, NewMessage, NewTicket, Priority, Status,
    StatusChange, TicketAction, TicketSummary, UserRef,
};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A mounted component in its own `<div>`; unmounted and removed when dropped.
struct Mounted {
    root: HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
    }
}

impl Mounted {
    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).expect("valid selector")
    }

    fn get(&self, selector: &str) -> Element {
        self.find(selector)
            .unwrap_or_else(|| panic!("no element {selector} in {}", self.root.inner_html()))
    }

    fn testid(&self, id: &str) -> Element {
        self.get(&format!("[data-testid='{id}']"))
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self
            .root
            .query_selector_all(selector)
            .expect("valid selector");
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<Element>().ok())
            .collect()
    }

    fn click(&self, id: &str) {
        self.testid(id).unchecked_into::<HtmlElement>().click();
    }

    fn text(&self, id: &str) -> String {
        self.testid(id)
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    fn field_error(&self, field: &str) -> Option<Element> {
        self.find(&format!(
            "[data-testid='field-error'][data-field='{field}']"
        ))
    }
}

/// Mounts `view` with the locale context in `locale`, as the app's root provides it.
fn mount<V: IntoView + 'static>(locale: Locale, view: impl FnOnce() -> V + 'static) -> Mounted {
    let document = document();
    let root: HtmlElement = document
        .create_element("div")
        .expect("div")
        .unchecked_into();
    document
        .body()
        .expect("body")
        .append_child(&root)
        .expect("append");
    let handle = leptos::mount::mount_to(root.clone(), move || {
        I18n::provide(locale);
        view()
    });
    Mounted {
        root,
        _handle: Box::new(handle),
    }
}

/// Lets the reactive system run until `condition` holds (or fails the test after many ticks).
async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..100 {
        if condition() {
            return;
        }
        tick().await;
    }
    panic!("timed out waiting for: {what}");
}

/// Types `value` into an input or textarea as a user would (value, then a bubbling `input`).
fn type_into(el: &Element, value: &str) {
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    }
    fire(el, "input");
}

fn fire(el: &Element, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict(kind, &init).expect("event");
    el.dispatch_event(&event).expect("dispatch");
}

fn value_of(el: &Element) -> String {
    el.dyn_ref::<HtmlInputElement>()
        .map(HtmlInputElement::value)
        .or_else(|| {
            el.dyn_ref::<HtmlTextAreaElement>()
                .map(HtmlTextAreaElement::value)
        })
        .unwrap_or_default()
}

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
    assert_eq!(I18n::detect(), Locale::ZhCn, "the choice is remembered");

    select.set_value("en");
    fire(&select, "change");
    until("English again", || page.text("ticket-status") == "Received").await;
    if let Some(storage) = window().local_storage().ok().flatten() {
        let _ = storage.remove_item("baton.locale");
    }
}

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
async fn ticket_list_rows_link_to_tickets_with_their_status() {
    let row = |id, number, status| TicketSummary {
        id,
        number,
        title: format!("Ticket {number}"),
        status,
        priority: Priority::Normal,
        requester: UserRef {
            id: 7,
            name: "Alice".into(),
        },
        created_at: "2026-11-25T10:00:00Z".into(),
        updated_at: "2026-11-25T11:00:00Z".into(),
    };
    let tickets = vec![row(31, 12, Status::Open), row(30, 11, Status::Rated)];
    let list = mount(
        Locale::ZhCn,
        move || view! { <TicketList tickets=Signal::stored(tickets) /> },
    );
    until("rows", || list.all("[data-testid='ticket-row']").len() == 2).await;
    let rows = list.all("[data-testid='ticket-row']");
    let attr = |i: usize, name: &str| rows[i].get_attribute(name).unwrap_or_default();
    assert_eq!(
        (
            attr(0, "data-ticket-id"),
            attr(0, "data-status"),
            attr(0, "href")
        ),
        ("31".into(), "open".into(), "/tickets/31".into())
    );
    assert_eq!(
        (attr(1, "data-ticket-id"), attr(1, "data-status")),
        ("30".into(), "rated".into())
    );
    let text = rows[0].text_content().unwrap_or_default();
    assert!(
        text.contains("#12") && text.contains("Ticket 12") && text.contains("处理中"),
        "{text}"
    );
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
