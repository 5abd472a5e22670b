//! Attachments: receiving an upload (allow-listed type, size limit, sanitised name) into
//! `<data dir>/attachments/<random key>`, and deciding who may download it — the uploader, or
//! anyone who may see the ticket (or the message) it is linked to. Linking happens when a ticket
//! or message is created (`tickets::links`).

mod kinds;
mod names;

pub use kinds::served_type;
pub use names::{content_disposition, sanitize};

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::attachments::{self as store, AttachmentRow, NewAttachment};
use crate::storage::{self, tickets as ticket_store, Db};
use bytes::Bytes;
use futures_util::{Stream, StreamExt};
use baton_core::problem::field_code;
use baton_core::Attachment;
use std::path::{Path, PathBuf};
use tokio::io::AsyncWriteExt;

/// Where uploads go and how large they may be.
#[derive(Debug, Clone)]
pub struct Uploads {
    pub dir: PathBuf,
    pub max_mb: u64,
}

impl Uploads {
    /// `<data_dir>/attachments`, created if missing; with no data directory (an in-memory
    /// database), a fresh directory under the system's temp dir, as short-lived as the data.
    pub fn new(data_dir: Option<&Path>, max_mb: u64) -> std::io::Result<Uploads> {
        let dir = match data_dir {
            Some(dir) => dir.join("attachments"),
            None => std::env::temp_dir().join(format!("baton-attachments-{}", random_key())),
        };
        std::fs::create_dir_all(&dir)?;
        Ok(Uploads { dir, max_mb })
    }

    pub fn max_bytes(&self) -> u64 {
        self.max_mb.saturating_mul(1024 * 1024)
    }

    fn path(&self, storage_key: &str) -> PathBuf {
        self.dir.join(storage_key)
    }
}

/// A storage key: 128 random bits in hex, so names never come from the client.
fn random_key() -> String {
    let bytes: [u8; 16] = rand::random();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

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

/// Stores the file uploaded by `user`; the new, unlinked attachment.
pub async fn receive<S, E>(
    db: &Db,
    uploads: &Uploads,
    user: &CurrentUser,
    incoming: Incoming<S>,
) -> Result<Attachment, Refused<E>>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    let Incoming { file_name, declared_type, mut chunks } = incoming;
    let name = sanitize(&file_name);
    let kind = kinds::by_name(&name).ok_or_else(|| file_error(field_code::FILE_TYPE))?;
    if !kind.accepts_declared(declared_type.as_deref()) {
        return Err(file_error(field_code::FILE_TYPE).into());
    }
    let storage_key = random_key();
    let path = uploads.path(&storage_key);
    let mut file = tokio::fs::File::create(&path)
        .await
        .map_err(|e| internal("create", &e))?;
    let written = write_limited(&mut chunks, &mut file, uploads).await;
    drop(file);
    let (size, head) = match written {
        Ok(done) => done,
        Err(e) => {
            remove(&path).await;
            return Err(e);
        }
    };
    if !kind.matches(&head) {
        remove(&path).await;
        return Err(file_error(field_code::FILE_TYPE).into());
    }
    let row = NewAttachment {
        tenant_id: user.tenant_id,
        uploader_id: user.id,
        name: &name,
        content_type: kind.content_type,
        size,
        storage_key: &storage_key,
        now: &storage::timestamp(storage::now()),
    };
    let mut conn = db.acquire().await?;
    match store::insert(&mut conn, &row).await {
        Ok(id) => Ok(Attachment {
            id,
            name,
            size,
            content_type: kind.content_type.to_owned(),
        }),
        Err(e) => {
            remove(&path).await;
            Err(e.into())
        }
    }
}

/// Copies the chunks into `file`, refusing them once past the limit; its size and first bytes.
async fn write_limited<S, E>(
    chunks: &mut S,
    file: &mut tokio::fs::File,
    uploads: &Uploads,
) -> Result<(i64, Vec<u8>), Refused<E>>
where
    S: Stream<Item = Result<Bytes, E>> + Unpin,
{
    let max = uploads.max_bytes();
    let mut size: u64 = 0;
    let mut head = Vec::new();
    while let Some(chunk) = chunks.next().await {
        let chunk = chunk.map_err(Refused::Read)?;
        size += chunk.len() as u64;
        if size > max {
            return Err(Error::UploadTooLarge {
                max_mb: uploads.max_mb,
            }
            .into());
        }
        if head.len() < kinds::HEAD_LEN {
            let take = (kinds::HEAD_LEN - head.len()).min(chunk.len());
            head.extend_from_slice(&chunk[..take]);
        }
        file.write_all(&chunk)
            .await
            .map_err(|e| internal("write", &e))?;
    }
    file.flush().await.map_err(|e| internal("flush", &e))?;
    Ok((i64::try_from(size).unwrap_or(i64::MAX), head))
}

async fn remove(path: &Path) {
    if let Err(e) = tokio::fs::remove_file(path).await {
        tracing::warn!(error = %e, "cannot remove a refused upload");
    }
}

fn internal(what: &str, e: &std::io::Error) -> Error {
    Error::Internal(format!("attachment file {what}: {e}"))
}

/// An attachment `user` may download, and its open file.
pub struct Download {
    pub row: AttachmentRow,
    pub file: tokio::fs::File,
}

/// Attachment `id` if `user` uploaded it or may see what it is linked to; else 404, as for
/// tickets, so ids reveal nothing.
pub async fn open(
    db: &Db,
    uploads: &Uploads,
    user: &CurrentUser,
    id: i64,
) -> Result<Download, Error> {
    let mut conn = db.acquire().await?;
    let row = store::get(&mut conn, user.tenant_id, id)
        .await?
        .ok_or(Error::NotFound)?;
    if row.uploader_id != user.id {
        let link = store::link_of(&mut conn, user.tenant_id, id)
            .await?
            .ok_or(Error::NotFound)?;
        if link.internal && !user.role.is_staff() {
            return Err(Error::NotFound);
        }
        ticket_store::get(&mut conn, user.ticket_scope(), link.ticket_id)
            .await?
            .ok_or(Error::NotFound)?;
    }
    drop(conn);
    let file = tokio::fs::File::open(uploads.path(&row.storage_key))
        .await
        .map_err(|e| internal("open", &e))?;
    Ok(Download { row, file })
}
