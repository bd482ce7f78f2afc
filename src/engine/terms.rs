//! Terms: checks the term syntax of `clauses/README.md` and compiles every term of every group into
//! ONE Aho-Corasick automaton over folded text. A match is kept only at token boundaries (unless a
//! `*` says otherwise), case-sensitive terms are compared with the original text, `{n}` stands for
//! numbers, and `..` joins the parts of a term with a gap of up to four tokens.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::text::fold::{fold, fold_cased};

/// Most tokens a `..` gap may span.
const MAX_GAP_TOKENS: usize = 4;
/// Numbers `{n}` stands for (deadlines, days, hours).
const MAX_NUMBER: u32 = 999;

/// Checks one term against the syntax; the error says what is wrong.
pub fn check_term(term: &str) -> Result<(), String> {
    if term.trim().is_empty() {
        return Err("empty term".into());
    }
    if term != term.trim() || term.contains("  ") {
        return Err(
            "words must be separated by exactly one space, with no space around the term".into(),
        );
    }
    let words: Vec<&str> = term.split(' ').collect();
    if words.iter().all(|w| w.starts_with('{') || *w == "..") {
        return Err("a term needs at least one word besides numbers".into());
    }
    if words.first() == Some(&"..") || words.last() == Some(&"..") {
        return Err("`..` must stand between two words".into());
    }
    for (i, w) in words.iter().enumerate() {
        if *w == ".." {
            if i > 0 && words[i - 1] == ".." {
                return Err("two `..` in a row".into());
            }
            continue;
        }
        if w.starts_with('{') {
            parse_number(w)?;
            continue;
        }
        let inner = w.trim_start_matches('*').trim_end_matches('*');
        if inner.is_empty() {
            return Err("a word cannot be only `*`".into());
        }
        if inner.contains('*') {
            return Err(format!("`*` only at the start or end of a word ('{w}')"));
        }
    }
    Ok(())
}

/// The numbers a `{n}`, `{n>72}`, … placeholder stands for.
fn parse_number(word: &str) -> Result<std::ops::RangeInclusive<u32>, String> {
    let inner = word
        .strip_prefix('{')
        .and_then(|w| w.strip_suffix('}'))
        .and_then(|w| w.strip_prefix('n'))
        .ok_or_else(|| format!("'{word}' is not {{n}}, {{n>N}}, {{n>=N}}, {{n<N}} or {{n<=N}}"))?;
    if inner.is_empty() {
        return Ok(0..=MAX_NUMBER);
    }
    let (op, value) = ["<=", ">=", "<", ">"]
        .iter()
        .find_map(|op| inner.strip_prefix(op).map(|v| (*op, v)))
        .ok_or_else(|| format!("'{word}': unknown comparison"))?;
    let v: u32 = value
        .parse()
        .map_err(|_| format!("'{word}': not a number"))?;
    let range = match op {
        "<=" => 0..=v,
        ">=" => v..=MAX_NUMBER,
        "<" => 0..=v.saturating_sub(1),
        _ => v.saturating_add(1)..=MAX_NUMBER,
    };
    if range.is_empty() || *range.end() > MAX_NUMBER {
        return Err(format!("'{word}': range outside 0..={MAX_NUMBER}"));
    }
    Ok(range)
}

/// A match of a term group in a text: folded byte range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub group: usize,
    pub start: usize,
    pub end: usize,
}

/// One literal stretch of a term: terms are cut at `..` gaps and at wildcards inside the term
/// (`respond* directly` is `respond`, then `directly` at the next token).
#[derive(Debug, Clone)]
struct Part {
    /// Whether the part may start/end inside a token (`*word`, `word*`, punctuation edges).
    open_start: bool,
    open_end: bool,
    /// Most whole tokens between the previous part and this one.
    max_gap: usize,
    /// A `{n}` part: one number token in this range, checked on the text, not in the automaton.
    number: Option<std::ops::RangeInclusive<u32>>,
}

