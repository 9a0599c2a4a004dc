//! Keywords a scan or a typist damaged: "resoiutions 262 (1968)", "свою революцию 1722
//! (XVI)", "résolutlon 1803 (XVII)". A word one letter away from a keyword is read as one,
//! but only before a number that cannot be a date, a page or an amount: an old-style
//! `1803 (XVII)` or a Council number with its year, `262 (1968)`. So is the last word of an
//! organ's name right before such a number, where a page break or the scan lost the keyword
//! ("in accordance with Security Council 242 (1967)").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::Lang;

/// The keyword's forms, lower case, that a damaged word is compared with.
fn forms(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["resolution", "resolutions"],
        Lang::Fr => &["résolution", "résolutions"],
        // Spanish texts also slip into the English word: "la resolution 478 (1980)".
        Lang::Es => &["resolución", "resoluciones", "resolution"],
        Lang::Ru => &[
            "резолюция",
            "резолюции",
            "резолюцию",
            "резолюцией",
            "резолюциях",
            "резолюциям",
            "резолюциями",
        ],
        // Arabic and Chinese keywords are short; one letter off is another word.
        Lang::Ar | Lang::Zh => &[],
    }
}

/// The last word of the organs' names, lower case: "Security Council", "General Assembly".
fn organ_ends(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::En => &["council", "assembly"],
        Lang::Fr => &["sécurité", "générale"],
        Lang::Es => &["seguridad"],
        Lang::Ru => &["безопасности", "ассамблеи"],
        Lang::Ar | Lang::Zh => &[],
    }
}

/// Words at most one letter away from a keyword (and not the keyword itself), or from the
/// last word of an organ's name, that `strong(end)` says are followed by a number specific
/// enough to be a resolution's.
pub fn keywords(
    text: &str,
    lang: Lang,
    is_keyword: impl Fn(&str) -> bool,
    strong: impl Fn(usize) -> bool,
) -> Vec<Range<usize>> {
    // Letters only, with the word's edges checked by hand: a Unicode `\b` would keep the
    // regex off its fast engines, on every text of a build.
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{L}{7,14}").expect("pattern"));
    let forms = forms(lang);
    if forms.is_empty() {
        return Vec::new();
    }
    let ends = organ_ends(lang);
    let word_char = |c: char| c.is_alphanumeric() || c == '_' || is_combining(c);
    WORD.find_iter(text)
        .filter(|w| {
            let open = !text[..w.start()].chars().next_back().is_some_and(word_char);
            let closed = !text[w.end()..].chars().next().is_some_and(word_char);
            if !(open && closed) {
                return false;
            }
            // Most words are not near any keyword by their length alone: no lower-casing
            // nor comparing for them, in every text of a build.
            let n = w.as_str().chars().count();
            if !forms
                .iter()
                .chain(ends)
                .any(|f| f.chars().count().abs_diff(n) <= 1)
            {
                return false;
            }
            let word = w.as_str().to_lowercase();
            let near = |f: &&str| one_edit_apart(f, &word);
            let keyword = !is_keyword(w.as_str()) && forms.iter().any(near);
            (keyword || ends.iter().any(near)) && strong(w.end())
        })
        .map(|w| w.range())
        .collect()
}

/// A combining mark, which continues a word as a letter does.
fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x300..=0x36F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Whether `a` and `b` are the same but for at most one letter inserted, removed or
/// replaced (a Levenshtein distance of at most 1), without allocating.
fn one_edit_apart(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let (short, long) = if la <= lb { (a, b) } else { (b, a) };
    let replace = la == lb;
    let mut s = short.chars().peekable();
    let mut l = long.chars();
    let mut edited = false;
    loop {
        match (s.peek().copied(), l.next()) {
            (None, None) => return true,
            (None, Some(_)) => return !edited,
            (Some(_), None) => return false,
            (Some(x), Some(y)) if x == y => {
                s.next();
            }
            (Some(_), Some(_)) => {
                if edited {
                    return false;
                }
                edited = true;
                if replace {
                    s.next();
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str, lang: Lang) -> Vec<&str> {
        let lex = crate::cite::lexicon::lexicon(lang);
        keywords(text, lang, |w| lex.resolution.is_match(w), |_| true)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn one_edit_apart_is_a_levenshtein_distance_of_at_most_one() {
        let words = [
            "resolution",
            "resolutions",
            "resoiutions",
            "resolutlon",
            "revolution",
            "résolution",
            "résolutlon",
            "резолюцию",
            "революцию",
            "council",
            "councll",
            "counci",
            "ecouncil",
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "acb",
            "résolutions",
        ];
        for a in words {
            for b in words {
                assert_eq!(
                    one_edit_apart(a, b),
                    strsim::levenshtein(a, b) <= 1,
                    "{a} / {b}"
                );
            }
        }
    }

    #[test]
    fn one_letter_off() {
        assert_eq!(words("abide by resoiutions 262", Lang::En), ["resoiutions"]);
        assert_eq!(words("свою революцию 1722", Lang::Ru), ["революцию"]);
        assert_eq!(words("la résolutlon 1803", Lang::Fr), ["résolutlon"]);
        // The keyword itself is the lexicon's; other words are not keywords.
        assert!(words("its resolutions 262", Lang::En).is_empty());
        assert!(words("the revolutionary 262", Lang::En).is_empty());
        assert!(words("القرار 262", Lang::Ar).is_empty());
        assert_eq!(words("the Security Councll 242", Lang::En), ["Councll"]);
        assert_eq!(words("du Conseil de sécurité 242", Lang::Fr), ["sécurité"]);
        assert_eq!(words("en la resolution 478", Lang::Es), ["resolution"]);
        // Only whole words: not inside a longer word, nor one with digits.
        assert!(words("the resoiutionsxyzabc 262", Lang::En).is_empty());
        assert!(words("the 1resoiutions 262", Lang::En).is_empty());
        assert!(words("the resoiutions_a 262", Lang::En).is_empty());
        assert_eq!(words("(resoiutions) 262", Lang::En), ["resoiutions"]);
    }
}
