//! Clause labels at the start of a block or line: "Artikel 7", "Article 7 –", "Clause 8.1",
//! "Section 3", "§ 3", "7.", "7.2", "7.2.1", items "(a)", "a.", "a)", "(i)", "(1)", and annexes
//! "Bijlage 2", "Annex II", "Appendix 1", "Schedule 1", "Aanhangsel".
//!
//! Only labels at the start count, and only when what follows looks like a heading or a new
//! sentence (end of text, a separator, '(' or an upper-case letter): "Artikel 7 van de
//! Overeenkomst …", "24 uur", "1.000 euro", "25 mei 2018" and "2021/914" are not labels. Plain
//! numbers have at most two digits per part, so years are never clause numbers.

/// Words that introduce a numbered clause.
const ARTICLE_WORDS: &[&str] = &[
    "artikel",
    "article",
    "art.",
    "clause",
    "section",
    "§",
    "paragraaf",
];

/// Words that introduce an annex.
const ANNEX_WORDS: &[&str] = &[
    "bijlage",
    "annex",
    "appendix",
    "schedule",
    "aanhangsel",
    "exhibit",
];

/// The style of a list item label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemStyle {
    Letter,
    Roman,
    Digit,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LabelKind {
    /// "Artikel 7", "Clause 8.1": the word as written and the number parts.
    Article { word: String, key: Vec<u32> },
    /// "7", "7.2", "7.2.1".
    Dotted { key: Vec<u32> },
    /// "(a)", "a.", "(iv)", "(1)", "1)". `alt` is the letter reading of an ambiguous roman
    /// numeral ("(i)" may be the ninth letter).
    Item {
        style: ItemStyle,
        value: u32,
        alt: Option<u32>,
    },
    /// "Bijlage 2", "Annex II", "Aanhangsel".
    Annex,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Label {
    pub kind: LabelKind,
    /// The label as written, without trailing punctuation: "Artikel 7", "7.2", "(a)", "Bijlage 2".
    pub text: String,
    /// Bytes of the block taken by the label and the separators after it.
    pub len: usize,
}

fn roman_value(s: &str) -> Option<u32> {
    const ROMANS: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    let lower = s.to_ascii_lowercase();
    if s != lower && s != s.to_ascii_uppercase() {
        return None;
    }
    ROMANS
        .iter()
        .position(|r| *r == lower)
        .map(|p| p as u32 + 1)
}

/// "7", "7.2", "7.2.1": the first part one or two digits, later parts one or two digits.
fn dotted_key(s: &str) -> Option<Vec<u32>> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() > 4 {
        return None;
    }
    parts
        .iter()
        .map(|p| {
            (!p.is_empty() && p.len() <= 2 && p.bytes().all(|c| c.is_ascii_digit()))
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect()
}

/// What follows a label allows it to be one: end, separator, '(' or an upper-case letter.
fn good_follow(rest: &str) -> bool {
    match rest.trim_start_matches([' ', '\t']).chars().next() {
        None => true,
        Some(c) => {
            c == '\n'
                || c.is_uppercase()
                || matches!(
                    c,
                    '–' | '—' | '-' | ':' | '(' | '"' | '\'' | '“' | '‘' | '['
                )
        }
    }
}

/// The rest of a line reads as a heading: at most 12 words, no sentence-final punctuation.
fn short_line(rest: &str) -> bool {
    let r = rest.trim();
    r.split_whitespace().count() <= 12 && !r.ends_with(['.', ';', ':', ',', '!', '?'])
}

/// The next word is an acronym ("AVG", "GDPR", "UAVG").
fn starts_with_acronym(rest: &str) -> bool {
    let w = first_token(rest.trim_start());
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2
        && w.chars().take_while(|c| c.is_alphabetic()).count() == letters
        && w.chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
}

/// Skips separators after a label: spaces, '.', ':', '–', '-'.
fn skip_separators(s: &str, at: usize) -> usize {
    let rest = &s[at..];
    let trimmed = rest.trim_start_matches([' ', '\t', '.', ':', '–', '—', '-']);
    // a '-' directly glued to a word is part of it; keep simple: separators must be followed by
    // space or end
    at + (rest.len() - trimmed.len())
}

/// The end of the token starting at byte 0 of `s` (up to whitespace).
fn first_token(s: &str) -> &str {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    &s[..end]
}

/// An item label at the start of `s`: "(a)", "a.", "a)", "(iv)", "iv.", "(1)", "1)".
fn parse_item(s: &str) -> Option<Label> {
    let tok = first_token(s);
    let (inner, paren) = if let Some(t) = tok.strip_prefix('(') {
        (t.strip_suffix(')')?, true)
    } else if let Some(t) = tok.strip_suffix(')') {
        (t, false)
    } else {
        (tok.strip_suffix('.')?, false)
    };
    let after = &s[tok.len()..];
    if !after.is_empty() && !after.starts_with([' ', '\t', '\n']) {
        return None;
    }
    let dot_form = !paren && tok.ends_with('.');
    let (style, value, alt) =
        if inner.len() <= 2 && !inner.is_empty() && inner.bytes().all(|c| c.is_ascii_digit()) {
            if dot_form {
                return None; // "1." is a dotted clause number
            }
            if paren && restated_number(s) {
                return None;
            }
            (ItemStyle::Digit, inner.parse().ok()?, None)
        } else if let Some(v) = roman_value(inner) {
            let alt = (inner.len() == 1).then(|| letter_value(inner)).flatten();
            (ItemStyle::Roman, v, alt)
        } else if let Some(v) = letter_value(inner) {
            // an upper-case letter only in parentheses: "A. Jansen" is a name
            if inner.bytes().any(|c| c.is_ascii_uppercase()) && !paren {
                return None;
            }
            (ItemStyle::Letter, v, None)
        } else {
            return None;
        };
    Some(Label {
        kind: LabelKind::Item { style, value, alt },
        text: format!("({})", inner.to_ascii_lowercase()),
        len: skip_separators(s, tok.len()),
    })
}

/// Words that follow a number restated in figures ("thirty (30) days", "dertig (30) dagen").
#[rustfmt::skip]
const UNIT_WORDS: &[&str] = &[
    "day", "days", "hour", "hours", "week", "weeks", "month", "months", "year", "years", "minute",
    "minutes", "percent", "dag", "dagen", "werkdag", "werkdagen", "kalenderdag", "kalenderdagen",
    "uur", "uren", "weken", "maand", "maanden", "jaar", "jaren", "minuut", "minuten", "procent",
    "%", "euro", "eur",
];

/// "(60) days in advance …": a number restated in figures after its words ("sixty"), wrapped
/// onto a new line, not a list item "(60)".
pub(crate) fn restated_number(line: &str) -> bool {
    let l = line.trim_start();
    let Some(inner_end) = l.strip_prefix('(').and_then(|r| r.find(')')) else {
        return false;
    };
    let inner = &l[1..1 + inner_end];
    if inner.is_empty() || !inner.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    let unit = first_token(l[inner_end + 2..].trim_start());
    let unit = unit.trim_end_matches([',', '.', ';', ':']).to_lowercase();
    UNIT_WORDS.contains(&unit.as_str())
}

fn letter_value(s: &str) -> Option<u32> {
    let mut cs = s.chars();
    let c = cs.next()?;
    (cs.next().is_none() && c.is_ascii_alphabetic())
        .then(|| u32::from(c.to_ascii_lowercase()) - u32::from('a') + 1)
}

/// The label at the start of `s` (a block or one of its lines), if any.
pub fn parse(s: &str) -> Option<Label> {
    let s_trim = s.trim_start();
    let lead = s.len() - s_trim.len();
    let mut l = parse_trimmed(s_trim)?;
    l.len += lead;
    Some(l)
}

fn parse_trimmed(s: &str) -> Option<Label> {
    let tok = first_token(s);
    let lower = tok.to_lowercase();
    // "§3" glued
    if let Some(num) = tok.strip_prefix('§').filter(|n| !n.is_empty()) {
        let key = dotted_key(num.trim_end_matches('.'))?;
        let rest = &s[tok.len()..];
        return good_follow(rest).then(|| Label {
            kind: LabelKind::Article {
                word: "§".into(),
                key,
            },
            text: format!("§ {}", num.trim_end_matches('.')),
            len: skip_separators(s, tok.len()),
        });
    }
    if ARTICLE_WORDS.contains(&lower.as_str()) {
        let after = &s[tok.len()..];
        let num_s = after.trim_start_matches([' ', '\t']);
        if num_s.len() == after.len() && !after.is_empty() {
            return None;
        }
        let num_tok = first_token(num_s);
        let num = num_tok.trim_end_matches(['.', ':']);
        let key = dotted_key(num)?;
        let num_end = s.len() - num_s.len() + num_tok.len();
        let rest = &s[num_end..];
        if !good_follow(rest) {
            return None;
        }
        // "Art. 28 AVG bepaalt …", "Article 28 GDPR requires …": a citation, not a label
        let citation = lower == "art." || starts_with_acronym(rest);
        if citation && !short_line(rest) {
            return None;
        }
        return Some(Label {
            kind: LabelKind::Article {
                word: tok.to_string(),
                key,
            },
            text: format!("{tok} {num}"),
            len: skip_separators(s, num_end),
        });
    }
    if ANNEX_WORDS.contains(&lower.as_str()) {
        let after = &s[tok.len()..];
        let num_s = after.trim_start_matches([' ', '\t']);
        let num_tok = first_token(num_s);
        let num = num_tok.trim_end_matches(['.', ':']);
        let is_num = !num.is_empty()
            && (num.bytes().all(|c| c.is_ascii_digit()) && num.len() <= 2
                || roman_value(num).is_some() && num.bytes().all(|c| c.is_ascii_uppercase())
                || num.len() == 1 && num.bytes().all(|c| c.is_ascii_uppercase()));
        let (text, end) = if is_num {
            (
                format!("{tok} {num}"),
                s.len() - num_s.len() + num_tok.len(),
            )
        } else {
            (tok.to_string(), tok.len())
        };
        // "Bijlage 1 bij de Overeenkomst" is a heading too, "Bijlage 2 bevat …." is not
        if !good_follow(&s[end..]) && !short_line(&s[end..]) {
            return None;
        }
        return Some(Label {
            kind: LabelKind::Annex,
            text,
            len: skip_separators(s, end),
        });
    }
    if tok.starts_with(|c: char| c.is_ascii_digit()) {
        // "1.10.Alle …": a number glued to its text by a lost space
        let glue = tok
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .filter(|&g| g > 0 && tok[..g].ends_with('.'));
        if let Some(g) = glue {
            let num = &tok[..g - 1];
            let key = dotted_key(num)?;
            if !tok[g..].starts_with(char::is_uppercase) || !num.contains('.') {
                return None;
            }
            return Some(Label {
                kind: LabelKind::Dotted { key },
                text: num.to_string(),
                len: g,
            });
        }
        let num = tok.strip_suffix('.').unwrap_or(tok);
        let key = dotted_key(num)?;
        let rest = &s[tok.len()..];
        // a lone "7" is too often a stray page number and a lone "2.51" a version number; "7."
        // and "7.2." may stand alone (their title in the next block)
        if rest.trim().is_empty() && !tok.ends_with('.') {
            return None;
        }
        if !good_follow(rest) {
            return None;
        }
        return Some(Label {
            kind: LabelKind::Dotted { key },
            text: num.to_string(),
            len: skip_separators(s, tok.len()),
        });
    }
    parse_item(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Option<String> {
        parse(s).map(|l| l.text)
    }

    #[test]
    fn clause_labels() {
        assert_eq!(text("Artikel 7 Geheimhouding"), Some("Artikel 7".into()));
        assert_eq!(
            text("Article 7 – Confidentiality"),
            Some("Article 7".into())
        );
        assert_eq!(
            text("Clause 8.1 The Supplier shall"),
            Some("Clause 8.1".into())
        );
        assert_eq!(text("§ 3"), Some("§ 3".into()));
        assert_eq!(text("7. Geheimhouding"), Some("7".into()));
        assert_eq!(text("7.2 Verwerker"), Some("7.2".into()));
        assert_eq!(text("7.2.1 Verwerker"), Some("7.2.1".into()));
        assert_eq!(text("1.10.Alle woorden"), Some("1.10".into()));
        assert_eq!(text("7.2 (a) the Supplier"), Some("7.2".into()));
        assert_eq!(text("(a) the Supplier"), Some("(a)".into()));
        assert_eq!(text("a. de Verwerker"), Some("(a)".into()));
        assert_eq!(text("iv) iets"), Some("(iv)".into()));
        assert_eq!(text("Bijlage 2 – Subverwerkers"), Some("Bijlage 2".into()));
        assert_eq!(text("Bijlage II"), Some("Bijlage II".into()));
        assert_eq!(
            text("Annex II: List of sub-processors"),
            Some("Annex II".into())
        );
        assert_eq!(text("Aanhangsel"), Some("Aanhangsel".into()));
        assert_eq!(
            text("Bijlage 1 bij de Overeenkomst"),
            Some("Bijlage 1".into())
        );
        assert_eq!(text("Art. 7 Geheimhouding"), Some("Art. 7".into()));
        assert_eq!(text("ARTIKEL 7 GEHEIMHOUDING"), Some("ARTIKEL 7".into()));
        let l = parse("Artikel 7 – Geheimhouding").unwrap();
        assert_eq!(&"Artikel 7 – Geheimhouding"[l.len..], "Geheimhouding");
    }

    #[test]
    fn false_labels() {
        for s in [
            "2021/914 is het besluit",
            "24 uur na ontdekking",
            "1.000 euro per dag",
            "25 mei 2018 trad de AVG",
            "2018 was het jaar",
            "Artikel 7 van de Overeenkomst is van toepassing.",
            "Bijlage 2 bevat de lijst.",
            "Section 3 of the Agreement applies.",
            "Art. 28 AVG bepaalt dat de verwerker een overeenkomst sluit.",
            "Article 28 GDPR requires a contract between controller and processor.",
            "A. Jansen tekent",
            "7",
            "2.51",
            "Artikel",
            "(hello) there",
            "1.5.het",
            "3.Alle",
            "(60) days in advance of any substantial modification",
            "(30) dagen na de melding",
            "(24) hours after discovery",
        ] {
            assert_eq!(text(s), None, "{s}");
        }
    }
}
