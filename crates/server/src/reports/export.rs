//! `GET /reports/tickets.csv`: every ticket of a drill-down (same filters and `metric`), one row
//! each with every metric of it, as CSV in UTF-8 with a byte-order mark (so spreadsheet programs
//! read Chinese correctly). Needs `reports.export`. The rows are streamed from the database
//! through a small bounded channel, so memory stays flat however many there are: no row cap.

use super::tickets::metric;
use super::{parse_for, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage::reports::tickets as store;
use baton_core::{Permission, ReportTicket};
use tokio::sync::mpsc;

/// Chunks of CSV in flight between the database read and the response: the read waits while the
/// client is slower.
const IN_FLIGHT: usize = 64;

/// The columns of both exports (CSV and XLSX), in order.
pub const COLUMNS: [&str; 20] = [
    "number", "title", "status", "priority", "channel", "type", "group", "assignee", "requester", "created_at",
    "first_reply_at", "first_reply_secs", "first_solved_at", "first_resolution_secs", "last_solved_at",
    "full_resolution_secs", "solves", "reopens", "rating", "rated_at",
];

/// One value of an export's row: text, a whole number or nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Number(i64),
    Empty,
}

fn text(value: Option<String>) -> Value {
    value.map_or(Value::Empty, Value::Text)
}

fn number(value: Option<i64>) -> Value {
    value.map_or(Value::Empty, Value::Number)
}

/// The values of a ticket's row, one per [`COLUMNS`] (the type's name in English, as the codes).
pub fn values(t: &ReportTicket) -> [Value; 20] {
    let type_name = t.type_name.as_ref().and_then(|n| n.0.get("en").or_else(|| n.0.values().next())).cloned();
    [
        Value::Number(t.number),
        Value::Text(t.title.clone()),
        Value::Text(t.status.code().to_owned()),
        Value::Text(crate::storage::encode_code(&t.priority)),
        Value::Text(crate::storage::encode_code(&t.channel)),
        text(type_name),
        text(t.group_name.clone()),
        text(t.assignee_name.clone()),
        Value::Text(t.requester_name.clone()),
        Value::Text(t.created_at.clone()),
        text(t.first_reply_at.clone()),
        number(t.first_reply_secs),
        text(t.first_solved_at.clone()),
        number(t.first_resolution_secs),
        text(t.last_solved_at.clone()),
        number(t.full_resolution_secs),
        Value::Number(t.solves),
        Value::Number(t.reopens),
        number(t.rating),
        text(t.rated_at.clone()),
    ]
}

/// A text cell: quoted when it holds a separator, a quote or a line break, and with a leading `'`
/// when a spreadsheet would take it for a formula (user-written titles and names).
fn cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{text}") } else { text.to_owned() };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

/// One CSV line (with its CRLF, as RFC 4180 has it).
pub fn line(t: &ReportTicket) -> String {
    let cells: Vec<String> = values(t)
        .iter()
        .map(|v| match v {
            Value::Text(s) => cell(s),
            Value::Number(n) => n.to_string(),
            Value::Empty => String::new(),
        })
        .collect();
    format!("{}\r\n", cells.join(","))
}

/// Checks the permission and the query, then starts the read; the CSV arrives on the receiver in
/// chunks (an `Err` ends it when the database fails midway, which the client sees as a cut-off
/// download: the status line was sent already).
pub async fn export(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<mpsc::Receiver<Result<String, Error>>, Error> {
    let q = parse_for(app, user, query, Permission::ReportsExport).await?;
    let metric = metric(query)?;
    let (tx, rx) = mpsc::channel(IN_FLIGHT);
    let db = app.db.clone();
    tokio::spawn(async move {
        if tx.send(Ok(format!("\u{feff}{}\r\n", COLUMNS.join(",")))).await.is_err() {
            return;
        }
        let read = store::each(&db, &q.filter, q.moment, metric, |row| {
            let tx = tx.clone();
            async move {
                let chunk = row.into_ticket().map(|t| line(&t)).map_err(Error::from);
                // A closed receiver means the client went away: stop reading.
                tx.send(chunk).await.is_ok()
            }
        })
        .await;
        if let Err(e) = read {
            tracing::error!(error = %e, "report export failed midway");
            let _ = tx.send(Err(Error::from(e))).await;
        }
    });
    Ok(rx)
}

#[cfg(test)]
mod tests {
    use super::cell;

    #[test]
    fn cells_are_quoted_and_defused() {
        let cases = [
            ("plain", "plain"),
            ("打印机卡纸", "打印机卡纸"),
            ("a,b", "\"a,b\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("@sum", "'@sum"),
        ];
        for (input, want) in cases {
            assert_eq!(cell(input), want, "{input}");
        }
    }
}
