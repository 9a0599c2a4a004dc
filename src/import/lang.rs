//! Which of the six official languages a text is in.
//!
//! The set is closed and the scripts tell most of it: Han is Chinese, Arabic script is
//! Arabic, Cyrillic is Russian. Only English, French and Spanish share a script; their
//! commonest short words separate them even in a short resolution. Letters are counted,
//! not lines, because a cover page in any language carries English furniture
//! ("Distr.: General 14 January 2019").

use crate::model::Lang;

/// Short words that are frequent in one of the three Latin-script languages and rare in
/// the other two.
const EN_WORDS: &[&str] = &[
    "the", "of", "and", "to", "in", "its", "that", "with", "for", "on", "by", "which",
];
const FR_WORDS: &[&str] = &[
    "le", "les", "des", "et", "du", "dans", "au", "aux", "sur", "qui", "une", "est",
];
const ES_WORDS: &[&str] = &[
    "el", "los", "las", "y", "del", "en", "al", "por", "con", "que", "su", "sus",
];

/// Detects the language of a text; `None` when it has no letters at all.
pub fn detect(text: &str) -> Option<Lang> {
    let (mut han, mut arabic, mut cyrillic, mut latin) = (0usize, 0usize, 0usize, 0usize);
    for c in text.chars().filter(|c| c.is_alphabetic()) {
        match c {
            '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' => han += 1,
            '\u{0600}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FEFF}' => {
                arabic += 1
            }
            '\u{0400}'..='\u{04FF}' => cyrillic += 1,
            _ if c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) => latin += 1,
            _ => {}
        }
    }
    // A Chinese character carries about as much text as three Latin letters.
    let scores = [
        (Lang::Zh, han * 3),
        (Lang::Ar, arabic),
        (Lang::Ru, cyrillic),
        (Lang::En, latin),
    ];
    let (lang, score) = scores.into_iter().max_by_key(|(_, s)| *s)?;
    if score == 0 {
        return None;
    }
    Some(if lang == Lang::En {
        latin_language(text)
    } else {
        lang
    })
}

/// English, French or Spanish, by the commonest short words.
fn latin_language(text: &str) -> Lang {
    let mut counts = [0usize; 3];
    for word in text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty() && w.len() <= 5)
    {
        let lower = word.to_lowercase();
        for (i, list) in [EN_WORDS, FR_WORDS, ES_WORDS].iter().enumerate() {
            if list.contains(&lower.as_str()) {
                counts[i] += 1;
            }
        }
    }
    let langs = [Lang::En, Lang::Fr, Lang::Es];
    // Ties go to English, the language of the cover furniture.
    let best = (0..3)
        .max_by_key(|&i| (counts[i], usize::from(i == 0)))
        .unwrap_or(0);
    langs[best]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_decide_chinese_arabic_and_russian() {
        assert_eq!(
            detect("Distr.: General\n14 January 2019\n第七十三届会议\n议程项目 109\n大会，"),
            Some(Lang::Zh)
        );
        assert_eq!(
            detect("Distr.: General\nإن الجمعية العامة، إذ تشير إلى قراراتها"),
            Some(Lang::Ar)
        );
        assert_eq!(
            detect("Distr.: General\nГенеральная Ассамблея, ссылаясь на свои резолюции"),
            Some(Lang::Ru)
        );
    }

    #[test]
    fn short_words_separate_english_french_and_spanish() {
        assert_eq!(
            detect(
                "The General Assembly, Recalling its resolution 70/1 of the Charter and the Treaty"
            ),
            Some(Lang::En)
        );
        assert_eq!(
            detect(
                "L’Assemblée générale, Rappelant sa résolution 70/1 et les dispositions du Traité sur la non-prolifération des armes"
            ),
            Some(Lang::Fr)
        );
        assert_eq!(
            detect(
                "La Asamblea General, Recordando su resolución 70/1 y las disposiciones del Tratado sobre la no proliferación de los armas"
            ),
            Some(Lang::Es)
        );
    }

    #[test]
    fn no_letters_no_language() {
        assert_eq!(detect("1. 2. 3."), None);
        assert_eq!(detect(""), None);
    }
}
