//! Uploads no ticket or message refers to yet: what a user holds pending, and the ones left so
//! long they are purged.

use crate::storage::{Db, Error};

const UNLINKED: &str = "NOT EXISTS (SELECT 1 FROM ticket_attachments l WHERE l.attachment_id = a.id)
     AND NOT EXISTS (SELECT 1 FROM message_attachments l WHERE l.attachment_id = a.id)";

/// How many unlinked uploads `uploader_id` of `tenant_id` holds, and their bytes.
pub async fn pending_of(db: &Db, tenant_id: i64, uploader_id: i64) -> Result<(i64, i64), Error> {
    let sql = format!(
        "SELECT CAST(COUNT(*) AS BIGINT), CAST(COALESCE(SUM(a.size), 0) AS BIGINT) FROM attachments a
         WHERE a.tenant_id = $1 AND a.uploader_id = $2 AND {UNLINKED}"
    );
    crate::on!(db, |c| sqlx::query_as(&sql).bind(tenant_id).bind(uploader_id).fetch_one(c).await)
        .map_err(Error::from)
}

/// Up to `limit` uploads created before `before` and still unlinked: removed here, row by row,
/// each only if still unlinked (a link made meanwhile wins, and one made after fails on its foreign
/// key, never pointing at missing bytes); their storage keys, whose blobs the caller deletes.
pub async fn take_orphans(db: &Db, before: &str, limit: i64) -> Result<Vec<String>, Error> {
    let find = format!("SELECT a.id FROM attachments a WHERE a.created_at < $1 AND {UNLINKED} ORDER BY a.id LIMIT $2");
    let ids: Vec<i64> = crate::on!(db, |c| sqlx::query_scalar(&find).bind(before).bind(limit).fetch_all(c).await)?;
    let take = format!("DELETE FROM attachments WHERE id = $1 AND id IN (SELECT a.id FROM attachments a WHERE a.id = $1 AND {UNLINKED}) RETURNING storage_key");
    let mut keys = Vec::new();
    for id in ids {
        let key: Option<String> = crate::on!(db, |c| sqlx::query_scalar(&take).bind(id).fetch_optional(c).await)?;
        keys.extend(key);
    }
    Ok(keys)
}
