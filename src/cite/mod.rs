//! Finding citations in running text, in the six languages.
//!
//! [`find`] is a pure function: text and language in, citations out, each with its span,
//! its target and, where the text gives one, the operative paragraph it points at. It
//! knows nothing of HTML; [`graph`] turns the citations of a whole archive into forward
//! links, backlinks and series.
//!
//! A bare `65/230` is read as a resolution only where the text says so: after a word that
//! introduces resolutions ("resolutions", "résolution", "القرار", "第 … 号决议"), or in a
//! list that such a word opens. Everywhere else the same digits may be a date ("2018/19"),
//! a fraction or a page. Full symbols (`A/RES/73/187`, `A/73/590`) are recognised anywhere.

mod damaged;
mod fold;
pub mod graph;
mod lexicon;
pub mod series;

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Lang, Organ, Session, Symbol};
pub use lexicon::RESOLUTION_WORDS;
use lexicon::{Named, lexicon, named_after, named_before};

/// What a citation points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Target {
    /// A resolution of the General Assembly, the Security Council, ECOSOC or the Human
    /// Rights Council.
    Resolution(Symbol),
    /// Any other UN document, by its symbol (`A/73/590`, `E/2013/30`).
    Document(String),
    /// Read as a citation, but of nothing plenary can link.
    Unlinkable(Unlinkable),
}

/// Why a citation is left unlinked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unlinkable {
    /// A decision ("decision 36/462"), which is not a resolution.
    Decision,
    /// A resolution of another body, such as a functional commission ("Commission on
    /// Crime Prevention and Criminal Justice resolution 26/4").
    OtherBody,
    /// A number that no resolution series has: `22/8` for the General Assembly, whose
    /// resolutions before its thirty-first session are numbered like `2625 (XXV)`.
    NoSuchSeries,
}

impl Unlinkable {
    pub fn reason(self) -> &'static str {
        match self {
            Unlinkable::Decision => "it is a decision, not a resolution",
            Unlinkable::OtherBody => {
                "it is a resolution of another body, not of the General Assembly, the Security Council, ECOSOC or the Human Rights Council"
            }
            Unlinkable::NoSuchSeries => {
                "no resolution series is numbered like this (General Assembly resolutions before the 31st session are numbered like 2625 (XXV))"
            }
        }
    }
}

/// One citation found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range of the citation in the text (the number or symbol, not the keyword).
    pub span: Range<usize>,
    pub target: Target,
    /// The operative paragraph cited: "paragraph 5 of resolution 72/196" → 5.
    pub paragraph: Option<u32>,
    /// Introduced as the latest of a series: "the most recent of which is resolution 78/19".
    pub most_recent: bool,
}

impl Citation {
    pub fn resolution(&self) -> Option<&Symbol> {
        match &self.target {
            Target::Resolution(s) => Some(s),
            _ => None,
        }
    }
}

/// Finds citations in a text of the General Assembly (the default organ of "its resolution").
pub fn find(text: &str, lang: Lang) -> Vec<Citation> {
    find_in(text, lang, Organ::GeneralAssembly)
}

/// Finds citations in a text adopted by `own`: "its resolution 35/1" in a Human Rights
/// Council text is the Council's.
pub fn find_in(text: &str, lang: Lang, own: Organ) -> Vec<Citation> {
    // Arabic and Chinese texts are read in a folded form ("51 / 45 قاف" as 51/45 S,
    // "第1373（2001）号" as 第1373(2001)号); spans are then taken back to the text as written.
    if matches!(lang, Lang::Ar | Lang::Zh)
        && let Some(folded) = fold::fold(text, lang)
    {
        let mut found = find_plain(&folded.text, lang, own);
        for c in &mut found {
            c.span = folded.original(c.span.clone());
        }
        return found;
    }
    find_plain(text, lang, own)
}

