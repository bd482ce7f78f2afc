//! Sample suppliers against their expected verdicts: runs the real binary (profile `all`), prints
//! per-requirement precision and recall of "addressed" (covered or partial) versus not,
//! exact-verdict accuracy and conflict recall, and fails below the floors. Raise the floors as the
//! engine improves; never lower them to make a change pass.
//!
//! Eight sets: the bundled `corpus/`, and seven sets in `tests/fixtures/heldout/` that were written
//! by other engineers from requirements.md alone, without seeing the rules, and first scored before
//! any rule was changed for them (text files: 79.3% exact; DOCX/PDF made with pandoc and
//! LibreOffice: 86.2%; mixed formats: 89.2%; templates and declarations: 85.7%; letters and
//! addenda: 91.7%; international SaaS terms and Dutch framework contracts: 88.5%; tender responses
//! and sector suppliers, with an encrypted PDF: 85.1%). Rules were then
//! fixed for the general patterns they exposed, so they are held-out no longer; their floors
//! guard those fixes.

use std::collections::BTreeMap;

use assert_cmd::Command;
use serde_json::Value;

/// Floors: macro-F1 of "addressed" over requirements that have at least one addressed
/// expectation, and the share of supplier × requirement pairs with exactly the expected verdict.
struct Floors {
    macro_f1: f64,
    exact: f64,
}

fn addressed(v: &str) -> bool {
    v == "covered" || v == "partial"
}

#[test]
fn corpus_verdicts_agree_with_expected() {
    agrees_with_expected(
        "corpus",
        &Floors {
            macro_f1: 0.95,
            exact: 0.92,
        },
    );
}

#[test]
fn hand_written_set_agrees_with_expected() {
    agrees_with_expected(
        "tests/fixtures/heldout/written-by-hand",
        &Floors {
            macro_f1: 0.92,
            exact: 0.91,
        },
    );
}

#[test]
fn office_document_set_agrees_with_expected() {
    agrees_with_expected(
        "tests/fixtures/heldout/office-documents",
        &Floors {
            macro_f1: 0.95,
            exact: 0.93,
        },
    );
}

#[test]
fn mixed_format_set_agrees_with_expected() {
    agrees_with_expected(
        "tests/fixtures/heldout/mixed-formats",
        &Floors {
            macro_f1: 0.88,
            exact: 0.92,
        },
    );
}

#[test]
fn templates_and_declarations_set_agrees_with_expected() {
    agrees_with_expected(
        "tests/fixtures/heldout/templates-and-declarations",
        &Floors {
            macro_f1: 0.95,
            exact: 0.95,
        },
    );
}

#[test]
fn letters_and_addenda_set_agrees_with_expected() {
    agrees_with_expected(
        "tests/fixtures/heldout/letters-and-addenda",
        &Floors {
            macro_f1: 0.94,
            exact: 0.95,
        },
    );
}

#[test]
fn saas_and_framework_set_agrees_with_expected() {
    agrees_with_expected(
        "tests/fixtures/heldout/saas-and-frameworks",
        &Floors {
            macro_f1: 0.95,
            exact: 0.94,
        },
    );
}

#[test]
fn tenders_and_sectors_set_agrees_with_expected() {
    agrees_with_expected(
        "tests/fixtures/heldout/tenders-and-sectors",
        &Floors {
            macro_f1: 0.94,
            exact: 0.90,
        },
    );
}