/// Cuts a term's words into parts: (words, max tokens before the part). A `{n}` word is a part of
/// its own, right next to its neighbours.
fn split_parts<'a>(words: &[&'a str]) -> Vec<(Vec<&'a str>, usize)> {
    let mut parts: Vec<(Vec<&'a str>, usize)> = vec![(Vec::new(), 0)];
    let mut cut_next = false;
    let mut gap = 0;
    for w in words {
        if *w == ".." {
            parts.push((Vec::new(), MAX_GAP_TOKENS));
            gap = MAX_GAP_TOKENS;
            cut_next = false;
            continue;
        }
        let current_empty = parts.last().map(|p| p.0.is_empty()).unwrap_or(true);
        let is_number = w.starts_with('{');
        if !current_empty && (cut_next || is_number || w.starts_with('*')) {
            parts.push((Vec::new(), 0));
        }
        if let Some(p) = parts.last_mut() {
            if p.0.is_empty() {
                p.1 = if current_empty { gap } else { 0 };
            }
            p.0.push(w);
        }
        gap = 0;
        cut_next = is_number || w.ends_with('*');
    }
    parts.retain(|p| !p.0.is_empty());
    parts
}

#[derive(Debug, Clone)]
struct Term {
    group: usize,
    parts: Vec<Part>,
}

/// Who owns an automaton pattern: (term, part, the case-preserved spelling for case-sensitive terms).
#[derive(Debug, Clone)]
struct Owner {
    term: usize,
    part: usize,
    cased: Option<String>,
    /// The group, when the part is the whole term: its match is a hit as it stands.
    whole: Option<usize>,
    /// The first literal part of its term, where chains start.
    anchor: bool,
}

/// A part found by its first token, with what must follow it.
#[derive(Debug, Clone)]
struct Keyed {
    owner: Owner,
    /// The whole folded part ("data processing agreement", "art. 28"); equal to the key for a
    /// one-word part.
    spelling: String,
    open_end: bool,
}

type FastMap<V> = rustc_hash::FxHashMap<String, V>;

/// Buffers `find` reuses from unit to unit (a document has thousands of units, most of them short).
#[derive(Default)]
struct Scratch {
    part_hits: Vec<(usize, usize, usize, usize)>,
    anchors: Anchors,
    spans: Vec<(usize, usize)>,
}

/// Each term's first anchor start in the unit at hand: a slot per term, reset after each unit
/// through the list of the slots set.
#[derive(Default)]
struct Anchors {
    start: Vec<usize>,
    set: Vec<usize>,
}

impl Anchors {
    fn prepare(&mut self, terms: usize) {
        for t in self.set.drain(..) {
            self.start[t] = usize::MAX;
        }
        if self.start.len() < terms {
            self.start.resize(terms, usize::MAX);
        }
    }

    fn get(&self, term: usize) -> Option<usize> {
        self.start.get(term).copied().filter(|&s| s != usize::MAX)
    }

    /// Records `at` unless the term has an anchor already.
    fn first(&mut self, term: usize, at: usize) {
        if self.start[term] == usize::MAX {
            self.start[term] = at;
            self.set.push(term);
        }
    }
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::new(Scratch::default());
}

/// Every term of every group, compiled. Nearly every part begins with a whole token, so matching
/// walks the tokens of the text once and looks each one up (no automaton state to miss in the
/// cache): whole words and phrases by the token, `word*` parts by the token's prefixes. Only the
/// few parts that may begin inside a token (`*model`, `*datalek*`) or with punctuation (`;`) need
/// the Aho-Corasick automaton.
pub struct TermMatcher {
    automaton: Option<AhoCorasick>,
    owners: Vec<Vec<Owner>>,
    /// One-word parts, and phrases that can only be keyed by their first token, keyed by it.
    by_token: FastMap<TokenEntry>,
    /// Phrases keyed by their first two tokens with what stands between them ("in writing",
    /// "art. 28"): common first words ("in", "not", "niet") begin dozens of phrases each.
    by_pair: FastMap<Vec<Keyed>>,
    /// One-word parts ending in `*` ("subverwerker*", "AI-*"): (the word before the `*`, its
    /// owners), bucketed by the word's first [`PREFIX_BUCKET`] bytes, so that one lookup per token
    /// finds the few candidates.
    by_prefix: FastMap<Vec<(String, Vec<Owner>)>>,
    /// Whether some prefix word is shorter than a bucket key (then shorter keys are tried too).
    short_prefixes: bool,
    /// A bit per hash of a bucket key of `by_prefix` (see [`bucket_bit`]): most tokens begin no
    /// prefix word, and the bit says so without a hash-map lookup.
    prefix_bits: Vec<u64>,
    terms: Vec<Term>,
    pub group_names: Vec<String>,
}

/// The parts keyed by one token, and whether some phrase of `by_pair` begins with it.
#[derive(Debug, Clone, Default)]
struct TokenEntry {
    keyed: Vec<Keyed>,
    starts_pair: bool,
}

impl std::fmt::Debug for TermMatcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TermMatcher")
            .field("terms", &self.terms.len())
            .finish()
    }
}

