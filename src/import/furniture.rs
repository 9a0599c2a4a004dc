//! Page furniture: what the printer puts on a page that is not part of the text. Running
//! headers (symbol, short title, job number, page "2/3"), barcodes (`*2324539*`), job
//! numbers ("23-24539 (E) 181223"), "Page 2" lines.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;

static SYMBOL_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:A/RES|S/RES|E/RES|A/HRC/RES)/[\w./-]+(?:\s*\(\d{4}\))?$")
        .expect("pattern compiles")
});
static PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}/\d{1,3}$").expect("pattern compiles"));
static JOB_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6}){0,2}$").expect("pattern compiles")
});
static BARCODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\*\d{6,}\*$").expect("pattern compiles"));
/// The job number and the page counter side by side, as plenary's PDF reading gives
/// them: "23-24429 2/2", "3/3 23-24429".
static JOB_AND_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\d{2}-\d{5}(?:\s*\([A-Z]\))?\s+\d{1,3}/\d{1,3}|\d{1,3}/\d{1,3}\s+\d{2}-\d{5}(?:\s*\([A-Z]\))?)$")
        .expect("pattern compiles")
});
/// The print date pdftotext puts on a line of its own beside the job number: "151217"
/// (ddmmyy).
static PRINT_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}$").expect("pattern compiles")
});
/// A running header's symbol with the short title beside it, as plenary's PDF reading
/// gives them: "A/RES/78/14 African Nuclear-Weapon-Free Zone Treaty", "Oceans and the law
/// of the sea A/RES/78/69".
static SYMBOL_BESIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^(?:A/RES|S/RES|E/RES|A/HRC/RES)/[\w./-]+\s|\s(?:A/RES|S/RES|E/RES|A/HRC/RES)/[\w./-]+$)")
        .expect("pattern compiles")
});
static PAGE_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Page|Página|Стр\.|页次)\s*\d+$").expect("pattern compiles"));

/// What a line of a running header is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum HeaderPart {
    Symbol,
    PageNumber,
    JobNumber,
    Blank,
    /// The short title, or the text when there is no header.
    Other,
}

fn header_part(text: &str) -> HeaderPart {
    if text.is_empty() {
        HeaderPart::Blank
    } else if SYMBOL_LINE.is_match(text) {
        HeaderPart::Symbol
    } else if PAGE_NUMBER.is_match(text) {
        HeaderPart::PageNumber
    } else if JOB_NUMBER.is_match(text) {
        HeaderPart::JobNumber
    } else {
        HeaderPart::Other
    }
}

/// A line that is furniture wherever it stands: a lone symbol, a job number, a barcode, a
/// page number or "Page 2".
pub fn is_furniture(text: &str) -> bool {
    SYMBOL_LINE.is_match(text)
        || PAGE_NUMBER.is_match(text)
        || JOB_NUMBER.is_match(text)
        || BARCODE.is_match(text)
        || PAGE_LABEL.is_match(text)
        || JOB_AND_PAGE.is_match(text)
        || PRINT_DATE.is_match(text)
        || text == "Please recycle"
}

/// How many lines a running header at the top of a page takes: the symbol, the short
/// title (which may wrap), the job number and the page number "2/3", in either order,
/// then the one blank line that separates the header from the text. A header always has
/// its page number; without one there is no header.
fn header_len(page: &[Line]) -> usize {
    const WINDOW: usize = 12;
    let mut end = None;
    let mut seen_page_number = false;
    for (i, line) in page.iter().take(WINDOW).enumerate() {
        match header_part(&line.text) {
            HeaderPart::PageNumber => {
                seen_page_number = true;
                end = Some(i);
            }
            HeaderPart::Symbol | HeaderPart::JobNumber => end = Some(i),
            HeaderPart::Blank => {}
            HeaderPart::Other if seen_page_number => break,
            HeaderPart::Other => {}
        }
    }
    match end {
        Some(end) if seen_page_number => {
            // The blank line under the header is the header's, not a paragraph break:
            // a text that runs on from the page before starts right after it.
            if page.get(end + 1).is_some_and(Line::is_blank) {
                end + 2
            } else {
                end + 1
            }
        }
        _ => 0,
    }
}

