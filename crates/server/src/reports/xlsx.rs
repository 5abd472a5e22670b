//! `GET /reports/tickets.xlsx`: the CSV export's rows (same filters, `metric`, permission
//! `reports.export`, columns and values) as an Excel workbook, numbers as numbers. Memory stays
//! flat however many rows: the database's rows go through a small channel to a blocking writer
//! that keeps only the current row (rust_xlsxwriter's constant-memory worksheets spill to a
//! temporary file), and the finished file is read back in chunks. Unlike the CSV, the status is
//! sent when the workbook is complete, so a failure midway is a problem response, not a cut-off.

use super::export::{values, Value, COLUMNS};
use super::tickets::metric;
use super::{parse_for, ReportQuery};
use crate::auth::CurrentUser;
use crate::error::Error;
use crate::services::Services;
use crate::storage;
use crate::storage::reports::tickets as store;
use baton_core::{Permission, ReportTicket};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use std::io::{Read, Seek, SeekFrom};
use tokio::sync::mpsc;

/// Rows (and chunks of the file) in flight between the database read and the writer.
const IN_FLIGHT: usize = 64;
/// Bytes of the finished file per chunk of the response.
const CHUNK: usize = 64 * 1024;
/// Data rows per worksheet: an XLSX sheet holds 1,048,576 rows, the first is the header. More
/// rows continue on another sheet (no row cap).
const ROWS_PER_SHEET: u32 = 1_048_575;

pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

fn internal(e: impl std::fmt::Display) -> Error {
    Error::Internal(format!("xlsx export: {e}"))
}

fn header(sheet: &mut Worksheet, bold: &Format) -> Result<(), XlsxError> {
    for (col, name) in (0u16..).zip(COLUMNS) {
        sheet.write_string_with_format(0, col, name, bold)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn row(sheet: &mut Worksheet, at: u32, t: &ReportTicket) -> Result<(), XlsxError> {
    for (col, value) in (0u16..).zip(values(t)) {
        match value {
            // Written as strings, never formulas: a title starting with `=` stays text.
            Value::Text(s) => sheet.write_string(at, col, s)?,
            // Counts and seconds, far below 2^53: exact as a spreadsheet's number.
            Value::Number(n) => sheet.write_number(at, col, n as f64)?,
            Value::Empty => sheet,
        };
    }
    Ok(())
}

/// The blocking writer: every row the channel brings, then the workbook saved to a temporary
/// file, rewound.
fn write(rows: &mut mpsc::Receiver<Result<ReportTicket, storage::Error>>) -> Result<std::fs::File, Error> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let mut sheet = book.add_worksheet_with_constant_memory().map_err(internal)?;
    header(sheet, &bold).map_err(internal)?;
    let mut at = 0u32;
    while let Some(ticket) = rows.blocking_recv() {
        let ticket = ticket?;
        if at == ROWS_PER_SHEET {
            sheet = book.add_worksheet_with_constant_memory().map_err(internal)?;
            header(sheet, &bold).map_err(internal)?;
            at = 0;
        }
        at += 1;
        row(sheet, at, &ticket).map_err(internal)?;
    }
    let mut file = tempfile::tempfile().map_err(internal)?;
    book.save_to_writer(&mut file).map_err(internal)?;
    file.seek(SeekFrom::Start(0)).map_err(internal)?;
    Ok(file)
}

/// Checks the permission and the query, writes the workbook, then hands it out in chunks.
pub async fn export(app: &Services, user: &CurrentUser, query: &ReportQuery) -> Result<mpsc::Receiver<std::io::Result<Vec<u8>>>, Error> {
    let q = parse_for(app, user, query, Permission::ReportsExport).await?;
    let metric = metric(query)?;
    let (rows_tx, mut rows_rx) = mpsc::channel(IN_FLIGHT);
    let writer = tokio::task::spawn_blocking(move || write(&mut rows_rx));
    let read = store::each(&app.db, &q.filter, q.moment, metric, |r| {
        let tx = rows_tx.clone();
        // A closed channel means the writer failed: stop reading (its error is returned below).
        async move { tx.send(r.into_ticket()).await.is_ok() }
    })
    .await;
    drop(rows_tx);
    let written = writer.await.map_err(internal)?;
    read?;
    let mut file = written?;
    let (tx, rx) = mpsc::channel(IN_FLIGHT);
    tokio::task::spawn_blocking(move || loop {
        let mut chunk = vec![0; CHUNK];
        let chunk = match file.read(&mut chunk) {
            Ok(0) => return,
            Ok(n) => {
                chunk.truncate(n);
                Ok(chunk)
            }
            Err(e) => Err(e),
        };
        let failed = chunk.is_err();
        // A closed receiver means the client went away.
        if tx.blocking_send(chunk).is_err() || failed {
            return;
        }
    });
    Ok(rx)
}
