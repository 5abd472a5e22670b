//! Custom fields of all ten kinds (seed 001) on the demo sub-type "Returns / Return of goods":
//! required ones refused next to the field with nothing lost, cascading options, every value
//! stored and shown back.

use baton_e2e::{ApiClient, Chromedriver, Stack, DEMO_PASSWORD};
use serde_json::json;
use thirtyfour::By;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_field_kind_is_filled_stored_and_shown() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Returns", "Return of goods").await;
    let photo_dir = tempfile::tempdir().expect("temp dir");
    let photo = photo_dir.path().join("parcel.txt");
    std::fs::write(&photo, "a photo's stand-in").expect("write");

    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    b.click("nav-submit").await;
    b.select("ticket-type", &type_id).await;
    b.select("ticket-subtype", &subtype_id).await;
    b.find("field-order_no").await;
    b.assert_accessible("form with every field kind").await;
    b.type_into("ticket-title", "Return a kettle").await;
    b.type_into("ticket-description", "It leaks.").await;
    b.type_into("field-reason", "Leaks from the bottom").await;

    // The two required fields (text, checkbox) are missing: errors beside them, nothing lost.
    b.click("ticket-submit").await;
    b.find_with("field-error", "data-field", "fields.order_no").await;
    b.find_with("field-error", "data-field", "fields.agree").await;
    let reason = b.find("field-reason").await.value().await.expect("value");
    assert_eq!(reason.as_deref(), Some("Leaks from the bottom"));
    let title = b.find("ticket-title").await.value().await.expect("value");
    assert_eq!(title.as_deref(), Some("Return a kettle"));

    b.type_into("field-order_no", "A-1001").await;
    b.type_into("field-amount", "199.5").await;
    b.set_value("field-purchase_date", "2026-11-01").await;
    b.set_value("field-pickup_time", "2026-11-27T10:30").await;
    b.select("field-category", "appliance").await;
    b.find_by(By::Css("[data-testid='field-accessories'] input[value='box']")).await.click().await.expect("box");
    b.find_by(By::Css("[data-testid='field-accessories'] input[value='charger']")).await.click().await.expect("charger");
    b.find_by(By::Css("[data-testid='field-condition'] input[value='used']")).await.click().await.expect("used");
    // Cascading: the city list follows the province.
    b.select("field-province", "zhejiang").await;
    b.find_by(By::Css("[data-testid='field-city'] option[value='hangzhou']")).await;
    b.select("field-province", "guangdong").await;
    b.select("field-city", "shenzhen").await;
    assert!(b
        .driver
        .find_all(By::Css("[data-testid='field-city'] option[value='hangzhou']"))
        .await
        .expect("query")
        .is_empty());
    b.find("field-photos").await.send_keys(photo.display().to_string()).await.expect("choose photo");
    b.find_with("upload", "data-state", "done").await;
    b.click("field-agree").await;
    b.click("ticket-submit").await;

    let detail = b.find_with("ticket-detail", "data-status", "new").await;
    let id = detail.attr("data-ticket-id").await.expect("attr").expect("id");
    let (_, ticket) = alice.get(&format!("/api/v1/tickets/{id}")).await;
    let value = |key: &str| {
        ticket["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|f| f["key"] == key)
            .map(|f| f["value"].clone())
            .unwrap_or_else(|| panic!("no field {key} in {ticket}"))
    };
    assert_eq!(value("order_no"), json!("A-1001"));
    assert_eq!(value("reason"), json!("Leaks from the bottom"));
    assert_eq!(value("amount"), json!(199.5));
    assert_eq!(value("purchase_date"), json!("2026-11-01"));
    assert_eq!(value("pickup_time"), json!("2026-11-27T10:30"));
    assert_eq!(value("category"), json!("appliance"));
    assert_eq!(value("accessories"), json!(["box", "charger"]));
    assert_eq!(value("condition"), json!("used"));
    assert_eq!(value("province"), json!("guangdong"));
    assert_eq!(value("city"), json!("shenzhen"));
    assert_eq!(value("agree"), json!(true));
    assert_eq!(value("photos").as_array().map(Vec::len), Some(1), "{ticket}");

    // Shown back on the ticket page, with option labels rather than codes.
    let page = b.text("ticket-detail").await.expect("detail text");
    for shown in ["A-1001", "Leaks from the bottom", "Home appliance", "Original box", "Charger", "Used", "Guangdong", "Shenzhen", "parcel.txt"] {
        assert!(page.contains(shown), "the ticket page does not show {shown}: {page}");
    }
    b.assert_accessible("ticket with every field kind").await;
    b.quit().await;
}
