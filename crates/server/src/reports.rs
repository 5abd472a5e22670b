//! Reports (DOMAIN.md "Reports", issue 14): the facts recorded as tickets change (`facts`), and
//! the numbers a manager reads from them (`summary`, `agents`). Every report aggregates in SQL
//! (storage::reports) within the caller's tenant; none loads a desk's tickets into memory.
//!
//! The query every report takes (`ReportQuery`): `from` and `to` are days of the desk's time
//! zone (`period`: a day begins at local midnight), `from` inclusive and `to` exclusive, either
//! may be left out; `by` = `created` (default) or `solved`
//! says which moment puts a ticket in the period; `agent`, `group`, `type` are comma-separated
//! ids, `priority` and `channel` comma-separated codes (any of a list matches); `subtype` and
//! `customer_group` (the requester's) ids, `role` the assignee's role: built-in codes (`owner`,
//! `admin`, `agent`) or custom role ids. All numbers are
//! in calendar time (business time comes with SLA calendars).

pub mod agents;
pub mod comments;
pub mod export;
pub mod facts;
pub mod groups;
pub mod period;
mod series;
// Session 10: SLA attainment per policy and the breaches.
pub mod sla;
pub mod summary;
pub mod tickets;
pub mod xlsx;

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::reports::{Filter, Moment};
use baton_core::problem::field_code;
use baton_core::{Permission, ReportBy};
use serde::Deserialize;
use time::macros::format_description;
use time::Date;

/// The query string of a report, as sent; [`parse`] checks it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ReportQuery {
    pub from: Option<String>,
    pub to: Option<String>,
    pub by: Option<String>,
    pub interval: Option<String>,
    pub agent: Option<String>,
    pub group: Option<String>,
    #[serde(rename = "type")]
    pub ticket_type: Option<String>,
    pub priority: Option<String>,
    pub channel: Option<String>,
    // Session 9: sub-types, the requester's customer group, the assignee's role.
    pub subtype: Option<String>,
    pub customer_group: Option<String>,
    pub role: Option<String>,
    /// The drill-down and the export: which tickets (`tickets::metric`), a rating, paging.
    pub metric: Option<String>,
    pub rating: Option<String>,
    pub cursor: Option<String>,
    pub limit: Option<String>,
}

/// A checked query: the filter, the moment of the period and its dates.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub filter: Filter,
    pub moment: Moment,
    pub by: ReportBy,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The desk's time zone: the period's days and the series' buckets begin at its midnights.
    pub zone: baton_core::zone::Tz,
}

const PRIORITIES: [&str; 4] = ["low", "normal", "high", "urgent"];
const CHANNELS: [&str; 5] = ["web", "widget", "phone", "email", "api"];
const STAFF_ROLES: [&str; 3] = ["owner", "admin", "agent"];

/// The non-empty items of a comma-separated list.
fn items(value: Option<&str>) -> impl Iterator<Item = &str> {
    value.unwrap_or("").split(',').map(str::trim).filter(|s| !s.is_empty())
}

fn ids(value: Option<&str>, field: &str) -> Result<Vec<i64>, Error> {
    items(value)
        .map(|s| s.parse::<i64>().map_err(|_| Error::field(field, field_code::INVALID_VALUE)))
        .collect()
}

fn codes(value: Option<&str>, field: &str, known: &[&str]) -> Result<Vec<String>, Error> {
    items(value)
        .map(|s| known.contains(&s).then(|| s.to_owned()).ok_or_else(|| Error::field(field, field_code::INVALID_VALUE)))
        .collect()
}

fn date(value: Option<&str>, field: &str) -> Result<Option<Date>, Error> {
    let Some(value) = value.filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    Date::parse(value, format_description!("[year]-[month]-[day]"))
        .map(Some)
        .map_err(|_| Error::field(field, field_code::INVALID_VALUE))
}

