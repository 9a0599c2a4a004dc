//! Comparing the longest real resolutions: 78/69 and its renewal 79/144, oceans and the law
//! of the sea (50–60 pages each), as `plenary import` reads pdftotext's output of
//! `../shared/data/un-pdfs/A_RES_78_69-EN.pdf` and `A_RES_79_144-EN.pdf`. The expected
//! counts come from a reading of the two texts independent of the alignment: 155 of the
//! 428 paragraphs of 79/144 (headings aside) are word for word, but for their number,
//! one of 78/69; 242 share at least half of their words in order with one; 31 none.
//! The annex is no part of the compared text.

use crate::harness::Site;

const PAGE: &str = "en/A/RES/79/144/changes/index.html";
const WHOLE: &str = "too long and differ too much to be compared word by word";

/// The first number before `label` in `text`.
fn count(text: &str, label: &str) -> usize {
    let at = text
        .find(label)
        .unwrap_or_else(|| panic!("{label} in {text}"));
    let digits: String = text[..at]
        .trim_end()
        .chars()
        .rev()
        .take_while(char::is_ascii_digit)
        .collect();
    digits.chars().rev().collect::<String>().parse().unwrap()
}

/// The compared text of a changes page, after its header and summary.
fn text(page: &str) -> &str {
    &page[page.find("id=\"text-heading\"").expect("the text")..]
}

/// The line of totals of a changes page.
fn totals(page: &str) -> &str {
    let start = page.find("class=\"totals\">").expect("totals") + 15;
    &page[start..start + page[start..].find('<').unwrap()]
}

#[test]
fn the_law_of_the_sea_is_compared_word_by_word() {
    let site = Site::fixture("oceans");
    site.build().assert_ok();
    let page = site.page(PAGE);
    let totals = totals(&page);
    // Most paragraphs are renumbered or edited; a tenth or so are new (the annex).
    let changed = count(totals, "changed");
    let added = count(totals, "paragraphs added");
    assert!((150..=250).contains(&changed), "{totals}");
    assert!((15..=40).contains(&added), "{totals}");
    // The unchanged ones, in the folded runs of kept paragraphs: at least those read
    // word for word, and fewer than those not new.
    let unchanged: usize = page
        .split("<summary>")
        .skip(1)
        .filter(|s| s.contains("unchanged paragraph"))
        .map(|s| count(s, "unchanged paragraph"))
        .sum();
    assert!((155..=230).contains(&unchanged), "{unchanged}");
    // The first recital renews its citation of the last resolution of the series.
    let body = text(&page);
    let start = body
        .find("Reaffirming its annual resolutions")
        .expect("the recital");
    let recital = &body[start..start + body[start..].find("</p>").unwrap()];
    let marked = |tag: &str| -> Vec<String> {
        let hidden = regex::Regex::new(r#"<span class="visually-hidden">[^<]*</span>"#).unwrap();
        let plain = hidden.replace_all(recital, "");
        regex::Regex::new(&format!("<{tag}>([^<]*)</{tag}>"))
            .unwrap()
            .captures_iter(&plain)
            .map(|c| c[1].to_string())
            .collect()
    };
    assert_eq!(marked("del"), ["77/248 of 30", "2022"], "{recital}");
    assert_eq!(marked("ins"), ["78/69 of 5", "2023"], "{recital}");
    // The last paragraph puts the item on the next session's agenda.
    assert!(body.contains("Decides to include in the provisional agenda of its <del><span class=\"visually-hidden\">[deleted: </span>seventy-ninth"));
    // No pair of real paragraphs is too costly to compare by word.
    assert!(!page.contains(WHOLE), "{page}");
}

#[test]
fn texts_run_together_are_compared_whole_and_say_so() {
    // Each text as one paragraph of 28,000 words, as an import that lost every paragraph
    // break would give: word by word, the comparison would cost a second or more.
    let site = Site::fixture("oceans");
    for rel in ["content/ga/78/69.en.md", "content/ga/79/144.en.md"] {
        let text = std::fs::read_to_string(site.root.join(rel)).unwrap();
        let (head, body) = text[4..].split_once("\n---\n").unwrap();
        let (notes, lines): (Vec<&str>, Vec<&str>) = body
            .lines()
            .filter(|l| !l.trim().is_empty())
            .partition(|l| l.starts_with("[^"));
        let run = lines.join(" ");
        site.write(
            rel,
            format!("---\n{head}\n---\n\n{run}\n\n{}\n", notes.join("\n\n")),
        );
    }
    site.build().assert_ok();
    let page = site.page(PAGE);
    assert_eq!(totals(&page), "1 paragraph changed");
    assert!(page.contains(WHOLE), "{page}");
    // Shown whole: the old text deleted, the new inserted, each complete.
    let body = text(&page);
    let old = body.find("<del>").expect("the old text");
    let new = body.find("<ins>").expect("the new text");
    assert!(old < new);
    assert!(body[old..new].contains("77/248 of 30 December 2022"));
    assert!(body[new..].contains("of its eightieth session the item"));
}
