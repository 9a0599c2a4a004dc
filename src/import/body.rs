//! The body: lines joined back into paragraphs, each paragraph given its role (chapeau,
//! preambular, operative, sub-paragraph, heading), and the whole written as Markdown.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;

use super::lines::Line;
use super::openers;
use crate::model::Lang;

/// What to do with a hyphen at the end of a line.
#[derive(Debug, Clone)]
pub enum Hyphens {
    /// Born-digital UN documents break lines only at real hyphens: "non-nuclear-" +
    /// "weapon" is "non-nuclear-weapon".
    Keep,
    /// Typeset volumes also hyphenate words ("meet-" + "ing"). The hyphen goes, unless
    /// the document itself spells the word with it elsewhere, or the word looks like a
    /// compound; the set holds the words of the document.
    Mend(HashSet<String>),
}

impl Hyphens {
    /// Mending, with the vocabulary of `lines`: every word that stands whole on a line.
    pub fn mend(lines: &[Line]) -> Hyphens {
        let mut words = HashSet::new();
        for line in lines {
            let tokens: Vec<&str> = line.text.split_whitespace().collect();
            for (i, token) in tokens.iter().enumerate() {
                if i + 1 == tokens.len() && token.ends_with('-') {
                    continue;
                }
                let word = token.trim_matches(|c: char| !c.is_alphabetic());
                if !word.is_empty() {
                    words.insert(word.to_lowercase());
                }
            }
        }
        Hyphens::Mend(words)
    }
}

/// Prefixes that make compounds: a line that ends with one of them keeps its hyphen.
const COMPOUND_PREFIXES: &[&str] = &[
    "self", "non", "co", "cease", "ex", "vice", "well", "anti", "so", "long", "short", "full",
    "part", "high", "low", "large", "small", "mid", "post", "pre", "inter", "ill", "multi",
];

fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}')
}

/// Appends line `next` to the paragraph text `buf`: with a space, or with nothing between
/// two Chinese characters, or mending a hyphen at the end of `buf` as `hyphens` says.
pub fn join_into(buf: &mut String, next: &str, hyphens: &Hyphens) {
    let next = next.trim();
    if next.is_empty() {
        return;
    }
    if buf.is_empty() {
        buf.push_str(next);
        return;
    }
    let mut tail = buf.chars().rev();
    let last = tail.next();
    let before_last = tail.next();
    let first = next.chars().next();
    if last == Some('-')
        && before_last.is_some_and(char::is_alphabetic)
        && first.is_some_and(char::is_alphanumeric)
    {
        if let Hyphens::Mend(words) = hyphens
            && drops_hyphen(buf, next, words)
        {
            buf.pop();
        }
        buf.push_str(next);
        return;
    }
    if last.is_some_and(is_cjk) && first.is_some_and(is_cjk) {
        buf.push_str(next);
        return;
    }
    buf.push(' ');
    buf.push_str(next);
}

/// Whether a line-end hyphen in a typeset text only breaks a word ("meet-" + "ing").
fn drops_hyphen(buf: &str, next: &str, words: &HashSet<String>) -> bool {
    let head: String = buf[..buf.len() - 1]
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let tail: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    if head.is_empty() || tail.is_empty() || tail.starts_with(char::is_uppercase) {
        return false;
    }
    let (head, tail) = (head.to_lowercase(), tail.to_lowercase());
    if words.contains(&format!("{head}-{tail}")) {
        return false;
    }
    if words.contains(&format!("{head}{tail}")) {
        return true;
    }
    !COMPOUND_PREFIXES.contains(&head.as_str())
}

/// The role of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Role {
    /// An unnumbered paragraph: the chapeau, a preambular paragraph, or an unnumbered
    /// operative one.
    Plain,
    /// A numbered operative paragraph, "1." .
    Operative(u32),
    /// A sub-paragraph, "(a)" or "(i)", inside the operative paragraph before it.
    Sub,
    /// A paragraph that continues the operative paragraph before it after its
    /// sub-paragraphs ("and to consider …").
    Continuation,
    /// A heading inside the text or an annex ("I. Our shared commitment").
    Heading,
    /// The heading of an annex, "Annex II".
    Annex,
}

/// One paragraph of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub role: Role,
    pub text: String,
    /// Source line where it starts.
    pub line: usize,
    /// Whether a blank line stood before it in the source: operative paragraphs written
    /// one under the other stay a tight list.
    pub spaced: bool,
}

static OPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    // "1.", and "1 -" as Arabic texts number their paragraphs.
    Regex::new(r"^(?P<n>\d{1,3}|S|l|I)(?:\.|\s+[-–]|\s*[-–]$)(?:\s+(?P<rest>.*))?$")
        .expect("pattern compiles")
});
static SUB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\((?:[a-z]{1,2}|[ivxl]{1,5}|[\u{0600}-\u{06FF}]{1,2})\)|[a-zа-я]\))(?:\s|$)")
        .expect("pattern compiles")
});
static ROMAN_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[IVXL]{1,6}|[A-H])\.(?:\s|$)").expect("pattern compiles"));

/// How the paragraphs of a text are found.
#[derive(Debug, Clone)]
pub struct Layout {
    pub hyphens: Hyphens,
    /// OCR of typeset volumes misreads "5." as "S." and "1." as "l.".
    pub ocr: bool,
    /// Whether short unpunctuated blocks are headings (General Assembly texts).
    pub headings: bool,
    /// The width of a full line, in characters, when lines were wrapped at a margin (PDF
    /// extractions): a line well short of it that ends a sentence ends its paragraph,
    /// blank line or not.
    pub width: Option<usize>,
    /// The language whose paragraph openings ("Recalling", "Decides") start a paragraph
    /// after a line that ends a clause, blank line or not (pdftotext leaves none).
    pub openers: Option<Lang>,
}

impl Layout {
    /// The width of the longest line of `lines`.
    pub fn widest(lines: &[Line]) -> usize {
        lines
            .iter()
            .map(|l| l.text.chars().count())
            .max()
            .unwrap_or(0)
    }

    /// A line well short of the margin with no closing punctuation: a heading, when the
    /// next line starts with a capital.
    fn ends_unpunctuated_short(&self, text: &str) -> bool {
        !text.is_empty()
            && !is_enumerator(text)
            && !ends_a_clause(text)
            && !text.ends_with(['-', '–', '—', '(', '“'])
            && self
                .width
                .is_some_and(|w| text.chars().count() * 10 < w * 6)
    }

    /// The width of a full line: the length most lines reach, so that a few long lines
    /// (pdftotext joins a word broken at a hyphen onto its line) do not set it.
    pub fn typical(lines: &[Line]) -> usize {
        let mut lengths: Vec<usize> = lines
            .iter()
            .map(|l| l.text.chars().count())
            .filter(|&n| n > 0)
            .collect();
        lengths.sort_unstable();
        lengths.get(lengths.len() * 9 / 10).copied().unwrap_or(0)
    }

    fn ends_short(&self, text: &str) -> bool {
        !is_enumerator(text)
            && self
                .width
                .is_some_and(|w| text.chars().count() * 10 < w * 6 && ends_a_sentence(text))
    }
}

/// OCR noise in the printed volumes: stray underscores ("Calls _ upon", "13. _ Decides",
/// "Calls_on", "3133rd_ meeting") and a hyphen doubled by a dash ("Secretary-—General").
fn drop_ocr_noise(text: &str) -> String {
    static UNDERSCORES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*_+\s*").expect("pattern compiles"));
    static DOUBLED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(\p{L})-—(\p{L})").expect("pattern compiles"));
    if !text.contains(['_', '—']) || text.chars().all(|c| c == '_') {
        return text.to_string();
    }
    let text = UNDERSCORES.replace_all(text, " ");
    let text = DOUBLED.replace_all(&text, "$1-$2");
    text.trim().to_string()
}

/// An item numbered by name, as the Pact for the Future numbers its actions: "Action 11.
/// We will protect …", "Article 5. Each State …".
static NAMED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}\p{Ll}+ \d{1,3}\.\s").expect("pattern compiles"));

/// A heading on a line of its own, in a text without blank lines: short, capitalised, no
/// closing punctuation, and what follows starts with a capital or a number.
fn is_heading_line(text: &str, next: Option<&Line>, layout: &Layout) -> bool {
    text.starts_with(char::is_uppercase)
        && layout.ends_unpunctuated_short(text)
        && next.is_some_and(|n| {
            n.text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        })
}

/// A number or letter alone ("1.", "(a)", "V."): it starts its paragraph, it does not
/// end one.
fn is_enumerator(text: &str) -> bool {
    // A roman section number alone, as the oceans resolutions print it: "I".
    let roman = !text.is_empty()
        && text.len() <= 6
        && text.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    roman
        || OPERATIVE
            .captures(text)
            .is_some_and(|c| c.name("rest").is_none())
        || SUB
            .find(text)
            .is_some_and(|m| m.as_str().trim_end() == text)
        || ROMAN_HEADING
            .find(text)
            .is_some_and(|m| m.as_str().trim_end() == text)
}

