//! Reporters: render a [`crate::model::ScanResult`] as table, JSON, CSV, Markdown, SARIF or HTML.
//! They know nothing of extraction or matching. (Stub: being written.)
