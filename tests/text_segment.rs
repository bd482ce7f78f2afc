//! Hygiene and segmentation on realistic (hand-written) contract snippets in Dutch and English.

use clausescan::model::{Block, BlockKind, Document, Page};
use clausescan::text::{clean, fold, segment, ClauseKind, Segmented, UnitKind};

fn para(text: &str) -> Block {
    Block {
        text: text.to_string(),
        ..Block::default()
    }
}

fn heading(text: &str, level: u8) -> Block {
    Block {
        text: text.to_string(),
        kind: BlockKind::Heading { level },
        ..Block::default()
    }
}

/// A one-page document without page numbers (DOCX/TXT-like), one block per paragraph.
fn flat(blocks: Vec<Block>) -> Document {
    Document {
        pages: vec![Page {
            number: None,
            blocks,
        }],
        ..Document::default()
    }
}

fn txt(paragraphs: &str) -> Document {
    flat(paragraphs.split("\n\n").map(para).collect())
}

/// (text, kind, clause number) of every unit.
fn dump(s: &Segmented) -> Vec<(String, UnitKind, Option<String>)> {
    (0..s.units.len())
        .map(|i| {
            (
                s.units[i].text.clone(),
                s.units[i].kind,
                s.clause_number(i).map(str::to_string),
            )
        })
        .collect()
}

fn unit_of<'a>(s: &'a Segmented, starts: &str) -> (usize, &'a clausescan::text::Unit) {
    s.units
        .iter()
        .enumerate()
        .find(|(_, u)| u.text.starts_with(starts))
        .unwrap_or_else(|| panic!("no unit starting with {starts:?} in {:#?}", dump(s)))
}

const NL_DPA: &str = "Verwerkersovereenkomst

Artikel 1 Definities

1. Persoonsgegevens: alle informatie over een geïdentificeerde of identificeerbare natuurlijke persoon.

2. Onder Subverwerker wordt verstaan: een derde die door Verwerker wordt ingeschakeld.

Artikel 7 Beveiliging en meldplicht

7.1 Verwerker neemt passende technische en organisatorische maatregelen als bedoeld in art. 32 AVG. Deze maatregelen zijn o.a. vastgelegd in Bijlage 2.

7.2 Verwerker zal:
(a) een datalek binnen vierentwintig (24) uur melden aan Verwerkingsverantwoordelijke;
(b) alle informatie verstrekken die nodig is voor een melding als bedoeld in art. 33 lid 3 AVG.

7.3 (a) Verwerker houdt een register bij. Dit register bevat i.e. de aard van het datalek.

Artikel 8 Subverwerkers

Verwerker schakelt geen Subverwerker in zonder voorafgaande schriftelijke toestemming van Verwerkingsverantwoordelijke. De huidige versie 1.5 van de lijst staat in Bijlage 2.

Bijlage 2 Beveiligingsmaatregelen

1. Toegangsbeheer op basis van rollen.

2. Versleuteling van gegevens in rust en tijdens transport.";

