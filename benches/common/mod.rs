//! What the benchmarks share: the folders to read, from the command line or a default.

use std::path::PathBuf;

/// The folders named on the command line (cargo's own `--bench`-style flags left out), else
/// `default`.
pub fn folders(default: &[&str]) -> Vec<PathBuf> {
    let args: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .collect();
    if args.is_empty() {
        default.iter().map(PathBuf::from).collect()
    } else {
        args
    }
}
