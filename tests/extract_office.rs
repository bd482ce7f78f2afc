//! Office and plain-text extraction on fixtures with known source text (python-docx with raw
//! WordprocessingML, LibreOffice DOCX and ODT, docx-rs as a writer), and on hostile inputs that
//! must give a typed error, never a panic. Fixtures are made by `tests/fixtures/make/`.

use clausescan::extract::{extract_bytes, render, ExtractError, Limits};
use clausescan::model::{Block, BlockKind, Document, Format};
use unicode_normalization::UnicodeNormalization;

fn fixture(rel: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/{rel}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn read(rel: &str, format: Format) -> Document {
    match extract_bytes(&fixture(rel), format, &Limits::default()) {
        Ok(d) => d,
        Err(e) => panic!("{rel}: {e}"),
    }
}

/// NFKC, lower case, whitespace collapsed.
fn norm(s: &str) -> String {
    s.nfkc()
        .collect::<String>()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn all_text(doc: &Document) -> String {
    norm(
        &doc.blocks()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

fn assert_has(doc: &Document, phrases: &[&str]) {
    let text = all_text(doc);
    for p in phrases {
        assert!(text.contains(&norm(p)), "missing {p:?} in:\n{text}");
    }
}

fn assert_lacks(doc: &Document, phrases: &[&str]) {
    let text = all_text(doc);
    for p in phrases {
        assert!(!text.contains(&norm(p)), "unexpected {p:?} in:\n{text}");
    }
}

fn block<'a>(doc: &'a Document, needle: &str) -> &'a Block {
    doc.blocks()
        .find(|b| b.text.contains(needle))
        .unwrap_or_else(|| panic!("no block with {needle:?}"))
}

/// Blocks of `kind` come after every body block (footnotes, then furniture).
fn index_of(doc: &Document, needle: &str) -> usize {
    doc.blocks()
        .position(|b| b.text.contains(needle))
        .unwrap_or_else(|| panic!("no block with {needle:?}"))
}

#[test]
fn python_docx_all_features() {
    let doc = read("docx/python_docx_features.docx", Format::Docx);
    assert_eq!(doc.pages.len(), 1);
    assert_eq!(doc.pages[0].number, None);
    assert_eq!(doc.title.as_deref(), Some("Proefovereenkomst Clausescan"));
    assert_has(
        &doc,
        &[
            "Overeenkomst Clausescan Proef",
            "Deze overeenkomst regelt de verwerking van persoonsgegevens.",
            "De leverancier meldt elk datalek binnen 48 uur.",
            "Dit document telt pagina 3 en verwijst naar artikel 7.2.",
            "Leverancier: Acme Leverancier B.V.",
            "Tekst met commentaar blijft zichtbaar.",
            "Contact per e-mail met de verwerkingsverantwoordelijke.",
            "☒ AI-gebruik toegestaan",
            "☐ Doorgifte buiten de EER",
            "☒ Verwerkersovereenkomst getekend",
            "Artikel 7 Beveiliging",
            "7.1 De verwerker neemt passende technische en organisatorische maatregelen.",
            "7.2 De verwerker meldt een inbreuk binnen 24 uur.",
            "(a) de aard van de inbreuk;",
            "Artikel 8 Generatieve AI",
            "8.1 Geen training van AI-modellen met klantgegevens.",
            "Inhoudsopgave Beveiliging 5",
            "Subverwerker Cloudopslag",
            "Geneste cel met bewaartermijn van zes maanden",
            "Voetnoot: subverwerkers worden vooraf gemeld.",
            "Eindnoot over de looptijd van vier jaar.",
            "Koptekst sectie een",
            "Voettekst sectie een",
            "Koptekst sectie twee",
            "Voettekst sectie twee",
            "Op deze overeenkomst is Nederlands recht van toepassing.",
        ],
    );
    // Tracked deletions, comments and field codes never appear.
    assert_lacks(
        &doc,
        &[
            "mag zelf bepalen",
            "Volledig geschrapte alinea",
            "GEHEIM COMMENTAAR",
            "PAGE",
            "REF _Ref123",
            "DOCPROPERTY",
            "MERGEFORMAT",
            "FORMCHECKBOX",
            "TOC \\o",
            "PAGEREF",
            "verwerkings-verantwoordelijke",
        ],
    );
    // The text box is read once (mc:Choice, not also mc:Fallback).
    let text = all_text(&doc);
    assert_eq!(
        text.matches("tekstvak over kunstmatige intelligentie")
            .count(),
        1
    );

    let ins = block(&doc, "meldt elk datalek");
    assert!(ins.inserted);
    assert!(!block(&doc, "Deze overeenkomst regelt").inserted);
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.contains("1 tracked insertions not yet accepted")));
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.contains("2 tracked deletions")));

    assert_eq!(
        block(&doc, "Overeenkomst Clausescan Proef").kind,
        BlockKind::Heading { level: 0 }
    );
    assert_eq!(
        block(&doc, "Algemene bepalingen").kind,
        BlockKind::Heading { level: 1 }
    );
    let item = block(&doc, "meldt een inbreuk binnen 24 uur");
    assert_eq!(item.kind, BlockKind::ListItem);
    assert_eq!(item.label.as_deref(), Some("7.2"));
    assert!(item.text.starts_with("7.2 "));
    let bullet = block(&doc, "opsommingsteken over logging");
    assert_eq!(bullet.label.as_deref(), Some("•"));
    assert_eq!(block(&doc, "Geneste cel").kind, BlockKind::TableCell);
    assert_eq!(block(&doc, "Bedrag").text, "Bedrag\tEUR 100\ntweede regel");

    // Order: body, then notes, then headers and footers of both sections.
    let last_body = index_of(&doc, "Nederlands recht van toepassing");
    let foot = index_of(&doc, "Voetnoot: subverwerkers");
    let header2 = index_of(&doc, "Koptekst sectie twee");
    assert!(last_body < foot && foot < header2);
    assert_eq!(block(&doc, "Voetnoot").kind, BlockKind::Footnote);
    assert_eq!(block(&doc, "Eindnoot").kind, BlockKind::Footnote);
    for h in ["Koptekst sectie een", "Voettekst sectie twee"] {
        assert_eq!(block(&doc, h).kind, BlockKind::Furniture);
    }
}

