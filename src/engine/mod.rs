//! The clause engine: compiles the library into one matcher, finds what each document says
//! ([`Engine::analyse`], per document, safe to run in parallel), and judges each supplier per
//! requirement ([`Engine::judge`], aggregation over the supplier's documents).

mod analyse;
pub mod examples;
mod judge;
mod products;
pub mod terms;

use std::collections::HashMap;

use crate::library::{Context, Library, Pattern, Polarity, Requirement, Subject};
use crate::model::{DocumentInfo, RequirementInfo, RequirementResult, Severity};

pub use analyse::DocFindings;

/// How strictly DP-BREACH reads "without undue delay" (requirements.md, DP-BREACH).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BreachDeadline {
    #[default]
    Strict,
    Statutory,
}

impl BreachDeadline {
    pub fn parse(s: &str) -> Option<BreachDeadline> {
        match s.trim() {
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
    #[error("unknown requirement '{0}' (see `clausescan clauses list`)")]
    UnknownRequirement(String),
}

/// One document of a supplier as [`Engine::judge`] sees it.
pub struct DocOutcome<'a> {
    pub info: &'a DocumentInfo,
    /// `None` when the document could not be read.
    pub findings: Option<&'a DocFindings>,
}

/// A pattern with group names resolved to indices.
#[derive(Debug, Clone)]
pub(crate) struct CompiledPattern {
    pub all: Vec<(usize, Polarity)>,
    pub any: Vec<(usize, Polarity)>,
    pub without: Vec<usize>,
    pub subject: Subject,
    pub context: Context,
    pub unless: Vec<usize>,
}

/// For every pattern, the groups one of which must be present for it to be met: one group of
/// `all` (the one fewest patterns use, as the likeliest to be absent), else every group of `any`.
/// A pattern with neither is listed under every group.
fn pattern_triggers(
    requirements: &[CompiledRequirement],
    group_count: usize,
) -> Vec<Vec<(usize, usize)>> {
    let mut uses = vec![0usize; group_count];
    for r in requirements {
        for (_, p) in &r.patterns {
            for &(g, _) in &p.all {
                if let Some(u) = uses.get_mut(g) {
                    *u += 1;
                }
            }
        }
    }
    let mut triggers = vec![Vec::new(); group_count];
    for (ri, r) in requirements.iter().enumerate() {
        for (pi, (_, p)) in r.patterns.iter().enumerate() {
            let rarest = p.all.iter().map(|&(g, _)| g).min_by_key(|&g| uses[g]);
            let groups: Vec<usize> = match rarest {
                Some(g) => vec![g],
                None if !p.any.is_empty() => p.any.iter().map(|&(g, _)| g).collect(),
                None => (0..group_count).collect(),
            };
            for g in groups {
                if let Some(list) = triggers.get_mut(g) {
                    list.push((ri, pi));
                }
            }
        }
    }
    for list in &mut triggers {
        list.sort_unstable();
        list.dedup();
    }
    triggers
}

/// What a finding is, within its requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Slot {
    Element(usize),
    Partial(usize),
    Conflict(usize),
    Note(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct CompiledRequirement {
    pub req: Requirement,
    /// All patterns of the requirement, with the slot each fills.
    pub patterns: Vec<(Slot, CompiledPattern)>,
    pub weakeners: Vec<usize>,
}

/// The groups the engine itself uses (clauses/common.toml); absent ones match nothing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Special {
    pub supplier: Option<usize>,
    pub customer: Option<usize>,
    pub party_object_marker: Option<usize>,
    pub party_modifier_next: Option<usize>,
    pub determiner: Option<usize>,
    pub passive_auxiliary: Option<usize>,
    pub agent_marker: Option<usize>,
    pub acknowledge: Option<usize>,
    pub subordinator: Option<usize>,
    pub negation: Option<usize>,
    pub negation_forward: Option<usize>,
    pub condition: Option<usize>,
    pub exception: Option<usize>,
    pub not_negation: Option<usize>,
    pub scope_end: Option<usize>,
    pub only: Option<usize>,
    pub permissive_modal: Option<usize>,
    pub ai_context: Option<usize>,
    pub genai: Option<usize>,
    pub algorithm_context: Option<usize>,
    pub ai_act: Option<usize>,
    pub non_generative: Option<usize>,
    pub cross_reference: Option<usize>,
    pub outdated_law: Option<usize>,
    pub outdated_law_ignored: Option<usize>,
}

/// A cross-note with its source resolved.
#[derive(Debug, Clone)]
pub(crate) struct CompiledCrossNote {
    pub family: String,
    pub note: String,
    /// (requirement index, element index)
    pub element: Option<(usize, usize)>,
    pub pattern: Option<CompiledPattern>,
}

/// The compiled library plus the chosen profile.
pub struct Engine {
    pub(crate) matcher: terms::TermMatcher,
    pub(crate) special: Special,
    /// Every requirement of the library (cross-notes may need ones outside the profile).
    pub(crate) requirements: Vec<CompiledRequirement>,
    pub(crate) cross_notes: Vec<CompiledCrossNote>,
    /// Every weakener group of the library, once.
    pub(crate) weakener_groups: Vec<usize>,
    /// Per group, the patterns (requirement, pattern index) that cannot be met without it: a unit
    /// only tries the patterns of the groups it (or the unit read with it) has.
    pub(crate) triggers: Vec<Vec<(usize, usize)>>,
    /// (index into `requirements`, severity) in catalogue order: what `judge` reports.
    pub(crate) selected: Vec<(usize, Severity)>,
    pub(crate) profile_name: String,
    pub(crate) breach_deadline: BreachDeadline,
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("profile", &self.profile_name)
            .finish()
    }
}

