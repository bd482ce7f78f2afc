//! A development aid, ignored by default: runs hygiene and segmentation on a plain-text file
//! (e.g. `pdftotext` output: pages split on form feeds, one block per blank-line-separated
//! paragraph) and prints the units with their page, paragraph, kind and clause number, so one can
//! read how sentence and clause splitting hold up on real contracts.
//!
//! `TEXT_DUMP=/tmp/doc.txt cargo test --test text_realdump -- --ignored --nocapture`
//! (`TEXT_DUMP_FLAT=1` for a TXT file: one page without a page number).

use clausescan::extract::{extract_path, Limits};
use clausescan::model::{Block, Document, Format, Page};
use clausescan::text::{clean, fold, segment, UnitKind};

fn document(raw: &str) -> Document {
    // TEXT_DUMP_FLAT=1: a TXT-like document, one page without a number
    if std::env::var_os("TEXT_DUMP_FLAT").is_some() {
        return Document {
            pages: vec![Page {
                number: None,
                blocks: raw
                    .split("\n\n")
                    .filter(|p| !p.trim().is_empty())
                    .map(|p| Block {
                        text: p.trim_matches('\n').to_string(),
                        ..Block::default()
                    })
                    .collect(),
            }],
            ..Document::default()
        };
    }
    let pages = raw
        .split('\u{000C}')
        .enumerate()
        .map(|(i, page)| Page {
            number: Some(i as u32 + 1),
            blocks: page
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(|p| Block {
                    text: p.trim_matches('\n').to_string(),
                    ..Block::default()
                })
                .collect(),
        })
        .filter(|p| !p.blocks.is_empty())
        .collect();
    Document {
        pages,
        ..Document::default()
    }
}

#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("TEXT_DUMP") else {
        return;
    };
    // a document the project can read (DOCX, ODT, PDF) goes through its extractor
    let ext = std::path::Path::new(&path)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("");
    let format = Format::from_extension(ext).filter(|f| !matches!(f, Format::Txt | Format::Md));
    if let Some(format) = format {
        match extract_path(std::path::Path::new(&path), format, &Limits::default()) {
            Ok(doc) => {
                print_units(doc, 0);
            }
            Err(e) => println!("cannot read: {e}"),
        }
        return;
    }
    let raw = std::fs::read_to_string(&path).unwrap_or_default();
    print_units(document(&raw), raw.len());
}

fn print_units(doc: Document, raw_len: usize) {
    let t0 = std::time::Instant::now();
    let cleaned = clean(doc);
    let t1 = std::time::Instant::now();
    let s = segment(&cleaned);
    let t2 = std::time::Instant::now();
    let folded: usize = s.units.iter().map(|u| fold(&u.text).text.len()).sum();
    let t3 = std::time::Instant::now();
    eprintln!(
        "{} bytes: clean {:?}, segment {:?}, fold all units {:?} ({folded} bytes)",
        raw_len,
        t1 - t0,
        t2 - t1,
        t3 - t2
    );
    println!("title: {:?}", s.title);
    for (i, u) in s.units.iter().enumerate() {
        println!(
            "p{:>3} ¶{:>4} {:<10} {:<18} | {}",
            u.page.unwrap_or(0),
            u.paragraph,
            format!("{:?}", u.kind),
            s.clause_number(i).unwrap_or("-"),
            u.text.replace('\n', "⏎")
        );
    }
    let count = |k: UnitKind| s.units.iter().filter(|u| u.kind == k).count();
    let long = s
        .units
        .iter()
        .filter(|u| u.text.split_whitespace().count() > 80)
        .count();
    println!(
        "units {} sentences {} list {} headings {} definitions {} toc {} furniture {} clauses {} long(>80 words) {}",
        s.units.len(),
        count(UnitKind::Sentence),
        count(UnitKind::ListItem),
        count(UnitKind::Heading),
        count(UnitKind::Definition),
        count(UnitKind::Toc),
        count(UnitKind::Furniture),
        s.clauses.len(),
        long
    );
}
