//! Event rules: each trigger, each action, conditions that match and do not, order, the loop
//! guards, and the "by rule" record, which the customer never sees (nor the rule's notes, on
//! their page or in their mail).

use super::{desk, on, rule};
use axum::http::StatusCode;
use serde_json::json;

#[tokio::test]
async fn a_created_rule_changes_matching_tickets_in_their_creation_and_records_itself() {
    let d = desk().await;
    let (type_id, _) = d.app.plain_type(&d.alice).await.expect("demo type");
    let note = "Outage reported: check the status page first";
    d.rule(rule(
        "Outages are urgent",
        on("created"),
        json!([{"field": "type", "op": "is", "value": type_id.to_string()}]),
        json!([{"kind": "set_priority", "priority": "urgent"}, {"kind": "add_tags", "tags": ["outage"]},
               {"kind": "add_note", "body": note}]),
    ))
    .await;
    let matching = d.ticket("The site is down").await;
    let ticket = d.get(&d.agent, matching).await;
    assert_eq!((ticket["priority"].as_str(), ticket["staff"]["tags"].clone()), (Some("urgent"), json!(["outage"])), "{ticket}");
    assert_eq!(d.ran(matching).await, ["Outages are urgent"]);
    assert_eq!(d.notes(matching).await, [note]);
    // The rule's entries are the desk's: no author.
    let thread = d.thread(&d.agent, matching).await;
    assert!(thread.iter().filter(|m| m["kind"] != "public").all(|m| m["author"].is_null()), "{thread:?}");

    // The customer sees the ticket, never the rule's record or its note: not in the thread, not
    // in any mail.
    let theirs = d.thread(&d.alice, matching).await;
    assert!(theirs.iter().all(|m| m["kind"] == "public" || m.get("change").is_none_or(|c| c.is_null())), "{theirs:?}");
    assert!(!theirs.iter().any(|m| m["body"].as_str().is_some_and(|b| b.contains("status page"))), "{theirs:?}");
    let mailed: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM mail_outbox WHERE body_text LIKE $1 OR body_html LIKE $1 OR subject LIKE $1")
        .bind("%status page%")
        .fetch_one(&d.app.sql)
        .await
        .expect("count");
    assert_eq!(mailed, 0);

    // A ticket the conditions do not match is left alone.
    let other_type = sqlx::query_scalar::<_, i64>("SELECT id FROM ticket_types WHERE id <> $1 ORDER BY id LIMIT 1")
        .bind(type_id)
        .fetch_one(&d.app.sql)
        .await
        .expect("type");
    sqlx::query("UPDATE automations SET conditions = $1").bind(json!([{"field": "type", "op": "is", "value": other_type.to_string()}]).to_string()).execute(&d.app.sql).await.expect("narrow");
    let plain = d.ticket("Another outage").await;
    assert_eq!(d.get(&d.agent, plain).await["priority"], "normal");
    assert!(d.ran(plain).await.is_empty());
}

#[tokio::test]
async fn each_action_does_what_a_person_would() {
    let d = desk().await;
    let billing = d.group("Billing").await;
    let agent2 = d.user_id("agent2@baton.test").await;
    // The admin sees every ticket (the agent of Support would not see it once in Billing).
    let admin = d.user_id("admin@baton.test").await;
    let reply = d.app.post("/api/v1/quick-replies").token(&d.admin)
        .json(&json!({"title": "Ack", "body": "Hello {{requester.name}}, we are on ticket #{{ticket.number}}.", "visibility": "public"}))
        .send().await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text());
    let reply = reply.json()["id"].as_i64().expect("id");
    d.rule(rule(
        "Hand to billing",
        on("created"),
        json!([]),
        json!([{"kind": "assign_group", "group_id": billing}, {"kind": "assign_agent", "agent_id": agent2},
               {"kind": "notify", "to": "agent", "agent_id": admin}, {"kind": "quick_reply", "quick_reply_id": reply},
               {"kind": "add_tags", "tags": ["a", "b"]}, {"kind": "remove_tags", "tags": ["a"]}]),
    ))
    .await;
    let id = d.ticket("Where is my refund").await;
    let admin_view = d.get(&d.admin, id).await;
    assert_eq!(admin_view["staff"]["group"]["id"], billing, "{admin_view}");
    assert_eq!(admin_view["staff"]["assignee"]["id"], agent2, "{admin_view}");
    assert_eq!(admin_view["staff"]["tags"], json!(["b"]));
    // The agent assigned and the one named are notified, as for a person's change.
    let notified = |user: i64, kind: &'static str| {
        let sql = d.app.sql.clone();
        async move {
            sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND ticket_id = $2 AND kind = $3")
                .bind(user).bind(id).bind(kind).fetch_one(&sql).await.expect("count")
        }
    };
    assert_eq!(notified(agent2, "assigned").await, 1);
    assert_eq!(notified(admin, "mentioned").await, 1);
    // The quick reply is a public reply the customer reads, placeholders filled, and is told of.
    let number = admin_view["number"].as_i64().expect("number");
    let theirs = d.thread(&d.alice, id).await;
    let want = format!("Hello Alice Chen, we are on ticket #{number}.");
    let alice_name = sqlx::query_scalar::<_, String>("SELECT name FROM users WHERE email = 'alice@customer.test'").fetch_one(&d.app.sql).await.expect("name");
    let want = want.replace("Alice Chen", &alice_name);
    assert!(theirs.iter().any(|m| m["kind"] == "public" && m["body"] == want.as_str()), "{theirs:?}");
    let alice = d.user_id("alice@customer.test").await;
    assert_eq!(notified(alice, "public_reply").await, 1);
}

