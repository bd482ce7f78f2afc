//! Office and plain-text extraction on fixtures with known source text (python-docx, LibreOffice,
//! docx-rs as a writer), and on hostile inputs that must give a typed error, never a panic.

use clausescan::extract::{extract_bytes, render, ExtractError, Limits};
use clausescan::model::{Block, BlockKind, Document, Format};

/// Prints a document as `clausescan extract` would: `DUMP=path cargo test --test extract_office dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("DUMP") else {
        return;
    };
    let ext = path.rsplit('.').next().unwrap_or("");
    let format = Format::from_extension(ext).unwrap_or(Format::Txt);
    let bytes = std::fs::read(&path).unwrap();
    match extract_bytes(&bytes, format, &Limits::default()) {
        Ok(doc) => print!("{}", render::to_text(&doc)),
        Err(e) => println!("ERROR: {e:?} / {e}"),
    }
}
