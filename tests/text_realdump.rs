//! A development aid, ignored by default: runs hygiene and segmentation on a plain-text file
//! (e.g. `pdftotext` output: pages split on form feeds, one block per blank-line-separated
//! paragraph) and prints the units with their page, paragraph, kind and clause number, so one can
//! read how sentence and clause splitting hold up on real contracts.
//!
//! `TEXT_DUMP=/tmp/doc.txt cargo test --test text_realdump -- --ignored --nocapture`

use clausescan::model::{Block, Document, Page};
use clausescan::text::{clean, segment, UnitKind};

fn document(raw: &str) -> Document {
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
    let raw = std::fs::read_to_string(&path).unwrap_or_default();
    let s = segment(&clean(document(&raw)));
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