const LIBREOFFICE_PHRASES: &[&str] = &[
    "Verwerkersovereenkomst Voorbeeld",
    "Definities en reikwijdte",
    "De verwerker verwerkt persoonsgegevens uitsluitend op schriftelijke instructie.",
    "Tweede regel van de alinea.",
    "Artikel 7 Beveiliging",
    "7.1 De verwerker neemt passende technische en organisatorische maatregelen.",
    "7.2 De verwerker meldt een datalek binnen 24 uur aan de verwerkingsverantwoordelijke.",
    "(a) de aard van de inbreuk;",
    "(b) de getroffen categorieën betrokkenen.",
    "Artikel 8 Generatieve AI",
    "8.1 De verwerker gebruikt geen generatieve AI zonder voorafgaande schriftelijke toestemming.",
    "8.2 Persoonsgegevens worden niet gebruikt om AI-modellen te trainen.",
    "• eerste opsommingspunt",
    "Deze alinea heeft een opmerking in de tekst.",
    "Hostingpartij Nederland",
    "Europese Economische Ruimte",
    "Slotbepaling: deze overeenkomst wordt beheerst door Nederlands recht.",
    "Voetnoot over de meldtermijn van de toezichthouder.",
    "Kopregel vertrouwelijk document",
    "Voettekst pagina 1",
];

const LIBREOFFICE_ABSENT: &[&str] = &[
    "verwijderde zin over onbeperkte aansprakelijkheid",
    "geheime opmerking van de reviewer",
];

