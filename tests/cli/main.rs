//! Integration tests: copy a fixture site to a temporary folder, run the `plenary` binary
//! on it, and inspect what it wrote and printed.

mod attacks;
mod build;
mod determinism;
mod errors;
mod harness;
mod init;
mod links;
mod output;
mod theme;
