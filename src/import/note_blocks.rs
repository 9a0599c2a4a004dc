//! The footnotes of a form-fed text (pdftotext's, or plenary's own reading of a PDF):
//! each page's block of notes, from its rule ("__________") to the end of the page.
//!
//! pdftotext keeps the notes' texts in reading order but puts their numbers where it
//! likes: before the text, after it, or all together at the end of the block
//! ("A/50/426, annex." / "A/51/113, annex." / "3" / "S/PRST/1996/17." / "1" / "2").
//! So the numbers tell how many notes the block holds, and the lines are cut into that
//! many notes where a note most plausibly starts: right after a number, after a line
//! that ends a sentence, at a capital, after a short line. The numbers, in order, go to
//! the notes, in order. A number on the same line as its text ("1 A/50/426, annex.", as
//! a PDF is read) is that note's start.

use std::sync::LazyLock;

use regex::Regex;

use super::Warning;
use super::footnotes::{Note, Style};
use super::furniture;
use super::lines::Line;

static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^_{5,}$").expect("pattern compiles"));
static LONE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d{1,3}$").expect("pattern compiles"));
static NUMBER_AND_TEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>\d{1,3})\s+(?P<t>\S.*)$").expect("pattern compiles"));

/// What a line of a block is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Token {
    /// A note's number, alone.
    Label(u32),
    /// A line of a note's text.
    Text(String),
}

/// Takes out every page's block of notes, from its rule to the end of the page, and
/// returns the other lines.
pub fn take(lines: Vec<Line>, notes: &mut Vec<Note>, warnings: &mut Vec<Warning>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut block: Vec<Line> = Vec::new();
    let mut in_notes: Option<usize> = None;
    for line in lines {
        if let Some(page) = in_notes {
            if line.page == page {
                block.push(line);
                continue;
            }
            read_block(&std::mem::take(&mut block), notes, warnings);
            in_notes = None;
        }
        if RULE.is_match(&line.text) {
            in_notes = Some(line.page);
            continue;
        }
        out.push(line);
    }
    if in_notes.is_some() {
        read_block(&block, notes, warnings);
    }
    out
}

/// The lines of a block as labels and texts, with the source line of each. Furniture
/// and blank lines are dropped; a number is a label when it is one of the next notes'.
fn tokens(block: &[Line], expected: u32) -> Vec<(Token, usize)> {
    let mut out = Vec::new();
    let mut next_attached = expected;
    for line in block {
        let text = line.text.trim();
        if text.is_empty() || furniture::is_furniture(text) {
            continue;
        }
        if LONE_NUMBER.is_match(text)
            && let Ok(n) = text.parse::<u32>()
            && (expected..expected + 100).contains(&n)
        {
            out.push((Token::Label(n), line.no));
            continue;
        }
        // A number on its text's line starts that note, in order, when the text starts
        // as a note does ("Ibid.", "A/50/426", "2010 Review Conference"), not as the
        // wrapped line of a range ("3 – 14 June 1992").
        if let Some(caps) = NUMBER_AND_TEXT.captures(text)
            && caps["n"].parse::<u32>().ok() == Some(next_attached)
            && !caps["t"].starts_with(|c: char| c.is_lowercase() || matches!(c, '–' | '—' | '-'))
        {
            out.push((Token::Label(next_attached), line.no));
            out.push((Token::Text(caps["t"].to_string()), line.no));
            next_attached += 1;
            continue;
        }
        out.push((Token::Text(text.to_string()), line.no));
    }
    out
}

fn ends_a_sentence(text: &str) -> bool {
    text.ends_with(['.', ')', '”', '"', ';', '。', '؛'])
}

/// How plausibly a note starts at text line `j`, given the lines before it and whether a
/// number stands right before it.
fn start_score(texts: &[(String, usize)], j: usize, anchored: bool, widest: usize) -> u32 {
    let text = &texts[j].0;
    let mut score = 0;
    if anchored {
        score += 4;
    }
    if text.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '“') {
        score += 1;
    }
    // The first line, when it is not sure to start a note, may go on with the note
    // before: it gets no bonus for its place.
    match j.checked_sub(1).map(|i| &texts[i].0) {
        None => {}
        Some(before) => {
            if ends_a_sentence(before) {
                score += 2;
            }
            if before.chars().count() * 10 < widest * 8 {
                score += 1;
            }
        }
    }
    score
}

