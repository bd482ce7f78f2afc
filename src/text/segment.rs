//! Segmentation that knows contracts: numbered clauses and headings ("Artikel 7", "7.2", "Clause
//! 8.1", "(a)", "Bijlage 2", "Annex II") and, inside them, sentences and list items: the windows
//! the rules look at and the evidence users read.
//!
//! Works on a document that went through [`super::clean`]. Per block, in reading order:
//! furniture stays furniture (paragraph 0, no clause); a block with dot leaders and a page number,
//! or inside a section headed Inhoud/Contents ending in a number, is a TOC line; a clause label at
//! the start of the block opens a clause node (see the `labels` module for what counts as a label);
//! a labelled line of at most 12 words without sentence-final punctuation, digits or a modal verb
//! ("shall", "zal", "is", …) is the clause's heading; other text is cut into sentences (the
//! `sentences` module), and lines that start with a bullet or item label become list items. Unit
//! texts have their clause label and bullet stripped (the number is in the clause tree);
//! checkboxes ("☐", "[ ]") stay. Table cells and footnotes never open clauses. Definitions: see
//! `is_definition`; "X: …" lines count only when the nearest heading names a definitions section.
//!
//! Nesting: "7.2" goes under "7"/"Artikel 7" (number prefix); "1." right after a word-labelled
//! article ("Artikel 7") is its first member ("Artikel 7 lid 1"), and "2." continues such a list;
//! "(a)" goes under the innermost clause ("7.2(a)"), "(i)" under "(a)"; a new "Artikel 8" closes 7;
//! an annex closes everything and stays open until the next annex (annexes come last in
//! contracts); an unlabelled paragraph closes open list items. Unnumbered headings
//! make [`ClauseKind::Section`] nodes: a top-level heading (level 0/1) closes the numbered clauses,
//! a lower one (or a short heading-like paragraph, "pseudo heading", level 9) nests inside them.

use std::ops::Range;

use super::fold::fold;
use super::hygiene::{is_page_number, starts_list_item};
use super::labels::{self, ItemStyle, Label, LabelKind};
use super::sentences;
use crate::model::{Block, BlockKind, Document};

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
    /// The original text (after hygiene), as evidence shows it; clause labels and bullets at its
    /// start are stripped.
    pub text: String,
    pub kind: UnitKind,
    /// 1-based PDF page on which the unit starts; `None` for formats without pages.
    pub page: Option<u32>,
    /// 1-based paragraph number in the document, as interface.md defines it; 0 for furniture.
    pub paragraph: u32,
    /// Index into [`Segmented::clauses`] of the innermost clause or section that contains the unit
    /// (`None` for furniture and for text before any clause or heading).
    pub clause: Option<usize>,
    /// The unit comes from a tracked insertion that was not accepted.
    pub inserted: bool,
    /// Index of the block the unit comes from, counted over `Document::blocks()`.
    pub block: usize,
    /// The table cell the unit comes from, where the extractor knows it.
    pub cell: Option<crate::model::CellPos>,
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
    /// The units inside this clause, its sub-clauses included (furniture in between too).
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
            let node = self.clauses.get(i)?;
            if node.kind != ClauseKind::Section {
                if let Some(n) = &node.number {
                    return Some(n);
                }
            }
            c = node.parent;
        }
        None
    }

    /// The headings of the clause of a unit and of all clauses around it, innermost first.
    pub fn headings(&self, unit: usize) -> Vec<&str> {
        let mut out = Vec::new();
        let mut c = self.units.get(unit).and_then(|u| u.clause);
        while let Some(i) = c {
            let Some(node) = self.clauses.get(i) else {
                break;
            };
            if let Some(h) = &node.heading {
                out.push(h.as_str());
            }
            c = node.parent;
        }
        out
    }
}

