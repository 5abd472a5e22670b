//! The XLSX export, read back with calamine: the same rows and values as the CSV (numbers as
//! numbers), the fixture's reopened ticket cell by cell, the same permission, never a note.

use super::desk::{build, get, PERIOD, SECRET};
use crate::support::AUDITOR;
use axum::http::{header, StatusCode};
use calamine::{Data, Reader, Xlsx};
use std::io::Cursor;

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// The first sheet's rows, each cell as the CSV writes it (numbers without a fraction).
fn rows(body: &[u8]) -> Vec<Vec<String>> {
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(body.to_vec())).expect("an XLSX workbook");
    let sheets = book.sheet_names();
    assert_eq!(sheets.len(), 1, "{sheets:?}");
    let range = book.worksheet_range(&sheets[0]).expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::String(s) => s.clone(),
                    Data::Float(f) if f.fract() == 0.0 => format!("{}", *f as i64),
                    Data::Int(i) => i.to_string(),
                    other => panic!("an unexpected cell {other:?}"),
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_xlsx_export_has_the_csv_rows_as_cells() {
    let app = crate::reports::app().await;
    let admin = build(&app).await;
    let auditor = app.login(AUDITOR).await;
    let res = app.get(&format!("/api/v1/reports/tickets.xlsx?{PERIOD}")).token(&auditor).send().await;
    assert_eq!(res.status, StatusCode::FORBIDDEN, "reports.view alone does not export");
    let res = app.get(&format!("/api/v1/reports/tickets.xlsx?{PERIOD}&metric=everything")).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    let res = app.get(&format!("/api/v1/reports/tickets.xlsx?{PERIOD}")).token(&admin).send().await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.text());
    assert_eq!(res.header(header::CONTENT_TYPE), Some(XLSX));
    assert_eq!(res.header(header::CONTENT_DISPOSITION), Some("attachment; filename=\"baton-report.xlsx\""));
    let got = rows(&res.body);
    // The CSV of the same query, split into cells (the fixture's texts hold no separator).
    let csv = app.get(&format!("/api/v1/reports/tickets.csv?{PERIOD}")).token(&admin).send().await.text();
    let want: Vec<Vec<String>> = csv
        .trim_start_matches('\u{feff}')
        .split_terminator("\r\n")
        .map(|l| l.split(',').map(str::to_owned).collect())
        .collect();
    assert_eq!(got.len(), 6, "a header and the five tickets: {got:?}");
    assert_eq!(got, want);
    // The reopened ticket (T2), cell by cell from the fixture.
    let reopened = get(&app, &admin, &format!("/api/v1/reports/tickets?{PERIOD}&metric=reopened")).await;
    let t2 = reopened["items"][0]["number"].as_i64().expect("number").to_string();
    let fixture = [
        t2.as_str(), "t", "rated", "normal", "web", "Billing", "Billing", "Li Lei", "Bob Li", "2030-03-02T08:00:00Z",
        "2030-03-02T08:20:00Z", "1200", "2030-03-02T10:00:00Z", "7200", "2030-03-02T11:00:00Z", "10800", "2", "1", "2",
        "2030-03-02T11:00:00Z",
    ];
    assert_eq!(got[2], fixture);
    assert!(!got.concat().iter().any(|c| c.contains(SECRET)), "no confidential info, no note");
    // Numbers are numbers, for a spreadsheet to sum.
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(res.body.to_vec())).expect("workbook");
    let range = book.worksheet_range("Sheet1").expect("Sheet1");
    assert_eq!(range.get((2, 11)), Some(&Data::Float(1200.0)));
    assert_eq!(range.get((2, 1)), Some(&Data::String("t".into())));
    // An empty selection: the header alone.
    let res = app.get("/api/v1/reports/tickets.xlsx?from=2100-01-01&to=2100-01-02").token(&admin).send().await;
    assert_eq!(rows(&res.body).len(), 1);
}
