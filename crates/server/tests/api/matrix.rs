//! Issue 16's authorization matrix: every route with a resource in its path (a ticket and its
//! sub-routes, attachments, articles, views, quick replies, customers, admin resources) and every
//! list, asked by nine principals — anonymous, customer A (Alice), customer B (Carol), A's group
//! peer (Bob), an agent of the ticket's group, an agent of another group, an agent lacking the
//! route's permission, the admin and the other desk's admin — about each column of resources:
//! own, another group's, another customer's, another desk's and trashed tickets; the desk's own,
//! another agent's private, another desk's and a deleted resource. `expect::expect` is the table;
//! a cell answering otherwise fails the test, and a *leak* — a 2xx where the table refuses, or a
//! body (lists included) showing the marker of a ticket, view or reply the principal does not see
//! — is counted apart. Builds on `permissions.rs` (guards, probes, fixtures), whose columns test
//! already covers the routes without a resource. `bodies` asks the same of ids in request
//! bodies: another desk's group, agent, role, type, customer or upload.

mod bodies;
mod classify;
mod expect;
mod plan;
mod world;

use crate::permissions::fixtures::Fixtures;
use crate::permissions::table::ROUTES;
use crate::support::{Response, TestApp, ADMIN, DAVE};
use axum::http::Method;
use baton_server::http::route_table;
use expect::{expect, hidden_markers, Col, Expect, Who};
use plan::{Makers, Plan};
use std::collections::BTreeSet;
use std::time::Instant;
use world::{Principals, Requesters, OTHER_ADMIN};

#[test]
fn every_scoped_route_is_classified_once() {
    let served: BTreeSet<(String, String)> = route_table().into_iter().map(|(m, p)| (m.to_string(), p.to_owned())).collect();
    let scoped: Vec<_> = classify::SCOPED.iter().map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned())).collect();
    let unique: BTreeSet<_> = scoped.iter().cloned().collect();
    assert_eq!(unique.len(), scoped.len(), "a route is classified twice");
    let missing: Vec<_> = served.iter().filter(|(m, p)| classify::kind(m, p).is_none()).collect();
    assert!(missing.is_empty(), "routes with a parameter missing from matrix/classify.rs: {missing:?}");
    let stale: Vec<_> = unique.difference(&served).collect();
    assert!(stale.is_empty(), "routes in matrix/classify.rs that the router does not serve: {stale:?}");
}

/// One cell's outcome.
struct Cell {
    who: Who,
    expect: Expect,
    status: u16,
    problem: Option<String>,
    leak: bool,
}