/// Whether a paragraph so far can end where it stands, as a resolution's paragraphs end:
/// with a comma, a semicolon or a full stop (a footnote mark after it aside). A colon
/// announces what follows in the same paragraph or its sub-paragraphs; an enumerator
/// alone has its text still to come.
fn ends_a_paragraph(text: &str) -> bool {
    let text = text.trim_end().trim_end_matches(|c: char| {
        c == ']' || c.is_ascii_digit() || c == '^' || c == '[' || c == ' '
    });
    !is_enumerator(text) && text.ends_with(['.', ',', ';', '”', '"', '。', '，', '；', '،', '؛'])
}

/// "6.Calls", "2 Requests": OCR loses the space or the dot after a paragraph number.
static OCR_OPERATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>\d{1,3})(?:\.\s*|\s+)(?P<rest>\p{Lu}.*)$").expect("pattern compiles")
});

/// The number an operative paragraph line starts with, and the text after it, if it is
/// the next in sequence or stands after a blank line. OCR misreadings count only where
/// the sequence expects them.
fn operative_number(text: &str, last: u32, after_blank: bool, ocr: bool) -> Option<(u32, String)> {
    let rest = |caps: &regex::Captures<'_>| {
        caps.name("rest")
            .map_or(String::new(), |m| m.as_str().to_string())
    };
    let Some(caps) = OPERATIVE.captures(text) else {
        let caps = OCR_OPERATIVE.captures(text).filter(|_| ocr)?;
        let n: u32 = caps["n"].parse().ok()?;
        return (n == last + 1).then(|| (n, rest(&caps)));
    };
    let n: u32 = match &caps["n"] {
        "S" if ocr && last == 4 => 5,
        "l" | "I" if ocr && last == 0 => 1,
        "S" | "l" | "I" => return None,
        digits => digits.parse().ok()?,
    };
    // "2017." at the start of a wrapped line is a year, not a paragraph. OCR misreads
    // numbers ("8." for "5."), so there any number that starts a block is taken.
    let in_sequence = n == last + 1 || (n == 1 && last > 0 && after_blank);
    let starts_block = after_blank && (n > last || (ocr && n < 200));
    (in_sequence || starts_block).then(|| (n, rest(&caps)))
}

fn ends_a_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| c == ']' || c.is_ascii_digit() || c == '^' || c == '[')
        .ends_with(['.', ';', ':', '”', '"', '。', '；', '：', '،', '؛'])
}

/// Where a run of paragraphs stands, which decides where headings may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The resolution: its first paragraph is the chapeau and the next one cannot be a
    /// heading either.
    Resolution,
    /// An annex: its title is a heading.
    Annex,
}

/// Whether a paragraph ends as a paragraph does: with a full stop, comma, semicolon or
/// colon (a reference mark after it aside).
fn ends_a_clause(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(|c: char| c == ']' || c.is_ascii_digit() || c == '^' || c == '[')
        .ends_with([
            '.', ',', ';', ':', '!', '?', '”', '"', '。', '，', '；', '：', '،', '؛',
        ])
}

