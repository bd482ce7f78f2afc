//! Page layout: glyphs → runs (same baseline, in drawing order) → lines (runs on one baseline
//! that are not separated by a column gutter) → blocks (vertically adjacent lines that overlap
//! one-to-one) → reading order (a topological sort after Breuel: above-and-overlapping first,
//! left-before-right unless something spans both) → paragraphs (vertical gaps, indentation,
//! bullets and numbers, size changes).
//!
//! Spaces come from space glyphs or from gaps wider than [`WORD_GAP`] em (adapted upwards for
//! letter-spaced runs), so words drawn one by one still read as words.

use super::interp::{PChar, PageChars};
use crate::model::BlockKind;

/// A gap between glyphs wider than this many em is a word space.
const WORD_GAP: f32 = 0.16;
/// A gap wider than this many em ends a run (it may be a column gutter or a tab).
const RUN_GAP: f32 = 1.3;
/// Runs on one baseline closer than this many em are joined into one line unless a gutter
/// separates them.
const LINE_GAP: f32 = 12.0;
/// Runs wider than this many em on both sides of a gap make it a column gutter.
const COLUMN_WIDTH: f32 = 5.0;
/// Blocks beyond this many on a page are ordered top-to-bottom only (the order graph is cubic).
const MAX_ORDERED_BLOCKS: usize = 400;
/// Lines beyond this many on a page are not grouped into blocks (each line is its own block), and
/// bands with more runs than [`MAX_BAND_RUNS`] are not searched for gutters: hostile pages with
/// hundreds of thousands of glyphs would otherwise take quadratic time.
const MAX_GROUPED_LINES: usize = 5000;
const MAX_BAND_RUNS: usize = 200;

#[derive(Debug, Clone)]
struct Run {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
    /// The glyphs, kept so that runs drawn into each other's gaps can be re-merged by position.
    chars: Vec<PChar>,
}

#[derive(Debug, Clone)]
struct Line {
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
    text: String,
}

#[derive(Debug, Clone)]
struct BlockBox {
    x0: f32,
    x1: f32,
    top: f32,
    bottom: f32,
    lines: Vec<Line>,
}

/// A paragraph as layout delivers it.
#[derive(Debug, Clone, PartialEq)]
pub struct Para {
    pub text: String,
    pub kind: BlockKind,
    /// Non-space characters, for the no-text-layer decision.
    pub chars: usize,
}

/// Lays out one page. `body_size` is the document's most common font size (for headings).
/// `upright` is the writing direction that reads upright with the page's /Rotate.
pub fn layout(page: &PageChars, body_size: f32, upright: u8) -> Vec<Para> {
    let mut out = Vec::new();
    // Directions in order of glyph count, the dominant one first.
    let mut counts = [0usize; 4];
    for c in &page.chars {
        counts[usize::from(c.dir & 3)] += 1;
    }
    let mut dirs: Vec<u8> = (0..4u8).filter(|&d| counts[usize::from(d)] > 0).collect();
    dirs.sort_by_key(|&d| (std::cmp::Reverse(counts[usize::from(d)]), d != upright));
    for dir in dirs {
        let chars: Vec<&PChar> = page.chars.iter().filter(|c| c.dir == dir).collect();
        let runs = build_runs(&chars, &page.text);
        let lines = build_lines(runs, &page.text);
        let blocks = build_blocks(lines);
        let ordered = order_blocks(blocks);
        for b in ordered {
            paragraphs(b, body_size, &mut out);
        }
    }
    out
}

/// The most common glyph size on a page, weighted by glyph count (rounded to 0.5).
pub fn size_histogram(page: &PageChars, hist: &mut std::collections::HashMap<i32, usize>) {
    for c in &page.chars {
        if !c.space {
            *hist.entry((c.size * 2.0).round() as i32).or_default() += 1;
        }
    }
}

fn glyph_text<'a>(c: &PChar, text: &'a str) -> &'a str {
    text.get(c.start as usize..c.end as usize).unwrap_or("")
}

