//! One file the user chose, from the moment it is picked until the server has it: its progress
//! and its result, as signals a row of the picker shows.

use crate::i18n::Key;
use baton_core::Attachment;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU64, Ordering};

static NEXT_UID: AtomicU64 = AtomicU64::new(1);

/// A chosen file. Cheap to clone: the changing parts are reference-counted signals, so they live
/// as long as any list holds the file, whichever component or page started the upload.
#[derive(Debug, Clone)]
pub struct Upload {
    /// Unique within this visit, to tell rows apart.
    pub uid: u64,
    pub name: String,
    /// Bytes.
    pub size: f64,
    /// The fraction sent so far, 0.0–1.0.
    pub progress: ArcRwSignal<f64>,
    /// `None` while uploading; then the stored attachment, or why it failed.
    pub result: ArcRwSignal<Option<Result<Attachment, Key>>>,
}

impl Upload {
    /// A file about to be sent.
    pub fn new(name: String, size: f64) -> Upload {
        Upload {
            uid: NEXT_UID.fetch_add(1, Ordering::Relaxed),
            name,
            size,
            progress: ArcRwSignal::new(0.0),
            result: ArcRwSignal::new(None),
        }
    }

    /// A file the server already has (restored from a draft).
    pub fn done(attachment: Attachment) -> Upload {
        let upload = Upload::new(attachment.name.clone(), attachment.size as f64);
        upload.progress.set(1.0);
        upload.result.set(Some(Ok(attachment)));
        upload
    }

    /// The stored attachment, once uploaded (tracked).
    pub fn attachment(&self) -> Option<Attachment> {
        self.result.get().and_then(Result::ok)
    }

    /// True while it is still on its way (untracked).
    pub fn is_uploading(&self) -> bool {
        self.result.with_untracked(Option::is_none)
    }
}

/// The attachments of `uploads` that made it (tracked).
pub fn uploaded(uploads: &[Upload]) -> Vec<Attachment> {
    uploads.iter().filter_map(Upload::attachment).collect()
}

/// A size in bytes as people read it: "820 B", "14.2 KB", "3.1 MB". Integer arithmetic only:
/// formatting floats would ship Rust's float printer in the wasm for this one line.
pub fn format_size(bytes: f64) -> String {
    let bytes = bytes.max(0.0) as u64;
    let (unit, scale) = match bytes {
        0..1024 => return format!("{bytes} B"),
        1024..1_048_576 => ("KB", 1024),
        _ => ("MB", 1_048_576),
    };
    let tenths = (bytes * 10 + scale / 2) / scale;
    format!("{}.{} {unit}", tenths / 10, tenths % 10)
}
