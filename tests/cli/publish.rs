//! The usual files of a published site: sitemap.xml (valid against the sitemap protocol's
//! schema, with hreflang alternates, split past 50,000 URLs), robots.txt, 404.html, the
//! favicon, and an Atom feed per language that a real feed parser reads.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use plenary::formats::sitemap::{self, Limits, Url};

use crate::crawl;
use crate::harness::Site;
use crate::tools;

const BASE: &str = "https://example.org/archive/";

/// The sample archive built with a host, shared by the tests that only read it.
fn built() -> &'static Site {
    Site::shared_sample(&["build", "--base-url", "https://example.org/archive/"])
}

fn xsd(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xsd")
        .join(name)
}

/// Runs `xmllint --schema`; `None` when xmllint is missing and the test may be skipped.
fn validate(schema: &str, file: &Path) -> Option<Result<(), String>> {
    let xmllint = tools::require("xmllint", "libxml2-utils")?;
    let out = Command::new(xmllint)
        .arg("--noout")
        .arg("--schema")
        .arg(xsd(schema))
        .arg(file)
        .output()
        .expect("run xmllint");
    Some(if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr).into_owned())
    })
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Ok(b) = u8::from_str_radix(&s[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap()
}

fn locs(xml: &str) -> Vec<String> {
    let re = regex::Regex::new(r"<loc>([^<]*)</loc>").unwrap();
    re.captures_iter(xml)
        .map(|c| c[1].replace("&amp;", "&"))
        .collect()
}

#[test]
fn the_sitemap_lists_every_page_once_with_its_language_versions() {
    let site = built();
    let xml = site.page("sitemap.xml");
    let listed: Vec<String> = locs(&xml).iter().map(|l| percent_decode(l)).collect();
    let unique: BTreeSet<String> = listed.iter().cloned().collect();
    assert_eq!(listed.len(), unique.len(), "a page is listed twice");
    let mut pages = crawl::html_files(&site.root.join("public"), BASE);
    assert!(pages.remove(&format!("{BASE}404.html")));
    assert_eq!(unique, pages);

    // The Universal Declaration: six versions, and the page of all versions as x-default.
    let udhr = xml
        .split("<url>")
        .find(|u| u.contains("<loc>https://example.org/archive/fr/A/RES/217A(III)/</loc>"))
        .expect("the French UDHR is listed");
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        assert!(
            udhr.contains(&format!(
                r#"<xhtml:link rel="alternate" hreflang="{lang}" href="https://example.org/archive/{lang}/A/RES/217A(III)/"/>"#
            )),
            "{lang} missing: {udhr}"
        );
    }
    assert!(
        udhr.contains(
            r#"hreflang="x-default" href="https://example.org/archive/A/RES/217A(III)/""#
        )
    );
    // Indexes exist in every language of the site.
    let years = xml
        .split("<url>")
        .find(|u| u.contains("<loc>https://example.org/archive/ru/years/</loc>"))
        .unwrap();
    assert_eq!(years.matches("<xhtml:link").count(), 6);
}

