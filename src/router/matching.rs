//! Addresses and path patterns.

/// An address of this origin, split as `Location` splits it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Href {
    pub path: String,
    /// Without the `?`.
    pub search: String,
    /// With the `#`, or empty.
    pub hash: String,
}

impl Href {
    /// Path, query and fragment, as written in a link.
    pub fn full(&self) -> String {
        let mut full = self.path.clone();
        if !self.search.is_empty() {
            full.push('?');
            full.push_str(&self.search);
        }
        full + &self.hash
    }
}

/// The browser's current address.
pub(super) fn current_href() -> Href {
    let location = leptos::prelude::window().location();
    let search = location.search().unwrap_or_default();
    Href {
        path: location.pathname().unwrap_or_default(),
        search: search.strip_prefix('?').unwrap_or(&search).to_owned(),
        hash: location.hash().unwrap_or_default(),
    }
}

/// The values of a route's `:name` segments.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Params(Vec<(&'static str, String)>);

impl Params {
    /// The (decoded) value of segment `:key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone())
    }
}

/// Whether `path` matches `pattern` (`/tickets/:id` matches `/tickets/3` with id = 3); a trailing
/// slash is ignored, as a server would.
pub(super) fn matches(pattern: &'static str, path: &str) -> Option<Params> {
    let mut pattern_parts = segments(pattern);
    let mut path_parts = segments(path);
    let mut params = Vec::new();
    loop {
        match (pattern_parts.next(), path_parts.next()) {
            (None, None) => return Some(Params(params)),
            (Some(want), Some(got)) => match want.strip_prefix(':') {
                Some(name) => params.push((name, decode(got))),
                None if want == got => {}
                None => return None,
            },
            _ => return None,
        }
    }
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

fn decode(segment: &str) -> String {
    if !segment.contains('%') {
        return segment.to_owned();
    }
    js_sys::decode_uri_component(segment)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| segment.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns() {
        assert_eq!(matches("/", "/"), Some(Params::default()));
        assert_eq!(matches("/tickets", "/tickets/"), Some(Params::default()));
        assert_eq!(matches("/tickets", "/tickets/3"), None);
        assert_eq!(matches("/tickets/new", "/tickets/3"), None);
        let params = matches("/tickets/:id", "/tickets/3");
        assert_eq!(params.and_then(|p| p.get("id")), Some("3".to_owned()));
        assert_eq!(matches("/tickets/:id", "/tickets"), None);
        assert_eq!(matches("/agent", "/agents"), None);
    }

    #[test]
    fn full_addresses() {
        let href = Href {
            path: "/kb".into(),
            search: "q=x".into(),
            hash: "#top".into(),
        };
        assert_eq!(href.full(), "/kb?q=x#top");
        assert_eq!(Href { path: "/".into(), ..Href::default() }.full(), "/");
    }
}
