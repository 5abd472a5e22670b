//! Business calendars across nights, weekends, lunch breaks, holidays, make-up working days,
//! daylight-saving changes and zones: when does N minutes of working time from a moment end.

use super::calendar::{parse_holidays, Calendar, CalendarError, Exception, Holiday, TimeOfDay, Window};
use super::timer::Clock;
use chrono::{DateTime, NaiveDate, Utc};

fn at(text: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(text).expect("an RFC 3339 time").with_timezone(&Utc)
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn window(start: &str, end: &str) -> Window {
    Window { start: TimeOfDay::parse(start).expect("start"), end: TimeOfDay::parse(end).expect("end") }
}

/// Monday to Friday 09:00–12:00 and 13:00–18:00 in `zone`.
fn office(zone: &str) -> Calendar {
    let workday = vec![window("09:00", "12:00"), window("13:00", "18:00")];
    Calendar {
        time_zone: zone.to_owned(),
        week: [workday.clone(), workday.clone(), workday.clone(), workday.clone(), workday, vec![], vec![]],
        holidays: vec![],
        exceptions: vec![],
    }
}

/// Every day around the clock in `zone` (a day's working time is its wall clock's length).
fn around_the_clock(zone: &str) -> Calendar {
    let all = vec![window("00:00", "24:00")];
    Calendar {
        time_zone: zone.to_owned(),
        week: std::array::from_fn(|_| all.clone()),
        holidays: vec![],
        exceptions: vec![],
    }
}

/// China's 2026 National Day: 1–7 October off, Saturday 10 October worked (调休).
fn national_day() -> Calendar {
    let mut calendar = office("Asia/Shanghai");
    calendar.holidays = (1..=7)
        .map(|d| Holiday { date: NaiveDate::from_ymd_opt(2026, 10, d).expect("date"), name: "国庆节".into() })
        .collect();
    calendar.exceptions = vec![Exception {
        date: day("2026-10-10"),
        windows: vec![window("09:00", "12:00"), window("13:00", "18:00")],
        name: "调休".into(),
    }];
    calendar
}

#[test]
fn deadlines_in_working_time() {
    // (calendar, start, minutes, due), times in UTC; Shanghai is UTC+8 all year.
    let cases: Vec<(&str, Calendar, &str, i64, &str)> = vec![
        ("inside hours", office("Asia/Shanghai"), "2026-12-07T02:00:00Z", 60, "2026-12-07T03:00:00Z"),
        ("across lunch", office("Asia/Shanghai"), "2026-12-07T03:30:00Z", 60, "2026-12-07T05:30:00Z"),
        ("across the night", office("Asia/Shanghai"), "2026-12-07T09:30:00Z", 60, "2026-12-08T01:30:00Z"),
        ("exactly at closing", office("Asia/Shanghai"), "2026-12-07T10:00:00Z", 1, "2026-12-08T01:01:00Z"),
        ("Friday evening to Monday", office("Asia/Shanghai"), "2026-12-11T09:30:00Z", 60, "2026-12-14T01:30:00Z"),
        // Created outside hours (Saturday 23:00): not due at once, an hour into Monday.
        ("created on a Saturday night", office("Asia/Shanghai"), "2026-12-12T15:00:00Z", 60, "2026-12-14T02:00:00Z"),
        ("a whole working week", office("Asia/Shanghai"), "2026-12-07T01:00:00Z", 5 * 8 * 60, "2026-12-11T10:00:00Z"),
        // Wednesday 30 September 17:30 + 60 min: 30 minutes that day, none from 1 to 7 October,
        // the rest on Thursday the 8th → 09:30.
        ("over a holiday week", national_day(), "2026-09-30T09:30:00Z", 60, "2026-10-08T01:30:00Z"),
        // Friday 9 October 17:30 + 60 min: the make-up Saturday is worked → 10 October 09:30.
        ("into a make-up Saturday", national_day(), "2026-10-09T09:30:00Z", 60, "2026-10-10T01:30:00Z"),
        // Berlin springs forward on 29 March 2026 (02:00 → 03:00): that Sunday has 23 hours.
        ("a 23-hour day", around_the_clock("Europe/Berlin"), "2026-03-28T23:00:00Z", 23 * 60, "2026-03-29T22:00:00Z"),
        // …and falls back on 25 October (03:00 → 02:00): 25 hours.
        ("a 25-hour day", around_the_clock("Europe/Berlin"), "2026-10-24T22:00:00Z", 25 * 60, "2026-10-25T23:00:00Z"),
        // Friday 27 March 17:00 CET + 120 min of office time: 1 h on Friday, 1 h on Monday 30
        // March, now CEST (UTC+2): 10:00 local is 08:00 UTC.
        ("office hours across the change", office("Europe/Berlin"), "2026-03-27T16:00:00Z", 120, "2026-03-30T08:00:00Z"),
        // New York falls back on 1 November 2026; office hours on Monday 2 November are EST.
        ("New York after falling back", office("America/New_York"), "2026-10-30T21:30:00Z", 60, "2026-11-02T14:30:00Z"),
    ];
    for (name, calendar, start, minutes, due) in cases {
        let schedule = calendar.schedule().expect(name);
        let got = Clock::Business(&schedule).deadline(at(start), minutes * 60, &[]);
        assert_eq!(got, Some(at(due)), "{name}");
        // And back: the working time between the two is the target.
        assert_eq!(Clock::Business(&schedule).elapsed(at(start), at(due), &[]), minutes * 60, "{name}");
    }
}

#[test]
fn a_skipped_or_repeated_hour_in_a_window() {
    // New York, Sunday 1 November 2026: 01:00–02:00 happens twice. A window 01:00–03:00 that day
    // is three real hours; on Sunday 8 March (02:00 skipped) a window 01:00–03:00 is one hour.
    let mut calendar = around_the_clock("America/New_York");
    calendar.exceptions = vec![
        Exception { date: day("2026-11-01"), windows: vec![window("01:00", "03:00")], name: String::new() },
        Exception { date: day("2026-03-08"), windows: vec![window("01:00", "03:00")], name: String::new() },
    ];
    let schedule = calendar.schedule().expect("calendar");
    let clock = Clock::Business(&schedule);
    let fall = clock.elapsed(at("2026-11-01T04:00:00Z"), at("2026-11-02T04:00:00Z"), &[]);
    assert_eq!(fall, 3 * 3600);
    let spring = clock.elapsed(at("2026-03-08T05:00:00Z"), at("2026-03-09T04:00:00Z"), &[]);
    assert_eq!(spring, 3600);
    // A window that ends inside the repeated hour ends at its second occurrence: 00:00–01:30 on
    // 1 November is two and a half real hours (00:00 EDT to 01:30 EST).
    calendar.exceptions[0].windows = vec![window("00:00", "01:30")];
    let schedule = calendar.schedule().expect("calendar");
    let short = Clock::Business(&schedule).elapsed(at("2026-11-01T04:00:00Z"), at("2026-11-02T04:00:00Z"), &[]);
    assert_eq!(short, 150 * 60);
}

#[test]
fn a_night_shift_is_two_windows() {
    // Tuesday 22:00 – Wednesday 06:00 Shanghai time; the rest of the week off.
    let mut calendar = office("Asia/Shanghai");
    calendar.week = Default::default();
    calendar.week[1] = vec![window("22:00", "24:00")];
    calendar.week[2] = vec![window("00:00", "06:00")];
    let schedule = calendar.schedule().expect("calendar");
    // Created Monday noon: three hours in is Wednesday 01:00 local (Tuesday 17:00 UTC).
    let due = Clock::Business(&schedule).deadline(at("2026-12-07T04:00:00Z"), 3 * 3600, &[]);
    assert_eq!(due, Some(at("2026-12-08T17:00:00Z")));
    assert!(schedule.is_working(at("2026-12-08T15:00:00Z")));
    assert!(!schedule.is_working(at("2026-12-08T13:59:59Z")));
}

#[test]
fn calendars_that_cannot_be_used_say_why() {
    let mut unknown_zone = office("Mars/Olympus");
    assert_eq!(unknown_zone.schedule().err(), Some(CalendarError::UnknownTimeZone));
    unknown_zone.time_zone = "Asia/Shanghai".into();
    let mut overlapping = unknown_zone.clone();
    overlapping.week[2] = vec![window("09:00", "12:00"), window("11:00", "13:00")];
    assert_eq!(overlapping.schedule().err(), Some(CalendarError::BadWindow { day: Some(2), date: None }));
    let mut backwards = unknown_zone.clone();
    backwards.week[0] = vec![window("18:00", "09:00")];
    assert_eq!(backwards.schedule().err(), Some(CalendarError::BadWindow { day: Some(0), date: None }));
    let mut twice = national_day();
    twice.exceptions.push(Exception { date: day("2026-10-01"), windows: vec![], name: String::new() });
    assert_eq!(twice.schedule().err(), Some(CalendarError::DuplicateDate(day("2026-10-01"))));
    let mut never = unknown_zone;
    never.week = Default::default();
    assert_eq!(never.schedule().err(), Some(CalendarError::NoWorkingTime));
}

#[test]
fn times_of_day_on_the_wire() {
    for (text, ok) in [("09:00", true), ("24:00", true), ("00:00", true), ("24:01", false), ("9:00", false), ("12:60", false), ("ab:cd", false)] {
        assert_eq!(TimeOfDay::parse(text).is_some(), ok, "{text}");
    }
    let calendar = national_day();
    let json = serde_json::to_string(&calendar).expect("serialize");
    assert!(json.contains(r#""start":"09:00""#), "{json}");
    let back: Calendar = serde_json::from_str(&json).expect("deserialize");
    assert_eq!(back, calendar);
    let bad = json.replace(r#""start":"09:00""#, r#""start":"9am""#);
    assert!(serde_json::from_str::<Calendar>(&bad).is_err());
}

#[test]
fn a_holiday_list_is_read_line_by_line() {
    let text = "\u{feff}# 2026\n2026-01-01 元旦\n2026-02-17,春节\n\nnot a date\n2026-02-30 nope\n2026-10-01\tNational Day\n";
    let (days, bad) = parse_holidays(text);
    let got: Vec<(String, &str)> = days.iter().map(|h| (h.date.to_string(), h.name.as_str())).collect();
    assert_eq!(
        got,
        [("2026-01-01".to_owned(), "元旦"), ("2026-02-17".to_owned(), "春节"), ("2026-10-01".to_owned(), "National Day")]
    );
    assert_eq!(bad, [5, 6]);
}