impl TermMatcher {
    /// Compiles `groups` (name, terms). Terms must have passed [`check_term`].
    pub fn new(groups: &[(String, Vec<String>)]) -> TermMatcher {
        let mut terms = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut owners: Vec<Vec<Owner>> = Vec::new();
        let mut by_token: FastMap<TokenEntry> = FastMap::default();
        let mut by_pair: FastMap<Vec<Keyed>> = FastMap::default();
        let mut prefixes: FastMap<Vec<Owner>> = FastMap::default();
        for (g, (_, list)) in groups.iter().enumerate() {
            for raw in list {
                let case_sensitive = raw.chars().any(char::is_uppercase);
                let words: Vec<&str> = raw.split(' ').collect();
                let chunks = split_parts(&words);
                let t = terms.len();
                let mut parts = Vec::new();
                for (p, (chunk, max_gap)) in chunks.iter().enumerate() {
                    if let [w] = chunk.as_slice() {
                        if w.starts_with('{') {
                            parts.push(Part {
                                open_start: false,
                                open_end: false,
                                max_gap: *max_gap,
                                number: parse_number(w).ok(),
                            });
                            continue;
                        }
                    }
                    // A boundary is checked only where the term has a word character at that edge:
                    // `;` or `n.v.t.` need none.
                    let edge_is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
                    let first = chunk.first().copied().unwrap_or("");
                    let last = chunk.last().copied().unwrap_or("");
                    let open_start = first.starts_with('*') || !edge_is_word(first.chars().next());
                    let open_end = last.ends_with('*') || !edge_is_word(last.chars().last());
                    parts.push(Part {
                        open_start,
                        open_end,
                        max_gap: *max_gap,
                        number: None,
                    });
                    let spelling = chunk
                        .iter()
                        .map(|w| w.trim_start_matches('*').trim_end_matches('*'))
                        .collect::<Vec<_>>()
                        .join(" ");
                    let folded = fold(&spelling).text;
                    if folded.is_empty() {
                        continue;
                    }
                    let cased = case_sensitive.then(|| fold_cased(&spelling));
                    let owner = Owner {
                        term: t,
                        part: p,
                        cased,
                        whole: (chunks.len() == 1).then_some(g),
                        anchor: chunks[..p]
                            .iter()
                            .all(|(c, _)| matches!(c.as_slice(), [w] if w.starts_with('{'))),
                    };
                    match route(&folded, open_start, open_end, chunk.len()) {
                        Route::Token(key) => by_token.entry(key).or_default().keyed.push(Keyed {
                            owner,
                            spelling: folded,
                            open_end,
                        }),
                        Route::Pair(key) => by_pair.entry(key).or_default().push(Keyed {
                            owner,
                            spelling: folded,
                            open_end,
                        }),
                        Route::Prefix => prefixes.entry(folded).or_default().push(owner),
                        Route::Automaton => {
                            let id = *index.entry(folded.clone()).or_insert_with(|| {
                                patterns.push(folded.clone());
                                owners.push(Vec::new());
                                patterns.len() - 1
                            });
                            owners[id].push(owner);
                        }
                    }
                }
                terms.push(Term { group: g, parts });
            }
        }
        // A handful of patterns: the automaton stays small enough for the cache.
        let automaton = (!patterns.is_empty()).then(|| {
            AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&patterns)
                .unwrap_or_else(|_| {
                    // Only an absurd pattern count could fail; an empty automaton matches nothing.
                    AhoCorasick::new(Vec::<String>::new()).expect("empty automaton builds")
                })
        });
        for key in by_pair.keys() {
            if let Some((s, e)) = token_spans(key.as_bytes()).next() {
                by_token
                    .entry(key[s..e].to_string())
                    .or_default()
                    .starts_pair = true;
            }
        }
        let short_prefixes = prefixes.keys().any(|k| k.len() < PREFIX_BUCKET);
        let mut prefix_bits = vec![0u64; PREFIX_BITS / 64];
        let mut by_prefix: FastMap<Vec<(String, Vec<Owner>)>> = FastMap::default();
        let mut sorted: Vec<(String, Vec<Owner>)> = prefixes.into_iter().collect();
        sorted.sort_by(|a, b| a.0.cmp(&b.0));
        for (word, list) in sorted {
            let bucket = bucket_key(&word, PREFIX_BUCKET).to_string();
            let bit = bucket_bit(&bucket);
            prefix_bits[bit / 64] |= 1 << (bit % 64);
            by_prefix.entry(bucket).or_default().push((word, list));
        }
        TermMatcher {
            automaton,
            owners,
            by_token,
            by_pair,
            by_prefix,
            short_prefixes,
            prefix_bits,
            terms,
            group_names: groups.iter().map(|(n, _)| n.clone()).collect(),
        }
    }

    /// Whether some term of the library is this one folded word ("verwerkersovereenkomst",
    /// "advies"): a word of the rules' vocabulary is no company name.
    pub fn is_vocabulary(&self, word: &str) -> bool {
        self.by_token.contains_key(word)
    }

    /// The prefix words of bucket `key`; the bit filter answers most misses without hashing.
    fn prefix_bucket(&self, key: &str) -> Option<&Vec<(String, Vec<Owner>)>> {
        let bit = bucket_bit(key);
        if self.prefix_bits[bit / 64] & (1 << (bit % 64)) == 0 {
            return None;
        }
        self.by_prefix.get(key)
    }

    /// All group hits in `folded` (whose original text is `original`, with `map` from folded to
    /// original bytes), sorted by start.
    pub fn find(&self, folded: &str, original: &str, map: &[usize]) -> Vec<Hit> {
        SCRATCH.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            let Scratch {
                part_hits,
                anchors,
                spans,
            } = &mut *scratch;
            part_hits.clear();
            anchors.prepare(self.terms.len());
            spans.clear();
            self.find_with(folded, original, map, part_hits, anchors, spans)
        })
    }

    fn find_with(
        &self,
        folded: &str,
        original: &str,
        map: &[usize],
        part_hits: &mut Vec<(usize, usize, usize, usize)>,
        anchors: &mut Anchors,
        spans: &mut Vec<(usize, usize)>,
    ) -> Vec<Hit> {
        let mut hits = Vec::new();
        let bytes = folded.as_bytes();
        for m in self
            .automaton
            .iter()
            .flat_map(|a| a.find_overlapping_iter(folded))
        {
            let (s, e) = (m.start(), m.end());
            for owner in &self.owners[m.pattern().as_usize()] {
                let term = &self.terms[owner.term];
                let part = &term.parts[owner.part];
                if !part.open_start && !boundary_before(bytes, s) {
                    continue;
                }
                if !part.open_end && !boundary_after(bytes, e) {
                    continue;
                }
                if let Some(cased) = &owner.cased {
                    if !same_case(original, map, s, e, cased) {
                        continue;
                    }
                }
                found(&mut hits, part_hits, anchors, owner, (s, e), true);
            }
        }
        spans.extend(token_spans(bytes));
        for (j, &(s, e)) in spans.iter().enumerate() {
            let entry = self.by_token.get(&folded[s..e]);
            let single = entry.map(|t| &t.keyed);
            let pair = entry
                .filter(|t| t.starts_pair)
                .and(spans.get(j + 1))
                .and_then(|&(_, e2)| self.by_pair.get(&folded[s..e2]));
            for k in single.into_iter().chain(pair).flatten() {
                let end = s + k.spelling.len();
                // A phrase: the rest must follow, and end at a token boundary unless open.
                if end != e
                    && (!bytes[s..].starts_with(k.spelling.as_bytes())
                        || (!k.open_end && !boundary_after(bytes, end)))
                {
                    continue;
                }
                if let Some(cased) = &k.owner.cased {
                    if !same_case(original, map, s, end, cased) {
                        continue;
                    }
                }
                found(&mut hits, part_hits, anchors, &k.owner, (s, end), false);
            }
            // `word*`: every prefix of the token, and one byte more for a trailing hyphen ("AI-*"
            // in "AI- en ML-systemen").
            let rest = &folded[s..];
            let shortest = if self.short_prefixes {
                1
            } else {
                PREFIX_BUCKET
            };
            for n in shortest..=PREFIX_BUCKET {
                let key = bucket_key(rest, n);
                for (word, owners) in self.prefix_bucket(key).into_iter().flatten() {
                    if word.len() > e - s + 1 || !rest.starts_with(word.as_str()) {
                        continue;
                    }
                    for owner in owners {
                        if let Some(cased) = &owner.cased {
                            if !same_case(original, map, s, s + word.len(), cased) {
                                continue;
                            }
                        }
                        found(
                            &mut hits,
                            part_hits,
                            anchors,
                            owner,
                            (s, s + word.len()),
                            false,
                        );
                    }
                }
                // A key shorter than asked for is the whole rest of the text: nothing longer to try.
                if key.len() < n {
                    break;
                }
            }
        }
        part_hits.sort_unstable();
        part_hits.dedup();
        let mut i = 0;
        while i < part_hits.len() {
            let term_idx = part_hits[i].0;
            let mut j = i;
            while j < part_hits.len() && part_hits[j].0 == term_idx {
                j += 1;
            }
            let term = &self.terms[term_idx];
            let group_hits = &part_hits[i..j];
            // The anchor is the first literal part; numbers before it are read backwards.
            let anchor = term
                .parts
                .iter()
                .position(|p| p.number.is_none())
                .unwrap_or(0);
            for &(_, _, s, e) in group_hits.iter().filter(|h| h.1 == anchor) {
                let mut start = s;
                let mut ok = true;
                for part in term.parts[..anchor].iter().rev() {
                    match part
                        .number
                        .as_ref()
                        .and_then(|r| number_before(bytes, start, r))
                    {
                        Some(at) => start = at,
                        None => {
                            ok = false;
                            break;
                        }
                    }
                }
                if !ok {
                    continue;
                }
                if let Some(end) = chain(group_hits, &term.parts, anchor + 1, e, folded) {
                    hits.push(Hit {
                        group: term.group,
                        start,
                        end,
                    });
                }
            }
            i = j;
        }
        hits.sort_unstable_by_key(|h| (h.start, h.end, h.group));
        hits.dedup();
        hits
    }
}

