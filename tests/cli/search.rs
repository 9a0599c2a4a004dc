//! Search: the index of every language, the search page and the header's search box,
//! the switch that leaves them out, and the search page at work in a real browser.

use std::time::Duration;

use fantoccini::Locator;
use plenary::search::Reader;

use crate::browser::{Browser, Files};
use crate::harness::Site;

#[test]
fn a_build_indexes_every_language_and_the_index_finds_chinese_without_spaces() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    for lang in ["zh", "en", "fr"] {
        assert!(
            site.exists(&format!("public/search/{lang}/meta.json")),
            "{lang}"
        );
    }
    let mut zh = Reader::open(&site.root.join("public/search/zh")).unwrap();
    let hits = zh.search("信息和通信技术", &[], 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "zh/A/RES/73/187/");
    assert_eq!(hits[0].symbol, "A/RES/73/187");
    // The title holds it too, but the first paragraph that does is shown.
    assert_eq!(hits[0].anchor.as_deref(), Some("pp-1"));
    let facet = zh
        .search("", &["committee:third-committee".into()], 10)
        .unwrap();
    assert_eq!(facet.len(), 1);

    let mut en = Reader::open(&site.root.join("public/search/en")).unwrap();
    // "technology" is not in the text; "technologies" is, with the same stem.
    let hits = en.search("Technology", &[], 10).unwrap();
    assert_eq!(hits[0].path, "en/A/RES/73/187/");
    assert!(en.bytes_read() < 100_000);
}

