//! Relative links: the output works opened from disk. Every link of every page is followed
//! on the file system, as a browser does with `file://`, without a server.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::crawl;
use crate::harness::Site;

/// Follows every link from `index.html` on disk; returns the files reached and the links
/// that lead nowhere (a folder is nowhere: `file://` shows no index.html for it).
fn crawl_files(root: &Path) -> (BTreeSet<String>, Vec<String>) {
    let mut reached = BTreeSet::from(["/index.html".to_string()]);
    let mut queue = vec!["/index.html".to_string()];
    let mut broken = Vec::new();
    let mut fragments = Vec::new();
    let mut ids: HashMap<String, BTreeSet<String>> = HashMap::new();
    while let Some(path) = queue.pop() {
        let html = std::fs::read_to_string(root.join(&path[1..])).unwrap();
        ids.insert(path.clone(), crawl::ids(&html));
        for href in crawl::links(&html) {
            if href.starts_with('/') {
                broken.push(format!("{path}: {href} is not relative"));
                continue;
            }
            let depth = path.matches('/').count() - 1;
            if href.split('/').take_while(|s| *s == "..").count() > depth {
                broken.push(format!("{path}: {href} climbs out of the site"));
                continue;
            }
            let Some((target, fragment)) = crawl::resolve(&path, &href) else {
                continue;
            };
            if !root.join(&target[1..]).is_file() {
                broken.push(format!("{path}: {href} leads to no file"));
                continue;
            }
            if let Some(f) = fragment.filter(|f| !f.is_empty()) {
                fragments.push((path.clone(), target.clone(), f));
            }
            if target.ends_with(".html") && reached.insert(target.clone()) {
                queue.push(target);
            }
        }
    }
    for (from, target, f) in fragments {
        if !ids[&target].contains(&f) {
            broken.push(format!("{from}: {target}#{f} has no such id"));
        }
    }
    (reached, broken)
}

#[test]
fn with_relative_links_the_site_works_from_disk() {
    let site = Site::sample();
    site.run(&["build", "--relative-links"]).assert_ok();
    let public = site.root.join("public");
    let (reached, broken) = crawl_files(&public);
    assert!(
        broken.is_empty(),
        "{} broken:\n{}",
        broken.len(),
        broken.join("\n")
    );
    let all: BTreeSet<String> = walkdir::WalkDir::new(&public)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "html"))
        .map(|e| format!("/{}", e.path().strip_prefix(&public).unwrap().display()))
        .filter(|p| p != "/404.html")
        .collect();
    assert_eq!(reached, all, "pages not reached from the home page");

    // Folder links end in index.html; static files, feeds and citations are relative too.
    let page = site.page("en/A/RES/79/20/index.html");
    assert!(page.contains(r#"<link rel="stylesheet" href="../../../../../style.css">"#));
    assert!(page.contains(r#"<link rel="icon" href="../../../../../favicon.svg""#));
    assert!(page.contains(r#"<a class="site-title" href="../../../../index.html">"#));
    assert!(page.contains(r#"href="citation.bib""#));
    assert!(page.contains(r#"href="index.json""#));
    // Citation links in the body, to the archive and its paragraphs.
    assert!(
        page.contains(r#"<a href="../../78/21/index.html" class="cite">78/21</a>"#),
        "{page}"
    );
}

#[test]
fn relative_links_may_be_set_in_site_toml_and_keep_absolute_machine_files() {
    let site = Site::fixture("basic");
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write(
        "site.toml",
        toml.replace(
            "base_url = \"/\"",
            "base_url = \"https://example.org/archive/\"\nrelative_links = true",
        ),
    );
    site.build().assert_ok();
    let (_, broken) = crawl_files(&site.root.join("public"));
    assert!(broken.is_empty(), "{}", broken.join("\n"));
    let page = site.page("fr/index.html");
    assert!(page.contains(r#"href="../zh/index.html""#), "{page}");
    assert!(!page.contains("href=\"/archive/"));
    // What is read away from the site keeps full URLs.
    assert!(
        site.page("sitemap.xml")
            .contains("<loc>https://example.org/archive/fr/</loc>")
    );
    assert!(
        site.page("en/A/RES/73/187/citation.bib")
            .contains("https://example.org/archive/en/A/RES/73/187/")
    );
    // The 404 page is served at any address: its links stay rooted at the base path.
    assert!(
        site.page("404.html")
            .contains("href=\"/archive/style.css\"")
    );
}

#[test]
fn check_accepts_relative_links() {
    let site = Site::fixture("basic");
    site.run(&["check", "--relative-links"]).assert_ok();
}

/// `check` follows each link as the page writes it: after the relative rewrite, a link to
/// a page that does not exist is reported in its relative form.
#[test]
fn check_reports_a_broken_link_in_its_relative_form() {
    let site = Site::fixture("basic");
    let path = site.root.join("content/ga/73/187.en.md");
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("\nSee [a resolution that is not here](/en/A/RES/1/1/).\n");
    std::fs::write(&path, text).unwrap();
    site.run(&["check"])
        .assert_fails_with(&["links to /en/A/RES/1/1/"]);
    site.run(&["check", "--relative-links"])
        .assert_fails_with(&["links to ../../1/1/index.html"]);
}
