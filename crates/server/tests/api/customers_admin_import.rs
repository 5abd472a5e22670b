//! The CSV import (`POST /admin/customers/import`, `customers.import`, issue 12): UTF-8 with or
//! without a BOM and GBK as Chinese spreadsheet programs save it, English or Chinese headers, a
//! dry run that writes nothing, per-row errors that never stop the good rows, a re-import that
//! changes nothing, and the file-level refusals.

use crate::customers_admin::id_of;
use crate::support::{TestApp, ADMIN, ALICE};
use axum::http::StatusCode;
use serde_json::Value;

async fn import(app: &TestApp, token: &str, query: &str, bytes: Vec<u8>) -> crate::support::Response {
    app.post(&format!("/api/v1/admin/customers/import{query}")).token(token).raw("text/csv", bytes).send().await
}

async fn customers(app: &TestApp) -> i64 {
    app.count("SELECT COUNT(*) FROM users WHERE role = 'customer'").await
}

/// (row, outcome, [field:code]) of each row of a report.
fn outcomes(report: &Value) -> Vec<(i64, String, Vec<String>)> {
    report["rows"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let errors = r["errors"].as_array().into_iter().flatten().map(|e| format!("{}:{}", e["field"].as_str().unwrap_or_default(), e["code"].as_str().unwrap_or_default())).collect();
            (r["row"].as_i64().unwrap_or_default(), r["outcome"].as_str().unwrap_or_default().to_owned(), errors)
        })
        .collect()
}

#[tokio::test]
async fn utf8_with_and_without_bom_and_gbk_files_import() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let utf8 = "email,name,phone,group\nann@import.test,Ann,+86 138 1111 0001,acme\n".as_bytes().to_vec();
    let bom = [b"\xEF\xBB\xBF".as_slice(), "Email,Name\nben@import.test,Ben\n".as_bytes()].concat();
    let (gbk, _, _) = encoding_rs::GBK.encode("邮箱,姓名,电话,分组\nzhang@import.test,张三,13800000000,Globex\n");
    // Table: bytes, query → encoding read, email, name, group.
    let cases = [
        (utf8, "", "utf-8", "ann@import.test", "Ann", Some("Acme")),
        (bom, "", "utf-8", "ben@import.test", "Ben", None),
        (gbk.to_vec(), "", "gb18030", "zhang@import.test", "张三", Some("Globex")),
        (gbk.to_vec(), "?encoding=gbk", "gb18030", "zhang@import.test", "张三", Some("Globex")),
    ];
    for (bytes, query, encoding, email, name, group) in cases {
        let res = import(&app, &admin, query, bytes).await;
        assert_eq!(res.status, StatusCode::OK, "{}", res.text());
        assert_eq!(res.json()["encoding"], encoding);
        let found = app.get(&format!("/api/v1/admin/customers?q={email}")).token(&admin).send().await.json();
        let c = &found["items"][0];
        assert_eq!((c["email"].as_str(), c["name"].as_str(), c["customer_group"]["name"].as_str()), (Some(email), Some(name), group), "{found}");
    }
    // No password: the account is claimed through a reset.
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE email = 'ann@import.test' AND password_hash = '!password-not-set'").await, 1);
    // The GBK bytes read as UTF-8 on request are refused, not mangled.
    let res = import(&app, &admin, "?encoding=utf-8", gbk.to_vec()).await;
    res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
    assert_eq!(res.field_errors(), crate::support::pairs(&[("file", "invalid_encoding")]));
}

