//! Sentence splitting for contract text. A sentence ends at '.', '!' or '?' (with any closing
//! quotes or brackets) followed by whitespace and an upper-case letter, a digit, a quote, '(' or
//! '[' — but not after an abbreviation ("art.", "o.a.", "i.e.", "B.V."), a single capital initial
//! ("J. Jansen"), or inside a number ("1.5", which has no whitespace after the dot anyway).
//! Semicolon enumerations stay one sentence; only a sentence longer than [`MAX_TOKENS`] tokens is
//! cut after its semicolons, so that one window never spans a whole page of running text.
//!
//! "lid" is not an abbreviation here: "art. 28 lid 3" does not split anyway (no dot after "lid"),
//! and "… bedoeld in dit lid. Verwerker …" must split.

use std::ops::Range;

/// Abbreviations (lower case, without the final dot) after which a '.' does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "art", "artt", "o.a", "i.e", "e.g", "etc", "nr", "nrs", "no", "nos", "cf", "vs", "jo", "incl",
    "excl", "resp", "bijv", "m.b.t", "t.a.v", "z.s.m", "ca", "mr", "dr", "b.v", "n.v", "ltd",
    "inc", "p", "pp", "par", "sub", "min", "max", "vgl", "zgn", "d.w.z", "i.c", "n.v.t", "e.d",
    "blz", "i.v.m", "t.b.v", "m.u.v", "i.p.v", "c.q", "o.b.v", "e.v", "enz", "e.a", "a.s", "d.d",
    "jl", "dhr", "mw", "mevr", "ir", "ing", "drs", "prof", "co", "corp", "st", "viz", "approx",
    "fig", "vol", "ref", "bv", "nv", "al", "sec", "para", "paras", "cl", "lit", "hfdst", "bijl",
    "ovk", "pag", "tel", "u.s", "u.k", "e.u", "evt", "m.n", "t.o.v", "i.o.m", "z.o.z", "e.e.a",
    "i.h.a", "i.a", "v", "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt",
    "oct", "nov", "dec",
];

/// A sentence longer than this many tokens is cut after its semicolons.
pub const MAX_TOKENS: usize = 120;

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | ')' | ']' | '’' | '”' | '»')
}

fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '"' | '\'' | '(' | '[' | '‘' | '“' | '„' | '«' | '•' | '§'
        )
}

/// The word before byte `dot` (letters and inner dots), e.g. "o.a" for "o.a.".
fn word_before(text: &str, dot: usize) -> &str {
    let head = &text[..dot];
    let start = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic() || c == '.')
        .last()
        .map_or(dot, |(i, _)| i);
    head[start..].trim_start_matches('.')
}

/// Words after which a single capital is a number ("Annex I.", "Bijlage B."), not an initial.
const NUMBERED_WORDS: &[&str] = &[
    "annex",
    "bijlage",
    "appendix",
    "schedule",
    "exhibit",
    "article",
    "artikel",
    "clause",
    "part",
    "deel",
    "section",
    "chapter",
    "hoofdstuk",
    "title",
    "titel",
    "fase",
    "phase",
    "aanhangsel",
    "model",
    "option",
    "optie",
    "module",
    "level",
    "niveau",
    "type",
    "category",
    "categorie",
];

/// True when the '.' at byte `dot` ends an abbreviation or an initial rather than a sentence.
fn is_abbreviation(text: &str, dot: usize) -> bool {
    let word = word_before(text, dot);
    if word.is_empty() {
        return false;
    }
    let single = word.chars().count() == 1 && word.chars().all(char::is_uppercase);
    if single {
        let head = text[..dot - word.len()].trim_end();
        let prev = head
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_lowercase();
        if NUMBERED_WORDS.contains(&prev.as_str()) {
            return false;
        }
    }
    abbreviation_word(word)
}

fn abbreviation_word(word: &str) -> bool {
    if word.is_empty() {
        return false;
    }
    let lower = word.to_lowercase();
    if ABBREVIATIONS.contains(&lower.as_str()) {
        return true;
    }
    // a single capital initial ("J. Jansen") or a run of initials ("J.P. Jansen", "U.S.")
    let mut chars = word.chars();
    let single = chars.next().is_some_and(char::is_uppercase) && chars.next().is_none();
    let initials = word.contains('.')
        && word
            .split('.')
            .all(|p| p.chars().count() == 1 && p.chars().all(char::is_alphabetic));
    single || initials
}

