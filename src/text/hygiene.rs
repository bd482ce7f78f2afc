//! Text hygiene in one place, for every format: NFKC, soft hyphens, de-hyphenation at line ends,
//! running headers/footers and page numbers marked as furniture, paragraphs rejoined across page
//! breaks.
//!
//! Order of work: (1) per block NFKC, `\r` and soft hyphens; (2) furniture on PDF pages; (3) a
//! paragraph cut by a page break is merged into its page-N block; (4) line ends inside each block:
//! hyphenated words rejoined, other line breaks become spaces, except before a line that starts
//! with a bullet or item number ("(a)", "a.", "1.", "•", "-"), which keeps its `\n` so the
//! segmenter can make a list item of it. Horizontal whitespace runs become one space.
//!
//! De-hyphenation of "left-\nright": keep the hyphen when `left` ends in an upper-case letter or a
//! digit ("AI-\nsysteem"), is a single letter ("e-\nmail"), or `right` starts upper-case
//! ("Noord-\nHolland"); keep "left- " when `right` is a conjunction ("verwerkings-\nen
//! beveiligingsmaatregelen"); else join when the joined word occurs elsewhere in the document,
//! keep the hyphen when the hyphenated word does; else join.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use unicode_normalization::UnicodeNormalization;

use super::fold::tokens;
use super::labels::{self, LabelKind};
use crate::model::{Block, BlockKind, Document};

/// Words after which "left-\nword" is a coordination ("verwerkings- en beveiligingsmaatregelen").
const CONJUNCTIONS: &[&str] = &["en", "of", "and", "or", "tot", "to", "nor"];

pub fn clean(mut doc: Document) -> Document {
    for b in doc.pages.iter_mut().flat_map(|p| p.blocks.iter_mut()) {
        b.text = normalise(&b.text);
    }
    merge_lone_bullets(&mut doc);
    let words = word_set(&doc);
    mark_furniture(&mut doc);
    join_across_pages(&mut doc, &words);
    for b in doc.pages.iter_mut().flat_map(|p| p.blocks.iter_mut()) {
        b.text = join_lines(&b.text, &words);
    }
    doc
}

/// NFKC, line ends unified, soft hyphens removed (one at a line end joins the lines), zero-width
/// characters and direction marks removed (they hide clause numbers: "4.1\u{200B} General").
fn normalise(s: &str) -> String {
    const INVISIBLE: [char; 8] = [
        '\u{00AD}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{2060}', '\u{FEFF}', '\u{200E}',
        '\u{200F}',
    ];
    // Most text is already NFKC (all ASCII is) and has no CR or invisible characters.
    let s: String = if unicode_normalization::is_nfkc_quick(s.chars())
        == unicode_normalization::IsNormalized::Yes
    {
        s.to_string()
    } else {
        s.nfkc().collect()
    };
    if !s.contains(|c: char| c == '\r' || INVISIBLE.contains(&c)) {
        return s;
    }
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace("\u{00AD}\n", "")
        .replace(INVISIBLE, "")
}

/// Every word of the document, lower-cased, hyphenated words whole ("e-mail").
fn word_set(doc: &Document) -> HashSet<String> {
    let mut set = HashSet::default();
    for b in doc.blocks() {
        let lower = b.text.to_lowercase();
        for (s, e) in tokens(&lower) {
            if let Some(w) = lower.get(s..e) {
                if !set.contains(w) {
                    set.insert(w.to_string());
                }
            }
        }
    }
    set
}

/// How to join `left` + `right` across a hyphen at a line (or page) end: `Some(true)` keeps the
/// hyphen, `Some(false)` joins; the conjunction case is told apart by the caller.
fn keep_hyphen(left: &str, right: &str, words: &HashSet<String>) -> bool {
    let Some(last) = left.chars().next_back() else {
        return true;
    };
    if last.is_uppercase() || last.is_ascii_digit() || left.chars().count() == 1 {
        return true;
    }
    if right.chars().next().is_some_and(char::is_uppercase) {
        return true;
    }
    let joined = format!("{left}{right}").to_lowercase();
    if words.contains(&joined) {
        return false;
    }
    let hyphenated = format!("{left}-{right}").to_lowercase();
    words.contains(&hyphenated)
}

