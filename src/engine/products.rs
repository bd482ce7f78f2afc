//! AI products a document names and defines in passing: "de Vraagwijzer: een chatbot die met
//! behulp van generatieve AI …", "the BrightPath Tutor, an AI assistant". A later sentence that
//! only says "De Vraagwijzer wordt in overleg met Opdrachtgever ingericht" speaks about that AI
//! product, so it has AI context (requirements.md, Verdict rules) as if the AI word stood there.

use crate::text::fold::fold;

/// What introduces a description right after a name: "X: een …", "X, an …", "X is een …".
#[rustfmt::skip]
const INTRODUCERS: &[&str] = &[
    ": een ", ": a ", ": an ", ", een ", ", an ", ", a ", " is een ", " is an ", " is a ",
    " (een ", " (an ", " (a ",
];

/// Capitalised words that start a sentence or name a party, never a product.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "de", "het", "een", "the", "a", "an", "dit", "deze", "this", "that", "it", "leverancier",
    "opdrachtgever", "opdrachtnemer", "verwerker", "supplier", "customer", "provider", "authority",
    "partijen", "parties", "artikel", "article", "clause", "bijlage", "annex", "schedule", "wat",
    "wanneer", "welke", "hoe", "waarom", "what", "when", "which", "how", "why", "aanbieder",
    "gebruiksverantwoordelijke", "deployer", "importeur", "importer", "distributeur",
    "distributor", "gemeente", "municipality",
];

/// What a product is: the AI word of the description must be one of these kinds of thing
/// ("een chatbot", "an AI assistant"), not AI as a subject ("FRIA: een beoordeling van AI").
#[rustfmt::skip]
const PRODUCT_KINDS: &[&str] = &[
    "chatbot", "assistent", "assistant", "taalmodel", "language model", "systeem", "system",
    "tool", "toepassing", "application", "model", "engine", "agent", "copilot", "module",
];

/// Whether a folded AI term names a kind of product.
pub(crate) fn is_product_kind(folded_term: &str) -> bool {
    PRODUCT_KINDS.iter().any(|k| folded_term.contains(k))
}

/// How far after the introducer the product word may stand, in words ("een groot taalmodel").
const HEAD_WORDS: usize = 4;
/// How far after the introducer the description may name generative AI, in words.
const DESCRIPTION_WORDS: usize = 15;

/// A product name defined in `text` (the original unit text), given the original byte offsets
/// where AI words start (`ai_at`) and where generative-AI words start (`genai_at`): the folded
/// name and whether the description names generative AI.
pub(crate) fn defined_in(text: &str, ai_at: &[usize], genai_at: &[usize]) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for intro in INTRODUCERS {
        for (at, _) in text.match_indices(intro) {
            let after = at + intro.len();
            // The end of the first `words` words after the introducer.
            let end_of = |words: usize| {
                text[after..]
                    .split_whitespace()
                    .take(words)
                    .last()
                    .and_then(|w| text[after..].find(w).map(|i| after + i + w.len()))
                    .unwrap_or(after)
            };
            let within =
                |offsets: &[usize], end: usize| offsets.iter().any(|&o| o >= after && o < end);
            // The product word heads the description ("een chatbot die …", "an AI assistant");
            // generative AI may be named further on ("… met behulp van generatieve AI").
            if !within(ai_at, end_of(HEAD_WORDS)) {
                continue;
            }
            let Some(name) = name_before(&text[..at]) else {
                continue;
            };
            let folded = fold(&name).text;
            // Already an AI word ("AI-toepassing: een …"), or an assessment, not a product.
            let is_ai_word = folded.split([' ', '-']).any(|w| w == "ai");
            if is_ai_word || folded.contains("assessment") || folded.contains("beoordeling") {
                continue;
            }
            // A lone ordinary word that opens the sentence ("Wat", "Portal") is no name; a name
            // in the middle of a sentence, or one with an inner capital, digit or hyphen, is.
            // An acronym is a legal instrument far more often than a product ("FRIA", "DPIA").
            if !name.chars().any(char::is_lowercase) {
                continue;
            }
            let opens = text[..at].trim_start().len() == name.len()
                && !name.contains(' ')
                && !name
                    .chars()
                    .skip(1)
                    .any(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-');
            if opens {
                continue;
            }
            if !out.iter().any(|(n, _)| n == &folded) {
                out.push((folded, within(genai_at, end_of(DESCRIPTION_WORDS))));
            }
        }
    }
    out
}

/// The capitalised words (at most three) that end `before`: "de Vraagwijzer" → "Vraagwijzer",
/// "The BrightPath Tutor" → "BrightPath Tutor".
fn name_before(before: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for raw in before.split_whitespace().rev().take(3) {
        let w = raw.trim_matches(|c: char| {
            matches!(c, '"' | '\'' | '“' | '”' | '‘' | '’' | '*' | '(' | ')')
        });
        let capitalised = w.chars().next().is_some_and(char::is_uppercase);
        let wordlike = !w.is_empty()
            && w.chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
        if !capitalised || !wordlike || NOT_NAMES.contains(&w.to_lowercase().as_str()) {
            break;
        }
        words.push(w);
        // a quote or bracket before the word closes the name
        if raw.starts_with(['"', '\'', '“', '‘', '(']) {
            break;
        }
    }
    words.reverse();
    let name = words.join(" ");
    (name.chars().filter(|c| c.is_alphanumeric()).count() >= 3).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, ai_word: &str, genai_word: Option<&str>) -> Vec<(String, bool)> {
        let ai: Vec<usize> = text.match_indices(ai_word).map(|(i, _)| i).collect();
        let genai: Vec<usize> = genai_word
            .map(|g| text.match_indices(g).map(|(i, _)| i).collect())
            .unwrap_or_default();
        defined_in(text, &ai, &genai)
    }

    #[test]
    fn names_defined_by_an_ai_description() {
        assert_eq!(
            names(
                "Het Zaakportaal bevat een optionele digitale assistent, de Vraagwijzer: een chatbot die met behulp van generatieve AI antwoord geeft.",
                "chatbot",
                Some("generatieve AI")
            ),
            vec![("vraagwijzer".to_string(), true)]
        );
        assert_eq!(
            names(
                "The BrightPath Tutor, an AI assistant that gives feedback.",
                "AI",
                None
            ),
            vec![("brightpath tutor".to_string(), false)]
        );
    }

    #[test]
    fn no_name_without_an_ai_description_or_with_a_party_word() {
        assert!(names(
            "Wat: een vraag over AI-systemen en hun risico's.",
            "AI",
            None
        )
        .is_empty());
        assert!(names(
            "Naast de AI-toepassing: een tweede AI-systeem.",
            "AI-systeem",
            None
        )
        .is_empty());
        assert!(names(
            "Dienst: het Zaakportaal zoals beschreven in Bijlage 1.",
            "AI",
            None
        )
        .is_empty());
        assert!(names(
            "De Leverancier, een bedrijf dat AI ontwikkelt, levert.",
            "AI",
            None
        )
        .is_empty());
        // the AI word too far after the introducer
        assert!(names(
            "Portal: a web application for residents and companies that lets them file and follow cases and pay their local taxes online with AI.",
            "AI",
            None
        )
        .is_empty());
    }
}
