//! The wire types of the roles admin API (`/api/v1/admin/roles`, `/api/v1/admin/agents/{id}/role`)
//! and their validation, shared by the SPA (errors beside the field) and the server (the
//! authority). The permissions themselves are [`crate::permission`]'s.

use crate::permission::Permissions;
use crate::problem::{field_code, FieldError};
use crate::status::Role;
use serde::{Deserialize, Serialize};

/// Longest role name, in characters.
pub const ROLE_NAME_MAX: usize = 50;

/// `GET /api/v1/admin/roles` item: a built-in role (owner, admin, agent) or a custom one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoleInfo {
    /// A custom role's id; `None` for the built-ins.
    #[serde(default)]
    pub id: Option<i64>,
    /// `owner`, `admin` or `agent` for a built-in role (clients translate its name by this);
    /// `None` for a custom role.
    #[serde(default)]
    pub builtin: Option<Role>,
    pub name: String,
    pub permissions: Permissions,
    /// How many staff hold the role now.
    pub members: i64,
}

/// `POST /api/v1/admin/roles`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRole {
    pub name: String,
    pub permissions: Permissions,
}

/// `PATCH /api/v1/admin/roles/{id}`: absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RolePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Permissions>,
}

/// `PUT /api/v1/admin/agents/{id}/role`: `agent` (with a custom role, or the built-in agent set
/// when `role_id` is null) or `admin`. Nobody is made owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgentRole {
    pub role: Role,
    #[serde(default)]
    pub role_id: Option<i64>,
}

/// A role name: 1–50 characters, not blank.
pub fn role_name(name: &str) -> Result<(), Vec<FieldError>> {
    if name.trim().is_empty() {
        Err(vec![FieldError::new("name", field_code::REQUIRED)])
    } else if name.trim().chars().count() > ROLE_NAME_MAX {
        Err(vec![FieldError::new("name", field_code::TOO_LONG)])
    } else {
        Ok(())
    }
}

/// A role change names `agent` or `admin` (customers are not staff, the owner is made once, at
/// the desk's opening), and a custom role only for an agent.
pub fn agent_role(change: &AgentRole) -> Result<(), Vec<FieldError>> {
    let mut errors = Vec::new();
    if !matches!(change.role, Role::Agent | Role::Admin) {
        errors.push(FieldError::new("role", field_code::INVALID_VALUE));
    }
    if change.role != Role::Agent && change.role_id.is_some() {
        errors.push(FieldError::new("role_id", field_code::INVALID_VALUE));
    }
    if errors.is_empty() { Ok(()) } else { Err(errors) }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(r: Result<(), Vec<FieldError>>) -> Vec<(String, String)> {
        r.err().unwrap_or_default().into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn names() {
        assert!(role_name("Auditor").is_ok());
        assert!(role_name(&"审".repeat(ROLE_NAME_MAX)).is_ok());
        assert_eq!(codes(role_name("  ")), [("name".into(), "required".into())]);
        assert_eq!(codes(role_name(&"x".repeat(ROLE_NAME_MAX + 1))), [("name".into(), "too_long".into())]);
    }

    #[test]
    fn role_changes() {
        // (role, role_id, refused fields)
        let table: [(Role, Option<i64>, &[&str]); 6] = [
            (Role::Agent, None, &[]),
            (Role::Agent, Some(3), &[]),
            (Role::Admin, None, &[]),
            (Role::Admin, Some(3), &["role_id"]),
            (Role::Owner, None, &["role"]),
            (Role::Customer, Some(3), &["role", "role_id"]),
        ];
        for (role, role_id, refused) in table {
            let fields: Vec<String> = codes(agent_role(&AgentRole { role, role_id })).into_iter().map(|(f, _)| f).collect();
            assert_eq!(fields, refused, "{role:?} {role_id:?}");
        }
    }
}
