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

fn rank(v: &str) -> u8 {
    match v {
        "covered" => 0,
        "partial" => 1,
        "missing" | "unknown" => 2,
        "conflict" => 3,
        other => panic!("verdict {other}"),
    }
}

fn scan_json(path: &str) -> Value {
    let out = clausescan()
        .args(["scan", path, "--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// (supplier, id, verdict) of every `must` result.
fn must_results(json: &Value) -> Vec<(String, String, String)> {
    let must: Vec<&str> = json["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["severity"] == "must")
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    let mut out = Vec::new();
    for s in json["suppliers"].as_array().unwrap() {
        for r in s["results"].as_array().unwrap() {
            if must.contains(&r["id"].as_str().unwrap()) {
                out.push((
                    s["name"].as_str().unwrap().to_string(),
                    r["id"].as_str().unwrap().to_string(),
                    r["verdict"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    out
}

#[test]
fn fail_on_never_is_the_default_and_exits_0() {
    clausescan().args(["scan", "basic"]).assert().code(0);
    clausescan()
        .args(["scan", "basic", "--fail-on", "never"])
        .assert()
        .code(0);
}

#[test]
fn fail_on_exits_1_exactly_when_a_must_result_ranks_at_or_above() {
    let json = scan_json("basic");
    let musts = must_results(&json);
    assert!(
        !musts.is_empty(),
        "the default profile has must requirements"
    );
    let mut tripped = 0;
    for v in ["partial", "missing", "unknown", "conflict"] {
        let expected = if musts.iter().any(|(_, _, got)| rank(got) >= rank(v)) {
            1
        } else {
            0
        };
        tripped += expected;
        let out = clausescan()
            .args(["scan", "basic", "--fail-on", v])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(expected), "--fail-on {v}");
        let err = String::from_utf8_lossy(&out.stderr);
        if expected == 1 {
            assert!(err.contains("of must requirements at or above"), "{err}");
        }
    }
    // gamma (a .png only) is unknown everywhere, so at least partial, missing and unknown trip.
    assert!(tripped >= 3);
    clausescan()
        .args(["scan", "basic", "--fail-on", "unknown", "--quiet"])
        .assert()
        .code(1)
        .stderr("");
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
    let json = scan_json("basic");
    let musts = must_results(&json);
    let failing: Vec<_> = musts.iter().filter(|(_, _, v)| rank(v) >= 2).collect();
    assert!(!failing.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let mut all = String::from("supplier,id,verdict\n");
    let mut but_one = all.clone();
    for (i, (s, id, v)) in failing.iter().enumerate() {
        let line = format!("\"{s}\",{id},{v}\n");
        all.push_str(&line);
        if i > 0 {
            but_one.push_str(&line);
        }
    }
    std::fs::write(dir.path().join("all.csv"), all).unwrap();
    std::fs::write(dir.path().join("but-one.csv"), but_one).unwrap();
    clausescan()
        .args(["scan", "basic", "--fail-on", "missing", "--baseline"])
        .arg(dir.path().join("all.csv"))
        .assert()
        .code(0);
    let out = clausescan()
        .args(["scan", "basic", "--fail-on", "missing", "--baseline"])
        .arg(dir.path().join("but-one.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let (s, id, _) = failing[0];
    assert!(err.contains("1 result of must requirements"), "{err}");
    assert!(err.contains(&format!("{s} {id}")), "{err}");
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
