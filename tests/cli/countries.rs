//! Votes on every page that has them: the world map of a resolution page, the page of each
//! country in six languages, the series chart with the members the archive lacks, and the
//! open data of each. Expected answers are read by hand from the rows of
//! `data/unvotes/votes.csv` (roll calls 5324 = 69/32, 5405 = 70/27, 5503 = 71/32,
//! 5616 = 72/27, 6068 = 73/31, 6138 = 73/187, 9142 = 74/33).

use crate::harness::Site;

/// France: `5324,France,FR,abstain`, 5405, 5503 and 5616 abstain, `6068,France,FR,no`,
/// `6138,France,FR,no`, `9142,France,FR,no`; newest first.
const FRANCE: [(&str, &str); 7] = [
    ("A/RES/74/33", "no"),
    ("A/RES/73/187", "no"),
    ("A/RES/73/31", "no"),
    ("A/RES/72/27", "abstain"),
    ("A/RES/71/32", "abstain"),
    ("A/RES/70/27", "abstain"),
    ("A/RES/69/32", "abstain"),
];

#[test]
fn the_map_of_73_187_colours_every_voter_and_names_it_in_chinese() {
    let site = Site::shared_sample(&["build"]);
    let page = site.page("zh/A/RES/73/187/index.html");
    // Every one of the 186 voters is a Member State today (Yugoslavia's rows are Serbia's
    // from session 61 on), so each has an outline or a dot in the colour of its vote.
    // (A small State with an outline has a dot too: each is counted once, by its name.)
    let marks = |word: &str| {
        let names: std::collections::BTreeSet<&str> = page
            .split("<title>")
            .filter_map(|t| t.split_once(&format!(": {word}</title>")))
            .map(|(name, _)| name)
            .collect();
        names.len()
    };
    assert_eq!((marks("赞成"), marks("反对"), marks("弃权")), (94, 59, 33));
    assert!(
        page.contains("<title>法国: 反对</title>"),
        "France, against"
    );
    assert!(
        page.contains("<title>塞尔维亚: 赞成</title>"),
        "Serbia, as YU in the data"
    );
    // Tuvalu (`6138,Tuvalu,TV,abstain`) is too small for the map: a dot.
    assert!(page.contains("<title>图瓦卢: 弃权</title></circle>"));
    // Afghanistan has no row for 6138: no vote recorded.
    assert!(page.contains("<title>阿富汗</title>"));
    assert!(page.contains("<li><span class=\"swatch no\"></span>反对: 59</li>"));
    assert!(page.contains("role=\"img\" aria-labelledby=\"vote-map-title vote-map-caption\""));
    assert!(page.contains("Natural Earth"), "the map is credited");
    // The table stays, each name linked to the country's page.
    assert!(page.contains(
        "<tr class=\"no\"><th scope=\"row\"><a href=\"/zh/countries/FR/\">法国</a></th><td data-label=\"表决：\">反对</td></tr>"
    ));
    assert_eq!(page.matches("<tr class=").count(), 94 + 59 + 33);
}

