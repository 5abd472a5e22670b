//! Routed pages. Pages fetch and send; the components they compose only show and collect.

#[cfg(feature = "console")]
pub mod admin;
pub mod agent;
pub mod help_center;
pub mod widget;
#[cfg(feature = "console")]
mod forgot_password;
mod login;
mod not_found;
#[cfg(feature = "console")]
mod set_password;
#[cfg(feature = "console")]
mod signup;

#[cfg(feature = "console")]
pub use forgot_password::ForgotPassword;
pub use login::Login;
pub use not_found::NotFound;
#[cfg(feature = "console")]
pub use set_password::SetPassword;
#[cfg(feature = "console")]
pub use signup::SignUp;
