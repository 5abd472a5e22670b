//! The report's filters as they sit in the page's URL (`?from=…&to=…&by=…&interval=…&agent=1,2&type=3`,
//! and `group`, `subtype`, `customer_group`, `role`),
//! so a report can be bookmarked and shared, and their translation into the API's query. The
//! URL's `to` is the last day shown (inclusive, as people read a date range); the API's is the day
//! after. Anything unreadable in a URL falls back to its default rather than failing the page.
//! Days are chrono's ([`crate::time`]).

use crate::api::{by_code, id_list, interval_code, ReportQuery};
use crate::time::chrono::TimeDelta;
use crate::time::day;
use baton_core::{ReportBy, ReportInterval};

/// How many days the default period covers, today included.
const DEFAULT_DAYS: i64 = 30;

/// The filters of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Filters {
    /// First day, `YYYY-MM-DD`.
    pub from: String,
    /// Last day, inclusive.
    pub to: String,
    pub by: ReportBy,
    pub interval: ReportInterval,
    pub agents: Vec<i64>,
    pub types: Vec<i64>,
    /// Session 9: groups, sub-types and customer groups (ids), the assignee's roles (`owner`,
    /// `admin`, `agent` or custom role ids).
    pub groups: Vec<i64>,
    pub subtypes: Vec<i64>,
    pub customer_groups: Vec<i64>,
    pub roles: Vec<String>,
}

impl Filters {
    /// The last 30 days up to `today`, by creation, per day, everyone.
    pub fn default_for(today: &str) -> Filters {
        Filters {
            from: add_days(today, 1 - DEFAULT_DAYS).unwrap_or_else(|| today.to_owned()),
            to: today.to_owned(),
            by: ReportBy::Created,
            interval: ReportInterval::Day,
            agents: Vec::new(),
            types: Vec::new(),
            groups: Vec::new(),
            subtypes: Vec::new(),
            customer_groups: Vec::new(),
            roles: Vec::new(),
        }
    }

    /// The filters a URL's query holds (`get` reads one parameter), defaults where it has none.
    pub fn from_query(get: impl Fn(&str) -> Option<String>, today: &str) -> Filters {
        let mut filters = Filters::default_for(today);
        let from = get("from").filter(|d| day(d).is_some());
        let to = get("to").filter(|d| day(d).is_some());
        match (from, to) {
            (Some(from), Some(to)) if from <= to => (filters.from, filters.to) = (from, to),
            (Some(from), None) if from.as_str() <= today => filters.from = from,
            _ => {}
        }
        filters.by = match get("by").as_deref() {
            Some("solved") => ReportBy::Solved,
            _ => ReportBy::Created,
        };
        filters.interval = match get("interval").as_deref() {
            Some("week") => ReportInterval::Week,
            Some("month") => ReportInterval::Month,
            _ => ReportInterval::Day,
        };
        filters.agents = ids(get("agent").as_deref());
        filters.types = ids(get("type").as_deref());
        filters.groups = ids(get("group").as_deref());
        filters.subtypes = ids(get("subtype").as_deref());
        filters.customer_groups = ids(get("customer_group").as_deref());
        filters.roles = roles(get("role").as_deref());
        filters
    }

    /// The URL query (without `?`) that gives these filters back.
    pub fn to_search(&self) -> String {
        let mut pairs = vec![
            format!("from={}", self.from),
            format!("to={}", self.to),
            format!("by={}", by_code(self.by)),
            format!("interval={}", interval_code(self.interval)),
        ];
        // Digits and commas need no escaping in a query.
        if let Some(agents) = id_list(&self.agents) {
            pairs.push(format!("agent={agents}"));
        }
        if let Some(types) = id_list(&self.types) {
            pairs.push(format!("type={types}"));
        }
        for (key, list) in [("group", &self.groups), ("subtype", &self.subtypes), ("customer_group", &self.customer_groups)] {
            if let Some(list) = id_list(list) {
                pairs.push(format!("{key}={list}"));
            }
        }
        if !self.roles.is_empty() {
            pairs.push(format!("role={}", self.roles.join(",")));
        }
        pairs.join("&")
    }

    /// The API's query for these filters (its `to` is exclusive).
    pub fn api(&self) -> ReportQuery {
        ReportQuery {
            from: Some(self.from.clone()),
            to: add_days(&self.to, 1),
            by: self.by,
            interval: self.interval,
            agents: self.agents.clone(),
            types: self.types.clone(),
            groups: self.groups.clone(),
            subtypes: self.subtypes.clone(),
            customer_groups: self.customer_groups.clone(),
            roles: self.roles.clone(),
        }
    }
}

