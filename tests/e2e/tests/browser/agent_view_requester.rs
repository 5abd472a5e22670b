//! The view editor's requester condition (issue 4's leftover): typing a name or email offers the
//! matching customers (`GET /customers?q=`) in a datalist, by id and labelled "name <email>"; the
//! picked id is what the view stores, and the view lists that customer's tickets only.


use crate::agent_lists_common::*;
use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_requester_condition_offers_customers_by_name_and_stores_the_id() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let bob = ApiClient::login(&base, "bob@customer.test").await;
    let agent_api = ApiClient::login(&base, "agent@baton.test").await;
    let (_, alice_me) = alice.get("/api/v1/me").await;
    let (_, bob_me) = bob.get("/api/v1/me").await;
    let (alice_id, bob_id) = (alice_me["id"].to_string(), bob_me["id"].to_string());
    let hers = alice.create_ticket("Requester picker: Alice's").await;
    let his = bob.create_ticket("Requester picker: Bob's").await;

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "agent@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/agent")).await;
    b.find("view-item").await;
    b.click("view-new").await;
    b.find("view-editor").await;
    b.type_into("view-name", "Alice's tickets").await;
    select_nth(&b, "condition-field", 0, "requester").await;
    b.type_into("condition-value", "alice").await;

    let offered = format!("[data-testid='requester-suggestions'] option[value='{alice_id}']");
    let option = b.find_by(By::Css(offered)).await;
    let label = option.prop("textContent").await.expect("label").unwrap_or_default();
    assert!(label.contains("alice@customer.test"), "{label}");
    let not_offered = format!("[data-testid='requester-suggestions'] option[value='{bob_id}']");
    assert!(b.driver.find_all(By::Css(not_offered)).await.expect("query").is_empty(), "bob offered for 'alice'");
    // The input names the list, so the browser shows it under the field.
    let list = b.find("condition-value").await.attr("list").await.expect("attr").expect("a list");
    let datalist = b.find("requester-suggestions").await.attr("id").await.expect("attr");
    assert_eq!(Some(list), datalist);
    b.assert_accessible("view editor with customer suggestions").await;

    // Picking the suggestion puts its value, the id, in the field.
    b.set_value("condition-value", &alice_id).await;
    b.click("view-save").await;
    b.gone("view-editor").await;
    let (_, views) = agent_api.get("/api/v1/views").await;
    let view = views.as_array().expect("views").iter().find(|v| v["name"] == "Alice's tickets").expect("stored").clone();
    assert_eq!(view["conditions"][0]["field"], "requester", "{view}");
    assert_eq!(view["conditions"][0]["value"].to_string().trim_matches('"'), alice_id, "{view}");
    let listed = api_view_ids(&agent_api, view["id"].as_str().expect("id")).await;
    assert!(listed.contains(&hers) && !listed.contains(&his), "{listed:?}");
    b.quit().await;
}
