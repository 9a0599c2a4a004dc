//! Writing the site atomically: everything goes into a staging folder beside the output,
//! which is swapped in only once complete. A failed or interrupted build leaves the
//! previous output as it was, and plenary never deletes a folder it did not create.

use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

/// The file that marks a folder as plenary's own output.
pub const MARKER: &str = ".plenary-output";

/// Why the output cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to write the site into {path}: {why}")]
    Refused { path: PathBuf, why: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Lexically normalised absolute path (no `.` or `..`), for comparing folders that may
/// not exist yet.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(path)
    };
    let mut out = PathBuf::new();
    for c in joined.components() {
        match c {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    // Resolve symlinks in the part that exists, so two spellings of a folder compare equal.
    out.canonicalize().unwrap_or(out)
}

/// Checks that `output` is a folder plenary may replace: not the site root, not a folder
/// of sources, not an ancestor of the root, and not someone else's folder.
pub fn check_output(root: &Path, output: &Path) -> Result<(), OutputError> {
    let root = absolute(root);
    let out = absolute(output);
    let refuse = |why: &str| {
        Err(OutputError::Refused {
            path: output.to_path_buf(),
            why: why.to_string(),
        })
    };
    if out == root {
        return refuse("it is the site's own folder; use a folder inside it, such as `public`");
    }
    if root.starts_with(&out) {
        return refuse(
            "it contains the site's sources; use a folder inside the site, such as `public`",
        );
    }
    for source in ["content", "themes", "static"] {
        let dir = root.join(source);
        if out.starts_with(&dir) {
            return refuse(&format!(
                "it is inside the site's `{source}` folder; use a folder such as `public`"
            ));
        }
    }
    if out.parent().is_none() {
        return refuse("it is the root of the file system");
    }
    if out.exists() {
        if !out.is_dir() {
            return refuse("it is a file, not a folder");
        }
        let ours = out.join(MARKER).exists();
        let empty = fs::read_dir(&out).map_err(io_err(&out))?.next().is_none();
        if !ours && !empty {
            return refuse(&format!(
                "it already holds files that plenary did not write (there is no {MARKER} file in it); move them away or choose another --output"
            ));
        }
    }
    Ok(())
}

/// A staging folder beside the output, removed on drop unless committed.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates `.<name>.staging-<pid>` next to `target`, after removing stale staging
    /// folders of earlier, interrupted builds (only those that carry the marker).
    pub fn create(target: &Path) -> Result<Staging, OutputError> {
        let target = absolute(target);
        let parent = target.parent().map(Path::to_path_buf).unwrap_or_default();
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        fs::create_dir_all(&parent).map_err(io_err(&parent))?;
        let prefix = format!(".{name}.staging-");
        if let Ok(entries) = fs::read_dir(&parent) {
            for e in entries.flatten() {
                let stale = e.file_name().to_string_lossy().starts_with(&prefix)
                    && e.path().join(MARKER).exists();
                if stale {
                    let _ = fs::remove_dir_all(e.path());
                }
            }
        }
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        fs::create_dir(&dir).map_err(io_err(&dir))?;
        fs::write(
            dir.join(MARKER),
            "This folder was written by plenary; plenary may replace it.\n",
        )
        .map_err(io_err(&dir))?;
        Ok(Staging {
            dir,
            target,
            committed: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Writes one file at a relative path inside the staging folder.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        debug_assert!(
            !rel.split('/').any(|s| s == ".." || s == "."),
            "unsafe output path {rel}"
        );
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_err(parent))?;
        }
        fs::write(&path, bytes).map_err(io_err(&path))
    }

    /// Swaps the staging folder into place. The old output is moved aside first and
    /// removed only after the new one is in place.
    pub fn commit(mut self) -> Result<PathBuf, OutputError> {
        let old = self.target.with_file_name(format!(
            ".{}.old-{}",
            self.target
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            std::process::id()
        ));
        let had_old = self.target.exists();
        if had_old {
            if self.target.join(MARKER).exists() {
                fs::rename(&self.target, &old).map_err(io_err(&self.target))?;
            } else {
                // An empty folder (checked before the build): nothing is lost.
                fs::remove_dir(&self.target).map_err(io_err(&self.target))?;
            }
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old && old.exists() {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(io_err(&self.target)(e));
        }
        self.committed = true;
        if old.exists() {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(self.target.clone())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}
