//! The custom fields chosen from options: a `<select>`, a radio group, a group of checkboxes
//! (multiselect), and the single "I agree" checkbox. Option lists of cascading fields follow the
//! parent field's value.

use super::FieldSlot;
use crate::components::ui::{tenant_text, Described, Label, RequiredMark};
use crate::i18n::Key;
use crate::state::locale::tr;
use baton_core::{CustomField, FieldKind, FieldOption};
use leptos::prelude::*;

/// The options of `def` that apply now (tracked through `parent_value`).
fn options(def: &CustomField, parent_value: Signal<Option<String>>) -> Vec<FieldOption> {
    let parent = parent_value.get();
    def.options_for(parent.as_deref()).cloned().collect()
}

/// A `<select>` with a "Choose…" first option.
#[component]
pub fn ChoiceSelect(
    /// The field's definition.
    def: CustomField,
    /// The input's `id` and `data-testid`.
    id: String,
    /// Its label, hint and error wiring.
    described: Described,
    /// Where the chosen value goes.
    state: FieldSlot,
    /// The cascading parent's value.
    parent_value: Signal<Option<String>>,
) -> impl IntoView {
    let d = described;
    let required = def.required;
    let value = state.text;
    let choices = move || {
        options(&def, parent_value)
            .into_iter()
            .map(|o| {
                let selected = {
                    let v = o.value.clone();
                    move || value.with(|current| *current == v)
                };
                view! { <option value=o.value.clone() prop:selected=selected>{tenant_text(o.label)}</option> }
            })
            .collect_view()
    };
    view! {
        <select
            id=id.clone()
            data-testid=id
            aria-required=required.then_some("true")
            aria-invalid=d.invalid()
            aria-describedby=d.described_by()
            on:change=move |ev| value.set(event_target_value(&ev))
        >
            <option value="" prop:selected=move || value.with(String::is_empty)>{tr(Key::ChooseOption)}</option>
            {choices}
        </select>
    }
}

/// Radio buttons (one value) or checkboxes (several) in a `<fieldset>` with its `<legend>`.
#[component]
pub fn ChoiceGroup(
    /// The field's definition (radio or multiselect).
    def: CustomField,
    /// The fieldset's `id` and `data-testid`; each input is `<id>-<n>`.
    id: String,
    /// The legend text.
    label: Label,
    /// Its hint and error wiring.
    described: Described,
    /// Where the chosen value(s) go.
    state: FieldSlot,
    /// The cascading parent's value.
    parent_value: Signal<Option<String>>,
) -> impl IntoView {
    let d = described;
    let radio = def.kind == FieldKind::Radio;
    let required = def.required;
    let name = id.clone();
    let choices = move || {
        options(&def, parent_value)
            .into_iter()
            .enumerate()
            .map(|(n, o)| {
                let v = o.value.clone();
                let checked = {
                    let v = v.clone();
                    move || {
                        if radio {
                            state.text.with(|t| *t == v)
                        } else {
                            state.list.with(|l| l.contains(&v))
                        }
                    }
                };
                let change = move |ev: leptos::ev::Event| {
                    let on = event_target_checked(&ev);
                    if radio {
                        state.text.set(v.clone());
                    } else {
                        state.list.update(|l| {
                            l.retain(|x| *x != v);
                            if on {
                                l.push(v.clone());
                            }
                        });
                    }
                };
                view! {
                    <label class="choice" for=format!("{name}-{n}")>
                        <input type=if radio { "radio" } else { "checkbox" } id=format!("{name}-{n}")
                            name=name.clone() value=o.value.clone() prop:checked=checked on:change=change />
                        {tenant_text(o.label)}
                    </label>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset
            class="field choice-group"
            id=id.clone()
            data-testid=id
            role=radio.then_some("radiogroup")
            aria-required=(radio && required).then_some("true")
            aria-invalid=radio.then(|| d.invalid())
            aria-describedby=d.described_by()
        >
            <legend>{crate::components::ui::label_text(label)}{required.then(|| view! { <RequiredMark spoken=true /> })}</legend>
            {d.hint_view()}
            <div class="choices">{choices}</div>
            {d.error_view()}
        </fieldset>
    }
}

/// One checkbox with its label after it (agreements).
#[component]
pub fn CheckboxField(
    /// The input's `id` and `data-testid`.
    id: String,
    /// The label text.
    label: Label,
    /// Whether it must be ticked.
    required: bool,
    /// Its hint and error wiring.
    described: Described,
    /// Where the tick goes.
    state: FieldSlot,
) -> impl IntoView {
    let d = described;
    view! {
        <div class="field checkbox-field">
            <div class="choice">
                <input
                    type="checkbox"
                    id=id.clone()
                    data-testid=id
                    aria-required=required.then_some("true")
                    aria-invalid=d.invalid()
                    aria-describedby=d.described_by()
                    prop:checked=state.flag
                    on:change=move |ev| state.flag.set(event_target_checked(&ev))
                />
                {d.label_view(label, required)}
            </div>
            {d.hint_view()}
            {d.error_view()}
        </div>
    }
}
