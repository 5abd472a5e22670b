//! The demo catalog's custom fields: which type or sub-type each goes on, its definition and the
//! dictionary its options come from.

use baton_core::{CustomField, FieldKind, Text};

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

/// A demo field: where it goes, its definition and the dictionary its options come from.
pub(super) struct Demo {
    pub(super) owner: (&'static str, Option<&'static str>),
    pub(super) field: CustomField,
    pub(super) dictionary: Option<&'static str>,
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

pub(super) fn fields() -> Vec<Demo> {
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
