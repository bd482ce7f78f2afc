//! Analysis of one document: segments it, runs the one automaton over every unit, works out per unit
//! the polarity of each match, the grammatical subject, the AI context, and the caps (weakener,
//! placeholder, outdated law), then records which unit meets which pattern of which requirement.

use crate::library::{Context, Polarity, Subject};
use crate::model::Document;
use crate::text::{
    fold, is_boundary_after, is_boundary_before, normalise, ClauseKind, Folded, Normalised,
    Segmented, Unit, UnitKind,
};

use super::terms::Hit;
use super::{CompiledPattern, Engine, Slot, Special};

/// Who a unit binds, as far as its wording shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Party {
    Supplier,
    Customer,
    Unknown,
}

/// Where a finding can be verified.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Place {
    pub page: Option<u32>,
    pub paragraph: u32,
    pub clause: Option<String>,
    pub text: String,
}

/// One unit meeting one pattern.
#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub slot: Slot,
    /// Why this evidence counts for partial only; empty when uncapped.
    pub caps: Vec<String>,
    /// The unit only points at another document: never evidence, but named when nothing is found.
    pub reference_only: bool,
    pub inserted: bool,
    /// How clearly the unit states it (explicit supplier subject, a full sentence, not a table
    /// cell): the judge shows the strongest evidence first.
    pub strength: u8,
    pub place: Place,
    /// The matched terms, as written.
    pub terms: Vec<String>,
}

/// What one document says: findings per requirement (indexed like the engine's requirements) and
/// per cross-note.
#[derive(Debug, Clone, Default)]
pub struct DocFindings {
    pub path: String,
    pub pages_without_text: Vec<u32>,
    /// The supplier's company name as this document itself defines it (full name first, then a
    /// short form the document uses alone); empty when it defines none.
    pub own_names: Vec<String>,
    pub(crate) findings: Vec<Vec<Finding>>,
    pub(crate) cross: Vec<Vec<Finding>>,
}

/// Everything worked out once per unit.
struct UnitView {
    folded: Folded,
    hits: Vec<Hit>,
    /// (group, index into hits), sorted by group.
    by_group: Vec<(usize, usize)>,
    /// Which groups have a hit at all: a pattern needing an absent group fails without a lookup.
    present: Vec<u64>,
    /// Folded byte ranges under negation.
    negated: Vec<(usize, usize)>,
    subject: Party,
    /// Who the unit binds when its own wording names no subject (passive, list item): the lead-in
    /// of a list, else the explicit subjects of its numbered clause or paragraph.
    bound: Party,
    /// The byte range of the subject's party name, for the permissive-modal check.
    subject_end: Option<usize>,
    evidence: bool,
    reference_at: Option<usize>,
    weak: Vec<(usize, String)>,
    permissive: Option<String>,
    placeholder: Option<&'static str>,
    outdated: Option<String>,
    ai: bool,
    alg: bool,
    genai: bool,
    nongen: bool,
    ai_act: bool,
}

impl UnitView {
    fn group_hits(&self, group: usize) -> impl Iterator<Item = &Hit> {
        let start = self.by_group.partition_point(|(g, _)| *g < group);
        self.by_group[start..]
            .iter()
            .take_while(move |(g, _)| *g == group)
            .map(|(_, i)| &self.hits[*i])
    }

    /// The groups with a hit, each once.
    fn groups(&self) -> impl Iterator<Item = usize> + '_ {
        let mut last = None;
        self.by_group
            .iter()
            .filter(move |&&(g, _)| last.replace(g) != Some(g))
            .map(|&(g, _)| g)
    }

    fn present(&self, group: usize) -> bool {
        self.present
            .get(group / 64)
            .is_some_and(|w| w & (1 << (group % 64)) != 0)
    }

    fn has(&self, group: Option<usize>) -> bool {
        group.is_some_and(|g| self.group_hits(g).next().is_some())
    }

    fn is_negated(&self, at: usize) -> bool {
        self.negated.iter().any(|&(s, e)| at >= s && at < e)
    }

    /// The matched words as written, widened to whole tokens (`verwerk*` shows "Verwerker").
    fn original(&self, text: &str, hit: &Hit) -> String {
        let r = self.folded.original_range(hit.start, hit.end);
        if r.is_empty() {
            // A word the engine put before the folded text (a row label): it has no original.
            let label = self.folded.text.get(hit.start..hit.end).unwrap_or("");
            return label.trim_end_matches([':', ' ']).to_string();
        }
        let word = |c: char| c.is_alphanumeric() || c == '-';
        let start = text
            .get(..r.start)
            .map_or(r.start, |before| before.trim_end_matches(word).len());
        let end = text.get(r.end..).map_or(r.end, |after| {
            r.end + (after.len() - after.trim_start_matches(word).len())
        });
        text.get(start..end)
            .unwrap_or("")
            .trim_matches('-')
            .to_string()
    }
}

/// Context flags of a clause node, from its heading and (for numbered clauses) its units.
#[derive(Debug, Clone, Copy, Default)]
struct Flags {
    ai: bool,
    alg: bool,
    genai: bool,
    nongen: bool,
    /// AI named near the unit: in it, its paragraph or its clauses, not only in the document
    /// title (context `genai-near`).
    ai_near: bool,
}

pub(crate) fn analyse(
    engine: &Engine,
    doc: &Document,
    path: &str,
    supplier_names: &[String],
) -> DocFindings {
    analyse_normalised(
        engine,
        normalise(doc),
        &doc.pages_without_text,
        path,
        supplier_names,
    )
}

