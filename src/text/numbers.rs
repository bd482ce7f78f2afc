//! Written-out numbers to digits, on text that the character pass of [`super::fold`] already
//! folded: Dutch (twee … negentien, twintig … negentig, honderd, compounds like vierentwintig,
//! tweeenzeventig, honderdtwintig) and English (two … nineteen, twenty … ninety, hundred,
//! twenty-four, twenty four, one hundred and twenty). "een" and "one" stay words (they are mostly
//! articles), except right before "(1)". A parenthesised repeat right after a number is dropped
//! when it has the same value: "vierentwintig (24) uur", "24 (vierentwintig) uur" → "24 uur".
//!
//! "acht" is also a verb ("indien verwerker dit nodig acht", "in acht nemen") and "ten" a Dutch
//! preposition ("ten behoeve van", "ten minste"), so they become 8 and 10 only before a unit word
//! (uur, dagen, weken, days, hours, business, …) or a repeat "(8)", "(10)".

use super::fold::{tokens, Folded};

const NL_SIMPLE: &[(&str, u32)] = &[
    ("twee", 2),
    ("drie", 3),
    ("vier", 4),
    ("vijf", 5),
    ("zes", 6),
    ("zeven", 7),
    ("acht", 8),
    ("negen", 9),
    ("tien", 10),
    ("elf", 11),
    ("twaalf", 12),
    ("dertien", 13),
    ("veertien", 14),
    ("vijftien", 15),
    ("zestien", 16),
    ("zeventien", 17),
    ("achttien", 18),
    ("negentien", 19),
];

const NL_UNITS: &[(&str, u32)] = &[
    ("een", 1),
    ("twee", 2),
    ("drie", 3),
    ("vier", 4),
    ("vijf", 5),
    ("zes", 6),
    ("zeven", 7),
    ("acht", 8),
    ("negen", 9),
];

const NL_TENS: &[(&str, u32)] = &[
    ("twintig", 20),
    ("dertig", 30),
    ("veertig", 40),
    ("vijftig", 50),
    ("zestig", 60),
    ("zeventig", 70),
    ("tachtig", 80),
    ("negentig", 90),
];

const EN_UNITS: &[(&str, u32)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
];

const EN_TEENS: &[(&str, u32)] = &[
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];

const EN_TENS: &[(&str, u32)] = &[
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];

/// Words after which an ambiguous "acht" or "ten" is a number.
const UNIT_PREFIXES: &[&str] = &[
    "uur",
    "uren",
    "dag",
    "werkdag",
    "kalenderdag",
    "week",
    "weken",
    "maand",
    "jaar",
    "jaren",
    "minu",
    "second",
    "procent",
    "keer",
    "maal",
    "day",
    "hour",
    "business",
    "working",
    "calendar",
    "month",
    "year",
    "percent",
    "time",
];

/// Number words that are also other words: a number only before a unit or a repeat.
const AMBIGUOUS: &[&str] = &["acht", "ten"];

/// Whether `text` may hold a number or a number word: some position after a non-alphanumeric
/// byte starts like one. Every token starts at such a position, so this never says no wrongly; it
/// may say yes wrongly ("this", "tweede"), which only costs the full pass.
fn may_hold_number(text: &[u8]) -> bool {
    (0..text.len()).any(|i| {
        (i == 0 || !text[i - 1].is_ascii_alphanumeric())
            && may_start_number(&text[i..])
            && if text[i].is_ascii_digit() {
                repeat_follows(&text[i..])
            } else {
                word_counts(&text[i..])
            }
    })
}

/// Digits change only when a parenthesised repeat follows them ("30 (dertig)").
fn repeat_follows(text: &[u8]) -> bool {
    let digits = text.iter().take_while(|b| b.is_ascii_digit()).count();
    let after = &text[digits..];
    after.strip_prefix(b" ").unwrap_or(after).starts_with(b"(")
}

/// Whether the word at the start of `text` can count as a number, given what follows it: number
/// words do; "een", "one", "acht" and "ten" only before a repeat or (the last two) a unit word.
fn word_counts(text: &[u8]) -> bool {
    let len = text
        .iter()
        .take_while(|b| b.is_ascii_lowercase() || **b == b'-')
        .count();
    let Ok(word) = std::str::from_utf8(&text[..len]) else {
        return true;
    };
    let after = &text[len..];
    let after = after.strip_prefix(b" ").unwrap_or(after);
    if after.starts_with(b"(") {
        return true;
    }
    if AMBIGUOUS.contains(&word) {
        return UNIT_PREFIXES
            .iter()
            .any(|p| after.starts_with(p.as_bytes()));
    }
    if word == "een" || word == "one" {
        return false;
    }
    let english = |w: &str| {
        [EN_UNITS, EN_TEENS, EN_TENS]
            .iter()
            .any(|t| look(t, w).is_some())
    };
    nl_value(word).is_some()
        || word == "hundred"
        || english(word)
        || word
            .split_once('-')
            .is_some_and(|(a, b)| english(a) && english(b))
}

