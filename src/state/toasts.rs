//! Transient messages ("toasts"), one at a time: each new message replaces the last, so a screen
//! reader hears every message once and the stack never covers the page. Successes fade after a
//! few seconds; errors stay until dismissed or replaced (a timed-out error is easy to miss, and
//! WCAG asks not to time out what users must read).

use crate::api::ApiError;
use crate::i18n::{error_key, Key};
use baton_core::problem::code;
use baton_core::FieldError;
use leptos::prelude::*;
use std::time::Duration;

const SUCCESS_TIMEOUT: Duration = Duration::from_secs(6);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    Error,
}

impl ToastKind {
    /// The `data-kind` value.
    pub fn code(self) -> &'static str {
        match self {
            ToastKind::Success => "success",
            ToastKind::Error => "error",
        }
    }
}

/// One message. It holds a key, not a text, so it follows a language switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub key: Key,
}

/// The toast context.
#[derive(Debug, Clone, Copy)]
pub struct Toasts {
    current: RwSignal<Option<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    /// Creates the context and provides it to everything below the caller.
    pub fn provide() -> Toasts {
        let toasts = Toasts {
            current: RwSignal::new(None),
            next_id: StoredValue::new(0),
        };
        provide_context(toasts);
        toasts
    }

    /// The message now showing (tracked).
    pub fn current(&self) -> Option<Toast> {
        self.current.get()
    }

    pub fn success(&self, key: Key) {
        let id = self.show(ToastKind::Success, key);
        let toasts = *self;
        set_timeout(move || toasts.dismiss(id), SUCCESS_TIMEOUT);
    }

    pub fn error(&self, key: Key) {
        self.show(ToastKind::Error, key);
    }

    /// Shows the translated reason a request failed.
    pub fn api_error(&self, error: &ApiError) {
        self.error(error_key(error));
    }

    /// Reports a failed form submission: the field errors about `fields` are returned for the form
    /// to show next to them; any other failure is shown as an error toast.
    pub fn form_error(&self, error: &ApiError, fields: &[&str]) -> Vec<FieldError> {
        let found = error.field_errors();
        let shown = found.iter().any(|e| fields.contains(&e.field.as_str()));
        if !(error.is(code::VALIDATION_FAILED) && shown) {
            self.api_error(error);
        }
        found
    }

    /// Hides message `id` if it is still the one showing.
    pub fn dismiss(&self, id: u64) {
        if self
            .current
            .try_get_untracked()
            .flatten()
            .is_some_and(|t| t.id == id)
        {
            self.current.set(None);
        }
    }

    fn show(&self, kind: ToastKind, key: Key) -> u64 {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.current.set(Some(Toast { id, kind, key }));
        id
    }
}

/// The toast context; panics if [`Toasts::provide`] was not called above.
pub fn use_toasts() -> Toasts {
    expect_context::<Toasts>()
}
