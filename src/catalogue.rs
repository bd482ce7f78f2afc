//! What `clausescan clauses list|show|test` prints: the clause library as a reader sees it — the
//! requirements and profiles, one rule with its legal basis and examples, and the example results.

use std::fmt::Write as _;

use crate::engine::examples::ExampleOutcome;
use crate::library::{Context, Library, Pattern, Requirement};
use crate::model::Severity;

/// The requirements (with their severity in each profile) and the profiles.
pub fn list(library: &Library) -> String {
    let mut out = String::new();
    let profiles: Vec<_> = library
        .profiles
        .iter()
        .filter(|p| p.name != "all")
        .collect();
    let _ = writeln!(out, "Requirements ({}):", library.requirements.len());
    let _ = write!(out, "  {:<20} {:<6}", "ID", "family");
    for p in &profiles {
        let _ = write!(out, " {:<13}", p.name);
    }
    let _ = writeln!(out, " title");
    for r in &library.requirements {
        let _ = write!(out, "  {:<20} {:<6}", r.id, r.family);
        for p in &profiles {
            let sev = p
                .requirements
                .iter()
                .find(|(id, _)| id == &r.id)
                .map(|(_, s)| match s {
                    Severity::Must => "must",
                    Severity::Should => "should",
                });
            let _ = write!(out, " {:<13}", sev.unwrap_or("-"));
        }
        let _ = writeln!(out, " {}", r.title);
    }
    let _ = writeln!(out, "\nProfiles:");
    for p in &library.profiles {
        let _ = writeln!(
            out,
            "  {:<14} {} requirements — {}",
            p.name,
            p.requirements.len(),
            p.description
        );
    }
    out
}

fn letter(i: usize) -> char {
    (b'a' + (i % 26) as u8) as char
}

fn pattern_text(p: &Pattern) -> String {
    let mut parts = Vec::new();
    let name = |g: &crate::library::GroupRef| match g.polarity {
        crate::library::Polarity::Either => g.name.clone(),
        crate::library::Polarity::Affirmed => format!("+{}", g.name),
        crate::library::Polarity::Negated => format!("-{}", g.name),
    };
    if !p.all.is_empty() {
        parts.push(format!(
            "all of [{}]",
            p.all.iter().map(name).collect::<Vec<_>>().join(", ")
        ));
    }
    if !p.any.is_empty() {
        parts.push(format!(
            "any of [{}]",
            p.any.iter().map(name).collect::<Vec<_>>().join(", ")
        ));
    }
    if !p.without.is_empty() {
        parts.push(format!("none of [{}]", p.without.join(", ")));
    }
    parts.join("; ")
}

/// One requirement in full: basis, why, elements, partial and conflict rules, examples.
pub fn show(req: &Requirement) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {} ({})", req.id, req.title, req.family);
    let _ = writeln!(out, "Defined in {}:{}", req.file, req.line);
    if !req.basis.is_empty() {
        let _ = writeln!(out, "Legal basis: {}", req.basis.join("; "));
    }
    if !req.why.is_empty() {
        let _ = writeln!(out, "Why: {}", req.why);
    }
    let context = match req.context {
        Context::None => "none",
        Context::Genai => "AI context required (genAI)",
        Context::GenaiOrAiAct => "AI context required (genAI, or an AI Act compliance duty)",
        Context::GenaiNear => {
            "genAI context, with AI named in the clause itself (the document title is not enough)"
        }
        Context::Algorithm => "AI or algorithm context required",
    };
    let _ = writeln!(out, "Context: {context}");
    let _ = writeln!(out, "\nElements:");
    for (i, e) in req.elements.iter().enumerate() {
        let when = e
            .when
            .map(|w| format!(" (only under breach_deadline={w:?})").to_lowercase())
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  ({}) {} [{}]{when}: {}",
            letter(i),
            e.label,
            e.id,
            pattern_text(&e.pattern)
        );
    }
    let alts: Vec<String> = req
        .covered
        .iter()
        .map(|alt| {
            alt.iter()
                .map(|slot| {
                    let either: Vec<String> = slot
                        .split('|')
                        .map(|id| {
                            req.elements
                                .iter()
                                .position(|e| e.id == id)
                                .map(|i| format!("({})", letter(i)))
                                .unwrap_or_else(|| id.to_string())
                        })
                        .collect();
                    if either.len() > 1 {
                        format!("[{}]", either.join(" or "))
                    } else {
                        either.concat()
                    }
                })
                .collect::<Vec<_>>()
                .join(" and ")
        })
        .collect();
    let _ = writeln!(out, "Covered when: {}", alts.join(", or "));
    for (title, list) in [
        ("Partial when", &req.partial),
        ("Conflict when", &req.conflict),
        ("Noted", &req.notes),
    ] {
        if list.is_empty() {
            continue;
        }
        let _ = writeln!(out, "{title}:");
        for p in list.iter() {
            let _ = writeln!(
                out,
                "  - {} ({})",
                p.note.as_deref().unwrap_or("-"),
                pattern_text(p)
            );
        }
    }
    if !req.examples.is_empty() {
        let _ = writeln!(out, "\nExamples ({}):", req.examples.len());
        for ex in &req.examples {
            let setting = ex
                .breach_deadline
                .map(|b| format!(" [breach_deadline={b:?}]").to_lowercase())
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {:<9}{setting} {}",
                ex.verdict.as_str(),
                ex.text.replace('\n', " ")
            );
        }
    }
    out
}

/// The example results: failures in full, then a summary line. `true` when all passed.
pub fn test_report(outcomes: &[ExampleOutcome]) -> (String, bool) {
    let mut out = String::new();
    let failed: Vec<_> = outcomes.iter().filter(|o| !o.passed()).collect();
    for o in &failed {
        let _ = writeln!(
            out,
            "FAIL {}:{} {}: expected {}, got {}{}\n     {}",
            o.file,
            o.line,
            o.requirement,
            o.expected.as_str(),
            o.got.as_str(),
            o.note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default(),
            o.text.replace('\n', " ")
        );
    }
    let passed = outcomes.len() - failed.len();
    let _ = writeln!(out, "examples: {} passed, {} failed", passed, failed.len());
    (out, failed.is_empty())
}