/// Whether text starting with these bytes may be a number: a digit, or the first three letters of
/// a number word.
fn may_start_number(b: &[u8]) -> bool {
    match b {
        [d, ..] if d.is_ascii_digit() => true,
        [_, _, _, ..] => matches!(
            &b[..3],
            b"twe"
                | b"dri"
                | b"vie"
                | b"vij"
                | b"zes"
                | b"zev"
                | b"ach"
                | b"neg"
                | b"tie"
                | b"elf"
                | b"twa"
                | b"der"
                | b"vee"
                | b"tac"
                | b"twi"
                | b"hon"
                | b"een"
                | b"one"
                | b"two"
                | b"thr"
                | b"thi"
                | b"fou"
                | b"for"
                | b"fiv"
                | b"fif"
                | b"six"
                | b"sev"
                | b"eig"
                | b"nin"
                | b"ten"
                | b"ele"
                | b"hun"
        ),
        _ => false,
    }
}

fn look(table: &[(&str, u32)], w: &str) -> Option<u32> {
    table.iter().find(|(k, _)| *k == w).map(|&(_, v)| v)
}

/// A Dutch number below 100 written as one word ("vierentwintig", "negentien"); not "een".
fn nl_below_100(w: &str) -> Option<u32> {
    if let Some(v) = look(NL_SIMPLE, w).or_else(|| look(NL_TENS, w)) {
        return Some(v);
    }
    for &(u, uv) in NL_UNITS {
        if let Some(rest) = w.strip_prefix(u).and_then(|r| r.strip_prefix("en")) {
            if let Some(t) = look(NL_TENS, rest) {
                return Some(t + uv);
            }
        }
    }
    None
}

/// A Dutch number word, hundreds included ("honderd", "tweehonderd", "honderdtwintig").
fn nl_value(w: &str) -> Option<u32> {
    if let Some(v) = nl_below_100(w) {
        return Some(v);
    }
    let at = w.find("honderd")?;
    let (head, tail) = (&w[..at], &w[at + "honderd".len()..]);
    let hundreds = if head.is_empty() {
        1
    } else {
        look(NL_UNITS, head)?
    };
    let tail = tail
        .strip_prefix("en")
        .filter(|t| !t.is_empty())
        .unwrap_or(tail);
    let rest = if tail.is_empty() {
        0
    } else {
        look(NL_UNITS, tail).or_else(|| nl_below_100(tail))?
    };
    Some(hundreds * 100 + rest)
}

/// A parsed number: its value, the index of the token after it, whether it was digits, and
/// whether it is an ambiguous word that needs a unit or repeat to count.
#[derive(Clone, Copy)]
struct Num {
    value: u32,
    next: usize,
    digits: bool,
    kind: Kind,
}

/// Whether a number word counts as a number on its own.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Plain,
    /// "acht", "ten": a number before a unit word or a repeat.
    Acht,
    /// "een" / "one": a number only before "(1)".
    Article,
}

struct Ctx<'a> {
    text: &'a str,
    toks: Vec<(usize, usize)>,
}

