//! Attachments and confidential info: the wire types of `/api/v1/attachments` and
//! `/api/v1/tickets/{id}/confidential`.

use super::UserRef;
use serde::{Deserialize, Serialize};

/// An uploaded file (`POST /api/v1/attachments` answers one; tickets and messages list theirs).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: i64,
    /// The sanitised file name: no directories, no control characters.
    pub name: String,
    /// Size in bytes.
    pub size: i64,
    pub content_type: String,
}

/// `PUT /api/v1/tickets/{id}/confidential` (an empty `value` clears it) and the answer of
/// `POST …/confidential/reveal`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfidentialValue {
    pub value: String,
}

/// `GET /api/v1/tickets/{id}/confidential/reveals` item: who revealed it, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ConfidentialReveal {
    pub user: UserRef,
    pub at: String,
}
