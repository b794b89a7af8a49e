//! User-timing measures (`performance.measure`) around work the benchmark reports: saving and exporting.

/// How many measures of one name are kept.
const KEEP: u32 = 500;

/// Runs `work` and records its duration as a `performance.measure` named `name`.
pub fn measure<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start_mark = format!("{name}:start");
    if let Some(p) = &performance {
        let _ = p.mark(&start_mark);
    }
    let out = work();
    if let Some(p) = &performance {
        // Keep the timeline bounded over a long session.
        if p.get_entries_by_name(name).length() >= KEEP {
            p.clear_measures_with_measure_name(name);
        }
        let _ = p.measure_with_start_mark(name, &start_mark);
        p.clear_marks_with_mark_name(&start_mark);
    }
    out
}

/// The size of the WebAssembly memory, for the benchmark's memory figures.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>().buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64
}

use wasm_bindgen::JsCast;
