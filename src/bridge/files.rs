//! Reading files the user picked, as bytes, with a size limit checked before reading.

use wasm_bindgen_futures::JsFuture;

/// Files above this size are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 20.0 * 1024.0 * 1024.0;

pub struct PickedFile {
    pub name: String,
    pub text: String,
}

/// Reads a file as UTF-8 exactly as it is: no BOM stripping, no newline or Unicode normalisation.
pub async fn read_text(file: web_sys::File) -> Result<PickedFile, String> {
    let name = file.name();
    if file.size() > MAX_FILE_BYTES {
        return Err(format!(
            "\"{name}\" is {:.1} MB; Annota opens files up to {} MB",
            file.size() / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576.0
        ));
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| format!("\"{name}\" could not be read"))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("\"{name}\" is not UTF-8 text (invalid byte at position {})", e.utf8_error().valid_up_to())
    })?;
    Ok(PickedFile { name, text })
}