fn find_plain(text: &str, lang: Lang, own: Organ) -> Vec<Citation> {
    let mut found: Vec<Citation> = Vec::new();
    full_symbols(text, &mut found);
    if lang == Lang::Zh {
        chinese_lists(text, own, &mut found);
    } else {
        keyword_lists(text, lang, own, &mut found);
    }
    found.sort_by_key(|c| (c.span.start, c.span.end));
    found.dedup_by(|later, earlier| later.span.start < earlier.span.end);
    found
}

/// Reads the text of a placeholder link (`[65/230](#)`) on its own: a full symbol, a
/// document symbol, or a short resolution number.
pub fn parse_reference(text: &str, own: Organ) -> Option<Target> {
    let text = text.trim();
    if let Ok(symbol) = Symbol::parse(text) {
        return Some(Target::Resolution(symbol));
    }
    if let Some(m) = DOCUMENT.find(text)
        && m.range() == (0..text.len())
    {
        return Some(Target::Document(text.to_string()));
    }
    let caps = TOKEN.captures(text)?;
    (caps.get(0)?.range() == (0..text.len())).then(|| token_target(&Token::read(&caps), own, None))
}

/// A full resolution symbol. A line may end after one of its slashes ("A/RES/\n65/230").
static FULL_RESOLUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:A/HRC/RES|A/RES|S/RES|E/RES)/\s?(?:(?:ES-|S-)?\d{1,4}/\s?)?\d{1,5}(?: ?[A-Z]\b)?(?: ?\((?:(?:S-|ES-)?[IVXLC]{1,8}|\d{4})\))?",
    )
    .expect("pattern")
});

/// Other document symbols: at least one segment of digits, segments such as `C.3`, `L.9`,
/// `Rev.1`, `Add.3`, `PV.50`. Security Council numbers run to five digits (`S/25479`).
/// Scanned texts may put a space after the slash (`S/ 13637`) or the dot (`Rev. 1`);
/// [`document_symbol`] takes such spaces out.
static DOCUMENT: LazyLock<Regex> = LazyLock::new(|| {
    let segment = r"(?:(?:ES|S)-\d{1,2}|[A-Z][A-Za-z]{0,5}(?:\. ?\d{1,5})?|\d{1,5}(?:\.\d{1,3})?)";
    Regex::new(&format!(r"\b(?:A|S|E)(?:/(?:\s\d{{4,5}}\b|{segment}))+")).expect("pattern")
});

/// A further part of the document just cited, named by its last segment alone:
/// "S/7930/Add.64 and Add.65", "S/17657 and Add.2", "S/11353/Add.24 and 25", "E/2005/47 и
/// Corr. 1", "(S/11883وAdd.1)". A bare number must follow "and": after a comma it is a
/// footnote mark ("Add.65, 22"). Scans write "l" for the 1 of "Add.l".
static NEXT_ADDENDUM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:\s*,\s*|\s+(?:and|et|y|и)\s+|\s*و\s*)(?P<seg>(?:Add|Corr|Rev)\. ?(?:\d{1,3}|l))|\s+and\s+(?P<num>\d{1,3}))\b").expect("pattern")
});

/// A resolution number after a keyword: `65/230`, `50/70 Q`, `53/77 AA`, `ES-10/19`,
/// `2625 (XXV)`, `217 A (III)`, `242 (1967)`. A line may end between the number and its
/// bracket, after a space ("1540 \n(2004)"), or before its part letter ("35/122\nF"); a
/// capital that starts a word is no part letter. The bracket may give the date rather than
/// the year ("1373 (от 28 сентября 2001 года)", "1783 (Octobre 2007)"), and a scan may have
/// damaged the year's first digits ("640 ( {989)").
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    let months = lexicon::month_names();
    Regex::new(&format!(
        r"(?:(?P<old>\d{{1,5}})(?:\s{{0,2}}(?P<oldpart>[A-Z]))?\s{{0,2}}\((?:(?P<paren>(?:S-|ES-)?[IVXLC]{{1,8}}|\d{{4}})|\s?(?P<ocr>[1l{{I]9[0-9lIO]{{2}})|[^()\d]{{0,6}}?(?:\d{{1,2}}(?:\s?er)?\s+)?(?:de\s+)?(?i:{months})\s+(?:de\s+)?(?P<dated>\d{{4}})(?:\s*(?:года|г\.))?)\))|(?:(?P<sess>(?:ES-|S-)?\d{{1,4}})/(?P<num>\d{{1,4}})(?:\s?(?P<part>[A-Z]{{1,2}})\b)?)",
    ))
    .expect("pattern")
});