/// Records a part found at `s..e`: a hit when it is a whole term, else a part for the chains. A
/// later part ("in" of "zet .. in") is kept only after its term's anchor, unless `always` (the
/// automaton's matches do not come in text order); the tokens come in order, so a later part
/// before any anchor can never join a chain.
fn found(
    hits: &mut Vec<Hit>,
    part_hits: &mut Vec<(usize, usize, usize, usize)>,
    anchors: &mut Anchors,
    owner: &Owner,
    (s, e): (usize, usize),
    always: bool,
) {
    if let Some(group) = owner.whole {
        hits.push(Hit {
            group,
            start: s,
            end: e,
        });
        return;
    }
    if owner.anchor {
        anchors.first(owner.term, s);
    } else if !always && anchors.get(owner.term).is_none_or(|a| a > s) {
        return;
    }
    part_hits.push((owner.term, owner.part, s, e));
}

/// Finds the end of a chain of parts `part..parts` starting after `after`, each within the gap.
fn chain(
    hits: &[(usize, usize, usize, usize)],
    parts: &[Part],
    part: usize,
    after: usize,
    text: &str,
) -> Option<usize> {
    let Some(this) = parts.get(part) else {
        return Some(after);
    };
    if let Some(range) = &this.number {
        let end = number_after(text.as_bytes(), after, range)?;
        return chain(hits, parts, part + 1, end, text);
    }
    let prev_open = parts.get(part.wrapping_sub(1)).is_some_and(|p| p.open_end);
    hits.iter()
        .filter(|h| {
            h.1 == part
                && h.2 >= after
                && tokens_between(text, after, h.2, prev_open, this.open_start) <= this.max_gap
        })
        .find_map(|h| chain(hits, parts, part + 1, h.3, text))
}