/// The word (letters/digits) that ends `s`.
fn trailing_word(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric())
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// The word (letters/digits) that starts `s`.
fn leading_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric())
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

/// True when a line starts with a bullet or an item number, so it begins a list item.
pub(crate) fn starts_list_item(line: &str) -> bool {
    let l = line.trim_start();
    let mut chars = l.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let second = chars.next();
    if matches!(
        first,
        '•' | '·' | '▪' | '◦' | '‣' | '●' | '○' | '■' | '□' | '☐' | '☒' | '\u{F0B7}'
    ) {
        return true;
    }
    if matches!(first, '-' | '–' | '—' | '*') {
        return second == Some(' ');
    }
    item_marker_len(l).is_some()
}

/// Length of an item marker at the start of `l` followed by a space: "(a)", "a.", "a)", "(iv)",
/// "iv.", "1.", "1)", "(1)", "7.2", "7.2.1".
pub(crate) fn item_marker_len(l: &str) -> Option<usize> {
    let b = l.as_bytes();
    let followed = |n: usize| matches!(b.get(n), Some(b' ') | Some(b'\t')) && n > 0;
    if b.first() == Some(&b'(') {
        let close = l.find(')')?;
        let inner = &l[1..close];
        let ok =
            (!inner.is_empty() && inner.len() <= 3 && inner.bytes().all(|c| c.is_ascii_digit()))
                || is_letter_label(inner)
                || is_roman(inner);
        return (ok && followed(close + 1)).then_some(close + 1);
    }
    let end = l
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(l.len());
    let head = &l[..end];
    // "a)", "1)", "iv)"
    if b.get(end) == Some(&b')') {
        let ok = (!head.is_empty() && head.len() <= 3 && head.bytes().all(|c| c.is_ascii_digit()))
            || is_letter_label(head)
            || is_roman(head);
        return (ok && followed(end + 1)).then_some(end + 1);
    }
    let Some(stem) = head.strip_suffix('.') else {
        // "7.2" without a final dot
        return (is_dotted_number(head) && head.contains('.') && followed(end)).then_some(end);
    };
    let ok = is_dotted_number(stem) || is_letter_label(stem) || is_roman(stem);
    (ok && followed(end)).then_some(end)
}

/// One lower-case letter ("a"), as list items use.
fn is_letter_label(s: &str) -> bool {
    s.len() == 1 && s.bytes().all(|c| c.is_ascii_lowercase())
}

/// A lower-case roman numeral up to xx.
pub(crate) fn is_roman(s: &str) -> bool {
    const ROMANS: &[&str] = &[
        "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv",
        "xv", "xvi", "xvii", "xviii", "xix", "xx",
    ];
    ROMANS.contains(&s)
}

/// "7", "7.2", "7.2.1": one or two digits per part (so "1.000" and years are not), up to four
/// parts.
pub(crate) fn is_dotted_number(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() <= 4
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|c| c.is_ascii_digit()))
}

/// Line ends inside a block: de-hyphenation, `\n` → space except before list items, horizontal
/// whitespace collapsed, lines trimmed.
fn join_lines(text: &str, words: &HashSet<String>) -> String {
    let mut out = String::with_capacity(text.len());
    // The previous line when it started a line of the output (a heading candidate).
    let mut line_start: Option<String> = None;
    // The number of the last numbered line kept as a line ("4." in a list "4. … 5. …").
    let mut prev_num: Option<Vec<u32>> = None;
    // The last line kept as a line was a dash item ("- a;" "- b;").
    let mut prev_dash = false;
    // A line that is only an item marker ("(a)", "(ii)", "•") belongs to the line after it.
    let mut marker: Option<String> = None;
    for line in text.split('\n') {
        let mut line = collapse_spaces(line);
        if line.is_empty() {
            continue;
        }
        if is_lone_marker(&line) {
            if let Some(m) = marker.replace(line) {
                // two markers in a row: the first one stays text
                append_joined(&mut out, &m, words);
            }
            continue;
        }
        if let Some(m) = marker.take() {
            line = format!("{m} {line}");
        }
        if out.is_empty() {
            out.push_str(&line);
            prev_num = leading_number(&line);
            line_start = Some(line);
            continue;
        }
        let after_punct = out.ends_with(['.', ':', ';', '!', '?']);
        let after_heading = line_start
            .take()
            .is_some_and(|f| heading_line_before(&f, &line));
        let dash = dash_lowercase(&line);
        let list = starts_list_item(&line)
            && (after_punct || !crate::text::labels::restated_number(&line))
            && (!numbered_lowercase(&line)
                || after_punct
                || is_successor(prev_num.as_deref(), leading_number(&line).as_deref()))
            && (!dash || after_punct || prev_dash);
        if after_heading || list || starts_article(&line, after_punct) {
            out.push('\n');
            out.push_str(&line);
            if let Some(n) = leading_number(&line) {
                prev_num = Some(n);
            }
            prev_dash = list && starts_dash(&line);
            line_start = Some(line);
            continue;
        }
        append_joined(&mut out, &line, words);
    }
    if let Some(m) = marker {
        if out.is_empty() {
            out = m;
        } else {
            append_joined(&mut out, &m, words);
        }
    }
    out
}

