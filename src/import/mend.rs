//! Mends what a scan or a PDF extraction broke and a reader can see is broken, before the
//! text is cut into paragraphs: a French ordinal split from its number ("1 er décembre"),
//! a symbol cut after its slash at the end of a line ("resolution 65/" + "230 of …"), a
//! year whose digits the scan spaced out ("December 1 9 9 0"), a paragraph number whose
//! full stop the scan read as a comma ("1, Authorizes"). Lines keep their numbers, so
//! that warnings still name the source line. What cannot be told from the text alone is
//! left as it is: see docs/import.md.

use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;
use super::openers::opens_paragraph;
use crate::model::Lang;
use crate::model::months;

/// Mends every line of a text in `lang`, and joins symbols cut at the end of a line.
pub fn lines(mut lines: Vec<Line>, lang: Lang) -> Vec<Line> {
    for line in &mut lines {
        line.text = within_line(&line.text);
    }
    for i in 0..lines.len() {
        if i == 0 || lines[i - 1].is_blank() {
            lines[i].text = paragraph_number(&lines[i].text, lang);
        }
    }
    for i in 0..lines.len().saturating_sub(1) {
        if let Some((head, rest)) = cut_symbol(&lines[i].text, &lines[i + 1].text) {
            lines[i].text.push_str(&head);
            lines[i + 1].text = rest;
        }
    }
    lines
}

/// "1 er" is "1er"; "December 1 9 9 0" is "December 1990".
fn within_line(text: &str) -> String {
    static ORDINAL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b1 er\b").expect("pattern"));
    static SPACED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
        let names = months::EN
            .iter()
            .chain(&months::FR)
            .chain(&months::ES)
            .chain(&months::RU)
            .copied()
            .collect::<Vec<_>>()
            .join("|");
        Regex::new(&format!(
            r"(?i)\b(?P<month>{names})(?P<de>\s+(?:de\s+)?)(?P<y>[12]) (?P<e>[09]) (?P<a>\d) (?P<r>\d)\b"
        ))
        .expect("pattern")
    });
    let text = ORDINAL.replace_all(text, "1er");
    SPACED_YEAR
        .replace_all(&text, "$month$de$y$e$a$r")
        .into_owned()
}

/// "1, Authorizes all States …" at the start of a paragraph is "1. Authorizes …": OCR reads
/// a number's full stop as a comma now and then (39 times in the Security Council texts of
/// 1946–1994), and once a 2 as a Z ("Z. Demands"). Only before a word that opens a paragraph ("Authorizes", "Requests"): a
/// note's number ("10, Ibid.") stays as it is.
fn paragraph_number(text: &str, lang: Lang) -> String {
    // "Z. Demands" is "2. Demands" (686 (1991)) as OCR read it.
    static COMMA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?P<n>\d{1,2}),|(?P<z>Z)\.) (?P<rest>\p{Lu}.*)$").expect("pattern")
    });
    match COMMA.captures(text) {
        Some(c) if opens_paragraph(&c["rest"], lang) => {
            let n = c.name("n").map_or("2", |n| n.as_str());
            format!("{n}. {}", &c["rest"])
        }
        _ => text.to_string(),
    }
}

/// A symbol cut after a slash at the end of a line, "… resolution 65/" + "230 of 21 …",
/// "S/" + "0949": the piece at the start of the next line moves up. Returns that piece and
/// what stays on the next line, or None. The next line keeps some text, so that it does
/// not become a blank line, which would end a paragraph.
fn cut_symbol(line: &str, next: &str) -> Option<(String, String)> {
    // A symbol's capitals ("S/", "A/RES/65/") or a keyword's number ("resolution 65/"); a
    // digit and a slash alone may be a typescript's footnote mark ("27 October 1992, 1/").
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:(?:^|[\s(\[])[A-Z]{1,4}(?:/[A-Z0-9.\-]+)*/|(?i:\b(?:resolutions?|résolutions?|resoluci(?:ón|ones)|резолюци\w*)\s+\d{1,4}/))$")
            .expect("pattern")
    });
    static START: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\d{1,5}\b(?:/\d{1,5}\b)*|[A-Z][A-Za-z]{0,4}(?:\.\d{1,3})?(?:/[A-Za-z0-9.\-]+)+)",
        )
        .expect("pattern")
    });
    if !END.is_match(line) {
        return None;
    }
    let piece = START.find(next)?;
    let rest = next[piece.end()..].trim_start();
    if rest.is_empty() {
        return None;
    }
    Some((piece.as_str().to_string(), rest.to_string()))
}

#[cfg(test)]
mod tests {
    use proptest::strategy::Strategy;

    use super::*;

