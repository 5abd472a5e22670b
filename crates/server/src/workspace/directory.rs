//! `GET /groups`, `GET /agents` and `GET /customer-groups`: the tenant's agent groups with their
//! members, its staff with their groups, and its customer groups, for the assign menus and the
//! view editor's conditions.

use super::staff;
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::{self, decode_code, directory, Db};
use baton_core::{AgentGroup, AssignMode, AgentInfo, CustomerGroupInfo, GroupRef, Role, UserRef};
use std::collections::BTreeMap;

pub async fn groups(db: &Db, user: &CurrentUser) -> Result<Vec<AgentGroup>, Error> {
    staff(user)?;
    let rows = directory::agent_groups(db, user.tenant_id).await?;
    let mut members: BTreeMap<i64, Vec<UserRef>> = BTreeMap::new();
    for (group_id, id, name) in directory::memberships(db, user.tenant_id).await? {
        members.entry(group_id).or_default().push(UserRef { id, name });
    }
    rows.into_iter()
        .map(|(id, name, mode)| {
            let mode: AssignMode = decode_code("assign_mode", &mode)?;
            let members = members.remove(&id).unwrap_or_default();
            Ok(AgentGroup { id, name, auto_assign: mode != AssignMode::Manual, mode, members })
        })
        .collect::<Result<_, storage::Error>>()
        .map_err(Error::from)
}

pub async fn agents(db: &Db, user: &CurrentUser) -> Result<Vec<AgentInfo>, Error> {
    staff(user)?;
    let rows = directory::staff(db, user.tenant_id).await?;
    let names: BTreeMap<i64, String> = directory::agent_groups(db, user.tenant_id)
        .await?
        .into_iter()
        .map(|(id, name, _)| (id, name))
        .collect();
    let mut groups: BTreeMap<i64, Vec<GroupRef>> = BTreeMap::new();
    for (group_id, user_id, _) in directory::memberships(db, user.tenant_id).await? {
        if let Some(name) = names.get(&group_id) {
            groups.entry(user_id).or_default().push(GroupRef { id: group_id, name: name.clone() });
        }
    }
    rows.into_iter()
        .map(|(id, name, email, role, role_id, available)| {
            let role: Role = decode_code("role", &role)?;
            let mut groups = groups.remove(&id).unwrap_or_default();
            groups.sort_by(|a, b| a.name.cmp(&b.name));
            Ok(AgentInfo { id, name, email, role, role_id, groups, available })
        })
        .collect::<Result<_, storage::Error>>()
        .map_err(Error::from)
}

/// The tenant's customer groups (客户组), by name: the values of a view's `customer_group` condition.
pub async fn customer_groups(db: &Db, user: &CurrentUser) -> Result<Vec<CustomerGroupInfo>, Error> {
    staff(user)?;
    let rows = directory::customer_groups(db, user.tenant_id).await?;
    Ok(rows.into_iter().map(|(id, name, shares_tickets)| CustomerGroupInfo { id, name, shares_tickets }).collect())
}
