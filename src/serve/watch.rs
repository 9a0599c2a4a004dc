//! Watching the site's sources and rebuilding on every save.

use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

use notify_debouncer_full::notify::event::ModifyKind;
use notify_debouncer_full::notify::{EventKind, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer};

use super::{ServeError, ServeOptions};

/// Saves that come in this close together are one change: editors write a file in steps.
const QUIET: Duration = Duration::from_millis(40);

/// Whether a changed path is a source of the site: `content/`, `data/`, `themes/`,
/// `static/` or `site.toml`, and not an editor's swap or backup file.
pub fn is_source(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let name = rel
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let scratch = name.starts_with('.')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".tmp");
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned());
    let watched = matches!(
        first.as_deref(),
        Some("content" | "data" | "themes" | "static")
    ) || rel == Path::new("site.toml");
    watched && !scratch
}

/// Whether an event changes a file. Reading a file (which the build itself does) is not a
/// change, nor is an access-time update.
fn is_change(kind: &EventKind) -> bool {
    match kind {
        EventKind::Modify(ModifyKind::Metadata(_)) => false,
        other => other.is_create() || other.is_modify() || other.is_remove(),
    }
}

/// Starts watching; every batch of source changes runs `rebuild`, which tells the
/// browsers. The returned watcher must be kept alive.
pub fn start(
    opts: &ServeOptions,
    mut rebuild: impl FnMut(&[PathBuf]) + Send + 'static,
) -> Result<Debouncer<RecommendedWatcher, RecommendedCache>, ServeError> {
    let root = opts.root.canonicalize()?;
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(QUIET, None, tx).map_err(|e| ServeError::Watch {
        path: root.clone(),
        why: e.to_string(),
    })?;
    for dir in ["content", "data", "themes", "static"] {
        let path = root.join(dir);
        if path.is_dir() {
            debouncer
                .watch(&path, RecursiveMode::Recursive)
                .map_err(|e| ServeError::Watch {
                    path,
                    why: e.to_string(),
                })?;
        }
    }
    // The root itself, not recursively, to see site.toml and folders created later.
    debouncer
        .watch(&root, RecursiveMode::NonRecursive)
        .map_err(|e| ServeError::Watch {
            path: root.clone(),
            why: e.to_string(),
        })?;
    std::thread::spawn(move || {
        for batch in rx {
            let Ok(events) = batch else { continue };
            let mut changed: Vec<PathBuf> = events
                .iter()
                .filter(|e| is_change(&e.kind))
                .flat_map(|e| e.paths.iter())
                .filter(|p| is_source(&root, p))
                .cloned()
                .collect();
            changed.sort();
            changed.dedup();
            if !changed.is_empty() {
                rebuild(&changed);
            }
        }
    });
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_are_told_from_scratch_files_and_output() {
        let root = Path::new("/site");
        assert!(is_source(root, Path::new("/site/content/ga/73/187.zh.md")));
        assert!(is_source(root, Path::new("/site/site.toml")));
        assert!(is_source(
            root,
            Path::new("/site/themes/t/templates/base.html")
        ));
        assert!(is_source(root, Path::new("/site/static/logo.svg")));
        assert!(is_source(
            root,
            Path::new("/site/data/unvotes/roll_calls.csv")
        ));
        assert!(!is_source(root, Path::new("/site/public/index.html")));
        assert!(!is_source(root, Path::new("/site/content/.187.zh.md.swp")));
        assert!(!is_source(root, Path::new("/site/content/187.zh.md~")));
        assert!(!is_source(root, Path::new("/elsewhere/content/x.md")));
    }
}