fn check_libreoffice(doc: &Document) {
    assert_eq!(doc.title.as_deref(), Some("Verwerkersovereenkomst Fixture"));
    assert_has(doc, LIBREOFFICE_PHRASES);
    assert_lacks(doc, LIBREOFFICE_ABSENT);
    let item = block(doc, "meldt een datalek binnen 24 uur");
    assert_eq!(item.label.as_deref(), Some("7.2"));
    assert_eq!(item.kind, BlockKind::ListItem);
    assert!(block(doc, "AI-modellen te trainen").inserted);
    assert!(!block(doc, "geen generatieve AI").inserted);
    assert_eq!(block(doc, "Hostingpartij").kind, BlockKind::TableCell);
    assert_eq!(block(doc, "Voetnoot over").kind, BlockKind::Footnote);
    assert_eq!(block(doc, "Kopregel").kind, BlockKind::Furniture);
    assert_eq!(
        block(doc, "Definities en reikwijdte").kind,
        BlockKind::Heading { level: 1 }
    );
    assert!(index_of(doc, "Slotbepaling") < index_of(doc, "Voetnoot over"));
    assert!(index_of(doc, "Voetnoot over") < index_of(doc, "Kopregel"));
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.contains("1 tracked insertions")));
    assert!(doc
        .warnings
        .iter()
        .any(|w| w.contains("1 tracked deletions")));
}

#[test]
fn libreoffice_odt() {
    check_libreoffice(&read("odt/libreoffice_contract.odt", Format::Odt));
}

#[test]
fn libreoffice_docx() {
    check_libreoffice(&read("docx/libreoffice_contract.docx", Format::Docx));
}

/// docx-rs is clausescan's DOCX *writer* for tests; reading is done by our own reader.
#[test]
fn docx_rs_written_document() {
    use docx_rs::{
        AbstractNumbering, Delete, Docx, Footer, Header, IndentLevel, Insert, Level, LevelJc,
        LevelText, NumberFormat, Numbering, NumberingId, Paragraph, Run, Start, Table, TableCell,
        TableRow,
    };
    let numbered = |text: &str, lvl: usize| {
        Paragraph::new()
            .add_run(Run::new().add_text(text))
            .numbering(NumberingId::new(2), IndentLevel::new(lvl))
    };
    let docx = Docx::new()
        .header(
            Header::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Kop van docx-rs"))),
        )
        .footer(
            Footer::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Voet van docx-rs"))),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(1)
                .add_level(Level::new(
                    0,
                    Start::new(7),
                    NumberFormat::new("decimal"),
                    LevelText::new("Artikel %1"),
                    LevelJc::new("left"),
                ))
                .add_level(Level::new(
                    1,
                    Start::new(1),
                    NumberFormat::new("decimal"),
                    LevelText::new("%1.%2."),
                    LevelJc::new("left"),
                )),
        )
        .add_numbering(Numbering::new(2, 1))
        .add_paragraph(
            Paragraph::new().add_run(Run::new().add_text("Inleiding van de overeenkomst.")),
        )
        .add_paragraph(numbered("Aansprakelijkheid", 0))
        .add_paragraph(numbered("Eerste lid over schade.", 1))
        .add_paragraph(numbered("Tweede lid over verzekering.", 1))
        .add_paragraph(
            Paragraph::new()
                .add_run(Run::new().add_text("Leverancier "))
                .add_insert(Insert::new(Run::new().add_text("verzekert zich afdoende")))
                .add_delete(
                    Delete::new().add_run(Run::new().add_delete_text("hoeft niets te verzekeren")),
                )
                .add_run(Run::new().add_text(".")),
        )
        .add_table(Table::new(vec![TableRow::new(vec![
            TableCell::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Cel links"))),
            TableCell::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text("Cel rechts"))),
        ])]));
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut buf).expect("docx-rs packs");
    let doc = extract_bytes(buf.get_ref(), Format::Docx, &Limits::default()).expect("reads back");
    assert_has(
        &doc,
        &[
            "Inleiding van de overeenkomst.",
            "Artikel 7 Aansprakelijkheid",
            "7.1. Eerste lid over schade.",
            "7.2. Tweede lid over verzekering.",
            "Leverancier verzekert zich afdoende.",
            "Cel links",
            "Cel rechts",
            "Kop van docx-rs",
            "Voet van docx-rs",
        ],
    );
    assert_lacks(&doc, &["hoeft niets te verzekeren"]);
    assert_eq!(block(&doc, "Tweede lid").label.as_deref(), Some("7.2."));
    assert!(block(&doc, "verzekert zich").inserted);
    assert_eq!(block(&doc, "Cel links").kind, BlockKind::TableCell);
}

