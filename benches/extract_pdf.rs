//! PDF extraction speed: pages per second on one core and on two (rayon over files).
//!
//! `cargo bench --bench extract_pdf -- [--runs N] [--dump OUTDIR] [FILE|DIR]...`
//! Without paths it reads tests/fixtures/pdf and /work/shared/real-docs. With `--dump OUTDIR` it
//! writes each file's extracted text to OUTDIR/<name>.txt (pages separated by form feeds, blocks
//! by blank lines) for the fidelity script `bench/pdf.sh`, and does not time anything.
//! With `--mutate SECONDS` it runs a mutation loop instead (cargo-fuzz needs nightly): random
//! byte flips, insertions, deletions, truncations and splices of the given PDFs, reporting every
//! panic (caught as `Internal`) and the slowest input.

use std::path::{Path, PathBuf};
use std::time::Instant;

use clausescan::extract::{extract_bytes, Limits};
use clausescan::model::Format;
use rayon::prelude::*;

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        entries.sort();
        for e in entries {
            collect(&e, out);
        }
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
    {
        out.push(path.to_path_buf());
    }
}

fn main() {
    let mut args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut runs = 5usize;
    let mut dump: Option<PathBuf> = None;
    let mut mutate: Option<u64> = None;
    let mut paths = Vec::new();
    while !args.is_empty() {
        let a = args.remove(0);
        match a.as_str() {
            "--runs" if !args.is_empty() => runs = args.remove(0).parse().unwrap_or(5),
            "--dump" if !args.is_empty() => dump = Some(PathBuf::from(args.remove(0))),
            "--mutate" if !args.is_empty() => mutate = args.remove(0).parse().ok(),
            _ => paths.push(PathBuf::from(a)),
        }
    }
    if paths.is_empty() {
        paths.push(PathBuf::from("tests/fixtures/pdf"));
        paths.push(PathBuf::from("/work/shared/real-docs"));
    }
    let mut files = Vec::new();
    for p in &paths {
        collect(p, &mut files);
    }
    let data: Vec<(PathBuf, Vec<u8>)> = files
        .into_iter()
        .filter_map(|f| std::fs::read(&f).ok().map(|b| (f, b)))
        .collect();
    let limits = Limits::default();

    if let Some(secs) = mutate {
        mutation_loop(&data, secs, &limits);
        return;
    }

    if let Some(dir) = dump {
        let _ = std::fs::create_dir_all(&dir);
        for (path, bytes) in &data {
            let name = path
                .file_stem()
                .map(|s| s.to_string_lossy().to_string())
                .unwrap_or_default();
            let text = match extract_bytes(bytes, Format::Pdf, &limits) {
                Ok(doc) => doc
                    .pages
                    .iter()
                    .map(|p| {
                        p.blocks
                            .iter()
                            .map(|b| b.text.as_str())
                            .collect::<Vec<_>>()
                            .join("\n\n")
                    })
                    .collect::<Vec<_>>()
                    .join("\n\u{c}"),
                Err(e) => format!("ERROR: {e}"),
            };
            let _ = std::fs::write(dir.join(format!("{name}.txt")), text);
        }
        return;
    }

    let count_pages = |bytes: &Vec<u8>| -> usize {
        extract_bytes(bytes, Format::Pdf, &limits)
            .map(|d| d.pages.len())
            .unwrap_or(0)
    };
    let pages: usize = data.iter().map(|(_, b)| count_pages(b)).sum();
    println!(
        "{} files, {} pages with text, {} runs",
        data.len(),
        pages,
        runs
    );

    let t = Instant::now();
    for _ in 0..runs {
        for (_, b) in &data {
            let _ = std::hint::black_box(extract_bytes(b, Format::Pdf, &limits));
        }
    }
    let one = t.elapsed().as_secs_f64();
    println!(
        "1 thread : {:8.3} s  {:8.1} pages/s",
        one,
        (pages * runs) as f64 / one
    );

    let pool = rayon::ThreadPoolBuilder::new().num_threads(2).build();
    if let Ok(pool) = pool {
        let t = Instant::now();
        // All (run, file) pairs in one parallel loop, so no run waits for its largest file.
        let jobs: Vec<&Vec<u8>> = (0..runs)
            .flat_map(|_| data.iter().map(|(_, b)| b))
            .collect();
        pool.install(|| {
            jobs.par_iter().for_each(|b| {
                let _ = std::hint::black_box(extract_bytes(b, Format::Pdf, &limits));
            });
        });
        let two = t.elapsed().as_secs_f64();
        println!(
            "2 threads: {:8.3} s  {:8.1} pages/s",
            two,
            (pages * runs) as f64 / two
        );
    }
}

/// xorshift: no rand dependency needed for a mutation loop.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutation_loop(data: &[(PathBuf, Vec<u8>)], secs: u64, limits: &Limits) {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let start = Instant::now();
    let (mut runs, mut panics, mut errors) = (0usize, 0usize, 0usize);
    let mut slowest = (0.0f64, String::new());
    let tokens: [&[u8]; 12] = [
        b"[",
        b"<<",
        b"(",
        b" R ",
        b"obj",
        b"endobj",
        b"stream",
        b"/Kids",
        b" 0 ",
        b"-1",
        b"99999999",
        b"BT",
    ];
    while start.elapsed().as_secs() < secs && !data.is_empty() {
        let (path, src) = &data[rng.below(data.len())];
        let mut b = src.clone();
        for _ in 0..1 + rng.below(8) {
            if b.is_empty() {
                break;
            }
            let at = rng.below(b.len());
            match rng.below(6) {
                0 => b[at] ^= 1 << rng.below(8),
                1 => b[at] = rng.next() as u8,
                2 => {
                    let end = (at + rng.below(64)).min(b.len());
                    b.drain(at..end);
                }
                3 => {
                    let t = tokens[rng.below(tokens.len())];
                    b.splice(at..at, t.iter().copied());
                }
                4 => b.truncate(at.max(1)),
                _ => {
                    let from = rng.below(b.len());
                    let len = rng.below(256).min(b.len() - from);
                    let chunk: Vec<u8> = b[from..from + len].to_vec();
                    b.splice(at..at, chunk);
                }
            }
        }
        let t = Instant::now();
        let r = extract_bytes(&b, Format::Pdf, limits);
        let dt = t.elapsed().as_secs_f64();
        runs += 1;
        if dt > slowest.0 {
            slowest = (dt, path.display().to_string());
        }
        match r {
            Err(clausescan::extract::ExtractError::Internal(msg)) => {
                panics += 1;
                let out = format!("/tmp/pdf-mutation-panic-{panics}.pdf");
                let _ = std::fs::write(&out, &b);
                println!("PANIC ({msg}) from {} saved as {out}", path.display());
            }
            Err(_) => errors += 1,
            Ok(_) => {}
        }
    }
    println!(
        "{runs} mutated inputs in {secs} s: {panics} panics, {errors} errors, slowest {:.3} s ({})",
        slowest.0, slowest.1
    );
}
