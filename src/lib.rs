//! plenary: a static site generator for archives of United Nations resolutions in the six
//! official languages.
//!
//! A build is a pipeline of stages over one model:
//! [`config`] reads `site.toml`; [`content`] loads and checks every resolution file into
//! [`model::Resolution`]s; [`model::Archive`] holds them; [`render`] turns bodies into
//! HTML; [`theme`] holds the templates; [`build`] plans every page, renders in parallel and
//! writes atomically, with the [`search`] index. [`import`] turns raw resolution texts into resolution files. The
//! `plenary` binary is a thin client of this library.

pub mod build;
pub mod cite;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod diff;
pub mod import;
pub mod init;
pub mod model;
pub mod plural;
pub mod render;
pub mod report;
pub mod search;
pub mod serve;
pub mod theme;

pub use build::{BuildError, BuildOptions, BuildReport, build};
pub use diagnostic::{Diagnostic, Severity};
