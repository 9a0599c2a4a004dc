use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, PoisonError};

use tempfile::TempDir;

/// A copy of a fixture site in a temporary folder.
pub struct Site {
    _tmp: TempDir,
    pub root: PathBuf,
}

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Site {
    /// Copies `tests/fixtures/NAME` into a new temporary folder, without its golden
    /// trees (`expected/`, `expected-*/`), which are no part of the site.
    pub fn fixture(name: &str) -> Site {
        let tmp = TempDir::new().expect("temp dir");
        let root = tmp.path().join("site");
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            &root,
        );
        Site { _tmp: tmp, root }
    }

    /// A copy of the bundled sample archive: the repository's `content/`, `data/` and
    /// `site.toml`.
    pub fn sample() -> Site {
        Site::sample_in(TempDir::new().expect("temp dir"))
    }

    /// The bundled sample archive built with `args` once per test process and shared by
    /// the tests that only read it: a build of its 1020 resolutions takes seconds in a
    /// debug build. Tests that change the site or build it again take their own
    /// [`Site::sample`].
    pub fn shared_sample(args: &'static [&'static str]) -> &'static Site {
        type Built = Vec<(&'static [&'static str], &'static Site)>;
        static BUILT: Mutex<Built> = Mutex::new(Vec::new());
        let mut built = BUILT.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, site)) = built.iter().find(|(a, _)| *a == args) {
            return site;
        }
        let site = Site::sample_in(shared_dir());
        site.run(args).assert_ok();
        let site: &'static Site = Box::leak(Box::new(site));
        built.push((args, site));
        site
    }

    /// A copy of the sample archive in `tmp`.
    fn sample_in(tmp: TempDir) -> Site {
        let root = tmp.path().join("site");
        let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
        copy_dir(&repo.join("content"), &root.join("content"));
        copy_dir(&repo.join("data"), &root.join("data"));
        fs::copy(repo.join("site.toml"), root.join("site.toml")).unwrap();
        Site { _tmp: tmp, root }
    }

    /// An empty folder, for `plenary init`.
    pub fn empty() -> Site {
        let tmp = TempDir::new().expect("temp dir");
        let root = tmp.path().join("site");
        Site { _tmp: tmp, root }
    }

    pub fn run(&self, args: &[&str]) -> Run {
        let out: Output = Command::new(env!("CARGO_BIN_EXE_plenary"))
            .args(args)
            .current_dir(&self.root)
            .output()
            .expect("run plenary");
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        }
    }

    pub fn build(&self) -> Run {
        self.run(&["build"])
    }

    pub fn write(&self, rel: &str, text: impl AsRef<[u8]>) {
        let path = self.root.join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    pub fn page(&self, rel: &str) -> String {
        let path = self.root.join("public").join(rel);
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.root.join(rel).exists()
    }

    /// Every file below a folder with its bytes, to compare a tree before and after.
    pub fn snapshot(&self, rel: &str) -> BTreeMap<PathBuf, Vec<u8>> {
        let dir = self.root.join(rel);
        walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(&dir).unwrap().to_path_buf(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

/// A folder for a shared site under cargo's folder for test files, named after this
/// process. A shared site lives as long as the process, which drops no static, so the
/// folders of processes that have ended are removed here.
fn shared_dir() -> TempDir {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR"));
    if let Ok(entries) = fs::read_dir(base) {
        for entry in entries.filter_map(Result::ok) {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = name
                .strip_prefix("shared-")
                .and_then(|rest| rest.split('-').next())
                .and_then(|p| p.parse::<u32>().ok());
            let ended = pid.is_some_and(|p| {
                p != std::process::id()
                    && Path::new("/proc").is_dir()
                    && !Path::new(&format!("/proc/{p}")).exists()
            });
            if ended {
                let _ = fs::remove_dir_all(entry.path());
            }
        }
    }
    tempfile::Builder::new()
        .prefix(&format!("shared-{}-", std::process::id()))
        .tempdir_in(base)
        .expect("temp dir")
}

impl Run {
    #[track_caller]
    pub fn assert_ok(&self) -> &Self {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn assert_fails_with(&self, needles: &[&str]) -> &Self {
        assert_eq!(
            self.code, 1,
            "expected exit code 1\nstdout: {}\nstderr: {}",
            self.stdout, self.stderr
        );
        for n in needles {
            assert!(
                self.stderr.contains(n),
                "stderr lacks {n:?}:\n{}",
                self.stderr
            );
        }
        self
    }
}

fn copy_dir(from: &Path, to: &Path) {
    let golden = |e: &walkdir::DirEntry| {
        e.depth() == 1
            && e.file_type().is_dir()
            && e.file_name().to_string_lossy().starts_with("expected")
    };
    for e in walkdir::WalkDir::new(from)
        .into_iter()
        .filter_entry(|e| !golden(e))
    {
        let e = e.unwrap();
        let dest = to.join(e.path().strip_prefix(from).unwrap());
        if e.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(e.path(), &dest).unwrap();
        }
    }
}
