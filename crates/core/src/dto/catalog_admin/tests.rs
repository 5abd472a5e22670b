//! Table tests of the catalog's setup checks.

use super::*;

fn pairs(errors: Vec<FieldError>) -> Vec<(String, String)> {
    errors.into_iter().map(|e| (e.field, e.code)).collect()
}

fn want(items: &[(&str, &str)]) -> Vec<(String, String)> {
    items.iter().map(|(f, c)| ((*f).to_owned(), (*c).to_owned())).collect()
}

#[test]
fn texts_need_a_known_language_and_fit() {
    let long = "x".repeat(NAME_MAX + 1);
    // (text, errors)
    let cases: Vec<(Text, Vec<(&str, &str)>)> = vec![
        (Text::en_zh("Billing", "账单"), vec![]),
        (Text([("zh-CN".to_owned(), " 账单 ".to_owned())].into()), vec![]),
        (Text::default(), vec![("name", "required")]),
        (Text::en_zh(" ", ""), vec![("name", "required")]),
        (Text([("fr".to_owned(), "Factures".to_owned())].into()), vec![("name", "invalid_value")]),
        (Text::en_zh(&long, "账单"), vec![("name", "too_long")]),
    ];
    for (text, expected) in cases {
        let mut errors = Vec::new();
        check_text("name", &text, NAME_MAX, &mut errors);
        assert_eq!(pairs(errors), want(&expected), "{text:?}");
    }
    assert_eq!(tidy(&Text::en_zh(" Billing ", " ")), Text([("en".to_owned(), "Billing".to_owned())].into()));
}

#[test]
fn new_fields_are_checked_by_kind() {
    let field = |key: &str, kind: FieldKind, dictionary_id: Option<i64>, parent: Option<&str>| NewField {
        subtype_id: None,
        key: key.to_owned(),
        label: Text::en_zh("Order", "订单"),
        kind,
        required: true,
        help: None,
        dictionary_id,
        parent: parent.map(str::to_owned),
    };
    let cases = [
        (field("order_no", FieldKind::Text, None, None), vec![]),
        (field("city", FieldKind::Select, Some(3), Some("province")), vec![]),
        (field("Order", FieldKind::Text, None, None), vec![("key", "invalid_value")]),
        (field("1st", FieldKind::Text, None, None), vec![("key", "invalid_value")]),
        (field("colour", FieldKind::Radio, None, None), vec![("dictionary_id", "required")]),
        (field("when", FieldKind::Date, Some(3), Some("x")), vec![("dictionary_id", "invalid_value"), ("parent", "invalid_value")]),
    ];
    for (new, expected) in cases {
        assert_eq!(pairs(new.check()), want(&expected), "{new:?}");
    }
}

#[test]
fn dictionaries_name_each_bad_option() {
    let option = |value: &str, parent: Option<&str>| OptionSpec {
        value: value.to_owned(),
        label: Text::en_zh(value, value),
        parent_value: parent.map(str::to_owned),
    };
    let spec = DictionarySpec {
        name: "Cities".into(),
        options: vec![option("sh", Some("east")), option("sh", Some("west")), option("sh", Some("east")), option(" ", None)],
    };
    assert_eq!(
        pairs(spec.check()),
        want(&[("options[2].value", "invalid_value"), ("options[3].value", "required"), ("options[3].label", "required")])
    );
}
