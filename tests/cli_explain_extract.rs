//! Integration tests of `clausescan explain` and `clausescan extract` with the real binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/cli")
}

fn clausescan() -> Command {
    let mut c = Command::cargo_bin("clausescan").unwrap();
    c.current_dir(fixtures()).env("NO_COLOR", "1");
    c
}

#[test]
fn explain_treats_the_folder_as_one_supplier() {
    let out = clausescan()
        .args(["explain", "basic/acme", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &json["suppliers"][0];
    assert_eq!(json["suppliers"].as_array().unwrap().len(), 1);
    assert_eq!(s["name"], "acme");
    let paths: Vec<&str> = s["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["basic/acme/annex/genai.md", "basic/acme/dpa.txt"]);
    assert_eq!(
        s["results"].as_array().unwrap().len(),
        json["requirements"].as_array().unwrap().len()
    );
}

#[test]
fn explain_text_names_documents_and_verdicts() {
    let out = clausescan()
        .args(["explain", "basic/acme/dpa.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("dpa — profile "), "{text}");
    assert!(text.contains("basic/acme/dpa.txt (txt) ok"), "{text}");
}

#[test]
fn explain_one_requirement_and_an_unknown_one() {
    let out = clausescan()
        .args(["explain", "basic/acme", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    if let Some(id) = json["requirements"][0]["id"].as_str() {
        let out = clausescan()
            .args(["explain", "basic/acme", "--format", "json", "--requirement"])
            .arg(id.to_lowercase())
            .output()
            .unwrap();
        let one: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(one["requirements"].as_array().unwrap().len(), 1);
        assert_eq!(one["suppliers"][0]["results"][0]["id"], id);
    }
    clausescan()
        .args(["explain", "basic/acme", "--requirement", "NOPE-1"])
        .assert()
        .code(2)
        .stderr(contains("unknown requirement 'NOPE-1'"));
}

#[test]
fn explain_missing_path_is_exit_2() {
    clausescan()
        .args(["explain", "basic/nobody"])
        .assert()
        .code(2)
        .stderr(contains("clausescan: error: path not found: basic/nobody"));
}

#[test]
fn extract_prints_text_with_markers() {
    clausescan()
        .args(["extract", "basic/acme/dpa.txt"])
        .assert()
        .code(0)
        .stdout(contains("Artikel 7 Datalekken"));
}

#[test]
fn extract_json_is_valid() {
    let out = clausescan()
        .args(["extract", "basic/acme/dpa.txt", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["status"], "ok");
    assert_eq!(json["path"], "basic/acme/dpa.txt");
}

#[test]
fn extract_unreadable_is_exit_1_with_the_reason() {
    clausescan()
        .args(["extract", "basic/beta/old-contract.doc"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(contains(
            "clausescan: error: basic/beta/old-contract.doc: unsupported format: .doc — convert to PDF/DOCX",
        ));
    clausescan()
        .args(["extract", "basic/beta/empty.txt"])
        .assert()
        .code(1)
        .stderr(contains("basic/beta/empty.txt: empty file"));
}

#[test]
fn extract_usage_errors_are_exit_2() {
    clausescan()
        .args(["extract", "nope.pdf"])
        .assert()
        .code(2)
        .stderr(contains("path not found: nope.pdf"));
    clausescan()
        .args(["extract", "basic"])
        .assert()
        .code(2)
        .stderr(contains("is a folder"));
    clausescan()
        .args(["extract", "basic/acme/prices.csv"])
        .assert()
        .code(2)
        .stderr(contains("not a document type"));
    clausescan().args(["extract"]).assert().code(2);
}
