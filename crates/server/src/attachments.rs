//! Attachments: receiving an upload (allow-listed type, size limit, sanitised name) into the blob
//! store under a random storage key, and deciding who may download it — the uploader, or anyone
//! who may see the ticket (or the message) it is linked to. Linking happens when a ticket or
//! message is created (`tickets::links`).

mod kinds;
mod names;
mod pending;

pub use kinds::served_type;
pub use names::{content_disposition, sanitize};
pub use pending::{purge as purge_unsent, MAX_FILES as MAX_UNSENT_FILES, KEEP as UNSENT_KEPT};

use crate::auth::CurrentUser;
use crate::blobs::{self, BlobError, BlobStream, BlobWriter};
use crate::error::Error;
use crate::services::Services;
use crate::storage::attachments::{self as store, AttachmentRow, NewAttachment};
use crate::storage::{self, tickets as ticket_store};
use baton_core::problem::field_code;
use baton_core::Attachment;
use bytes::Bytes;
use futures_util::{Stream, StreamExt};

fn file_error(code: &str) -> Error {
    Error::field("file", code)
}

/// A file as the protocol hands it over: the name and type the client declared, and its bytes.
pub struct Incoming<S> {
    pub file_name: String,
    pub declared_type: Option<String>,
    pub chunks: S,
}

/// Why an upload was not stored: refused by a rule, or the body broke off while being read
/// (the protocol's own error, which its layer knows how to answer).
#[derive(Debug)]
pub enum Refused<E> {
    Rule(Error),
    Read(E),
}

impl<E> From<Error> for Refused<E> {
    fn from(e: Error) -> Self {
        Refused::Rule(e)
    }
}

impl<E> From<crate::storage::Error> for Refused<E> {
    fn from(e: crate::storage::Error) -> Self {
        Refused::Rule(e.into())
    }
}

/// Stores the file uploaded by `user`; the new, unlinked attachment. The bytes are durable in
/// the blob store before the row exists, so an attachment that was answered never lacks them; a
/// store that refuses the write leaves no row (and the client a 5xx).
pub async fn receive<S, E>(
    services: &Services,
    user: &CurrentUser,
    incoming: Incoming<S>,
) -> Result<Attachment, Refused<E>>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    pending::check_quota(services, user).await?;
    let Incoming { file_name, declared_type, mut chunks } = incoming;
    let name = sanitize(&file_name);
    let kind = kinds::by_name(&name).ok_or_else(|| file_error(field_code::FILE_TYPE))?;
    if !kind.accepts_declared(declared_type.as_deref()) {
        return Err(file_error(field_code::FILE_TYPE).into());
    }
    let storage_key = blobs::random_hex();
    let mut writer = services.blobs.writer(&storage_key);
    let size = match write_checked(&mut chunks, &mut writer, kind, services).await {
        Ok(size) => size,
        Err(e) => {
            writer.abort().await;
            return Err(e);
        }
    };
    writer.finish().await.map_err(internal)?;
    let row = NewAttachment {
        tenant_id: user.tenant_id,
        uploader_id: user.id,
        name: &name,
        content_type: kind.content_type,
        size,
        storage_key: &storage_key,
        now: &storage::timestamp(services.clock.now()),
    };
    let inserted = match services.db.acquire().await {
        Ok(mut conn) => store::insert(&mut conn, &row).await,
        Err(e) => Err(e),
    };
    match inserted {
        Ok(id) => Ok(Attachment {
            id,
            name,
            size,
            content_type: kind.content_type.to_owned(),
        }),
        Err(e) => {
            // Stored but not recorded: nothing refers to the blob, so it goes.
            if let Err(e) = services.blobs.delete(&storage_key).await {
                tracing::warn!(error = %e, "cannot remove an unrecorded upload");
            }
            Err(e.into())
        }
    }
}

/// Copies the chunks into `writer`, refusing them once past the limit, or as soon as the first
/// bytes show they are not of `kind` (before anything reaches the store: the writer holds the
/// first part in memory); the size.
async fn write_checked<S, E>(
    chunks: &mut S,
    writer: &mut BlobWriter,
    kind: kinds::Kind,
    services: &Services,
) -> Result<i64, Refused<E>>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    let max = services.max_upload_bytes();
    let mut size: u64 = 0;
    let mut head = Vec::new();
    let mut checked = false;
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(Refused::Read)?;
        size += chunk.len() as u64;
        if size > max {
            return Err(Error::UploadTooLarge {
                max_mb: services.max_upload_mb,
            }
            .into());
        }
        if !checked {
            let take = (kinds::HEAD_LEN - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
            if head.len() == kinds::HEAD_LEN {
                check_kind(kind, &head)?;
                checked = true;
            }
        }
        writer.write(chunk).await.map_err(internal)?;
    }
    if !checked {
        check_kind(kind, &head)?;
    }
    Ok(i64::try_from(size).unwrap_or(i64::MAX))
}

fn check_kind(kind: kinds::Kind, head: &[u8]) -> Result<(), Error> {
    if kind.matches(head) {
        Ok(())
    } else {
        Err(file_error(field_code::FILE_TYPE))
    }
}

fn internal(e: BlobError) -> Error {
    Error::Internal(e.to_string())
}

/// An attachment `user` may download, and its bytes.
pub struct Download {
    pub row: AttachmentRow,
    pub bytes: BlobStream,
}

/// Attachment `id` if `user` may see what it is linked to, or, while it is linked to nothing,
/// uploaded it; else 404, as for tickets, so ids reveal nothing. Once linked, the ticket decides,
/// for its uploader too: a trashed ticket's files are out of its customers' sight like the ticket
/// (the authorization matrix found the uploader still reading them).
pub async fn open(services: &Services, user: &CurrentUser, id: i64) -> Result<Download, Error> {
    let mut conn = services.db.acquire().await?;
    let row = store::get(&mut conn, user.tenant_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    match store::link_of(&mut conn, user.tenant_id, id).await? {
        None if row.uploader_id == user.id => {}
        None => return Err(Error::NotFound),
        Some(link) => {
            if link.internal && !user.role.is_staff() {
                return Err(Error::NotFound);
            }
            ticket_store::get(&mut conn, user.ticket_scope(), link.ticket_id)
                .await?
                .ok_or(Error::NotFound)?;
        }
    }
    drop(conn);
    // A row without its blob is the server's fault (a lost file, a store down), not the
    // client's: 500, logged.
    let bytes = services.blobs.read(&row.storage_key).await.map_err(internal)?;
    Ok(Download { row, bytes })
}
