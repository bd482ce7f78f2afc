//! What `clausescan extract FILE` prints: the text the tool reads from a document, with page
//! markers and the block kinds a user needs to understand a surprising verdict (headings,
//! furniture, footnotes, tracked insertions), as plain text or JSON.

use serde_json::{json, Value};

use super::ExtractError;
use crate::model::{BlockKind, DocStatus, Document};

/// The tag shown before a block in text output, `None` for body paragraphs.
fn kind_tag(kind: BlockKind) -> Option<String> {
    match kind {
        BlockKind::Paragraph => None,
        BlockKind::Heading { level: 0 } => Some("[title]".into()),
        BlockKind::Heading { level } => Some(format!("[heading {level}]")),
        BlockKind::ListItem => Some("[list]".into()),
        BlockKind::TableCell => Some("[cell]".into()),
        BlockKind::Footnote => Some("[footnote]".into()),
        BlockKind::Furniture => Some("[header/footer]".into()),
    }
}

/// The JSON name of a block kind.
fn kind_name(kind: BlockKind) -> &'static str {
    match kind {
        BlockKind::Paragraph => "paragraph",
        BlockKind::Heading { .. } => "heading",
        BlockKind::ListItem => "list_item",
        BlockKind::TableCell => "table_cell",
        BlockKind::Footnote => "footnote",
        BlockKind::Furniture => "furniture",
    }
}

/// The document as text: one block per paragraph separated by blank lines, `=== page N ===`
/// before each PDF page, kind tags such as `[heading 1]`, `[footnote]`, `[header/footer]`,
/// `[inserted]`, and the warnings at the end.
pub fn to_text(doc: &Document) -> String {
    let mut out = String::new();
    if let Some(title) = &doc.title {
        out.push_str(&format!("title: {title}\n\n"));
    }
    for page in &doc.pages {
        if let Some(n) = page.number {
            out.push_str(&format!("=== page {n} ===\n\n"));
        }
        for block in &page.blocks {
            let mut tags = Vec::new();
            if let Some(t) = kind_tag(block.kind) {
                tags.push(t);
            }
            if block.inserted {
                tags.push("[inserted]".into());
            }
            if !tags.is_empty() {
                out.push_str(&tags.join(" "));
                out.push(' ');
            }
            out.push_str(&block.text);
            out.push_str("\n\n");
        }
    }
    if !doc.pages_without_text.is_empty() {
        let list: Vec<String> = doc
            .pages_without_text
            .iter()
            .map(|p| p.to_string())
            .collect();
        out.push_str(&format!(
            "pages without text (scanned?): {}\n",
            list.join(", ")
        ));
    }
    for w in &doc.warnings {
        out.push_str(&format!("warning: {w}\n"));
    }
    out
}

/// The JSON of `extract --format json` for one file: path, status (ok/unreadable/error),
/// message, page count, title, warnings and the pages with their blocks.
pub fn to_json(path: &str, result: &Result<Document, ExtractError>) -> Value {
    match result {
        Ok(doc) => {
            let pages: Vec<Value> = doc
                .pages
                .iter()
                .map(|p| {
                    let blocks: Vec<Value> = p
                        .blocks
                        .iter()
                        .map(|b| {
                            let mut v = json!({
                                "kind": kind_name(b.kind),
                                "label": b.label,
                                "inserted": b.inserted,
                                "text": b.text,
                            });
                            if let (BlockKind::Heading { level }, Some(obj)) =
                                (b.kind, v.as_object_mut())
                            {
                                obj.insert("level".into(), json!(level));
                            }
                            v
                        })
                        .collect();
                    json!({ "number": p.number, "blocks": blocks })
                })
                .collect();
            let status = if doc.is_empty() {
                DocStatus::Unreadable
            } else {
                DocStatus::Ok
            };
            json!({
                "path": path,
                "status": status,
                "message": if doc.is_empty() { Some("no text found") } else { None },
                "pages": doc.page_count(),
                "title": doc.title,
                "warnings": doc.warnings,
                "pages_without_text": doc.pages_without_text,
                "content": pages,
            })
        }
        Err(e) => json!({
            "path": path,
            "status": e.status(),
            "message": e.to_string(),
            "pages": Value::Null,
            "title": Value::Null,
            "warnings": [],
            "content": [],
        }),
    }
}
