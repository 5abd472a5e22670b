//! baton-core: the domain both sides compile — the ticket status state machine, the wire types
//! (DTOs) of the REST contract, the stable problem codes and input validation.
//!
//! It depends on serde only, so the wasm SPA and the native server share one definition of every
//! rule; the server enforces them, the SPA uses them to decide what to show. The `sla` feature
//! adds the SLA arithmetic ([`sla`]: business calendars and timers) with chrono and chrono-tz,
//! for the parts that need it; the help center's bundle is built without it. The `time` feature
//! (part of `sla`) gives chrono and the contract's time formats alone ([`time`]), for the SPA.

pub mod agent;
// audit log (issue 12)
pub mod audit;
// Automations (issue 13).
pub mod automation;
pub mod dto;
pub mod kb;
pub mod permission;
pub mod problem;
pub mod roles;
pub mod routing;
pub mod settings;
pub mod sla;
pub mod sso;
pub mod status;
#[cfg(feature = "time")]
pub mod time;
pub mod validate;
pub mod views;
// Workflows (issue 13).
pub mod workflow;
// Session 10 (reports): the desk's time zone.
#[cfg(feature = "sla")]
pub mod zone;

pub use agent::*;
// audit log (issue 12)
pub use audit::{AuditEntry, AuditPage};
pub use dto::*;
pub use permission::{Permission, Permissions};
pub use problem::{FieldError, Problem};
pub use roles::{AgentRole, NewRole, RoleInfo, RolePatch};
pub use routing::{AdminGroup, AssignMode, Availability, GroupPatch, NewGroup, RoutingRule, RuleSpec};
pub use settings::{DeskSettings, DeskSettingsPatch, SignupMode};
pub use status::{Action, Actor, Role, Status, TransitionError};
pub use views::*;
pub use workflow::{PassOn, ReturnStep, TicketWorkflow, Workflow, WorkflowSpec};