fn build_runs(chars: &[&PChar], text: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut cur: Vec<&PChar> = Vec::new();
    for &c in chars {
        if let Some(&last) = cur.last() {
            let size = last.size.max(c.size).max(0.1);
            let same_base = (c.y - last.y).abs() < 0.3 * size;
            let gap = c.x - (last.x + last.w);
            let back = c.x < last.x - 0.5 * size && gap < -0.5 * size;
            if !same_base || back || gap > RUN_GAP * size {
                runs.push(finish_run(&cur, text));
                cur.clear();
            } else if !c.space
                && glyph_text(c, text) == glyph_text(last, text)
                && (c.x - last.x).abs() < 0.15 * size
            {
                // The same glyph drawn again on top (fake bold, shadow): once is enough.
                continue;
            }
        }
        cur.push(c);
    }
    if !cur.is_empty() {
        runs.push(finish_run(&cur, text));
    }
    runs.retain(|r| !r.text.trim().is_empty());
    runs
}

fn finish_run(chars: &[&PChar], text: &str) -> Run {
    // Letter-spaced runs: raise the word-gap threshold above the typical gap between letters.
    let mut gaps: Vec<f32> = Vec::new();
    for w in chars.windows(2) {
        if !w[0].space && !w[1].space {
            gaps.push((w[1].x - (w[0].x + w[0].w)) / w[0].size.max(0.1));
        }
    }
    let mut threshold = WORD_GAP;
    if gaps.len() >= 4 {
        gaps.sort_by(f32::total_cmp);
        let median = gaps[gaps.len() / 2];
        if median > 0.06 {
            threshold = threshold.max(median * 1.6 + 0.08);
        }
    }
    let mut s = String::new();
    let mut pending_space = false;
    let mut x0 = f32::MAX;
    let mut x1 = f32::MIN;
    let mut size_sum = 0.0f32;
    let mut n = 0usize;
    let mut prev: Option<&PChar> = None;
    let y = chars
        .iter()
        .find(|c| !c.space)
        .or(chars.first())
        .map_or(0.0, |c| c.y);
    for &c in chars {
        if c.space {
            pending_space = true;
            prev = Some(c);
            continue;
        }
        if let Some(p) = prev {
            let gap = c.x - (p.x + p.w);
            if !p.space && gap > threshold * p.size.max(c.size) {
                pending_space = true;
            }
        }
        let t = glyph_text(c, text);
        if t.is_empty() {
            prev = Some(c);
            x0 = x0.min(c.x);
            x1 = x1.max(c.x + c.w);
            continue;
        }
        if pending_space && !s.is_empty() && !s.ends_with(' ') {
            s.push(' ');
        }
        pending_space = false;
        for ch in t.chars() {
            if ch.is_whitespace() {
                if !s.ends_with(' ') && !s.is_empty() {
                    s.push(' ');
                }
            } else if !ch.is_control() {
                s.push(ch);
            }
        }
        x0 = x0.min(c.x);
        x1 = x1.max(c.x + c.w);
        size_sum += c.size;
        n += 1;
        prev = Some(c);
    }
    let size = if n > 0 { size_sum / n as f32 } else { 1.0 };
    Run {
        x0: if x0 == f32::MAX { 0.0 } else { x0 },
        x1: if x1 == f32::MIN { 0.0 } else { x1 },
        y,
        size: size.max(0.1),
        text: s.trim_end().to_string(),
        chars: chars.iter().map(|&&c| c).collect(),
    }
}