/// What the segmenter knows about an open node beyond [`ClauseNode`].
#[derive(Debug, Clone)]
enum Shape {
    /// `word` is the article word when the label had one ("Artikel").
    Numbered {
        key: Vec<u32>,
        word: Option<String>,
    },
    Item {
        style: ItemStyle,
        value: u32,
    },
    Annex,
    Section {
        level: u8,
        inside_numbered: bool,
    },
}

struct Seg {
    units: Vec<Unit>,
    clauses: Vec<ClauseNode>,
    shapes: Vec<Shape>,
    /// Per clause: its heading names a definitions section.
    defs: Vec<bool>,
    stack: Vec<usize>,
    /// Inside a table of contents.
    toc: bool,
}

const DEFINITION_HEADINGS: &[&str] = &["definit", "begrip", "interpretation", "begripsbepaling"];
const TOC_HEADINGS: &[&str] = &[
    "inhoud",
    "inhoudsopgave",
    "contents",
    "table of contents",
    "inhoudstafel",
];

/// A heading block with more words than this is a paragraph in a heading style.
const MAX_HEADING_WORDS: usize = 20;

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

fn ends_with_punct(s: &str) -> bool {
    s.trim_end()
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '.' | ';' | ':' | ',' | '!' | '?'))
}

/// Auxiliary and modal verbs: a line with one of them says something, it does not name a clause
/// ("7.2 Verwerker meldt een datalek binnen 24 uur" without its full stop is a sentence).
const SENTENCE_VERBS: &[&str] = &[
    "shall",
    "will",
    "must",
    "may",
    "is",
    "are",
    "has",
    "have",
    "does",
    "zal",
    "zullen",
    "moet",
    "moeten",
    "mag",
    "mogen",
    "kan",
    "kunnen",
    "is",
    "zijn",
    "wordt",
    "worden",
    "heeft",
    "hebben",
    "meldt",
    "notifies",
    "verwerkt",
    "processes",
];

/// A short labelled line that names a clause rather than says something.
fn heading_like(rest: &str) -> bool {
    word_count(rest) <= 12
        && !ends_with_punct(rest)
        && !rest.chars().any(|c| c.is_ascii_digit())
        && !rest
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| SENTENCE_VERBS.contains(&w.to_lowercase().as_str()))
}