/// Joins lines into paragraphs. Paragraphs are separated by blank lines, and also start
/// at a line that begins with the next operative number or a sub-paragraph letter after a
/// line that ends a sentence (annexes do not leave blank lines between paragraphs).
pub fn paragraphs(lines: &[Line], layout: &Layout, part: Part) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = Vec::new();
    let mut current: Option<Paragraph> = None;
    let mut last_op = 0u32;
    let mut after_blank = true;
    let mut previous_short = false;
    let mut previous_heading = false;
    for (i, line) in lines.iter().enumerate() {
        let cleaned = layout.ocr.then(|| Line {
            text: drop_ocr_noise(&line.text),
            ..line.clone()
        });
        let line = cleaned.as_ref().unwrap_or(line);
        let heading_before = std::mem::replace(
            &mut previous_heading,
            layout.openers.is_some() && layout.ends_unpunctuated_short(&line.text),
        );
        let ended = std::mem::replace(&mut previous_short, layout.ends_short(&line.text));
        if line.is_blank() {
            // pdftotext puts a blank line between a number alone and its text.
            let enumerator_only = current
                .as_ref()
                .is_some_and(|p| p.text.is_empty() || is_enumerator(&p.text));
            if layout.openers.is_some() && enumerator_only {
                continue;
            }
            if let Some(p) = current.take() {
                out.push(p);
            }
            after_blank = true;
            continue;
        }
        let previous_ends = current.as_ref().is_some_and(|p| ends_a_sentence(&p.text));
        let next = lines[i + 1..].iter().find(|l| !l.is_blank());
        let grammar = grammar_start(current.as_ref(), line, next, layout);
        let bare_number = OPERATIVE
            .captures(&line.text)
            .is_some_and(|c| c.name("rest").is_none());
        let may_start = after_blank || previous_ends || bare_number || grammar.clause_ended;
        let may_number = may_start || numbered_in_sequence(current.as_ref(), line, last_op, layout);
        let opens = grammar.opens;
        let op = if may_number {
            operative_number(&line.text, last_op, after_blank || bare_number, layout.ocr)
        } else {
            None
        };
        let sub = may_start && SUB.is_match(&line.text);
        if let Some((n, _)) = op {
            last_op = n;
        }
        // A sentence cut by a page break (and the notes and furniture around it) goes on
        // in lower case after a paragraph that has no closing punctuation.
        let cut = after_blank
            && op.is_none()
            && !sub
            && line.text.starts_with(char::is_lowercase)
            && out
                .last()
                .is_some_and(|p: &Paragraph| !ends_a_clause(&p.text));
        if cut {
            current = out.pop();
        }
        let after_heading = heading_before && line.text.starts_with(char::is_uppercase);
        if cut {
            if let Some(p) = current.as_mut() {
                join_into(&mut p.text, &line.text, &layout.hyphens);
            }
        } else if after_blank || ended || op.is_some() || sub || opens || after_heading {
            if let Some(p) = current.take() {
                out.push(p);
            }
            let (role, text) = match op {
                Some((n, rest)) => (Role::Operative(n), rest),
                None if sub => (Role::Sub, line.text.clone()),
                None => (Role::Plain, line.text.clone()),
            };
            current = Some(Paragraph {
                role,
                text,
                line: line.no,
                spaced: after_blank,
            });
        } else if let Some(p) = current.as_mut() {
            join_into(&mut p.text, &line.text, &layout.hyphens);
        }
        after_blank = false;
    }
    if let Some(p) = current.take() {
        out.push(p);
    }
    let headings_from = match part {
        Part::Resolution => 2,
        Part::Annex => 0,
    };
    assign_roles(&mut out, layout, headings_from);
    out
}

/// What the grammar of a resolution says of a line, in a text without blank lines
/// (`layout.openers`): whether the paragraph before it ends a clause, and whether the
/// line then opens a paragraph.
struct GrammarStart {
    clause_ended: bool,
    opens: bool,
}

/// A paragraph ends with a comma, a semicolon or a full stop, and the next one opens with
/// its participle or verb, an enumerator, a named item, a quoted sub-paragraph or a
/// heading.
fn grammar_start(
    current: Option<&Paragraph>,
    line: &Line,
    next: Option<&Line>,
    layout: &Layout,
) -> GrammarStart {
    let grammar = layout
        .openers
        .filter(|_| current.is_some_and(|p| ends_a_paragraph(&p.text)));
    let opens = grammar.is_some_and(|lang| {
        openers::opens_paragraph(&line.text, lang)
            || NAMED_ITEM.is_match(&line.text)
            || is_enumerator(&line.text)
            || SUB.is_match(line.text.trim_start_matches(['“', '"', '‘']))
            || is_heading_line(&line.text, next, layout)
    });
    GrammarStart {
        clause_ended: grammar.is_some(),
        opens,
    }
}

/// Whether the next operative number may start at `line` whatever ends the paragraph
/// before: after a comma in any layout ("… to each other," / "7. Urges"), and anywhere in
/// a text without blank lines, where it follows a heading as well ("II. Our changed
/// world" / "24. Our world has changed"). `operative_number` still wants it in sequence.
fn numbered_in_sequence(
    current: Option<&Paragraph>,
    line: &Line,
    last_op: u32,
    layout: &Layout,
) -> bool {
    let after_clause = current.is_some_and(|p| ends_a_clause(&p.text))
        && operative_number(&line.text, last_op, false, layout.ocr)
            .is_some_and(|(n, _)| n == last_op + 1);
    layout.openers.is_some() || after_clause
}

/// Whether a paragraph reads as a heading: short, no closing punctuation, capitalised.
fn looks_like_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let first = text.chars().next();
    text.chars().count() <= 160
        && words <= 25
        && !text
            .trim_end()
            .ends_with(['.', ',', ';', ':', '…', '，', '。', '；', '：', '،'])
        && !text.contains("[^")
        && (first.is_some_and(char::is_uppercase) || ROMAN_HEADING.is_match(text))
}

