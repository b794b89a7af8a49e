//! Times and ids, made at the edge so that the reducer stays pure.

use crate::model::annotation::{AnnotationId, Timestamp};

pub fn now() -> Timestamp {
    Timestamp(String::from(js_sys::Date::new_0().to_iso_string()))
}

/// A random (version 4) UUID, from `crypto.getRandomValues` where there is one.
pub fn new_annotation_id() -> AnnotationId {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window().and_then(|w| w.crypto().ok()).is_some_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    AnnotationId(format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32]))
}