impl Ctx<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        self.toks.get(i).map(|&(s, e)| &self.text[s..e])
    }

    /// The word at `i + 1` when only one space separates it from token `i`.
    fn next_word(&self, i: usize) -> Option<&str> {
        let (_, e) = *self.toks.get(i)?;
        let (s, _) = *self.toks.get(i + 1)?;
        (self.text.get(e..s) == Some(" ")).then(|| self.word(i + 1))?
    }

    /// English number below 100 at token `i`; `one` only when `allow_one`.
    fn en_below_100(&self, i: usize, allow_one: bool) -> Option<(u32, usize)> {
        let w = self.word(i)?;
        if let Some((a, b)) = w.split_once('-') {
            let t = look(EN_TENS, a)?;
            let u = look(EN_UNITS, b)?;
            return Some((t + u, i + 1));
        }
        if let Some(t) = look(EN_TENS, w) {
            if let Some(u) = self.next_word(i).and_then(|n| look(EN_UNITS, n)) {
                return Some((t + u, i + 2));
            }
            return Some((t, i + 1));
        }
        if let Some(v) = look(EN_TEENS, w) {
            return Some((v, i + 1));
        }
        look(EN_UNITS, w)
            .filter(|&v| allow_one || v > 1)
            .map(|v| (v, i + 1))
    }

    fn english(&self, i: usize) -> Option<(u32, usize)> {
        let w = self.word(i)?;
        let (head, j) = if w == "hundred" {
            (100, i + 1)
        } else {
            let (v, j) = self.en_below_100(i, true)?;
            if v < 10 && self.next_word(j - 1) == Some("hundred") {
                (v * 100, j + 1)
            } else if v == 1 {
                return None;
            } else {
                return Some((v, j));
            }
        };
        // "hundred [and] twenty"
        let mut k = j;
        if self.next_word(k - 1) == Some("and") {
            k += 1;
        }
        if self.next_word(k - 1).is_some() {
            if let Some((r, after)) = self.en_below_100(k, true) {
                return Some((head + r, after));
            }
        }
        Some((head, j))
    }

    /// A number at token `i`: digits, or a number word ("een"/"one" only when `allow_one`).
    fn number(&self, i: usize, allow_one: bool) -> Option<Num> {
        let w = self.word(i)?;
        if w.bytes().all(|b| b.is_ascii_digit()) {
            let value = if w.len() <= 6 {
                w.parse().ok()?
            } else {
                u32::MAX
            };
            return Some(Num {
                value,
                next: i + 1,
                digits: true,
                kind: Kind::Plain,
            });
        }
        if let Some(value) = nl_value(w) {
            return Some(Num {
                value,
                next: i + 1,
                digits: false,
                kind: if AMBIGUOUS.contains(&w) {
                    Kind::Acht
                } else {
                    Kind::Plain
                },
            });
        }
        if let Some((value, next)) = self.english(i) {
            let ambiguous = next == i + 1 && AMBIGUOUS.contains(&w);
            return Some(Num {
                value,
                next,
                digits: false,
                kind: if ambiguous { Kind::Acht } else { Kind::Plain },
            });
        }
        (allow_one && (w == "een" || w == "one")).then_some(Num {
            value: 1,
            next: i + 1,
            digits: false,
            kind: Kind::Article,
        })
    }

    fn token_starting_at(&self, byte: usize) -> Option<usize> {
        self.toks.binary_search_by_key(&byte, |&(s, _)| s).ok()
    }

    /// A "(N)" repeat of `value` right after byte `p`: the byte after its ')'.
    fn repeat_after(&self, p: usize, value: u32) -> Option<usize> {
        let t = self.text;
        let mut q = p;
        if t.get(q..)?.starts_with(' ') {
            q += 1;
        }
        if !t.get(q..)?.starts_with('(') {
            return None;
        }
        q += 1;
        if t.get(q..)?.starts_with(' ') {
            q += 1;
        }
        let k = self.token_starting_at(q)?;
        let n = self.number(k, true)?;
        if n.value != value {
            return None;
        }
        let mut r = self.toks.get(n.next - 1)?.1;
        if t.get(r..)?.starts_with(' ') {
            r += 1;
        }
        t.get(r..)?.starts_with(')').then_some(r + 1)
    }
}

/// Output under construction, with its maps.
struct Out {
    text: String,
    map: Vec<usize>,
    ends: Vec<usize>,
}

impl Out {
    fn copy(&mut self, src: &Folded, from: usize, to: usize) {
        if let (Some(s), Some(m), Some(e)) = (
            src.text.get(from..to),
            src.map.get(from..to),
            src.ends.get(from..to),
        ) {
            self.text.push_str(s);
            self.map.extend_from_slice(m);
            self.ends.extend_from_slice(e);
        }
    }
}

/// Rewrites number words in `chars` (the character pass; its map has no final entry) and adds the
/// final map entry `orig_len`.
pub(super) fn rewrite(mut chars: Folded, orig_len: usize) -> Folded {
    // Most text holds no number word and no repeat: keep it as it is, without copying.
    if !may_hold_number(chars.text.as_bytes()) {
        chars.map.push(orig_len);
        return chars;
    }
    let ctx = Ctx {
        text: &chars.text,
        toks: tokens(&chars.text).collect(),
    };
    let mut out = Out {
        text: String::with_capacity(chars.text.len()),
        map: Vec::with_capacity(chars.map.len() + 1),
        ends: Vec::with_capacity(chars.ends.len()),
    };
    let mut cursor = 0;
    let mut i = 0;
    while i < ctx.toks.len() {
        let (s, _) = ctx.toks[i];
        let Some(n) = ctx.number(i, true) else {
            i += 1;
            continue;
        };
        let Some(&(_, mut e)) = ctx.toks.get(n.next - 1) else {
            break;
        };
        let expr_end = e;
        let mut repeated = false;
        while let Some(r) = ctx.repeat_after(e, n.value) {
            e = r;
            repeated = true;
        }
        let unit_follows = ctx
            .next_word(n.next - 1)
            .is_some_and(|w| UNIT_PREFIXES.iter().any(|p| w.starts_with(p)));
        let rewrite_word = !n.digits
            && match n.kind {
                Kind::Plain => true,
                Kind::Acht => repeated || unit_follows,
                Kind::Article => repeated,
            };
        if !rewrite_word && !repeated {
            i = n.next;
            continue;
        }
        out.copy(&chars, cursor, s);
        let orig_start = chars.map.get(s).copied().unwrap_or(orig_len);
        let orig_end = chars.ends.get(e - 1).copied().unwrap_or(orig_len);
        if rewrite_word {
            let digits = n.value.to_string();
            out.text.push_str(&digits);
            out.map
                .extend(std::iter::repeat_n(orig_start, digits.len()));
            out.ends.extend(std::iter::repeat_n(orig_end, digits.len()));
        } else {
            // digits kept, the repeat dropped: the last digit now ends after the ')'
            out.copy(&chars, s, expr_end);
            if let Some(last) = out.ends.last_mut() {
                *last = orig_end;
            }
        }
        cursor = e;
        i = n.next;
        while ctx.toks.get(i).is_some_and(|&(ts, _)| ts < e) {
            i += 1;
        }
    }
    out.copy(&chars, cursor, chars.text.len());
    out.map.push(orig_len);
    Folded {
        text: out.text,
        map: out.map,
        ends: out.ends,
    }
}

