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

fn breach_verdict(dir: &std::path::Path) -> (String, String) {
    let out = Command::cargo_bin("clausescan")
        .unwrap()
        .args(["scan", "--profile", "all", "--format", "json"])
        .arg(dir)
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).expect("JSON output");
    let result = json["suppliers"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "DP-BREACH")
        .cloned()
        .expect("DP-BREACH result");
    (
        result["verdict"].as_str().unwrap_or("").to_string(),
        result["note"].as_str().unwrap_or("").to_string(),
    )
}

#[test]
fn a_contract_that_defines_the_supplier_commits_it() {
    let dir = tempfile::tempdir().unwrap();
    let opening = "Verwerkersovereenkomst\n\nPartijen: Gemeente Voorbeeld, hierna te noemen 'opdrachtgever', en Wolkdienst B.V., hierna te noemen 'leverancier', komen het volgende overeen.";
    std::fs::write(
        dir.path().join("verwerkersovereenkomst.txt"),
        long_text(opening, "de leverancier"),
    )
    .unwrap();
    assert_eq!(breach_verdict(dir.path()).0, "covered");
}

#[test]
fn capitalised_party_words_make_a_contract_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("overeenkomst.txt"),
        long_text("Overeenkomst clouddiensten", "de Leverancier"),
    )
    .unwrap();
    assert_eq!(breach_verdict(dir.path()).0, "covered");
}

#[test]
fn a_guideline_about_suppliers_in_general_commits_nobody() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("handreiking.txt"),
        long_text("Handreiking inkoop van clouddiensten", "de leverancier"),
    )
    .unwrap();
    let (verdict, note) = breach_verdict(dir.path());
    assert_eq!(verdict, "partial", "{note}");
    assert!(note.contains("not stated as the supplier's obligation"), "{note}");
}
