//! Reading documents: bytes in, [`Document`] or a typed error out. One submodule per format; this
//! module picks the reader, enforces the limits and turns a panic in a reader or a dependency into
//! that document's error, so one hostile file never takes the batch down.

use std::path::Path;

use crate::model::{DocStatus, Document, Format};

pub mod docx;
pub mod numfmt;
pub mod odt;
pub mod package;
pub mod pdf;
pub mod plain;
pub mod render;
pub mod xml;

/// Why a document yields no text. The `Display` text is the one human sentence users see.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExtractError {
    #[error("encrypted: password required")]
    Encrypted,
    #[error("no text layer (scanned image?): OCR needed")]
    NoTextLayer,
    #[error("unsupported format: .{0} — convert to PDF/DOCX")]
    Unsupported(String),
    #[error("empty file")]
    Empty,
    #[error("corrupt: {0}")]
    Corrupt(String),
    #[error("limit exceeded: {0}")]
    Limit(String),
    #[error("cannot read file: {0}")]
    Io(String),
    #[error("internal error while reading ({0}); please report this file")]
    Internal(String),
}

impl ExtractError {
    /// `unreadable`: the file opens but yields no text; `error`: it cannot be parsed.
    pub fn status(&self) -> DocStatus {
        match self {
            ExtractError::Encrypted | ExtractError::NoTextLayer | ExtractError::Unsupported(_) => {
                DocStatus::Unreadable
            }
            _ => DocStatus::Error,
        }
    }
}

/// Limits for untrusted input. Every limit is named in the message when it trips.
#[derive(Debug, Clone)]
pub struct Limits {
    pub max_file_bytes: u64,
    pub max_decompressed_bytes: u64,
    pub max_zip_ratio: u64,
    pub max_xml_depth: usize,
    pub max_pages: usize,
    pub max_object_depth: usize,
    pub max_seconds: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 512 * 1024 * 1024,
            max_decompressed_bytes: 256 * 1024 * 1024,
            max_zip_ratio: 200,
            max_xml_depth: 256,
            max_pages: 5000,
            max_object_depth: 64,
            max_seconds: 60,
        }
    }
}

/// The time budget of one document (`Limits::max_seconds`). Readers call [`Deadline::check`] now
/// and then (every few thousand XML events), so a pathological file ends with a named limit
/// instead of stalling the batch.
#[derive(Debug, Clone, Copy)]
pub struct Deadline {
    start: std::time::Instant,
    budget: std::time::Duration,
}

impl Deadline {
    /// A deadline `limits.max_seconds` from now.
    pub fn new(limits: &Limits) -> Self {
        Deadline {
            start: std::time::Instant::now(),
            budget: std::time::Duration::from_secs(limits.max_seconds),
        }
    }

    /// `Err(Limit)` once the budget is spent.
    pub fn check(&self) -> Result<(), ExtractError> {
        if self.start.elapsed() > self.budget {
            Err(ExtractError::Limit(format!(
                "time budget of {} s per document exceeded",
                self.budget.as_secs()
            )))
        } else {
            Ok(())
        }
    }
}

/// Reads the file at `path` as `format`, inside the guard.
pub fn extract_path(
    path: &Path,
    format: Format,
    limits: &Limits,
) -> Result<Document, ExtractError> {
    let meta = std::fs::metadata(path).map_err(|e| ExtractError::Io(e.to_string()))?;
    if meta.len() > limits.max_file_bytes {
        return Err(ExtractError::Limit(format!(
            "file size over {} MiB",
            limits.max_file_bytes / (1024 * 1024)
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| ExtractError::Io(e.to_string()))?;
    extract_bytes(&bytes, format, limits)
}

/// Reads `bytes` as `format`. A panic inside a reader becomes [`ExtractError::Internal`].
pub fn extract_bytes(
    bytes: &[u8],
    format: Format,
    limits: &Limits,
) -> Result<Document, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let run = || match format {
        Format::Pdf => pdf::extract(bytes, limits),
        Format::Docx => docx::extract(bytes, limits),
        Format::Odt => odt::extract(bytes, limits),
        Format::Txt | Format::Md => plain::extract(bytes, limits),
    };
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
        Ok(result) => result,
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_string());
            Err(ExtractError::Internal(what))
        }
    }
}
