//! The demo desk's ticket catalog, in English and Chinese: Technical issue (Site is down, Email
//! problem), Billing (Invoice, Refund) and Returns (Return of goods, Exchange). "Return of goods"
//! carries one field of every kind — a required text, a dictionary-backed select and a
//! province → city cascade among them — so a test can fill in every kind at once.

use crate::storage::catalog::{self, Owner};
use crate::storage::{self, Conn};
use baton_core::{FieldOption, Text};
use fields::fields;

mod fields;

fn option(value: &str, en: &str, zh: &str, parent_value: Option<&str>) -> FieldOption {
    FieldOption {
        value: value.into(),
        label: Text::en_zh(en, zh),
        parent_value: parent_value.map(Into::into),
    }
}

/// A dictionary's options: (value, English, Chinese, parent value).
type Entries = &'static [(
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
)];

const DICTIONARIES: &[(&str, Entries)] = &[
    (
        "email_clients",
        &[
            ("outlook", "Outlook", "Outlook", None),
            ("webmail", "Webmail", "网页邮箱", None),
            ("mobile", "Phone app", "手机客户端", None),
        ],
    ),
    (
        "product_categories",
        &[
            ("appliance", "Home appliance", "家用电器", None),
            ("clothing", "Clothing", "服装", None),
            ("electronics", "Electronics", "电子产品", None),
        ],
    ),
    (
        "accessories",
        &[
            ("box", "Original box", "原包装盒", None),
            ("manual", "Manual", "说明书", None),
            ("charger", "Charger", "充电器", None),
        ],
    ),
    (
        "conditions",
        &[
            ("unopened", "Unopened", "未拆封", None),
            ("used", "Used", "已使用", None),
            ("damaged", "Damaged", "已损坏", None),
        ],
    ),
    (
        "provinces",
        &[
            ("zhejiang", "Zhejiang", "浙江", None),
            ("guangdong", "Guangdong", "广东", None),
        ],
    ),
    (
        "cities",
        &[
            ("hangzhou", "Hangzhou", "杭州", Some("zhejiang")),
            ("ningbo", "Ningbo", "宁波", Some("zhejiang")),
            ("guangzhou", "Guangzhou", "广州", Some("guangdong")),
            ("shenzhen", "Shenzhen", "深圳", Some("guangdong")),
        ],
    ),
];

/// A name in English and Chinese.
type Name = (&'static str, &'static str);

/// (English, Chinese, sub-types).
const TYPES: &[(&str, &str, &[Name])] = &[
    (
        "Technical issue",
        "技术问题",
        &[
            ("Site is down", "网站打不开"),
            ("Email problem", "邮件问题"),
        ],
    ),
    (
        "Billing",
        "账单",
        &[("Invoice", "发票"), ("Refund", "退款")],
    ),
    (
        "Returns",
        "退换货",
        &[("Return of goods", "退货"), ("Exchange", "换货")],
    ),
];

/// A type (English name, no sub-type) or sub-type (type, sub-type) of the demo catalog and its id.
pub(super) type Seeded = Vec<((&'static str, Option<&'static str>), Owner)>;

/// Writes the catalog of the demo desk `tenant_id`; the types and sub-types it made.
pub(super) async fn seed(conn: &mut Conn, tenant_id: i64, now: &str) -> Result<Seeded, storage::Error> {
    let mut owners: Vec<((&str, Option<&str>), Owner)> = Vec::new();
    for (position, (en, zh, subtypes)) in (0_i64..).zip(TYPES) {
        let type_id =
            catalog::insert_type(conn, tenant_id, &Text::en_zh(en, zh), position, now).await?;
        owners.push(((en, None), Owner::Type(type_id)));
        for (position, (sub_en, sub_zh)) in (0_i64..).zip(subtypes.iter()) {
            let name = Text::en_zh(sub_en, sub_zh);
            let id =
                catalog::insert_subtype(conn, tenant_id, type_id, &name, position, now).await?;
            owners.push(((en, Some(sub_en)), Owner::Subtype(id)));
        }
    }
    let mut dictionaries = Vec::new();
    for (name, entries) in DICTIONARIES {
        let options: Vec<FieldOption> = entries
            .iter()
            .map(|(v, en, zh, p)| option(v, en, zh, *p))
            .collect();
        dictionaries.push((
            *name,
            catalog::insert_dictionary(conn, tenant_id, name, &options, now).await?,
        ));
    }
    for (position, demo) in (0_i64..).zip(fields()) {
        let Some((_, owner)) = owners.iter().find(|(key, _)| *key == demo.owner) else {
            continue;
        };
        let dictionary = demo
            .dictionary
            .and_then(|d| dictionaries.iter().find(|(n, _)| *n == d))
            .map(|(_, id)| *id);
        catalog::insert_field(conn, tenant_id, *owner, &demo.field, dictionary, position).await?;
    }
    Ok(owners)
}