/// The `role` list: built-in staff role codes and custom role ids, apart.
fn roles(value: Option<&str>) -> Result<(Vec<String>, Vec<i64>), Error> {
    let (mut codes, mut ids) = (Vec::new(), Vec::new());
    for item in items(value) {
        if STAFF_ROLES.contains(&item) {
            codes.push(item.to_owned());
        } else {
            ids.push(item.parse::<i64>().map_err(|_| Error::field("role", field_code::INVALID_VALUE))?);
        }
    }
    Ok((codes, ids))
}

/// Checks that `user` may read reports (`reports.view`; customers hold no permission, so they get
/// the same 403) and `query`; the filter within the user's tenant.
pub async fn parse(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<Parsed, Error> {
    parse_for(app, user, query, Permission::ReportsView).await
}

/// [`parse`] for what needs `permission` (exports need `reports.export`).
pub async fn parse_for(app: &Services, user: &CurrentUser, query: &ReportQuery, permission: Permission) -> Result<Parsed, Error> {
    user.require(permission)?;
    let zone = period::zone_of(&mut app.db.acquire().await?, user.tenant_id).await?;
    build(user, query, zone)
}

fn build(user: &CurrentUser, query: &ReportQuery, zone: baton_core::zone::Tz) -> Result<Parsed, Error> {
    let from = date(query.from.as_deref(), "from")?;
    let to = date(query.to.as_deref(), "to")?;
    if let (Some(from), Some(to)) = (from, to) {
        if to <= from {
            return Err(Error::field("to", field_code::INVALID_VALUE));
        }
    }
    let by = match query.by.as_deref().unwrap_or("created") {
        "created" => ReportBy::Created,
        "solved" => ReportBy::Solved,
        _ => return Err(Error::field("by", field_code::INVALID_VALUE)),
    };
    let roles = roles(query.role.as_deref())?;
    let filter = Filter {
        tenant_id: user.tenant_id,
        from: from.map(|d| period::start(zone, d)),
        to: to.map(|d| period::start(zone, d)),
        agents: ids(query.agent.as_deref(), "agent")?,
        groups: ids(query.group.as_deref(), "group")?,
        types: ids(query.ticket_type.as_deref(), "type")?,
        priorities: codes(query.priority.as_deref(), "priority", &PRIORITIES)?,
        channels: codes(query.channel.as_deref(), "channel", &CHANNELS)?,
        subtypes: ids(query.subtype.as_deref(), "subtype")?,
        customer_groups: ids(query.customer_group.as_deref(), "customer_group")?,
        roles: roles.0,
        role_ids: roles.1,
    };
    let moment = match by {
        ReportBy::Created => Moment::Created,
        ReportBy::Solved => Moment::Solved,
    };
    Ok(Parsed { filter, moment, by, from, to, zone })
}

/// `part ÷ whole`, or `None` when there is no whole.
fn ratio(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| part as f64 / whole as f64)
}

/// `sum ÷ count` rounded to the nearest whole, or `None` when there is nothing.
fn average(sum: i64, count: i64) -> Option<i64> {
    (count > 0).then(|| (2 * sum + count) / (2 * count))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_round_to_the_nearest_second() {
        let cases = [(10, 4, Some(3)), (9, 4, Some(2)), (7, 2, Some(4)), (6, 3, Some(2)), (0, 0, None), (5, 1, Some(5))];
        for (sum, count, want) in cases {
            assert_eq!(average(sum, count), want, "{sum}/{count}");
        }
    }

    #[test]
    fn lists_and_codes_are_checked() {
        assert_eq!(ids(Some("3, 5,,7"), "agent").ok(), Some(vec![3, 5, 7]));
        assert!(ids(Some("3,x"), "agent").is_err());
        assert_eq!(codes(Some("high,low"), "priority", &PRIORITIES).ok(), Some(vec!["high".into(), "low".into()]));
        assert!(codes(Some("extreme"), "priority", &PRIORITIES).is_err());
        assert_eq!(roles(Some("agent, 4,admin")).ok(), Some((vec!["agent".into(), "admin".into()], vec![4])));
        assert!(roles(Some("customer")).is_err());
        assert_eq!(date(Some("2026-02-29"), "from").ok(), None);
        assert!(date(Some("2028-02-29"), "from").is_ok_and(|d| d.is_some()));
    }
}
