//! Relative links: every link of a page that leads into the site is rewritten relative
//! to the page, with `index.html` after folder links, so that the output works opened
//! from disk (`file://`) and served from any folder of any host, unchanged.
//!
//! Pages are rendered with root-relative URLs (`/archive/en/A/RES/73/187/`), the form
//! every other part of the build knows; this pass rewrites the `href`, `src` and
//! `action` attributes that start with the base path, once a page is complete. Fragments (`#op-3`)
//! and queries are kept; links to other hosts are left alone.

use std::borrow::Cow;

use super::{links, urls};

/// Rewrites the links of a page found at the site path `page_dir` (`en/A/RES/73/187/`,
/// or `""` for the root) from root-relative under `base` to page-relative.
pub fn rewrite<'a>(html: &'a str, page_dir: &str, base: &str) -> Cow<'a, str> {
    links::replace(html, |value| {
        let rest = value.strip_prefix(base)?;
        (!value.starts_with("//")).then(|| relative(page_dir, rest))
    })
}

/// The link from a page in the folder `from_dir` to the site path `target`, which may
/// carry a query and a fragment: `relative("en/A/RES/73/187/", "en/A/RES/78/19/#op-3")` is
/// `../../78/19/index.html#op-3`.
pub fn relative(from_dir: &str, target: &str) -> String {
    let split = target.find(['?', '#']).unwrap_or(target.len());
    let (path, suffix) = target.split_at(split);
    let from: Vec<&str> = from_dir.split('/').filter(|s| !s.is_empty()).collect();
    let (dirs, file) = match path.rsplit_once('/') {
        Some((dirs, file)) => (dirs.split('/').filter(|s| !s.is_empty()).collect(), file),
        None => (Vec::new(), path),
    };
    let common = from.iter().zip(&dirs).take_while(|(a, b)| a == b).count();
    let mut out = "../".repeat(from.len() - common);
    for dir in &dirs[common..] {
        out.push_str(dir);
        out.push('/');
    }
    if file.is_empty() {
        out = urls::file_of(&out);
    } else {
        out.push_str(file);
    }
    out.push_str(suffix);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_become_relative_to_the_page() {
        let from = "en/A/RES/73/187/";
        assert_eq!(
            relative(from, "en/A/RES/78/19/#op-3"),
            "../../78/19/index.html#op-3"
        );
        assert_eq!(relative(from, ""), "../../../../../index.html");
        assert_eq!(relative(from, "style.css"), "../../../../../style.css");
        assert_eq!(relative(from, "en/A/RES/73/187/"), "index.html");
        assert_eq!(
            relative(from, "en/A/RES/73/187/citation.bib"),
            "citation.bib"
        );
        assert_eq!(relative(from, "zh/"), "../../../../../zh/index.html");
        assert_eq!(relative("", "en/"), "en/index.html");
        assert_eq!(relative("", ""), "index.html");
        assert_eq!(relative("", "#x"), "index.html#x");
        assert_eq!(relative("en/", "en/years/?q=1"), "years/index.html?q=1");
    }

    #[test]
    fn only_links_under_the_base_are_rewritten() {
        let html = r##"<a href="/archive/en/">x</a> <link href='/archive/style.css'> <a href="https://undocs.org/en/A/73/590">r</a> <a href="#op-1">p</a> <a href="//cdn.example/x.js">c</a> <script src="/archive/x.js"></script> <p>href="/archive/en/"</p>"##;
        let out = rewrite(html, "en/sessions/", "/archive/");
        assert_eq!(
            out,
            r##"<a href="../index.html">x</a> <link href='../../style.css'> <a href="https://undocs.org/en/A/73/590">r</a> <a href="#op-1">p</a> <a href="//cdn.example/x.js">c</a> <script src="../../x.js"></script> <p>href="/archive/en/"</p>"##
        );
        let root = rewrite(r#"<a href="/en/">"#, "", "/");
        assert_eq!(root, r#"<a href="en/index.html">"#);
    }
}