/// How many lines the running header at the top of a page of a form-fed text takes
/// (pdftotext, or plenary's own PDF reading). Its blocks, between blank lines: the symbol
/// and the short title in either order, side by side or one above the other, and the job
/// number with the page counter. pdftotext puts the short title in a block of its own,
/// above or under the symbol alone; such a block is taken for the title only when all its
/// words are on the cover, so that a page's first paragraph is never taken for it.
fn form_fed_header_len(page: &[Line], cover: &HashSet<String>) -> usize {
    const BLOCK_LINES: usize = 5;
    let mut blocks = Vec::new();
    let mut i = 0;
    while blocks.len() < 3 {
        while page.get(i).is_some_and(Line::is_blank) {
            i += 1;
        }
        let start = i;
        while page.get(i).is_some_and(|l| !l.is_blank()) {
            i += 1;
        }
        if start == i || i - start > BLOCK_LINES {
            break;
        }
        blocks.push(start..i);
    }
    let symbol_alone =
        |b: &std::ops::Range<usize>| b.len() == 1 && SYMBOL_LINE.is_match(&page[b.start].text);
    let mut end = None;
    for (k, block) in blocks.iter().enumerate() {
        let lines = &page[block.clone()];
        let has_symbol = lines
            .iter()
            .any(|l| SYMBOL_LINE.is_match(&l.text) || SYMBOL_BESIDE.is_match(&l.text));
        let all_furniture = lines.iter().all(|l| is_furniture(&l.text));
        let beside_symbol =
            (k > 0 && symbol_alone(&blocks[k - 1])) || blocks.get(k + 1).is_some_and(symbol_alone);
        let title =
            beside_symbol && lines.len() <= 4 && lines.iter().all(|l| words_in(&l.text, cover));
        if !(has_symbol || all_furniture || title) {
            break;
        }
        if has_symbol || end.is_some() || blocks.get(k + 1).is_some_and(symbol_alone) {
            end = Some(block.end);
        }
    }
    let Some(mut end) = end else {
        return 0;
    };
    while page.get(end).is_some_and(Line::is_blank) {
        end += 1;
    }
    end
}

/// The words of a text, lower case, as the cover is compared with a running title.
fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Whether every word of `text` is on the cover, and it has a word of letters: "8." alone
/// is a paragraph's number, whatever dates the cover gives.
fn words_in(text: &str, cover: &HashSet<String>) -> bool {
    words(text).all(|w| cover.contains(&w))
        && words(text).any(|w| w.chars().any(char::is_alphabetic))
}

/// Drops the running header at the top of every page after the first.
pub fn strip_running_headers(lines: Vec<Line>) -> Vec<Line> {
    strip_headers(lines, header_len)
}

/// Drops the running header at the top of every page after the first, in a text whose
/// pages end with form feeds.
pub fn strip_form_fed_headers(lines: Vec<Line>) -> Vec<Line> {
    let cover: HashSet<String> = lines
        .iter()
        .take_while(|l| l.page == 1)
        .flat_map(|l| words(&l.text).collect::<Vec<_>>())
        .collect();
    strip_headers(lines, |page| form_fed_header_len(page, &cover))
}

fn strip_headers(lines: Vec<Line>, header_len: impl Fn(&[Line]) -> usize) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let starts_page = i > 0 && lines[i].page != lines[i - 1].page;
        if starts_page {
            let page_end = lines[i..]
                .iter()
                .position(|l| l.page != lines[i].page)
                .map_or(lines.len(), |n| i + n);
            let skip = header_len(&lines[i..page_end]);
            i += skip;
            if skip > 0 {
                continue;
            }
        }
        out.push(lines[i].clone());
        i += 1;
    }
    out
}

