//! Discovery: walks the PATHs, skips hidden and unsupported files (counted), and groups documents
//! into suppliers (folder, file, or `--manifest`), exactly as interface.md's "Suppliers" section
//! says. It never reads a document's contents: that is `extract`'s job.
//!
//! Paths keep two forms: the file-system path (an `OsString`, so non-UTF-8 names still open) and
//! the display path (the PATH as typed joined with the path below it, lossy UTF-8), which is what
//! users see in reports and evidence.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs;
use std::path::{Path, PathBuf};

use crate::model::{Format, Skipped, UNSUPPORTED_DOCUMENT_EXTENSIONS};

/// What clausescan will do with a document file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocKind {
    /// A format clausescan reads.
    Supported(Format),
    /// A document or image format clausescan cannot read (lower-case extension, no dot): listed
    /// as unreadable so that it makes not-found verdicts unknown.
    Unsupported(String),
}

/// One document of a supplier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocEntry {
    /// Where to open it.
    pub fs_path: PathBuf,
    /// What users see: the PATH as typed joined with the path below it.
    pub display: String,
    pub kind: DocKind,
}

/// One supplier and its documents, sorted by display path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplierEntry {
    pub name: String,
    /// Display path of the folder or file the supplier came from (for SARIF locations and for
    /// telling same-named suppliers apart); for manifest suppliers, the first listed path.
    pub origin: String,
    pub documents: Vec<DocEntry>,
}

impl SupplierEntry {
    /// True when at least one document has a format clausescan reads.
    pub fn has_supported(&self) -> bool {
        self.documents
            .iter()
            .any(|d| matches!(d.kind, DocKind::Supported(_)))
    }
}

/// The outcome of discovery: suppliers sorted by name, and what was passed over.
#[derive(Debug, Clone, Default)]
pub struct Discovery {
    pub suppliers: Vec<SupplierEntry>,
    /// Files and folders skipped and counted, with the reason.
    pub skipped: Vec<Skipped>,
    /// Things the user should know that do not stop the scan (manifest rows outside the PATHs, …).
    pub warnings: Vec<String>,
}

