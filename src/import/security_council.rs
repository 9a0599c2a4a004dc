//! The metadata of a Security Council resolution, which its text carries differently
//! from the General Assembly's: a heading ("Resolution 237 (1967) of 14 June 1967",
//! "74 (1949). Resolution of 16 September 1949", "RESOLUTION 860 (1993) Adopted by the
//! Security Council at its 3270th meeting, on 27 August 1993") and a closing line
//! ("Adopted unanimously at the 1361st meeting.", "Adopted at the 1563rd meeting by
//! 11 votes to none, with 4 abstentions").

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::Warning;
use super::conventions;
use super::dates::find_date;
use super::lines::Line;
use crate::model::{Lang, Vote};

/// What the heading of a Security Council resolution says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub number: u32,
    /// The year in brackets, when the heading has one ("(1967)").
    pub year: Option<u16>,
    pub adopted: Option<Date>,
    /// The meeting, when the heading names it (from 1992 on).
    pub meeting: Option<u32>,
    /// "Distr.: General" and the date under it, on the covers of the 1990s.
    pub distribution: Option<&'static str>,
    pub issued: Option<Date>,
    /// The line of the heading, for warnings.
    pub line: usize,
    /// Lines before the heading that are not a cover: text of another decision that the
    /// source printed on the same page.
    pub dropped: Option<Range<usize>>,
    /// Index of the heading line.
    pub index: usize,
    /// Index of the first line of the body.
    pub body_start: usize,
}

static RESOLUTION_N: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^resolution\s+(?P<n>\d{1,4})(?:\s*\((?P<y>[\d\s-]{4,6})\))?\s*\.?(?:\s+(?P<d>(?:of|on)\s.*))?$")
        .expect("pattern compiles")
});
static N_RESOLUTION_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<n>\d{1,4})\s*\((?P<y>\d{4})\)\s*\.?\s*Resolution\s+of\s+(?P<d>.*)$")
        .expect("pattern compiles")
});
/// The draft's symbol under an old heading, as OCR left it: "[S/1393]", "(S/525, I]",
/// "[S/1045}", "[8/4357]".
static DRAFT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\[(]\s*[S8]\s*/[^\])}]*[\])}]+$").expect("pattern compiles"));
static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bat\s+(?:the|its)\s+(?:resumed\s+)?(?P<m>\d+(?:\s\d+)?)\s*(?P<s>st|nd|rd|th|d)?[a-z]?\s*\.?\s*meet",
    )
    .expect("pattern compiles")
});

/// Whether a text is a Security Council resolution: it has a council heading or the
/// chapeau "The Security Council,".
pub fn is_council(lines: &[Line], lang: Lang) -> bool {
    let chapeau = &conventions::of(lang).council_chapeau;
    lines.iter().take(60).any(|l| {
        N_RESOLUTION_OF.is_match(&l.text)
            || RESOLUTION_N.is_match(&l.text)
            || chapeau.is_match(&l.text)
    })
}

fn year(text: &str) -> Option<u16> {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    (digits.len() == 4).then(|| digits.parse().ok()).flatten()
}

/// A meeting number as the text prints it, mending OCR: "283 1st" is 2831, and
/// "18522nd" (the suffix's digit read twice) is 1852.
fn meeting_number(digits: &str, suffix: Option<&str>) -> Option<u32> {
    let joined: String = digits.chars().filter(char::is_ascii_digit).collect();
    let n: u32 = joined.parse().ok()?;
    let repeated = match suffix {
        Some("st") => n % 10 == 1,
        Some("nd") => n % 10 == 2,
        Some("rd") => n % 10 == 3,
        _ => false,
    };
    Some(if n >= 10_000 && repeated { n / 10 } else { n })
}

/// The meeting named in a text ("at the 1361st meeting"), or failing that, an ordinal
/// standing alone ("Adopted at the meeting. 1504th").
pub fn meeting(text: &str) -> Option<u32> {
    static LONE_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?P<m>\d{2,5})(?P<s>st|nd|rd|th)\b").expect("pattern compiles")
    });
    let caps = MEETING
        .captures(text)
        .or_else(|| LONE_ORDINAL.captures(text))?;
    meeting_number(&caps["m"], caps.name("s").map(|s| s.as_str()))
}

