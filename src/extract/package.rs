//! Reading parts of a zip package (DOCX, ODT) from untrusted bytes: the entry count, the total
//! decompressed size and the per-entry compression ratio are checked while inflating, not taken
//! from the (forgeable) sizes in the zip directory.

use std::io::{Cursor, Read};

use super::{ExtractError, Limits};

/// More entries than any real office document has; a zip with more is hostile or not a document.
const MAX_ENTRIES: usize = 20_000;
/// The ratio limit only applies above this size: small XML parts compress very well and are harmless.
const RATIO_FLOOR: u64 = 1024 * 1024;

/// An opened zip package with a decompression budget shared by all parts read from it.
pub struct Package<'a> {
    archive: zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: Limits,
    spent: u64,
}

impl<'a> Package<'a> {
    /// Opens `bytes` as a zip; `kind` ("DOCX", "ODT") names the format in the error.
    pub fn open(bytes: &'a [u8], limits: &Limits, kind: &str) -> Result<Self, ExtractError> {
        let archive = zip::ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| ExtractError::Corrupt(format!("not a {kind} package: {e}")))?;
        if archive.len() > MAX_ENTRIES {
            return Err(ExtractError::Limit(format!(
                "zip has {} entries, over {MAX_ENTRIES}",
                archive.len()
            )));
        }
        Ok(Package {
            archive,
            limits: limits.clone(),
            spent: 0,
        })
    }

    /// True when the package has an entry called `name`.
    pub fn contains(&self, name: &str) -> bool {
        self.archive.index_for_name(name).is_some()
    }

    /// The decompressed bytes of part `name`, `Ok(None)` when there is no such part.
    pub fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ExtractError> {
        let Some(index) = self.archive.index_for_name(name) else {
            return Ok(None);
        };
        let max_total = self.limits.max_decompressed_bytes;
        let max_ratio = self.limits.max_zip_ratio.max(1);
        let mut entry = self
            .archive
            .by_index(index)
            .map_err(|e| ExtractError::Corrupt(format!("cannot open {name} in the zip: {e}")))?;
        let compressed = entry.compressed_size().max(1);
        let declared = entry.size();
        let mut out = Vec::with_capacity(declared.min(16 * 1024 * 1024) as usize);
        let mut buf = [0u8; 64 * 1024];
        loop {
            let n = entry
                .read(&mut buf)
                .map_err(|e| ExtractError::Corrupt(format!("cannot inflate {name}: {e}")))?;
            if n == 0 {
                break;
            }
            self.spent += n as u64;
            if self.spent > max_total {
                return Err(ExtractError::Limit(format!(
                    "decompressed size over {} MiB (zip bomb?)",
                    max_total / (1024 * 1024)
                )));
            }
            let got = out.len() as u64 + n as u64;
            if got > RATIO_FLOOR && got / compressed > max_ratio {
                return Err(ExtractError::Limit(format!(
                    "compression ratio of {name} over {max_ratio}:1 (zip bomb?)"
                )));
            }
            out.extend_from_slice(buf.get(..n).unwrap_or_default());
        }
        Ok(Some(out))
    }
}
