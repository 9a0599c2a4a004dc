//! Integration tests: copy a fixture site to a temporary folder, run the `plenary` binary
//! on it, and inspect what it wrote and printed.

mod attacks;
mod browser;
mod build;
mod compare;
mod countries;
mod crawl;
mod data;
mod determinism;
mod errors;
mod golden;
mod harness;
mod import;
mod import_pdf;
mod init;
mod language;
mod links;
mod nginx;
mod open_data;
mod output;
mod phone;
mod preview;
mod progress;
mod publish;
mod relative;
mod search;
mod series;
mod serve;
mod theme;
mod tools;