/// Drops every line that is furniture wherever it stands.
pub fn strip_loose(lines: Vec<Line>) -> Vec<Line> {
    lines
        .into_iter()
        .filter(|l| !is_furniture(&l.text))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn furniture_lines_are_recognised() {
        for f in [
            "A/RES/78/30",
            "S/RES/902 (1994)",
            "23-24539 (E) 181223",
            "23-24539",
            "24-21675 (E)",
            "*2324539*",
            "2/3",
            "Page 2",
        ] {
            assert!(is_furniture(f), "{f}");
        }
        for text in ["1995, 2000 and 2010", "2. Decides", "resolution 78/30"] {
            assert!(!is_furniture(text), "{text}");
        }
    }

    #[test]
    fn even_and_odd_running_headers_go_with_their_blank_line() {
        let even = "text of the \n\nA/RES/78/30 \nFollow-up to nuclear \ndisarmament \n \n23-24539\n2/3 \n \nTreaty, principles \n \n \n";
        assert_eq!(
            texts(&strip_running_headers(split(even))),
            ["text of the", "Treaty, principles"]
        );
        let odd =
            "end; \n\nFollow-up to nuclear \nA/RES/78/30\n \n3/3\n23-24539 \n \n \n4. \nNotes \n";
        assert_eq!(
            texts(&strip_running_headers(split(odd))),
            ["end;", "", "4.", "Notes"]
        );
    }

    #[test]
    fn pdftotext_headers_in_either_order_go_with_their_blank_lines() {
        let text = "African Nuclear-Weapon-Free Zone Treaty. Follow-up to nuclear disarmament obligations\nRecalling also the\n\u{c}A/RES/78/14\n\nAfrican Nuclear-Weapon-Free Zone Treaty\n\n3.\nRecalls\n\u{c}Follow-up to nuclear\ndisarmament obligations\n\nA/RES/78/30\n\narticle VI of the Treaty\n\u{c}";
        assert_eq!(
            texts(&strip_form_fed_headers(split(text))),
            [
                "African Nuclear-Weapon-Free Zone Treaty. Follow-up to nuclear disarmament obligations",
                "Recalling also the",
                "3.",
                "Recalls",
                "article VI of the Treaty"
            ]
        );
    }

    #[test]
    fn headers_read_from_a_pdf_go_with_their_job_number() {
        let text = "end;\n\u{c}\n\nA/RES/78/1 Political declaration of the\ndevelopment convened\n\n\n23-20100 2/12\n\n2. We reaffirm\n\u{c}\nOceans and the law of the sea A/RES/78/69\n\n3/57 23-24917\n\nGuided by\n\u{c}";
        assert_eq!(
            texts(&strip_form_fed_headers(split(text))),
            ["end;", "2. We reaffirm", "Guided by"]
        );
    }

    #[test]
    fn a_short_last_page_keeps_its_text() {
        // The counter and job number at the foot are loose furniture, not the header.
        let text = "Lethal autonomous weapons systems\nx,\n\u{c}Lethal autonomous weapons systems\n\nA/RES/80/57\n\n4.\nDecides to include the item.\n68th plenary meeting\n1 December 2025\n\n3/3\n\n25-20009\n\u{c}";
        let kept = strip_form_fed_headers(split(text));
        assert_eq!(texts(&kept)[2..4], ["4.", "Decides to include the item."]);
        // A number alone under the symbol is no title, though the cover has "4 December".
        let text = "Lethal autonomous weapons systems 4 December\nx,\n\u{c}Lethal autonomous weapons systems\n\nA/RES/80/57\n\n4.\n\nDecides\n\u{c}";
        assert_eq!(
            texts(&strip_form_fed_headers(split(text)))[2..],
            ["4.", "", "Decides"]
        );
        assert!(is_furniture("3/3 25-20009") && is_furniture("181223"));
        assert!(!is_furniture("321299") && !is_furniture("2023"));
    }

    #[test]
    fn a_page_without_a_page_number_has_no_header() {
        let text = "a \n\nb \nc \n \nd \n \n \n";
        assert_eq!(
            texts(&strip_running_headers(split(text))),
            ["a", "b", "c", "", "d"]
        );
    }
}
