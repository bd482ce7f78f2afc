//! The clause library: loads and validates the clause files (TOML) — the built-in ones of `clauses/`,
//! compiled into the binary, and a user's own folder (`--clauses DIR`) — and the profiles.
//! The file format is documented in `clauses/README.md`; every error names the file and line.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use crate::engine::BreachDeadline;
use crate::model::{Severity, Verdict};

/// The built-in clause files, in load order.
const BUILTIN: &[(&str, &str)] = &[
    (
        "clauses/common.toml",
        include_str!("../clauses/common.toml"),
    ),
    ("clauses/genai.toml", include_str!("../clauses/genai.toml")),
    ("clauses/dp.toml", include_str!("../clauses/dp.toml")),
    ("clauses/risk.toml", include_str!("../clauses/risk.toml")),
    (
        "clauses/profiles.toml",
        include_str!("../clauses/profiles.toml"),
    ),
];

/// An invalid clause file: where, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct LibraryError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

/// Which text must mention AI (or algorithms) for a unit to count (requirements.md, Verdict rules).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Context {
    #[default]
    None,
    Genai,
    /// As `Genai`, and AI named in the unit, its paragraph or its clauses: the document title is
    /// not enough (for wording every contract has, such as "complies with all applicable laws").
    GenaiNear,
    GenaiOrAiAct,
    Algorithm,
}

/// Who a unit must bind for a pattern to count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Subject {
    #[default]
    Supplier,
    Customer,
    Any,
}

/// The polarity a group's match must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Polarity {
    Either,
    Affirmed,
    Negated,
}

/// A reference to a term group inside a pattern, with its polarity prefix (`+group`, `-group`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupRef {
    pub name: String,
    pub polarity: Polarity,
}

impl GroupRef {
    fn parse(s: &str) -> GroupRef {
        if let Some(rest) = s.strip_prefix('+') {
            GroupRef {
                name: rest.to_string(),
                polarity: Polarity::Affirmed,
            }
        } else if let Some(rest) = s.strip_prefix('-') {
            GroupRef {
                name: rest.to_string(),
                polarity: Polarity::Negated,
            }
        } else {
            GroupRef {
                name: s.to_string(),
                polarity: Polarity::Either,
            }
        }
    }
}

/// What one unit must contain: the building block of elements, partial, conflict and note rules.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Pattern {
    pub all: Vec<GroupRef>,
    pub any: Vec<GroupRef>,
    pub without: Vec<String>,
    pub subject: Subject,
    pub context: Option<Context>,
    pub note: Option<String>,
    /// For conflicts: void when one of these elements is met anywhere in the supplier's documents.
    pub unless: Vec<String>,
}

/// One lettered element of COVERED.
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    pub id: String,
    pub label: String,
    /// The note when this element is lacking; defaults to "lacking: <label>".
    pub missing: Option<String>,
    /// Only under this breach-deadline setting.
    pub when: Option<BreachDeadline>,
    /// `false`: met alone, this element does not address the requirement (a "purpose" line in a
    /// questionnaire is no DPA); it counts once another element or a partial pattern is met.
    pub standalone: bool,
    pub pattern: Pattern,
}

/// A worked example that `clauses test` runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Example {
    pub text: String,
    pub title: Option<String>,
    pub breach_deadline: Option<BreachDeadline>,
    pub verdict: Verdict,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Requirement {
    pub id: String,
    pub family: String,
    pub title: String,
    pub basis: Vec<String>,
    pub why: String,
    pub context: Context,
    pub cap_outdated_law: bool,
    pub ignore_weakeners: Vec<String>,
    pub elements: Vec<Element>,
    pub covered: Vec<Vec<String>>,
    pub partial: Vec<Pattern>,
    pub conflict: Vec<Pattern>,
    pub notes: Vec<Pattern>,
    pub examples: Vec<Example>,
    /// The file it came from, for messages.
    pub file: String,
    pub line: usize,
}

