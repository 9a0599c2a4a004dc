//! What Arabic and Chinese texts write differently around a citation, folded into the forms
//! the finder reads, with a map back to the text as written.
//!
//! Chinese texts may write digits, brackets and slashes in their full-width forms
//! ("第1373（2001）号决议", "第６５／２３０号"), and the Organization's older Chinese texts
//! name a resolution with Chinese numerals after the word: "決議案三九六(五)" for 396 (V),
//! "決議案四十一(一)" for 41 (I), "决议案二十(一九四七)" for 20 (1947).
//!
//! The UN's Arabic texts, their older electronic versions and their scans write
//! "القرار 51 / 45 قاف" for 51/45 S: digits in either script (٥١/٤٥), a space on each side of
//! the slash, the part letter by its Arabic name in the abjad order (ألف A, باء B, جيم C …),
//! an old session as "(د-26)" for (XXVI), direction marks beside the digits, a tatweel inside
//! a letter name ("بـــاء"), lam-alef as one presentation glyph ("اﻷمن"), and, in texts stored
//! in visual order, brackets mirrored around a year ("٨٤١ )١٩٩٣("). The Arabic press writes
//! an old number over its session: "قرارها رقم (2656/25)" for 2656 (XXV). The finder reads the
//! folded text; [`Folded::original`] takes each citation's span back to the text as written.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Lang, to_roman};

/// The letters of lettered resolutions by their Arabic names, in the abjad order the UN
/// uses: A ألف … S قاف, T راء, … Z ضاد. Checked against the UN's texts: 51/45 S (قاف), the
/// landmines resolution; 40/152 O (سين) and 41/86 Q (فاء) on verification; 42/39 D (دال) and
/// 44/117 F (واو) on the Kathmandu centre (A/RES/52/31, A/RES/52/39, A/RES/52/38).
pub const LETTER_NAMES: [(&str, char); 26] = [
    ("ألف", 'A'),
    ("باء", 'B'),
    ("جيم", 'C'),
    ("دال", 'D'),
    ("هاء", 'E'),
    ("واو", 'F'),
    ("زاي", 'G'),
    ("حاء", 'H'),
    ("طاء", 'I'),
    ("ياء", 'J'),
    ("كاف", 'K'),
    ("لام", 'L'),
    ("ميم", 'M'),
    ("نون", 'N'),
    ("سين", 'O'),
    ("عين", 'P'),
    ("فاء", 'Q'),
    ("صاد", 'R'),
    ("قاف", 'S'),
    ("راء", 'T'),
    ("شين", 'U'),
    ("تاء", 'V'),
    ("ثاء", 'W'),
    ("خاء", 'X'),
    ("ذال", 'Y'),
    ("ضاد", 'Z'),
];

/// A stretch of the folded text and the bytes of the original it stands for.
#[derive(Debug, Clone)]
struct Piece {
    text: String,
    from: Range<usize>,
}

/// A text with its Arabic forms folded, and where each of its bytes came from.
#[derive(Debug)]
pub struct Folded {
    pub text: String,
    pieces: Vec<Piece>,
    /// For each byte of `text`, the piece it belongs to.
    piece_of: Vec<usize>,
}

impl Folded {
    fn new(pieces: Vec<Piece>) -> Folded {
        let mut text = String::new();
        let mut piece_of = Vec::new();
        for (i, p) in pieces.iter().enumerate() {
            text.push_str(&p.text);
            piece_of.extend(std::iter::repeat_n(i, p.text.len()));
        }
        Folded {
            text,
            pieces,
            piece_of,
        }
    }

    /// The span of the original text that a span of the folded text stands for.
    pub fn original(&self, span: Range<usize>) -> Range<usize> {
        if span.is_empty() {
            let at = self.piece_of.get(span.start).map_or_else(
                || self.pieces.last().map_or(0, |p| p.from.end),
                |&i| self.pieces[i].from.start,
            );
            return at..at;
        }
        let first = &self.pieces[self.piece_of[span.start]];
        let last = &self.pieces[self.piece_of[span.end - 1]];
        first.from.start..last.from.end
    }

