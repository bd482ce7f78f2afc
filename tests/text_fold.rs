//! Folding invariants on awkward input, and hygiene + segmentation never panicking on it:
//! deterministic pseudo-random strings over an alphabet of the characters that cause trouble
//! (combining marks, ligatures, NBSP, soft hyphens, zero-width characters, curly quotes, dashes,
//! number words, clause-label fragments, multi-byte letters).

use clausescan::model::{Block, BlockKind, CellPos, Document, Page};
use clausescan::text::{
    clean, fold, fold_cased, fold_cased_mapped, is_boundary_after, is_boundary_before, segment,
    tokens,
};

const PIECES: &[&str] = &[
    "a",
    "B",
    "é",
    "e\u{0301}",
    "ß",
    "ﬁ",
    "ﬂ",
    " ",
    "\u{00A0}",
    "\t",
    "\n",
    "\n\n",
    "\u{00AD}",
    "\u{200B}",
    "\u{FEFF}",
    "“",
    "”",
    "‘",
    "’",
    "–",
    "—",
    "\u{2011}",
    "-",
    ".",
    "..",
    ";",
    ":",
    "(",
    ")",
    "(24)",
    "24",
    "1.000",
    "7.2",
    "Artikel 7",
    "(a)",
    "a.",
    "•",
    "vierentwintig",
    "twenty",
    "-four",
    "een",
    "one",
    "(1)",
    "acht",
    "uur",
    "İ",
    "Ǆ",
    "ﬀ",
    "½",
    "™",
    "𝔸",
    "漢",
    "🙂",
    "e.g.",
    "art. 28",
    "Bijlage II",
    "....",
    "…",
    " 3",
    "Pagina 2 van 9",
    "\r\n",
    "AI",
    "-systeem",
    "\u{0301}",
    "'",
    "\"",
    // what supplier names, AI products and restated numbers are read from
    "B.V.",
    "Ltd",
    "Acme",
    "Tekstlab",
    "Naam leverancier:",
    "(hierna: \"",
    ": een chatbot",
    ", an AI assistant",
    "(60) days",
    "generatieve AI",
    "☐",
    "☒",
    "Opdrachtgever",
];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }
}

fn random_text(rng: &mut Lcg, len: usize) -> String {
    (0..len)
        .map(|_| PIECES[rng.next() % PIECES.len()])
        .collect()
}

#[test]
fn fold_invariants_on_random_text() {
    let mut rng = Lcg(42);
    for round in 0..3000 {
        let o = random_text(&mut rng, round % 40);
        let f = fold(&o);
        assert_eq!(f.map.len(), f.text.len() + 1, "{o:?}");
        assert_eq!(f.ends.len(), f.text.len(), "{o:?}");
        assert!(
            f.map.windows(2).all(|w| w[0] <= w[1]),
            "map not monotonic: {o:?}"
        );
        assert!(
            f.ends.windows(2).all(|w| w[0] <= w[1]),
            "ends not monotonic: {o:?}"
        );
        assert_eq!(f.map.last(), Some(&o.len()));
        // every folded range maps to a valid original slice
        for s in 0..=f.text.len() {
            for e in [s, s + 1, s + 3, f.text.len()] {
                let r = f.original_range(s, e);
                assert!(o.get(r.clone()).is_some(), "{o:?} {s}..{e} -> {r:?}");
            }
        }
        // idempotent
        assert_eq!(fold(&f.text).text, f.text, "not idempotent: {o:?}");
        let c = fold_cased(&o);
        assert_eq!(fold_cased(&c), c, "cased not idempotent: {o:?}");
        assert_eq!(fold_cased_mapped(&o).map.len(), c.len() + 1);
        // no leading/trailing or double spaces
        assert!(!f.text.starts_with(' ') && !f.text.ends_with(' ') && !f.text.contains("  "));
        for b in 0..=f.text.len() + 1 {
            let _ = is_boundary_before(&f.text, b);
            let _ = is_boundary_after(&f.text, b);
        }
        for (s, e) in tokens(&f.text) {
            assert!(
                is_boundary_before(&f.text, s) && is_boundary_after(&f.text, e),
                "{o:?}"
            );
        }
    }
}

