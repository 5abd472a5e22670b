//! Live events (`GET /api/v1/events`, server-sent events): what changed, by id, so a client
//! refetches it. Payloads never carry bodies or confidential info.

use crate::dto::MessageKind;
use crate::status::Status;
use serde::{Deserialize, Serialize};

/// The SSE `event:` name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum EventType {
    #[serde(rename = "ticket.created")]
    TicketCreated,
    #[serde(rename = "ticket.updated")]
    TicketUpdated,
    #[serde(rename = "message.created")]
    MessageCreated,
    /// A notification for the one who receives the stream (issue 13).
    #[serde(rename = "notification.created")]
    NotificationCreated,
}

impl EventType {
    pub fn as_str(self) -> &'static str {
        match self {
            EventType::TicketCreated => "ticket.created",
            EventType::TicketUpdated => "ticket.updated",
            EventType::MessageCreated => "message.created",
            EventType::NotificationCreated => "notification.created",
        }
    }

    pub fn from_code(code: &str) -> Option<EventType> {
        [EventType::TicketCreated, EventType::TicketUpdated, EventType::MessageCreated, EventType::NotificationCreated]
            .into_iter()
            .find(|t| t.as_str() == code)
    }
}

/// The SSE `data:` JSON. `ticket.created` has `ticket_id`; `ticket.updated` adds `status`;
/// `message.created` adds `message_id` and `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveEvent {
    pub ticket_id: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<Status>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<MessageKind>,
    /// `notification.created`: the notification's id and kind (never its text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification_id: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notification: Option<crate::NotificationKind>,
}

/// `POST /api/v1/events/ticket`: a single-use pass to open `GET /events?ticket=…` without a
/// cookie or header, which `EventSource` cannot send (the widget's bearer session).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamTicket {
    pub ticket: String,
    pub expires_at: String,
}
