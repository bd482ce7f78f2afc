//! Aggregation: the verdict of each requirement for one supplier, over all its documents, with the
//! best evidence first and a note that says what is lacking or wrong (requirements.md, Verdict rules).

use crate::model::{DocStatus, Evidence, RequirementResult, Role, Verdict};

use super::analyse::Finding;
use super::{CompiledRequirement, DocOutcome, Engine, Slot};

/// Most evidence items shown per requirement.
const MAX_EVIDENCE: usize = 4;
/// Longest quote of a sentence inside a note.
const QUOTE_CHARS: usize = 160;

/// A finding with the path of its document.
type Found<'a> = (&'a str, &'a Finding);

pub(crate) fn judge(engine: &Engine, docs: &[DocOutcome<'_>]) -> Vec<RequirementResult> {
    engine
        .selected
        .iter()
        .map(|&(ri, _)| judge_one(engine, ri, docs))
        .collect()
}

/// The verdict of requirement `ri` (an index into the engine's requirements).
pub(crate) fn judge_one(engine: &Engine, ri: usize, docs: &[DocOutcome<'_>]) -> RequirementResult {
    let creq = &engine.requirements[ri];
    let id = creq.req.id.clone();
    let unsupported_only = docs.iter().all(|d| {
        d.info.status != DocStatus::Ok
            && d.info
                .message
                .as_deref()
                .unwrap_or("")
                .starts_with("unsupported format")
    });
    if unsupported_only {
        return RequirementResult {
            id,
            verdict: Verdict::Unknown,
            evidence: Vec::new(),
            note: Some("no supported document".into()),
        };
    }
    let unreadable: Vec<String> = docs
        .iter()
        .filter_map(|d| match (d.info.status, d.findings) {
            (DocStatus::Ok, Some(f)) if !f.pages_without_text.is_empty() => Some(format!(
                "{} (pages without text: {})",
                d.info.path,
                f.pages_without_text
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
            (DocStatus::Ok, _) => None,
            _ => Some(format!(
                "{} ({})",
                d.info.path,
                d.info.message.as_deref().unwrap_or("unreadable")
            )),
        })
        .collect();
    let found: Vec<Found<'_>> = docs
        .iter()
        .filter_map(|d| d.findings.map(|f| (d.info.path.as_str(), f)))
        .flat_map(|(path, f)| {
            f.findings
                .get(ri)
                .into_iter()
                .flatten()
                .map(move |x| (path, x))
        })
        .collect();
    let (references, usable): (Vec<Found<'_>>, Vec<Found<'_>>) =
        found.into_iter().partition(|(_, f)| f.reference_only);

    let applicable = |e: usize| {
        creq.req.elements[e]
            .when
            .is_none_or(|w| w == engine.breach_deadline)
    };
    let element_hits = |e: usize| -> Vec<Found<'_>> {
        usable
            .iter()
            .copied()
            .filter(|(_, f)| f.slot == Slot::Element(e) && applicable(e))
            .collect()
    };
    let hits: Vec<Vec<Found<'_>>> = (0..creq.req.elements.len()).map(element_hits).collect();
    let uncapped = |e: usize| strongest(hits[e].iter().copied().filter(|(_, f)| f.caps.is_empty()));
    // Each alternative is a list of slots; a slot ("data_categories|data_categories_text") is met
    // by any one of its elements that applies under the settings.
    let alternatives: Vec<Vec<Vec<usize>>> = creq
        .req
        .covered
        .iter()
        .filter_map(|alt| {
            alt.iter()
                .map(|slot| {
                    let either: Vec<usize> = slot
                        .split('|')
                        .filter_map(|id| creq.req.elements.iter().position(|e| e.id == id))
                        .filter(|&e| applicable(e))
                        .collect();
                    (!either.is_empty()).then_some(either)
                })
                .collect::<Option<Vec<Vec<usize>>>>()
        })
        .collect();
    // The first alternative met, as the element that meets each of its slots.
    let covered_alt: Option<Vec<usize>> = alternatives.iter().find_map(|alt| {
        alt.iter()
            .map(|slot| slot.iter().copied().find(|&e| uncapped(e).is_some()))
            .collect()
    });

    let conflict_patterns = |i: usize| {
        creq.patterns
            .iter()
            .find(|(s, _)| *s == Slot::Conflict(i))
            .map(|(_, p)| p)
    };
    let conflicts: Vec<Found<'_>> = usable
        .iter()
        .copied()
        .filter(|(_, f)| match f.slot {
            Slot::Conflict(i) => {
                conflict_patterns(i).is_none_or(|p| p.unless.iter().all(|&e| hits[e].is_empty()))
            }
            _ => false,
        })
        .collect();
    let partials: Vec<Found<'_>> = usable
        .iter()
        .copied()
        .filter(|(_, f)| matches!(f.slot, Slot::Partial(_)))
        .collect();

    let mut notes: Vec<String> = Vec::new();
    let mut evidence: Vec<Evidence> = Vec::new();
    let verdict;
    if !conflicts.is_empty() {
        verdict = Verdict::Conflict;
        for (path, f) in conflicts.iter().take(2) {
            evidence.push(to_evidence(path, f, Role::Conflict, None));
            if let Slot::Conflict(i) = f.slot {
                if let Some(n) = creq.req.conflict.get(i).and_then(|p| p.note.clone()) {
                    push_unique(&mut notes, n);
                }
            }
        }
        let covering: Vec<(Found<'_>, usize)> = match &covered_alt {
            Some(alt) => alt
                .iter()
                .filter_map(|&e| uncapped(e).map(|x| (x, e)))
                .collect(),
            None => (0..hits.len())
                .filter_map(|e| hits[e].first().map(|x| (*x, e)))
                .collect(),
        };
        for ((path, f), e) in covering.into_iter().take(2) {
            let role = if f.caps.is_empty() {
                Role::Covers
            } else {
                Role::Partial
            };
            evidence.push(to_evidence(path, f, role, Some(&creq.req.elements[e].id)));
        }
    } else if let Some(alt) = &covered_alt {
        verdict = Verdict::Covered;
        for &e in alt {
            if let Some((path, f)) = uncapped(e) {
                evidence.push(to_evidence(
                    path,
                    f,
                    Role::Covers,
                    Some(&creq.req.elements[e].id),
                ));
            }
        }
    } else if hits
        .iter()
        .enumerate()
        .any(|(e, h)| !h.is_empty() && creq.req.elements[e].standalone)
        || !partials.is_empty()
    {
        verdict = Verdict::Partial;
        for (e, h) in hits.iter().enumerate() {
            let best = strongest(h.iter().copied().filter(|(_, f)| f.caps.is_empty()))
                .or_else(|| strongest(h.iter().copied()));
            if let Some((path, f)) = best {
                evidence.push(to_evidence(
                    path,
                    f,
                    Role::Partial,
                    Some(&creq.req.elements[e].id),
                ));
            }
        }
        for (path, f) in &partials {
            if let Slot::Partial(i) = f.slot {
                match creq.req.partial.get(i).and_then(|p| p.note.clone()) {
                    Some(n) => push_unique(&mut notes, n),
                    None => f
                        .caps
                        .iter()
                        .for_each(|c| push_unique(&mut notes, c.clone())),
                }
            }
            evidence.push(to_evidence(path, f, Role::Partial, None));
        }
        for n in lacking(creq, &alternatives, &hits) {
            push_unique(&mut notes, n);
        }
    } else if !unreadable.is_empty() {
        verdict = Verdict::Unknown;
    } else {
        verdict = Verdict::Missing;
    }
    dedup_evidence(&mut evidence);
    evidence.truncate(MAX_EVIDENCE);

    for (_, f) in &usable {
        if let Slot::Note(i) = f.slot {
            if let Some(n) = creq.req.notes.get(i).and_then(|p| p.note.clone()) {
                push_unique(&mut notes, n);
            }
        }
    }
    if matches!(verdict, Verdict::Missing | Verdict::Unknown) {
        if let Some((_, f)) = references.first() {
            push_unique(
                &mut notes,
                format!(
                    "referenced document not in the set: {}",
                    quote(&f.place.text)
                ),
            );
        }
    }
    if evidence.iter().any(|e| {
        usable
            .iter()
            .any(|(p, f)| *p == e.path && f.place.paragraph == e.paragraph && f.inserted)
    }) {
        push_unique(&mut notes, "unaccepted change".into());
    }
    cross_notes(engine, ri, docs, &mut notes);
    if !unreadable.is_empty() {
        let which = unreadable.join("; ");
        match verdict {
            Verdict::Unknown => push_unique(
                &mut notes,
                format!("nothing found, but could not read: {which}"),
            ),
            _ => push_unique(&mut notes, format!("could not read: {which}")),
        }
    }
    // interface.md: a partial or conflict always says what is lacking or wrong.
    if notes.is_empty() && verdict == Verdict::Partial {
        notes.push("addressed, but not every element is met by uncapped evidence".into());
    }
    if notes.is_empty() && verdict == Verdict::Conflict {
        notes.push("a clause contradicts the requirement".into());
    }
    RequirementResult {
        id,
        verdict,
        evidence,
        note: (!notes.is_empty()).then(|| notes.join("; ")),
    }
}

/// The strongest finding, the earliest of equals.
fn strongest<'a>(found: impl Iterator<Item = Found<'a>>) -> Option<Found<'a>> {
    found.fold(None, |best: Option<Found<'a>>, x| match best {
        Some(b) if b.1.strength >= x.1.strength => Some(b),
        _ => Some(x),
    })
}

