//! Footnotes: their texts are taken out of the flow of lines (from the foot of each page,
//! or from the end of the document), and their marks in the text become Markdown
//! references `[^N]`.
//!
//! A mark is a superscript number in a text as issued ("决议，¹ 其中"), bare digits stuck to
//! a word in a PDF extraction ("Child3", "Bodies,1"), digits after a space ("Weapons, 3
//! including"), or "1/" in old typescripts. Footnotes are numbered in reading order, so
//! each mark is searched after the one before it, first on the page that carries the
//! note's text.

use std::sync::LazyLock;

use regex::Regex;

use super::Warning;
use super::lines::Line;

/// How a footnote's mark is written in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// ¹ ² ³
    Superscript,
    /// Bare digits: "Bodies,1", "Weapons, 3".
    Plain,
    /// "1/" in typescripts.
    Slash,
    /// "(1)", as Arabic texts write marks.
    Parenthesized,
}

/// The text of one footnote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub label: u32,
    pub text: String,
    pub style: Style,
    /// Source line where the note's text starts.
    pub line: usize,
    pub page: usize,
}

static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^_{5,}$").expect("pattern compiles"));
static PLAIN_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>\d{1,3})(?:\s+(?P<t>.*))?$").expect("pattern compiles"));
/// A note at the end of an OCR text, where the space after the number may be missing or
/// a dot put in: "17See Official Records", "5. Ibid.", "33.One member".
static TRAILING_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>\d{1,3})(?:\.\s*|\s+)?(?P<t>[^\d\s.].*)$").expect("pattern compiles")
});
/// "(1) القرار 217 ألف (د-3).": a note as Arabic texts number it.
static PAREN_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\((?P<n>\d{1,3})\)\s*(?P<t>.*)$").expect("pattern compiles"));
static SLASH_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?P<n>\d{1,3})/\s+(?P<t>.*)$").expect("pattern compiles"));

const SUPERSCRIPTS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];

fn superscript_value(c: char) -> Option<u32> {
    SUPERSCRIPTS
        .iter()
        .position(|s| *s == c)
        .and_then(|i| u32::try_from(i).ok())
}

fn to_superscript(n: u32) -> String {
    n.to_string()
        .chars()
        .map(|d| SUPERSCRIPTS[d.to_digit(10).unwrap_or(0) as usize])
        .collect()
}

/// A line that starts a superscript-numbered note: "¹ 见《经济及社会理事会正式记录》".
fn superscript_start(text: &str) -> Option<(u32, &str)> {
    let digits: String = text
        .chars()
        .take_while(|c| superscript_value(*c).is_some())
        .collect();
    if digits.is_empty() {
        return None;
    }
    let n = digits
        .chars()
        .filter_map(superscript_value)
        .fold(0u32, |acc, d| acc * 10 + d);
    Some((n, text[digits.len()..].trim_start()))
}

fn push_text(note: &mut Note, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !note.text.is_empty() {
        super::body::join_into(&mut note.text, text, &super::body::Hyphens::Keep);
    } else {
        note.text.push_str(text);
    }
}

/// Takes out the notes that stand under a rule ("__________") at the foot of a page: from
/// the rule to the end of its page. A note continued from the page before starts its
/// block without a number.
pub fn take_ruled(
    lines: Vec<Line>,
    notes: &mut Vec<Note>,
    warnings: &mut Vec<Warning>,
) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut in_notes: Option<usize> = None;
    let mut after_blank = true;
    for line in lines {
        if let Some(page) = in_notes {
            if line.page == page {
                if line.is_blank() {
                    after_blank = true;
                    continue;
                }
                let expected = notes.last().map_or(1, |n| n.label + 1);
                let (start, style) = match PAREN_START.captures(&line.text) {
                    Some(caps) => (Some(caps), Style::Parenthesized),
                    None => (PLAIN_START.captures(&line.text), Style::Plain),
                };
                match start {
                    Some(caps)
                        if caps["n"].parse::<u32>().ok() == Some(expected)
                            || (after_blank && caps.name("t").is_some()) =>
                    {
                        let label: u32 = caps["n"].parse().unwrap_or(expected);
                        if label != expected {
                            warnings.push(Warning::new(
                                line.no,
                                format!("footnote {label} follows footnote {}", expected - 1),
                            ));
                        }
                        notes.push(Note {
                            label,
                            text: caps.name("t").map_or("", |t| t.as_str()).to_string(),
                            style,
                            line: line.no,
                            page: line.page,
                        });
                    }
                    _ => match notes.last_mut() {
                        Some(note) => push_text(note, &line.text),
                        None => warnings.push(Warning::new(
                            line.no,
                            "a line under a footnote rule is not a footnote; it was dropped",
                        )),
                    },
                }
                after_blank = false;
                continue;
            }
            in_notes = None;
        }
        if RULE.is_match(&line.text) {
            in_notes = Some(line.page);
            after_blank = true;
            continue;
        }
        out.push(line);
    }
    out
}

