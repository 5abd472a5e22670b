//! Workflow templates as admins set them (`/admin/workflows`, permission `settings.manage`): one
//! per ticket type of the desk, its steps in order, each with a group of the desk, the custom
//! fields of the type it requires, an optional step SLA and the keys of its allowed next steps.
//! A save replaces the whole template; steps are matched by key, so a step that keeps its key
//! keeps its tickets, and a step that goes takes its tickets out of the workflow.

use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::services::Services;
use crate::error::Error;
use crate::routing::rules::check_name;
use crate::storage::workflows::{self as store, StepFields, StepRow, WorkflowRow};
use crate::storage::{self, catalog, groups::admin as groups, Conn, Db};
use baton_core::problem::field_code::{INVALID_VALUE, REQUIRED, TOO_LONG};
use baton_core::workflow::{valid_key, StepSpec, WorkflowStep, MAX_STEPS, NAME_MAX};
use baton_core::{FieldError, GroupRef, Permission, Workflow, WorkflowSpec};
use std::collections::HashSet;

/// The longest step SLA, in minutes (a year).
const SLA_MAX: i64 = 525_600;

fn keys(json: &str, id: i64) -> Result<Vec<String>, Error> {
    serde_json::from_str(json).map_err(|e| Error::Internal(format!("workflow step {id} does not read back: {e}")))
}

fn to_step(row: StepRow) -> Result<WorkflowStep, Error> {
    Ok(WorkflowStep {
        id: row.id,
        required_fields: keys(&row.required_fields, row.id)?,
        next: keys(&row.next_steps, row.id)?,
        key: row.key,
        name: row.name,
        group: GroupRef { id: row.group_id, name: row.group_name },
        sla_minutes: row.sla_minutes,
    })
}

/// The desk's workflows (or workflow `id` alone) with their steps.
async fn read(conn: &mut Conn, tenant_id: i64, id: Option<i64>) -> Result<Vec<Workflow>, Error> {
    let rows: Vec<WorkflowRow> = store::list(conn, tenant_id, id).await?;
    let mut steps = store::steps(conn, tenant_id, id).await?;
    rows.into_iter()
        .map(|w| {
            let own: Vec<StepRow> = steps.extract_if(.., |s| s.workflow_id == w.id).collect();
            let steps = own.into_iter().map(to_step).collect::<Result<_, _>>()?;
            Ok(Workflow { id: w.id, name: w.name, type_id: w.type_id, steps })
        })
        .collect()
}

pub async fn list(db: &Db, user: &CurrentUser) -> Result<Vec<Workflow>, Error> {
    user.require(Permission::SettingsManage)?;
    let mut conn = db.acquire().await?;
    read(&mut conn, user.tenant_id, None).await
}

pub async fn get(db: &Db, user: &CurrentUser, id: i64) -> Result<Workflow, Error> {
    user.require(Permission::SettingsManage)?;
    let mut conn = db.acquire().await?;
    read(&mut conn, user.tenant_id, Some(id)).await?.pop().ok_or(Error::NotFound)
}

/// Every mistake of `spec`, by field (`name`, `type_id`, `steps`, `steps.<i>.<field>`): a type of
/// the desk; 1 to 20 steps with unique keys; each step's group of the desk, its required fields
/// custom fields of the type (or of one of its sub-types), its SLA positive, its next steps keys
/// of other steps of this workflow.
async fn check(db: &Db, user: &CurrentUser, spec: &WorkflowSpec) -> Result<(), Error> {
    let mut errors = Vec::new();
    check_name(&spec.name, NAME_MAX, &mut errors);
    let types = catalog::load(db, user.tenant_id).await?;
    let field_keys: HashSet<&str> = match types.iter().find(|t| t.id == spec.type_id) {
        Some(t) => t.fields.iter().chain(t.subtypes.iter().flat_map(|s| s.fields.iter())).map(|f| f.key.as_str()).collect(),
        None => {
            errors.push(FieldError::new("type_id", INVALID_VALUE));
            HashSet::new()
        }
    };
    if spec.steps.is_empty() {
        errors.push(FieldError::new("steps", REQUIRED));
    } else if spec.steps.len() > MAX_STEPS {
        errors.push(FieldError::new("steps", TOO_LONG));
    }
    let mut conn = db.acquire().await?;
    let desk_groups: HashSet<i64> = groups::list(&mut conn, user.tenant_id, None).await?.into_iter().map(|g| g.0).collect();
    drop(conn);
    let step_keys: Vec<&str> = spec.steps.iter().map(|s| s.key.as_str()).collect();
    for (i, step) in spec.steps.iter().enumerate() {
        let mut bad = |field: &str, code: &str| errors.push(FieldError::new(&format!("steps.{i}.{field}"), code));
        if !valid_key(&step.key) || step_keys[..i].contains(&step.key.as_str()) {
            bad("key", INVALID_VALUE);
        }
        let name = step.name.trim();
        if name.is_empty() {
            bad("name", REQUIRED);
        } else if name.chars().count() > NAME_MAX {
            bad("name", TOO_LONG);
        }
        if !desk_groups.contains(&step.group_id) {
            bad("group_id", INVALID_VALUE);
        }
        if step.required_fields.iter().any(|k| !field_keys.contains(k.as_str())) {
            bad("required_fields", INVALID_VALUE);
        }
        if step.sla_minutes.is_some_and(|m| !(1..=SLA_MAX).contains(&m)) {
            bad("sla_minutes", INVALID_VALUE);
        }
        if step.next.iter().any(|k| *k == step.key || !step_keys.contains(&k.as_str())) {
            bad("next", INVALID_VALUE);
        }
    }
    if errors.is_empty() { Ok(()) } else { Err(Error::Validation(errors)) }
}

