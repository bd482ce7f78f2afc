//! Plain-text reader (TXT, Markdown): UTF-8 with or without BOM, UTF-16 LE/BE with BOM, and
//! Windows-1252 when the bytes are not valid UTF-8. Blocks are separated by blank lines; lines
//! inside a block are joined by `\n`. Markdown `#` headings become headings and `-`, `*`, `+`,
//! `1.` lines list items, each list item its own block.

use super::{ExtractError, Limits};
use crate::model::{Block, BlockKind, Document, Page};

pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Document, ExtractError> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ExtractError::Limit(format!(
            "file size over {} MiB",
            limits.max_file_bytes / (1024 * 1024)
        )));
    }
    let text = decode(bytes);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let flush = |current: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        let joined = current.join("\n");
        let trimmed = joined.trim();
        if !trimmed.is_empty() {
            blocks.push(Block {
                text: trimmed.to_string(),
                ..Block::default()
            });
        }
        current.clear();
    };
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            flush(&mut current, &mut blocks);
            continue;
        }
        if let Some(level) = heading_level(t) {
            flush(&mut current, &mut blocks);
            let body = t
                .trim_start_matches('#')
                .trim()
                .trim_end_matches('#')
                .trim();
            if !body.is_empty() {
                blocks.push(Block {
                    text: body.to_string(),
                    kind: BlockKind::Heading { level },
                    ..Block::default()
                });
            }
            continue;
        }
        if let Some(label) = list_label(t) {
            flush(&mut current, &mut blocks);
            blocks.push(Block {
                text: t.to_string(),
                kind: BlockKind::ListItem,
                label: Some(label.to_string()),
                inserted: false,
                cell: None,
            });
            continue;
        }
        // A continuation line of a list item stays with it.
        if current.is_empty() && line.starts_with([' ', '\t']) {
            if let Some(last) = blocks.last_mut() {
                if last.kind == BlockKind::ListItem {
                    last.text.push('\n');
                    last.text.push_str(t);
                    continue;
                }
            }
        }
        current.push(line.trim_end());
    }
    flush(&mut current, &mut blocks);
    Ok(Document {
        pages: vec![Page {
            number: None,
            blocks,
        }],
        ..Document::default()
    })
}

/// Decodes by BOM, else UTF-8, else Windows-1252 (which maps every byte).
fn decode(bytes: &[u8]) -> String {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or_default();
        return enc.decode_without_bom_handling(rest).0.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
            .into_owned(),
    }
}

/// `# Title` → 1 … `###### x` → 6 (a space must follow the hashes, as in CommonMark).
fn heading_level(line: &str) -> Option<u8> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && line.as_bytes().get(hashes).is_none_or(|&b| b == b' ') {
        Some(hashes as u8)
    } else {
        None
    }
}

/// The marker of a Markdown list line: "-", "*", "+", "1.", "7.2.", "a)".
fn list_label(line: &str) -> Option<&str> {
    let (marker, rest) = line.split_once(' ')?;
    if rest.trim().is_empty() {
        return None;
    }
    if matches!(marker, "-" | "*" | "+" | "•") {
        return Some(marker);
    }
    let digits = marker.trim_end_matches(['.', ')']);
    let ends_ok = marker.len() > digits.len();
    let numeric = !digits.is_empty()
        && digits.len() <= 9
        && digits
            .split('.')
            .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    (ends_ok && numeric).then_some(marker)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(s: &[u8]) -> Vec<Block> {
        extract(s, &Limits::default())
            .map(|d| d.pages.into_iter().flat_map(|p| p.blocks).collect())
            .unwrap_or_default()
    }

    #[test]
    fn markdown_kinds() {
        let b = blocks(b"# Artikel 7\n\nEen zin\nop twee regels.\n\n- punt een\n1. eerste\n");
        assert_eq!(b.len(), 4);
        assert_eq!(b[0].kind, BlockKind::Heading { level: 1 });
        assert_eq!(b[1].text, "Een zin\nop twee regels.");
        assert_eq!(b[2].kind, BlockKind::ListItem);
        assert_eq!(b[3].label.as_deref(), Some("1."));
    }

    #[test]
    fn encodings() {
        assert_eq!(blocks(b"\xef\xbb\xbfcaf\xc3\xa9")[0].text, "café");
        assert_eq!(blocks(b"caf\xe9 \x80")[0].text, "café €");
        assert_eq!(blocks(b"\xff\xfec\x00a\x00")[0].text, "ca");
        assert_eq!(blocks(b"\xfe\xff\x00c\x00a")[0].text, "ca");
    }
}