/// Takes out the notes whose lines start with a superscript number, wherever they stand,
/// with the lines that continue them up to the next blank line.
pub fn take_superscript(lines: Vec<Line>, notes: &mut Vec<Note>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut open = false;
    for line in lines {
        if let Some((label, text)) = superscript_start(&line.text) {
            notes.push(Note {
                label,
                text: text.to_string(),
                style: Style::Superscript,
                line: line.no,
                page: line.page,
            });
            open = true;
            continue;
        }
        if open && !line.is_blank() {
            if let Some(note) = notes.last_mut() {
                push_text(note, &line.text);
            }
            continue;
        }
        open = false;
        out.push(line);
    }
    out
}

/// Takes out the notes written "1/ S/1994/262." wherever they stand (typescripts put them
/// at the foot of each page).
pub fn take_slashed(lines: Vec<Line>, notes: &mut Vec<Note>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    let mut open = false;
    for line in lines {
        if let Some(caps) = SLASH_START.captures(&line.text) {
            let expected = notes.last().map_or(1, |n| n.label + 1);
            if caps["n"].parse::<u32>().ok() == Some(expected) {
                notes.push(Note {
                    label: expected,
                    text: caps["t"].to_string(),
                    style: Style::Slash,
                    line: line.no,
                    page: line.page,
                });
                open = true;
                continue;
            }
        }
        if open && !line.is_blank() && !super::furniture::is_furniture(&line.text) {
            if let Some(note) = notes.last_mut() {
                push_text(note, &line.text);
            }
            continue;
        }
        open = false;
        out.push(line);
    }
    out
}

/// Takes out the numbered notes at the end of a text, from the first line at or after
/// `from` that starts one: the first note may have any number, each next one the number
/// after it; other lines continue the note before.
pub fn take_trailing(lines: &mut Vec<Line>, from: usize, notes: &mut Vec<Note>) {
    let Some(first) = (from..lines.len()).find(|&i| TRAILING_START.is_match(&lines[i].text)) else {
        return;
    };
    let start = notes.len();
    for line in lines.drain(first..) {
        if line.is_blank() {
            continue;
        }
        let expected = notes[start..].last().map(|n| n.label + 1);
        let starts = TRAILING_START.captures(&line.text).and_then(|caps| {
            let n: u32 = caps["n"].parse().ok()?;
            let text = caps["t"].to_string();
            (expected.is_none() || expected == Some(n)).then_some((n, text))
        });
        match starts {
            Some((label, text)) => notes.push(Note {
                label,
                text,
                style: Style::Plain,
                line: line.no,
                page: line.page,
            }),
            None => {
                if let Some(note) = notes.last_mut() {
                    push_text(note, &line.text);
                }
            }
        }
    }
}

