//! The only writer: where every page and file goes (`urls`), links relative to a page
//! (`relative`), the staging folder and its atomic swap (`staging`), the static files
//! (`statics`), the link check (`links`) and the live-reload script of the preview
//! (`live`).

pub mod links;
pub mod live;
pub mod relative;
pub mod staging;
pub mod statics;
pub mod urls;

pub use staging::{OutputError, Staging, check_output};
pub use urls::Urls;
