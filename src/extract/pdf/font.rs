//! Fonts: how the bytes of a shown string split into character codes, what Unicode text each code
//! stands for, and how far each glyph advances. Decoding order: ToUnicode CMap, then the glyph
//! names of /Differences, then the base encoding (or a Type 1 font's built-in encoding), then for
//! CID fonts nothing (unmapped glyphs keep their advance but add no text).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::cmap::{self, CMap};
use super::tables;

/// What one character code reads as.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Uni {
    #[default]
    None,
    Char(char),
    Str(Box<str>),
}

impl Uni {
    pub fn from_str(s: &str) -> Uni {
        let mut it = s.chars();
        match (it.next(), it.next()) {
            (None, _) => Uni::None,
            (Some(c), None) => Uni::Char(c),
            _ => Uni::Str(s.into()),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Uni::None)
    }

    pub fn push_to(&self, out: &mut String) {
        match self {
            Uni::None => {}
            Uni::Char(c) => out.push(*c),
            Uni::Str(s) => out.push_str(s),
        }
    }

    fn is_space(&self) -> bool {
        match self {
            Uni::Char(c) => c.is_whitespace(),
            Uni::Str(s) => s.chars().all(char::is_whitespace),
            Uni::None => false,
        }
    }
}

/// One decoded code of a shown string.
pub struct Glyph<'f> {
    pub uni: &'f Uni,
    /// Advance in text space units per unit of font size (glyph width / 1000 for most fonts).
    pub width: f32,
    /// The single-byte code 32, to which word spacing (Tw) applies.
    pub word_space: bool,
    /// The code reads as white space (space glyph), so it separates words.
    pub is_space: bool,
}

#[derive(Debug)]
pub struct Font {
    /// Simple fonts use one byte per code; composite (Type0) fonts follow `codespace`.
    simple: bool,
    simple_uni: Vec<Uni>,
    simple_widths: Vec<f32>,
    codespace: Vec<cmap::Range>,
    code_uni: HashMap<u32, Uni>,
    /// Code → CID for an embedded encoding CMap; `None` means Identity.
    code_cid: Option<HashMap<u32, u32>>,
    cid_widths: HashMap<u32, f32>,
    default_width: f32,
    /// Multiplier from the Widths numbers to text space (1/1000, or the Type 3 FontMatrix).
    width_scale: f32,
    pub vertical: bool,
}

static NONE: Uni = Uni::None;

impl Font {
    /// A font for a missing or broken font resource: one byte per code, WinAnsi, 0.5 em wide.
    pub fn fallback() -> Font {
        let simple_uni = (0..256).map(|c| code_to_uni(tables::WIN_ANSI[c])).collect();
        Font {
            simple: true,
            simple_uni,
            simple_widths: vec![500.0; 256],
            codespace: Vec::new(),
            code_uni: HashMap::new(),
            code_cid: None,
            cid_widths: HashMap::new(),
            default_width: 500.0,
            width_scale: 0.001,
            vertical: false,
        }
    }