impl Discovery {
    pub fn document_count(&self) -> usize {
        self.suppliers.iter().map(|s| s.documents.len()).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DiscoverError {
    #[error("path not found: {0}")]
    NotFound(String),
    #[error("cannot read {path}: {reason}")]
    Unreadable { path: String, reason: String },
    #[error("{file}:{line}: {message}")]
    Manifest {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{path} holds documents of several suppliers in the manifest ({names}); pass one supplier's folder")]
    SeveralSuppliers { path: String, names: String },
    #[error("cannot read manifest {file}: {reason}")]
    ManifestIo { file: String, reason: String },
    #[error(
        "no supported document found in {0} (clausescan reads .pdf, .docx, .odt, .txt and .md)"
    )]
    NothingToScan(String),
}

/// Reason strings of `skipped`, one place so reports and tests agree.
pub mod reason {
    pub const HIDDEN: &str = "hidden";
    pub const UNSUPPORTED_TYPE: &str = "unsupported type";
    pub const NOT_IN_MANIFEST: &str = "not in manifest";
    pub const SYMLINK_LOOP: &str = "symlink loop";
    pub const SEEN: &str = "folder already scanned through another path";
    pub const LOCK_FILE: &str = "office lock file";
    pub const BROKEN_LINK: &str = "broken link";
    pub const SPECIAL: &str = "not a regular file";
}

/// Groups the documents under `paths` into suppliers; with `manifest`, by the manifest.
/// Errors when a PATH does not exist (even if others do) or when no supported document is found.
pub fn discover(paths: &[PathBuf], manifest: Option<&Path>) -> Result<Discovery, DiscoverError> {
    for p in paths {
        // `symlink_metadata` too, so a dangling link given as PATH is reported as not found.
        if fs::metadata(p).is_err() {
            return Err(DiscoverError::NotFound(display_of(p)));
        }
    }
    let mut walker = Walker::default();
    let mut roots: Vec<Root> = Vec::new();
    let mut seen_roots: HashSet<PathBuf> = HashSet::new();
    for p in paths {
        let canonical = fs::canonicalize(p).unwrap_or_else(|_| p.clone());
        if !seen_roots.insert(canonical.clone()) {
            // `scan corpus corpus`: the second one would only duplicate every supplier.
            continue;
        }
        roots.push(walker.walk_root(p, canonical)?);
    }

    let mut discovery = match manifest {
        None => group_by_folder(&roots),
        Some(m) => group_by_manifest(&roots, m)?,
    };
    discovery.skipped.append(&mut walker.skipped);
    discovery
        .skipped
        .sort_by(|a, b| a.path.cmp(&b.path).then(a.reason.cmp(&b.reason)));
    discovery.skipped.dedup();

    if !discovery.suppliers.iter().any(SupplierEntry::has_supported) {
        let what = paths.iter().map(|p| display_of(p)).collect::<Vec<_>>();
        return Err(DiscoverError::NothingToScan(what.join(", ")));
    }
    disambiguate(&mut discovery.suppliers);
    discovery
        .suppliers
        .sort_by(|a, b| supplier_order(&a.name, &b.name));
    Ok(discovery)
}

/// Suppliers sort case-insensitively by name, then exactly, so the order never depends on `--jobs`
/// or on the order of the file system.
pub fn supplier_order(a: &str, b: &str) -> std::cmp::Ordering {
    a.to_lowercase()
        .cmp(&b.to_lowercase())
        .then_with(|| a.cmp(b))
}

/// Treats `path` as one supplier named after the folder or the file stem (for `explain`). With a
/// manifest, the documents below `path` that the manifest lists, under the manifest's name.
pub fn discover_one(path: &Path, manifest: Option<&Path>) -> Result<SupplierEntry, DiscoverError> {
    if fs::metadata(path).is_err() {
        return Err(DiscoverError::NotFound(display_of(path)));
    }
    let mut walker = Walker::default();
    let canonical = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let root = walker.walk_root(path, canonical)?;
    let name = stem_or_name(path);
    let mut supplier = if let Some(m) = manifest {
        let d = group_by_manifest(std::slice::from_ref(&root), m)?;
        let mut suppliers = d.suppliers;
        suppliers.retain(|s| !s.documents.is_empty());
        match suppliers.len() {
            0 => {
                return Err(DiscoverError::NothingToScan(format!(
                    "{} (the manifest lists none of its documents)",
                    display_of(path)
                )))
            }
            1 => suppliers.remove(0),
            _ => {
                let names: Vec<_> = suppliers.iter().map(|s| s.name.clone()).collect();
                return Err(DiscoverError::SeveralSuppliers {
                    path: display_of(path),
                    names: names.join(", "),
                });
            }
        }
    } else {
        let mut documents: Vec<DocEntry> = root.files.iter().map(|f| f.doc.clone()).collect();
        documents.sort_by(|a, b| a.display.cmp(&b.display));
        SupplierEntry {
            name,
            origin: root.display.clone(),
            documents,
        }
    };
    supplier.documents.sort_by(|a, b| a.display.cmp(&b.display));
    if !supplier.has_supported() {
        return Err(DiscoverError::NothingToScan(display_of(path)));
    }
    Ok(supplier)
}

/// The display form of a path: lossy UTF-8, so odd names never panic.
pub fn display_of(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// What to do with a file, by name: a document kind, or the reason it is skipped.
pub fn classify(path: &Path) -> Result<DocKind, &'static str> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    if name.starts_with("~$") {
        return Err(reason::LOCK_FILE);
    }
    let Some(ext) = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
    else {
        return Err(reason::UNSUPPORTED_TYPE);
    };
    if let Some(format) = Format::from_extension(&ext) {
        return Ok(DocKind::Supported(format));
    }
    if UNSUPPORTED_DOCUMENT_EXTENSIONS.contains(&ext.as_str()) {
        return Ok(DocKind::Unsupported(ext));
    }
    Err(reason::UNSUPPORTED_TYPE)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_string_lossy().starts_with('.')
}

