//! A holiday list pasted or loaded from a file (`.ics`, `.csv`, `.txt`) into the calendar form:
//! read by [`super::import`], merged into the form's
//! holidays and working days for the admin to check and save. Lines it cannot read are named,
//! never guessed.

use crate::i18n::{CalendarKey, Key};
use crate::state::locale::{tr, use_i18n};
use super::import::{parse, Imported};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The text of the file chosen in input `id`, if any could be read.
async fn file_text(id: &str) -> Option<Result<String, ()>> {
    let input = document().get_element_by_id(id)?.dyn_into::<web_sys::HtmlInputElement>().ok()?;
    let file = input.files()?.get(0)?;
    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
    Some(text.ok().and_then(|t| t.as_string()).ok_or(()))
}

#[component]
pub fn HolidayImport(
    /// What was read, for the form to merge into its lists.
    on_import: Callback<Imported>,
) -> impl IntoView {
    let i18n = use_i18n();
    let text = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let unreadable = i18n.t(CalendarKey::FileUnreadable.into()).to_owned();
    let on_file = move |_| {
        let unreadable = unreadable.clone();
        leptos::task::spawn_local(async move {
            match file_text("holiday-import-file").await {
                Some(Ok(t)) => text.set(t),
                Some(Err(())) => status.set(unreadable),
                None => {}
            }
        });
    };
    let add = move |_| {
        let read = parse(&text.get_untracked());
        let (holidays, workdays) = (read.holidays.len(), read.workdays.len());
        let mut said = Vec::new();
        if holidays + workdays == 0 && read.bad_lines.is_empty() {
            said.push(i18n.t(CalendarKey::ImportEmpty.into()).to_owned());
        } else {
            said.push(i18n.tf(CalendarKey::ImportDone.into(), &[&holidays.to_string(), &workdays.to_string()]));
        }
        if !read.bad_lines.is_empty() {
            let lines: Vec<String> = read.bad_lines.iter().map(ToString::to_string).collect();
            said.push(i18n.tf(CalendarKey::ImportBad.into(), &[&lines.join(", ")]));
        }
        status.set(said.join(" "));
        if holidays + workdays > 0 {
            on_import.run(read);
        }
    };
    let label = |k: CalendarKey| tr(Key::from(k));
    view! {
        <details class="admin-groups" data-testid="holiday-import">
            <summary>{label(CalendarKey::ImportTitle)}</summary>
            <p class="field-hint" id="holiday-import-hint">{label(CalendarKey::ImportHint)}</p>
            <div class="field">
                <label for="holiday-import-text">{label(CalendarKey::ImportText)}</label>
                <textarea id="holiday-import-text" rows="6" data-testid="holiday-import-text" aria-describedby="holiday-import-hint"
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
            </div>
            <div class="field">
                <label for="holiday-import-file">{label(CalendarKey::ImportFile)}</label>
                <input id="holiday-import-file" type="file" accept=".ics,.csv,.txt,text/calendar,text/csv,text/plain"
                    data-testid="holiday-import-file" on:change=on_file />
            </div>
            <button type="button" class="button" data-testid="holiday-import-add" on:click=add>{label(CalendarKey::ImportAdd)}</button>
            <p role="status" data-testid="holiday-import-status">{move || status.get()}</p>
        </details>
    }
}