    /// Reads a font dictionary. Never fails: what cannot be read falls back to defaults.
    pub fn load(doc: &Document, dict: &Dictionary, max_stream: usize) -> Font {
        let subtype = name_of(doc, dict.get(b"Subtype").ok()).unwrap_or_default();
        if subtype == b"Type0" {
            return Self::load_type0(doc, dict, max_stream);
        }
        let mut font = Font::fallback();
        let base_font = name_of(doc, dict.get(b"BaseFont").ok()).unwrap_or_default();
        let base_font = strip_subset(&base_font);
        let descriptor = deref(doc, dict.get(b"FontDescriptor").ok()).and_then(as_dict);
        let flags = descriptor
            .and_then(|d| num(doc, d.get(b"Flags").ok()))
            .unwrap_or(0.0) as i64;
        let symbolic = flags & 4 != 0 && flags & 32 == 0;

        // Widths.
        if subtype == b"Type3" {
            let fm = deref(doc, dict.get(b"FontMatrix").ok())
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .and_then(|o| num(doc, Some(o)))
                .unwrap_or(0.001);
            font.width_scale = if fm.is_finite() && fm.abs() < 10.0 {
                fm
            } else {
                0.001
            };
        }
        let missing = descriptor
            .and_then(|d| num(doc, d.get(b"MissingWidth").ok()))
            .unwrap_or(0.0);
        let std_widths = standard_widths(base_font);
        let first = num(doc, dict.get(b"FirstChar").ok()).unwrap_or(0.0) as i64;
        let widths = deref(doc, dict.get(b"Widths").ok()).and_then(|o| o.as_array().ok());
        for code in 0..256usize {
            font.simple_widths[code] = match std_widths {
                Some(w) if widths.is_none() => f32::from(w[code]),
                _ if widths.is_none() && base_font.starts_with(b"Courier") => 600.0,
                _ => {
                    if missing > 0.0 {
                        missing
                    } else {
                        500.0
                    }
                }
            };
        }
        if let Some(widths) = widths {
            for (i, w) in widths.iter().enumerate().take(256) {
                let code = first.saturating_add(i as i64);
                if (0..256).contains(&code) {
                    if let Some(w) = num(doc, Some(w)) {
                        font.simple_widths[code as usize] = w;
                    }
                }
            }
        }

        // Encoding: base table first.
        let encoding = deref(doc, dict.get(b"Encoding").ok());
        let base_name = match encoding {
            Some(Object::Name(n)) => Some(n.as_slice()),
            Some(Object::Dictionary(d)) => match deref(doc, d.get(b"BaseEncoding").ok()) {
                Some(Object::Name(n)) => Some(n.as_slice()),
                _ => None,
            },
            _ => None,
        };
        let mut base: Vec<Uni> = match base_name {
            Some(b"WinAnsiEncoding") => table_uni(&tables::WIN_ANSI),
            Some(b"MacRomanEncoding") => table_uni(&tables::MAC_ROMAN),
            Some(b"StandardEncoding") => table_uni(&tables::STANDARD),
            Some(b"PDFDocEncoding") => table_uni(&tables::PDF_DOC),
            _ => {
                if base_font.starts_with(b"Symbol") {
                    table_uni(&tables::SYMBOL)
                } else if base_font.starts_with(b"ZapfDingbats") {
                    dingbats()
                } else if subtype == b"Type1" || subtype == b"MMType1" {
                    let builtin = descriptor
                        .and_then(|d| type1_builtin_encoding(doc, d, max_stream))
                        .unwrap_or_default();
                    let mut t = if symbolic && !builtin.is_empty() {
                        vec![Uni::None; 256]
                    } else {
                        table_uni(&tables::STANDARD)
                    };
                    for (code, name) in builtin {
                        let u = glyph_name_to_uni(&name);
                        if !u.is_none() {
                            t[code as usize] = u;
                        }
                    }
                    t
                } else {
                    table_uni(&tables::WIN_ANSI)
                }
            }
        };
        // Differences.
        if let Some(Object::Dictionary(enc)) = encoding {
            if let Some(Object::Array(diffs)) = deref(doc, enc.get(b"Differences").ok()) {
                let mut code: i64 = 0;
                for item in diffs.iter().take(4096) {
                    match item {
                        Object::Integer(i) => code = *i,
                        Object::Real(r) => code = *r as i64,
                        Object::Name(n) => {
                            if (0..256).contains(&code) {
                                let name = String::from_utf8_lossy(n);
                                let u = glyph_name_to_uni(&name);
                                if !u.is_none() {
                                    base[code as usize] = u;
                                } else if let Some(u) = numbered_name_fallback(&name) {
                                    if base[code as usize].is_none() {
                                        base[code as usize] = u;
                                    }
                                }
                            }
                            code = code.saturating_add(1);
                        }
                        _ => {}
                    }
                }
            }
        }
        font.simple_uni = base;
        // ToUnicode wins over everything.
        if let Some(cm) = to_unicode(doc, dict, max_stream) {
            for (code, u) in cm.map {
                if let Some(slot) = font.simple_uni.get_mut(code as usize) {
                    *slot = u;
                }
            }
        }
        font
    }

