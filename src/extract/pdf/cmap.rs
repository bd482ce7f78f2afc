//! CMap streams: ToUnicode maps (bfchar, bfrange with start value or array) and embedded encoding
//! CMaps of composite fonts (codespace ranges, cidchar, cidrange). Bounded: ranges are capped so a
//! hostile `<0000> <FFFFFFFF>` cannot allocate gigabytes.

use std::collections::HashMap;

use super::font::Uni;
use super::lexer::{Lexer, Operand, Token};

/// At most this many codes from one bfrange/cidrange, and this many in total.
const MAX_RANGE: u32 = 1 << 16;
const MAX_TOTAL: usize = 1 << 18;

/// A codespace range: codes of `len` bytes between `lo` and `hi`.
#[derive(Debug, Clone, Copy)]
pub struct Range {
    pub len: u8,
    pub lo: u32,
    pub hi: u32,
}

#[derive(Debug, Default)]
pub struct CMap {
    pub codespace: Vec<Range>,
    pub map: HashMap<u32, Uni>,
    pub cids: HashMap<u32, u32>,
}

fn code_of(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

fn utf16(bytes: &[u8]) -> String {
    if bytes.len() == 1 {
        return char::from(bytes[0]).to_string();
    }
    let units: Vec<u16> = bytes
        .chunks(2)
        .map(|c| match c {
            [a, b] => u16::from_be_bytes([*a, *b]),
            [a] => u16::from(*a),
            _ => 0,
        })
        .collect();
    String::from_utf16_lossy(&units)
}

fn dest(bytes: &[u8]) -> Uni {
    let s = utf16(&unswap(bytes));
    // <0000> and control characters are "no text", except tab/newline which read as a space.
    let s: String = s
        .chars()
        .filter_map(|c| match c {
            '\0' | '\u{FFFD}' => None,
            '\t' | '\n' | '\r' => Some(' '),
            c if c.is_control() => None,
            c => Some(c),
        })
        .collect();
    Uni::from_str(&s)
}

/// Ghostscript writes some multi-character destinations byte-swapped (`<66006900>` for "fi"),
/// which reads as CJK ideographs. Swap them back when every unit is `XX00` with printable ASCII.
fn unswap(bytes: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    let swapped = bytes.len() >= 4
        && bytes.len() % 2 == 0
        && bytes
            .chunks(2)
            .all(|c| c.len() == 2 && c[1] == 0 && (0x20..0x7F).contains(&c[0]));
    if swapped {
        std::borrow::Cow::Owned(bytes.chunks(2).flat_map(|c| [c[1], c[0]]).collect())
    } else {
        std::borrow::Cow::Borrowed(bytes)
    }
}

/// Parses a CMap. With `cid`, reads cidchar/cidrange (encoding CMaps); otherwise bfchar/bfrange.
pub fn parse(bytes: &[u8], cid: bool) -> CMap {
    let mut cm = CMap::default();
    let mut lex = Lexer::new(bytes);
    let mut ops: Vec<Operand<'_>> = Vec::new();
    let mut total = 0usize;
    while let Some(tok) = lex.next_token() {
        match tok {
            Token::Operand(o) if ops.len() < 3 * 10_000 => ops.push(o),
            Token::Operand(_) => {}
            Token::Op(op) => {
                match op {
                    b"endcodespacerange" => {
                        for pair in ops.chunks(2) {
                            if let [Operand::Str(lo), Operand::Str(hi)] = pair {
                                if (1..=4).contains(&lo.len()) {
                                    cm.codespace.push(Range {
                                        len: lo.len() as u8,
                                        lo: code_of(lo),
                                        hi: code_of(hi),
                                    });
                                }
                            }
                        }
                    }
                    b"endbfchar" if !cid => {
                        for pair in ops.chunks(2) {
                            if let [Operand::Str(src), dst] = pair {
                                let u = match dst {
                                    Operand::Str(d) => dest(d),
                                    Operand::Name(n) => {
                                        super::font::glyph_name_to_uni(&String::from_utf8_lossy(n))
                                    }
                                    _ => Uni::None,
                                };
                                if total < MAX_TOTAL {
                                    cm.map.insert(code_of(src), u);
                                    total += 1;
                                }
                            }
                        }
                    }
                    b"endbfrange" if !cid => {
                        for triple in ops.chunks(3) {
                            let [Operand::Str(lo), Operand::Str(hi), dst] = triple else {
                                continue;
                            };
                            let (lo, hi) = (code_of(lo), code_of(hi));
                            if hi < lo {
                                continue;
                            }
                            let hi = hi.min(lo.saturating_add(MAX_RANGE - 1));
                            match dst {
                                Operand::Str(d) => {
                                    let mut units: Vec<u16> = d
                                        .chunks(2)
                                        .map(|c| match c {
                                            [a, b] => u16::from_be_bytes([*a, *b]),
                                            [a] => u16::from(*a),
                                            _ => 0,
                                        })
                                        .collect();
                                    if units.is_empty() {
                                        continue;
                                    }
                                    let last = units.len() - 1;
                                    let base = units[last];
                                    for code in lo..=hi {
                                        if total >= MAX_TOTAL {
                                            break;
                                        }
                                        units[last] = base.wrapping_add((code - lo) as u16);
                                        let s = String::from_utf16_lossy(&units);
                                        let bytes: Vec<u8> =
                                            units.iter().flat_map(|u| u.to_be_bytes()).collect();
                                        let u = if s.contains('\u{FFFD}') {
                                            Uni::None
                                        } else {
                                            dest(&bytes)
                                        };
                                        cm.map.insert(code, u);
                                        total += 1;
                                    }
                                }
                                Operand::Array(items) => {
                                    for (k, item) in items.iter().enumerate() {
                                        let code = lo.saturating_add(k as u32);
                                        if code > hi || total >= MAX_TOTAL {
                                            break;
                                        }
                                        if let Operand::Str(d) = item {
                                            cm.map.insert(code, dest(d));
                                            total += 1;
                                        }
                                    }
                                }
                                _ => {}
                            }
                        }
                    }
                    b"endcidchar" if cid => {
                        for pair in ops.chunks(2) {
                            if let [Operand::Str(src), Operand::Num(c)] = pair {
                                if total < MAX_TOTAL {
                                    cm.cids.insert(code_of(src), c.max(0.0) as u32);
                                    total += 1;
                                }
                            }
                        }
                    }
                    b"endcidrange" if cid => {
                        for triple in ops.chunks(3) {
                            if let [Operand::Str(lo), Operand::Str(hi), Operand::Num(c)] = triple {
                                let (lo, hi) = (code_of(lo), code_of(hi));
                                let hi = hi.min(lo.saturating_add(MAX_RANGE - 1));
                                let c = c.max(0.0) as u32;
                                for code in lo..=hi {
                                    if total >= MAX_TOTAL {
                                        break;
                                    }
                                    cm.cids.insert(code, c.saturating_add(code - lo));
                                    total += 1;
                                }
                            }
                        }
                    }
                    _ => {}
                }
                ops.clear();
            }
            _ => {}
        }
    }
    cm
}

/// Reads one code from the start of `bytes` following the codespace ranges (shortest match
/// first); falls back to the shortest range length, or one byte.
pub fn next_code(ranges: &[Range], bytes: &[u8]) -> (u32, usize) {
    for len in 1..=4usize {
        let Some(head) = bytes.get(..len) else { break };
        let code = code_of(head);
        if ranges
            .iter()
            .any(|r| usize::from(r.len) == len && r.lo <= code && code <= r.hi)
        {
            return (code, len);
        }
    }
    let len = ranges
        .iter()
        .map(|r| usize::from(r.len))
        .min()
        .unwrap_or(1)
        .clamp(1, bytes.len().max(1));
    (code_of(bytes.get(..len).unwrap_or(bytes)), len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bfchar_bfrange_array() {
        let src = b"1 begincodespacerange <0000> <FFFF> endcodespacerange
            2 beginbfchar <0003> <0020> <0011> <00660069> endbfchar
            2 beginbfrange <0020> <0022> <0041> <0030> <0031> [<00EB> <00E9>] endbfrange";
        let cm = parse(src, false);
        assert_eq!(cm.codespace.len(), 1);
        assert_eq!(cm.map.get(&3), Some(&Uni::Char(' ')));
        assert_eq!(cm.map.get(&0x11), Some(&Uni::Str("fi".into())));
        assert_eq!(cm.map.get(&0x22), Some(&Uni::Char('C')));
        assert_eq!(cm.map.get(&0x31), Some(&Uni::Char('é')));
        assert_eq!(next_code(&cm.codespace, &[0, 3, 1]), (3, 2));
    }

    #[test]
    fn hostile_range_is_capped() {
        let cm = parse(
            b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange",
            false,
        );
        assert!(cm.map.len() <= MAX_RANGE as usize);
    }
}
