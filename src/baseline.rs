//! Baselines for CI: accepted gaps from a previous JSON output or a `supplier,id,verdict` CSV.
//! (Stub: being written.)