/// A line that is only a list marker: "(a)", "(ii)", "a.", "1)", "•", "-".
fn is_lone_marker(line: &str) -> bool {
    let probe = format!("{line} x");
    if line.chars().count() == 1 {
        return starts_list_item(&probe);
    }
    // "7." and "7.2" alone are clause numbers whose heading follows: not markers
    !line.starts_with(|c: char| c.is_ascii_digit()) && item_marker_len(&probe) == Some(line.len())
}

fn starts_dash(line: &str) -> bool {
    let l = line.trim_start();
    l.starts_with(['-', '–', '—']) && l.chars().nth(1) == Some(' ')
}

/// "– dat in het contract …": a dash and a lower-case word is a list item only after a sentence
/// end or an intro (":"), or after another dash item; otherwise it is a wrapped parenthetical
/// dash.
fn dash_lowercase(line: &str) -> bool {
    starts_dash(line)
        && line
            .trim_start()
            .chars()
            .skip(1)
            .find(|c| !c.is_whitespace())
            .is_some_and(char::is_lowercase)
}

/// The dotted number a line starts with ("4." → [4], "7.2 " → [7, 2]).
fn leading_number(line: &str) -> Option<Vec<u32>> {
    let l = line.trim_start();
    let end = l
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(l.len());
    let num = l[..end].trim_end_matches('.');
    if num.is_empty() {
        return None;
    }
    num.split('.').map(|p| p.parse().ok()).collect()
}

/// `next` follows `prev` in a list: 4 → 5, 7.2 → 7.3.
fn is_successor(prev: Option<&[u32]>, next: Option<&[u32]>) -> bool {
    let (Some(p), Some(n)) = (prev, next) else {
        return false;
    };
    match (p.split_last(), n.split_last()) {
        (Some((pl, ph)), Some((nl, nh))) => ph == nh && *nl == pl + 1,
        _ => false,
    }
}

/// "2.6 en 4.2." or "1. de eisen": a number followed by a lower-case word is a list item only
/// after a line that ends a sentence or an intro (":"), or after another list item; otherwise
/// it is a wrapped cross-reference.
fn numbered_lowercase(line: &str) -> bool {
    let l = line.trim_start();
    if !l.starts_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    item_marker_len(l)
        .and_then(|n| l.get(n..))
        .and_then(|r| r.trim_start().chars().next())
        .is_some_and(char::is_lowercase)
}

/// A line that starts with "Artikel 2 - Voorwerp", "Bijlage 1", "Clause 8.1 The", or is a short
/// numbered heading "4 Obligations of the Parties": a new clause even when the PDF put it in the
/// same block as the text before it. (A wrapped sentence line is long or ends in punctuation.)
/// A label with nothing after it ("Appendix 1.") counts only after a sentence end: "vermeld in\n
/// Appendix 1." is a wrapped reference.
fn starts_article(line: &str, after_punct: bool) -> bool {
    let Some(l) = labels::parse(line) else {
        return false;
    };
    let rest = line.get(l.len..).unwrap_or("").trim();
    let heading_rest = !rest.is_empty()
        && rest.split_whitespace().count() <= 8
        && !rest.ends_with(['.', ';', ':', ',', '!', '?']);
    match l.kind {
        LabelKind::Article { .. } | LabelKind::Annex => {
            after_punct || rest.starts_with(|c: char| c.is_uppercase())
        }
        LabelKind::Dotted { .. } => heading_rest,
        LabelKind::Item { .. } => false,
    }
}

