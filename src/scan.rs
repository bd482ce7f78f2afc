//! The scan: discover → extract and analyse each document in parallel (the one place with rayon) →
//! judge each supplier → [`crate::model::ScanResult`]. (Stub: being written.)
