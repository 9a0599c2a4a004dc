//! The static files a site carries: the built-in theme's, a site theme's and the site's
//! own `static/`, copied into the output as they are.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::Staging;
use super::urls;
use crate::diagnostic::Diagnostic;
use crate::theme;

/// Where a static file comes from.
pub enum StaticSource {
    BuiltIn(&'static [u8]),
    File(PathBuf),
}

/// The static files of the built-in theme (the search script only when the site has
/// search), then the site theme's, then the site's own `static/`; a later file replaces
/// an earlier one at the same path.
pub fn static_files(
    root: &Path,
    theme_dir: Option<&Path>,
    search: bool,
) -> Result<BTreeMap<String, StaticSource>, Diagnostic> {
    let mut files: BTreeMap<String, StaticSource> = theme::BUILT_IN_STATIC
        .iter()
        .filter(|(rel, _)| search || *rel != urls::SEARCH_SCRIPT)
        .map(|(rel, bytes)| (rel.to_string(), StaticSource::BuiltIn(bytes)))
        .collect();
    let dirs = theme_dir
        .map(|d| d.join("static"))
        .into_iter()
        .chain([root.join("static")]);
    for dir in dirs.filter(|d| d.is_dir()) {
        for entry in walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            let entry = entry.map_err(|e| {
                Diagnostic::error(dir.clone(), 0, 0, e.to_string())
                    .with_hint("check the static folder's permissions and links")
            })?;
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                files.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    StaticSource::File(entry.path().to_path_buf()),
                );
            }
        }
    }
    Ok(files)
}

pub fn static_bytes(source: &StaticSource) -> Result<Cow<'static, [u8]>, Diagnostic> {
    Ok(match source {
        StaticSource::BuiltIn(b) => Cow::Borrowed(*b),
        StaticSource::File(path) => Cow::Owned(std::fs::read(path).map_err(|e| {
            Diagnostic::error(path, 0, 0, format!("cannot read: {e}"))
                .with_hint("check that the static file exists and may be read")
        })?),
    })
}

pub fn copy_static(
    files: &BTreeMap<String, StaticSource>,
    staging: &Staging,
) -> Result<usize, Diagnostic> {
    for (rel, source) in files {
        let bytes = static_bytes(source)?;
        staging
            .write(rel, &bytes)
            .map_err(|e| e.diagnostic(staging.target(), rel))?;
    }
    Ok(files.len())
}