/// A line "Artikel 7 Geheimhouding" or "7.2 Melding" that is the heading of the text on the
/// next line, which keeps its own line so the segmenter sees the heading. A numbered first line
/// needs to be much shorter than the next one: a wrapped sentence fills its line.
fn heading_line_before(first: &str, next: &str) -> bool {
    let Some(label) = labels::parse(first) else {
        return false;
    };
    let rest = first.get(label.len..).unwrap_or("").trim();
    let short = rest.split_whitespace().count() <= 8
        && !rest.ends_with(['.', ';', ':', ',', '!', '?'])
        && next.chars().next().is_some_and(char::is_uppercase);
    match label.kind {
        LabelKind::Article { .. } | LabelKind::Annex => short,
        LabelKind::Dotted { .. } => short && first.chars().count() * 10 <= next.chars().count() * 6,
        LabelKind::Item { .. } => false,
    }
}

/// Appends `next` to `out` across a line or page end, handling a hyphen at the end of `out`.
fn append_joined(out: &mut String, next: &str, words: &HashSet<String>) {
    let hyphen_end = out.ends_with('-')
        && out[..out.len() - 1]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    let right = leading_word(next);
    if hyphen_end && !right.is_empty() {
        let left = trailing_word(&out[..out.len() - 1]).to_string();
        if CONJUNCTIONS.contains(&right.to_lowercase().as_str()) {
            out.push(' ');
        } else if !keep_hyphen(&left, right, words) {
            out.pop();
        }
        out.push_str(next);
        return;
    }
    out.push(' ');
    out.push_str(next);
}

fn collapse_spaces(line: &str) -> String {
    let mut s = String::with_capacity(line.len());
    for w in line.split([' ', '\t']).filter(|w| !w.is_empty()) {
        if !s.is_empty() {
            s.push(' ');
        }
        s.push_str(w);
    }
    s
}

/// Text with digit runs masked and whitespace collapsed, for comparing headers across pages.
fn furniture_key(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    let mut in_digits = false;
    for c in text.to_lowercase().chars() {
        if c.is_ascii_digit() {
            if !in_digits {
                key.push('#');
            }
            in_digits = true;
            continue;
        }
        in_digits = false;
        if c.is_whitespace() {
            if !key.ends_with(' ') {
                key.push(' ');
            }
        } else {
            key.push(c);
        }
    }
    key.trim().to_string()
}

/// A block that is only a page number: "3", "- 3 -", "Pagina 3 van 11", "Page 3 of 12", "3/11".
pub(crate) fn is_page_number(text: &str) -> bool {
    let key = furniture_key(text);
    let key = key.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c == ' ');
    let words: Vec<&str> = key.split([' ', '/']).filter(|w| !w.is_empty()).collect();
    match words.as_slice() {
        ["#"] => true,
        ["#", "#"] => key.contains('/'),
        [p, "#"] => matches!(*p, "pagina" | "page" | "blz." | "p." | "pag." | "blad"),
        [p, "#", v, "#"] => {
            matches!(*p, "pagina" | "page" | "blz." | "pag." | "blad")
                && matches!(*v, "van" | "of" | "/")
        }
        ["#", v, "#"] => matches!(*v, "van" | "of"),
        _ => false,
    }
}

/// How many blocks at each end of a page may be a running header or footer.
const EDGE: usize = 2;

