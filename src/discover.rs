//! Discovery: walks the PATHs, skips hidden and unsupported files (counted), and groups documents
//! into suppliers (folder, file, or `--manifest`). (Stub: being written.)