/// A short unlabelled paragraph that is probably a heading (PDF and TXT have no heading styles).
fn pseudo_heading(text: &str) -> bool {
    let t = text.trim();
    word_count(t) <= 6
        && !t.contains('\n')
        && heading_like(t)
        && t.chars().next().is_some_and(char::is_uppercase)
        && !t.chars().any(|c| c.is_ascii_digit())
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// The title of a clause whose number stood alone: "VERWERKING VAN PERSOONSGEGEVENS" after "2.".
fn title_line(text: &str) -> bool {
    let t = text.trim();
    heading_like(t)
        && t.chars().next().is_some_and(char::is_uppercase)
        && t.chars().filter(|c| c.is_alphabetic()).count() >= 3
}

/// Dot leaders ("....", "…", ". . .") followed by a page number.
fn is_toc_line(line: &str) -> bool {
    let t = line.trim_end();
    let body = t.trim_end_matches(|c: char| c.is_ascii_digit());
    if body.len() == t.len() {
        return false;
    }
    let body = body.trim_end();
    body.ends_with("....")
        || body.ends_with('…')
        || body.ends_with(". . .")
        || body.contains("....")
}

fn ends_with_number(line: &str) -> bool {
    let t = line.trim_end();
    t.chars().next_back().is_some_and(|c| c.is_ascii_digit()) && word_count(t) <= 15
}

/// Whether `text` holds "mean", "betekent", "defined" or "verstaan" in any ASCII case: one pass
/// that looks further only at the letters those words start with.
fn has_definition_verb(text: &[u8]) -> bool {
    const VERBS: [&[u8]; 4] = [b"mean", b"betekent", b"defined", b"verstaan"];
    text.iter().enumerate().any(|(i, b)| {
        matches!(b.to_ascii_lowercase(), b'm' | b'b' | b'd' | b'v')
            && VERBS.iter().any(|v| {
                text.get(i..i + v.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(v))
            })
    })
}

fn folded_has(s: &str, keys: &[&str]) -> bool {
    let f = fold(s).text;
    keys.iter().any(|k| f.contains(k))
}

/// First words after which "X means" is not a definition ("This means that …").
const NOT_DEFINIENDUM: &[&str] = &[
    "this", "that", "it", "which", "what", "such", "dit", "dat", "het", "wat", "hetgeen", "deze",
    "he", "she", "we", "they", "hij", "zij", "wij", "where", "if", "when", "as", "whoever",
    "indien", "wanneer", "als", "waar", "wie",
];

/// A definition sentence: `"X" means`, `X shall mean`, `X has the meaning`, `X betekent`,
/// `onder X wordt verstaan`, `wordt verstaan onder`; and `X: …` when `in_definitions`.
fn is_definition(sentence: &str, in_definitions: bool) -> bool {
    // Outside a definitions section a definition needs one of its verbs. Text here has been
    // through hygiene (NFKC), so those ASCII words appear as such, at most in another case: a
    // cheap test that spares folding nearly every sentence.
    if !in_definitions && !has_definition_verb(sentence.as_bytes()) {
        return false;
    }
    let f = fold(sentence).text;
    let f = f.trim_start_matches(['"', '\'', '(', ' ']);
    for verb in [
        " means ",
        " means:",
        " shall mean ",
        " shall have the meaning",
        " has the meaning",
        " have the meaning",
        " betekent ",
        " betekent:",
        " is defined as",
    ] {
        if let Some(at) = f.find(verb) {
            let subject = &f[..at];
            let first = subject.split_whitespace().next().unwrap_or("");
            let after = f[at + verb.len()..].trim_start();
            let n = word_count(subject);
            if (1..=8).contains(&n)
                && !NOT_DEFINIENDUM.contains(&first.trim_matches(['"', '\'']))
                && !after.starts_with("that ")
                && !after.starts_with("dat ")
            {
                return true;
            }
        }
    }
    if f.contains(" verstaan") {
        if f.starts_with("onder ") {
            return true;
        }
        if let Some(at) = f.find("verstaan onder") {
            if word_count(&f[..at]) <= 12 {
                return true;
            }
        }
    }
    if in_definitions {
        if let Some(colon) = f.find(':') {
            let head = &f[..colon];
            if (1..=6).contains(&word_count(head)) && !head.contains('.') {
                return true;
            }
        }
        // a quoted term first: '"Verwerker" de partij …'
        if sentence.trim_start().starts_with(['"', '“', '\'', '‘']) {
            return true;
        }
    }
    false
}

fn is_article_word_nl(word: &str) -> bool {
    matches!(
        word.to_lowercase().as_str(),
        "artikel" | "art." | "paragraaf"
    )
}

impl Seg {
    fn top(&self) -> Option<usize> {
        self.stack.last().copied()
    }

    fn close_top(&mut self) {
        if let Some(i) = self.stack.pop() {
            let end = self.units.len();
            if let Some(n) = self.clauses.get_mut(i) {
                n.units.end = end;
            }
        }
    }

    fn shape(&self, i: usize) -> Option<&Shape> {
        self.shapes.get(i)
    }

    fn open(
        &mut self,
        kind: ClauseKind,
        number: Option<String>,
        heading: Option<String>,
        shape: Shape,
    ) -> usize {
        let start = self.units.len();
        let idx = self.clauses.len();
        self.clauses.push(ClauseNode {
            kind,
            number,
            heading,
            parent: self.top(),
            units: start..start,
        });
        self.defs.push(
            self.clauses
                .last()
                .and_then(|n| n.heading.as_deref())
                .is_some_and(|h| folded_has(h, DEFINITION_HEADINGS)),
        );
        self.shapes.push(shape);
        self.stack.push(idx);
        idx
    }

    fn inside_numbered(&self) -> bool {
        self.stack
            .iter()
            .any(|&i| matches!(self.shape(i), Some(Shape::Numbered { .. })))
    }

    /// The innermost numbered clause is a word-labelled article ("Artikel 7", "Clause 3"), whose
    /// members are often numbered "1.", "2.".
    fn in_word_article(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find_map(|&i| match self.shape(i) {
                Some(Shape::Numbered { word, .. }) => Some(word.is_some()),
                _ => None,
            })
            .unwrap_or(false)
    }

    /// The clause opened by the previous block, when it has only its heading unit and no heading
    /// text yet ("2." alone, its title in the next block).
    fn just_opened(&self) -> Option<usize> {
        let t = self.top()?;
        let node = self.clauses.get(t)?;
        let only_heading = node.units.start + 1 == self.units.len()
            && self
                .units
                .last()
                .is_some_and(|u| u.kind == UnitKind::Heading);
        (node.kind != ClauseKind::Section && node.heading.is_none() && only_heading).then_some(t)
    }

    /// The nearest numbered, item or annex node on the stack (the base of an item number).
    fn numbered_base(&self) -> Option<usize> {
        self.stack
            .iter()
            .rev()
            .copied()
            .find(|&i| !matches!(self.shape(i), Some(Shape::Section { .. })))
    }

    fn pop_items(&mut self) {
        while let Some(t) = self.top() {
            if matches!(self.shape(t), Some(Shape::Item { .. })) {
                self.close_top();
            } else {
                break;
            }
        }
    }

    fn open_annex(&mut self, label: &Label, heading: Option<String>) -> usize {
        while !self.stack.is_empty() {
            self.close_top();
        }
        self.open(
            ClauseKind::Annex,
            Some(label.text.clone()),
            heading,
            Shape::Annex,
        )
    }

    /// The open digit-item sibling list that `n` would continue.
    fn digit_item_sibling(&self, n: u32) -> bool {
        self.stack.iter().rev().copied().take_while(|&i| {
            matches!(self.shape(i), Some(Shape::Item { .. }))
        }).any(|i| matches!(self.shape(i), Some(Shape::Item { style: ItemStyle::Digit, value }) if *value + 1 == n))
    }

    fn open_numbered(
        &mut self,
        key: Vec<u32>,
        word: Option<String>,
        text: &str,
        heading: Option<String>,
    ) -> usize {
        // "1." under an open clause, or "2." after an item "1.": a numbered member list
        if word.is_none() && key.len() == 1 {
            let n = key.first().copied().unwrap_or(0);
            if self.digit_item_sibling(n) || (n == 1 && self.in_word_article()) {
                return self.open_item(ItemStyle::Digit, n, heading);
            }
        }
        while let Some(t) = self.top() {
            let keep = match self.shape(t) {
                Some(Shape::Numbered { key: pk, .. }) => {
                    pk.len() < key.len() && key.starts_with(pk)
                }
                Some(Shape::Item { .. }) => false,
                Some(Shape::Annex) => true,
                Some(Shape::Section {
                    inside_numbered, ..
                }) => !inside_numbered,
                None => false,
            };
            if keep {
                break;
            }
            self.close_top();
        }
        self.open(
            ClauseKind::Numbered,
            Some(text.to_string()),
            heading,
            Shape::Numbered { key, word },
        )
    }

    fn open_item(&mut self, style: ItemStyle, value: u32, heading: Option<String>) -> usize {
        // siblings: pop down to (and including) an open item of the same style
        let items: Vec<usize> = self
            .stack
            .iter()
            .rev()
            .copied()
            .take_while(|&i| matches!(self.shape(i), Some(Shape::Item { .. })))
            .collect();
        if let Some(pos) = items.iter().position(
            |&i| matches!(self.shape(i), Some(Shape::Item { style: s, .. }) if *s == style),
        ) {
            for _ in 0..=pos {
                self.close_top();
            }
        }
        let inner = match style {
            ItemStyle::Letter => char::from_u32(u32::from('a') + value.saturating_sub(1))
                .map_or_else(|| value.to_string(), |c| c.to_string()),
            ItemStyle::Roman => roman(value),
            ItemStyle::Digit => value.to_string(),
        };
        let number = match self
            .numbered_base()
            .and_then(|b| Some((b, self.clauses.get(b)?.number.clone()?)))
        {
            Some((b, base)) => {
                let nl_article = matches!(self.shape(b), Some(Shape::Numbered { word: Some(w), key }) if is_article_word_nl(w) && key.len() == 1);
                if style == ItemStyle::Digit && nl_article {
                    format!("{base} lid {inner}")
                } else {
                    format!("{base}({inner})")
                }
            }
            None => format!("({inner})"),
        };
        self.open(
            ClauseKind::Numbered,
            Some(number),
            heading,
            Shape::Item { style, value },
        )
    }

    /// Resolves "(i)" as the ninth letter when it continues a letter list at (h).
    fn item_style(&self, style: ItemStyle, value: u32, alt: Option<u32>) -> (ItemStyle, u32) {
        if let Some(a) = alt {
            let continues = self.stack.iter().rev().copied().take_while(|&i| {
                matches!(self.shape(i), Some(Shape::Item { .. }))
            }).any(|i| matches!(self.shape(i), Some(Shape::Item { style: ItemStyle::Letter, value: v }) if *v + 1 == a));
            if continues {
                return (ItemStyle::Letter, a);
            }
        }
        (style, value)
    }

    fn open_section(&mut self, level: u8, heading: String) -> usize {
        while let Some(t) = self.top() {
            let pop = match self.shape(t) {
                Some(Shape::Item { .. }) => true,
                Some(Shape::Section { level: l, .. }) => *l >= level,
                Some(Shape::Numbered { .. }) => level <= 1,
                Some(Shape::Annex) | None => false,
            };
            if !pop {
                break;
            }
            self.close_top();
        }
        let inside = self.inside_numbered();
        self.open(
            ClauseKind::Section,
            None,
            Some(heading),
            Shape::Section {
                level,
                inside_numbered: inside,
            },
        )
    }

    /// The nearest heading around the current position names a definitions section. (Only the
    /// nearest: a document-wide "Definitions" section must not turn "1.1 The Processor shall:"
    /// under a later "1. Obligations" into a definition.)
    fn in_definitions(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|&&i| self.clauses.get(i).is_some_and(|n| n.heading.is_some()))
            .is_some_and(|&i| self.defs.get(i).copied().unwrap_or(false))
    }

    /// Opens the clause a label names. Returns the node.
    fn open_label(&mut self, label: &Label, heading: Option<String>) -> usize {
        match &label.kind {
            LabelKind::Article { word, key } => {
                self.open_numbered(key.clone(), Some(word.clone()), &label.text, heading)
            }
            LabelKind::Dotted { key } => {
                self.open_numbered(key.clone(), None, &label.text, heading)
            }
            LabelKind::Item { style, value, alt } => {
                let (s, v) = self.item_style(*style, *value, *alt);
                self.open_item(s, v, heading)
            }
            LabelKind::Annex => self.open_annex(label, heading),
        }
    }
}

