//! Each route's requests: its URL and body for every column, on resources made fresh for it (a
//! route's own cells may change them; no other route's do).

use super::classify::{self, Kind};
use super::expect::Col;
use super::world::Requesters;
use crate::permissions::fixtures::Fixtures;
use crate::permissions::table::{self, Guard, Target, ROUTES};
use crate::support::{TestApp, OTHER_AGENT};
use axum::http::{Method, StatusCode};
use baton_core::Permission;
use serde_json::{json, Value};

/// One route, with what its cells ask.
pub struct Plan {
    pub method: Method,
    pub path: &'static str,
    pub kind: Kind,
    pub guard: Guard,
    /// The permission a Staff route's request needs on a shared resource (a public view).
    pub probed: Option<Permission>,
    /// What the Lacking agent asking this route is without.
    pub lacks: Permission,
    pub cells: Vec<(Col, String, Option<Value>)>,
}

/// What the plans are made with: each desk's fixtures (the demo admin's and the other desk's),
/// the ticket requesters, and Li Lei's session for his private views and replies.
pub struct Makers<'a> {
    pub app: &'a TestApp,
    pub own: Fixtures<'a>,
    pub other: Fixtures<'a>,
    pub requesters: Requesters,
    pub admin: String,
    pub agent_out: String,
}

fn with_body(method: &Method) -> bool {
    [Method::POST, Method::PUT, Method::PATCH].contains(method)
}

impl Makers<'_> {
    /// The plan of `(method, path)`; `n` numbers its tickets' markers.
    pub async fn plan(&self, method: &'static str, path: &'static str, n: usize) -> Option<Plan> {
        let kind = classify::kind(method, path).expect("classified");
        if kind == Kind::Outside {
            return None;
        }
        let guard = ROUTES.iter().find(|(m, p, _)| *m == method && *p == path).map(|(_, _, g)| *g).expect("guarded");
        let method = Method::from_bytes(method.as_bytes()).expect("method");
        let probe = table::probes().into_iter().find(|p| p.method == method && p.route == path && p.permission != Permission::TicketsSeeAll);
        let probed = probe.as_ref().map(|p| p.permission).filter(|_| matches!(guard, Guard::Staff | Guard::Session));
        let lacks = match guard {
            Guard::Needs(p) => p,
            _ => probed.unwrap_or(Permission::TicketsSeeAll),
        };
        let url = |id: i64| format!("/api/v1{}", path.replace("{id}", &id.to_string()));
        let plain = table::body_for(path).filter(|_| with_body(&method)).map(|b| self.own.fill(&b));
        let mut cells = Vec::new();
        match kind {
            Kind::List => cells.push((Col::Own, format!("/api/v1{path}"), None)),
            Kind::Ticket | Kind::Attachment => {
                for col in Col::TICKETS {
                    let (id, file) = self.requesters.ticket(self.app, col, n, kind == Kind::Attachment).await;
                    let url = if kind == Kind::Attachment { format!("/api/v1/attachments/{file}") } else { url(id) };
                    cells.push((col, url, plain.clone()));
                }
            }
            Kind::Article | Kind::Resource(_) => {
                let target = match kind {
                    Kind::Resource(t) => t,
                    _ => Target::Article,
                };
                let request = async |fixtures: &Fixtures<'_>| match &probe {
                    Some(probe) => fixtures.request(probe).await,
                    None => (url(fixtures.target(target).await), plain.clone()),
                };
                let (own, body) = request(&self.own).await;
                cells.push((Col::Own, own, body));
                let tenant = match target {
                    // The other desk's agent; a new agent would be the demo desk's.
                    Target::Agent => (url(crate::workspace::user_id(self.app, OTHER_AGENT).await), plain.clone()),
                    Target::Article => (url(self.other.target(Target::NewArticle).await), plain.clone()),
                    _ => request(&self.other).await,
                };
                cells.push((Col::Tenant, tenant.0, tenant.1));
                if let Some(private) = self.private(target).await {
                    cells.push((Col::Private, url(private), plain.clone()));
                }
                let base = &path[..path.find("{id}").expect("id") + 4];
                if ROUTES.iter().any(|(m, p, _)| *m == "DELETE" && *p == base) {
                    let made = if target == Target::Article { Target::NewArticle } else { target };
                    let (gone, body) = match &probe {
                        Some(probe) if made == target => self.own.request(probe).await,
                        _ => (url(self.own.target(made).await), plain.clone()),
                    };
                    // One more after it, so that SQLite does not give its id to the next one made.
                    self.own.target(made).await;
                    let deleted = gone.split('/').take(3 + base.matches('/').count()).collect::<Vec<_>>().join("/");
                    let res = self.app.call(Method::DELETE, &deleted).token(&self.admin).send().await;
                    assert!(res.status.is_success(), "DELETE {deleted}: {} {}", res.status, res.text());
                    cells.push((Col::Deleted, gone, body));
                }
            }
            Kind::Outside => {}
        }
        Some(Plan { method, path, kind, guard, probed, lacks, cells })
    }

    /// Li Lei's private view or quick reply, named with the private marker.
    async fn private(&self, target: Target) -> Option<i64> {
        let (list, body) = match target {
            Target::PublicView => ("/api/v1/views", json!({ "name": "mx-private-view", "visibility": "private" })),
            Target::PublicReply => ("/api/v1/quick-replies", json!({ "title": "mx-private-reply", "body": "b", "visibility": "private" })),
            _ => return None,
        };
        let res = self.app.post(list).token(&self.agent_out).json(&body).send().await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.text());
        let id = &res.json()["id"];
        id.as_i64().or_else(|| id.as_str().and_then(|s| s.parse().ok()))
    }
}
