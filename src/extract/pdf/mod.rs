//! PDF reader: lopdf parses the file (xref, objects, decryption with the empty user password,
//! stream filters); our own content-stream interpreter ([`interp`]) places the glyphs, [`font`]
//! and [`cmap`] turn codes into Unicode, and [`layout`] rebuilds words, lines, paragraphs and the
//! reading order. lopdf's own text extraction is not used.
//!
//! **No text layer.** A page is *textless* when it yields fewer than [`MIN_PAGE_CHARS`]
//! non-space characters. The document fails with [`ExtractError::NoTextLayer`] when at least
//! 90 % of its pages are textless; otherwise the textless pages that draw an image are listed in
//! `pages_without_text` (a blank separator page is not a scan).

mod cmap;
mod font;
mod interp;
mod layout;
mod lexer;
mod tables;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use lopdf::{Dictionary, Document as PdfDocument, LoadOptions, Object, ObjectId};

use super::{ExtractError, Limits};
use crate::model::{Block, Document, Page};
use font::{as_dict, deref, num};
use interp::{Interp, Matrix, Stop};

/// A page with fewer non-space characters than this has no text layer.
pub const MIN_PAGE_CHARS: usize = 10;

/// Page attributes inherited down the page tree.
#[derive(Clone, Copy, Default)]
struct Inherited<'a> {
    resources: Option<&'a Dictionary>,
    media_box: Option<(f32, f32, f32, f32)>,
    /// /Rotate in degrees (0, 90, 180, 270): the writing direction that reads upright on screen
    /// wins ties when a page mixes directions.
    rotate: i64,
}

struct PageRef<'a> {
    dict: &'a Dictionary,
    attrs: Inherited<'a>,
}

pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Document, ExtractError> {
    let start = Instant::now();
    // A huge max_seconds must not overflow the clock: one year is "no deadline".
    let deadline = start
        .checked_add(Duration::from_secs(limits.max_seconds))
        .unwrap_or_else(|| start + Duration::from_secs(365 * 24 * 3600));
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(ExtractError::Limit(format!(
            "max_file_bytes ({} bytes)",
            limits.max_file_bytes
        )));
    }
    if !bytes.windows(5).take(1024).any(|w| w == b"%PDF-") {
        return Err(if bytes.starts_with(b"PK\x03\x04") {
            ExtractError::Corrupt("not a PDF (this is a ZIP file, e.g. DOCX or ODT)".into())
        } else {
            ExtractError::Corrupt("not a PDF (no %PDF header)".into())
        });
    }
    let max_stream = usize::try_from(limits.max_decompressed_bytes).unwrap_or(usize::MAX);
    let options = LoadOptions {
        max_decompressed_size: Some(max_stream),
        ..LoadOptions::default()
    };
    let doc = PdfDocument::load_mem_with_options(bytes, options).map_err(|e| {
        // Without an end-of-file marker the real cause is almost always truncation.
        let tail = bytes
            .get(bytes.len().saturating_sub(2048)..)
            .unwrap_or(bytes);
        match load_error(e) {
            ExtractError::Corrupt(_) if !tail.windows(5).any(|w| w == b"%%EOF") => {
                ExtractError::Corrupt("truncated file (no %%EOF marker)".into())
            }
            other => other,
        }
    })?;
    if doc.is_encrypted() {
        return Err(ExtractError::Encrypted);
    }
    let mut warnings = Vec::new();
    if doc.xref_recovery.is_some() {
        warnings
            .push("damaged cross-reference table; objects recovered by scanning the file".into());
    }

    let pages = collect_pages(&doc, limits)?;
    if pages.is_empty() {
        let tail = bytes
            .get(bytes.len().saturating_sub(2048)..)
            .unwrap_or(bytes);
        if !tail.windows(5).any(|w| w == b"%%EOF") {
            return Err(ExtractError::Corrupt(
                "truncated file (no %%EOF marker)".into(),
            ));
        }
        return Err(ExtractError::Corrupt(
            "no readable pages (truncated file or damaged page tree)".into(),
        ));
    }

    let mut interp = Interp::new(&doc, max_stream, deadline, (0.0, 0.0, 612.0, 792.0));
    let mut out_pages = Vec::with_capacity(pages.len());
    let mut textless = Vec::new();
    let mut without_text = Vec::new();
    let mut hist: HashMap<i32, usize> = HashMap::new();
    let mut total_content: u64 = 0;
    for (i, page) in pages.iter().enumerate() {
        let number = i as u32 + 1;
        if Instant::now() >= deadline {
            return Err(time_limit(limits));
        }
        let bbox = page.attrs.media_box.unwrap_or((0.0, 0.0, 612.0, 792.0));
        interp.reset(bbox);
        let content = page_content(&doc, page.dict, max_stream)?;
        total_content += content.len() as u64;
        if total_content > limits.max_decompressed_bytes {
            return Err(ExtractError::Limit(format!(
                "max_decompressed_bytes ({} bytes of page content)",
                limits.max_decompressed_bytes
            )));
        }
        match interp.run(&content, page.attrs.resources, Matrix::IDENTITY) {
            Ok(()) => {}
            Err(Stop::Deadline) => return Err(time_limit(limits)),
        }
        let images = interp.images;
        let chars = std::mem::take(&mut interp.out);
        layout::size_histogram(&chars, &mut hist);
        let body = hist
            .iter()
            .max_by_key(|(k, v)| (**v, -**k))
            .map_or(0.0, |(k, _)| *k as f32 / 2.0);
        let upright = (page.attrs.rotate / 90) as u8;
        let paras = layout::layout(&chars, body, upright);
        let count: usize = paras.iter().map(|p| p.chars).sum();
        if count < MIN_PAGE_CHARS {
            textless.push(number);
            if images > 0 {
                without_text.push(number);
            }
        }
        out_pages.push(Page {
            number: Some(number),
            blocks: paras
                .into_iter()
                .map(|p| Block {
                    text: p.text,
                    kind: p.kind,
                    label: None,
                    inserted: false,
                    cell: None,
                })
                .collect(),
        });
    }
    if textless.len() * 10 >= out_pages.len() * 9 {
        return Err(ExtractError::NoTextLayer);
    }
    Ok(Document {
        title: title(&doc),
        pages: out_pages,
        pages_without_text: without_text,
        warnings,
    })
}

