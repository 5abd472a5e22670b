//! An SLA policy's editor: name, the calendar its targets count in (none: around the clock),
//! which tickets it is for (priorities, channels, types, sub-types, customer groups; nothing
//! ticked does not narrow) and, per priority, the first-reply, next-reply and resolution targets
//! in minutes or hours. The server's errors show beside their inputs: `targets.1.first_reply`
//! names the second priority *sent*, so it is mapped back to the priority's row.

use super::super::conditions::ConditionFields;
use super::{ErrorAt, Lists};
use crate::api::use_api;
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::agent::{priority_code, priority_key, PRIORITIES};
use crate::i18n::{AdminKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use baton_core::sla::{PolicySpec, PriorityTargets, SlaConditions, SlaPolicy};
use baton_core::{FieldError, Priority};
use leptos::prelude::*;
use crate::pages::admin::form_parts::SaveCancel;

/// The three targets, by their wire name.
const TARGETS: [(&str, AdminKey); 3] =
    [("first_reply", AdminKey::SlaFirstReply), ("next_reply", AdminKey::SlaNextReply), ("resolution", AdminKey::SlaResolution)];

/// One priority's targets as typed: per target (first reply, next reply, resolution) the amount
/// and whether it is in hours.
type TargetRow = (Priority, [(RwSignal<String>, RwSignal<bool>); 3]);

/// A target as typed: an amount and whether it is in hours.
pub fn to_minutes(amount: &str, hours: bool) -> Result<Option<i64>, ()> {
    let amount = amount.trim();
    if amount.is_empty() {
        return Ok(None);
    }
    let n: i64 = amount.parse().map_err(|_| ())?;
    Ok(Some(if hours { n.saturating_mul(60) } else { n }))
}

/// Minutes shown in hours when they are whole hours.
pub fn from_minutes(minutes: Option<i64>) -> (String, bool) {
    match minutes {
        None => (String::new(), true),
        Some(m) if m > 0 && m % 60 == 0 => ((m / 60).to_string(), true),
        Some(m) => (m.to_string(), false),
    }
}

/// The server's `targets.<i>.<target>` of the `i`-th priority sent, as the row's own
/// `targets.<priority>.<target>`.
pub fn map_target_errors(errors: Vec<FieldError>, sent: &[Priority]) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut e| {
            let mut parts = e.field.splitn(3, '.');
            if let (Some("targets"), Some(i), rest) = (parts.next(), parts.next(), parts.next()) {
                if let Some(p) = i.parse::<usize>().ok().and_then(|i| sent.get(i)) {
                    e.field = format!("targets.{}{}", priority_code(*p), rest.map(|r| format!(".{r}")).unwrap_or_default());
                }
            }
            e
        })
        .collect()
}

#[component]
pub fn PolicyForm(
    /// The policy to change; `None` for a new one.
    existing: Option<SlaPolicy>,
    /// The calendars, types and customer groups to choose from.
    lists: Lists,
    /// Saved: the policy as the server has it.
    on_saved: Callback<SlaPolicy>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let id = existing.as_ref().map(|p| p.id);
    let spec = existing.map(|p| p.spec).unwrap_or(PolicySpec { name: String::new(), calendar_id: None, conditions: SlaConditions::default(), targets: Vec::new() });
    let name = RwSignal::new(spec.name.clone());
    let calendar = RwSignal::new(spec.calendar_id);
    let conditions = RwSignal::new(spec.conditions.clone());
    // Per priority and target: (amount, in hours).
    let targets: Vec<TargetRow> = PRIORITIES
        .into_iter()
        .map(|p| {
            let t = spec.targets.iter().find(|t| t.priority == p);
            let values = [t.and_then(|t| t.first_reply), t.and_then(|t| t.next_reply), t.and_then(|t| t.resolution)];
            (p, values.map(|m| {
                let (amount, hours) = from_minutes(m);
                (RwSignal::new(amount), RwSignal::new(hours))
            }))
        })
        .collect();
    let targets = StoredValue::new(targets);
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let mut local = Vec::new();
        let mut sent = Vec::new();
        let rows: Vec<PriorityTargets> = targets.with_value(|rows| {
            rows.iter().filter_map(|(p, values)| {
                let mut minutes = [None; 3];
                for (k, (amount, hours)) in values.iter().enumerate() {
                    match to_minutes(&amount.get_untracked(), hours.get_untracked()) {
                        Ok(m) => minutes[k] = m,
                        Err(()) => local.push(FieldError::new(&format!("targets.{}.{}", priority_code(*p), TARGETS[k].0), "invalid_value")),
                    }
                }
                minutes.iter().any(Option::is_some).then(|| {
                    sent.push(*p);
                    PriorityTargets { priority: *p, first_reply: minutes[0], next_reply: minutes[1], resolution: minutes[2] }
                })
            }).collect()
        });
        errors.set(local);
        if !errors.with_untracked(Vec::is_empty) {
            return;
        }
        let spec = PolicySpec { name: name.get_untracked().trim().to_owned(), calendar_id: calendar.get_untracked(), conditions: conditions.get_untracked(), targets: rows };
        busy.run(async move {
            match api.get_value().save_sla_policy(id, &spec).await {
                Ok(saved) => on_saved.run(saved),
                Err(error) => show_refusal(&error, map_target_errors(error.field_errors(), &sent), errors, failure),
            }
        });
    };
    view! {
        <form class="card form admin-form" novalidate on:submit=submit data-testid="policy-form" aria-labelledby="policy-form-h">
            <h2 id="policy-form-h">{tr(if id.is_some() { AdminKey::SlaEditPolicy } else { AdminKey::SlaNewPolicy }.into())}</h2>
            <FormFailure failure testid="policy-error" />
            <TextField id="policy-name" testid="policy-name" field="name" label=Key::from(AdminKey::SlaName) value=name errors required=true />
            <div class="field">
                <label for="policy-calendar">{tr(AdminKey::SlaCalendar.into())}</label>
                <select id="policy-calendar" data-testid="policy-calendar" aria-describedby="policy-calendar-error"
                    on:change=move |ev| calendar.set(event_target_value(&ev).parse().ok())>
                    <option value="" selected=move || calendar.get().is_none()>{tr(AdminKey::SlaAroundTheClock.into())}</option>
                    {lists.calendars.iter().map(|c| {
                        let cid = c.id;
                        view! { <option value=cid selected=move || calendar.get() == Some(cid)>{c.spec.name.clone()}</option> }
                    }).collect_view()}
                </select>
                <ErrorAt id="policy-calendar-error" field="calendar_id" errors />
            </div>
            <ConditionFields prefix="policy" conditions types=lists.types.clone() customer_groups=lists.customer_groups.clone() errors />
            <TargetTable targets=targets.get_value() errors />
            <ErrorAt id="policy-targets-error" field="targets" errors />
            <SaveCancel prefix="policy" pending on_cancel />
        </form>
    }
}