fn roman(v: u32) -> String {
    const ROMANS: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    ROMANS
        .get(v.saturating_sub(1) as usize)
        .map_or_else(|| v.to_string(), |r| r.to_string())
}

/// Strips a bullet at the start of a line.
fn strip_bullet(line: &str) -> &str {
    let t = line.trim_start();
    let mut cs = t.chars();
    match cs.next() {
        Some('•' | '·' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '\u{F0B7}') => {
            cs.as_str().trim_start()
        }
        Some('-' | '–' | '—' | '*') if cs.as_str().starts_with(' ') => cs.as_str().trim_start(),
        _ => t,
    }
}

struct BlockCtx {
    page: Option<u32>,
    paragraph: u32,
    inserted: bool,
    block: usize,
    cell: Option<crate::model::CellPos>,
}

impl Seg {
    fn push_unit(&mut self, ctx: &BlockCtx, text: &str, kind: UnitKind) {
        let text = text.trim();
        // a stray bullet or rule line is no unit (its block still counts as a paragraph)
        if !text.chars().any(char::is_alphanumeric) {
            return;
        }
        self.units.push(Unit {
            text: text.to_string(),
            kind,
            page: ctx.page,
            paragraph: ctx.paragraph,
            clause: if kind == UnitKind::Furniture {
                None
            } else {
                self.top()
            },
            inserted: ctx.inserted,
            block: ctx.block,
            cell: ctx.cell,
        });
    }

