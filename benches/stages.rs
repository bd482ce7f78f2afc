//! Where the time of a scan goes, per stage and per format, on one core, in the stages of
//! design.md: extraction (reading the file format), normalisation (`text::clean`, then
//! `text::normalise`: segmentation and folding) and matching (`Engine::analyse_normalised`: the
//! term lookup and the rule logic). The goal is that matching stays a small fraction of
//! extraction, so the last column is matching time divided by extraction time.
//!
//! Run with `cargo bench --bench stages [DIR...]`; without arguments it reads `corpus/`,
//! `tests/fixtures/` and, when present, `../shared/real-docs`. Each file is read 5 times; set
//! `STAGES_ROUNDS` for more (a profiler wants a longer run).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clausescan::engine::{Engine, Settings};
use clausescan::extract::{extract_bytes, Limits};
use clausescan::library::Library;
use clausescan::model::Format;
use clausescan::text::{clean, normalise};

mod common;

fn documents(dir: &Path, out: &mut Vec<(PathBuf, Format)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            documents(&p, out);
        } else if let Some(f) = p
            .extension()
            .and_then(|x| x.to_str())
            .and_then(Format::from_extension)
        {
            out.push((p, f));
        }
    }
}

#[derive(Default)]
struct Totals {
    files: usize,
    bytes: usize,
    extract: Duration,
    clean: Duration,
    normalise: Duration,
    matching: Duration,
}

fn main() {
    let dirs = common::folders(&["corpus", "tests/fixtures", "../shared/real-docs"]);
    let mut files = Vec::new();
    for d in &dirs {
        documents(d, &mut files);
    }
    files.sort_by(|a, b| a.0.cmp(&b.0));
    let library = Library::builtin().expect("built-in library is valid");
    let engine = Engine::new(&library, "all", &Settings::default()).expect("profile all");
    let limits = Limits::default();
    let rounds: u32 = std::env::var("STAGES_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let mut per_format: BTreeMap<&'static str, Totals> = BTreeMap::new();
    let mut slowest: Vec<(f64, String)> = Vec::new();
    for (path, format) in &files {
        let Ok(bytes) = std::fs::read(path) else {
            continue;
        };
        // Failing fixtures (corrupt, encrypted, bombs) measure error paths, not the pipeline.
        if extract_bytes(&bytes, *format, &limits).is_err() {
            continue;
        }
        let [mut te, mut tc, mut tn, mut tm] = [Duration::ZERO; 4];
        for _ in 0..rounds {
            let t = Instant::now();
            let doc = extract_bytes(&bytes, *format, &limits).expect("read once already");
            te += t.elapsed();
            let t = Instant::now();
            let doc = clean(doc);
            tc += t.elapsed();
            let t = Instant::now();
            let normalised = normalise(&doc);
            tn += t.elapsed();
            let t = Instant::now();
            std::hint::black_box(engine.analyse_normalised(
                normalised,
                &doc.pages_without_text,
                "bench",
            ));
            tm += t.elapsed();
        }
        let tot = per_format.entry(format.as_str()).or_default();
        tot.files += 1;
        tot.bytes += bytes.len();
        tot.extract += te / rounds;
        tot.clean += tc / rounds;
        tot.normalise += tn / rounds;
        tot.matching += tm / rounds;
        slowest.push((
            tm.as_secs_f64() / te.as_secs_f64().max(1e-9),
            path.display().to_string(),
        ));
    }
    println!(
        "{:<6} {:>5} {:>7} {:>11} {:>9} {:>13} {:>12} {:>15}",
        "format",
        "files",
        "MB",
        "extract ms",
        "clean ms",
        "normalise ms",
        "matching ms",
        "match/extract"
    );
    let mut all = Totals::default();
    for (name, t) in &per_format {
        print_row(name, t);
        all.files += t.files;
        all.bytes += t.bytes;
        all.extract += t.extract;
        all.clean += t.clean;
        all.normalise += t.normalise;
        all.matching += t.matching;
    }
    print_row("all", &all);
    slowest.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("\nhighest match/extract ratios:");
    for (ratio, path) in slowest.iter().take(5) {
        println!("  {ratio:>6.2}  {path}");
    }
}

fn print_row(name: &str, t: &Totals) {
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{:<6} {:>5} {:>7.2} {:>11.1} {:>9.1} {:>13.1} {:>12.1} {:>15.2}",
        name,
        t.files,
        t.bytes as f64 / 1e6,
        ms(t.extract),
        ms(t.clean),
        ms(t.normalise),
        ms(t.matching),
        ms(t.matching) / ms(t.extract).max(1e-9)
    );
}