#[cfg(test)]
mod tests {
    use super::super::fold::fold;

    fn f(s: &str) -> String {
        fold(s).text
    }

    #[test]
    fn dutch_numbers() {
        assert_eq!(f("binnen vierentwintig uur"), "binnen 24 uur");
        assert_eq!(f("zesendertig uur, achtenveertig uur"), "36 uur, 48 uur");
        assert_eq!(f("tweeënzeventig uur"), "72 uur");
        assert_eq!(f("negentig (90) dagen"), "90 dagen");
        assert_eq!(f("twee tot twintig"), "2 tot 20");
        assert_eq!(
            f("honderd dagen, tweehonderd, honderdtwintig"),
            "100 dagen, 200, 120"
        );
        assert_eq!(f("een maand en één (1) jaar"), "een maand en 1 jaar");
        assert_eq!(f("Vierentwintig (24) uur"), "24 uur");
        assert_eq!(f("24 (vierentwintig) uur"), "24 uur");
        assert_eq!(f("twee-factor authenticatie"), "twee-factor authenticatie");
        assert_eq!(f("tweeledig"), "tweeledig");
    }

    #[test]
    fn acht_is_also_a_verb() {
        assert_eq!(
            f("indien verwerker dit nodig acht."),
            "indien verwerker dit nodig acht."
        );
        assert_eq!(f("in acht nemen"), "in acht nemen");
        assert_eq!(f("binnen acht uur"), "binnen 8 uur");
        assert_eq!(f("acht (8) werkdagen"), "8 werkdagen");
        assert_eq!(
            f("ten behoeve van, ten minste, ten aanzien van"),
            "ten behoeve van, ten minste, ten aanzien van"
        );
        assert_eq!(
            f("within ten business days, ten (10) days"),
            "within 10 business days, 10 days"
        );
    }

    #[test]
    fn english_numbers() {
        assert_eq!(f("thirty (30) days"), "30 days");
        assert_eq!(f("within twenty-four hours"), "within 24 hours");
        assert_eq!(f("Forty‑Eight hours"), "48 hours");
        assert_eq!(f("seventy two hours"), "72 hours");
        assert_eq!(f("one hundred and twenty days"), "120 days");
        assert_eq!(f("one party and one (1) month"), "one party and 1 month");
        assert_eq!(f("fourteen days, ninety (90) days"), "14 days, 90 days");
        assert_eq!(f("art. 28(3) and 28 (3)"), "art. 28(3) and 28 (3)");
        assert_eq!(f("5 (5) (5) x"), "5 x");
        assert_eq!(f("thirty (31) days"), "30 (31) days");
    }

    #[test]
    fn number_offsets_cover_the_words_and_repeat() {
        let o = "meldt binnen Vierentwintig (24) uur";
        let fo = fold(o);
        assert_eq!(fo.text, "meldt binnen 24 uur");
        let s = fo.text.find("24").unwrap();
        assert_eq!(&o[fo.original_range(s, s + 2)], "Vierentwintig (24)");
        assert_eq!(
            &o[fo.original_range(s, fo.text.len())],
            "Vierentwintig (24) uur"
        );
        let o = "within 72 (seventy-two) hours";
        let fo = fold(o);
        assert_eq!(fo.text, "within 72 hours");
        assert_eq!(&o[fo.original_range(7, 9)], "72 (seventy-two)");
        assert_eq!(&o[fo.original_range(7, 8)], "7");
        assert_eq!(fo.map.len(), fo.text.len() + 1);
        assert!(fo.map.windows(2).all(|w| w[0] <= w[1]));
        assert!(fo.ends.windows(2).all(|w| w[0] <= w[1]));
    }
}
