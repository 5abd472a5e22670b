//! The knowledge-base service: whose articles a request reads, listing and searching them, and
//! the changes writers (`kb.write`) make, deleting included. Markdown handling is in [`markdown`], query parsing in [`search`].

mod list;
mod markdown;
mod search;

pub use list::{list, ListQuery};
pub use markdown::LINK_REL;

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::kb::{self as kb_store, ArticleFields, ArticleRow};
use crate::storage::{self, Db};
use baton_core::kb::{self as rules, Article, ArticlePatch, Category, NewArticle, NewCategory};
use baton_core::problem::field_code;
use baton_core::{Permission, Role};
use crate::storage::Conn;

/// Who reads the knowledge base, and which desk's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reader {
    /// The desk; `None` only for a visitor of a server without any desk.
    pub tenant_id: Option<i64>,
    /// The reader's role; `None` for a visitor without a session.
    pub role: Option<Role>,
}

impl Reader {
    /// A signed-in user reads their own desk. A visitor without a session reads the default desk,
    /// the one with the lowest tenant id: the help center has to be browsable before login
    /// (articles deflect best before a ticket is even begun), and the reference server usually
    /// hosts one desk. A host serving several desks to anonymous visitors would pick the desk by
    /// hostname instead; spec/openapi.yaml documents this choice.
    pub async fn of(db: &Db, user: Option<CurrentUser>) -> Result<Reader, Error> {
        Ok(match user {
            Some(user) => Reader {
                tenant_id: Some(user.tenant_id),
                role: Some(user.role),
            },
            None => Reader {
                tenant_id: kb_store::default_tenant(db).await?,
                role: None,
            },
        })
    }

    /// Staff read drafts too.
    pub fn is_staff(self) -> bool {
        self.role.is_some_and(Role::is_staff)
    }

    /// The refusal for asking to see drafts without being staff: sign in, or you may not.
    fn drafts_refused(self) -> Error {
        match self.role {
            None => Error::Unauthenticated,
            Some(_) => Error::Forbidden("only staff see draft articles"),
        }
    }
}

/// Writing the knowledge base is `kb.write`'s (admins and the owner, and custom roles with it).
fn require_writer(user: &CurrentUser) -> Result<(), Error> {
    user.require(Permission::KbWrite)
}

/// The categories of the reader's desk.
pub async fn categories(db: &Db, reader: Reader) -> Result<Vec<Category>, Error> {
    match reader.tenant_id {
        Some(tenant_id) => Ok(kb_store::categories(db, tenant_id).await?),
        None => Ok(Vec::new()),
    }
}

/// The article `id`, if the reader may see it: drafts are staff-only, and an article of another
/// desk does not exist for them (404, like a ticket).
pub async fn get(db: &Db, reader: Reader, id: i64) -> Result<Article, Error> {
    let tenant_id = reader.tenant_id.ok_or(Error::NotFound)?;
    let mut conn = db.acquire().await?;
    let row = kb_store::get(&mut conn, tenant_id, id, reader.is_staff())
        .await?
        .ok_or(Error::NotFound)?;
    to_article(row)
}

/// Creates an article in the writer's desk.
pub async fn create(db: &Db, user: &CurrentUser, new: NewArticle) -> Result<Article, Error> {
    require_writer(user)?;
    rules::new_article(&new).map_err(Error::Validation)?;
    let mut tx = db.begin_write().await?;
    check_category(&mut tx, user.tenant_id, new.category_id).await?;
    let fields = ArticleFields {
        title: new.title.trim(),
        body_markdown: &new.body_markdown,
        body_text: &markdown::to_text(&new.body_markdown),
        category_id: new.category_id,
        status: new.status,
    };
    let now = storage::timestamp(storage::now());
    let id = kb_store::insert(&mut tx, user.tenant_id, &fields, &now).await?;
    let row = kb_store::get(&mut tx, user.tenant_id, id, true).await?;
    tx.commit().await?;
    to_article(row.ok_or_else(|| Error::Internal(format!("article {id} vanished")))?)
}

