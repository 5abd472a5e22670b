//! Reports: `GET /api/v1/reports/summary`, `/reports/agents`, `/reports/groups`, `/reports/tickets`
//! and the URLs of `/reports/tickets.csv` and `.xlsx`, plus `GET /capabilities` (whether this backend has reports at all).

use super::query::Query;
use super::{Api, ApiError};
use baton_core::{AgentWorkload, GroupWorkload, Page, RatingComment, ReportBy, ReportInterval, ReportSummary, ReportTicket};
use baton_core::{PolicyAttainment, SlaBreach};

/// The filters every report endpoint takes. Dates are `YYYY-MM-DD`; `to` is exclusive, as the
/// contract says (the page shows an inclusive end and adds a day).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub by: ReportBy,
    pub interval: ReportInterval,
    pub agents: Vec<i64>,
    pub types: Vec<i64>,
    // Session 9: groups, sub-types, customer groups, the assignee's role (codes or custom ids).
    pub groups: Vec<i64>,
    pub subtypes: Vec<i64>,
    pub customer_groups: Vec<i64>,
    pub roles: Vec<String>,
}

/// The wire code of `by`.
pub fn by_code(by: ReportBy) -> &'static str {
    match by {
        ReportBy::Created => "created",
        ReportBy::Solved => "solved",
    }
}

/// The wire code of `interval`.
pub fn interval_code(interval: ReportInterval) -> &'static str {
    match interval {
        ReportInterval::Day => "day",
        ReportInterval::Week => "week",
        ReportInterval::Month => "month",
    }
}

/// Ids as the contract's comma-separated list, `None` when there are none (all).
pub fn id_list(ids: &[i64]) -> Option<String> {
    (!ids.is_empty()).then(|| ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","))
}

impl ReportQuery {
    /// The period and filter parameters (without `interval`, which only the summary takes).
    fn filters(&self) -> Query {
        Query::default()
            .some("from", self.from.as_deref())
            .some("to", self.to.as_deref())
            .some("by", Some(by_code(self.by)))
            .some("agent", id_list(&self.agents).as_deref())
            .some("type", id_list(&self.types).as_deref())
            .some("group", id_list(&self.groups).as_deref())
            .some("subtype", id_list(&self.subtypes).as_deref())
            .some("customer_group", id_list(&self.customer_groups).as_deref())
            .some("role", (!self.roles.is_empty()).then(|| self.roles.join(",")).as_deref())
    }
}

/// Which tickets behind a number (`metric`), optionally one agent's only (overriding the agent
/// filter), one page at a time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DrillQuery {
    pub metric: &'static str,
    pub agent: Option<i64>,
    pub cursor: Option<String>,
    // Session 10: a group row's drill-down (overriding the group filter).
    pub group: Option<i64>,
}

fn drill_pairs(query: &ReportQuery, drill: &DrillQuery) -> Vec<(&'static str, String)> {
    let mut query = query.clone();
    if let Some(agent) = drill.agent {
        query.agents = vec![agent];
    }
    if let Some(group) = drill.group {
        query.groups = vec![group];
    }
    query.filters().some("metric", Some(drill.metric)).some("cursor", drill.cursor.as_deref()).into_pairs()
}

impl Api {
    /// `GET /reports/summary`.
    pub async fn report_summary(&self, query: &ReportQuery) -> Result<ReportSummary, ApiError> {
        let pairs = query.filters().some("interval", Some(interval_code(query.interval))).into_pairs();
        self.fetch(self.get("/reports/summary").query(pairs).build()).await
    }

    /// `GET /reports/agents`: the workload per agent.
    pub async fn report_agents(&self, query: &ReportQuery) -> Result<Vec<AgentWorkload>, ApiError> {
        self.fetch(self.get("/reports/agents").query(query.filters().into_pairs()).build()).await
    }

    /// `GET /reports/tickets`: one page of the tickets behind a number.
    pub async fn report_tickets(&self, query: &ReportQuery, drill: &DrillQuery) -> Result<Page<ReportTicket>, ApiError> {
        self.fetch(self.get("/reports/tickets").query(drill_pairs(query, drill)).build()).await
    }

    /// `GET /reports/groups`: the workload per agent group (session 9).
    pub async fn report_groups(&self, query: &ReportQuery) -> Result<Vec<GroupWorkload>, ApiError> {
        self.fetch(self.get("/reports/groups").query(query.filters().into_pairs()).build()).await
    }

    /// `GET /reports/comments`: a page of the ratings' comments (session 9).
    pub async fn report_comments(&self, query: &ReportQuery, cursor: Option<String>) -> Result<Page<RatingComment>, ApiError> {
        let pairs = query.filters().some("cursor", cursor.as_deref()).into_pairs();
        self.fetch(self.get("/reports/comments").query(pairs).build()).await
    }

    // Session 10: SLA attainment per policy and the breaches.
    /// `GET /reports/sla`: attainment per policy and target.
    pub async fn report_sla(&self, query: &ReportQuery) -> Result<Vec<PolicyAttainment>, ApiError> {
        self.fetch(self.get("/reports/sla").query(query.filters().into_pairs()).build()).await
    }

    /// `GET /reports/sla/breaches`: a page of the breached targets, latest due first.
    pub async fn report_sla_breaches(&self, query: &ReportQuery, cursor: Option<String>) -> Result<Page<SlaBreach>, ApiError> {
        let pairs = query.filters().some("cursor", cursor.as_deref()).into_pairs();
        self.fetch(self.get("/reports/sla/breaches").query(pairs).build()).await
    }

    /// Where `GET /reports/tickets.csv` downloads the period's tickets from (a plain link: the
    /// session cookie goes with it).
    pub fn report_csv_url(&self, query: &ReportQuery) -> String {
        self.report_export_url(query, "csv")
    }

    /// The same for `GET /reports/tickets.xlsx` (session 9).
    pub fn report_xlsx_url(&self, query: &ReportQuery) -> String {
        self.report_export_url(query, "xlsx")
    }

    fn report_export_url(&self, query: &ReportQuery, extension: &str) -> String {
        let params = web_sys::UrlSearchParams::new().ok();
        if let Some(params) = &params {
            for (key, value) in query.filters().into_pairs() {
                params.append(key, &value);
            }
        }
        let search = params.map(|p| String::from(p.to_string())).unwrap_or_default();
        format!("{}?{search}", self.url(&format!("/reports/tickets.{extension}")))
    }
}