impl Engine {
    /// Compiles `library` for `profile`.
    pub fn new(
        library: &Library,
        profile: &str,
        settings: &Settings,
    ) -> Result<Engine, EngineError> {
        let p = library
            .profile(profile)
            .ok_or_else(|| EngineError::UnknownProfile(profile.to_string()))?;
        let breach = settings.breach_deadline.unwrap_or(p.breach_deadline);
        Ok(Engine::compile(
            library,
            &p.name,
            p.requirements.clone(),
            breach,
        ))
    }

    /// An engine that judges exactly `ids` (for examples and `explain --requirement`).
    pub fn for_requirements(
        library: &Library,
        ids: &[&str],
        breach: BreachDeadline,
    ) -> Result<Engine, EngineError> {
        let mut selected = Vec::new();
        for id in ids {
            if library.requirement(id).is_none() {
                return Err(EngineError::UnknownRequirement(id.to_string()));
            }
            selected.push((id.to_string(), Severity::Must));
        }
        Ok(Engine::compile(library, "custom", selected, breach))
    }

    fn compile(
        library: &Library,
        profile: &str,
        wanted: Vec<(String, Severity)>,
        breach: BreachDeadline,
    ) -> Engine {
        let groups: Vec<(String, Vec<String>)> = library
            .groups
            .values()
            .map(|g| (g.name.clone(), g.terms.clone()))
            .collect();
        let index: HashMap<&str, usize> = groups
            .iter()
            .enumerate()
            .map(|(i, (n, _))| (n.as_str(), i))
            .collect();
        let g = |name: &str| index.get(name).copied();
        let special = Special {
            supplier: g("supplier"),
            customer: g("customer"),
            party_object_marker: g("party_object_marker"),
            party_modifier_next: g("party_modifier_next"),
            determiner: g("determiner"),
            passive_auxiliary: g("passive_auxiliary"),
            agent_marker: g("agent_marker"),
            acknowledge: g("acknowledge"),
            subordinator: g("subordinator"),
            negation: g("negation"),
            negation_forward: g("negation_forward"),
            condition: g("condition"),
            exception: g("exception"),
            not_negation: g("not_negation"),
            scope_end: g("scope_end"),
            only: g("only"),
            permissive_modal: g("permissive_modal"),
            ai_context: g("ai_context"),
            genai: g("genai"),
            algorithm_context: g("algorithm_context"),
            ai_act: g("ai_act"),
            non_generative: g("non_generative"),
            cross_reference: g("cross_reference"),
            outdated_law: g("outdated_law"),
            outdated_law_ignored: g("outdated_law_ignored"),
        };
        // Group names resolved to indices; `unless` element IDs to positions in `elements`.
        let compile = |p: &Pattern, context: Context, elements: &[crate::library::Element]| {
            let refs = |list: &[crate::library::GroupRef]| -> Vec<(usize, Polarity)> {
                list.iter()
                    .filter_map(|r| g(&r.name).map(|i| (i, r.polarity)))
                    .collect()
            };
            CompiledPattern {
                all: refs(&p.all),
                any: refs(&p.any),
                without: p.without.iter().filter_map(|n| g(n)).collect(),
                subject: p.subject,
                context: p.context.unwrap_or(context),
                unless: p
                    .unless
                    .iter()
                    .filter_map(|u| elements.iter().position(|e| &e.id == u))
                    .collect(),
            }
        };
        let compile_pattern =
            |p: &Pattern, req: &Requirement| compile(p, req.context, &req.elements);
        let requirements: Vec<CompiledRequirement> = library
            .requirements
            .iter()
            .map(|req| {
                let mut patterns = Vec::new();
                for (i, e) in req.elements.iter().enumerate() {
                    patterns.push((Slot::Element(i), compile_pattern(&e.pattern, req)));
                }
                for (i, p) in req.partial.iter().enumerate() {
                    patterns.push((Slot::Partial(i), compile_pattern(p, req)));
                }
                for (i, p) in req.conflict.iter().enumerate() {
                    patterns.push((Slot::Conflict(i), compile_pattern(p, req)));
                }
                for (i, p) in req.notes.iter().enumerate() {
                    patterns.push((Slot::Note(i), compile_pattern(p, req)));
                }
                let weakeners = library
                    .weakeners
                    .iter()
                    .filter(|w| !req.ignore_weakeners.contains(w))
                    .filter_map(|w| g(w))
                    .collect();
                CompiledRequirement {
                    req: req.clone(),
                    patterns,
                    weakeners,
                }
            })
            .collect();
        let position = |id: &str| requirements.iter().position(|r| r.req.id == id);
        let cross_notes = library
            .cross_notes
            .iter()
            .map(|c| CompiledCrossNote {
                family: c.family.clone(),
                note: c.note.clone(),
                element: c.element.as_ref().and_then(|(r, e)| {
                    let ri = position(r)?;
                    let ei = requirements[ri]
                        .req
                        .elements
                        .iter()
                        .position(|x| &x.id == e)?;
                    Some((ri, ei))
                }),
                pattern: c.pattern.as_ref().map(|p| compile(p, Context::None, &[])),
            })
            .collect();
        let selected = wanted
            .iter()
            .filter_map(|(id, s)| position(id).map(|i| (i, *s)))
            .collect();
        let triggers = pattern_triggers(&requirements, groups.len());
        let mut weakener_groups: Vec<usize> =
            library.weakeners.iter().filter_map(|w| g(w)).collect();
        weakener_groups.sort_unstable();
        weakener_groups.dedup();
        Engine {
            weakener_groups,
            triggers,
            matcher: terms::TermMatcher::new(&groups),
            special,
            requirements,
            cross_notes,
            selected,
            profile_name: profile.to_string(),
            breach_deadline: breach,
        }
    }

