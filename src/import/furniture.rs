//! Page furniture: what the printer puts on a page that is not part of the text. Running
//! headers (symbol, short title, job number, page "2/3"), barcodes (`*2324539*`), job
//! numbers ("23-24539 (E) 181223"), "Page 2" lines.

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

/// Drops the running header at the top of every page after the first.
pub fn strip_running_headers(lines: Vec<Line>) -> Vec<Line> {
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
    fn a_page_without_a_page_number_has_no_header() {
        let text = "a \n\nb \nc \n \nd \n \n \n";
        assert_eq!(
            texts(&strip_running_headers(split(text))),
            ["a", "b", "c", "", "d"]
        );
    }
}
