//! The audit log (issue 12): `GET /admin/audit` (`settings.manage`), newest first, a page at a
//! time, with the page's filters. The wire types are baton-core's (`AuditPage`).

use super::query::Query;
use super::{Api, ApiError};
use baton_core::AuditPage;

/// The filters the page sends; each only when set. `from` and `to` are RFC 3339 instants.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditQuery {
    pub actor: Option<i64>,
    pub kind: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
}

impl Api {
    /// `GET /admin/audit`: one page of the log, after `cursor`.
    pub async fn audit(&self, q: &AuditQuery, cursor: Option<&str>) -> Result<AuditPage, ApiError> {
        let query = Query::default()
            .number("actor", q.actor)
            .some("kind", q.kind.as_deref())
            .some("from", q.from.as_deref())
            .some("to", q.to.as_deref())
            .some("cursor", cursor);
        self.fetch(self.get("/admin/audit").query(query.into_pairs()).build()).await
    }
}
