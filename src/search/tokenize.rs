//! Text analysis: what the index and a query make of a text, per language.
//!
//! A text is cut into words (runs of letters and digits) and runs of Chinese characters.
//! A word is lowercased, Arabic short vowels and tatweel are dropped, the forms of alef
//! become one and `ё` becomes `е`; then, in Arabic, English, French, Russian and Spanish,
//! the Snowball stemmer of the language gives the term. A run of Chinese characters,
//! written without spaces, gives a term for every character and for every pair of
//! neighbours (character bigrams): a query of two characters or more looks up its
//! bigrams, a query of one character its unigram.
//!
//! The search script in the browser repeats the cutting and the normalising exactly
//! (`static/search.js`); it does not stem, but looks the normalised word up in the index's
//! table of word forms (see [`super::index`]).

use rust_stemmers::{Algorithm, Stemmer as Snowball};

use crate::model::Lang;

/// Words longer than this (in bytes, once normalised) are not indexed: they are strings
/// of digits or garbage, not words anyone types.
pub const MAX_WORD: usize = 60;

/// Arabic prefixes (the article and the conjunctions and prepositions written with the
/// word), longest first. The table of forms of an Arabic index also holds each form
/// without them, so that a query without the article finds its stem.
pub const ARABIC_PROCLITICS: [&str; 11] = [
    "وال", "بال", "كال", "فال", "لل", "ال", "و", "ف", "ب", "ل", "ك",
];

/// The forms of an Arabic word with one of its proclitics taken off, where at least two
/// letters stay.
pub fn without_proclitics(word: &str) -> impl Iterator<Item = &str> {
    ARABIC_PROCLITICS
        .iter()
        .filter_map(move |p| word.strip_prefix(p))
        .filter(|rest| rest.chars().count() >= 2)
}

/// A piece of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Token<'a> {
    /// A normalised word, not yet stemmed.
    Word(String),
    /// A run of Chinese characters, as written.
    Han(&'a str),
}

/// A character of a Chinese run: the CJK unified ideographs and their extensions and
/// compatibility forms.
pub fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FFFF}')
}

/// A mark dropped from words: Arabic short vowels, shadda, sukun and the like, the
/// superscript alef, tatweel, and combining accents written apart from their letter.
fn is_dropped_mark(c: char) -> bool {
    matches!(c,
        '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{0640}' | '\u{0300}'..='\u{036F}')
}

fn is_word_char(c: char) -> bool {
    !is_han(c) && (c.is_alphabetic() || c.is_numeric() || is_dropped_mark(c))
}

/// Calls `f` with every token of `text`, in order.
pub fn tokens<'a>(text: &'a str, mut f: impl FnMut(Token<'a>)) {
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if is_han(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                if !is_han(n) {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            f(Token::Han(&text[start..end]));
        } else if is_word_char(c) {
            let mut end = start + c.len_utf8();
            while let Some(&(i, n)) = chars.peek() {
                if !is_word_char(n) {
                    break;
                }
                end = i + n.len_utf8();
                chars.next();
            }
            let word = normalise(&text[start..end]);
            if !word.is_empty() && word.len() <= MAX_WORD {
                f(Token::Word(word));
            }
        }
    }
}

/// A word as the index keys its forms: lowercase, without Arabic vowel marks, tatweel
/// and combining accents, with one alef and `е` for `ё`.
pub fn normalise(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars().flat_map(char::to_lowercase) {
        match c {
            c if is_dropped_mark(c) => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ё' => out.push('е'),
            c => out.push(c),
        }
    }
    out
}

/// The terms a run of Chinese characters gives the index: every character and every
/// pair of neighbours.
pub fn han_index_terms(run: &str, mut f: impl FnMut(&str)) {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    for w in bounds.windows(2) {
        f(&run[w[0]..w[1]]);
    }
    for w in bounds.windows(3) {
        f(&run[w[0]..w[2]]);
    }
}

/// The terms a query's run of Chinese characters looks up: its bigrams, or the one
/// character alone.
pub fn han_query_terms(run: &str) -> Vec<&str> {
    let bounds: Vec<usize> = run
        .char_indices()
        .map(|(i, _)| i)
        .chain([run.len()])
        .collect();
    if bounds.len() == 2 {
        return vec![run];
    }
    bounds.windows(3).map(|w| &run[w[0]..w[2]]).collect()
}

/// The stemmer of a language: Snowball for all but Chinese, which has none.
pub struct Stemmer(Option<Snowball>);