fn mark_furniture(doc: &mut Document) {
    let pdf_pages = doc.pages.iter().filter(|p| p.number.is_some()).count();
    if pdf_pages == 0 {
        return;
    }
    // Edge blocks (non-empty) of each page: indices.
    let edges: Vec<Vec<usize>> = doc
        .pages
        .iter()
        .map(|p| {
            let idx: Vec<usize> = p
                .blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| !b.text.trim().is_empty())
                .map(|(i, _)| i)
                .collect();
            let mut e: Vec<usize> = idx.iter().take(EDGE).copied().collect();
            for &i in idx.iter().rev().take(EDGE) {
                if !e.contains(&i) {
                    e.push(i);
                }
            }
            e
        })
        .collect();
    let mut pages_with: HashMap<String, HashSet<usize>> = HashMap::default();
    // the texts behind each key: "Artikel 3", "Artikel 4", … at the top of pages are clauses that
    // start a page, not a running header (which repeats with at most its page number changing)
    let mut texts: HashMap<String, HashSet<String>> = HashMap::default();
    for (pi, e) in edges.iter().enumerate() {
        for &bi in e {
            if let Some(b) = doc.pages.get(pi).and_then(|p| p.blocks.get(bi)) {
                let key = furniture_key(&b.text);
                pages_with.entry(key.clone()).or_default().insert(pi);
                texts
                    .entry(key)
                    .or_default()
                    .insert(b.text.split_whitespace().collect::<Vec<_>>().join(" "));
            }
        }
    }
    let needed = 3.max(pdf_pages.div_ceil(2));
    for (pi, e) in edges.iter().enumerate() {
        let Some(page) = doc.pages.get_mut(pi) else {
            continue;
        };
        if page.number.is_none() {
            continue;
        }
        for &bi in e {
            let Some(b) = page.blocks.get_mut(bi) else {
                continue;
            };
            if matches!(b.kind, BlockKind::TableCell | BlockKind::Furniture) {
                continue;
            }
            let key = furniture_key(&b.text);
            // text that changes from page to page beyond a page number is short, no sentence
            // ("Pagina 3 - Verwerkersovereenkomst") and no clause label ("Artikel 3")
            let varies = texts.get(&key).is_some_and(|t| t.len() > 1);
            let varying_ok = !varies
                || (labels::parse(&b.text).is_none()
                    && b.text.split_whitespace().count() <= 10
                    && !b.text.trim_end().ends_with(['.', ';', ':']));
            let repeated = varying_ok && pages_with.get(&key).is_some_and(|s| s.len() >= needed);
            let title_on_first = pi == 0 && matches!(b.kind, BlockKind::Heading { .. });
            if (repeated && !title_on_first) || is_page_number(&b.text) {
                b.kind = BlockKind::Furniture;
            }
        }
    }
}

/// A PDF block that is only a bullet ("-", "•") is the marker of the next block on its page (PDF
/// text layers often put the marker in its own box): the next block becomes a list item.
fn merge_lone_bullets(doc: &mut Document) {
    // PDF only: in DOCX/ODT every non-empty paragraph keeps its paragraph number (interface.md)
    for page in doc.pages.iter_mut().filter(|p| p.number.is_some()) {
        let blocks = std::mem::take(&mut page.blocks);
        let mut out: Vec<Block> = Vec::with_capacity(blocks.len());
        let mut pending: Option<Block> = None;
        for mut b in blocks {
            if let Some(bullet) = pending.take() {
                if b.kind == BlockKind::Paragraph {
                    b.kind = BlockKind::ListItem;
                }
                b.inserted |= bullet.inserted;
            }
            if is_lone_bullet(&b.text) {
                pending = Some(b);
            } else {
                out.push(b);
            }
        }
        // a bullet at the end of a page stays as it is
        out.extend(pending);
        page.blocks = out;
    }
}

fn is_lone_bullet(text: &str) -> bool {
    let lone = text.trim();
    lone.chars().count() == 1 && (starts_list_item(&format!("{lone} x")) || lone == "*")
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, '.' | ';' | ':' | '!' | '?'))
}

fn is_body(b: &Block) -> bool {
    matches!(b.kind, BlockKind::Paragraph | BlockKind::ListItem)
}

