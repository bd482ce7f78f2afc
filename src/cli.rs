//! The command line as clap sees it: one enum variant per subcommand, with its arguments. Adding a
//! subcommand is one variant here and one `run_*` function in `main.rs`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "clausescan",
    version,
    about = "Checks supplier contracts, DPAs and declarations for required clauses on generative AI, \
             personal data and risk analysis — offline, with evidence.",
    propagate_version = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every supported document under PATH..., grouped per supplier, and print the gap table.
    Scan(ScanArgs),
    /// Treat PATH as one supplier and show each requirement's verdict with its evidence.
    Explain(ExplainArgs),
    /// Print the text clausescan reads from one document, with page markers.
    Extract(ExtractArgs),
    /// The clause library: list requirements and profiles, show one rule, run the examples.
    #[command(subcommand)]
    Clauses(ClausesCommand),
}

#[derive(Debug, Subcommand)]
pub enum ClausesCommand {
    /// List the requirements (with their severity per profile) and the profiles.
    List {
        /// Your own clause library (a folder of *.toml files), added to the built-in one.
        #[arg(long, value_name = "DIR")]
        clauses: Option<std::path::PathBuf>,
    },
    /// Show one requirement: legal basis, why, elements, partial and conflict rules, examples.
    Show {
        /// Requirement ID, e.g. DP-BREACH.
        #[arg(value_name = "ID")]
        id: String,
        /// Your own clause library (a folder of *.toml files), added to the built-in one.
        #[arg(long, value_name = "DIR")]
        clauses: Option<std::path::PathBuf>,
    },
    /// Run every rule's examples: the built-in library's, and those of DIR when given.
    Test {
        /// A folder of your own clause files to test along with the built-in library.
        #[arg(value_name = "DIR")]
        dir: Option<std::path::PathBuf>,
        /// Only the examples of this requirement.
        #[arg(long, value_name = "ID")]
        requirement: Option<String>,
        /// Test DIR alone, without the built-in library.
        #[arg(long, requires = "dir")]
        no_builtin: bool,
    },
}

/// Which requirements are checked and how: shared by `scan` and `explain`.
#[derive(Debug, Args, Clone)]
pub struct CheckArgs {
    /// Requirement set to check.
    #[arg(long, value_name = "NAME", default_value = "nl-genai-2023")]
    pub profile: String,
    /// Your own clause library (a folder of *.toml files), added to the built-in one.
    #[arg(long, value_name = "DIR")]
    pub clauses: Option<PathBuf>,
    /// Use the --clauses folder alone, without the built-in library.
    #[arg(long, requires = "clauses")]
    pub no_builtin: bool,
    /// How DP-BREACH reads "without undue delay" (overrides the profile).
    #[arg(long, value_enum, value_name = "MODE")]
    pub breach_deadline: Option<BreachDeadlineArg>,
    /// CSV `path,supplier` that says which documents belong to which supplier.
    #[arg(long, value_name = "FILE")]
    pub manifest: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ScanArgs {
    /// Folders or documents to scan: each subfolder of a folder is one supplier.
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub check: CheckArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ScanFormat::Table)]
    pub format: ScanFormat,
    /// Write the report to FILE (atomically) instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Exit 1 when a `must` result (not in the baseline) ranks at or above this verdict.
    #[arg(long, value_enum, default_value_t = FailOn::Never, value_name = "VERDICT")]
    pub fail_on: FailOn,
    /// Accepted gaps: a previous --format json output, or a CSV `supplier,id,verdict`.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Documents read in parallel (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// No progress bar and no notes on standard error.
    #[arg(long, short = 'q', conflicts_with = "verbose")]
    pub quiet: bool,
    /// List skipped files and document warnings on standard error.
    #[arg(long, short = 'v')]
    pub verbose: bool,
    /// Colour in the table: `auto` (only on a terminal); NO_COLOR in the environment always wins.
    #[arg(long, value_enum, default_value_t = ColourChoice::Auto, value_name = "WHEN")]
    pub color: ColourChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColourChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// One supplier: a folder (all documents below it) or a document.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
    /// Show only this requirement.
    #[arg(long, short = 'r', value_name = "ID")]
    pub requirement: Option<String>,
    #[command(flatten)]
    pub check: CheckArgs,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
    /// Documents read in parallel (default: the number of cores).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The document to read.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = TextFormat::Text)]
    pub format: TextFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ScanFormat {
    Table,
    Json,
    Csv,
    Markdown,
    Sarif,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TextFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    Never,
    Missing,
    Partial,
    Conflict,
    Unknown,
}

impl FailOn {
    /// The verdict whose rank is the threshold, or `None` for `never`.
    pub fn threshold(self) -> Option<clausescan::model::Verdict> {
        use clausescan::model::Verdict;
        match self {
            FailOn::Never => None,
            FailOn::Missing => Some(Verdict::Missing),
            FailOn::Partial => Some(Verdict::Partial),
            FailOn::Conflict => Some(Verdict::Conflict),
            FailOn::Unknown => Some(Verdict::Unknown),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BreachDeadlineArg {
    Strict,
    Statutory,
}

impl From<BreachDeadlineArg> for clausescan::engine::BreachDeadline {
    fn from(b: BreachDeadlineArg) -> Self {
        match b {
            BreachDeadlineArg::Strict => clausescan::engine::BreachDeadline::Strict,
            BreachDeadlineArg::Statutory => clausescan::engine::BreachDeadline::Statutory,
        }
    }
}
