//! The clause engine: compiles the library into one matcher, finds what each document says
//! (`analyse`, per document, parallel-safe), and judges each supplier per requirement
//! (`judge`, aggregation over the supplier's documents). (Stub: being written.)

use crate::library::{Library, Profile};
use crate::model::{
    DocStatus, Document, DocumentInfo, RequirementInfo, RequirementResult, Verdict,
};

/// How strictly DP-BREACH reads "without undue delay" (requirements.md, DP-BREACH).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BreachDeadline {
    #[default]
    Strict,
    Statutory,
}

impl BreachDeadline {
    pub fn parse(s: &str) -> Option<BreachDeadline> {
        match s {
            "strict" => Some(BreachDeadline::Strict),
            "statutory" => Some(BreachDeadline::Statutory),
            _ => None,
        }
    }
}

/// Settings that change verdicts.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    /// Overrides the profile's `breach_deadline` when set.
    pub breach_deadline: Option<BreachDeadline>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EngineError {
    #[error("unknown profile '{0}' (see `clausescan clauses list`)")]
    UnknownProfile(String),
}

/// What one document says, per requirement: produced by [`Engine::analyse`].
#[derive(Debug, Clone, Default)]
pub struct DocFindings {}

/// One document of a supplier as [`Engine::judge`] sees it.
pub struct DocOutcome<'a> {
    pub info: &'a DocumentInfo,
    /// `None` when the document could not be read.
    pub findings: Option<&'a DocFindings>,
}

pub struct Engine {
    profile: Profile,
}

impl Engine {
    pub fn new(
        library: &Library,
        profile: &str,
        _settings: &Settings,
    ) -> Result<Engine, EngineError> {
        let profile = library
            .profile(profile)
            .cloned()
            .ok_or_else(|| EngineError::UnknownProfile(profile.to_string()))?;
        Ok(Engine { profile })
    }

    pub fn profile_name(&self) -> &str {
        &self.profile.name
    }

    /// The requirements of the profile, in catalogue order, with their severity.
    pub fn requirements(&self) -> Vec<RequirementInfo> {
        Vec::new()
    }

    /// Everything one document says. `path` is the display path used in evidence.
    pub fn analyse(&self, _doc: &Document, _path: &str) -> DocFindings {
        DocFindings::default()
    }

    /// The verdict per requirement of the profile, in catalogue order, for one supplier.
    pub fn judge(&self, docs: &[DocOutcome<'_>]) -> Vec<RequirementResult> {
        let unreadable = docs.iter().any(|d| d.info.status != DocStatus::Ok);
        self.requirements()
            .into_iter()
            .map(|r| RequirementResult {
                id: r.id,
                verdict: if unreadable {
                    Verdict::Unknown
                } else {
                    Verdict::Missing
                },
                evidence: Vec::new(),
                note: None,
            })
            .collect()
    }
}
