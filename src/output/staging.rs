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
    /// A write after an earlier one failed: the build is lost anyway, so the rest of the
    /// site is not written (and a full disk is reported once, not once per page).
    #[error("the rest of the site was not written after the first error")]
    Stopped,
    #[error("refusing to write {0}: the path leaves the output folder")]
    UnsafePath(String),
}

impl OutputError {
    /// What to tell a user whose page `rel` could not be written into `output`.
    pub fn diagnostic(&self, output: &Path, rel: &str) -> crate::diagnostic::Diagnostic {
        use crate::diagnostic::Diagnostic;
        match self {
            OutputError::Stopped => Diagnostic::error(output, 0, 0, self.to_string()).with_hint(
                "the previous output is untouched; fix the first error and build again",
            ),
            OutputError::Io { source, .. } => {
                Diagnostic::error(output.join(rel), 0, 0, format!("cannot write: {source}"))
                    .with_hint("check free disk space and the permissions of the output folder; the previous output is untouched")
            }
            other => Diagnostic::error(output.join(rel), 0, 0, other.to_string())
                .with_hint("the previous output is untouched"),
        }
    }
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
    /// Set by the first write that fails; later writes are not attempted.
    failed: std::sync::atomic::AtomicBool,
    /// Folders made so far: a resolution's page and its data files share one, and asking
    /// the file system again for each file was a tenth of a build's time.
    made: std::sync::Mutex<std::collections::HashSet<PathBuf>>,
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
        recover(&parent, &name, &target);
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
            failed: false.into(),
            made: Default::default(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The output folder this staging folder will replace.
    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes one file at a relative path inside the staging folder.
    /// Paths come only from languages, parsed symbols and slugs; one that could leave the
    /// staging folder anyway is refused rather than written.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), OutputError> {
        use std::sync::atomic::Ordering;
        if !safe_relative(rel) {
            return Err(OutputError::UnsafePath(rel.to_string()));
        }
        if self.failed.load(Ordering::Relaxed) {
            return Err(OutputError::Stopped);
        }
        let path = self.dir.join(rel);
        let written = match path.parent() {
            Some(parent) => self.make_dir(parent).map_err(io_err(parent)),
            None => Ok(()),
        }
        .and_then(|()| fs::write(&path, bytes).map_err(io_err(&path)));
        if written.is_err() {
            self.failed.store(true, Ordering::Relaxed);
        }
        written
    }

    fn make_dir(&self, dir: &Path) -> std::io::Result<()> {
        let made = || {
            self.made
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
        };
        if made().contains(dir) {
            return Ok(());
        }
        fs::create_dir_all(dir)?;
        made().insert(dir.to_path_buf());
        Ok(())
    }

    /// Swaps the staging folder into place. On Linux the two folders trade places in one
    /// step, so the output is at every instant either the old site or the new one, even if
    /// the process is killed. Elsewhere (or on a file system without that), the old output
    /// is moved aside first and removed only after the new one is in place; a build killed
    /// between the two renames is repaired by the next one (see [`recover`]).
    pub fn commit(mut self) -> Result<PathBuf, OutputError> {
        if self.target.join(MARKER).exists() {
            match exchange(&self.dir, &self.target) {
                Ok(()) => {
                    self.committed = true;
                    // The staging path now holds the old site; a stale one is removed by
                    // the next build if this is interrupted.
                    let _ = fs::remove_dir_all(&self.dir);
                    return Ok(self.target.clone());
                }
                Err(e) if exchange_unsupported(&e) => {}
                Err(e) => return Err(io_err(&self.target)(e)),
            }
        }
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

/// A relative path of plain names: no root, no `..` or `.`, no empty segment, no `\\`.
fn safe_relative(rel: &str) -> bool {
    !rel.is_empty()
        && !rel.contains('\\')
        && !rel.contains('\0')
        && rel
            .split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != "..")
}

/// Repairs what an interrupted build left beside `target` (named `name`): a previous
/// output moved aside but not yet replaced is put back, and staging folders and moved-aside
/// outputs of builds that are no longer running are removed. Only folders that carry the
/// marker, or are empty, are touched.
fn recover(parent: &Path, name: &str, target: &Path) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let staging = format!(".{name}.staging-");
    let old = format!(".{name}.old-");
    let mut leftovers: Vec<(PathBuf, bool)> = entries
        .flatten()
        .filter_map(|e| {
            let file_name = e.file_name().to_string_lossy().into_owned();
            let (is_old, pid) = if let Some(pid) = file_name.strip_prefix(&staging) {
                (false, pid.to_string())
            } else if let Some(pid) = file_name.strip_prefix(&old) {
                (true, pid.to_string())
            } else {
                return None;
            };
            let path = e.path();
            let ours = path.join(MARKER).exists()
                || fs::read_dir(&path).is_ok_and(|mut d| d.next().is_none());
            (ours && !running(&pid)).then_some((path, is_old))
        })
        .collect();
    leftovers.sort();
    if !target.exists()
        && let Some((old, _)) = leftovers
            .iter()
            .find(|(p, is_old)| *is_old && p.join(MARKER).exists())
    {
        let _ = fs::rename(old, target);
    }
    for (path, _) in leftovers {
        if path.exists() {
            let _ = fs::remove_dir_all(path);
        }
    }
}