    /// Replaces the stretches `cuts` (folded byte ranges, in order, not overlapping) with new
    /// text, each standing for the original bytes of the pieces it covers.
    fn rewrite(self, cuts: Vec<(Range<usize>, String)>) -> Folded {
        if cuts.is_empty() {
            return self;
        }
        let mut out: Vec<Piece> = Vec::new();
        let mut next = 0;
        for (range, text) in cuts {
            let first = self.piece_of[range.start];
            let last = self.piece_of[range.end - 1];
            out.extend(self.pieces[next..first].iter().cloned());
            out.push(Piece {
                text,
                from: self.pieces[first].from.start..self.pieces[last].from.end,
            });
            next = last + 1;
        }
        out.extend(self.pieces[next..].iter().cloned());
        Folded::new(out)
    }
}

/// Folds a text in `lang`, or says there is nothing to fold. Only Arabic and Chinese are
/// folded.
pub fn fold(text: &str, lang: Lang) -> Option<Folded> {
    match lang {
        Lang::Ar => {
            let folded = Folded::new(characters(text)?);
            let folded = spaced_slashes(folded);
            let folded = letter_names(folded);
            let folded = old_sessions(folded);
            Some(number_over_session(folded))
        }
        Lang::Zh => {
            let pieces = full_width(text);
            let has_numerals = OLD_CHINESE.is_match(text);
            if pieces.is_none() && !has_numerals {
                return None;
            }
            let pieces = pieces.unwrap_or_else(|| plain(text));
            Some(chinese_numerals(Folded::new(pieces)))
        }
        _ => None,
    }
}

/// The text as it is, one piece a character.
fn plain(text: &str) -> Vec<Piece> {
    text.char_indices()
        .map(|(at, c)| Piece {
            text: c.to_string(),
            from: at..at + c.len_utf8(),
        })
        .collect()
}

/// "決議案三九六(五)": the word, a number and a session or year in Chinese numerals.
static OLD_CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:決議案|决议案)\s*([〇零一二三四五六七八九十百0]{1,8})\s*\(([〇零一二三四五六七八九十0]{1,4})\)")
        .expect("pattern")
});

/// Rewrites "決議案三九六(五)" as "第396(V)号决议", the form the Chinese lists read; the
/// citation's span goes back to the whole of what was written.
fn chinese_numerals(folded: Folded) -> Folded {
    let cuts = OLD_CHINESE
        .captures_iter(&folded.text)
        .filter_map(|c| {
            let number = chinese_number(&c[1]).filter(|n| (1..=99_999).contains(n))?;
            let bracket = chinese_number(&c[2])?;
            let written = &c[2];
            let year = written.chars().count() == 4 && !written.contains('十');
            let bracket = if year && (1946..=2100).contains(&bracket) {
                bracket.to_string()
            } else if (1..=40).contains(&bracket) {
                to_roman(u16::try_from(bracket).ok()?)
            } else {
                return None;
            };
            Some((c.get(0)?.range(), format!("第{number}({bracket})号决议")))
        })
        .collect();
    folded.rewrite(cuts)
}

