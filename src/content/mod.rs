//! Loading `content/`: walk it, read every resolution file, check them all, and report
//! every problem in one run.

pub mod data;
pub mod front_matter;
pub mod schema;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::model::{Lang, Resolution, Symbol};
use crate::progress::{Progress, Stage};

/// What loading found: the resolutions that are sound, and every problem.
#[derive(Debug, Default)]
pub struct Loaded {
    pub resolutions: Vec<Resolution>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Files larger than this are refused: a resolution with annexes is a few hundred KB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Loads every `.md` file below `content_dir`. Paths in diagnostics are shown relative
/// to `site_root`. Drafts are left out unless `drafts` is set. `progress` is told how
/// many files there are, and of each one read.
pub fn load(site_root: &Path, content_dir: &Path, drafts: bool, progress: &dyn Progress) -> Loaded {
    let mut diagnostics = Vec::new();
    let shown = |p: &Path| p.strip_prefix(site_root).unwrap_or(p).to_path_buf();
    if !content_dir.is_dir() {
        diagnostics.push(
            Diagnostic::error(shown(content_dir), 0, 0, "the content folder does not exist")
                .with_hint("create it and put resolution files in it, or run `plenary init` for a working example"),
        );
        return Loaded {
            resolutions: Vec::new(),
            diagnostics,
        };
    }
    let files = resolution_files(content_dir, &mut diagnostics, &shown);
    progress.stage(Stage::Load, files.len());

    let parsed: Vec<(Option<Resolution>, Vec<Diagnostic>)> = files
        .par_iter()
        .map(|path| {
            let loaded = load_file(path, &shown(path));
            progress.advance(1);
            loaded
        })
        .collect();

    let mut resolutions = Vec::new();
    for (resolution, diags) in parsed {
        diagnostics.extend(diags);
        resolutions.extend(resolution);
    }
    if !drafts {
        resolutions.retain(|r| !r.draft);
    }
    diagnostics.extend(duplicates(&resolutions));
    Loaded {
        resolutions,
        diagnostics,
    }
}

/// Every candidate file, sorted, so diagnostics come in a stable order. Hidden files and
/// folders are skipped; symlinks are followed only while they stay inside the folder.
fn resolution_files(
    content_dir: &Path,
    diagnostics: &mut Vec<Diagnostic>,
    shown: &dyn Fn(&Path) -> PathBuf,
) -> Vec<PathBuf> {
    let root = content_dir
        .canonicalize()
        .unwrap_or_else(|_| content_dir.to_path_buf());
    let mut files = Vec::new();
    let walker = WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e.path().map(shown).unwrap_or_else(|| shown(content_dir));
                let looped =
                    e.loop_ancestor().is_some() || e.io_error().is_some_and(is_symlink_loop);
                let dangling = e.io_error().map(std::io::Error::kind)
                    == Some(std::io::ErrorKind::NotFound)
                    && e.path().is_some_and(|p| p.is_symlink());
                if looped {
                    diagnostics.push(
                        Diagnostic::warning(
                            path,
                            0,
                            0,
                            "skipped: this symlink points back at a folder above it (a loop)",
                        )
                        .with_hint("remove the link"),
                    );
                } else if dangling {
                    // A resolution file that is missing is an error; any other link, a
                    // warning, since nothing of the site is lost.
                    let resolution = path.extension().is_some_and(|x| x == "md");
                    let d = if resolution {
                        Diagnostic::error(path, 0, 0, "this symlink leads to nothing")
                    } else {
                        Diagnostic::warning(path, 0, 0, "skipped: this symlink leads to nothing")
                    };
                    diagnostics
                        .push(d.with_hint("restore the file it points to, or remove the link"));
                } else {
                    let why = e
                        .io_error()
                        .map_or_else(|| e.to_string(), ToString::to_string);
                    diagnostics.push(
                        Diagnostic::error(path, 0, 0, format!("cannot read: {why}")).with_hint(
                            "fix the permissions, or move the file out of the content folder",
                        ),
                    );
                }
                continue;
            }
        };
        if entry.path().extension().is_none_or(|x| x != "md") || entry.file_type().is_dir() {
            continue;
        }
        if !entry.file_type().is_file() {
            // A FIFO, socket or device: opening it could block the build forever.
            diagnostics.push(
                Diagnostic::error(
                    shown(entry.path()),
                    0,
                    0,
                    "cannot read: this is not a regular file (a pipe, socket or device)",
                )
                .with_hint(
                    "replace it with a resolution file, or move it out of the content folder",
                ),
            );
            continue;
        }
        if entry.path_is_symlink() || entry.depth() > 0 {
            match entry.path().canonicalize() {
                Ok(real) if real.starts_with(&root) => {}
                _ => {
                    diagnostics.push(
                        Diagnostic::warning(
                            shown(entry.path()),
                            0,
                            0,
                            "skipped: this symlink leads outside the content folder",
                        )
                        .with_hint(
                            "copy the file into the content folder instead of linking to it",
                        ),
                    );
                    continue;
                }
            }
        }
        files.push(entry.into_path());
    }
    files
}