fn time_limit(limits: &Limits) -> ExtractError {
    ExtractError::Limit(format!(
        "max_seconds ({} s per document)",
        limits.max_seconds
    ))
}

fn load_error(e: lopdf::Error) -> ExtractError {
    use lopdf::{DecompressError, Error, ParseError};
    match e {
        Error::InvalidPassword | Error::Decryption(_) | Error::UnsupportedSecurityHandler(_) => {
            ExtractError::Encrypted
        }
        Error::Decompress(DecompressError::MemoryLimitExceeded { limit }) => {
            ExtractError::Limit(format!("max_decompressed_bytes ({limit} bytes per stream)"))
        }
        Error::Parse(ParseError::InvalidFileHeader) => {
            ExtractError::Corrupt("not a PDF (no %PDF header)".into())
        }
        Error::Xref(_) | Error::Parse(ParseError::InvalidXref) | Error::MissingXrefEntry => {
            ExtractError::Corrupt("xref table damaged".into())
        }
        Error::Parse(ParseError::InvalidTrailer) => {
            ExtractError::Corrupt("trailer missing or damaged (truncated file?)".into())
        }
        Error::Parse(ParseError::EndOfInput) => ExtractError::Corrupt("truncated file".into()),
        Error::RecursionLimit | Error::ReferenceLimit => {
            ExtractError::Limit("max_object_depth (objects nested too deeply)".into())
        }
        Error::ReferenceCycle(_) => ExtractError::Corrupt("reference cycle".into()),
        other => ExtractError::Corrupt(other.to_string()),
    }
}