#[test]
fn hygiene_and_segmentation_never_panic() {
    let mut rng = Lcg(7);
    let kinds = [
        BlockKind::Paragraph,
        BlockKind::Heading { level: 1 },
        BlockKind::ListItem,
        BlockKind::TableCell,
        BlockKind::Footnote,
        BlockKind::Furniture,
    ];
    for round in 0..300 {
        let pages = (0..1 + round % 5)
            .map(|p| Page {
                number: (round % 2 == 0).then_some(p as u32 + 1),
                blocks: (0..rng.next() % 6)
                    .map(|_| {
                        let len = rng.next() % 30;
                        Block {
                            text: random_text(&mut rng, len),
                            kind: kinds[rng.next() % kinds.len()],
                            ..Block::default()
                        }
                    })
                    .collect(),
            })
            .collect();
        let doc = Document {
            pages,
            ..Document::default()
        };
        let s = segment(&clean(doc));
        let mut last_paragraph = 0;
        for (i, u) in s.units.iter().enumerate() {
            assert!(!u.text.trim().is_empty());
            if u.paragraph > 0 {
                assert!(u.paragraph >= last_paragraph);
                last_paragraph = u.paragraph;
            }
            let _ = s.clause_number(i);
            if let Some(c) = u.clause {
                assert!(
                    s.clauses[c].units.contains(&i),
                    "unit {i} outside its clause"
                );
            }
        }
        for (ci, c) in s.clauses.iter().enumerate() {
            assert!(c.units.start <= c.units.end && c.units.end <= s.units.len());
            if let Some(p) = c.parent {
                assert!(p < ci);
                let parent = &s.clauses[p];
                assert!(parent.units.start <= c.units.start && c.units.end <= parent.units.end);
            }
        }
    }
}

#[test]
fn a_replaced_name_still_points_at_the_original_text() {
    let original = "Naar het oordeel van DataVista; DataVista-cloud en subDataVista blijven.";
    let mut f = fold(original);
    assert!(f.replace_tokens("datavista", "de leverancier"));
    assert_eq!(
        f.text,
        "naar het oordeel van de leverancier; datavista-cloud en subdatavista blijven."
    );
    let at = f.text.find("de leverancier").unwrap();
    let range = f.original_range(at, at + "de leverancier".len());
    assert_eq!(&original[range], "DataVista");
    // everything after the replacement keeps its place in the original
    let tail = f.text.find("blijven").unwrap();
    assert_eq!(&original[f.original_range(tail, tail + 7)], "blijven");
    assert_eq!(f.map.len(), f.text.len() + 1);
    assert_eq!(f.ends.len(), f.text.len());
    assert!(!f.replace_tokens("acme", "the supplier"));
}

/// The whole engine on random documents made of the pieces above (supplier names, legal forms,
/// AI product descriptions, ticked options): it must never panic, and every piece of evidence
/// must be a slice of the text it came from.
#[test]
fn the_engine_never_panics_on_random_documents() {
    let library = clausescan::library::Library::builtin().expect("built-in library");
    let engine =
        clausescan::engine::Engine::new(&library, "all", &clausescan::engine::Settings::default())
            .expect("profile all");
    let mut rng = Lcg(2026);
    for round in 0..300 {
        // Every third document is a table, two or three columns wide, so that header cells and
        // row labels are read too.
        let columns = 2 + rng.next() % 2;
        let blocks = (0..2 + rng.next() % 12)
            .map(|i| {
                let len = 1 + rng.next() % 40;
                let table = round % 3 == 0;
                Block {
                    text: random_text(&mut rng, len),
                    kind: if table {
                        BlockKind::TableCell
                    } else {
                        BlockKind::Paragraph
                    },
                    cell: table.then(|| CellPos {
                        table: 0,
                        row: (i / columns) as u32,
                        col: (i % columns) as u32,
                    }),
                    ..Block::default()
                }
            })
            .collect();
        let doc = Document {
            pages: vec![Page {
                number: Some(1),
                blocks,
            }],
            ..Document::default()
        };
        let _ = engine.analyse(&clean(doc), "random.txt");
    }
}