#[test]
fn dutch_dpa_clauses_and_sentences() {
    let s = segment(&clean(txt(NL_DPA)));
    let d = dump(&s);
    assert_eq!(s.title.as_deref(), Some("Verwerkersovereenkomst"));

    // clause numbers and nesting
    let (i, u) = unit_of(&s, "Verwerker neemt passende");
    assert_eq!(s.clause_number(i), Some("7.1"), "{d:#?}");
    assert_eq!(u.kind, UnitKind::Sentence);
    // not split at "art. 32" nor at "o.a."
    assert!(u.text.ends_with("art. 32 AVG."), "{}", u.text);
    let (i, _) = unit_of(&s, "Deze maatregelen zijn o.a. vastgelegd in Bijlage 2.");
    assert_eq!(s.clause_number(i), Some("7.1"));

    let (i, u) = unit_of(&s, "een datalek binnen vierentwintig (24) uur");
    assert_eq!(u.kind, UnitKind::ListItem);
    assert_eq!(s.clause_number(i), Some("7.2(a)"));
    assert!(fold(&u.text).text.contains("binnen 24 uur melden"));
    let (i, u) = unit_of(&s, "alle informatie verstrekken");
    assert_eq!(s.clause_number(i), Some("7.2(b)"));
    assert!(u.text.contains("art. 33 lid 3 AVG."), "{}", u.text);

    let (i, _) = unit_of(&s, "Verwerker houdt een register bij.");
    assert_eq!(s.clause_number(i), Some("7.3(a)"));
    let (i, _) = unit_of(&s, "Dit register bevat i.e. de aard van het datalek.");
    assert_eq!(s.clause_number(i), Some("7.3(a)"));

    let (i, _) = unit_of(&s, "Verwerker schakelt geen Subverwerker");
    assert_eq!(s.clause_number(i), Some("Artikel 8"));
    let (_, u) = unit_of(&s, "De huidige versie 1.5 van de lijst");
    assert_eq!(u.kind, UnitKind::Sentence);

    // the tree: 7.2 under Artikel 7, (a) under 7.2, Artikel 8 closes 7
    let node = |num: &str| {
        s.clauses
            .iter()
            .position(|c| c.number.as_deref() == Some(num))
            .unwrap_or_else(|| panic!("no clause {num}: {:#?}", s.clauses))
    };
    let a7 = node("Artikel 7");
    let c72 = node("7.2");
    let c72a = node("7.2(a)");
    assert_eq!(s.clauses[c72].parent, Some(a7));
    assert_eq!(s.clauses[c72a].parent, Some(c72));
    assert_eq!(
        s.clauses[a7].heading.as_deref(),
        Some("Beveiliging en meldplicht")
    );
    assert_eq!(s.clauses[node("Artikel 8")].parent, s.clauses[a7].parent);
    let top = s.clauses[a7].parent.unwrap();
    assert_eq!(s.clauses[top].kind, ClauseKind::Section);
    assert_eq!(
        s.clauses[top].heading.as_deref(),
        Some("Verwerkersovereenkomst")
    );
    let (i8, _) = unit_of(&s, "Verwerker schakelt geen");
    assert!(!s.clauses[a7].units.contains(&i8));
    assert!(s.clauses[a7]
        .units
        .contains(&unit_of(&s, "alle informatie verstrekken").0));

    // definitions: "X: …" inside Artikel 1 Definities, "onder X wordt verstaan"
    let (i, u) = unit_of(&s, "Persoonsgegevens: alle informatie");
    assert_eq!(u.kind, UnitKind::Definition);
    assert_eq!(s.clause_number(i), Some("Artikel 1 lid 1"));
    let (i, u) = unit_of(&s, "Onder Subverwerker wordt verstaan");
    assert_eq!(u.kind, UnitKind::Definition);
    assert_eq!(s.clause_number(i), Some("Artikel 1 lid 2"));

    // headings are headings
    let (_, u) = unit_of(&s, "Artikel 7 Beveiliging en meldplicht");
    assert_eq!(u.kind, UnitKind::Heading);

    // annex: resets numbering
    let bijlage = node("Bijlage 2");
    assert_eq!(s.clauses[bijlage].kind, ClauseKind::Annex);
    assert_eq!(
        s.clauses[bijlage].heading.as_deref(),
        Some("Beveiligingsmaatregelen")
    );
    let (i, _) = unit_of(&s, "Versleuteling van gegevens");
    assert_eq!(s.clause_number(i), Some("2"));
    let c = s.units[i].clause.unwrap();
    assert_eq!(s.clauses[c].parent, Some(bijlage));

    // paragraphs: one per non-empty block
    assert_eq!(s.units[0].paragraph, 1);
    let (_, u) = unit_of(&s, "Verwerker neemt passende");
    assert_eq!(u.paragraph, 6);
    let (_, u) = unit_of(&s, "Deze maatregelen zijn");
    assert_eq!(u.paragraph, 6);
    let last = s.units.last().unwrap();
    assert_eq!(last.paragraph, 13);
}

const EN_DPA: &str = "Data Processing Addendum

Table of Contents

1. Definitions ........ 1

2. Processing ........ 2

1. Definitions

1.1 \"Personal Data\" means any information relating to an identified or identifiable natural person.

1.2 Sub-processor shall mean any processor engaged by the Processor, e.g. a hosting provider.

1.3 This means that the Processor remains fully liable.

2. Processing

2.1 The Processor shall process Personal Data only on documented instructions from the Controller, i.e. the instructions in Annex I. The Processor shall inform the Controller immediately if an instruction infringes the GDPR.

