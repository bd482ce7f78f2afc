//! The `clausescan` command line: parses arguments (`cli.rs`), calls the library, picks the
//! reporter and turns the outcome into an exit code (interface.md: 0 ran, 1 gate tripped or
//! document unreadable for `extract`, 2 usage). Errors are one sentence on stderr naming the file
//! and the reason. A new subcommand is one variant in `cli::Command` and one `run_*` function here.

mod cli;

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use clap::Parser;

use clausescan::baseline::{self, Baseline};
use clausescan::discover::{self, Discovery, DocKind};
use clausescan::engine::{Engine, Settings};
use clausescan::extract::render::{to_json, to_text};
use clausescan::extract::{extract_path, Limits};
use clausescan::library::Library;
use clausescan::model::ScanResult;
use clausescan::report;
use clausescan::scan::{self, ScanOptions};

use cli::{
    CheckArgs, ClausesCommand, Cli, Command, ExplainArgs, ExtractArgs, ScanArgs, ScanFormat,
    TextFormat,
};

/// Why a command stopped: the exit code and the one sentence users see.
#[derive(Debug)]
struct Failure {
    code: u8,
    message: String,
}

impl Failure {
    fn usage(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

impl From<discover::DiscoverError> for Failure {
    fn from(e: discover::DiscoverError) -> Self {
        Failure::usage(e.to_string())
    }
}

impl From<baseline::BaselineError> for Failure {
    fn from(e: baseline::BaselineError) -> Self {
        Failure::usage(e.to_string())
    }
}

impl From<scan::ScanError> for Failure {
    fn from(e: scan::ScanError) -> Self {
        Failure::usage(e.to_string())
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Scan(args) => run_scan(args),
        Command::Explain(args) => run_explain(args),
        Command::Extract(args) => run_extract(args),
        Command::Clauses(cmd) => run_clauses(cmd),
    };
    match outcome {
        Ok(code) => code,
        Err(f) => {
            eprintln!("clausescan: error: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}

/// The clause library and the engine for `--profile`, `--clauses`, `--no-builtin`,
/// `--breach-deadline`.
fn load_engine(args: &CheckArgs) -> Result<Engine, Failure> {
    let library = match &args.clauses {
        Some(dir) => {
            if !dir.is_dir() {
                return Err(Failure::usage(format!(
                    "clause library folder not found: {}",
                    dir.display()
                )));
            }
            Library::load(dir, !args.no_builtin)
        }
        None => Library::builtin(),
    }
    .map_err(|e| Failure::usage(format!("invalid clause library: {e}")))?;
    let settings = Settings {
        breach_deadline: args.breach_deadline.map(Into::into),
    };
    Engine::new(&library, &args.profile, &settings).map_err(|e| Failure::usage(e.to_string()))
}

fn colour_wanted(choice: cli::ColourChoice, to_file: bool) -> bool {
    // interface.md: never when NO_COLOR is set (even to the empty string).
    if std::env::var_os("NO_COLOR").is_some() {
        return false;
    }
    match choice {
        cli::ColourChoice::Always => true,
        cli::ColourChoice::Never => false,
        cli::ColourChoice::Auto => !to_file && std::io::stdout().is_terminal(),
    }
}

fn run_scan(args: ScanArgs) -> Result<ExitCode, Failure> {
    if let Some(out) = &args.output {
        // Fail before a long scan, not after it.
        let dir = out.parent().filter(|p| !p.as_os_str().is_empty());
        if dir.is_some_and(|d| !d.is_dir()) {
            return Err(Failure::usage(format!(
                "cannot write {}: folder not found",
                out.display()
            )));
        }
        if out.is_dir() {
            return Err(Failure::usage(format!(
                "cannot write {}: it is a folder (give a file name)",
                out.display()
            )));
        }
    }
    let discovery = discover::discover(&args.paths, args.check.manifest.as_deref())?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let engine = load_engine(&args.check)?;
    let notes_on = !args.quiet;
    if notes_on {
        for w in &discovery.warnings {
            eprintln!("clausescan: warning: {w}");
        }
    }
    let options = ScanOptions {
        jobs: args.jobs.map(usize::from),
        progress: !args.quiet,
        limits: Limits::default(),
    };
    let started = std::time::Instant::now();
    let (result, notes) = scan::run(&engine, &discovery, &options)?;
    if args.verbose {
        verbose_notes(&discovery, &result, &notes, started.elapsed());
    }

    let to_terminal = args.output.is_none() && std::io::stdout().is_terminal();
    let rendered = match args.format {
        ScanFormat::Table => report::table::render(
            &result,
            report::table::TableStyle {
                colour: colour_wanted(args.color, args.output.is_some()),
                width: if to_terminal { None } else { Some(120) },
            },
        ),
        ScanFormat::Json => report::json::render(&result),
        ScanFormat::Csv => report::csv::render(&result),
        ScanFormat::Markdown => report::markdown::render(&result),
        ScanFormat::Sarif => report::sarif::render(&result),
        ScanFormat::Html => report::html::render(&result),
    };
    emit(&rendered, args.output.as_deref())?;

    let Some(threshold) = args.fail_on.threshold() else {
        return Ok(ExitCode::SUCCESS);
    };
    let failures = baseline::failures(&result, threshold, baseline.as_ref());
    if failures.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    if notes_on {
        let first: Vec<String> = failures
            .iter()
            .take(5)
            .map(|f| format!("{} {} {}", f.supplier, f.id, f.verdict.as_str()))
            .collect();
        eprintln!(
            "clausescan: {} result{} of must requirements at or above '{}'{}: {}{}",
            failures.len(),
            if failures.len() == 1 { "" } else { "s" },
            threshold.as_str(),
            if baseline.is_some() {
                " and not in the baseline"
            } else {
                ""
            },
            first.join("; "),
            if failures.len() > 5 { "; …" } else { "" }
        );
    }
    Ok(ExitCode::from(1))
}

fn verbose_notes(
    discovery: &Discovery,
    result: &ScanResult,
    notes: &scan::ScanNotes,
    elapsed: std::time::Duration,
) {
    for s in &result.skipped {
        eprintln!("clausescan: skipped {} ({})", s.path, s.reason);
    }
    for (path, w) in &notes.warnings {
        eprintln!("clausescan: {path}: {w}");
    }
    eprintln!(
        "clausescan: {} suppliers, {} documents, {} skipped, {:.2} s",
        discovery.suppliers.len(),
        discovery.document_count(),
        result.skipped.len(),
        elapsed.as_secs_f64()
    );
}

fn run_explain(args: ExplainArgs) -> Result<ExitCode, Failure> {
    let supplier = discover::discover_one(&args.path, args.check.manifest.as_deref())?;
    let engine = load_engine(&args.check)?;
    let wanted = match &args.requirement {
        None => None,
        Some(id) => {
            let found = engine
                .requirements()
                .into_iter()
                .find(|r| r.id.eq_ignore_ascii_case(id.trim()));
            match found {
                Some(r) => Some(r.id),
                None => {
                    return Err(Failure::usage(format!(
                        "unknown requirement '{id}' in profile {} (see `clausescan clauses list`)",
                        engine.profile_name()
                    )))
                }
            }
        }
    };
    let discovery = Discovery {
        suppliers: vec![supplier],
        ..Discovery::default()
    };
    let options = ScanOptions {
        jobs: args.jobs.map(usize::from),
        progress: true,
        limits: Limits::default(),
    };
    let (mut result, _) = scan::run(&engine, &discovery, &options)?;
    if let Some(id) = wanted {
        result.requirements.retain(|r| r.id == id);
        for s in &mut result.suppliers {
            s.results.retain(|r| r.id == id);
        }
    }
    let rendered = match args.format {
        TextFormat::Text => report::explain::render_text(&result),
        TextFormat::Json => report::json::render(&result),
    };
    emit(&rendered, None)?;
    Ok(ExitCode::SUCCESS)
}

fn run_extract(args: ExtractArgs) -> Result<ExitCode, Failure> {
    let path = &args.file;
    let shown = path.to_string_lossy().into_owned();
    let meta =
        std::fs::metadata(path).map_err(|_| Failure::usage(format!("path not found: {shown}")))?;
    if meta.is_dir() {
        return Err(Failure::usage(format!(
            "{shown} is a folder; extract reads one document (use `clausescan scan {shown}`)"
        )));
    }
    let result = match discover::classify(path) {
        Ok(DocKind::Supported(format)) => {
            extract_path(path, format, &Limits::default()).map(clausescan::text::clean)
        }
        Ok(DocKind::Unsupported(ext)) => Err(clausescan::extract::ExtractError::Unsupported(ext)),
        Err(_) => {
            return Err(Failure::usage(format!(
                "{shown}: not a document type clausescan reads (it reads .pdf, .docx, .odt, .txt and .md)"
            )))
        }
    };
    let empty = matches!(&result, Ok(doc) if doc.is_empty());
    match args.format {
        TextFormat::Json => {
            // `to_json` itself says `unreadable` for a document without text.
            let mut s = serde_json::to_string_pretty(&to_json(&shown, &result)).unwrap_or_default();
            s.push('\n');
            emit(&s, None)?;
        }
        TextFormat::Text => {
            if let Ok(doc) = &result {
                if !empty {
                    emit(&to_text(doc), None)?;
                }
            }
        }
    }
    match result {
        Ok(_) if empty => Err(Failure {
            code: 1,
            message: format!("{shown}: no text found (scanned image or empty document?)"),
        }),
        Ok(_) => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure {
            code: 1,
            message: format!("{shown}: {e}"),
        }),
    }
}

/// Writes the report to `output` (atomically) or to stdout. A closed pipe (`| head`) is not an
/// error: the reader has what it wanted.
fn emit(text: &str, output: Option<&Path>) -> Result<(), Failure> {
    match output {
        Some(path) if path.is_dir() => Err(Failure::usage(format!(
            "cannot write {}: it is a folder (give a file name)",
            path.display()
        ))),
        Some(path) => write_atomic(path, text.as_bytes()).map_err(|e| {
            Failure::usage(format!(
                "cannot write {}: {}",
                path.display(),
                io_reason(&e)
            ))
        }),
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(text.as_bytes()).and_then(|_| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::usage(
                    format!("cannot write to standard output: {e}"),
                )),
                _ => Ok(()),
            }
        }
    }
}

/// Writes the report to `path`. A regular file (or a new one) is replaced atomically: a temporary
/// file next to it is renamed over it, so a reader (or a crash) never sees half a report. Anything
/// else already there — `/dev/null`, a FIFO, a terminal — is written into, never replaced: renaming
/// over `/dev/null` as root would leave every later program a regular file where it expects the
/// empty device. A symbolic link stays a link; the file it points to gets the report.
fn write_atomic(path: &Path, data: &[u8]) -> std::io::Result<()> {
    let target = match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path)?,
        _ => path.to_path_buf(),
    };
    match std::fs::metadata(&target) {
        Ok(meta) if !meta.is_file() => {
            let mut f = std::fs::OpenOptions::new().write(true).open(&target)?;
            return f.write_all(data).and_then(|_| f.flush());
        }
        _ => {}
    }
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.clausescan-tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    let result = (|| {
        let mut f = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        f.write_all(data)?;
        f.sync_all()?;
        std::fs::rename(&tmp, &target)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        std::io::ErrorKind::NotFound => "folder not found".into(),
        _ => e.to_string(),
    }
}

/// `clauses list|show|test`: exit 0, or 1 when an example fails, 2 when the library is invalid.
fn run_clauses(cmd: ClausesCommand) -> Result<ExitCode, Failure> {
    let load = |dir: Option<&Path>, builtin: bool| {
        match dir {
            Some(d) => Library::load(d, builtin),
            None => Library::builtin(),
        }
        .map_err(|e| Failure::usage(format!("invalid clause library: {e}")))
    };
    match cmd {
        ClausesCommand::List { clauses } => {
            let library = load(clauses.as_deref(), true)?;
            print!("{}", clausescan::catalogue::list(&library));
            Ok(ExitCode::SUCCESS)
        }
        ClausesCommand::Show { id, clauses } => {
            let library = load(clauses.as_deref(), true)?;
            let req = library.requirement(&id).ok_or_else(|| {
                Failure::usage(format!(
                    "unknown requirement '{id}' (see `clausescan clauses list`)"
                ))
            })?;
            print!("{}", clausescan::catalogue::show(req));
            Ok(ExitCode::SUCCESS)
        }
        ClausesCommand::Test {
            dir,
            requirement,
            no_builtin,
        } => {
            let library = load(dir.as_deref(), !no_builtin)?;
            let outcomes = clausescan::engine::examples::run(&library, requirement.as_deref())
                .map_err(|e| Failure::usage(e.to_string()))?;
            let (text, ok) = clausescan::catalogue::test_report(&outcomes);
            print!("{text}");
            Ok(if ok {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}