/// Whole tokens between two parts; the rest of a token an open part ends in (or the start of one
/// an open part begins in) does not count.
fn tokens_between(
    text: &str,
    start: usize,
    end: usize,
    open_before: bool,
    open_after: bool,
) -> usize {
    let Some(between) = text.get(start..end) else {
        return usize::MAX;
    };
    let mut n = between.split_whitespace().count();
    if open_before && !between.starts_with(' ') && !between.is_empty() {
        n = n.saturating_sub(1);
    }
    if open_after && !between.ends_with(' ') && !between.is_empty() {
        n = n.saturating_sub(1);
    }
    let glued = !between.is_empty() && !between.contains(' ');
    if n == 0 && glued && !open_before && !open_after {
        // two parts glued together without a space are not two tokens in a row
        return usize::MAX;
    }
    n
}

/// The end of a number token in `range` right after `at` (one space between), if there is one.
fn number_after(text: &[u8], at: usize, range: &std::ops::RangeInclusive<u32>) -> Option<usize> {
    let start = if text.get(at) == Some(&b' ') {
        at + 1
    } else {
        at
    };
    let len = text
        .get(start..)?
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let end = start + len;
    if len == 0 || len > 6 || !boundary_before(text, start) || !boundary_after(text, end) {
        return None;
    }
    let value: u32 = std::str::from_utf8(&text[start..end]).ok()?.parse().ok()?;
    range.contains(&value).then_some(end)
}