    pub fn profile_name(&self) -> &str {
        &self.profile_name
    }

    pub fn breach_deadline(&self) -> BreachDeadline {
        self.breach_deadline
    }

    /// The requirements of the profile, in catalogue order, with their severity.
    pub fn requirements(&self) -> Vec<RequirementInfo> {
        self.selected
            .iter()
            .map(|&(i, severity)| {
                let r = &self.requirements[i].req;
                RequirementInfo {
                    id: r.id.clone(),
                    title: r.title.clone(),
                    family: r.family.clone(),
                    severity,
                }
            })
            .collect()
    }

    /// Everything one document says. `path` is the display path used in evidence. The document
    /// should have been through [`crate::text::clean`].
    pub fn analyse(&self, doc: &crate::model::Document, path: &str) -> DocFindings {
        analyse::analyse(self, doc, path, &[])
    }

    /// [`Engine::analyse`] for a document of a supplier whose other documents name it `names`
    /// (their [`DocFindings::own_names`]): a document that defines no name of its own but writes
    /// one of these reads it as the supplier (an annex: "Tekstlab verwijdert de gegevens").
    pub fn analyse_for_supplier(
        &self,
        doc: &crate::model::Document,
        path: &str,
        names: &[String],
    ) -> DocFindings {
        analyse::analyse(self, doc, path, names)
    }

    /// [`Engine::analyse`] without its first step, [`crate::text::normalise`]: the matching stage
    /// alone (for benchmarks that time the stages apart).
    pub fn analyse_normalised(
        &self,
        normalised: crate::text::Normalised,
        pages_without_text: &[u32],
        path: &str,
    ) -> DocFindings {
        analyse::analyse_normalised(self, normalised, pages_without_text, path, &[])
    }

    /// The verdict per requirement of the profile, in catalogue order, for one supplier.
    pub fn judge(&self, docs: &[DocOutcome<'_>]) -> Vec<RequirementResult> {
        judge::judge(self, docs)
    }
}