#[tokio::test]
async fn bad_rows_are_reported_by_line_and_field_and_never_stop_good_ones() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let file = "email,name,phone,group\n\
        good@import.test,Good,,\n\
        not-an-email,Bad,,\n\
        new@import.test,,,\n\
        agent@baton.test,Staff,,\n\
        good@import.test,Again,,\n\
        odd@import.test,Odd,call me,Nowhere\n\
        \n\
        alice@customer.test,,+86 138 9999 0000,\n";
    let before = customers(&app).await;
    let dry = import(&app, &admin, "?dry_run=true", file.as_bytes().to_vec()).await;
    assert_eq!(dry.status, StatusCode::OK, "{}", dry.text());
    let s = |v: &[&str]| v.iter().map(|x| (*x).to_owned()).collect::<Vec<_>>();
    let expected = vec![
        (2, "created".to_owned(), s(&[])),
        (3, "failed".to_owned(), s(&["email:invalid_email"])),
        (4, "failed".to_owned(), s(&["name:required"])),
        (5, "failed".to_owned(), s(&["email:already_exists"])),
        (6, "failed".to_owned(), s(&["email:duplicate"])),
        (7, "failed".to_owned(), s(&["phone:invalid_phone", "group:invalid_value"])),
        (9, "updated".to_owned(), s(&[])),
    ];
    assert_eq!(outcomes(&dry.json()), expected);
    assert_eq!((dry.json()["dry_run"].as_bool(), dry.json()["created"].as_i64(), dry.json()["failed"].as_i64()), (Some(true), Some(1), Some(5)));
    // The dry run wrote nothing.
    assert_eq!(customers(&app).await, before);
    assert_eq!(app.count("SELECT COUNT(*) FROM users WHERE phone = '+86 138 9999 0000'").await, 0);
    let res = import(&app, &admin, "", file.as_bytes().to_vec()).await;
    assert_eq!(outcomes(&res.json()), expected, "{}", res.text());
    assert_eq!(customers(&app).await, before + 1);
    let alice = app.get(&format!("/api/v1/admin/customers/{}", id_of(&app, ALICE).await)).token(&admin).send().await.json();
    assert_eq!((alice["name"].as_str(), alice["phone"].as_str()), (Some("Alice Chen"), Some("+86 138 9999 0000")));
    // Again: nothing changes.
    let again = import(&app, &admin, "", file.as_bytes().to_vec()).await.json();
    assert_eq!((again["created"].as_i64(), again["updated"].as_i64(), again["unchanged"].as_i64()), (Some(0), Some(0), Some(2)));
    assert_eq!(customers(&app).await, before + 1);
}

#[tokio::test]
async fn files_the_import_cannot_read_are_refused_whole() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let too_many = format!("email\n{}", (0..10_001).map(|i| format!("c{i}@many.test\n")).collect::<String>());
    let before = customers(&app).await;
    // Table: bytes, query → the field error.
    let cases: Vec<(Vec<u8>, &str, (&str, &str))> = vec![
        (too_many.into_bytes(), "", ("file", "too_many_rows")),
        (b"name,phone\nAnn,1\n".to_vec(), "", ("file", "missing_column")),
        (b"\xff\xfe\x00e".to_vec(), "", ("file", "invalid_encoding")),
        (b"email\na@b.test\n".to_vec(), "?encoding=latin1", ("encoding", "invalid_value")),
    ];
    for (bytes, query, error) in cases {
        let res = import(&app, &admin, query, bytes).await;
        res.problem(StatusCode::UNPROCESSABLE_ENTITY, "validation_failed");
        assert_eq!(res.field_errors(), crate::support::pairs(&[error]));
    }
    assert_eq!(customers(&app).await, before);
    // Over the import's size limit: a 413 naming the file.
    let huge = vec![b'a'; baton_server::http::IMPORT_LIMIT + 1];
    import(&app, &admin, "", huge).await.problem(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");
}

#[tokio::test]
async fn ten_thousand_rows_import_in_under_ten_seconds_and_again_change_nothing() {
    let app = TestApp::new().await;
    let admin = app.login(ADMIN).await;
    let file: String = std::iter::once("email,name,phone\n".to_owned()).chain((0..10_000).map(|i| format!("bulk{i}@many.test,Bulk {i},+86 138 {i:04} 0000\n"))).collect();
    let before = customers(&app).await;
    let started = std::time::Instant::now();
    let report = import(&app, &admin, "", file.clone().into_bytes()).await.json();
    let took = started.elapsed();
    assert_eq!((report["created"].as_i64(), report["failed"].as_i64()), (Some(10_000), Some(0)));
    assert!(took < std::time::Duration::from_secs(10), "took {took:?}");
    assert_eq!(customers(&app).await, before + 10_000);
    let again = import(&app, &admin, "", file.into_bytes()).await.json();
    assert_eq!(again["unchanged"].as_i64(), Some(10_000));
}
