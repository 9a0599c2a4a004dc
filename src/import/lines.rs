//! A raw text as numbered lines on numbered pages: the unit every later step works on,
//! so that a warning can always name the source line.

/// One line of the source, trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// 1-based line number in the source file.
    pub no: usize,
    /// 1-based page, when the text shows its page breaks; otherwise 1 throughout.
    pub page: usize,
    pub text: String,
}

impl Line {
    pub fn is_blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// Splits a text into lines. A PDF extraction writes blank lines as a single space and
/// page breaks as a truly empty line; when a text has many more of the first than of the
/// second, the empty lines are taken as page breaks and dropped, and every line is given
/// its page. Otherwise there are no
/// page numbers to know and every line is on page 1.
pub fn split(text: &str) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let raw: Vec<&str> = text
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    // In a PDF extraction nearly every blank line is a space and only the few page
    // breaks are empty; a text typed by hand may have a stray space on a blank line.
    let spaced_blanks = raw
        .iter()
        .filter(|l| !l.is_empty() && l.trim().is_empty())
        .count();
    let empty = raw[..raw.len().saturating_sub(1)]
        .iter()
        .filter(|l| l.is_empty())
        .count();
    // pdftotext (and plenary's own PDF reading) end every page with a form feed; then the
    // empty lines are only blank lines.
    let form_fed = is_form_fed(text);
    let page_breaks = !form_fed && empty > 0 && spaced_blanks > 2 * empty;
    let mut page = 1;
    let mut out = Vec::with_capacity(raw.len());
    for (i, l) in raw.iter().enumerate() {
        if form_fed && l.contains('\u{c}') {
            page += l.matches('\u{c}').count();
            let rest = l.replace('\u{c}', "");
            if !rest.trim().is_empty() {
                out.push(Line {
                    no: i + 1,
                    page,
                    text: squeeze(&rest),
                });
            }
            continue;
        }
        if page_breaks && l.is_empty() {
            // The text ends with "\n": the empty piece after it is no page break.
            if i + 1 < raw.len() {
                page += 1;
            }
            continue;
        }
        out.push(Line {
            no: i + 1,
            page,
            text: squeeze(l),
        });
    }
    while out.last().is_some_and(Line::is_blank) {
        out.pop();
    }
    if form_fed {
        mend_hanging_numbers(&mut out);
    }
    out
}

/// pdftotext sets the last line of a two-line paragraph, a word alone, between the
/// paragraph's number and its first line: "8." / "zones;" / "" / "Encourages efforts …
/// nuclear-weapon-free". The word goes back to the end.
fn mend_hanging_numbers(lines: &mut [Line]) {
    let enumerator = |t: &str| {
        let t = t.trim_end_matches('.');
        (!t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
            || (t.starts_with('(') && t.ends_with(')') && t.chars().count() <= 5)
    };
    let mut i = 0;
    while i + 3 < lines.len() {
        let [number, tail, blank, first] = &lines[i..i + 4] else {
            break;
        };
        let hanging = enumerator(&number.text)
            && number.text.len() < 6
            && tail.text.chars().count() <= 40
            && tail.text.ends_with([',', ';', '.', ':'])
            && !tail.text.contains(' ')
            && blank.is_blank()
            && !first.is_blank()
            && !first.text.ends_with([',', ';', '.', ':']);
        if hanging {
            // number, tail, blank, first → number, first, tail, blank
            lines[i + 1..i + 4].rotate_right(1);
            i += 4;
        } else {
            i += 1;
        }
    }
}

/// Drops the blank lines that stand where other lines were taken out (notes, furniture,
/// a running header) or at a page break: in a form-fed text only a blank line between two
/// lines that stood around it on one page separates blocks. A blank line put in by a step
/// before (with the number of the line above it) is kept.
pub fn drop_gap_blanks(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].is_blank() {
            out.push(lines[i].clone());
            i += 1;
            continue;
        }
        let run_end = lines[i..]
            .iter()
            .position(|l| !l.is_blank())
            .map_or(lines.len(), |n| i + n);
        let before = out.last();
        let after = lines.get(run_end);
        let inserted = before.is_some_and(|b| b.no == lines[i].no);
        let contiguous = match (before, after) {
            (Some(b), Some(a)) => {
                b.page == a.page && a.no.checked_sub(b.no) == Some(run_end - i + 1)
            }
            _ => false,
        };
        if inserted || contiguous {
            out.push(lines[i].clone());
        }
        i = run_end;
    }
    out
}

