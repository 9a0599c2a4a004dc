//! Content cannot attack readers: no script, event handler or `javascript:` URL from a
//! resolution file reaches a page, with raw HTML escaped (the default) or sanitized
//! (`raw_html = true`), and nothing in a file can make a path outside the output.

use crate::harness::Site;

/// A resolution that tries everything, in its front matter and its text.
const HOSTILE: &str = r#"---
symbol: A/RES/73/66
lang: en
title: "<script>alert('title')</script> <img src=x onerror=alert(1)>"
adopted: 2018-12-17
committee: "<b onmouseover=alert(2)>Third Committee</b>"
subjects: ["<svg onload=alert(3)>", "../../../escape"]
agenda_items: ["../../x", "<i>9</i>"]
report: "javascript:alert(4)"
note: "<script>alert(5)</script>"
---
The General Assembly,

Recalling <script>alert(6)</script> its resolution 73/187,

Noting <img src="x" onerror="alert(7)"> and <a href="javascript:alert(8)" onclick="alert(9)">this</a>,
[a link](javascript:alert(10)), [another](JAVASCRIPT:alert(11)), <javascript:alert(12)>,
[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxMyk8L3NjcmlwdD4=) and <iframe src="https://evil.example"></iframe>,

<div onclick="alert(14)"><b>bold</b><style>body{display:none}</style></div>

1. Decides <svg><script>alert(15)</script></svg> to act;
"#;

/// What in a page could run: a script or frame element, an `on…=` attribute, or a
/// `javascript:`/`data:` URL in an attribute. Escaped text (`&lt;script&gt;`) is inert, and
/// so is plenary's JSON-LD block, as long as nothing inside it can close the element.
fn active_content(html: &str) -> Vec<String> {
    const JSONLD: &str = "<script type=\"application/ld+json\">";
    let mut found = Vec::new();
    let mut rest = html;
    let mut outside = String::new();
    while let Some(start) = rest.find(JSONLD) {
        outside.push_str(&rest[..start]);
        let data = &rest[start + JSONLD.len()..];
        let end = data.find("</script>").unwrap_or(data.len());
        if data[..end].contains('<') {
            found.push(format!(
                "JSON-LD that can close its element: {}",
                &data[..end]
            ));
        }
        rest = &data[(end + "</script>".len()).min(data.len())..];
    }
    outside.push_str(rest);
    let html = outside.as_str();
    let tag = regex::Regex::new(r"<[a-zA-Z][^>]*>").unwrap();
    let handler = regex::Regex::new(r#"(?i)[\s/"']on[a-z]+\s*="#).unwrap();
    let url = regex::Regex::new(r#"(?i)=\s*["']?\s*(javascript|vbscript|data):"#).unwrap();
    for t in tag.find_iter(html) {
        let t = t.as_str();
        let lower = t.to_lowercase();
        if lower.starts_with("<script")
            || lower.starts_with("<iframe")
            || lower.starts_with("<object")
            || lower.starts_with("<embed")
            || handler.is_match(t)
            || url.is_match(t)
        {
            found.push(t.to_string());
        }
    }
    found
}

fn hostile_site(settings: &str) -> Site {
    let site = Site::fixture("basic");
    site.write("site.toml", settings);
    site.write("content/ga/73/66.en.md", HOSTILE);
    site
}

/// Every page the hostile resolution appears on.
fn pages(site: &Site) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for rel in [
        "en/A/RES/73/66/index.html",
        "A/RES/73/66/index.html",
        "en/index.html",
        "en/sessions/ga-73/index.html",
        "en/subjects/index.html",
        "en/committees/index.html",
        "en/agenda-items/index.html",
        "zh/A/RES/73/187/index.html",
    ] {
        out.push((rel.to_string(), site.page(rel)));
    }
    out
}

#[test]
fn nothing_from_content_runs_with_raw_html_escaped() {
    let site = hostile_site("languages = [\"en\", \"zh\"]\n");
    site.build().assert_ok();
    for (rel, html) in pages(&site) {
        assert_eq!(active_content(&html), Vec::<String>::new(), "{rel}");
    }
    let page = site.page("en/A/RES/73/66/index.html");
    // Shown as the editor wrote it, so that it can be fixed.
    assert!(page.contains("&lt;script&gt;alert("), "{page}");
    assert!(page.contains("<a href=\"\">a link</a>"), "{page}");
}

#[test]
fn raw_html_is_sanitized_and_plenarys_own_markup_kept() {
    let site = hostile_site("raw_html = true\nlanguages = [\"en\", \"zh\"]\n");
    site.build().assert_ok();
    for (rel, html) in pages(&site) {
        assert_eq!(active_content(&html), Vec::<String>::new(), "{rel}");
        assert!(
            !html.contains("alert(6)") && !html.contains("alert(15)"),
            "{rel}"
        );
    }
    let page = site.page("en/A/RES/73/66/index.html");
    assert!(page.contains("<div><b>bold</b></div>"), "{page}");
    // Front matter is text, whatever raw_html says.
    assert!(page.contains("&lt;script&gt;alert("), "{page}");
    // Anchors and citation links written by plenary survive the sanitizer.
    assert!(page.contains(r##"<p id="pp-1" class="pp"><a class="para-anchor" href="#pp-1" aria-label="Preambular paragraph 1">"##), "{page}");
    assert!(
        page.contains(r#"<li id="op-1" class="op" value="1">"#),
        "{page}"
    );
    assert!(
        page.contains(r#"<a href="/en/A/RES/73/187/" class="cite">73/187</a>"#),
        "{page}"
    );
}

#[test]
fn no_file_can_name_a_path_outside_the_output() {
    let site = hostile_site("");
    site.build().assert_ok();
    // Every file under the site's parent folder is a source or under public/.
    let parent = site.root.parent().unwrap();
    for entry in walkdir::WalkDir::new(parent) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(&site.root)
            .unwrap_or(entry.path());
        let first = rel
            .components()
            .next()
            .unwrap()
            .as_os_str()
            .to_string_lossy();
        assert!(
            ["public", "content", "data", "static", "site.toml"].contains(&first.as_ref()),
            "{} was written outside the output",
            entry.path().display()
        );
    }
    assert!(site.exists("public/en/subjects/escape/index.html"));

    let before = site.snapshot("public");
    site.write(
        "content/ga/73/67.en.md",
        "---\nsymbol: ../../etc\nlang: en\ntitle: T\nadopted: 2018-12-17\nsubjects: [\"../..\"]\n---\n",
    );
    site.build().assert_fails_with(&[
        "content/ga/73/67.en.md:2:9: error: `../../etc` is not a resolution symbol",
        "content/ga/73/67.en.md:6:11: error: `../..` in `subjects` has no letter or digit",
    ]);
    assert!(
        site.snapshot("public") == before,
        "a refused build changed public/"
    );
}
