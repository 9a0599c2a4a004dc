//! `data/`: the votes joined to resolution pages and open data, and each kind of bad data
//! reported at its file and line.

use crate::harness::Site;

/// Resolution 242 (1967) was adopted unanimously by the fifteen members of the Security
/// Council of 1967 (S/PV.1382); the fixture's front matter says "without a vote". The
/// Soviet Union votes under RU and the Republic of China under TW, as the Voeten data
/// writes them.
const SC_242: &str = "symbol,country,vote\n\
S/RES/242 (1967),AR,yes\nS/RES/242 (1967),BR,yes\nS/RES/242 (1967),BG,yes\n\
S/RES/242 (1967),CA,yes\nS/RES/242 (1967),TW,yes\nS/RES/242 (1967),DK,yes\n\
S/RES/242 (1967),ET,yes\nS/RES/242 (1967),FR,yes\nS/RES/242 (1967),IN,yes\n\
S/RES/242 (1967),JP,yes\nS/RES/242 (1967),ML,yes\nS/RES/242 (1967),NG,yes\n\
S/RES/242 (1967),RU,yes\nS/RES/242 (1967),GB,yes\nS/RES/242 (1967),US,yes\n";

#[test]
fn a_plain_votes_file_joins_and_a_front_matter_that_differs_is_warned_of() {
    let site = Site::fixture("basic");
    site.write("data/sc-242.csv", SC_242);
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(
        run.stderr.contains("content/sc/242.en.md:2:1: warning: the front matter says adopted without a vote, but data/sc-242.csv:2 records 15 in favour, 0 against, 0 abstentions"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("info: data/ holds the votes on 1 resolution the archive does not hold; they are shown once it is added: A/RES/69/32"),
        "{}",
        run.stdout
    );
    site.build().assert_ok();
    let page = site.page("en/S/RES/242(1967)/index.html");
    // The front matter wins for the totals; the table shows each member.
    assert!(page.contains("Adopted without a vote"), "{page}");
    assert!(
        page.contains(
            "<tr class=\"yes\"><th scope=\"row\"><a href=\"/en/countries/RU/\">Russian Federation</a></th><td data-label=\"Vote: \">In favour</td></tr>"
        ),
        "{page}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.page("en/S/RES/242(1967)/index.json")).unwrap();
    assert_eq!(json["vote"]["type"], "without_vote");
    assert_eq!(json["member_votes"].as_array().unwrap().len(), 15);
    assert_eq!(
        json["member_votes"][0],
        serde_json::json!({"country": "AR", "vote": "yes"})
    );
}

#[test]
fn a_malformed_data_file_stops_the_build_and_keeps_public() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = site.snapshot("public");
    site.write(
        "data/unvotes/votes.csv",
        "rcid,country,country_code,vote\n6138,China,CN,yes\n6138,France,FR\n",
    );
    site.build().assert_fails_with(&[
        "data/unvotes/votes.csv:3:1: error: malformed row: 3 fields where the header has 4",
        "hint: every row needs as many fields as the header",
    ]);
    assert_eq!(
        site.snapshot("public"),
        before,
        "public/ changed after a failed build"
    );
}

#[test]
fn bad_rows_and_unknown_files_are_each_reported_once() {
    let site = Site::fixture("basic");
    site.write(
        "data/more.csv",
        "symbol,country,vote\nA/RES/73/999,FR,yes\nA/RES/73,FR,yes\nA/RES/73/999,XX,yes\nA/RES/73/999,DE,for\n",
    );
    site.write("data/notes.json", "{}");
    let run = site.run(&["check"]);
    run.assert_fails_with(&[
        "data/more.csv:3:1: error: `A/RES/73` is not a resolution symbol",
        "data/more.csv:4:1: warning: skipped: `XX` is not a country code plenary knows",
        "data/more.csv:5:1: warning: skipped: `for` is not a vote",
        "hint: write yes, no, abstain or absent",
        "data/notes.json: warning: skipped: plenary does not know the format of this data file",
    ]);
    for needle in ["`XX`", "`for`", "notes.json"] {
        assert_eq!(
            run.stderr.matches(needle).count(),
            1,
            "{needle}: {}",
            run.stderr
        );
    }
}

#[test]
fn the_bundled_archive_shows_how_each_member_voted_on_73_187_in_chinese() {
    let site = Site::shared_sample(&["build"]);
    let page = site.page("zh/A/RES/73/187/index.html");
    for row in [
        "<tr class=\"yes\"><th scope=\"row\"><a href=\"/zh/countries/CN/\">中国</a></th><td data-label=\"表决：\">赞成</td></tr>",
        "<tr class=\"no\"><th scope=\"row\"><a href=\"/zh/countries/FR/\">法国</a></th><td data-label=\"表决：\">反对</td></tr>",
        "<tr class=\"abstain\"><th scope=\"row\"><a href=\"/zh/countries/TR/\">土耳其</a></th><td data-label=\"表决：\">弃权</td></tr>",
        "<tr class=\"yes\"><th scope=\"row\"><a href=\"/zh/countries/RU/\">俄罗斯联邦</a></th><td data-label=\"表决：\">赞成</td></tr>",
    ] {
        assert!(page.contains(row), "{row}");
    }
    assert_eq!(page.matches("<tr class=").count(), 94 + 59 + 33);
    assert!(page.contains("<li><span class=\"swatch no\"></span>反对: 59</li>"));
    // The series page has the totals of the members the archive only recalls.
    let series = site.page("en/series/A/RES/69/32/index.html");
    for totals in [
        "126 in favour, 4 against, 46 abstentions",
        "128 in favour, 14 against, 38 abstentions",
    ] {
        assert!(series.contains(totals), "{totals}");
    }
}

/// A subject UNBIS does not know is warned of at its line; the hint offers the nearest of
/// the fixture's labels (CRIME shares four of the nine letter pairs of "cybercrime").
#[test]
fn check_warns_of_an_unknown_subject_at_its_line_with_the_nearest_labels() {
    let site = Site::fixture("basic");
    site.write(
        "content/ga/73/200.en.md",
        "---\nsymbol: A/RES/73/200\nlang: en\ntitle: A new one\nadopted: 2018-12-20\nsession: 73\nsubjects: [cybercrime, middle east]\n---\n1. Decides;\n",
    );
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(
        run.stderr.contains(
            "content/ga/73/200.en.md:7:1: warning: the subject `cybercrime` is not a UNBIS Thesaurus term\n  hint: the nearest UNBIS labels: CRIME; COMPUTER CRIMES; COMMERCIAL CRIMES; write one of them, or a concept's URI"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("middle east"), "{}", run.stderr);
}

/// The fixture's 73/187 is on item 109 of the 73rd session's agenda, under heading H; its
/// subject is written "Computer Crimes" in English and as the list's URI in Chinese, one
/// concept.
#[test]
fn agenda_titles_and_unbis_subjects_join_pages_and_open_data() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let en = site.page("en/A/RES/73/187/index.html");
    assert!(
        en.contains(
            r#"109</a>: <span class="agenda-title">Crime prevention and criminal justice</span>"#
        ),
        "{en}"
    );
    let zh = site.page("zh/A/RES/73/187/index.html");
    assert!(
        zh.contains(r#"109</a>：<span class="agenda-title" lang="en">Crime prevention and criminal justice</span>"#),
        "{zh}"
    );
    assert!(
        zh.contains(r#"<a href="/zh/subjects/computer-crimes/">计算机犯罪</a> <a class="unbis" href="http://metadata.un.org/thesaurus/1001186""#),
        "{zh}"
    );
    let index = site.page("en/agenda-items/index.html");
    assert!(
        index.contains("<h2>73rd session · H. Drug control, crime prevention and combating international terrorism in all its forms and manifestations</h2>"),
        "{index}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&site.page("zh/A/RES/73/187/index.json")).unwrap();
    assert_eq!(json["subjects"], serde_json::json!(["COMPUTER CRIMES"]));
    assert_eq!(
        json["subject_terms"][0]["uri"],
        "http://metadata.un.org/thesaurus/1001186"
    );
    assert_eq!(json["subject_terms"][0]["label"], "计算机犯罪");
    assert_eq!(
        json["agenda"][0]["title"],
        "Crime prevention and criminal justice"
    );
    assert_eq!(json["agenda"][0]["document"], "A/73/251");
}

#[test]
fn a_malformed_thesaurus_stops_the_build_and_keeps_public() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = site.snapshot("public");
    site.write(
        "data/unbis/all_topics.json",
        "{\n    \"topics\": [\n        {\"identifier\": \"1001186\",,}\n    ]\n}\n",
    );
    // The second comma of line 3, column 34, is where the parser stops.
    site.build().assert_fails_with(&[
        "data/unbis/all_topics.json:3:34: error: malformed JSON",
        "hint: restore the file as the scrape of metadata.un.org publishes it",
    ]);
    assert_eq!(site.snapshot("public"), before);
}