    fn load_type0(doc: &Document, dict: &Dictionary, max_stream: usize) -> Font {
        let mut font = Font::fallback();
        font.simple = false;
        font.simple_uni.clear();
        font.default_width = 1000.0;
        font.width_scale = 0.001;
        let mut codespace = Vec::new();
        match deref(doc, dict.get(b"Encoding").ok()) {
            Some(Object::Name(n)) => {
                font.vertical = n.ends_with(b"-V");
                // Predefined CMaps other than Identity are two-byte for the CJK UCS2/UTF16 ones;
                // treat all as two-byte (the common case in contracts is Identity-H).
                codespace.push(cmap::Range {
                    len: 2,
                    lo: 0,
                    hi: 0xFFFF,
                });
            }
            Some(Object::Stream(s)) => {
                if let Ok(bytes) = s.decompressed_content_with_limit(max_stream) {
                    let cm = cmap::parse(&bytes, true);
                    codespace = cm.codespace;
                    font.code_cid = Some(cm.cids);
                }
                font.vertical = matches!(
                    deref(doc, s.dict.get(b"WMode").ok()),
                    Some(Object::Integer(1))
                );
            }
            _ => {}
        }
        let descendant = deref(doc, dict.get(b"DescendantFonts").ok())
            .and_then(|o| o.as_array().ok())
            .and_then(|a| a.first())
            .and_then(|o| deref(doc, Some(o)))
            .and_then(as_dict);
        if let Some(d) = descendant {
            if let Some(dw) = num(doc, d.get(b"DW").ok()) {
                font.default_width = dw;
            }
            if let Some(w) = deref(doc, d.get(b"W").ok()).and_then(|o| o.as_array().ok()) {
                font.cid_widths = parse_w_array(doc, w);
            }
        }
        let cm = to_unicode(doc, dict, max_stream);
        if let Some(cm) = cm {
            if codespace.is_empty() {
                codespace = cm.codespace;
            }
            font.code_uni = cm.map;
        }
        if codespace.is_empty() {
            codespace.push(cmap::Range {
                len: 2,
                lo: 0,
                hi: 0xFFFF,
            });
        }
        font.codespace = codespace;
        font
    }

    /// Splits `bytes` into codes and calls `f` for each.
    pub fn decode(&self, bytes: &[u8], mut f: impl FnMut(Glyph<'_>)) {
        if self.simple {
            for &b in bytes {
                let uni = self.simple_uni.get(usize::from(b)).unwrap_or(&NONE);
                let width = self
                    .simple_widths
                    .get(usize::from(b))
                    .copied()
                    .unwrap_or(0.0)
                    * self.width_scale;
                f(Glyph {
                    uni,
                    width,
                    word_space: b == 32,
                    is_space: b == 32 && (uni.is_none() || uni.is_space()) || uni.is_space(),
                });
            }
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            let (code, len) = cmap::next_code(&self.codespace, &bytes[i..]);
            i += len.max(1);
            let cid = match &self.code_cid {
                Some(m) => m.get(&code).copied().unwrap_or(code),
                None => code,
            };
            let width = self
                .cid_widths
                .get(&cid)
                .copied()
                .unwrap_or(self.default_width)
                * self.width_scale;
            let uni = self.code_uni.get(&code).unwrap_or(&NONE);
            f(Glyph {
                uni,
                width,
                word_space: len == 1 && code == 32,
                is_space: uni.is_space(),
            });
        }
    }
}

fn code_to_uni(v: u16) -> Uni {
    if v == 0 {
        Uni::None
    } else {
        char::from_u32(u32::from(v)).map_or(Uni::None, Uni::Char)
    }
}

fn table_uni(t: &[u16; 256]) -> Vec<Uni> {
    t.iter().map(|&v| code_to_uni(v)).collect()
}

fn dingbats() -> Vec<Uni> {
    let mut t = vec![Uni::None; 256];
    t[32] = Uni::Char(' ');
    for c in [0x6C, 0x6E, 0x75, 0x77, 0xA7, 0xA8, 0xAB, 0xAC] {
        t[c] = Uni::Char('•');
    }
    for c in [0x33, 0x34] {
        t[c] = Uni::Char('✓');
    }
    t
}

fn standard_widths(base_font: &[u8]) -> Option<&'static [u16; 256]> {
    let bold = base_font.windows(4).any(|w| w == b"Bold");
    if base_font.starts_with(b"Helvetica") || base_font.starts_with(b"Arial") {
        Some(if bold {
            &tables::HELVETICA_BOLD_W
        } else {
            &tables::HELVETICA_W
        })
    } else if base_font.starts_with(b"Times") {
        Some(if bold {
            &tables::TIMES_BOLD_W
        } else {
            &tables::TIMES_W
        })
    } else {
        None
    }
}

