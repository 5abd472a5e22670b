//! A holiday list pasted or loaded into a business calendar (issue 13: "holidays … and an import
//! of a holiday list"). Two shapes are read, the ones desks have at hand:
//!
//! - an iCalendar file (`.ics`, what Google, Apple and Outlook publish public holidays as): each
//!   all-day `VEVENT` is a holiday from `DTSTART` up to the day before `DTEND`, named by `SUMMARY`;
//! - plain lines (a `.txt`/`.csv`, or typed): `2027-01-01 New Year`, `2027-02-06..2027-02-12
//!   春节` (a range), `2027/10/01,国庆节` (comma, semicolon or tab as separators), and a make-up
//!   working day (调休 补班) as a date with its hours: `2027-02-14 补班 09:00-18:00`.
//!
//! Dates are checked with chrono; a line that is not understood is reported by number, never
//! guessed. The form merges what was read into its lists; the server checks it on save as it
//! checks a typed calendar.
// Here and not in baton-core: only the admin bundle reads holiday lists, and a module more in
// baton-core shifted the agent console's optimised wasm by +433 B brotli (its budget's room).

use crate::time::chrono::{Datelike, Duration, NaiveDate};
use baton_core::sla::{ExceptionSpec, HolidaySpec, WindowSpec};

/// The longest range one line or event may span, in days (a holiday week is 7–8 days).
pub const MAX_RANGE_DAYS: i64 = 31;

/// What a holiday list held: days off, working days with their hours, and the 1-based line
/// numbers that were not understood (for an iCalendar file: the line of the event's `BEGIN`).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub holidays: Vec<HolidaySpec>,
    pub workdays: Vec<ExceptionSpec>,
    pub bad_lines: Vec<usize>,
}

/// Reads `text`, either shape.
pub fn parse(text: &str) -> Imported {
    if text.contains("BEGIN:VEVENT") {
        parse_ics(text)
    } else {
        parse_lines(text)
    }
}

/// `2027-01-01`, `2027/1/1` or `20270101`.
// By hand rather than chrono's `parse_from_str`/`format`: its format machinery is kilobytes of
// the admin bundle for three shapes of date.
fn date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = if s.len() == 8 && digits(s) {
        vec![&s[..4], &s[4..6], &s[6..]]
    } else {
        s.split(['-', '/']).collect()
    };
    match parts[..] {
        [y, m, d] if y.len() == 4 && digits(y) && digits(m) && digits(d) && m.len() <= 2 && d.len() <= 2 => {
            NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
        }
        _ => None,
    }
}

