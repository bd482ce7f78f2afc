//! Fuzz target: any bytes read as DOCX must give a document or a typed error; a panic
//! (even one caught by the guard, reported as `Internal`) is a bug.
#![no_main]

use clausescan::extract::{extract_bytes, ExtractError, Limits};
use clausescan::model::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_seconds: 5,
        ..Limits::default()
    };
    if let Err(ExtractError::Internal(what)) = extract_bytes(data, Format::Docx, &limits) {
        panic!("reader panicked: {what}");
    }
});
