//! Fuzz target for the PDF reader: any bytes must give a document or a typed error, never a
//! panic (the panic guard of `extract_bytes` is bypassed by calling the reader directly).
#![no_main]

use clausescan::extract::{pdf, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits {
        max_seconds: 5,
        max_decompressed_bytes: 16 << 20,
        ..Limits::default()
    };
    let _ = pdf::extract(data, &limits);
});
