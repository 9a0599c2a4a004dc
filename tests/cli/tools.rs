//! Outside programs some tests need (nginx, xmllint). CI installs them (`.ci/run`), and
//! there a missing one fails the test; elsewhere the test is skipped, saying why.

use std::path::PathBuf;

/// The path of a program, searched in `PATH` and the system folders a non-root `PATH`
/// may lack (nginx is in `/usr/sbin`).
pub fn find(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain(["/usr/sbin", "/usr/bin", "/sbin", "/usr/local/sbin"].map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

/// The program, or `None` when the test should be skipped. Fails when `CI` is set.
#[track_caller]
pub fn require(name: &str, package: &str) -> Option<PathBuf> {
    if let Some(path) = find(name) {
        return Some(path);
    }
    if std::env::var_os("CI").is_some() {
        panic!(
            "{name} is not installed, and CI runs this test: .ci/run installs it (apt-get install {package})"
        );
    }
    eprintln!(
        "skipping {}: {name} is not installed (apt-get install {package}; CI installs it)",
        std::panic::Location::caller()
    );
    None
}
