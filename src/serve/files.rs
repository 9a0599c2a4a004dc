//! Mapping a request path to a file of the built site, and never to anything else.

use std::path::{Path, PathBuf};

use percent_encoding::percent_decode_str;

/// What a request path leads to.
#[derive(Debug, PartialEq, Eq)]
pub enum Resolved {
    File(PathBuf),
    /// A folder asked for without its trailing slash: redirect, as static hosts do.
    Redirect(String),
    NotFound,
}

/// Resolves a URL path (still percent-encoded) under `root`, which must be canonical.
/// `..` and `.` segments, encoded or not, backslashes, NUL bytes and symlinks that lead
/// out of `root` all resolve to nothing.
pub fn resolve(root: &Path, raw_path: &str) -> Resolved {
    let Ok(decoded) = percent_decode_str(raw_path).decode_utf8() else {
        return Resolved::NotFound;
    };
    if decoded.contains(['\0', '\\']) {
        return Resolved::NotFound;
    }
    let mut candidate = root.to_path_buf();
    for segment in decoded.split('/').filter(|s| !s.is_empty()) {
        if segment == ".." || segment == "." || segment.contains(':') {
            return Resolved::NotFound;
        }
        candidate.push(segment);
    }
    if candidate.is_dir() {
        if !raw_path.ends_with('/') {
            return Resolved::Redirect(format!("{raw_path}/"));
        }
        candidate.push("index.html");
    }
    match candidate.canonicalize() {
        Ok(real) if real.starts_with(root) && real.is_file() => Resolved::File(real),
        _ => Resolved::NotFound,
    }
}

/// The Content-Type of a file, with the charset for text.
pub fn content_type(path: &Path) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    if mime.type_() == "text"
        || mime.subtype() == "javascript"
        || mime.subtype() == "json"
        || mime.subtype() == "xml"
    {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> (tempfile::TempDir, PathBuf) {
        let tmp = tempfile::TempDir::new().unwrap();
        let root = tmp.path().join("public");
        std::fs::create_dir_all(root.join("en/A/RES/73/187")).unwrap();
        std::fs::write(root.join("en/A/RES/73/187/index.html"), "page").unwrap();
        std::fs::write(root.join("style.css"), "css").unwrap();
        std::fs::write(tmp.path().join("secret.txt"), "secret").unwrap();
        let root = root.canonicalize().unwrap();
        (tmp, root)
    }

    #[test]
    fn pages_files_and_trailing_slashes() {
        let (_tmp, root) = site();
        assert_eq!(
            resolve(&root, "/en/A/RES/73/187/"),
            Resolved::File(root.join("en/A/RES/73/187/index.html"))
        );
        assert_eq!(
            resolve(&root, "/en/A/RES/73/187"),
            Resolved::Redirect("/en/A/RES/73/187/".into())
        );
        assert_eq!(
            resolve(&root, "/style.css"),
            Resolved::File(root.join("style.css"))
        );
        assert_eq!(resolve(&root, "/nowhere/"), Resolved::NotFound);
    }

    #[test]
    fn traversal_leads_nowhere() {
        let (_tmp, root) = site();
        for attack in [
            "/../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/en/..%2f..%2fsecret.txt",
            "/..\\secret.txt",
            "/%5c..%5csecret.txt",
            "//etc/passwd",
            "/etc/passwd",
            "/C:/Windows/win.ini",
            "/style.css%00.html",
            "/%ff",
        ] {
            assert_eq!(resolve(&root, attack), Resolved::NotFound, "{attack}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn symlinks_out_of_the_site_lead_nowhere() {
        let (tmp, root) = site();
        std::os::unix::fs::symlink(tmp.path().join("secret.txt"), root.join("leak.txt")).unwrap();
        std::os::unix::fs::symlink(tmp.path(), root.join("up")).unwrap();
        assert_eq!(resolve(&root, "/leak.txt"), Resolved::NotFound);
        assert_eq!(resolve(&root, "/up/secret.txt"), Resolved::NotFound);
    }

    #[test]
    fn content_types_carry_charsets_for_text() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(
            content_type(Path::new("style.css")),
            "text/css; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("x.svg")), "image/svg+xml");
        assert_eq!(
            content_type(Path::new("data.json")),
            "application/json; charset=utf-8"
        );
    }
}