/// A number in Chinese numerals, written digit by digit ("三九六", "二0二五", "一九四七")
/// or with tens and hundreds ("四十一", "二十", "一百二十").
fn chinese_number(text: &str) -> Option<u32> {
    let digit = |c: char| -> Option<u32> {
        Some(match c {
            '〇' | '零' | '0' => 0,
            '一' => 1,
            '二' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    if !text.contains(['十', '百']) {
        return text.chars().try_fold(0u32, |n, c| Some(n * 10 + digit(c)?));
    }
    let (mut total, mut current) = (0u32, 0u32);
    for c in text.chars() {
        match c {
            '十' => {
                total += current.max(1) * 10;
                current = 0;
            }
            '百' => {
                total += current.max(1) * 100;
                current = 0;
            }
            _ => current = digit(c)?,
        }
    }
    Some(total + current)
}

/// Full-width digits, brackets, slash and capitals as their ASCII forms. None when the text
/// has none. Full-width commas and the ideographic comma stay: they are how Chinese lists
/// join their numbers.
fn full_width(text: &str) -> Option<Vec<Piece>> {
    let folds = |c: char| matches!(c, '０'..='９' | '（' | '）' | '／' | 'Ａ'..='Ｚ' | '－');
    if !text.chars().any(folds) {
        return None;
    }
    let pieces = text
        .char_indices()
        .map(|(at, c)| {
            let text = if folds(c) {
                char::from_u32(c as u32 - 0xFEE0).map_or_else(|| c.to_string(), String::from)
            } else {
                c.to_string()
            };
            Piece {
                text,
                from: at..at + c.len_utf8(),
            }
        })
        .collect();
    Some(pieces)
}

/// Marks that give direction or stretch a word, and carry no text.
fn is_silent(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{0640}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The characters one by one: digits to ASCII, silent marks out, lam-alef glyphs spelt
/// out, mirrored brackets around a number turned round. None when there is nothing Arabic
/// to fold at all.
fn characters(text: &str) -> Option<Vec<Piece>> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let arabic = chars.iter().any(|&(_, c)| {
        ('\u{0600}'..='\u{06FF}').contains(&c) || ('\u{FE70}'..='\u{FEFF}').contains(&c)
    });
    if !arabic {
        return None;
    }
    let mut pieces = Vec::with_capacity(chars.len());
    // Where a mirrored ")١٩٩٣(" closes: that "(" is written as ")".
    let mut closing: Option<usize> = None;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let end = chars.get(k + 1).map_or(text.len(), |&(i, _)| i);
        let from = at..end;
        let folded: Option<String> = match c {
            _ if is_silent(c) => None,
            '\u{0660}'..='\u{0669}' => Some(digit(c as u32 - 0x0660)),
            '\u{06F0}'..='\u{06F9}' => Some(digit(c as u32 - 0x06F0)),
            '\u{FEF5}' | '\u{FEF6}' => Some("لآ".into()),
            '\u{FEF7}' | '\u{FEF8}' => Some("لأ".into()),
            '\u{FEF9}' | '\u{FEFA}' => Some("لإ".into()),
            '\u{FEFB}' | '\u{FEFC}' => Some("لا".into()),
            ')' if mirrored_from(&chars, k).is_some() => {
                closing = mirrored_from(&chars, k);
                Some("(".into())
            }
            '(' if closing == Some(k) => {
                closing = None;
                Some(")".into())
            }
            _ => Some(c.to_string()),
        };
        if let Some(text) = folded {
            pieces.push(Piece { text, from });
        }
    }
    Some(pieces)
}

fn digit(n: u32) -> String {
    char::from_digit(n, 10).map_or_else(String::new, |d| d.to_string())
}

/// A ")" that opens a bracketed number written in visual order: ")١٩٩٣(" — digits in either
/// script, maybe with spaces, then "(". Returns the index of that "(".
fn mirrored_from(chars: &[(usize, char)], k: usize) -> Option<usize> {
    let mut digits = 0;
    for (j, &(_, c)) in chars.iter().enumerate().skip(k + 1).take(12) {
        match c {
            '(' if (1..=5).contains(&digits) => return Some(j),
            _ if c.is_ascii_digit()
                || ('\u{0660}'..='\u{0669}').contains(&c)
                || ('\u{06F0}'..='\u{06F9}').contains(&c) =>
            {
                digits += 1
            }
            _ if is_silent(c) || c == ' ' => {}
            _ => return None,
        }
    }
    None
}

/// "51 / 45" is 51/45: spaces around a slash between two numbers go.
fn spaced_slashes(folded: Folded) -> Folded {
    static SLASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\d([ \t\u{00A0}]*/[ \t\u{00A0}]*)\d").expect("pattern"));
    let cuts = SLASH
        .captures_iter(&folded.text)
        .filter_map(|c| c.get(1))
        .filter(|m| m.as_str() != "/")
        .map(|m| (m.range(), "/".to_string()))
        .collect();
    folded.rewrite(cuts)
}

/// "51/45 قاف" is 51/45 S, "217 ألف (د-3)" is 217 A (III), and "66/253 ألف وباء" names two
/// parts. A letter's name is read as a letter only right after a number on the same line,
/// or after a letter so read and "و" or a comma: elsewhere "ألف" is a thousand, "باء" a
/// word or the heading of a section ("بـــاء -" under "… 70/305").
fn letter_names(folded: Folded) -> Folded {
    static CHAIN: LazyLock<Regex> = LazyLock::new(|| {
        let names = LETTER_NAMES.map(|(n, _)| n).join("|");
        Regex::new(&format!(
            r"\d(?:/\d{{1,4}})?[ \t\u{{00A0}}]+(?:{names})\b(?:[ \t\u{{00A0}}]*(?:[،,][ \t\u{{00A0}}]*|[،,]?[ \t\u{{00A0}}]*و[ \t\u{{00A0}}]*)(?:{names})\b)*"
        ))
        .expect("pattern")
    });
    static NAME: LazyLock<Regex> = LazyLock::new(|| {
        let names = LETTER_NAMES.map(|(n, _)| n).join("|");
        Regex::new(&format!(r"(?:{names})")).expect("pattern")
    });
    static OLD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*\(\s*د").expect("pattern"));
    let mut cuts = Vec::new();
    for chain in CHAIN.find_iter(&folded.text) {
        let slashed = chain.as_str().contains('/');
        // A bare number takes a letter only before its old session: "217 ألف (د-3)".
        if !slashed && !OLD.is_match(&folded.text[chain.end()..]) {
            continue;
        }
        for name in NAME.find_iter(chain.as_str()) {
            let letter = LETTER_NAMES
                .iter()
                .find(|(n, _)| *n == name.as_str())
                .map(|(_, l)| l.to_string());
            if let Some(letter) = letter {
                let start = chain.start() + name.start();
                cuts.push((start..start + name.len(), letter));
            }
        }
    }
    folded.rewrite(cuts)
}

/// "2656/25" is 2656 (XXV): an old number over its session, as the Arabic press writes it.
/// Only where the first number cannot be a session (it is over 150) nor a year of the
/// Economic and Social Council's (1946–2100), and the second is a session before the
/// thirty-first, when the numbering changed.
fn number_over_session(folded: Folded) -> Folded {
    static PAIR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^\d/.\p{L}])(\d{3,4})/(\d{1,2})(?:[^\d/]|$)").expect("pattern")
    });
    let cuts = PAIR
        .captures_iter(&folded.text)
        .filter_map(|c| {
            let number: u16 = c[1].parse().ok()?;
            let session: u16 = c[2].parse().ok()?;
            let old = number > 150 && number <= 3600 && !(1946..=2100).contains(&number);
            if !old || !(1..=30).contains(&session) {
                return None;
            }
            let (first, second) = (c.get(1)?, c.get(2)?);
            Some((
                first.start()..second.end(),
                format!("{number} ({})", to_roman(session)),
            ))
        })
        .collect();
    folded.rewrite(cuts)
}