/// Whether the build that named a folder with its process id is still running (then its
/// folder is left alone). Without `/proc`, an unknown answer counts as not running.
fn running(pid: &str) -> bool {
    pid.parse::<u32>()
        .is_ok_and(|pid| pid != std::process::id() && Path::new(&format!("/proc/{pid}")).exists())
}

/// Trades the places of two folders atomically.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let a = CString::new(a.as_os_str().as_bytes())?;
    let b = CString::new(b.as_os_str().as_bytes())?;
    // SAFETY: both paths are valid NUL-terminated strings that outlive the call; the
    // system call reads them and nothing else.
    let rc = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
}

/// The kernel or file system cannot exchange: fall back to two renames.
fn exchange_unsupported(e: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if matches!(
        e.raw_os_error(),
        Some(libc::ENOSYS | libc::EINVAL | libc::ENOTSUP)
    ) {
        return true;
    }
    e.kind() == io::ErrorKind::Unsupported
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::create(&tmp.path().join("public")).unwrap();
        for rel in ["../x", "a/../../x", "/etc/x", "a//b", "./a", "a\\..\\b", ""] {
            assert!(
                matches!(staging.write(rel, b"x"), Err(OutputError::UnsafePath(_))),
                "{rel:?}"
            );
        }
        staging.write("en/A/RES/73/187/index.html", b"x").unwrap();
        assert!(!tmp.path().join("x").exists());
    }

    #[test]
    fn after_a_failed_write_nothing_more_is_written() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = Staging::create(&tmp.path().join("public")).unwrap();
        // A file where a folder must go makes the next write fail, as a full disk would.
        staging.write("a", b"file").unwrap();
        assert!(matches!(
            staging.write("a/index.html", b"x"),
            Err(OutputError::Io { .. })
        ));
        assert!(matches!(
            staging.write("b/index.html", b"x"),
            Err(OutputError::Stopped)
        ));
        assert!(!staging.dir().join("b").exists());
    }

    #[test]
    fn commit_replaces_the_old_output_and_leaves_nothing_beside_it() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        for text in ["one", "two"] {
            let staging = Staging::create(&target).unwrap();
            staging.write("index.html", text.as_bytes()).unwrap();
            staging.commit().unwrap();
            assert_eq!(fs::read_to_string(target.join("index.html")).unwrap(), text);
        }
        let names: Vec<_> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        assert_eq!(names, ["public"]);
    }

    #[test]
    fn an_output_moved_aside_by_an_interrupted_build_is_put_back() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        // What a build killed between its two renames leaves: the old site moved aside,
        // a complete staging folder, and no output.
        let old = tmp.path().join(".public.old-4000000");
        fs::create_dir(&old).unwrap();
        fs::write(old.join(MARKER), "").unwrap();
        fs::write(old.join("index.html"), "old").unwrap();
        let stale = tmp.path().join(".public.staging-4000000");
        fs::create_dir(&stale).unwrap();
        fs::write(stale.join(MARKER), "").unwrap();
        // A folder that only looks like one of plenary's is left alone.
        let foreign = tmp.path().join(".public.staging-4000001");
        fs::create_dir(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "mine").unwrap();

        let staging = Staging::create(&target).unwrap();
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "old"
        );
        assert!(!old.exists() && !stale.exists());
        assert!(foreign.join("notes.txt").exists());
        drop(staging);
    }
}
