//! A business calendar's editor: name, IANA zone, working windows per weekday (Monday first),
//! holidays, and exceptional days with their own windows (none: a day off). Lists grow and shrink
//! with add / remove buttons; typing changes the values without redrawing, so focus stays put.
//! The server's field errors (`week.2.1`, `holidays.0.date`, `exceptions.1.windows.0.end`) show
//! beside the day, holiday or exception they name.

use super::holiday_import::HolidayImport;
use super::ErrorAt;
use crate::api::use_api;
use crate::components::ui::{show_refusal, FormFailure, TextField};
use crate::i18n::{fill, AdminKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, use_i18n};
use super::import::Imported;
use baton_core::sla::{CalendarSpec, ExceptionSpec, HolidaySpec, SlaCalendar, WindowSpec};
use baton_core::FieldError;
use leptos::prelude::*;
use crate::pages::admin::form_parts::SaveCancel;

const DAYS: [AdminKey; 7] =
    [AdminKey::Mon, AdminKey::Tue, AdminKey::Wed, AdminKey::Thu, AdminKey::Fri, AdminKey::Sat, AdminKey::Sun];

/// Windows as typed: "09:00-12:00, 13:00-18:00" (an empty text: none).
pub fn parse_windows(text: &str) -> Vec<WindowSpec> {
    text.split(',')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(|w| {
            let (start, end) = w.split_once('-').unwrap_or((w, ""));
            WindowSpec { start: start.trim().to_owned(), end: end.trim().to_owned() }
        })
        .collect()
}

/// The text [`parse_windows`] reads back.
pub fn show_windows(windows: &[WindowSpec]) -> String {
    windows.iter().map(|w| format!("{}-{}", w.start, w.end)).collect::<Vec<_>>().join(", ")
}

fn new_spec() -> CalendarSpec {
    let office = || vec![WindowSpec { start: "09:00".into(), end: "18:00".into() }];
    CalendarSpec {
        name: String::new(),
        time_zone: "Asia/Shanghai".into(),
        week: [office(), office(), office(), office(), office(), Vec::new(), Vec::new()],
        holidays: Vec::new(),
        exceptions: Vec::new(),
    }
}

/// One line of a list (a holiday or an exception): date, name and, for exceptions, windows.
#[derive(Clone, Default)]
struct Day {
    date: String,
    name: String,
    windows: String,
}

/// Imported days into a list: a date already there takes the new name (when it has one) and
/// hours; the rest are added; the list ends in date order (rows still without a date last).
fn merge(list: &mut Vec<Day>, days: impl Iterator<Item = Day>) {
    for day in days {
        match list.iter_mut().find(|d| d.date == day.date) {
            Some(d) => {
                if !day.name.is_empty() {
                    d.name = day.name;
                }
                d.windows = day.windows;
            }
            None => list.push(day),
        }
    }
    list.sort_by(|a, b| (a.date.is_empty(), &a.date).cmp(&(b.date.is_empty(), &b.date)));
}

#[component]
pub fn CalendarForm(
    /// The calendar to change; `None` for a new one.
    existing: Option<SlaCalendar>,
    /// Saved: the calendar as the server has it.
    on_saved: Callback<SlaCalendar>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let api = StoredValue::new(use_api());
    let id = existing.as_ref().map(|c| c.id);
    let spec = existing.map_or_else(new_spec, |c| c.spec);
    let name = RwSignal::new(spec.name.clone());
    let zone = RwSignal::new(spec.time_zone.clone());
    let week: [RwSignal<String>; 7] = std::array::from_fn(|d| RwSignal::new(show_windows(&spec.week[d])));
    let holidays = RwSignal::new(spec.holidays.iter().map(|h| Day { date: h.date.clone(), name: h.name.clone(), windows: String::new() }).collect::<Vec<_>>());
    let exceptions = RwSignal::new(spec.exceptions.iter().map(|e| Day { date: e.date.clone(), name: e.name.clone(), windows: show_windows(&e.windows) }).collect::<Vec<_>>());
    let errors = RwSignal::new(Vec::<FieldError>::new());
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        failure.set(None);
        let spec = CalendarSpec {
            name: name.get_untracked().trim().to_owned(),
            time_zone: zone.get_untracked().trim().to_owned(),
            week: std::array::from_fn(|d| parse_windows(&week[d].get_untracked())),
            holidays: holidays.get_untracked().into_iter().map(|h| HolidaySpec { date: h.date, name: h.name }).collect(),
            exceptions: exceptions.get_untracked().into_iter().map(|e| ExceptionSpec { date: e.date, windows: parse_windows(&e.windows), name: e.name }).collect(),
        };
        busy.run(async move {
            match api.get_value().save_sla_calendar(id, &spec).await {
                Ok(saved) => on_saved.run(saved),
                Err(error) => show_refusal(&error, error.field_errors(), errors, failure),
            }
        });
    };
    view! {
        <form class="card form admin-form" novalidate on:submit=submit data-testid="calendar-form" aria-labelledby="calendar-form-h">
            <h2 id="calendar-form-h">{tr(if id.is_some() { AdminKey::SlaEditCalendar } else { AdminKey::SlaNewCalendar }.into())}</h2>
            <FormFailure failure testid="calendar-error" />
            <TextField id="calendar-name" testid="calendar-name" field="name" label=Key::from(AdminKey::SlaName) value=name errors required=true />
            <TextField id="calendar-zone" testid="calendar-zone" field="time_zone" label=Key::from(AdminKey::SlaZone) value=zone errors
                required=true hint=Some(Key::from(AdminKey::SlaZoneHint).into()) />
            <fieldset class="admin-groups" aria-describedby="calendar-week-hint">
                <legend>{tr(AdminKey::SlaWeek.into())}</legend>
                <p class="field-hint" id="calendar-week-hint">{tr(AdminKey::SlaWindowsHint.into())}</p>
                {DAYS.into_iter().enumerate().map(|(d, day)| {
                    let input = format!("calendar-day-{d}");
                    let error = format!("{input}-error");
                    view! {
                        <div class="field admin-row">
                            <label for=input.clone()>{tr(day.into())}</label>
                            <input id=input type="text" data-testid="calendar-day" data-day=d prop:value=move || week[d].get()
                                aria-describedby=error.clone() on:input=move |ev| week[d].set(event_target_value(&ev)) />
                            <ErrorAt id=error field=format!("week.{d}") errors />
                        </div>
                    }
                }).collect_view()}
            </fieldset>
            <DayList title=AdminKey::SlaHolidays add=AdminKey::SlaAddHoliday prefix="holidays" list=holidays windows=false errors />
            <HolidayImport on_import=Callback::new(move |read: Imported| {
                holidays.update(|l| merge(l, read.holidays.into_iter().map(|h| Day { date: h.date, name: h.name, windows: String::new() })));
                exceptions.update(|l| merge(l, read.workdays.into_iter().map(|e| Day { date: e.date, windows: show_windows(&e.windows), name: e.name })));
            }) />
            <DayList title=AdminKey::SlaExceptions add=AdminKey::SlaAddException prefix="exceptions" list=exceptions windows=true errors />
            <SaveCancel prefix="calendar" pending on_cancel />
        </form>
    }
}