/// A note that one finding puts on every result of a family ("supplier declares no genAI use").
#[derive(Debug, Clone, PartialEq)]
pub struct CrossNote {
    pub family: String,
    pub note: String,
    /// `REQ-ID/element`: the note applies when that element is met.
    pub element: Option<(String, String)>,
    /// Or: the note applies when this pattern is met by a unit.
    pub pattern: Option<Pattern>,
}

/// A requirement set with severities.
#[derive(Debug, Clone)]
pub struct Profile {
    pub name: String,
    pub description: String,
    pub breach_deadline: BreachDeadline,
    /// Requirement IDs with their severity, in catalogue order.
    pub requirements: Vec<(String, Severity)>,
}

/// A named list of terms, as written in a clause file.
#[derive(Debug, Clone, PartialEq)]
pub struct TermGroup {
    pub name: String,
    pub terms: Vec<String>,
    pub file: String,
}

/// The whole library, validated.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub groups: BTreeMap<String, TermGroup>,
    /// In catalogue order: built-in families first, in file order, then a user's new IDs.
    pub requirements: Vec<Requirement>,
    pub profiles: Vec<Profile>,
    pub weakeners: Vec<String>,
    pub cross_notes: Vec<CrossNote>,
}

// ---- the file format (serde) ----

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct FileDoc {
    #[serde(default)]
    engine: Option<EngineSection>,
    #[serde(default)]
    terms: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    requirement: Vec<RequirementDoc>,
    #[serde(default)]
    profile: Vec<ProfileDoc>,
    #[serde(default)]
    cross_note: Vec<CrossNoteDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EngineSection {
    #[serde(default)]
    weakeners: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PatternDoc {
    #[serde(default)]
    id: Option<String>,
    #[serde(default)]
    label: Option<String>,
    #[serde(default)]
    missing: Option<String>,
    #[serde(default)]
    when: Option<String>,
    #[serde(default)]
    standalone: Option<bool>,
    #[serde(default)]
    all: Vec<String>,
    #[serde(default)]
    any: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
    #[serde(default)]
    subject: Subject,
    #[serde(default)]
    context: Option<Context>,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    unless: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExampleDoc {
    text: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    breach_deadline: Option<String>,
    verdict: String,
    #[serde(default)]
    #[allow(dead_code)]
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RequirementDoc {
    id: String,
    family: String,
    title: String,
    #[serde(default)]
    basis: Vec<String>,
    #[serde(default)]
    why: String,
    #[serde(default)]
    context: Context,
    #[serde(default)]
    cap_outdated_law: bool,
    #[serde(default)]
    ignore_weakeners: Vec<String>,
    #[serde(default)]
    elements: Vec<PatternDoc>,
    #[serde(default)]
    covered: Vec<Vec<String>>,
    #[serde(default)]
    partial: Vec<PatternDoc>,
    #[serde(default)]
    conflict: Vec<PatternDoc>,
    #[serde(default)]
    notes: Vec<PatternDoc>,
    #[serde(default)]
    example: Vec<ExampleDoc>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileDoc {
    name: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    breach_deadline: Option<String>,
    #[serde(default)]
    must: Vec<String>,
    #[serde(default)]
    should: Vec<String>,
    /// Every requirement of the library; severities from `severity_from`, `must` for the rest.
    #[serde(default)]
    include_all: bool,
    #[serde(default)]
    severity_from: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CrossNoteDoc {
    family: String,
    note: String,
    #[serde(default)]
    element: Option<String>,
    #[serde(default)]
    all: Vec<String>,
    #[serde(default)]
    any: Vec<String>,
    #[serde(default)]
    without: Vec<String>,
    #[serde(default)]
    subject: Subject,
}

/// A parsed file before merging, with its source for line numbers.
struct Parsed {
    file: String,
    source: String,
    doc: FileDoc,
}

fn line_of_offset(source: &str, offset: usize) -> usize {
    // Byte counting vectorises; this runs for every group, requirement and example at start-up.
    source.as_bytes()[..offset.min(source.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// The line of the first occurrence of `needle` at or after line `from`, else `from`.
fn find_line(source: &str, needle: &str, from: usize) -> usize {
    let start = if from <= 1 {
        0
    } else {
        source
            .bytes()
            .enumerate()
            .filter(|&(_, b)| b == b'\n')
            .nth(from - 2)
            .map_or(source.len(), |(i, _)| i + 1)
    };
    source[start..]
        .find(needle)
        .map(|i| line_of_offset(source, start + i))
        .unwrap_or(from)
}

/// Finds the `[[requirement.example]]` headers of a file one after another.
struct ExampleCursor<'a> {
    source: &'a str,
    offset: usize,
    line: usize,
}

impl<'a> ExampleCursor<'a> {
    /// Starts at the beginning of line `line`.
    fn new(source: &'a str, line: usize) -> ExampleCursor<'a> {
        let offset = if line <= 1 {
            0
        } else {
            source
                .match_indices('\n')
                .nth(line - 2)
                .map_or(source.len(), |(i, _)| i + 1)
        };
        ExampleCursor {
            source,
            offset,
            line,
        }
    }

    /// The line of the next example header, then moves past it; the current line when none is left.
    fn next_line(&mut self) -> usize {
        const HEADER: &str = "[[requirement.example]]";
        let rest = &self.source[self.offset..];
        let Some(at) = rest.find(HEADER) else {
            return self.line;
        };
        self.line += rest.as_bytes()[..at]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        let found = self.line;
        let after = self.offset + at + HEADER.len();
        self.offset = match self.source[after..].find('\n') {
            Some(nl) => {
                self.line += 1;
                after + nl + 1
            }
            None => self.source.len(),
        };
        found
    }
}

fn parse(file: &str, source: &str) -> Result<Parsed, LibraryError> {
    let doc: FileDoc = toml::from_str(source).map_err(|e| LibraryError {
        file: file.to_string(),
        line: e
            .span()
            .map(|s| line_of_offset(source, s.start))
            .unwrap_or(1),
        message: e.message().trim().to_string(),
    })?;
    Ok(Parsed {
        file: file.to_string(),
        source: source.to_string(),
        doc,
    })
}

fn parse_setting(s: &str) -> Option<BreachDeadline> {
    let value = s.strip_prefix("breach_deadline=").unwrap_or(s).trim();
    BreachDeadline::parse(value)
}

impl Library {
    /// The built-in library compiled into the binary.
    pub fn builtin() -> Result<Library, LibraryError> {
        let parsed = BUILTIN
            .iter()
            .map(|(file, source)| parse(file, source))
            .collect::<Result<Vec<_>, _>>()?;
        Library::assemble(parsed, Vec::new())
    }

    /// The built-in library extended by the `*.toml` files of `dir` (a requirement or group with a
    /// built-in name replaces it), or, with `with_builtin == false`, those files alone.
    pub fn load(dir: &Path, with_builtin: bool) -> Result<Library, LibraryError> {
        let dir_error = |message: String| LibraryError {
            file: dir.display().to_string(),
            line: 0,
            message,
        };
        let entries = std::fs::read_dir(dir)
            .map_err(|e| dir_error(format!("cannot read clause folder: {e}")))?;
        let mut files: Vec<_> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| {
                p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("toml"))
            })
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(dir_error("no *.toml clause files in this folder".into()));
        }
        let mut user = Vec::new();
        for path in files {
            let name = path.display().to_string();
            let source = std::fs::read_to_string(&path).map_err(|e| LibraryError {
                file: name.clone(),
                line: 0,
                message: format!("cannot read: {e}"),
            })?;
            user.push(parse(&name, &source)?);
        }
        let builtin = if with_builtin {
            BUILTIN
                .iter()
                .map(|(f, s)| parse(f, s))
                .collect::<Result<Vec<_>, _>>()?
        } else {
            Vec::new()
        };
        Library::assemble(builtin, user)
    }

    pub fn profile(&self, name: &str) -> Option<&Profile> {
        self.profiles.iter().find(|p| p.name == name)
    }

    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// Merges built-in and user files, then validates every reference.
    fn assemble(builtin: Vec<Parsed>, user: Vec<Parsed>) -> Result<Library, LibraryError> {
        let mut lib = Library::default();
        let mut profile_docs: Vec<(String, String, ProfileDoc)> = Vec::new();
        let mut cross_docs: Vec<(String, String, CrossNoteDoc)> = Vec::new();
        let user_count = user.len();
        let all: Vec<(bool, Parsed)> = builtin
            .into_iter()
            .map(|p| (false, p))
            .chain(user.into_iter().map(|p| (true, p)))
            .collect();
        let _ = user_count;
        for (is_user, parsed) in all {
            let Parsed { file, source, doc } = parsed;
            if let Some(engine) = doc.engine {
                lib.weakeners = engine.weakeners;
            }
            for (name, terms) in doc.terms {
                let line = find_line(&source, &format!("{name} ="), 1);
                if let Some(existing) = lib.groups.get(&name) {
                    if !is_user || existing.file.starts_with(&file) {
                        return Err(LibraryError {
                            file: file.clone(),
                            line,
                            message: format!(
                                "term group '{name}' is already defined in {}",
                                existing.file
                            ),
                        });
                    }
                }
                for term in &terms {
                    if let Err(message) = crate::engine::terms::check_term(term) {
                        return Err(LibraryError {
                            file: file.clone(),
                            line: find_line(&source, &format!("\"{term}\""), line),
                            message: format!("term '{term}' in group '{name}': {message}"),
                        });
                    }
                }
                lib.groups.insert(
                    name.clone(),
                    TermGroup {
                        name,
                        terms,
                        file: file.clone(),
                    },
                );
            }
            for r in doc.requirement {
                let line = find_line(&source, &format!("\"{}\"", r.id), 1);
                let req = convert_requirement(r, &file, &source, line)?;
                match lib.requirements.iter().position(|x| x.id == req.id) {
                    Some(i) if is_user => lib.requirements[i] = req,
                    Some(_) => {
                        return Err(LibraryError {
                            file,
                            line,
                            message: format!("requirement {} is defined twice", req.id),
                        })
                    }
                    None => lib.requirements.push(req),
                }
            }
            for p in doc.profile {
                profile_docs.push((file.clone(), source.clone(), p));
            }
            for c in doc.cross_note {
                cross_docs.push((file.clone(), source.clone(), c));
            }
        }
        lib.validate_references()?;
        lib.build_profiles(profile_docs)?;
        for (file, source, c) in cross_docs {
            let line = find_line(&source, &c.note, 1);
            let err = |message: String| LibraryError {
                file: file.clone(),
                line,
                message,
            };
            let element = match &c.element {
                Some(spec) => {
                    let (req, el) = spec.split_once('/').ok_or_else(|| {
                        err(format!(
                            "cross_note element '{spec}' must be REQ-ID/element"
                        ))
                    })?;
                    let known = lib
                        .requirement(req)
                        .is_some_and(|r| r.elements.iter().any(|e| e.id == el));
                    if !known {
                        return Err(err(format!("cross_note element '{spec}' does not exist")));
                    }
                    Some((req.to_string(), el.to_string()))
                }
                None => None,
            };
            let pattern = if c.all.is_empty() && c.any.is_empty() {
                None
            } else {
                let p = Pattern {
                    all: c.all.iter().map(|s| GroupRef::parse(s)).collect(),
                    any: c.any.iter().map(|s| GroupRef::parse(s)).collect(),
                    without: c.without.clone(),
                    subject: c.subject,
                    ..Pattern::default()
                };
                lib.check_pattern_groups(&p).map_err(err)?;
                Some(p)
            };
            if element.is_none() && pattern.is_none() {
                return Err(err("cross_note needs `element` or `all`/`any`".into()));
            }
            lib.cross_notes.push(CrossNote {
                family: c.family,
                note: c.note,
                element,
                pattern,
            });
        }
        Ok(lib)
    }

    fn check_pattern_groups(&self, p: &Pattern) -> Result<(), String> {
        let names = p
            .all
            .iter()
            .chain(p.any.iter())
            .map(|g| g.name.as_str())
            .chain(p.without.iter().map(String::as_str));
        for name in names {
            if !self.groups.contains_key(name) {
                return Err(format!("unknown term group '{name}'"));
            }
        }
        if p.all.is_empty() && p.any.is_empty() {
            return Err("a pattern needs `all` or `any`".into());
        }
        Ok(())
    }

    fn validate_references(&self) -> Result<(), LibraryError> {
        for name in &self.weakeners {
            if !self.groups.contains_key(name) {
                return Err(LibraryError {
                    file: "clauses/common.toml".into(),
                    line: 1,
                    message: format!("[engine] weakeners names unknown group '{name}'"),
                });
            }
        }
        for r in &self.requirements {
            let err = |message: String| LibraryError {
                file: r.file.clone(),
                line: r.line,
                message,
            };
            let element_ids: HashSet<&str> = r.elements.iter().map(|e| e.id.as_str()).collect();
            for e in &r.elements {
                self.check_pattern_groups(&e.pattern)
                    .map_err(|m| err(format!("{} element '{}': {m}", r.id, e.id)))?;
            }
            for (kind, list) in [
                ("partial", &r.partial),
                ("conflict", &r.conflict),
                ("notes", &r.notes),
            ] {
                for p in list.iter() {
                    self.check_pattern_groups(p)
                        .map_err(|m| err(format!("{} {kind}: {m}", r.id)))?;
                    for u in &p.unless {
                        if !element_ids.contains(u.as_str()) {
                            return Err(err(format!(
                                "{} {kind}: `unless` names unknown element '{u}'",
                                r.id
                            )));
                        }
                    }
                }
            }
            for alt in &r.covered {
                for id in alt.iter().flat_map(|slot| slot.split('|')) {
                    if !element_ids.contains(id) {
                        return Err(err(format!(
                            "{}: `covered` names unknown element '{id}'",
                            r.id
                        )));
                    }
                }
            }
            if r.covered.is_empty() {
                return Err(err(format!("{}: `covered` is empty", r.id)));
            }
            for w in &r.ignore_weakeners {
                if !self.weakeners.contains(w) {
                    return Err(err(format!(
                        "{}: ignore_weakeners names '{w}', not a weakener group",
                        r.id
                    )));
                }
            }
        }
        Ok(())
    }

    fn build_profiles(
        &mut self,
        docs: Vec<(String, String, ProfileDoc)>,
    ) -> Result<(), LibraryError> {
        let mut profiles: Vec<Profile> = Vec::new();
        let order: Vec<String> = self.requirements.iter().map(|r| r.id.clone()).collect();
        // Plain profiles first, so that `severity_from` can refer to them.
        let (all_docs, plain): (Vec<_>, Vec<_>) =
            docs.into_iter().partition(|(_, _, p)| p.include_all);
        for (file, source, p) in plain.into_iter().chain(all_docs) {
            let line = find_line(&source, &format!("\"{}\"", p.name), 1);
            let err = |message: String| LibraryError {
                file: file.clone(),
                line,
                message,
            };
            let breach_deadline = match &p.breach_deadline {
                Some(s) => parse_setting(s).ok_or_else(|| {
                    err(format!("breach_deadline '{s}' is not strict or statutory"))
                })?,
                None => BreachDeadline::Strict,
            };
            let mut severity: BTreeMap<String, Severity> = BTreeMap::new();
            if p.include_all {
                let from = match &p.severity_from {
                    Some(name) => {
                        Some(profiles.iter().find(|x| &x.name == name).ok_or_else(|| {
                            err(format!("severity_from names unknown profile '{name}'"))
                        })?)
                    }
                    None => None,
                };
                for id in &order {
                    let s = from
                        .and_then(|f| {
                            f.requirements
                                .iter()
                                .find(|(x, _)| x == id)
                                .map(|(_, s)| *s)
                        })
                        .unwrap_or(Severity::Must);
                    severity.insert(id.clone(), s);
                }
            }
            for (list, s) in [(&p.must, Severity::Must), (&p.should, Severity::Should)] {
                for id in list {
                    if !order.contains(id) {
                        // A user's --no-builtin library may not have every built-in requirement:
                        // skip, rather than reject, a profile entry it does not define.
                        continue;
                    }
                    severity.insert(id.clone(), s);
                }
            }
            let requirements = order
                .iter()
                .filter_map(|id| severity.get(id).map(|s| (id.clone(), *s)))
                .collect();
            let profile = Profile {
                name: p.name.clone(),
                description: p.description,
                breach_deadline,
                requirements,
            };
            match profiles.iter().position(|x| x.name == p.name) {
                Some(i) => profiles[i] = profile,
                None => profiles.push(profile),
            }
        }
        if !profiles.iter().any(|p| p.name == "all") {
            profiles.push(Profile {
                name: "all".into(),
                description: "every requirement of the library".into(),
                breach_deadline: BreachDeadline::Strict,
                requirements: order
                    .iter()
                    .map(|id| (id.clone(), Severity::Must))
                    .collect(),
            });
        }
        self.profiles = profiles;
        Ok(())
    }
}

fn convert_pattern(p: PatternDoc) -> Pattern {
    Pattern {
        all: p.all.iter().map(|s| GroupRef::parse(s)).collect(),
        any: p.any.iter().map(|s| GroupRef::parse(s)).collect(),
        without: p.without,
        subject: p.subject,
        context: p.context,
        note: p.note,
        unless: p.unless,
    }
}

fn convert_requirement(
    r: RequirementDoc,
    file: &str,
    source: &str,
    line: usize,
) -> Result<Requirement, LibraryError> {
    let err = |line: usize, message: String| LibraryError {
        file: file.to_string(),
        line,
        message,
    };
    if r.id.trim().is_empty() || r.id.contains(char::is_whitespace) {
        return Err(err(
            line,
            format!("requirement id '{}' must be one word", r.id),
        ));
    }
    let mut elements = Vec::new();
    let mut seen = HashSet::new();
    for e in r.elements {
        let id =
            e.id.clone()
                .ok_or_else(|| err(line, format!("{}: an element needs an `id`", r.id)))?;
        if !seen.insert(id.clone()) {
            return Err(err(
                line,
                format!("{}: element '{id}' is defined twice", r.id),
            ));
        }
        let when = match &e.when {
            Some(s) => Some(parse_setting(s).ok_or_else(|| {
                err(
                    line,
                    format!(
                        "{}: element '{id}': `when` must be breach_deadline=strict|statutory",
                        r.id
                    ),
                )
            })?),
            None => None,
        };
        let label = e.label.clone().unwrap_or_else(|| id.clone());
        let missing = e.missing.clone();
        let standalone = e.standalone.unwrap_or(true);
        elements.push(Element {
            id,
            label,
            missing,
            when,
            standalone,
            pattern: convert_pattern(e),
        });
    }
    let mut examples = Vec::new();
    // The examples follow one another: look for each after the previous one, keeping the byte
    // position and its line, so that start-up stays linear in the size of the file.
    let mut examples_after = ExampleCursor::new(source, line);
    for ex in r.example {
        let ex_line = examples_after.next_line();
        let verdict = Verdict::parse(&ex.verdict).ok_or_else(|| {
            err(
                ex_line,
                format!(
                    "{}: example verdict '{}' is not a verdict",
                    r.id, ex.verdict
                ),
            )
        })?;
        let breach_deadline = match &ex.breach_deadline {
            Some(s) => Some(parse_setting(s).ok_or_else(|| {
                err(
                    ex_line,
                    format!("{}: breach_deadline '{s}' is not strict or statutory", r.id),
                )
            })?),
            None => None,
        };
        examples.push(Example {
            text: ex.text,
            title: ex.title,
            breach_deadline,
            verdict,
            line: ex_line,
        });
    }
    Ok(Requirement {
        id: r.id,
        family: r.family,
        title: r.title,
        basis: r.basis,
        why: r.why,
        context: r.context,
        cap_outdated_law: r.cap_outdated_law,
        ignore_weakeners: r.ignore_weakeners,
        elements,
        covered: r.covered,
        partial: r.partial.into_iter().map(convert_pattern).collect(),
        conflict: r.conflict.into_iter().map(convert_pattern).collect(),
        notes: r.notes.into_iter().map(convert_pattern).collect(),
        examples,
        file: file.to_string(),
        line,
    })
}
