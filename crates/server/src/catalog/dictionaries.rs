//! Dictionaries (字典): named option lists that select, multiselect and radio fields draw from;
//! an option with a parent value applies under that value of the field's cascade parent. A `PUT`
//! gives the options in order; one left out is switched off (kept, so old tickets still read it),
//! and listed again it is back.

use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::storage::catalog::admin as store;
use crate::storage::catalog::insert_dictionary;
use crate::storage::{self, Db};
use baton_core::dto::catalog_admin::tidy;
use baton_core::{Dictionary, DictionarySpec, OptionSpec, Permission};
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
pub async fn save(app: &Services, user: &CurrentUser, id: Option<i64>, spec: &DictionarySpec) -> Result<Dictionary, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let errors = spec.check();
    if !errors.is_empty() {
        return Err(Error::Validation(errors));
    }
    let name = spec.name.trim();
    let tenant = user.tenant_id;
    // As specs (the active options, in order), so a save compares like with like.
    let as_spec = |d: Dictionary| DictionarySpec {
        name: d.name,
        options: d.options.into_iter().filter(|o| o.active).map(|o| OptionSpec { value: o.value, label: o.label, parent_value: o.parent_value }).collect(),
    };
    let before = match id {
        Some(id) => list(db, user).await?.into_iter().find(|d| d.id == id).map(as_spec),
        None => None,
    };
    let mut tx = db.begin_write().await?;
    let id = match id {
        Some(id) => {
            if !store::rename_dictionary(&mut tx, tenant, id, name).await.map_err(taken)? {
                return Err(Error::NotFound);
            }
            id
        }
        None => insert_dictionary(&mut tx, tenant, name, &[], &storage::timestamp(app.clock.now())).await.map_err(taken)?,
    };
    store::retire_options(&mut tx, tenant, id).await?;
    for (position, o) in (0_i64..).zip(&spec.options) {
        let parent = o.parent_value.as_deref().map(str::trim).filter(|p| !p.is_empty());
        store::put_option(&mut tx, tenant, id, o.value.trim(), &tidy(&o.label), parent, position).await?;
    }
    let after = DictionarySpec {
        name: name.to_owned(),
        options: spec.options.iter().map(|o| OptionSpec {
            value: o.value.trim().to_owned(),
            label: tidy(&o.label),
            parent_value: o.parent_value.as_deref().map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned),
        }).collect(),
    };
    let action = if before.is_some() { "dictionary.updated" } else { "dictionary.created" };
    audit::record(&mut tx, app, user, Entry::new(action, id, name).diff(before.as_ref(), Some(&after))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = tenant, by = user.id, dictionary_id = id, options = spec.options.len(), "dictionary saved");
    list(db, user).await?.into_iter().find(|d| d.id == id).ok_or(Error::NotFound)
}
