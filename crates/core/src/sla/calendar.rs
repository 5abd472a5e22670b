//! Business calendars: when a desk works. A [`Calendar`] is what an admin edits and the server
//! stores (JSON); [`Calendar::schedule`] checks it and compiles it into a [`Schedule`], which
//! answers "which spans of real time are working time from here on".
//!
//! Days are the calendar's own (its time zone's dates): a window is wall-clock time on that date,
//! so "09:00–18:00" stays 09:00–18:00 across a change to or from daylight saving time, and a
//! wall-clock time the change skips or repeats resolves to the real instant a clock on the wall
//! would show it (a skipped 02:30 is the moment the clock jumps; a repeated hour counts twice).

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A time of day, minutes after midnight from 0 to 1440 ("24:00", the end of a day), written
/// "HH:MM" on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(u16);

impl TimeOfDay {
    pub const MIDNIGHT: TimeOfDay = TimeOfDay(0);
    pub const END_OF_DAY: TimeOfDay = TimeOfDay(1440);

    /// `hours:minutes`, if it is a time of day (24:00 included, nothing after it).
    pub fn new(hours: u16, minutes: u16) -> Option<TimeOfDay> {
        let total = hours.checked_mul(60)?.checked_add(minutes)?;
        (minutes < 60 && total <= 1440).then_some(TimeOfDay(total))
    }

    /// "HH:MM" (two digits each).
    pub fn parse(text: &str) -> Option<TimeOfDay> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
            return None;
        }
        TimeOfDay::new(h.parse().ok()?, m.parse().ok()?)
    }

    pub fn minutes(self) -> u16 {
        self.0
    }
}

impl std::fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

impl Serialize for TimeOfDay {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimeOfDay {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        TimeOfDay::parse(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("{text:?} is not a time of day (HH:MM, 00:00 to 24:00)")))
    }
}

/// Working time on one day, from `start` to `end` (wall clock; `end` after `start`). A night
/// shift is two windows: 22:00–24:00 on one day and 00:00–06:00 on the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

/// A day off that would otherwise be a working day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Holiday {
    pub date: NaiveDate,
    #[serde(default)]
    pub name: String,
}

/// A day whose hours differ from its weekday's: a weekend day worked in exchange for a holiday
/// (调休), a shorter day before a holiday. Its windows replace the weekday's; none is a day off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exception {
    pub date: NaiveDate,
    pub windows: Vec<Window>,
    #[serde(default)]
    pub name: String,
}

/// A business calendar as stored and edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Calendar {
    /// An IANA time zone name, e.g. `Asia/Shanghai`.
    pub time_zone: String,
    /// The working windows of each weekday, Monday first.
    pub week: [Vec<Window>; 7],
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    #[serde(default)]
    pub exceptions: Vec<Exception>,
}

/// Why a calendar cannot be used; each names what to fix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CalendarError {
    /// `time_zone` is not an IANA zone name.
    UnknownTimeZone,
    /// A window that ends before it starts, or overlaps another of the same day (`day`: 0 is
    /// Monday … 6 Sunday; `date` for an exception's).
    BadWindow { day: Option<usize>, date: Option<NaiveDate> },
    /// A date listed twice (as holiday or exception).
    DuplicateDate(NaiveDate),
    /// No weekday has a window: nothing would ever be due.
    NoWorkingTime,
}

impl std::fmt::Display for CalendarError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CalendarError::UnknownTimeZone => f.write_str("unknown time zone"),
            CalendarError::BadWindow { day: Some(d), .. } => write!(f, "bad or overlapping window on weekday {d}"),
            CalendarError::BadWindow { date, .. } => write!(f, "bad or overlapping window on {date:?}"),
            CalendarError::DuplicateDate(d) => write!(f, "{d} is listed twice"),
            CalendarError::NoWorkingTime => f.write_str("no weekday has working hours"),
        }
    }
}

impl std::error::Error for CalendarError {}

/// A checked calendar, ready to count working time.
#[derive(Debug, Clone)]
pub struct Schedule {
    tz: Tz,
    week: [Vec<Window>; 7],
    /// Holidays (no windows) and exceptions, by date.
    days: BTreeMap<NaiveDate, Vec<Window>>,
}

/// How far ahead [`Schedule::spans_from`] looks before it gives up (a calendar whose only
/// working days are past exceptions has no future working time).
pub const HORIZON_DAYS: i64 = 3 * 366;

