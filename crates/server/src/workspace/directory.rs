//! `GET /groups`, `GET /agents` and `GET /customer-groups`: the tenant's agent groups with their
//! members, its staff with their groups, and its customer groups, for the assign menus and the
//! view editor's conditions.

use super::staff;
use crate::auth::CurrentUser;
use crate::http::Error;
use crate::storage::{decode_code, Db};
use baton_core::{AgentGroup, AgentInfo, GroupRef, Role, UserRef};
use std::collections::BTreeMap;

/// (group id, group name, member id, member name) of every membership of the tenant.
async fn memberships(db: &Db, tenant_id: i64) -> Result<Vec<(i64, i64, String)>, sqlx::Error> {
    sqlx::query_as(
        "SELECT m.group_id, u.id, u.name FROM agent_group_members m
         JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id
         WHERE m.tenant_id = ? ORDER BY u.name, u.id",
    )
    .bind(tenant_id)
    .fetch_all(db)
    .await
}

pub async fn groups(db: &Db, user: &CurrentUser) -> Result<Vec<AgentGroup>, Error> {
    staff(user)?;
    let rows: Vec<(i64, String, bool)> =
        sqlx::query_as("SELECT id, name, auto_assign FROM agent_groups WHERE tenant_id = ? ORDER BY name, id")
            .bind(user.tenant_id)
            .fetch_all(db)
            .await?;
    let mut members: BTreeMap<i64, Vec<UserRef>> = BTreeMap::new();
    for (group_id, id, name) in memberships(db, user.tenant_id).await? {
        members.entry(group_id).or_default().push(UserRef { id, name });
    }
    Ok(rows
        .into_iter()
        .map(|(id, name, auto_assign)| AgentGroup { id, name, auto_assign, members: members.remove(&id).unwrap_or_default() })
        .collect())
}

pub async fn agents(db: &Db, user: &CurrentUser) -> Result<Vec<AgentInfo>, Error> {
    staff(user)?;
    let rows: Vec<(i64, String, String, String)> = sqlx::query_as(
        "SELECT id, name, email, role FROM users
         WHERE tenant_id = ? AND role IN ('agent', 'admin', 'owner') ORDER BY name, id",
    )
    .bind(user.tenant_id)
    .fetch_all(db)
    .await?;
    let names: BTreeMap<i64, String> =
        sqlx::query_as::<_, (i64, String)>("SELECT id, name FROM agent_groups WHERE tenant_id = ?")
            .bind(user.tenant_id)
            .fetch_all(db)
            .await?
            .into_iter()
            .collect();
    let mut groups: BTreeMap<i64, Vec<GroupRef>> = BTreeMap::new();
    for (group_id, user_id, _) in memberships(db, user.tenant_id).await? {
        if let Some(name) = names.get(&group_id) {
            groups.entry(user_id).or_default().push(GroupRef { id: group_id, name: name.clone() });
        }
    }
    rows.into_iter()
        .map(|(id, name, email, role)| {
            let role: Role = decode_code("role", &role)?;
            let mut groups = groups.remove(&id).unwrap_or_default();
            groups.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(AgentInfo { id, name, email, role, groups })
        })
        .collect::<Result<_, sqlx::Error>>()
        .map_err(Error::from)
}

/// The tenant's customer groups (客户组), by name: the values of a view's `customer_group` condition.
pub async fn customer_groups(db: &Db, user: &CurrentUser) -> Result<Vec<GroupRef>, Error> {
    staff(user)?;
    let rows: Vec<(i64, String)> =
        sqlx::query_as("SELECT id, name FROM customer_groups WHERE tenant_id = ? ORDER BY name, id")
            .bind(user.tenant_id)
            .fetch_all(db)
            .await?;
    Ok(rows.into_iter().map(|(id, name)| GroupRef { id, name }).collect())
}
