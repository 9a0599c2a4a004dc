//! `plenary init`: a small, working site to start from.

use std::fs;
use std::path::{Path, PathBuf};

/// The files of a new site: settings, and three real resolutions to edit or replace.
const FILES: &[(&str, &str)] = &[
    ("site.toml", include_str!("init/site.toml")),
    (
        "content/ga/3/217A.en.md",
        include_str!("../content/ga/3/217A.en.md"),
    ),
    (
        "content/ga/3/217A.fr.md",
        include_str!("../content/ga/3/217A.fr.md"),
    ),
    (
        "content/ga/73/187.zh.md",
        include_str!("../content/ga/73/187.zh.md"),
    ),
    ("static/.keep", ""),
];

#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0} already exists and is not empty; choose a new folder")]
    NotEmpty(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Creates a new site in `dir`, which must not exist or be empty. Returns the files written.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>, InitError> {
    if dir.exists()
        && fs::read_dir(dir)
            .map(|mut d| d.next().is_some())
            .unwrap_or(true)
    {
        return Err(InitError::NotEmpty(dir.to_path_buf()));
    }
    let mut written = Vec::new();
    for (rel, text) in FILES {
        let path = dir.join(rel);
        let io = |source| InitError::Io {
            path: path.clone(),
            source,
        };
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io)?;
        }
        fs::write(&path, text).map_err(io)?;
        written.push(path);
    }
    Ok(written)
}