/// A further part letter of the number just read: "66/253 A and B", or the end of a range,
/// "37/123 A a F", "3419 A to D", "A à C", "A–D". Only the letters written are cited: the
/// ones a range implies have no text to link.
static NEXT_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:,|and|to|et|à|y|al|a|и|по|до|و|إلى|、|和|-|–)\s*(?P<part>[A-Z])")
        .expect("pattern")
});

fn overlaps(found: &[Citation], span: &Range<usize>) -> bool {
    found
        .iter()
        .any(|c| c.span.start < span.end && span.start < c.span.end)
}

fn full_symbols(text: &str, found: &mut Vec<Citation>) {
    for m in FULL_RESOLUTION.find_iter(text) {
        let written = m.as_str().replace("/\n", "/").replace("/ ", "/");
        if let Ok(symbol) = Symbol::parse(&written) {
            found.push(Citation {
                span: m.range(),
                target: Target::Resolution(symbol),
                paragraph: None,
                most_recent: false,
            });
        }
    }
    for m in DOCUMENT.find_iter(text) {
        let written = m.as_str().trim_end_matches('.');
        let symbol = document_symbol(written);
        let has_digit = symbol
            .split('/')
            .skip(1)
            .any(|seg| seg.bytes().any(|b| b.is_ascii_digit()));
        let span = m.start()..m.start() + written.len();
        if symbol.contains('/')
            && has_digit
            && !overlaps(found, &span)
            && !part_of_word(text, &span)
        {
            let end = span.end;
            found.push(Citation {
                span,
                target: Target::Document(symbol.clone()),
                paragraph: None,
                most_recent: false,
            });
            addenda(text, end, &symbol, found);
        }
    }
}

/// The symbol as the UN writes it, without the spaces a scan or a line break put in.
fn document_symbol(written: &str) -> String {
    written
        .replace("/\n", "/")
        .replace("/ ", "/")
        .replace(". ", ".")
}

/// The parts named after a document by their last segment alone ("and Add.1"), each a
/// citation of its own.
fn addenda(text: &str, mut pos: usize, symbol: &str, found: &mut Vec<Citation>) {
    let mut symbol = symbol.to_string();
    while let Some(caps) = NEXT_ADDENDUM.captures(&text[pos..]) {
        let Some(seg) = caps.name("seg").or_else(|| caps.name("num")) else {
            break;
        };
        let span = pos + seg.start()..pos + seg.end();
        let after = text[span.end..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '(') {
            break;
        }
        let next = match seg.as_str().parse::<u32>() {
            // "Add.24 and 25": a bare number goes on from the last part's kind.
            Ok(_) => match symbol.rsplit_once('.') {
                Some((head, _)) if symbol.rsplit('/').next().is_some_and(is_part) => {
                    format!("{head}.{}", seg.as_str())
                }
                _ => break,
            },
            Err(_) => {
                let base = match symbol.rsplit_once('/') {
                    Some((head, last)) if is_part(last) => head,
                    _ => symbol.as_str(),
                };
                format!(
                    "{base}/{}",
                    document_symbol(seg.as_str()).replace(".l", ".1")
                )
            }
        };
        pos = span.end;
        found.push(Citation {
            span,
            target: Target::Document(next.clone()),
            paragraph: None,
            most_recent: false,
        });
        symbol = next;
    }
}

/// A last segment that names a part of a document rather than the document: `Add.2`.
fn is_part(segment: &str) -> bool {
    ["Add.", "Corr.", "Rev."]
        .iter()
        .any(|p| segment.starts_with(p))
}