/// The start of a number token in `range` right before `at` (one space between), if there is one.
fn number_before(text: &[u8], at: usize, range: &std::ops::RangeInclusive<u32>) -> Option<usize> {
    let end = if at > 0 && text.get(at - 1) == Some(&b' ') {
        at - 1
    } else {
        at
    };
    let len = text
        .get(..end)?
        .iter()
        .rev()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let start = end - len;
    if len == 0 || len > 6 || !boundary_before(text, start) || !boundary_after(text, end) {
        return None;
    }
    let value: u32 = std::str::from_utf8(&text[start..end]).ok()?.parse().ok()?;
    range.contains(&value).then_some(start)
}

/// Whether the original text behind folded `s..e` reads `cased` with its case.
fn same_case(original: &str, map: &[usize], s: usize, e: usize, cased: &str) -> bool {
    let os = map.get(s).copied().unwrap_or(0);
    let oe = map.get(e).copied().unwrap_or(original.len()).max(os);
    let slice = original.get(os..oe).unwrap_or("");
    fold_cased(slice).trim() == cased
}

/// Bytes of the bucket key of a prefix word.
const PREFIX_BUCKET: usize = 3;

/// The first `n` bytes of `s`, or fewer to stay on a char boundary, or all of a shorter `s`.
fn bucket_key(s: &str, n: usize) -> &str {
    let mut end = n.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// Bits of the prefix-bucket filter.
const PREFIX_BITS: usize = 1 << 16;

/// The filter bit of a bucket key.
fn bucket_bit(key: &str) -> usize {
    key.bytes().fold(0usize, |h, b| {
        h.wrapping_mul(31).wrapping_add(usize::from(b))
    }) % PREFIX_BITS
}

/// How a part is found in the text.
enum Route {
    /// By its first token (the key), then the rest of the part compared with what follows.
    Token(String),
    /// By its first two tokens and what stands between them (the key), then the rest.
    Pair(String),
    /// By every prefix of a token: one word ending in `*`.
    Prefix,
    /// By the automaton: parts that may begin inside a token or with punctuation, and odd shapes.
    Automaton,
}

/// Where a folded part goes. Each route must find exactly what the automaton would find with the
/// boundary checks, so the choice is conservative.
fn route(folded: &str, open_start: bool, open_end: bool, words: usize) -> Route {
    let b = folded.as_bytes();
    if open_start || !b.first().is_some_and(|&c| is_word_byte(c)) {
        return Route::Automaton;
    }
    let Some((_, first_end)) = token_spans(b).next() else {
        return Route::Automaton;
    };
    if words == 1 && open_end {
        // Inside one token (a trailing hyphen aside), so it can only start where a token does.
        let word = folded.strip_suffix('-').unwrap_or(folded);
        return if token_spans(word.as_bytes()).next() == Some((0, word.len())) {
            Route::Prefix
        } else {
            Route::Automaton
        };
    }
    // The first token must end where the text's token ends: not before a hyphen, which could join
    // it with what follows in the text.
    match b.get(first_end) {
        None if !open_end => return Route::Token(folded.to_string()),
        Some(&c) if c != b'-' => {}
        _ => return Route::Automaton,
    }
    // The same holds for the second token; a second token that ends the part must be whole too.
    match token_spans(b).nth(1) {
        Some((_, second_end)) if b.get(second_end).map_or(!open_end, |&c| c != b'-') => {
            Route::Pair(folded[..second_end].to_string())
        }
        _ => Route::Token(folded[..first_end].to_string()),
    }
}

/// The tokens of folded text: runs of letters and digits joined by in-word hyphens.
fn token_spans(text: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < text.len() && !is_word_byte(text[i]) {
            i += 1;
        }
        if i >= text.len() {
            return None;
        }
        let start = i;
        while i < text.len() {
            if is_word_byte(text[i]) {
                i += 1;
            } else if text[i] == b'-' && i + 1 < text.len() && is_word_byte(text[i + 1]) {
                i += 2;
            } else {
                break;
            }
        }
        Some((start, i))
    })
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// True when a token may start at `at`: the byte before is not a letter/digit, nor an in-word hyphen.
pub fn boundary_before(text: &[u8], at: usize) -> bool {
    if at == 0 {
        return true;
    }
    let prev = text[at - 1];
    if is_word_byte(prev) {
        return false;
    }
    if prev == b'-' && at >= 2 && is_word_byte(text[at - 2]) {
        return false;
    }
    true
}

