//! The demo desk's ticket catalog, in English and Chinese: Technical issue (Site is down, Email
//! problem), Billing (Invoice, Refund) and Returns (Return of goods, Exchange). "Return of goods"
//! carries one field of every kind — a required text, a dictionary-backed select and a
//! province → city cascade among them — so a test can fill in every kind at once.

use crate::storage::catalog::{self, Owner};
use baton_core::{CustomField, FieldKind, FieldOption, Text};
use sqlx::SqliteConnection;

fn field(key: &str, en: &str, zh: &str, kind: FieldKind, required: bool) -> CustomField {
    CustomField {
        key: key.into(),
        label: Text::en_zh(en, zh),
        kind,
        required,
        options: vec![],
        parent: None,
        help: None,
    }
}

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

/// A demo field: where it goes, its definition and the dictionary its options come from.
struct Demo {
    owner: (&'static str, Option<&'static str>),
    field: CustomField,
    dictionary: Option<&'static str>,
}

fn on(
    type_en: &'static str,
    subtype_en: Option<&'static str>,
    field: CustomField,
    dictionary: Option<&'static str>,
) -> Demo {
    Demo {
        owner: (type_en, subtype_en),
        field,
        dictionary,
    }
}

fn fields() -> Vec<Demo> {
    use FieldKind as K;
    let returns = Some("Return of goods");
    let mut city = field("city", "City", "城市", K::Select, false);
    city.parent = Some("province".into());
    let mut order_no = field("order_no", "Order number", "订单号", K::Text, true);
    order_no.help = Some(Text::en_zh(
        "On the order confirmation email",
        "见订单确认邮件",
    ));
    vec![
        on(
            "Technical issue",
            Some("Site is down"),
            field(
                "site_url",
                "Address of the site",
                "网站地址",
                K::Text,
                false,
            ),
            None,
        ),
        on(
            "Technical issue",
            Some("Email problem"),
            field(
                "email_client",
                "Email program",
                "邮件客户端",
                K::Select,
                false,
            ),
            Some("email_clients"),
        ),
        on(
            "Billing",
            Some("Invoice"),
            field("invoice_title", "Invoice title", "发票抬头", K::Text, false),
            None,
        ),
        on(
            "Billing",
            Some("Refund"),
            field("refund_amount", "Amount", "金额", K::Number, false),
            None,
        ),
        on("Returns", returns, order_no, None),
        on(
            "Returns",
            returns,
            field("reason", "Reason", "退货原因", K::Textarea, false),
            None,
        ),
        on(
            "Returns",
            returns,
            field("amount", "Amount paid", "实付金额", K::Number, false),
            None,
        ),
        on(
            "Returns",
            returns,
            field("purchase_date", "Purchase date", "购买日期", K::Date, false),
            None,
        ),
        on(
            "Returns",
            returns,
            field(
                "pickup_time",
                "Pick-up time",
                "上门取件时间",
                K::Datetime,
                false,
            ),
            None,
        ),
        on(
            "Returns",
            returns,
            field("category", "Product category", "商品类别", K::Select, false),
            Some("product_categories"),
        ),
        on(
            "Returns",
            returns,
            field(
                "accessories",
                "Accessories included",
                "随附配件",
                K::Multiselect,
                false,
            ),
            Some("accessories"),
        ),
        on(
            "Returns",
            returns,
            field("condition", "Condition", "商品状态", K::Radio, false),
            Some("conditions"),
        ),
        on(
            "Returns",
            returns,
            field("province", "Province", "省份", K::Select, false),
            Some("provinces"),
        ),
        on("Returns", returns, city, Some("cities")),
        on(
            "Returns",
            returns,
            field("photos", "Photos", "照片", K::Attachment, false),
            None,
        ),
        on(
            "Returns",
            returns,
            field(
                "agree",
                "I agree to the return policy",
                "我同意退货政策",
                K::Checkbox,
                true,
            ),
            None,
        ),
    ]
}

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

/// Writes the catalog of the demo desk `tenant_id`.
pub(super) async fn seed(
    conn: &mut SqliteConnection,
    tenant_id: i64,
    now: &str,
) -> Result<(), sqlx::Error> {
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
    Ok(())
}
