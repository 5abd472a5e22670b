//! Generic widgets, free of ticket knowledge.

mod error_panel;
mod field;
mod field_error;
mod focus;
mod loading;
mod toast_host;

pub use error_panel::{loaded, ErrorPanel};
pub use field::{TextArea, TextField};
pub use field_error::{error_id, has_error, FieldErrorText};
pub use focus::focus_id;
pub use loading::Loading;
pub use toast_host::ToastHost;
