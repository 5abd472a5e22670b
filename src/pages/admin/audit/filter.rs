//! The audit page's filters as the URL holds them (`?actor=&kind=&from=&to=`) and as the API
//! takes them (`AuditQuery`: the dates become instants at the viewer's local midnight, `to`
//! inclusive).

use super::super::AUDIT_PATH;
use crate::api::AuditQuery;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    pub actor: Option<i64>,
    pub kind: Option<String>,
    /// `YYYY-MM-DD`, the viewer's calendar.
    pub from: Option<String>,
    pub to: Option<String>,
}

/// A `YYYY-MM-DD` date's numbers, if it is one.
fn ymd(date: &str) -> Option<(u32, u32, u32)> {
    let mut parts = date.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
    ((1..=12).contains(&m) && (1..=31).contains(&d) && date.len() == 10).then_some((y, m, d))
}

impl Filter {
    /// The filters of a URL's query, each read with `get`; what is not understood is left out.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Filter {
        let text = |k: &str| get(k).filter(|v| !v.is_empty());
        Filter {
            actor: text("actor").and_then(|a| a.parse().ok()),
            kind: text("kind").filter(|k| baton_core::audit::TARGET_KINDS.contains(&k.as_str())),
            from: text("from").filter(|d| ymd(d).is_some()),
            to: text("to").filter(|d| ymd(d).is_some()),
        }
    }

    /// Sets filter `key` from a control's value ("" clears it).
    pub fn set(&mut self, key: &str, value: &str) {
        let value = (!value.is_empty()).then(|| value.to_owned());
        match key {
            "actor" => self.actor = value.and_then(|v| v.parse().ok()),
            "kind" => self.kind = value,
            "from" => self.from = value.filter(|d| ymd(d).is_some()),
            "to" => self.to = value.filter(|d| ymd(d).is_some()),
            _ => {}
        }
    }

    /// The page's URL with these filters.
    pub fn url(&self) -> String {
        let mut parts = Vec::new();
        if let Some(a) = self.actor {
            parts.push(format!("actor={a}"));
        }
        for (key, value) in [("kind", &self.kind), ("from", &self.from), ("to", &self.to)] {
            if let Some(v) = value {
                parts.push(format!("{key}={v}"));
            }
        }
        if parts.is_empty() { AUDIT_PATH.to_owned() } else { format!("{AUDIT_PATH}?{}", parts.join("&")) }
    }

    /// What the API is asked: from the start of `from` to the end of `to`, local time.
    pub fn to_api(&self) -> AuditQuery {
        AuditQuery {
            actor: self.actor,
            kind: self.kind.clone(),
            from: self.from.as_deref().and_then(|d| local_midnight(d, 0)),
            to: self.to.as_deref().and_then(|d| local_midnight(d, 1)),
        }
    }
}

/// The instant (RFC 3339, UTC) of local midnight `days` after `date`.
fn local_midnight(date: &str, days: u32) -> Option<String> {
    let (y, m, d) = ymd(date)?;
    let at = js_sys::Date::new_with_year_month_day(y, m as i32 - 1, (d + days) as i32);
    (!at.get_time().is_nan()).then(|| at.to_iso_string().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_round_trips_and_drops_what_it_does_not_understand() {
        let query = |pairs: &'static [(&'static str, &'static str)]| move |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| (*v).to_owned());
        let f = Filter::from_query(query(&[("actor", "6"), ("kind", "sla_policy"), ("from", "2026-12-01"), ("to", "2026-12-07")]));
        assert_eq!(f.url(), "/admin/audit?actor=6&kind=sla_policy&from=2026-12-01&to=2026-12-07");
        let bad = Filter::from_query(query(&[("actor", "x"), ("kind", "<script>"), ("from", "yesterday"), ("to", "2026-13-01")]));
        assert_eq!((bad.clone(), bad.url()), (Filter::default(), "/admin/audit".to_owned()));
        let mut f = f;
        f.set("kind", "");
        f.set("actor", "7");
        assert_eq!(f.url(), "/admin/audit?actor=7&from=2026-12-01&to=2026-12-07");
    }
}
