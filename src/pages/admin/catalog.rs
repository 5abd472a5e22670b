//! `/admin/types` (issue 12): the catalog's setup — ticket types (工单大类) in order with their
//! sub-types (工单小类, handling group) and custom fields ([`types`], [`fields`]), and the
//! dictionaries (字典) select-like fields take their options from ([`dictionaries`]). Nothing is
//! deleted: types, sub-types, fields and options are switched off, as the API keeps them for old
//! tickets. Shown on a backend with the `catalog` capability to holders of `settings.manage`.

mod dictionaries;
mod fields;
mod types;

use super::{AdminPage, Section};
use crate::api::{use_api, ApiError};
use crate::components::ui::{error_id, loaded, FieldErrorText};
use crate::i18n::{error_message, CatalogKey as C};
use crate::state::load::Load;
use crate::state::locale::{tr, use_page_title, I18n};
use baton_core::catalog_admin::tidy;
use baton_core::problem::code;
use baton_core::{AdminTicketType, AgentGroup, Dictionary, FieldError, Text};
use leptos::prelude::*;

/// What the page's parts share: the lists as the server last answered them.
#[derive(Clone, Copy)]
pub struct Catalog {
    pub types: RwSignal<Vec<AdminTicketType>>,
    pub dictionaries: RwSignal<Vec<Dictionary>>,
    pub groups: StoredValue<Vec<AgentGroup>>,
    pub notice: RwSignal<Option<String>>,
}

impl Catalog {
    /// The server's answer for one type replaces it in the list.
    pub fn put_type(&self, t: AdminTicketType) {
        self.types.update(|list| match list.iter_mut().find(|x| x.id == t.id) {
            Some(x) => *x = t,
            None => list.push(t),
        });
    }

    pub fn saved(&self, i18n: I18n) {
        self.notice.set(Some(i18n.t(C::Saved.into()).to_owned()));
    }
}

#[component]
pub fn AdminCatalog() -> impl IntoView {
    use_page_title(|i| i.t(C::Title.into()).to_owned());
    let api = StoredValue::new(use_api());
    let data = Load::new(move || {
        let api = api.get_value();
        async move {
            let types = api.admin_ticket_types().await?;
            let dictionaries = api.dictionaries().await?;
            let groups = api.groups().await?;
            Ok((types, dictionaries, groups))
        }
    });
    view! {
        <AdminPage section=Section::Catalog>
            <div class="admin-head"><h1>{tr(C::Title.into())}</h1></div>
            <p class="muted" data-testid="catalog-intro">{tr(C::Intro.into())}</p>
            {move || loaded(data.get(), |(types, dictionaries, groups)| {
                let catalog = Catalog {
                    types: RwSignal::new(types),
                    dictionaries: RwSignal::new(dictionaries),
                    groups: StoredValue::new(groups),
                    notice: RwSignal::new(None),
                };
                view! {
                    <p class="admin-notice" role="status" data-testid="admin-notice">{move || catalog.notice.get()}</p>
                    <types::TypeList catalog />
                    <dictionaries::DictionaryList catalog />
                }.into_any()
            })}
        </AdminPage>
    }
}

/// English and Chinese as one [`Text`], empty languages left out.
pub fn text_of(en: &str, zh: &str) -> Text {
    tidy(&Text::en_zh(en, zh))
}

/// A refused save: its field errors beside their inputs, or else one sentence (`already_exists`
/// in words). What was typed stays where it is.
pub fn refused(i18n: I18n, e: &ApiError, errors: RwSignal<Vec<FieldError>>, failure: RwSignal<Option<String>>) {
    let fields = e.field_errors();
    let sentence = if e.is(code::ALREADY_EXISTS) { i18n.t(C::Taken.into()) } else { i18n.t(error_message(e).0) };
    failure.set(fields.is_empty().then(|| sentence.to_owned()));
    errors.set(fields);
}

/// The two inputs of a bilingual text (`{id}-en`, `{id}-zh`), the error for `field` under them.
#[component]
pub fn Bilingual(
    #[prop(into)] id: String,
    field: &'static str,
    labels: (C, C),
    en: RwSignal<String>,
    zh: RwSignal<String>,
    #[prop(into)] errors: Signal<Vec<FieldError>>,
) -> impl IntoView {
    let (en_id, zh_id) = (format!("{id}-en"), format!("{id}-zh"));
    let described = error_id(&en_id);
    view! {
        <label for=en_id.clone()>{tr(labels.0.into())}</label>
        <input id=en_id.clone() data-testid=format!("{field}-en") aria-describedby=described.clone()
            prop:value=move || en.get() on:input=move |ev| en.set(event_target_value(&ev)) />
        <label for=zh_id.clone()>{tr(labels.1.into())}</label>
        <input id=zh_id data-testid=format!("{field}-zh") aria-describedby=described lang="zh-CN"
            prop:value=move || zh.get() on:input=move |ev| zh.set(event_target_value(&ev)) />
        <FieldErrorText input_id=en_id field=field errors />
    }
}

/// `ids` with `id` moved one place up or down, if it can move.
pub fn moved(ids: &[i64], id: i64, up: bool) -> Option<Vec<i64>> {
    let i = ids.iter().position(|x| *x == id)?;
    let j = if up { i.checked_sub(1)? } else { Some(i + 1).filter(|j| *j < ids.len())? };
    let mut ids = ids.to_vec();
    ids.swap(i, j);
    Some(ids)
}
