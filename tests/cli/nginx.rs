//! The built site served by nginx, as a static host serves it, and crawled from its home
//! page: no broken link, no missing file, no redirect, no unreachable page, at the root
//! of a host and under a subpath; and what machines harvest (robots.txt, the sitemap,
//! the feeds, the data) leads to pages that are there.

use std::collections::BTreeSet;
use std::path::Path;

use crate::crawl::{self, Nginx};
use crate::harness::Site;

/// Crawls from `start` and checks that nothing is broken and every HTML file below
/// `public` (served at `start`) but the 404 page was reached.
fn crawl_clean(server: &Nginx, start: &str, public: &Path) -> crawl::Crawl {
    let found = crawl::crawl(server, start);
    assert!(
        found.broken.is_empty(),
        "{} broken links:\n{}",
        found.broken.len(),
        found.broken.join("\n")
    );
    let mut on_disk = crawl::html_files(public, start);
    assert!(on_disk.remove(&format!("{start}404.html")));
    let missed: Vec<&String> = on_disk.difference(&found.pages).collect();
    assert!(missed.is_empty(), "pages no link leads to: {missed:?}");
    found
}

#[test]
fn at_the_root_of_a_host_no_link_is_broken() {
    let site = Site::shared_sample(&["build"]);
    let public = site.root.join("public");
    let Some(server) = Nginx::serve(&public, "/404.html") else {
        return;
    };
    let found = crawl_clean(&server, "/", &public);
    assert!(found.pages.len() > 500, "{} pages", found.pages.len());

    let missing = server.get("/en/no-such-page/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains("<h1>Page not found</h1>"));
    assert!(missing.text().contains(r#"href="/style.css""#));
}

#[test]
fn under_a_subpath_no_link_is_broken_and_harvesting_finds_every_page() {
    let site = Site::sample();
    let www = site.root.parent().unwrap().join("www");
    let public = www.join("archive");
    site.run(&[
        "build",
        "--base-url",
        "https://example.org/archive/",
        "--output",
        public.to_str().unwrap(),
    ])
    .assert_ok();
    let Some(server) = Nginx::serve(&www, "/archive/404.html") else {
        return;
    };
    let found = crawl_clean(&server, "/archive/", &public);
    assert!(
        found.status.keys().all(|p| p.starts_with("/archive/")),
        "a link leaves the base path: {:?}",
        found.status.keys().find(|p| !p.starts_with("/archive/"))
    );
    for file in [
        "/archive/favicon.svg",
        "/archive/en/feed.xml",
        "/archive/zh/A/RES/73/187/citation.bib",
        "/archive/zh/A/RES/73/187/index.json",
    ] {
        assert_eq!(found.status.get(file), Some(&200), "{file} is not linked");
    }
    let missing = server.get("/archive/fr/A/RES/1/1/");
    assert_eq!(missing.status, 404);
    assert!(missing.text().contains(r#"href="/archive/fr/""#));

    // A harvester: robots.txt → the sitemap → every page and every alternate.
    let local = |url: &str| {
        url.strip_prefix("https://example.org")
            .unwrap_or_else(|| panic!("{url} is not on the site's host"))
            .to_string()
    };
    let robots = server.get("/archive/robots.txt").text();
    let sitemap_url = robots
        .lines()
        .find_map(|l| l.strip_prefix("Sitemap: "))
        .expect("robots.txt names the sitemap");
    let sitemap = server.get(&local(sitemap_url));
    assert_eq!(sitemap.status, 200);
    let urls = regex::Regex::new(r#"(?:<loc>|href=")(https://[^<"]*)"#).unwrap();
    let mut listed: BTreeSet<String> = BTreeSet::new();
    for c in urls.captures_iter(&sitemap.text()) {
        listed.insert(local(&c[1]));
    }
    assert!(listed.len() > 500);
    for path in &listed {
        assert_eq!(server.get(path).status, 200, "{path} is in the sitemap");
    }
    // The feeds and the catalogue lead to pages and data that are there.
    let mut harvested = BTreeSet::new();
    let re = regex::Regex::new(r#"https://example\.org(/archive/[^"<]*)"#).unwrap();
    for file in ["/archive/fr/feed.xml", "/archive/data/resolutions.jsonl"] {
        let text = server.get(file).text();
        harvested.extend(re.captures_iter(&text).map(|c| c[1].to_string()));
    }
    assert!(harvested.iter().any(|p| p.ends_with("index.json")));
    for path in &harvested {
        assert_eq!(server.get(path).status, 200, "{path}");
    }
}

#[test]
fn with_relative_links_the_same_output_works_under_any_path() {
    let site = Site::sample();
    let www = site.root.parent().unwrap().join("www");
    let public = www.join("some/where");
    site.run(&[
        "build",
        "--relative-links",
        "--output",
        public.to_str().unwrap(),
    ])
    .assert_ok();
    let Some(server) = Nginx::serve(&www, "/some/where/404.html") else {
        return;
    };
    crawl_clean(&server, "/some/where/", &public);
}