/// Reads one block into notes: as many as it has numbers, cut where notes most
/// plausibly start. Lines before the first start continue the note before, from the
/// page before.
fn read_block(block: &[Line], notes: &mut Vec<Note>, warnings: &mut Vec<Warning>) {
    let expected = notes.last().map_or(1, |n| n.label + 1);
    let page = block.first().map_or(1, |l| l.page);
    let tokens = tokens(block, expected);
    let mut labels: Vec<(u32, usize)> = Vec::new();
    let mut texts: Vec<(String, usize)> = Vec::new();
    let mut anchored: Vec<bool> = Vec::new();
    let mut after_label = false;
    for (token, no) in tokens {
        match token {
            Token::Label(n) => {
                if !labels.iter().any(|(m, _)| *m == n) {
                    labels.push((n, no));
                }
                after_label = true;
            }
            Token::Text(t) => {
                texts.push((t, no));
                anchored.push(after_label);
                after_label = false;
            }
        }
    }
    labels.sort_unstable();
    if texts.is_empty() {
        return;
    }
    let widest = texts
        .iter()
        .map(|(t, _)| t.chars().count())
        .max()
        .unwrap_or(0);
    // The first line starts a note unless the note before, on the page before, is
    // unfinished.
    let may_continue = notes
        .last()
        .is_some_and(|n| !ends_a_sentence(n.text.trim()));
    let mut scored: Vec<(u32, usize)> = (0..texts.len())
        .map(|j| {
            let forced = j == 0 && !may_continue;
            let score = if forced {
                u32::MAX
            } else {
                start_score(&texts, j, anchored[j], widest)
            };
            (score, j)
        })
        .collect();
    // Best first; among equals, the earlier line.
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut starts: Vec<usize> = scored.iter().take(labels.len()).map(|&(_, j)| j).collect();
    starts.sort_unstable();
    let first_start = starts.first().copied().unwrap_or(texts.len());
    for (text, no) in &texts[..first_start] {
        match notes.last_mut() {
            Some(note) => push_text(note, text),
            None => warnings.push(Warning::new(
                *no,
                "a line under a footnote rule is not a footnote; it was dropped",
            )),
        }
    }
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(texts.len());
        let (label, label_line) = labels[k];
        let last = notes.last().map_or(0, |n| n.label);
        if label != last + 1 {
            warnings.push(Warning::new(
                label_line,
                format!("footnote {label} follows footnote {last}"),
            ));
        }
        let mut note = Note {
            label,
            text: String::new(),
            style: Style::Plain,
            line: texts[start].1,
            page,
        };
        for (text, _) in &texts[start..end] {
            push_text(&mut note, text);
        }
        notes.push(note);
    }
}

