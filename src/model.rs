//! The types that cross module boundaries: documents as the extractors deliver them, and the
//! scan result the reporters render. Everything here is plain data.

use serde::{Deserialize, Serialize};

/// A supported document format, decided by the file extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Docx,
    Odt,
    Txt,
    Md,
}

impl Format {
    /// The format for a file extension (case-insensitive), or `None` when clausescan does not read it.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "pdf" => Some(Format::Pdf),
            "docx" => Some(Format::Docx),
            "odt" => Some(Format::Odt),
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Odt => "odt",
            Format::Txt => "txt",
            Format::Md => "md",
        }
    }
}

/// Extensions of document and image formats that suppliers send but clausescan cannot read: they are
/// listed as unreadable documents (they make not-found verdicts unknown), not silently skipped.
pub const UNSUPPORTED_DOCUMENT_EXTENSIONS: &[&str] = &[
    "doc", "rtf", "pages", "wpd", "png", "jpg", "jpeg", "tif", "tiff", "heic", "xps", "odp", "ppt",
    "pptx", "gif", "bmp", "webp",
];

/// The text of one document as an extractor delivers it: pages of blocks in reading order.
/// DOCX, ODT and plain text have no fixed pages: they deliver one page with `number: None`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    /// Title from the document's metadata or its first title/heading, when there is one.
    pub title: Option<String>,
    pub pages: Vec<Page>,
    /// 1-based numbers of PDF pages that have no text layer (image-only), for `unknown` verdicts.
    pub pages_without_text: Vec<u32>,
    /// Things the user should know that do not make the document unreadable
    /// (e.g. "3 tracked changes not yet accepted"). Shown in `extract` and `--verbose`.
    pub warnings: Vec<String>,
}

impl Document {
    /// Number of PDF pages (the `pages` field of the JSON), `None` for formats without pages.
    pub fn page_count(&self) -> Option<u32> {
        match self.pages.first() {
            Some(Page {
                number: Some(_), ..
            }) => Some(self.pages.len() as u32),
            _ => None,
        }
    }

    /// All blocks in reading order.
    pub fn blocks(&self) -> impl Iterator<Item = &Block> {
        self.pages.iter().flat_map(|p| p.blocks.iter())
    }

    /// True when no block carries any non-whitespace text.
    pub fn is_empty(&self) -> bool {
        self.blocks().all(|b| b.text.trim().is_empty())
    }
}

/// One page. `number` is the 1-based PDF page number, `None` for formats without fixed pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub number: Option<u32>,
    pub blocks: Vec<Block>,
}

/// A paragraph-like unit of text: a body paragraph, heading, list item, table-cell paragraph,
/// footnote, or page furniture. Lines inside a block are separated by `\n` (PDF), so that
/// de-hyphenation can see line ends.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Block {
    pub text: String,
    pub kind: BlockKind,
    /// A list or heading number reconstructed by the extractor ("7.2", "Artikel 7", "(a)") when the
    /// document's numbering is not part of its characters (DOCX numbering.xml, ODT lists). The
    /// extractor also puts it, followed by a space, at the start of `text`, as a reader sees it, so
    /// the segmenter finds clause numbers the same way in every format.
    pub label: Option<String>,
    /// The block is (or contains) a tracked insertion that has not been accepted yet.
    pub inserted: bool,
    /// Where a table cell sits (DOCX, ODT): a header cell labels the cells below it.
    pub cell: Option<CellPos>,
}

/// The place of a table cell: which table of the document, and its row and column (from 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CellPos {
    pub table: u32,
    pub row: u32,
    pub col: u32,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum BlockKind {
    #[default]
    Paragraph,
    /// A heading; `level` 0 is the document title, 1 the top level.
    Heading {
        level: u8,
    },
    ListItem,
    TableCell,
    Footnote,
    /// Running header, footer or page number: kept for `extract`, never evidence, never splits a
    /// sentence that crosses a page break.
    Furniture,
}

/// Whether a document could be read, as the JSON `status` field says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocStatus {
    Ok,
    Unreadable,
    Error,
}

/// The five verdicts of interface.md.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, PartialOrd, Ord)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Covered,
    Partial,
    Missing,
    Unknown,
    Conflict,
}

impl Verdict {
    /// Rank for `--fail-on` and baselines: covered < partial < missing = unknown < conflict.
    pub fn rank(self) -> u8 {
        match self {
            Verdict::Covered => 0,
            Verdict::Partial => 1,
            Verdict::Missing | Verdict::Unknown => 2,
            Verdict::Conflict => 3,
        }
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Verdict::Covered => "✓",
            Verdict::Partial => "~",
            Verdict::Missing => "✗",
            Verdict::Conflict => "!",
            Verdict::Unknown => "?",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Covered => "covered",
            Verdict::Partial => "partial",
            Verdict::Missing => "missing",
            Verdict::Conflict => "conflict",
            Verdict::Unknown => "unknown",
        }
    }

    pub fn parse(s: &str) -> Option<Verdict> {
        match s.trim().to_ascii_lowercase().as_str() {
            "covered" => Some(Verdict::Covered),
            "partial" => Some(Verdict::Partial),
            "missing" => Some(Verdict::Missing),
            "conflict" => Some(Verdict::Conflict),
            "unknown" => Some(Verdict::Unknown),
            _ => None,
        }
    }

    pub const ALL: [Verdict; 5] = [
        Verdict::Covered,
        Verdict::Partial,
        Verdict::Missing,
        Verdict::Conflict,
        Verdict::Unknown,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Must,
    Should,
}

/// The role a piece of evidence plays in its verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    Covers,
    Partial,
    Conflict,
}

/// One sentence or list item that supports a verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub path: String,
    pub page: Option<u32>,
    pub paragraph: u32,
    pub clause: Option<String>,
    pub role: Role,
    pub text: String,
    /// The terms that matched, as written in the text (extra field, for `explain`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub terms: Vec<String>,
    /// Which element of the requirement this evidence meets (extra field, for `explain`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub element: Option<String>,
}

/// The verdict of one requirement for one supplier.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementResult {
    pub id: String,
    pub verdict: Verdict,
    pub evidence: Vec<Evidence>,
    pub note: Option<String>,
}

/// A requirement as the report header lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RequirementInfo {
    pub id: String,
    pub title: String,
    pub family: String,
    pub severity: Severity,
}

/// One document of a supplier as the JSON lists it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentInfo {
    pub path: String,
    pub format: String,
    pub pages: Option<u32>,
    pub status: DocStatus,
    pub message: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SupplierResult {
    pub name: String,
    pub documents: Vec<DocumentInfo>,
    pub results: Vec<RequirementResult>,
}

/// A file that was passed over, with the reason ("hidden", "unsupported type", "not in manifest").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToolInfo {
    pub name: String,
    pub version: String,
}

/// Everything a reporter needs: the JSON of interface.md, schema_version 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanResult {
    pub schema_version: u32,
    pub tool: ToolInfo,
    pub profile: String,
    pub requirements: Vec<RequirementInfo>,
    pub suppliers: Vec<SupplierResult>,
    #[serde(default)]
    pub skipped: Vec<Skipped>,
}
