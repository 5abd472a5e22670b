//! Notifications (issue 13): the inbox (`GET /notifications`), marking read, and each person's
//! preferences (`/me/notification-preferences`). A notification names its kind, the ticket and
//! who acted; never a message body or confidential info.

use super::UserRef;
use serde::{Deserialize, Serialize};

/// What a notification is about. The first three concern customers, the rest staff.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// Staff replied publicly on the customer's ticket.
    PublicReply,
    /// The ticket was solved: please confirm.
    Solved,
    /// The ticket was closed.
    Closed,
    /// A new ticket in one of my groups.
    NewTicket,
    /// A ticket was assigned to me.
    Assigned,
    /// The customer replied on a ticket assigned to me.
    CustomerReplied,
    /// Someone mentioned me in an internal note.
    Mentioned,
    /// An SLA target of my ticket comes due soon.
    SlaWarning,
    /// An SLA target of my ticket was missed.
    SlaBreach,
}

impl NotificationKind {
    pub const ALL: [NotificationKind; 9] = [
        NotificationKind::PublicReply,
        NotificationKind::Solved,
        NotificationKind::Closed,
        NotificationKind::NewTicket,
        NotificationKind::Assigned,
        NotificationKind::CustomerReplied,
        NotificationKind::Mentioned,
        NotificationKind::SlaWarning,
        NotificationKind::SlaBreach,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::PublicReply => "public_reply",
            NotificationKind::Solved => "solved",
            NotificationKind::Closed => "closed",
            NotificationKind::NewTicket => "new_ticket",
            NotificationKind::Assigned => "assigned",
            NotificationKind::CustomerReplied => "customer_replied",
            NotificationKind::Mentioned => "mentioned",
            NotificationKind::SlaWarning => "sla_warning",
            NotificationKind::SlaBreach => "sla_breach",
        }
    }

    pub fn from_code(code: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Whether customers receive it (else staff do).
    pub fn for_customers(self) -> bool {
        matches!(self, NotificationKind::PublicReply | NotificationKind::Solved | NotificationKind::Closed)
    }

    /// The kinds a person receives: customers the first three, staff the others.
    pub fn of(staff: bool) -> impl Iterator<Item = NotificationKind> {
        NotificationKind::ALL.into_iter().filter(move |k| k.for_customers() != staff)
    }
}

/// One notification in the inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Notification {
    pub id: i64,
    pub kind: NotificationKind,
    pub ticket_id: i64,
    pub ticket_number: i64,
    pub ticket_title: String,
    /// Who caused it; absent for the system (auto-close, the SLA watch).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor: Option<UserRef>,
    pub created_at: String,
    pub read: bool,
}

/// `GET /notifications`: newest first, and how many are unread in all.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotificationPage {
    pub items: Vec<Notification>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_cursor: Option<String>,
    pub unread: i64,
}

/// `POST /notifications/read`: these ids, or all of the caller's.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkRead {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<i64>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub all: bool,
}

/// The answer of `POST /notifications/read`: what is still unread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnreadCount {
    pub unread: i64,
}

/// When a kind of notification is mailed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EmailWhen {
    Never,
    /// Only while the person has no live stream open (not online in Baton).
    #[default]
    Offline,
    Always,
}

impl EmailWhen {
    pub fn code(self) -> &'static str {
        match self {
            EmailWhen::Never => "never",
            EmailWhen::Offline => "offline",
            EmailWhen::Always => "always",
        }
    }

    pub fn from_code(code: &str) -> Option<EmailWhen> {
        [EmailWhen::Never, EmailWhen::Offline, EmailWhen::Always].into_iter().find(|w| w.code() == code)
    }
}

/// One kind's channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreference {
    pub kind: NotificationKind,
    pub in_app: bool,
    pub email: EmailWhen,
}

impl NotificationPreference {
    /// What a person gets without having chosen: in the app, and mail while offline.
    pub fn default_for(kind: NotificationKind) -> NotificationPreference {
        NotificationPreference { kind, in_app: true, email: EmailWhen::Offline }
    }
}

/// `GET`/`PUT /me/notification-preferences`: every kind the caller receives, and (staff only)
/// one hourly digest instead of a mail each.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotificationPreferences {
    pub events: Vec<NotificationPreference>,
    #[serde(default)]
    pub digest: bool,
}
