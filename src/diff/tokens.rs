//! Splitting a text into the units it is compared by: words in alphabetic scripts, single
//! characters in Chinese (and the other scripts written without spaces), punctuation and
//! runs of spaces as units of their own, so that the pieces put back together give the
//! text unchanged.

use std::borrow::Cow;

/// What a token is, for deciding what counts when texts are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A word, a number, or one character of a script written without spaces.
    Word,
    /// One punctuation mark or symbol.
    Mark,
    /// A run of spaces or line breaks.
    Space,
}

/// A piece of a text: a byte range and its kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Token {
    pub fn text(self, text: &str) -> &str {
        &text[self.start..self.end]
    }
}

/// A character compared on its own: Han ideographs, kana, Hangul syllables and the
/// like, whose words are not separated by spaces.
pub fn is_unspaced(c: char) -> bool {
    // Most characters compared come before the first of these: one comparison for them.
    if (c as u32) < 0x3040 {
        return false;
    }
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK Compatibility Ideographs
        | 0x20000..=0x3134F  // CJK Extensions B–G
    )
}

/// Letters and digits that make up a word; joiners such as the Arabic tatweel and
/// combining marks stay inside it.
fn is_word_char(c: char) -> bool {
    is_common_letter(c) || ((c.is_alphanumeric() || is_combining(c)) && !is_unspaced(c))
}

/// Letters of the Latin-1, Cyrillic and Arabic alphabets, known without the Unicode
/// tables: comparing an archive's versions classes hundreds of millions of characters.
fn is_common_letter(c: char) -> bool {
    matches!(c as u32, 0x00C0..=0x00D6 | 0x00D8..=0x00F6 | 0x00F8..=0x00FF | 0x0400..=0x045F | 0x0621..=0x063A | 0x0641..=0x064A)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED | 0x0640)
}

/// Splits a text into tokens. Every byte belongs to exactly one token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        let (kind, mut end) = (class(c), start + c.len_utf8());
        let grows = match kind {
            Kind::Word if is_unspaced(c) => false,
            Kind::Word | Kind::Space => true,
            Kind::Mark => false,
        };
        if grows {
            while let Some(&(i, next)) = chars.peek() {
                if class(next) != kind || is_unspaced(next) {
                    break;
                }
                end = i + next.len_utf8();
                chars.next();
            }
        }
        out.push(Token { start, end, kind });
    }
    out
}

/// Appends `c` in lower case: `char::to_lowercase`, without its table for the scripts
/// met most (Latin, Cyrillic, Arabic and Chinese). A final sigma is the caller's.
pub fn push_lowercase(out: &mut String, c: char) {
    let shifted = match c as u32 {
        0x41..=0x5A | 0x0410..=0x042F => c as u32 + 0x20,
        0x0400..=0x040F => c as u32 + 0x50,
        0..=0x7F | 0x0430..=0x045F | 0x0600..=0x06FF | 0x3000..=0x9FFF => c as u32,
        _ => {
            out.extend(c.to_lowercase());
            return;
        }
    };
    out.push(char::from_u32(shifted).unwrap_or(c));
}

fn class(c: char) -> Kind {
    // ASCII, most of what is compared, without the Unicode tables: its spaces are the
    // White_Space characters below 0x80, its word characters the letters and digits.
    if c.is_ascii() {
        return if matches!(c, '\t'..='\r' | ' ') {
            Kind::Space
        } else if c.is_ascii_alphanumeric() {
            Kind::Word
        } else {
            Kind::Mark
        };
    }
    if c.is_whitespace() {
        Kind::Space
    } else if is_unspaced(c) || is_word_char(c) {
        Kind::Word
    } else {
        Kind::Mark
    }
}

