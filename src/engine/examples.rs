//! Runs the worked examples of the clause library (`clausescan clauses test`, and `cargo test`):
//! each example is read as a one-document supplier and must produce its stated verdict.

use crate::extract::{plain, Limits};
use crate::library::{Example, Library};
use crate::model::{DocStatus, DocumentInfo, Verdict};
use crate::text::clean;

use super::{BreachDeadline, DocOutcome, Engine, EngineError};

/// The outcome of one example.
#[derive(Debug, Clone)]
pub struct ExampleOutcome {
    pub requirement: String,
    pub file: String,
    pub line: usize,
    pub text: String,
    pub expected: Verdict,
    pub got: Verdict,
    pub note: Option<String>,
}

impl ExampleOutcome {
    pub fn passed(&self) -> bool {
        self.expected == self.got
    }
}

/// Runs every example of `library` (only those of `only` when given).
pub fn run(library: &Library, only: Option<&str>) -> Result<Vec<ExampleOutcome>, EngineError> {
    let ids: Vec<&str> = library.requirements.iter().map(|r| r.id.as_str()).collect();
    if let Some(id) = only {
        if library.requirement(id).is_none() {
            return Err(EngineError::UnknownRequirement(id.to_string()));
        }
    }
    let strict = Engine::for_requirements(library, &ids, BreachDeadline::Strict)?;
    let statutory = Engine::for_requirements(library, &ids, BreachDeadline::Statutory)?;
    let mut out = Vec::new();
    for (ri, req) in library.requirements.iter().enumerate() {
        if only.is_some_and(|id| id != req.id) {
            continue;
        }
        for ex in &req.examples {
            let engine = match ex.breach_deadline {
                Some(BreachDeadline::Statutory) => &statutory,
                _ => &strict,
            };
            let result = judge_example(engine, ri, ex);
            out.push(ExampleOutcome {
                requirement: req.id.clone(),
                file: req.file.clone(),
                line: ex.line,
                text: ex.text.clone(),
                expected: ex.verdict,
                got: result.verdict,
                note: result.note,
            });
        }
    }
    Ok(out)
}

fn judge_example(engine: &Engine, ri: usize, ex: &Example) -> crate::model::RequirementResult {
    let mut doc = plain::extract(ex.text.as_bytes(), &Limits::default()).unwrap_or_default();
    doc.title = ex.title.clone();
    let doc = clean(doc);
    let findings = engine.analyse(&doc, "example.txt");
    let info = DocumentInfo {
        path: "example.txt".into(),
        format: "txt".into(),
        pages: None,
        status: DocStatus::Ok,
        message: None,
    };
    super::judge::judge_one(
        engine,
        ri,
        &[DocOutcome {
            info: &info,
            findings: Some(&findings),
        }],
    )
}
