//! ODT reader: content.xml for the body (paragraphs, headings, lists with their numbers rebuilt
//! from the list styles, tables, frames, footnotes) and styles.xml for the master pages' headers
//! and footers. Tracked deletions are left out; tracked insertions are kept and marked; comments
//! (office:annotation) are never read.

use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesStart, Event};

use super::numfmt::NumStyle;
use super::package::Package;
use super::xml::{attr, read_title, text, Xml};
use super::{Deadline, ExtractError, Limits};
use crate::model::{Block, BlockKind, Document, Page};

/// At most this many spaces from one `text:s` (its count comes from the file).
const MAX_SPACES: usize = 1000;

pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Document, ExtractError> {
    let deadline = Deadline::new(limits);
    let mut pkg = Package::open(bytes, limits, "ODT")?;
    let Some(content) = pkg.read("content.xml")? else {
        return Err(ExtractError::Corrupt(
            "not an ODT package: no content.xml in the zip".to_string(),
        ));
    };
    let styles_xml = pkg.read("styles.xml")?;

    let mut lists = ListStyles::default();
    if let Some(s) = &styles_xml {
        lists.parse(s, "styles.xml", limits, deadline)?;
    }
    lists.parse(&content, "content.xml", limits, deadline)?;

    let mut body = Parser::new(&lists, None);
    body.run(&content, "content.xml", limits, deadline)?;
    let mut blocks = std::mem::take(&mut body.blocks);
    blocks.append(&mut body.notes);

    if let Some(s) = &styles_xml {
        let mut furniture = Parser::new(&lists, Some(BlockKind::Furniture));
        furniture.run(s, "styles.xml", limits, deadline)?;
        let mut seen = HashSet::new();
        for b in furniture.blocks {
            if seen.insert(b.text.clone()) {
                blocks.push(b);
            }
        }
    }

    let mut warnings = Vec::new();
    if body.insertions > 0 {
        warnings.push(format!(
            "{} tracked insertions not yet accepted (text kept, marked [inserted])",
            body.insertions
        ));
    }
    if body.deletions > 0 {
        warnings.push(format!(
            "{} tracked deletions not yet accepted (deleted text left out)",
            body.deletions
        ));
    }
    if body.comments > 0 {
        warnings.push(format!(
            "document has {} comments (not read)",
            body.comments
        ));
    }

    let title = match pkg.read("meta.xml")? {
        Some(b) => read_title(&b, "meta.xml", limits, deadline).unwrap_or(None),
        None => None,
    };
    Ok(Document {
        title,
        pages: vec![Page {
            number: None,
            blocks,
        }],
        pages_without_text: Vec::new(),
        warnings,
    })
}

#[derive(Debug, Clone, Default)]
struct OdfLevel {
    style: NumStyle,
    bullet: bool,
    prefix: String,
    suffix: String,
    display: u32,
    start: u32,
}

/// The list styles (`text:list-style`) by name and the outline style of headings.
#[derive(Debug, Default)]
struct ListStyles {
    by_name: HashMap<String, HashMap<u32, OdfLevel>>,
    outline: HashMap<u32, OdfLevel>,
}