#[test]
fn the_sitemap_validates_against_the_sitemap_schema() {
    let site = built();
    let file = site.root.join("public/sitemap.xml");
    let Some(result) = validate("sitemap-hreflang.xsd", &file) else {
        return;
    };
    result.unwrap();
    // The schema is applied to the alternates too: one without hreflang is refused.
    let broken = site
        .page("sitemap.xml")
        .replacen(r#" hreflang="ar""#, "", 1);
    let bad = site.root.join("broken-sitemap.xml");
    std::fs::write(&bad, broken).unwrap();
    let err = validate("sitemap-hreflang.xsd", &bad).unwrap().unwrap_err();
    assert!(err.contains("hreflang"), "{err}");
}

fn synthetic(n: usize) -> Vec<Url> {
    (0..n)
        .map(|i| Url {
            loc: format!("{BASE}en/A/RES/{}/{}/", 1 + i / 1000, i % 1000),
            alternates: vec![
                (
                    "en".into(),
                    format!("{BASE}en/A/RES/{}/{}/", 1 + i / 1000, i % 1000),
                ),
                (
                    "fr".into(),
                    format!("{BASE}fr/A/RES/{}/{}/", 1 + i / 1000, i % 1000),
                ),
            ],
        })
        .collect()
}

#[test]
fn past_50000_urls_the_sitemap_becomes_an_index_of_valid_sitemaps() {
    assert_eq!(Limits::default().urls, 50_000);
    let one = sitemap::files(&synthetic(50_000), BASE, Limits::default());
    assert_eq!(one.len(), 1, "50,000 URLs fit in one sitemap");
    assert_eq!(one[0].0, "sitemap.xml");

    let files = sitemap::files(&synthetic(50_001), BASE, Limits::default());
    let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names, ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]);
    let dir = tempfile::TempDir::new().unwrap();
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let index = String::from_utf8(files[2].1.clone()).unwrap();
    assert_eq!(
        locs(&index),
        [
            format!("{BASE}sitemap-1.xml"),
            format!("{BASE}sitemap-2.xml")
        ]
    );
    let first = String::from_utf8(files[0].1.clone()).unwrap();
    let second = String::from_utf8(files[1].1.clone()).unwrap();
    assert_eq!(locs(&first).len(), 50_000);
    assert_eq!(locs(&second), [format!("{BASE}en/A/RES/51/0/")]);

    let Some(result) = validate("siteindex.xsd", &dir.path().join("sitemap.xml")) else {
        return;
    };
    result.unwrap();
    for part in ["sitemap-1.xml", "sitemap-2.xml"] {
        validate("sitemap-hreflang.xsd", &dir.path().join(part))
            .unwrap()
            .unwrap();
    }
}

#[test]
fn robots_txt_points_to_the_sitemap() {
    let site = built();
    let robots = site.page("robots.txt");
    assert!(robots.starts_with("User-agent: *\n"), "{robots}");
    assert!(robots.contains("\nSitemap: https://example.org/archive/sitemap.xml\n"));
}

