//! Integration tests: copy a fixture site to a temporary folder, run the `plenary` binary
//! on it, and inspect what it wrote and printed.

mod build;
mod errors;
mod harness;
mod init;
mod links;
mod output;
mod series;
mod serve;
mod theme;