/// Where a run of notes starts at the end of a text that has no closing line to show
/// where the text ends: a block whose first line is a number and a word a note begins
/// with ("10 Ibid., …", "43 Document S/9988 …"), after which every line starts the
/// next note or continues one. A paragraph that lost its dot ("2 Requests …") is no
/// note.
pub fn trailing_start(lines: &[Line]) -> Option<usize> {
    const OPENERS: &[&str] = &[
        "Ibid",
        "See",
        "Official",
        "Document",
        "Documents",
        "Resolution",
        "United",
        "Adopted",
        "S/",
        "A/",
        "The draft",
        "One member",
        "Two members",
        "Three members",
        "Paragraph",
        "Supplement",
        "Report",
        "Letter",
    ];
    let candidates = (0..lines.len()).filter(|&i| {
        (i == 0 || lines[i - 1].is_blank())
            && PLAIN_START.captures(&lines[i].text).is_some_and(|c| {
                c.name("t")
                    .is_some_and(|t| OPENERS.iter().any(|o| t.as_str().starts_with(o)))
            })
    });
    for i in candidates {
        let mut label: Option<u32> = None;
        let consistent = lines[i..].iter().filter(|l| !l.is_blank()).all(|l| {
            match PLAIN_START
                .captures(&l.text)
                .and_then(|c| c["n"].parse::<u32>().ok())
            {
                Some(n) if label.is_none_or(|last| n == last + 1) => {
                    label = Some(n);
                    true
                }
                // A line that starts with another number continues a note ("1993,
                // document …"), unless it is a numbered paragraph.
                _ => !l.text.starts_with(|c: char| c.is_ascii_digit()) || !l.text.contains(". "),
            }
        });
        if consistent {
            return Some(i);
        }
    }
    None
}

/// Words after which a number is a reference, never a footnote mark ("paragraphs 3 and
/// 4", "resolution 5", "of 3").
const NEVER_AFTER: &[&str] = &[
    "paragraph",
    "paragraphs",
    "para",
    "paras",
    "subparagraph",
    "decision",
    "decisions",
    "article",
    "articles",
    "art",
    "no",
    "nos",
    "vol",
    "vols",
    "volume",
    "page",
    "pages",
    "p",
    "pp",
    "chapter",
    "chap",
    "section",
    "sect",
    "annex",
    "part",
    "rule",
    "rules",
    "item",
    "items",
    "table",
    "figure",
    "document",
    "dated",
    "per",
    "session",
    "and",
    "or",
    "to",
    "of",
    "from",
    "than",
    "by",
    "at",
    "in",
    "on",
    "under",
    "between",
    "over",
    "about",
    "with",
];

/// Words after which a number is usually part of a name ("Goal 6", "Action 18"), so a
/// mark after them is doubtful.
const NAME_BEFORE_NUMBER: &[&str] = &[
    "resolution",
    "resolutions",
    "goal",
    "goals",
    "target",
    "targets",
    "principle",
    "principles",
    "action",
    "actions",
    "step",
    "steps",
    "protocol",
    "phase",
    "level",
    "category",
    "recommendation",
    "recommendations",
    "objective",
    "commitment",
    "option",
    "the",
];

/// Words before which a number is usually a count ("3 abstentions").
const NOT_BEFORE: &[&str] = &[
    "per",
    "percent",
    "years",
    "year",
    "days",
    "day",
    "months",
    "weeks",
    "hours",
    "votes",
    "vote",
    "abstentions",
    "abstention",
    "members",
    "member",
    "states",
    "times",
    "million",
    "billion",
    "countries",
];

/// How sure a candidate is to be a mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// After a word that usually takes a number ("Goals 6 and", "Action 18 and"), or in
    /// what reads as a list of numbers ("under 5, 2 and"): taken only when nothing
    /// better is on the page.
    Doubtful,
    /// After a space: "Weapons, 3 including".
    Weak,
    /// Stuck to the word before: "Child3", "Bodies,1", "of 10 October 19904".
    Strong,
}

/// A place in a line where a mark may stand: bytes `start..end` are the mark, and
/// `space` bytes before it are the space to drop.
#[derive(Debug, Clone, Copy)]
struct Candidate {
    start: usize,
    end: usize,
    space: usize,
    strength: Strength,
}

fn word_before(text: &str) -> String {
    text.trim_end()
        .rsplit(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn word_after(text: &str) -> String {
    text.trim_start()
        .split(char::is_whitespace)
        .next()
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Whether a word ends with a year: "1949", "2021–2026".
fn ends_with_year(word: &str) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let n = chars.len();
    n >= 4
        && chars[n - 4..].iter().all(char::is_ascii_digit)
        && matches!(chars[n - 4..n - 2], ['1', '9'] | ['2', '0'])
        && (n == 4 || !chars[n - 5].is_ascii_digit())
}

/// Abbreviations and symbols whose digits are no mark: "A/78/L.1", "Add.1", "No.5".
static REFERENCE_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:/|\b(?:add|rev|corr|l|no|nos|vol|para|paras|art|p|pp|chap|sect|ch|c|e|s|a)\.$)",
    )
    .expect("pattern compiles")
});