/// Reads the heading. `None` when the text has none.
pub fn read_heading(lines: &[Line], lang: Lang, warnings: &mut Vec<Warning>) -> Option<Heading> {
    let (index, number, year_text, rest) = heading_line(lines)?;
    let (text, body_start) = heading_text(lines, index, rest, lang);
    let year_text_value = year_text.as_deref().and_then(year);
    let adopted = find_date(&text).map(|(d, _)| d).or_else(|| {
        let damaged = super::dates::find_damaged_date(&text, year_text_value)?;
        warnings.push(Warning::new(
            lines[index].no,
            format!(
                "the adoption date is misprinted (\"{}\"); it is read as {damaged}",
                text.trim()
            ),
        ));
        Some(damaged)
    });
    // Before the heading: a cover ("Distr.: General"), or text that is not this
    // resolution's.
    let before = &lines[..index];
    let (distribution, issued) = cover(before);
    let has_text = before.iter().any(|l| !l.is_blank());
    let dropped = (distribution.is_none() && has_text).then_some(0..index);
    if let Some(range) = &dropped {
        warnings.push(Warning::new(
            lines[range.start].no,
            format!(
                "lines {}–{}, before the heading, were dropped: they are not part of this resolution's text",
                lines[range.start].no,
                lines[range.end - 1].no
            ),
        ));
    }
    Some(Heading {
        number,
        year: year_text_value,
        adopted,
        meeting: meeting(&text),
        distribution,
        issued,
        line: lines[index].no,
        dropped,
        index,
        body_start,
    })
}

/// The heading line: its index, the resolution's number, the year as written, and the
/// rest of the line.
fn heading_line(lines: &[Line]) -> Option<(usize, u32, Option<String>, String)> {
    lines.iter().enumerate().find_map(|(i, l)| {
        if let Some(c) = N_RESOLUTION_OF.captures(&l.text) {
            return Some((
                i,
                c["n"].parse().ok()?,
                Some(c["y"].to_string()),
                c["d"].to_string(),
            ));
        }
        RESOLUTION_N.captures(&l.text).and_then(|c| {
            let rest = c
                .name("d")
                .map_or(String::new(), |d| d.as_str().to_string());
            Some((
                i,
                c["n"].parse().ok()?,
                c.name("y").map(|y| y.as_str().to_string()),
                rest,
            ))
        })
    })
}

/// The date and meeting stand on the heading line or the lines after it, up to the
/// chapeau or the first paragraph: their text, and the line where the body starts.
fn heading_text(lines: &[Line], index: usize, rest: String, lang: Lang) -> (String, usize) {
    let chapeau = &conventions::of(lang).council_chapeau;
    let mut text = rest;
    let mut body_start = index + 1;
    for (j, line) in lines.iter().enumerate().skip(index + 1).take(6) {
        let t = line.text.as_str();
        if chapeau.is_match(t) {
            body_start = j;
            break;
        }
        let belongs = t.is_empty()
            || DRAFT.is_match(t)
            || t.to_lowercase().starts_with("of ")
            || t.to_lowercase().starts_with("on ")
            || t.starts_with("Adopted by")
            || (t.contains("meeting") && t.split_whitespace().count() <= 8)
            || (find_date(t).is_some() && t.split_whitespace().count() <= 5);
        if !belongs {
            body_start = j;
            break;
        }
        text.push(' ');
        text.push_str(t);
        body_start = j + 1;
    }
    (text, body_start)
}