/// Joins runs on one baseline into lines, unless the gap between them is a column gutter.
fn build_lines(mut runs: Vec<Run>, text: &str) -> Vec<Line> {
    // Top to bottom, then left to right.
    runs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    // Baseline bands: consecutive runs (in y order) whose baselines are close.
    let mut bands: Vec<Vec<Run>> = Vec::new();
    for r in runs {
        if let Some(band) = bands.last_mut() {
            let first = &band[0];
            if (first.y - r.y).abs() < 0.4 * first.size.max(r.size) {
                band.push(r);
                continue;
            }
        }
        bands.push(vec![r]);
    }
    for band in &mut bands {
        band.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    let mut lines = Vec::new();
    for (bi, band) in bands.iter().enumerate() {
        let mut cur: Option<Line> = None;
        // Runs of the current line, when two of them overlap (one drawn into the other's gaps,
        // e.g. page numbers filled into "Page  of  "): the line is rebuilt from its glyphs.
        let mut members: Vec<&Run> = Vec::new();
        let mut overlapping = false;
        let finish = |line: Line, members: &[&Run], overlapping: bool| -> Line {
            if !overlapping || members.len() < 2 {
                return line;
            }
            let mut chars: Vec<&PChar> = members.iter().flat_map(|r| r.chars.iter()).collect();
            chars.sort_by(|a, b| a.x.total_cmp(&b.x));
            let merged = finish_run(&chars, text);
            Line {
                text: merged.text,
                ..line
            }
        };
        for r in band {
            if let Some(line) = cur.as_mut() {
                let size = line.size.max(r.size);
                let gap = r.x0 - line.x1;
                let joinable = gap < LINE_GAP * size
                    && !is_gutter(&bands, bi, line.x1, r.x0, size)
                    && (line.size / r.size).max(r.size / line.size) < 2.5;
                if joinable {
                    if gap < -0.1 * size {
                        overlapping = true;
                    }
                    members.push(r);
                    if gap > WORD_GAP * size || gap < -0.5 * size {
                        line.text.push(' ');
                    }
                    line.text.push_str(&r.text);
                    line.x1 = line.x1.max(r.x1);
                    line.x0 = line.x0.min(r.x0);
                    line.size = line.size.max(r.size);
                    continue;
                }
                if let Some(line) = cur.take() {
                    lines.push(finish(line, &members, overlapping));
                }
            }
            members.clear();
            members.push(r);
            overlapping = false;
            cur = Some(Line {
                x0: r.x0,
                x1: r.x1,
                y: r.y,
                size: r.size,
                text: r.text.clone(),
            });
        }
        if let Some(line) = cur {
            lines.push(finish(line, &members, overlapping));
        }
    }
    lines
}

/// A gap `[g0, g1]` on band `bi` is a gutter when a nearby band has wide runs on both sides of
/// it and nothing crossing it between them.
fn is_gutter(bands: &[Vec<Run>], bi: usize, g0: f32, g1: f32, size: f32) -> bool {
    let y = bands.get(bi).and_then(|b| b.first()).map_or(0.0, |r| r.y);
    let lo = bi.saturating_sub(4);
    let hi = (bi + 5).min(bands.len());
    let wide = COLUMN_WIDTH * size;
    // Columns set independently have baselines that seldom meet: the wide runs on either side
    // may stand in different bands. So the sides are also gathered over all nearby bands.
    let (mut left_near, mut right_near, mut crossed) = (false, false, false);
    for (j, band) in bands.iter().enumerate().take(hi).skip(lo) {
        let Some(first) = band.first() else { continue };
        // The line itself does not count: a lone wide gap in one line is a tab.
        if j == bi || band.len() > MAX_BAND_RUNS || (first.y - y).abs() > 3.0 * size {
            continue;
        }
        let left = band
            .iter()
            .any(|r| r.x1 <= g1 && r.x1 >= g0 - 3.0 * size && r.x1 - r.x0 >= wide);
        let right = band
            .iter()
            .any(|r| r.x0 >= g0 && r.x0 <= g1 + 3.0 * size && r.x1 - r.x0 >= wide);
        let crossing = band.iter().any(|r| r.x0 < g0 && r.x1 > g1);
        // One nearby line with wide runs on both sides and nothing across the gap settles it.
        if left && right && !crossing {
            return true;
        }
        left_near |= left;
        right_near |= right;
        crossed |= crossing;
    }
    left_near && right_near && !crossed
}

fn overlap(a0: f32, a1: f32, b0: f32, b1: f32) -> f32 {
    a1.min(b1) - a0.max(b0)
}

/// Groups lines into blocks: a line joins the block of the line directly above when each is the
/// other's only overlapping neighbour at that level.
fn build_blocks(lines: Vec<Line>) -> Vec<BlockBox> {
    let n = lines.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], mut i: usize) -> usize {
        while p[i] != i {
            p[i] = p[p[i]];
            i = p[i];
        }
        i
    }
    // Lines are sorted top to bottom already (bands in y order).
    let grouped = if n > MAX_GROUPED_LINES { 0 } else { n };
    for i in 0..grouped {
        let a = &lines[i];
        // Nearest lower level overlapping a.
        let mut below: Vec<usize> = Vec::new();
        let mut level_y: Option<f32> = None;
        for (j, b) in lines.iter().enumerate().skip(i + 1) {
            let dy = a.y - b.y;
            if dy <= 0.3 * a.size {
                continue;
            }
            if dy > 2.0 * a.size.max(b.size) {
                break;
            }
            if overlap(a.x0, a.x1, b.x0, b.x1) > 0.0 {
                match level_y {
                    None => {
                        level_y = Some(b.y);
                        below.push(j);
                    }
                    Some(ly) if (ly - b.y).abs() < 0.4 * b.size => below.push(j),
                    Some(_) => break,
                }
            }
        }
        if below.len() != 1 {
            continue;
        }
        let j = below[0];
        let b = &lines[j];
        let ratio = (a.size / b.size).max(b.size / a.size);
        if ratio > 1.6 {
            continue;
        }
        // b's overlapping neighbours at a's level: only a.
        let above = lines
            .iter()
            .enumerate()
            .take(j)
            .filter(|(k, c)| {
                *k != i && (c.y - a.y).abs() < 0.4 * a.size && overlap(c.x0, c.x1, b.x0, b.x1) > 0.0
            })
            .count();
        if above == 0 {
            let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
            if ri != rj {
                parent[rj] = ri;
            }
        }
    }
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut index_of_root: std::collections::HashMap<usize, usize> =
        std::collections::HashMap::new();
    for i in 0..n {
        let r = find(&mut parent, i);
        let g = *index_of_root.entry(r).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut slots: Vec<Option<Line>> = lines.into_iter().map(Some).collect();
    groups
        .into_iter()
        .map(|idx| {
            let lines: Vec<Line> = idx.iter().filter_map(|&i| slots[i].take()).collect();
            let x0 = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
            let x1 = lines.iter().map(|l| l.x1).fold(f32::MIN, f32::max);
            let top = lines.iter().map(|l| l.y + l.size).fold(f32::MIN, f32::max);
            let bottom = lines.iter().map(|l| l.y).fold(f32::MAX, f32::min);
            BlockBox {
                x0,
                x1,
                top,
                bottom,
                lines,
            }
        })
        .collect()
}