/// The targets per priority: one row each, an amount and its unit per target.
#[component]
fn TargetTable(
    targets: Vec<TargetRow>,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="admin-scroll">
            <table class="admin-table" data-testid="policy-targets">
                <caption>{tr(AdminKey::SlaTargets.into())}</caption>
                <thead><tr>
                    <th scope="col">{tr(AdminKey::SlaPriority.into())}</th>
                    {TARGETS.map(|(_, key)| view! { <th scope="col">{tr(key.into())}</th> }).into_iter().collect_view()}
                </tr></thead>
                <tbody>
                    {targets.into_iter().map(|(p, values)| {
                        let code = priority_code(p);
                        view! {
                            <tr data-testid="policy-target-row" data-priority=code>
                                <th scope="row">{tr(priority_key(p))}</th>
                                {values.into_iter().zip(TARGETS).map(|((amount, hours), (target, key))| {
                                    let input = format!("target-{code}-{target}");
                                    let error = format!("{input}-error");
                                    let label = move || format!("{} · {}", i18n.t(priority_key(p)), i18n.t(key.into()));
                                    view! {
                                        <td data-label=label>
                                            <input id=input.clone() type="text" inputmode="numeric" size="5" data-testid="policy-target"
                                                data-target=target aria-label=label aria-describedby=error.clone()
                                                prop:value=move || amount.get() on:input=move |ev| amount.set(event_target_value(&ev)) />
                                            <select data-testid="policy-target-unit" aria-label=move || i18n.tf(AdminKey::SlaUnitOf.into(), &[&label()])
                                                on:change=move |ev| hours.set(event_target_value(&ev) == "h")>
                                                <option value="min" selected=move || !hours.get()>{tr(AdminKey::SlaMinutes.into())}</option>
                                                <option value="h" selected=move || hours.get()>{tr(AdminKey::SlaHours.into())}</option>
                                            </select>
                                            <ErrorAt id=error field=format!("targets.{code}.{target}") errors />
                                        </td>
                                    }
                                }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_are_typed_in_minutes_or_hours() {
        for (amount, hours, expected) in
            [("", true, Ok(None)), (" 30 ", false, Ok(Some(30))), ("8", true, Ok(Some(480))), ("1.5", true, Err(())), ("x", false, Err(()))]
        {
            assert_eq!(to_minutes(amount, hours), expected, "{amount} {hours}");
        }
        for (minutes, expected) in [(None, ("", true)), (Some(480), ("8", true)), (Some(90), ("90", false)), (Some(0), ("0", false))] {
            assert_eq!(from_minutes(minutes), (expected.0.to_owned(), expected.1), "{minutes:?}");
        }
    }

    #[test]
    fn target_errors_name_the_priority_row_not_the_index_sent() {
        let sent = [Priority::High, Priority::Urgent];
        let errors = vec![
            FieldError::new("targets.1.first_reply", "invalid_value"),
            FieldError::new("targets.0", "invalid_value"),
            FieldError::new("targets.7.resolution", "invalid_value"),
            FieldError::new("conditions.type_ids", "invalid_value"),
        ];
        let fields: Vec<String> = map_target_errors(errors, &sent).into_iter().map(|e| e.field).collect();
        assert_eq!(fields, ["targets.urgent.first_reply", "targets.high", "targets.7.resolution", "conditions.type_ids"]);
    }
}