/// "ABCDEF+Calibri" → "Calibri".
fn strip_subset(name: &[u8]) -> &[u8] {
    if name.len() > 7 && name[6] == b'+' && name[..6].iter().all(u8::is_ascii_uppercase) {
        &name[7..]
    } else {
        name
    }
}

/// Maps a glyph name to text: the Adobe Glyph List, `uniXXXX…`, `uXXXX[XX]`, ligature
/// components joined by `_`, suffixes after `.` dropped.
pub fn glyph_name_to_uni(name: &str) -> Uni {
    let base = name.split('.').next().unwrap_or(name);
    if base.is_empty() {
        return Uni::None;
    }
    if let Ok(i) = tables::GLYPHS.binary_search_by(|(n, _)| (*n).cmp(base)) {
        if let Some((_, u)) = tables::GLYPHS.get(i) {
            return Uni::from_str(u);
        }
    }
    if let Some(hex) = base.strip_prefix("uni") {
        if hex.len() >= 4 && hex.len() % 4 == 0 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            let units: Vec<u16> = hex
                .as_bytes()
                .chunks(4)
                .filter_map(|c| u16::from_str_radix(std::str::from_utf8(c).ok()?, 16).ok())
                .collect();
            let s = String::from_utf16_lossy(&units);
            return Uni::from_str(&s);
        }
    }
    if let Some(hex) = base.strip_prefix('u') {
        if (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            if let Some(c) = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32) {
                return Uni::Char(c);
            }
        }
    }
    if base.contains('_') {
        let mut s = String::new();
        for part in base.split('_') {
            match glyph_name_to_uni(part) {
                Uni::None => return Uni::None,
                u => u.push_to(&mut s),
            }
        }
        return Uni::from_str(&s);
    }
    Uni::None
}

