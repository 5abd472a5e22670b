//! Routing (migration 0024): picking the member of an agent group who gets a new ticket, agents'
//! availability, and the desk's ordered routing rules ([`rules`]).

pub mod rules;

use crate::storage::{Conn, Db, Error};

/// Takes group `group_id`'s turn lock and counts one more routed ticket: the group row stays
/// locked until the transaction ends, so concurrent creations pick one after the other. The
/// new count and the group's mode code; `None` when the desk has no such group.
pub async fn take_turn(conn: &mut Conn, tenant_id: i64, group_id: i64) -> Result<Option<(i64, String)>, Error> {
    crate::on!(conn, |c| sqlx::query_as(
        "UPDATE agent_groups SET route_seq = route_seq + 1 WHERE tenant_id = $1 AND id = $2
         RETURNING route_seq, assign_mode",
    )
    .bind(tenant_id)
    .bind(group_id)
    .fetch_optional(c).await).map_err(Error::from)
}

/// Members routing may give a ticket: staff, not deactivated, available.
const CAN_TAKE: &str = "FROM agent_group_members m
     JOIN users u ON u.id = m.user_id AND u.tenant_id = m.tenant_id AND u.deactivated_at IS NULL
          AND u.available AND u.role IN ('agent', 'admin', 'owner')
     WHERE m.tenant_id = $1 AND m.group_id = $2";

/// Whether `user_id` is a member of the group routing may give a ticket.
pub async fn can_take(conn: &mut Conn, tenant_id: i64, group_id: i64, user_id: i64) -> Result<bool, Error> {
    let sql = format!("SELECT EXISTS (SELECT 1 {CAN_TAKE} AND m.user_id = $3)");
    crate::on!(conn, |c| sqlx::query_scalar(&sql).bind(tenant_id).bind(group_id).bind(user_id).fetch_one(c).await).map_err(Error::from)
}

/// The member whose turn it is: round robin, the one who got a routed ticket longest ago (never
/// first, then by id: the rotation's order); least loaded, the one with the fewest new, open and
/// pending tickets, ties as round robin.
pub async fn next_member(conn: &mut Conn, tenant_id: i64, group_id: i64, least_loaded: bool) -> Result<Option<i64>, Error> {
    let load = if least_loaded {
        "(SELECT COUNT(*) FROM tickets t WHERE t.tenant_id = m.tenant_id AND t.assignee_id = m.user_id
          AND t.status IN ('new', 'open', 'pending')), "
    } else {
        ""
    };
    let sql = format!("SELECT m.user_id {CAN_TAKE} ORDER BY {load}COALESCE(m.routed_seq, 0), m.user_id LIMIT 1");
    crate::on!(conn, |c| sqlx::query_scalar(&sql).bind(tenant_id).bind(group_id).fetch_optional(c).await).map_err(Error::from)
}

/// Records that member `user_id` got the group's routed ticket number `seq`.
pub async fn mark_routed(conn: &mut Conn, tenant_id: i64, group_id: i64, user_id: i64, seq: i64) -> Result<(), Error> {
    crate::on!(conn, |c| sqlx::query(
        "UPDATE agent_group_members SET routed_seq = $4 WHERE tenant_id = $1 AND group_id = $2 AND user_id = $3",
    )
    .bind(tenant_id)
    .bind(group_id)
    .bind(user_id)
    .bind(seq)
    .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}

/// The group a new ticket of `subtype_id` goes to when no rule matches.
pub async fn subtype_group(conn: &mut Conn, tenant_id: i64, subtype_id: i64) -> Result<Option<i64>, Error> {
    let group: Option<Option<i64>> = crate::on!(conn, |c| sqlx::query_scalar(
        "SELECT group_id FROM ticket_subtypes WHERE tenant_id = $1 AND id = $2",
    )
    .bind(tenant_id)
    .bind(subtype_id)
    .fetch_optional(c).await)?;
    Ok(group.flatten())
}

/// Sets whether staff `user_id` is available for routing.
pub async fn set_available(db: &Db, tenant_id: i64, user_id: i64, available: bool) -> Result<(), Error> {
    crate::on!(db, |c| sqlx::query("UPDATE users SET available = $3 WHERE tenant_id = $1 AND id = $2")
        .bind(tenant_id)
        .bind(user_id)
        .bind(available)
        .execute(c).await.map(|r| r.rows_affected()))?;
    Ok(())
}
