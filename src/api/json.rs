//! JSON in and out of the SPA through the browser's own `JSON.parse` / `JSON.stringify` and
//! `serde-wasm-bindgen`, instead of a JSON parser and printer compiled into the wasm.
//!
//! The wire format is unchanged: objects for structs and maps (`json_compatible`), `null` for
//! `None`, integers as JS numbers (exact up to 2^53, far beyond any id), so the server's
//! serde_json reads what we send and we read what it sends, `#[serde(default)]`, untagged and
//! tagged enums included.

use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// The JSON text parsed by the browser; the error is the browser's message.
pub fn parse(text: &str) -> Result<JsValue, String> {
    js_sys::JSON::parse(text).map_err(|e| message(&e))
}

/// Decodes `value` (from [`parse`], or any plain JS data) as a `T`.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// Decodes the JSON `text` as a `T`.
pub fn decode<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    from_value(parse(text)?)
}

/// `value` as plain JS data in JSON's shape: structs and maps as objects, `None` as `null`.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, String> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| e.to_string())
}

/// `value` as JSON text.
pub fn encode<T: Serialize + ?Sized>(value: &T) -> Result<String, String> {
    stringify(&to_value(value)?)
}

/// `JSON.stringify(value)`; an error for what JSON cannot say at all (`undefined`, a function).
pub fn stringify(value: &JsValue) -> Result<String, String> {
    let text = js_sys::JSON::stringify(value).map_err(|e| message(&e))?;
    text.as_string().ok_or_else(|| "not JSON data".to_owned())
}

fn message(error: &JsValue) -> String {
    js_sys::Error::from(error.clone())
        .message()
        .as_string()
        .unwrap_or_else(|| "invalid JSON".to_owned())
}
