//! Series pages and what changed between the members of a series: the bundled sample's
//! real pairs (78/x → 79/x, whose changes were counted by hand from the texts), and small
//! sites for languages, votes and the rules that find a predecessor.

use crate::harness::Site;

/// The text of the summary lines of a changes page, tags removed.
fn summary(page: &str) -> Vec<String> {
    let section = page
        .split("class=\"change-summary\"")
        .nth(1)
        .expect("a summary")
        .split("</section>")
        .next()
        .unwrap();
    let section = &section[section.find('>').unwrap() + 1..];
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    section
        .lines()
        .map(|l| tags.replace_all(l, "").trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn the_sample_has_real_series_with_every_member() {
    let site = Site::shared_sample(&["build"]);
    let index = site.page("en/series/index.html");
    assert_eq!(
        index.matches("href=\"/en/series/A/RES/").count(),
        36,
        "{index}"
    );

    // 79/20 recalls 69/32 … 77/42 and 78/21: eleven members, two in the archive.
    let page = site.page("en/series/A/RES/69/32/index.html");
    assert!(page.contains("<h1>No first placement of weapons in outer space</h1>"));
    assert!(page.contains("11 resolutions"));
    assert!(page.contains(r#"<a class="external" href="https://undocs.org/en/A/RES/69/32">"#));
    assert!(page.contains(r#"<time datetime="2014-12-02">2 December 2014</time>"#));
    assert!(page.contains(r#"<a href="/en/A/RES/78/21/">"#));
    assert!(page.contains(r#"<a href="/en/A/RES/79/20/changes/">4 paragraphs added, 2 changed"#));
    let order: Vec<usize> = ["69/32", "70/27", "77/42", "78/21", "79/20"]
        .iter()
        .map(|s| page.find(&format!("A/RES/{s}</span>")).expect(s))
        .collect();
    assert!(order.is_sorted(), "members oldest first");
    // Resolutions further on in the same recital, of other series, are not members.
    assert!(!page.contains("45/55"));

    // Every member links to its series; the series exists in every language of the site.
    for member in ["en/A/RES/78/21/index.html", "en/A/RES/79/20/index.html"] {
        assert!(
            site.page(member)
                .contains(r#"<a href="/en/series/A/RES/69/32/">The whole series</a>"#)
        );
    }
    assert!(
        site.page("fr/series/A/RES/69/32/index.html")
            .contains("Série de résolutions")
    );
    assert!(site.page("ar/series/index.html").contains("جميع السلاسل"));
    // The home of each language leads to the list.
    assert!(
        site.page("en/index.html")
            .contains(r#"<li><a href="/en/series/">All series</a></li>"#)
    );
}

#[test]
fn changes_pages_count_what_changed_in_the_sample() {
    let site = Site::shared_sample(&["build"]);
    // Counted by hand from content/ga/78 and content/ga/79 (the texts of the UN's PDFs).
    let expected: [(&str, [&str; 4]); 5] = [
        (
            // pp 1 gains 78/21; pp 11–13 (the Group of Governmental Experts, its report,
            // the working group) and op 5 are new; op 6 becomes op 7, eightieth session.
            "79/20",
            [
                "4 paragraphs added, 2 changed",
                "Preamble: 3 paragraphs added, 1 changed",
                "Operative part: 1 paragraph added, 1 changed",
                "Footnotes: 1 footnote added, 1 changed",
            ],
        ),
        (
            // pp 6 "the most recent of which is" 78/19; pp 18 "adoption by consensus";
            // pp 22 is new; op 9 eightieth session; footnote 4 "Ibid."; footnote 6 new.
            "79/19",
            [
                "1 paragraph added, 3 changed",
                "Preamble: 1 paragraph added, 2 changed",
                "Operative part: 1 paragraph changed",
                "Footnotes: 1 footnote added, 1 changed",
            ],
        ),
        (
            // pp 18 adds 78/18 to the list; op 6 eightieth session.
            "79/17",
            [
                "2 paragraphs changed",
                "Preamble: 1 paragraph changed",
                "Operative part: 1 paragraph changed",
                "Footnotes: No footnote changed",
            ],
        ),
        (
            // op 4 the report under 78/44; op 5 and 6 eightieth session; footnote 4 the
            // new report's symbol.
            "79/33",
            [
                "3 paragraphs changed",
                "Preamble: No paragraph changed",
                "Operative part: 3 paragraphs changed",
                "Footnotes: 1 footnote changed",
            ],
        ),
        (
            // pp 6 and 8 add 78/7; op 1 the report on 78/7; op 4 and 5 eightieth session;
            // pp 2 only swaps hyphens for non-breaking ones, which is no change.
            "79/7",
            [
                "5 paragraphs changed",
                "Preamble: 2 paragraphs changed",
                "Operative part: 3 paragraphs changed",
                "Footnotes: 1 footnote changed",
            ],
        ),
    ];
    for (symbol, lines) in expected {
        let page = site.page(&format!("en/A/RES/{symbol}/changes/index.html"));
        let got = summary(&page);
        assert_eq!(&got[1..5], lines, "{symbol}: {got:?}");
    }

    let page = site.page("en/A/RES/79/20/changes/index.html");
    assert!(page.contains("<h1>What changed since A/RES/78/21</h1>"));
    // Word by word, marked for the eye and for screen readers.
    assert!(page.contains(
        r#"<del><span class="visually-hidden">[deleted: </span>seventy-ninth<span class="visually-hidden">]</span></del><ins><span class="visually-hidden">[inserted: </span>eightieth<span class="visually-hidden">]</span></ins>"#
    ));
    assert!(page.contains(r#"<ins><span class="visually-hidden">[inserted: </span> and 78/21 of 4 December 2023<span class="visually-hidden">]</span></ins>"#));
    // Renumbered paragraphs link to both places.
    assert!(page.contains(r#"<a href="/en/A/RES/79/20/#op-7">Operative paragraph 7</a>"#));
    assert!(
        page.contains(r#"(formerly <a href="/en/A/RES/78/21/#op-6">Operative paragraph 6</a>)"#)
    );
    assert!(page.contains(r#"<li class="change added">"#));
    assert!(page.contains(r#"<span class="badge">Added</span> <a href="/en/A/RES/79/20/#op-5">"#));

    // The resolution page links to it; the first of a series has nothing to compare.
    assert!(
        site.page("en/A/RES/79/20/index.html")
            .contains(r#"<a href="/en/A/RES/79/20/changes/">What changed since A/RES/78/21</a>"#)
    );
    assert!(!site.exists("public/en/A/RES/78/21/changes"));
    assert!(!site.page("en/A/RES/78/21/index.html").contains("/changes/"));
}

#[test]
fn check_finds_no_dead_link_among_series_and_changes_pages() {
    let site = Site::sample();
    site.run(&["check"]).assert_ok();
}

/// A small resolution file.
fn resolution(
    symbol: &str,
    lang: &str,
    title: &str,
    adopted: &str,
    extra: &str,
    body: &str,
) -> String {
    format!(
        "---\nsymbol: {symbol}\nlang: {lang}\ntitle: \"{title}\"\nadopted: {adopted}\n{extra}---\n{body}"
    )
}

#[test]
fn each_language_of_a_pair_is_compared_and_chinese_by_character() {
    let site = Site::fixture("basic");
    let en_old = "The General Assembly,\n\nRecalling its resolution 71/32 of 5 December 2016,\n\n1. Reaffirms the importance of the objective;\n2. Decides to include in the provisional agenda of its seventy-third session the item.\n";
    let en_new = "The General Assembly,\n\nRecalling its resolutions 71/32 of 5 December 2016 and 72/27 of 4 December 2017,\n\n1. Reaffirms the importance of the objective;\n2. Supports the efforts aimed at globalizing the initiative;\n3. Decides to include in the provisional agenda of its seventy-fourth session the item.\n";
    let zh_old = "大会，\n\n回顾其 2016 年 12 月 5 日第 71/32 号决议，\n\n1. 重申这一目标的重要性；\n2. 决定将该项目列入大会第七十三届会议临时议程。\n";
    let zh_new = "大会，\n\n回顾其 2016 年 12 月 5 日第 71/32 号和 2017 年 12 月 4 日第 72/27 号决议，\n\n1. 重申这一目标的重要性；\n2. 支持使该倡议全球化的努力；\n3. 决定将该项目列入大会第七十四届会议临时议程。\n";
    let fr_new = "L’Assemblée générale,\n\n1. Réaffirme l’importance de l’objectif ;\n";
    site.write(
        "content/ga/72/27.en.md",
        resolution(
            "A/RES/72/27",
            "en",
            "No first placement of weapons in outer space",
            "2017-12-04",
            "",
            en_old,
        ),
    );
    site.write(
        "content/ga/72/27.zh.md",
        resolution(
            "A/RES/72/27",
            "zh",
            "不首先在外空放置武器",
            "2017-12-04",
            "",
            zh_old,
        ),
    );
    site.write(
        "content/ga/73/31.en.md",
        resolution(
            "A/RES/73/31",
            "en",
            "No first placement of weapons in outer space",
            "2018-12-05",
            "",
            en_new,
        ),
    );
    site.write(
        "content/ga/73/31.zh.md",
        resolution(
            "A/RES/73/31",
            "zh",
            "不首先在外空放置武器",
            "2018-12-05",
            "",
            zh_new,
        ),
    );
    site.write(
        "content/ga/73/31.fr.md",
        resolution(
            "A/RES/73/31",
            "fr",
            "Non-déploiement d’armes dans l’espace en premier",
            "2018-12-05",
            "",
            fr_new,
        ),
    );
    site.build().assert_ok();

    let en = site.page("en/A/RES/73/31/changes/index.html");
    assert_eq!(summary(&en)[1], "1 paragraph added, 2 changed");
    let zh = site.page("zh/A/RES/73/31/changes/index.html");
    assert_eq!(summary(&zh)[1], "新增 1 段，修改 2 段");
    assert!(zh.contains(r#"<del><span class="visually-hidden">[删除: </span>三<span class="visually-hidden">]</span></del><ins><span class="visually-hidden">[新增: </span>四<span class="visually-hidden">]</span></ins>"#), "{zh}");
    // 72/27 has no French version: no French comparison, and no link to one.
    assert!(!site.exists("public/fr/A/RES/73/31/changes"));
    let fr = site.page("fr/A/RES/73/31/index.html");
    assert!(fr.contains(r#"<a href="/en/A/RES/73/31/changes/" hreflang="en">Modifications depuis la résolution A/RES/72/27</a>"#), "{fr}");
    assert!(
        en.contains(r#"<span class="unavailable" lang="fr""#),
        "the switcher marks French as unavailable"
    );
    assert!(en.contains(r#"<a href="/zh/A/RES/73/31/changes/" hreflang="zh""#));
    // The series recalls 71/32, which the archive lacks, with its date.
    let series = site.page("zh/series/A/RES/71/32/index.html");
    assert!(
        series.contains(r#"<time datetime="2016-12-05">2016 年 12 月 5 日</time>"#),
        "{series}"
    );
    site.run(&["check"]).assert_ok();
}

#[test]
fn the_vote_chart_is_an_image_with_the_numbers_in_a_table() {
    let site = Site::fixture("basic");
    // The recorded votes of three years of "No first placement of weapons in outer
    // space", as the Voeten roll-call data counts them.
    for (n, date, yes, no, abst) in [
        ("71/32", "2016-12-05", 129, 4, 48),
        ("72/27", "2017-12-04", 131, 4, 48),
        ("73/31", "2018-12-05", 128, 12, 40),
    ] {
        let vote = format!("vote: {{in_favour: {yes}, against: {no}, abstentions: {abst}}}\n");
        site.write(
            &format!("content/ga/{}.en.md", n.replace('/', "-")),
            resolution(
                &format!("A/RES/{n}"),
                "en",
                "No first placement of weapons in outer space",
                date,
                &vote,
                "1. Decides to remain seized of the matter.\n",
            ),
        );
    }
    site.build().assert_ok();
    let page = site.page("en/series/A/RES/71/32/index.html");
    assert!(page.contains(r#"role="img" aria-labelledby="vote-chart-caption""#));
    assert!(page.contains(r#"<figcaption id="vote-chart-caption">Recorded votes over the years."#));
    assert_eq!(page.matches(r#"<rect class="in-favour""#).count(), 3);
    assert!(page.contains(">2016</text>") && page.contains(">2018</text>"));
    for counts in [
        "129 in favour, 4 against, 48 abstentions",
        "128 in favour, 12 against, 40 abstentions",
    ] {
        assert!(page.contains(counts), "the table has {counts}");
    }
    assert!(page.contains("<caption id=\"members-caption\">Resolutions of the series</caption>"));
}

#[test]
fn follows_and_agenda_items_find_predecessors_that_titles_do_not() {
    let site = Site::fixture("basic");
    let body = "1. Takes note of the report.\n";
    let item = |i: &str| format!("agenda_items: [\"{i}\"]\n");
    // Same agenda item, a title with one word more: the same series.
    site.write(
        "content/a.md",
        resolution(
            "A/RES/77/60",
            "en",
            "Report of the Human Rights Council",
            "2022-12-15",
            &item("65"),
            body,
        ),
    );
    site.write(
        "content/b.md",
        resolution(
            "A/RES/78/60",
            "en",
            "Report of the Human Rights Council and its work",
            "2023-12-15",
            &item("65"),
            body,
        ),
    );
    // Same agenda item number, another subject: no series.
    site.write(
        "content/c.md",
        resolution(
            "A/RES/78/61",
            "en",
            "Oceans and the law of the sea",
            "2023-12-15",
            &item("65"),
            body,
        ),
    );
    // `follows:` joins what nothing else would, and overrides what the text says.
    site.write(
        "content/d.md",
        resolution("A/RES/76/70", "en", "Old name", "2021-12-09", "", body),
    );
    site.write(
        "content/e.md",
        resolution(
            "A/RES/78/70",
            "en",
            "New name",
            "2023-12-09",
            "follows: A/RES/76/70\n",
            "Recalling its resolutions on the matter, the most recent of which is resolution 77/60 of 15 December 2022,\n\n1. Takes note of the report.\n",
        ),
    );
    site.build().assert_ok();
    assert!(
        site.page("en/A/RES/78/60/index.html")
            .contains(r#"<a rel="prev" href="/en/A/RES/77/60/">"#)
    );
    assert!(site.exists("public/en/A/RES/78/60/changes/index.html"));
    assert!(
        !site
            .page("en/A/RES/78/61/index.html")
            .contains("rel=\"prev\"")
    );
    assert!(
        site.page("en/A/RES/78/70/index.html")
            .contains(r#"<a rel="prev" href="/en/A/RES/76/70/">"#)
    );
    assert!(site.exists("public/en/series/A/RES/76/70/index.html"));
    assert!(
        site.page("en/A/RES/78/70/changes/index.html")
            .contains("<h1>What changed since A/RES/76/70</h1>")
    );
    // Without `follows:`, the text names the predecessor.
    let e = std::fs::read_to_string(site.root.join("content/e.md")).unwrap();
    site.write("content/e.md", e.replace("follows: A/RES/76/70\n", ""));
    site.build().assert_ok();
    assert!(
        site.page("en/A/RES/78/70/index.html")
            .contains(r#"<a rel="prev" href="/en/A/RES/77/60/">"#)
    );
}

/// A changes page as plain lines: one per paragraph, `=` for an unchanged one (its place,
/// and where it was, without its text), else its badge, its place and its text with `{+inserted+}` and
/// `[-deleted-]` words; the hidden labels for screen readers are checked and dropped.
fn changes_listing(page: &str) -> String {
    let item = regex::Regex::new(r#"(?s)<li class="change (\w+)">(.*?)</li>"#).unwrap();
    let where_ = regex::Regex::new(r#"(?s)<p class="where">(.*?)</p>"#).unwrap();
    let text = regex::Regex::new(r#"(?s)<p class="text">(.*?)</p>"#).unwrap();
    let hidden =
        regex::Regex::new(r#"<span class="visually-hidden">\[(inserted|deleted): </span>"#)
            .unwrap();
    let close = r#"<span class="visually-hidden">]</span>"#;
    let tags = regex::Regex::new(r"<[^>]+>").unwrap();
    let plain = |html: &str| -> String {
        let html = html
            .replace("<ins>", "{+")
            .replace("</ins>", "+}")
            .replace("<del>", "[-")
            .replace("</del>", "-]");
        let text = tags.replace_all(&html, "");
        text.replace("&amp;", "&")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut out = String::new();
    for section in page.split("<h2 id=\"").skip(1) {
        let heading = &section[..section.find('"').unwrap()];
        if !matches!(heading, "text-heading" | "footnotes-heading") {
            continue;
        }
        out.push_str(&format!("## {heading}\n"));
        for li in item.captures_iter(section) {
            let (kind, body) = (&li[1], &li[2]);
            if kind == "unchanged" {
                // Its text is on the resolution's page; the changes page only names it.
                assert!(!body.contains(r#"class="text""#), "{body}");
                for w in where_.captures_iter(body) {
                    out.push_str(&format!("= {}\n", plain(&w[1])));
                }
                continue;
            }
            let marked = &text.captures(body).expect("a text")[1];
            // Every insertion and deletion is announced, and its announcement closed.
            assert_eq!(
                hidden.find_iter(marked).count(),
                marked.matches("<ins>").count() + marked.matches("<del>").count(),
                "{marked}"
            );
            assert_eq!(
                marked.matches(close).count(),
                hidden.find_iter(marked).count()
            );
            let marked = hidden.replace_all(marked, "").replace(close, "");
            let w = &where_.captures(body).expect("a place")[1];
            out.push_str(&format!("{}\n    {}\n", plain(w), plain(&marked)));
        }
    }
    out
}

#[test]
fn a_real_pair_gives_the_changes_checked_by_hand() {
    let site = Site::fixture("series-pair");
    site.build().assert_ok();
    let page = site.page("en/A/RES/79/20/changes/index.html");
    let got = changes_listing(&page);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/series-pair/expected-changes.txt");
    let expected = std::fs::read_to_string(&path).unwrap();
    let expected: String = expected
        .lines()
        .filter(|l| !(l.starts_with("# ") || *l == "#"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(
        got.trim() == expected.trim(),
        "the changes of 79/20 differ from {}:\n{got}",
        path.display()
    );
    assert_eq!(
        summary(&page)[1..5],
        [
            "4 paragraphs added, 2 changed",
            "Preamble: 3 paragraphs added, 1 changed",
            "Operative part: 1 paragraph added, 1 changed",
            "Footnotes: 1 footnote added, 1 changed",
        ]
    );
}

#[test]
fn a_long_series_shows_its_ends_and_the_neighbours_of_the_page() {
    let site = Site::fixture("basic");
    // Twelve sessions of one agenda item, each following the one before.
    for n in 0..12 {
        let session = 60 + n;
        let follows = if n == 0 {
            String::new()
        } else {
            format!("follows: A/RES/{}/5\n", session - 1)
        };
        site.write(
            &format!("content/long/{session}.md"),
            resolution(
                &format!("A/RES/{session}/5"),
                "en",
                "Oceans and the law of the sea",
                &format!("{}-12-05", 1945 + session),
                &follows,
                "1. Takes note of the report.\n",
            ),
        );
    }
    site.build().assert_ok();
    let page = site.page("en/A/RES/66/5/index.html");
    let list = &page[page.find("<ol class=\"series\">").expect("a series list")..];
    let list = &list[..list.find("</ol>").unwrap()];
    let shown: Vec<&str> = regex::Regex::new(r#"<li value="(\d+)">"#)
        .unwrap()
        .captures_iter(list)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    // The first, the three before and after the 7th (its own), and the last.
    assert_eq!(shown, ["1", "4", "5", "6", "7", "8", "9", "10", "12"]);
    assert_eq!(
        list.matches(r#"<li class="gap" aria-hidden="true">"#)
            .count(),
        2
    );
    assert!(
        list.contains(
            r#"<span aria-current="page"><span class="symbol" dir="ltr">A/RES/66/5</span>"#
        )
    );
    // The series page lists every member.
    let series = site.page("en/series/A/RES/60/5/index.html");
    assert!((60..72).all(|s| series.contains(&format!("A/RES/{s}/5"))));
}