/// A paragraph cut by a page break: page N's last body block (not ending a sentence) and page
/// N+1's first body block (starting lower-case) become one block on page N.
fn join_across_pages(doc: &mut Document, words: &HashSet<String>) {
    let is_text = |b: &Block| {
        !matches!(b.kind, BlockKind::Furniture | BlockKind::Footnote) && !b.text.trim().is_empty()
    };
    // The block (page, index) whose paragraph may continue on the next page; it survives a page
    // whose only text was merged into it (a paragraph over three pages).
    let mut open: Option<(usize, usize)> = None;
    for pi in 0..doc.pages.len() {
        if doc.pages[pi].number.is_none() {
            open = None;
            continue;
        }
        let first = doc.pages[pi]
            .blocks
            .iter()
            .position(|b| b.kind != BlockKind::Furniture && !b.text.trim().is_empty());
        if let (Some((tp, tb)), Some(fi)) = (open, first) {
            let a = &doc.pages[tp].blocks[tb];
            let b = &doc.pages[pi].blocks[fi];
            let starts_lower = b
                .text
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            if is_body(a)
                && b.kind == BlockKind::Paragraph
                && !ends_sentence(&a.text)
                && starts_lower
            {
                let moved = doc.pages[pi].blocks.remove(fi);
                let target = &mut doc.pages[tp].blocks[tb];
                let mut text = target.text.trim_end().to_string();
                append_joined(&mut text, moved.text.trim_start(), words);
                target.text = text;
                target.inserted |= moved.inserted;
            }
        }
        match doc.pages[pi].blocks.iter().rposition(is_text) {
            Some(li) => open = Some((pi, li)),
            // nothing left on this page: the open paragraph may go on after it
            None if doc.pages[pi]
                .blocks
                .iter()
                .any(|b| b.kind != BlockKind::Furniture) =>
            {
                open = None
            }
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> HashSet<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn dehyphenation() {
        let w = words(&["e-mail", "verwerkingsovereenkomst", "co-pilot"]);
        assert_eq!(
            join_lines("de verwerkings-\novereenkomst", &w),
            "de verwerkingsovereenkomst"
        );
        assert_eq!(join_lines("het AI-\nsysteem", &w), "het AI-systeem");
        assert_eq!(join_lines("per e-\nmail", &w), "per e-mail");
        assert_eq!(join_lines("een co-\npilot", &w), "een co-pilot");
        assert_eq!(
            join_lines("onbekend woord-\nafbreking", &w),
            "onbekend woordafbreking"
        );
        assert_eq!(
            join_lines("verwerkings-\nen beveiligingsmaatregelen", &w),
            "verwerkings- en beveiligingsmaatregelen"
        );
        assert_eq!(join_lines("Noord-\nHolland", &w), "Noord-Holland");
        assert_eq!(join_lines("artikel 28-\n32", &w), "artikel 28-32");
    }

    #[test]
    fn a_number_restated_in_figures_continues_its_line() {
        let w = HashSet::default();
        assert_eq!(
            join_lines("notify at least sixty\n(60) days in advance.", &w),
            "notify at least sixty (60) days in advance."
        );
        assert_eq!(
            join_lines("binnen dertig\n(30) dagen na de melding.", &w),
            "binnen dertig (30) dagen na de melding."
        );
        // after a sentence end, "(2)" is an item even before a unit word
        assert_eq!(
            join_lines("Termijnen:\n(1) days are calendar days.", &w),
            "Termijnen:\n(1) days are calendar days."
        );
    }

    #[test]
    fn keeps_list_lines() {
        let w = HashSet::default();
        assert_eq!(
            join_lines(
                "Verwerker zal:\n(a) melden;\nen\n(b) herstellen.\n  •  punt",
                &w
            ),
            "Verwerker zal:\n(a) melden; en\n(b) herstellen.\n• punt"
        );
        assert_eq!(
            join_lines("zie artikel\n28 lid 3", &w),
            "zie artikel 28 lid 3"
        );
        assert_eq!(
            join_lines("zoals bedoeld in\nBijlage 2 bij de overeenkomst.", &w),
            "zoals bedoeld in Bijlage 2 bij de overeenkomst."
        );
        assert_eq!(
            join_lines("Clause 2\nEffect of the Clauses\n(a)\nThese Clauses set out safeguards.\n(ii)\nClause 8 – Module One: Clause 8.5 (e);\n(b)", &w),
            "Clause 2\nEffect of the Clauses\n(a) These Clauses set out safeguards.\n(ii) Clause 8 – Module One: Clause 8.5 (e); (b)"
        );
        assert_eq!(
            join_lines("Partijen:\nBijlage 2 bij de overeenkomst\nDe lijst.", &w),
            "Partijen:\nBijlage 2 bij de overeenkomst\nDe lijst."
        );
        assert_eq!(
            join_lines(
                "Het is denkbaar – en wenselijk\n– dat partijen dit regelen.",
                &w
            ),
            "Het is denkbaar – en wenselijk – dat partijen dit regelen."
        );
        assert_eq!(
            join_lines(
                "Verwerker zal:\n- melden;\n- herstellen; en\n- rapporteren.",
                &w
            ),
            "Verwerker zal:\n- melden;\n- herstellen; en\n- rapporteren."
        );
        assert_eq!(
            join_lines("zoals vermeld in\nAppendix 1.\nVerder zal", &w),
            "zoals vermeld in Appendix 1. Verder zal"
        );
        assert_eq!(
            join_lines("verstaan in artikel\n2.6 en 4.2. Verder", &w),
            "verstaan in artikel 2.6 en 4.2. Verder"
        );
        assert_eq!(
            join_lines("2.9 Zie ook\nde artikelen\n2.6 en 4.2.", &w),
            "2.9 Zie ook de artikelen 2.6 en 4.2."
        );
        assert_eq!(
            join_lines(
                "onderwerpen:\n1. de eisen\n2. het niveau van\nbeveiliging\n3. de rest",
                &w
            ),
            "onderwerpen:\n1. de eisen\n2. het niveau van beveiliging\n3. de rest"
        );
        assert_eq!(
            join_lines("Data processing agreement\n1 Purpose and scope\nThe purpose of this Data Processing Agreement is to ensure\ncompliance.", &w),
            "Data processing agreement\n1 Purpose and scope\nThe purpose of this Data Processing Agreement is to ensure compliance."
        );
        assert_eq!(
            join_lines("Article\n28 GDPR applies to the Supplier.", &w),
            "Article 28 GDPR applies to the Supplier."
        );
        assert_eq!(
            join_lines("a.  eerste\nb. tweede", &w),
            "a. eerste\nb. tweede"
        );
        assert_eq!(
            join_lines(
                "Artikel 7 Geheimhouding\nVerwerker is verplicht tot\ngeheimhouding.",
                &w
            ),
            "Artikel 7 Geheimhouding\nVerwerker is verplicht tot geheimhouding."
        );
        assert_eq!(
            join_lines("7.2 Verwerker zal de\nPersoonsgegevens beveiligen.", &w),
            "7.2 Verwerker zal de Persoonsgegevens beveiligen."
        );
    }

    #[test]
    fn lone_bullets_mark_the_next_block() {
        let block = |t: &str| Block {
            text: t.into(),
            ..Block::default()
        };
        let mut doc = Document {
            pages: vec![crate::model::Page {
                number: Some(1),
                blocks: vec![block("Rechten:"), block("-"), block("inzage,"), block("•")],
            }],
            ..Document::default()
        };
        merge_lone_bullets(&mut doc);
        let blocks = &doc.pages[0].blocks;
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1].text, "inzage,");
        assert_eq!(blocks[1].kind, BlockKind::ListItem);
        assert_eq!(blocks[2].text, "•");
    }

    #[test]
    fn page_numbers() {
        for t in [
            "3",
            "- 3 -",
            "Pagina 3 van 11",
            "Page 3 of 12",
            "3/11",
            "3 of 12",
            "— 12 —",
        ] {
            assert!(is_page_number(t), "{t}");
        }
        for t in ["Artikel 3", "3. Geheimhouding", "24 uur", "2021/914 hmm"] {
            assert!(!is_page_number(t), "{t}");
        }
    }

    #[test]
    fn item_markers() {
        for (t, n) in [
            ("(a) x", 3),
            ("a. x", 2),
            ("a) x", 2),
            ("(iv) x", 4),
            ("7.2 x", 3),
            ("7. x", 2),
        ] {
            assert_eq!(item_marker_len(t), Some(n), "{t}");
        }
        for t in [
            "(a)x",
            "ab. x",
            "1.000 euro",
            "2018. x",
            "2021/914 x",
            "7.2x",
            "(hello) x",
            "24 uur",
        ] {
            assert_eq!(item_marker_len(t), None, "{t}");
        }
    }
}
