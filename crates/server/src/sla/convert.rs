//! Between the wire's calendar and policy specs (text, as admins type them) and what is stored
//! and computed with: every mistake named by its field (`week.2`, `holidays.0.date`,
//! `targets.1.first_reply`, …), all at once.

use baton_core::problem::field_code::{INVALID_DATE, INVALID_VALUE, REQUIRED, TOO_LONG};
use baton_core::sla::{
    Calendar, CalendarError, CalendarSpec, Exception, Holiday, HolidaySpec, ExceptionSpec, PolicySpec,
    PriorityTargets, SlaConditions, TimeOfDay, Window, WindowSpec,
};
use baton_core::FieldError;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The longest calendar or policy name, in characters.
pub const NAME_MAX: usize = 100;

/// The longest target: a year of minutes.
pub const TARGET_MAX_MINUTES: i64 = 366 * 24 * 60;

pub fn check_name(name: &str, errors: &mut Vec<FieldError>) {
    let name = name.trim();
    if name.is_empty() {
        errors.push(FieldError::new("name", REQUIRED));
    } else if name.chars().count() > NAME_MAX {
        errors.push(FieldError::new("name", TOO_LONG));
    }
}

fn windows(specs: &[WindowSpec], field: &str, errors: &mut Vec<FieldError>) -> Vec<Window> {
    let mut out = Vec::new();
    for (i, w) in specs.iter().enumerate() {
        match (TimeOfDay::parse(&w.start), TimeOfDay::parse(&w.end)) {
            (Some(start), Some(end)) => out.push(Window { start, end }),
            _ => errors.push(FieldError::new(&format!("{field}.{i}"), INVALID_VALUE)),
        }
    }
    out
}

fn date(text: &str, field: String, errors: &mut Vec<FieldError>) -> Option<NaiveDate> {
    let parsed = NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    if parsed.is_none() {
        errors.push(FieldError::new(&field, INVALID_DATE));
    }
    parsed
}

/// The calendar `spec` describes, checked (its zone, windows, dates); the fields in error if not.
pub fn calendar(spec: &CalendarSpec) -> Result<Calendar, Vec<FieldError>> {
    let mut errors = Vec::new();
    check_name(&spec.name, &mut errors);
    let week: [Vec<Window>; 7] = std::array::from_fn(|d| windows(&spec.week[d], &format!("week.{d}"), &mut errors));
    let holidays: Vec<Holiday> = spec
        .holidays
        .iter()
        .enumerate()
        .filter_map(|(i, h)| Some(Holiday { date: date(&h.date, format!("holidays.{i}.date"), &mut errors)?, name: h.name.trim().to_owned() }))
        .collect();
    let exceptions: Vec<Exception> = spec
        .exceptions
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            let windows = windows(&e.windows, &format!("exceptions.{i}.windows"), &mut errors);
            Some(Exception { date: date(&e.date, format!("exceptions.{i}.date"), &mut errors)?, windows, name: e.name.trim().to_owned() })
        })
        .collect();
    let calendar = Calendar { time_zone: spec.time_zone.trim().to_owned(), week, holidays, exceptions };
    if errors.is_empty() {
        if let Err(e) = calendar.schedule() {
            errors.push(FieldError::new(&calendar_field(&calendar, &e), INVALID_VALUE));
        }
    }
    if errors.is_empty() { Ok(calendar) } else { Err(errors) }
}

/// The field a calendar's own error is about.
fn calendar_field(calendar: &Calendar, error: &CalendarError) -> String {
    match error {
        CalendarError::UnknownTimeZone => "time_zone".into(),
        CalendarError::NoWorkingTime => "week".into(),
        CalendarError::BadWindow { day: Some(d), .. } => format!("week.{d}"),
        CalendarError::BadWindow { date, .. } => index_of(&calendar.exceptions, *date, |e| e.date)
            .map_or("exceptions".into(), |i| format!("exceptions.{i}.windows")),
        CalendarError::DuplicateDate(date) => match index_of(&calendar.exceptions, Some(*date), |e| e.date) {
            Some(i) => format!("exceptions.{i}.date"),
            None => index_of(&calendar.holidays, Some(*date), |h| h.date)
                .map_or("holidays".into(), |i| format!("holidays.{i}.date")),
        },
    }
}

/// The last index whose date is `date` (a duplicate is the later one).
fn index_of<T>(items: &[T], date: Option<NaiveDate>, of: impl Fn(&T) -> NaiveDate) -> Option<usize> {
    items.iter().rposition(|item| Some(of(item)) == date)
}

/// A stored calendar's spec: its definition (a `Calendar`'s JSON) under its name.
pub fn calendar_spec(name: String, calendar: &Calendar) -> CalendarSpec {
    let window = |w: &Window| WindowSpec { start: w.start.to_string(), end: w.end.to_string() };
    CalendarSpec {
        name,
        time_zone: calendar.time_zone.clone(),
        week: std::array::from_fn(|d| calendar.week[d].iter().map(window).collect()),
        holidays: calendar.holidays.iter().map(|h| HolidaySpec { date: h.date.to_string(), name: h.name.clone() }).collect(),
        exceptions: calendar
            .exceptions
            .iter()
            .map(|e| ExceptionSpec { date: e.date.to_string(), windows: e.windows.iter().map(window).collect(), name: e.name.clone() })
            .collect(),
    }
}

/// What a policy stores besides its name and calendar.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PolicyBody {
    pub conditions: SlaConditions,
    pub targets: Vec<PriorityTargets>,
}

/// The policy's own checks (name, targets); the ids it names are checked against the desk by
/// the caller.
pub fn check_policy(spec: &PolicySpec) -> Vec<FieldError> {
    let mut errors = Vec::new();
    check_name(&spec.name, &mut errors);
    if spec.targets.is_empty() {
        errors.push(FieldError::new("targets", REQUIRED));
    }
    for (i, t) in spec.targets.iter().enumerate() {
        if spec.targets[..i].iter().any(|other| other.priority == t.priority) {
            errors.push(FieldError::new(&format!("targets.{i}.priority"), INVALID_VALUE));
        }
        let minutes = [("first_reply", t.first_reply), ("next_reply", t.next_reply), ("resolution", t.resolution)];
        if minutes.iter().all(|(_, m)| m.is_none()) {
            errors.push(FieldError::new(&format!("targets.{i}"), REQUIRED));
        }
        for (name, m) in minutes {
            if m.is_some_and(|m| !(1..=TARGET_MAX_MINUTES).contains(&m)) {
                errors.push(FieldError::new(&format!("targets.{i}.{name}"), INVALID_VALUE));
            }
        }
    }
    errors
}