/// "(د-26)" is the twenty-sixth session, (XXVI); "(دإ-6)" the sixth special session, (S-VI).
fn old_sessions(folded: Folded) -> Folded {
    static SESSION: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\(\s*(د\s*إ?\s*ط?)\s*-\s*(\d{1,2})\s*\)").expect("pattern"));
    let cuts = SESSION
        .captures_iter(&folded.text)
        .filter_map(|c| {
            let n: u16 = c[2].parse().ok().filter(|n| (1..=40).contains(n))?;
            let kind: String = c[1].chars().filter(|c| !c.is_whitespace()).collect();
            let prefix = match kind.as_str() {
                "د" => "",
                "دإ" => "S-",
                "دإط" => "ES-",
                _ => return None,
            };
            Some((c.get(0)?.range(), format!("({prefix}{})", to_roman(n))))
        })
        .collect();
    folded.rewrite(cuts)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        fold(text, Lang::Ar).map_or_else(|| text.to_string(), |f| f.text)
    }

    #[test]
    fn digits_marks_and_glyphs() {
        assert_eq!(folded("القرار ٥٧/١٢٩"), "القرار 57/129");
        assert_eq!(folded("القرار \u{200F}57/129\u{200F}"), "القرار 57/129");
        assert_eq!(folded("مجلس اﻷمن"), "مجلس الأمن");
        assert_eq!(
            folded("قرار مجلس اﻷمن ٨٤١ )١٩٩٣("),
            "قرار مجلس الأمن 841 (1993)"
        );
        // A bracket that is not around a number stays as written.
        assert_eq!(folded("(انظر) النص"), "(انظر) النص");
        assert!(fold("resolution 65/230", Lang::Ar).is_none());
    }

    #[test]
    fn spaced_slashes_and_letter_names() {
        assert_eq!(folded("قرارها 51 / 45 قاف المؤرخ"), "قرارها 51/45 S المؤرخ");
        assert_eq!(folded("قرارها 66/253 ألف وباء،"), "قرارها 66/253 A وB،");
        assert_eq!(folded("القرار 52/38 هاء"), "القرار 52/38 E");
        assert_eq!(folded("بـــاء - الاجتماعات"), "باء - الاجتماعات");
        assert_eq!(
            folded("عملا بالقرار 70/305\nبـــاء -"),
            "عملا بالقرار 70/305\nباء -"
        );
        // A thousand is not a part letter; a date's slash between words stays.
        assert_eq!(folded("5 ألف دولار"), "5 ألف دولار");
        assert_eq!(folded("29 تموز / يوليو 2005"), "29 تموز / يوليو 2005");
    }

    #[test]
    fn old_sessions_and_lettered_old_numbers() {
        assert_eq!(folded("القرار 2837 (د-26)"), "القرار 2837 (XXVI)");
        assert_eq!(folded("القرار 217 ألف (د-3)"), "القرار 217 A (III)");
        assert_eq!(folded("القرار 3201 (دإ-6)"), "القرار 3201 (S-VI)");
        assert_eq!(folded("قرارها رقم (2656/25)،"), "قرارها رقم (2656 (XXV))،");
        // A year of the Council's, a modern number, a date, a symbol's segment stay.
        assert_eq!(folded("القرار 1996/31"), "القرار 1996/31");
        assert_eq!(folded("القرار 65/230"), "القرار 65/230");
        assert_eq!(folded("البلاغ رقم 1479/2006"), "البلاغ رقم 1479/2006");
        assert_eq!(folded("A/2656/25 و"), "A/2656/25 و");
    }

    #[test]
    fn chinese_numerals_of_older_texts() {
        let folded = |t: &str| fold(t, Lang::Zh).map(|f| f.text);
        assert_eq!(
            folded("覆按其決議案三九六(五)所載").as_deref(),
            Some("覆按其第396(V)号决议所載")
        );
        assert_eq!(
            folded("決議案二0二五(二十)確認").as_deref(),
            Some("第2025(XX)号决议確認")
        );
        assert_eq!(
            folded("決議案四十一(一)規定").as_deref(),
            Some("第41(I)号决议規定")
        );
        assert_eq!(
            folded("决议案二十(一九四七)").as_deref(),
            Some("第20(1947)号决议")
        );
        assert_eq!(chinese_number("一百二十"), Some(120));
        assert_eq!(chinese_number("一六六八"), Some(1668));
        // Chinese numerals elsewhere stay as they are.
        assert!(fold("第一次会议", Lang::Zh).is_none());
    }

    #[test]
    fn chinese_full_width_forms() {
        let f = fold("第1373（2001）号和第６５／２３０号决议，", Lang::Zh).unwrap();
        assert_eq!(f.text, "第1373(2001)号和第65/230号决议，");
        let start = f.text.find("65").unwrap();
        let text = "第1373（2001）号和第６５／２３０号决议，";
        assert_eq!(&text[f.original(start..start + 6)], "６５／２３０");
        assert!(fold("第 65/230 号决议", Lang::Zh).is_none());
    }

    #[test]
    fn spans_go_back_to_the_text_as_written() {
        let text = "قرارها ٥١ / ٤٥ قاف المؤرخ";
        let f = fold(text, Lang::Ar).unwrap();
        let start = f.text.find("51").unwrap();
        let end = f.text.find(" المؤرخ").unwrap();
        let span = f.original(start..end);
        assert_eq!(&text[span], "٥١ / ٤٥ قاف");
    }
}