/// Scans `dir` (relative to the crate) and compares with `dir/expected.json`.
fn agrees_with_expected(dir: &str, floors: &Floors) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let expected: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join(dir).join("expected.json"))
            .expect("expected.json exists"),
    )
    .expect("expected.json is JSON");
    let breach = expected["breach_deadline"].as_str().unwrap_or("strict");
    let output = Command::cargo_bin("clausescan")
        .expect("binary builds")
        .current_dir(root)
        .args([
            "scan",
            dir,
            "--profile",
            "all",
            "--format",
            "json",
            "--breach-deadline",
            breach,
        ])
        .output()
        .expect("binary runs");
    assert!(
        output.status.code() == Some(0),
        "scan failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let got: Value = serde_json::from_slice(&output.stdout).expect("scan prints JSON");

    check_interface_invariants(&got, dir);

    let mut actual: BTreeMap<(String, String), String> = BTreeMap::new();
    for s in got["suppliers"].as_array().expect("suppliers array") {
        let name = s["name"].as_str().unwrap_or_default().to_string();
        for r in s["results"].as_array().expect("results array") {
            let id = r["id"].as_str().unwrap_or_default().to_string();
            actual.insert(
                (name.clone(), id),
                r["verdict"].as_str().unwrap_or_default().to_string(),
            );
        }
    }

    // per requirement: tp, fp, fn for "addressed"; exact matches; conflicts expected / found
    let mut per_req: BTreeMap<String, [usize; 5]> = BTreeMap::new();
    let (mut exact, mut total, mut conflicts, mut conflicts_found) =
        (0usize, 0usize, 0usize, 0usize);
    let mut mismatches = Vec::new();
    for (supplier, verdicts) in expected["suppliers"].as_object().expect("suppliers object") {
        for (id, want) in verdicts.as_object().expect("verdict map") {
            let want = want.as_str().unwrap_or_default();
            let have = actual
                .get(&(supplier.clone(), id.clone()))
                .unwrap_or_else(|| panic!("no result for {supplier} × {id}"));
            let e = per_req.entry(id.clone()).or_default();
            match (addressed(want), addressed(have)) {
                (true, true) => e[0] += 1,
                (false, true) => e[1] += 1,
                (true, false) => e[2] += 1,
                _ => {}
            }
            total += 1;
            if want == have {
                exact += 1;
                e[3] += 1;
            } else {
                mismatches.push(format!(
                    "{supplier:<28} {id:<20} expected {want:<9} got {have}"
                ));
            }
            e[4] += 1;
            if want == "conflict" {
                conflicts += 1;
                conflicts_found += usize::from(have == "conflict");
            }
        }
    }
    let mut f1s = Vec::new();
    println!(
        "{:<20} {:>9} {:>9} {:>6} {:>7}",
        "requirement", "precision", "recall", "F1", "exact"
    );
    for (id, [tp, fp, fneg, ok, n]) in &per_req {
        let p = if tp + fp == 0 {
            1.0
        } else {
            *tp as f64 / (tp + fp) as f64
        };
        let r = if tp + fneg == 0 {
            1.0
        } else {
            *tp as f64 / (tp + fneg) as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        if tp + fneg > 0 {
            f1s.push(f1);
        }
        println!("{id:<20} {p:>9.2} {r:>9.2} {f1:>6.2} {ok:>3}/{n:<3}");
    }
    let macro_f1 = f1s.iter().sum::<f64>() / f1s.len().max(1) as f64;
    let exact_share = exact as f64 / total.max(1) as f64;
    println!("macro-F1 (addressed) {macro_f1:.3}; exact verdicts {exact}/{total} = {exact_share:.3}; conflict recall {conflicts_found}/{conflicts}");
    println!("mismatches:\n{}", mismatches.join("\n"));
    assert!(
        macro_f1 >= floors.macro_f1,
        "{dir}: macro-F1 {macro_f1:.3} below floor {}",
        floors.macro_f1
    );
    assert!(
        exact_share >= floors.exact,
        "{dir}: exact {exact_share:.3} below floor {}",
        floors.exact
    );
}

/// interface.md: every supplier has a result for every requirement of the profile, in catalogue
/// order; covered/partial/conflict carry evidence with a valid role; partial/conflict carry a note;
/// document paths start with the PATH as typed; `pages` only for readable PDFs.
fn check_interface_invariants(got: &Value, dir: &str) {
    assert_eq!(got["schema_version"], 1);
    assert_eq!(got["tool"]["name"], "clausescan");
    let ids: Vec<&str> = got["requirements"]
        .as_array()
        .expect("requirements")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids.len(), 29, "profile all has 29 requirements");
    for s in got["suppliers"].as_array().expect("suppliers") {
        let name = s["name"].as_str().expect("name");
        let results: Vec<&str> = s["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| r["id"].as_str().expect("id"))
            .collect();
        assert_eq!(
            results, ids,
            "{name}: one result per requirement, in catalogue order"
        );
        for d in s["documents"].as_array().expect("documents") {
            let path = d["path"].as_str().expect("path");
            assert!(path.starts_with(&format!("{dir}/")), "{path}");
            let status = d["status"].as_str().expect("status");
            assert!(
                ["ok", "unreadable", "error"].contains(&status),
                "{path}: {status}"
            );
            if status != "ok" || d["format"] != "pdf" {
                assert!(d["pages"].is_null(), "{path}: pages only for readable PDFs");
            }
        }
        for r in s["results"].as_array().expect("results") {
            let id = r["id"].as_str().unwrap_or_default();
            let verdict = r["verdict"].as_str().expect("verdict");
            let evidence = r["evidence"].as_array().expect("evidence array");
            if ["covered", "partial", "conflict"].contains(&verdict) {
                assert!(
                    !evidence.is_empty(),
                    "{name} {id}: {verdict} without evidence"
                );
            }
            if ["partial", "conflict"].contains(&verdict) {
                assert!(
                    r["note"].as_str().is_some_and(|n| !n.is_empty()),
                    "{name} {id}: {verdict} without a note"
                );
            }
            for e in evidence {
                assert!(
                    ["covers", "partial", "conflict"].contains(&e["role"].as_str().unwrap_or(""))
                );
                assert!(
                    e["paragraph"].as_u64().is_some_and(|p| p >= 1),
                    "{name} {id}: paragraph"
                );
                assert!(
                    !e["text"].as_str().unwrap_or("").is_empty(),
                    "{name} {id}: empty evidence"
                );
            }
        }
    }
}