impl ListStyles {
    fn parse(
        &mut self,
        bytes: &[u8],
        part: &str,
        limits: &Limits,
        deadline: Deadline,
    ) -> Result<(), ExtractError> {
        let mut xml = Xml::new(bytes, part, limits, deadline);
        // None: outside a list style; Some(None): the outline style; Some(Some(name)): a list style.
        let mut current: Option<Option<String>> = None;
        loop {
            let ev = xml.next_event()?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"list-style" => {
                        current = attr(e, b"name").map(|n| Some(n.into_owned()));
                    }
                    b"outline-style" => current = Some(None),
                    b"office-text" | b"body" => break,
                    name @ (b"list-level-style-number"
                    | b"list-level-style-bullet"
                    | b"list-level-style-image"
                    | b"outline-level-style") => {
                        let Some(target) = current.as_ref() else {
                            continue;
                        };
                        let level: u32 = attr(e, b"level")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(1)
                            .clamp(1, 10);
                        let bullet =
                            name != b"list-level-style-number" && name != b"outline-level-style";
                        let lvl = OdfLevel {
                            style: NumStyle::from_odf(&attr(e, b"num-format").unwrap_or_default()),
                            bullet,
                            prefix: attr(e, b"num-prefix").unwrap_or_default().into_owned(),
                            suffix: attr(e, b"num-suffix").unwrap_or_default().into_owned(),
                            display: attr(e, b"display-levels")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                            start: attr(e, b"start-value")
                                .and_then(|v| v.parse().ok())
                                .unwrap_or(1),
                        };
                        match target {
                            Some(name) => {
                                self.by_name
                                    .entry(name.clone())
                                    .or_default()
                                    .insert(level, lvl);
                            }
                            None => {
                                self.outline.insert(level, lvl);
                            }
                        }
                    }
                    _ => {}
                },
                Event::End(e)
                    if matches!(e.local_name().as_ref(), b"list-style" | b"outline-style") =>
                {
                    current = None
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }
}

/// The displayed label of a list item at `level` (1-based) given the counters of all levels.
fn odf_label(levels: &HashMap<u32, OdfLevel>, counters: &[u32; 11], level: u32) -> Option<String> {
    let this = levels.get(&level)?;
    if this.bullet {
        return Some("•".to_string());
    }
    let shown = this.display.clamp(1, level);
    let mut parts = Vec::new();
    for l in (level + 1 - shown)..=level {
        let style = levels.get(&l).map(|x| x.style).unwrap_or_default();
        let n = counters.get(l as usize).copied().unwrap_or(1);
        let s = style.format(n);
        if !s.is_empty() {
            parts.push(s);
        }
    }
    let label = format!("{}{}{}", this.prefix, parts.join("."), this.suffix);
    let label = label.trim().to_string();
    (!label.is_empty()).then_some(label)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Para,
    List,
    Item,
    Table,
    Note,
    Other,
}

struct Para {
    text: String,
    kind: BlockKind,
    label: Option<String>,
    inserted: bool,
    in_note: bool,
}

struct ListCtx {
    style: Option<String>,
    /// The label for the first paragraph of the current item, taken by that paragraph.
    pending: Option<String>,
}

struct Parser<'s> {
    lists: &'s ListStyles,
    kind: Option<BlockKind>,
    blocks: Vec<Block>,
    notes: Vec<Block>,
    paras: Vec<Para>,
    tags: Vec<Tag>,
    list_stack: Vec<ListCtx>,
    /// Counters per list style, index = level (1-based).
    counters: HashMap<String, [u32; 11]>,
    outline: [u32; 11],
    tables: usize,
    notes_open: usize,
    insertion_ids: HashSet<String>,
    open_insertions: HashSet<String>,
    insertions: usize,
    deletions: usize,
    comments: usize,
}

impl<'s> Parser<'s> {
    fn new(lists: &'s ListStyles, kind: Option<BlockKind>) -> Self {
        Parser {
            lists,
            kind,
            blocks: Vec::new(),
            notes: Vec::new(),
            paras: Vec::new(),
            tags: Vec::new(),
            list_stack: Vec::new(),
            counters: HashMap::new(),
            outline: [0; 11],
            tables: 0,
            notes_open: 0,
            insertion_ids: HashSet::new(),
            open_insertions: HashSet::new(),
            insertions: 0,
            deletions: 0,
            comments: 0,
        }
    }

    fn push_str(&mut self, s: &str) {
        let inserted = !self.open_insertions.is_empty();
        if let Some(p) = self.paras.last_mut() {
            p.text.push_str(s);
            if inserted && !s.trim().is_empty() {
                p.inserted = true;
            }
        }
    }

