//! The demo knowledge base: three categories and, for each of five everyday topics, one article
//! in English and one in Chinese, all published; one draft; and one article of the other desk.

use super::{OTHER_TENANT, TENANT};
use crate::kb;
use crate::storage::kb::{self as kb_store, ArticleFields};
use crate::storage::{self, Conn};
use baton_core::kb::ArticleStatus;
use std::collections::HashMap;
use time::{Duration, OffsetDateTime};

const ACCOUNT: &str = "Account · 账号与登录";
const DEVICES: &str = "Devices & network · 设备与网络";
const BILLING: &str = "Billing & returns · 账单与退货";

/// (tenant, name) of each category, in the order they are shown.
const CATEGORIES: &[(&str, &str)] = &[
    (TENANT, ACCOUNT),
    (TENANT, DEVICES),
    (TENANT, BILLING),
    (OTHER_TENANT, ACCOUNT),
];

struct DemoArticle {
    tenant: &'static str,
    category: &'static str,
    title: &'static str,
    body: &'static str,
    status: ArticleStatus,
    hours_ago: i64,
}

const fn published(
    category: &'static str,
    title: &'static str,
    body: &'static str,
    hours_ago: i64,
) -> DemoArticle {
    DemoArticle {
        tenant: TENANT,
        category,
        title,
        body,
        status: ArticleStatus::Published,
        hours_ago,
    }
}

const ARTICLES: &[DemoArticle] = &[
    published(ACCOUNT, "How to reset your password",
        "Forgot your password? You can set a new one yourself.\n\n\
         1. On the sign-in page, choose **Forgot password**.\n\
         2. Enter the email address of your account.\n\
         3. Open the link in the email we send you within **30 minutes** and choose a new password.\n\n\
         The link works once. If it has expired, ask for a new one. Still stuck? \
         [Submit a ticket](/tickets/new) and tell us the email address you use.", 240),
    published(ACCOUNT, "如何重置密码",
        "忘记密码时，可以自行重置：\n\n\
         1. 在登录页点击 **忘记密码**。\n\
         2. 输入账号绑定的邮箱。\n\
         3. 在 **30 分钟内** 打开邮件中的链接，设置新密码。\n\n\
         重置链接只能使用一次，过期后请重新申请。仍无法登录？请[提交工单](/tickets/new)并注明您的邮箱。", 239),
    published(DEVICES, "Printer jams: what to try first",
        "Most paper jams clear in a minute.\n\n\
         - Open the front cover and pull the jammed sheet out **slowly, in the direction of the paper path**.\n\
         - Fan the paper stack and check it is not above the fill line.\n\
         - For jams on double-sided prints, clean the duplex unit at the back.\n\n\
         If the printer jams on every page, note the error code on its display and submit a ticket.", 200),
    published(DEVICES, "打印机卡纸怎么办",
        "大多数卡纸一分钟内即可处理：\n\n\
         - 打开前盖，**顺着走纸方向**缓慢取出卡住的纸张。\n\
         - 将纸张抖松，确认纸量不超过纸盒的满纸线。\n\
         - 双面打印时卡纸，请清理机器背面的双面器。\n\n\
         如果每一页都卡纸，请记下屏幕上的错误代码并提交工单。", 199),
    published(DEVICES, "Connecting to the VPN",
        "You need the VPN to reach internal systems from outside the office.\n\n\
         1. Install the VPN client from the software portal.\n\
         2. Sign in with your company account and approve the request on your phone.\n\n\
         **The VPN disconnects every hour?** Update the client to the latest version: older \
         versions drop the connection when the session key is renewed.", 150),
    published(DEVICES, "VPN 连接不上或经常断开",
        "在办公室以外访问内部系统需要使用 VPN。\n\n\
         1. 从软件门户安装 VPN 客户端。\n\
         2. 使用公司账号登录，并在手机上确认登录请求。\n\n\
         **每小时断开一次？** 请将客户端升级到最新版本：旧版本在会话密钥更新时会断开连接。", 149),
    published(BILLING, "Invoices and refunds",
        "Invoices are issued on the first working day of each month and sent to the billing email.\n\n\
         - To change the invoice address or VAT number, submit a ticket **before the 25th**.\n\
         - Refunds go back to the original payment method within **7 working days** of approval.", 100),
    published(BILLING, "发票与退款",
        "发票于每月第一个工作日开具，并发送至账单邮箱。\n\n\
         - 如需修改发票抬头或税号，请在 **每月 25 日前** 提交工单。\n\
         - 退款审核通过后，将在 **7 个工作日内** 原路退回。", 99),
    published(BILLING, "Returning goods",
        "You can return goods within **30 days** of delivery.\n\n\
         1. Submit a ticket with your order number and the reason for the return.\n\
         2. Once approved, pack the goods with all accessories and send them to the address we give you.\n\
         3. The warehouse checks the goods and finance issues the refund.", 50),
    published(BILLING, "如何退货",
        "签收后 **30 天内** 可申请退货。\n\n\
         1. 提交工单，注明订单号和退货原因。\n\
         2. 审核通过后，将商品及全部配件寄回我们提供的地址。\n\
         3. 仓库验收后，财务将办理退款。", 49),
    DemoArticle {
        tenant: TENANT,
        category: DEVICES,
        title: "New office Wi-Fi (draft)",
        body: "The new Wi-Fi network goes live next month. Details follow.",
        status: ArticleStatus::Draft,
        hours_ago: 2,
    },
    DemoArticle {
        tenant: OTHER_TENANT,
        category: ACCOUNT,
        title: "Other Desk: resetting your password",
        body: "Ask your Other Desk administrator for a reset link.",
        status: ArticleStatus::Published,
        hours_ago: 24,
    },
];

/// Writes the demo knowledge base; `tenants` maps names to the seeded ids.
pub(super) async fn seed(
    conn: &mut Conn,
    tenants: &HashMap<&str, i64>,
    now: OffsetDateTime,
) -> Result<(), storage::Error> {
    let created = storage::timestamp(now);
    let mut categories = HashMap::new();
    for (tenant, name) in CATEGORIES {
        let id = kb_store::insert_category(conn, tenants[tenant], name, &created).await?;
        categories.insert((*tenant, *name), id);
    }
    for a in ARTICLES {
        let fields = ArticleFields {
            title: a.title,
            body_markdown: a.body,
            body_text: &kb::plain_text(a.body),
            category_id: categories.get(&(a.tenant, a.category)).copied(),
            status: a.status,
        };
        let when = storage::timestamp(now - Duration::hours(a.hours_ago));
        kb_store::insert(conn, tenants[a.tenant], &fields, &when).await?;
    }
    Ok(())
}
