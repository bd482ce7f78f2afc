//! `--format json`: the serde form of [`ScanResult`], exactly interface.md's schema_version 1.

use crate::model::ScanResult;

pub fn render(result: &ScanResult) -> String {
    // Serialising plain data with string keys cannot fail; the fallback keeps the type honest.
    let mut s = serde_json::to_string_pretty(result)
        .unwrap_or_else(|e| format!("{{\"error\": \"cannot serialise result: {e}\"}}"));
    s.push('\n');
    s
}