/// The distribution and the date of issue on a cover before the heading.
fn cover(before: &[Line]) -> (Option<&'static str>, Option<jiff::civil::Date>) {
    let before_text: Vec<&str> = before.iter().map(|l| l.text.as_str()).collect();
    let distribution = before_text
        .iter()
        .find_map(|t| conventions::distribution(t))
        .or_else(|| {
            // "Distr." and "GENERAL" on two lines.
            before_text
                .windows(2)
                .find(|w| w[0].starts_with("Distr") && w[1].eq_ignore_ascii_case("general"))
                .map(|_| "General")
        });
    let issued = distribution.and_then(|_| {
        before_text
            .iter()
            .skip_while(|t| !t.contains("Distr"))
            .find_map(|t| {
                super::dates::whole_date(t).or_else(|| {
                    // "S/RES/902 (1994) 11 March 1994" on one line.
                    find_date(t)
                        .filter(|_| t.contains("Distr") || t.starts_with("S/RES"))
                        .map(|(d, _)| d)
                })
            })
    });
    (distribution, issued)
}

/// How the closing line says the Council adopted the resolution.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Closing {
    pub meeting: Option<u32>,
    pub vote: Option<Vote>,
    pub unanimous: bool,
    pub consensus: bool,
    /// The lines it takes.
    pub lines: Range<usize>,
}

static ADOPTED: LazyLock<Regex> =
    // OCR reads "Adopted" as "Adapted" now and then; one volume prints "Approved
    // unanimously" (663 (1990)), with its capital: "approved by resolution 782 (1992)"
    // starts a line inside a paragraph.
    LazyLock::new(|| Regex::new(r"^(?:(?i:ad[oa]pted)|Approved)\b").expect("pattern compiles"));
static UNANIMOUSLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bunanimously\b").expect("pattern compiles"));
static WITHOUT_VOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bwithout\s+(?:a\s+)?v[ao]te\b").expect("pattern compiles"));
static CONSENSUS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bby\s+consensus\b").expect("pattern compiles"));
static VOTES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bby\s+(?P<f>\d+|[Il]|[a-z]+)\s+votes?\s+t[oa]\s+(?P<a>\d+|none|[Il]|[a-z]+)\b",
    )
    .expect("pattern compiles")
});
static ABSTENTIONS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bwith\s+(?P<n>\d+|[Il]|[a-z]+)\s+abstentions?\b").expect("pattern compiles")
});

/// A count as the closing writes it: digits, a word, "none", or OCR's "I" for 1.
fn count(word: &str) -> Option<u32> {
    const WORDS: [&str; 16] = [
        "none", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen",
    ];
    if let Ok(n) = word.parse() {
        return Some(n);
    }
    if word == "I" || word == "l" {
        return Some(1);
    }
    let lower = word.to_lowercase();
    if lower == "no" {
        return Some(0);
    }
    WORDS
        .iter()
        .position(|w| *w == lower)
        .and_then(|i| u32::try_from(i).ok())
}

/// Reads a closing text ("Adopted at the 1563rd meeting by 11 votes to none, with 4
/// abstentions (France, …).").
pub fn read_closing_text(text: &str) -> Closing {
    let mut out = Closing {
        meeting: meeting(text),
        unanimous: UNANIMOUSLY.is_match(text),
        consensus: CONSENSUS.is_match(text),
        ..Closing::default()
    };
    if WITHOUT_VOTE.is_match(text) {
        out.vote = Some(Vote::WithoutAVote);
    } else if let Some(caps) = VOTES.captures(text) {
        let in_favour = count(&caps["f"]);
        let against = count(&caps["a"]);
        let rest = &text[caps.get(0).map_or(0, |m| m.end())..];
        let abstentions = match ABSTENTIONS.captures(rest) {
            Some(a) => count(&a["n"]),
            None => Some(0),
        };
        if let (Some(in_favour), Some(against), Some(abstentions)) =
            (in_favour, against, abstentions)
        {
            out.vote = Some(Vote::Recorded {
                in_favour,
                against,
                abstentions,
            });
        }
    }
    out
}