/// A text as compared: typographic variants that read the same made one, so that a
/// non-breaking hyphen that replaced a hyphen, or a curly quote a straight one, is no
/// change. The shown text keeps its own characters.
pub fn fold(text: &str) -> Cow<'_, str> {
    // Most words have nothing to fold: they are compared as they stand, uncopied.
    let folds = |c: char| {
        matches!(
            c,
            '\u{00AD}'
                | '\u{2010}'
                | '\u{2011}'
                | '\u{00A0}'
                | '\u{2007}'
                | '\u{202F}'
                | '\u{2018}'
                | '\u{2019}'
                | '\u{201C}'
                | '\u{201D}'
        )
    };
    if text.is_ascii() || !text.chars().any(folds) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter(|&c| c != '\u{00AD}')
            .map(|c| match c {
                '\u{2010}' | '\u{2011}' => '-',
                '\u{00A0}' | '\u{2007}' | '\u{202F}' => ' ',
                '\u{2018}' | '\u{2019}' => '\'',
                '\u{201C}' | '\u{201D}' => '"',
                _ => c,
            })
            .collect(),
    )
}

/// The words of a text as compared for similarity: case and typography aside,
/// punctuation and spaces left out.
pub fn words(text: &str) -> Vec<String> {
    let text = fold(text);
    tokenize(&text)
        .into_iter()
        .filter(|t| t.kind == Kind::Word)
        .map(|t| t.text(&text).to_lowercase())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_without_the_table_is_the_table_s() {
        for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
            let mut fast = String::new();
            push_lowercase(&mut fast, c);
            assert_eq!(fast, c.to_lowercase().collect::<String>(), "{c:?}");
        }
    }

    #[test]
    fn ascii_is_classed_as_the_unicode_tables_class_it() {
        for c in (0..0x80_u8).map(char::from) {
            let by_tables = if c.is_whitespace() {
                Kind::Space
            } else if c.is_alphanumeric() {
                Kind::Word
            } else {
                Kind::Mark
            };
            assert_eq!(class(c), by_tables, "{c:?}");
        }
    }

    #[test]
    fn the_common_letters_are_letters() {
        let common: Vec<char> = (0..=0x10FFFF_u32)
            .filter_map(char::from_u32)
            .filter(|&c| is_common_letter(c))
            .collect();
        assert!(common.iter().all(|c| c.is_alphabetic() && !is_unspaced(*c)));
        assert!(common.contains(&'é') && common.contains(&'ж') && common.contains(&'ب'));
        assert!(!is_common_letter('×') && !is_common_letter('÷') && !is_common_letter('،'));
    }

    fn pieces(text: &str) -> Vec<&str> {
        tokenize(text).into_iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn words_marks_and_spaces_rebuild_the_text() {
        let text = "Decides to include, in its seventy-ninth session,  the item;";
        let p = pieces(text);
        assert_eq!(p.concat(), text);
        assert_eq!(
            p,
            [
                "Decides", " ", "to", " ", "include", ",", " ", "in", " ", "its", " ", "seventy",
                "-", "ninth", " ", "session", ",", "  ", "the", " ", "item", ";"
            ]
        );
    }

    #[test]
    fn chinese_is_compared_by_character() {
        let text = "决定将题为“A/RES/78/21”的项目列入第七十九届会议临时议程；";
        let p = pieces(text);
        assert_eq!(p.concat(), text);
        assert_eq!(&p[..4], ["决", "定", "将", "题"]);
        assert!(p.contains(&"A") && p.contains(&"78") && p.contains(&"21"));
        assert!(p.contains(&"七") && p.contains(&"；"));
    }

    #[test]
    fn typographic_variants_fold_together() {
        assert_eq!(fold("non\u{2011}intervention"), "non-intervention");
        assert_eq!(
            fold("Lao People\u{2019}s\u{00A0}Democratic"),
            "Lao People's Democratic"
        );
        assert_eq!(words("non\u{2011}intervention"), words("non-intervention"));
    }

    #[test]
    fn arabic_and_cyrillic_words_hold_together() {
        assert_eq!(
            pieces("إن الجمعية العامة،"),
            ["إن", " ", "الجمعية", " ", "العامة", "،"]
        );
        assert_eq!(
            pieces("Генеральная Ассамблея,"),
            ["Генеральная", " ", "Ассамблея", ","]
        );
        assert_eq!(
            words("The General  Assembly,"),
            ["the", "general", "assembly"]
        );
    }
}
