//! The CSV import of `/admin/customers` (`customers.import`): a file, "Preview" (a dry run: the
//! rows with what would happen to each and why a row is refused, by line and field), then
//! "Import". A file the server cannot read at all (encoding, columns, too many rows) is explained
//! next to the file input.

use crate::api::use_api;
use crate::components::ui::FormFailure;
use crate::i18n::customers::code_key;
use crate::i18n::{error_message, CustomerKey, Key};
use crate::state::busy::Busy;
use crate::state::locale::{tr, trf, use_i18n};
use baton_core::{FieldError, ImportOutcome, ImportReport};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn outcome_key(o: ImportOutcome) -> Key {
    match o {
        ImportOutcome::Created => CustomerKey::OutcomeCreated.into(),
        ImportOutcome::Updated => CustomerKey::OutcomeUpdated.into(),
        ImportOutcome::Unchanged => CustomerKey::OutcomeUnchanged.into(),
        ImportOutcome::Failed => CustomerKey::OutcomeFailed.into(),
    }
}

fn outcome_code(o: ImportOutcome) -> &'static str {
    match o {
        ImportOutcome::Created => "created",
        ImportOutcome::Updated => "updated",
        ImportOutcome::Unchanged => "unchanged",
        ImportOutcome::Failed => "failed",
    }
}

/// The file chosen in the input, if any.
fn chosen_file() -> Option<web_sys::File> {
    document().get_element_by_id("import-file")?.dyn_into::<web_sys::HtmlInputElement>().ok()?.files()?.get(0)
}

fn summary(r: &ImportReport) -> Vec<String> {
    [r.created, r.updated, r.unchanged, r.failed].iter().map(ToString::to_string).collect()
}

#[component]
pub fn ImportPanel(on_done: Callback<String>) -> impl IntoView {
    let (api, i18n) = (StoredValue::new(use_api()), use_i18n());
    let report = RwSignal::new(None::<ImportReport>);
    let file_error = RwSignal::new(None::<String>);
    let failure = RwSignal::new(None::<(Key, String)>);
    let busy = Busy::new();
    let pending = busy.signal();
    let run = move |dry_run: bool| {
        failure.set(None);
        file_error.set(None);
        let Some(file) = chosen_file() else {
            failure.set(Some((CustomerKey::NoFile.into(), String::new())));
            return;
        };
        busy.run(async move {
            match api.get_value().import_customers(&file, dry_run).await {
                Ok(r) => {
                    if !dry_run {
                        // `i18n` from the component: no context lookup after an await (there is
                        // no owner there, and a lookup would panic).
                        let args = summary(&r);
                        let text = i18n.tf(CustomerKey::ImportSummary.into(), &args.iter().map(String::as_str).collect::<Vec<_>>());
                        on_done.run(i18n.tf(CustomerKey::ImportDone.into(), &[&text]));
                    }
                    report.set(Some(r));
                }
                Err(error) => {
                    let fields: Vec<FieldError> = error.field_errors();
                    match fields.into_iter().find(|f| f.field == "file" || f.field == "encoding") {
                        Some(f) => file_error.set(Some(f.code)),
                        None => failure.set(Some(error_message(&error))),
                    }
                    report.set(None);
                }
            }
        });
    };
    view! {
        <section class="card form admin-panel" data-testid="import-panel" aria-labelledby="import-title">
            <h2 id="import-title">{tr(CustomerKey::ImportTitle.into())}</h2>
            <p class="muted" id="import-hint">{tr(CustomerKey::ImportHint.into())}</p>
            <FormFailure failure testid="import-error" />
            <div class="field">
                <label for="import-file">{tr(CustomerKey::ImportFile.into())}</label>
                <input id="import-file" type="file" accept=".csv,text/csv" data-testid="import-file"
                    aria-describedby="import-hint import-file-error" aria-invalid=move || file_error.get().map(|_| "true")
                    on:change=move |_| report.set(None) />
                {move || file_error.get().map(|code| view! {
                    <p class="field-error" id="import-file-error" data-testid="field-error" data-field="file" data-code=code.clone()>{tr(code_key(&code))}</p>
                })}
            </div>
            <div class="form-actions">
                <button type="button" class="button" data-testid="import-preview" disabled=pending on:click=move |_| run(true)>
                    {tr(CustomerKey::ImportPreview.into())}
                </button>
                {move || report.get().filter(|r| r.dry_run).map(|_| view! {
                    <button type="button" class="button primary" data-testid="import-submit" disabled=pending on:click=move |_| run(false)>
                        {tr(CustomerKey::ImportSubmit.into())}
                    </button>
                })}
            </div>
            {move || report.get().map(|r| view! {
                <p data-testid="import-summary" data-dry-run=r.dry_run.to_string()>{trf(CustomerKey::ImportSummary.into(), summary(&r))}</p>
                <div class="admin-scroll">
                    <table class="admin-table" data-testid="import-table">
                        <thead><tr>
                            <th scope="col">{tr(CustomerKey::ColRow.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColEmail.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColName.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColOutcome.into())}</th>
                            <th scope="col">{tr(CustomerKey::ColErrors.into())}</th>
                        </tr></thead>
                        <tbody>
                            {r.rows.into_iter().map(|row| view! {
                                <tr data-testid="import-row" data-row=row.row data-outcome=outcome_code(row.outcome)>
                                    <td>{row.row}</td>
                                    <td>{row.email}</td>
                                    <td>{row.name}</td>
                                    <td>{tr(outcome_key(row.outcome))}</td>
                                    <td>{row.errors.into_iter().map(|e| view! {
                                        <span class="field-error" data-testid="import-error-code" data-field=e.field.clone() data-code=e.code.clone()>
                                            {e.field.clone()}": "{tr(code_key(&e.code))}" "
                                        </span>
                                    }).collect_view()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </section>
    }
}