    /// Sentences of `text` as units of `kind` (definitions and TOC lines recognised).
    fn push_sentences(&mut self, ctx: &BlockCtx, text: &str, kind: UnitKind) {
        if is_toc_line(text) {
            self.push_unit(ctx, text, UnitKind::Toc);
            return;
        }
        let defs = self.in_definitions();
        for r in sentences::split(text) {
            let s = &text[r];
            let k = if is_definition(s, defs) {
                UnitKind::Definition
            } else {
                kind
            };
            self.push_unit(ctx, s, k);
        }
    }

    fn block(&mut self, ctx: &BlockCtx, b: &Block) {
        let text = b.text.trim();
        let lines: Vec<&str> = text.split('\n').filter(|l| !l.trim().is_empty()).collect();
        let Some((&first, rest_lines)) = lines.split_first() else {
            return;
        };
        // table of contents
        let toc_block = lines.iter().all(|l| is_toc_line(l))
            || (self.toc && lines.iter().all(|l| ends_with_number(l)));
        if toc_block && b.kind != BlockKind::TableCell {
            for l in &lines {
                self.push_unit(ctx, l, UnitKind::Toc);
            }
            return;
        }
        if self.toc {
            // the table of contents is over: close its section
            self.toc = false;
            if let Some(t) = self.top() {
                let toc_section = self.clauses.get(t).is_some_and(|n| {
                    n.kind == ClauseKind::Section
                        && n.heading
                            .as_deref()
                            .is_some_and(|h| folded_has(h, TOC_HEADINGS))
                });
                if toc_section {
                    self.close_top();
                }
            }
        }
        let base_kind = match b.kind {
            BlockKind::TableCell => UnitKind::TableCell,
            BlockKind::ListItem => UnitKind::ListItem,
            _ => UnitKind::Sentence,
        };
        // a whole paragraph styled as a heading is still a paragraph
        let is_heading_block =
            matches!(b.kind, BlockKind::Heading { .. }) && word_count(first) <= MAX_HEADING_WORDS;
        if matches!(b.kind, BlockKind::TableCell | BlockKind::Footnote) {
            // table cells and footnotes carry no clause labels ("1 Zie ook …" is a footnote
            // number) and do not change the clause tree
            for line in &lines {
                self.push_sentences(ctx, line, base_kind);
            }
            return;
        }
        let unlabelled = labels::parse(first).is_none();
        let pseudo = b.kind == BlockKind::Paragraph
            && ((pseudo_heading(first) && rest_lines.is_empty())
                || (title_line(first) && self.just_opened().is_some()));
        if unlabelled && (is_heading_block || pseudo) {
            self.heading(ctx, b, first);
            for line in rest_lines {
                self.line(ctx, line, UnitKind::Sentence, false, false);
            }
            return;
        }
        self.line(ctx, first, base_kind, true, is_heading_block);
        for line in rest_lines {
            self.line(ctx, line, base_kind, false, false);
        }
    }

