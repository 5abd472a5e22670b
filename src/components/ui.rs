//! Generic widgets, free of ticket knowledge.

mod checked_submit;
mod dynamic;
mod error_panel;
mod field;
mod field_error;
mod file_picker;
mod form_failure;
mod focus;
mod label;
mod load_more;
mod loading;
mod secret_field;
mod send_failure;
mod toast_host;

pub use checked_submit::{checked_submit, form_errors};
pub use dynamic::dynamic;
pub use error_panel::{error_code, loaded, ErrorPanel};
pub use field::{Described, TextArea, TextField};
pub use field_error::{error_id, has_error, FieldErrorText};
pub use file_picker::{format_size, uploaded, FilePicker, Upload};
pub use focus::focus_id;
pub use form_failure::FormFailure;
#[cfg(feature = "console")]
pub use form_failure::show_refusal;
pub use label::{label_text, tenant_text, Label, RequiredMark};
pub use load_more::{paged, LoadMore};
pub use loading::Loading;
pub use secret_field::SecretField;
pub use send_failure::SendFailure;
pub use toast_host::ToastHost;
