//! Notification mail (issue 13): one mail per notification, or an hourly digest. A mail says what
//! happened to which ticket and links to it; it never carries a message body, an internal note
//! or confidential info (only the ticket's number and title, what kind of thing happened and who
//! did it). Its subject starts with the ticket number, and every mail of one ticket names the
//! same root id in `In-Reply-To`/`References`, so mail clients thread them.

use super::Lang;
use crate::error::Error;
use crate::storage::{self, mail as store, Conn};
use baton_core::NotificationKind;
use time::OffsetDateTime;

/// One notification, as a mail tells it.
pub struct Notice<'a> {
    pub kind: NotificationKind,
    pub ticket_id: i64,
    pub number: i64,
    pub title: &'a str,
    /// Who acted (`None`: the desk itself — routing, auto-close, the SLA watch).
    pub actor: Option<&'a str>,
}

/// To whom, from which desk, in which language.
pub struct Recipient<'a> {
    pub tenant_id: i64,
    pub user_id: i64,
    pub to: &'a str,
    pub name: &'a str,
    pub staff: bool,
    pub lang: Lang,
    pub desk: &'a str,
}

/// Where the recipient opens ticket `id`: the console for staff, the help center for customers.
pub fn ticket_link(public_url: &str, staff: bool, id: i64) -> String {
    if staff {
        format!("{public_url}/agent/tickets/{id}")
    } else {
        format!("{public_url}/tickets/{id}")
    }
}

/// The sentence that says what happened, and the short form the subject ends with.
fn line(n: &Notice<'_>, lang: Lang) -> (String, &'static str) {
    let (num, title) = (n.number, n.title);
    match lang {
        Lang::En => {
            let who = n.actor.unwrap_or("The desk");
            match n.kind {
                NotificationKind::PublicReply => (format!("{who} replied to your ticket #{num} \"{title}\"."), "new reply"),
                NotificationKind::Solved => (format!("Your ticket #{num} \"{title}\" was solved. If it is, please confirm; if not, reply and we will continue."), "solved, please confirm"),
                NotificationKind::Closed => (format!("Your ticket #{num} \"{title}\" was closed."), "closed"),
                NotificationKind::NewTicket => (format!("New ticket #{num} \"{title}\" in your group."), "new ticket"),
                NotificationKind::Assigned => (format!("{who} assigned ticket #{num} \"{title}\" to you."), "assigned to you"),
                NotificationKind::CustomerReplied => (format!("{who} replied on ticket #{num} \"{title}\"."), "customer replied"),
                NotificationKind::Mentioned => (format!("{who} mentioned you in an internal note on ticket #{num} \"{title}\"."), "you were mentioned"),
                NotificationKind::SlaWarning => (format!("An SLA target of ticket #{num} \"{title}\" comes due within 30 minutes."), "SLA due soon"),
                NotificationKind::SlaBreach => (format!("Ticket #{num} \"{title}\" missed an SLA target."), "SLA breached"),
            }
        }
        Lang::ZhCn => {
            let who = n.actor.unwrap_or("服务台");
            match n.kind {
                NotificationKind::PublicReply => (format!("{who} 回复了您的工单 #{num}「{title}」。"), "有新回复"),
                NotificationKind::Solved => (format!("您的工单 #{num}「{title}」已处理。如已解决请确认;如未解决请继续留言。"), "已处理,请确认"),
                NotificationKind::Closed => (format!("您的工单 #{num}「{title}」已关闭。"), "已关闭"),
                NotificationKind::NewTicket => (format!("您的客服组有新工单 #{num}「{title}」。"), "新工单"),
                NotificationKind::Assigned => (format!("{who} 将工单 #{num}「{title}」分配给了您。"), "分配给您"),
                NotificationKind::CustomerReplied => (format!("{who} 在工单 #{num}「{title}」中回复了。"), "客户已回复"),
                NotificationKind::Mentioned => (format!("{who} 在工单 #{num}「{title}」的内部备注中提到了您。"), "有人提到您"),
                NotificationKind::SlaWarning => (format!("工单 #{num}「{title}」的 SLA 目标将在 30 分钟内到期。"), "SLA 即将到期"),
                NotificationKind::SlaBreach => (format!("工单 #{num}「{title}」已超出 SLA 目标。"), "SLA 已超时"),
            }
        }
    }
}

fn greeting(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("Hello {name},"),
        Lang::ZhCn => format!("{name},您好:"),
    }
}

fn open_caption(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Open the ticket",
        Lang::ZhCn => "查看工单",
    }
}