#[tokio::test]
async fn the_authorization_matrix_holds_without_leaks() {
    let started = Instant::now();
    let app = TestApp::new().await;
    let principals = Principals::new(&app).await;
    let admin = app.login(ADMIN).await;
    let (other_admin, dave) = (app.login(OTHER_ADMIN).await, app.login(DAVE).await);
    let makers = Makers {
        app: &app,
        own: Fixtures::new(&app, &admin, &app.login(crate::support::ALICE).await).await,
        other: Fixtures::new(&app, &other_admin, &dave).await.in_desk("other"),
        requesters: Requesters::new(&app).await,
        agent_out: app.login(crate::workspace::AGENT2).await,
        admin,
    };
    // The lists first, over a ticket of each column and a private view and reply: the scoped
    // routes' cells then restore trashed tickets of their own.
    makers.plan("GET", "/tickets/{id}", 0).await;
    makers.plan("GET", "/views/{id}", 0).await;
    makers.plan("PUT", "/quick-replies/{id}", 0).await;
    let mut lists = Vec::new();
    let mut scoped = Vec::new();
    for (n, (method, path, _)) in ROUTES.iter().enumerate() {
        if let Some(plan) = makers.plan(method, path, n + 1).await {
            if plan.kind == classify::Kind::List { lists.push(plan) } else { scoped.push(plan) }
        }
    }
    let made = started.elapsed();
    let mut results = Vec::new();
    for plan in &lists {
        results.push(run(&app, &principals, plan).await);
    }
    results.extend(futures_util::future::join_all(scoped.iter().map(|plan| run(&app, &principals, plan))).await);
    let plans: Vec<&Plan> = lists.iter().chain(&scoped).collect();
    let (mut cells, mut leaks, mut failures) = (0, 0, Vec::new());
    for (plan, row) in plans.iter().zip(&results) {
        // One line a route: each principal's answers, column by column (`got≠expected` where
        // they differ).
        let columns: Vec<_> = match plan.kind {
            classify::Kind::List => vec!["list".to_owned()],
            _ => plan.cells.iter().map(|(c, _, _)| format!("{c:?}")).collect(),
        };
        let grid: Vec<String> = row
            .chunks(plan.cells.len())
            .map(|cells| {
                let codes: Vec<_> = cells.iter().map(|c| if c.problem.is_some() { format!("{}≠{}", c.status, c.expect.short()) } else { c.status.to_string() }).collect();
                format!("{:?} {}", cells[0].who, codes.join("/"))
            })
            .collect();
        println!("{} {} [{}]: {}", plan.method, plan.path, columns.join("/"), grid.join(" · "));
        for cell in row {
            cells += 1;
            leaks += usize::from(cell.leak);
            if let Some(problem) = &cell.problem {
                failures.push(format!("{} {} {:?}: {problem}", plan.method, plan.path, cell.who));
            }
        }
    }
    println!(
        "authorization matrix: {} routes ({} lists, {} scoped), {} principals, {cells} cells, {leaks} leaks, {} failures; fixtures {:.1?}, total {:.1?}",
        plans.len(), lists.len(), scoped.len(), Who::ALL.len(), failures.len(), made, started.elapsed()
    );
    assert!(failures.is_empty(), "{} cells differ from the table ({leaks} leaks):\n{}", failures.len(), failures.join("\n"));
}

/// Every principal, in order, on every column of `plan`.
async fn run(app: &TestApp, principals: &Principals, plan: &Plan) -> Vec<Cell> {
    let mut row = Vec::new();
    // Each asks with a body naming their own desk's things (a group, a role), so that a refusal
    // is about the resource in the path, not the body.
    let body_of = |col: Col| plan.cells.iter().find(|(c, _, _)| *c == col).and_then(|(_, _, b)| b.as_ref());
    for who in Who::ALL {
        let token = principals.token(who, plan.lacks);
        let hidden = hidden_markers(who, plan.lacks);
        for (col, url, body) in &plan.cells {
            let expected = expect(&plan.method, plan.path, plan.kind, plan.guard, plan.probed, who, *col, plan.lacks);
            let body = match who {
                Who::OtherAdmin => body_of(Col::Tenant),
                _ if *col == Col::Tenant => body_of(Col::Own),
                _ => body.as_ref(),
            };
            let res = send(app, &plan.method, url, token, body).await;
            let text = res.text();
            let shown: Vec<_> = hidden.iter().filter(|m| text.contains(**m)).collect();
            let refused_but_ok = matches!(expected, Expect::Refused(_)) && res.status.is_success();
            let leak = refused_but_ok || !shown.is_empty();
            let missing: Vec<_> = expect::must_show(&plan.method, plan.path, who, *col, plan.lacks).into_iter().filter(|m| !text.contains(*m)).collect();
            let problem = if leak || !expected.holds(res.status) || !missing.is_empty() {
                let mut text = text;
                text.truncate(300);
                Some(format!("{col:?} {url}: expected {}, got {} (shows {shown:?}, misses {missing:?}) {text}", expected.short(), res.status))
            } else {
                None
            };
            row.push(Cell { who, expect: expected, status: res.status.as_u16(), problem, leak });
        }
    }
    row
}

async fn send(app: &TestApp, method: &Method, url: &str, token: Option<&str>, body: Option<&serde_json::Value>) -> Response {
    let mut call = app.call(method.clone(), url);
    if *method == Method::PATCH && url.starts_with("/api/v1/tickets/") {
        // A version it does not have: 412 once past who may ask (without one, 428 comes first).
        call = call.header("if-match", "\"v999\"");
    }
    if let Some(token) = token {
        call = call.token(token);
    }
    if let Some(body) = body {
        call = call.json(body);
    }
    call.send().await
}