#[test]
fn every_page_has_a_search_box_and_each_language_a_search_page() {
    let site = Site::fixture("basic");
    site.run(&["build", "--base-url", "https://example.org/"])
        .assert_ok();
    let page = site.page("zh/A/RES/73/187/index.html");
    assert!(page.contains(r#"<form class="site-search" role="search" action="/zh/search/""#));
    assert!(page.contains(r#"<label for="site-search-q""#));
    let search = site.page("fr/search/index.html");
    assert!(search.contains(r#"<input type="search" id="search-q" name="q""#));
    assert!(search.contains(r#"<label for="search-q">Rechercher dans les résolutions</label>"#));
    assert!(search.contains(r#"role="status" aria-live="polite""#));
    assert!(search.contains(r#"<script src="/search.js" defer></script>"#));
    assert!(
        search.contains(r#"<option value="ga-73">"#),
        "the session filter"
    );
    assert!(
        !search.contains("site-search-q"),
        "one search form on the search page"
    );
    assert!(site.exists("public/search.js"));
    assert!(
        site.page("sitemap.xml")
            .contains("<loc>https://example.org/zh/search/</loc>")
    );
}

#[test]
fn the_switch_and_the_setting_leave_search_out() {
    let site = Site::fixture("basic");
    site.run(&["build", "--no-search"]).assert_ok();
    let without = |site: &Site| {
        assert!(!site.exists("public/search"));
        assert!(!site.exists("public/search.js"));
        assert!(!site.exists("public/en/search"));
        assert!(!site.page("en/index.html").contains("site-search"));
    };
    without(&site);
    let toml = std::fs::read_to_string(site.root.join("site.toml")).unwrap();
    site.write("site.toml", format!("{toml}\n[search]\nenabled = false\n"));
    site.build().assert_ok();
    without(&site);
}

#[test]
fn two_builds_write_the_same_index() {
    let site = Site::sample();
    site.build().assert_ok();
    let first = site.snapshot("public/search");
    site.build().assert_ok();
    assert_eq!(first, site.snapshot("public/search"));
    assert!(first.len() > 6 * 3);
}

#[test]
fn with_relative_links_the_search_box_and_script_are_relative() {
    let site = Site::fixture("basic");
    site.run(&["build", "--relative-links"]).assert_ok();
    let page = site.page("zh/A/RES/73/187/index.html");
    assert!(
        page.contains(r#"action="../../../../search/index.html""#),
        "{page}"
    );
    let search = site.page("zh/search/index.html");
    assert!(search.contains(r#"<script src="../../search.js" defer></script>"#));
    assert!(search.contains(r#"data-relative="true""#));
}

/// Searches on the search page of `lang` as a reader does: types the query into the
/// search field, submits, and returns the text of the results.
async fn search(browser: &Browser, files: &Files, lang: &str, query: &str) -> String {
    let c = &browser.client;
    c.goto(&files.url(&format!("/{lang}/search/")))
        .await
        .unwrap();
    let field = c.wait().for_element(Locator::Id("search-q")).await.unwrap();
    field.send_keys(query).await.unwrap();
    field.send_keys("\u{E007}").await.unwrap();
    results(browser).await
}

/// The text of the results once the status says how many there are.
async fn results(browser: &Browser) -> String {
    let c = &browser.client;
    let started = std::time::Instant::now();
    loop {
        let status = browser.text_of("#search-status").await;
        let list = browser.text_of("#search-results").await;
        if !list.is_empty() || (started.elapsed() > Duration::from_secs(10)) {
            return format!("{status}\n{list}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
        let _ = c;
    }
}

#[test]
fn in_a_browser_each_language_finds_its_resolutions() {
    let site = Site::shared_sample(&["build"]);
    let Some(browser) = Browser::start() else {
        return;
    };
    let files = Files::serve(&site.root.join("public"));
    browser.run(async {
        let c = &browser.client;
        // Chinese written without spaces.
        let zh = search(&browser, &files, "zh", "网络犯罪").await;
        assert!(zh.contains("A/RES/73/187"), "{zh}");
        let href = c
            .find(Locator::Css("#search-results a.hit"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        assert!(href.starts_with(&files.url("/zh/A/RES/73/187/#")), "{href}");
        assert!(c.current_url().await.unwrap().as_str().contains("?q="));

        // Word forms the text does not have find the forms it has.
        let ru = search(&browser, &files, "ru", "декларации").await;
        assert!(ru.contains("A/RES/217 A (III)"), "{ru}");
        let ar = search(&browser, &files, "ar", "كرامة").await;
        assert!(ar.contains("A/RES/217 A (III)"), "{ar}");
        let en = search(&browser, &files, "en", "embargoes").await;
        assert!(en.contains("A/RES/79/7"), "{en}");
        assert!(!en.contains("A/RES/73/187"), "{en}");

        // The address carries the query; the box in the header of any page leads there.
        c.goto(
            &files.url(
                "/zh/search/?q=%E4%BF%A1%E6%81%AF%E5%92%8C%E9%80%9A%E4%BF%A1%E6%8A%80%E6%9C%AF",
            ),
        )
        .await
        .unwrap();
        let linked = results(&browser).await;
        assert!(linked.contains("A/RES/73/187"), "{linked}");
        c.goto(&files.url("/en/")).await.unwrap();
        let field = c.find(Locator::Id("site-search-q")).await.unwrap();
        field.send_keys("Cuba embargo").await.unwrap();
        field.send_keys("\u{E007}").await.unwrap();
        let from_header = results(&browser).await;
        assert!(from_header.contains("A/RES/79/7"), "{from_header}");
    });
}

/// The symbols of the first `n` results of `query`.
fn first_symbols(reader: &mut Reader, query: &str, n: usize) -> Vec<String> {
    let hits = reader.search(query, &[], n).unwrap();
    hits.into_iter().map(|h| h.symbol).collect()
}

#[test]
fn a_symbol_in_any_of_its_spellings_finds_its_resolution_first() {
    let site = Site::shared_sample(&["build"]);
    let index = |lang: &str| Reader::open(&site.root.join("public/search").join(lang)).unwrap();
    let mut en = index("en");
    for q in [
        "A/RES/78/7",
        "a/res/78/7",
        "78/7",
        "res 78/7",
        "resolution 78/7",
        "résolution 78/7",
        "resolución 78/7",
        "резолюция 78/7",
        "第 78/7 号决议",
        "القرار 78/7",
    ] {
        assert_eq!(first_symbols(&mut en, q, 1), ["A/RES/78/7"], "{q}");
    }
    assert_eq!(first_symbols(&mut en, "78/21", 1), ["A/RES/78/21"]);
    for q in ["S/RES/243 (1967)", "S/RES/243(1967)", "243 (1967)", "243"] {
        assert_eq!(first_symbols(&mut en, q, 1), ["S/RES/243 (1967)"], "{q}");
    }
    for q in ["A/RES/217 A (III)", "217 A", "217 A (III)"] {
        assert_eq!(first_symbols(&mut en, q, 1), ["A/RES/217 A (III)"], "{q}");
    }
    let mut zh = index("zh");
    assert_eq!(
        first_symbols(&mut zh, "第73/187号决议", 1),
        ["A/RES/73/187"]
    );
    let mut ar = index("ar");
    assert_eq!(
        first_symbols(&mut ar, "القرار 217 A (III)", 1),
        ["A/RES/217 A (III)"]
    );

    // Prefixes list in the order of symbols.
    let session: Vec<String> = (1..=20).map(|n| format!("A/RES/78/{n}")).collect();
    assert_eq!(first_symbols(&mut en, "78/", 20), session);
    assert_eq!(
        first_symbols(&mut en, "S/RES/24", 10),
        [
            "S/RES/24 (1947)",
            "S/RES/240 (1967)",
            "S/RES/241 (1967)",
            "S/RES/243 (1967)",
            "S/RES/244 (1967)",
            "S/RES/245 (1968)",
            "S/RES/246 (1968)",
            "S/RES/247 (1968)",
            "S/RES/248 (1968)",
            "S/RES/249 (1968)",
        ]
    );
    // A document finds the resolutions that record it.
    assert_eq!(first_symbols(&mut en, "A/78/L.12", 1), ["A/RES/78/12"]);
    let report: Vec<String> = (55..=60).map(|n| format!("A/RES/78/{n}")).collect();
    assert_eq!(first_symbols(&mut en, "A/78/410", 6), report);

    // The one resolution a symbol names is where the header's box leads.
    assert_eq!(
        en.only_resolution("res 78/7").unwrap().as_deref(),
        Some("en/A/RES/78/7/")
    );
    assert_eq!(en.only_resolution("78/").unwrap(), None);
    assert_eq!(en.only_resolution("A/78/410").unwrap(), None);
    assert_eq!(en.only_resolution("embargo").unwrap(), None);
    // Words are still found as words.
    assert!(first_symbols(&mut en, "embargoes", 5).contains(&"A/RES/79/7".to_string()));
}

/// The symbol of the first result of `query` on the search page of `lang`.
async fn first_result(browser: &Browser, files: &Files, lang: &str, query: &str) -> String {
    search(browser, files, lang, query).await;
    browser
        .text_of("#search-results li:first-child .symbol")
        .await
        .trim()
        .to_string()
}

/// The HTML of the first snippet on the page.
async fn first_snippet(browser: &Browser) -> String {
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("#search-results .snippet"))
        .await
        .expect("a snippet")
        .html(true)
        .await
        .expect("its HTML")
}

#[test]
fn in_a_browser_a_symbol_finds_its_resolution_first_and_the_header_box_goes_to_it() {
    let site = Site::shared_sample(&["build"]);
    let Some(browser) = Browser::start() else {
        return;
    };
    let files = Files::serve(&site.root.join("public"));
    browser.run(async {
        let c = &browser.client;
        for (q, symbol) in [
            ("A/RES/78/7", "A/RES/78/7"),
            ("a/res/78/7", "A/RES/78/7"),
            ("78/7", "A/RES/78/7"),
            ("res 78/7", "A/RES/78/7"),
            ("resolution 78/7", "A/RES/78/7"),
            ("résolution 78/7", "A/RES/78/7"),
            ("resolución 78/7", "A/RES/78/7"),
            ("резолюция 78/7", "A/RES/78/7"),
            ("第 78/7 号决议", "A/RES/78/7"),
            ("القرار 78/7", "A/RES/78/7"),
            ("78/21", "A/RES/78/21"),
            ("S/RES/243 (1967)", "S/RES/243 (1967)"),
            ("S/RES/243(1967)", "S/RES/243 (1967)"),
            ("243 (1967)", "S/RES/243 (1967)"),
            ("A/RES/217 A (III)", "A/RES/217 A (III)"),
            ("217 A", "A/RES/217 A (III)"),
            ("A/78/L.12", "A/RES/78/12"),
        ] {
            assert_eq!(first_result(&browser, &files, "en", q).await, symbol, "{q}");
        }
        assert_eq!(
            first_result(&browser, &files, "zh", "第73/187号决议").await,
            "A/RES/73/187"
        );
        assert_eq!(
            first_result(&browser, &files, "ar", "القرار 217 A (III)").await,
            "A/RES/217 A (III)"
        );

        // A prefix lists the session in the order of symbols.
        search(&browser, &files, "en", "78/").await;
        let mut listed = Vec::new();
        for li in c
            .find_all(Locator::Css("#search-results li .symbol"))
            .await
            .unwrap()
            .into_iter()
            .take(12)
        {
            listed.push(li.text().await.unwrap());
        }
        let session: Vec<String> = (1..=12).map(|n| format!("A/RES/78/{n}")).collect();
        assert_eq!(listed, session);

        // The filters stay folded under the box, unless one of them narrows the results.
        let filters_open = "return document.getElementById('search-filters').open";
        let open = c.execute(filters_open, vec![]).await.unwrap();
        assert_eq!(open, serde_json::json!(false));
        c.goto(&files.url("/en/search/?q=cuba&session=ga-79"))
            .await
            .unwrap();
        let listed = results(&browser).await;
        assert!(
            listed.contains("A/RES/79/7") && !listed.contains("A/RES/78/7"),
            "{listed}"
        );
        let open = c.execute(filters_open, vec![]).await.unwrap();
        assert_eq!(open, serde_json::json!(true));

        // The header's box goes straight to the one resolution a symbol names.
        c.goto(&files.url("/en/")).await.unwrap();
        let field = c.find(Locator::Id("site-search-q")).await.unwrap();
        field.send_keys("res 78/7").await.unwrap();
        field.send_keys("\u{E007}").await.unwrap();
        let started = std::time::Instant::now();
        let mut url = String::new();
        while started.elapsed() < Duration::from_secs(20) {
            url = c.current_url().await.unwrap().to_string();
            if url.ends_with("/en/A/RES/78/7/") {
                break;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(url, files.url("/en/A/RES/78/7/"));
        // A query that names no single resolution stays a search.
        c.goto(&files.url("/en/")).await.unwrap();
        let field = c.find(Locator::Id("site-search-q")).await.unwrap();
        field.send_keys("78/").await.unwrap();
        field.send_keys("\u{E007}").await.unwrap();
        let listed = results(&browser).await;
        assert!(listed.contains("A/RES/78/1"), "{listed}");
    });
}

#[test]
fn in_a_browser_each_hit_shows_the_words_of_its_paragraph_with_the_query_marked() {
    let site = Site::shared_sample(&["build"]);
    let Some(browser) = Browser::start() else {
        return;
    };
    let files = Files::serve(&site.root.join("public"));
    browser.run(async {
        let c = &browser.client;
        search(&browser, &files, "zh", "网络犯罪").await;
        let zh = first_snippet(&browser).await;
        assert!(zh.contains("<mark>网络犯罪</mark>"), "{zh}");
        assert!(zh.chars().filter(|&ch| ch == ' ').count() < 10, "{zh}");

        search(&browser, &files, "ar", "كرامة").await;
        let ar = first_snippet(&browser).await;
        assert!(
            [
                "<mark>الكرامة</mark>",
                "<mark>بالكرامة</mark>",
                "<mark>بكرامة</mark>",
                "<mark>وبكرامة</mark>"
            ]
            .iter()
            .any(|m| ar.contains(m)),
            "{ar}"
        );

        search(&browser, &files, "en", "embargoes").await;
        let en = first_snippet(&browser).await;
        assert!(en.contains("<mark>embargo</mark>"), "{en}");
        let words = en.split_whitespace().count();
        assert!((10..=40).contains(&words), "{words}: {en}");
        // It stands under the link to its paragraph.
        let hit = c
            .find(Locator::Css("#search-results li:first-child a.hit"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        let (page, anchor) = hit.split_once('#').expect("a paragraph");
        assert!(page.starts_with(&files.url("/en/")), "{hit}");
        let n = anchor
            .strip_prefix("pp-")
            .or(anchor.strip_prefix("op-"))
            .expect("pp- or op-");
        assert!(n.parse::<u32>().is_ok(), "{hit}");
    });
}

#[test]
fn in_a_browser_under_a_subpath_with_relative_links_the_header_box_goes_to_the_resolution() {
    let site = Site::shared_sample(&["build", "--relative-links"]);
    let Some(browser) = Browser::start() else {
        return;
    };
    // The site's folder is served, so the site stands under /public/.
    let files = Files::serve(&site.root);
    browser.run(async {
        let c = &browser.client;
        c.goto(&files.url("/public/zh/index.html")).await.unwrap();
        let field = c.find(Locator::Id("site-search-q")).await.unwrap();
        field.send_keys("第 73/187 号决议").await.unwrap();
        field.send_keys("\u{E007}").await.unwrap();
        let want = files.url("/public/zh/A/RES/73/187/index.html");
        let started = std::time::Instant::now();
        let mut url = String::new();
        while started.elapsed() < Duration::from_secs(20) && url != want {
            url = c.current_url().await.unwrap().to_string();
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        assert_eq!(url, want);

        c.goto(&files.url("/public/en/search/index.html?q=S%2FRES%2F24"))
            .await
            .unwrap();
        let listed = results(&browser).await;
        assert!(listed.contains("S/RES/24 (1947)"), "{listed}");
        let first = c
            .find(Locator::Css("#search-results li:first-child a"))
            .await
            .unwrap()
            .attr("href")
            .await
            .unwrap()
            .unwrap();
        assert_eq!(first, files.url("/public/en/S/RES/24(1947)/index.html"));
    });
}

#[test]
fn council_and_old_assembly_symbols_are_found_in_their_spellings() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let index = |lang: &str| Reader::open(&site.root.join("public/search").join(lang)).unwrap();
    let mut en = index("en");
    for q in [
        "S/RES/242 (1967)",
        "S/RES/242(1967)",
        "242 (1967)",
        "resolution 242",
    ] {
        assert_eq!(first_symbols(&mut en, q, 1), ["S/RES/242 (1967)"], "{q}");
    }
    assert_eq!(first_symbols(&mut en, "A/73/590", 1), ["A/RES/73/187"]);
    let mut fr = index("fr");
    for q in [
        "2625 (XXV)",
        "résolution 2625 (XXV)",
        "A/RES/2625(XXV)",
        "2625",
    ] {
        assert_eq!(first_symbols(&mut fr, q, 1), ["A/RES/2625 (XXV)"], "{q}");
    }
    assert_eq!(
        fr.only_resolution("2625 (XXV)").unwrap().as_deref(),
        Some("fr/A/RES/2625(XXV)/")
    );
}
