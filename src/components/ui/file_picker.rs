//! A labelled file input (several files at once) that starts each upload as soon as the file is
//! chosen, and lists the files with a progress bar while they upload, a per-file error when the
//! server refused one (type, size) and a remove button.

mod upload;

pub use upload::{format_size, uploaded, Upload};

use super::field::Described;
use super::label::Label;
use crate::i18n::Key;
use crate::state::locale::{tr, trf};
use baton_core::FieldError;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use web_sys::HtmlInputElement;

/// The picker and its list of files.
#[component]
pub fn FilePicker(
    /// The input's `id`; the hint and error ids derive from it.
    #[prop(into)]
    id: String,
    /// The input's `data-testid` (SELECTORS.md).
    #[prop(into)]
    testid: String,
    /// The JSON field name its validation errors are reported under.
    #[prop(into)]
    field: String,
    /// The label text.
    #[prop(into)]
    label: Label,
    /// A help text under the label.
    #[prop(optional_no_strip)]
    hint: Option<Label>,
    /// The chosen files; owned by the caller, so a re-render never loses them.
    uploads: RwSignal<Vec<Upload>>,
    /// Starts uploading a chosen file and returns its row's state (the page does the network).
    #[prop(into)]
    on_upload: Callback<web_sys::File, Upload>,
    /// The form's current validation errors.
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    /// Marks the field required, visibly and for assistive technology.
    #[prop(optional)]
    required: bool,
) -> impl IntoView {
    let d = Described::new(&id, &field, hint, errors);
    let pick = move |ev: leptos::ev::Event| {
        let input: HtmlInputElement = event_target(&ev);
        let Some(files) = input.files() else {
            return;
        };
        let chosen: Vec<Upload> = (0..files.length())
            .filter_map(|i| files.get(i))
            .map(|file| on_upload.run(file))
            .collect();
        uploads.update(|u| u.extend(chosen));
        // Cleared, so that choosing the same file again (after removing it) is a change.
        input.set_value("");
    };
    view! {
        <div class="field">
            {d.label_view(label, required)}
            {d.hint_view()}
            <input
                type="file"
                multiple
                id=id
                data-testid=testid
                aria-required=required.then_some("true")
                aria-invalid=d.invalid()
                aria-describedby=d.described_by()
                on:change=pick
            />
            {d.error_view()}
            <ul class="uploads">
                {move || uploads.get().into_iter().map(|upload| view! { <UploadRow upload uploads /> }).collect_view()}
            </ul>
        </div>
    }
}

/// One file: name, size, then its progress bar, "uploaded" or the reason it failed.
#[component]
fn UploadRow(upload: Upload, uploads: RwSignal<Vec<Upload>>) -> impl IntoView {
    let Upload {
        uid,
        name,
        size,
        progress,
        result,
    } = upload;
    let state = {
        let result = result.clone();
        move || match result.get() {
            None => "uploading",
            Some(Ok(_)) => "done",
            Some(Err(_)) => "failed",
        }
    };
    let percent = move || (progress.get() * 100.0).round().clamp(0.0, 100.0) as u32;
    let status = {
        let name = name.clone();
        move || match result.get() {
            None => {
                let percent = percent.clone();
                let width = percent.clone();
                EitherOf3::A(view! {
                    <div class="progress" role="progressbar" aria-valuemin="0" aria-valuemax="100"
                        aria-valuenow=percent aria-label=trf(Key::UploadProgress, vec![name.clone()])>
                        <span class="progress-bar" style:width=move || format!("{}%", width())></span>
                    </div>
                })
            }
            Some(Ok(_)) => {
                EitherOf3::B(view! { <span class="upload-done">{tr(Key::UploadDone)}</span> })
            }
            Some(Err(key)) => EitherOf3::C(view! {
                <p class="field-error" data-testid="field-error" data-field="file">{tr(key)}</p>
            }),
        }
    };
    view! {
        <li class="upload" data-testid="upload" data-state=state>
            <span class="upload-name">{name.clone()}</span>
            <span class="upload-size muted">{format_size(size)}</span>
            {status}
            <button type="button" class="icon-button" data-testid="upload-remove"
                aria-label=trf(Key::UploadRemove, vec![name])
                on:click=move |_| uploads.update(|u| u.retain(|x| x.uid != uid))>
                <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
                    <path d="M3 3l10 10M13 3L3 13" stroke="currentColor" stroke-width="2" />
                </svg>
            </button>
        </li>
    }
}
