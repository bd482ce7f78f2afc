//! DOCX extraction speed (MB/s of .docx bytes) on one core and on two (rayon over files), with
//! docx-rs's reader (`docx_rs::read_docx`) on the same files for comparison, and what docx-rs
//! misses on the feature fixture. Files: the DOCX fixtures plus every .docx under
//! `$CLAUSESCAN_REAL_DOCS` (default /work/shared/real-docs) when that folder exists.
//!
//! `cargo bench --bench extract_office`; `BOMB=file.docx <bench binary>` reads one file once and
//! exits (for `/usr/bin/time -v` peak-memory measurements).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clausescan::extract::{extract_bytes, Limits};
use clausescan::model::Format;
use rayon::prelude::*;

fn docx_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            docx_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "docx") {
            out.push(p);
        }
    }
}

/// Runs `f` over all files repeatedly for at least `min` and returns MB/s of input bytes.
fn rate(min: Duration, total_bytes: usize, mut f: impl FnMut()) -> f64 {
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed() < min || rounds < 3 {
        f();
        rounds += 1;
    }
    (total_bytes as f64 * rounds as f64) / start.elapsed().as_secs_f64() / 1e6
}

fn main() {
    let limits = Limits::default();
    if let Ok(bomb) = std::env::var("BOMB") {
        let bytes = std::fs::read(&bomb).expect("BOMB file readable");
        let format = if bomb.ends_with(".odt") {
            Format::Odt
        } else {
            Format::Docx
        };
        let t = Instant::now();
        let r = extract_bytes(&bytes, format, &limits);
        println!(
            "{bomb}: {:?} in {:?}",
            r.map(|d| d.blocks().count()),
            t.elapsed()
        );
        return;
    }
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    docx_files(&manifest.join("tests/fixtures/docx"), &mut files);
    let real =
        std::env::var("CLAUSESCAN_REAL_DOCS").unwrap_or_else(|_| "/work/shared/real-docs".into());
    docx_files(Path::new(&real), &mut files);
    files.sort();
    let docs: Vec<(String, Vec<u8>)> = files
        .iter()
        .filter_map(|p| Some((p.display().to_string(), std::fs::read(p).ok()?)))
        .collect();
    let total: usize = docs.iter().map(|(_, b)| b.len()).sum();
    println!("{} DOCX files, {:.2} MB", docs.len(), total as f64 / 1e6);

    let min = Duration::from_secs(3);
    println!("\nper file (clausescan, one core):");
    for (name, bytes) in &docs {
        let r = extract_bytes(bytes, Format::Docx, &limits);
        let blocks = r.as_ref().map(|d| d.blocks().count()).unwrap_or(0);
        let mbs = rate(Duration::from_millis(500), bytes.len(), || {
            let _ = extract_bytes(bytes, Format::Docx, &limits);
        });
        let short = name.rsplit('/').next().unwrap_or(name);
        println!("  {mbs:8.1} MB/s  {blocks:5} blocks  {short}");
    }

    let one = rate(min, total, || {
        for (_, b) in &docs {
            let _ = extract_bytes(b, Format::Docx, &limits);
        }
    });
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(2)
        .build()
        .expect("pool");
    let two = rate(min, total, || {
        pool.install(|| {
            docs.par_iter().for_each(|(_, b)| {
                let _ = extract_bytes(b, Format::Docx, &limits);
            })
        })
    });
    let docx_rs_one = rate(min, total, || {
        for (_, b) in &docs {
            let _ = std::panic::catch_unwind(|| docx_rs::read_docx(b));
        }
    });
    println!(
        "\nclausescan DOCX: {one:.1} MB/s on one core, {two:.1} MB/s on two (rayon over files)"
    );
    println!("docx-rs read_docx: {docx_rs_one:.1} MB/s on one core (parse only, no text assembly)");

    // What docx-rs's reader keeps of the feature fixture: phrases searched in its JSON dump.
    let fixture = manifest.join("tests/fixtures/docx/python_docx_features.docx");
    if let Ok(bytes) = std::fs::read(&fixture) {
        let json = match std::panic::catch_unwind(|| docx_rs::read_docx(&bytes)) {
            Ok(Ok(d)) => d.json(),
            Ok(Err(e)) => format!("error {e}"),
            Err(_) => "panic".to_string(),
        };
        println!("\ndocx-rs on python_docx_features.docx (phrase present in its model?):");
        for (what, phrase) in [
            ("footnote", "subverwerkers worden vooraf gemeld"),
            ("endnote", "Eindnoot over de looptijd"),
            ("header section 1", "Koptekst sectie een"),
            ("header section 2", "Koptekst sectie twee"),
            ("footer section 1", "Voettekst sectie een"),
            ("text box", "Tekstvak over kunstmatige"),
            (
                "comment text (should be absent from text)",
                "GEHEIM COMMENTAAR",
            ),
        ] {
            println!("  {what:45} {}", json.contains(phrase));
        }
        println!(
            "  {:45} {}",
            "w:noBreakHyphen kept (\"e-mail\")",
            json.contains("e-mail")
        );
    }
}
