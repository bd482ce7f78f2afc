//! PDF extraction speed: pages per second on one core and on two (rayon over files).
//!
//! `cargo bench --bench extract_pdf -- [--runs N] [--dump OUTDIR] [FILE|DIR]...`
//! Without paths it reads tests/fixtures/pdf and /work/shared/real-docs. With `--dump OUTDIR` it
//! writes each file's extracted text to OUTDIR/<name>.txt (pages separated by form feeds, blocks
//! by blank lines) for the fidelity script `bench/pdf.sh`, and does not time anything.

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
    let mut args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let mut runs = 5usize;
    let mut dump: Option<PathBuf> = None;
    let mut paths = Vec::new();
    while !args.is_empty() {
        let a = args.remove(0);
        match a.as_str() {
            "--runs" if !args.is_empty() => runs = args.remove(0).parse().unwrap_or(5),
            "--dump" if !args.is_empty() => dump = Some(PathBuf::from(args.remove(0))),
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

    if let Some(dir) = dump {
        let _ = std::fs::create_dir_all(&dir);
        for (path, bytes) in &data {
            let name = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
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
    println!("{} files, {} pages with text, {} runs", data.len(), pages, runs);

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
        pool.install(|| {
            for _ in 0..runs {
                data.par_iter().for_each(|(_, b)| {
                    let _ = std::hint::black_box(extract_bytes(b, Format::Pdf, &limits));
                });
            }
        });
        let two = t.elapsed().as_secs_f64();
        println!(
            "2 threads: {:8.3} s  {:8.1} pages/s",
            two,
            (pages * runs) as f64 / two
        );
    }
}