fn stem_or_name(p: &Path) -> String {
    let is_dir = fs::metadata(p).map(|m| m.is_dir()).unwrap_or(false);
    let part = if is_dir {
        // `scan .` or `scan corpus/`: name the supplier after the real folder.
        fs::canonicalize(p)
            .ok()
            .and_then(|c| c.file_name().map(|n| n.to_os_string()))
            .or_else(|| p.file_name().map(|n| n.to_os_string()))
    } else {
        p.file_stem().map(|n| n.to_os_string())
    };
    part.map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| display_of(p))
}

/// A document found below a root, with the immediate child of the root it lies in.
#[derive(Debug, Clone)]
struct Found {
    doc: DocEntry,
    canonical: PathBuf,
    /// `Some(subfolder)` when the file lies in an immediate subfolder of the root; `None` when it
    /// lies directly in the root (or the root is the file).
    group: Option<PathBuf>,
}

/// One walked PATH.
#[derive(Debug, Clone)]
struct Root {
    typed: PathBuf,
    display: String,
    canonical: PathBuf,
    is_dir: bool,
    /// Immediate non-hidden subfolders (canonical → typed path), suppliers even when empty.
    subfolders: Vec<PathBuf>,
    files: Vec<Found>,
}

#[derive(Default)]
struct Walker {
    skipped: Vec<Skipped>,
    visited: HashSet<PathBuf>,
}

impl Walker {
    fn walk_root(&mut self, typed: &Path, canonical: PathBuf) -> Result<Root, DiscoverError> {
        let meta = fs::metadata(typed).map_err(|e| DiscoverError::Unreadable {
            path: display_of(typed),
            reason: io_reason(&e),
        })?;
        let mut root = Root {
            typed: typed.to_path_buf(),
            display: display_of(typed),
            canonical: canonical.clone(),
            is_dir: meta.is_dir(),
            subfolders: Vec::new(),
            files: Vec::new(),
        };
        if !meta.is_dir() {
            // A file PATH is taken as typed, even when hidden.
            match classify(typed) {
                Ok(kind) => root.files.push(Found {
                    doc: DocEntry {
                        fs_path: typed.to_path_buf(),
                        display: display_of(typed),
                        kind,
                    },
                    canonical,
                    group: None,
                }),
                Err(why) => self.skip(display_of(typed), why),
            }
            return Ok(root);
        }
        self.visited.insert(canonical);
        let entries = match read_dir_sorted(typed) {
            Ok(e) => e,
            Err(e) => {
                return Err(DiscoverError::Unreadable {
                    path: display_of(typed),
                    reason: io_reason(&e),
                })
            }
        };
        for (name, path) in entries {
            let display = display_of(&path);
            if is_hidden(&name) {
                self.skip(display, reason::HIDDEN);
                continue;
            }
            let Ok(meta) = fs::metadata(&path) else {
                self.skip(display, reason::BROKEN_LINK);
                continue;
            };
            if meta.is_dir() {
                let Some(canon) = self.enter(&path, &display) else {
                    continue;
                };
                root.subfolders.push(path.clone());
                let group = Some(path.clone());
                self.walk_dir(&path, &canon, &group, &mut root.files);
            } else if meta.is_file() {
                self.add_file(path, display, None, &mut root.files);
            } else {
                self.skip(display, reason::SPECIAL);
            }
        }
        Ok(root)
    }

