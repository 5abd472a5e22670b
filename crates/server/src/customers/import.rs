//! `POST /admin/customers/import` (`customers.import`): customers from a CSV file, with a report
//! per row. Columns `email`, `name`, `phone`, `group` (the group by its name, any case; or
//! 邮箱, 姓名, 电话, 分组), see [`read`]. Bad rows never stop good ones.
//!
//! A row whose email a customer of the desk has updates that customer (the cells it fills:
//! name, phone, group; empty cells keep what is stored), so importing the same file again changes
//! nothing; a staff member's email is a row error. New customers get no password: they claim
//! their account through a password reset, as customers registered by staff do. Unknown group
//! names are row errors rather than new groups, so a typo does not make a group.
//!
//! One transaction for the whole file: every row is checked before anything is written, so only
//! a server failure can stop it midway, and then nothing is half-imported and the same file can
//! simply be sent again; 10,000 rows are a few thousand small statements, a short write lock.

pub mod read;

use crate::accounts::NO_PASSWORD;
use crate::audit::{self, Entry};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::customers_admin::{self as store, groups, import as rows, Fields};
use crate::storage::{self, users};
use baton_core::agent::checks::CUSTOMER_NAME_MAX;
use baton_core::problem::field_code;
use baton_core::validate::{is_email, is_phone};
use baton_core::{FieldError, ImportOutcome, ImportReport, ImportRow, Permission};
use read::Record;
use std::collections::{HashMap, HashSet};

/// What a checked row leads to.
enum Plan {
    Create { email: String, name: String, phone: Option<String>, group_id: Option<i64> },
    Update { id: i64, fields: (String, String, Option<String>, Option<i64>) },
    Keep,
    Fail(Vec<FieldError>),
}

/// What the desk has that rows are checked against.
struct Desk {
    users: HashMap<String, rows::Known>,
    groups: HashMap<String, i64>,
    seen: HashSet<String>,
}

impl Desk {
    fn plan(&mut self, r: &Record) -> Plan {
        let mut errors = Vec::new();
        let email = r.email.as_deref().map(users::normalize_email).unwrap_or_default();
        if email.is_empty() {
            errors.push(FieldError::new("email", field_code::REQUIRED));
        } else if !is_email(&email) {
            errors.push(FieldError::new("email", field_code::INVALID_EMAIL));
        } else if !self.seen.insert(email.clone()) {
            errors.push(FieldError::new("email", field_code::DUPLICATE));
        }
        let known = self.users.get(&email);
        if known.is_some_and(|k| k.role != "customer") {
            errors.push(FieldError::new("email", field_code::ALREADY_EXISTS));
        }
        match &r.name {
            None if known.is_none() => errors.push(FieldError::new("name", field_code::REQUIRED)),
            Some(n) if n.chars().count() > CUSTOMER_NAME_MAX => errors.push(FieldError::new("name", field_code::TOO_LONG)),
            _ => {}
        }
        if r.phone.as_deref().is_some_and(|p| !is_phone(p)) {
            errors.push(FieldError::new("phone", field_code::INVALID_PHONE));
        }
        let group_id = match &r.group {
            None => None,
            Some(name) => match self.groups.get(&name.to_lowercase()) {
                Some(id) => Some(*id),
                None => {
                    errors.push(FieldError::new("group", field_code::INVALID_VALUE));
                    None
                }
            },
        };
        if !errors.is_empty() {
            return Plan::Fail(errors);
        }
        match known {
            None => Plan::Create { email, name: r.name.clone().unwrap_or_default(), phone: r.phone.clone(), group_id },
            Some(k) => {
                let name = r.name.clone().unwrap_or_else(|| k.name.clone());
                let phone = r.phone.clone().or_else(|| k.phone.clone());
                let group_id = group_id.or(k.customer_group_id);
                if name == k.name && phone == k.phone && group_id == k.customer_group_id {
                    Plan::Keep
                } else {
                    Plan::Update { id: k.id, fields: (name, email, phone, group_id) }
                }
            }
        }
    }
}

/// Imports the customers of `bytes` (decoded as `encoding` says, or detected); with `dry_run`,
/// only says what it would do.
pub async fn import(app: &Services, user: &CurrentUser, bytes: &[u8], encoding: Option<&str>, dry_run: bool) -> Result<ImportReport, Error> {
    user.require(Permission::CustomersImport)?;
    let (text, encoding) = read::decode(bytes, encoding)?;
    let records = read::records(&text)?;
    let now = storage::timestamp(app.clock.now());
    let mut tx = app.db.begin_write().await?;
    let known = rows::known(&mut tx, user.tenant_id).await?;
    let groups = groups::list(&mut tx, user.tenant_id).await?;
    let mut desk = Desk {
        users: known.into_iter().map(|k| (k.email.clone(), k)).collect(),
        groups: groups.into_iter().map(|g| (g.name.to_lowercase(), g.id)).collect(),
        seen: HashSet::new(),
    };
    let mut report = ImportReport { dry_run, encoding: encoding.to_owned(), created: 0, updated: 0, unchanged: 0, failed: 0, rows: Vec::with_capacity(records.len()) };
    for r in &records {
        let plan = desk.plan(r);
        let (outcome, errors) = match plan {
            Plan::Create { email, name, phone, group_id } => {
                if !dry_run {
                    let row = rows::NewRow { email: &email, name: &name, phone: phone.as_deref(), group_id };
                    rows::insert(&mut tx, user.tenant_id, &row, NO_PASSWORD, &now).await?;
                }
                report.created += 1;
                (ImportOutcome::Created, Vec::new())
            }
            Plan::Update { id, fields: (name, email, phone, group_id) } => {
                if !dry_run {
                    let fields = Fields { name: &name, email: &email, phone: phone.as_deref(), group_id };
                    store::set_fields(&mut tx, user.tenant_id, id, &fields).await?;
                }
                report.updated += 1;
                (ImportOutcome::Updated, Vec::new())
            }
            Plan::Keep => {
                report.unchanged += 1;
                (ImportOutcome::Unchanged, Vec::new())
            }
            Plan::Fail(errors) => {
                report.failed += 1;
                (ImportOutcome::Failed, errors)
            }
        };
        let email = r.email.clone().unwrap_or_default();
        report.rows.push(ImportRow { row: r.row, email, name: r.name.clone().unwrap_or_default(), outcome, errors });
    }
    // A dry run wrote nothing; dropping its transaction ends it.
    if !dry_run {
        // One entry: the summary, never the rows.
        let mut entry = Entry::new("customer.imported", None, "CSV");
        for (field, n) in [("created", report.created), ("updated", report.updated), ("unchanged", report.unchanged), ("failed", report.failed)] {
            entry = entry.field(field, None::<()>, Some(n));
        }
        audit::record(&mut tx, app, user, entry).await?;
        tx.commit().await?;
    }
    tracing::info!(tenant_id = user.tenant_id, by = user.id, dry_run, created = report.created, updated = report.updated, failed = report.failed, "customers imported");
    Ok(report)
}