/// "at its eighth session 47 for the": after a session named by its ordinal, a number
/// is no session number, so it may be a mark.
fn after_named_session(before: &str) -> bool {
    let mut words = before.rsplit(' ');
    words
        .next()
        .is_some_and(|w| w.eq_ignore_ascii_case("session"))
        && words.next().is_some_and(|w| {
            let w = w.to_lowercase();
            ["first", "second", "third", "th", "st", "nd", "rd"]
                .iter()
                .any(|o| w.ends_with(o))
                && w.chars().any(char::is_alphabetic)
        })
}

/// Where bare digits equal to `label` may be a mark in `text`, from byte `from` on.
fn plain_candidates(text: &str, from: usize, label: u32) -> Vec<Candidate> {
    static DIGITS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d+").expect("pattern compiles"));
    let wanted = label.to_string();
    DIGITS
        .find_iter(&text[from..])
        .filter_map(|m| plain_candidate(text, from + m.start(), from + m.end(), &wanted))
        .collect()
}

/// Whether the digits at `start..end` of `text` may be the mark `wanted`, and how likely.
fn plain_candidate(text: &str, start: usize, end: usize, wanted: &str) -> Option<Candidate> {
    // "resolution 31 (1947)", "1514 (XV)": a citation, not a mark.
    static CITED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s?\((?:\d{4}|(?:ES-|S-)?[IVXLC]+)\)").expect("pattern compiles")
    });
    let digits = &text[start..end];
    let after = &text[end..];
    let next_word = word_after(after);
    if goes_on(after)
        || CITED.is_match(after)
        || crate::model::months::EN.contains(&next_word.as_str())
    {
        return None;
    }
    // "3 abstentions", "18 States": a count, unless nothing better is there.
    let counted = NOT_BEFORE.contains(&next_word.as_str());
    // A mark stuck to a year: "of 10 October 19904", "2015–20303".
    if digits.len() > 4 && ends_with_year(&digits[..4]) && &digits[4..] == wanted {
        let word = word_before(&text[..start]);
        return (!matches!(word.as_str(), "no" | "nos" | "vol" | "vols")).then_some(Candidate {
            start: start + 4,
            end,
            space: 0,
            strength: Strength::Strong,
        });
    }
    if digits != wanted {
        return None;
    }
    let before = &text[..start];
    if stuck_to_text(before) {
        return Some(Candidate {
            start,
            end,
            space: 0,
            strength: Strength::Strong,
        });
    }
    // "Weapons, 3 including", "report 45 of", "1949 5 should".
    if !before.ends_with(' ') {
        return None;
    }
    let trimmed = before.trim_end();
    let strength = after_a_space(trimmed)?;
    Some(Candidate {
        start,
        end,
        space: before.len() - trimmed.len(),
        strength: if counted {
            Strength::Doubtful
        } else {
            strength
        },
    })
}

/// Digits that go on are part of a number or a word: "2.6", "1,000", "1st", "1/2".
fn goes_on(after: &str) -> bool {
    let mut chars = after.chars();
    match chars.next() {
        None => false,
        Some(c) if c.is_alphanumeric() => true,
        Some('/' | '%' | '-' | '–' | '(' | '[') => true,
        Some('.' | ',') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    }
}

/// A mark set right after a word or punctuation, as marks are: "weapons3", "Treaty,3".
fn stuck_to_text(before: &str) -> bool {
    let token = before.rsplit(char::is_whitespace).next().unwrap_or("");
    match before.chars().next_back() {
        Some(c) if c.is_alphabetic() => {
            // "G20", "SDG3" are names, "A/78/L12" a symbol.
            let letters: String = token.chars().filter(|c| c.is_alphabetic()).collect();
            let acronym = letters.chars().all(char::is_uppercase);
            !acronym && !token.contains('/')
        }
        Some('.') => {
            let before_dot = before[..before.len() - 1].chars().next_back();
            before_dot.is_some_and(|c| c.is_lowercase() || c == ')' || c == '”')
                && !REFERENCE_TOKEN.is_match(token)
        }
        Some(',' | ';' | ':' | ')' | '”' | '’' | '"' | ']' | '»') => true,
        _ => false,
    }
}