    /// One line of a block (after hygiene a line is a heading, a list item, or running text).
    fn line(
        &mut self,
        ctx: &BlockCtx,
        line: &str,
        base_kind: UnitKind,
        first: bool,
        heading_block: bool,
    ) {
        let body_kind = if first { base_kind } else { UnitKind::ListItem };
        match labels::parse(line) {
            Some(label) if !matches!(label.kind, LabelKind::Item { .. }) => {
                let rest = line.get(label.len..).unwrap_or("").trim();
                if heading_block || heading_like(rest) {
                    let h = (!rest.is_empty()).then(|| rest.to_string());
                    self.open_label(&label, h);
                    self.push_unit(ctx, line, UnitKind::Heading);
                    if folded_has(rest, TOC_HEADINGS) {
                        self.toc = true;
                    }
                    return;
                }
                self.open_label(&label, None);
                // "7.2 (a) …": an item right after the number
                match labels::parse(rest) {
                    Some(item) if matches!(item.kind, LabelKind::Item { .. }) => {
                        self.open_label(&item, None);
                        let r = rest.get(item.len..).unwrap_or("");
                        self.push_sentences(ctx, r, UnitKind::ListItem);
                    }
                    _ => self.push_sentences(ctx, rest, body_kind),
                }
            }
            Some(item) => {
                self.open_label(&item, None);
                let r = line.get(item.len..).unwrap_or("");
                self.push_sentences(ctx, r, UnitKind::ListItem);
            }
            None if starts_list_item(line) => {
                self.push_sentences(ctx, strip_bullet(line), UnitKind::ListItem)
            }
            None => {
                // "Clause 2⏎Effect of the Clauses": the title line of a clause opened just before
                if let Some(t) = self.just_opened().filter(|_| title_line(line)) {
                    if let Some(n) = self.clauses.get_mut(t) {
                        n.heading = Some(line.trim().to_string());
                    }
                    if let Some(d) = self.defs.get_mut(t) {
                        *d = folded_has(line, DEFINITION_HEADINGS);
                    }
                    self.push_unit(ctx, line, UnitKind::Heading);
                    return;
                }
                if base_kind == UnitKind::Sentence {
                    self.pop_items();
                }
                self.push_sentences(ctx, line, base_kind);
            }
        }
    }

