//! DOCX reader: zip + streaming XML, one pass per part. It reads what a reader of the printed
//! document sees: the body (tables, text boxes once), every section's headers and footers,
//! footnotes and endnotes, field results (never field codes), tracked insertions (marked) and not
//! tracked deletions or comments; list and heading numbers are rebuilt from numbering.xml so that
//! clause numbers such as "7.2" survive.

use std::collections::{HashMap, HashSet};

use quick_xml::events::{BytesStart, Event};

use super::numfmt::NumStyle;
use super::package::Package;
use super::xml::{attr, read_title, text, Xml};
use super::{Deadline, ExtractError, Limits};
use crate::model::{Block, BlockKind, CellPos, Document, Page};

const REL_OFFICE_DOCUMENT: &str = "/officeDocument";

pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Document, ExtractError> {
    let deadline = Deadline::new(limits);
    let mut pkg = Package::open(bytes, limits, "DOCX")?;

    let main = main_part(&mut pkg, limits, deadline)?;
    let Some(body_xml) = pkg.read(&main)? else {
        return Err(ExtractError::Corrupt(format!(
            "not a DOCX package: no {main} in the zip"
        )));
    };
    let dir = match main.rfind('/') {
        Some(i) => main.get(..=i).unwrap_or_default().to_string(),
        None => String::new(),
    };
    let rels_name = format!(
        "{dir}_rels/{}.rels",
        main.get(dir.len()..).unwrap_or_default()
    );
    let rels = match pkg.read(&rels_name)? {
        Some(b) => read_rels(&b, &rels_name, limits, deadline)?,
        None => Vec::new(),
    };
    let part_of = |suffix: &str, fallback: &str| -> String {
        rels.iter()
            .find(|r| r.kind.ends_with(suffix))
            .map(|r| resolve(&dir, &r.target))
            .unwrap_or_else(|| format!("{dir}{fallback}"))
    };

    let styles = match pkg.read(&part_of("/styles", "styles.xml"))? {
        Some(b) => Styles::parse(&b, limits, deadline)?,
        None => Styles::default(),
    };
    let numbering = match pkg.read(&part_of("/numbering", "numbering.xml"))? {
        Some(b) => Numbering::parse(&b, limits, deadline)?,
        None => Numbering::default(),
    };

    let mut body = Parser::new(&styles, &numbering, None);
    body.run(&body_xml, &main, limits, deadline)?;
    let mut blocks = std::mem::take(&mut body.blocks);
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

    // Footnotes and endnotes after the body, then headers and footers.
    for (suffix, fallback) in [
        ("/footnotes", "footnotes.xml"),
        ("/endnotes", "endnotes.xml"),
    ] {
        let name = part_of(suffix, fallback);
        if let Some(b) = pkg.read(&name)? {
            let mut p = Parser::new(&styles, &numbering, Some(BlockKind::Footnote));
            p.run(&b, &name, limits, deadline)?;
            blocks.append(&mut p.blocks);
        }
    }

    // Every section's headers and footers, in the order the sections reference them, then any
    // header or footer part nobody references (older writers).
    let mut furniture_parts: Vec<String> = Vec::new();
    for id in &body.section_refs {
        if let Some(r) = rels.iter().find(|r| &r.id == id) {
            furniture_parts.push(resolve(&dir, &r.target));
        }
    }
    for r in &rels {
        if r.kind.ends_with("/header") || r.kind.ends_with("/footer") {
            furniture_parts.push(resolve(&dir, &r.target));
        }
    }
    let mut seen_parts = HashSet::new();
    let mut seen_text = HashSet::new();
    for name in furniture_parts {
        if !seen_parts.insert(name.clone()) {
            continue;
        }
        if let Some(b) = pkg.read(&name)? {
            let mut p = Parser::new(&styles, &numbering, Some(BlockKind::Furniture));
            p.run(&b, &name, limits, deadline)?;
            for block in p.blocks {
                // The same running header repeated by many sections is noise.
                if seen_text.insert(block.text.clone()) {
                    blocks.push(block);
                }
            }
        }
    }

    if pkg.contains(&format!("{dir}comments.xml")) {
        warnings.push("document has comments (not read)".to_string());
    }

    let title = match pkg.read("docProps/core.xml")? {
        Some(b) => read_title(&b, "docProps/core.xml", limits, deadline).unwrap_or(None),
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

/// The main document part named by `_rels/.rels`, `word/document.xml` when there is none.
fn main_part(
    pkg: &mut Package,
    limits: &Limits,
    deadline: Deadline,
) -> Result<String, ExtractError> {
    if let Some(b) = pkg.read("_rels/.rels")? {
        let rels = read_rels(&b, "_rels/.rels", limits, deadline)?;
        if let Some(r) = rels.iter().find(|r| r.kind.ends_with(REL_OFFICE_DOCUMENT)) {
            let name = resolve("", &r.target);
            if pkg.contains(&name) {
                return Ok(name);
            }
        }
    }
    if pkg.contains("word/document.xml") {
        Ok("word/document.xml".to_string())
    } else {
        Err(ExtractError::Corrupt(
            "not a DOCX package: no word/document.xml in the zip".to_string(),
        ))
    }
}

struct Rel {
    id: String,
    kind: String,
    target: String,
}

fn read_rels(
    bytes: &[u8],
    part: &str,
    limits: &Limits,
    deadline: Deadline,
) -> Result<Vec<Rel>, ExtractError> {
    let mut xml = Xml::new(bytes, part, limits, deadline);
    let mut rels = Vec::new();
    loop {
        match xml.next_event()? {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                if attr(&e, b"TargetMode").is_some_and(|m| m == "External") {
                    continue;
                }
                rels.push(Rel {
                    id: attr(&e, b"Id").unwrap_or_default().into_owned(),
                    kind: attr(&e, b"Type").unwrap_or_default().into_owned(),
                    target: attr(&e, b"Target").unwrap_or_default().into_owned(),
                });
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(rels)
}

/// A relationship target as a zip entry name: absolute targets start at the package root,
/// relative ones at the source part's folder.
fn resolve(dir: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{dir}{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// Numbering properties: `numId` and optional level.
#[derive(Debug, Clone, Default)]
struct NumPr {
    num_id: Option<String>,
    ilvl: Option<u32>,
}

#[derive(Debug, Default)]
struct Style {
    name: String,
    based_on: Option<String>,
    num: NumPr,
    outline: Option<u32>,
}

/// The paragraph styles of styles.xml, for heading levels and style-linked numbering.
#[derive(Debug, Default)]
struct Styles {
    by_id: HashMap<String, Style>,
}

impl Styles {
    fn parse(bytes: &[u8], limits: &Limits, deadline: Deadline) -> Result<Styles, ExtractError> {
        let mut xml = Xml::new(bytes, "word/styles.xml", limits, deadline);
        let mut by_id = HashMap::new();
        let mut current: Option<(String, Style)> = None;
        let mut in_change = 0usize;
        loop {
            let ev = xml.next_event()?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let empty = matches!(ev, Event::Empty(_));
                    match e.local_name().as_ref() {
                        b"style" => {
                            if let Some((id, s)) = current.take() {
                                by_id.insert(id, s);
                            }
                            let id = attr(e, b"styleId").unwrap_or_default().into_owned();
                            current = Some((id, Style::default()));
                        }
                        b"pPrChange" | b"rPrChange" if !empty => in_change += 1,
                        _ if in_change > 0 => {}
                        b"name" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.name = attr(e, b"val").unwrap_or_default().to_lowercase();
                            }
                        }
                        b"basedOn" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.based_on = attr(e, b"val").map(|v| v.into_owned());
                            }
                        }
                        b"numId" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num.num_id = attr(e, b"val").map(|v| v.into_owned());
                            }
                        }
                        b"ilvl" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.num.ilvl = attr(e, b"val").and_then(|v| v.parse().ok());
                            }
                        }
                        b"outlineLvl" => {
                            if let Some((_, s)) = current.as_mut() {
                                s.outline = attr(e, b"val").and_then(|v| v.parse().ok());
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"pPrChange" | b"rPrChange" => in_change = in_change.saturating_sub(1),
                    b"style" => {
                        if let Some((id, s)) = current.take() {
                            by_id.insert(id, s);
                        }
                    }
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(Styles { by_id })
    }

    /// The style and its ancestors (`basedOn`), nearest first, at most 16 deep (cycles happen).
    fn chain<'s>(&'s self, id: &str) -> impl Iterator<Item = (&'s str, &'s Style)> + 's {
        let mut next = self.by_id.get_key_value(id);
        let mut hops = 0;
        std::iter::from_fn(move || {
            let (id, style) = next?;
            hops += 1;
            next = if hops < 16 {
                style
                    .based_on
                    .as_deref()
                    .and_then(|b| self.by_id.get_key_value(b))
            } else {
                None
            };
            Some((id.as_str(), style))
        })
    }

    /// Heading level of a paragraph style: 0 for Title/Titel, 1..9 for Heading/Kop N or an
    /// outline level.
    fn heading_level(&self, id: &str) -> Option<u8> {
        for (sid, style) in self.chain(id) {
            if let Some(level) = heading_from_name(sid).or_else(|| heading_from_name(&style.name)) {
                return Some(level);
            }
            if let Some(o) = style.outline {
                if o < 9 {
                    return Some(o as u8 + 1);
                }
            }
        }
        None
    }

    /// The numbering a paragraph style carries (directly or through `basedOn`).
    fn numbering(&self, id: &str) -> Option<NumPr> {
        self.chain(id)
            .find(|(_, s)| s.num.num_id.is_some())
            .map(|(_, s)| s.num.clone())
    }
}

