//! Open data and citations: the JSON beside each page, the catalogue, the JSON-LD in each
//! resolution page's head, and "Cite this" with its BibTeX, RIS and CSL-JSON files.

use serde_json::Value;

use crate::harness::Site;

const BASE: &str = "https://example.org/archive/";

/// The sample archive built with a host, shared by the tests that only read it.
fn built() -> &'static Site {
    Site::shared_sample(&["build", "--base-url", "https://example.org/archive/"])
}

fn json(site: &Site, rel: &str) -> Value {
    serde_json::from_str(&site.page(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// The JSON-LD of a page, parsed.
fn jsonld(html: &str) -> Value {
    let re =
        regex::Regex::new(r#"(?s)<script type="application/ld\+json">(.*?)</script>"#).unwrap();
    let caps: Vec<_> = re.captures_iter(html).collect();
    assert_eq!(caps.len(), 1, "one JSON-LD block");
    serde_json::from_str(&caps[0][1]).unwrap()
}

#[test]
fn each_resolution_is_also_json_beside_its_page() {
    let site = built();
    let data = json(site, "zh/A/RES/73/187/index.json");
    assert_eq!(data["format_version"], 1);
    assert_eq!(data["symbol"], "A/RES/73/187");
    assert_eq!(data["lang"], "zh");
    assert_eq!(data["title"], "打击为犯罪目的使用信息和通信技术行为");
    assert_eq!(data["url"], format!("{BASE}zh/A/RES/73/187/"));
    assert_eq!(data["adopted"], "2018-12-17");
    assert_eq!(data["session"], "73");
    assert_eq!(data["organ"], "ga");
    assert_eq!(
        data["vote"],
        serde_json::json!({"type": "recorded", "in_favour": 94, "against": 59, "abstentions": 33})
    );
    assert_eq!(
        data["citation"],
        "大会 2018 年 12 月 17 日第 73/187 号决议，A/RES/73/187"
    );

    // Paragraphs: every anchored paragraph of the page, in order, with its text.
    let page = site.page("zh/A/RES/73/187/index.html");
    let in_page: Vec<String> = regex::Regex::new(r#"id="((?:pp|op)-\d+)""#)
        .unwrap()
        .captures_iter(&page)
        .map(|c| c[1].to_string())
        .collect();
    let paragraphs = data["paragraphs"].as_array().unwrap();
    let in_data: Vec<&str> = paragraphs.iter().filter_map(|p| p["id"].as_str()).collect();
    assert_eq!(in_data, in_page);
    let op1 = paragraphs.iter().find(|p| p["id"] == "op-1").unwrap();
    assert!(
        op1["text"].as_str().unwrap().starts_with("请秘书长"),
        "{op1}"
    );
    assert!(!op1["text"].as_str().unwrap().contains('<'));

    // Citations: where each stands and where it leads.
    let citations = data["citations"].as_array().unwrap();
    let c = citations
        .iter()
        .find(|c| c["target"] == "A/RES/65/230")
        .expect("65/230 is cited");
    assert_eq!(c["kind"], "resolution");
    assert_eq!(c["in_archive"], false);
    assert_eq!(c["url"], "https://undocs.org/zh/A/RES/65/230");
    assert!(c["paragraph"].as_str().unwrap().starts_with("pp-"));
    assert!(
        citations
            .iter()
            .any(|c| c["target"] == "A/73/590" || c["kind"] == "document")
    );
}

#[test]
fn cited_by_and_series_are_in_the_data() {
    let site = built();
    let data = json(site, "en/A/RES/78/21/index.json");
    let cited_by = data["cited_by"].as_array().unwrap();
    let by_79_20 = cited_by
        .iter()
        .find(|c| c["symbol"] == "A/RES/79/20")
        .expect("79/20 cites 78/21");
    assert_eq!(by_79_20["paragraph"], "pp-1");
    assert_eq!(by_79_20["url"], format!("{BASE}en/A/RES/79/20/#pp-1"));
    assert_eq!(data["next"], "A/RES/79/20");
    let data = json(site, "en/A/RES/79/20/index.json");
    assert_eq!(data["previous"], "A/RES/78/21");
    let c = data["citations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["target"] == "A/RES/78/21")
        .unwrap()
        .clone();
    assert_eq!(c["in_archive"], true);
    assert_eq!(c["url"], format!("{BASE}en/A/RES/78/21/"));
}

#[test]
fn the_catalogue_has_one_resolution_per_line_as_json_lines_and_csv() {
    let site = built();
    let works = std::fs::read_dir(site.root.join("public/A/RES"))
        .unwrap()
        .count();
    assert!(works > 2);
    let jsonl = site.page("data/resolutions.jsonl");
    let lines: Vec<Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // A symbol's page of each work, General Assembly (`A/`) and Security Council (`S/`).
    let symbols = ["public/A", "public/S"]
        .iter()
        .flat_map(|d| walkdir::WalkDir::new(site.root.join(d)))
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .count();
    assert_eq!(lines.len(), symbols);
    let udhr = lines
        .iter()
        .find(|l| l["symbol"] == "A/RES/217 A (III)")
        .unwrap();
    assert_eq!(
        udhr["languages"],
        serde_json::json!(["ar", "zh", "en", "fr", "ru", "es"])
    );
    assert_eq!(
        udhr["versions"][3]["title"],
        "Déclaration universelle des droits de l’homme"
    );
    assert_eq!(
        udhr["versions"][3]["data"],
        format!("{BASE}fr/A/RES/217A(III)/index.json")
    );

    let mut reader = csv::Reader::from_path(site.root.join("public/data/resolutions.csv")).unwrap();
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(
        header,
        [
            "symbol",
            "organ",
            "session",
            "adopted",
            "meeting",
            "committee",
            "report",
            "agenda_items",
            "agenda_titles",
            "vote",
            "in_favour",
            "against",
            "abstentions",
            "languages",
            "title_ar",
            "title_zh",
            "title_en",
            "title_fr",
            "title_ru",
            "title_es",
            "subjects",
            "subject_uris",
            "url",
            "member_votes"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), symbols);
    let row = rows.iter().find(|r| &r[0] == "A/RES/73/187").unwrap();
    assert_eq!(&row[3], "2018-12-17");
    assert_eq!(&row[7], "109");
    assert_eq!(&row[8], "Crime prevention and criminal justice");
    assert_eq!(&row[9], "recorded");
    assert_eq!(&row[10], "94");
    assert_eq!(&row[15], "打击为犯罪目的使用信息和通信技术行为");
    assert_eq!(&row[16], "", "no English version");
    assert_eq!(&row[20], "COMPUTER CRIMES; INFORMATION TECHNOLOGY");
    assert_eq!(
        &row[21],
        "http://metadata.un.org/thesaurus/1001186; http://metadata.un.org/thesaurus/1003205"
    );
    assert_eq!(&row[22], format!("{BASE}A/RES/73/187/"));
}

#[test]
fn each_resolution_page_carries_schema_org_legislation() {
    let site = built();
    let ld = jsonld(&site.page("fr/A/RES/217A(III)/index.html"));
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Legislation");
    assert_eq!(ld["@id"], format!("{BASE}fr/A/RES/217A(III)/"));
    assert_eq!(ld["legislationIdentifier"], "A/RES/217 A (III)");
    assert_eq!(ld["legislationDate"], "1948-12-10");
    // Its subject, the UNBIS term HUMAN RIGHTS (not the microthesaurus 140202 of that name),
    // named in French.
    assert_eq!(
        ld["about"],
        serde_json::json!([{"@type": "DefinedTerm", "@id": "http://metadata.un.org/thesaurus/1002975", "name": "DROITS DE L'HOMME", "inDefinedTermSet": "http://metadata.un.org/thesaurus"}])
    );
    assert_eq!(ld["legislationPassedBy"]["@type"], "Organization");
    assert_eq!(ld["legislationPassedBy"]["name"], "Assemblée générale");
    assert_eq!(
        ld["legislationPassedBy"]["parentOrganization"]["name"],
        "Organisation des Nations Unies"
    );
    assert_eq!(ld["inLanguage"], "fr");
    assert_eq!(ld["name"], "Déclaration universelle des droits de l’homme");
    let translations = ld["workTranslation"].as_array().unwrap();
    let langs: Vec<&str> = translations
        .iter()
        .map(|t| t["inLanguage"].as_str().unwrap())
        .collect();
    assert_eq!(langs, ["ar", "zh", "en", "ru", "es"]);
    for t in translations {
        assert_eq!(t["@type"], "Legislation");
        let rel = t["@id"].as_str().unwrap().strip_prefix(BASE).unwrap();
        assert!(site.exists(&format!("public/{rel}index.html")), "{rel}");
    }
    // A version alone has no translations to name.
    let ld = jsonld(&site.page("zh/A/RES/73/187/index.html"));
    assert!(ld.get("workTranslation").is_none());
    assert_eq!(ld["legislationPassedBy"]["name"], "大会");
}

#[test]
fn json_ld_cannot_be_closed_by_a_title() {
    let site = Site::fixture("basic");
    site.write(
        "content/ga/73/188.en.md",
        "---\nsymbol: A/RES/73/188\nlang: en\ntitle: \"A </script><script>alert(1)</script> & <!-- title\"\nadopted: 2018-12-17\n---\nThe General Assembly,\n\n1. Decides;\n",
    );
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/188/index.html");
    let head = page.split("</head>").next().unwrap();
    assert_eq!(head.matches("</script>").count(), 1, "{head}");
    assert!(!head.contains("<!--"));
    assert_eq!(
        jsonld(&page)["name"],
        "A </script><script>alert(1)</script> & <!-- title"
    );
}

/// The text of an element, tags dropped.
fn text_of(html: &str, start: &str) -> String {
    let inner = html
        .split(start)
        .nth(1)
        .unwrap()
        .split("</p>")
        .next()
        .unwrap();
    regex::Regex::new("<[^>]*>")
        .unwrap()
        .replace_all(inner, "")
        .replace("&amp;", "&")
}

#[test]
fn cite_this_follows_the_un_form_in_each_language() {
    let site = built();
    let expected = [
        (
            "en",
            "General Assembly resolution 217 A (III) of 10 December 1948, A/RES/217 A (III)",
        ),
        (
            "fr",
            "Résolution 217 A (III) de l’Assemblée générale en date du 10 décembre 1948, A/RES/217 A (III)",
        ),
        (
            "es",
            "Resolución 217 A (III) de la Asamblea General, de 10 de diciembre de 1948, A/RES/217 A (III)",
        ),
        (
            "ru",
            "Резолюция 217 A (III) Генеральной Ассамблеи от 10 декабря 1948 года, A/RES/217 A (III)",
        ),
        (
            "zh",
            "大会 1948 年 12 月 10 日第 217 A (III) 号决议，A/RES/217 A (III)",
        ),
        (
            "ar",
            "قرار الجمعية العامة 217 A (III) المؤرخ 10 كانون الأول/ديسمبر 1948، A/RES/217 A (III)",
        ),
    ];
    for (lang, text) in expected {
        let page = site.page(&format!("{lang}/A/RES/217A(III)/index.html"));
        assert_eq!(text_of(&page, "<p class=\"citation\">"), text, "{lang}");
        // The symbol keeps its direction inside Arabic text.
        assert!(page.contains("<bdi dir=\"ltr\">A/RES/217 A (III)</bdi>"));
        let csl = json(site, &format!("{lang}/A/RES/217A(III)/citation.csl.json"));
        assert_eq!(csl[0]["note"], text, "{lang}");
    }
}

#[test]
fn citation_downloads_carry_the_symbol_the_date_and_the_url() {
    let site = Site::fixture("basic");
    site.run(&["build", "--base-url", BASE]).assert_ok();
    let page = site.page("en/A/RES/73/187/index.html");
    assert_eq!(
        text_of(&page, "<p class=\"citation\">"),
        "General Assembly resolution 73/187 of 17 December 2018, A/RES/73/187"
    );
    for (file, format) in [
        ("citation.bib", "BibTeX"),
        ("citation.ris", "RIS"),
        ("citation.csl.json", "CSL-JSON"),
    ] {
        assert!(
            page.contains(&format!(
                r#"<a href="/archive/en/A/RES/73/187/{file}" download="A-RES-73-187-en.{}">{format}</a>"#,
                file.trim_start_matches("citation.")
            )),
            "{file} is not offered"
        );
    }
    let url = format!("{BASE}en/A/RES/73/187/");

    let bib = site.page("en/A/RES/73/187/citation.bib");
    assert!(bib.starts_with("@misc{A-RES-73-187-en,\n"), "{bib}");
    assert!(bib.contains("number   = {A/RES/73/187},"));
    assert!(bib.contains("date     = {2018-12-17},"));
    assert!(bib.contains("year     = {2018},"));
    assert!(bib.contains(&format!("url      = {{{url}}},")));
    assert!(bib.contains("author   = {{United Nations. General Assembly}},"));
    let depth = bib.chars().try_fold(0i32, |d, c| {
        let d = d + i32::from(c == '{') - i32::from(c == '}');
        (d >= 0).then_some(d)
    });
    assert_eq!(depth, Some(0), "unbalanced braces");

    let ris = site.page("en/A/RES/73/187/citation.ris");
    let tags: Vec<&str> = ris.split("\r\n").collect();
    assert_eq!(tags[0], "TY  - BILL");
    for line in [
        "M1  - A/RES/73/187",
        "DA  - 2018/12/17/",
        "PY  - 2018",
        "LA  - en",
        &format!("UR  - {url}"),
    ] {
        assert!(tags.contains(&line), "{line} missing:\n{ris}");
    }
    assert_eq!(tags[tags.len() - 2], "ER  - ");

    let csl = json(&site, "en/A/RES/73/187/citation.csl.json");
    assert_eq!(csl[0]["type"], "legislation");
    assert_eq!(csl[0]["number"], "A/RES/73/187");
    assert_eq!(
        csl[0]["issued"]["date-parts"],
        serde_json::json!([[2018, 12, 17]])
    );
    assert_eq!(csl[0]["URL"], url);
    assert_eq!(csl[0]["language"], "en");
}

#[test]
fn without_a_host_citations_carry_no_url_but_the_rest() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let bib = site.page("en/A/RES/73/187/citation.bib");
    assert!(!bib.contains("url"));
    assert!(bib.contains("number   = {A/RES/73/187},"));
    let data = json(&site, "en/A/RES/73/187/index.json");
    assert_eq!(data["url"], "/en/A/RES/73/187/");
}
