//! Reading files the user picked as UTF-8 text exactly as it is, with a size limit checked before reading.

use crate::model::format::FileError;
use wasm_bindgen_futures::JsFuture;

pub struct PickedFile {
    pub name: String,
    pub text: String,
}

/// Reads a file as UTF-8 exactly as it is: no BOM stripping, no newline or Unicode normalisation.
pub async fn read_text(file: web_sys::File) -> Result<PickedFile, FileError> {
    let name = file.name();
    FileError::check_size(&name, file.size())?;
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| FileError::Unreadable { name: name.clone() })?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let text = String::from_utf8(bytes).map_err(|e| FileError::NotUtf8 { name: name.clone(), position: e.utf8_error().valid_up_to() })?;
    Ok(PickedFile { name, text })
}