/// Whether `from`..=`to` is a period: two dates, the end not before the start.
pub fn valid_period(from: &str, to: &str) -> bool {
    matches!((day(from), day(to)), (Some(a), Some(b)) if a <= b)
}

/// Comma-separated ids; whatever is not one is dropped, duplicates too.
fn ids(list: Option<&str>) -> Vec<i64> {
    let mut ids = Vec::new();
    for id in list.unwrap_or_default().split(',').filter_map(|s| s.trim().parse::<i64>().ok()) {
        if id > 0 && !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// The built-in staff roles a report filters by, as the URL writes them.
pub const ROLES: [&str; 3] = ["agent", "admin", "owner"];

/// Comma-separated roles: built-in codes and custom role ids; anything else is dropped, and
/// duplicates too.
fn roles(list: Option<&str>) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    for item in list.unwrap_or_default().split(',').map(str::trim) {
        let known = ROLES.contains(&item) || item.parse::<i64>().is_ok_and(|id| id > 0);
        if known && !roles.iter().any(|r| r == item) {
            roles.push(item.to_owned());
        }
    }
    roles
}

/// `date` moved by `days`, or `None` if `date` is not a `YYYY-MM-DD` date.
pub fn add_days(date: &str, days: i64) -> Option<String> {
    let moved = day(date)?.checked_add_signed(TimeDelta::try_days(days)?)?;
    Some(moved.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_move_across_months_years_and_leap_days() {
        let cases = [
            ("2026-12-07", -29, Some("2026-11-08")),
            ("2026-12-31", 1, Some("2027-01-01")),
            ("2024-02-28", 1, Some("2024-02-29")),
            ("2023-02-28", 1, Some("2023-03-01")),
            ("2000-03-01", -1, Some("2000-02-29")),
            ("1970-01-01", 0, Some("1970-01-01")),
            ("2026-02-30", 0, None),
            ("2026-13-01", 0, None),
            ("26-1-1", 0, None),
            ("", 0, None),
        ];
        for (date, days, expected) in cases {
            assert_eq!(add_days(date, days).as_deref(), expected, "{date} {days}");
        }
    }

    fn query<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |key| pairs.iter().find(|(k, _)| *k == key).map(|(_, v)| (*v).to_owned())
    }

    #[test]
    fn a_url_gives_its_filters_back_and_nonsense_gives_defaults() {
        let today = "2026-12-07";
        let defaults = Filters::from_query(query(&[]), today);
        assert_eq!((defaults.from.as_str(), defaults.to.as_str()), ("2026-11-08", "2026-12-07"));
        assert_eq!(defaults.api().to.as_deref(), Some("2026-12-08"));

        let pairs = [("from", "2026-03-01"), ("to", "2026-03-31"), ("by", "solved"), ("interval", "week"), ("agent", "3,x,2,3"), ("type", "7")];
        let filters = Filters::from_query(query(&pairs), today);
        assert_eq!(filters.to_search(), "from=2026-03-01&to=2026-03-31&by=solved&interval=week&agent=3,2&type=7");
        let api = filters.api();
        assert_eq!((api.from.as_deref(), api.to.as_deref()), (Some("2026-03-01"), Some("2026-04-01")));
        assert_eq!((api.agents, api.types), (vec![3, 2], vec![7]));

        // Session 9: groups, sub-types, customer groups and roles go to the URL and the API.
        let pairs = [("group", "4,4"), ("subtype", "9"), ("customer_group", "2"), ("role", "agent,x,12,customer")];
        let filters = Filters::from_query(query(&pairs), today);
        assert!(filters.to_search().ends_with("&group=4&subtype=9&customer_group=2&role=agent,12"), "{}", filters.to_search());
        let api = filters.api();
        assert_eq!((api.groups, api.subtypes, api.customer_groups, api.roles), (vec![4], vec![9], vec![2], vec!["agent".to_owned(), "12".to_owned()]));

        let reversed = [("from", "2026-05-01"), ("to", "2026-04-01"), ("by", "x"), ("interval", "year")];
        assert_eq!(Filters::from_query(query(&reversed), today), defaults);
        assert!(valid_period("2026-04-01", "2026-04-01"));
        assert!(!valid_period("2026-04-02", "2026-04-01"));
        assert!(!valid_period("", "2026-04-01"));
    }
}
