//! Baselines for CI: accepted gaps from a previous JSON output or a `supplier,id,verdict` CSV, and
//! the `--fail-on` gate that consults them (interface.md: only `must` results count; a result is
//! baselined when supplier and id match and its verdict ranks at or below the baselined one).

use std::collections::HashMap;
use std::path::Path;

use crate::model::{ScanResult, Severity, Verdict};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BaselineError {
    #[error("cannot read baseline {file}: {reason}")]
    Io { file: String, reason: String },
    #[error("baseline {file}:{line}: {message}")]
    Invalid {
        file: String,
        line: usize,
        message: String,
    },
}

/// Accepted verdicts per (supplier, requirement id).
#[derive(Debug, Clone, Default)]
pub struct Baseline {
    accepted: HashMap<(String, String), Verdict>,
}

impl Baseline {
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let file = path.to_string_lossy().into_owned();
        let bytes = std::fs::read(path).map_err(|e| BaselineError::Io {
            file: file.clone(),
            reason: e.to_string(),
        })?;
        let text = String::from_utf8(bytes).map_err(|_| BaselineError::Invalid {
            file: file.clone(),
            line: 1,
            message: "not UTF-8 text".into(),
        })?;
        let body = text.trim_start_matches('\u{feff}').trim_start();
        if body.starts_with('{') {
            Self::from_json(body, &file)
        } else {
            Self::from_csv(&text, &file)
        }
    }

    /// A previous `--format json` output. Read leniently (only supplier names, ids and verdicts),
    /// so an output of a newer clausescan with extra fields still works.
    fn from_json(text: &str, file: &str) -> Result<Baseline, BaselineError> {
        let invalid = |line: usize, message: String| BaselineError::Invalid {
            file: file.to_string(),
            line,
            message,
        };
        let value: serde_json::Value = serde_json::from_str(text)
            .map_err(|e| invalid(e.line(), format!("not valid JSON: {e}")))?;
        let Some(suppliers) = value.get("suppliers").and_then(|s| s.as_array()) else {
            return Err(invalid(
                1,
                "no `suppliers` array: not a clausescan JSON output".into(),
            ));
        };
        let mut b = Baseline::default();
        for s in suppliers {
            let Some(name) = s.get("name").and_then(|n| n.as_str()) else {
                return Err(invalid(1, "a supplier without a `name`".into()));
            };
            for r in s
                .get("results")
                .and_then(|r| r.as_array())
                .into_iter()
                .flatten()
            {
                let id = r.get("id").and_then(|i| i.as_str());
                let verdict = r
                    .get("verdict")
                    .and_then(|v| v.as_str())
                    .and_then(Verdict::parse);
                match (id, verdict) {
                    (Some(id), Some(v)) => b.accept(name, id, v),
                    _ => {
                        return Err(invalid(
                            1,
                            format!(
                                "supplier '{name}' has a result without a valid id and verdict"
                            ),
                        ))
                    }
                }
            }
        }
        Ok(b)
    }

    /// A CSV with a header naming the columns `supplier`, `id` (or `requirement`) and `verdict`,
    /// in any order (so a `--format csv` report works too), or, without a header, those three in
    /// that order.
    fn from_csv(text: &str, file: &str) -> Result<Baseline, BaselineError> {
        let invalid = |line: usize, message: String| BaselineError::Invalid {
            file: file.to_string(),
            line,
            message,
        };
        let records = crate::report::csv::parse(text).map_err(|(l, m)| invalid(l, m))?;
        let mut iter = records.into_iter().peekable();
        let mut cols = (0usize, 1usize, 2usize);
        if let Some((_, header)) = iter.peek() {
            let find = |names: &[&str]| {
                header
                    .iter()
                    .position(|h| names.iter().any(|n| h.trim().eq_ignore_ascii_case(n)))
            };
            if let (Some(s), Some(i), Some(v)) = (
                find(&["supplier"]),
                find(&["id", "requirement"]),
                find(&["verdict"]),
            ) {
                cols = (s, i, v);
                iter.next();
            }
        }
        let mut b = Baseline::default();
        for (line, rec) in iter {
            let get = |i: usize| rec.get(i).map(|s| s.trim()).unwrap_or("");
            let (supplier, id, verdict) = (get(cols.0), get(cols.1), get(cols.2));
            if supplier.is_empty() || id.is_empty() {
                return Err(invalid(line, "expected `supplier,id,verdict`".into()));
            }
            let Some(v) = Verdict::parse(verdict) else {
                return Err(invalid(
                    line,
                    format!("unknown verdict '{verdict}' (covered, partial, missing, conflict, unknown)"),
                ));
            };
            b.accept(supplier, id, v);
        }
        Ok(b)
    }

    fn accept(&mut self, supplier: &str, id: &str, verdict: Verdict) {
        // The same pair twice: the most lenient entry wins, as an accepted gap is a permission.
        let e = self
            .accepted
            .entry((supplier.to_string(), id.to_string()))
            .or_insert(verdict);
        if verdict.rank() > e.rank() {
            *e = verdict;
        }
    }

    pub fn len(&self) -> usize {
        self.accepted.len()
    }

    pub fn is_empty(&self) -> bool {
        self.accepted.is_empty()
    }

    /// True when this result is an accepted gap.
    pub fn covers(&self, supplier: &str, id: &str, verdict: Verdict) -> bool {
        self.accepted
            .get(&(supplier.to_string(), id.to_string()))
            .is_some_and(|b| verdict.rank() <= b.rank())
    }
}

