//! Integration tests of `--fail-on` and `--baseline` (interface.md: only `must` results count,
//! baselined results never do), with the real binary.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
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
fn fail_on_never_is_the_default_and_exits_0() {
    clausescan().args(["scan", "basic/gamma"]).assert().code(0);
    clausescan()
        .args(["scan", "basic/gamma", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn unknown_verdicts_trip_fail_on_unknown_and_missing_but_not_conflict() {
    // basic has gamma (only a .png): every requirement is unknown there.
    let out = clausescan()
        .args(["scan", "basic", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let must = json["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .any(|r| r["severity"] == "must");
    assert!(must, "the default profile has must requirements");
    for (v, code) in [
        ("unknown", 1),
        ("missing", 1),
        ("partial", 1),
        ("conflict", -1),
    ] {
        let out = clausescan()
            .args(["scan", "basic/gamma", "--fail-on", v])
            .output()
            .unwrap();
        if code >= 0 {
            assert_eq!(out.status.code(), Some(code), "--fail-on {v}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("gamma"), "{err}");
        } else {
            // gamma has no conflicts: it cannot contain any, nothing was read.
            assert_eq!(out.status.code(), Some(0), "--fail-on {v}");
        }
    }
}

#[test]
fn a_previous_json_output_as_baseline_accepts_every_gap() {
    let dir = tempfile::tempdir().unwrap();
    let base = dir.path().join("baseline.json");
    clausescan()
        .args(["scan", "basic", "--format", "json", "--output"])
        .arg(&base)
        .assert()
        .code(0);
    clausescan()
        .args(["scan", "basic", "--fail-on", "partial", "--baseline"])
        .arg(&base)
        .assert()
        .code(0);
}

#[test]
fn csv_baseline_accepts_listed_gaps_only() {
    let out = clausescan()
        .args(["scan", "basic/gamma", "--format", "json"])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let mut all = String::from("supplier,id,verdict\n");
    let mut but_one = all.clone();
    let reqs = json["requirements"].as_array().unwrap();
    for (i, r) in reqs.iter().enumerate() {
        let line = format!("gamma,{},unknown\n", r["id"].as_str().unwrap());
        all.push_str(&line);
        if i > 0 || r["severity"] != "must" {
            but_one.push_str(&line);
        }
    }
    std::fs::write(dir.path().join("all.csv"), all).unwrap();
    std::fs::write(dir.path().join("but-one.csv"), but_one).unwrap();
    clausescan()
        .args(["scan", "basic/gamma", "--fail-on", "missing", "--baseline"])
        .arg(dir.path().join("all.csv"))
        .assert()
        .code(0);
    if reqs.first().is_some_and(|r| r["severity"] == "must") {
        clausescan()
            .args(["scan", "basic/gamma", "--fail-on", "missing", "--baseline"])
            .arg(dir.path().join("but-one.csv"))
            .assert()
            .code(1);
    }
}

#[test]
fn a_bad_baseline_is_a_usage_error_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let b = dir.path().join("b.csv");
    std::fs::write(&b, "supplier,id,verdict\ngamma,DP-BREACH,fine\n").unwrap();
    clausescan()
        .args(["scan", "basic", "--fail-on", "missing", "--baseline"])
        .arg(&b)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("b.csv:2: unknown verdict 'fine'"));
    clausescan()
        .args(["scan", "basic", "--baseline", "nope.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot read baseline nope.json"));
}
