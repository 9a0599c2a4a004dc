//! Cross-links on the bundled sample archive: citations as links, backlinks, series, and
//! what `plenary check` reports.

use crate::harness::Site;

/// The items of a symbol page's list of language versions.
fn version_items(html: &str) -> usize {
    let list = html
        .split(r#"<ul class="versions-list">"#)
        .nth(1)
        .unwrap_or("");
    list.split("</ul>")
        .next()
        .unwrap_or("")
        .matches("<li>")
        .count()
}

/// The `href` of every citation link in a page, with its text.
fn citations(html: &str) -> Vec<(String, String)> {
    let re = regex::Regex::new(r#"<a href="([^"]*)" class="cite[^"]*"[^>]*>([^<]*)</a>"#).unwrap();
    re.captures_iter(html)
        .map(|c| (c[1].to_string(), c[2].to_string()))
        .collect()
}

#[test]
fn every_citation_in_the_seed_is_a_link() {
    let site = Site::shared_sample(&["build"]);
    let page = site.page("zh/A/RES/73/187/index.html");
    let links = citations(&page);
    let texts: Vec<&str> = links.iter().map(|(_, t)| t.as_str()).collect();
    for cited in [
        "65/230",
        "53/70",
        "54/49",
        "55/28",
        "56/19",
        "57/53",
        "58/32",
        "59/61",
        "60/45",
        "61/54",
        "62/17",
        "63/37",
        "64/25",
        "65/41",
        "66/24",
        "66/181",
        "67/27",
        "68/193",
        "68/243",
        "69/28",
        "70/237",
        "71/28",
        "72/196",
        "E/2013/30",
        "A/65/201",
        "A/68/98",
        "A/70/174",
        "E/2017/30",
    ] {
        assert!(texts.contains(&cited), "{cited} is not a link: {texts:?}");
    }
    assert!(links.contains(&("https://undocs.org/zh/A/RES/65/230".into(), "65/230".into())));
    // The report in the metadata panel links to the document.
    assert!(page.contains(r#"<a href="https://undocs.org/zh/A/73/590">A/73/590</a>"#));
    // Commission resolutions 22/8 and 26/4 are not the Assembly's: no link, no placeholder.
    assert!(!texts.contains(&"22/8") && !texts.contains(&"26/4"));
    assert!(!page.contains("A/RES/22/8") && !page.contains("A/RES/26/4"));
    assert!(
        !page.contains(r##"href="#""##),
        "a placeholder link was left unresolved"
    );
}

#[test]
fn a_list_of_ten_resolutions_gives_ten_links_and_the_archive_is_preferred() {
    let site = Site::shared_sample(&["build"]);
    let page = site.page("en/A/RES/79/20/index.html");
    let pp1 = page
        .split("id=\"pp-1\"")
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    let links = citations(pp1);
    let first_list: Vec<&str> = links.iter().take(10).map(|(_, t)| t.as_str()).collect();
    assert_eq!(
        first_list,
        [
            "69/32", "70/27", "71/32", "72/27", "73/31", "74/33", "75/37", "76/23", "77/42",
            "78/21"
        ]
    );
    assert_eq!(links[9].0, "/en/A/RES/78/21/", "78/21 is in the archive");
    assert!(
        links[0].0.starts_with("https://undocs.org/en/"),
        "69/32 is not"
    );
}

#[test]
fn cited_by_cites_and_series() {
    let site = Site::shared_sample(&["build"]);
    let page = site.page("en/A/RES/78/21/index.html");
    let cited_by = page
        .split("id=\"cited-by\"")
        .nth(1)
        .expect("a Cited by section");
    assert!(
        cited_by.contains(r#"href="/en/A/RES/79/20/#pp-1""#),
        "links to the citing paragraph"
    );
    assert!(page.contains(r#"<a rel="next" href="/en/A/RES/79/20/">"#));
    let next = site.page("en/A/RES/79/20/index.html");
    assert!(next.contains(r#"<a rel="prev" href="/en/A/RES/78/21/">"#));
    let cites = next.split("id=\"cites\"").nth(1).expect("a Cites section");
    assert!(cites.contains(r#"href="/en/A/RES/78/21/""#));
    // "the most recent of which is resolution 78/19" makes 78/19 the predecessor of 79/19.
    assert!(
        site.page("en/A/RES/79/19/index.html")
            .contains(r#"<a rel="prev" href="/en/A/RES/78/19/">"#)
    );
    // The Declaration is cited from a footnote of 78/12.
    assert!(
        site.page("en/A/RES/217A(III)/index.html")
            .contains(r#"href="/en/A/RES/78/12/#fn-1""#)
    );
}

#[test]
fn a_citation_of_a_version_in_another_language_is_marked() {
    let site = Site::fixture("basic");
    site.write(
        "content/ga/73/200.en.md",
        "---\nsymbol: A/RES/73/200\nlang: en\ntitle: T\nadopted: 2018-12-20\n---\nRecalling its resolution 2625 (XXV) and paragraph 2 of its resolution 73/187,\n",
    );
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/200/index.html");
    assert!(
        page.contains(
            r#"<a href="/fr/A/RES/2625(XXV)/" class="cite" hreflang="fr">2625 (XXV)</a>"#
        ),
        "{page}"
    );
    assert!(page.contains(r#"<a href="/en/A/RES/73/187/#op-2" class="cite">73/187</a>"#));
}

#[test]
fn the_resolver_can_be_changed_or_turned_off() {
    let site = Site::fixture("basic");
    site.write("content/x.md", "---\nsymbol: A/RES/73/9\nlang: en\ntitle: T\nadopted: 2018-12-17\n---\nRecalling resolution 65/230 and document A/73/590,\n");
    site.write(
        "site.toml",
        "resolver = \"https://docs.example.org/{symbol}?lang={lang}\"\n",
    );
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/9/index.html");
    assert!(page.contains(r#"href="https://docs.example.org/A/RES/65/230?lang=en""#));
    site.write("site.toml", "resolver = \"\"\n");
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/9/index.html");
    assert!(!page.contains("65/230</a>") && page.contains("65/230"));
}

#[test]
fn every_resolution_links_its_six_official_documents_at_the_resolver() {
    let site = Site::fixture("basic");
    site.write(
        "content/x.md",
        "---\nsymbol: A/RES/73/9\nlang: en\ntitle: T\nadopted: 2018-12-17\n---\nDecides.\n",
    );
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/9/index.html");
    assert!(page.contains("<dt>Official documents</dt>"), "{page}");
    assert!(page.contains(r#"<a class="external" href="https://undocs.org/ar/A/RES/73/9" hreflang="ar" lang="ar" dir="rtl">العربية</a>"#));
    assert!(page.contains(r#"<a class="external" href="https://undocs.org/es/A/RES/73/9" hreflang="es" lang="es" dir="ltr">Español</a>"#));
    // The page of the symbol: the English version in the archive, the other five only at
    // the resolver, each with its official document.
    let all = site.page("A/RES/73/9/index.html");
    assert_eq!(version_items(&all), 6, "{all}");
    assert!(all.contains(r#"<a href="/en/A/RES/73/9/" hreflang="en" lang="en" dir="ltr">"#));
    assert!(all.contains(r#"<span class="name" lang="ru" dir="ltr">Русский</span> <span class="missing">not in this archive</span> · <a class="official external" href="https://undocs.org/ru/A/RES/73/9" hreflang="ru">Official document</a>"#));

    site.write(
        "site.toml",
        "resolver = \"https://docs.example.org/{symbol}?lang={lang}\"\n",
    );
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/9/index.html");
    assert!(page.contains(r#"href="https://docs.example.org/A/RES/73/9?lang=zh""#));

    site.write("site.toml", "resolver = \"\"\n");
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/9/index.html");
    assert!(!page.contains("Official documents") && !page.contains("docs.example.org"));
    let all = site.page("A/RES/73/9/index.html");
    assert_eq!(version_items(&all), 1, "{all}");
    assert!(!all.contains("Official document") && !all.contains("not in this archive"));
}

#[test]
fn check_passes_on_the_sample_and_reports_outside_citations() {
    let site = Site::sample();
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("outside the archive are cited"),
        "{}",
        run.stdout
    );
    assert!(!site.exists("public"));
    let json = site.run(&["check", "--format", "json"]);
    json.assert_ok();
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["ok"], true);
    assert_eq!(report["resolutions"], 1020);
    assert!(
        report["not_in_archive"]
            .as_array()
            .unwrap()
            .iter()
            .any(|n| n["symbol"] == "A/RES/65/230")
    );
}

#[test]
fn a_broken_placeholder_fails_check_at_its_line() {
    let site = Site::sample();
    let path = site.root.join("content/ga/78/7.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let line = text
        .lines()
        .position(|l| l.starts_with("Recalling"))
        .unwrap()
        + 1;
    let broken = text.replacen("Recalling", "Recalling [the declaration](#)", 1);
    std::fs::write(&path, broken).unwrap();
    let run = site.run(&["check"]);
    run.assert_fails_with(&[&format!("content/ga/78/7.en.md:{line}:11: error: the placeholder link [the declaration](#) names no resolution or document")]);
    let json = site.run(&["check", "--format", "json"]);
    assert_eq!(json.code, 1);
    let report: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(report["ok"], false);
    assert_eq!(report["diagnostics"][0]["line"], line);
    assert!(!site.exists("public"), "check wrote public/");
}

#[test]
fn check_finds_links_that_lead_nowhere_and_pinpoints_that_do_not_exist() {
    let site = Site::fixture("basic");
    site.write(
        "content/x.md",
        "---\nsymbol: A/RES/73/9\nlang: en\ntitle: T\nadopted: 2018-12-17\n---\nSee [the annex](/en/nowhere/) and paragraph 9 of resolution 73/187.\n",
    );
    let run = site.run(&["check"]);
    run.assert_fails_with(&["links to /en/nowhere/, which is no page or file of the site"]);
    assert!(run.stderr.contains("content/x.md:7:1: warning: paragraph 9 of A/RES/73/187 does not exist: it has 3 operative paragraphs"), "{}", run.stderr);
    assert!(!site.exists("public"), "check wrote public/");
}
