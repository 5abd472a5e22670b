//! `Idempotency-Key` values, so a retried create is answered with the same result.

use wasm_bindgen::JsValue;

/// A fresh `Idempotency-Key`: `crypto.randomUUID()`, which exists only in secure contexts
/// (https, localhost); elsewhere a v4 UUID from `crypto.getRandomValues()`.
pub fn idempotency_key() -> String {
    let crypto = web_sys::window().and_then(|w| w.crypto().ok());
    let Some(crypto) = crypto else {
        return fallback_key(&[]);
    };
    let has_random_uuid = js_sys::Reflect::get(&crypto, &JsValue::from_str("randomUUID"))
        .is_ok_and(|f| f.is_function());
    if has_random_uuid {
        return crypto.random_uuid();
    }
    let mut bytes = [0u8; 16];
    let filled = crypto.get_random_values_with_u8_array(&mut bytes).is_ok();
    fallback_key(if filled { &bytes } else { &[] })
}

/// Formats 16 random bytes as a v4 UUID. Without them (no `crypto` at all) the time and
/// `Math.random()` are used: weaker, but still unique enough for one user's retries.
fn fallback_key(random: &[u8]) -> String {
    let mut bytes = [0u8; 16];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = random
            .get(i)
            .copied()
            .unwrap_or_else(|| (js_sys::Math::random() * 256.0) as u8);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "{}-{}-{}-{}-{}",
        &hex[0..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}
