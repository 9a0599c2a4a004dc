//! Dates as the UN writes them in each of the six languages: "4 December 2023",
//! "4 décembre 2023", "4 de diciembre de 2023", "4 декабря 2023 года",
//! "4 كانون الأول/ديسمبر 2023", "2023 年 12 月 4 日".
//!
//! A cover page mixes languages (a Chinese resolution carries "Distr.: General
//! 14 January 2019"), so every form is tried whatever the document's language.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use crate::model::months;

fn alternation<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.into_iter().collect();
    // Longest first, so that "تشرين الثاني" is not read as a shorter name.
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names
        .iter()
        .map(|n| regex::escape(n))
        .collect::<Vec<_>>()
        .join("|")
}

static LATIN: LazyLock<Regex> = LazyLock::new(|| {
    let months = alternation(
        months::EN
            .iter()
            .chain(&months::FR)
            .chain(&months::ES)
            .copied(),
    );
    // "4 December 2023", "1er décembre 2023", "4 de diciembre de 2023"; OCR sometimes
    // drops the space before the year.
    Regex::new(&format!(
        r"(?i)\b(?P<day>\d{{1,2}})(?:er)?\s+(?:de\s+)?(?P<month>{months})\s*,?\s+(?:de\s+)?(?P<year>\d{{4}})\b"
    ))
    .expect("date pattern compiles")
});

static RUSSIAN: LazyLock<Regex> = LazyLock::new(|| {
    let months = alternation(months::RU);
    Regex::new(&format!(
        r"(?i)\b(?P<day>\d{{1,2}})\s+(?P<month>{months})\s+(?P<year>\d{{4}})"
    ))
    .expect("date pattern compiles")
});

static ARABIC: LazyLock<Regex> = LazyLock::new(|| {
    let levantine = alternation(months::AR_LEVANTINE);
    let egyptian = alternation(months::AR_EGYPTIAN.iter().flat_map(|v| v.iter().copied()));
    Regex::new(&format!(
        r"(?P<day>\d{{1,2}})\s+(?P<month>(?:{levantine})\s*/\s*(?:{egyptian})|{levantine}|{egyptian})\s+(?P<year>\d{{4}})"
    ))
    .expect("date pattern compiles")
});

static CHINESE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<year>\d{4})\s*年\s*(?P<month>\d{1,2})\s*月\s*(?P<day>\d{1,2})\s*日")
        .expect("date pattern compiles")
});

fn month_number(name: &str) -> Option<i8> {
    months::number(name).and_then(|m| i8::try_from(m).ok())
}

fn to_date(year: &str, month: i8, day: &str) -> Option<Date> {
    Date::new(year.parse().ok()?, month, day.parse().ok()?).ok()
}

/// Arabic-Indic digits (٠–٩) as ASCII digits; Arabic documents use either.
pub fn ascii_digits(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
            '۰'..='۹' => char::from(b'0' + (c as u32 - '۰' as u32) as u8),
            _ => c,
        })
        .collect()
}

/// The first date in `text`, in any of the six languages, with its byte range.
/// The text must already have ASCII digits (see [`ascii_digits`]).
pub fn find_date(text: &str) -> Option<(Date, Range<usize>)> {
    let mut found: Vec<(Date, Range<usize>)> = Vec::new();
    for re in [&*LATIN, &*RUSSIAN, &*ARABIC] {
        for caps in re.captures_iter(text) {
            let whole = caps.get(0).expect("group 0");
            if let Some(date) =
                month_number(&caps["month"]).and_then(|m| to_date(&caps["year"], m, &caps["day"]))
            {
                found.push((date, whole.range()));
                break;
            }
        }
    }
    for caps in CHINESE.captures_iter(text) {
        let month: Option<i8> = caps["month"].parse().ok();
        if let Some(date) = month.and_then(|m| to_date(&caps["year"], m, &caps["day"])) {
            found.push((date, caps.get(0).expect("group 0").range()));
            break;
        }
    }
    found.into_iter().min_by_key(|(_, r)| r.start)
}

