//! File formats: each module reads and writes one, with explicit errors.

pub mod annota_json;

use std::fmt;

/// Why a file was refused. Nothing in the workspace changes when this is returned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub message: String,
}

impl ImportError {
    pub fn new(message: impl Into<String>) -> Self {
        ImportError { message: message.into() }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses JSON, naming the line and column of a syntax error. serde_json stops at 128 levels
/// of nesting, so hostile input cannot overflow the stack.
pub fn parse_json(json: &str) -> Result<serde_json::Value, ImportError> {
    serde_json::from_str(json).map_err(|e| {
        ImportError::new(format!("not valid JSON at line {}, column {}: {}", e.line(), e.column(), describe(&e)))
    })
}

fn describe(e: &serde_json::Error) -> String {
    // serde_json's message ends with its own " at line N column M"; we already said where.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_name_the_line() {
        let err = parse_json("{\n  \"a\": 1,\n  oops\n}").unwrap_err();
        assert!(err.message.starts_with("not valid JSON at line 3"), "{}", err.message);
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        assert!(parse_json(&deep).unwrap_err().message.contains("recursion limit"));
    }
}