fn push_text(note: &mut Note, text: &str) {
    super::body::join_into(&mut note.text, text, &super::body::Hyphens::Keep);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn notes_of(text: &str) -> (Vec<(u32, String)>, Vec<String>) {
        let mut notes = Vec::new();
        let mut warnings = Vec::new();
        let rest = take(split(text), &mut notes, &mut warnings);
        (
            notes.into_iter().map(|n| (n.label, n.text)).collect(),
            rest.into_iter().map(|l| l.text).collect(),
        )
    }

    #[test]
    fn numbers_after_their_texts() {
        // A/RES/78/14, page 1 and 2, as pdftotext gives them.
        let (notes, rest) = notes_of(
            "Treaty as soon as possible;\n\n__________________\n\nA/50/426, annex.\nA/51/113-S/1996/276, annex.\n3\nS/PRST/1996/17; see Resolutions and Decisions of the Security Council, 1996 (S/INF/52).\n1\n2\n\n23-24429 (E)\n\n131223\n\n*2324429*\n\u{c}3.\nRecalls\n__________________\n4\n5\n\n2/2\n\nSee A/50/426, annex.\nUnited Nations, Treaty Series, vol. 729, No. 10485.\n23-24429\n\u{c}",
        );
        assert_eq!(
            notes,
            [
                (1, "A/50/426, annex.".to_string()),
                (2, "A/51/113-S/1996/276, annex.".to_string()),
                (
                    3,
                    "S/PRST/1996/17; see Resolutions and Decisions of the Security Council, 1996 (S/INF/52).".to_string()
                ),
                (4, "See A/50/426, annex.".to_string()),
                (5, "United Nations, Treaty Series, vol. 729, No. 10485.".to_string()),
            ]
        );
        assert_eq!(rest, ["Treaty as soon as possible;", "", "3.", "Recalls"]);
    }

    #[test]
    fn a_number_at_the_end_for_the_first_text_and_notes_over_lines() {
        // A/RES/78/30, page 2: note 2's number comes last.
        let (notes, _) = notes_of(
            "x\n\u{c}y\n__________________\n\nSee 1995 Review and Extension Conference of the Parties to the Treaty on the Non -Proliferation\nof Nuclear Weapons, Final Document, Part I (NPT/CONF.1995/32 (Part I) and\nNPT/CONF.1995/32 (Part I)/Corr.2), annex.\n3\n2000 Review Conference of the Parties to the Treaty on the Non -Proliferation of Nuclear\nWeapons, Final Document, vols. I–III (NPT/CONF.2000/28 (Parts I and II), NPT/CONF.2000/28\n(Part III) and NPT/CONF.2000/28 (Part IV)).\n4\nIbid., vol. I (NPT/CONF.2000/28 (Parts I and II)), part I.\n5\nIbid., section entitled “Article VI and eighth to twelfth preambular paragraphs”, para. 15.\n2\n\n2/3\n\n23-24539\n\u{c}",
        );
        let starts: Vec<(u32, &str)> = notes
            .iter()
            .map(|(n, t)| (*n, t.split(',').next().unwrap_or("")))
            .collect();
        assert_eq!(
            starts,
            [
                (
                    2,
                    "See 1995 Review and Extension Conference of the Parties to the Treaty on the Non -Proliferation of Nuclear Weapons"
                ),
                (
                    3,
                    "2000 Review Conference of the Parties to the Treaty on the Non -Proliferation of Nuclear Weapons"
                ),
                (4, "Ibid."),
                (5, "Ibid."),
            ]
        );
    }

    #[test]
    fn a_number_and_its_text_on_one_line() {
        let (notes, _) = notes_of(
            "x\n__________________\n\n1 A/50/426, annex.\n2 Official Records of the General Assembly, Seventy-eighth Session,\nSupplement No. 11 (A/78/11).\n3 2010 Review Conference.\n\u{c}",
        );
        assert_eq!(
            notes,
            [
                (1, "A/50/426, annex.".to_string()),
                (
                    2,
                    "Official Records of the General Assembly, Seventy-eighth Session, Supplement No. 11 (A/78/11).".to_string()
                ),
                (3, "2010 Review Conference.".to_string()),
            ]
        );
    }

    #[test]
    fn a_wrapped_line_that_starts_with_the_next_number_goes_on() {
        // A/RES/79/200, as a PDF is read.
        let (notes, _) = notes_of(
            "x\n__________________\n\n1 Resolution 70/1.\n2 Report of the United Nations Conference on Environment and Development, Rio de Janeiro,\n3 – 14 June 1992, vol. I, resolution 1, annex I.\n3 Ibid., annex II.\n\u{c}",
        );
        assert_eq!(
            notes,
            [
                (1, "Resolution 70/1.".to_string()),
                (
                    2,
                    "Report of the United Nations Conference on Environment and Development, Rio de Janeiro, 3 – 14 June 1992, vol. I, resolution 1, annex I.".to_string()
                ),
                (3, "Ibid., annex II.".to_string()),
            ]
        );
    }

    #[test]
    fn a_note_goes_on_from_the_page_before() {
        let (notes, _) = notes_of(
            "x\n__________________\n1\nSee the report of the\n\u{c}y\n__________________\nSecretary-General.\nIbid.\n2\n\u{c}",
        );
        assert_eq!(
            notes,
            [
                (1, "See the report of the Secretary-General.".to_string()),
                (2, "Ibid.".to_string())
            ]
        );
    }
}
