//! One condition of the view editor: field, operator and value, each labelled with the row's
//! number, and the server's errors about this row (`conditions[<i>].field|op|value`) beside it.
//! Values are a select (one) or checkboxes (several) where the options are known, text otherwise.

use super::customer_suggestions::CustomerSuggestions;
use super::catalog::{is_many, op_code, op_from_code, op_key, ops_of, value_hint, Catalog, FIELDS};
use crate::components::ui::{error_id, has_error};
use crate::i18n::{field_key, Key, ListKey};
use crate::state::locale::{tr, use_i18n};
use baton_core::problem::field_code;
use baton_core::{CondValue, Condition, FieldError, Op};
use leptos::prelude::*;

/// What the agent chose in one row; kept while the form shows errors.
#[derive(Clone, Copy)]
pub struct Row {
    pub key: u64,
    pub field: RwSignal<String>,
    pub op: RwSignal<Op>,
    /// The typed value (text fields; several values comma-separated).
    pub text: RwSignal<String>,
    /// The chosen options (fields whose values are known).
    pub picked: RwSignal<Vec<String>>,
}

impl Row {
    pub fn new(key: u64, field: &str, op: Op, values: Vec<String>) -> Row {
        Row {
            key,
            field: RwSignal::new(field.to_owned()),
            op: RwSignal::new(op),
            text: RwSignal::new(values.join(", ")),
            picked: RwSignal::new(values),
        }
    }

    pub fn from_condition(key: u64, c: &Condition) -> Row {
        Row::new(key, &c.field, c.op, c.value.values().into_iter().map(str::to_owned).collect())
    }

    /// The condition as the API takes it; `known` says whether the field offered options.
    pub fn condition(&self, known: bool) -> Condition {
        let values: Vec<String> = if known {
            self.picked.get_untracked()
        } else {
            self.text.get_untracked().split(',').map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect()
        };
        let op = self.op.get_untracked();
        let value = if is_many(op) {
            CondValue::Many(values)
        } else {
            CondValue::One(values.into_iter().next().unwrap_or_default())
        };
        Condition { field: self.field.get_untracked(), op, value }
    }
}

/// A condition error's text: the view-specific codes have their own wording.
fn condition_error_key(code: &str) -> Key {
    match code {
        field_code::UNKNOWN_FIELD => ListKey::ErrUnknownField.into(),
        field_code::INVALID_OPERATOR => ListKey::ErrInvalidOperator.into(),
        field_code::INVALID_VALUE => ListKey::ErrInvalidValue.into(),
        other => field_key(other),
    }
}