2.2 The Processor shall notify the Controller without undue delay and in any event within thirty (30) days; provide all information the Controller reasonably requests; and assist the Controller with any DPIA.

Clause 8.1 The Processor shall not engage a sub-processor without prior specific written authorisation. Signed by J. Smith on behalf of Acme Ltd. The Controller agrees.

Annex I: Description of the processing

The categories of data subjects are employees and customers.";

#[test]
fn english_dpa_clauses_toc_definitions() {
    let s = segment(&clean(txt(EN_DPA)));
    let d = dump(&s);
    // TOC lines are TOC, and create no clauses
    let tocs: Vec<&str> = s
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Toc)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(
        tocs,
        ["1. Definitions ........ 1", "2. Processing ........ 2"],
        "{d:#?}"
    );
    let (_, u) = unit_of(&s, "Table of Contents");
    assert_eq!(u.kind, UnitKind::Heading);

    let (i, u) = unit_of(&s, "\"Personal Data\" means");
    assert_eq!(u.kind, UnitKind::Definition);
    assert_eq!(s.clause_number(i), Some("1.1"));
    let (_, u) = unit_of(&s, "Sub-processor shall mean");
    assert_eq!(u.kind, UnitKind::Definition);
    let (_, u) = unit_of(&s, "This means that");
    assert_eq!(u.kind, UnitKind::Sentence);

    let (i, u) = unit_of(&s, "The Processor shall process Personal Data");
    assert!(u.text.ends_with("in Annex I."), "{}", u.text);
    assert_eq!(s.clause_number(i), Some("2.1"));
    let (i, _) = unit_of(&s, "The Processor shall inform the Controller immediately");
    assert_eq!(s.clause_number(i), Some("2.1"));
    let c21 = s.units[i].clause.unwrap();
    let c2 = s.clauses[c21].parent.unwrap();
    assert_eq!(s.clauses[c2].number.as_deref(), Some("2"));
    assert_eq!(s.clauses[c2].heading.as_deref(), Some("Processing"));

    // a semicolon enumeration stays one sentence
    let (_, u) = unit_of(&s, "The Processor shall notify the Controller");
    assert!(u.text.ends_with("with any DPIA."), "{}", u.text);

    let (i, u) = unit_of(&s, "The Processor shall not engage");
    assert_eq!(s.clause_number(i), Some("Clause 8.1"));
    assert!(u.text.ends_with("authorisation."));
    let (_, u) = unit_of(
        &s,
        "Signed by J. Smith on behalf of Acme Ltd. The Controller agrees.",
    );
    assert_eq!(u.kind, UnitKind::Sentence);

    let (i, _) = unit_of(&s, "The categories of data subjects");
    assert_eq!(s.clause_number(i), Some("Annex I"));
}