    /// Marks a folder visited; `None` (and a skip) when it was seen before: a symlink loop or a
    /// second link to the same folder, which would otherwise count its documents twice.
    fn enter(&mut self, path: &Path, display: &str) -> Option<PathBuf> {
        let canon = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        if !self.visited.insert(canon.clone()) {
            // A link to one of its own ancestors is a loop; any other repeat is a second way in.
            let parent = path
                .parent()
                .and_then(|p| fs::canonicalize(p).ok())
                .unwrap_or_default();
            let why = if parent.starts_with(&canon) {
                reason::SYMLINK_LOOP
            } else {
                reason::SEEN
            };
            self.skip(display.to_string(), why);
            return None;
        }
        Some(canon)
    }

    fn walk_dir(
        &mut self,
        dir: &Path,
        _canon: &Path,
        group: &Option<PathBuf>,
        out: &mut Vec<Found>,
    ) {
        let entries = match read_dir_sorted(dir) {
            Ok(e) => e,
            Err(e) => {
                let why = format!("cannot read folder: {}", io_reason(&e));
                self.skipped.push(Skipped {
                    path: display_of(dir),
                    reason: why,
                });
                return;
            }
        };
        for (name, path) in entries {
            let display = display_of(&path);
            if is_hidden(&name) {
                self.skip(display, reason::HIDDEN);
                continue;
            }
            let Ok(meta) = fs::metadata(&path) else {
                self.skip(display, reason::BROKEN_LINK);
                continue;
            };
            if meta.is_dir() {
                if let Some(canon) = self.enter(&path, &display) {
                    self.walk_dir(&path, &canon, group, out);
                }
            } else if meta.is_file() {
                self.add_file(path, display, group.clone(), out);
            } else {
                self.skip(display, reason::SPECIAL);
            }
        }
    }

    fn add_file(
        &mut self,
        path: PathBuf,
        display: String,
        group: Option<PathBuf>,
        out: &mut Vec<Found>,
    ) {
        match classify(&path) {
            Ok(kind) => {
                let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                out.push(Found {
                    doc: DocEntry {
                        fs_path: path,
                        display,
                        kind,
                    },
                    canonical,
                    group,
                });
            }
            Err(why) => self.skip(display, why),
        }
    }

    fn skip(&mut self, path: String, why: &str) {
        self.skipped.push(Skipped {
            path,
            reason: why.to_string(),
        });
    }
}

fn read_dir_sorted(dir: &Path) -> std::io::Result<Vec<(std::ffi::OsString, PathBuf)>> {
    let mut entries: Vec<(std::ffi::OsString, PathBuf)> = Vec::new();
    for entry in fs::read_dir(dir)? {
        // An entry that vanishes or errors mid-listing is passed over, not fatal.
        let Ok(entry) = entry else { continue };
        entries.push((entry.file_name(), dir.join(entry.file_name())));
    }
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(entries)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        std::io::ErrorKind::NotFound => "not found".to_string(),
        _ => e.to_string(),
    }
}

fn group_by_folder(roots: &[Root]) -> Discovery {
    let mut suppliers: Vec<SupplierEntry> = Vec::new();
    for root in roots {
        if !root.is_dir {
            for f in &root.files {
                suppliers.push(SupplierEntry {
                    name: stem_or_name(&root.typed),
                    origin: root.display.clone(),
                    documents: vec![f.doc.clone()],
                });
            }
            continue;
        }
        let mut by_folder: BTreeMap<PathBuf, Vec<DocEntry>> = root
            .subfolders
            .iter()
            .map(|s| (s.clone(), Vec::new()))
            .collect();
        for f in &root.files {
            match &f.group {
                Some(folder) => by_folder
                    .entry(folder.clone())
                    .or_default()
                    .push(f.doc.clone()),
                None => suppliers.push(SupplierEntry {
                    name: stem_or_name(&f.doc.fs_path),
                    origin: f.doc.display.clone(),
                    documents: vec![f.doc.clone()],
                }),
            }
        }
        for (folder, mut documents) in by_folder {
            documents.sort_by(|a, b| a.display.cmp(&b.display));
            suppliers.push(SupplierEntry {
                name: folder
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| display_of(&folder)),
                origin: display_of(&folder),
                documents,
            });
        }
    }
    Discovery {
        suppliers,
        ..Discovery::default()
    }
}

