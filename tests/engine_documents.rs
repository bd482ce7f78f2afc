//! Whole-document semantics of the engine that no single clause example can show: whose text a
//! document is. A contract defines the supplier as a party; a guideline speaks of "de leverancier"
//! in general, and its "de leverancier meldt …" commits nobody (covered evidence needs the
//! supplier's own commitment, requirements.md, Verdict rules). Runs the real binary on generated
//! text files.

use assert_cmd::Command;
use serde_json::Value;

/// A long text about cloud services in which a supplier acts now and then, with one breach
/// sentence that alone would cover DP-BREACH; `opening` decides whose text it is.
fn long_text(opening: &str, supplier: &str) -> String {
    let mut parts = vec![opening.to_string()];
    for i in 0..60 {
        parts.push(format!(
            "{}. Organisaties letten bij de inzet van digitale diensten op de continuïteit van hun processen en de kwaliteit van hun informatievoorziening.",
            i + 1
        ));
        if i % 8 == 0 {
            parts.push(format!(
                "Daarnaast zorgt {supplier} voor een actuele beschrijving van de dienst en de gebruikte locaties."
            ));
        }
        if i == 30 {
            parts.push(format!(
                "Bij een inbreuk in verband met persoonsgegevens meldt {supplier} die binnen 24 uur na ontdekking aan de opdrachtgever."
            ));
        }
    }
    parts.join("\n\n") + "\n"
}

/// DP-BREACH (verdict, note) of one supplier whose one document `file` holds `text`.
fn breach_in(file: &str, text: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join(file), text).unwrap();
    breach_verdict(dir.path())
}

