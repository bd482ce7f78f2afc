//! Every worked example of the clause library must produce its stated verdict: the built-in library,
//! and a small library under tests/fixtures/clauses that pins the engine's semantics.

use clausescan::catalogue::test_report;
use clausescan::engine::examples::run;
use clausescan::library::Library;

#[test]
fn builtin_library_examples_all_pass() {
    let library = Library::builtin().expect("built-in library is valid");
    let outcomes = run(&library, None).expect("examples run");
    let (report, passed) = test_report(&outcomes);
    assert!(passed, "{report}");
}

#[test]
fn engine_semantics_fixture_examples_all_pass() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clauses");
    let library = Library::load(&dir, true).expect("fixture library is valid");
    let outcomes = run(&library, Some("X-BREACH")).expect("examples run");
    assert!(outcomes.len() >= 8);
    let (report, passed) = test_report(&outcomes);
    assert!(passed, "{report}");
}
