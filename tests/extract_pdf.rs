//! PDF extraction on fixtures made by real producers (LibreOffice, Ghostscript, reportlab with an
//! embedded TrueType font, per-word reportlab, fpdf2 with a CID font, qpdf encryption, scans) and
//! on hand-made hostile files. Every source paragraph must come back after a light normalisation;
//! every bad input must give the expected error, never a panic.
//! Fixtures are made by tests/fixtures/pdf/make/make_fixtures.py.

use std::path::PathBuf;

use clausescan::extract::{extract_bytes, ExtractError, Limits};
use clausescan::model::{BlockKind, Document, Format};
use unicode_normalization::UnicodeNormalization;

fn fixture(name: &str) -> Vec<u8> {
    let p = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    std::fs::read(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn read(name: &str) -> Result<Document, ExtractError> {
    extract_bytes(&fixture(name), Format::Pdf, &Limits::default())
}

/// NFKC, lower case, a hyphen at a line end kept but joined, whitespace collapsed.
fn norm(s: &str) -> String {
    let s: String = s.nfkc().collect::<String>().to_lowercase();
    let s = s.replace("-\n", "-");
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn all_text(doc: &Document) -> String {
    doc.blocks()
        .map(|b| b.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every paragraph of the fixture's .txt occurs in the extracted text.
fn assert_source_text(name: &str) -> Document {
    let doc = read(name).unwrap_or_else(|e| panic!("{name}: {e}"));
    let txt = String::from_utf8(fixture(&name.replace(".pdf", ".txt"))).expect("utf-8 source");
    let got = norm(&all_text(&doc));
    for para in txt.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let want = norm(para);
        assert!(
            got.contains(&want),
            "{name}: missing\n  {want}\nin\n  {got}"
        );
    }
    doc
}

#[test]
fn libreoffice_export() {
    let doc = assert_source_text("libreoffice.pdf");
    assert_eq!(doc.title.as_deref(), Some("Verwerkersovereenkomst proef"));
    assert_eq!(doc.page_count(), Some(1));
    assert_eq!(doc.pages[0].number, Some(1));
    // Headings and body paragraphs are separate blocks.
    assert!(doc.blocks().any(|b| b.text == "Artikel 2 Beveiliging"));
    assert!(doc.blocks().count() >= 10);
}

#[test]
fn ghostscript_redistilled_has_no_spurious_spaces_and_repairs_ligatures() {
    let doc = assert_source_text("ghostscript.pdf");
    let text = all_text(&doc);
    // Ghostscript's ToUnicode writes fi/fl byte-swapped (pdftotext shows CJK there).
    assert!(
        !text.contains('\u{6600}') && !text.contains('\u{6700}'),
        "{text}"
    );
}

#[test]
fn reportlab_truetype_with_ligature_characters() {
    let doc = assert_source_text("reportlab_ttf.pdf");
    assert!(doc
        .blocks()
        .any(|b| matches!(b.kind, BlockKind::Heading { .. }) && b.text.starts_with("Artikel 1")));
}

#[test]
fn words_drawn_one_by_one_get_spaces() {
    let doc = assert_source_text("per_word.pdf");
    let text = all_text(&doc);
    assert!(
        text.contains("The Supplier shall keep all Customer Data"),
        "{text}"
    );
}

#[test]
fn fpdf2_cid_identity_h() {
    assert_source_text("fpdf2.pdf");
}

#[test]
fn hand_made_fonts_decode_in_order() {
    // Differences with AGL / uniXXXX / gNN names (no ToUnicode), a Type 3 font, and a Type0 font
    // with a mixed one/two-byte codespace and a bfrange array ToUnicode.
    let doc = assert_source_text("hand_fonts.pdf");
    let text = all_text(&doc);
    assert!(text.contains("\u{FB01}nal coëist café ABC"), "{text}");
    assert!(text.contains("flïë ABC"), "{text}");
}

#[test]
fn libreoffice_ligature_font_gives_letters_back() {
    let doc = assert_source_text("ligatures_lo.pdf");
    assert!(norm(&all_text(&doc)).contains("geëist"));
}

#[test]
fn two_columns_are_read_one_after_the_other() {
    let doc = assert_source_text("two_column.pdf");
    let text = all_text(&doc);
    let pos = |s: &str| {
        text.find(s)
            .unwrap_or_else(|| panic!("{s} missing in {text}"))
    };
    assert!(pos("Twee kolommen titel") < pos("LEFTSTART"));
    assert!(pos("LEFTSTART") < pos("LEFTEND"));
    assert!(pos("LEFTEND") < pos("RIGHTSTART"));
    assert!(pos("RIGHTSTART") < pos("RIGHTEND"));
    // No right-column words between the left column's start and end.
    assert!(!text[pos("LEFTSTART")..pos("LEFTEND")].contains("supplier"));
}

#[test]
fn rotated_pages() {
    let doc = assert_source_text("rotated.pdf");
    assert_eq!(doc.page_count(), Some(2));
    let p2: Vec<&str> = doc.pages[1]
        .blocks
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    let p2 = p2.join("\n");
    // Sideways lines come out in reading order, not interleaved by character.
    assert!(
        p2.find("Sideways text").unwrap_or(usize::MAX) < p2.find("A second sideways").unwrap_or(0),
        "{p2}"
    );
}

#[test]
fn empty_user_password_opens_transparently() {
    for f in [
        "encrypted_empty_aes256.pdf",
        "encrypted_empty_aes128.pdf",
        "encrypted_empty_rc4.pdf",
    ] {
        assert_source_text(f);
    }
}

#[test]
fn real_user_password_is_encrypted() {
    assert_eq!(
        read("encrypted_user_password.pdf"),
        Err(ExtractError::Encrypted)
    );
}

#[test]
fn scan_without_text_layer() {
    assert_eq!(read("scan.pdf"), Err(ExtractError::NoTextLayer));
}

#[test]
fn one_scanned_page_among_text_pages_is_listed() {
    let doc = read("mixed_scan.pdf").expect("mixed document reads");
    assert_eq!(doc.pages_without_text, vec![2]);
    assert!(all_text(&doc).contains("real text layer"));
}

fn is_corrupt(r: &Result<Document, ExtractError>) -> bool {
    matches!(r, Err(ExtractError::Corrupt(_)))
}

#[test]
fn bad_inputs_give_errors_not_panics() {
    assert_eq!(read("bad_empty.pdf"), Err(ExtractError::Empty));
    for f in [
        "bad_random.pdf",
        "bad_random_header.pdf",
        "bad_truncated.pdf",
        "bad_docx_as.pdf",
        "bad_deep_nesting.pdf",
    ] {
        let r = read(f);
        assert!(is_corrupt(&r), "{f}: {r:?}");
    }
    let r = read("bad_docx_as.pdf");
    assert!(format!("{:?}", r).contains("ZIP"), "{r:?}");
    let r = read("bad_truncated.pdf");
    assert!(format!("{:?}", r).contains("truncated"), "{r:?}");
}

#[test]
fn self_referencing_form_is_drawn_once() {
    let doc = read("bad_selfref_xobject.pdf").expect("readable");
    let text = all_text(&doc);
    assert_eq!(text.matches("Inside the form.").count(), 1, "{text}");
    assert!(text.contains("Before the form.") && text.contains("After the form."));
}

#[test]
fn xref_loop_and_page_tree_cycle_end() {
    let doc = read("bad_xref_loop.pdf").expect("xref loop recovered");
    assert!(all_text(&doc).contains("The xref loops back on itself."));
    let doc = read("bad_pagetree_cycle.pdf").expect("cycle skipped");
    assert_eq!(doc.page_count(), Some(1));
    let doc = read("bad_no_xref.pdf").expect("objects found by scanning");
    assert!(!doc.warnings.is_empty());
}

#[test]
fn limits_are_named() {
    let small = Limits {
        max_decompressed_bytes: 1 << 20,
        ..Limits::default()
    };
    let r = extract_bytes(&fixture("bad_bomb.pdf"), Format::Pdf, &small);
    assert!(
        matches!(&r, Err(ExtractError::Limit(m)) if m.contains("max_decompressed_bytes")),
        "{r:?}"
    );
    let one_page = Limits {
        max_pages: 1,
        ..Limits::default()
    };
    let r = extract_bytes(&fixture("rotated.pdf"), Format::Pdf, &one_page);
    assert!(
        matches!(&r, Err(ExtractError::Limit(m)) if m.contains("max_pages")),
        "{r:?}"
    );
    let forever = Limits {
        max_seconds: u64::MAX,
        ..Limits::default()
    };
    assert!(extract_bytes(&fixture("libreoffice.pdf"), Format::Pdf, &forever).is_ok());
    let no_time = Limits {
        max_seconds: 0,
        ..Limits::default()
    };
    let r = extract_bytes(&fixture("libreoffice.pdf"), Format::Pdf, &no_time);
    assert!(
        matches!(&r, Err(ExtractError::Limit(m)) if m.contains("max_seconds")),
        "{r:?}"
    );
}