/// Reading order of blocks (Breuel 2003): `a` before `b` if they overlap horizontally and `a` is
/// higher, or `a` is entirely left of `b` and no block between them vertically overlaps both.
fn order_blocks(mut blocks: Vec<BlockBox>) -> Vec<BlockBox> {
    blocks.sort_by(|a, b| b.top.total_cmp(&a.top).then(a.x0.total_cmp(&b.x0)));
    let n = blocks.len();
    if n <= 1 || n > MAX_ORDERED_BLOCKS {
        return blocks;
    }
    let mid = |b: &BlockBox| (b.top + b.bottom) / 2.0;
    let mut before = vec![false; n * n];
    for i in 0..n {
        for j in 0..n {
            if i == j {
                continue;
            }
            let (a, b) = (&blocks[i], &blocks[j]);
            let ov = overlap(a.x0, a.x1, b.x0, b.x1) > 0.0;
            let rule1 = ov && mid(a) > mid(b);
            let rule2 = !ov && a.x1 <= b.x0 && {
                let (hi, lo) = if mid(a) > mid(b) {
                    (mid(a), mid(b))
                } else {
                    (mid(b), mid(a))
                };
                !blocks.iter().enumerate().any(|(k, c)| {
                    k != i
                        && k != j
                        && mid(c) < hi
                        && mid(c) > lo
                        && c.x0 < a.x1
                        && c.x1 > b.x0
                        && c.x0 < b.x1
                        && c.x1 > a.x0
                })
            };
            if rule1 || rule2 {
                before[i * n + j] = true;
            }
        }
    }
    let mut indeg: Vec<usize> = (0..n)
        .map(|j| (0..n).filter(|&i| before[i * n + j]).count())
        .collect();
    let mut done = vec![false; n];
    let mut order = Vec::with_capacity(n);
    for _ in 0..n {
        // Blocks are sorted top-first: take the first free one; on a cycle, the first left.
        let pick = (0..n)
            .find(|&k| !done[k] && indeg[k] == 0)
            .or_else(|| (0..n).find(|&k| !done[k]));
        let Some(k) = pick else { break };
        done[k] = true;
        order.push(k);
        for j in 0..n {
            if before[k * n + j] && indeg[j] > 0 {
                indeg[j] -= 1;
            }
        }
    }
    let mut slots: Vec<Option<BlockBox>> = blocks.into_iter().map(Some).collect();
    order.into_iter().filter_map(|k| slots[k].take()).collect()
}