/// One result that trips the gate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub supplier: String,
    pub id: String,
    pub verdict: Verdict,
}

/// The results of `must` requirements, not in the baseline, that rank at or above `threshold`.
pub fn failures(
    result: &ScanResult,
    threshold: Verdict,
    baseline: Option<&Baseline>,
) -> Vec<Failure> {
    let must = |id: &str| {
        result
            .requirements
            .iter()
            .any(|r| r.id == id && r.severity == Severity::Must)
    };
    let mut out = Vec::new();
    for s in &result.suppliers {
        for r in &s.results {
            if r.verdict.rank() < threshold.rank() || !must(&r.id) {
                continue;
            }
            if baseline.is_some_and(|b| b.covers(&s.name, &r.id, r.verdict)) {
                continue;
            }
            out.push(Failure {
                supplier: s.name.clone(),
                id: r.id.clone(),
                verdict: r.verdict,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn result() -> ScanResult {
        let req = |id: &str, severity| RequirementInfo {
            id: id.into(),
            title: id.into(),
            family: "DP".into(),
            severity,
        };
        let res = |id: &str, verdict| RequirementResult {
            id: id.into(),
            verdict,
            evidence: vec![],
            note: None,
        };
        ScanResult {
            schema_version: 1,
            tool: ToolInfo {
                name: "clausescan".into(),
                version: "0".into(),
            },
            profile: "p".into(),
            requirements: vec![
                req("A", Severity::Must),
                req("B", Severity::Should),
                req("C", Severity::Must),
            ],
            suppliers: vec![SupplierResult {
                name: "acme".into(),
                documents: vec![],
                results: vec![
                    res("A", Verdict::Partial),
                    res("B", Verdict::Conflict),
                    res("C", Verdict::Unknown),
                ],
            }],
            skipped: vec![],
        }
    }

    #[test]
    fn gate_counts_only_must_and_ranks() {
        let r = result();
        let ids = |t| {
            failures(&r, t, None)
                .into_iter()
                .map(|f| f.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(Verdict::Partial), ["A", "C"]);
        assert_eq!(ids(Verdict::Missing), ["C"]);
        assert_eq!(ids(Verdict::Unknown), ["C"]);
        assert!(ids(Verdict::Conflict).is_empty());
    }

    #[test]
    fn baseline_accepts_at_or_below() {
        let r = result();
        let b = Baseline::from_csv(
            "supplier,id,verdict\nacme,A,missing\nacme,C,partial\n",
            "b.csv",
        )
        .unwrap_or_default();
        let f = failures(&r, Verdict::Partial, Some(&b));
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].id, "C");
        let json = serde_json::to_string(&r).unwrap_or_default();
        let b = Baseline::from_json(&json, "b.json").unwrap_or_default();
        assert!(failures(&r, Verdict::Partial, Some(&b)).is_empty());
        assert!(Baseline::from_csv("acme,A,great\n", "b.csv").is_err());
    }
}
