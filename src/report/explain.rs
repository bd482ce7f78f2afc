//! `explain`: one supplier's verdicts, requirement by requirement, with every piece of evidence
//! (file, page, paragraph, clause, the sentence, the matched terms and the element it meets) and
//! the note saying what is lacking or wrong.

use super::{severity_str, status_str};
use crate::model::{DocStatus, Evidence, Role, ScanResult, Verdict};

fn role_str(r: Role) -> &'static str {
    match r {
        Role::Covers => "covers",
        Role::Partial => "partial",
        Role::Conflict => "conflict",
    }
}

/// `corpus/acme/dpa.pdf, page 3, paragraph 41, clause 7.2`
pub fn location(e: &Evidence) -> String {
    let mut s = e.path.clone();
    if let Some(p) = e.page {
        s.push_str(&format!(", page {p}"));
    }
    s.push_str(&format!(", paragraph {}", e.paragraph));
    if let Some(c) = &e.clause {
        s.push_str(&format!(", clause {c}"));
    }
    s
}

pub fn render_text(result: &ScanResult) -> String {
    let mut out = String::new();
    for s in &result.suppliers {
        out.push_str(&format!(
            "{} — profile {}, {} document{}\n",
            s.name,
            result.profile,
            s.documents.len(),
            if s.documents.len() == 1 { "" } else { "s" }
        ));
        for d in &s.documents {
            out.push_str(&format!(
                "  {} ({}{}) {}{}\n",
                d.path,
                d.format,
                d.pages.map(|p| format!(", {p} pages")).unwrap_or_default(),
                status_str(d.status),
                d.message
                    .as_deref()
                    .map(|m| format!(": {m}"))
                    .unwrap_or_default()
            ));
        }
        for info in &result.requirements {
            let Some(r) = s.results.iter().find(|r| r.id == info.id) else {
                continue;
            };
            out.push_str(&format!(
                "\n{} {}  {}  [{}]\n  verdict: {}\n",
                r.verdict.symbol(),
                info.id,
                info.title,
                severity_str(info.severity),
                r.verdict.as_str()
            ));
            match (&r.note, r.verdict) {
                (Some(n), _) => out.push_str(&format!("  note: {n}\n")),
                // Say what the verdict means when the engine had nothing to add.
                (None, Verdict::Missing) => {
                    out.push_str("  note: nothing in the documents addresses this requirement\n")
                }
                (None, Verdict::Unknown) => {
                    let unread: Vec<&str> = s
                        .documents
                        .iter()
                        .filter(|d| d.status != DocStatus::Ok || d.message.is_some())
                        .map(|d| d.path.as_str())
                        .collect();
                    out.push_str(&format!(
                        "  note: nothing found, but not every document could be read ({})\n",
                        unread.join(", ")
                    ));
                }
                _ => {}
            }
            if r.evidence.is_empty() {
                out.push_str("  evidence: none found\n");
            }
            for e in &r.evidence {
                out.push_str(&format!("  - {} [{}]", location(e), role_str(e.role)));
                if let Some(el) = &e.element {
                    out.push_str(&format!(" element {el}"));
                }
                if !e.terms.is_empty() {
                    out.push_str(&format!("; terms: {}", e.terms.join(", ")));
                }
                out.push_str(&format!(
                    "\n    “{}”\n",
                    e.text.split_whitespace().collect::<Vec<_>>().join(" ")
                ));
            }
        }
    }
    out
}
