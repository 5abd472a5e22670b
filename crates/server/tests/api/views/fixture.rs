//! The views fixture: the demo tenant's tickets replaced by eleven hand-made ones, written in SQL
//! so each has exactly the group, assignee, tags, CC, star and flags its name says.

use crate::support::TestApp;
use std::collections::{BTreeSet, HashMap};

pub struct Fixture {
    by_name: HashMap<&'static str, i64>,
    pub agent: i64,
    pub carol: i64,
    pub acme: i64,
    pub support: i64,
}

/// (name, status, priority, requester, group, assigned to agent, tags, cc agent, starred by agent,
/// flag, channel)
type Row = (&'static str, &'static str, &'static str, &'static str, Option<&'static str>, bool, &'static [&'static str], bool, bool, Option<&'static str>, &'static str);

const ROWS: &[Row] = &[
    ("mine_open", "open", "urgent", "alice", Some("Support"), true, &["vip"], false, false, None, "web"),
    ("mine_pending", "pending", "normal", "bob", Some("Support"), true, &[], false, false, None, "web"),
    ("support_new", "new", "high", "carol", Some("Support"), false, &[], false, false, None, "web"),
    ("starred", "new", "normal", "carol", Some("Support"), false, &[], false, true, None, "web"),
    ("cc_billing", "open", "normal", "alice", Some("Billing"), false, &["vip"], true, false, None, "web"),
    ("billing_only", "new", "high", "bob", Some("Billing"), false, &[], false, false, None, "web"),
    ("ungrouped", "new", "low", "carol", None, false, &[], false, false, None, "phone"),
    ("solved", "solved", "normal", "carol", Some("Support"), true, &[], false, false, None, "web"),
    ("closed", "closed", "normal", "carol", Some("Support"), true, &[], false, false, None, "web"),
    ("trashed", "open", "normal", "carol", Some("Support"), false, &[], false, false, Some("trashed_at"), "web"),
    ("suspended", "new", "normal", "carol", Some("Support"), false, &[], false, false, Some("suspended_at"), "web"),
];

async fn scalar(app: &TestApp, sql: &str, bind: &str) -> i64 {
    sqlx::query_scalar(sql).bind(bind).fetch_one(&app.sql).await.expect(sql)
}

impl Fixture {
    pub async fn build(app: &TestApp) -> Fixture {
        let tenant = scalar(app, "SELECT id FROM tenants WHERE slug = $1", "demo").await;
        sqlx::query("DELETE FROM tickets WHERE tenant_id = $1").bind(tenant).execute(&app.sql).await.expect("clear");
        let user = |e: &'static str| scalar(app, "SELECT id FROM users WHERE email = $1", e);
        let agent = user("agent@baton.test").await;
        let mut people = HashMap::new();
        for (name, email) in [("alice", "alice@customer.test"), ("bob", "bob@customer.test"), ("carol", "carol@customer.test")] {
            people.insert(name, user(email).await);
        }
        let group = |n: &'static str| scalar(app, "SELECT id FROM agent_groups WHERE name = $1", n);
        let (support, billing) = (group("Support").await, group("Billing").await);
        let acme = scalar(app, "SELECT id FROM customer_groups WHERE name = $1", "Acme").await;
        let mut by_name = HashMap::new();
        for (i, (name, status, priority, requester, grp, assigned, tags, cc, star, flag, channel)) in ROWS.iter().enumerate() {
            let at = format!("2026-01-{:02}T10:00:00Z", i + 1);
            let group_id = grp.map(|g| if g == "Support" { support } else { billing });
            let id: i64 = sqlx::query_scalar(
                "INSERT INTO tickets (tenant_id, number, title, description, status, priority, channel,
                     requester_id, created_at, updated_at, assignee_group_id, assignee_id)
                 VALUES ($1, $2, $3, 'd', $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id",
            )
            .bind(tenant).bind(i as i64 + 1).bind(*name).bind(*status).bind(*priority).bind(*channel)
            .bind(people[requester]).bind(&at).bind(&at).bind(group_id).bind(assigned.then_some(agent))
            .fetch_one(&app.sql).await.expect("ticket");
            for tag in *tags {
                sqlx::query("INSERT INTO ticket_tags (tenant_id, ticket_id, tag) VALUES ($1, $2, $3)")
                    .bind(tenant).bind(id).bind(*tag).execute(&app.sql).await.expect("tag");
            }
            if *cc {
                sqlx::query("INSERT INTO ticket_cc (tenant_id, ticket_id, user_id) VALUES ($1, $2, $3)")
                    .bind(tenant).bind(id).bind(agent).execute(&app.sql).await.expect("cc");
            }
            if *star {
                sqlx::query("INSERT INTO ticket_stars (tenant_id, user_id, ticket_id, created_at) VALUES ($1, $2, $3, $4)")
                    .bind(tenant).bind(agent).bind(id).bind(&at).execute(&app.sql).await.expect("star");
            }
            if let Some(col) = flag {
                sqlx::query(&format!("UPDATE tickets SET {col} = $1 WHERE id = $2"))
                    .bind(&at).bind(id).execute(&app.sql).await.expect("flag");
            }
            by_name.insert(*name, id);
        }
        // Tickets written by hand take their numbers from the tenant's counter too, as the
        // server's own inserts do, so a ticket created through the API next gets a new number.
        sqlx::query("UPDATE tenant_counters SET last_ticket_number = (SELECT MAX(number) FROM tickets WHERE tenant_id = $1) WHERE tenant_id = $1")
            .bind(tenant).execute(&app.sql).await.expect("counter");
        Fixture { by_name, agent, carol: people["carol"], acme, support }
    }

    pub fn ids(&self, names: &[&str]) -> BTreeSet<i64> {
        names.iter().map(|n| self.by_name[n]).collect()
    }
}