pub fn load_file(path: &Path, shown: &Path) -> (Option<Resolution>, Vec<Diagnostic>) {
    let too_big = std::fs::metadata(path).is_ok_and(|m| m.len() > MAX_FILE_BYTES);
    if too_big {
        return (
            None,
            vec![Diagnostic::error(shown, 0, 0, format!("the file is larger than {} MiB", MAX_FILE_BYTES >> 20))
                .with_hint("a resolution file holds one resolution in one language; split annexes or remove embedded data")],
        );
    }
    let bytes = match read_at_most(path, MAX_FILE_BYTES) {
        Ok(Some(b)) => b,
        Ok(None) => {
            return (
                None,
                vec![Diagnostic::error(shown, 0, 0, format!("the file is larger than {} MiB", MAX_FILE_BYTES >> 20))
                    .with_hint("a resolution file holds one resolution in one language; split annexes or remove embedded data")],
            );
        }
        Err(e) => {
            return (
                None,
                vec![
                    Diagnostic::error(shown, 0, 0, format!("cannot read the file: {e}"))
                        .with_hint("check that the file exists and that you may read it"),
                ],
            );
        }
    };
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let before = String::from_utf8_lossy(valid);
            let before = front_matter::normalise_line_breaks(&before);
            let line = before.matches('\n').count() + 1;
            let line_start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = before[line_start..].chars().count() + 1;
            let byte = e.as_bytes()[valid.len()];
            return (
                None,
                vec![Diagnostic::error(shown, line, column, format!("the file is not valid UTF-8 (byte 0x{byte:02X})"))
                    .with_hint("save the file as UTF-8; an editor's \"Save with encoding\" or `iconv -f windows-1252 -t utf-8` converts it")],
            );
        }
    };
    front_matter::parse(shown, &text)
}

#[cfg(unix)]
fn is_symlink_loop(e: &std::io::Error) -> bool {
    e.raw_os_error() == Some(libc::ELOOP)
}

#[cfg(not(unix))]
fn is_symlink_loop(_: &std::io::Error) -> bool {
    false
}

/// Reads a file, or `None` when it holds more than `limit` bytes. The size is checked while
/// reading, not only beforehand, so a file that grows cannot exhaust memory.
fn read_at_most(path: &Path, limit: u64) -> std::io::Result<Option<Vec<u8>>> {
    use std::io::Read;
    let file = std::fs::File::open(path)?;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes)?;
    Ok((bytes.len() as u64 <= limit).then_some(bytes))
}

/// Two files for the same symbol and language: both are named, in each message.
pub fn duplicates<'a>(resolutions: impl IntoIterator<Item = &'a Resolution>) -> Vec<Diagnostic> {
    let mut first: HashMap<(&Symbol, Lang), &Resolution> = HashMap::new();
    let mut diags = Vec::new();
    for r in resolutions {
        if let Some(other) = first.insert((&r.symbol, r.lang), r) {
            let (earlier, later) = if other.source <= r.source {
                (other, r)
            } else {
                (r, other)
            };
            first.insert((&r.symbol, r.lang), earlier);
            let (a, b) = (earlier.source.as_path(), later.source.as_path());
            diags.push(
                Diagnostic::error(b, later.symbol_line, 1, format!("{} in `{}` is also in {}", r.symbol, r.lang, a.display()))
                    .with_hint(format!("each (symbol, lang) pair must be in one file only: remove or correct one of {} and {}", a.display(), b.display())),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_that_fails_is_reported_for_the_file() {
        // Reading a folder fails even for root, unlike a file without read permission.
        let dir = tempfile::tempdir().unwrap();
        let (r, d) = load_file(dir.path(), Path::new("content/x.md"));
        assert!(r.is_none());
        assert_eq!(d.len(), 1);
        assert!(
            d[0].to_string()
                .starts_with("content/x.md: error: cannot read the file:"),
            "{}",
            d[0]
        );
        assert!(d[0].hint.is_some());
    }

    #[test]
    fn reading_stops_past_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("x.md");
        std::fs::write(&path, b"0123456789").unwrap();
        assert_eq!(read_at_most(&path, 10).unwrap().map(|b| b.len()), Some(10));
        assert_eq!(read_at_most(&path, 9).unwrap(), None);
    }
}
