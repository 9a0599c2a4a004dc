//! plenary: a static site generator for archives of United Nations resolutions in the six
//! official languages.
//!
//! A build is a pipeline of stages over one model ([`pipeline`]):
//! [`config`] reads `site.toml`; [`content`] loads and checks every resolution file into
//! [`model::Resolution`]s; [`model::Archive`] holds them; [`render`] turns bodies into
//! HTML; [`site`] builds the immutable [`site::Site`] around them (citation graph, groups,
//! series); [`pages`] renders every page through the [`theme`], [`formats`] every other
//! file (data, feeds, sitemap, citations, the [`search`] index); [`output`] writes them
//! atomically. [`preview`] is the incremental build behind [`serve`]. [`import`] turns raw
//! resolution texts into resolution files. The `plenary` binary is a thin client of this
//! library.

pub mod cite;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod diff;
pub mod formats;
pub mod import;
pub mod init;
pub mod model;
pub mod options;
pub mod output;
pub mod pages;
pub mod pipeline;
pub mod plural;
pub mod preview;
pub mod progress;
pub mod render;
pub mod report;
pub mod search;
pub mod serve;
pub mod site;
pub mod theme;

pub use diagnostic::{Diagnostic, Severity};
pub use options::BuildOptions;
pub use pipeline::{BuildError, BuildReport, build, build_with};