/// Holidays or exceptions: one row per day (date, name and, for exceptions, windows), removable,
/// and a button that adds one.
#[component]
fn DayList(
    title: AdminKey,
    add: AdminKey,
    /// The API list's name, for errors (`holidays.0.date`) and ids.
    prefix: &'static str,
    list: RwSignal<Vec<Day>>,
    /// Whether rows have windows (exceptions).
    windows: bool,
    errors: RwSignal<Vec<FieldError>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let set = move |i: usize, f: fn(&mut Day, String), v: String| list.update_untracked(|l| if let Some(d) = l.get_mut(i) { f(d, v) });
    view! {
        <fieldset class="admin-groups" data-testid=format!("calendar-{prefix}")>
            <legend>{tr(title.into())}</legend>
            {move || list.get().into_iter().enumerate().map(|(i, day)| {
                let id = |what: &str| format!("{prefix}-{i}-{what}");
                let error = id("error");
                let described = error.clone();
                let row = fill(i18n.t(AdminKey::SlaRow.into()), &[&(i + 1).to_string()]);
                view! {
                    <div class="admin-row" data-testid="calendar-day-row" role="group" aria-label=row aria-describedby=described>
                        <label for=id("date")>{tr(AdminKey::SlaDate.into())}</label>
                        <input id=id("date") type="date" data-testid="day-date" value=day.date
                            on:input=move |ev| set(i, |d, v| d.date = v, event_target_value(&ev)) />
                        <label for=id("name")>{tr(AdminKey::SlaName.into())}</label>
                        <input id=id("name") type="text" data-testid="day-name" value=day.name
                            on:input=move |ev| set(i, |d, v| d.name = v, event_target_value(&ev)) />
                        {windows.then(|| view! {
                            <label for=id("windows")>{tr(AdminKey::SlaWindows.into())}</label>
                            <input id=id("windows") type="text" data-testid="day-windows" value=day.windows.clone()
                                on:input=move |ev| set(i, |d, v| d.windows = v, event_target_value(&ev)) />
                        })}
                        <button type="button" class="button" data-testid="day-remove"
                            on:click=move |_| list.update(|l| { if i < l.len() { l.remove(i); } })>{tr(AdminKey::SlaRemove.into())}</button>
                        <ErrorAt id=error field=format!("{prefix}.{i}") errors />
                    </div>
                }
            }).collect_view()}
            <button type="button" class="button" data-testid=format!("calendar-add-{prefix}")
                on:click=move |_| list.update(|l| l.push(Day::default()))>{tr(add.into())}</button>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_are_typed_as_ranges_separated_by_commas() {
        let w = |s: &str, e: &str| WindowSpec { start: s.into(), end: e.into() };
        for (text, expected) in [
            ("", vec![]),
            ("09:00-18:00", vec![w("09:00", "18:00")]),
            (" 09:00 - 12:00 ,13:00-24:00, ", vec![w("09:00", "12:00"), w("13:00", "24:00")]),
            // Malformed text is sent as typed: the server names the window that is wrong.
            ("9", vec![w("9", "")]),
        ] {
            assert_eq!(parse_windows(text), expected, "{text}");
        }
        assert_eq!(show_windows(&[w("09:00", "12:00"), w("13:00", "18:00")]), "09:00-12:00, 13:00-18:00");
    }

    #[test]
    fn imported_days_replace_the_same_date_and_the_list_ends_in_date_order() {
        let day = |date: &str, name: &str| Day { date: date.into(), name: name.into(), windows: String::new() };
        let mut list = vec![day("2027-10-01", "National Day"), day("", ""), day("2027-01-01", "")];
        merge(&mut list, [day("2027-01-01", "元旦"), day("2027-05-01", "劳动节"), day("2027-10-01", "")].into_iter());
        let got: Vec<(String, String)> = list.into_iter().map(|d| (d.date, d.name)).collect();
        let want = [("2027-01-01", "元旦"), ("2027-05-01", "劳动节"), ("2027-10-01", "National Day"), ("", "")];
        assert_eq!(got, want.map(|(a, b)| (a.to_owned(), b.to_owned())));
    }
}