/// Byte ranges of the sentences of `text` (trimmed, non-empty).
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let char_at = |at: usize| text.get(at..).and_then(|r| r.chars().next());
    // Byte by byte: '.', '!' and '?' are ASCII and never part of another character.
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if !matches!(c, b'.' | b'!' | b'?') {
            i += 1;
            continue;
        }
        // "..." and dot leaders are no sentence end
        if c == b'.' && bytes.get(i + 1) == Some(&b'.') {
            while bytes.get(i) == Some(&b'.') {
                i += 1;
            }
            continue;
        }
        let mut j = i + 1;
        while let Some(n) = char_at(j).filter(|&n| is_closer(n)) {
            j += n.len_utf8();
        }
        // a footnote number glued to the full stop: "onderzoeken.1 Ook …" (not "1.5", "A.1")
        if c == b'.' && j == i + 1 {
            let digits = bytes[j..].iter().take_while(|n| n.is_ascii_digit()).count();
            let word = word_before(text, i);
            if (1..=3).contains(&digits)
                && word.chars().count() >= 2
                && word.chars().all(char::is_alphabetic)
                && !is_abbreviation(text, i)
            {
                j += digits;
            }
        }
        let end = j.min(text.len());
        let mut w = j;
        while let Some(n) = char_at(w).filter(|n| n.is_whitespace()) {
            w += n.len_utf8();
        }
        let ok =
            w > j && char_at(w).is_some_and(is_opener) && !(c == b'.' && is_abbreviation(text, i));
        if ok {
            push_trimmed(text, start..end, &mut out);
            start = end;
        }
        i = j.max(i + 1);
    }
    push_trimmed(text, start..text.len(), &mut out);
    out.into_iter().flat_map(|r| cut_long(text, r)).collect()
}

fn push_trimmed(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(r.start + lead..r.end - trail);
    }
}

fn count_tokens(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Cuts a sentence of more than [`MAX_TOKENS`] tokens after each "; ".
fn cut_long(text: &str, r: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[r.clone()];
    if !s.contains("; ") || count_tokens(s) <= MAX_TOKENS {
        return vec![r];
    }
    let mut out = Vec::new();
    let mut start = r.start;
    for (i, _) in s.match_indices("; ") {
        let end = r.start + i + 1;
        push_trimmed(text, start..end, &mut out);
        start = end;
    }
    push_trimmed(text, start..r.end, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(t: &str) -> Vec<&str> {
        split(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn splits_sentences() {
        assert_eq!(
            sents("Verwerker meldt een datalek. Dit gebeurt binnen 24 uur! Klaar? Ja."),
            [
                "Verwerker meldt een datalek.",
                "Dit gebeurt binnen 24 uur!",
                "Klaar?",
                "Ja."
            ]
        );
        assert_eq!(
            sents("Zoals bedoeld in art. 28 lid 3 AVG, o.a. de AP. Verder i.e. Niets. Versie 1.5 geldt."),
            ["Zoals bedoeld in art. 28 lid 3 AVG, o.a. de AP.", "Verder i.e. Niets.", "Versie 1.5 geldt."]
        );
        assert_eq!(
            sents("Getekend door J. Jansen namens Acme B.V. Hij is bevoegd."),
            ["Getekend door J. Jansen namens Acme B.V. Hij is bevoegd."]
        );
        assert_eq!(
            sents("He said \"stop.\" Then (a) went. The end"),
            ["He said \"stop.\"", "Then (a) went.", "The end"]
        );
        assert_eq!(
            sents("in dit lid. Verwerker zal"),
            ["in dit lid.", "Verwerker zal"]
        );
        assert_eq!(
            sents("Per 1 jan. 2024 geldt dit, evt. Later. Schrems v. Facebook."),
            [
                "Per 1 jan. 2024 geldt dit, evt. Later.",
                "Schrems v. Facebook."
            ]
        );
        assert_eq!(
            sents("Zie 7.2. 8 dagen later."),
            ["Zie 7.2.", "8 dagen later."]
        );
        assert_eq!(
            sents("e.g. Microsoft etc. and more."),
            ["e.g. Microsoft etc. and more."]
        );
        assert_eq!(sents("Inhoud ...... 3"), ["Inhoud ...... 3"]);
        assert_eq!(
            sents("te onderzoeken.1 Ook de Kamer.27 Versie 1.5 Ook bijlage A.1 Toegang."),
            [
                "te onderzoeken.1",
                "Ook de Kamer.27",
                "Versie 1.5 Ook bijlage A.1 Toegang."
            ]
        );
        assert!(sents("   ").is_empty());
    }

    #[test]
    fn long_enumerations_cut_at_semicolons() {
        let item =
            "de verwerker zal de gegevens beveiligen tegen verlies en onrechtmatige verwerking";
        let long = (0..12).map(|_| item).collect::<Vec<_>>().join("; ");
        assert_eq!(sents(&long).len(), 12);
        let short = "a; b; c.";
        assert_eq!(sents(short), ["a; b; c."]);
    }
}