#[test]
fn plain_text_encodings() {
    for f in ["utf8_bom.txt", "utf16le.txt", "utf16be.txt", "cp1252.txt"] {
        let doc = read(&format!("txt/{f}"), Format::Txt);
        let blocks: Vec<&Block> = doc.blocks().collect();
        assert_eq!(blocks.len(), 3, "{f}");
        assert_eq!(blocks[0].text, "Verwerkersovereenkomst café", "{f}");
        assert_eq!(
            blocks[1].text,
            "De verwerker meldt een datalek binnen 24 uur.\nDit is de tweede regel – met een gedachtestreepje en € 100.",
            "{f}"
        );
    }
}

#[test]
fn markdown_structure() {
    let doc = read("txt/contract.md", Format::Md);
    assert_eq!(
        block(&doc, "Verwerkersovereenkomst").kind,
        BlockKind::Heading { level: 1 }
    );
    assert_eq!(
        block(&doc, "Artikel 7").kind,
        BlockKind::Heading { level: 2 }
    );
    assert_eq!(
        block(&doc, "passende maatregelen").text,
        "De verwerker neemt passende maatregelen\ndie in bijlage 2 staan."
    );
    let item = block(&doc, "datalek binnen 24 uur");
    assert_eq!(item.kind, BlockKind::ListItem);
    assert_eq!(item.label.as_deref(), Some("1."));
    assert_eq!(block(&doc, "logging").kind, BlockKind::ListItem);
}

fn bad(rel: &str, format: Format, limits: &Limits) -> ExtractError {
    match extract_bytes(&fixture(rel), format, limits) {
        Ok(d) => panic!(
            "{rel}: expected an error, got {} blocks",
            d.blocks().count()
        ),
        Err(e) => e,
    }
}

#[test]
fn bad_inputs_give_typed_errors() {
    let l = Limits::default();
    assert_eq!(bad("bad/empty.docx", Format::Docx, &l), ExtractError::Empty);
    for (f, format) in [
        ("bad/truncated.docx", Format::Docx),
        ("bad/random.docx", Format::Docx),
        ("bad/pdf_named.docx", Format::Docx),
        ("bad/random.docx", Format::Odt),
        ("bad/bad_xml.docx", Format::Docx),
    ] {
        let e = bad(f, format, &l);
        assert!(matches!(e, ExtractError::Corrupt(_)), "{f}: {e:?}");
    }
    for (f, format, what) in [
        ("bad/pdf_named.docx", Format::Docx, "not a DOCX package"),
        (
            "bad/no_document.docx",
            Format::Docx,
            "not a DOCX package: no word/document.xml",
        ),
        (
            "bad/no_content.odt",
            Format::Odt,
            "not an ODT package: no content.xml",
        ),
        ("bad/billion_laughs.docx", Format::Docx, "billion laughs"),
    ] {
        let e = bad(f, format, &l);
        assert!(matches!(e, ExtractError::Corrupt(_)), "{f}: {e:?}");
        assert!(e.to_string().contains(what), "{f}: {e}");
    }
    let e = bad("bad/zip_bomb.docx", Format::Docx, &l);
    assert!(matches!(e, ExtractError::Limit(_)), "{e:?}");
    assert!(e.to_string().contains("zip bomb?"), "{e}");
    let e = bad("bad/deep_nesting.docx", Format::Docx, &l);
    assert!(matches!(e, ExtractError::Limit(_)), "{e:?}");
    assert!(e.to_string().contains("deeper than 256 levels"), "{e}");
}

#[test]
fn decompressed_size_limit_is_named() {
    let limits = Limits {
        max_decompressed_bytes: 4 * 1024 * 1024,
        max_zip_ratio: 1_000_000,
        ..Limits::default()
    };
    let e = bad("bad/zip_bomb.docx", Format::Docx, &limits);
    assert_eq!(
        e.to_string(),
        "limit exceeded: decompressed size over 4 MiB (zip bomb?)"
    );
}