/// A match glued to Latin letters, digits or slashes on either side is part of something
/// else. A letter of another script is a boundary: Arabic glues "و" (and) to the next word,
/// "S/11883وAdd.1".
fn part_of_word(text: &str, span: &Range<usize>) -> bool {
    let glue = |c: char| c.is_ascii_alphanumeric() || c == '/';
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    before.is_some_and(glue) || after.is_some_and(glue)
}

/// The window of text before a citation's keyword that may name its organ.
fn window_before(text: &str, end: usize, chars: usize) -> &str {
    let start = text[..end]
        .char_indices()
        .rev()
        .nth(chars)
        .map_or(0, |(i, _)| i);
    &text[start..end]
}

/// A resolution number as written, before its organ is known.
#[derive(Debug, Clone)]
enum Token {
    /// `2625 (XXV)`, `217 A (III)`, `242 (1967)`.
    Bracketed {
        number: String,
        part: Option<String>,
        bracket: String,
    },
    /// `65/230`, `50/70 Q`, `ES-10/19`.
    Slashed {
        session: String,
        number: String,
        part: Option<String>,
    },
}

impl Token {
    fn read(caps: &regex::Captures<'_>) -> Token {
        let text = |name: &str| caps.name(name).map(|m| m.as_str().to_string());
        let bracket = text("paren")
            .or_else(|| text("dated"))
            .or_else(|| text("ocr").map(|y| unscan_year(&y)));
        match bracket {
            Some(bracket) => Token::Bracketed {
                number: text("old").unwrap_or_default(),
                part: text("oldpart"),
                bracket,
            },
            None => Token::Slashed {
                session: text("sess").unwrap_or_default(),
                number: text("num").unwrap_or_default(),
                part: text("part"),
            },
        }
    }

    /// Parts after Z are lettered AA, BB…: "53/77 AA". A symbol holds one letter, so such
    /// a number is read to keep the list going but is not cited.
    fn has_one_letter(&self) -> bool {
        match self {
            Token::Bracketed { part, .. } | Token::Slashed { part, .. } => {
                part.as_ref().is_none_or(|p| p.len() == 1)
            }
        }
    }

    /// The same resolution with another part letter: `66/253 A and B`.
    fn with_part(&self, letter: &str) -> Token {
        let mut t = self.clone();
        match &mut t {
            Token::Bracketed { part, .. } | Token::Slashed { part, .. } => {
                *part = Some(letter.to_string())
            }
        }
        t
    }
}

/// A year of the Economic and Social Council's numbering ("1996/31"); "2656/25" is no
/// year.
fn is_year(session: &str) -> bool {
    session.len() == 4
        && session
            .parse::<u16>()
            .is_ok_and(|y| (1946..=2100).contains(&y))
}

/// A year as a scan damaged it: "{989", "l989", "I99O".
fn unscan_year(year: &str) -> String {
    year.chars()
        .map(|c| match c {
            'l' | 'I' | '{' => '1',
            'O' => '0',
            _ => c,
        })
        .collect()
}