#[test]
fn every_country_has_a_page_of_its_votes_in_six_languages_newest_first() {
    let site = Site::shared_sample(&["build"]);
    for (lang, name) in [
        ("ar", "فرنسا"),
        ("zh", "法国"),
        ("en", "France"),
        ("fr", "France"),
        ("ru", "Франция"),
        ("es", "Francia"),
    ] {
        let page = site.page(&format!("{lang}/countries/FR/index.html"));
        assert!(page.contains(&format!("<h1>{name}</h1>")), "{lang}");
        let mut at = 0;
        for (symbol, vote) in FRANCE {
            let row = format!("<tr class=\"{vote}\">");
            let found = page[at..]
                .find(&format!(
                    "<span class=\"symbol\" dir=\"ltr\">{symbol}</span>"
                ))
                .unwrap_or_else(|| panic!("{lang}: {symbol} after byte {at}"));
            let start = page[..at + found].rfind("<tr class=").unwrap();
            assert!(page[start..].starts_with(&row), "{lang}: {symbol} {vote}");
            at += found + 1;
        }
    }
    let fr = site.page("fr/countries/FR/index.html");
    // 74/33 is not in the archive: linked to the resolver, dated by its roll call.
    assert!(fr.contains("<a href=\"https://undocs.org/fr/A/RES/74/33\" class=\"external\">"));
    assert!(fr.contains("<time datetime=\"2019-12-12\">12 décembre 2019</time>"));
    assert!(
        fr.contains(r#"<td data-label="Vote : ">Contre</td>"#)
            && fr.contains(r#"<td data-label="Vote : ">Abstention</td>"#)
    );
    // Tuvalu voted three times, all abstentions (5616, 6068, 6138).
    let tv = site.page("zh/countries/TV/index.html");
    assert!(tv.contains("<h1>图瓦卢</h1>"));
    assert_eq!(tv.matches("<tr class=\"abstain\">").count(), 3);
    assert_eq!(tv.matches("<tr class=").count(), 3);
    // The list of countries, sorted by name in the page's language.
    let es = site.page("es/countries/index.html");
    let francia = es.find(">Francia</a>").unwrap();
    assert!(es.find(">Finlandia</a>").unwrap() < francia);
    assert!(francia < es.find(">Gabón</a>").unwrap());
    assert!(es.contains("<a href=\"/es/countries/FR/\">Francia</a> <span class=\"count\">7 votaciones registradas</span>"));
    assert!(
        site.page("ru/index.html")
            .contains("<a href=\"/ru/countries/\">Страны</a>")
    );
}

#[test]
fn the_series_chart_draws_the_members_only_recalled_from_data() {
    let site = Site::shared_sample(&["build"]);
    let series = site.page("en/series/A/RES/69/32/index.html");
    let bars: Vec<&str> = series
        .split("class=\"bar-symbol\"")
        .skip(1)
        .map(|s| &s[s.find('>').unwrap() + 1..s.find('<').unwrap()])
        .collect();
    assert_eq!(bars, ["69/32", "70/27", "71/32", "72/27", "73/31", "74/33"]);
    // 69/32: 126 in favour, 4 against, 46 abstentions, in 2014.
    assert!(series.contains(">2014</text>"));
}

#[test]
fn open_data_carries_each_country_and_each_vote() {
    let site = Site::shared_sample(&["build"]);
    let fr: serde_json::Value = serde_json::from_str(&site.page("data/countries/FR.json")).unwrap();
    assert_eq!(fr["names"]["zh"], "法国");
    assert_eq!(fr["member_state"], true);
    let votes = fr["votes"].as_array().unwrap();
    let got: Vec<(&str, &str)> = votes
        .iter()
        .map(|v| (v["symbol"].as_str().unwrap(), v["vote"].as_str().unwrap()))
        .collect();
    assert_eq!(got, FRANCE);
    assert_eq!(votes[0]["in_archive"], false);
    assert_eq!(votes[0]["date"], "2019-12-12");
    assert_eq!(votes[1]["in_archive"], true);
    // The catalogue and the JSON-LD carry the members' votes.
    let line = site
        .page("data/resolutions.jsonl")
        .lines()
        .find(|l| l.contains("\"symbol\":\"A/RES/73/187\""))
        .unwrap()
        .to_string();
    let entry: serde_json::Value = serde_json::from_str(&line).unwrap();
    assert_eq!(entry["member_votes"].as_array().unwrap().len(), 186);
    let csv = site.page("data/resolutions.csv");
    assert!(csv.lines().next().unwrap().ends_with(",url,member_votes"));
    assert!(csv.contains("FR:no; GA:yes"));
    let page = site.page("zh/A/RES/73/187/index.html");
    let jsonld = &page[page.find("application/ld+json\">").unwrap()..];
    let jsonld = &jsonld[jsonld.find('{').unwrap()..jsonld.find("</script>").unwrap()];
    let value: serde_json::Value = serde_json::from_str(jsonld).unwrap();
    let props = value["additionalProperty"].as_array().unwrap();
    let prop = |id: &str| {
        props
            .iter()
            .find(|p| p["propertyID"] == id)
            .unwrap_or_else(|| panic!("{id}"))["value"]
            .clone()
    };
    assert_eq!(
        (prop("in_favour"), prop("against"), prop("abstentions")),
        (94.into(), 59.into(), 33.into())
    );
    let no = prop("member_votes_no");
    assert_eq!(no.as_array().unwrap().len(), 59);
    assert!(no.as_array().unwrap().contains(&"FR".into()));
}

#[test]
fn former_states_are_listed_under_the_map_and_have_their_page() {
    let site = Site::fixture("basic");
    site.write(
        "data/sc-242.csv",
        "symbol,country,vote\nS/RES/242 (1967),CS,yes\nS/RES/242 (1967),FR,yes\n",
    );
    site.build().assert_ok();
    let page = site.page("en/S/RES/242(1967)/index.html");
    assert!(page.contains(
        "<p class=\"former-states\">States that no longer exist, not on the map: Czechoslovakia (In favour)</p>"
    ));
    let cs = site.page("fr/countries/CS/index.html");
    assert!(cs.contains("<h1>Tchécoslovaquie</h1>"));
    assert!(cs.contains("Un État qui n’existe plus."));
}