/// "Heading3", "heading 3", "Kop3", "kop 3" → 3; "Title", "Titel" → 0.
fn heading_from_name(name: &str) -> Option<u8> {
    let lower = name.to_ascii_lowercase();
    if lower == "title" || lower == "titel" {
        return Some(0);
    }
    let rest = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("kop"))?;
    let n: u8 = rest.trim().parse().ok()?;
    (1..=9).contains(&n).then_some(n)
}

#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    style: NumStyle,
    text: String,
    legal: bool,
    pstyle: Option<String>,
}

#[derive(Debug, Default)]
struct Abstract {
    levels: HashMap<u32, Level>,
    style_link: Option<String>,
}

#[derive(Debug, Default)]
struct Num {
    abstract_id: String,
    overrides: HashMap<u32, Level>,
    start_overrides: HashMap<u32, u32>,
}

/// numbering.xml: abstract list definitions and the `w:num` instances that use them.
#[derive(Debug, Default)]
struct Numbering {
    abstracts: HashMap<String, Abstract>,
    nums: HashMap<String, Num>,
}

impl Numbering {
    fn parse(bytes: &[u8], limits: &Limits, deadline: Deadline) -> Result<Numbering, ExtractError> {
        let mut xml = Xml::new(bytes, "word/numbering.xml", limits, deadline);
        let mut out = Numbering::default();
        let mut cur_abs: Option<String> = None;
        let mut cur_num: Option<String> = None;
        let mut cur_override: Option<u32> = None;
        let mut cur_level: Option<(u32, Level)> = None;
        loop {
            let ev = xml.next_event()?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => {
                    let val = || attr(e, b"val").map(|v| v.into_owned());
                    match e.local_name().as_ref() {
                        b"abstractNum" => {
                            let id = attr(e, b"abstractNumId").unwrap_or_default().into_owned();
                            out.abstracts.entry(id.clone()).or_default();
                            cur_abs = Some(id);
                        }
                        b"num" => {
                            let id = attr(e, b"numId").unwrap_or_default().into_owned();
                            out.nums.entry(id.clone()).or_default();
                            cur_num = Some(id);
                        }
                        b"abstractNumId" => {
                            if let Some(n) = cur_num.as_ref().and_then(|n| out.nums.get_mut(n)) {
                                n.abstract_id = val().unwrap_or_default();
                            }
                        }
                        b"lvlOverride" => {
                            cur_override = attr(e, b"ilvl").and_then(|v| v.parse().ok())
                        }
                        b"startOverride" => {
                            if let (Some(n), Some(l), Some(v)) = (
                                cur_num.as_ref().and_then(|n| out.nums.get_mut(n)),
                                cur_override,
                                val().and_then(|v| v.parse().ok()),
                            ) {
                                n.start_overrides.insert(l, v);
                            }
                        }
                        b"lvl" => {
                            let ilvl = attr(e, b"ilvl").and_then(|v| v.parse().ok()).unwrap_or(0);
                            cur_level = Some((
                                ilvl,
                                Level {
                                    start: 1,
                                    ..Level::default()
                                },
                            ));
                        }
                        b"start" => {
                            if let Some((_, l)) = cur_level.as_mut() {
                                l.start = val().and_then(|v| v.parse().ok()).unwrap_or(1);
                            }
                        }
                        b"numFmt" => {
                            if let Some((_, l)) = cur_level.as_mut() {
                                l.style = NumStyle::from_docx(&val().unwrap_or_default());
                            }
                        }
                        b"lvlText" => {
                            if let Some((_, l)) = cur_level.as_mut() {
                                l.text = val().unwrap_or_default();
                            }
                        }
                        b"isLgl" => {
                            if let Some((_, l)) = cur_level.as_mut() {
                                l.legal = val().is_none_or(|v| v != "0" && v != "false");
                            }
                        }
                        b"pStyle" => {
                            if let Some((_, l)) = cur_level.as_mut() {
                                l.pstyle = val();
                            }
                        }
                        b"numStyleLink" => {
                            if let Some(a) = cur_abs.as_ref().and_then(|a| out.abstracts.get_mut(a))
                            {
                                a.style_link = val();
                            }
                        }
                        _ => {}
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"lvl" => {
                        if let Some((ilvl, level)) = cur_level.take() {
                            if let Some(n) = cur_num.as_ref().and_then(|n| out.nums.get_mut(n)) {
                                if cur_override.is_some() {
                                    n.overrides.insert(ilvl, level);
                                }
                            } else if let Some(a) =
                                cur_abs.as_ref().and_then(|a| out.abstracts.get_mut(a))
                            {
                                a.levels.insert(ilvl, level);
                            }
                        }
                    }
                    b"lvlOverride" => cur_override = None,
                    b"abstractNum" => cur_abs = None,
                    b"num" => cur_num = None,
                    _ => {}
                },
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(out)
    }

    /// The abstract definition behind `num_id`, following a style link (`w:numStyleLink`) once
    /// or twice.
    fn abstract_of(&self, num_id: &str, styles: &Styles) -> Option<(&str, &Abstract)> {
        let mut abs_id = self.nums.get(num_id)?.abstract_id.as_str();
        for _ in 0..4 {
            let (key, abs) = self.abstracts.get_key_value(abs_id)?;
            match abs.style_link.as_deref() {
                Some(link) if abs.levels.is_empty() => {
                    let linked = styles.numbering(link)?.num_id?;
                    let next = self.nums.get(&linked)?.abstract_id.as_str();
                    if next == abs_id {
                        return Some((key.as_str(), abs));
                    }
                    abs_id = next;
                }
                _ => return Some((key.as_str(), abs)),
            }
        }
        None
    }
}

/// Running list counters while reading one part, keyed by the abstract list (Word continues a
/// list across `w:num` instances of the same abstract list) or by the `w:num` when it restarts.
#[derive(Default)]
struct Counters {
    by_key: HashMap<String, [Option<u32>; 9]>,
}

impl Counters {
    /// The label of the next item of list `num_id` at level `ilvl`, advancing the counters.
    fn next_label(
        &mut self,
        numbering: &Numbering,
        styles: &Styles,
        num_id: &str,
        ilvl: u32,
    ) -> Option<String> {
        let num = numbering.nums.get(num_id)?;
        let (abs_id, abs) = numbering.abstract_of(num_id, styles)?;
        let ilvl = ilvl.min(8);
        let level = |l: u32| -> Option<Level> {
            let mut lvl = num
                .overrides
                .get(&l)
                .or_else(|| abs.levels.get(&l))?
                .clone();
            if let Some(s) = num.start_overrides.get(&l) {
                lvl.start = *s;
            }
            Some(lvl)
        };
        let this = level(ilvl)?;
        let key = if num.start_overrides.is_empty() && num.overrides.is_empty() {
            format!("a{abs_id}")
        } else {
            format!("n{num_id}")
        };
        let counters = self.by_key.entry(key).or_insert([None; 9]);
        let idx = ilvl as usize;
        let current = counters.get(idx).copied().flatten();
        if let Some(slot) = counters.get_mut(idx) {
            *slot = Some(current.map_or(this.start, |c| c.saturating_add(1)));
        }
        for slot in counters.iter_mut().skip(idx + 1) {
            *slot = None;
        }
        if this.style == NumStyle::Bullet {
            return Some("•".to_string());
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    if (1..=9).contains(&d) {
                        let l = d - 1;
                        let lvl = level(l).unwrap_or_default();
                        let n = counters
                            .get(l as usize)
                            .copied()
                            .flatten()
                            .unwrap_or(lvl.start);
                        let style = if this.legal {
                            NumStyle::Decimal
                        } else {
                            lvl.style
                        };
                        label.push_str(&style.format(n));
                    }
                    continue;
                }
            }
            label.push(c);
        }
        let label = label.trim().to_string();
        (!label.is_empty()).then_some(label)
    }
}

