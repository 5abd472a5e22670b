//! The lifecycle through `POST /tickets/{id}/actions`: a scripted walk of allowed and refused
//! events, each refusal with its reason, and the system entry every change leaves.

use crate::support::{pairs, TestApp, AGENT, ALICE};
use axum::http::StatusCode;
use serde_json::{json, Value};

/// Who acts in a step.
#[derive(Clone, Copy, Debug)]
enum Who {
    Customer,
    Agent,
}

/// One step: who sends which body, and the expected outcome — `Ok(status)` or `Err(reason)`.
type Step = (Who, Value, Result<&'static str, &'static str>);

async fn walk(app: &TestApp, steps: &[Step]) -> i64 {
    let alice = app.login(ALICE).await;
    let agent = app.login(AGENT).await;
    let id = app.create_ticket(&alice, "Lifecycle").await["id"]
        .as_i64()
        .unwrap_or_default();
    for (who, body, expected) in steps {
        let token = match who {
            Who::Customer => &alice,
            Who::Agent => &agent,
        };
        let res = app.act(token, id, body.clone()).await;
        match expected {
            Ok(status) => {
                assert_eq!(res.status, StatusCode::OK, "{who:?} {body}: {}", res.text());
                assert_eq!(res.json()["status"], *status, "{who:?} {body}");
            }
            Err(reason) => {
                let problem = res.problem(StatusCode::CONFLICT, "transition_refused");
                assert_eq!(problem.reason.as_deref(), Some(*reason), "{who:?} {body}");
            }
        }
    }
    id
}

fn act(action: &str) -> Value {
    json!({ "action": action })
}

#[tokio::test]
async fn the_happy_path_and_its_refusals() {
    use Who::*;
    let app = TestApp::new().await;
    let steps: Vec<Step> = vec![
        (Customer, act("complete"), Err("wrong_actor")),
        (Customer, act("confirm"), Err("not_from_state")),
        (Agent, act("close"), Err("wrong_actor")),
        (Agent, act("auto_close"), Err("wrong_actor")),
        (Agent, act("open"), Ok("open")),
        (Agent, act("open"), Err("not_from_state")),
        (Agent, act("complete"), Ok("solved")),
        (Customer, act("close"), Err("not_from_state")),
        (
            Customer,
            json!({ "action": "rate", "rating": 5 }),
            Err("not_from_state"),
        ),
        (Customer, act("confirm"), Ok("confirmed")),
        (
            Customer,
            json!({ "action": "rate", "rating": 5, "comment": "Great" }),
            Ok("rated"),
        ),
        (
            Customer,
            json!({ "action": "rate", "rating": 4 }),
            Err("ticket_final"),
        ),
        (Agent, act("reopen"), Err("ticket_final")),
    ];
    let id = walk(&app, &steps).await;
    let stored: (Option<i64>, Option<String>) =
        sqlx::query_as("SELECT rating, rating_comment FROM tickets WHERE id = $1")
            .bind(id)
            .fetch_one(&app.sql)
            .await
            .unwrap_or_default();
    assert_eq!(stored, (Some(5), Some("Great".to_owned())));

    // One system entry per change, in order, visible to the customer, without author or body.
    let alice = app.login(ALICE).await;
    // The ticket shows the rating it was given.
    let ticket = app
        .get(&format!("/api/v1/tickets/{id}"))
        .token(&alice)
        .send()
        .await
        .json();
    assert_eq!(
        (ticket["rating"].clone(), ticket["rating_comment"].clone()),
        (json!(5), json!("Great"))
    );
    let thread = app
        .get(&format!("/api/v1/tickets/{id}/messages"))
        .token(&alice)
        .send()
        .await
        .json();
    let changes: Vec<(String, String)> = thread["items"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|m| {
            assert_eq!(
                (m["kind"].as_str(), m["body"].as_str(), &m["author"]),
                (Some("system"), Some(""), &Value::Null)
            );
            let change = &m["status_change"];
            (
                change["from"].as_str().unwrap_or_default().to_owned(),
                change["to"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        pairs(&[
            ("new", "open"),
            ("open", "solved"),
            ("solved", "confirmed"),
            ("confirmed", "rated")
        ])
    );
}

#[tokio::test]
async fn close_pending_and_reopen_paths() {
    use Who::*;
    let app = TestApp::new().await;
    walk(
        &app,
        &[
            (Customer, act("close"), Ok("closed")),
            (Customer, act("close"), Err("ticket_final")),
        ],
    )
    .await;
    walk(
        &app,
        &[
            (Agent, act("set_pending"), Ok("pending")),
            (Agent, act("complete"), Ok("solved")),
            (Agent, act("set_pending"), Err("not_from_state")),
            (Agent, act("reopen"), Ok("open")),
            (Agent, act("set_pending"), Ok("pending")),
            (Customer, act("close"), Ok("closed")),
            (Agent, act("open"), Err("ticket_final")),
        ],
    )
    .await;
}

#[tokio::test]
async fn action_bodies_are_validated_first() {
    let app = TestApp::new().await;
    let alice = app.login(ALICE).await;
    let id = app.create_ticket(&alice, "Validated").await["id"]
        .as_i64()
        .unwrap_or_default();
    let cases = [
        (json!({ "action": "rate" }), vec![("rating", "required")]),
        (
            json!({ "action": "rate", "rating": 6 }),
            vec![("rating", "invalid_value")],
        ),
        (
            json!({ "action": "rate", "rating": "five" }),
            vec![("rating", "invalid_value")],
        ),
        (
            json!({ "action": "close", "rating": 3 }),
            vec![("rating", "invalid_value")],
        ),
        (
            json!({ "action": "close", "comment": "bye" }),
            vec![("comment", "invalid_value")],
        ),
        (
            json!({ "action": "escalate" }),
            vec![("action", "invalid_value")],
        ),
        (json!({}), vec![("action", "required")]),
    ];
    for (body, fields) in cases {
        assert_eq!(
            app.act(&alice, id, body.clone()).await.field_errors(),
            pairs(&fields),
            "{body}"
        );
    }
    let ticket = app
        .get(&format!("/api/v1/tickets/{id}"))
        .token(&alice)
        .send()
        .await
        .json();
    assert_eq!(ticket["status"], "new");
}