    /// An unlabelled heading: the heading of a just-opened numbered clause that has none, or a
    /// new section.
    fn heading(&mut self, ctx: &BlockCtx, b: &Block, text: &str) {
        let level = match b.kind {
            BlockKind::Heading { level } => level,
            _ => 9,
        };
        if let Some(t) = self.just_opened() {
            if let Some(n) = self.clauses.get_mut(t) {
                n.heading = Some(text.to_string());
            }
            if let Some(d) = self.defs.get_mut(t) {
                *d = folded_has(text, DEFINITION_HEADINGS);
            }
        } else {
            self.open_section(level, text.to_string());
        }
        self.toc = folded_has(text, TOC_HEADINGS) && word_count(text) <= 4;
        self.push_unit(ctx, text, UnitKind::Heading);
    }
}

/// The document title: `doc.title`; else a Title-style heading (level 0); else the first short
/// block of the first page (a running header counts, a page number does not), or its first line;
/// else the first level-1 heading among the first blocks.
fn title(doc: &Document) -> Option<String> {
    if let Some(t) = doc.title.as_ref().filter(|t| !t.trim().is_empty()) {
        return Some(t.trim().to_string());
    }
    let short = |t: &str| (1..=12).contains(&word_count(t));
    if let Some(b) = doc
        .blocks()
        .find(|b| matches!(b.kind, BlockKind::Heading { level: 0 }) && short(&b.text))
    {
        return Some(b.text.trim().replace('\n', " "));
    }
    let first = doc
        .pages
        .first()
        .and_then(|p| {
            p.blocks
                .iter()
                .find(|b| !b.text.trim().is_empty() && !is_page_number(&b.text))
        })
        .map(|b| b.text.trim());
    if let Some(text) = first {
        if short(text) {
            return Some(text.replace('\n', " "));
        }
        if let Some(line) = text.lines().next().filter(|l| short(l)) {
            return Some(line.trim().to_string());
        }
    }
    doc.blocks()
        .filter(|b| !b.text.trim().is_empty())
        .take(10)
        .find(|b| matches!(b.kind, BlockKind::Heading { level: 1 }) && short(&b.text))
        .map(|b| b.text.trim().replace('\n', " "))
}