/// What an open element means for the text inside it; pushed on `Start`, popped on `End`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tag {
    Para,
    Ins,
    Table,
    Text,
    Alt,
    Sdt,
    Other,
}

#[derive(Default)]
struct Para {
    text: String,
    inserted: bool,
    style: Option<String>,
    num: NumPr,
    in_table: bool,
    cell: Option<CellPos>,
}

struct Field {
    in_code: bool,
    checkbox: Option<bool>,
}

/// Paragraph properties collected from a `w:pPr` (or `w:sectPr`).
#[derive(Default)]
struct Props {
    style: Option<String>,
    num: NumPr,
}

/// Turns one part (body, notes, header, footer) into blocks.
struct Parser<'s> {
    styles: &'s Styles,
    numbering: &'s Numbering,
    counters: Counters,
    kind: Option<BlockKind>,
    blocks: Vec<Block>,
    paras: Vec<Para>,
    tags: Vec<Tag>,
    tables: usize,
    /// Open tables, innermost last: (table number, current row, current column).
    cells: Vec<(u32, Option<u32>, Option<u32>)>,
    next_table: u32,
    ins: usize,
    in_text: usize,
    fields: Vec<Field>,
    /// Per open `mc:AlternateContent`: whether one alternative was read already.
    alts: Vec<bool>,
    /// Per open `w:sdt`: `Some(checked)` when it is a checkbox content control.
    sdts: Vec<Option<bool>>,
    section_refs: Vec<String>,
    insertions: usize,
    deletions: usize,
}

