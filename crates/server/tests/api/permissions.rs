//! Every route × every permission (the admin issue's table test). [`table::ROUTES`] says, for
//! every route the router serves, who may call it: anyone, any signed-in user, any staff, or staff
//! holding one permission; [`table::probes`] gives, for each permission, the requests it guards
//! (whole routes, and the guarded requests of routes open to all staff: a public view, a public
//! quick reply, bulk trash). Then, for each permission in turn, an agent whose custom role lacks
//! just that permission gets 403 from each of its requests (404 where the contract hides the
//! ticket), and an agent whose role holds just that one (and what the request needs besides)
//! gets anything else. A route missing from the table, or guarded without a probe, fails the test.

pub(crate) mod fixtures;
pub(crate) mod table;

use crate::roles::{create_role, put_role};
use crate::support::{TestApp, ADMIN, ALICE};
use axum::http::{Method, StatusCode};
use baton_core::{Permission, Permissions};
use baton_server::http::route_table;
use serde_json::json;
use std::collections::BTreeSet;
use table::{Guard, Probe, ROUTES};

/// Permissions no route checks yet (their features are still to come). When a route starts to
/// need one, it leaves this list and gets its probes.
const NOT_YET_GUARDING: [Permission; 0] = [];

#[test]
fn every_route_is_in_the_table_once() {
    let served: BTreeSet<(String, String)> = route_table().into_iter().map(|(m, p)| (m.to_string(), p.to_owned())).collect();
    let listed: Vec<(String, String)> = ROUTES.iter().map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned())).collect();
    let unique: BTreeSet<(String, String)> = listed.iter().cloned().collect();
    assert_eq!(unique.len(), listed.len(), "a route is listed twice");
    let missing: Vec<_> = served.difference(&unique).collect();
    assert!(missing.is_empty(), "routes without a guard in permissions/table.rs: {missing:?}");
    let stale: Vec<_> = unique.difference(&served).collect();
    assert!(stale.is_empty(), "routes in permissions/table.rs that the router does not serve: {stale:?}");
}

#[test]
fn every_guarded_route_and_every_permission_has_probes() {
    let probes = table::probes();
    for probe in &probes {
        let guard = ROUTES.iter().find(|(m, p, _)| *m == probe.method.as_str() && *p == probe.route).map(|(_, _, g)| *g);
        match guard {
            // A request of a guarded route may need a second permission besides (bulk trash).
            Some(Guard::Needs(p)) => {
                let covered = p == probe.permission || probe.also.contains(p);
                assert!(covered, "{} {} needs {p}, its probe does not say so", probe.method, probe.route);
            }
            Some(Guard::Staff | Guard::Session) => {}
            other => panic!("{} {}: probed, but guarded by {other:?}", probe.method, probe.route),
        }
    }
    for (method, path, guard) in ROUTES {
        if let Guard::Needs(p) = guard {
            let probed = probes.iter().any(|probe| probe.method.as_str() == *method && probe.route == *path);
            assert!(probed, "{method} {path} needs {p} but has no probe");
        }
    }
    for p in Permission::ALL {
        let probed = probes.iter().any(|probe| probe.permission == p);
        assert_eq!(probed, !NOT_YET_GUARDING.contains(&p), "{p}: probed {probed}, NOT_YET_GUARDING says otherwise");
    }
}

#[tokio::test]
async fn each_permission_missing_is_refused_and_present_is_not() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let alice = app.login(ALICE).await;
    let tester = app.new_agent("tester@baton.test").await;
    let token = app.login("tester@baton.test").await;
    let fixtures = fixtures::Fixtures::new(&app, &admin, &alice).await;
    let probes = table::probes();
    let mut checked = 0;
    for p in Permission::ALL {
        let mine: Vec<&Probe> = probes.iter().filter(|probe| probe.permission == p).collect();
        let needs = mine.iter().fold(Permissions::NONE.with(p), |set, probe| set.union(probe.also));
        for (label, set) in [("without", Permissions::ALL.without(p)), ("with", needs)] {
            let role = create_role(&app, &admin, &format!("{label} {p}"), &set.to_vec()).await.json()["id"].clone();
            let res = put_role(&app, &admin, tester, json!({ "role": "agent", "role_id": role })).await;
            assert_eq!(res.status, StatusCode::OK, "{}", res.text());
            for probe in &mine {
                let (url, body) = fixtures.request(probe).await;
                let mut call = app.call(probe.method.clone(), &url).token(&token);
                call = match &body {
                    // A file body (the customer import's CSV), sent as it is.
                    Some(serde_json::Value::String(file)) => call.raw("text/csv", file.clone().into_bytes()),
                    Some(body) => call.json(body),
                    None => call,
                };
                let res = call.send().await;
                let what = format!("{} {} {label} {p}: {} {}", probe.method, url, res.status, res.text());
                if label == "without" {
                    assert_eq!(res.status, probe.refused, "{what}");
                    if probe.refused == StatusCode::FORBIDDEN {
                        let detail = res.problem(StatusCode::FORBIDDEN, "forbidden").detail;
                        assert_eq!(detail, Some(format!("requires the permission {p}")), "{what}");
                    }
                } else {
                    assert!(res.status != probe.refused && !res.status.is_server_error(), "{what}");
                    assert!(res.status.is_success(), "{what}");
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, probes.len() * 2);
}

/// The table's other columns: without a session only public routes answer anything but 401, and
/// a customer gets 403 or 404 (never success) from every staff route.
#[tokio::test]
async fn public_and_staff_columns_hold() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let alice = app.login(ALICE).await;
    let fixtures = fixtures::Fixtures::new(&app, &admin, &alice).await;
    for (method, path, guard) in ROUTES {
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let url = fixtures.any_url(path);
        let body = table::body_for(path).map(|b| fixtures.fill(&b));
        if method == Method::GET && *path == "/events" {
            // A stream: only its refusal ends.
            if *guard != Guard::Public {
                let status = app.call(method.clone(), &url).open().await.status();
                assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
            }
            continue;
        }
        let mut anonymous = app.call(method.clone(), &url);
        if let Some(body) = &body {
            anonymous = anonymous.json(body);
        }
        let res = anonymous.send().await;
        // Public routes may refuse what they are sent (a wrong password is 401 too), never for
        // want of a session.
        let wants_session = res.status == StatusCode::UNAUTHORIZED && res.json()["code"] == "unauthenticated";
        assert_eq!(wants_session, *guard != Guard::Public, "{method} {path}: {} {}", res.status, res.text());
        if matches!(guard, Guard::Staff | Guard::Needs(_)) {
            let mut call = app.call(method.clone(), &url).token(&alice);
            if let Some(body) = &body {
                call = call.json(body);
            }
            let res = call.send().await;
            assert!([StatusCode::FORBIDDEN, StatusCode::NOT_FOUND].contains(&res.status), "customer on {method} {path}: {} {}", res.status, res.text());
        }
    }
}
