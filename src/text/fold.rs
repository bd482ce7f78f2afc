//! Folding for matching: NFKC, lower case, diacritics removed (geëist → geeist), quotes and dashes
//! unified, whitespace collapsed, number words to digits; with a map from every folded byte back to
//! the original byte, so evidence shows the original text.
//!
//! Two passes: a character pass (compatibility decomposition, marks dropped, case, quotes, dashes,
//! invisible characters, whitespace) and a token pass that turns written-out numbers into digits
//! and drops a parenthesised repeat of a number ("vierentwintig (24) uur" → "24 uur").
//!
//! Tokens (see [`tokens`]): a token is a maximal run of letters and digits, with a hyphen inside it
//! when the hyphen sits between two letters/digits ("e-mail", "AI-systeem", "twenty-four" are one
//! token each). Apostrophes are *not* part of tokens, so "Supplier's" holds the token "supplier"
//! and "AI's" the token "AI". A full stop is never part of a token: "7.2" is "7", "2".

use std::ops::Range;

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use super::numbers;

/// Folded text and, for every byte of it, the byte offsets in the original it came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Folded {
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i` (always an original char boundary);
    /// `map.len() == text.len() + 1`, the last entry being the original length. Monotonic.
    pub map: Vec<usize>,
    /// `ends[i]` is the original byte offset just after the original character (or number
    /// phrase) folded byte `i` came from; `ends.len() == text.len()`. Monotonic.
    pub ends: Vec<usize>,
}

impl Folded {
    /// The original byte range for a folded byte range: from the start of the original character
    /// of folded byte `start` to the end of the original character of folded byte `end - 1`.
    /// Out-of-range and reversed arguments are clamped; the result is always on char boundaries.
    pub fn original_range(&self, start: usize, end: usize) -> Range<usize> {
        let last = self.map.len().saturating_sub(1);
        let s = self.map.get(start.min(last)).copied().unwrap_or(0);
        if end <= start || self.ends.is_empty() {
            return s..s;
        }
        let e = self
            .ends
            .get((end - 1).min(self.ends.len() - 1))
            .copied()
            .unwrap_or(s);
        s..e.max(s)
    }

    /// Puts `label` before the folded text only: its bytes map to the start of the original, so
    /// evidence never shows it.
    pub fn prepend(&mut self, label: &str) {
        let start = self.map.first().copied().unwrap_or(0);
        self.text.insert_str(0, label);
        self.map
            .splice(0..0, std::iter::repeat_n(start, label.len()));
        self.ends
            .splice(0..0, std::iter::repeat_n(start, label.len()));
    }

    /// Empties the folded text (the original stays as it is): nothing will match in it.
    pub fn clear(&mut self) {
        let start = self.map.first().copied().unwrap_or(0);
        self.text.clear();
        self.map = vec![start];
        self.ends.clear();
    }

    /// Whether `needle` (folded) stands in the text as whole tokens.
    pub fn has_tokens(&self, needle: &str) -> bool {
        !needle.is_empty() && self.token_matches(needle).next().is_some()
    }

    /// Where `needle` stands in the text as whole tokens.
    fn token_matches<'a>(&'a self, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.text
            .match_indices(needle)
            .map(|(at, _)| at)
            .filter(move |&at| {
                is_boundary_before(&self.text, at)
                    && is_boundary_after(&self.text, at + needle.len())
            })
    }

    /// Writes `with` in place of every whole-token `needle` (both folded), keeping the offset map:
    /// the new bytes all map to the original token, so evidence still shows what the document
    /// says. Returns whether anything was replaced.
    pub fn replace_tokens(&mut self, needle: &str, with: &str) -> bool {
        if needle.is_empty() || !self.text.contains(needle) {
            return false;
        }
        let found: Vec<usize> = self.token_matches(needle).collect();
        if found.is_empty() {
            return false;
        }
        let mut text = String::with_capacity(self.text.len() + found.len() * with.len());
        let mut map = Vec::with_capacity(self.map.len() + found.len() * with.len());
        let mut ends = Vec::with_capacity(self.ends.len() + found.len() * with.len());
        let mut from = 0;
        for at in found {
            let end = at + needle.len();
            text.push_str(&self.text[from..at]);
            map.extend_from_slice(&self.map[from..at]);
            ends.extend_from_slice(&self.ends[from..at]);
            text.push_str(with);
            map.extend(std::iter::repeat_n(self.map[at], with.len()));
            ends.extend(std::iter::repeat_n(self.ends[end - 1], with.len()));
            from = end;
        }
        text.push_str(&self.text[from..]);
        map.extend_from_slice(&self.map[from..]);
        ends.extend_from_slice(&self.ends[from..]);
        self.text = text;
        self.map = map;
        self.ends = ends;
        true
    }
}

/// Folds `original` for case-insensitive matching, with the offset map.
pub fn fold(original: &str) -> Folded {
    let chars = char_pass(original, true);
    numbers::rewrite(chars, original.len())
}

/// The same folding, keeping case and without number words: what case-sensitive terms (`AI`,
/// `DPIA`, `ChatGPT`) are compared with.
pub fn fold_cased(s: &str) -> String {
    char_pass(s, false).text
}

/// [`fold_cased`] with its offset map.
pub fn fold_cased_mapped(s: &str) -> Folded {
    let mut f = char_pass(s, false);
    f.map.push(s.len());
    f
}

/// What the character pass does with one decomposed character.
enum Out {
    Char(char),
    Str(&'static str),
    Space,
    Drop,
}

fn classify(d: char, lower: bool) -> Out {
    match d {
        '\u{00AD}'
        | '\u{200B}'..='\u{200D}'
        | '\u{FEFF}'
        | '\u{2060}'
        | '\u{200E}'
        | '\u{200F}' => Out::Drop,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => {
            Out::Char('\'')
        }
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => Out::Char('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => {
            Out::Char('-')
        }
        'ß' => Out::Str("ss"),
        'ẞ' => Out::Str(if lower { "ss" } else { "SS" }),
        'ø' => Out::Char('o'),
        'Ø' => Out::Char(if lower { 'o' } else { 'O' }),
        'æ' => Out::Str("ae"),
        'Æ' => Out::Str(if lower { "ae" } else { "AE" }),
        'œ' => Out::Str("oe"),
        'Œ' => Out::Str(if lower { "oe" } else { "OE" }),
        'ł' => Out::Char('l'),
        'Ł' => Out::Char(if lower { 'l' } else { 'L' }),
        'đ' => Out::Char('d'),
        'Đ' => Out::Char(if lower { 'd' } else { 'D' }),
        c if c.is_whitespace() || c.is_control() => Out::Space,
        c if is_combining_mark(c) => Out::Drop,
        c => Out::Char(c),
    }
}

/// The character pass. The returned map has one entry per folded byte (no final entry).
fn char_pass(original: &str, lower: bool) -> Folded {
    let mut out = CharOut {
        text: String::with_capacity(original.len()),
        map: Vec::with_capacity(original.len() + 1),
        ends: Vec::with_capacity(original.len()),
        pending_space: None,
    };
    let bytes = original.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII has no decomposition, marks or special quotes: the common case, byte by byte.
        if b.is_ascii() {
            if b.is_ascii_whitespace() || b.is_ascii_control() {
                out.space(i);
            } else {
                out.flush_space(original);
                out.text
                    .push(char::from(if lower { b.to_ascii_lowercase() } else { b }));
                out.map.push(i);
                out.ends.push(i + 1);
            }
            i += 1;
            continue;
        }
        let Some(c) = original.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let end = i + c.len_utf8();
        decompose_compatible(c, |d| {
            let mut buf = [0u8; 4];
            match classify(d, lower) {
                Out::Drop => {}
                Out::Space => out.space(i),
                Out::Str(s) => out.push(original, s, i, end),
                Out::Char(ch) if lower && ch.is_uppercase() => {
                    for l in ch.to_lowercase() {
                        if !is_combining_mark(l) {
                            out.push(original, l.encode_utf8(&mut buf), i, end);
                        }
                    }
                }
                Out::Char(ch) => out.push(original, ch.encode_utf8(&mut buf), i, end),
            }
        });
        i = end;
    }
    Folded {
        text: out.text,
        map: out.map,
        ends: out.ends,
    }
}

/// The character pass's output under construction.
struct CharOut {
    text: String,
    map: Vec<usize>,
    ends: Vec<usize>,
    /// Start offset of a pending whitespace run, emitted only when a non-space follows (trims and
    /// collapses in one go).
    pending_space: Option<usize>,
}

impl CharOut {
    fn space(&mut self, at: usize) {
        if self.pending_space.is_none() {
            self.pending_space = Some(at);
        }
    }

    /// Emits a pending space (not at the start): one space for the run, mapped to its first
    /// whitespace character.
    fn flush_space(&mut self, original: &str) {
        if let Some(ws) = self.pending_space.take() {
            if !self.text.is_empty() {
                let len = original
                    .get(ws..)
                    .and_then(|r| r.chars().next())
                    .map_or(1, char::len_utf8);
                self.text.push(' ');
                self.map.push(ws);
                self.ends.push(ws + len);
            }
        }
    }

    /// `s`, folded from the original character at `start..end`.
    fn push(&mut self, original: &str, s: &str, start: usize, end: usize) {
        self.flush_space(original);
        self.text.push_str(s);
        for _ in 0..s.len() {
            self.map.push(start);
            self.ends.push(end);
        }
    }
}

fn is_alnum(c: char) -> bool {
    c.is_alphanumeric()
}

/// The char that ends at `byte`, if `byte` is a char boundary inside `text`.
fn char_before(text: &str, byte: usize) -> Option<char> {
    text.get(..byte)?.chars().next_back()
}

fn char_at(text: &str, byte: usize) -> Option<char> {
    text.get(byte..)?.chars().next()
}

/// True when a hyphen at `hyphen` (byte offset of the '-') sits between two letters/digits.
fn in_word_hyphen(text: &str, hyphen: usize) -> bool {
    char_at(text, hyphen) == Some('-')
        && char_before(text, hyphen).is_some_and(is_alnum)
        && char_at(text, hyphen + 1).is_some_and(is_alnum)
}

/// True when a token may start at `byte`: the char before it is not a letter, digit or in-word
/// hyphen. A `byte` that is not a char boundary is never a boundary.
pub fn is_boundary_before(text: &str, byte: usize) -> bool {
    if !text.is_char_boundary(byte) {
        return false;
    }
    match char_before(text, byte) {
        None => true,
        Some(c) if is_alnum(c) => false,
        Some('-') => !in_word_hyphen(text, byte - 1),
        Some(_) => true,
    }
}

/// True when a token may end at `byte` (exclusive): the char at `byte` is not a letter, digit or
/// in-word hyphen. A `byte` that is not a char boundary is never a boundary.
pub fn is_boundary_after(text: &str, byte: usize) -> bool {
    if !text.is_char_boundary(byte) {
        return false;
    }
    match char_at(text, byte) {
        None => true,
        Some(c) if is_alnum(c) => false,
        Some('-') => !in_word_hyphen(text, byte),
        Some(_) => true,
    }
}

/// Byte ranges of the tokens of `text` (see the module doc for what a token is).
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let rest = text.get(pos..)?;
        let (off, _) = rest.char_indices().find(|&(_, c)| is_alnum(c))?;
        let start = pos + off;
        let mut end = start;
        for (j, c) in text[start..].char_indices() {
            let at = start + j;
            if is_alnum(c) || (c == '-' && in_word_hyphen(text, at)) {
                end = at + c.len_utf8();
            } else {
                break;
            }
        }
        pos = end;
        Some((start, end))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orig<'a>(o: &'a str, f: &Folded, needle: &str) -> &'a str {
        let s = f.text.find(needle).expect("needle in folded text");
        &o[f.original_range(s, s + needle.len())]
    }

    #[test]
    fn folds_dutch_text_with_exact_offsets() {
        let o = "De  Verwerker\u{00A0}heeft het  ﬁnanciële\tbelang geëist; “Straße” — zie art.\u{00AD}28";
        let f = fold(o);
        assert_eq!(
            f.text,
            "de verwerker heeft het financiele belang geeist; \"strasse\" - zie art.28"
        );
        assert_eq!(f.map.len(), f.text.len() + 1);
        assert_eq!(f.ends.len(), f.text.len());
        assert_eq!(orig(o, &f, "financiele"), "ﬁnanciële");
        assert_eq!(orig(o, &f, "geeist"), "geëist");
        assert_eq!(orig(o, &f, "strasse"), "Straße");
        assert_eq!(orig(o, &f, "verwerker heeft"), "Verwerker\u{00A0}heeft");
        assert_eq!(orig(o, &f, "fi"), "ﬁ");
        assert!(f.map.windows(2).all(|w| w[0] <= w[1]));
        assert!(f.ends.windows(2).all(|w| w[0] <= w[1]));
    }

    #[test]
    fn trims_and_removes_invisibles() {
        let f = fold("  \u{FEFF}Zero\u{200B}width \n\n ");
        assert_eq!(f.text, "zerowidth");
        assert_eq!(f.map.len(), f.text.len() + 1);
        assert_eq!(fold("").text, "");
        assert_eq!(fold(" \t ").text, "");
    }

    #[test]
    fn cased_keeps_case() {
        assert_eq!(
            fold_cased("Het  AI‑systeem van ChatGPT — geëist"),
            "Het AI-systeem van ChatGPT - geeist"
        );
        assert_eq!(fold_cased("vierentwintig uur"), "vierentwintig uur");
    }

    #[test]
    fn a_prepended_label_has_no_original_and_a_cleared_text_matches_nothing() {
        let o = "Ondersteuning van de gemeente";
        let mut f = fold(o);
        f.prepend("doel: ");
        assert_eq!(f.text, "doel: ondersteuning van de gemeente");
        // the offset map keeps its shape: one entry per byte plus the end, one end per byte
        assert_eq!(f.map.len(), f.text.len() + 1);
        assert_eq!(f.ends.len(), f.text.len());
        assert!(f.original_range(0, 4).is_empty());
        let at = f.text.find("ondersteuning").unwrap();
        assert_eq!(&o[f.original_range(at, at + 13)], "Ondersteuning");
        assert!(f.has_tokens("doel") && f.has_tokens("gemeente") && !f.has_tokens("gemeent"));

        let mut label = fold("Doel");
        label.clear();
        assert!(label.text.is_empty() && !label.has_tokens("doel"));
        assert_eq!(label.map.len(), 1);
        assert!(label.original_range(0, 0).is_empty());
    }

    #[test]
    fn original_range_is_safe() {
        let o = "één ß";
        let f = fold(o);
        assert_eq!(f.text, "een ss");
        assert_eq!(&o[f.original_range(0, 3)], "één");
        // the middle of "ss" still maps to the whole ß
        assert_eq!(&o[f.original_range(5, 6)], "ß");
        assert_eq!(f.original_range(100, 200), o.len()..o.len());
        assert_eq!(f.original_range(3, 1), 5..5);
    }

    #[test]
    fn boundaries() {
        let t = "het ai-systeem, co-pilot en aivd; ai's - ai";
        let ai = t.find("ai-").unwrap();
        assert!(is_boundary_before(t, ai));
        assert!(!is_boundary_after(t, ai + 2));
        let pilot = t.find("pilot").unwrap();
        assert!(!is_boundary_before(t, pilot));
        let aivd = t.find("aivd").unwrap();
        assert!(!is_boundary_after(t, aivd + 2));
        let ais = t.find("ai's").unwrap();
        assert!(is_boundary_after(t, ais + 2));
        // a free-standing dash is a boundary
        let last = t.rfind("ai").unwrap();
        assert!(is_boundary_before(t, last));
        assert!(is_boundary_after(t, last + 2));
        assert!(is_boundary_before(t, 0));
        assert!(is_boundary_after(t, t.len()));
        assert!(!is_boundary_before("é", 1));
    }

    #[test]
    fn tokenises() {
        let t = "e-mail, ai's 7.2 -x- co-pilot";
        let toks: Vec<&str> = tokens(t).map(|(s, e)| &t[s..e]).collect();
        assert_eq!(toks, ["e-mail", "ai", "s", "7", "2", "x", "co-pilot"]);
    }

    #[test]
    fn idempotent() {
        for o in [
            "De Verwerker meldt binnen vierentwintig (24) uur; “AI‑systeem”  ﬁx",
            "Within thirty (30) days, twenty-four hours, 5 (5) (5) x",
            "één (1) maand of one (1) month of 24 (vierentwintig) uur",
        ] {
            let once = fold(o).text;
            assert_eq!(fold(&once).text, once, "{o}");
        }
    }
}
