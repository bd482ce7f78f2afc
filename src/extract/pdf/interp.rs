//! Content stream interpreter: runs the text and graphics-state operators of a page (and the form
//! XObjects it draws) and records every glyph with its position, advance and size in page space.
//! Everything else (paths, images, colours) is skipped. Bounded by a form-nesting depth, a visited
//! set, an invocation budget, a glyph budget and the document's deadline.

use std::collections::HashMap;
use std::rc::Rc;
use std::time::Instant;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::font::{as_dict, deref, Font};
use super::lexer::{Lexer, Operand, Token};

/// Form XObjects nest at most this deep.
const MAX_FORM_DEPTH: usize = 12;
/// At most this many form XObject invocations per page (a diamond of forms drawing each other
/// twice would otherwise be exponential).
const MAX_FORM_CALLS: usize = 4000;
/// At most this many glyphs per page.
const MAX_GLYPHS: usize = 2_000_000;
/// q nesting beyond this is ignored (Q still pops).
const MAX_GSTACK: usize = 256;

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Matrix([f32; 6]);

impl Matrix {
    pub const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self × other` (PDF's row-vector convention: apply self first, then other).
    pub fn mul(&self, o: &Matrix) -> Matrix {
        let [a1, b1, c1, d1, e1, f1] = self.0;
        let [a2, b2, c2, d2, e2, f2] = o.0;
        Matrix([
            a1 * a2 + b1 * c2,
            a1 * b2 + b1 * d2,
            c1 * a2 + d1 * c2,
            c1 * b2 + d1 * d2,
            e1 * a2 + f1 * c2 + e2,
            e1 * b2 + f1 * d2 + f2,
        ])
    }

    pub fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    fn from_ops(ops: &[Operand<'_>]) -> Option<Matrix> {
        if ops.len() < 6 {
            return None;
        }
        let mut m = [0.0f32; 6];
        for (slot, op) in m.iter_mut().zip(&ops[ops.len() - 6..]) {
            *slot = op.num()?;
        }
        Some(Matrix(m))
    }

    pub fn from_object(doc: &Document, o: Option<&Object>) -> Option<Matrix> {
        let arr = deref(doc, o)?.as_array().ok()?;
        if arr.len() != 6 {
            return None;
        }
        let mut m = [0.0f32; 6];
        for (slot, v) in m.iter_mut().zip(arr) {
            *slot = super::font::num(doc, Some(v))?;
        }
        Some(Matrix(m))
    }
}

/// A glyph as placed on the page, in the upright frame of its writing direction.
#[derive(Debug, Clone, Copy)]
pub struct PChar {
    /// Start of the baseline, in the rotated frame where this glyph's text runs left to right.
    pub x: f32,
    pub y: f32,
    /// Advance along the baseline (character spacing included, word spacing not).
    pub w: f32,
    /// Font size in page units.
    pub size: f32,
    /// Writing direction: 0 → +x, 1 → +y, 2 → −x, 3 → −y (page space).
    pub dir: u8,
    pub space: bool,
    /// Range of the glyph's text in [`PageChars::text`].
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Default)]
pub struct PageChars {
    pub chars: Vec<PChar>,
    pub text: String,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    font: Option<Rc<Font>>,
    font_size: f32,
    char_space: f32,
    word_space: f32,
    hscale: f32,
    leading: f32,
    rise: f32,
}

pub enum Stop {
    Deadline,
}

pub struct Interp<'d> {
    doc: &'d Document,
    /// Keyed by (is an indirect object, object id or dictionary address).
    fonts: HashMap<(bool, u64), Rc<Font>>,
    max_stream: usize,
    deadline: Instant,
    form_calls: usize,
    form_stack: Vec<ObjectId>,
    /// Page box (x0, y0, x1, y1) in default user space: glyphs far outside it are dropped.
    bbox: (f32, f32, f32, f32),
    pub out: PageChars,
    /// Images drawn on the current page (XObject or inline): a textless page with images is a scan.
    pub images: usize,
    ops_since_check: u32,
}

impl<'d> Interp<'d> {
    pub fn new(
        doc: &'d Document,
        max_stream: usize,
        deadline: Instant,
        bbox: (f32, f32, f32, f32),
    ) -> Self {
        Interp {
            doc,
            fonts: HashMap::new(),
            max_stream,
            deadline,
            form_calls: 0,
            form_stack: Vec::new(),
            bbox,
            out: PageChars::default(),
            images: 0,
            ops_since_check: 0,
        }
    }

    /// Starts a new page, keeping the font cache.
    pub fn reset(&mut self, bbox: (f32, f32, f32, f32)) {
        self.form_calls = 0;
        self.form_stack.clear();
        self.bbox = bbox;
        self.images = 0;
        self.out = PageChars::default();
    }

    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Rc<Font> {
        let doc = self.doc;
        let fonts = resources
            .and_then(|r| deref(doc, r.get(b"Font").ok()))
            .and_then(as_dict);
        let entry = fonts.and_then(|f| f.get(name).ok());
        let (key, dict) = match entry {
            Some(Object::Reference(id)) => (
                (true, u64::from(id.0) << 16 | u64::from(id.1)),
                deref(doc, entry).and_then(as_dict),
            ),
            Some(Object::Dictionary(d)) => ((false, d as *const Dictionary as u64), Some(d)),
            _ => ((false, 0), None),
        };
        if let Some(f) = self.fonts.get(&key) {
            return f.clone();
        }
        let font = Rc::new(match dict {
            Some(d) => Font::load(doc, d, self.max_stream),
            None => Font::fallback(),
        });
        self.fonts.insert(key, font.clone());
        font
    }

    /// Runs one content stream with `resources`, starting from `ctm`.
    pub fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'d Dictionary>,
        ctm: Matrix,
    ) -> Result<(), Stop> {
        let mut gs = GState {
            ctm,
            font: None,
            font_size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            hscale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut stack: Vec<GState> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut ops: Vec<Operand<'_>> = Vec::with_capacity(8);
        let mut lex = Lexer::new(content);
        while let Some(tok) = lex.next_token() {
            let op = match tok {
                Token::Operand(o) => {
                    if ops.len() < 64 {
                        ops.push(o);
                    }
                    continue;
                }
                Token::Op(op) => op,
                Token::InlineImage => {
                    self.images += 1;
                    ops.clear();
                    continue;
                }
                Token::Skip => {
                    ops.clear();
                    continue;
                }
            };
            self.ops_since_check += 1;
            if self.ops_since_check >= 4096 {
                self.ops_since_check = 0;
                if Instant::now() > self.deadline {
                    return Err(Stop::Deadline);
                }
            }
            let n = |i: usize| -> f32 {
                ops.len()
                    .checked_sub(i)
                    .and_then(|k| ops.get(k))
                    .and_then(Operand::num)
                    .unwrap_or(0.0)
            };
            match op {
                b"q" if stack.len() < MAX_GSTACK => stack.push(gs.clone()),
                b"q" => {}
                b"Q" => {
                    if let Some(g) = stack.pop() {
                        gs = g;
                    }
                }
                b"cm" => {
                    if let Some(m) = Matrix::from_ops(&ops) {
                        gs.ctm = m.mul(&gs.ctm);
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tf" => {
                    gs.font_size = n(1);
                    if let Some(Operand::Name(name)) =
                        ops.len().checked_sub(2).and_then(|k| ops.get(k))
                    {
                        gs.font = Some(self.font(resources, name));
                    }
                }
                b"Tc" => gs.char_space = n(1),
                b"Tw" => gs.word_space = n(1),
                b"Tz" => gs.hscale = n(1) / 100.0,
                b"TL" => gs.leading = n(1),
                b"Ts" => gs.rise = n(1),
                b"Td" => {
                    tlm = Matrix([1.0, 0.0, 0.0, 1.0, n(2), n(1)]).mul(&tlm);
                    tm = tlm;
                }
                b"TD" => {
                    gs.leading = -n(1);
                    tlm = Matrix([1.0, 0.0, 0.0, 1.0, n(2), n(1)]).mul(&tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = Matrix::from_ops(&ops) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading]).mul(&tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op == b"\"" {
                        gs.word_space = n(3);
                        gs.char_space = n(2);
                    }
                    if op != b"Tj" {
                        tlm = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, -gs.leading]).mul(&tlm);
                        tm = tlm;
                    }
                    if let Some(Operand::Str(s)) = ops.last() {
                        self.show(&gs, &mut tm, s);
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = ops.last() {
                        for item in items {
                            match item {
                                Operand::Str(s) => self.show(&gs, &mut tm, s),
                                Operand::Num(adj) if adj.is_finite() => {
                                    let tx = -adj / 1000.0 * gs.font_size * gs.hscale;
                                    tm.0[4] += tx * tm.0[0];
                                    tm.0[5] += tx * tm.0[1];
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" => {
                    if let Some(Operand::Name(name)) = ops.last() {
                        let name = name.to_vec();
                        self.form(resources, &name, gs.ctm)?;
                    }
                }
                _ => {}
            }
            ops.clear();
        }
        Ok(())
    }

    fn form(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
        ctm: Matrix,
    ) -> Result<(), Stop> {
        let doc = self.doc;
        if self.form_stack.len() >= MAX_FORM_DEPTH || self.form_calls >= MAX_FORM_CALLS {
            return Ok(());
        }
        let xobjects = resources
            .and_then(|r| deref(doc, r.get(b"XObject").ok()))
            .and_then(as_dict);
        let Some(entry) = xobjects.and_then(|x| x.get(name).ok()) else {
            return Ok(());
        };
        let Ok((id, Object::Stream(stream))) = doc.dereference(entry) else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name).ok() {
            Some(b"Form") => {}
            Some(b"Image") => {
                self.images += 1;
                return Ok(());
            }
            _ => return Ok(()),
        }
        if let Some(id) = id {
            if self.form_stack.contains(&id) {
                return Ok(());
            }
        }
        self.form_calls += 1;
        let Ok(content) = stream.decompressed_content_with_limit(self.max_stream) else {
            return Ok(());
        };
        let matrix =
            Matrix::from_object(doc, stream.dict.get(b"Matrix").ok()).unwrap_or(Matrix::IDENTITY);
        let own = deref(doc, stream.dict.get(b"Resources").ok()).and_then(as_dict);
        let res = own.or(resources);
        self.form_stack.push(id.unwrap_or((0, 0)));
        let r = self.run(&content, res, matrix.mul(&ctm));
        self.form_stack.pop();
        r
    }

    fn show(&mut self, gs: &GState, tm: &mut Matrix, s: &[u8]) {
        let font = match &gs.font {
            Some(f) => f.clone(),
            None => self.font(None, b""),
        };
        let fs = gs.font_size;
        let th = gs.hscale;
        let bbox = self.bbox;
        let out = &mut self.out;
        font.decode(s, |g| {
            let m = tm.mul(&gs.ctm);
            let adv_glyph = (g.width * fs + gs.char_space) * th;
            let adv = adv_glyph
                + if g.word_space {
                    gs.word_space * th
                } else {
                    0.0
                };
            if out.chars.len() < MAX_GLYPHS {
                let (x0, y0) = m.apply(0.0, gs.rise);
                let (x1, y1) = m.apply(adv_glyph, gs.rise);
                let (dx, dy) = (x1 - x0, y1 - y0);
                let size = fs.abs() * (m.0[2] * m.0[2] + m.0[3] * m.0[3]).sqrt();
                let inside = x0 >= bbox.0 - 20.0
                    && x0 <= bbox.2 + 20.0
                    && y0 >= bbox.1 - 20.0
                    && y0 <= bbox.3 + 20.0;
                if inside && x0.is_finite() && y0.is_finite() && size.is_finite() {
                    // Direction from the text matrix; fall back to the x axis for zero-width glyphs.
                    let (ax, ay) = if dx == 0.0 && dy == 0.0 {
                        (m.0[0], m.0[1])
                    } else {
                        (dx, dy)
                    };
                    let dir = if ax.abs() >= ay.abs() {
                        if ax >= 0.0 {
                            0
                        } else {
                            2
                        }
                    } else if ay > 0.0 {
                        1
                    } else {
                        3
                    };
                    let (x, y) = rotate(dir, x0, y0);
                    let start = out.text.len() as u32;
                    g.uni.push_to(&mut out.text);
                    let end = out.text.len() as u32;
                    out.chars.push(PChar {
                        x,
                        y,
                        w: (dx * dx + dy * dy).sqrt(),
                        size,
                        dir,
                        space: g.is_space,
                        start,
                        end,
                    });
                }
            }
            tm.0[4] += adv * tm.0[0];
            tm.0[5] += adv * tm.0[1];
        });
    }
}

/// Rotates a page-space point into the frame where direction `dir` runs along +x.
pub fn rotate(dir: u8, x: f32, y: f32) -> (f32, f32) {
    match dir {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}