/// How likely digits after a space are a mark, by what stands before the space
/// (`trimmed`); `None` where they cannot be one.
fn after_a_space(trimmed: &str) -> Option<Strength> {
    let q = trimmed.chars().next_back()?;
    let prev_word = word_before(trimmed);
    if q.is_ascii_digit() {
        // After a year or a symbol: "of 12 August 1949 5 should", "2021–2026 3 to",
        // "S/8721 33 and"; after other numbers only when nothing better is there
        // ("S/4300 and Add.1 1 concerning").
        let token = trimmed.rsplit(' ').next().unwrap_or("");
        Some(if ends_with_year(token) || token.contains('/') {
            Strength::Weak
        } else {
            Strength::Doubtful
        })
    } else if q.is_alphabetic() {
        if NEVER_AFTER.contains(&prev_word.as_str()) && !after_named_session(trimmed) {
            None
        } else if NAME_BEFORE_NUMBER.contains(&prev_word.as_str()) {
            Some(Strength::Doubtful)
        } else {
            Some(Strength::Weak)
        }
    } else if matches!(q, ',' | ';' | ':' | '.' | ')' | ']' | '”' | '’' | '"') {
        // After punctuation; a year or a symbol may stand before it ("1949; 6",
        // "S/11473, 29"), but a short number makes a list ("3, 4 and 5").
        let listed = !prev_word.is_empty()
            && prev_word.len() <= 3
            && prev_word.chars().all(|c| c.is_ascii_digit());
        Some(if listed {
            Strength::Doubtful
        } else {
            Strength::Weak
        })
    } else {
        None
    }
}

fn marked_candidates(text: &str, from: usize, mark: &str, space_before: bool) -> Vec<Candidate> {
    text[from..]
        .match_indices(mark)
        .map(|(i, _)| from + i)
        .filter(|&start| {
            // "11/" must not be read as "1/".
            let before = text[..start].chars().next_back();
            !before.is_some_and(|c| c.is_ascii_digit() || (space_before && c == '/'))
        })
        .map(|start| {
            let trimmed = text[..start].trim_end();
            Candidate {
                start,
                end: start + mark.len(),
                space: start - trimmed.len(),
                strength: Strength::Strong,
            }
        })
        .collect()
}

fn candidates(text: &str, from: usize, note: &Note) -> Vec<Candidate> {
    match note.style {
        Style::Superscript => marked_candidates(text, from, &to_superscript(note.label), false)
            .into_iter()
            .filter(|c| {
                text[c.end..]
                    .chars()
                    .next()
                    .is_none_or(|n| superscript_value(n).is_none())
            })
            .collect(),
        Style::Slash => marked_candidates(text, from, &format!("{}/", note.label), true)
            .into_iter()
            .filter(|c| {
                text[c.end..]
                    .chars()
                    .next()
                    .is_none_or(|n| n.is_whitespace() || matches!(n, ',' | ';' | '.'))
            })
            .collect(),
        Style::Plain => plain_candidates(text, from, note.label),
        Style::Parenthesized => marked_candidates(text, from, &format!("({})", note.label), false)
            .into_iter()
            .map(|mut c| {
                // Stuck to the word before, as it should be; after a space, less sure.
                if c.space > 0 {
                    c.strength = Strength::Weak;
                }
                c
            })
            .collect(),
    }
}

/// A mark's place: line index and byte range in it.
#[derive(Debug, Clone, Copy)]
struct Found {
    line: usize,
    candidate: Candidate,
}

/// The best place for a note's mark at or after `cursor`, in the lines in scope: the
/// first strong candidate, else the first weak one, else the first doubtful one.
fn search(
    lines: &[Line],
    cursor: (usize, usize),
    note: &Note,
    in_scope: impl Fn(&Line) -> bool,
) -> Option<Found> {
    // The first candidate of each strength below the strongest.
    let mut weak: Option<Found> = None;
    let mut doubtful: Option<Found> = None;
    for (i, line) in lines.iter().enumerate().skip(cursor.0) {
        if !in_scope(line) {
            continue;
        }
        let from = if i == cursor.0 { cursor.1 } else { 0 };
        for candidate in candidates(&line.text, from, note) {
            let found = Found { line: i, candidate };
            match candidate.strength {
                Strength::Strong => return Some(found),
                Strength::Weak => {
                    weak.get_or_insert(found);
                }
                Strength::Doubtful => {
                    doubtful.get_or_insert(found);
                }
            }
        }
    }
    weak.or(doubtful)
}