/// Whether a paragraph reads as the title of an annex: capitalised, no closing
/// punctuation, not a whole page.
fn looks_like_title(text: &str) -> bool {
    text.chars().count() <= 300
        && !text
            .trim_end()
            .ends_with(['.', ',', ';', ':', '，', '。', '；', '：', '،'])
        && text.starts_with(char::is_uppercase)
}

/// Sub-paragraphs and continuations belong to the operative paragraph before them;
/// headings are found in General Assembly texts.
fn assign_roles(paragraphs: &mut [Paragraph], layout: &Layout, headings_from: usize) {
    let mut in_operative = false;
    for (i, paragraph) in paragraphs.iter_mut().enumerate() {
        let role = paragraph.role.clone();
        let text = &paragraph.text;
        let new_role = match role {
            Role::Operative(_) => {
                in_operative = true;
                role
            }
            Role::Sub => role,
            // An annex's first paragraph is its title, however long.
            Role::Plain
                if layout.headings
                    && ((i >= headings_from && looks_like_heading(text))
                        || (i == 0 && headings_from == 0 && looks_like_title(text))) =>
            {
                in_operative = false;
                Role::Heading
            }
            Role::Plain if in_operative && text.starts_with(char::is_lowercase) => {
                Role::Continuation
            }
            Role::Plain => {
                in_operative = false;
                role
            }
            other => other,
        };
        paragraph.role = new_role;
    }
}

/// Escapes what Markdown would read as markup inside a paragraph: emphasis marks, code
/// spans and backslashes. Footnote references `[^N]` and links are left as they are.
pub fn escape_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '*' | '`' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '_' => {
                let before = i.checked_sub(1).map(|j| chars[j]);
                let after = chars.get(i + 1).copied();
                let inside_word = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                if !inside_word {
                    out.push('\\');
                }
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// Escapes what Markdown would read as a block marker at the start of a paragraph: a
/// heading `#`, a quote `>`, a bullet, or a number that would start a list ("1995. …").
pub fn escape_start(text: &str) -> String {
    static NUMBERED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^(\d{1,9})([.)])(\s|$)").expect("pattern compiles"));
    if let Some(caps) = NUMBERED.captures(text) {
        return format!("{}\\{}", &caps[1], &text[caps[1].len()..]);
    }
    let first = text.chars().next();
    let second = text.chars().nth(1);
    match (first, second) {
        (Some('#' | '>' | '=' | '|'), _) => format!("\\{text}"),
        (Some('-' | '+' | '*'), Some(' ') | None) => format!("\\{text}"),
        _ => text.to_string(),
    }
}