#[tokio::test]
async fn set_type_retypes_as_an_edit_would() {
    let d = desk().await;
    let (type_id, subtype_id) = d.app.plain_type(&d.alice).await.expect("demo type");
    let types = d.app.get("/api/v1/ticket-types").token(&d.alice).send().await.json();
    let other = types.as_array().into_iter().flatten().find(|t| t["id"] != type_id && t["subtypes"].as_array().is_some_and(|s| s.is_empty()));
    // A type with sub-types needs one: the rule names the demo's plain pair, from any ticket.
    d.rule(rule("Retype", on("updated"), json!([{"field": "tags", "op": "in", "value": ["retype"]}]),
        json!([{"kind": "set_type", "type_id": type_id, "subtype_id": subtype_id}]))).await;
    let id = d.ticket("Retype me").await;
    if let Some(other) = other {
        let res = d.patch(id, json!({"type_id": other["id"]})).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    }
    let res = d.patch(id, json!({"tags": ["retype"]})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let t = d.get(&d.agent, id).await;
    assert_eq!((t["type"]["id"].as_i64(), t["subtype"]["id"].as_i64()), (Some(type_id), Some(subtype_id)), "{t}");
}

#[tokio::test]
async fn rules_run_in_order_each_seeing_the_ticket_as_the_ones_before_left_it() {
    let d = desk().await;
    let high = d.rule(rule("Make high", on("created"), json!([]), json!([{"kind": "set_priority", "priority": "high"}]))).await;
    let seen = d.rule(rule("Tag high", on("created"), json!([{"field": "priority", "op": "is", "value": "high"}]),
        json!([{"kind": "add_tags", "tags": ["was-high"]}]))).await;
    let first = d.ticket("First").await;
    assert_eq!(d.get(&d.agent, first).await["staff"]["tags"], json!(["was-high"]));
    assert_eq!(d.ran(first).await, ["Make high", "Tag high"]);
    let res = d.app.call(axum::http::Method::PUT, "/api/v1/admin/automations/order").token(&d.admin).json(&json!({"ids": [seen, high]})).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.json().as_array().map(|a| a.iter().map(|r| r["id"].clone()).collect::<Vec<_>>()), Some(vec![json!(seen), json!(high)]));
    let second = d.ticket("Second").await;
    let t = d.get(&d.agent, second).await;
    assert_eq!((t["priority"].as_str(), t["staff"]["tags"].clone()), (Some("high"), json!([])), "{t}");
    assert_eq!(d.ran(second).await, ["Make high"]);
}

