//! Dictionaries (字典): named option lists that select, multiselect and radio fields draw from;
//! an option with a parent value applies under that value of the field's cascade parent. A `PUT`
//! gives the options in order; one left out is switched off (kept, so old tickets still read it),
//! and listed again it is back.

use crate::auth::CurrentUser;
use crate::error::Error;
use crate::storage::catalog::admin as store;
use crate::storage::catalog::insert_dictionary;
use crate::storage::{self, Db};
use baton_core::dto::catalog_admin::tidy;
use baton_core::{Dictionary, DictionarySpec, Permission};
use std::collections::HashMap;

/// Every dictionary of the desk, by name, with all its options.
pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<Dictionary>, Error> {
    user.require(Permission::SettingsManage)?;
    let mut options: HashMap<i64, Vec<_>> = HashMap::new();
    for (id, option) in store::options(db, user.tenant_id).await? {
        options.entry(id).or_default().push(option);
    }
    Ok(store::dictionaries(db, user.tenant_id)
        .await?
        .into_iter()
        .map(|(id, name)| Dictionary { id, name, options: options.remove(&id).unwrap_or_default() })
        .collect())
}

fn taken(e: storage::Error) -> Error {
    if e.is_unique_violation() { Error::AlreadyExists("a dictionary with this name") } else { e.into() }
}

/// Creates (`id` none) or replaces dictionary `id`.
pub async fn save(db: &Db, user: &CurrentUser, id: Option<i64>, spec: &DictionarySpec) -> Result<Dictionary, Error> {
    user.require(Permission::SettingsManage)?;
    let errors = spec.check();
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let name = spec.name.trim();
    let tenant = user.tenant_id;
    let mut tx = db.begin_write().await?;
    let id = match id {
        Some(id) => {
            if !store::rename_dictionary(&mut tx, tenant, id, name).await.map_err(taken)? {
                return Err(Error::NotFound);
            }
            id
        }
        None => insert_dictionary(&mut tx, tenant, name, &[], &storage::timestamp(storage::now())).await.map_err(taken)?,
    };
    store::retire_options(&mut tx, tenant, id).await?;
    for (position, o) in (0_i64..).zip(&spec.options) {
        let parent = o.parent_value.as_deref().map(str::trim).filter(|p| !p.is_empty());
        store::put_option(&mut tx, tenant, id, o.value.trim(), &tidy(&o.label), parent, position).await?;
    }
    tx.commit().await?;
    tracing::info!(tenant_id = tenant, by = user.id, dictionary_id = id, options = spec.options.len(), "dictionary saved");
    list(db, user).await?.into_iter().find(|d| d.id == id).ok_or(Error::NotFound)
}
