//! Setting the catalog up (issue 12, `settings.manage`): ticket types and sub-types ([`types`]),
//! their custom fields ([`fields`]) and the dictionaries select-like fields draw from
//! ([`dictionaries`]). The submit form reads the active part (`GET /ticket-types`,
//! `storage::catalog::load`); these read and write all of it.
//!
//! Nothing a ticket refers to is deleted, only switched off, and a field's key, kind,
//! dictionary and parent stay as made: a ticket keeps its type and the values it was given, and
//! they keep their meaning.

pub mod dictionaries;
pub mod fields;
pub mod types;

use crate::error::Error;
use crate::storage::catalog::admin::{self as store, Table};
use crate::storage::Conn;
use baton_core::problem::field_code;
use baton_core::CatalogOrder;

/// Puts the rows of `table` that belong to `owner` in the order of `order.ids`, which must name
/// each of them once (else `ids`: `invalid_value`, nothing changes).
async fn reorder(conn: &mut Conn, table: Table, tenant_id: i64, owner: i64, order: &CatalogOrder) -> Result<(), Error> {
    let mut have = store::ids(conn, table, tenant_id, owner).await?;
    let mut want = order.ids.clone();
    have.sort_unstable();
    want.sort_unstable();
    if have != want {
        return Err(Error::field("ids", field_code::INVALID_VALUE));
    }
    store::set_positions(conn, table, tenant_id, &order.ids).await?;
    Ok(())
}