#[test]
fn without_a_host_there_is_no_sitemap_nor_feed_and_the_build_says_why() {
    let site = Site::sample();
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stderr
            .contains("site.toml: warning: the base URL `/` names no host"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public/sitemap.xml"));
    assert!(!site.exists("public/en/feed.xml"));
    assert!(!site.page("robots.txt").contains("Sitemap"));
    assert!(!site.page("en/index.html").contains("application/atom+xml"));
    // Everything else is there.
    assert!(site.exists("public/404.html"));
    assert!(site.exists("public/en/A/RES/79/20/index.json"));
    // The warning names where the base URL came from.
    let run = site.run(&["build", "--base-url", "/archive/"]);
    run.assert_ok();
    assert!(
        run.stderr
            .contains("--base-url: warning: the base URL `/archive/` names no host"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_404_page_leads_to_every_language_and_every_page_has_the_favicon() {
    let site = built();
    let page = site.page("404.html");
    assert!(page.contains("<html lang=\"en\" dir=\"ltr\">"));
    assert!(page.contains("<h1>Page not found</h1>"));
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        assert!(
            page.contains(&format!("href=\"/archive/{lang}/\"")),
            "{lang}"
        );
    }
    assert!(page.contains("<span class=\"count\">Page introuvable</span>"));
    assert!(page.contains(r#"<link rel="stylesheet" href="/archive/style.css">"#));

    let svg = site.page("favicon.svg");
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    for rel in [
        "index.html",
        "ar/index.html",
        "en/A/RES/79/20/index.html",
        "404.html",
    ] {
        assert!(
            site.page(rel)
                .contains(r#"<link rel="icon" href="/archive/favicon.svg" type="image/svg+xml">"#),
            "{rel}"
        );
    }
}

#[test]
fn a_site_may_replace_a_generated_file_with_its_own() {
    let site = Site::sample();
    site.write("static/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    site.run(&["build", "--base-url", BASE]).assert_ok();
    assert_eq!(
        site.page("robots.txt"),
        "User-agent: *\nDisallow: /drafts/\n"
    );
}

fn feed(site: &Site, lang: &str) -> feed_rs::model::Feed {
    let bytes = std::fs::read(site.root.join(format!("public/{lang}/feed.xml"))).unwrap();
    feed_rs::parser::parse(bytes.as_slice()).unwrap_or_else(|e| panic!("{lang}: {e}"))
}

#[test]
fn each_language_has_an_atom_feed_of_the_newest_resolutions() {
    // Its own copy: it removes two sessions and builds again.
    let site = Site::sample();
    site.run(&["build", "--base-url", BASE]).assert_ok();
    // A symbol's page of each work, General Assembly (`A/`) and Security Council (`S/`).
    let works = ["public/A", "public/S"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(site.root.join(d)))
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .count();
    for lang in ["ar", "zh", "en", "fr", "ru", "es"] {
        let f = feed(&site, lang);
        assert_eq!(f.feed_type, feed_rs::model::FeedType::Atom);
        assert_eq!(f.id, format!("{BASE}{lang}/feed.xml"));
        assert_eq!(f.entries.len(), works.min(50), "{lang}");
        let published: Vec<_> = f.entries.iter().map(|e| e.published.unwrap()).collect();
        assert!(
            published.windows(2).all(|w| w[0] >= w[1]),
            "{lang}: not newest first"
        );
        let ids: BTreeSet<&str> = f.entries.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids.len(), f.entries.len(), "{lang}: entry ids repeat");
        for e in &f.entries {
            let link = &e.links[0].href;
            let rel = link
                .strip_prefix(BASE)
                .expect("an absolute link into the site");
            assert!(
                site.exists(&format!("public/{rel}index.html")),
                "{lang}: {link} leads nowhere"
            );
            assert!(e.title.as_ref().unwrap().content.contains(": "));
            assert!(e.updated.is_some());
        }
        let home = site.page(&format!("{lang}/index.html"));
        assert!(
            home.contains(&format!(
                r#"<link rel="alternate" type="application/atom+xml" hreflang="{lang}" href="/archive/{lang}/feed.xml""#
            )),
            "{lang}: the feed is not linked from the home page"
        );
    }
    // The Chinese feed has another language's version where there is no Chinese one: the
    // fifty newest are of session 79 (sixty resolutions), in English alone.
    let zh = feed(&site, "zh");
    let prefix = format!("{BASE}en/A/RES/79/");
    assert!(zh.entries.iter().all(|e| e.id.starts_with(&prefix)));
    // And the Chinese version where there is one: without sessions 78 and 79, 73/187 is
    // among the newest.
    for session in ["content/ga/78", "content/ga/79"] {
        std::fs::remove_dir_all(site.root.join(session)).unwrap();
    }
    site.run(&["build", "--base-url", BASE]).assert_ok();
    let zh = feed(&site, "zh");
    let e = zh
        .entries
        .iter()
        .find(|e| e.id == format!("{BASE}zh/A/RES/73/187/"))
        .expect("73/187 in Chinese");
    assert!(
        e.title
            .as_ref()
            .unwrap()
            .content
            .contains("打击为犯罪目的使用信息和通信技术行为")
    );
    assert_eq!(
        e.summary.as_ref().unwrap().content,
        "大会 2018 年 12 月 17 日第 73/187 号决议，A/RES/73/187"
    );
    assert_eq!(zh.title.unwrap().content, "联合国决议：样本档案");
}

#[test]
fn feeds_are_the_same_from_one_build_to_the_next() {
    let site = built();
    let first = site.page("en/feed.xml");
    site.run(&["build", "--base-url", BASE, "--output", "feeds-again"])
        .assert_ok();
    let again = std::fs::read_to_string(site.root.join("feeds-again/en/feed.xml")).unwrap();
    assert_eq!(first, again);
}