/// Writes paragraphs as Markdown: plain paragraphs, operative paragraphs as an ordered
/// list with their sub-paragraphs indented under them, headings as `###` and annex
/// headings as `##`.
pub fn markdown(paragraphs: &[Paragraph]) -> String {
    let mut out = String::new();
    let mut indent: Option<usize> = None;
    let mut previous: Option<&Role> = None;
    for p in paragraphs {
        // Only an item that follows an item may go without a blank line: anything else
        // would run on into the item before.
        let tight = matches!(
            (previous, &p.role),
            (Some(Role::Operative(_)), Role::Operative(_))
        ) && !p.spaced;
        if !out.is_empty() && !tight {
            out.push('\n');
        }
        previous = Some(&p.role);
        let text = escape_inline(&p.text);
        match &p.role {
            Role::Operative(n) => {
                let marker = format!("{n}. ");
                indent = Some(marker.len());
                out.push_str(&marker);
                out.push_str(&escape_start(&text));
            }
            Role::Sub | Role::Continuation if indent.is_some() => {
                out.push_str(&" ".repeat(indent.unwrap_or(0)));
                out.push_str(&escape_start(&text));
            }
            Role::Heading => {
                indent = None;
                out.push_str("### ");
                out.push_str(&text);
            }
            Role::Annex => {
                indent = None;
                out.push_str("## ");
                out.push_str(&text);
            }
            Role::Plain | Role::Sub | Role::Continuation => {
                indent = None;
                out.push_str(&escape_start(&text));
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn join(a: &str, b: &str, hyphens: &Hyphens) -> String {
        let mut s = a.to_string();
        join_into(&mut s, b, hyphens);
        s
    }

    #[test]
    fn real_hyphens_are_kept_in_born_digital_texts() {
        assert_eq!(
            join("to the non-nuclear-", "weapon States", &Hyphens::Keep),
            "to the non-nuclear-weapon States"
        );
        assert_eq!(
            join("entitled “Follow-", "up to", &Hyphens::Keep),
            "entitled “Follow-up to"
        );
        assert_eq!(
            join("peace and", "security", &Hyphens::Keep),
            "peace and security"
        );
        assert_eq!(join("2000 –", "2010", &Hyphens::Keep), "2000 – 2010");
    }

    #[test]
    fn typeset_hyphenation_is_mended_by_the_document_s_own_words() {
        let lines = split(
            "Adopted at the 1514th meet-\ning.\nthe cease-fire line\nthe cease-\nfire\nthe Secretary-\nGeneral\nco-\noperation\n",
        );
        let hyphens = Hyphens::mend(&lines);
        assert_eq!(join("at the meet-", "ing.", &hyphens), "at the meeting.");
        assert_eq!(join("the cease-", "fire", &hyphens), "the cease-fire");
        assert_eq!(
            join("the Secretary-", "General", &hyphens),
            "the Secretary-General"
        );
        assert_eq!(join("co-", "operation", &hyphens), "co-operation");
        assert_eq!(join("the Commit-", "tee", &hyphens), "the Committee");
    }

    #[test]
    fn chinese_lines_join_without_spaces() {
        assert_eq!(
            join("打击为犯罪目的", "使用信息", &Hyphens::Keep),
            "打击为犯罪目的使用信息"
        );
        assert_eq!(
            join("第 56", "次全体会议", &Hyphens::Keep),
            "第 56 次全体会议"
        );
    }

    fn layout() -> Layout {
        Layout {
            hyphens: Hyphens::Keep,
            ocr: false,
            headings: true,
            width: None,
            openers: None,
        }
    }

    #[test]
    fn a_short_line_that_ends_a_sentence_ends_its_paragraph() {
        let lines = split(
            "4.\nDecides to convene a new open-ended working group in the following areas:\n(e)\nOther activities and measures that could reduce the risk of unintended\nescalation and conflict;\nand to consider how the implementation of norms could be monitored;\n",
        );
        let layout = Layout {
            width: Some(Layout::widest(&lines)),
            ..layout()
        };
        let roles: Vec<Role> = paragraphs(&lines, &layout, Part::Resolution)
            .into_iter()
            .map(|p| p.role)
            .collect();
        assert_eq!(roles, [Role::Operative(4), Role::Sub, Role::Continuation]);
    }

    fn roles(text: &str) -> Vec<(Role, String)> {
        paragraphs(&split(text), &layout(), Part::Resolution)
            .into_iter()
            .map(|p| (p.role, p.text))
            .collect()
    }

    #[test]
    fn numbers_on_their_own_line_start_operative_paragraphs() {
        let got = roles(
            "The General Assembly,\n\nRecalling its\nresolutions,\n\n1.\nRecalls that\nthe Conference;\n\n(a)\nFurther efforts;\n(b) More;\n\nand to consider;\n\n2. Decides.\n",
        );
        assert_eq!(
            got,
            [
                (Role::Plain, "The General Assembly,".into()),
                (Role::Plain, "Recalling its resolutions,".into()),
                (Role::Operative(1), "Recalls that the Conference;".into()),
                (Role::Sub, "(a) Further efforts;".into()),
                (Role::Sub, "(b) More;".into()),
                (Role::Continuation, "and to consider;".into()),
                (Role::Operative(2), "Decides.".into()),
            ]
        );
    }

    #[test]
    fn numbers_out_of_sequence_inside_a_paragraph_are_text() {
        let got = roles(
            "The General Assembly,\n\n1. Recalls resolution 72/29 of 4 December\n2017. It was adopted and\n3. items later\n",
        );
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].0, Role::Operative(1));
    }

    #[test]
    fn paragraphs_without_blank_lines_split_at_the_next_number() {
        let got = roles("x\n\n1.\nWe reaffirm.\n2.\nWe emphasize\nthat.\n3. We will devote\n");
        let ops: Vec<Role> = got.into_iter().map(|(r, _)| r).collect();
        assert_eq!(
            ops,
            [
                Role::Plain,
                Role::Operative(1),
                Role::Operative(2),
                Role::Operative(3)
            ]
        );
    }

    #[test]
    fn arabic_numbers_and_french_letters() {
        let got = roles(
            "إن الجمعية العامة،\n\nإذ تشير إلى قرارها،\n\n1 - تقرر ما يلي:\n\n(أ) أن تفعل؛\n\n2 -\nتدعو الدول.\n",
        );
        let r: Vec<Role> = got.into_iter().map(|(r, _)| r).collect();
        assert_eq!(
            r,
            [
                Role::Plain,
                Role::Plain,
                Role::Operative(1),
                Role::Sub,
                Role::Operative(2)
            ]
        );
        let got = roles(
            "L’Assemblée générale,\n\n1. Décide :\n\na) Premiers efforts ;\n\nb) Autres efforts ;\n",
        );
        let r: Vec<Role> = got.into_iter().map(|(r, _)| r).collect();
        assert_eq!(r, [Role::Plain, Role::Operative(1), Role::Sub, Role::Sub]);
    }

    #[test]
    fn ocr_paragraph_numbers_without_their_dot_or_space() {
        let layout = Layout {
            ocr: true,
            ..layout()
        };
        let roles: Vec<Role> = paragraphs(
            &split("x,\n\n1. Decides;\n\n2 Requests the report;\n\n3.Calls for peace;\n\n18 Resolutions were adopted.\n"),
            &layout,
            Part::Resolution,
        )
        .into_iter()
        .map(|p| p.role)
        .collect();
        assert_eq!(
            roles,
            [
                Role::Plain,
                Role::Operative(1),
                Role::Operative(2),
                Role::Operative(3),
                Role::Plain
            ]
        );
    }

    #[test]
    fn a_sentence_cut_by_a_page_break_is_mended() {
        let got = roles(
            "3. Welcomes ideas that should\n\n\nfacilitate the discussions;\n\n4. Requests.\n",
        );
        assert_eq!(
            got,
            [
                (
                    Role::Operative(3),
                    "Welcomes ideas that should facilitate the discussions;".into()
                ),
                (Role::Operative(4), "Requests.".into()),
            ]
        );
    }

    #[test]
    fn short_unpunctuated_blocks_are_headings() {
        let got = roles(
            "The General Assembly\n\nAdopts the Pact:\n\nThe Pact for the Future\n\n1.\nWe, the Heads of State.\n\nI.\nSustainable development\n\n2. We commit.\n",
        );
        let r: Vec<Role> = got.into_iter().map(|(r, _)| r).collect();
        assert_eq!(
            r,
            [
                Role::Plain,
                Role::Plain,
                Role::Heading,
                Role::Operative(1),
                Role::Heading,
                Role::Operative(2)
            ]
        );
    }

    #[test]
    fn markdown_indents_sub_paragraphs_under_their_number() {
        let ps = vec![
            Paragraph {
                role: Role::Operative(10),
                text: "Calls for:".into(),
                line: 1,
                spaced: true,
            },
            Paragraph {
                role: Role::Sub,
                text: "(a) Efforts;".into(),
                line: 2,
                spaced: false,
            },
        ];
        assert_eq!(markdown(&ps), "10. Calls for:\n\n    (a) Efforts;\n");
    }

    #[test]
    fn ocr_noise_is_dropped() {
        assert_eq!(
            drop_ocr_noise("13. _ Decides to undertake"),
            "13. Decides to undertake"
        );
        assert_eq!(
            drop_ocr_noise("4. Calls_on all States"),
            "4. Calls on all States"
        );
        assert_eq!(
            drop_ocr_noise("7. Calls _on all Member States"),
            "7. Calls on all Member States"
        );
        assert_eq!(
            drop_ocr_noise("the Secretary-—General to"),
            "the Secretary-General to"
        );
        assert_eq!(drop_ocr_noise("light 655 — was"), "light 655 — was");
    }

    #[test]
    fn a_number_in_sequence_after_a_comma_starts_its_paragraph() {
        // S/RES/889 (1993), paragraphs 6 and 7, as OCR'd.
        let layout = Layout {
            ocr: true,
            headings: false,
            ..layout()
        };
        let got: Vec<Role> = paragraphs(
            &split(
                "6. Further calls upon the military authorities
proximity to each other,
7. Urges the leaders of both communities

8. Reaffirms

13. _ Decides to undertake
",
            ),
            &layout,
            Part::Resolution,
        )
        .into_iter()
        .map(|p| p.role)
        .collect();
        assert_eq!(
            got,
            [
                Role::Operative(6),
                Role::Operative(7),
                Role::Operative(8),
                Role::Operative(13)
            ]
        );
    }

    /// The paragraphs' first words, as a form-fed text of `lang` gives them.
    fn grammar_starts(text: &str, lang: Lang) -> Vec<String> {
        let lines = split(text);
        let layout = Layout {
            width: Some(Layout::typical(&lines)),
            openers: Some(lang),
            ..layout()
        };
        paragraphs(&lines, &layout, Part::Resolution)
            .into_iter()
            .map(|p| {
                let words: Vec<&str> = p.text.split_whitespace().take(2).collect();
                match p.role {
                    Role::Operative(n) => format!("{n}. {}", words.join(" ")),
                    _ => words.join(" "),
                }
            })
            .collect()
    }

    #[test]
    fn without_blank_lines_the_grammar_cuts_paragraphs() {
        // As pdftotext gives A/RES/78/14; a blank line between blocks (mixed) still cuts.
        let got = grammar_starts(
            "The General Assembly,\nRecalling its resolutions 51/53 of 10 December 1996 and 56/17 of 29 November\n2001 and all its other relevant resolutions, as well as those of the Organization of\nAfrican Unity and of the African Union,\nRecalling also the signing of the African Nuclear-Weapon-Free Zone Treaty\n(Treaty of Pelindaba) in Cairo on 11 April 1996, 1\nConsidering that the establishment of nuclear-weapon-free zones, especially in\nthe Middle East, would enhance the security of Africa,\n\nDeeply concerned about the situation in the region and about the positions of the\nStates parties to the Treaty,\n1.\nRecalls with satisfaction the entry into force of the African Nuclear-Weapon-Free Zone Treaty;\n2.\nCalls upon African States that have not yet done so to sign and ratify the Treaty;\n\u{c}",
            Lang::En,
        );
        assert_eq!(
            got,
            [
                "The General",
                "Recalling its",
                "Recalling also",
                "Considering that",
                "Deeply concerned",
                "1. Recalls with",
                "2. Calls upon"
            ]
        );
    }

    #[test]
    fn the_grammar_in_the_other_five_languages() {
        // Built from the UN's conventions for each language, no blank lines.
        let cases = [
            (
                Lang::Fr,
                "L’Assemblée générale,\nRappelant ses résolutions antérieures sur la question, notamment\nla résolution 77/1,\nProfondément préoccupée par la situation humanitaire,\n1.\nDécide de rester saisie de la question ;\n\u{c}",
                [
                    "L’Assemblée générale,",
                    "Rappelant ses",
                    "Profondément préoccupée",
                    "1. Décide de",
                ],
            ),
            (
                Lang::Es,
                "La Asamblea General,\nRecordando sus resoluciones anteriores sobre la cuestión, incluida\nla resolución 77/1,\nProfundamente preocupada por la situación humanitaria,\n1.\nDecide seguir ocupándose de la cuestión;\n\u{c}",
                [
                    "La Asamblea",
                    "Recordando sus",
                    "Profundamente preocupada",
                    "1. Decide seguir",
                ],
            ),
            (
                Lang::Ru,
                "Генеральная Ассамблея,\nссылаясь на свои предыдущие резолюции по этому вопросу, включая\nрезолюцию 77/1,\nглубоко обеспокоенная гуманитарным положением,\n1.\nпостановляет продолжать заниматься этим вопросом;\n\u{c}",
                [
                    "Генеральная Ассамблея,",
                    "ссылаясь на",
                    "глубоко обеспокоенная",
                    "1. постановляет продолжать",
                ],
            ),
            (
                Lang::Ar,
                "إن الجمعية العامة،\nإذ تشير إلى قراراتها السابقة بشأن هذه المسألة، بما فيها\nالقرار 77/1،\nوإذ يساورها بالغ القلق إزاء الحالة الإنسانية،\n1 -\nتقرر أن تبقي المسألة قيد نظرها؛\n\u{c}",
                ["إن الجمعية", "إذ تشير", "وإذ يساورها", "1. تقرر أن"],
            ),
            (
                Lang::Zh,
                "大会，\n回顾其以往关于这个问题的各项决议，包括第\n77/1 号决议，\n深为关切人道主义局势，\n1.\n决定继续处理这个问题。\n\u{c}",
                [
                    "大会，",
                    "回顾其以往关于这个问题的各项决议，包括第 77/1",
                    "深为关切人道主义局势，",
                    "1. 决定继续处理这个问题。",
                ],
            ),
        ];
        for (lang, text, want) in cases {
            assert_eq!(grammar_starts(text, lang), want, "{lang:?}");
        }
    }

    #[test]
    fn markup_in_text_is_escaped() {
        assert_eq!(escape_start("1995. The year"), "1995\\. The year");
        assert_eq!(escape_start("# not a heading"), "\\# not a heading");
        assert_eq!(escape_inline("a *b* c_d _e_"), "a \\*b\\* c_d \\_e\\_");
        assert_eq!(escape_inline("[65/230](#) [^1]"), "[65/230](#) [^1]");
    }
}
