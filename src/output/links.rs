//! The links of a finished page, found by one scanner: the `href`, `src` and `action`
//! attributes, in double or single quotes. `relative` rewrites them; the link check of
//! `plenary check` follows them to a page or file of the site.

use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::LazyLock;

use regex::{Captures, Regex};

static ATTRIBUTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i)(\s(?:href|src|action)\s*=\s*)(?:"([^"]*)"|'([^']*)')"#).expect("pattern")
});

/// The value of every link attribute of a page, in order.
pub fn each(html: &str) -> impl Iterator<Item = &str> {
    ATTRIBUTE
        .captures_iter(html)
        .filter_map(|c| c.get(2).or(c.get(3)).map(|m| m.as_str()))
}

/// The page with each link value that `rewrite` returns a new value for replaced, in the
/// same quotes.
pub fn replace<'a>(html: &'a str, rewrite: impl Fn(&str) -> Option<String>) -> Cow<'a, str> {
    ATTRIBUTE.replace_all(html, |caps: &Captures<'_>| {
        let (value, quote) = match (caps.get(2), caps.get(3)) {
            (Some(v), _) => (v.as_str(), '"'),
            (_, Some(v)) => (v.as_str(), '\''),
            _ => return caps[0].to_string(),
        };
        match rewrite(value) {
            Some(new) => format!("{}{quote}{new}{quote}", &caps[1]),
            None => caps[0].to_string(),
        }
    })
}

/// Whether a link leaves the site or stays on the page: those are not checked.
fn not_checked(href: &str) -> bool {
    href.is_empty()
        || href.starts_with('#')
        || href.starts_with("//")
        || ["http:", "https:", "mailto:"]
            .iter()
            .any(|scheme| href.starts_with(scheme))
}

/// The site path a link of the page at `page_dir` (`en/A/RES/73/187/`) leads to: a
/// root-relative link under `base`, or a page-relative one as `relative_links` writes
/// them. `None` when it leads out of the site.
fn target(href: &str, page_dir: &str, base: &str) -> Option<String> {
    let path = href.split(['#', '?']).next().unwrap_or("");
    if let Some(rest) = path.strip_prefix(base) {
        return Some(rest.to_string());
    }
    if path.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = page_dir.split('/').filter(|s| !s.is_empty()).collect();
    let segments: Vec<&str> = path.split('/').collect();
    for (k, segment) in segments.iter().enumerate() {
        match *segment {
            ".." => {
                parts.pop()?;
            }
            "." | "" if k + 1 < segments.len() => {}
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if path.ends_with('/') && !out.is_empty() {
        out.push('/');
    }
    Some(out)
}

/// Links in the page at `page_dir` that lead to no page or file of the site. `known`
/// holds every page path (`en/A/RES/73/187/`) and file (`style.css`).
pub fn dead_links(html: &str, page_dir: &str, base: &str, known: &HashSet<String>) -> Vec<String> {
    let mut dead: Vec<String> = Vec::new();
    for href in each(html).filter(|h| !not_checked(h)) {
        let found = target(href, page_dir, base).is_some_and(|t| {
            known.contains(&t)
                || t.strip_suffix("index.html")
                    .is_some_and(|dir| known.contains(dir))
        });
        if !found && !dead.iter().any(|d| d == href) {
            dead.push(href.to_string());
        }
    }
    dead
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> HashSet<String> {
        [
            "",
            "en/",
            "en/A/RES/73/187/",
            "en/A/RES/78/19/",
            "style.css",
        ]
        .into_iter()
        .map(String::from)
        .collect()
    }

    #[test]
    fn root_relative_links_are_followed_under_the_base() {
        let html = r#"<a href="/b/en/A/RES/78/19/#op-3">x</a> <link href='/b/style.css'>
            <a href="/b/en/A/RES/1/1/">gone</a> <a href="/elsewhere/">out</a>"#;
        assert_eq!(
            dead_links(html, "en/A/RES/73/187/", "/b/", &known()),
            ["/b/en/A/RES/1/1/", "/elsewhere/"]
        );
    }

    #[test]
    fn page_relative_links_are_followed_from_the_page() {
        let html = r#"<a href="../../78/19/index.html#op-3">x</a> <a href='../../../../../style.css'>s</a>
            <a href="../../78/20/index.html">gone</a> <a href="../../../../../../../up">up</a>
            <a href="index.html">self</a>"#;
        assert_eq!(
            dead_links(html, "en/A/RES/73/187/", "/", &known()),
            ["../../78/20/index.html", "../../../../../../../up"]
        );
    }

    #[test]
    fn single_and_double_quotes_are_one_scanner() {
        let html = r#"<a href="a">1</a><a href='b'>2</a><img src = "c"><form action='d'>"#;
        assert_eq!(each(html).collect::<Vec<_>>(), ["a", "b", "c", "d"]);
    }

    #[test]
    fn other_hosts_and_fragments_are_not_checked() {
        let html = r##"<a href="https://un.org/">u</a><a href="#op-1">f</a><a href="mailto:x@y">m</a><a href="//cdn/x">c</a>"##;
        assert!(dead_links(html, "", "/", &known()).is_empty());
    }
}