/// The labels of the references `[^N]` in a text.
pub fn marks_in(text: &str) -> Vec<u32> {
    static REFERENCE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\[\^(\d+)\]").expect("pattern compiles"));
    REFERENCE
        .captures_iter(text)
        .filter_map(|c| c[1].parse().ok())
        .collect()
}

/// Replaces each note's mark in `lines` by `[^N]`, in the order of the notes. Returns the
/// notes whose mark was not found, with a warning for each.
pub fn place_marks(lines: &mut [Line], notes: &[Note], warnings: &mut Vec<Warning>) -> Vec<u32> {
    let paged = lines.iter().any(|l| l.page > 1);
    let mut cursor = (0usize, 0usize);
    let mut missing = Vec::new();
    for note in notes {
        let on_page = |l: &Line| !paged || l.page == note.page;
        let found = search(lines, cursor, note, on_page)
            .or_else(|| {
                // On another page, only a mark that cannot be anything else.
                paged
                    .then(|| search(lines, cursor, note, |_| true))
                    .flatten()
                    .filter(|f| f.candidate.strength == Strength::Strong)
            })
            .or_else(|| {
                // Volumes number notes by their page, not always in the order of one
                // resolution's text: look before the last mark too, for a clear one.
                search(lines, (0, 0), note, on_page)
                    .filter(|f| f.candidate.strength > Strength::Doubtful)
            });
        let Some(Found { line, candidate }) = found else {
            warnings.push(Warning::new(
                note.line,
                format!(
                    "footnote {}: its mark was not found in the text; the note is kept at the end",
                    note.label
                ),
            ));
            missing.push(note.label);
            continue;
        };
        let text = &mut lines[line].text;
        let reference = format!("[^{}]", note.label);
        let start = candidate.start - candidate.space;
        text.replace_range(start..candidate.end, &reference);
        cursor = (line, start + reference.len());
    }
    missing
}