/// Finds the closing: the last paragraph, from `from` on, that starts with "Adopted" (or
/// "Approved").
pub fn find_closing(lines: &[Line], from: usize) -> Option<Closing> {
    let is_closing = |i: usize| {
        ADOPTED.is_match(&lines[i].text)
            && !lines[i]
                .text
                .starts_with("Adopted by the Security Council at its")
    };
    let last = (from..lines.len()).rev().find(|&i| is_closing(i))?;
    let mut start = last;
    // A closing line printed twice: the first copy starts the closing.
    while let Some(earlier) = (start.saturating_sub(3)..start)
        .rev()
        .find(|&i| !lines[i].is_blank())
        .filter(|&i| i >= from && is_closing(i))
    {
        start = earlier;
    }
    let block_end = |from: usize| {
        (from..lines.len())
            .find(|&i| lines[i].is_blank())
            .unwrap_or(lines.len())
    };
    let read = |range: Range<usize>| {
        let mut text = String::new();
        for l in &lines[range] {
            // "meet-" + "ing": the closing is read, not printed, so any hyphen may go.
            if text.ends_with('-') {
                text.pop();
                text.push_str(&l.text);
            } else {
                super::body::join_into(&mut text, &l.text, &super::body::Hyphens::Keep);
            }
        }
        text
    };
    let mut end = block_end(last);
    // OCR sometimes puts the meeting in a block of its own: "Adopted unanimously at the"
    // … "2351st meeting."
    if MEETING.find(&read(start..end)).is_none()
        && let Some(next) = (end..lines.len()).find(|&i| !lines[i].is_blank())
    {
        let next_end = block_end(next);
        let next_text = read(next..next_end);
        if next_text.split_whitespace().count() <= 3 && ORDINAL.is_match(&next_text) {
            end = next_end;
        }
    }
    Some(Closing {
        lines: start..end,
        ..read_closing_text(&read(start..end))
    })
}

static ORDINAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\d[\d ]*(?:st|nd|rd|th|d)").expect("pattern compiles"));

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn heading(text: &str) -> (Heading, Vec<Warning>) {
        let lines = split(text);
        let mut w = Vec::new();
        (read_heading(&lines, Lang::En, &mut w).expect("heading"), w)
    }

    #[test]
    fn the_three_heading_forms() {
        let (h, w) = heading("Resolution 237 (1967)\nof 14 June 1967\n\nThe Security Council,\n");
        assert!(w.is_empty());
        assert_eq!((h.number, h.year, h.body_start), (237, Some(1967), 3));
        assert_eq!(h.adopted.unwrap().to_string(), "1967-06-14");

        let (h, _) = heading(
            "74 (1949). Resolution of 16 September 1949\n[S/1393]\nThe Security Council,\n",
        );
        assert_eq!((h.number, h.year, h.body_start), (74, Some(1949), 2));
        assert_eq!(h.adopted.unwrap().to_string(), "1949-09-16");

        let (h, _) = heading(
            "RESOLUTION 860 (1993)\n\nAdopted by the Security Council at its 3270th meeting,\non 27 August 1993\n\nThe Security Council,\n",
        );
        assert_eq!((h.number, h.meeting), (860, Some(3270)));
        assert_eq!(h.adopted.unwrap().to_string(), "1993-08-27");
    }

    #[test]
    fn misread_draft_symbols_belong_to_the_heading() {
        for draft in [
            "[S/1393]",
            "(S/525, I]",
            "[S/1045}",
            "[8/4357]",
            "[S/4426]}",
            "(S/2174)",
        ] {
            let (h, _) = heading(&format!(
                "30 (1947). Resolution of 25 August 1947\n{draft}\nWhereas the Council\n"
            ));
            assert_eq!(h.body_start, 2, "{draft}");
        }
    }

    #[test]
    fn text_before_the_heading_is_dropped_and_a_cover_is_read() {
        let (h, w) = heading(
            "the Council decided to invite\nAngola.\n\nResolution 851 (1993)\nof 15 July 1993\n\nThe Security Council,\n",
        );
        assert_eq!(h.dropped, Some(0..3));
        assert_eq!(w.len(), 1);
        let (h, w) = heading(
            "United Nations S/RES/1445 (2002)\n\nSecurity Council Distr.: General\n4 December 2002\n\n\nResolution 1445 (2002)\n\nAdopted by the Security Council at its 4653rd meeting,\non 4 December 2002\n\nThe Security Council,\n",
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(h.dropped, None);
        assert_eq!(h.distribution, Some("General"));
        assert_eq!(h.issued.unwrap().to_string(), "2002-12-04");
    }

    #[test]
    fn closings_give_the_meeting_and_the_vote() {
        let c = read_closing_text("Adopted unanimously at the 1361st meeting.");
        assert_eq!((c.meeting, c.unanimous, c.vote), (Some(1361), true, None));
        let c = read_closing_text(
            "Adopted at the 1563rd meeting by 11 votes to none, with 4 abstentions (France, Spain).",
        );
        assert_eq!(
            c.vote,
            Some(Vote::Recorded {
                in_favour: 11,
                against: 0,
                abstentions: 4
            })
        );
        let c = read_closing_text(
            "Adopted at the 765th meeting by 10 votes to none, with I abstention (Union of Soviet Socialist Republics).",
        );
        assert_eq!(
            c.vote,
            Some(Vote::Recorded {
                in_favour: 10,
                against: 0,
                abstentions: 1
            })
        );
        let c = read_closing_text("Adopted at the 2080th meeting by 14 votes to none. 49");
        assert_eq!(
            c.vote,
            Some(Vote::Recorded {
                in_favour: 14,
                against: 0,
                abstentions: 0
            })
        );
        let c = read_closing_text("Adopted without a vote at the 3007th meeting.");
        assert_eq!((c.meeting, c.vote), (Some(3007), Some(Vote::WithoutAVote)));
        let c = read_closing_text("Adopted at the 2100th meeting by consensus.");
        assert_eq!((c.consensus, c.vote), (true, None));
        let c = read_closing_text(
            "Adopted at the 40th meeting by 10 votes (Union of Soviet Socialist Republics, absent).",
        );
        assert_eq!((c.meeting, c.vote), (Some(40), None));
    }

    #[test]
    fn ocr_meeting_numbers_are_mended() {
        assert_eq!(
            meeting("Adopted unanimously at the 283 1st meeting."),
            Some(2831)
        );
        assert_eq!(
            meeting("Adopted at the 18522nd meeting by consensus."),
            Some(1852)
        );
    }

    #[test]
    fn a_meeting_in_a_block_of_its_own_belongs_to_the_closing() {
        let lines = split(
            "1. Decides.\n\nAdopted unanimously at the\n\n2351st meeting.\n\n\n63 Document S/14361.\n",
        );
        let c = find_closing(&lines, 0).unwrap();
        assert_eq!((c.meeting, c.unanimous, c.lines), (Some(2351), true, 2..5));
        assert_eq!(
            meeting("Adopted unanimously at the 2729the meeting"),
            Some(2729)
        );
    }

    #[test]
    fn approved_unanimously_is_a_closing_too() {
        // The end of S_RES_0663_1990_EN_GOLD.txt (Liechtenstein's admission).
        let lines = split(
            "Recommends to the General Assembly that the Principality of Liechtenstein be admitted to membership in the\nUnited Nations.\n\nApproved unanimously at the\n2936th meeting.\n\n\n122 Official Records of the Security Council, Forty-fifth Year, Supplement for July, August and September 1990, document S/21486.\n",
        );
        let c = find_closing(&lines, 0).unwrap();
        assert_eq!((c.meeting, c.unanimous, c.lines), (Some(2936), true, 3..5));
    }

    #[test]
    fn a_closing_printed_twice_is_one_closing() {
        let lines = split(
            "3. Decides to remain seized of the matter.\nAdopted unanimously at the 3299th meeting.\n\nAdopted unanimously at the 3299th meeting.\n",
        );
        let c = find_closing(&lines, 0).unwrap();
        assert_eq!((c.meeting, c.lines), (Some(3299), 1..4));
    }

    #[test]
    fn the_closing_is_the_last_adopted_paragraph() {
        let lines =
            split("1. Decides.\n\nAdopted at the 1514th meet-\ning.\n\n31 Adopted without vote.\n");
        let c = find_closing(&lines, 0).unwrap();
        assert_eq!((c.meeting, c.lines), (Some(1514), 2..4));
    }
}
