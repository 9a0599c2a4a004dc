//! What to build, from the command line: the site's folder, where it goes, and the
//! overrides of `site.toml`.

use std::path::PathBuf;

/// What to build, from the command line.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder: `site.toml`, `content/`, `themes/`, `static/`.
    pub root: PathBuf,
    /// Where the site goes; `public/` under the root by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// Include resolutions marked `draft: true`.
    pub drafts: bool,
    /// Check only: run every stage but write nothing.
    pub dry_run: bool,
    /// Put the live-reload script of `plenary serve` into every page.
    pub live_reload: bool,
    /// Write links relative to each page (overrides `relative_links = false`).
    pub relative_links: bool,
    /// Leave the search index and the search pages out (overrides `[search] enabled`).
    pub no_search: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            dry_run: false,
            live_reload: false,
            relative_links: false,
            no_search: false,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}