/// Reads a token into a target, given the organ the context names.
fn token_target(token: &Token, own: Organ, named: Option<Named>) -> Target {
    let by_session = match token {
        Token::Slashed { session, .. } => !is_year(session),
        Token::Bracketed { .. } => false,
    };
    let organ = match named {
        Some(Named::OtherBody) => return Target::Unlinkable(Unlinkable::OtherBody),
        Some(Named::Organ(o)) => o,
        Some(Named::Council) if by_session => Organ::HumanRightsCouncil,
        Some(Named::Council) => Organ::EconomicAndSocialCouncil,
        // The Security Council has never numbered by session: "resolution 47/1" in its
        // texts is the Assembly's.
        None if own == Organ::SecurityCouncil && by_session => Organ::GeneralAssembly,
        None => own,
    };
    let spell_part = |p: &Option<String>| p.as_ref().map_or(String::new(), |p| format!(" {p}"));
    let symbol = match token {
        Token::Bracketed {
            number,
            part,
            bracket,
        } => {
            let part = spell_part(part);
            if bracket.bytes().all(|b| b.is_ascii_digit()) {
                format!("S/RES/{number}{part} ({bracket})")
            } else if organ == Organ::EconomicAndSocialCouncil {
                format!("E/RES/{number}{part} ({bracket})")
            } else {
                format!("A/RES/{number}{part} ({bracket})")
            }
        }
        Token::Slashed {
            session,
            number,
            part,
        } => {
            let part = spell_part(part);
            let year_like = is_year(session);
            match organ {
                _ if year_like => format!("E/RES/{session}/{number}"),
                Organ::HumanRightsCouncil => format!("A/HRC/RES/{session}/{number}{part}"),
                Organ::GeneralAssembly => {
                    let modern = match Session::parse(session) {
                        Some(Session::Regular(n)) => (31..=150).contains(&n),
                        Some(_) => true,
                        None => false,
                    };
                    if !modern {
                        return Target::Unlinkable(Unlinkable::NoSuchSeries);
                    }
                    format!("A/RES/{session}/{number}{part}")
                }
                Organ::EconomicAndSocialCouncil | Organ::SecurityCouncil => {
                    return Target::Unlinkable(Unlinkable::NoSuchSeries);
                }
            }
        }
    };
    match Symbol::parse(&symbol) {
        Ok(s) => Target::Resolution(s),
        Err(_) => Target::Unlinkable(Unlinkable::NoSuchSeries),
    }
}

/// Up to `bytes` bytes of `text` from `from`, cut at a character boundary.
fn ahead(text: &str, from: usize, bytes: usize) -> &str {
    let mut end = (from + bytes).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    &text[from..end]
}

/// The token starting at `from` (after white space). A token may not run on into a word
/// or a document symbol ("78/19 A/78/…").
fn token_at(text: &str, from: usize) -> Option<(Range<usize>, Token)> {
    // Room for a date in the brackets: "1373 (от 28 сентября 2001 года)".
    let window = ahead(text, from, 80);
    let caps = TOKEN.captures(window)?;
    let m = caps.get(0)?;
    if !window[..m.start()].trim().is_empty() {
        return None;
    }
    let (start, stop) = (from + m.start(), from + m.end());
    let before = text[..start].chars().next_back();
    let after = text[stop..].chars().next();
    let glued_before = before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '/' || c == '-');
    let glued_after = after.is_some_and(|c| c.is_alphanumeric() || c == '/');
    if glued_before || glued_after {
        return None;
    }
    Some((start..stop, Token::read(&caps)))
}

fn keyword_lists(text: &str, lang: Lang, own: Organ, found: &mut Vec<Citation>) {
    let lex = lexicon(lang);
    let strong =
        |at: usize| token_at(text, at).is_some_and(|(_, t)| matches!(t, Token::Bracketed { .. }));
    let keywords = lex
        .resolution
        .find_iter(text)
        .map(|m| (m.range(), false))
        .chain(lex.decision.find_iter(text).map(|m| (m.range(), true)))
        .chain(
            damaged::keywords(text, lang, |w| lex.resolution.is_match(w), strong)
                .into_iter()
                .map(|r| (r, false)),
        );
    let mut lists: Vec<Citation> = Vec::new();
    for (kw, is_decision) in keywords {
        let before = window_before(text, kw.start, 100);
        let paragraph = lex
            .pinpoint
            .captures(before)
            .and_then(|c| c[1].parse().ok());
        let most_recent = lex.most_recent.is_match(before);
        let Some((start, named)) = first_number(text, kw.end, lang, named_before(before, lang))
        else {
            continue;
        };
        let items = read_list(text, start, lang, named);
        for (i, item) in items.iter().enumerate() {
            let target = if is_decision {
                Target::Unlinkable(Unlinkable::Decision)
            } else {
                token_target(&item.token, own, item.named)
            };
            lists.push(Citation {
                span: item.span.clone(),
                target,
                paragraph: if i == 0 { paragraph } else { None },
                most_recent: i == 0 && most_recent,
            });
        }
    }
    for c in lists {
        if !overlaps(found, &c.span) {
            found.push(c);
        }
    }
}