fn taken(e: storage::Error) -> Error {
    if e.is_unique_violation() { Error::AlreadyExists("type_id") } else { e.into() }
}

fn dedup(list: &[String]) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    for item in list {
        if !out.contains(&item.as_str()) {
            out.push(item);
        }
    }
    out
}

/// Writes `steps` as workflow `id`'s: steps matched by key are rewritten, new ones inserted, the
/// others deleted (their tickets leave the workflow).
async fn put_steps(conn: &mut Conn, tenant_id: i64, id: i64, steps: &[StepSpec]) -> Result<(), Error> {
    let stored = store::steps(conn, tenant_id, Some(id)).await?;
    for old in stored.iter().filter(|s| !steps.iter().any(|n| n.key == s.key)) {
        store::delete_step(conn, tenant_id, old.id).await?;
    }
    for (position, step) in (1..).zip(steps) {
        let json = |list: &[String]| serde_json::to_string(&dedup(list)).map_err(|e| Error::Internal(e.to_string()));
        let (required, next) = (json(&step.required_fields)?, json(&step.next)?);
        let fields = StepFields {
            key: &step.key,
            position,
            name: step.name.trim(),
            group_id: step.group_id,
            required_fields: &required,
            sla_minutes: step.sla_minutes,
            next_steps: &next,
        };
        match stored.iter().find(|s| s.key == step.key) {
            Some(old) => store::update_step(conn, tenant_id, old.id, &fields).await?,
            None => {
                store::insert_step(conn, tenant_id, id, &fields).await?;
            }
        }
    }
    Ok(())
}

/// Creates (`id` none) or replaces workflow `id`. A type that has a workflow is a 409
/// `already_exists`.
pub async fn save(app: &Services, user: &CurrentUser, id: Option<i64>, spec: &WorkflowSpec) -> Result<Workflow, Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let before = match id {
        // Another desk's id is a 404 before anything about the body is said.
        Some(id) => Some(get(db, user, id).await?),
        None => None,
    };
    check(db, user, spec).await?;
    let mut tx = db.begin_write().await?;
    let tenant = user.tenant_id;
    let id = match id {
        None => store::create(&mut tx, tenant, spec.name.trim(), spec.type_id, &storage::timestamp(app.clock.now())).await.map_err(taken)?,
        Some(id) => {
            if !store::update(&mut tx, tenant, id, spec.name.trim(), spec.type_id).await.map_err(taken)? {
                return Err(Error::NotFound);
            }
            id
        }
    };
    put_steps(&mut tx, tenant, id, &spec.steps).await?;
    let workflow = read(&mut tx, tenant, Some(id)).await?.pop().ok_or(Error::NotFound)?;
    let action = if before.is_some() { "workflow.updated" } else { "workflow.created" };
    audit::record(&mut tx, app, user, Entry::new(action, id, &workflow.name).diff(before.as_ref(), Some(&workflow))).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = tenant, workflow_id = id, by = user.id, "workflow saved");
    Ok(workflow)
}

/// Deletes workflow `id`; its tickets leave it and keep their history.
pub async fn delete(app: &Services, user: &CurrentUser, id: i64) -> Result<(), Error> {
    let db = &app.db;
    user.require(Permission::SettingsManage)?;
    let mut tx = db.begin_write().await?;
    let before = read(&mut tx, user.tenant_id, Some(id)).await?.pop().ok_or(Error::NotFound)?;
    if !store::delete(&mut tx, user.tenant_id, id).await? {
        return Err(Error::NotFound);
    }
    audit::record(&mut tx, app, user, Entry::new("workflow.deleted", id, &before.name)).await?;
    tx.commit().await?;
    tracing::info!(tenant_id = user.tenant_id, workflow_id = id, by = user.id, "workflow deleted");
    Ok(())
}
