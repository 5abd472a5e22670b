//! Who asks and what they ask about: the nine principals (one agent lacking each permission) and
//! the tickets of the five ticket columns, each titled with its column's marker.

use super::expect::{Col, Who};
use crate::roles::{create_role, put_role};
use crate::support::{TestApp, ADMIN, AGENT, ALICE, BOB, CAROL, DAVE};
use crate::workspace::{route_to, AGENT2};
use axum::http::StatusCode;
use baton_core::{Permission, Permissions, Role};
use baton_server::storage::{self, tenants, users};
use baton_server::{auth, demo};
use serde_json::json;

/// The other desk's admin the demo lacks.
pub const OTHER_ADMIN: &str = "matrix-admin@other.test";

/// Every principal's session (none for the anonymous caller).
pub struct Principals {
    tokens: Vec<(Who, Option<String>)>,
    /// An agent of Support whose custom role is every permission but one, by permission.
    lacking: Vec<(Permission, String)>,
}

impl Principals {
    pub async fn new(app: &TestApp) -> Principals {
        let admin = app.login(ADMIN).await;
        other_admin(app).await;
        let mut tokens = vec![(Who::Anonymous, None)];
        for (who, email) in [(Who::CustomerA, ALICE), (Who::CustomerB, CAROL), (Who::Peer, BOB), (Who::AgentIn, AGENT), (Who::AgentOut, AGENT2), (Who::Admin, ADMIN), (Who::OtherAdmin, OTHER_ADMIN)] {
            tokens.push((who, Some(app.login(email).await)));
        }
        let mut lacking = Vec::new();
        for (i, p) in Permission::ALL.into_iter().enumerate() {
            let email = format!("lacks{i}@baton.test");
            let id = app.new_agent(&email).await;
            let role = create_role(app, &admin, &format!("Matrix without {p}"), &Permissions::ALL.without(p).to_vec()).await.json()["id"].clone();
            let res = put_role(app, &admin, id, json!({ "role": "agent", "role_id": role })).await;
            assert_eq!(res.status, StatusCode::OK, "{}", res.text());
            sqlx::query("INSERT INTO agent_group_members (tenant_id, group_id, user_id) SELECT tenant_id, id, $1 FROM agent_groups WHERE name = 'Support'")
                .bind(id)
                .execute(&app.sql)
                .await
                .expect("member");
            lacking.push((p, app.login(&email).await));
        }
        Principals { tokens, lacking }
    }

    /// The session of `who`; for [`Who::Lacking`], of the agent without `lacks`.
    pub fn token(&self, who: Who, lacks: Permission) -> Option<&str> {
        if who == Who::Lacking {
            return self.lacking.iter().find(|(p, _)| *p == lacks).map(|(_, t)| t.as_str());
        }
        self.tokens.iter().find(|(w, _)| *w == who).and_then(|(_, t)| t.as_deref())
    }
}

/// An admin for the other desk (its seed has an agent and a customer only).
pub async fn other_admin(app: &TestApp) {
    let hash = auth::hash_password(demo::PASSWORD).expect("hash");
    let now = storage::timestamp(storage::now());
    let tenant_id = tenants::find_by_name(&app.db, demo::OTHER_TENANT).await.expect("tenant").expect("other desk");
    let mut conn = app.db.acquire().await.expect("connection");
    let user = users::NewUser { tenant_id, email: OTHER_ADMIN, name: "Matrix Admin", role: Role::Admin, customer_group_id: None, password_hash: &hash };
    users::create(&mut conn, &user, &now).await.expect("other admin");
}

/// The requesters' sessions, for making tickets.
pub struct Requesters {
    alice: String,
    carol: String,
    dave: String,
    admin: String,
}

impl Requesters {
    pub async fn new(app: &TestApp) -> Requesters {
        // The other desk gets types from the matrix's admin fixtures, and then needs one on every
        // ticket: the plain one the demo desk has.
        let other = app.login(OTHER_ADMIN).await;
        let ty = app.post("/api/v1/admin/ticket-types").token(&other).json(&json!({ "name": { "en": "Technical issue" } })).send().await.json()["id"].clone();
        let res = app.post(&format!("/api/v1/admin/ticket-types/{ty}/subtypes")).token(&other).json(&json!({ "name": { "en": "Site is down" } })).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        Requesters { alice: app.login(ALICE).await, carol: app.login(CAROL).await, dave: app.login(DAVE).await, admin: app.login(ADMIN).await }
    }

    /// A ticket of column `col` titled `mx-<col>-<n>`, with an attachment when `attach`; its id
    /// and the attachment's.
    pub async fn ticket(&self, app: &TestApp, col: Col, n: usize, attach: bool) -> (i64, i64) {
        let token = match col {
            Col::Customer => &self.carol,
            Col::Tenant => &self.dave,
            _ => &self.alice,
        };
        let marker = format!("{}{n}", col.marker());
        let mut body = app.new_ticket(token, &marker).await;
        body["description"] = format!("About {marker}.").into();
        // Something to reveal.
        body["confidential"] = "mx secret".into();
        let mut file = 0;
        if attach {
            file = crate::attachments::uploaded(app, token, &format!("{marker}.txt"), "text/plain", marker.as_bytes()).await["id"].as_i64().expect("file");
            body["attachment_ids"] = json!([file]);
        }
        let res = app.post("/api/v1/tickets").token(token).json(&body).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let id = res.json()["id"].as_i64().expect("id");
        match col {
            Col::Own | Col::Customer | Col::Trashed | Col::Suspended => route_to(app, id, "Support").await,
            Col::Group => route_to(app, id, "Billing").await,
            _ => {}
        }
        let flag = match col {
            Col::Trashed => "trash",
            Col::Suspended => "suspend",
            _ => "",
        };
        if !flag.is_empty() {
            let res = app.post(&format!("/api/v1/tickets/{id}/{flag}")).token(&self.admin).send().await;
            assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        }
        (id, file)
    }
}