#[tokio::test]
async fn a_rule_fires_once_per_change_and_its_own_change_triggers_nothing() {
    let d = desk().await;
    // Were rule changes "updates", each of these would trigger the other (and itself) forever.
    d.rule(rule("Escalate", on("updated"), json!([]), json!([{"kind": "set_priority", "priority": "high"}]))).await;
    d.rule(rule("Log", on("updated"), json!([]), json!([{"kind": "add_note", "body": "updated"}]))).await;
    let id = d.ticket("Loop?").await;
    assert!(d.ran(id).await.is_empty(), "nothing ran on creation");
    let res = d.patch(id, json!({"tags": ["one"]})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    // The agent's answer already shows what the rules did.
    assert_eq!(res.json()["priority"], "high");
    assert_eq!(d.ran(id).await, ["Escalate", "Log"]);
    assert_eq!(d.notes(id).await, ["updated"]);
    // The next change runs them once more: "Escalate" finds nothing to do and records nothing.
    assert_eq!(d.patch(id, json!({"tags": ["two"]})).await.status, StatusCode::OK);
    assert_eq!(d.ran(id).await, ["Escalate", "Log", "Log"]);
    assert_eq!(d.notes(id).await, ["updated", "updated"]);
    // A status change is an update too.
    assert_eq!(d.app.act(&d.agent, id, json!({"action": "complete"})).await.status, StatusCode::OK);
    assert_eq!(d.notes(id).await.len(), 3);
}

#[tokio::test]
async fn replies_run_the_rules_of_who_replied_and_notes_run_none() {
    let d = desk().await;
    d.rule(rule("Customer wrote", on("customer_replied"), json!([]), json!([{"kind": "add_tags", "tags": ["customer-wrote"]}]))).await;
    d.rule(rule("Agent wrote", on("agent_replied"), json!([]), json!([{"kind": "set_priority", "priority": "low"}]))).await;
    let id = d.ticket("Replies").await;
    let post = |token: &str, kind: &str, body: &str| {
        let call = d.app.post(&format!("/api/v1/tickets/{id}/messages")).token(token).json(&json!({"kind": kind, "body": body}));
        async move { call.send().await.status }
    };
    assert_eq!(post(&d.agent, "internal", "a note").await, StatusCode::CREATED);
    assert!(d.ran(id).await.is_empty());
    assert_eq!(post(&d.agent, "public", "We are on it").await, StatusCode::CREATED);
    assert_eq!(d.get(&d.agent, id).await["priority"], "low");
    assert_eq!(d.ran(id).await, ["Agent wrote"]);
    assert_eq!(post(&d.alice, "public", "Thanks").await, StatusCode::CREATED);
    assert_eq!(d.get(&d.agent, id).await["staff"]["tags"], json!(["customer-wrote"]));
    assert_eq!(d.ran(id).await, ["Agent wrote", "Customer wrote"]);
}

#[tokio::test]
async fn inactive_and_deleted_rules_never_run() {
    let d = desk().await;
    let mut body = rule("Sleeping", on("created"), json!([]), json!([{"kind": "set_priority", "priority": "urgent"}]));
    body["active"] = json!(false);
    let sleeping = d.rule(body.clone()).await;
    let deleted = d.rule(rule("Gone", on("created"), json!([]), json!([{"kind": "add_tags", "tags": ["gone"]}]))).await;
    let res = d.app.call(axum::http::Method::DELETE, &format!("/api/v1/admin/automations/{deleted}")).token(&d.admin).send().await;
    assert_eq!(res.status, StatusCode::NO_CONTENT);
    let id = d.ticket("Quiet").await;
    let t = d.get(&d.agent, id).await;
    assert_eq!((t["priority"].as_str(), t["staff"]["tags"].clone()), (Some("normal"), json!([])));
    assert!(d.ran(id).await.is_empty());
    // Switched on, it runs.
    body["active"] = json!(true);
    let res = d.app.call(axum::http::Method::PUT, &format!("/api/v1/admin/automations/{sleeping}")).token(&d.admin).json(&body).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    let id = d.ticket("Loud").await;
    assert_eq!(d.get(&d.agent, id).await["priority"], "urgent");
}

#[tokio::test]
async fn a_rule_whose_conditions_an_earlier_rule_undid_does_not_run() {
    let d = desk().await;
    // All three match the new ticket as created; the first one's change unmatches the second.
    d.rule(rule("Lower", on("created"), json!([]), json!([{"kind": "set_priority", "priority": "low"}]))).await;
    d.rule(rule("Normal only", on("created"), json!([{"field": "priority", "op": "is", "value": "normal"}]),
        json!([{"kind": "add_tags", "tags": ["was-normal"]}]))).await;
    d.rule(rule("Low only", on("created"), json!([{"field": "priority", "op": "is", "value": "low"}]),
        json!([{"kind": "add_tags", "tags": ["low"]}]))).await;
    // A rule that matches but changes nothing records nothing, and the rules after it still run.
    d.rule(rule("Still low", on("created"), json!([]), json!([{"kind": "set_priority", "priority": "low"}]))).await;
    d.rule(rule("Last", on("created"), json!([{"field": "tags", "op": "in", "value": ["low"]}]),
        json!([{"kind": "add_note", "body": "last"}]))).await;
    let id = d.ticket("Ordered").await;
    assert_eq!(d.get(&d.agent, id).await["staff"]["tags"], json!(["low"]));
    assert_eq!(d.ran(id).await, ["Lower", "Low only", "Last"]);
    assert_eq!(d.notes(id).await, ["last"]);
}
