//! Reporters: render a [`crate::model::ScanResult`] as table, JSON, CSV, Markdown, SARIF or HTML,
//! and one supplier's verdicts with evidence for `explain`. They know nothing of extraction or
//! matching; the helpers here (counts, short codes) keep the formats telling the same story.

pub mod csv;
pub mod explain;
pub mod html;
pub mod json;
pub mod markdown;
pub mod sarif;
pub mod table;

use crate::model::{DocStatus, RequirementInfo, ScanResult, Severity, SupplierResult, Verdict};

/// How many results of a supplier have each verdict.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub covered: usize,
    pub partial: usize,
    pub missing: usize,
    pub conflict: usize,
    pub unknown: usize,
}

impl Counts {
    pub fn of(s: &SupplierResult) -> Counts {
        let mut c = Counts::default();
        for r in &s.results {
            *c.get_mut(r.verdict) += 1;
        }
        c
    }

    pub fn get(&self, v: Verdict) -> usize {
        match v {
            Verdict::Covered => self.covered,
            Verdict::Partial => self.partial,
            Verdict::Missing => self.missing,
            Verdict::Conflict => self.conflict,
            Verdict::Unknown => self.unknown,
        }
    }

    fn get_mut(&mut self, v: Verdict) -> &mut usize {
        match v {
            Verdict::Covered => &mut self.covered,
            Verdict::Partial => &mut self.partial,
            Verdict::Missing => &mut self.missing,
            Verdict::Conflict => &mut self.conflict,
            Verdict::Unknown => &mut self.unknown,
        }
    }
}

/// The requirements of one family, in catalogue order, with their position in `requirements`.
#[derive(Debug, Clone)]
pub struct Family<'a> {
    pub name: String,
    /// Short prefix of the column codes (`G` for GENAI when no other family starts with G).
    pub short: String,
    pub members: Vec<(usize, &'a RequirementInfo)>,
}

/// Families in the order they first appear in the catalogue.
pub fn families(requirements: &[RequirementInfo]) -> Vec<Family<'_>> {
    let mut out: Vec<Family<'_>> = Vec::new();
    for (i, r) in requirements.iter().enumerate() {
        match out.iter_mut().find(|f| f.name == r.family) {
            Some(f) => f.members.push((i, r)),
            None => out.push(Family {
                name: r.family.clone(),
                short: String::new(),
                members: vec![(i, r)],
            }),
        }
    }
    // The shortest prefix length that tells all families apart.
    let names: Vec<Vec<char>> = out.iter().map(|f| f.name.chars().collect()).collect();
    let longest = names.iter().map(Vec::len).max().unwrap_or(1);
    let mut k = 1;
    while k < longest {
        let prefixes: std::collections::HashSet<String> =
            names.iter().map(|n| n.iter().take(k).collect()).collect();
        if prefixes.len() == names.len() {
            break;
        }
        k += 1;
    }
    for (f, n) in out.iter_mut().zip(&names) {
        f.short = n.iter().take(k).collect::<String>().to_uppercase();
    }
    out
}

/// The requirement ID without its family prefix (`DP-BREACH` → `BREACH`), for compact legends.
pub fn short_id(r: &RequirementInfo) -> &str {
    r.id.strip_prefix(r.family.as_str())
        .and_then(|s| s.strip_prefix('-'))
        .filter(|s| !s.is_empty())
        .unwrap_or(&r.id)
}

/// What a result without evidence means when the engine gave no note of its own.
pub fn no_evidence_reason(v: crate::model::Verdict) -> &'static str {
    match v {
        crate::model::Verdict::Missing => "nothing in the documents addresses it",
        crate::model::Verdict::Unknown => "nothing found, and a document could not be read",
        _ => "",
    }
}

pub fn severity_str(s: Severity) -> &'static str {
    match s {
        Severity::Must => "must",
        Severity::Should => "should",
    }
}

pub fn status_str(s: DocStatus) -> &'static str {
    match s {
        DocStatus::Ok => "ok",
        DocStatus::Unreadable => "unreadable",
        DocStatus::Error => "error",
    }
}

/// Documents that could not be read (or were read only in part), with the supplier they belong to.
pub fn problem_documents(result: &ScanResult) -> Vec<(&str, &crate::model::DocumentInfo)> {
    result
        .suppliers
        .iter()
        .flat_map(|s| {
            s.documents
                .iter()
                .filter(|d| d.status != DocStatus::Ok || d.message.is_some())
                .map(move |d| (s.name.as_str(), d))
        })
        .collect()
}

/// A summary of `skipped` by reason: `3 hidden, 2 unsupported type`.
pub fn skipped_summary(result: &ScanResult) -> Option<String> {
    if result.skipped.is_empty() {
        return None;
    }
    let mut by: Vec<(String, usize)> = Vec::new();
    for s in &result.skipped {
        match by.iter_mut().find(|(r, _)| *r == s.reason) {
            Some((_, n)) => *n += 1,
            None => by.push((s.reason.clone(), 1)),
        }
    }
    by.sort();
    let parts: Vec<String> = by.iter().map(|(r, n)| format!("{n} {r}")).collect();
    Some(format!(
        "{} file{} skipped ({})",
        result.skipped.len(),
        if result.skipped.len() == 1 { "" } else { "s" },
        parts.join(", ")
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(id: &str, family: &str) -> RequirementInfo {
        RequirementInfo {
            id: id.into(),
            title: id.into(),
            family: family.into(),
            severity: Severity::Must,
        }
    }

    #[test]
    fn family_prefixes_are_distinct() {
        let reqs = vec![
            req("GENAI-A", "GENAI"),
            req("DP-B", "DP"),
            req("DATA-C", "DATA"),
        ];
        let f = families(&reqs);
        let shorts: Vec<_> = f.iter().map(|f| f.short.as_str()).collect();
        assert_eq!(shorts, ["GE", "DP", "DA"]);
        assert_eq!(short_id(&reqs[1]), "B");
        assert_eq!(short_id(&req("X", "DP")), "X");
    }
}