/// The matching stage proper, on a document already segmented and folded. `known_names` are
/// the supplier's names from its other documents: used where this one defines none but writes
/// them.
pub(crate) fn analyse_normalised(
    engine: &Engine,
    normalised: Normalised,
    pages_without_text: &[u32],
    path: &str,
    known_names: &[String],
) -> DocFindings {
    let Normalised { seg, mut folded } = normalised;
    let vocabulary = |w: &str| engine.matcher.is_vocabulary(w);
    let own_names = supplier_names(&seg.units, &folded, &vocabulary);
    let names: Vec<String> = if own_names.is_empty() {
        known_names
            .iter()
            .filter(|n| folded.iter().any(|f| f.has_tokens(n)))
            .cloned()
            .collect()
    } else {
        own_names.clone()
    };
    let dutch = is_dutch(&folded);
    if !names.is_empty() {
        // Rules speak of "the supplier"; this one calls itself "DataVista". Reading the name as the
        // role lets every term that names the supplier ("naar het oordeel van de leverancier", "in
        // the supplier's opinion") meet the company name too. The longest spelling goes first
        // ("kennispunt advies" before "kennispunt").
        let role = if dutch {
            "de leverancier"
        } else {
            "the supplier"
        };
        let mut spellings: Vec<&String> = names.iter().collect();
        spellings.sort_by_key(|n| std::cmp::Reverse(n.len()));
        for f in &mut folded {
            for name in &spellings {
                f.replace_tokens(name, role);
            }
        }
    }
    let row_labels = read_values_with_row_labels(&seg, &mut folded);
    let mut views: Vec<UnitView> = seg
        .units
        .iter()
        .zip(folded)
        .map(|(u, f)| view(engine, &u.text, f, u.kind, &names))
        .collect();
    rename_ai_products(engine, &seg, &mut views, &names, dutch);
    let mut leads = inherit_from_lead_ins(&seg, &mut views);
    header_cells_as_lead_ins(&seg, &mut leads);
    spread_options(&seg, &mut views);
    let formal = !names.is_empty() || supplier_written_as_party(engine, &seg, &views);
    let foreign = bind_passives(&seg, &mut views, formal);
    let title_flags = seg
        .title
        .as_deref()
        .map(|t| text_flags(engine, t))
        .unwrap_or_default();
    let clause_flags = clause_flags(engine, &seg, &views);
    let outdated_clause = outdated_by_clause(&seg, &views);
    let checked_clauses = checked_option_clauses(&seg);
    let unit_context = context_flags(&seg, &views, &clause_flags, title_flags);

    let mut findings: Vec<Vec<Finding>> = vec![Vec::new(); engine.requirements.len()];
    let mut cross: Vec<Vec<Finding>> = vec![Vec::new(); engine.cross_notes.len()];
    // An unticked option whose menu has a ticked one is absent: as evidence, and as the partner
    // that completes its neighbour.
    let absent = |u: usize| {
        views[u].placeholder == Some(OPTION)
            && seg.units[u]
                .clause
                .is_some_and(|c| checked_clauses.contains(&c))
    };
    for (ui, (unit, v)) in seg.units.iter().zip(&views).enumerate() {
        if !v.evidence || v.hits.is_empty() || absent(ui) {
            continue;
        }
        let ctx = unit_context[ui];
        let next = pair_partner(&seg, &views, ui).filter(|&n| !absent(n));
        let leads = |u: usize| leads[u].filter(|&l| !absent(l));
        // Only the patterns whose trigger group is here, in catalogue order as if all were tried.
        let mut candidates: Vec<(usize, usize)> = [Some(ui), leads(ui), next]
            .into_iter()
            .flatten()
            .flat_map(|u| views[u].groups())
            .flat_map(|g| engine.triggers[g].iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for (ri, pi) in candidates {
            let creq = &engine.requirements[ri];
            {
                let (slot, pattern) = &creq.patterns[pi];
                // One unit, or (clauses/README.md, Proximity) this unit and the next sentence of the
                // same numbered clause, the terms at most 40 tokens apart.
                let single = meets(pattern, v, ctx).map(|used| {
                    let used: Vec<(usize, &Hit)> = used.into_iter().map(|h| (ui, h)).collect();
                    (used, vec![ui])
                });
                // A list item read together with its lead-in ("… niet gebruikt voor: - training;").
                let with_lead = || {
                    let l = leads(ui)?;
                    let used = meets_pair(pattern, (l, &views[l], unit_context[l]), (ui, v, ctx))?;
                    Some((used, vec![l, ui]))
                };
                let with_next = || {
                    let n = next?;
                    let used = meets_pair(pattern, (ui, v, ctx), (n, &views[n], unit_context[n]))?;
                    Some((used, vec![ui, n]))
                };
                let Some((used, involved)) = single.or_else(with_lead).or_else(with_next) else {
                    continue;
                };
                // Evidence is the unit holding the last matched term.
                let at = used.iter().map(|(u, _)| *u).max().unwrap_or(ui);
                let mut caps = Vec::new();
                let mut slot = *slot;
                if let Some(kind) = involved.iter().find_map(|&u| views[u].placeholder) {
                    caps.push(kind.to_string());
                    if matches!(slot, Slot::Conflict(_)) {
                        // An unselected template option is partial evidence, never a conflict.
                        slot = Slot::Partial(usize::MAX);
                    }
                }
                // Covered and conflict evidence needs the supplier as actor: named, or a passive in
                // a clause (or under a lead-in) that binds the supplier (requirements.md, Verdict
                // rules). A statement that binds nobody in particular counts for partial only.
                // In a text that is not the supplier's (see `bind_passives`), even "de leverancier
                // meldt" describes or recommends; it commits nobody.
                let unbound = pattern.subject == Subject::Supplier
                    && (foreign
                        || involved.iter().all(|&u| {
                            views[u].subject == Party::Unknown && views[u].bound == Party::Unknown
                        }));
                if unbound && matches!(slot, Slot::Element(_) | Slot::Conflict(_)) {
                    caps.push(UNBOUND.to_string());
                    if matches!(slot, Slot::Conflict(_)) {
                        slot = Slot::Partial(usize::MAX);
                    }
                }
                if matches!(slot, Slot::Element(_)) {
                    for &u in &involved {
                        let w = &views[u];
                        if let Some((_, weak)) =
                            w.weak.iter().find(|(g, _)| creq.weakeners.contains(g))
                        {
                            caps.push(format!("weakened: '{weak}'"));
                        } else if let Some(weak) = &w.permissive {
                            caps.push(format!("weakened: '{weak}' instead of a duty"));
                        }
                    }
                    if creq.req.cap_outdated_law {
                        let law = involved
                            .iter()
                            .find_map(|&u| views[u].outdated.clone())
                            .or_else(|| {
                                seg.units[ui]
                                    .clause
                                    .and_then(|c| numbered_ancestor(&seg, c))
                                    .and_then(|c| outdated_clause[c].clone())
                            });
                        if let Some(law) = law {
                            caps.push(format!("cites outdated law: {law}"));
                        }
                    }
                }
                caps.dedup();
                let reference_only = used
                    .iter()
                    .any(|(u, h)| views[*u].reference_at.is_some_and(|r| h.start >= r));
                let mut terms: Vec<String> = used
                    .iter()
                    .map(|(u, h)| views[*u].original(&seg.units[*u].text, h))
                    .collect();
                terms.dedup();
                findings[ri].push(Finding {
                    slot,
                    caps,
                    reference_only,
                    inserted: involved.iter().any(|&u| seg.units[u].inserted),
                    strength: strength(&seg, &views, at),
                    place: place_of(&seg, &row_labels, at),
                    terms,
                });
            }
        }
        for (ci, note) in engine.cross_notes.iter().enumerate() {
            if let Some(p) = &note.pattern {
                if let Some(used) = meets(p, v, ctx) {
                    cross[ci].push(Finding {
                        slot: Slot::Note(0),
                        caps: Vec::new(),
                        reference_only: false,
                        inserted: unit.inserted,
                        strength: strength(&seg, &views, ui),
                        place: place_of(&seg, &row_labels, ui),
                        terms: used.iter().map(|h| v.original(&unit.text, h)).collect(),
                    });
                }
            }
        }
    }
    DocFindings {
        path: path.to_string(),
        pages_without_text: pages_without_text.to_vec(),
        own_names,
        findings,
        cross,
    }
}

fn strength(seg: &Segmented, views: &[UnitView], ui: usize) -> u8 {
    let unit = &seg.units[ui];
    let words = unit.text.split_whitespace().count();
    u8::from(views[ui].subject == Party::Supplier) * 2
        + u8::from(words >= 8)
        + u8::from(unit.kind != UnitKind::TableCell)
}

/// Where unit `ui` stands, with its text as evidence; a value cell read with its row label shows
/// both ("Doel | Ondersteuning van …").
fn place_of(seg: &Segmented, row_labels: &[Option<usize>], ui: usize) -> Place {
    let unit = &seg.units[ui];
    let text = match row_labels.get(ui).copied().flatten() {
        Some(label) => format!("{} | {}", seg.units[label].text.trim(), unit.text),
        None => unit.text.clone(),
    };
    Place {
        page: unit.page,
        paragraph: unit.paragraph,
        clause: seg.clause_number(ui).map(str::to_string),
        text,
    }
}

/// Most tokens between the terms of a pattern met by two sentences of one numbered clause.
const PAIR_MAX_TOKENS: usize = 40;

/// The next unit, when it is an evidence unit in the same numbered clause (or paragraph, or table
/// row) as `ui`.
fn pair_partner(seg: &Segmented, views: &[UnitView], ui: usize) -> Option<usize> {
    let n = ui + 1;
    let (a, b) = (seg.units.get(ui)?, seg.units.get(n)?);
    // Two cells of a table row ("Categories of data subjects | residents …").
    if a.kind == UnitKind::TableCell && b.kind == UnitKind::TableCell {
        return views[n].evidence.then_some(n);
    }
    // In unnumbered text the clause is the paragraph.
    if a.paragraph == b.paragraph && a.paragraph != 0 {
        return views[n].evidence.then_some(n);
    }
    let clause = a.clause?;
    let numbered = seg
        .clauses
        .get(clause)
        .is_some_and(|c| c.kind == ClauseKind::Numbered);
    // Across paragraphs only from a lead-in into its list ("7.2 Leverancier zorgt ervoor dat:" /
    // "(a) …"), or from the clause's title line ("11.1 Audit Information." / "Coldi shall make
    // available …"): two paragraphs of prose, or two items of a list, are two statements.
    let list = b.kind == UnitKind::ListItem && a.kind != UnitKind::ListItem;
    let title_line = a.text.split_whitespace().count() <= PAIR_TITLE_WORDS;
    (numbered && b.clause == Some(clause) && views[n].evidence && (list || title_line)).then_some(n)
}

/// Most words of a clause's title line that pairs with the paragraph after it.
const PAIR_TITLE_WORDS: usize = 6;

/// A pattern met by two adjacent units together, each term's polarity judged in its own unit.
fn meets_pair<'a>(
    p: &CompiledPattern,
    (ai, a, actx): (usize, &'a UnitView, Flags),
    (bi, b, bctx): (usize, &'a UnitView, Flags),
) -> Option<Vec<(usize, &'a Hit)>> {
    if !p.all.iter().all(|&(g, _)| a.present(g) || b.present(g)) {
        return None;
    }
    let find = |g: usize, pol: Polarity| -> Option<(usize, &'a Hit)> {
        a.group_hits(g)
            .find(|h| polarity_ok(a, h, pol))
            .map(|h| (ai, h))
            .or_else(|| {
                b.group_hits(g)
                    .find(|h| polarity_ok(b, h, pol))
                    .map(|h| (bi, h))
            })
    };
    let mut used = Vec::new();
    for &(g, pol) in &p.all {
        used.push(find(g, pol)?);
    }
    if !p.any.is_empty() {
        used.push(p.any.iter().find_map(|&(g, pol)| find(g, pol))?);
    }
    if !used.iter().any(|(u, _)| *u == bi) || !used.iter().any(|(u, _)| *u == ai) {
        return None;
    }
    if p.without
        .iter()
        .any(|&g| a.group_hits(g).next().is_some() || b.group_hits(g).next().is_some())
    {
        return None;
    }
    let subject_ok = match p.subject {
        Subject::Any => true,
        Subject::Supplier => subject_ok(p.subject, a) && b.subject != Party::Customer,
        Subject::Customer => a.subject == Party::Customer || b.subject == Party::Customer,
    };
    let ctx = Flags {
        ai: actx.ai || bctx.ai,
        alg: actx.alg || bctx.alg,
        genai: actx.genai || bctx.genai,
        nongen: actx.nongen || bctx.nongen,
        ai_near: actx.ai_near || bctx.ai_near,
    };
    if !subject_ok || !(context_allows(p.context, ctx, a) || context_allows(p.context, ctx, b)) {
        return None;
    }
    let first_in_a = used
        .iter()
        .filter(|(u, _)| *u == ai)
        .map(|(_, h)| h.start)
        .min()?;
    let last_in_b = used
        .iter()
        .filter(|(u, _)| *u == bi)
        .map(|(_, h)| h.end)
        .max()?;
    let distance = a
        .folded
        .text
        .get(first_in_a..)
        .map_or(0, |t| t.split_whitespace().count())
        + b.folded
            .text
            .get(..last_in_b)
            .map_or(0, |t| t.split_whitespace().count());
    (distance <= PAIR_MAX_TOKENS).then_some(used)
}

const PLACEHOLDER: &str = "placeholder not filled";
const UNBOUND: &str = "not stated as the supplier's obligation";
/// Up to this many sentences, a document that names no party is read as the supplier's own short
/// declaration ("Er wordt geen generatieve AI gebruikt."); longer ones bind nobody.
const SHORT_DECLARATION_UNITS: usize = 40;
const OPTION: &str = "template option not selected";

/// A unit's hits, sorted out by group; nothing worked out from them yet.
fn bare_view(engine: &Engine, text: &str, folded: Folded, kind: UnitKind) -> UnitView {
    let hits = engine.matcher.find(&folded.text, text, &folded.map);
    let mut by_group: Vec<(usize, usize)> =
        hits.iter().enumerate().map(|(i, h)| (h.group, i)).collect();
    by_group.sort_unstable();
    let mut present = vec![0u64; engine.matcher.group_names.len().div_ceil(64)];
    for &(g, _) in &by_group {
        present[g / 64] |= 1 << (g % 64);
    }
    UnitView {
        folded,
        hits,
        by_group,
        present,
        negated: Vec::new(),
        subject: Party::Unknown,
        bound: Party::Unknown,
        subject_end: None,
        // A question ("Worden er bijzondere persoonsgegevens verwerkt?") asks, it does not commit.
        evidence: matches!(
            kind,
            UnitKind::Sentence | UnitKind::ListItem | UnitKind::TableCell
        ) && !text.trim_end().ends_with('?'),
        reference_at: None,
        weak: Vec::new(),
        permissive: None,
        placeholder: None,
        outdated: None,
        ai: false,
        alg: false,
        genai: false,
        nongen: false,
        ai_act: false,
    }
}

/// Everything about a unit the rules need.
fn view(engine: &Engine, text: &str, folded: Folded, kind: UnitKind, names: &[String]) -> UnitView {
    let sp = &engine.special;
    let mut v = bare_view(engine, text, folded, kind);
    v.placeholder = placeholder_kind(text, &v.folded.text);
    v.negated = negated_ranges(&v, sp);
    let (subject, subject_end) = subject_of(&v, sp, names);
    v.subject = subject;
    v.subject_end = subject_end;
    v.reference_at = sp
        .cross_reference
        .and_then(|g| v.group_hits(g).map(|h| h.start).min());
    for &g in &engine.weakener_groups {
        if !v.present(g) {
            continue;
        }
        let w = v.group_hits(g).next().map(|h| v.original(text, h));
        if let Some(w) = w {
            v.weak.push((g, w));
        }
    }
    if v.subject == Party::Customer {
        // A weakener qualifies only the supplier's own duty.
        v.weak.clear();
    }
    v.permissive = permissive_modal(&v, sp, text);
    if !v.has(sp.outdated_law_ignored) && kind != UnitKind::Definition {
        v.outdated = sp
            .outdated_law
            .and_then(|g| v.group_hits(g).next())
            .map(|h| v.original(text, h));
    }
    set_ai_flags(&mut v, sp);
    v
}

/// Whether the unit names AI, generative AI, algorithms, a non-generative system, the AI Act.
fn set_ai_flags(v: &mut UnitView, sp: &Special) {
    let ai_act_hits: Vec<(usize, usize)> = sp
        .ai_act
        .map(|g| v.group_hits(g).map(|h| (h.start, h.end)).collect())
        .unwrap_or_default();
    let outside_ai_act = |h: &Hit| !ai_act_hits.iter().any(|&(s, e)| h.start < e && s < h.end);
    v.ai = sp
        .ai_context
        .is_some_and(|g| v.group_hits(g).any(outside_ai_act));
    v.genai = sp
        .genai
        .is_some_and(|g| v.group_hits(g).any(outside_ai_act));
    v.alg = v.ai || v.has(sp.algorithm_context);
    v.nongen = v.has(sp.non_generative);
    v.ai_act = !ai_act_hits.is_empty();
}

/// The AI context of a heading or title: its hits alone decide it.
fn text_flags(engine: &Engine, text: &str) -> Flags {
    let mut v = bare_view(engine, text, fold(text), UnitKind::Heading);
    set_ai_flags(&mut v, &engine.special);
    Flags {
        ai: v.ai,
        alg: v.alg,
        genai: v.genai,
        nongen: v.nongen,
        ai_near: v.ai,
    }
}

/// Context flags per clause node: heading for every node; for numbered clauses also their units.
fn clause_flags(engine: &Engine, seg: &Segmented, views: &[UnitView]) -> Vec<Flags> {
    seg.clauses
        .iter()
        .map(|c| {
            let mut f = c
                .heading
                .as_deref()
                .map(|h| {
                    text_flags(
                        engine,
                        &format!("{} {}", c.number.as_deref().unwrap_or(""), h),
                    )
                })
                .unwrap_or_default();
            if c.kind == ClauseKind::Numbered {
                for v in views.get(c.units.clone()).unwrap_or(&[]) {
                    f.ai |= v.ai;
                    f.alg |= v.alg;
                    f.genai |= v.genai;
                    f.nongen |= v.nongen;
                }
            }
            f
        })
        .collect()
}

fn numbered_ancestor(seg: &Segmented, mut c: usize) -> Option<usize> {
    loop {
        let node = seg.clauses.get(c)?;
        if node.kind == ClauseKind::Numbered {
            return Some(c);
        }
        c = node.parent?;
    }
}

/// The outdated instrument each numbered clause relies on, if any.
fn outdated_by_clause(seg: &Segmented, views: &[UnitView]) -> Vec<Option<String>> {
    seg.clauses
        .iter()
        .map(|c| {
            if c.kind != ClauseKind::Numbered {
                return None;
            }
            views
                .get(c.units.clone())
                .unwrap_or(&[])
                .iter()
                .find_map(|v| v.outdated.clone())
        })
        .collect()
}

/// Clauses in which some option is ticked (☒, [x]): their unticked options are absent.
fn checked_option_clauses(seg: &Segmented) -> Vec<usize> {
    let mut out: Vec<usize> = seg
        .units
        .iter()
        .filter(|u| is_ticked(&u.text))
        .filter_map(|u| u.clause)
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// An unfilled placeholder or an unselected template option in the original text (`folded` is
/// its folded form, for a quick look for the option words).
fn placeholder_kind(text: &str, folded: &str) -> Option<&'static str> {
    // Most sentences have none of the marker characters or words: rule them out first.
    let suspicious = text
        .bytes()
        .any(|b| matches!(b, b'[' | b'<' | b'_' | b'{'))
        || text.contains('☐')
        // "option", "optie", "select", "kies", in any case
        || ["opti", "sele", "kies"].iter().any(|w| folded.contains(w));
    if !suspicious {
        return None;
    }
    if text.contains('☐') || text.contains("[ ]") || text.contains("[  ]") {
        return Some(OPTION);
    }
    let lower = text.to_lowercase();
    for marker in [
        "option 1",
        "option 2",
        "optie 1",
        "optie 2",
        "select one",
        "kies een",
        "<optional>",
    ] {
        if lower.contains(marker) {
            return Some(OPTION);
        }
    }
    if text.contains("___") || text.contains("{{") || text.contains("[…]") || text.contains("[...]")
    {
        return Some(PLACEHOLDER);
    }
    // [Naam], [●], [insert date], <naam leverancier>
    for (open, close) in [('[', ']'), ('<', '>')] {
        let mut rest = text;
        while let Some(s) = rest.find(open) {
            let after = &rest[s + open.len_utf8()..];
            let Some(e) = after.find(close) else { break };
            let inside = after[..e].trim();
            let is_checkbox = inside.eq_ignore_ascii_case("x");
            // A markdown link "[text](url)" and a footnote mark "[4]" are not placeholders;
            // bracketed words in a contract are: "[Naam]", "[insert date]", "[option – text]".
            let markdown_link = after[e + close.len_utf8()..].starts_with('(');
            let looks_like_field = !inside.is_empty()
                && inside.chars().count() <= 80
                && !is_checkbox
                && !markdown_link
                && (inside.chars().any(char::is_alphabetic)
                    || inside.chars().all(|c| "•●…. _".contains(c)))
                && !inside
                    .chars()
                    .all(|c| c.is_ascii_digit() || "()., ".contains(c));
            if looks_like_field {
                return Some(PLACEHOLDER);
            }
            rest = &after[e + close.len_utf8()..];
        }
    }
    None
}

/// The stretches of the unit under negation (Matcher note 1, clauses/README.md).
fn negated_ranges(v: &UnitView, sp: &Special) -> Vec<(usize, usize)> {
    let fixed: Vec<(usize, usize)> = sp
        .not_negation
        .map(|g| v.group_hits(g).map(|h| (h.start, h.end)).collect())
        .unwrap_or_default();
    let free = |h: &&Hit| !fixed.iter().any(|&(s, e)| h.start >= s && h.start < e);
    let cues = |g: Option<usize>| -> Vec<usize> {
        g.map(|g| v.group_hits(g).filter(free).map(|h| h.start).collect())
            .unwrap_or_default()
    };
    // One cue per negation: "geen" inside "in geen geval" is the same one, not a second that
    // would cancel it.
    let negations: Vec<usize> = sp
        .negation
        .map(|g| {
            let hits: Vec<&Hit> = v.group_hits(g).filter(free).collect();
            hits.iter()
                .filter(|h| {
                    !hits.iter().any(|o| {
                        (o.start, o.end) != (h.start, h.end) && o.start <= h.start && h.end <= o.end
                    })
                })
                .map(|h| h.start)
                .collect()
        })
        .unwrap_or_default();
    // "without"/"zonder" negate only what follows them, whatever negation went before:
    // in "will not transfer … without consent" the transfer and the consent are both negated.
    let forward = cues(sp.negation_forward);
    if negations.is_empty() && forward.is_empty() {
        return Vec::new();
    }
    let exceptions = cues(sp.exception);
    let len = v.folded.text.len();
    let mut bounds: Vec<usize> = sp
        .scope_end
        .map(|g| v.group_hits(g).filter(free).map(|h| h.start).collect())
        .unwrap_or_default();
    bounds.push(0);
    bounds.push(len);
    bounds.sort_unstable();
    bounds.dedup();
    let mut out = Vec::new();
    for w in bounds.windows(2) {
        let (a, b) = (w[0], w[1]);
        // sub-stretches split at exception cues
        let mut cuts: Vec<usize> = exceptions
            .iter()
            .copied()
            .filter(|&x| x > a && x < b)
            .collect();
        cuts.insert(0, a);
        cuts.push(b);
        let mut negated = false;
        for (k, c) in cuts.windows(2).enumerate() {
            let count = negations.iter().filter(|&&n| n >= c[0] && n < c[1]).count();
            negated = if count > 0 {
                count % 2 == 1
            } else if k > 0 {
                !negated
            } else {
                false
            };
            if negated {
                out.push((c[0], c[1]));
            } else if let Some(&f) = forward.iter().find(|&&f| f >= c[0] && f < c[1]) {
                out.push((f, c[1]));
            }
        }
    }
    out
}

/// The grammatical subject: the first party name that is not an object (after a preposition) nor a
/// possessive, skipping a leading subordinate clause and looking through "acknowledges that" and
/// passives with an agent ("shall be notified by the Processor").
fn subject_of(v: &UnitView, sp: &Special, names: &[String]) -> (Party, Option<usize>) {
    let text = v.folded.text.as_bytes();
    let mut parties: Vec<(usize, usize, Party)> = Vec::new();
    for (g, party) in [
        (sp.supplier, Party::Supplier),
        (sp.customer, Party::Customer),
    ] {
        if let Some(g) = g {
            parties.extend(v.group_hits(g).map(|h| (h.start, h.end, party)));
        }
    }
    for name in names {
        let bytes = v.folded.text.as_bytes();
        for (at, _) in v.folded.text.match_indices(name.as_str()) {
            let end = at + name.len();
            if super::terms::boundary_before(bytes, at) && super::terms::boundary_after(bytes, end)
            {
                parties.push((at, end, Party::Supplier));
            }
        }
    }
    if parties.is_empty() {
        return (Party::Unknown, None);
    }
    parties.sort_unstable_by_key(|p| (p.0, std::cmp::Reverse(p.1)));
    // drop party names inside longer ones ("data importer" vs "importer")
    let mut kept: Vec<(usize, usize, Party)> = Vec::new();
    for p in parties {
        if kept.last().is_some_and(|k| p.0 < k.1) {
            continue;
        }
        kept.push(p);
    }
    let ends_at = |group: Option<usize>, at: usize| -> Option<usize> {
        group.and_then(|g| {
            v.group_hits(g)
                .find(|h| h.end + 1 == at || h.end == at)
                .map(|h| h.start)
        })
    };
    let is_object = |start: usize, end: usize| -> bool {
        let mut at = start;
        while let Some(s) = ends_at(sp.determiner, at) {
            at = s;
        }
        if ends_at(sp.party_object_marker, at).is_some() || ends_at(sp.agent_marker, at).is_some() {
            return true;
        }
        let after = &text[end.min(text.len())..];
        // "Customer Data will not be used …": the party name qualifies a noun.
        let modifier = sp
            .party_modifier_next
            .is_some_and(|g| v.group_hits(g).any(|h| h.start == end + 1));
        modifier || after.starts_with(b"'s") || after.starts_with(b"s'")
    };
    let mut from = 0;
    if let Some(g) = sp.subordinator {
        if v.group_hits(g).any(|h| h.start == 0) {
            from = v.folded.text.find(',').map(|c| c + 1).unwrap_or(0);
        }
    }
    let first_subject = |from: usize| {
        kept.iter()
            .copied()
            .find(|&(s, e, _)| s >= from && !is_object(s, e))
    };
    let is_agent = |start: usize| {
        let mut at = start;
        while let Some(x) = ends_at(sp.determiner, at) {
            at = x;
        }
        ends_at(sp.agent_marker, at).is_some()
    };
    // A passive whose agent comes first ("Inputs are never used by the Supplier …, unless the
    // Customer consents"): the agent is the actor.
    let agent_first = kept
        .iter()
        .copied()
        .find(|&(s, _, _)| s >= from && is_agent(s));
    let candidate = first_subject(from).or_else(|| first_subject(0));
    let chosen = match (agent_first, candidate) {
        (Some(a), Some(c)) if a.0 < c.0 => Some(a),
        (Some(a), None) => Some(a),
        (_, c) => c,
    };
    let Some(mut subject) = chosen else {
        return (Party::Unknown, None);
    };
    if let Some(g) = sp.acknowledge {
        if let Some(ack) = v
            .group_hits(g)
            .find(|h| h.start >= subject.1 && h.start <= subject.1 + 40)
        {
            if let Some(next) = first_subject(ack.end) {
                subject = next;
            }
        }
    }
    if let Some(g) = sp.passive_auxiliary {
        let passive = v
            .group_hits(g)
            .any(|h| h.start > subject.1 && h.start <= subject.1 + 12);
        if passive {
            let agent = kept.iter().copied().find(|&(s, _, _)| {
                s > subject.1 && {
                    let mut at = s;
                    while let Some(x) = ends_at(sp.determiner, at) {
                        at = x;
                    }
                    ends_at(sp.agent_marker, at).is_some()
                }
            });
            if let Some(agent) = agent {
                subject = agent;
            }
        }
    }
    (subject.2, Some(subject.1))
}

/// "Supplier may notify": a permissive modal right after the supplier as subject, without "only"
/// and not negated ("may not").
fn permissive_modal(v: &UnitView, sp: &Special, text: &str) -> Option<String> {
    // "may engage sub-processors, provided that it notifies …": the duty is the condition.
    if v.subject != Party::Supplier || v.has(sp.only) || v.has(sp.condition) {
        return None;
    }
    let end = v.subject_end?;
    let modal = sp
        .permissive_modal
        .and_then(|g| v.group_hits(g).find(|h| h.start == end + 1))?;
    let negated_next = sp
        .negation
        .is_some_and(|g| v.group_hits(g).any(|h| h.start == modal.end + 1));
    if negated_next {
        return None;
    }
    Some(v.original(text, modal))
}

/// The context flags of every unit: from itself, its paragraph, its enclosing numbered clauses
/// (heading and text), sections and annexes (heading), and the document title.
fn context_flags(
    seg: &Segmented,
    views: &[UnitView],
    clause_flags: &[Flags],
    title: Flags,
) -> Vec<Flags> {
    let mut by_paragraph: std::collections::HashMap<u32, Flags> = std::collections::HashMap::new();
    for (u, v) in seg.units.iter().zip(views) {
        let f = by_paragraph.entry(u.paragraph).or_default();
        f.ai |= v.ai;
        f.alg |= v.alg;
        f.genai |= v.genai;
    }
    seg.units
        .iter()
        .zip(views)
        .map(|(u, v)| {
            let mut f = Flags {
                ai: v.ai,
                alg: v.alg,
                genai: v.genai,
                nongen: v.nongen,
                ai_near: false,
            };
            // Whether the unit's own clause (its innermost numbered clause, else its paragraph)
            // names generative AI: only that overrides a non-generative system named there.
            let mut inner_genai = v.genai;
            if let Some(p) = by_paragraph.get(&u.paragraph) {
                f.ai |= p.ai;
                f.alg |= p.alg;
                f.genai |= p.genai;
                inner_genai |= u.clause.is_none() && p.genai;
            }
            let mut c = u.clause;
            let mut innermost = true;
            while let Some(i) = c {
                let cf = clause_flags.get(i).copied().unwrap_or_default();
                f.ai |= cf.ai;
                f.alg |= cf.alg;
                f.genai |= cf.genai;
                if innermost {
                    f.nongen |= cf.nongen;
                    inner_genai |= cf.genai;
                    innermost = false;
                }
                c = seg.clauses.get(i).and_then(|n| n.parent);
            }
            // "the fraud risk scoring System complies with the AI Act" stays non-generative even
            // when a later clause of the same article, or the title, speaks of generative AI.
            f.nongen &= !inner_genai;
            f.ai_near = f.ai;
            f.ai |= title.ai;
            f.alg |= title.alg;
            f.genai |= title.genai;
            f
        })
        .collect()
}

/// Whether a unit with context `f` counts for a pattern that needs `context`.
fn context_allows(context: Context, f: Flags, v: &UnitView) -> bool {
    // A clause naming only a non-generative system (route optimisation, OCR, …) is no genAI context;
    // `nongen` is already cleared where the clause itself names generative AI.
    let genai_ok = f.ai && !f.nongen;
    match context {
        Context::None => true,
        Context::Genai => genai_ok,
        Context::GenaiNear => genai_ok && f.ai_near,
        // An AI Act clause counts too, unless what it governs is named as non-generative ("the
        // fraud risk scoring System complies with the AI Act").
        Context::GenaiOrAiAct => {
            genai_ok || (v.ai_act && v.subject != Party::Customer && !f.nongen)
        }
        Context::Algorithm => f.alg,
    }
}

/// Whether `v` binds the party a pattern asks for: a unit naming no subject (passive, a statement
/// about the system) speaks for the supplier, whose document it is, unless its clause or list
/// lead-in binds the customer.
fn subject_ok(subject: Subject, v: &UnitView) -> bool {
    match subject {
        Subject::Any => true,
        Subject::Customer => {
            v.subject == Party::Customer
                || (v.subject == Party::Unknown && v.bound == Party::Customer)
        }
        Subject::Supplier => {
            v.subject == Party::Supplier
                || (v.subject == Party::Unknown && v.bound != Party::Customer)
        }
    }
}

/// The supplier's own name as the document defines it ('Vendia, Inc. ("Vendia")', 'Starred B.V.,
/// hierna: "Starred"'), folded: a name defined right after a company name with a legal form. Only
/// when the document defines exactly one such name; two (both parties by name) are ambiguous.
/// Role words that make a company the customer where a definition gives them to it.
const CUSTOMER_ROLES: &[&str] = &[
    "customer",
    "client",
    "controller",
    "licensee",
    "opdrachtgever",
    "verwerkingsverantwoordelijke",
    "verantwoordelijke",
    "klant",
    "afnemer",
];

/// Whether the document is Dutch rather than English, by the two languages' commonest words: the
/// words [`Folded::replace_tokens`] writes for a name must be the ones the rules use.
fn is_dutch(folded: &[Folded]) -> bool {
    const DUTCH: &[&str] = &[
        "de", "het", "een", "van", "en", "voor", "niet", "wordt", "zijn", "op",
    ];
    const ENGLISH: &[&str] = &[
        "the", "of", "and", "to", "shall", "for", "not", "be", "is", "by",
    ];
    let (mut nl, mut en) = (0usize, 0usize);
    let words = folded
        .iter()
        .flat_map(|f| f.text.split(|c: char| !c.is_alphanumeric()))
        .take(5_000);
    for w in words {
        // Every word of both lists is at most five bytes long.
        if w.len() > 5 {
            continue;
        }
        nl += usize::from(DUTCH.contains(&w));
        en += usize::from(ENGLISH.contains(&w));
    }
    nl > en
}

/// Legal forms that end a company's name, folded ("Acme B.V.", "Helix Ltd").
#[rustfmt::skip]
const LEGAL_FORMS: &[&str] = &[
    "b.v.", "b.v", "bv", "n.v.", "inc.", "inc", "ltd", "ltd.", "gmbh", "llc", "s.a.", "ag", "corp.",
    "corporation", "plc", "v.o.f.",
];

/// Whether `word` (lower case) is a legal form, with the punctuation around it in running text
/// ("B.V.,", "Ltd)", "ltd;") left off.
fn is_legal_form(word: &str) -> bool {
    let w = word.trim_matches([',', ')', '(', ';', ':']);
    LEGAL_FORMS.contains(&w)
        || w.strip_suffix('.')
            .is_some_and(|w| LEGAL_FORMS.contains(&w))
}

fn supplier_names(
    units: &[Unit],
    folded: &[Folded],
    vocabulary: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for f in folded.iter().take(80) {
        // Markdown bold ('**Triagio B.V.**') is no part of a name.
        let f = &f.text.replace('*', "");
        // Quoted names ('("Vendia")') and names after a marker without quotes ('(hierna: Oudhof)').
        // Quotes pair up: '("Helix" or the "Processor")' quotes "helix" and "processor", not
        // "or the".
        let marks: Vec<usize> = f.match_indices('"').map(|(q, _)| q).collect();
        let quoted = marks
            .chunks_exact(2)
            .filter_map(|pair| Some((pair[0], f.get(pair[0] + 1..pair[1])?.trim())));
        let marked = ["hierna te noemen:", "hierna:", "hereinafter:", "hereafter:"]
            .iter()
            .flat_map(|m| f.match_indices(m).map(move |(q, _)| (q, q + m.len())))
            .filter_map(|(q, after)| {
                let rest = f.get(after..)?.trim_start();
                if rest.starts_with('"') {
                    return None;
                }
                let len = rest.find([')', ',', ';']).unwrap_or(rest.len());
                Some((q, rest[..len].trim()))
            });
        // A definition line: 'DataVista: DataVista B.V., gevestigd te Eindhoven'.
        let defined = f.split_once(':').and_then(|(head, rest)| {
            let head = head
                .trim_start_matches(|c: char| c.is_ascii_digit() || c == '.' || c == ' ')
                .trim_matches(['"', ' ']);
            let rest = rest.trim_start();
            let legal = rest.split(' ').take(6).any(is_legal_form);
            (legal && rest.starts_with(head) && !head.is_empty()).then_some((0, head, true))
        });
        let candidates: Vec<(usize, &str, bool)> = quoted
            .chain(marked)
            .map(|(q, name)| (q, name, false))
            .chain(defined)
            .collect();
        for (q, name, has_legal_form) in candidates {
            let name_like = name.chars().next().is_some_and(char::is_alphanumeric)
                && name
                    .chars()
                    .all(|c| c.is_alphanumeric() || " -.&'".contains(c));
            if !name_like || name.len() > 40 || name.split(' ').count() > 3 {
                continue;
            }
            let before = f[..q].trim_end_matches(['(', ' ', ':', ',']);
            let before = before
                .trim_end_matches("hereinafter")
                .trim_end_matches("hierna te noemen")
                .trim_end_matches("hierna")
                .trim_end_matches(['(', ' ', ':', ',']);
            // The party's own description: back to the end of the previous party (';', or the ')'
            // closing its definition), at most 30 words ('Helix Payroll Services Ltd, a company
            // registered in … ("Helix")').
            let own = before.rsplit([';', ')']).next().unwrap_or(before);
            let window: Vec<&str> = own.rsplit(' ').take(30).collect();
            let role_end = f[q..]
                .find([')', ';'])
                .map_or(f.len(), |e| q + e)
                .min(q + 80)
                .min(f.len());
            let role = f.get(q..role_end).unwrap_or("");
            // The role the definition gives the name: 'Acme B.V. ("Acme" or the "Customer")' names
            // the customer, whatever its legal form.
            let customer = CUSTOMER_ROLES
                .iter()
                .any(|r| role.contains(&format!("\"{r}\"")));
            // "Limited" is a legal form only where it ends the name ("Acme Limited,"), not in
            // "provide limited assistance".
            let legal_form = |i: usize, w: &str| {
                is_legal_form(w) || w == "limited," || (i == 0 && w == "limited")
            };
            if (has_legal_form || window.iter().enumerate().any(|(i, w)| legal_form(i, w)))
                && !customer
                && !names.iter().any(|n| n == name)
            {
                names.push(name.to_string());
            }
        }
    }
    const ROLES: &[&str] = &[
        "verwerker",
        "verwerkingsverantwoordelijke",
        "opdrachtgever",
        "opdrachtnemer",
        "leverancier",
        "klant",
        "customer",
        "supplier",
        "provider",
        "processor",
        "controller",
        "client",
        "vendor",
        "partijen",
        "parties",
        "we",
        "us",
        "our",
        "you",
        "your",
        "wij",
        "ons",
        "u",
        "licensee",
        "licensor",
        "contractor",
        "opdrachtnemer",
        "dienstverlener",
        "contracting authority",
        "authority",
        "aanbestedende dienst",
        "municipality",
        "gemeente",
        "buyer",
        "purchaser",
        "afnemer",
        "koper",
        "agreement",
        "overeenkomst",
    ];
    names.retain(|n| !ROLES.contains(&n.as_str()));
    match names.len() {
        1 => names,
        0 => {
            let in_form = named_in_form(folded, vocabulary);
            if in_form.is_empty() {
                named_with_legal_form(units, folded, vocabulary)
            } else {
                in_form
            }
        }
        _ => Vec::new(),
    }
}

/// The supplier named in a form row ("Naam leverancier | Kennispunt Advies B.V.", "Supplier name:
/// Acme Ltd"): the name without its legal form, and its first word when the document also uses
/// that alone ("Kennispunt treft passende maatregelen").
fn named_in_form(folded: &[Folded], vocabulary: &dyn Fn(&str) -> bool) -> Vec<String> {
    const LABELS: &[&str] = &[
        "naam leverancier",
        "naam van de leverancier",
        "naam opdrachtnemer",
        "naam van de opdrachtnemer",
        "naam dienstverlener",
        "naam verwerker",
        "naam van de verwerker",
        "supplier name",
        "name of the supplier",
        "name of supplier",
        "supplier",
        "leverancier",
        "opdrachtnemer",
        "provider name",
        "name of the provider",
        "vendor name",
        "processor name",
        "name of the processor",
    ];
    let label_value = |i: usize| -> Option<&str> {
        let t = folded.get(i)?.text.trim();
        if let Some((head, rest)) = t.split_once(':') {
            if LABELS.contains(&head.trim()) && !rest.trim().is_empty() {
                return Some(rest.trim());
            }
        }
        LABELS
            .contains(&t.trim_end_matches(':').trim())
            .then(|| folded.get(i + 1).map(|f| f.text.trim()))
            .flatten()
    };
    let Some(value) = (0..folded.len().min(120)).find_map(|i| {
        label_value(i).filter(|v| v.split(' ').count() <= 6 && v.split(' ').any(is_legal_form))
    }) else {
        return Vec::new();
    };
    let words: Vec<&str> = value.split(' ').take_while(|w| !is_legal_form(w)).collect();
    with_short_form(&words, folded, vocabulary)
}

/// Words (folded, as word beginnings) that name a company the supplier engages, not the supplier.
const SUBCONTRACTOR_ROLES: &[&str] = &[
    "onderaannemer",
    "subverwerker",
    "sub-verwerker",
    "subcontractor",
    "sub-contractor",
    "subprocessor",
    "sub-processor",
    "toeleverancier",
    "hulpleverancier",
];

/// The one company a document names with its legal form near its start ("Tekstlab B.V. en de
/// gemeente Wervershoven hebben gezamenlijk …"), where nothing defines the supplier otherwise: a
/// public body buys from companies, so that company is the supplier. Not when the company is
/// defined as the customer, nor when two companies are named.
fn named_with_legal_form(
    units: &[Unit],
    folded: &[Folded],
    vocabulary: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    // Model and cloud providers a supplier names as its own sub-processors.
    const PROVIDERS: &[&str] = &[
        "microsoft",
        "google",
        "amazon",
        "aws",
        "openai",
        "anthropic",
        "meta",
        "mistral",
        "ireland",
        "oracle",
        "salesforce",
    ];
    let mut companies: Vec<Vec<String>> = Vec::new();
    for (u, f) in units.iter().zip(folded).take(15) {
        // A table of tools and providers names theirs, not the supplier's.
        if u.kind == UnitKind::TableCell {
            continue;
        }
        let words: Vec<&str> = u.text.split_whitespace().collect();
        for (i, w) in words.iter().enumerate() {
            if !is_legal_form(&w.to_lowercase()) {
                continue;
            }
            let mut name: Vec<String> = words[..i]
                .iter()
                .rev()
                .take(3)
                .map(|w| w.trim_matches(['(', ')', '"', '*', '\'', '“', '”']))
                .take_while(|w| w.chars().next().is_some_and(char::is_uppercase))
                .map(|w| fold(w).text)
                .collect();
            name.reverse();
            // A title word before the name ("Verwerkersovereenkomst Medisoft Zorgdata B.V.") is
            // a word of the rules' vocabulary, no part of the name.
            while name.len() > 1 && vocabulary(&name[0]) {
                name.remove(0);
            }
            if name.is_empty() || name.iter().any(|w| PROVIDERS.contains(&w.as_str())) {
                continue;
            }
            // "Onderaannemer: Rekenhuis B.V.", "sub-processor Cloudbase Ltd": the supplier's own
            // subcontractor, named by its role just before it.
            let role_before = words[..i.saturating_sub(name.len())]
                .iter()
                .rev()
                .take(3)
                .any(|w| {
                    let w = fold(w).text;
                    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                    SUBCONTRACTOR_ROLES.iter().any(|r| w.starts_with(r))
                });
            if role_before {
                continue;
            }
            // 'Acme Retail B.V. (hierna: "Opdrachtgever")' is the customer.
            let full = name.join(" ");
            let after = f.text.find(&full).map_or("", |at| {
                let mut end = (at + full.len() + 80).min(f.text.len());
                while !f.text.is_char_boundary(end) {
                    end -= 1;
                }
                &f.text[at..end]
            });
            if CUSTOMER_ROLES.iter().any(|r| after.contains(r)) {
                return Vec::new();
            }
            if !companies.contains(&name) {
                companies.push(name);
            }
        }
    }
    match companies.as_slice() {
        [one] => with_short_form(
            &one.iter().map(String::as_str).collect::<Vec<_>>(),
            folded,
            vocabulary,
        ),
        _ => Vec::new(),
    }
}

/// A company name (folded words without the legal form), and its first word when the document
/// writes that alone ("Kennispunt treft passende maatregelen").
fn with_short_form(
    words: &[&str],
    folded: &[Folded],
    vocabulary: &dyn Fn(&str) -> bool,
) -> Vec<String> {
    // A lone vocabulary word ("Hosting B.V.") would rename every "hosting" in the document.
    if words.is_empty() || (words.len() == 1 && vocabulary(words[0])) {
        return Vec::new();
    }
    let full = words.join(" ");
    let mut names = vec![full.clone()];
    // The short form, where the document writes the first word without the rest.
    if let [first, second, ..] = words {
        let alone = |f: &Folded| {
            let followed = format!(" {second}");
            f.text.match_indices(first).any(|(at, _)| {
                let end = at + first.len();
                is_boundary_before(&f.text, at)
                    && is_boundary_after(&f.text, end)
                    && !f.text[end..].starts_with(&followed)
            })
        };
        if first.len() >= 4 && !vocabulary(first) && folded.iter().any(alone) {
            names.push(first.to_string());
        }
    }
    names
}

/// An AI product the document defines ("de Vraagwijzer: een chatbot die met behulp van generatieve
/// AI …") is read as what it is wherever it is named: "De Vraagwijzer wordt in overleg met
/// Opdrachtgever ingericht" says "de generatieve ai wordt …", so the rules see an AI
/// noun there, as they see the supplier in its company name. Units naming it are viewed again.
fn rename_ai_products(
    engine: &Engine,
    seg: &Segmented,
    views: &mut [UnitView],
    names: &[String],
    dutch: bool,
) {
    let sp = &engine.special;
    let mut products: Vec<(String, bool)> = Vec::new();
    for (u, v) in seg.units.iter().zip(views.iter()) {
        if !v.ai {
            continue;
        }
        // Where AI words that name a kind of product ("chatbot", "AI assistant") start.
        let product_word = |h: &&Hit| {
            let rest = v.folded.text[h.end..].trim_start();
            super::products::is_product_kind(&v.folded.text[h.start..h.end])
                || super::products::is_product_kind(rest.split(' ').next().unwrap_or(""))
        };
        let starts = |g: Option<usize>| -> Vec<usize> {
            g.map(|g| {
                v.group_hits(g)
                    .filter(product_word)
                    .map(|h| v.folded.original_range(h.start, h.end).start)
                    .collect()
            })
            .unwrap_or_default()
        };
        let defined =
            super::products::defined_in(&u.text, &starts(sp.ai_context), &starts(sp.genai));
        for (name, genai) in defined {
            // A named non-generative system (route optimisation, OCR) stays what it is.
            if (genai || !v.nongen) && !products.iter().any(|(n, _)| n == &name) {
                products.push((name, genai));
            }
        }
    }
    if products.is_empty() {
        return;
    }
    products.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    for (u, v) in seg.units.iter().zip(views.iter_mut()) {
        // Most units name no product: copy only those that do.
        if !products
            .iter()
            .any(|(n, _)| v.folded.text.contains(n.as_str()))
        {
            continue;
        }
        let mut folded = v.folded.clone();
        let mut renamed = false;
        for (name, genai) in &products {
            let what = match (genai, dutch) {
                // Two tokens, as the rules write it: "ai-toepassing" would be one.
                (true, true) => "generatieve ai",
                (true, false) => "generative ai",
                (false, true) => "ai-systeem",
                (false, false) => "ai system",
            };
            renamed |= folded.replace_tokens(name, what);
        }
        if renamed {
            *v = view(engine, &u.text, folded, u.kind, names);
        }
    }
}

/// List items under a lead-in that ends in ':' take its subject when they name none, and its
/// negation ("Customer will not: (a) …; (b) …").
fn inherit_from_lead_ins(seg: &Segmented, views: &mut [UnitView]) -> Vec<Option<usize>> {
    let mut leads = vec![None; seg.units.len()];
    let mut lead: Option<usize> = None;
    for i in 0..seg.units.len() {
        let u = &seg.units[i];
        if u.kind != UnitKind::ListItem {
            lead = u.text.trim_end().ends_with(':').then_some(i);
            continue;
        }
        let Some(l) = lead else { continue };
        leads[i] = Some(l);
        let (subject, negated) = {
            let lv = &views[l];
            let end = lv
                .folded
                .text
                .trim_end_matches(':')
                .trim_end()
                .len()
                .saturating_sub(1);
            (lv.subject, lv.is_negated(end))
        };
        let v = &mut views[i];
        if v.subject == Party::Unknown {
            v.bound = subject;
        }
        if negated {
            v.negated = complement(&v.negated, v.folded.text.len());
        }
    }
    leads
}

/// An unticked option covers the rest of its paragraph: the sentences after "☐ …" are its text,
/// up to the next option or list item. The lead-in before a checklist and a ticked option in the
/// same paragraph are not ("Breaches are notified: ☐ within 24 hours ☒ within 48 hours").
fn spread_options(seg: &Segmented, views: &mut [UnitView]) {
    let mut option_paragraph: Option<u32> = None;
    for (u, v) in seg.units.iter().zip(views.iter_mut()) {
        if v.placeholder == Some(OPTION) {
            option_paragraph = Some(u.paragraph);
            continue;
        }
        let continues = option_paragraph == Some(u.paragraph)
            && u.kind != UnitKind::ListItem
            && !is_ticked(&u.text);
        if continues && v.placeholder.is_none() {
            v.placeholder = Some(OPTION);
        } else if !continues {
            option_paragraph = None;
        }
    }
}

/// Whether a unit is a ticked option (☒, ☑, [x]).
fn is_ticked(text: &str) -> bool {
    text.contains('☒') || text.contains('☑') || text.contains("[x]") || text.contains("[X]")
}

fn complement(ranges: &[(usize, usize)], len: usize) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for &(s, e) in ranges {
        if s > at {
            out.push((at, s));
        }
        at = at.max(e);
    }
    if at < len {
        out.push((at, len));
    }
    out
}

/// A two-column table whose first column labels its rows ("Doel | Ondersteuning van …") reads
/// each value as a form line, "doel: ondersteuning van …": the label's words meet the value's in
/// one unit, and a row whose value is empty says nothing. The label cell itself is read as
/// empty, so that it cannot pair with the row above. Only the folded text changes; evidence
/// shows the value cell as written.
fn read_values_with_row_labels(seg: &Segmented, folded: &mut [Folded]) -> Vec<Option<usize>> {
    let mut labels = vec![None; seg.units.len()];
    for ui in 1..seg.units.len() {
        let (Some(label), Some(value)) = (seg.units[ui - 1].cell, seg.units[ui].cell) else {
            continue;
        };
        let third = seg.units.get(ui + 1).and_then(|u| u.cell);
        let two_columns = label.table == value.table
            && label.row == value.row
            && label.col == 0
            && value.col == 1
            && !third.is_some_and(|c| c.table == value.table && c.row == value.row);
        if !two_columns || folded[ui].text.trim().is_empty() {
            continue;
        }
        let label_text = folded[ui - 1].text.trim().trim_end_matches(':');
        let words = label_text.split_whitespace().count();
        if words == 0 || words > ROW_LABEL_WORDS {
            continue;
        }
        let label = format!("{label_text}: ");
        folded[ui].prepend(&label);
        folded[ui - 1].clear();
        labels[ui] = Some(ui - 1);
    }
    labels
}

/// Most words of a row label; a longer first cell is a statement of its own.
const ROW_LABEL_WORDS: usize = 6;

/// How far back a cell looks for its header (units): bounds the work on a huge table.
const MAX_TABLE_UNITS: usize = 4000;

/// A table cell below the first row is read with the header cell of its column, as a list item
/// with its lead-in: "Categorieën persoonsgegevens" over "NAW-gegevens, BSN".
fn header_cells_as_lead_ins(seg: &Segmented, leads: &mut [Option<usize>]) {
    for (ui, lead) in leads.iter_mut().enumerate() {
        let Some(cell) = seg.units[ui].cell.filter(|c| c.row > 0) else {
            continue;
        };
        if lead.is_some() {
            continue;
        }
        // The nearest header cell before it: tables of different parts may share a number.
        *lead = (0..ui).rev().take(MAX_TABLE_UNITS).find(|&h| {
            seg.units[h]
                .cell
                .is_some_and(|c| c.table == cell.table && c.row == 0 && c.col == cell.col)
        });
    }
}

/// Whether the document writes the supplier as a defined party: a supplier word defined
/// ("hierna te noemen 'verwerker'", '(the "Supplier")', "Verwerker: de partij die …"), or
/// capitalised inside a unit ("de Verwerker", "the Supplier") at least [`PARTY_MENTIONS`] times.
/// (A defined name, 'Vendia B.V. ("Vendia")', counts on its own; "we" does not: guidance says
/// "we adviseren".)
fn supplier_written_as_party(engine: &Engine, seg: &Segmented, views: &[UnitView]) -> bool {
    let Some(g) = engine.special.supplier else {
        return false;
    };
    let defined = seg.units.iter().zip(views).any(|(u, v)| {
        let f = v.folded.text.as_str();
        v.group_hits(g).any(|h| {
            let before = f.get(..h.start).unwrap_or("").trim_end();
            let mut from = before.len().saturating_sub(40);
            while !before.is_char_boundary(from) {
                from += 1;
            }
            let near = &before[from..];
            before.ends_with(['"', '\''])
                || ["hierna", "hereinafter", "hereafter", "referred to as"]
                    .iter()
                    .any(|m| near.contains(m))
                || (u.kind == UnitKind::Definition && h.start <= 1)
        })
    });
    defined
        || seg
            .units
            .iter()
            .zip(views)
            .flat_map(|(u, v)| {
                v.group_hits(g).filter(move |h| {
                    let word = u
                        .text
                        .get(v.folded.original_range(h.start, h.end))
                        .unwrap_or("");
                    h.start > 0 && word.starts_with(char::is_uppercase)
                })
            })
            .nth(PARTY_MENTIONS - 1)
            .is_some()
}

/// Capitalised mentions of the supplier that make a long text a contract rather than guidance.
const PARTY_MENTIONS: usize = 3;

/// Binds units without a subject of their own to a party, and says whether the document is
/// foreign: a long text in which the supplier hardly ever acts (see below), whose statements bind
/// the supplier nowhere, not even where they name it.
///
/// Units that name no subject are bound by the explicit subjects of their numbered clause (or, in
/// unnumbered text, their paragraph): supplier when only the supplier is named as subject there,
/// customer when only the customer is; else by the document. A binding from a list lead-in stays.
fn bind_passives(seg: &Segmented, views: &mut [UnitView], formal: bool) -> bool {
    // Who acts in a stretch of units: (supplier acts somewhere often enough, customer acts).
    // A guideline that mentions "de leverancier" now and then is no more the supplier's text than
    // one that never does: over a long stretch the supplier must act in at least one sentence in
    // forty. The same holds for a "clause" that runs over a whole guidance document.
    let acting = |vs: &[UnitView]| -> (bool, bool, bool) {
        let supplier_acts = vs.iter().filter(|v| v.subject == Party::Supplier).count();
        let customer_acts = vs.iter().any(|v| v.subject == Party::Customer);
        let evidence_units = vs.iter().filter(|v| v.evidence).count();
        let long = evidence_units > SHORT_DECLARATION_UNITS;
        let often = supplier_acts > 0 && supplier_acts * SHORT_DECLARATION_UNITS >= evidence_units;
        (often, customer_acts, long)
    };
    let scope = |i: usize| -> std::ops::Range<usize> {
        let u = &seg.units[i];
        if let Some(c) = u.clause.and_then(|c| numbered_ancestor(seg, c)) {
            if let Some(node) = seg.clauses.get(c) {
                return node.units.clone();
            }
        }
        let mut a = i;
        while a > 0 && seg.units[a - 1].paragraph == u.paragraph {
            a -= 1;
        }
        let mut b = i + 1;
        while b < seg.units.len() && seg.units[b].paragraph == u.paragraph {
            b += 1;
        }
        a..b
    };
    // The document itself: every document in a supplier's folder speaks for the supplier, unless it
    // names only the customer side as acting party (a policy or questionnaire for the authority).
    // A long text in which the supplier does not act often enough is no contract or declaration of
    // the supplier (a policy framework, an FAQ): its statements bind nobody.
    // Contracts write the supplier as a defined party ("de Leverancier", "the Processor", a
    // defined name, "we"); a guidance text that only speaks of "de leverancier" or "aanbieders"
    // in general is foreign however often they act in it.
    let (names_supplier, names_customer, long) = acting(views);
    let foreign = long && !(names_supplier && formal);
    let document = if names_supplier || (!names_customer && !long) {
        Party::Supplier
    } else {
        Party::Unknown
    };
    // Scopes repeat for every unit of a clause: work each out once.
    let mut known: rustc_hash::FxHashMap<(usize, usize), Party> = Default::default();
    for i in 0..views.len() {
        if views[i].subject != Party::Unknown || views[i].bound != Party::Unknown {
            continue;
        }
        let range = scope(i);
        let bound = match known.get(&(range.start, range.end)) {
            Some(&p) => p,
            None => {
                let (sup, cus, _) = acting(views.get(range.clone()).unwrap_or(&[]));
                let p = match (sup, cus) {
                    (true, false) => Party::Supplier,
                    (false, true) => Party::Customer,
                    _ => document,
                };
                known.insert((range.start, range.end), p);
                p
            }
        };
        views[i].bound = bound;
    }
    foreign
}

fn polarity_ok(v: &UnitView, h: &Hit, p: Polarity) -> bool {
    match p {
        Polarity::Either => true,
        Polarity::Affirmed => !v.is_negated(h.start),
        Polarity::Negated => v.is_negated(h.start),
    }
}

/// The hits that make `v` meet the pattern, or `None`.
fn meets<'a>(p: &CompiledPattern, v: &'a UnitView, ctx: Flags) -> Option<Vec<&'a Hit>> {
    if !p.all.iter().all(|&(g, _)| v.present(g)) {
        return None;
    }
    let mut used = Vec::new();
    for &(g, pol) in &p.all {
        used.push(v.group_hits(g).find(|h| polarity_ok(v, h, pol))?);
    }
    if !p.any.is_empty() {
        let hit = p
            .any
            .iter()
            .find_map(|&(g, pol)| v.group_hits(g).find(|h| polarity_ok(v, h, pol)))?;
        used.push(hit);
    }
    if p.without.iter().any(|&g| v.group_hits(g).next().is_some()) {
        return None;
    }
    if !subject_ok(p.subject, v) || !context_allows(p.context, ctx, v) {
        return None;
    }
    used.sort_unstable_by_key(|h| h.start);
    Some(used)
}