/// Where the first number after a keyword starts, and the organ named so far. The organ
/// may stand between the keyword and the number ("قرار مجلس الأمن 1540").
fn first_number(
    text: &str,
    from: usize,
    lang: Lang,
    named: Option<Named>,
) -> Option<(usize, Option<Named>)> {
    let first = TOKEN.find(ahead(text, from, 120))?;
    let between = &text[from..from + first.start()];
    if between.trim().is_empty() {
        return Some((from + first.start(), named));
    }
    match named_before(between, lang) {
        Some(n) if between.trim().chars().count() <= 60 => Some((from + first.start(), Some(n))),
        _ if lexicon(lang).joiner.is_match(between) => Some((from + first.start(), named)),
        // "резолюция № 1373 (2001)", "القرار رقم 242 (1967)", "résolution n° 1540 (2004)".
        _ if NUMBER_SIGN.is_match(between) => Some((from + first.start(), named)),
        // "resolutions on the question of Namibia, particularly 435 (1978)".
        _ if lexicon(lang)
            .lead
            .as_ref()
            .is_some_and(|l| l.is_match(between)) =>
        {
            Some((from + first.start(), named))
        }
        _ => None,
    }
}

/// The sign or word for "number" that may stand before a resolution's number.
static NUMBER_SIGN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:No\.?|no\.|n[°º]|N[°º]|n\.[°º]|№|رقم)\s*\(?\s*$").expect("pattern")
});

/// One number of a list, with the organ that the words before it name.
struct Item {
    span: Range<usize>,
    token: Token,
    named: Option<Named>,
}

/// Reads the list of numbers that starts at `pos`: numbers joined by commas and "and",
/// each maybe followed by its date; part letters standing alone ("66/253 A and B").
fn read_list(text: &str, mut pos: usize, lang: Lang, mut named: Option<Named>) -> Vec<Item> {
    let lex = lexicon(lang);
    let mut items: Vec<Item> = Vec::new();
    // Where the words last named an organ: an organ named after the list is theirs.
    let mut named_from = 0;
    while let Some((span, token)) = token_at(text, pos) {
        pos = span.end;
        if token.has_one_letter() {
            items.push(Item { span, token, named });
            pos = part_letters(text, pos, &mut items);
        }
        if let Some(d) = lex.date.find(&text[pos..]) {
            pos += d.end();
        }
        let Some(next) = TOKEN.find(ahead(text, pos, 200)) else {
            break;
        };
        let joiner = &text[pos..pos + next.start()];
        if !lex.joiner.is_match(joiner) {
            // What the topic names is the topic's, not the next number's organ.
            if lex.topic.as_ref().is_some_and(|t| t.is_match(joiner)) {
                pos += next.start();
                continue;
            }
            break;
        }
        // "resolutions 473 (1980) and General Assembly resolution 38/11", "Security Council
        // resolution 1540 (2004) and its resolution 65/230": the organ changes mid-list.
        let head = lex
            .resolution
            .find(joiner)
            .map_or(joiner, |m| &joiner[..m.start()]);
        if let Some(n) = named_before(head, lang) {
            (named, named_from) = (Some(n), items.len());
        } else if lex.own.is_match(head) {
            (named, named_from) = (None, items.len());
        }
        pos += next.start();
    }
    if let Some(n) = named_after(&text[pos..], lang) {
        for item in &mut items[named_from..] {
            item.named = Some(n);
        }
    }
    items
}