/// Walks the page tree from the catalog, collecting pages with their inherited attributes.
/// A node seen twice (a cycle or a shared subtree) is skipped the second time.
fn collect_pages<'a>(
    doc: &'a PdfDocument,
    limits: &Limits,
) -> Result<Vec<PageRef<'a>>, ExtractError> {
    let root = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Pages").ok())
        .ok_or_else(|| ExtractError::Corrupt("no page tree (catalog missing or damaged)".into()))?;
    let mut pages = Vec::new();
    let mut seen: HashSet<ObjectId> = HashSet::new();
    // Explicit stack: (node, inherited, depth).
    let mut stack: Vec<(&'a Object, Inherited<'a>, usize)> = vec![(root, Inherited::default(), 0)];
    let mut visited_nodes = 0usize;
    while let Some((node, inh, depth)) = stack.pop() {
        visited_nodes += 1;
        if visited_nodes > limits.max_pages.saturating_mul(4).max(64) {
            return Err(ExtractError::Limit(format!(
                "max_pages ({} pages)",
                limits.max_pages
            )));
        }
        let Ok((id, obj)) = doc.dereference(node) else {
            continue;
        };
        if let Some(id) = id {
            if !seen.insert(id) {
                continue;
            }
        }
        let Some(dict) = as_dict(obj) else { continue };
        let mut attrs = inh;
        if let Some(r) = deref(doc, dict.get(b"Resources").ok()).and_then(as_dict) {
            attrs.resources = Some(r);
        }
        if let Some(b) = read_box(doc, dict.get(b"MediaBox").ok()) {
            attrs.media_box = Some(b);
        }
        if let Some(r) = num(doc, dict.get(b"Rotate").ok()) {
            attrs.rotate = (r as i64).rem_euclid(360);
        }
        let kids = deref(doc, dict.get(b"Kids").ok()).and_then(|k| k.as_array().ok());
        let is_pages = dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Pages");
        match kids {
            Some(kids) if is_pages || !dict.has(b"Contents") => {
                if depth >= limits.max_object_depth {
                    continue;
                }
                for kid in kids.iter().rev() {
                    stack.push((kid, attrs, depth + 1));
                }
            }
            _ => {
                pages.push(PageRef { dict, attrs });
                if pages.len() > limits.max_pages {
                    return Err(ExtractError::Limit(format!(
                        "max_pages ({} pages)",
                        limits.max_pages
                    )));
                }
            }
        }
    }
    Ok(pages)
}

fn read_box(doc: &PdfDocument, o: Option<&Object>) -> Option<(f32, f32, f32, f32)> {
    let arr = deref(doc, o)?.as_array().ok()?;
    if arr.len() != 4 {
        return None;
    }
    let v: Vec<f32> = arr.iter().filter_map(|x| num(doc, Some(x))).collect();
    if v.len() != 4 {
        return None;
    }
    let (x0, x1) = (v[0].min(v[2]), v[0].max(v[2]));
    let (y0, y1) = (v[1].min(v[3]), v[1].max(v[3]));
    (x1 - x0 > 1.0 && y1 - y0 > 1.0).then_some((x0, y0, x1, y1))
}

/// The page's content streams, concatenated, each bounded by `max_stream`.
fn page_content(
    doc: &PdfDocument,
    page: &Dictionary,
    max_stream: usize,
) -> Result<Vec<u8>, ExtractError> {
    let mut out = Vec::new();
    let streams: Vec<&Object> = match page.get(b"Contents") {
        Ok(Object::Array(a)) => a.iter().collect(),
        Ok(o) => match deref(doc, Some(o)) {
            Some(Object::Array(a)) => a.iter().collect(),
            Some(_) => vec![o],
            None => Vec::new(),
        },
        Err(_) => Vec::new(),
    };
    let single = streams.len() == 1;
    for s in streams.into_iter().take(10_000) {
        if let Some(Object::Stream(stream)) = deref(doc, Some(s)) {
            let remaining = max_stream.saturating_sub(out.len());
            match stream.decompressed_content_with_limit(remaining) {
                // One stream (the common case): no copy, which halves peak memory on big pages.
                Ok(data) if single => return Ok(data),
                Ok(data) => out.extend_from_slice(&data),
                Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                })) => {
                    return Err(ExtractError::Limit(format!(
                        "max_decompressed_bytes ({max_stream} bytes per page)"
                    )))
                }
                // An undecodable stream (unknown filter, corrupt data) contributes nothing.
                Err(_) => {}
            }
            out.push(b'\n');
        }
    }
    Ok(out)
}

/// The Info dictionary's Title when it looks like a real title.
fn title(doc: &PdfDocument) -> Option<String> {
    let info = deref(doc, doc.trailer.get(b"Info").ok()).and_then(as_dict)?;
    let t = deref(doc, info.get(b"Title").ok())?;
    let s = lopdf::decode_text_string(t).ok()?;
    let s = s.trim();
    let s = s.strip_prefix("Microsoft Word - ").unwrap_or(s).trim();
    let lower = s.to_lowercase();
    let looks_like_file = [".doc", ".docx", ".pdf", ".odt", ".rtf", ".dot", ".dotx"]
        .iter()
        .any(|e| lower.ends_with(e));
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    if looks_like_file || letters < 3 || lower == "untitled" || lower == "document" || s.len() > 300
    {
        return None;
    }
    Some(s.to_string())
}
