//! The catalog's setup in Chromium (issue 12): the owner makes a dictionary, a ticket type with
//! a sub-type and a select field taking its options from the dictionary on `/admin/types`
//! (axe-clean, with the forms open), and the customer's new-ticket form then offers the type,
//! the sub-type and the field with the dictionary's options — under the names the owner gave them
//! when renaming them on the page.

use baton_e2e::{ApiClient, Browser, Chromedriver, Stack, DEMO_PASSWORD};
use thirtyfour::By;

/// Types `text` into the element `css` finds (waiting for it).
async fn type_at(b: &Browser, css: &str, text: &str) {
    let input = b.find_by(By::Css(css.to_owned())).await;
    input.clear().await.expect("clear");
    input.send_keys(text).await.expect("type");
}

async fn click_at(b: &Browser, css: &str) {
    b.find_by(By::Css(css.to_owned())).await.click().await.expect("click");
}

/// Chooses `value` in the `<select>` `css` finds, waiting for the option.
async fn choose_at(b: &Browser, css: &str, value: &str) {
    click_at(b, &format!("{css} option[value='{value}']")).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_owner_sets_up_a_type_and_the_customer_form_offers_it() {
    let stack = Stack::start().await;
    let base = stack.base_url();
    let chromedriver = Chromedriver::start().await;
    let b = chromedriver.browser("en").await;
    b.login(&base, "owner@baton.test", DEMO_PASSWORD).await;
    b.goto(&stack.url("/admin/types")).await;
    b.find("catalog-types").await;

    // A dictionary of two colours.
    b.click("dictionary-new").await;
    b.type_into("dictionary-name", "Wrapping colours").await;
    for (n, (value, en, zh)) in [("red", "Red", "红色"), ("gold", "Gold", "金色")].into_iter().enumerate() {
        b.click("option-add").await;
        let row = format!("[data-testid='option-row']:nth-child({})", n + 1);
        type_at(&b, &format!("{row} [data-testid='option-value']"), value).await;
        type_at(&b, &format!("{row} [data-testid='option-en']"), en).await;
        type_at(&b, &format!("{row} [data-testid='option-zh']"), zh).await;
    }
    b.assert_accessible("/admin/types with the dictionary editor").await;
    b.click("dictionary-save").await;
    b.gone("dictionary-form").await;
    let owner = ApiClient::login(&base, "owner@baton.test").await;
    let (_, dictionaries) = owner.get("/api/v1/admin/dictionaries").await;
    let dictionary = dictionaries.as_array().into_iter().flatten().find(|d| d["name"] == "Wrapping colours").unwrap_or_else(|| panic!("{dictionaries}"));
    let dictionary_id = dictionary["id"].to_string();

    // The type, added at the end.
    type_at(&b, "[data-testid='type-form'] [data-testid='name-en']", "Gift wrapping").await;
    type_at(&b, "[data-testid='type-form'] [data-testid='name-zh']", "礼品包装").await;
    b.click("type-form-add").await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    let types = loop {
        let (_, types) = owner.get("/api/v1/admin/ticket-types").await;
        if types.as_array().into_iter().flatten().any(|t| t["name"]["en"] == "Gift wrapping") {
            break types;
        }
        assert!(std::time::Instant::now() < deadline, "the type was never made: {types}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    let t = types.as_array().into_iter().flatten().find(|t| t["name"]["en"] == "Gift wrapping").expect("the type");
    let card = format!("[data-testid='catalog-type'][data-type-id='{}']", t["id"]);
    b.find_by(By::Css(card.clone())).await;

    // Its sub-type, then a select field of the type taking the dictionary's options.
    type_at(&b, &format!("{card} [data-testid='subtype-form'] [data-testid='name-en']"), "Birthday").await;
    type_at(&b, &format!("{card} [data-testid='subtype-form'] [data-testid='name-zh']"), "生日").await;
    click_at(&b, &format!("{card} [data-testid='subtype-form-add']")).await;
    b.find_by(By::Css(format!("{card} [data-testid='catalog-subtype']"))).await;
    let form = format!("{card} [data-testid='field-form']");
    type_at(&b, &format!("{form} [data-testid='field-key']"), "colour").await;
    type_at(&b, &format!("{form} [data-testid='label-en']"), "Paper colour").await;
    type_at(&b, &format!("{form} [data-testid='label-zh']"), "包装纸颜色").await;
    choose_at(&b, &format!("{form} [data-testid='field-kind']"), "select").await;
    choose_at(&b, &format!("{form} [data-testid='field-dictionary']"), &dictionary_id).await;
    b.assert_accessible("/admin/types with a field being added").await;
    click_at(&b, &format!("{form} [data-testid='field-add']")).await;
    b.find_by(By::Css(format!("{card} [data-testid='catalog-field'][data-key='colour'][data-active='true']"))).await;
    b.assert_accessible("/admin/types").await;

    // Renamed on the page: the type (its form opens filled in), then the sub-type's Chinese name.
    click_at(&b, &format!("{card} [data-testid='type-rename']")).await;
    let rename = format!("{card} [data-testid='type-rename-form']");
    let en = b.find_by(By::Css(format!("{rename} [data-testid='name-en']"))).await;
    assert_eq!(en.value().await.expect("value").as_deref(), Some("Gift wrapping"));
    type_at(&b, &format!("{rename} [data-testid='name-en']"), "Gift wrapping service").await;
    b.assert_accessible("/admin/types renaming a type").await;
    click_at(&b, &format!("{rename} [data-testid='type-rename-form-save']")).await;
    let renamed = |t: &serde_json::Value| t["name"]["en"] == "Gift wrapping service" && t["subtypes"][0]["name"]["zh-CN"] == "生日礼物";
    b.find_by(By::Css(format!("{card} [data-testid='subtype-rename']"))).await;
    b.gone_by(By::Css(rename)).await;
    click_at(&b, &format!("{card} [data-testid='subtype-rename']")).await;
    let form = format!("{card} [data-testid='subtype-rename-form']");
    type_at(&b, &format!("{form} [data-testid='name-zh']"), "生日礼物").await;
    click_at(&b, &format!("{form} [data-testid='subtype-rename-form-save']")).await;
    let deadline = std::time::Instant::now() + baton_e2e::browser::WAIT;
    loop {
        let (_, types) = owner.get("/api/v1/admin/ticket-types").await;
        if types.as_array().into_iter().flatten().any(renamed) {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "never renamed: {types}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    b.quit().await;

    // The customer's form offers it all.
    let alice = ApiClient::login(&base, "alice@customer.test").await;
    let (type_id, subtype_id) = alice.ticket_type("Gift wrapping service", "Birthday").await;
    let c = chromedriver.browser("en").await;
    c.login(&base, "alice@customer.test", DEMO_PASSWORD).await;
    c.click("nav-submit").await;
    c.select("ticket-type", &type_id).await;
    c.select("ticket-subtype", &subtype_id).await;
    c.find_by(By::Css("[data-testid='field-colour'] option[value='red']".to_owned())).await;
    c.select("field-colour", "gold").await;
    c.quit().await;
}
