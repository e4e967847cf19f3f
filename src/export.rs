//! Packaging of a generated project for download: [`zip::project_zip`]. Pure (bytes in memory,
//! no file system), deterministic, and available to the web app and the CLI alike.

pub mod zip;