/// Gives same-named suppliers from different places distinct names: first by the parent folder's
/// name (`acme (a)`, `acme (b)`), then by the full origin path, and as a last resort by number.
fn disambiguate(suppliers: &mut [SupplierEntry]) {
    let mut groups: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, s) in suppliers.iter().enumerate() {
        groups.entry(s.name.clone()).or_default().push(i);
    }
    for (name, idx) in groups {
        if idx.len() < 2 {
            continue;
        }
        let parent = |i: usize| -> String {
            let origin = Path::new(&suppliers[i].origin);
            origin
                .parent()
                .and_then(|p| {
                    let n = p.file_name().map(|n| n.to_string_lossy().into_owned());
                    // `scan acme.pdf` with no folder typed: the parent is the working folder.
                    n.or_else(|| {
                        fs::canonicalize(if p.as_os_str().is_empty() {
                            Path::new(".")
                        } else {
                            p
                        })
                        .ok()
                        .and_then(|c| c.file_name().map(|n| n.to_string_lossy().into_owned()))
                    })
                })
                .unwrap_or_default()
        };
        let parents: Vec<String> = idx.iter().map(|&i| parent(i)).collect();
        let distinct: HashSet<&String> = parents.iter().collect();
        let by_parent = distinct.len() == parents.len() && !parents.iter().any(String::is_empty);
        for (k, &i) in idx.iter().enumerate() {
            let tag = if by_parent {
                parents.get(k).cloned().unwrap_or_default()
            } else {
                suppliers[i].origin.clone()
            };
            suppliers[i].name = format!("{name} ({tag})");
        }
    }
    // Origins can coincide only in odd cases (the same file through two PATH spellings that
    // canonicalise differently); number whatever is still equal.
    let mut count: HashMap<String, usize> = HashMap::new();
    for s in suppliers.iter() {
        *count.entry(s.name.clone()).or_default() += 1;
    }
    let mut seen: HashMap<String, usize> = HashMap::new();
    for s in suppliers.iter_mut() {
        if count.get(&s.name).copied().unwrap_or(0) > 1 {
            let n = seen.entry(s.name.clone()).or_default();
            *n += 1;
            s.name = format!("{} #{}", s.name, n);
        }
    }
}

/// One row of a manifest: a path (canonical) and its supplier.
struct ManifestRow {
    canonical: PathBuf,
    display: String,
    supplier: String,
}

fn read_manifest(manifest: &Path) -> Result<Vec<ManifestRow>, DiscoverError> {
    let file = display_of(manifest);
    let bytes = fs::read(manifest).map_err(|e| DiscoverError::ManifestIo {
        file: file.clone(),
        reason: io_reason(&e),
    })?;
    let text = String::from_utf8(bytes).map_err(|_| DiscoverError::Manifest {
        file: file.clone(),
        line: 1,
        message: "not UTF-8 text (save it as CSV UTF-8)".to_string(),
    })?;
    let records =
        crate::report::csv::parse(&text).map_err(|(line, message)| DiscoverError::Manifest {
            file: file.clone(),
            line,
            message,
        })?;
    let bad = |line: usize, message: String| DiscoverError::Manifest {
        file: file.clone(),
        line,
        message,
    };
    let mut iter = records.into_iter();
    let Some((hline, header)) = iter.next() else {
        return Err(bad(
            1,
            "empty manifest: expected a header row `path,supplier`".into(),
        ));
    };
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (Some(pcol), Some(scol)) = (col("path"), col("supplier")) else {
        return Err(bad(
            hline,
            format!(
                "expected a header row `path,supplier`, found `{}`",
                header.join(",")
            ),
        ));
    };
    let base = manifest
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut rows = Vec::new();
    for (line, rec) in iter {
        if rec.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let path = rec.get(pcol).map(|s| s.trim()).unwrap_or("");
        let supplier = rec.get(scol).map(|s| s.trim()).unwrap_or("");
        if path.is_empty() || supplier.is_empty() {
            return Err(bad(line, "a row needs both a path and a supplier".into()));
        }
        let full = base.join(path);
        let canonical = fs::canonicalize(&full)
            .map_err(|_| bad(line, format!("path not found: {}", display_of(&full))))?;
        rows.push(ManifestRow {
            canonical,
            display: display_of(&full),
            supplier: supplier.to_string(),
        });
    }
    if rows.is_empty() {
        return Err(bad(hline, "the manifest lists no documents".into()));
    }
    Ok(rows)
}