fn starts_item(text: &str) -> (bool, bool) {
    let t = text.trim_start();
    let first = t.chars().next().unwrap_or(' ');
    if matches!(
        first,
        '•' | '·'
            | '▪'
            | '●'
            | '○'
            | '◦'
            | '■'
            | '□'
            | '➢'
            | '►'
            | '\u{F0B7}'
            | '-'
            | '–'
            | '—'
            | '*'
    ) {
        return (true, true);
    }
    let word = t.split_whitespace().next().unwrap_or("");
    let lower = word.to_lowercase();
    if lower == "artikel" || lower == "article" || lower == "bijlage" || lower == "annex" {
        return (true, false);
    }
    // 1. 1) 1.2 1.2.3 (a) a) i. ii)
    let w = word.trim_start_matches('(');
    let digits = w
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .count();
    if digits > 0 && w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        let rest = &w[digits..];
        if rest.is_empty() || rest == ")" {
            return (true, false);
        }
    }
    if (word.ends_with(')') || word.ends_with('.'))
        && word
            .trim_matches(|c| c == '(' || c == ')' || c == '.')
            .len()
            <= 3
        && word
            .trim_matches(|c| c == '(' || c == ')' || c == '.')
            .chars()
            .all(|c| c.is_ascii_lowercase())
        && word.len() >= 2
    {
        return (true, false);
    }
    (false, false)
}