#[component]
pub fn ConditionRow(
    row: Row,
    /// The row's place (0-based), as the server's error names count.
    #[prop(into)]
    index: Signal<usize>,
    catalog: Catalog,
    #[prop(into)]
    errors: Signal<Vec<FieldError>>,
    #[prop(into)]
    on_remove: Callback<u64>,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = move || i18n.locale().code();
    let n = move || (index.get() + 1).to_string();
    let id = move |part: &str| format!("cond-{}-{part}", row.key);
    let name = move |part: &str| format!("conditions[{}].{part}", index.get());
    let invalid = move |part: &'static str| move || errors.with(|e| has_error(e, &name(part))).then_some("true");
    let described = move |part: &'static str| move || errors.with(|e| has_error(e, &name(part))).then(|| error_id(&id(part)));
    let error = move |part: &'static str| {
        move || {
            let field = name(part);
            errors.with(|e| e.iter().find(|e| e.field == field).map(|e| e.code.clone())).map(|code| {
                view! {
                    <p class="field-error" id=error_id(&id(part)) data-testid="field-error" data-field=field>
                        {tr(condition_error_key(&code))}
                    </p>
                }
            })
        }
    };
    // A field that no longer takes the operator gets its first one; options chosen for another field go.
    let on_field = move |value: String| {
        row.field.set(value.clone());
        row.picked.set(Vec::new());
        let ops = ops_of(&value);
        if !ops.contains(&row.op.get_untracked()) {
            row.op.set(ops[0]);
        }
    };
    let field_select = move || {
        let custom = Catalog::custom_fields(&catalog, locale());
        let current = row.field.get_untracked();
        let known = FIELDS.iter().any(|(f, _)| *f == current) || custom.iter().any(|(f, _)| *f == current);
        view! {
            <select id=id("field") data-testid="condition-field" aria-label=move || i18n.tf(ListKey::CondField.into(), &[&n()])
                aria-invalid=invalid("field") aria-describedby=described("field")
                on:change=move |ev| on_field(event_target_value(&ev))>
                {(!known).then(|| view! { <option value=current.clone() selected>{current.clone()}</option> })}
                {FIELDS.iter().map(|(f, k)| view! {
                    <option value=*f selected=move || row.field.get() == *f>{tr((*k).into())}</option>
                }).collect_view()}
                {custom.into_iter().map(|(f, label)| {
                    let f2 = f.clone();
                    view! { <option value=f selected=move || row.field.get() == f2>{label}</option> }
                }).collect_view()}
            </select>
        }
    };
    let op_select = view! {
        <select id=id("op") data-testid="condition-op" aria-label=move || i18n.tf(ListKey::CondOp.into(), &[&n()])
            aria-invalid=invalid("op") aria-describedby=described("op")
            on:change=move |ev| if let Some(op) = op_from_code(&event_target_value(&ev)) { row.op.set(op) }>
            {move || ops_of(&row.field.get()).iter().map(|op| {
                let op = *op;
                view! { <option value=op_code(op) selected=move || row.op.get() == op>{tr(op_key(op).into())}</option> }
            }).collect_view()}
        </select>
    };
    let value_input = move || {
        let (field, op) = (row.field.get(), row.op.get());
        let label = move || i18n.tf(ListKey::CondValue.into(), &[&n()]);
        match catalog.options(&field, locale()) {
            Some(options) if is_many(op) => view! {
                <fieldset class="condition-values" data-testid="condition-value" id=id("value")
                    aria-invalid=invalid("value") aria-describedby=described("value")>
                    <legend class="sr-only">{label}</legend>
                    {options.into_iter().map(|o| {
                        let (v1, v2) = (o.value.clone(), o.value.clone());
                        view! {
                            <label class="check">
                                <input type="checkbox" data-testid="condition-option" value=o.value.clone()
                                    prop:checked=move || row.picked.with(|p| p.contains(&v1))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        row.picked.update(|p| { p.retain(|x| *x != v2); if on { p.push(v2.clone()) } });
                                    } />
                                {o.label.text(i18n)}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            }.into_any(),
            Some(options) => view! {
                <select id=id("value") data-testid="condition-value" aria-label=label
                    aria-invalid=invalid("value") aria-describedby=described("value")
                    on:change=move |ev| row.picked.set(vec![event_target_value(&ev)])>
                    <option value="">{tr(ListKey::ChooseValue.into())}</option>
                    {options.into_iter().map(|o| {
                        let v = o.value.clone();
                        view! {
                            <option value=o.value.clone() selected=move || row.picked.with(|p| p.first() == Some(&v))>
                                {o.label.text(i18n)}
                            </option>
                        }
                    }).collect_view()}
                </select>
            }.into_any(),
            None => {
                let hint = value_hint(&field, op);
                let hint_id = id("hint");
                let describe = {
                    let hint_id = hint_id.clone();
                    move || {
                        let mut ids: Vec<String> = hint.map(|_| hint_id.clone()).into_iter().collect();
                        ids.extend(described("value")());
                        (!ids.is_empty()).then(|| ids.join(" "))
                    }
                };
                // The requester is a customer's id: the customers matching what is typed are
                // offered by name and email.
                let customers = (field == "requester" && !is_many(op)).then(|| id("customers"));
                view! {
                    <input type="text" id=id("value") data-testid="condition-value" aria-label=label
                        aria-invalid=invalid("value") aria-describedby=describe list=customers.clone()
                        prop:value=move || row.text.get() on:input=move |ev| row.text.set(event_target_value(&ev)) />
                    {customers.map(|list| view! { <CustomerSuggestions id=list typed=row.text /> })}
                    {hint.map(|h| view! { <span class="field-hint" id=hint_id>{tr(h.into())}</span> })}
                }.into_any()
            }
        }
    };
    view! {
        <li class="condition" data-testid="condition">
            <div class="condition-inputs">
                {field_select}
                {op_select}
                {value_input}
                <button type="button" class="link-button" data-testid="condition-remove"
                    aria-label=move || i18n.tf(ListKey::RemoveCondition.into(), &[&n()])
                    on:click=move |_| on_remove.run(row.key)>"×"</button>
            </div>
            {error("field")}
            {error("op")}
            {error("value")}
        </li>
    }
}
