//! Test data: a ticket catalog with every custom field kind (and a cascading pair), and an
//! uploader that answers without a network.

use baton::components::ui::Upload;
use baton_core::{Attachment, CustomField, FieldKind, FieldOption, Subtype, Text, TicketType};
use leptos::prelude::*;

fn option(value: &str, en: &str, zh: &str, parent: Option<&str>) -> FieldOption {
    FieldOption {
        value: value.into(),
        label: Text::en_zh(en, zh),
        parent_value: parent.map(Into::into),
    }
}

pub fn field(key: &str, kind: FieldKind, required: bool) -> CustomField {
    CustomField {
        key: key.into(),
        label: Text::en_zh(&format!("Label {key}"), &format!("标签 {key}")),
        kind,
        required,
        options: Vec::new(),
        parent: None,
        help: None,
    }
}

/// "Orders" (id 1) with type-wide fields, sub-type "Return" (id 11) with one field of every
/// other kind; `country` → `city` cascade. Type "Other" (id 2) has no sub-types or fields.
pub fn catalog() -> Vec<TicketType> {
    let mut order_no = field("order_no", FieldKind::Text, true);
    order_no.help = Some(Text::en_zh("On your receipt.", "见收据。"));
    let mut country = field("country", FieldKind::Select, true);
    country.options = vec![
        option("cn", "China", "中国", None),
        option("us", "United States", "美国", None),
    ];
    let mut city = field("city", FieldKind::Select, false);
    city.parent = Some("country".into());
    city.options = vec![
        option("sh", "Shanghai", "上海", Some("cn")),
        option("bj", "Beijing", "北京", Some("cn")),
        option("ny", "New York", "纽约", Some("us")),
    ];
    let mut reasons = field("reasons", FieldKind::Multiselect, false);
    reasons.options = vec![
        option("broken", "Broken", "损坏", None),
        option("late", "Late", "迟到", None),
    ];
    let mut channel = field("channel", FieldKind::Radio, true);
    channel.options = vec![
        option("shop", "Shop", "门店", None),
        option("web", "Website", "网站", None),
    ];
    vec![
        TicketType {
            id: 1,
            name: Text::en_zh("Orders", "订单"),
            subtypes: vec![Subtype {
                id: 11,
                name: Text::en_zh("Return", "退货"),
                fields: vec![
                    field("notes", FieldKind::Textarea, false),
                    field("amount", FieldKind::Number, false),
                    field("bought_on", FieldKind::Date, false),
                    field("call_at", FieldKind::Datetime, false),
                    country,
                    city,
                    reasons,
                    channel,
                    field("agree", FieldKind::Checkbox, true),
                    field("receipt", FieldKind::Attachment, false),
                ],
            }],
            fields: vec![order_no],
        },
        TicketType {
            id: 2,
            name: Text::en_zh("Other", "其他"),
            subtypes: Vec::new(),
            fields: Vec::new(),
        },
    ]
}

pub fn attachment(id: i64, name: &str) -> Attachment {
    Attachment {
        id,
        name: name.into(),
        size: 2048,
        content_type: "text/plain".into(),
    }
}

/// An uploader that "stores" every file at once, numbering them from 100.
pub fn instant_uploader() -> Callback<web_sys::File, Upload> {
    let next = StoredValue::new(100_i64);
    Callback::new(move |file: web_sys::File| {
        let id = next.get_value();
        next.set_value(id + 1);
        Upload::done(attachment(id, &file.name()))
    })
}

/// An uploader whose uploads stay where the test puts them (kept in `started`).
pub fn manual_uploader(started: RwSignal<Vec<Upload>>) -> Callback<web_sys::File, Upload> {
    Callback::new(move |file: web_sys::File| {
        let upload = Upload::new(file.name(), file.size());
        started.update(|s| s.push(upload.clone()));
        upload
    })
}
