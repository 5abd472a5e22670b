//! Agent views (视图): the built-in lists of DOMAIN.md, custom views made of conditions, and the
//! rows and counts a view answers. The condition table (which field takes which operators) lives
//! in [`conditions`], so the SPA's editor offers exactly what the server accepts.

use crate::dto::{Channel, GroupRef, Text, UserRef};
use crate::status::Status;
use crate::dto::Priority;
use serde::{Deserialize, Serialize};

mod builtin;
pub mod conditions;

pub use builtin::BuiltinView;
pub use conditions::{check_conditions, validate_new_view, ConditionField, MAX_CONDITIONS};

/// Who sees a view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Builtin,
    /// All agents of the tenant; admins create, order and hide it.
    Public,
    /// Only its owner.
    #[default]
    Private,
}

/// A condition operator; which ones a field takes is [`ConditionField::ops`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Op {
    Is,
    IsNot,
    In,
    NotIn,
    Before,
    After,
}

/// A condition's value: one string, or several for `in` / `not_in`. Ids travel as strings, so
/// `"me"` and `"none"` fit beside them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum CondValue {
    One(String),
    Many(Vec<String>),
}

impl CondValue {
    /// The values as a list, whatever the shape.
    pub fn values(&self) -> Vec<&str> {
        match self {
            CondValue::One(v) => vec![v.as_str()],
            CondValue::Many(vs) => vs.iter().map(String::as_str).collect(),
        }
    }
}

/// One condition of a custom view; a view's conditions are ANDed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// `status`, `assignee`, … or `fields.<key>` for a custom field.
    pub field: String,
    pub op: Op,
    pub value: CondValue,
}

/// Columns a list can be sorted by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortField {
    CreatedAt,
    #[default]
    UpdatedAt,
    Priority,
    Number,
    Status,
}

impl SortField {
    pub const ALL: [SortField; 5] =
        [SortField::CreatedAt, SortField::UpdatedAt, SortField::Priority, SortField::Number, SortField::Status];

    pub fn code(self) -> &'static str {
        match self {
            SortField::CreatedAt => "created_at",
            SortField::UpdatedAt => "updated_at",
            SortField::Priority => "priority",
            SortField::Number => "number",
            SortField::Status => "status",
        }
    }

    pub fn from_code(code: &str) -> Option<SortField> {
        SortField::ALL.into_iter().find(|s| s.code() == code)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortDir {
    Asc,
    #[default]
    Desc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ViewSort {
    pub field: SortField,
    pub dir: SortDir,
}

/// A column a view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    Number,
    Title,
    Status,
    Priority,
    Requester,
    Assignee,
    Group,
    Type,
    Tags,
    Channel,
    CreatedAt,
    UpdatedAt,
    /// The nearest running SLA target: due in / overdue by (`TicketRow.sla_due_at`).
    Sla,
}

/// The columns of a view that names none.
pub const DEFAULT_COLUMNS: [Column; 6] =
    [Column::Number, Column::Title, Column::Status, Column::Priority, Column::Assignee, Column::UpdatedAt];

/// `GET /api/v1/views`: one view, built-in or custom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    /// A built-in's key (`mine`) or a custom view's number as a string (`"17"`).
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub builtin: Option<BuiltinView>,
    pub name: String,
    pub visibility: Visibility,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<UserRef>,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub sort: ViewSort,
    #[serde(default)]
    pub columns: Vec<Column>,
    /// Hidden for me (or, for public views, by an admin for everyone).
    #[serde(default)]
    pub hidden: bool,
    /// Whether I may change or delete it.
    #[serde(default)]
    pub editable: bool,
}

/// `POST /api/v1/views`, `PUT /api/v1/views/{id}`. Checked by [`validate_new_view`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewView {
    pub name: String,
    pub visibility: Visibility,
    #[serde(default)]
    pub conditions: Vec<Condition>,
    #[serde(default)]
    pub sort: ViewSort,
    #[serde(default)]
    pub columns: Vec<Column>,
}

/// Whose order or hidden flag a request changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ViewScope {
    #[default]
    Me,
    /// The default for every agent; admins, public views only.
    Everyone,
}

/// `PUT /api/v1/views/order`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewOrder {
    pub ids: Vec<String>,
    #[serde(default)]
    pub scope: ViewScope,
}

/// `PUT /api/v1/views/{id}/hidden`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ViewHidden {
    pub hidden: bool,
    #[serde(default)]
    pub scope: ViewScope,
}

/// `GET /api/v1/views/counts`: one entry per non-hidden view.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ViewCount {
    pub view_id: String,
    pub count: i64,
}

/// One row of `GET /api/v1/views/{id}/tickets`. Never the description or confidential info.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketRow {
    pub id: i64,
    pub number: i64,
    pub title: String,
    pub status: Status,
    pub priority: Priority,
    pub channel: Channel,
    pub requester: UserRef,
    #[serde(default)]
    pub assignee: Option<UserRef>,
    #[serde(default)]
    pub group: Option<GroupRef>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub type_name: Option<Text>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub starred: bool,
    pub created_at: String,
    pub updated_at: String,
    pub version: i64,
    /// When its nearest running SLA target is due (a past time: overdue); none while no policy
    /// applies, the ticket is pending, or every target has stopped.
    #[serde(default)]
    pub sla_due_at: Option<String>,
    /// Whether an SLA target was missed.
    #[serde(default)]
    pub sla_breached: bool,
}
