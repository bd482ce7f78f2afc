//! Segmentation that knows contracts: numbered clauses and headings ("Artikel 7", "7.2", "Clause
//! 8.1", "(a)", "Bijlage 2", "Annex II") and, inside them, sentences and list items: the windows
//! the rules look at and the evidence users read.

use std::ops::Range;

use crate::model::{BlockKind, Document};

/// What a unit is. Only `Sentence`, `ListItem` and `TableCell` can be evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Sentence,
    ListItem,
    TableCell,
    /// A heading alone: context for the units below it, never evidence.
    Heading,
    /// A definition ("X means …", "onder X wordt verstaan …", `X: …` in a definitions section).
    Definition,
    /// A table-of-contents line.
    Toc,
    /// Running header/footer, page number.
    Furniture,
}

/// One sentence or list item.
#[derive(Debug, Clone, PartialEq)]
pub struct Unit {
    /// The original text (after hygiene), as evidence shows it.
    pub text: String,
    pub kind: UnitKind,
    /// 1-based PDF page on which the unit starts; `None` for formats without pages.
    pub page: Option<u32>,
    /// 1-based paragraph number in the document, as interface.md defines it.
    pub paragraph: u32,
    /// Index into [`Segmented::clauses`] of the innermost clause or section that contains the unit.
    pub clause: Option<usize>,
    /// The unit comes from a tracked insertion that was not accepted.
    pub inserted: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ClauseKind {
    /// A numbered clause: "7", "7.2", "Artikel 7", "Clause 8.1", "(a)".
    Numbered,
    /// An annex or appendix: "Bijlage 2", "Annex II", "Schedule 1".
    Annex,
    /// An unnumbered heading and the paragraphs below it.
    Section,
}

/// A numbered clause, annex or headed section, with the units it contains (its sub-clauses too).
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseNode {
    pub kind: ClauseKind,
    /// "7.2", "Artikel 7", "7.2(a)", "Bijlage 2"; `None` for an unnumbered section.
    pub number: Option<String>,
    /// The heading text without the number, when there is one.
    pub heading: Option<String>,
    pub parent: Option<usize>,
    /// The units inside this clause, its sub-clauses included.
    pub units: Range<usize>,
}

/// A document cut into units, in reading order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Segmented {
    pub title: Option<String>,
    pub units: Vec<Unit>,
    pub clauses: Vec<ClauseNode>,
}

impl Segmented {
    /// The clause number evidence shows for a unit: its innermost numbered clause.
    pub fn clause_number(&self, unit: usize) -> Option<&str> {
        let mut c = self.units.get(unit)?.clause;
        while let Some(i) = c {
            let node = &self.clauses[i];
            if node.kind != ClauseKind::Section {
                if let Some(n) = &node.number {
                    return Some(n);
                }
            }
            c = node.parent;
        }
        None
    }
}

/// Placeholder: one unit per block.
pub fn segment(doc: &Document) -> Segmented {
    let mut units = Vec::new();
    for (i, (page, block)) in doc
        .pages
        .iter()
        .flat_map(|p| p.blocks.iter().map(move |b| (p.number, b)))
        .enumerate()
    {
        let kind = match block.kind {
            BlockKind::Heading { .. } => UnitKind::Heading,
            BlockKind::Furniture => UnitKind::Furniture,
            BlockKind::ListItem => UnitKind::ListItem,
            BlockKind::TableCell => UnitKind::TableCell,
            _ => UnitKind::Sentence,
        };
        units.push(Unit {
            text: block.text.clone(),
            kind,
            page,
            paragraph: i as u32 + 1,
            clause: None,
            inserted: block.inserted,
        });
    }
    Segmented {
        title: doc.title.clone(),
        units,
        clauses: Vec::new(),
    }
}
