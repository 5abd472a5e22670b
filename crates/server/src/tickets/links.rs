//! Attachments named by a new ticket or message: each must have been uploaded by the same user and
//! not be linked yet. Checked before anything is written, so a refusal names every bad id's field.

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::attachments as store;
use baton_core::problem::{field_code, FieldError};
use baton_core::validate::fields::attachment_id;
use baton_core::{FieldKind, FieldValue, NewTicket, TicketType};
use crate::storage::Conn;

/// An attachment to link, and the request field that named it (for the error).
pub(super) type Wanted = (i64, String);

/// `attachment_ids` and the values of the ticket's attachment fields.
pub(super) fn of_ticket(new: &NewTicket, catalog: &[TicketType]) -> Vec<Wanted> {
    let mut wanted: Vec<Wanted> = new
        .attachment_ids
        .iter()
        .map(|id| (*id, "attachment_ids".to_owned()))
        .collect();
    let Some(ty) = new
        .type_id
        .and_then(|id| catalog.iter().find(|t| t.id == id))
    else {
        return wanted;
    };
    let subtype = new.subtype_id.and_then(|id| ty.subtype(id));
    for field in ty
        .fields_for(subtype)
        .filter(|f| f.kind == FieldKind::Attachment)
    {
        if let Some(FieldValue::List(ids)) = new.fields.get(&field.key) {
            let name = format!("fields.{}", field.key);
            wanted.extend(
                ids.iter()
                    .filter_map(|v| attachment_id(v))
                    .map(|id| (id, name.clone())),
            );
        }
    }
    wanted
}

/// `attachment_ids` of a new message.
pub(super) fn of_message(ids: &[i64]) -> Vec<Wanted> {
    ids.iter()
        .map(|id| (*id, "attachment_ids".to_owned()))
        .collect()
}

/// Refuses (422, naming the fields) attachments that are not `user`'s, already linked, or named
/// twice.
pub(super) async fn check(
    conn: &mut Conn,
    user: &CurrentUser,
    wanted: &[Wanted],
) -> Result<(), Error> {
    let mut errors: Vec<FieldError> = Vec::new();
    for (i, (id, field)) in wanted.iter().enumerate() {
        let repeated = wanted[..i].iter().any(|(other, _)| other == id);
        let refused = repeated || !store::is_linkable(conn, user.tenant_id, user.id, *id).await?;
        if refused && !errors.iter().any(|e| &e.field == field) {
            errors.push(FieldError::new(field, field_code::INVALID_VALUE));
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Error::Validation(errors))
    }
}