/// Printed volumes repeat a note's mark for each document it covers ("S/8616, 32
/// S/8617, 32 S/8721 33"). Once every note is placed, a further clear mark of a note
/// before the next note's mark, within a few lines, is a reference to it too.
pub fn place_repeated_marks(lines: &mut [Line], notes: &[Note]) {
    const REACH: usize = 3;
    let placed = |lines: &[Line], label: u32| {
        let reference = format!("[^{label}]");
        lines
            .iter()
            .enumerate()
            .find_map(|(i, l)| l.text.find(&reference).map(|at| (i, at + reference.len())))
    };
    for (k, note) in notes.iter().enumerate() {
        let Some(mut cursor) = placed(lines, note.label) else {
            continue;
        };
        let next = notes.get(k + 1).and_then(|n| placed(lines, n.label));
        let last_line = (cursor.0 + REACH).min(lines.len().saturating_sub(1));
        while let Some(found) = search(lines, cursor, note, |_| true) {
            let before_next = next.is_none_or(|n| (found.line, found.candidate.start) < n);
            if found.candidate.strength < Strength::Weak || found.line > last_line || !before_next {
                break;
            }
            let reference = format!("[^{}]", note.label);
            let start = found.candidate.start - found.candidate.space;
            lines[found.line]
                .text
                .replace_range(start..found.candidate.end, &reference);
            cursor = (found.line, start + reference.len());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn note(label: u32, style: Style, page: usize) -> Note {
        Note {
            label,
            text: String::new(),
            style,
            line: 0,
            page,
        }
    }

    fn mark(text: &str, labels: &[u32], style: Style) -> String {
        let mut lines = split(text);
        let notes: Vec<Note> = labels.iter().map(|l| note(*l, style, 1)).collect();
        let mut warnings = Vec::new();
        place_marks(&mut lines, &notes, &mut warnings);
        lines
            .iter()
            .map(|l| l.text.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    }

    #[test]
    fn digits_stuck_to_words_are_marks() {
        assert_eq!(
            mark(
                "Recalling the Declaration,1 the Covenant,2 the Convention on the Rights of\nthe Child3 and the Convention on Disabilities, 4",
                &[1, 2, 3, 4],
                Style::Plain
            ),
            "Recalling the Declaration,[^1] the Covenant,[^2] the Convention on the Rights of\nthe Child[^3] and the Convention on Disabilities,[^4]"
        );
    }

    #[test]
    fn spaced_marks_lose_their_space() {
        assert_eq!(
            mark(
                "Non-Proliferation of Nuclear Weapons, 3  including, in particular",
                &[3],
                Style::Plain
            ),
            "Non-Proliferation of Nuclear Weapons,[^3] including, in particular"
        );
        assert_eq!(
            mark(
                "Convention of 12 August 1949 5 should be complied with",
                &[5],
                Style::Plain
            ),
            "Convention of 12 August 1949[^5] should be complied with"
        );
    }

    #[test]
    fn a_mark_after_a_session_named_by_its_ordinal() {
        // A/RES/78/69: "established pursuant to the decision of the Authority at its
        // eighth session 47 for the".
        assert!(after_named_session("the Authority at its eighth session"));
        assert!(after_named_session("at its seventy-eighth session"));
        assert!(!after_named_session("the Assembly at session"));
        assert!(!after_named_session("at its eighth meeting"));
    }

    #[test]
    fn numbers_that_are_no_marks_are_left_alone() {
        let text = "paragraphs 3 and 4 of resolution 5, adopted on 4 December 2023 by 3 votes, A/78/L.1 and G20";
        assert_eq!(mark(text, &[3], Style::Plain), text);
        assert_eq!(mark(text, &[1], Style::Plain), text);
        assert_eq!(mark(text, &[20], Style::Plain), text);
        assert_eq!(
            mark("2.6 billion people", &[2], Style::Plain),
            "2.6 billion people"
        );
    }

    #[test]
    fn strong_marks_win_over_earlier_weak_ones() {
        assert_eq!(
            mark(
                "in the report 2 of which the Treaty,2 says",
                &[2],
                Style::Plain
            ),
            "in the report 2 of which the Treaty,[^2] says"
        );
    }

    #[test]
    fn marks_stuck_to_a_year() {
        assert_eq!(
            mark("the report of 10 October 19904 or", &[4], Style::Plain),
            "the report of 10 October 1990[^4] or"
        );
        assert_eq!(
            mark("the Sendai Framework 2015–20303 in", &[3], Style::Plain),
            "the Sendai Framework 2015–2030[^3] in"
        );
        assert_eq!(
            mark(
                "the Lausanne Action Plan 2021–2026 3  to support",
                &[3],
                Style::Plain
            ),
            "the Lausanne Action Plan 2021–2026[^3] to support"
        );
        assert_eq!(
            mark("Treaty Series, No. 19881", &[1], Style::Plain),
            "Treaty Series, No. 19881"
        );
    }

    #[test]
    fn doubtful_marks_are_taken_only_when_nothing_better_is_there() {
        assert_eq!(
            mark(
                "the Sustainable Development Goals 6 and to make",
                &[6],
                Style::Plain
            ),
            "the Sustainable Development Goals[^6] and to make"
        );
        assert_eq!(
            mark("Goals 6 and the Agenda,6 of", &[6], Style::Plain),
            "Goals 6 and the Agenda,[^6] of"
        );
    }

    #[test]
    fn marks_out_of_order_are_found_before_the_last_one() {
        assert_eq!(
            mark(
                "the report in Palestine 5 which deal with Israel,4 and",
                &[4, 5],
                Style::Plain
            ),
            "the report in Palestine[^5] which deal with Israel,[^4] and"
        );
        assert_eq!(
            mark("of the Congo, 21 22", &[21, 22], Style::Plain),
            "of the Congo,[^21][^22]"
        );
    }

    #[test]
    fn parenthesized_marks_as_arabic_writes_them() {
        assert_eq!(
            mark(
                "إذ تشير إلى الإعلان العالمي لحقوق الإنسان(1)، والعهد الدولي(2)،",
                &[1, 2],
                Style::Parenthesized
            ),
            "إذ تشير إلى الإعلان العالمي لحقوق الإنسان[^1]، والعهد الدولي[^2]،"
        );
    }

    #[test]
    fn repeated_marks_of_a_volume_all_refer_to_their_note() {
        let mut lines = split(
            "in documents S/8616, 32 S/8617, 32 S/8721 33 and S/8724, 33\nof the Council 32 times",
        );
        let notes = vec![note(32, Style::Plain, 1), note(33, Style::Plain, 1)];
        let mut warnings = Vec::new();
        place_marks(&mut lines, &notes, &mut warnings);
        place_repeated_marks(&mut lines, &notes);
        assert_eq!(
            lines[0].text,
            "in documents S/8616,[^32] S/8617,[^32] S/8721[^33] and S/8724,[^33]"
        );
        assert_eq!(lines[1].text, "of the Council 32 times");
    }

    #[test]
    fn superscript_and_slash_marks() {
        assert_eq!(
            mark("第 22/8 号决议，¹ 其中", &[1], Style::Superscript),
            "第 22/8 号决议，[^1] 其中"
        );
        assert_eq!(
            mark(
                "of 4 March 1994 1/ on his mission, S/11/ and 11/",
                &[1],
                Style::Slash
            ),
            "of 4 March 1994[^1] on his mission, S/11/ and 11/"
        );
    }

    #[test]
    fn marks_follow_the_order_of_notes() {
        // Mark 2 cannot come before mark 1.
        assert_eq!(
            mark("Treaty,2 then Charter,1 then Pact,2", &[1, 2], Style::Plain),
            "Treaty,2 then Charter,[^1] then Pact,[^2]"
        );
    }

    #[test]
    fn ruled_notes_are_taken_from_the_foot_of_the_page() {
        let text = "text,1 \n__________________ \n \n1  See United Nations, \nTreaty Series. \n \n2  Ibid. \n\nA/RES/1/1 \n \n1/2 \n \nmore \n";
        let mut notes = Vec::new();
        let mut warnings = Vec::new();
        let lines = take_ruled(split(text), &mut notes, &mut warnings);
        let rest: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(rest, ["text,1", "A/RES/1/1", "", "1/2", "", "more"]);
        assert_eq!(notes.len(), 2);
        assert_eq!(notes[0].text, "See United Nations, Treaty Series.");
        assert_eq!(notes[1].label, 2);
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_run_of_notes_ends_a_text_without_a_closing() {
        let lines = split(
            "4. Decides.\n\n5. Decides to maintain the matter.\n\n\n43 Document S/9988, incorporated in the record of the\n1558th meeting.\n44 Ibid.\n",
        );
        assert_eq!(trailing_start(&lines), Some(5));
        let lines = split("1. Decides.\n\n2 Requests the Secretary-General to report.\n");
        assert_eq!(trailing_start(&lines), None);
    }

    #[test]
    fn a_note_continued_on_the_next_page_stays_one_note() {
        let text = "text,1 \n__________________ \n \n1  See the Final Document of the \n \n\nA/RES/1/1 \n \n2/2 \n \nmore text,2 \n__________________ \n \nConference, part I. \n \n2  Ibid. \n \n \n \n \n";
        let mut notes = Vec::new();
        let mut warnings = Vec::new();
        take_ruled(split(text), &mut notes, &mut warnings);
        let got: Vec<(u32, &str)> = notes.iter().map(|n| (n.label, n.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (1, "See the Final Document of the Conference, part I."),
                (2, "Ibid.")
            ]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn trailing_notes_tolerate_ocr() {
        let mut lines = split(
            "Adopted at the 408th meeting.\n\n17See Official Records,\nSupplement.\n18. Ibid.\n",
        );
        let mut notes = Vec::new();
        take_trailing(&mut lines, 1, &mut notes);
        let got: Vec<(u32, &str)> = notes.iter().map(|n| (n.label, n.text.as_str())).collect();
        assert_eq!(
            got,
            [(17, "See Official Records, Supplement."), (18, "Ibid.")]
        );
    }

    #[test]
    fn trailing_notes_run_in_sequence() {
        let mut lines = split(
            "Adopted at the 2nd meeting. 22\n\n22 Adopted without vote.\n23 Ibid., document\n1993, S/1.\n",
        );
        let mut notes = Vec::new();
        take_trailing(&mut lines, 1, &mut notes);
        assert_eq!(lines.len(), 2);
        let got: Vec<(u32, &str)> = notes.iter().map(|n| (n.label, n.text.as_str())).collect();
        assert_eq!(
            got,
            [
                (22, "Adopted without vote."),
                (23, "Ibid., document 1993, S/1.")
            ]
        );
    }
}
