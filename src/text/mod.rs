//! Text between extraction and matching: hygiene of extracted documents (one place for NFKC, soft
//! hyphens, de-hyphenation, running headers and footers), folding for matching with an offset map
//! back to the original, and segmentation into numbered clauses, sentences and list items.
//!
//! How the engine uses it:
//!
//! 1. `let doc = clean(doc)` — [`hygiene`]: once per document, whatever the format.
//! 2. `let seg = segment(&doc)` — [`segment()`]: units (sentences, list items, table cells,
//!    headings, definitions, TOC lines, furniture) in reading order, each with page, paragraph
//!    (0 for furniture), block index and innermost clause; the clause tree with numbers
//!    ("Artikel 7", "7.2", "7.2(a)", "Artikel 7 lid 1", "Bijlage 2") and headings.
//!    [`Segmented::clause_number`] is the number evidence shows, [`Segmented::headings`] the
//!    headings around a unit (innermost first).
//! 3. `fold(&unit.text)` — [`fold()`]: lower case, no diacritics, unified quotes/dashes/whitespace,
//!    number words as digits, with [`Folded::original_range`] back to the unit text;
//!    [`fold_cased`] / [`fold_cased_mapped`] for case-sensitive terms; [`tokens`],
//!    [`is_boundary_before`] and [`is_boundary_after`] define token boundaries (letters/digits
//!    and in-word hyphens are inside a token; apostrophes and full stops are not).

pub mod fold;
pub mod hygiene;
mod labels;
mod numbers;
pub mod segment;
mod sentences;

pub use fold::{
    fold, fold_cased, fold_cased_mapped, is_boundary_after, is_boundary_before, tokens, Folded,
};
pub use hygiene::clean;

/// A document ready for matching: its segmentation, and every unit folded (in the order of
/// `seg.units`). The end of the normalise stage.
pub struct Normalised {
    pub seg: Segmented,
    pub folded: Vec<Folded>,
}

/// Segments `doc` (which has been through [`clean`]) and folds every unit.
pub fn normalise(doc: &crate::model::Document) -> Normalised {
    let seg = segment(doc);
    let folded = seg.units.iter().map(|u| fold(&u.text)).collect();
    Normalised { seg, folded }
}
pub use segment::{segment, ClauseKind, ClauseNode, Segmented, Unit, UnitKind};
