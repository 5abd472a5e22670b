//! Remapping shortcuts (issue 4): `?` lists them in a dialog (focus kept inside, Esc closes); in
//! /agent/settings a key bound twice is refused next to the field with what was typed kept; after
//! `next_ticket` becomes `l` and a reload, `l` moves the selection and `j` no longer does; `x`
//! ticks the selected row.


use crate::agent_lists_common::*;
use baton_e2e::{browser::tid, ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::{By, Key};

/// The `aria-rowindex` of the selected row, if one is selected.
async fn selected_row(b: &Browser) -> Option<String> {
    let script = "const e = document.querySelector(\"[data-testid='ticket-row'].selected\"); return e ? e.getAttribute('aria-rowindex') : null;";
    b.driver.execute(script, Vec::new()).await.expect("script").json().as_str().map(str::to_owned)
}

async fn wait_selected(b: &Browser, want: &str) {
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    while selected_row(b).await.as_deref() != Some(want) {
        assert!(std::time::Instant::now() < deadline, "selection at {:?}, wanted {want}", selected_row(b).await);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// Focuses the settings field of `action` and presses `key` in it.
async fn bind(b: &Browser, action: &str, key: &str) {
    let field = b.find_with("shortcut-key", "data-action", action).await;
    field.click().await.expect("focus");
    field.send_keys(key).await.expect("key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn next_ticket_remapped_to_l_moves_the_selection_after_a_reload() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    alice.create_ticket("Shortcuts: first").await;
    alice.create_ticket("Shortcuts: second").await;
    alice.create_ticket("Shortcuts: third").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent?view=all")).await;
    b.find("ticket-row").await;
    press(&b, "j").await;
    wait_selected(&b, "2").await;

    // ? opens the list: labelled, focus inside and kept there, Esc closes.
    press(&b, "?").await;
    b.find("shortcut-help").await;
    b.find_by(By::Css("[data-testid='shortcut-row'][data-action='next_ticket'] kbd")).await;
    b.assert_accessible("shortcuts dialog").await;
    let inside = "return !!document.activeElement.closest(\"[data-testid='shortcut-help']\");";
    for _ in 0..3 {
        b.driver.action_chain().send_keys(Key::Tab).perform().await.expect("tab");
        assert_eq!(b.driver.execute(inside, Vec::new()).await.expect("focus").json(), true, "focus left the dialog");
    }
    b.driver.action_chain().send_keys(Key::Escape).perform().await.expect("esc");
    b.gone("shortcut-help").await;

    // Settings: a clash is refused beside a field, nothing lost; then l is saved.
    b.click("agent-settings-link").await;
    b.find("shortcut-settings").await;
    b.assert_accessible("settings").await;
    bind(&b, "next_ticket", "k").await;
    b.click("shortcut-save").await;
    let error = b.find_by(By::Css("[data-testid='field-error'][data-field^='shortcuts.']")).await;
    let field = error.attr("data-field").await.expect("attr").unwrap_or_default();
    assert!(field == "shortcuts.next_ticket" || field == "shortcuts.prev_ticket", "{field}");
    let typed = b.find_with("shortcut-key", "data-action", "next_ticket").await.value().await.expect("value");
    assert_eq!(typed.as_deref(), Some("k"), "the typed key was lost");
    b.assert_accessible("settings with an error").await;
    bind(&b, "next_ticket", "l").await;
    b.click("shortcut-save").await;
    b.gone_by(By::Css("[data-testid='field-error'][data-field^='shortcuts.']")).await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let (status, settings) = agent_api.get("/api/v1/me/settings").await;
        assert_eq!(status, 200, "{settings}");
        if settings["shortcuts"]["next_ticket"] == "l" {
            assert_eq!(settings["shortcuts"]["prev_ticket"], "k", "{settings}");
            break;
        }
        assert!(std::time::Instant::now() < deadline, "never saved: {settings}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }

    // After a reload the new key moves the selection and the old one does nothing.
    b.goto(&stack.url("/agent?view=all")).await;
    b.find("ticket-row").await;
    b.driver.refresh().await.expect("reload");
    b.find("ticket-row").await;
    // The map arrives with the page; wait until the help dialog shows l.
    press(&b, "?").await;
    b.find_by(By::XPath("//*[@data-testid='shortcut-row'][@data-action='next_ticket']//kbd[normalize-space(.)='l']".to_owned())).await;
    b.driver.action_chain().send_keys(Key::Escape).perform().await.expect("esc");
    b.gone("shortcut-help").await;
    press(&b, "l").await;
    wait_selected(&b, "2").await;
    press(&b, "l").await;
    wait_selected(&b, "3").await;
    press(&b, "j").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    assert_eq!(selected_row(&b).await.as_deref(), Some("3"), "j still moved the selection");
    press(&b, "k").await;
    wait_selected(&b, "2").await;
    // x ticks the selected row for the bulk bar.
    press(&b, "x").await;
    b.find_by(By::Css("[data-testid='ticket-row'][aria-rowindex='2'][aria-selected='true']")).await;
    b.wait_text("bulk-count", |t| t.contains('1')).await;
    assert!(b.driver.find_all(tid("shortcut-help")).await.expect("query").is_empty());
    b.quit().await;
}
