//! The scan: discover → extract and analyse each document in parallel (the one place with rayon) →
//! judge each supplier → [`crate::model::ScanResult`]. A document that fails is recorded with its
//! reason and never aborts the batch; the output order never depends on `--jobs`.

use std::io::IsTerminal;

use rayon::prelude::*;

use crate::discover::{Discovery, DocEntry, DocKind, SupplierEntry};
use crate::engine::{DocFindings, DocOutcome, Engine};
use crate::extract::{extract_path, ExtractError, Limits};
use crate::model::{
    DocStatus, DocumentInfo, RequirementInfo, RequirementResult, ScanResult, SupplierResult,
    ToolInfo, Verdict,
};

/// The note of every result of a supplier that has no document clausescan can read the format of.
pub const NO_SUPPORTED_DOCUMENT: &str = "no supported document";

/// How the scan runs (not what it finds).
#[derive(Debug, Clone, Default)]
pub struct ScanOptions {
    /// Worker threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// Show a progress bar on stderr (only drawn when stderr is a terminal).
    pub progress: bool,
    pub limits: Limits,
}

#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    #[error("cannot start {jobs} worker threads: {reason}")]
    Threads { jobs: usize, reason: String },
}

/// One document after reading: what the JSON lists, what the engine found, and the extractor's
/// warnings (for `--verbose`).
pub struct ReadDocument {
    pub info: DocumentInfo,
    pub findings: Option<DocFindings>,
    pub warnings: Vec<String>,
    /// The text, kept when the document names no supplier of its own and its supplier has other
    /// documents that may (see [`agreed_supplier_names`]).
    pub text: Option<crate::model::Document>,
}

/// Extra facts of a scan that the JSON does not carry, for notes on stderr.
#[derive(Debug, Clone, Default)]
pub struct ScanNotes {
    /// (document path, warning) from the extractors.
    pub warnings: Vec<(String, String)>,
}

/// Reads, analyses and judges every supplier of `discovery`.
pub fn run(
    engine: &Engine,
    discovery: &Discovery,
    options: &ScanOptions,
) -> Result<(ScanResult, ScanNotes), ScanError> {
    let jobs = options.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| ScanError::Threads {
            jobs,
            reason: e.to_string(),
        })?;

    let work: Vec<(usize, &DocEntry)> = discovery
        .suppliers
        .iter()
        .enumerate()
        .flat_map(|(i, s)| s.documents.iter().map(move |d| (i, d)))
        .collect();
    // A bar for three files only flickers; it is for runs long enough to wonder about.
    let bar = if options.progress && work.len() > 5 && std::io::stderr().is_terminal() {
        let bar = indicatif::ProgressBar::new(work.len() as u64);
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} reading {pos}/{len} documents [{bar:30}] {elapsed} {wide_msg}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        Some(bar)
    } else {
        None
    };

    let requirements = engine.requirements();
    let (docs, results) = pool.install(|| {
        // `collect` on an indexed parallel iterator keeps the input order, whatever the threads do.
        let mut docs: Vec<ReadDocument> = work
            .par_iter()
            .map(|(si, d)| {
                let has_siblings = discovery.suppliers[*si].documents.len() > 1;
                let read = read_document(engine, d, &options.limits, has_siblings);
                if let Some(b) = &bar {
                    b.set_message(d.display.clone());
                    b.inc(1);
                }
                read
            })
            .collect();
        // `work` lists each supplier's documents together, in supplier order.
        let ranges: Vec<std::ops::Range<usize>> = discovery
            .suppliers
            .iter()
            .scan(0, |start, s| {
                let range = *start..*start + s.documents.len();
                *start = range.end;
                Some(range)
            })
            .collect();
        // A name one document defines ("Tekstlab B.V. (hierna: Tekstlab)") reaches the
        // supplier's annexes that only write it: they are read again knowing it.
        let names: Vec<Vec<String>> = ranges
            .iter()
            .map(|r| agreed_supplier_names(&docs[r.clone()]))
            .collect();
        docs.par_iter_mut()
            .zip(work.par_iter())
            .for_each(|(d, (si, entry))| {
                let Some(text) = d.text.take() else { return };
                if writes_any(&text, &names[*si]) {
                    d.findings =
                        Some(engine.analyse_for_supplier(&text, &entry.display, &names[*si]));
                }
            });
        let results: Vec<Vec<RequirementResult>> = discovery
            .suppliers
            .par_iter()
            .enumerate()
            .map(|(i, s)| {
                let own: Vec<&ReadDocument> = docs[ranges[i].clone()].iter().collect();
                judge_supplier(engine, &requirements, s, &own)
            })
            .collect();
        (docs, results)
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }

    let mut notes = ScanNotes::default();
    let mut suppliers: Vec<SupplierResult> = discovery
        .suppliers
        .iter()
        .map(|s| SupplierResult {
            name: s.name.clone(),
            documents: Vec::new(),
            results: Vec::new(),
        })
        .collect();
    for ((si, _), d) in work.iter().zip(docs) {
        for w in d.warnings {
            notes.warnings.push((d.info.path.clone(), w));
        }
        if let Some(s) = suppliers.get_mut(*si) {
            s.documents.push(d.info);
        }
    }
    for (s, r) in suppliers.iter_mut().zip(results) {
        s.results = r;
    }
    suppliers.sort_by(|a, b| crate::discover::supplier_order(&a.name, &b.name));

    Ok((
        ScanResult {
            schema_version: 1,
            tool: ToolInfo {
                name: "clausescan".to_string(),
                version: env!("CARGO_PKG_VERSION").to_string(),
            },
            profile: engine.profile_name().to_string(),
            requirements,
            suppliers,
            skipped: discovery.skipped.clone(),
        },
        notes,
    ))
}