impl<'s> Parser<'s> {
    fn new(styles: &'s Styles, numbering: &'s Numbering, kind: Option<BlockKind>) -> Self {
        Parser {
            styles,
            numbering,
            counters: Counters::default(),
            kind,
            blocks: Vec::new(),
            paras: Vec::new(),
            tags: Vec::new(),
            tables: 0,
            cells: Vec::new(),
            next_table: 0,
            ins: 0,
            in_text: 0,
            fields: Vec::new(),
            alts: Vec::new(),
            sdts: Vec::new(),
            section_refs: Vec::new(),
            insertions: 0,
            deletions: 0,
        }
    }

    /// Field codes (between `begin` and `separate`) are never text.
    fn emitting(&self) -> bool {
        self.fields.iter().all(|f| !f.in_code)
    }

    fn push_str(&mut self, s: &str) {
        if !self.emitting() {
            return;
        }
        let inserted = self.ins > 0;
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
                Event::Text(t) if self.in_text > 0 => {
                    let s = text(&t);
                    self.push_str(&s);
                }
                Event::CData(c) if self.in_text > 0 => {
                    let s = String::from_utf8_lossy(&c).into_owned();
                    self.push_str(&s);
                }
                Event::Eof => break,
                _ => {}
            }
        }
        // Unclosed paragraphs of a truncated part still count.
        while !self.paras.is_empty() {
            self.finish_para();
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart, xml: &mut Xml) -> Result<(), ExtractError> {
        let tag = match e.local_name().as_ref() {
            b"p" => {
                self.paras.push(Para {
                    in_table: self.tables > 0,
                    cell: self.cells.last().map(|&(table, row, col)| CellPos {
                        table,
                        row: row.unwrap_or(0),
                        col: col.unwrap_or(0),
                    }),
                    ..Para::default()
                });
                Tag::Para
            }
            b"pPr" | b"sectPr" => {
                let props = self.props(xml)?;
                if let Some(p) = self.paras.last_mut() {
                    if props.style.is_some() {
                        p.style = props.style;
                    }
                    if props.num.num_id.is_some() || props.num.ilvl.is_some() {
                        p.num = props.num;
                    }
                }
                return Ok(());
            }
            b"rPr" | b"delText" | b"instrText" | b"delInstrText" | b"moveFrom"
            | b"commentReference" | b"annotationRef" | b"tblPr" | b"tcPr" | b"trPr"
            | b"tblGrid" | b"rt" => {
                xml.skip_element()?;
                return Ok(());
            }
            b"del" => {
                self.deletions += 1;
                xml.skip_element()?;
                return Ok(());
            }
            b"footnote" | b"endnote" if attr(e, b"type").is_some_and(|t| t != "normal") => {
                xml.skip_element()?;
                return Ok(());
            }
            b"ins" => {
                self.insertions += 1;
                self.ins += 1;
                Tag::Ins
            }
            b"tbl" => {
                self.tables += 1;
                self.cells.push((self.next_table, None, None));
                self.next_table += 1;
                Tag::Table
            }
            b"tr" => {
                if let Some(t) = self.cells.last_mut() {
                    t.1 = Some(t.1.map_or(0, |r| r + 1));
                    t.2 = None;
                }
                Tag::Other
            }
            b"tc" => {
                if let Some(t) = self.cells.last_mut() {
                    t.2 = Some(t.2.map_or(0, |c| c + 1));
                }
                Tag::Other
            }
            b"t" => {
                self.in_text += 1;
                Tag::Text
            }
            b"AlternateContent" => {
                self.alts.push(false);
                Tag::Alt
            }
            b"Choice" | b"Fallback" => {
                // Read one alternative only: the first one present.
                match self.alts.last_mut() {
                    Some(taken) if *taken => {
                        xml.skip_element()?;
                        return Ok(());
                    }
                    Some(taken) => *taken = true,
                    None => {}
                }
                Tag::Other
            }
            b"sdt" => {
                self.sdts.push(None);
                Tag::Sdt
            }
            b"sdtPr" => {
                let checkbox = sdt_checkbox(xml)?;
                if let Some(s) = self.sdts.last_mut() {
                    *s = checkbox;
                }
                return Ok(());
            }
            b"sdtContent" => {
                if let Some(Some(checked)) = self.sdts.last().copied() {
                    if !self.paras.is_empty() {
                        self.push_str(if checked { "☒" } else { "☐" });
                        xml.skip_element()?;
                        return Ok(());
                    }
                }
                Tag::Other
            }
            b"fldChar" => {
                let checkbox = if attr(e, b"fldCharType").is_some_and(|t| t == "begin") {
                    ff_checkbox(xml)?
                } else {
                    xml.skip_element()?;
                    None
                };
                self.field_char(e, checkbox);
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

    /// Elements whose meaning does not depend on children (usually empty elements).
    fn leaf(&mut self, e: &BytesStart) {
        match e.local_name().as_ref() {
            b"tab" | b"ptab" => self.push_str("\t"),
            b"br" | b"cr" => self.push_str("\n"),
            b"noBreakHyphen" => self.push_str("-"),
            b"sym" => {
                if let Some(c) = sym_char(e) {
                    let mut b = [0u8; 4];
                    self.push_str(c.encode_utf8(&mut b));
                }
            }
            b"fldChar" => self.field_char(e, None),
            b"headerReference" | b"footerReference" => {
                if let Some(id) = attr(e, b"id") {
                    self.section_refs.push(id.into_owned());
                }
            }
            _ => {}
        }
    }

    fn field_char(&mut self, e: &BytesStart, checkbox: Option<bool>) {
        match attr(e, b"fldCharType").as_deref() {
            Some("begin") => self.fields.push(Field {
                in_code: true,
                checkbox,
            }),
            Some("separate") => {
                if let Some(f) = self.fields.last_mut() {
                    f.in_code = false;
                }
            }
            Some("end") => {
                if let Some(f) = self.fields.pop() {
                    if let Some(checked) = f.checkbox {
                        self.push_str(if checked { "☒" } else { "☐" });
                    }
                }
            }
            _ => {}
        }
    }

    fn end(&mut self) {
        match self.tags.pop() {
            Some(Tag::Para) => self.finish_para(),
            Some(Tag::Ins) => self.ins = self.ins.saturating_sub(1),
            Some(Tag::Table) => {
                self.tables = self.tables.saturating_sub(1);
                self.cells.pop();
            }
            Some(Tag::Text) => self.in_text = self.in_text.saturating_sub(1),
            Some(Tag::Alt) => {
                self.alts.pop();
            }
            Some(Tag::Sdt) => {
                self.sdts.pop();
            }
            Some(Tag::Other) | None => {}
        }
    }

    /// Reads a `w:pPr` or `w:sectPr` to its end: style, numbering, section header references.
    fn props(&mut self, xml: &mut Xml) -> Result<Props, ExtractError> {
        let target = xml.depth().saturating_sub(1);
        let mut props = Props::default();
        loop {
            let ev = xml.next_event()?;
            match &ev {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    // Former properties of a tracked formatting change are not in force.
                    b"pPrChange" | b"sectPrChange" | b"rPr" if matches!(ev, Event::Start(_)) => {
                        xml.skip_element()?
                    }
                    b"pStyle" => props.style = attr(e, b"val").map(|v| v.into_owned()),
                    b"numId" => props.num.num_id = attr(e, b"val").map(|v| v.into_owned()),
                    b"ilvl" => props.num.ilvl = attr(e, b"val").and_then(|v| v.parse().ok()),
                    b"headerReference" | b"footerReference" => {
                        if let Some(id) = attr(e, b"id") {
                            self.section_refs.push(id.into_owned());
                        }
                    }
                    _ => {}
                },
                Event::End(_) if xml.depth() == target => break,
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(props)
    }

    fn finish_para(&mut self) {
        let Some(para) = self.paras.pop() else {
            return;
        };
        let body = para.text.trim();
        if body.is_empty() {
            return;
        }
        let style = para.style.as_deref().unwrap_or("Normal");
        let style_num = self.styles.numbering(style);
        let num_id = para
            .num
            .num_id
            .clone()
            .or_else(|| style_num.as_ref().and_then(|n| n.num_id.clone()));
        let label = match num_id {
            Some(id) if id != "0" => {
                let ilvl = para
                    .num
                    .ilvl
                    .or_else(|| style_num.as_ref().and_then(|n| n.ilvl))
                    .or_else(|| self.level_for_style(&id, style))
                    .unwrap_or(0);
                self.counters
                    .next_label(self.numbering, self.styles, &id, ilvl)
            }
            _ => None,
        };
        let heading = self.styles.heading_level(style);
        let kind = match (self.kind, heading) {
            (Some(k), _) => k,
            (None, _) if para.in_table => BlockKind::TableCell,
            (None, Some(level)) => BlockKind::Heading { level },
            (None, None) if label.is_some() => BlockKind::ListItem,
            (None, None) => BlockKind::Paragraph,
        };
        let text = match &label {
            Some(l) => format!("{l} {body}"),
            None => body.to_string(),
        };
        self.blocks.push(Block {
            text,
            kind,
            label,
            inserted: para.inserted,
            cell: if kind == BlockKind::TableCell {
                para.cell
            } else {
                None
            },
        });
    }

    /// The list level whose `w:pStyle` is `style` (how heading styles pick their level).
    fn level_for_style(&self, num_id: &str, style: &str) -> Option<u32> {
        let (_, abs) = self.numbering.abstract_of(num_id, self.styles)?;
        abs.levels
            .iter()
            .find(|(_, l)| l.pstyle.as_deref() == Some(style))
            .map(|(i, _)| *i)
    }
}

/// Reads a `w:sdtPr` to its end: `Some(checked)` for a checkbox content control.
fn sdt_checkbox(xml: &mut Xml) -> Result<Option<bool>, ExtractError> {
    let target = xml.depth().saturating_sub(1);
    let mut checkbox = None;
    loop {
        match xml.next_event()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"checkbox" => checkbox = Some(checkbox.unwrap_or(false)),
                b"checked" => checkbox = Some(is_on(attr(&e, b"val").as_deref())),
                _ => {}
            },
            Event::End(_) if xml.depth() == target => break,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(checkbox)
}

/// Reads a `w:fldChar w:fldCharType="begin"` to its end: `Some(checked)` for a legacy
/// FORMCHECKBOX (`w:ffData/w:checkBox`).
fn ff_checkbox(xml: &mut Xml) -> Result<Option<bool>, ExtractError> {
    let target = xml.depth().saturating_sub(1);
    let mut in_box = false;
    let mut default = None;
    let mut checked = None;
    loop {
        match xml.next_event()? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                b"checkBox" => in_box = true,
                b"default" if in_box => default = Some(is_on(attr(&e, b"val").as_deref())),
                b"checked" if in_box => checked = Some(is_on(attr(&e, b"val").as_deref())),
                _ => {}
            },
            Event::End(_) if xml.depth() == target => break,
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(in_box.then(|| checked.or(default).unwrap_or(false)))
}

/// OOXML on/off values: absent means on.
fn is_on(v: Option<&str>) -> bool {
    !matches!(v, Some("0" | "false" | "off"))
}

/// The character of a `w:sym`: symbol-font code points (F0xx) mapped where the meaning is clear.
fn sym_char(e: &BytesStart) -> Option<char> {
    let code = u32::from_str_radix(attr(e, b"char")?.trim(), 16).ok()?;
    let font = attr(e, b"font").unwrap_or_default().to_ascii_lowercase();
    let low = if (0xF000..=0xF0FF).contains(&code) {
        code - 0xF000
    } else {
        return char::from_u32(code).filter(|c| !c.is_control());
    };
    if font.contains("wingdings") {
        return match low {
            0x78 | 0xFD | 0xFE => Some('☒'),
            0x6F | 0x71 | 0xA8 => Some('☐'),
            0xFC => Some('✓'),
            0x6C | 0x9F | 0xA7 => Some('•'),
            _ => None,
        };
    }
    match low {
        0xB7 => Some('•'),
        0x20..=0x7E => char::from_u32(low),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heading_names() {
        assert_eq!(heading_from_name("Heading2"), Some(2));
        assert_eq!(heading_from_name("heading 2"), Some(2));
        assert_eq!(heading_from_name("Kop3"), Some(3));
        assert_eq!(heading_from_name("Titel"), Some(0));
        assert_eq!(heading_from_name("Normal"), None);
        assert_eq!(heading_from_name("Heading10"), None);
    }

    #[test]
    fn resolves_targets() {
        assert_eq!(resolve("word/", "header1.xml"), "word/header1.xml");
        assert_eq!(resolve("word/", "/word/footer2.xml"), "word/footer2.xml");
        assert_eq!(
            resolve("word/", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
    }
}