/// Last resort for names like `g65`, `cid65`, `c65`, `G65`: the number as a printable ASCII
/// code. Only used when the base encoding has nothing for the code either.
fn numbered_name_fallback(name: &str) -> Option<Uni> {
    let digits = name.trim_start_matches(|c: char| c.is_ascii_alphabetic());
    let prefix = &name[..name.len() - digits.len()];
    if !matches!(prefix, "g" | "G" | "cid" | "c" | "a" | "glyph") || digits.is_empty() {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (33..127)
        .contains(&n)
        .then(|| Uni::Char(char::from(n as u8)))
}

fn to_unicode(doc: &Document, dict: &Dictionary, max_stream: usize) -> Option<CMap> {
    match deref(doc, dict.get(b"ToUnicode").ok()) {
        Some(Object::Stream(s)) => {
            let bytes = s.decompressed_content_with_limit(max_stream).ok()?;
            let cm = cmap::parse(&bytes, false);
            (!cm.map.is_empty()).then_some(cm)
        }
        _ => None,
    }
}

/// The `dup <code> /<name> put` entries of an embedded Type 1 font program's encoding.
fn type1_builtin_encoding(
    doc: &Document,
    descriptor: &Dictionary,
    max_stream: usize,
) -> Option<Vec<(u8, String)>> {
    let Some(Object::Stream(s)) = deref(doc, descriptor.get(b"FontFile").ok()) else {
        return None;
    };
    let data = s
        .decompressed_content_with_limit(max_stream.min(16 << 20))
        .ok()?;
    let clear_len = num(doc, s.dict.get(b"Length1").ok())
        .map(|l| l as usize)
        .unwrap_or(data.len())
        .min(data.len());
    let clear = data.get(..clear_len)?;
    let start = clear.windows(9).position(|w| w == b"/Encoding")?;
    let text = String::from_utf8_lossy(clear.get(start..)?);
    if text.starts_with("/Encoding StandardEncoding") {
        return None;
    }
    let mut out = Vec::new();
    let mut words = text.split_ascii_whitespace().peekable();
    while let Some(w) = words.next() {
        if w == "dup" {
            let code = words.next().and_then(|c| c.parse::<u8>().ok());
            let name = words.next().and_then(|n| n.strip_prefix('/'));
            if let (Some(code), Some(name)) = (code, name) {
                out.push((code, name.to_string()));
            }
        } else if (w == "readonly" || w == "def") && !out.is_empty() {
            break;
        }
    }
    Some(out)
}

/// Expands a CID font /W array into CID → width, bounded.
fn parse_w_array(doc: &Document, w: &[Object]) -> HashMap<u32, f32> {
    const MAX_ENTRIES: usize = 1 << 17;
    let mut out = HashMap::new();
    let mut i = 0;
    while i < w.len() && out.len() < MAX_ENTRIES {
        let Some(first) = num(doc, w.get(i)) else {
            i += 1;
            continue;
        };
        let first = first.max(0.0) as u32;
        match w.get(i + 1).and_then(|o| deref(doc, Some(o))) {
            Some(Object::Array(ws)) => {
                for (k, wv) in ws.iter().enumerate() {
                    if let Some(v) = num(doc, Some(wv)) {
                        out.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(_) => {
                let last = num(doc, w.get(i + 1)).unwrap_or(0.0).max(0.0) as u32;
                let v = num(doc, w.get(i + 2)).unwrap_or(0.0);
                let last = last.min(first.saturating_add(MAX_ENTRIES as u32));
                for c in first..=last {
                    if out.len() >= MAX_ENTRIES {
                        break;
                    }
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
    out
}

pub fn deref<'a>(doc: &'a Document, o: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(o?).ok().map(|(_, o)| o)
}

pub fn as_dict(o: &Object) -> Option<&Dictionary> {
    match o {
        Object::Dictionary(d) => Some(d),
        Object::Stream(s) => Some(&s.dict),
        _ => None,
    }
}

pub fn num(doc: &Document, o: Option<&Object>) -> Option<f32> {
    match deref(doc, o)? {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

pub fn name_of(doc: &Document, o: Option<&Object>) -> Option<Vec<u8>> {
    match deref(doc, o)? {
        Object::Name(n) => Some(n.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glyph_names() {
        assert_eq!(glyph_name_to_uni("edieresis"), Uni::Char('ë'));
        assert_eq!(glyph_name_to_uni("fi"), Uni::Char('\u{FB01}'));
        assert_eq!(glyph_name_to_uni("uni00EB"), Uni::Char('ë'));
        assert_eq!(glyph_name_to_uni("u1F600"), Uni::Char('\u{1F600}'));
        assert_eq!(glyph_name_to_uni("f_f_i"), Uni::Char('\u{FB03}'));
        assert_eq!(glyph_name_to_uni("a.sc"), Uni::Char('a'));
        assert_eq!(glyph_name_to_uni("g12"), Uni::None);
        assert_eq!(numbered_name_fallback("g65"), Some(Uni::Char('A')));
    }
}
