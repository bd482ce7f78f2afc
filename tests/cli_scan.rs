//! Integration tests of `clausescan scan` on the fixture folders in tests/fixtures/cli/: discovery,
//! grouping, unreadable documents, formats, exit codes. They run the real binary.
//!
//! Tests that need a scan to run need the built-in library to have the default profile; they
//! assert on what the cli controls (documents, statuses, suppliers, one result per requirement),
//! so they hold whatever the rules decide.

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

/// Runs `scan ARGS --format json` and returns exit code and parsed JSON.
fn scan_json(args: &[&str]) -> (i32, Value) {
    let out = clausescan()
        .arg("scan")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    let json: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); exit {code}; stderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, json)
}

fn supplier<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["suppliers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no supplier {name} in {json}"))
}

fn names(json: &Value) -> Vec<String> {
    json["suppliers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap().to_string())
        .collect()
}

fn doc_paths(s: &Value) -> Vec<String> {
    s["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["path"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn missing_path_is_a_usage_error_even_next_to_a_good_one() {
    clausescan()
        .args(["scan", "basic", "no-such-folder"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "clausescan: error: path not found: no-such-folder",
        ));
}

#[test]
fn empty_folder_is_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    clausescan()
        .arg("scan")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no supported document found"));
}

#[test]
fn folder_with_only_unsupported_files_is_exit_2() {
    clausescan()
        .args(["scan", "nosupported"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "clausescan: error: no supported document found in nosupported",
        ));
}

#[test]
fn grouping_statuses_and_skips() {
    let (code, json) = scan_json(&["basic"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(json["schema_version"], 1);
    assert_eq!(json["tool"]["name"], "clausescan");
    assert_eq!(json["profile"], "nl-genai-2023");
    // Subfolders and loose documents are suppliers; sorted by name; hidden folder is not one.
    assert_eq!(names(&json), ["acme", "beta", "delta", "gamma"]);

    let acme = supplier(&json, "acme");
    assert_eq!(
        doc_paths(acme),
        ["basic/acme/annex/genai.md", "basic/acme/dpa.txt"]
    );
    for d in acme["documents"].as_array().unwrap() {
        assert_eq!(d["status"], "ok");
        assert_eq!(d["pages"], Value::Null);
    }
    assert_eq!(acme["documents"][0]["format"], "md");

    // An unsupported .doc and an empty .txt next to a good document: listed, batch not aborted.
    let beta = supplier(&json, "beta");
    let docs = beta["documents"].as_array().unwrap();
    let by_path = |p: &str| docs.iter().find(|d| d["path"] == p).unwrap();
    assert_eq!(by_path("basic/beta/declaration.txt")["status"], "ok");
    let doc = by_path("basic/beta/old-contract.doc");
    assert_eq!(doc["status"], "unreadable");
    assert_eq!(doc["format"], "doc");
    assert_eq!(
        doc["message"],
        "unsupported format: .doc — convert to PDF/DOCX"
    );
    assert_eq!(by_path("basic/beta/empty.txt")["status"], "error");
    // Not-found verdicts of a supplier with an unreadable document are never "missing".
    for r in beta["results"].as_array().unwrap() {
        assert_ne!(r["verdict"], "missing", "{r}");
    }

    // gamma has only a .png: no supported document → unknown with that note, for everything.
    let gamma = supplier(&json, "gamma");
    assert_eq!(gamma["documents"][0]["status"], "unreadable");
    for r in gamma["results"].as_array().unwrap() {
        assert_eq!(r["verdict"], "unknown");
        assert_eq!(r["note"], "no supported document");
    }

    let skipped: Vec<(String, String)> = json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["path"].as_str().unwrap().to_string(),
                s["reason"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let has = |p: &str, r: &str| skipped.iter().any(|(sp, sr)| sp == p && sr == r);
    assert!(has("basic/.hidden-dir", "hidden"), "{skipped:?}");
    assert!(has("basic/acme/.notes.txt", "hidden"), "{skipped:?}");
    assert!(
        has("basic/acme/prices.csv", "unsupported type"),
        "{skipped:?}"
    );
}

#[test]
fn every_supplier_has_one_result_per_requirement_in_catalogue_order() {
    let (_, json) = scan_json(&["basic"]);
    let ids: Vec<&Value> = json["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["id"])
        .collect();
    for s in json["suppliers"].as_array().unwrap() {
        let got: Vec<&Value> = s["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| &r["id"])
            .collect();
        assert_eq!(got, ids, "supplier {}", s["name"]);
        for r in s["results"].as_array().unwrap() {
            let v = r["verdict"].as_str().unwrap();
            assert!(
                ["covered", "partial", "missing", "conflict", "unknown"].contains(&v),
                "{v}"
            );
            assert!(r["evidence"].is_array());
        }
    }
}

#[test]
fn a_file_path_is_its_own_supplier_named_after_its_stem() {
    let (code, json) = scan_json(&["basic/acme/dpa.txt"]);
    assert_eq!(code, 0);
    assert_eq!(names(&json), ["dpa"]);
    assert_eq!(doc_paths(&json["suppliers"][0]), ["basic/acme/dpa.txt"]);
}

#[test]
fn same_supplier_names_from_different_places_are_told_apart() {
    let (_, json) = scan_json(&["dup/a", "dup/b"]);
    assert_eq!(names(&json), ["acme (a)", "acme (b)"]);
    assert_eq!(
        doc_paths(supplier(&json, "acme (b)")),
        ["dup/b/acme/contract.txt"]
    );
}

#[test]
fn empty_subfolder_is_a_supplier_without_documents() {
    let (code, json) = scan_json(&["empty-suppliers"]);
    assert_eq!(code, 0);
    assert_eq!(names(&json), ["acme", "bare"]);
    let bare = supplier(&json, "bare");
    assert_eq!(bare["documents"].as_array().unwrap().len(), 0);
    for r in bare["results"].as_array().unwrap() {
        assert_eq!(r["verdict"], "unknown");
        assert_eq!(r["note"], "no supported document");
    }
}

#[test]
fn manifest_groups_and_skips_unlisted_documents() {
    let (code, json) = scan_json(&["manifest/docs", "--manifest", "manifest/manifest.csv"]);
    assert_eq!(code, 0, "{json}");
    assert_eq!(names(&json), ["Supplier One", "Two, Inc."]);
    assert_eq!(
        doc_paths(supplier(&json, "Supplier One")),
        ["manifest/docs/one/a.txt", "manifest/docs/one/b.txt"]
    );
    assert_eq!(
        doc_paths(supplier(&json, "Two, Inc.")),
        ["manifest/docs/two/c.txt"]
    );
    let skipped = json["skipped"].as_array().unwrap();
    assert!(skipped
        .iter()
        .any(|s| s["path"] == "manifest/docs/stray.txt" && s["reason"] == "not in manifest"));
}

#[test]
fn manifest_without_header_is_a_usage_error_naming_the_file() {
    clausescan()
        .args([
            "scan",
            "manifest/docs",
            "--manifest",
            "manifest/bad-header.csv",
        ])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("manifest/bad-header.csv:1:"))
        .stderr(predicates::str::contains("path,supplier"));
}

#[test]
fn manifest_row_that_does_not_exist_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Some text.\n").unwrap();
    std::fs::write(
        dir.path().join("m.csv"),
        "path,supplier\na.txt,A\nnope.pdf,B\n",
    )
    .unwrap();
    let out = clausescan()
        .arg("scan")
        .arg(dir.path())
        .arg("--manifest")
        .arg(dir.path().join("m.csv"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("m.csv:3: path not found"), "{err}");
}

#[test]
fn symlink_loop_is_skipped_not_followed_forever() {
    let dir = tempfile::tempdir().unwrap();
    let acme = dir.path().join("acme");
    std::fs::create_dir_all(acme.join("sub")).unwrap();
    std::fs::write(acme.join("contract.txt"), "A contract.\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&acme, acme.join("sub/loop")).unwrap();
    let out = clausescan()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(names(&json), ["acme"]);
    assert_eq!(
        json["suppliers"][0]["documents"].as_array().unwrap().len(),
        1
    );
    #[cfg(unix)]
    assert!(json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["reason"] == "symlink loop"));
}

#[cfg(target_os = "linux")]
#[test]
fn non_utf8_file_name_is_read_and_shown_lossily() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let sup = dir.path().join("acme");
    std::fs::create_dir(&sup).unwrap();
    let name = OsStr::from_bytes(b"contract-\xff\xfe.txt");
    std::fs::write(sup.join(name), "A contract with text.\n").unwrap();
    let out = clausescan()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let doc = &json["suppliers"][0]["documents"][0];
    assert_eq!(doc["status"], "ok", "{doc}");
    assert!(doc["path"]
        .as_str()
        .unwrap()
        .ends_with("acme/contract-\u{fffd}\u{fffd}.txt"));
}

#[test]
fn jobs_1_and_2_give_identical_output() {
    let run = |jobs: &str| {
        clausescan()
            .args(["scan", "basic", "dup/a", "--format", "json", "--jobs", jobs])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("2"));
}

#[test]
fn csv_parses_back_with_bom_and_crlf() {
    let out = clausescan()
        .args(["scan", "basic", "--format", "csv"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with('\u{feff}'));
    let rows = clausescan::report::csv::parse(&text).unwrap();
    let header = &rows[0].1;
    assert_eq!(
        header,
        &[
            "supplier",
            "requirement",
            "title",
            "severity",
            "verdict",
            "note",
            "evidence_path",
            "page",
            "clause",
            "sentence"
        ]
    );
    assert!(text.contains("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\r'));
    // One row per supplier × requirement.
    let (_, json) = scan_json(&["basic"]);
    let expected = json["suppliers"].as_array().unwrap().len()
        * json["requirements"].as_array().unwrap().len();
    assert_eq!(rows.len() - 1, expected);
    for (_, r) in &rows {
        assert_eq!(r.len(), 10);
    }
}

#[test]
fn output_file_is_written_whole_and_no_temp_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("report.json");
    std::fs::write(&target, "old").unwrap();
    clausescan()
        .args(["scan", "basic", "--format", "json", "--output"])
        .arg(&target)
        .assert()
        .code(0)
        .stdout("");
    let text = std::fs::read_to_string(&target).unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["schema_version"], 1);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "temp file left behind");
}

/// `-o /dev/null` is how a CI job asks only for the exit code. Renaming a temporary file over it
/// (as root) once left the machine a regular file there, which broke cargo's own rustc probe.
#[cfg(unix)]
#[test]
fn output_to_dev_null_leaves_the_device_in_place() {
    use std::os::unix::fs::FileTypeExt;
    let device = |p: &str| std::fs::metadata(p).is_ok_and(|m| m.file_type().is_char_device());
    if !device("/dev/null") {
        eprintln!("skipped: /dev/null is not a character device on this machine");
        return;
    }
    clausescan()
        .args(["scan", "basic", "--format", "json", "--output", "/dev/null"])
        .assert()
        .code(0)
        .stdout("");
    assert!(device("/dev/null"), "/dev/null was replaced by a file");
}

#[cfg(unix)]
#[test]
fn output_through_a_symlink_keeps_the_link_and_fills_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.json");
    let link = dir.path().join("link.json");
    std::fs::write(&real, "old").unwrap();
    std::os::unix::fs::symlink(&real, &link).unwrap();
    clausescan()
        .args(["scan", "basic", "--format", "json", "--output"])
        .arg(&link)
        .assert()
        .code(0);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let json: Value = serde_json::from_str(&std::fs::read_to_string(&real).unwrap()).unwrap();
    assert_eq!(json["schema_version"], 1);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        2,
        "temp file left behind"
    );
}

#[test]
fn output_into_a_missing_folder_is_an_error_naming_it() {
    clausescan()
        .args(["scan", "basic", "--output", "no/such/dir/r.json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot write no/such/dir/r.json"));
}

#[test]
fn table_is_plain_with_no_color_and_lists_unreadable_documents() {
    let out = clausescan().args(["scan", "basic"]).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(!text.contains('\u{1b}'), "escape codes with NO_COLOR");
    for name in ["acme", "beta", "delta", "gamma"] {
        assert!(text.contains(name), "{text}");
    }
    assert!(text.contains("basic/beta/old-contract.doc"));
    assert!(text.contains("unsupported format: .doc — convert to PDF/DOCX"));
    assert!(text.contains("✓ covered"));
    for line in text.lines() {
        assert!(line.chars().count() <= 120, "line too wide: {line}");
    }
}

#[test]
fn other_formats_render() {
    for (format, check) in [
        ("markdown", "# Clause check"),
        ("html", "<!DOCTYPE html>"),
        ("sarif", "\"version\": \"2.1.0\""),
    ] {
        let out = clausescan()
            .args(["scan", "basic", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{format}");
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains(check), "{format}: {text}");
        assert!(text.contains("gamma"), "{format}");
    }
    let out = clausescan()
        .args(["scan", "basic", "--format", "sarif"])
        .output()
        .unwrap();
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let (_, json) = scan_json(&["basic"]);
    assert_eq!(rules.len(), json["requirements"].as_array().unwrap().len());
}

#[test]
fn usage_errors_exit_2() {
    clausescan().args(["scan"]).assert().code(2);
    clausescan()
        .args(["scan", "basic", "--format", "pdf"])
        .assert()
        .code(2);
    clausescan()
        .args(["scan", "basic", "--jobs", "0"])
        .assert()
        .code(2);
    clausescan()
        .args(["scan", "basic", "--profile", "no-such-profile"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-profile"));
    clausescan()
        .args(["scan", "basic", "--clauses", "no-such-dir"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no-such-dir"));
}

#[test]
fn colour_only_when_asked_and_never_with_no_color() {
    let run = |no_color: bool| {
        let mut c = Command::cargo_bin("clausescan").unwrap();
        c.current_dir(fixtures())
            .args(["scan", "basic", "--color", "always"]);
        if no_color {
            c.env("NO_COLOR", "1");
        } else {
            c.env_remove("NO_COLOR");
        }
        String::from_utf8(c.output().unwrap().stdout).unwrap()
    };
    assert!(run(false).contains('\u{1b}'), "--color always colours");
    assert!(
        !run(true).contains('\u{1b}'),
        "NO_COLOR wins over --color always"
    );
    // Not a terminal (captured by the test): no colour by default.
    let mut c = Command::cargo_bin("clausescan").unwrap();
    c.current_dir(fixtures())
        .env_remove("NO_COLOR")
        .args(["scan", "basic"]);
    assert!(!String::from_utf8(c.output().unwrap().stdout)
        .unwrap()
        .contains('\u{1b}'));
}

#[test]
fn html_escapes_names_from_the_file_system() {
    let dir = tempfile::tempdir().unwrap();
    let sup = dir.path().join("<b>acme&co");
    std::fs::create_dir(&sup).unwrap();
    std::fs::write(sup.join("c.txt"), "A contract.\n").unwrap();
    let out = clausescan()
        .arg("scan")
        .arg(dir.path())
        .args(["--format", "html"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let html = String::from_utf8(out.stdout).unwrap();
    assert!(html.contains("&lt;b&gt;acme&amp;co"));
    assert!(!html.contains("<b>acme"));
    assert!(!html.contains("<script"));
    assert!(
        !html.contains("http://") && !html.contains("src="),
        "self-contained"
    );
}

#[test]
fn verbose_lists_skipped_files_on_stderr_and_quiet_says_nothing() {
    let out = clausescan()
        .args(["scan", "basic", "--format", "json", "--verbose"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("skipped basic/.hidden-dir (hidden)"), "{err}");
    assert!(
        err.contains("skipped basic/acme/.notes.txt (hidden)"),
        "{err}"
    );
    assert!(
        err.contains("skipped basic/acme/prices.csv (unsupported type)"),
        "{err}"
    );
    clausescan()
        .args(["scan", "basic", "--format", "json", "--quiet"])
        .assert()
        .code(0)
        .stderr("");
}

#[test]
fn the_same_path_twice_is_scanned_once() {
    let (_, once) = scan_json(&["dup/a"]);
    let (_, twice) = scan_json(&["dup/a", "dup/a/"]);
    assert_eq!(names(&once), names(&twice));
}

#[test]
fn an_unsupported_file_alone_is_nothing_to_scan() {
    clausescan()
        .args(["scan", "basic/beta/old-contract.doc"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("no supported document found"));
}

#[test]
fn a_file_next_to_a_folder_of_the_same_name_are_two_suppliers() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(corpus.join("acme")).unwrap();
    std::fs::write(corpus.join("acme.txt"), "Loose statement.\n").unwrap();
    std::fs::write(corpus.join("acme/dpa.txt"), "A contract.\n").unwrap();
    let out = clausescan()
        .current_dir(dir.path())
        .args(["scan", "corpus", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let n = names(&json);
    assert_eq!(n.len(), 2);
    assert!(n.iter().all(|s| s.starts_with("acme (")), "{n:?}");
    assert_ne!(n[0], n[1]);
    assert_eq!(
        doc_paths(supplier(&json, "acme (corpus/acme)")),
        ["corpus/acme/dpa.txt"]
    );
}
