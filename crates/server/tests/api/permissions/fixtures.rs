//! What the probes name, made fresh for each request: tickets (Alice's), public views and quick
//! replies, custom roles and agents (the admin's).

use super::table::{Probe, Target};
use crate::support::TestApp;
use crate::workspace::{route_to, user_id};
use axum::http::StatusCode;
use serde_json::{json, Value};
use std::cell::Cell;

/// What the requests name: made by the admin (views, replies, roles, agents) and Alice (tickets).
pub struct Fixtures<'a> {
    app: &'a TestApp,
    admin: String,
    alice: String,
    /// Alice's own ticket, her id and a demo article, for requests that change nothing.
    ticket: i64,
    customer: i64,
    article: i64,
    /// The role of the last fixture made (an agent's), for `$role` in a body.
    role: Cell<i64>,
    /// The group of the last [`Target::RoutingRule`] (or workflow target).
    group: Cell<i64>,
    /// The ticket type of the last workflow target.
    ticket_type: Cell<i64>,
    /// The second customer of the last [`Target::CustomerPair`], for `"$into"`.
    into: Cell<i64>,
    n: Cell<u32>,
    /// The desk whose ticket types a workflow target adds to (the admin's).
    slug: &'static str,
}

impl<'a> Fixtures<'a> {
    pub async fn new(app: &'a TestApp, admin: &str, alice: &str) -> Fixtures<'a> {
        let ticket = app.create_ticket(alice, "Fixture").await["id"].as_i64().expect("ticket");
        let articles = app.get("/api/v1/kb/articles?limit=1").send().await.json();
        Fixtures {
            app,
            admin: admin.to_owned(),
            alice: alice.to_owned(),
            ticket,
            customer: user_id(app, crate::support::ALICE).await,
            article: articles["items"][0]["id"].as_i64().expect("article"),
            role: Cell::new(0),
            group: Cell::new(0),
            ticket_type: Cell::new(0),
            into: Cell::new(0),
            n: Cell::new(0),
            slug: "demo",
        }
    }

    /// The same fixtures made in the desk of slug `slug` (whose admin `admin` is).
    pub fn in_desk(mut self, slug: &'static str) -> Self {
        self.slug = slug;
        self
    }

    fn next(&self) -> u32 {
        self.n.set(self.n.get() + 1);
        self.n.get()
    }

    /// `value` with `$n` made unique and `$id`, `$sid` and `$role` filled in.
    pub fn fill_with(&self, value: &Value, id: i64) -> Value {
        match value {
            Value::String(s) if s == "$id" => json!(id),
            Value::String(s) if s == "$sid" => json!(id.to_string()),
            Value::String(s) if s == "$role" => json!(self.role.get()),
            Value::String(s) if s == "$into" => json!(self.into.get()),
            Value::String(s) => json!(s.replace("$n", &self.next().to_string())),
            Value::Array(items) => Value::Array(items.iter().map(|v| self.fill_with(v, id)).collect()),
            Value::Object(map) => Value::Object(map.iter().map(|(k, v)| (k.clone(), self.fill_with(v, id))).collect()),
            other => other.clone(),
        }
    }

    pub fn fill(&self, value: &Value) -> Value {
        self.fill_with(value, self.ticket)
    }

    async fn made(&self, path: &str, body: Value) -> i64 {
        let res = self.app.post(path).token(&self.admin).json(&self.fill(&body)).send().await;
        let id = &res.json()["id"];
        id.as_i64().or_else(|| id.as_str().and_then(|s| s.parse().ok())).unwrap_or_else(|| panic!("{path}: {}", res.text()))
    }

    pub(crate) async fn target(&self, target: Target) -> i64 {
        let ticket = async |confidential: bool| {
            let mut new = self.app.new_ticket(&self.alice, "Probe").await;
            if confidential {
                new["confidential"] = "probe secret".into();
            }
            let res = self.app.post("/api/v1/tickets").token(&self.alice).json(&new).send().await;
            res.json()["id"].as_i64().expect("ticket")
        };
        match target {
            Target::None => 0,
            Target::Ticket => ticket(false).await,
            Target::SecretTicket => ticket(true).await,
            Target::BillingTicket => {
                let id = ticket(false).await;
                route_to(self.app, id, "Billing").await;
                id
            }
            Target::PublicView => self.made("/api/v1/views", json!({ "name": "Fixture $n", "visibility": "public" })).await,
            Target::PublicReply => self.made("/api/v1/quick-replies", json!({ "title": "Fixture $n", "body": "b", "visibility": "public" })).await,
            Target::Article => self.article,
            // The knowledge-base editor (issue 12).
            Target::NewArticle => self.made("/api/v1/kb/articles", json!({ "title": "Fixture $n" })).await,
            Target::NewCategory => self.made("/api/v1/kb/categories", json!({ "name": "Fixture $n" })).await,
            Target::Role => self.made("/api/v1/admin/roles", json!({ "name": "Fixture $n", "permissions": [] })).await,
            Target::SlaCalendar => self.made("/api/v1/admin/sla/calendars", super::table::sla_calendar()).await,
            Target::SlaPolicy => self.made("/api/v1/admin/sla/policies", super::table::sla_policy()).await,
            Target::Group => self.made("/api/v1/admin/groups", json!({ "name": "Fixture $n" })).await,
            Target::Automation => self.made("/api/v1/admin/automations", super::table::automation()).await,
            Target::RoutingRule => {
                let group = self.made("/api/v1/admin/groups", json!({ "name": "Fixture $n" })).await;
                self.group.set(group);
                self.made("/api/v1/admin/routing/rules", self.fill_with(&super::table::routing_rule(), group)).await
            }
            Target::WorkflowType => self.workflow_type().await,
            Target::Workflow => {
                self.workflow_type().await;
                let body = self.fill(&super::table::workflow());
                let body = self.workflow_body(body);
                self.made("/api/v1/admin/workflows", body).await
            }
            Target::Agent => {
                let role = self.made("/api/v1/admin/roles", json!({ "name": "Fixture $n", "permissions": [] })).await;
                let agent = self.app.new_agent(&format!("probe{}@baton.test", self.next())).await;
                let res = crate::roles::put_role(self.app, &self.admin, agent, json!({ "role": "agent", "role_id": role })).await;
                assert_eq!(res.status, StatusCode::OK, "{}", res.text());
                self.role.set(role);
                agent
            }
            Target::CatalogType => self.made("/api/v1/admin/ticket-types", json!({ "name": { "en": "Fixture $n" } })).await,
            Target::Subtype => {
                let ty = self.made("/api/v1/admin/ticket-types", json!({ "name": { "en": "Fixture $n" } })).await;
                let path = format!("/api/v1/admin/ticket-types/{ty}/subtypes");
                let res = self.app.post(&path).token(&self.admin).json(&json!({ "name": { "en": "Fixture" } })).send().await;
                res.json()["subtypes"][0]["id"].as_i64().unwrap_or_else(|| panic!("{path}: {}", res.text()))
            }
            Target::Field => {
                let ty = self.made("/api/v1/admin/ticket-types", json!({ "name": { "en": "Fixture $n" } })).await;
                let path = format!("/api/v1/admin/ticket-types/{ty}/fields");
                let res = self.app.post(&path).token(&self.admin).json(&self.fill(&super::table::catalog_field())).send().await;
                res.json()["fields"][0]["id"].as_i64().unwrap_or_else(|| panic!("{path}: {}", res.text()))
            }
            Target::Dictionary => self.made("/api/v1/admin/dictionaries", super::table::dictionary()).await,
            // customers administration (issue 12)
            Target::Customer => self.made("/api/v1/customers", json!({ "name": "Fixture $n", "email": "fixture$n@customer.test" })).await,
            Target::CustomerPair => {
                let into = self.made("/api/v1/customers", json!({ "name": "Fixture $n", "email": "fixture$n@customer.test" })).await;
                self.into.set(into);
                self.made("/api/v1/customers", json!({ "name": "Fixture $n", "email": "fixture$n@customer.test" })).await
            }
            Target::CustomerGroup => self.made("/api/v1/admin/customer-groups", json!({ "name": "Fixture $n" })).await,
            Target::Invitee => {
                let role = self.made("/api/v1/admin/roles", json!({ "name": "Fixture $n", "permissions": [] })).await;
                let n = self.next();
                let body = json!({ "email": format!("invitee{n}@baton.test"), "name": "Invitee", "role": "agent", "role_id": role });
                self.made("/api/v1/admin/agents", body).await
            }
        }
    }

    /// The URL and body of `probe`, with fresh fixtures.
    pub async fn request(&self, probe: &Probe) -> (String, Option<Value>) {
        let id = self.target(probe.target).await;
        let url = format!("/api/v1{}", probe.route.replace("{id}", &id.to_string()));
        let mut body = probe.body.as_ref().map(|b| self.fill_with(b, id));
        // `"$policies"`, `"$rules"`, `"$types"`: every SLA policy, routing rule or ticket type of
        // the desk as it is now (an order must name them all).
        let lists = [("$policies", "/api/v1/admin/sla/policies"), ("$rules", "/api/v1/admin/routing/rules"), ("$types", "/api/v1/admin/ticket-types"), ("$automations", "/api/v1/admin/automations")];
        for (name, list) in lists {
            if let Some(ids) = body.as_mut().and_then(|b| b.get_mut("ids")).filter(|ids| *ids == name) {
                let all = self.app.get(list).token(&self.admin).send().await.json();
                *ids = all.as_array().into_iter().flatten().map(|p| p["id"].clone()).collect();
            }
        }
        // `"$group"`: the group a [`Target::RoutingRule`] routes to.
        if let Some(group) = body.as_mut().and_then(|b| b.get_mut("group_id")).filter(|g| *g == "$group") {
            *group = self.group.get().into();
        }
        (url, body.map(|b| self.workflow_body(b)))
    }

    /// A new ticket type and group for a workflow fixture; the type's id.
    async fn workflow_type(&self) -> i64 {
        let group = self.made("/api/v1/admin/groups", json!({ "name": "Fixture $n" })).await;
        self.group.set(group);
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_types (tenant_id, name, created_at)
             SELECT id, '{\"en\": \"Fixture\"}', '2026-01-01T00:00:00Z' FROM tenants WHERE slug = $1 RETURNING id",
        )
        .bind(self.slug)
        .fetch_one(&self.app.sql)
        .await
        .expect("type");
        self.ticket_type.set(id);
        id
    }

    /// `body` with a workflow's `"$type"` and its steps' `"$group"` filled in.
    fn workflow_body(&self, mut body: Value) -> Value {
        if let Some(t) = body.get_mut("type_id").filter(|t| *t == "$type") {
            *t = self.ticket_type.get().into();
        }
        for step in body.get_mut("steps").and_then(Value::as_array_mut).into_iter().flatten() {
            if let Some(g) = step.get_mut("group_id").filter(|g| *g == "$group") {
                *g = self.group.get().into();
            }
        }
        body
    }

    /// A URL for `path` naming existing things (Alice's ticket and id, a demo article, the demo
    /// desk), for requests that must be refused.
    pub fn any_url(&self, path: &str) -> String {
        let id = if path.starts_with("/customers/") {
            self.customer
        } else if path.starts_with("/kb/") {
            self.article
        } else {
            self.ticket
        };
        format!("/api/v1{}", path.replace("{id}", &id.to_string()).replace("{tenant}", "demo"))
    }
}