impl Stemmer {
    pub fn new(lang: Lang) -> Stemmer {
        let algorithm = match lang {
            Lang::Ar => Some(Algorithm::Arabic),
            Lang::En => Some(Algorithm::English),
            Lang::Fr => Some(Algorithm::French),
            Lang::Es => Some(Algorithm::Spanish),
            Lang::Ru => Some(Algorithm::Russian),
            Lang::Zh => None,
        };
        Stemmer(algorithm.map(Snowball::create))
    }

    /// Whether words have forms in this language, so that a query must look its words up
    /// in the index's table of forms.
    pub fn stems(&self) -> bool {
        self.0.is_some()
    }

    /// The term of a normalised word. A stem is never empty.
    pub fn stem(&self, word: &str) -> String {
        match &self.0 {
            Some(s) => {
                let stem = s.stem(word);
                if stem.is_empty() {
                    word.to_string()
                } else {
                    stem.into_owned()
                }
            }
            None => word.to_string(),
        }
    }
}

/// The terms of a query, as the browser's script finds them (stemming aside): for tests
/// and for the Rust-side reader of an index.
pub fn query_terms(text: &str, stemmer: &Stemmer) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    tokens(text, |t| match t {
        Token::Word(w) => out.push(stemmer.stem(&w)),
        Token::Han(run) => out.extend(han_query_terms(run).into_iter().map(str::to_string)),
    });
    let mut seen = std::collections::HashSet::new();
    out.retain(|t| seen.insert(t.clone()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokens(text, |t| match t {
            Token::Word(w) => out.push(w),
            Token::Han(run) => han_index_terms(run, |s| out.push(s.to_string())),
        });
        out
    }

    #[test]
    fn chinese_is_cut_into_characters_and_bigrams() {
        assert_eq!(
            all("打击网络犯罪"),
            [
                "打", "击", "网", "络", "犯", "罪", "打击", "击网", "网络", "络犯", "犯罪"
            ]
        );
        // A query of several characters looks up its bigrams, which the index has
        // wherever the characters stand together, with or without spaces around them.
        let zh = Stemmer::new(Lang::Zh);
        assert_eq!(query_terms("网络犯罪", &zh), ["网络", "络犯", "犯罪"]);
        assert_eq!(
            query_terms("信息和通信技术", &zh),
            ["信息", "息和", "和通", "通信", "信技", "技术"]
        );
        let indexed = all("使用信息和通信技术行为，打击网络犯罪的");
        for t in query_terms("信息和通信技术 网络犯罪", &zh) {
            assert!(indexed.contains(&t), "{t}");
        }
        assert_eq!(query_terms("罪", &zh), ["罪"]);
        assert!(all("第 65/230 号决议").contains(&"决议".to_string()));
        assert!(all("第 65/230 号决议").contains(&"65".to_string()));
    }

    #[test]
    fn arabic_forms_meet_in_one_stem() {
        let ar = Stemmer::new(Lang::Ar);
        let stem = |w: &str| query_terms(w, &ar);
        // Short vowels and alef forms are not part of the term.
        assert_eq!(normalise("الإِعْلان"), "الاعلان");
        assert_eq!(stem("الكرامة"), stem("كرامة"));
        assert_eq!(stem("بالكرامة"), stem("كرامة"));
        assert_eq!(stem("بحقوق"), stem("حقوق"));
    }

    #[test]
    fn russian_english_french_spanish_forms_meet_in_one_stem() {
        let check = |lang, a: &str, b: &str| {
            let s = Stemmer::new(lang);
            assert_eq!(query_terms(a, &s), query_terms(b, &s), "{a} / {b}");
        };
        check(Lang::Ru, "права", "правам");
        check(Lang::Ru, "человека", "человек");
        check(Lang::Ru, "Всеобщая", "всеобщей");
        check(Lang::En, "declarations", "Declaration");
        check(Lang::En, "crimes", "crime");
        check(Lang::Fr, "droits", "droit");
        check(Lang::Ru, "убеждения", "убеждений");
        check(Lang::Fr, "Organisation", "organisations");
        check(Lang::Es, "derechos", "derecho");
        assert_eq!(normalise("Ёлка"), "елка");
    }

    #[test]
    fn words_are_runs_of_letters_and_digits() {
        assert_eq!(
            all("A/RES/73/187, para. 5"),
            ["a", "res", "73", "187", "para", "5"]
        );
        assert!(all(&"x".repeat(MAX_WORD + 1)).is_empty());
    }
}