/// The JSON result of requirement `id` for the first supplier of a scan of `dir`.
fn result_of(dir: &std::path::Path, id: &str) -> Value {
    let out = Command::cargo_bin("clausescan")
        .unwrap()
        .args(["scan", "--profile", "all", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    json["suppliers"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .cloned()
        .unwrap_or_else(|| panic!("no {id} result"))
}

fn breach_verdict(dir: &std::path::Path) -> (String, String) {
    let result = result_of(dir, "DP-BREACH");
    (
        result["verdict"].as_str().unwrap_or("").to_string(),
        result["note"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn a_contract_that_defines_the_supplier_commits_it() {
    let opening = "Verwerkersovereenkomst\n\nPartijen: Gemeente Voorbeeld, hierna te noemen 'opdrachtgever', en Wolkdienst B.V., hierna te noemen 'leverancier', komen het volgende overeen.";
    let text = long_text(opening, "de leverancier");
    assert_eq!(breach_in("verwerkersovereenkomst.txt", &text).0, "covered");
}

#[test]
fn capitalised_party_words_make_a_contract_too() {
    let text = long_text("Overeenkomst clouddiensten", "de Leverancier");
    assert_eq!(breach_in("overeenkomst.txt", &text).0, "covered");
}

#[test]
fn a_guideline_about_suppliers_in_general_commits_nobody() {
    let text = long_text("Handreiking inkoop van clouddiensten", "de leverancier");
    let (verdict, note) = breach_in("handreiking.txt", &text);
    assert_eq!(verdict, "partial", "{note}");
    assert!(
        note.contains("not stated as the supplier's obligation"),
        "{note}"
    );
}

/// DP-BREACH of one generated supplier whose text is `opening` plus a breach notice by `actor`.
/// The customer acts in the same article, so a name the engine does not know leaves the notice
/// bound to the customer's clause: only a recognised supplier name makes it covered.
fn breach_by(opening: &str, actor: &str) -> (String, String) {
    let text = format!(
        "{opening}\n\nArtikel 8 Datalekken\n\n8.1 {actor} meldt een inbreuk in verband met persoonsgegevens binnen 24 uur na ontdekking aan de andere partij.\n\n8.2 De opdrachtgever beoordeelt of de inbreuk aan de toezichthouder wordt gemeld.\n"
    );
    breach_in("overeenkomst.md", &text)
}

#[test]
fn a_supplier_defined_by_its_company_name_is_the_supplier() {
    // "hierna te noemen: "X" of "Verwerker"", after a long description of the company
    let opening = "1. De Stichting Jeugdzorg Noord, gevestigd te Alkmaar, hierna te noemen: \"Verwerkingsverantwoordelijke\";\n\n2. Medisoft Zorgdata B.V., statutair gevestigd te Zwolle, ingeschreven in het Handelsregister onder nummer 08123456, hierbij rechtsgeldig vertegenwoordigd door mevrouw J. de Boer, algemeen directeur, hierna te noemen: \"Medisoft\" of \"Verwerker\";";
    assert_eq!(breach_by(opening, "Medisoft").0, "covered");
    // a definitions list in Markdown
    let opening = "Artikel 1 Definities\n\n1.1 **DataVista**: DataVista B.V., gevestigd te Eindhoven, gebruiker van deze Algemene Voorwaarden.\n\n1.2 **Opdrachtgever**: de (rechts)persoon die met DataVista een Overeenkomst sluit.";
    assert_eq!(breach_by(opening, "DataVista").0, "covered");
    // English, the name quoted together with its role
    let opening = "This agreement is made between Helix Payroll Services Ltd, a company registered in England and Wales under number 09876543, whose registered office is at 14 Chapel Street, Leeds (\"Helix\" or the \"Processor\"), and the Customer.";
    assert_eq!(breach_by(opening, "Helix").0, "covered");
}

#[test]
fn a_company_defined_as_the_customer_is_not_the_supplier() {
    let opening = "This agreement is made between Acme Retail B.V., a company registered in Utrecht (\"Acme\" or the \"Customer\"), and the Supplier.";
    let (verdict, note) = breach_by(opening, "Acme");
    assert_ne!(verdict, "covered", "{note}");
}

#[test]
fn a_supplier_named_in_a_form_row_is_the_supplier_also_by_its_short_name() {
    // A long declaration form: the name in a "Naam leverancier" row, the answers by its first
    // word. Without the row the long text never defines the supplier, so it would bind nobody;
    // the customer's company name keeps the one-company fallback out of it.
    let with_row = |row: &str| {
        let opening = format!(
            "Leveranciersverklaring AI en gegevensbescherming\n\n{row}\n\nKvK-nummer: 70234519\n\nOpdrachtgever: Woonstichting Thuis B.V."
        );
        breach_in("verklaring.txt", &long_text(&opening, "Kennispunt"))
    };
    assert_eq!(
        with_row("Naam leverancier: Kennispunt Advies B.V.").0,
        "covered"
    );
    let (verdict, note) = with_row("Naam leverancier: zie het inschrijvingsformulier");
    assert_eq!(verdict, "partial", "{note}");
}

#[test]
fn the_one_company_named_with_its_legal_form_is_the_supplier() {
    // An annex written by the supplier under its own name, which nothing defines as a party.
    let verdict_with = |intro: &str, actor: &str| {
        let opening = format!("Samenvatting IAMA Schrijfhulp\n\n{intro}");
        breach_in("iama.md", &long_text(&opening, actor))
    };
    let intro = "Deze samenvatting beschrijft de IAMA die Tekstlab B.V. en de gemeente Wervershoven gezamenlijk hebben uitgevoerd.";
    assert_eq!(verdict_with(intro, "Tekstlab").0, "covered");
    // a company defined as the customer is not the supplier
    let intro = "Deze samenvatting is opgesteld voor Acme Retail B.V. (hierna: Opdrachtgever).";
    assert_eq!(verdict_with(intro, "Acme").0, "partial");
    // a model provider named in passing is not the supplier
    let intro = "De Schrijfhulp draait bij Microsoft Ireland Operations Ltd in de EU.";
    assert_eq!(verdict_with(intro, "Microsoft").0, "partial");
    // the supplier's subcontractor, named by its role, is not the supplier either
    let intro = "Onderaannemer: Rekenhuis B.V. verzorgt de hosting van de Schrijfhulp.";
    assert_eq!(verdict_with(intro, "Rekenhuis").0, "partial");
    let intro = "The Schrijfhulp runs on servers of our sub-processor Cloudbase Ltd in Amsterdam.";
    assert_eq!(verdict_with(intro, "Cloudbase").0, "partial");
}

#[test]
fn an_annex_knows_the_name_its_main_agreement_defines() {
    // The annex defines no party; the main agreement names the supplier. Alone, the annex's
    // "Wolkdienst meldt …" stands in the customer's clause and commits nobody.
    let annex = "Bijlage 3 Datalekken\n\nArtikel 8 Melding\n\n8.1 Wolkdienst meldt een inbreuk in verband met persoonsgegevens binnen 24 uur na ontdekking aan de andere partij.\n\n8.2 De opdrachtgever beoordeelt of de inbreuk aan de toezichthouder wordt gemeld.\n";
    let main = "Overeenkomst clouddiensten\n\nPartijen: de gemeente Voorbeeld, hierna te noemen 'opdrachtgever', en Wolkdienst B.V., gevestigd te Delft (hierna: Wolkdienst), komen het volgende overeen.\n\nArtikel 1 De dienst\n\n1.1 Wolkdienst levert de dienst zoals beschreven in de offerte.\n";
    let alone = breach_in("bijlage-3.txt", annex);
    assert_ne!(alone.0, "covered", "{}", alone.1);

    // One supplier folder holding both.
    let supplier = |files: &[(&str, &str)]| {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("wolkdienst");
        std::fs::create_dir(&folder).unwrap();
        for (name, text) in files {
            std::fs::write(folder.join(name), text).unwrap();
        }
        breach_verdict(dir.path())
    };
    let (verdict, note) = supplier(&[("bijlage-3.txt", annex), ("overeenkomst.txt", main)]);
    assert_eq!(verdict, "covered", "{note}");

    // Two documents that name different companies leave the annex on its own.
    let other = main.replace("Wolkdienst", "Rekenhuis");
    let (verdict, note) = supplier(&[
        ("bijlage-3.txt", annex),
        ("overeenkomst.txt", main),
        ("hosting.txt", &other),
    ]);
    assert_ne!(verdict, "covered", "{note}");
}

/// (verdict, evidence texts) of requirement `id` for the one supplier in `dir`.
fn verdict_and_evidence(dir: &std::path::Path, id: &str) -> (String, Vec<String>) {
    let result = result_of(dir, id);
    let evidence = result["evidence"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|e| e["text"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    (
        result["verdict"].as_str().unwrap_or("").to_string(),
        evidence,
    )
}

/// A verwerkersovereenkomst whose Bijlage 1 is a Word table with the row labels in the first
/// column, written with docx-rs; `purpose` fills the "Doel" row.
fn dpa_with_row_table(purpose: &str) -> Vec<u8> {
    use docx_rs::{Docx, Paragraph, Run, Table, TableCell, TableRow};
    let para = |t: &str| Paragraph::new().add_run(Run::new().add_text(t));
    let row = |label: &str, value: &str| {
        TableRow::new(vec![
            TableCell::new().add_paragraph(para(label)),
            TableCell::new().add_paragraph(para(value)),
        ])
    };
    let docx = Docx::new()
        .add_paragraph(para("Verwerkersovereenkomst"))
        .add_paragraph(para("Artikel 1 Onderwerp"))
        .add_paragraph(para("1.1 Deze verwerkersovereenkomst is van toepassing op de verwerking van persoonsgegevens door Verwerker voor Verwerkingsverantwoordelijke."))
        .add_paragraph(para("Bijlage 1 Beschrijving van de verwerking"))
        .add_table(Table::new(vec![
            row("Onderdeel", "Beschrijving"),
            row("Doel", purpose),
            row("Categorieën betrokkenen", "Inwoners die een aanvraag indienen en medewerkers van de gemeente."),
            row("Categorieën persoonsgegevens", "Naam, adres, BSN en de gegevens van de aanvraag."),
            row("Duur", "De looptijd van de Overeenkomst."),
        ]));
    let mut buf = std::io::Cursor::new(Vec::new());
    docx.build().pack(&mut buf).expect("docx-rs packs");
    buf.into_inner()
}

#[test]
fn a_row_label_table_describes_the_processing() {
    let scan = |purpose: &str| {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("zaakwerk");
        std::fs::create_dir(&folder).unwrap();
        std::fs::write(folder.join("vwo.docx"), dpa_with_row_table(purpose)).unwrap();
        verdict_and_evidence(dir.path(), "DP-AGREEMENT")
    };
    let (verdict, evidence) =
        scan("Ondersteuning van de gemeente bij de behandeling van aanvragen voor vergunningen.");
    assert_eq!(verdict, "covered", "{evidence:?}");
    // The value cell is shown with its row label.
    assert!(
        evidence
            .iter()
            .any(|e| e.starts_with("Doel | Ondersteuning")),
        "{evidence:?}"
    );
    // An unfilled row is no description.
    let (verdict, evidence) = scan("[in te vullen door Opdrachtgever]");
    assert_ne!(verdict, "covered", "{evidence:?}");
}