fn group_by_manifest(roots: &[Root], manifest: &Path) -> Result<Discovery, DiscoverError> {
    let rows = read_manifest(manifest)?;
    let mut discovery = Discovery::default();
    let mut by_name: BTreeMap<String, SupplierEntry> = BTreeMap::new();
    for row in &rows {
        let inside = roots.iter().any(|r| {
            row.canonical.starts_with(&r.canonical) || r.canonical.starts_with(&row.canonical)
        });
        if !inside {
            discovery.warnings.push(format!(
                "manifest {}: {} is outside the scanned paths; ignored",
                display_of(manifest),
                row.display
            ));
            continue;
        }
        by_name
            .entry(row.supplier.clone())
            .or_insert_with(|| SupplierEntry {
                name: row.supplier.clone(),
                origin: row.display.clone(),
                documents: Vec::new(),
            });
    }
    let mut placed: HashSet<PathBuf> = HashSet::new();
    for root in roots {
        for f in &root.files {
            // The most specific row wins: a file row beats the folder row above it.
            let best = rows
                .iter()
                .filter(|r| f.canonical.starts_with(&r.canonical))
                .max_by_key(|r| r.canonical.components().count());
            match best.and_then(|r| by_name.get_mut(&r.supplier)) {
                Some(s) => {
                    if placed.insert(f.canonical.clone()) {
                        s.documents.push(f.doc.clone());
                    }
                }
                None => discovery.skipped.push(Skipped {
                    path: f.doc.display.clone(),
                    reason: reason::NOT_IN_MANIFEST.to_string(),
                }),
            }
        }
    }
    for mut s in by_name.into_values() {
        s.documents.sort_by(|a, b| a.display.cmp(&b.display));
        discovery.suppliers.push(s);
    }
    Ok(discovery)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classify_by_extension() {
        assert_eq!(
            classify(Path::new("a/B.PDF")),
            Ok(DocKind::Supported(Format::Pdf))
        );
        assert_eq!(
            classify(Path::new("a/old.doc")),
            Ok(DocKind::Unsupported("doc".into()))
        );
        assert_eq!(
            classify(Path::new("a/prices.csv")),
            Err(reason::UNSUPPORTED_TYPE)
        );
        assert_eq!(
            classify(Path::new("a/README")),
            Err(reason::UNSUPPORTED_TYPE)
        );
        assert_eq!(classify(Path::new("a/~$dpa.docx")), Err(reason::LOCK_FILE));
    }

    #[test]
    fn same_names_get_parent_folder() {
        let mk = |name: &str, origin: &str| SupplierEntry {
            name: name.into(),
            origin: origin.into(),
            documents: Vec::new(),
        };
        let mut s = vec![
            mk("acme", "x/a/acme"),
            mk("acme", "x/b/acme"),
            mk("beta", "x/a/beta"),
        ];
        disambiguate(&mut s);
        let names: Vec<_> = s.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["acme (a)", "acme (b)", "beta"]);

        let mut s = vec![mk("acme", "corpus/acme.pdf"), mk("acme", "corpus/acme")];
        disambiguate(&mut s);
        assert_eq!(s[0].name, "acme (corpus/acme.pdf)");
        assert_eq!(s[1].name, "acme (corpus/acme)");
    }
}