/// `YYYY-MM-DD`, as the API takes days.
fn show(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// Every day from `from` to `to`, both included; `None` when backwards or too long.
fn days(from: NaiveDate, to: NaiveDate) -> Option<Vec<NaiveDate>> {
    let span = (to - from).num_days();
    if !(0..MAX_RANGE_DAYS).contains(&span) {
        return None;
    }
    Some((0..=span).map(|d| from + Duration::days(d)).collect())
}

/// `09:00-18:00` as a window (the server checks the times).
fn window(s: &str) -> Option<WindowSpec> {
    let (start, end) = s.split_once('-')?;
    let hhmm = |t: &str| t.len() == 5 && t.as_bytes()[2] == b':' && t.chars().filter(char::is_ascii_digit).count() == 4;
    (hhmm(start) && hhmm(end)).then(|| WindowSpec { start: start.to_owned(), end: end.to_owned() })
}

/// The days a line's first token names: one date, or a range `A..B` / `A~B`.
fn date_token(token: &str) -> Option<Vec<NaiveDate>> {
    for sep in ["..", "~", "～"] {
        if let Some((a, b)) = token.split_once(sep) {
            return days(date(a)?, date(b)?);
        }
    }
    date(token).map(|d| vec![d])
}

fn parse_lines(text: &str) -> Imported {
    let mut out = Imported::default();
    for (i, line) in text.lines().enumerate() {
        let line = line.trim().trim_start_matches('\u{feff}');
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut tokens = line.split([',', ';', '\t', ' ', '，']).map(str::trim).filter(|t| !t.is_empty());
        let first = tokens.next().unwrap_or_default();
        let Some(dates) = date_token(first) else {
            // A spreadsheet's header row ("date,name" / "日期,名称") is not an error.
            if i == 0 && !first.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            out.bad_lines.push(i + 1);
            continue;
        };
        let (mut words, mut windows) = (Vec::new(), Vec::new());
        for token in tokens {
            match window(token) {
                Some(w) => windows.push(w),
                None => words.push(token),
            }
        }
        let name = words.join(" ");
        for d in dates {
            let date = show(d);
            if windows.is_empty() {
                out.holidays.push(HolidaySpec { date, name: name.clone() });
            } else {
                out.workdays.push(ExceptionSpec { date, windows: windows.clone(), name: name.clone() });
            }
        }
    }
    out
}

/// iCalendar's unescaping of a text value.
fn unescape(s: &str) -> String {
    s.replace("\\n", " ").replace("\\N", " ").replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
}

/// An iCalendar date property's day: `DTSTART;VALUE=DATE:20270101` or a date-time's day.
fn ics_date(value: &str) -> Option<NaiveDate> {
    date(value.get(..8)?)
}

fn parse_ics(text: &str) -> Imported {
    let mut out = Imported::default();
    // Unfold: a line starting with a space or a tab continues the one before.
    let mut lines: Vec<(usize, String)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ => lines.push((i + 1, raw.trim_end().to_owned())),
        }
    }
    let mut event: Option<(usize, Option<NaiveDate>, Option<NaiveDate>, String)> = None;
    for (number, line) in lines {
        let (head, value) = line.split_once(':').unwrap_or((line.as_str(), ""));
        let property = head.split(';').next().unwrap_or_default().to_ascii_uppercase();
        match (property.as_str(), value, event.as_mut()) {
            ("BEGIN", "VEVENT", _) => event = Some((number, None, None, String::new())),
            ("DTSTART", v, Some(e)) => e.1 = ics_date(v),
            ("DTEND", v, Some(e)) => e.2 = ics_date(v),
            ("SUMMARY", v, Some(e)) => e.3 = unescape(v),
            ("END", "VEVENT", Some(_)) => {
                let Some((begin, start, end, name)) = event.take() else { continue };
                // DTEND is exclusive; without it the event is the one day.
                let last = end.map_or(start, |e| Some(e - Duration::days(1)));
                match start.zip(last).and_then(|(a, b)| days(a, b.max(a))) {
                    Some(ds) => out.holidays.extend(ds.into_iter().map(|d| HolidaySpec { date: show(d), name: name.clone() })),
                    None => out.bad_lines.push(begin),
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(date: &str, name: &str) -> HolidaySpec {
        HolidaySpec { date: date.into(), name: name.into() }
    }

    #[test]
    fn lines_give_days_ranges_and_make_up_working_days_and_name_what_they_cannot_read() {
        let text = "日期,名称\n2027-01-01 元旦\n\n# 春节\n2027-02-06..2027-02-08,春节\n2027/10/01;国庆节\n20271225\tChristmas Day\n\
                    2027-02-14 补班 09:00-12:00 13:00-18:00\n2027-02-30 nonsense\n2027-03-01..2027-06-01 too long\ntomorrow\n";
        let got = parse(text);
        assert_eq!(got.holidays, vec![
            h("2027-01-01", "元旦"),
            h("2027-02-06", "春节"),
            h("2027-02-07", "春节"),
            h("2027-02-08", "春节"),
            h("2027-10-01", "国庆节"),
            h("2027-12-25", "Christmas Day"),
        ]);
        let w = |s: &str, e: &str| WindowSpec { start: s.into(), end: e.into() };
        assert_eq!(got.workdays, vec![ExceptionSpec { date: "2027-02-14".into(), windows: vec![w("09:00", "12:00"), w("13:00", "18:00")], name: "补班".into() }]);
        assert_eq!(got.bad_lines, vec![9, 10, 11]);
    }

    #[test]
    fn an_icalendar_file_gives_each_all_day_event_with_dtend_exclusive() {
        let text = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\n\
                    SUMMARY:New Year's Day\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20271001\r\nDTEND;VALUE=DATE:20271004\r\n\
                    SUMMARY:National Day\\, Golden\r\n  Week\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nDTSTART:20270501T000000Z\r\nSUMMARY:Labour Day\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        let got = parse(text);
        assert_eq!(got.holidays, vec![
            h("2027-01-01", "New Year's Day"),
            h("2027-10-01", "National Day, Golden Week"),
            h("2027-10-02", "National Day, Golden Week"),
            h("2027-10-03", "National Day, Golden Week"),
            h("2027-05-01", "Labour Day"),
        ]);
        assert!(got.workdays.is_empty());
        assert_eq!(got.bad_lines, vec![14]);
    }
}
