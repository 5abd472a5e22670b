//! English (en) texts of the holiday import.

use super::CalendarKey;

pub fn text(key: CalendarKey) -> &'static str {
    use CalendarKey::*;
    match key {
        ImportTitle => "Import a holiday list",
        ImportHint => "One day per line: 2027-01-01 New Year; a range: 2027-02-06..2027-02-12 Spring Festival; a make-up working day with its hours: 2027-02-14 Make-up day 09:00-18:00. Or choose an iCalendar (.ics) file of public holidays.",
        ImportText => "Holiday list",
        ImportFile => "Or choose a file (.ics, .csv, .txt)",
        ImportAdd => "Add to the calendar",
        ImportDone => "{0} holidays and {1} working days added. Save the calendar to keep them.",
        ImportBad => "Not understood, left out: line {0}",
        ImportEmpty => "Paste a list or choose a file first.",
        FileUnreadable => "The file could not be read.",
    }
}