pub fn segment(doc: &Document) -> Segmented {
    let mut seg = Seg {
        units: Vec::new(),
        clauses: Vec::new(),
        shapes: Vec::new(),
        defs: Vec::new(),
        stack: Vec::new(),
        toc: false,
    };
    let mut paragraph = 0;
    let blocks = doc
        .pages
        .iter()
        .flat_map(|p| p.blocks.iter().map(move |b| (p.number, b)));
    for (bi, (page, b)) in blocks.enumerate() {
        if b.text.trim().is_empty() {
            continue;
        }
        if b.kind == BlockKind::Furniture {
            let ctx = BlockCtx {
                page,
                paragraph: 0,
                inserted: b.inserted,
                block: bi,
                cell: b.cell,
            };
            seg.push_unit(&ctx, &b.text.replace('\n', " "), UnitKind::Furniture);
            continue;
        }
        paragraph += 1;
        let ctx = BlockCtx {
            page,
            paragraph,
            inserted: b.inserted,
            block: bi,
            cell: b.cell,
        };
        seg.block(&ctx, b);
    }
    while !seg.stack.is_empty() {
        seg.close_top();
    }
    Segmented {
        title: title(doc),
        units: seg.units,
        clauses: seg.clauses,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions() {
        for s in [
            "\"Personal Data\" means any information relating to an identified person.",
            "Sub-processor shall mean any processor engaged by the Processor.",
            "Data Subject has the meaning given in the GDPR.",
            "Onder persoonsgegevens wordt verstaan: alle informatie over een persoon.",
            "In deze overeenkomst wordt verstaan onder Verwerker: de partij die verwerkt.",
            "Subverwerker betekent een andere verwerker.",
        ] {
            assert!(is_definition(s, false), "{s}");
        }
        for s in [
            "This means that the Supplier shall notify the Customer.",
            "Where the Supplier means to use AI tools, it shall ask for consent.",
            "Dit betekent dat Verwerker binnen 24 uur meldt.",
            "The Supplier shall notify the Customer of any breach.",
            "Verwerker: de partij die verwerkt.",
        ] {
            assert!(!is_definition(s, false), "{s}");
        }
        assert!(is_definition("Verwerker: de partij die verwerkt.", true));
    }

    #[test]
    fn headings_are_not_sentences() {
        assert!(heading_like("Geheimhouding"));
        assert!(heading_like(
            "Het verwerken en gebruik van de persoonsgegevens"
        ));
        assert!(heading_like(
            "Purpose, scope, and description of processing"
        ));
        assert!(!heading_like("Verwerker meldt een datalek binnen 24 uur"));
        assert!(!heading_like("The Supplier shall not use AI"));
        assert!(!heading_like("Leverancier zal geen AI inzetten"));
        assert!(!pseudo_heading("No AI is used"));
        assert!(pseudo_heading("Kunstmatige intelligentie"));
    }

    #[test]
    fn toc_lines() {
        assert!(is_toc_line("Artikel 7 Geheimhouding ........ 5"));
        assert!(is_toc_line("7. Confidentiality … 12"));
        assert!(!is_toc_line("Verwerker meldt binnen 24"));
        assert!(!is_toc_line("Zie ook ...."));
    }
}
