//! The comments of the period's ratings (`GET /reports/comments`): a page of them, newest rating
//! first, with the rating and the ticket's number; nothing else of the ticket.

use super::filter::{Filter, Moment, FROM};
use crate::storage::{Conn, Error, Sql};

#[derive(Debug, sqlx::FromRow)]
pub struct CommentRow {
    pub ticket_id: i64,
    pub number: i64,
    pub rating: i64,
    pub comment: String,
    pub rated_at: String,
}

/// Up to `limit` comments of the period's tickets (by `moment`; with this `rating` when given),
/// newest rating first, after the cursor `(rated_at, ticket id)`.
pub async fn page(
    conn: &mut Conn,
    f: &Filter,
    moment: Moment,
    rating: Option<i64>,
    after: Option<(String, i64)>,
    limit: i64,
) -> Result<Vec<CommentRow>, Error> {
    let mut q = Sql::new("SELECT t.id AS ticket_id, t.number, f.rating, t.rating_comment AS comment, f.rated_at");
    q.push(FROM);
    f.push_where(&mut q);
    f.push_period(&mut q, moment);
    q.push(" AND f.rating IS NOT NULL AND f.rated_at IS NOT NULL AND t.rating_comment IS NOT NULL AND t.rating_comment <> ''");
    if let Some(rating) = rating {
        q.push(" AND f.rating = ").push_bind(rating);
    }
    if let Some((rated_at, id)) = after {
        q.push(" AND (f.rated_at < ").push_bind(rated_at.clone());
        q.push(" OR (f.rated_at = ").push_bind(rated_at).push(" AND f.ticket_id < ").push_bind(id).push("))");
    }
    q.push(" ORDER BY f.rated_at DESC, f.ticket_id DESC LIMIT ").push_bind(limit);
    q.fetch_all(conn).await
}
