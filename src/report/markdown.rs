//! `--format markdown`: a report a procurement officer can forward: a summary table, then per
//! supplier its documents, its gaps with the note and the evidence, and what is covered.

use super::{families, severity_str, skipped_summary, status_str, Counts};
use crate::model::{Evidence, ScanResult, Verdict};

/// Escapes text so Markdown shows it literally (contract text is full of `*`, `_` and `|`).
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// `path, p. 3, ¶ 41, clause 7.2` for one piece of evidence.
pub fn location(e: &Evidence) -> String {
    let mut parts = vec![format!("`{}`", e.path.replace('`', "'"))];
    if let Some(p) = e.page {
        parts.push(format!("p. {p}"));
    }
    parts.push(format!("¶ {}", e.paragraph));
    if let Some(c) = &e.clause {
        parts.push(format!("clause {}", escape(c)));
    }
    parts.join(", ")
}

pub fn render(result: &ScanResult) -> String {
    let mut out = String::new();
    out.push_str("# Clause check of supplier documents\n\n");
    out.push_str(&format!(
        "Profile `{}` · {} suppliers · {} requirements · {} {}\n\n",
        result.profile,
        result.suppliers.len(),
        result.requirements.len(),
        result.tool.name,
        result.tool.version
    ));
    out.push_str("✓ covered · ~ partial · ✗ missing · ! conflict (red flag) · ? unknown (a document could not be read)\n\n");

    out.push_str("## Summary\n\n| Supplier | ✓ | ~ | ✗ | ! | ? | Gaps in `must` requirements |\n|---|--:|--:|--:|--:|--:|---|\n");
    for s in &result.suppliers {
        let c = Counts::of(s);
        let gaps: Vec<String> = s
            .results
            .iter()
            .filter(|r| r.verdict != Verdict::Covered && is_must(result, &r.id))
            .map(|r| format!("{} {}", r.verdict.symbol(), escape(&r.id)))
            .collect();
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} |\n",
            escape(&s.name),
            c.covered,
            c.partial,
            c.missing,
            c.conflict,
            c.unknown,
            if gaps.is_empty() {
                "none".to_string()
            } else {
                gaps.join(", ")
            }
        ));
    }
    out.push('\n');

    for s in &result.suppliers {
        out.push_str(&format!("## {}\n\n", escape(&s.name)));
        out.push_str("Documents:\n\n");
        for d in &s.documents {
            let pages = d.pages.map(|p| format!(", {p} pages")).unwrap_or_default();
            let msg = d
                .message
                .as_deref()
                .map(|m| format!(": {}", escape(m)))
                .unwrap_or_default();
            out.push_str(&format!(
                "- `{}` ({}{}) — {}{}\n",
                d.path.replace('`', "'"),
                d.format,
                pages,
                status_str(d.status),
                msg
            ));
        }
        if s.documents.is_empty() {
            out.push_str("- none\n");
        }
        out.push('\n');
        let mut covered = Vec::new();
        // Verdicts with nothing more to say than their name are listed on one line each, so the
        // sections that need reading (partial, conflict, anything with a note) stand out.
        let mut bare: Vec<(Verdict, Option<String>, Vec<String>)> = Vec::new();
        let mut gaps = 0;
        for f in families(&result.requirements) {
            for (_, info) in &f.members {
                let Some(r) = s.results.iter().find(|r| r.id == info.id) else {
                    continue;
                };
                if r.verdict == Verdict::Covered {
                    covered.push(escape(&r.id));
                    continue;
                }
                gaps += 1;
                if r.evidence.is_empty() {
                    let should = if info.severity == crate::model::Severity::Should {
                        " (should)"
                    } else {
                        ""
                    };
                    let id = format!("{}{should}", escape(&r.id));
                    match bare
                        .iter_mut()
                        .find(|(v, n, _)| *v == r.verdict && *n == r.note)
                    {
                        Some((_, _, ids)) => ids.push(id),
                        None => bare.push((r.verdict, r.note.clone(), vec![id])),
                    }
                    continue;
                }
                out.push_str(&format!(
                    "### {} {} — {} ({}, {})\n\n",
                    r.verdict.symbol(),
                    escape(&r.id),
                    escape(&info.title),
                    r.verdict.as_str(),
                    severity_str(info.severity)
                ));
                if let Some(n) = &r.note {
                    out.push_str(&format!("{}\n\n", escape(n)));
                }
                for e in &r.evidence {
                    out.push_str(&format!(
                        "> {} — {} ({})\n\n",
                        escape(&e.text),
                        location(e),
                        role_str(e.role)
                    ));
                }
            }
        }
        // Same verdict, same note, no evidence: one line for the lot.
        for (v, note, ids) in &bare {
            let why = match note {
                Some(n) => escape(n),
                None => super::no_evidence_reason(*v).to_string(),
            };
            out.push_str(&format!(
                "{} **{}**: {}  \n_{}_\n\n",
                v.symbol(),
                v.as_str(),
                ids.join(", "),
                why
            ));
        }
        if gaps == 0 {
            out.push_str("No gaps.\n\n");
        }
        if !covered.is_empty() {
            out.push_str(&format!("✓ Covered: {}\n\n", covered.join(", ")));
        }
    }
    if let Some(s) = skipped_summary(result) {
        out.push_str(&format!("---\n\n{}\n", escape(&s)));
    }
    out
}

fn role_str(r: crate::model::Role) -> &'static str {
    match r {
        crate::model::Role::Covers => "covers",
        crate::model::Role::Partial => "partial",
        crate::model::Role::Conflict => "conflict",
    }
}

fn is_must(result: &ScanResult, id: &str) -> bool {
    result
        .requirements
        .iter()
        .any(|r| r.id == id && r.severity == crate::model::Severity::Must)
}