/// True when a token may end at `at`: the byte after is not a letter/digit, nor an in-word hyphen.
pub fn boundary_after(text: &[u8], at: usize) -> bool {
    let Some(&next) = text.get(at) else {
        return true;
    };
    if is_word_byte(next) {
        return false;
    }
    if next == b'-' && text.get(at + 1).is_some_and(|b| is_word_byte(*b)) {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn groups(list: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
        list.iter()
            .map(|(n, t)| (n.to_string(), t.iter().map(|s| s.to_string()).collect()))
            .collect()
    }

    fn matched(m: &TermMatcher, text: &str) -> Vec<String> {
        let f = fold(text);
        m.find(&f.text, text, &f.map)
            .into_iter()
            .map(|h| format!("{}:{}", m.group_names[h.group], &f.text[h.start..h.end]))
            .collect()
    }

    #[test]
    fn token_boundaries_and_case() {
        let m = TermMatcher::new(&groups(&[
            ("ai", &["AI", "AI-*"]),
            ("pilot", &["pilot*"]),
            ("proc", &["verwerker"]),
        ]));
        assert_eq!(
            matched(&m, "Het AI-systeem en AI."),
            vec!["ai:ai-", "ai:ai"]
        );
        assert!(matched(&m, "De AIVD en maintain ai").is_empty());
        assert!(matched(&m, "Microsoft Copilot en co-pilot").is_empty());
        assert_eq!(matched(&m, "Pilots en proeftuinen"), vec!["pilot:pilot"]);
        assert!(matched(&m, "een tekstverwerker").is_empty());
        assert_eq!(matched(&m, "de Verwerker meldt"), vec!["proc:verwerker"]);
    }

    #[test]
    fn gaps_numbers_and_wildcards() {
        let m = TermMatcher::new(&groups(&[
            ("consent", &["without prior .. consent"]),
            ("hard", &["within {n} hours"]),
            ("long", &["within {n>72} hours"]),
            ("leak", &["*datalek*"]),
            ("direct", &["respond* directly"]),
        ]));
        assert_eq!(
            matched(&m, "shall not respond directly"),
            vec!["direct:respond directly"]
        );
        assert_eq!(
            matched(&m, "responding directly"),
            vec!["direct:responding directly"]
        );
        assert!(matched(&m, "responding to them directly").is_empty());
        assert_eq!(
            matched(&m, "without the prior written consent"),
            Vec::<String>::new()
        );
        assert_eq!(
            matched(&m, "without prior specific written consent"),
            vec!["consent:without prior specific written consent"]
        );
        assert_eq!(matched(&m, "within 24 hours"), vec!["hard:within 24 hours"]);
        assert_eq!(
            matched(&m, "within 96 hours"),
            vec!["hard:within 96 hours", "long:within 96 hours"]
        );
        assert_eq!(matched(&m, "meldplicht datalekken"), vec!["leak:datalek"]);
    }

    #[test]
    fn syntax_errors_are_explained() {
        assert!(check_term("a  b").is_err());
        assert!(check_term(".. b").is_err());
        assert!(check_term("a* b").is_ok());
        assert!(check_term("* b").is_err());
        assert!(check_term("within {x} hours").is_err());
        assert!(check_term("within {n>1000} hours").is_err());
        assert!(check_term("*datalek*").is_ok());
        assert!(check_term("without prior .. consent").is_ok());
    }
}