/// `text` safe inside HTML text and double-quoted attributes.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;").replace('\'', "&#39;")
}

/// The root id all mails of ticket `ticket_id` thread under.
pub fn thread_root(tenant_id: i64, ticket_id: i64, public_url: &str) -> String {
    format!("<ticket-{tenant_id}-{ticket_id}@{}>", super::host_of(public_url))
}

fn message_id(now: OffsetDateTime, public_url: &str) -> String {
    format!("<{}.{}@{}>", now.unix_timestamp(), crate::auth::new_token().get(..24).unwrap_or_default(), super::host_of(public_url))
}

/// Renders the mail of notice `n` for `r` and queues it, inside the caller's transaction.
pub async fn enqueue(conn: &mut Conn, now: OffsetDateTime, public_url: &str, r: &Recipient<'_>, n: &Notice<'_>) -> Result<i64, Error> {
    let (what, short) = line(n, r.lang);
    let link = ticket_link(public_url, r.staff, n.ticket_id);
    let subject = format!("[#{}] {} — {short}", n.number, n.title);
    let hello = greeting(r.lang, r.name);
    let text = format!("{hello}\n\n{what}\n\n{link}\n\n— {}\n", r.desk);
    let html = format!(
        "<!DOCTYPE html>\n<html><body>\n<p>{}</p>\n<p>{}</p>\n<p><a href=\"{l}\">{}</a></p>\n<p>{l}</p>\n<p>— {}</p>\n</body></html>\n",
        esc(&hello),
        esc(&what),
        esc(open_caption(r.lang)),
        esc(r.desk),
        l = esc(&link),
    );
    let root = thread_root(r.tenant_id, n.ticket_id, public_url);
    let row = store::NewMail {
        tenant_id: r.tenant_id,
        user_id: Some(r.user_id),
        kind: "notification",
        to: r.to,
        subject: &subject,
        text: &text,
        html: &html,
        message_id: &message_id(now, public_url),
        now: &storage::timestamp(now),
        ticket_id: Some(n.ticket_id),
        references: Some(&root),
    };
    Ok(store::enqueue(conn, &row).await?)
}

/// Renders one digest of `notices` for `r` and queues it.
pub async fn enqueue_digest(conn: &mut Conn, now: OffsetDateTime, public_url: &str, r: &Recipient<'_>, notices: &[Notice<'_>]) -> Result<i64, Error> {
    let count = notices.len();
    let subject = match r.lang {
        Lang::En => format!("{}: {count} notifications in the last hour", r.desk),
        Lang::ZhCn => format!("{}:过去一小时的 {count} 条通知", r.desk),
    };
    let hello = greeting(r.lang, r.name);
    let mut text = format!("{hello}\n\n");
    let mut items = String::new();
    for n in notices {
        let (what, _) = line(n, r.lang);
        let link = ticket_link(public_url, r.staff, n.ticket_id);
        text.push_str(&format!("- {what}\n  {link}\n"));
        items.push_str(&format!("<li>{} <a href=\"{l}\">{l}</a></li>\n", esc(&what), l = esc(&link)));
    }
    text.push_str(&format!("\n— {}\n", r.desk));
    let html = format!("<!DOCTYPE html>\n<html><body>\n<p>{}</p>\n<ul>\n{items}</ul>\n<p>— {}</p>\n</body></html>\n", esc(&hello), esc(r.desk));
    let row = store::NewMail {
        tenant_id: r.tenant_id,
        user_id: Some(r.user_id),
        kind: "digest",
        to: r.to,
        subject: &subject,
        text: &text,
        html: &html,
        message_id: &message_id(now, public_url),
        now: &storage::timestamp(now),
        ticket_id: None,
        references: None,
    };
    Ok(store::enqueue(conn, &row).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_names_the_ticket_in_both_languages() {
        for kind in NotificationKind::ALL {
            for lang in [Lang::En, Lang::ZhCn] {
                let n = Notice { kind, ticket_id: 5, number: 42, title: "Printer", actor: Some("Ann") };
                let (what, short) = line(&n, lang);
                assert!(what.contains("#42") && what.contains("Printer"), "{kind:?} {lang:?}: {what}");
                assert!(!short.is_empty());
            }
        }
        assert_eq!(ticket_link("http://h", true, 3), "http://h/agent/tickets/3");
        assert_eq!(ticket_link("http://h", false, 3), "http://h/tickets/3");
        assert_eq!(thread_root(1, 3, "http://h.test:8080"), "<ticket-1-3@h.test>");
    }
}
