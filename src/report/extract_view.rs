//! What `clausescan extract` prints: a document's text with page markers, or its blocks as JSON.
//!
//! Local fallback owned by the `cli` engineer until `clausescan::extract::render::{to_text,
//! to_json}` (written by the `office` engineer) lands; the functions keep those names and
//! signatures so that switching over is changing one `use` line in `main.rs`.

use serde_json::{json, Value};

use crate::extract::ExtractError;
use crate::model::{BlockKind, Document};

fn kind_str(k: BlockKind) -> String {
    match k {
        BlockKind::Paragraph => "paragraph".into(),
        BlockKind::Heading { level } => format!("heading{level}"),
        BlockKind::ListItem => "list-item".into(),
        BlockKind::TableCell => "table-cell".into(),
        BlockKind::Footnote => "footnote".into(),
        BlockKind::Furniture => "furniture".into(),
    }
}

/// The text with a marker line before each page (`=== page 3 ===`) or, for formats without fixed
/// pages, one marker saying so; blocks separated by blank lines.
pub fn to_text(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(t) = &doc.title {
        out.push_str(&format!("=== title: {t} ===\n\n"));
    }
    for page in &doc.pages {
        match page.number {
            Some(n) => {
                let note = if doc.pages_without_text.contains(&n) {
                    " (no text layer)"
                } else {
                    ""
                };
                out.push_str(&format!("=== page {n}{note} ===\n\n"));
            }
            None => out.push_str("=== document (no fixed pages) ===\n\n"),
        }
        for b in &page.blocks {
            if b.kind == BlockKind::Furniture {
                out.push_str(&format!("[furniture] {}\n\n", b.text));
            } else {
                out.push_str(&b.text);
                out.push_str("\n\n");
            }
        }
    }
    for w in &doc.warnings {
        out.push_str(&format!("=== warning: {w} ===\n"));
    }
    out
}

pub fn to_json(path: &str, result: &Result<Document, ExtractError>) -> Value {
    match result {
        Ok(doc) => json!({
            "path": path,
            "status": "ok",
            "message": null,
            "title": doc.title,
            "pages": doc.page_count(),
            "pages_without_text": doc.pages_without_text,
            "warnings": doc.warnings,
            "content": doc.pages.iter().map(|p| json!({
                "page": p.number,
                "blocks": p.blocks.iter().map(|b| json!({
                    "kind": kind_str(b.kind),
                    "label": b.label,
                    "inserted": b.inserted,
                    "text": b.text,
                })).collect::<Vec<_>>(),
            })).collect::<Vec<_>>(),
        }),
        Err(e) => json!({
            "path": path,
            "status": crate::report::status_str(e.status()),
            "message": e.to_string(),
        }),
    }
}