fn paragraphs(block: BlockBox, body_size: f32, out: &mut Vec<Para>) {
    let mut lines = block.lines;
    lines.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
    let mut gaps: Vec<f32> = lines.windows(2).map(|w| w[0].y - w[1].y).collect();
    gaps.sort_by(f32::total_cmp);
    let typical = gaps.get(gaps.len() / 2).copied();
    let left = lines.iter().map(|l| l.x0).fold(f32::MAX, f32::min);
    let right = block.x1;
    let mut cur: Vec<&Line> = Vec::new();
    let flush = |cur: &mut Vec<&Line>, out: &mut Vec<Para>| {
        if cur.is_empty() {
            return;
        }
        let text: Vec<&str> = cur.iter().map(|l| l.text.as_str()).collect();
        let text = text.join("\n");
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        let size = cur.iter().map(|l| l.size).sum::<f32>() / cur.len() as f32;
        let kind = if body_size > 0.0 && size >= 1.25 * body_size && cur.len() <= 3 && chars < 200 {
            BlockKind::Heading { level: 1 }
        } else {
            BlockKind::Paragraph
        };
        out.push(Para { text, kind, chars });
        cur.clear();
    };
    for i in 0..lines.len() {
        let l = &lines[i];
        if let Some(&prev) = cur.last() {
            let size = l.size.max(prev.size);
            let dy = prev.y - l.y;
            let mut split = false;
            if let Some(t) = typical {
                if dy > t * 1.3 + 0.05 * size && dy > 1.0 * size {
                    split = true;
                }
            }
            if (l.size / prev.size).max(prev.size / l.size) > 1.15 {
                split = true;
            }
            let (item, bullet) = starts_item(&l.text);
            let prev_end = prev.text.trim_end().chars().last().unwrap_or(' ');
            let prev_short = prev.x1 < right - (0.15 * (right - left)).max(4.0 * size);
            if item
                && (bullet
                    || matches!(prev_end, '.' | ':' | ';')
                    || prev_short
                    || (l.x0 - prev.x0).abs() > 0.8 * size)
            {
                split = true;
            }
            if prev_short && matches!(prev_end, '.' | ':' | '!' | '?') {
                split = true;
            }
            // First-line indent: this line starts right of the previous one and the next returns.
            if l.x0 > prev.x0 + 0.8 * size {
                if let Some(next) = lines.get(i + 1) {
                    if (next.x0 - prev.x0).abs() < 0.5 * size && prev_short {
                        split = true;
                    }
                }
            }
            if split {
                flush(&mut cur, out);
            }
        }
        cur.push(l);
    }
    flush(&mut cur, out);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars_of(words: &[(&str, f32, f32)], size: f32) -> PageChars {
        // Each word drawn separately, glyphs 0.5 em wide, no space glyphs.
        let mut pc = PageChars::default();
        for (w, x, y) in words {
            let mut x = *x;
            for ch in w.chars() {
                let start = pc.text.len() as u32;
                pc.text.push(ch);
                pc.chars.push(PChar {
                    x,
                    y: *y,
                    w: 0.5 * size,
                    size,
                    dir: 0,
                    space: false,
                    start,
                    end: pc.text.len() as u32,
                });
                x += 0.5 * size;
            }
        }
        pc
    }

    #[test]
    fn words_get_spaces_from_gaps() {
        let pc = chars_of(
            &[("Hello", 72.0, 700.0), ("world", 72.0 + 25.0 + 3.0, 700.0)],
            10.0,
        );
        let paras = layout(&pc, 10.0, 0);
        assert_eq!(paras[0].text, "Hello world");
    }

    #[test]
    fn two_columns_do_not_interleave() {
        let mut words = Vec::new();
        for i in 0..6 {
            let y = 700.0 - 12.0 * i as f32;
            words.push(("leftcolumntext", 72.0, y));
            words.push(("rightcolumntxt", 72.0 + 70.0 + 30.0, y));
        }
        let pc = chars_of(&words, 10.0);
        let paras = layout(&pc, 10.0, 0);
        let all: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        let joined = all.join("\n");
        let first_right = joined.find("right").unwrap_or(0);
        assert!(
            joined[..first_right].matches("left").count() == 6,
            "{joined}"
        );
    }

    #[test]
    fn two_columns_on_offset_baselines_do_not_interleave() {
        // Columns flowed separately (two-column general terms): their baselines differ by 2 to
        // 4 pt, so a band seldom holds both, and the left lines end at different places. The
        // positions are those of a real page (pdftotext -bbox), glyphs 0.5 em wide.
        let size = 8.5;
        let glyphs = |x0: f32, x1: f32| ((x1 - x0) / (0.5 * size)) as usize;
        let left = [
            (106.3, 267.7),
            (116.3, 280.6),
            (126.3, 263.1),
            (136.3, 226.7),
            (146.3, 126.7),
        ];
        let right = [
            (102.3, 532.6),
            (112.3, 532.6),
            (128.3, 514.0),
            (138.3, 530.0),
            (148.3, 458.9),
        ];
        let mut texts = Vec::new();
        for &(y, x1) in &left {
            texts.push(("l".repeat(glyphs(62.7, x1)), 62.7, 800.0 - y));
        }
        for &(y, x1) in &right {
            texts.push(("r".repeat(glyphs(312.1, x1)), 312.1, 800.0 - y));
        }
        let words: Vec<(&str, f32, f32)> =
            texts.iter().map(|(t, x, y)| (t.as_str(), *x, *y)).collect();
        let pc = chars_of(&words, size);
        for p in layout(&pc, size, 0) {
            assert!(
                !(p.text.contains('l') && p.text.contains('r')),
                "columns joined: {:?}",
                p.text
            );
        }
    }

    #[test]
    fn hanging_indent_numbers_stay_with_their_text() {
        // "7.1" in a label column, text in a hanging indent, then "7.2" two lines below.
        let pc = chars_of(
            &[
                ("7.1", 72.0, 700.0),
                ("leverancierverwerkt", 100.0, 700.0),
                ("gegevensnaarbehoren.", 100.0, 688.0),
                ("7.2", 72.0, 676.0),
                ("leverancierbewaart", 100.0, 676.0),
            ],
            10.0,
        );
        let paras = layout(&pc, 10.0, 0);
        let texts: Vec<&str> = paras.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "7.1 leverancierverwerkt\ngegevensnaarbehoren.",
                "7.2 leverancierbewaart"
            ]
        );
    }
}
