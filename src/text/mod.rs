//! Text between extraction and matching: hygiene of extracted documents (one place for NFKC, soft
//! hyphens, de-hyphenation, running headers and footers), folding for matching with an offset map
//! back to the original, and segmentation into numbered clauses, sentences and list items.

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
pub use segment::{segment, ClauseKind, ClauseNode, Segmented, Unit, UnitKind};