/// Whether `doc` writes one of `names` (folded) as whole words: only then can reading it again
/// with the names change anything.
fn writes_any(doc: &crate::model::Document, names: &[String]) -> bool {
    !names.is_empty()
        && doc.pages.iter().flat_map(|p| &p.blocks).any(|b| {
            let folded = crate::text::fold(&b.text);
            names.iter().any(|n| folded.has_tokens(n))
        })
}

/// The supplier's names its documents define, when they agree on the company (each document
/// that defines one gives the same full name); else none.
fn agreed_supplier_names(docs: &[ReadDocument]) -> Vec<String> {
    let defined: Vec<&Vec<String>> = docs
        .iter()
        .filter_map(|d| d.findings.as_ref())
        .map(|f| &f.own_names)
        .filter(|n| !n.is_empty())
        .collect();
    let Some(first) = defined.first() else {
        return Vec::new();
    };
    if defined.iter().any(|n| n[0] != first[0]) {
        return Vec::new();
    }
    let mut names: Vec<String> = Vec::new();
    for n in defined.iter().flat_map(|n| n.iter()) {
        if !names.contains(n) {
            names.push(n.clone());
        }
    }
    names
}

/// extract → clean → analyse, for one document. Never fails: a failure is the document's status.
/// `keep_text` keeps the text of a document that defines no supplier name, to read it again once
/// its siblings have named the supplier.
pub fn read_document(
    engine: &Engine,
    entry: &DocEntry,
    limits: &Limits,
    keep_text: bool,
) -> ReadDocument {
    let format = match &entry.kind {
        DocKind::Supported(f) => *f,
        DocKind::Unsupported(ext) => {
            return failed(entry, ext, &ExtractError::Unsupported(ext.clone()));
        }
    };
    let mut doc = match extract_path(&entry.fs_path, format, limits) {
        Ok(doc) => crate::text::clean(doc),
        Err(e) => return failed(entry, format.as_str(), &e),
    };
    if doc.is_empty() {
        // An extractor that returns no text without saying why must not produce "missing".
        return ReadDocument {
            info: DocumentInfo {
                path: entry.display.clone(),
                format: format.as_str().to_string(),
                pages: None,
                status: DocStatus::Unreadable,
                message: Some("no text found (scanned image or empty document?)".to_string()),
            },
            findings: None,
            warnings: doc.warnings,
            text: None,
        };
    }
    let message = pages_without_text_message(&doc.pages_without_text);
    let findings = engine.analyse(&doc, &entry.display);
    let keep = keep_text && findings.own_names.is_empty();
    let warnings = std::mem::take(&mut doc.warnings);
    ReadDocument {
        info: DocumentInfo {
            path: entry.display.clone(),
            format: format.as_str().to_string(),
            pages: doc.page_count(),
            status: DocStatus::Ok,
            message,
        },
        findings: Some(findings),
        warnings,
        text: keep.then_some(doc),
    }
}

fn failed(entry: &DocEntry, format: &str, e: &ExtractError) -> ReadDocument {
    ReadDocument {
        info: DocumentInfo {
            path: entry.display.clone(),
            format: format.to_string(),
            pages: None,
            status: e.status(),
            message: Some(e.to_string()),
        },
        findings: None,
        warnings: Vec::new(),
        text: None,
    }
}

fn pages_without_text_message(pages: &[u32]) -> Option<String> {
    match pages {
        [] => None,
        [one] => Some(format!(
            "no text on page {one} (scanned image?): OCR needed"
        )),
        many => {
            let list: Vec<String> = many.iter().map(u32::to_string).collect();
            Some(format!(
                "no text on pages {} (scanned images?): OCR needed",
                list.join(", ")
            ))
        }
    }
}

/// The verdicts of one supplier, one per requirement in catalogue order, whatever the engine
/// returns: a requirement the engine left out becomes unknown rather than disappearing.
fn judge_supplier(
    engine: &Engine,
    requirements: &[RequirementInfo],
    supplier: &SupplierEntry,
    docs: &[&ReadDocument],
) -> Vec<RequirementResult> {
    if !supplier.has_supported() {
        return requirements
            .iter()
            .map(|r| RequirementResult {
                id: r.id.clone(),
                verdict: Verdict::Unknown,
                evidence: Vec::new(),
                note: Some(NO_SUPPORTED_DOCUMENT.to_string()),
            })
            .collect();
    }
    let outcomes: Vec<DocOutcome<'_>> = docs
        .iter()
        .map(|d| DocOutcome {
            info: &d.info,
            findings: d.findings.as_ref(),
        })
        .collect();
    let mut judged = engine.judge(&outcomes);
    requirements
        .iter()
        .map(|r| match judged.iter().position(|j| j.id == r.id) {
            Some(i) => judged.swap_remove(i),
            None => RequirementResult {
                id: r.id.clone(),
                verdict: Verdict::Unknown,
                evidence: Vec::new(),
                note: Some("no verdict from the engine (please report)".to_string()),
            },
        })
        .collect()
}