#[test]
fn false_clause_numbers_mid_text_and_block_initial() {
    let s = segment(&clean(txt("Artikel 3 Doorgifte

Doorgifte vindt plaats op basis van Besluit 2021/914 en art. 28(3) AVG.

2021/914 is het uitvoeringsbesluit van de Commissie.

24 uur na ontdekking meldt Verwerker het incident.

1.000 euro per dag is de boete.

2018 was het jaar waarin de AVG van toepassing werd.")));
    let d = dump(&s);
    for u in &s.units[1..] {
        assert_eq!(u.kind, UnitKind::Sentence, "{d:#?}");
    }
    assert_eq!(s.clauses.len(), 1, "{:#?}", s.clauses);
    for i in 1..s.units.len() {
        assert_eq!(s.clause_number(i), Some("Artikel 3"));
    }
    assert!(s.units[1].text.ends_with("art. 28(3) AVG."));
}

#[test]
fn headings_and_sections_from_blocks() {
    let doc = flat(vec![
        heading("Algemene voorwaarden", 0),
        heading("Artikel 4", 1),
        heading("Kunstmatige intelligentie", 2),
        para("Leverancier gebruikt geen generatieve AI zonder toestemming van Opdrachtgever."),
        heading("Ondertekening", 1),
        para("Aldus overeengekomen en ondertekend."),
    ]);
    let s = segment(&clean(doc));
    assert_eq!(s.title.as_deref(), Some("Algemene voorwaarden"));
    let (i, _) = unit_of(&s, "Leverancier gebruikt geen");
    assert_eq!(s.clause_number(i), Some("Artikel 4"));
    assert!(s.headings(i).contains(&"Kunstmatige intelligentie"));
    let (i, _) = unit_of(&s, "Aldus overeengekomen");
    assert_eq!(s.clause_number(i), None);
    assert_eq!(s.headings(i), ["Ondertekening", "Algemene voorwaarden"]);
}

fn pdf_page(n: u32, blocks: Vec<&str>) -> Page {
    Page {
        number: Some(n),
        blocks: blocks.into_iter().map(para).collect(),
    }
}

#[test]
fn hygiene_on_a_pdf_like_document() {
    let doc = Document {
        pages: vec![
            pdf_page(
                1,
                vec![
                    "Verwerkersovereenkomst Acme B.V. versie 2.1",
                    "Artikel 1 Onderwerp",
                    "Deze overeenkomst regelt de verwerkings-\novereenkomst tussen partijen en het gebruik van het AI-\nsysteem per e-\nmail.",
                    "Pagina 1 van 4",
                ],
            ),
            pdf_page(
                2,
                vec![
                    "Verwerkersovereenkomst Acme B.V. versie 2.1",
                    "De verwerkingsovereenkomst wordt aangegaan voor onbepaalde tijd. Verwerker meldt een datalek binnen",
                    "Pagina 2 van 4",
                ],
            ),
            pdf_page(
                3,
                vec![
                    "Verwerkersovereenkomst Acme B.V. versie 2.1",
                    "vierentwintig uur aan Verwerkingsverantwoordelijke en houdt een regis\u{00AD}\nter bij van alle datalekken.",
                    "Artikel 2 Duur",
                    "Deze overeenkomst eindigt met de hoofd-",
                    "- 3 -",
                ],
            ),
            pdf_page(
                4,
                vec![
                    "Verwerkersovereenkomst Acme B.V. versie 2.1",
                    "overeenkomst.",
                    "Pagina 4 van 4",
                ],
            ),
        ],
        ..Document::default()
    };
    let cleaned = clean(doc);
    let kinds: Vec<(u32, BlockKind, &str)> = cleaned
        .pages
        .iter()
        .flat_map(|p| {
            p.blocks
                .iter()
                .map(move |b| (p.number.unwrap(), b.kind, b.text.as_str()))
        })
        .collect();
    // headers and page numbers are furniture on every page
    for (page, kind, text) in &kinds {
        if text.starts_with("Verwerkersovereenkomst Acme")
            || text.starts_with("Pagina")
            || *text == "- 3 -"
        {
            assert_eq!(*kind, BlockKind::Furniture, "page {page}: {text}");
        } else {
            assert_ne!(*kind, BlockKind::Furniture, "page {page}: {text}");
        }
    }
    let texts: Vec<&str> = kinds
        .iter()
        .filter(|(_, k, _)| *k != BlockKind::Furniture)
        .map(|(_, _, t)| *t)
        .collect();
    assert_eq!(
        texts,
        [
            "Artikel 1 Onderwerp",
            "Deze overeenkomst regelt de verwerkingsovereenkomst tussen partijen en het gebruik van het AI-systeem per e-mail.",
            "De verwerkingsovereenkomst wordt aangegaan voor onbepaalde tijd. Verwerker meldt een datalek binnen vierentwintig uur aan Verwerkingsverantwoordelijke en houdt een register bij van alle datalekken.",
            "Artikel 2 Duur",
            "Deze overeenkomst eindigt met de hoofdovereenkomst.",
        ],
        "{kinds:#?}"
    );

    let s = segment(&cleaned);
    // the sentence that crossed the page break is one unit, on page 2, in Artikel 1
    let (i, u) = unit_of(&s, "Verwerker meldt een datalek binnen vierentwintig uur");
    assert_eq!(u.page, Some(2));
    assert_eq!(s.clause_number(i), Some("Artikel 1"));
    assert!(fold(&u.text).text.contains("binnen 24 uur"));
    // furniture: no paragraph, no clause; paragraphs count only body blocks
    let furniture: Vec<_> = s
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Furniture)
        .collect();
    assert_eq!(furniture.len(), 8);
    assert!(furniture
        .iter()
        .all(|u| u.paragraph == 0 && u.clause.is_none()));
    let paragraphs: Vec<u32> = s
        .units
        .iter()
        .filter(|u| u.kind != UnitKind::Furniture)
        .map(|u| u.paragraph)
        .collect();
    assert_eq!(paragraphs, [1, 2, 3, 3, 4, 5]);
    let (_, u) = unit_of(&s, "Deze overeenkomst eindigt");
    assert_eq!(u.page, Some(3));
    // the running header is the best title there is
    assert_eq!(
        s.title.as_deref(),
        Some("Verwerkersovereenkomst Acme B.V. versie 2.1")
    );
}

#[test]
fn list_lines_in_one_pdf_block() {
    let doc = Document {
        pages: vec![pdf_page(
            1,
            vec![
                "12.3 De Leverancier zal bij het gebruik van AI-systemen:\n(a) geen vertrouwelijke\ngegevens invoeren;\n(b) output laten\ncontroleren door een mens.\n• Dit geldt ook voor pilots.",
            ],
        )],
        ..Document::default()
    };
    let s = segment(&clean(doc));
    let d = dump(&s);
    assert_eq!(
        d,
        [
            (
                "De Leverancier zal bij het gebruik van AI-systemen:".to_string(),
                UnitKind::Sentence,
                Some("12.3".to_string())
            ),
            (
                "geen vertrouwelijke gegevens invoeren;".to_string(),
                UnitKind::ListItem,
                Some("12.3(a)".to_string())
            ),
            (
                "output laten controleren door een mens.".to_string(),
                UnitKind::ListItem,
                Some("12.3(b)".to_string())
            ),
            (
                "Dit geldt ook voor pilots.".to_string(),
                UnitKind::ListItem,
                Some("12.3(b)".to_string())
            ),
        ]
    );
    assert!(s
        .units
        .iter()
        .all(|u| u.paragraph == 1 && u.page == Some(1)));
}

#[test]
fn roman_and_letter_items() {
    let s = segment(&clean(txt("5.1 The Supplier shall:

(h) keep records;

(i) notify the Customer;

(j) cooperate.

5.2 The Customer may:

(i) audit once a year;

(ii) request reports.")));
    let nums: Vec<Option<&str>> = (0..s.units.len()).map(|i| s.clause_number(i)).collect();
    assert_eq!(
        nums,
        [
            Some("5.1"),
            Some("5.1(h)"),
            Some("5.1(i)"),
            Some("5.1(j)"),
            Some("5.2"),
            Some("5.2(i)"),
            Some("5.2(ii)"),
        ]
    );
}

#[test]
fn empty_and_odd_documents() {
    let s = segment(&clean(Document::default()));
    assert!(s.units.is_empty() && s.clauses.is_empty() && s.title.is_none());
    let s = segment(&clean(txt(
        "   \n\n\u{00AD}\n\n§§§ 7 ((( ))) ... .... 1.2.3.4.5.6 (a)",
    )));
    assert!(s.units.iter().all(|u| !u.text.is_empty()));
}

#[test]
fn eur_lex_style_lone_markers_and_title_lines() {
    let s = segment(&clean(txt("Clause 2
Effect and invariability of the Clauses
(a)
These Clauses set out appropriate safeguards.
(b)
These Clauses are without prejudice to obligations.

Clause 3
Third-party beneficiaries
(a)
Data subjects may invoke these Clauses, with the following exceptions:
(i)
Clause 1, Clause 2, Clause 3;
(ii)
Clause 8 – Module One: Clause 8.5 (e) and Clause 8.9(b);
(b)
Paragraph (a) is without prejudice to rights of data subjects.")));
    let d = dump(&s);
    let c2 = s
        .clauses
        .iter()
        .position(|c| c.number.as_deref() == Some("Clause 2"))
        .unwrap();
    assert_eq!(
        s.clauses[c2].heading.as_deref(),
        Some("Effect and invariability of the Clauses"),
        "{d:#?}"
    );
    let (i, u) = unit_of(&s, "These Clauses set out");
    assert_eq!(u.kind, UnitKind::ListItem);
    assert_eq!(s.clause_number(i), Some("Clause 2(a)"));
    let (i, _) = unit_of(&s, "Clause 8 – Module One");
    assert_eq!(s.clause_number(i), Some("Clause 3(a)(ii)"), "{d:#?}");
    let (i, _) = unit_of(&s, "Paragraph (a) is without prejudice");
    assert_eq!(s.clause_number(i), Some("Clause 3(b)"), "{d:#?}");
}

#[test]
fn footnotes_and_long_headings() {
    let doc = flat(vec![
        heading("Artikel 5 Beveiliging", 1),
        para("Verwerker neemt passende maatregelen."),
        heading("Verwerker meldt elk datalek binnen 24 uur aan Opdrachtgever en verstrekt daarbij alle informatie die Opdrachtgever nodig heeft voor een melding.", 2),
        Block {
            text: "1 Zie ook de Handreiking van de Autoriteit Persoonsgegevens.".into(),
            kind: BlockKind::Footnote,
            ..Block::default()
        },
    ]);
    let s = segment(&clean(doc));
    let (i, u) = unit_of(&s, "Verwerker meldt elk datalek");
    assert_eq!(u.kind, UnitKind::Sentence);
    assert_eq!(s.clause_number(i), Some("Artikel 5"));
    let (i, u) = unit_of(&s, "1 Zie ook");
    assert_eq!(u.kind, UnitKind::Sentence);
    assert_eq!(s.clause_number(i), Some("Artikel 5"));
    assert_eq!(s.clauses.len(), 1, "{:#?}", s.clauses);
}

#[test]
fn articles_at_the_top_of_every_page_are_not_furniture() {
    let pages = (1..=4)
        .map(|n| {
            pdf_page(
                n,
                vec![
                    "Bijlage 7 - Standaard Verwerkersovereenkomst",
                    &format!("Artikel {n}"),
                    &format!("Verwerker verwerkt de gegevens van categorie {n} in opdracht."),
                    &format!("Pagina {n} van 4"),
                ],
            )
        })
        .collect();
    let s = segment(&clean(Document {
        pages,
        ..Document::default()
    }));
    let furniture: Vec<&str> = s
        .units
        .iter()
        .filter(|u| u.kind == UnitKind::Furniture)
        .map(|u| u.text.as_str())
        .collect();
    assert_eq!(furniture.len(), 8, "{furniture:?}");
    assert!(furniture
        .iter()
        .all(|t| t.starts_with("Bijlage 7") || t.starts_with("Pagina")));
    let numbers: Vec<Option<&str>> = (0..s.units.len())
        .filter(|&i| s.units[i].kind == UnitKind::Sentence)
        .map(|i| s.clause_number(i))
        .collect();
    assert_eq!(
        numbers,
        [
            Some("Artikel 1"),
            Some("Artikel 2"),
            Some("Artikel 3"),
            Some("Artikel 4")
        ]
    );
}

#[test]
fn a_definitions_section_ends_at_the_next_headed_clause() {
    let s = segment(&clean(txt("Definitions

Processor: the party that processes personal data on behalf of the Controller.

1. Obligations

1.1 The Processor shall: notify the Controller of any breach within 24 hours.")));
    let (_, u) = unit_of(&s, "Processor: the party");
    assert_eq!(u.kind, UnitKind::Definition);
    let (i, u) = unit_of(&s, "The Processor shall: notify");
    assert_eq!(u.kind, UnitKind::Sentence, "{:#?}", dump(&s));
    assert_eq!(s.clause_number(i), Some("1.1"));
}

#[test]
fn a_paragraph_over_three_pages_is_one_block() {
    let doc = Document {
        pages: vec![
            pdf_page(1, vec!["Verwerker zal de persoonsgegevens", "1"]),
            pdf_page(
                2,
                vec![
                    "uitsluitend verwerken in de Europese Economische Ruimte en",
                    "2",
                ],
            ),
            pdf_page(3, vec!["niet daarbuiten.", "Artikel 9 Audit", "3"]),
        ],
        ..Document::default()
    };
    let s = segment(&clean(doc));
    let d = dump(&s);
    let (_, u) = unit_of(&s, "Verwerker zal de persoonsgegevens");
    assert_eq!(
        u.text,
        "Verwerker zal de persoonsgegevens uitsluitend verwerken in de Europese Economische Ruimte en niet daarbuiten.",
        "{d:#?}"
    );
    assert_eq!(u.page, Some(1));
    assert_eq!(u.paragraph, 1);
    let (_, h) = unit_of(&s, "Artikel 9 Audit");
    assert_eq!(h.paragraph, 2);
}
