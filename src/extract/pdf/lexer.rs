//! Tokenizer for content streams and CMaps: turns bytes into operands and operators without
//! allocating for the common cases. It never fails: malformed bytes are skipped, so a damaged
//! stream yields whatever text is readable.

use std::borrow::Cow;

/// Deeper arrays than this in a content stream are flattened away (their contents dropped).
const MAX_ARRAY_DEPTH: usize = 16;
/// An array with more elements than this is truncated (a TJ array is rarely longer than a line).
const MAX_ARRAY_LEN: usize = 100_000;

#[derive(Debug, Clone, PartialEq)]
pub enum Operand<'a> {
    Num(f32),
    Str(Cow<'a, [u8]>),
    Name(Cow<'a, [u8]>),
    Array(Vec<Operand<'a>>),
    /// Dictionaries, booleans, null: kept only as placeholders so operand counts stay right.
    Other,
}

impl Operand<'_> {
    pub fn num(&self) -> Option<f32> {
        match self {
            Operand::Num(n) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum Token<'a> {
    Operand(Operand<'a>),
    /// An operator keyword such as `Tj`, `BT`, `'`.
    Op(&'a [u8]),
    /// The binary data of an inline image (`BI … ID data EI`), already skipped.
    InlineImage,
    /// `>>` or `]` or `}` out of place, or `<<`: structural bytes of no interest.
    Skip,
}

pub struct Lexer<'a> {
    buf: &'a [u8],
    pub pos: usize,
}

pub fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\n' | b'\r' | b'\t' | b'\x0c' | b'\0')
}

pub fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn hex_val(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

impl<'a> Lexer<'a> {
    pub fn new(buf: &'a [u8]) -> Self {
        Lexer { buf, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.buf.get(self.pos).copied()
    }

    fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    /// The next token, or `None` at the end of the buffer.
    pub fn next_token(&mut self) -> Option<Token<'a>> {
        self.skip_white();
        let b = self.peek()?;
        let tok = match b {
            b'(' => Token::Operand(Operand::Str(self.literal_string())),
            b'<' => {
                if self.buf.get(self.pos + 1) == Some(&b'<') {
                    self.pos += 2;
                    self.skip_dict();
                    Token::Operand(Operand::Other)
                } else {
                    Token::Operand(Operand::Str(Cow::Owned(self.hex_string())))
                }
            }
            b'/' => Token::Operand(Operand::Name(self.name())),
            b'[' => {
                self.pos += 1;
                Token::Operand(self.array(1))
            }
            b'0'..=b'9' | b'+' | b'-' | b'.' => Token::Operand(Operand::Num(self.number())),
            b']' | b'>' | b')' | b'{' | b'}' => {
                self.pos += 1;
                Token::Skip
            }
            _ => {
                let start = self.pos;
                while let Some(c) = self.peek() {
                    if is_white(c) || is_delim(c) {
                        break;
                    }
                    self.pos += 1;
                }
                let word = self.buf.get(start..self.pos).unwrap_or_default();
                match word {
                    b"true" | b"false" | b"null" => Token::Operand(Operand::Other),
                    b"ID" => {
                        self.skip_inline_image();
                        Token::InlineImage
                    }
                    _ => Token::Op(word),
                }
            }
        };
        Some(tok)
    }

    fn number(&mut self) -> f32 {
        let start = self.pos;
        // Lenient: "--5", "5-", "1.2.3" are seen in the wild; take what parses.
        while let Some(c) = self.peek() {
            if c.is_ascii_digit() || c == b'.' || c == b'-' || c == b'+' || c == b'e' || c == b'E' {
                self.pos += 1;
            } else {
                break;
            }
        }
        let raw = self.buf.get(start..self.pos).unwrap_or_default();
        parse_number(raw)
    }

    fn name(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let start = self.pos;
        let mut has_escape = false;
        while let Some(c) = self.peek() {
            if is_white(c) || is_delim(c) {
                break;
            }
            if c == b'#' {
                has_escape = true;
            }
            self.pos += 1;
        }
        let raw = self.buf.get(start..self.pos).unwrap_or_default();
        if !has_escape {
            return Cow::Borrowed(raw);
        }
        let mut out = Vec::with_capacity(raw.len());
        let mut i = 0;
        while i < raw.len() {
            let c = raw[i];
            if c == b'#' && i + 2 < raw.len() {
                if let (Some(h), Some(l)) = (hex_val(raw[i + 1]), hex_val(raw[i + 2])) {
                    out.push(h << 4 | l);
                    i += 3;
                    continue;
                }
            }
            out.push(c);
            i += 1;
        }
        Cow::Owned(out)
    }

    fn literal_string(&mut self) -> Cow<'a, [u8]> {
        self.pos += 1;
        let start = self.pos;
        // Fast path: no escapes and balanced parentheses.
        let mut depth = 0usize;
        let mut i = self.pos;
        while let Some(&c) = self.buf.get(i) {
            match c {
                b'\\' => break,
                b'(' => depth += 1,
                b')' => {
                    if depth == 0 {
                        self.pos = i + 1;
                        return Cow::Borrowed(self.buf.get(start..i).unwrap_or_default());
                    }
                    depth -= 1;
                }
                _ => {}
            }
            i += 1;
        }
        let mut out = Vec::new();
        let mut depth = 0usize;
        while let Some(c) = self.peek() {
            self.pos += 1;
            match c {
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        b'0'..=b'7' => {
                            let mut v: u32 = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push((v & 0xFF) as u8);
                        }
                        other => out.push(other),
                    }
                }
                b'(' => {
                    depth += 1;
                    out.push(c);
                }
                b')' => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                    out.push(c);
                }
                _ => out.push(c),
            }
        }
        Cow::Owned(out)
    }

    fn hex_string(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut hi: Option<u8> = None;
        while let Some(c) = self.peek() {
            self.pos += 1;
            if c == b'>' {
                break;
            }
            if let Some(v) = hex_val(c) {
                match hi.take() {
                    Some(h) => out.push(h << 4 | v),
                    None => hi = Some(v),
                }
            }
        }
        if let Some(h) = hi {
            out.push(h << 4);
        }
        out
    }

    fn array(&mut self, depth: usize) -> Operand<'a> {
        let mut items = Vec::new();
        loop {
            self.skip_white();
            let Some(b) = self.peek() else { break };
            if b == b']' {
                self.pos += 1;
                break;
            }
            if b == b'[' {
                self.pos += 1;
                let inner = self.array(depth + 1);
                if depth < MAX_ARRAY_DEPTH && items.len() < MAX_ARRAY_LEN {
                    items.push(inner);
                }
                continue;
            }
            let before = self.pos;
            match self.next_token() {
                Some(Token::Operand(op)) => {
                    if items.len() < MAX_ARRAY_LEN {
                        items.push(op);
                    }
                }
                // An operator inside an array means the array was never closed: stop here and
                // let the operator be re-read as an operator.
                Some(Token::Op(_)) => {
                    self.pos = before;
                    break;
                }
                Some(_) => {}
                None => break,
            }
            if self.pos == before {
                self.pos += 1;
            }
        }
        if depth > MAX_ARRAY_DEPTH {
            Operand::Other
        } else {
            Operand::Array(items)
        }
    }

    /// Skips a dictionary body after `<<`, nested ones included, without building it.
    fn skip_dict(&mut self) {
        let mut depth = 1usize;
        while let Some(c) = self.peek() {
            match c {
                b'(' => {
                    let _ = self.literal_string();
                }
                b'<' if self.buf.get(self.pos + 1) == Some(&b'<') => {
                    depth += 1;
                    self.pos += 2;
                }
                b'<' => {
                    let _ = self.hex_string();
                }
                b'>' if self.buf.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    /// After `ID`: skips one whitespace byte and the image data up to `EI` between whitespace.
    fn skip_inline_image(&mut self) {
        self.pos += 1;
        let mut i = self.pos;
        while i + 1 < self.buf.len() {
            if self.buf[i] == b'E'
                && self.buf[i + 1] == b'I'
                && i > 0
                && is_white(self.buf[i - 1])
                && self.buf.get(i + 2).is_none_or(|&c| is_white(c))
            {
                self.pos = i + 2;
                return;
            }
            i += 1;
        }
        self.pos = self.buf.len();
    }
}

/// Parses a PDF number leniently: `-.5`, `5.`, `--3` (as -3), garbage as 0.
pub fn parse_number(raw: &[u8]) -> f32 {
    let mut neg = false;
    let mut i = 0;
    while i < raw.len() && (raw[i] == b'-' || raw[i] == b'+') {
        if raw[i] == b'-' {
            neg = !neg;
        }
        i += 1;
    }
    let mut int: f64 = 0.0;
    let mut frac: f64 = 0.0;
    let mut scale = 1.0f64;
    let mut seen_dot = false;
    while i < raw.len() {
        let c = raw[i];
        if c.is_ascii_digit() {
            if seen_dot {
                scale *= 0.1;
                frac += f64::from(c - b'0') * scale;
            } else {
                int = int * 10.0 + f64::from(c - b'0');
            }
        } else if c == b'.' && !seen_dot {
            seen_dot = true;
        } else {
            break;
        }
        i += 1;
    }
    let v = (int + frac) as f32;
    let v = if v.is_finite() { v } else { 0.0 };
    if neg {
        -v
    } else {
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ops(src: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(src);
        let mut v = Vec::new();
        while let Some(t) = l.next_token() {
            v.push(t);
        }
        v
    }

    #[test]
    fn strings_numbers_arrays() {
        let t = ops(b"BT /F1 12 Tf (a\\(b\\)c\\101) Tj [(x) -250 (y)] TJ <48 69> Tj ET");
        assert_eq!(t[0], Token::Op(b"BT"));
        assert_eq!(t[1], Token::Operand(Operand::Name(Cow::Borrowed(b"F1"))));
        assert_eq!(t[2], Token::Operand(Operand::Num(12.0)));
        assert_eq!(
            t[4],
            Token::Operand(Operand::Str(Cow::Owned(b"a(b)cA".to_vec())))
        );
        match &t[6] {
            Token::Operand(Operand::Array(a)) => assert_eq!(a.len(), 3),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            t[8],
            Token::Operand(Operand::Str(Cow::Owned(b"Hi".to_vec())))
        );
    }

    #[test]
    fn inline_image_is_skipped() {
        let t = ops(b"BI /W 1 /H 1 ID \x00EI\xff EI Q");
        assert!(t.contains(&Token::InlineImage));
        assert_eq!(t.last(), Some(&Token::Op(b"Q")));
    }

    #[test]
    fn lenient_numbers() {
        assert_eq!(parse_number(b"--3"), 3.0);
        assert_eq!(parse_number(b"-.5"), -0.5);
        assert_eq!(parse_number(b"4."), 4.0);
    }
}