/// What the closest alternative of `covered` lacks: the caps of capped evidence, or the element's
/// `missing` note (default "lacking: <label>").
fn lacking(
    creq: &CompiledRequirement,
    alternatives: &[Vec<Vec<usize>>],
    hits: &[Vec<Found<'_>>],
) -> Vec<String> {
    let found = |slot: &Vec<usize>| slot.iter().any(|&e| !hits[e].is_empty());
    let score = |alt: &Vec<Vec<usize>>| alt.iter().filter(|slot| found(slot)).count();
    let Some(closest) = alternatives
        .iter()
        .max_by_key(|alt| (score(alt), std::cmp::Reverse(alt.len())))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for slot in closest {
        if slot
            .iter()
            .any(|&e| hits[e].iter().any(|(_, f)| f.caps.is_empty()))
        {
            continue;
        }
        // The caps of the element found, else what the slot's first element says is missing.
        match slot.iter().find_map(|&e| hits[e].first()) {
            Some((_, f)) => out.extend(f.caps.iter().cloned()),
            None => {
                let el = &creq.req.elements[slot[0]];
                out.push(
                    el.missing
                        .clone()
                        .unwrap_or_else(|| format!("lacking: {}", el.label)),
                );
            }
        }
    }
    out
}

/// Notes that a finding of another requirement, or a cross-note pattern, puts on this family.
fn cross_notes(engine: &Engine, ri: usize, docs: &[DocOutcome<'_>], notes: &mut Vec<String>) {
    let family = &engine.requirements[ri].req.family;
    for (ci, c) in engine.cross_notes.iter().enumerate() {
        if &c.family != family {
            continue;
        }
        let source: Option<&Finding> = match c.element {
            Some((src, _)) if src == ri => None,
            Some((src, e)) => docs
                .iter()
                .filter_map(|d| d.findings)
                .flat_map(|f| f.findings.get(src).into_iter().flatten())
                .find(|f| f.slot == Slot::Element(e) && f.caps.is_empty() && !f.reference_only),
            None => docs
                .iter()
                .filter_map(|d| d.findings)
                .flat_map(|f| f.cross.get(ci).into_iter().flatten())
                .next(),
        };
        if let Some(f) = source {
            push_unique(notes, format!("{}: {}", c.note, quote(&f.place.text)));
        }
    }
}

fn to_evidence(path: &str, f: &Finding, role: Role, element: Option<&str>) -> Evidence {
    Evidence {
        path: path.to_string(),
        page: f.place.page,
        paragraph: f.place.paragraph,
        clause: f.place.clause.clone(),
        role,
        text: f.place.text.clone(),
        terms: f.terms.clone(),
        element: element.map(str::to_string),
    }
}

fn dedup_evidence(evidence: &mut Vec<Evidence>) {
    let mut seen: Vec<(String, u32, String)> = Vec::new();
    evidence.retain(|e| {
        let key = (e.path.clone(), e.paragraph, e.text.clone());
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

fn push_unique(notes: &mut Vec<String>, note: String) {
    if !notes.contains(&note) {
        notes.push(note);
    }
}

fn quote(text: &str) -> String {
    let t: String = text.chars().take(QUOTE_CHARS).collect();
    if t.len() < text.len() {
        format!("\"{t}…\"")
    } else {
        format!("\"{t}\"")
    }
}
