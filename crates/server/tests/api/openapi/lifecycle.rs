//! The lifecycle table of `POST /tickets/{id}/actions` is the state machine of baton-core: every
//! row holds, nothing outside the table is allowed, the refusal reasons follow the order the text
//! gives, and `allowed_actions` lists exactly the rows marked "yes".

use super::committed;
use baton_core::status::{allowed_actions, apply, Action, Actor, Status};
use std::collections::HashSet;

/// One row of the table: from which statuses, which event, whose, to what, listed or not.
struct Row {
    from: Vec<Status>,
    action: Action,
    actor: Actor,
    to: Status,
    listed: bool,
}

fn actor(code: &str) -> Actor {
    match code {
        "customer" => Actor::Customer,
        "agent" => Actor::Agent,
        "system" => Actor::System,
        other => panic!("unknown side {other:?} in the lifecycle table"),
    }
}

fn action(code: &str) -> Action {
    Action::ALL.into_iter().find(|a| a.code() == code).unwrap_or_else(|| panic!("unknown event {code:?}"))
}

fn status(code: &str) -> Status {
    Status::from_code(code).unwrap_or_else(|| panic!("unknown status {code:?}"))
}

/// The table's rows, parsed from the operation's description.
fn table() -> Vec<Row> {
    let doc = committed();
    let text = doc["paths"]["/tickets/{id}/actions"]["post"]["description"].as_str().expect("a description");
    let rows: Vec<Row> = text
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with('|') && !l.starts_with("|---") && !l.starts_with("| from"))
        .map(|l| {
            let cells: Vec<&str> = l.trim_matches('|').split('|').map(str::trim).collect();
            assert_eq!(cells.len(), 6, "six cells in {l:?}");
            Row {
                from: cells[0].split(',').map(|s| status(s.trim())).collect(),
                action: action(cells[1]),
                actor: actor(cells[2]),
                to: status(cells[3]),
                listed: match cells[5] {
                    "yes" => true,
                    "no" => false,
                    other => panic!("listed must be yes or no, not {other:?}"),
                },
            }
        })
        .collect();
    assert_eq!(rows.len(), Action::ALL.len(), "one row per event");
    rows
}

#[test]
fn the_documented_lifecycle_is_the_state_machine() {
    let rows = table();
    let mut allowed = HashSet::new();
    for row in &rows {
        for from in &row.from {
            assert_eq!(apply(*from, row.action, row.actor), Ok(row.to), "{from:?} {:?} by {:?}", row.action, row.actor);
            allowed.insert((*from, row.action, row.actor));
        }
    }
    // Everything else is refused, for the first reason the text names.
    for from in Status::ALL {
        for row in &rows {
            for side in [Actor::Customer, Actor::Agent, Actor::System] {
                if allowed.contains(&(from, row.action, side)) {
                    continue;
                }
                let expected = if side != row.actor {
                    "wrong_actor"
                } else if matches!(from, Status::Rated | Status::Closed) {
                    "ticket_final"
                } else {
                    "not_from_state"
                };
                let refused = apply(from, row.action, side).expect_err("refused");
                assert_eq!(refused.code(), expected, "{from:?} {:?} by {side:?}", row.action);
            }
        }
    }
    // allowed_actions: the "yes" rows from this status for this side, in the table's order.
    for from in Status::ALL {
        for side in [Actor::Customer, Actor::Agent] {
            let listed: Vec<Action> = rows
                .iter()
                .filter(|r| r.listed && r.actor == side && r.from.contains(&from))
                .map(|r| r.action)
                .collect();
            assert_eq!(allowed_actions(from, side), listed, "{from:?} for {side:?}");
        }
    }
}
