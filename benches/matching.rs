//! Matching speed: MB/s of extracted text through the whole built-in library (fold, segment, one
//! Aho-Corasick pass, rule logic), on one core. Run with `cargo bench --bench matching [DIR...]`;
//! without arguments it reads the plain-text files of `../shared/real-texts` and `corpus/`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clausescan::engine::{Engine, Settings};
use clausescan::extract::{plain, Limits};
use clausescan::library::Library;
use clausescan::text::clean;

mod common;

fn text_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            text_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt" || x == "md") {
            out.push(p);
        }
    }
}

fn main() {
    let dirs = common::folders(&["../shared/real-texts", "corpus"]);
    let mut files = Vec::new();
    for d in &dirs {
        text_files(d, &mut files);
    }
    let docs: Vec<_> = files
        .iter()
        .filter_map(|f| std::fs::read(f).ok())
        .filter_map(|b| {
            plain::extract(&b, &Limits::default())
                .ok()
                .map(|d| (b.len(), clean(d)))
        })
        .collect();
    let bytes: usize = docs.iter().map(|(n, _)| n).sum();
    if bytes == 0 {
        eprintln!("no text files found in {dirs:?}");
        return;
    }
    let library = Library::builtin().expect("built-in library is valid");
    let t = Instant::now();
    let engine = Engine::new(&library, "all", &Settings::default()).expect("profile all");
    let compile = t.elapsed();
    let rounds = 5;
    let t = Instant::now();
    let mut findings = 0usize;
    for _ in 0..rounds {
        for (_, d) in &docs {
            findings += std::hint::black_box(engine.analyse(d, "bench")).path.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let mb = (bytes * rounds) as f64 / 1e6;
    println!(
        "matching: {} files, {:.2} MB x {rounds} rounds in {secs:.2} s = {:.1} MB/s on one core (library compiled in {:.0} ms) [{findings}]",
        docs.len(),
        bytes as f64 / 1e6,
        mb / secs,
        compile.as_secs_f64() * 1000.0
    );
}
