//! The clause library: loads and validates the clause files (TOML) of `clauses/`, compiled into the
//! binary, plus a user's own folder (`--clauses DIR`); profiles. (Stub: being written.)

use std::path::Path;

use crate::model::Severity;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LibraryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// A requirement set with severities.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub description: String,
    pub breach_deadline: crate::engine::BreachDeadline,
    /// Requirement IDs with their severity, in catalogue order.
    pub requirements: Vec<(String, Severity)>,
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    pub profiles: Vec<Profile>,
}

impl Library {
    /// The built-in library compiled into the binary.
    pub fn builtin() -> Result<Library, LibraryError> {
        Ok(Library::default())
    }

    /// The built-in library extended (or, with `with_builtin == false`, replaced) by the files in `dir`.
    pub fn load(_dir: &Path, _with_builtin: bool) -> Result<Library, LibraryError> {
        Ok(Library::default())
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }
}