    fn run(
        &mut self,
        bytes: &[u8],
        part: &str,
        limits: &Limits,
        deadline: Deadline,
    ) -> Result<(), ExtractError> {
        let mut xml = Xml::new(bytes, part, limits, deadline);
        loop {
            match xml.next_event()? {
                Event::Start(e) => self.start(&e, &mut xml)?,
                Event::Empty(e) => self.leaf(&e),
                Event::End(_) => self.end(),
                Event::Text(t) if !self.paras.is_empty() => {
                    // XML line breaks and indentation inside a paragraph are not text in ODF:
                    // whitespace collapses to one space.
                    let collapsed = collapse_ws(&text(&t));
                    self.push_str(&collapsed);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        while !self.paras.is_empty() {
            self.finish_para();
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart, xml: &mut Xml) -> Result<(), ExtractError> {
        let tag = match e.local_name().as_ref() {
            b"p" | b"h" => {
                let is_h = e.local_name().as_ref() == b"h";
                self.start_para(e, is_h);
                Tag::Para
            }
            b"list" => {
                let inherited = self.list_stack.last().and_then(|l| l.style.clone());
                let style = attr(e, b"style-name").map(|s| s.into_owned()).or(inherited);
                if self.list_stack.is_empty() {
                    let continues = attr(e, b"continue-numbering").is_some_and(|v| v == "true")
                        || attr(e, b"continue-list").is_some();
                    if !continues {
                        self.counters.remove(style.as_deref().unwrap_or(""));
                    }
                }
                self.list_stack.push(ListCtx {
                    style,
                    pending: None,
                });
                Tag::List
            }
            b"list-item" => {
                self.start_item(attr(e, b"start-value").and_then(|v| v.parse().ok()));
                Tag::Item
            }
            b"list-header" => {
                if let Some(l) = self.list_stack.last_mut() {
                    l.pending = None;
                }
                Tag::Item
            }
            b"table" => {
                self.tables += 1;
                Tag::Table
            }
            b"note-body" => {
                self.notes_open += 1;
                Tag::Note
            }
            b"tracked-changes" => {
                self.read_changes(xml)?;
                return Ok(());
            }
            b"annotation" => {
                self.comments += 1;
                xml.skip_element()?;
                return Ok(());
            }
            b"note-citation" | b"sequence-decls" | b"variable-decls" | b"user-field-decls"
            | b"forms" | b"desc" | b"automatic-styles" | b"font-face-decls" | b"scripts"
            | b"settings" => {
                xml.skip_element()?;
                return Ok(());
            }
            name if name.ends_with(b"-source") => {
                // Index templates (table-of-content-source): not text of the document.
                xml.skip_element()?;
                return Ok(());
            }
            _ => {
                self.leaf(e);
                Tag::Other
            }
        };
        self.tags.push(tag);
        Ok(())
    }

    fn leaf(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"s" => {
                let n: usize = attr(e, b"c")
                    .and_then(|v| v.parse().ok())
                    .unwrap_or(1)
                    .min(MAX_SPACES);
                self.push_str(&" ".repeat(n));
            }
            b"tab" => self.push_str("\t"),
            b"line-break" => self.push_str("\n"),
            b"change-start" => {
                if let Some(id) = attr(e, b"change-id") {
                    if self.insertion_ids.contains(id.as_ref()) {
                        self.open_insertions.insert(id.into_owned());
                    }
                }
            }
            b"change-end" => {
                if let Some(id) = attr(e, b"change-id") {
                    self.open_insertions.remove(id.as_ref());
                }
            }
            _ => {}
        }
    }

    fn end(&mut self) {
        match self.tags.pop() {
            Some(Tag::Para) => self.finish_para(),
            Some(Tag::List) => {
                self.list_stack.pop();
            }
            Some(Tag::Table) => self.tables = self.tables.saturating_sub(1),
            Some(Tag::Note) => self.notes_open = self.notes_open.saturating_sub(1),
            Some(Tag::Item) | Some(Tag::Other) | None => {}
        }
    }

    fn start_item(&mut self, start_value: Option<u32>) {
        let level = self.list_stack.len().clamp(1, 10) as u32;
        let Some(ctx) = self.list_stack.last() else {
            return;
        };
        let key = ctx.style.clone().unwrap_or_default();
        let levels = self.lists.by_name.get(&key);
        let start = levels
            .and_then(|l| l.get(&level))
            .map(|l| l.start)
            .unwrap_or(1);
        let counters = self.counters.entry(key).or_insert([0; 11]);
        let idx = level as usize;
        let next = match (start_value, counters.get(idx).copied()) {
            (Some(v), _) => v,
            (None, Some(0) | None) => start,
            (None, Some(c)) => c.saturating_add(1),
        };
        if let Some(slot) = counters.get_mut(idx) {
            *slot = next;
        }
        for slot in counters.iter_mut().skip(idx + 1) {
            *slot = 0;
        }
        // Levels above that never had an item show their start value.
        for l in 1..idx {
            if let Some(slot) = counters.get_mut(l) {
                if *slot == 0 {
                    *slot = levels
                        .and_then(|x| x.get(&(l as u32)))
                        .map_or(1, |x| x.start);
                }
            }
        }
        let counters = *counters;
        let label = levels.and_then(|l| odf_label(l, &counters, level));
        if let Some(ctx) = self.list_stack.last_mut() {
            ctx.pending = label;
        }
    }

    fn start_para(&mut self, e: &BytesStart, is_h: bool) {
        let in_note = self.notes_open > 0;
        let in_list = !self.list_stack.is_empty();
        let mut label = self.list_stack.last_mut().and_then(|l| l.pending.take());
        let level: u8 = attr(e, b"outline-level")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1)
            .min(10);
        if is_h && !in_list && attr(e, b"is-list-header").is_none_or(|v| v != "true") {
            let l = level.clamp(1, 10) as usize;
            if let Some(slot) = self.outline.get_mut(l) {
                *slot = slot.saturating_add(1);
            }
            for slot in self.outline.iter_mut().skip(l + 1) {
                *slot = 0;
            }
            for slot in self.outline.iter_mut().take(l).skip(1) {
                if *slot == 0 {
                    *slot = 1;
                }
            }
            label = odf_label(&self.lists.outline, &self.outline, l as u32);
        }
        let title_style =
            !is_h && attr(e, b"style-name").is_some_and(|s| s == "Title" || s == "Titel");
        let kind = match self.kind {
            Some(k) => k,
            None if title_style && !in_note && self.tables == 0 => BlockKind::Heading { level: 0 },
            None if in_note => BlockKind::Footnote,
            None if self.tables > 0 => BlockKind::TableCell,
            None if is_h => BlockKind::Heading { level },
            None if in_list => BlockKind::ListItem,
            None => BlockKind::Paragraph,
        };
        self.paras.push(Para {
            text: String::new(),
            kind,
            label,
            inserted: false,
            in_note,
        });
    }

    fn finish_para(&mut self) {
        let Some(p) = self.paras.pop() else {
            return;
        };
        let body = p.text.trim();
        if body.is_empty() {
            return;
        }
        let text = match &p.label {
            Some(l) => format!("{l} {body}"),
            None => body.to_string(),
        };
        let block = Block {
            text,
            kind: p.kind,
            label: p.label,
            inserted: p.inserted,
            cell: None,
        };
        if p.in_note {
            self.notes.push(block);
        } else {
            self.blocks.push(block);
        }
    }

    /// Reads `text:tracked-changes` to its end: which change ids are insertions, how many
    /// deletions there are. The deleted text inside is never read.
    fn read_changes(&mut self, xml: &mut Xml) -> Result<(), ExtractError> {
        let target = xml.depth().saturating_sub(1);
        let mut region: Option<String> = None;
        loop {
            match xml.next_event()? {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    b"changed-region" => {
                        region = attr(&e, b"id").map(|v| v.into_owned());
                    }
                    b"insertion" => {
                        self.insertions += 1;
                        if let Some(id) = &region {
                            self.insertion_ids.insert(id.clone());
                        }
                    }
                    b"deletion" => self.deletions += 1,
                    _ => {}
                },
                Event::End(_) if xml.depth() == target => break,
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(())
    }
}

/// Runs of XML whitespace (space, tab, CR, LF) become one space, as ODF text content does.
fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_ws = false;
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r') {
            if !prev_ws {
                out.push(' ');
            }
            prev_ws = true;
        } else {
            out.push(c);
            prev_ws = false;
        }
    }
    out
}