/// "66/253 A and B": a letter alone continues the list with the same number. Returns
/// where the letters end.
fn part_letters(text: &str, mut pos: usize, items: &mut Vec<Item>) -> usize {
    while let Some(next) = NEXT_PART.captures(&text[pos..]) {
        let part = next.name("part").expect("part");
        let after = text[pos + part.end()..].chars().next();
        if after.is_some_and(|c| c.is_alphanumeric() || c == '/' || c == '.') {
            break;
        }
        let last = items.last().expect("a number before its letters");
        let item = Item {
            span: pos + part.start()..pos + part.end(),
            token: last.token.with_part(part.as_str()),
            named: last.named,
        };
        pos = item.span.end;
        items.push(item);
    }
    pos
}

/// "第 53/70 号", "第1540(2004)号"; in traditional characters "號". A number by session
/// may come without 第: "联大采纳了48/26号决议".
static ZH_TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(第\s*)?((?:\d{1,5}(?: ?[A-Z])? ?\((?:(?:S-|ES-)?[IVXLC]{1,8}|\d{4})\))|(?:(?:ES-|S-)?\d{1,4}/\d{1,4}(?: ?[A-Z])?))\s*[号號]").expect("pattern")
});

/// Chinese lists: "1998 年 12 月 4 日第 53/70 号、……和 2017 年 12 月 19 日第 72/196 号决议".
/// What follows the last number decides what they are: 决议 (resolutions) or 决定
/// (decisions), 決議 or 決定 in traditional characters.
fn chinese_lists(text: &str, own: Organ, found: &mut Vec<Citation>) {
    let lex = lexicon(Lang::Zh);
    let tokens: Vec<(Range<usize>, Range<usize>)> = ZH_TOKEN
        .captures_iter(text)
        .filter(|c| {
            c.get(1).is_some()
                || (c.get(2).is_some_and(|n| n.as_str().contains('/'))
                    && !glued_before(text, c.get(0).map_or(0, |m| m.start())))
        })
        .filter_map(|c| Some((c.get(0)?.range(), c.get(2)?.range())))
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let mut j = i;
        while j + 1 < tokens.len() {
            let gap = &text[tokens[j].0.end..tokens[j + 1].0.start];
            let gap_without_date = match DATE_ZH.find(gap) {
                Some(d) => format!("{}{}", &gap[..d.start()], &gap[d.end()..]),
                None => gap.to_string(),
            };
            if !lex.joiner.is_match(&gap_without_date) {
                break;
            }
            j += 1;
        }
        let after = &text[tokens[j].0.end..];
        let kind = after.trim_start();
        let is_resolution = kind.starts_with("决议") || kind.starts_with("決議");
        let is_decision = kind.starts_with("决定") || kind.starts_with("決定");
        if is_resolution || is_decision {
            let first_start = tokens[i].0.start;
            let before = window_before(text, first_start, 40);
            let before = DATE_ZH_END.replace(before, "");
            let named = named_before(&before, Lang::Zh);
            let most_recent = lex.most_recent.is_match(&before);
            let skip = after.len() - kind.len() + "决议".len();
            let paragraph = lex
                .pinpoint
                .captures(&after[skip.min(after.len())..])
                .and_then(|c| c[1].parse().ok());
            for (k, (_, inner)) in tokens[i..=j].iter().enumerate() {
                let target = if is_decision {
                    Target::Unlinkable(Unlinkable::Decision)
                } else {
                    let Some(caps) = TOKEN.captures(&text[inner.clone()]) else {
                        continue;
                    };
                    token_target(&Token::read(&caps), own, named)
                };
                let c = Citation {
                    span: inner.clone(),
                    target,
                    paragraph: if k == j - i { paragraph } else { None },
                    most_recent: k == 0 && most_recent,
                };
                if !overlaps(found, &c.span) {
                    found.push(c);
                }
            }
        }
        i = j + 1;
    }
}

/// A number without 第 must not run on from a longer one ("2018/19号").
fn glued_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '-'))
}

static DATE_ZH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日").expect("pattern"));
static DATE_ZH_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$").expect("pattern")
});

#[cfg(test)]
mod tests;