impl Calendar {
    /// Checks the calendar and compiles it.
    pub fn schedule(&self) -> Result<Schedule, CalendarError> {
        let tz: Tz = self.time_zone.parse().map_err(|_| CalendarError::UnknownTimeZone)?;
        let mut week = self.week.clone();
        for (day, windows) in week.iter_mut().enumerate() {
            sorted_windows(windows).map_err(|()| CalendarError::BadWindow { day: Some(day), date: None })?;
        }
        if week.iter().all(Vec::is_empty) {
            return Err(CalendarError::NoWorkingTime);
        }
        let mut days = BTreeMap::new();
        for holiday in &self.holidays {
            if days.insert(holiday.date, Vec::new()).is_some() {
                return Err(CalendarError::DuplicateDate(holiday.date));
            }
        }
        for exception in &self.exceptions {
            let mut windows = exception.windows.clone();
            sorted_windows(&mut windows)
                .map_err(|()| CalendarError::BadWindow { day: None, date: Some(exception.date) })?;
            if days.insert(exception.date, windows).is_some() {
                return Err(CalendarError::DuplicateDate(exception.date));
            }
        }
        Ok(Schedule { tz, week, days })
    }
}

/// Sorts a day's windows; each must end after it starts and before the next starts.
fn sorted_windows(windows: &mut [Window]) -> Result<(), ()> {
    windows.sort_by_key(|w| w.start);
    let ordered = windows.iter().all(|w| w.start < w.end);
    let apart = windows.windows(2).all(|pair| pair[0].end <= pair[1].start);
    if ordered && apart { Ok(()) } else { Err(()) }
}

/// A span of real time, `start` included, `end` not.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
}

impl Span {
    pub fn seconds(&self) -> i64 {
        (self.end - self.start).num_seconds()
    }
}

impl Schedule {
    /// The calendar's time zone.
    pub fn time_zone(&self) -> Tz {
        self.tz
    }

    /// The windows of `date`: its exception's or holiday's if it has one, else its weekday's.
    pub fn windows_on(&self, date: NaiveDate) -> &[Window] {
        self.days
            .get(&date)
            .unwrap_or(&self.week[date.weekday().num_days_from_monday() as usize])
    }

    /// The real instant the wall clock shows `at` on `date`. A skipped time is the moment of the
    /// jump; a repeated one is its first occurrence when `first`, else its second (a window
    /// starts at the first and ends at the second, so a repeated hour is worked twice).
    fn instant(&self, date: NaiveDate, at: TimeOfDay, first: bool) -> DateTime<Utc> {
        let (date, minutes) = if at == TimeOfDay::END_OF_DAY {
            (date.succ_opt().unwrap_or(date), 0)
        } else {
            (date, at.minutes())
        };
        let midnight = date.and_hms_opt(0, 0, 0).unwrap_or_default();
        let mut wall = midnight + Duration::minutes(i64::from(minutes));
        // A gap is at most a few hours wide: walk out of it a minute at a time.
        for _ in 0..=(24 * 60) {
            match self.tz.from_local_datetime(&wall) {
                chrono::LocalResult::Single(t) => return t.with_timezone(&Utc),
                chrono::LocalResult::Ambiguous(a, b) => {
                    return if first { a } else { b }.with_timezone(&Utc);
                }
                chrono::LocalResult::None => wall += Duration::minutes(1),
            }
        }
        // Unreachable with real zone data; fall back to reading the wall clock as UTC.
        Utc.from_utc_datetime(&wall)
    }

    /// Working spans in order, the first one clipped to start at `from` (or later), for at most
    /// [`HORIZON_DAYS`] days.
    pub fn spans_from(&self, from: DateTime<Utc>) -> impl Iterator<Item = Span> + '_ {
        let first_day = from.with_timezone(&self.tz).date_naive();
        (0..HORIZON_DAYS)
            .filter_map(move |n| first_day.checked_add_signed(Duration::days(n)))
            .flat_map(move |date| {
                self.windows_on(date).iter().map(move |w| Span {
                    start: self.instant(date, w.start, true),
                    end: self.instant(date, w.end, false),
                })
            })
            .filter(move |span| span.end > from)
            .map(move |span| Span { start: span.start.max(from), end: span.end })
            .filter(|span| span.end > span.start)
    }

    /// Whether `at` is working time.
    pub fn is_working(&self, at: DateTime<Utc>) -> bool {
        self.spans_from(at).next().is_some_and(|span| span.start == at)
    }
}

/// Reads a holiday list: one day a line, `YYYY-MM-DD` then an optional name after a space, tab
/// or comma; blank lines and lines starting with `#` are skipped. The days read, and the lines
/// (1-based) that are not a day, so an import can report them and keep the rest.
pub fn parse_holidays(text: &str) -> (Vec<Holiday>, Vec<usize>) {
    let mut days = Vec::new();
    let mut bad = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (date, name) = line
            .split_once([' ', '\t', ','])
            .map_or((line, ""), |(d, n)| (d, n.trim().trim_start_matches(',').trim()));
        match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
            Ok(date) => days.push(Holiday { date, name: name.to_owned() }),
            Err(_) => bad.push(i + 1),
        }
    }
    (days, bad)
}