/// A date in English that OCR has damaged: "3f July 1989", "3 Apri] 1991",
/// "10 Auqust 1993", "14 October £964". The day's look-alike letters are read as digits,
/// the month by its first three letters, and a year that is not four digits is taken
/// from `year`, the year the heading gives.
pub fn find_damaged_date(text: &str, year: Option<u16>) -> Option<Date> {
    static DAMAGED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?P<day>\b\d[\dfIl]?)\s+(?P<month>\p{L}{3}[\p{L}\]]*)[.,]?\s+(?P<year>\S{4})")
            .expect("date pattern compiles")
    });
    for caps in DAMAGED.captures_iter(text) {
        let day: String = caps["day"]
            .chars()
            .map(|c| if c.is_ascii_digit() { c } else { '1' })
            .collect();
        let month_letters: String = caps["month"]
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect::<String>()
            .to_lowercase()
            .replace('q', "g");
        let Some(month) = months::EN
            .iter()
            .position(|m| month_letters.len() >= 3 && m.starts_with(&month_letters[..3]))
        else {
            continue;
        };
        let year = match caps["year"].parse::<u16>() {
            Ok(y) if year.is_none_or(|h| h == y) => y,
            _ => match year {
                Some(y) => y,
                None => continue,
            },
        };
        let month = i8::try_from(month + 1).ok()?;
        if let Some(date) = to_date(&year.to_string(), month, &day) {
            return Some(date);
        }
    }
    None
}

/// The date if `text` is a date and nothing else (a closing line, a "Distr." date).
pub fn whole_date(text: &str) -> Option<Date> {
    let text = text.trim();
    let (date, range) = find_date(text)?;
    let rest = format!("{}{}", &text[..range.start], &text[range.end..]);
    let rest = rest.trim().trim_end_matches(['.', ',']);
    // Russian adds "года" (or "г.") after the year.
    matches!(rest, "" | "года" | "г").then_some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> String {
        find_date(s).map(|(d, _)| d.to_string()).unwrap_or_default()
    }

    #[test]
    fn every_language_form_is_read() {
        assert_eq!(date("on 4 December 2023"), "2023-12-04");
        assert_eq!(date("le 1er décembre 2023"), "2023-12-01");
        assert_eq!(date("le 4 décembre 2023"), "2023-12-04");
        assert_eq!(date("el 4 de diciembre de 2023"), "2023-12-04");
        assert_eq!(date("4 декабря 2023 года"), "2023-12-04");
        assert_eq!(date("في 4 كانون الأول/ديسمبر 2023"), "2023-12-04");
        assert_eq!(date("في 14 كانون الثاني/يناير 2019"), "2019-01-14");
        assert_eq!(date("2018 年 12 月 17 日大会决议"), "2018-12-17");
        assert_eq!(date("2018年12月17日"), "2018-12-17");
    }

    #[test]
    fn the_first_date_wins_and_impossible_dates_are_skipped() {
        assert_eq!(
            date("of 14 June 1967 and 2 July 1968"),
            "1967-06-14",
            "first in the text"
        );
        assert_eq!(date("31 February 2020"), "");
        assert_eq!(date("no date here"), "");
    }

    #[test]
    fn whole_dates_allow_only_the_date() {
        assert_eq!(
            whole_date("4 декабря 2023 года").map(|d| d.to_string()),
            Some("2023-12-04".into())
        );
        assert!(whole_date("4 December 2023 ").is_some());
        assert!(whole_date("on 4 December 2023").is_none());
    }

    #[test]
    fn ocr_damage_is_read_through() {
        let d = |s: &str, y: Option<u16>| find_damaged_date(s, y).map(|d| d.to_string());
        assert_eq!(
            d("of 3f July 1989", Some(1989)).as_deref(),
            Some("1989-07-31")
        );
        assert_eq!(
            d("of 3 Apri] 1991", Some(1991)).as_deref(),
            Some("1991-04-03")
        );
        assert_eq!(
            d("on 10 Auqust 1993", Some(1993)).as_deref(),
            Some("1993-08-10")
        );
        assert_eq!(
            d("of 14 October £964", Some(1966)).as_deref(),
            Some("1966-10-14")
        );
        assert_eq!(d("on January 1993", Some(1993)), None);
    }

    #[test]
    fn arabic_indic_digits_become_ascii() {
        assert_eq!(ascii_digits("٢٠١٨"), "2018");
    }
}