/// Every prefix and a few byte flips of real fixtures: errors are fine, panics are not.
#[test]
fn mangled_fixtures_never_panic() {
    for (rel, format) in [
        ("docx/python_docx_features.docx", Format::Docx),
        ("odt/libreoffice_contract.odt", Format::Odt),
    ] {
        let bytes = fixture(rel);
        for cut in (0..bytes.len()).step_by(997) {
            let r = extract_bytes(
                bytes.get(..cut).unwrap_or_default(),
                format,
                &Limits::default(),
            );
            assert!(
                !matches!(r, Err(ExtractError::Internal(_))),
                "{rel} cut {cut}: {r:?}"
            );
        }
        let mut seed = 12345u64;
        for _ in 0..200 {
            let mut m = bytes.clone();
            for _ in 0..8 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let i = (seed >> 33) as usize % m.len();
                if let Some(b) = m.get_mut(i) {
                    *b ^= (seed >> 17) as u8 | 1;
                }
            }
            let r = extract_bytes(&m, format, &Limits::default());
            assert!(!matches!(r, Err(ExtractError::Internal(_))), "{rel}: {r:?}");
        }
    }
}

#[test]
fn render_text_and_json() {
    let doc = read("docx/python_docx_features.docx", Format::Docx);
    let text = render::to_text(&doc);
    assert!(text.contains("[heading 1] Algemene bepalingen"));
    assert!(text.contains("[footnote] Voetnoot"));
    assert!(text.contains("[header/footer] Koptekst sectie twee"));
    assert!(text.contains("[inserted] De leverancier meldt"));
    assert!(text.contains("warning: 1 tracked insertions"));
    let ok = render::to_json("a.docx", &Ok(doc));
    assert_eq!(ok["status"], "ok");
    assert_eq!(ok["pages"], serde_json::Value::Null);
    assert_eq!(ok["title"], "Proefovereenkomst Clausescan");
    let blocks = ok["content"][0]["blocks"].as_array().expect("blocks");
    assert!(blocks
        .iter()
        .any(|b| b["label"] == "7.2" && b["kind"] == "list_item"));
    let err = render::to_json("b.docx", &Err(ExtractError::Empty));
    assert_eq!(err["status"], "error");
    assert_eq!(err["message"], "empty file");
}

/// Prints a document as `clausescan extract` would:
/// `DUMP=path cargo test --test extract_office dump -- --ignored --nocapture`.
#[test]
#[ignore]
fn dump() {
    let Ok(path) = std::env::var("DUMP") else {
        return;
    };
    let ext = path.rsplit('.').next().unwrap_or("");
    let format = Format::from_extension(ext).unwrap_or(Format::Txt);
    let bytes = std::fs::read(&path).expect("readable DUMP file");
    match extract_bytes(&bytes, format, &Limits::default()) {
        Ok(doc) => print!("{}", render::to_text(&doc)),
        Err(e) => println!("ERROR: {e:?} / {e}"),
    }
}

/// The entries of a zip package: name and inflated bytes.
type Parts = Vec<(String, Vec<u8>)>;

