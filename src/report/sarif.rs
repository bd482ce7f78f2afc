//! `--format sarif`: SARIF 2.1.0 for code-scanning UIs. Rules are the requirements; every result
//! that is not covered is a SARIF result (`error` for `must`, `warning` for `should`), located at
//! its first evidence (path and page) or, without evidence, at the supplier's first document.

use serde_json::{json, Value};

use super::severity_str;
use crate::model::{ScanResult, Severity, Verdict};

/// Percent-encodes a relative path for a SARIF `uri` (keeps `/` and unreserved characters).
pub fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let mut out = String::new();
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(char::from(b))
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub fn render(result: &ScanResult) -> String {
    let rules: Vec<Value> = result
        .requirements
        .iter()
        .map(|r| {
            json!({
                "id": r.id,
                "name": r.id,
                "shortDescription": { "text": r.title },
                "defaultConfiguration": { "level": level(r.severity) },
                "properties": { "family": r.family, "severity": severity_str(r.severity) },
            })
        })
        .collect();
    let mut results = Vec::new();
    for s in &result.suppliers {
        for r in &s.results {
            if r.verdict == Verdict::Covered {
                continue;
            }
            let Some((index, info)) = result
                .requirements
                .iter()
                .enumerate()
                .find(|(_, q)| q.id == r.id)
            else {
                continue;
            };
            let evidence = r.evidence.first();
            let path = evidence
                .map(|e| e.path.clone())
                .or_else(|| s.documents.first().map(|d| d.path.clone()));
            let mut message = format!("{}: {} is {}", s.name, r.id, r.verdict.as_str());
            if let Some(n) = &r.note {
                message.push_str(&format!(" — {n}"));
            }
            if let Some(e) = evidence {
                message.push_str(&format!(" (\"{}\")", e.text));
            }
            let mut res = json!({
                "ruleId": r.id,
                "ruleIndex": index,
                "level": level(info.severity),
                "message": { "text": message },
                "partialFingerprints": { "supplierRequirement/v1": format!("{}/{}", s.name, r.id) },
                "properties": {
                    "supplier": s.name,
                    "verdict": r.verdict.as_str(),
                    "page": evidence.and_then(|e| e.page),
                    "paragraph": evidence.map(|e| e.paragraph),
                    "clause": evidence.and_then(|e| e.clause.clone()),
                },
            });
            if let (Some(p), Some(obj)) = (path, res.as_object_mut()) {
                obj.insert(
                    "locations".into(),
                    json!([{ "physicalLocation": { "artifactLocation": { "uri": uri(&p) } } }]),
                );
            }
            results.push(res);
        }
    }
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": result.tool.name,
                "version": result.tool.version,
                "rules": rules,
            }},
            "properties": { "profile": result.profile },
            "results": results,
        }],
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Must => "error",
        Severity::Should => "warning",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn uri_encodes() {
        assert_eq!(
            super::uri("corpus/a b/dpa (1).pdf"),
            "corpus/a%20b/dpa%20%281%29.pdf"
        );
        assert_eq!(super::uri("c/geëist.pdf"), "c/ge%C3%ABist.pdf");
    }
}
