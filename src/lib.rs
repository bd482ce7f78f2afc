//! clausescan: checks a folder of supplier contracts for required clauses on generative-AI use,
//! personal-data processing and risk analysis, offline and with evidence.
//!
//! Data flows one way, one module per stage:
//! `discover` (paths → suppliers) → `extract` (bytes → [`model::Document`]) → `text` (hygiene,
//! folding, segmentation into clauses and sentences) → `engine` (one Aho-Corasick pass plus the rule
//! logic of `library`, then aggregation per supplier) → `report` (table, JSON, CSV, …).
//! `scan` wires the stages together and is the only place that runs work in parallel.

pub mod baseline;
pub mod catalogue;
pub mod discover;
pub mod engine;
pub mod extract;
pub mod library;
pub mod model;
pub mod report;
pub mod scan;
pub mod text;