    #[test]
    fn a_paragraph_number_read_with_a_comma_gets_its_full_stop() {
        // S_RES_0706_1991_EN_GOLD.txt, whose paragraph 1 resolution 712 (1991) cites.
        let mended = lines(
            vec![
                line(30, "Decides that the Council shall review it,"),
                line(31, ""),
                line(
                    32,
                    "1, Authorizes all States, subject to the decision to be taken by the",
                ),
                line(33, "5, Security Council pursuant to paragraph 5"),
                line(34, ""),
                line(
                    35,
                    "6, Also requests the Secretary-General, in consultation with",
                ),
                line(36, ""),
                line(37, "3, 4 and 5 of resolution 661 (1990);"),
                line(38, ""),
                line(39, "10, Ibid., document S/6569."),
                line(40, ""),
                line(41, "Z. Demands that Iraq implement its acceptance of all"),
            ],
            Lang::En,
        );
        let texts: Vec<&str> = mended.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Decides that the Council shall review it,",
                "",
                "1. Authorizes all States, subject to the decision to be taken by the",
                "5, Security Council pursuant to paragraph 5",
                "",
                "6. Also requests the Secretary-General, in consultation with",
                "",
                "3, 4 and 5 of resolution 661 (1990);",
                "",
                "10, Ibid., document S/6569.",
                "",
                "2. Demands that Iraq implement its acceptance of all",
            ]
        );
    }

    fn line(no: usize, text: &str) -> Line {
        Line {
            no,
            page: 1,
            text: text.to_string(),
        }
    }

    fn mended(texts: &[&str]) -> Vec<(usize, String)> {
        let lines = texts
            .iter()
            .enumerate()
            .map(|(i, t)| line(i + 1, t))
            .collect();
        lines_of(super::lines(lines, Lang::En))
    }

    fn lines_of(lines: Vec<Line>) -> Vec<(usize, String)> {
        lines.into_iter().map(|l| (l.no, l.text)).collect()
    }

    #[test]
    fn a_split_ordinal_and_a_spaced_year() {
        assert_eq!(
            mended(&["61/98 C du 1 er décembre 2006, 62/15 B du 5 décembre 2007"]),
            [(
                1,
                "61/98 C du 1er décembre 2006, 62/15 B du 5 décembre 2007".to_string()
            )]
        );
        assert_eq!(
            mended(&[
                "45/55 B of 4 December 1 9 9 0 and",
                "de 3 de diciembre de 1 9 8 6"
            ]),
            [
                (1, "45/55 B of 4 December 1990 and".to_string()),
                (2, "de 3 de diciembre de 1986".to_string())
            ]
        );
    }

    #[test]
    fn a_symbol_cut_after_its_slash_is_joined_on_the_first_line() {
        assert_eq!(
            mended(&["Recalling its resolution 65/", "230 of 21 December 2010,"]),
            [
                (1, "Recalling its resolution 65/230".to_string()),
                (2, "of 21 December 2010,".to_string())
            ]
        );
        assert_eq!(
            mended(&["the report of the Secretary-General (S/", "0949), and"]),
            [
                (1, "the report of the Secretary-General (S/0949".to_string()),
                (2, "), and".to_string())
            ]
        );
    }

    proptest::proptest! {
        /// Mending moves characters between lines and takes spaces out (and a paragraph
        /// number's comma becomes its full stop), nothing more: the
        /// lines keep their numbers and, spaces aside, the text is the same.
        #[test]
        fn mending_loses_nothing(
            texts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(vec![
                        "resolution 65/", "S/", "A/RES/", "230 of 21 December", "0949) for",
                        "1 er décembre", "December 1 9 9 0", "1992, 1/", "", " ", "RES/65/230 and",
                    ]).prop_map(str::to_string),
                    "\\PC{0,12}",
                ],
                0..12,
            )
        ) {
            let lines: Vec<Line> = texts.iter().enumerate().map(|(i, t)| line(i + 1, t)).collect();
            let squeezed = |ls: &[Line]| -> String {
                ls.iter().flat_map(|l| l.text.chars()).filter(|c| !c.is_whitespace()).collect()
            };
            let before = squeezed(&lines);
            let after = super::lines(lines.clone(), Lang::En);
            proptest::prop_assert_eq!(after.len(), lines.len());
            for (a, b) in after.iter().zip(&lines) {
                proptest::prop_assert_eq!(a.no, b.no);
                proptest::prop_assert_eq!(a.page, b.page);
            }
            proptest::prop_assert_eq!(squeezed(&after), before);
        }
    }

    #[test]
    fn what_cannot_be_told_is_left() {
        let kept = [
            // Not a symbol's slash: words, a typescript's footnote marks.
            "and/",
            "or the 2018/19 biennium",
            "27 October 1992, 1/",
            "3 December 1992, 2/",
            "constitution for the Republic of Bosnia and Herzegovina, 5/",
            "Welcoming the report,",
            // A number at the end of a line with its bracket on the next is read as it is.
            "resolutions 1368 (2001), 1373",
            "(2001) of 28 September 2001",
            // "1 er" only as a French ordinal on its own.
            "11 er",
            // Four spaced digits not after a month.
            "votes 1 9 9 0",
        ];
        assert_eq!(
            mended(&kept),
            kept.iter()
                .enumerate()
                .map(|(i, t)| (i + 1, t.to_string()))
                .collect::<Vec<_>>()
        );
        // A next line that holds only the rest of the symbol stays as it is: moving it up
        // would leave a blank line, which ends a paragraph.
        assert_eq!(
            mended(&["resolution 65/", "230"]),
            [(1, "resolution 65/".to_string()), (2, "230".to_string())]
        );
    }
}
