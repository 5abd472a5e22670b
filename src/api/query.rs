//! Query strings of the list endpoints: a parameter is sent only when it has a value.

/// The parameters of one request, in order.
#[derive(Debug, Default)]
pub(super) struct Query(Vec<(&'static str, String)>);

impl Query {
    /// `key=value` when there is a value. (Strings only: a generic value would generate this
    /// again for each type, which the help center's size budget notices.)
    pub fn some(mut self, key: &'static str, value: Option<&str>) -> Query {
        if let Some(value) = value {
            self.0.push((key, value.to_owned()));
        }
        self
    }

    /// `key=<number>` when there is one.
    pub fn number(self, key: &'static str, value: Option<i64>) -> Query {
        self.some(key, value.map(|n| n.to_string()).as_deref())
    }

    /// `key=text`, trimmed, when there is text left.
    pub fn text(self, key: &'static str, text: Option<&str>) -> Query {
        self.some(key, text.map(str::trim).filter(|t| !t.is_empty()))
    }

    /// `cursor` and `limit`, the paging of every list.
    pub fn page(self, cursor: Option<&str>, limit: Option<u32>) -> Query {
        self.some("cursor", cursor).number("limit", limit.map(i64::from))
    }

    pub fn into_pairs(self) -> Vec<(&'static str, String)> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_has_a_value_and_text_trimmed() {
        let cursor = "c2".to_owned();
        let pairs = Query::default()
            .some("status", Some("open"))
            .number("category_id", None)
            .text("q", Some("  #12 "))
            .text("blank", Some("   "))
            .page(Some(&cursor), Some(50))
            .into_pairs();
        let expected = [("status", "open"), ("q", "#12"), ("cursor", "c2"), ("limit", "50")];
        assert_eq!(pairs, expected.map(|(k, v)| (k, v.to_owned())));
        assert!(Query::default().page(None, None).into_pairs().is_empty());
    }
}