/// Applies `patch` to an article of the writer's desk; fields it leaves out stay as they are.
pub async fn update(
    db: &Db,
    user: &CurrentUser,
    id: i64,
    patch: ArticlePatch,
) -> Result<Article, Error> {
    require_writer(user)?;
    let mut tx = db.begin_write().await?;
    let old = kb_store::get(&mut tx, user.tenant_id, id, true)
        .await?
        .ok_or(Error::NotFound)?;
    rules::article_patch(&patch).map_err(Error::Validation)?;
    let category_id = patch.category_id.unwrap_or(old.category_id);
    if patch.category_id.is_some() {
        check_category(&mut tx, user.tenant_id, category_id).await?;
    }
    let title = patch.title.as_deref().map_or(old.title.as_str(), str::trim);
    let body = patch.body_markdown.as_deref().unwrap_or(&old.body_markdown);
    let fields = ArticleFields {
        title,
        body_markdown: body,
        body_text: &markdown::to_text(body),
        category_id,
        status: match patch.status {
            Some(status) => status,
            None => old.status()?,
        },
    };
    let now = storage::timestamp(storage::now());
    kb_store::update(&mut tx, user.tenant_id, id, &fields, &now).await?;
    let row = kb_store::get(&mut tx, user.tenant_id, id, true).await?;
    tx.commit().await?;
    to_article(row.ok_or(Error::NotFound)?)
}

/// Deletes an article of the writer's desk for good (unpublishing keeps it as a draft). Like
/// editing, `kb.write` is checked first: others get 403 whether or not the article exists.
pub async fn delete(db: &Db, user: &CurrentUser, id: i64) -> Result<(), Error> {
    require_writer(user)?;
    match kb_store::delete(db, user.tenant_id, id).await? {
        true => Ok(()),
        false => Err(Error::NotFound),
    }
}

/// Creates a category in the writer's desk; names are unique within a desk.
pub async fn create_category(
    db: &Db,
    user: &CurrentUser,
    new: NewCategory,
) -> Result<Category, Error> {
    require_writer(user)?;
    rules::new_category(&new).map_err(Error::Validation)?;
    let name = new.name.trim();
    let mut tx = db.begin_write().await?;
    if kb_store::category_named(&mut tx, user.tenant_id, name).await? {
        return Err(Error::field("name", field_code::INVALID_VALUE));
    }
    let now = storage::timestamp(storage::now());
    let id = kb_store::insert_category(&mut tx, user.tenant_id, name, &now).await?;
    tx.commit().await?;
    Ok(Category {
        id,
        name: name.to_owned(),
    })
}

/// Renames a category of the writer's desk (`PATCH /kb/categories/{id}`): the same rules as a new
/// one, and a name another category holds is a 422 on `name`; its articles follow the name.
pub async fn rename_category(db: &Db, user: &CurrentUser, id: i64, patch: NewCategory) -> Result<Category, Error> {
    require_writer(user)?;
    rules::new_category(&patch).map_err(Error::Validation)?;
    let name = patch.name.trim();
    let mut tx = db.begin_write().await?;
    match kb_store::rename_category(&mut tx, user.tenant_id, id, name).await {
        Ok(true) => {}
        Ok(false) => return Err(Error::NotFound),
        Err(e) if e.is_unique_violation() => return Err(Error::field("name", field_code::INVALID_VALUE)),
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    Ok(Category { id, name: name.to_owned() })
}

/// Deletes a category of the writer's desk (`DELETE /kb/categories/{id}`); its articles stay,
/// without a category, in the state they were.
pub async fn delete_category(db: &Db, user: &CurrentUser, id: i64) -> Result<(), Error> {
    require_writer(user)?;
    let mut tx = db.begin_write().await?;
    if !kb_store::delete_category(&mut tx, user.tenant_id, id).await? {
        return Err(Error::NotFound);
    }
    tx.commit().await?;
    Ok(())
}

/// A category id must name a category of the same desk.
async fn check_category(
    conn: &mut Conn,
    tenant_id: i64,
    category_id: Option<i64>,
) -> Result<(), Error> {
    match category_id {
        Some(id) if !kb_store::category_exists(conn, tenant_id, id).await? => {
            Err(Error::field("category_id", field_code::INVALID_VALUE))
        }
        _ => Ok(()),
    }
}

fn to_article(row: ArticleRow) -> Result<Article, Error> {
    Ok(Article {
        status: row.status()?,
        category: row.category(),
        body_html: markdown::to_html(&row.body_markdown),
        id: row.id,
        title: row.title,
        body_markdown: row.body_markdown,
        updated_at: row.updated_at,
    })
}

/// What the demo seed and tests write directly: an article's plain text, as the service derives it.
pub fn plain_text(markdown: &str) -> String {
    markdown::to_text(markdown)
}