/// Whether a text marks its page breaks with form feeds as pdftotext writes them: every
/// page, the last one too, ends with one. (OCR'd volumes have a few form feeds inside the
/// text, which are no guide to the pages of its notes.)
pub fn is_form_fed(text: &str) -> bool {
    text.trim_end_matches([' ', '\n', '\r']).ends_with('\u{c}')
}

/// Trims a line and turns runs of spaces into one: PDF extraction pads words with
/// spaces ("23-24539 (E)    181223", "Weapons, 3  including").
fn squeeze(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for word in line.split([' ', '\t', '\u{a0}']).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pdf_page_breaks_become_page_numbers() {
        let lines = split("a \n \nb \n \n\nA/RES/1/1 \n \nc \n");
        let pages: Vec<(usize, usize, &str)> = lines
            .iter()
            .map(|l| (l.no, l.page, l.text.as_str()))
            .collect();
        assert_eq!(
            pages,
            [
                (1, 1, "a"),
                (2, 1, ""),
                (3, 1, "b"),
                (4, 1, ""),
                (6, 2, "A/RES/1/1"),
                (7, 2, ""),
                (8, 2, "c")
            ]
        );
    }

    #[test]
    fn without_spaced_blanks_empty_lines_are_blank_lines() {
        let lines = split("a\n\nb\n");
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| l.page == 1));
        assert!(lines[1].is_blank());
    }

    #[test]
    fn a_stray_spaced_blank_line_makes_no_page_breaks() {
        let lines = split("a\n\nb\n \nc\n\nd\n");
        assert!(lines.iter().all(|l| l.page == 1));
        assert_eq!(lines.len(), 7);
    }

    #[test]
    fn form_feeds_are_page_breaks() {
        let lines = split("A/RES/78/14\n\nRecalling\n\u{c}A/RES/78/14\n\n3.\nRecalls\n\u{c}");
        assert!(!is_form_fed("a\n\u{c}b\n"));
        let pages: Vec<(usize, usize, &str)> = lines
            .iter()
            .map(|l| (l.no, l.page, l.text.as_str()))
            .collect();
        assert_eq!(
            pages,
            [
                (1, 1, "A/RES/78/14"),
                (2, 1, ""),
                (3, 1, "Recalling"),
                (4, 2, "A/RES/78/14"),
                (5, 2, ""),
                (6, 2, "3."),
                (7, 2, "Recalls")
            ]
        );
    }

    #[test]
    fn blank_lines_where_lines_were_taken_out_go() {
        let lines = split("a\n\nb\n\nX\n\nc\n\u{c}\nd\n\u{c}");
        let kept: Vec<Line> = lines.into_iter().filter(|l| l.text != "X").collect();
        let texts: Vec<String> = drop_gap_blanks(kept).into_iter().map(|l| l.text).collect();
        assert_eq!(texts, ["a", "", "b", "c", "d"]);
    }

    #[test]
    fn a_paragraph_s_last_line_set_under_its_number_goes_back() {
        let lines = split(
            "7.\nCongratulates;\n8.\nzones;\n\nEncourages efforts among nuclear-weapon-free\n\n9.\nEncourages\n\u{c}",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "7.",
                "Congratulates;",
                "8.",
                "Encourages efforts among nuclear-weapon-free",
                "zones;",
                "",
                "",
                "9.",
                "Encourages"
            ]
        );
    }

    #[test]
    fn spaces_are_squeezed() {
        assert_eq!(
            split("Weapons, 3  including ")[0].text,
            "Weapons, 3 including"
        );
    }
}
