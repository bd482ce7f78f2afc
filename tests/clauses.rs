//! Every worked example of the clause library must produce its stated verdict: the built-in library,
//! and a small library under tests/fixtures/clauses that pins the engine's semantics.

use clausescan::engine::examples::{run, ExampleOutcome};
use clausescan::library::Library;

fn report(outcomes: &[ExampleOutcome]) -> String {
    outcomes
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            format!(
                "{}:{} {} expected {} got {} (note: {})\n    {}",
                o.file,
                o.line,
                o.requirement,
                o.expected.as_str(),
                o.got.as_str(),
                o.note.as_deref().unwrap_or("-"),
                o.text.replace('\n', " ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn builtin_library_examples_all_pass() {
    let library = Library::builtin().expect("built-in library is valid");
    let outcomes = run(&library, None).expect("examples run");
    let failed = report(&outcomes);
    assert!(
        failed.is_empty(),
        "{} of {} examples fail:\n{failed}",
        outcomes.iter().filter(|o| !o.passed()).count(),
        outcomes.len()
    );
}

#[test]
fn engine_semantics_fixture_examples_all_pass() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/clauses");
    let library = Library::load(&dir, true).expect("fixture library is valid");
    let outcomes = run(&library, Some("X-BREACH")).expect("examples run");
    assert!(outcomes.len() >= 8);
    let failed = report(&outcomes);
    assert!(failed.is_empty(), "{failed}");
}
