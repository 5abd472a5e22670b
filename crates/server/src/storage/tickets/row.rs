//! A ticket as read from the database, and its conversion to the wire's `Ticket` and
//! `TicketSummary`.

use crate::storage::Error;
use crate::storage::catalog::decode_text;
use crate::storage::decode_code;
use baton_core::{Action, Attachment, Channel, FieldEntry, Priority, Status, Ticket};
use baton_core::routing::TicketFacts;
use baton_core::{GroupRef, StaffTicket, TicketSummary, TypeRef, UserRef};

#[derive(Debug, sqlx::FromRow)]
pub struct TicketRow {
    pub id: i64,
    pub number: i64,
    pub title: String,
    pub description: String,
    pub status: String,
    pub priority: String,
    pub channel: String,
    pub requester_id: i64,
    pub requester_name: String,
    pub contact_phone: Option<String>,
    pub created_at: String,
    pub updated_at: String,
    pub type_id: Option<i64>,
    pub type_name: Option<String>,
    pub subtype_id: Option<i64>,
    pub subtype_name: Option<String>,
    pub related_url: Option<String>,
    pub rating: Option<i64>,
    pub rating_comment: Option<String>,
    /// The requester's customer group if it shares tickets: its members see this ticket too.
    pub share_group_id: Option<i64>,
    pub version: i64,
    pub assignee_id: Option<i64>,
    pub assignee_name: Option<String>,
    /// The agent group handling it.
    pub assignee_group_id: Option<i64>,
    pub group_name: Option<String>,
    pub trashed_at: Option<String>,
    pub suspended_at: Option<String>,
    /// The requester's customer group, sharing or not.
    pub customer_group_id: Option<i64>,
    pub customer_group_name: Option<String>,
}

impl TicketRow {
    /// What routing rules and SLA policies ask of the ticket.
    pub fn facts(&self) -> TicketFacts {
        TicketFacts {
            requester_id: self.requester_id,
            customer_group_id: self.customer_group_id,
            type_id: self.type_id,
            subtype_id: self.subtype_id,
            priority: decode_code("priority", &self.priority).ok(),
            channel: decode_code("channel", &self.channel).ok(),
        }
    }
}

/// What a full ticket shows beyond its row, read separately (see `tickets::detail`).
#[derive(Debug, Default)]
pub struct TicketDetails {
    pub allowed_actions: Vec<Action>,
    pub fields: Vec<FieldEntry>,
    pub attachments: Vec<Attachment>,
    pub confidential_set: bool,
    /// The staff part; `None` for customers.
    pub staff: Option<StaffTicket>,
    /// The running SLA reply target's due time, for everyone.
    pub reply_by: Option<String>,
}

fn type_ref(
    column: &str,
    id: Option<i64>,
    name: Option<&str>,
) -> Result<Option<TypeRef>, Error> {
    match (id, name) {
        (Some(id), Some(name)) => Ok(Some(TypeRef {
            id,
            name: decode_text(column, name)?,
        })),
        _ => Ok(None),
    }
}

impl TicketRow {
    /// The staff part that lives in this row; cc, tags and the star come from other tables.
    pub fn staff_base(&self) -> StaffTicket {
        let user = |id: Option<i64>, name: &Option<String>| {
            id.zip(name.clone()).map(|(id, name)| UserRef { id, name })
        };
        let group = |id: Option<i64>, name: &Option<String>| {
            id.zip(name.clone()).map(|(id, name)| GroupRef { id, name })
        };
        StaffTicket {
            version: self.version,
            assignee: user(self.assignee_id, &self.assignee_name),
            group: group(self.assignee_group_id, &self.group_name),
            cc: Vec::new(),
            tags: Vec::new(),
            starred: false,
            trashed_at: self.trashed_at.clone(),
            suspended_at: self.suspended_at.clone(),
            customer_group: group(self.customer_group_id, &self.customer_group_name),
            sla: None,
            workflow: None,
        }
    }

    pub fn status(&self) -> Result<Status, Error> {
        decode_code("status", &self.status)
    }

    /// The wire document; what depends on who asks, or lives in other tables, comes in `details`.
    pub fn into_ticket(self, details: TicketDetails) -> Result<Ticket, Error> {
        Ok(Ticket {
            status: self.status()?,
            priority: decode_code::<Priority>("priority", &self.priority)?,
            channel: decode_code::<Channel>("channel", &self.channel)?,
            ticket_type: type_ref("type_name", self.type_id, self.type_name.as_deref())?,
            subtype: type_ref(
                "subtype_name",
                self.subtype_id,
                self.subtype_name.as_deref(),
            )?,
            id: self.id,
            number: self.number,
            title: self.title,
            description: self.description,
            requester: UserRef {
                id: self.requester_id,
                name: self.requester_name,
            },
            contact_phone: self.contact_phone,
            created_at: self.created_at,
            updated_at: self.updated_at,
            allowed_actions: details.allowed_actions,
            related_url: self.related_url,
            fields: details.fields,
            attachments: details.attachments,
            confidential_set: details.confidential_set,
            // The schema's CHECK keeps ratings within 1–5.
            rating: self.rating.and_then(|r| u8::try_from(r).ok()),
            rating_comment: self.rating_comment,
            staff: details.staff,
            reply_by: details.reply_by,
        })
    }

    pub fn into_summary(self) -> Result<TicketSummary, Error> {
        Ok(TicketSummary {
            status: self.status()?,
            priority: decode_code::<Priority>("priority", &self.priority)?,
            type_name: self
                .type_name
                .as_deref()
                .map(|n| decode_text("type_name", n))
                .transpose()?,
            id: self.id,
            number: self.number,
            title: self.title,
            requester: UserRef {
                id: self.requester_id,
                name: self.requester_name,
            },
            created_at: self.created_at,
            updated_at: self.updated_at,
        })
    }
}