/// Structure-aware mutation loop (stand-in for cargo-fuzz where nightly/libfuzzer is missing):
/// mutates the XML parts of the fixtures, re-zips them and reads them; a panic is a failure.
/// `MUTATE_SECS=180 cargo test --test extract_office mutation_loop -- --ignored --nocapture`.
#[test]
#[ignore]
fn mutation_loop() {
    use std::io::{Read, Write};
    let secs: u64 = std::env::var("MUTATE_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(5);
    let tokens: &[&[u8]] = &[
        b"<w:p>",
        b"</w:p>",
        b"<w:tbl>",
        b"</w:tbl>",
        b"<w:ins>",
        b"</w:del>",
        b"<w:fldChar w:fldCharType=\"begin\"/>",
        b"<w:fldChar w:fldCharType=\"end\"/>",
        b"<w:fldChar w:fldCharType=\"separate\"/>",
        b"<mc:Fallback>",
        b"</mc:AlternateContent>",
        b"<w:numPr><w:ilvl w:val=\"99999999999\"/><w:numId w:val=\"90\"/></w:numPr>",
        b"<w:sym w:char=\"ZZZZ\"/>",
        b"<w:sym w:char=\"D800\"/>",
        b"&lol;",
        b"&#0;",
        b"&#xD800;",
        b"<text:s text:c=\"4294967295\"/>",
        b"<text:list>",
        b"</text:list>",
        b"<text:list-item text:start-value=\"4294967295\">",
        b"<text:note-body>",
        b"<text:h text:outline-level=\"255\">",
        b"<![CDATA[x]]>",
        b"<!DOCTYPE x>",
        b"\xff\xfe",
    ];
    let mut seed = 0x9e3779b97f4a7c15u64;
    let mut rnd = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n.max(1) as u64) as usize
    };
    let start = std::time::Instant::now();
    let mut runs = 0u64;
    let mut errors = 0u64;
    let fixtures = [
        ("docx/python_docx_features.docx", Format::Docx),
        ("docx/libreoffice_contract.docx", Format::Docx),
        ("odt/libreoffice_contract.odt", Format::Odt),
    ];
    let unpacked: Vec<(Format, Parts)> = fixtures
        .iter()
        .map(|(rel, f)| {
            let bytes = fixture(rel);
            let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
            let parts = (0..z.len())
                .map(|i| {
                    let mut e = z.by_index(i).expect("entry");
                    let mut v = Vec::new();
                    e.read_to_end(&mut v).expect("inflate");
                    (e.name().to_string(), v)
                })
                .collect();
            (*f, parts)
        })
        .collect();
    while start.elapsed().as_secs() < secs {
        let (format, parts) = &unpacked[rnd(unpacked.len())];
        let mut parts = parts.clone();
        let xml_parts: Vec<usize> = (0..parts.len())
            .filter(|&i| parts[i].0.ends_with(".xml"))
            .collect();
        for _ in 0..1 + rnd(4) {
            let pi = xml_parts[rnd(xml_parts.len())];
            let data = &mut parts[pi].1;
            if data.is_empty() {
                continue;
            }
            let at = rnd(data.len());
            match rnd(4) {
                0 => data[at] ^= 1 << rnd(8),
                1 => {
                    let end = (at + rnd(200)).min(data.len());
                    data.drain(at..end);
                }
                2 => {
                    let end = (at + rnd(200)).min(data.len());
                    let chunk = data[at..end].to_vec();
                    let to = rnd(data.len());
                    data.splice(to..to, chunk);
                }
                _ => {
                    let t = tokens[rnd(tokens.len())];
                    data.splice(at..at, t.iter().copied());
                }
            }
        }
        let mut out = std::io::Cursor::new(Vec::new());
        {
            let mut w = zip::ZipWriter::new(&mut out);
            for (name, data) in &parts {
                let opts = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated);
                w.start_file(name.as_str(), opts).expect("zip entry");
                w.write_all(data).expect("zip write");
            }
            w.finish().expect("zip finish");
        }
        let r = extract_bytes(out.get_ref(), *format, &Limits::default());
        if let Err(ExtractError::Internal(what)) = &r {
            let path = std::env::temp_dir().join(format!("clausescan-crash-{runs}"));
            let _ = std::fs::write(&path, out.get_ref());
            panic!(
                "panic inside reader ({what}); input saved to {}",
                path.display()
            );
        }
        errors += u64::from(r.is_err());
        runs += 1;
    }
    println!("mutation loop: {runs} inputs in {secs} s, {errors} typed errors, 0 panics");
}

#[test]
fn docx_table_cells_know_their_row_and_column() {
    // A pandoc-made DOCX with a processing-description table (header row, then one row per
    // category of data subjects).
    let doc = read(
        "heldout/office-documents/rekenwerk-gemeentesoftware/bijlage2-verwerkersovereenkomst.docx",
        Format::Docx,
    );
    let header = block(&doc, "Categorieën persoonsgegevens");
    let value = block(&doc, "NAW-gegevens, BSN, WOZ-objectgegevens");
    let (h, v) = (
        header.cell.expect("header cell"),
        value.cell.expect("value cell"),
    );
    assert_eq!(header.kind, BlockKind::TableCell);
    assert_eq!((h.row, h.col), (0, 1));
    assert_eq!((v.table, v.row, v.col), (h.table, 1, 1));
    // text outside the table has no cell
    assert!(block(&doc, "Omschrijving van de verwerking").cell.is_none());
}
