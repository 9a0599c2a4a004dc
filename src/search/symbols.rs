//! Symbols as queries: the keys under which the index finds a resolution by its symbol
//! (and by the documents it records or cites), and what a typed query becomes to be
//! looked up among them. Defined once here; the browser's `search.js` repeats
//! [`query_key`] step by step, with the words it takes off read from the index's
//! `meta.json`, and [`shard`] with the same rule.
//!
//! A key is a symbol written without spaces, in capitals: `A/RES/78/7`, `78/7`;
//! `S/RES/242(1967)`, `242(1967)`, `242`; `A/RES/217A(III)`, `217A(III)`, `217A`; a
//! document `A/78/L.12`. Keys are kept in shards by the first two digits of their first
//! number of two digits or more (`78`, `24`), else their only digit (`A/HRC/RES/7/1`
//! has `7`): the digits a reader types first, so that one small file answers a query
//! and every key that begins like it.

use crate::cite::RESOLUTION_WORDS;
use crate::model::{Organ, Symbol};

/// A key of the symbol table: what it names, and which resolution it leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum KeyKind {
    /// The resolution's own symbol, in any of its spellings.
    Own = 0,
    /// A document the resolution records (its report or draft) or cites.
    Document = 1,
}

/// The keys of a resolution's own symbol: the full symbol, the short one of running
/// text, and, where the short one has a year or session in brackets, the number alone.
pub fn keys(symbol: &Symbol) -> Vec<String> {
    let full = compact(symbol.as_str());
    let short = compact(symbol.short());
    let mut out = vec![full, short.clone()];
    if let Some((number, _)) = short.split_once('(')
        && !number.is_empty()
        && symbol.organ() != Organ::HumanRightsCouncil
    {
        out.push(number.to_string());
    }
    out.dedup();
    out
}

/// The key of a document symbol as a front matter or a text writes it (`A/78/L.12`), or
/// `None` when it cannot be one.
pub fn document_key(symbol: &str) -> Option<String> {
    let key = compact(symbol);
    is_key(&key).then_some(key)
}

/// Spaces out, capitals in.
fn compact(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| c.to_ascii_uppercase())
        .collect()
}

/// A key is made of the characters of symbols, holds a digit, is not too long to be one
/// and holds no word: symbols' letters come in runs of at most four (`RES`, `HRC`,
/// `CORR`, `L`).
fn is_key(key: &str) -> bool {
    key.len() <= 40
        && key.bytes().any(|b| b.is_ascii_digit())
        && key
            .split(|c: char| !c.is_ascii_uppercase())
            .all(|run| run.len() <= 4)
        && key
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b"/().-".contains(&b))
}

/// The words taken off a query before it is read as a symbol, longest first: the six
/// languages' words for "resolution" (`cite`'s), as `meta.json` gives them to the browser.
pub fn query_words() -> Vec<&'static str> {
    let mut words: Vec<&str> = RESOLUTION_WORDS
        .iter()
        .flat_map(|(_, w)| w.iter().copied())
        .collect();
    words.sort_by(|a, b| b.chars().count().cmp(&a.chars().count()).then(a.cmp(b)));
    words.dedup();
    words
}

/// A query read as a symbol: full-width forms and Arabic-Indic digits folded, lowercase,
/// the words of [`query_words`] taken off its ends (where no letter follows or precedes
/// them), then spaces out and capitals in. `None` when what is left is no key
/// (`"cyber"`, `"2018 embargo"`).
pub fn query_key(query: &str) -> Option<String> {
    let folded: String = query.chars().map(fold).collect::<String>().to_lowercase();
    let words = query_words();
    let mut rest = folded.trim();
    loop {
        let before = rest;
        for w in &words {
            if let Some(r) = rest.strip_prefix(w)
                && !r.starts_with(char::is_alphabetic)
            {
                rest = r.trim_start_matches(|c: char| c.is_whitespace() || c == '.');
            }
            if let Some(r) = rest.strip_suffix(w)
                && !r.ends_with(char::is_alphabetic)
            {
                rest = r.trim_end();
            }
        }
        if rest == before {
            break;
        }
    }
    let key = compact(rest);
    is_key(&key).then_some(key)
}

/// Full-width ASCII as ASCII (`（` `）` `／` `７`), Arabic-Indic digits as digits, the
/// ideographic space and the marks of writing direction as spaces.
fn fold(c: char) -> char {
    match c {
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' => ' ',
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x30).unwrap_or(c),
        '\u{06F0}'..='\u{06F9}' => char::from_u32(c as u32 - 0x06F0 + 0x30).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    }
}

/// The shard of a key: the first two digits of its first number of two digits or
/// more, else its first digit.
pub fn shard(key: &str) -> Option<String> {
    let runs: Vec<&str> = key
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .collect();
    let run = runs.iter().find(|r| r.len() >= 2).or(runs.first())?;
    Some(run[..run.len().min(2)].to_string())
}

/// Whether a query key lists every key that begins with it, not only its equal: when
/// it holds a slash or a bracket (`78/`, `S/RES/24`), not a bare number (`24`).
pub fn lists_prefixes(query_key: &str) -> bool {
    query_key.contains(['/', '('])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_of(s: &str) -> Vec<String> {
        keys(&Symbol::parse(s).unwrap())
    }

    #[test]
    fn a_resolution_is_keyed_by_its_full_and_short_symbol_and_old_numbers_alone() {
        assert_eq!(keys_of("A/RES/78/7"), ["A/RES/78/7", "78/7"]);
        assert_eq!(
            keys_of("S/RES/242 (1967)"),
            ["S/RES/242(1967)", "242(1967)", "242"]
        );
        assert_eq!(
            keys_of("A/RES/2625 (XXV)"),
            ["A/RES/2625(XXV)", "2625(XXV)", "2625"]
        );
        assert_eq!(
            keys_of("A/RES/217 A (III)"),
            ["A/RES/217A(III)", "217A(III)", "217A"]
        );
        assert_eq!(keys_of("A/RES/ES-10/19"), ["A/RES/ES-10/19", "ES-10/19"]);
        assert_eq!(keys_of("A/HRC/RES/35/1"), ["A/HRC/RES/35/1", "35/1"]);
        assert_eq!(keys_of("E/RES/2013/30"), ["E/RES/2013/30", "2013/30"]);
    }

    #[test]
    fn every_way_of_writing_a_symbol_gives_one_of_its_keys() {
        let own = |query: &str, symbol: &str| {
            let key = query_key(query).unwrap_or_else(|| panic!("{query}: no key"));
            assert!(keys_of(symbol).contains(&key), "{query} → {key}");
        };
        for q in [
            "A/RES/78/7",
            "a/res/78/7",
            "78/7",
            " 78/7 ",
            "res 78/7",
            "Res. 78/7",
            "resolution 78/7",
            "Resolution 78/7",
            "résolution 78/7",
            "resolución 78/7",
            "резолюция 78/7",
            "Резолюция 78/7",
            "第 78/7 号决议",
            "第78/7号决议",
            "第７８／７号决议",
            "القرار 78/7",
            "القرار ٧٨/٧",
        ] {
            own(q, "A/RES/78/7");
        }
        for q in [
            "S/RES/242 (1967)",
            "S/RES/242(1967)",
            "242 (1967)",
            "s/res/242",
        ] {
            if q == "s/res/242" {
                // A prefix of the full symbol, not a key of its own.
                assert_eq!(query_key(q).as_deref(), Some("S/RES/242"));
                continue;
            }
            own(q, "S/RES/242 (1967)");
        }
        own("2625 (XXV)", "A/RES/2625 (XXV)");
        own("A/RES/217 A (III)", "A/RES/217 A (III)");
        own("217 A", "A/RES/217 A (III)");
        own("第 217 A (III) 号决议", "A/RES/217 A (III)");
        own("A/RES/ES-10/19", "A/RES/ES-10/19");
        assert_eq!(document_key("A/78/L.12").as_deref(), Some("A/78/L.12"));
        assert_eq!(query_key("a/78/l.12").as_deref(), Some("A/78/L.12"));
    }

    #[test]
    fn what_is_no_symbol_gives_no_key() {
        for q in [
            "",
            "   ",
            "cyber",
            "resolution",
            "第号决议",
            "2018 embargo",
            "résolutions sur le Sahara",
            "网络犯罪",
            "كرامة",
            "<script>1</script>",
            "78/7; DROP",
            &"9".repeat(41),
        ] {
            assert_eq!(query_key(q), None, "{q:?}");
        }
        // "resolute" is a word, not "res" and "olute".
        assert_eq!(query_key("resolute 7"), None);
        assert_eq!(document_key("A/73/590 and more"), None);
    }

    #[test]
    fn keys_and_their_beginnings_share_a_shard() {
        assert_eq!(shard("A/RES/78/7").as_deref(), Some("78"));
        assert_eq!(shard("78/").as_deref(), Some("78"));
        assert_eq!(shard("78/7").as_deref(), Some("78"));
        assert_eq!(shard("S/RES/24").as_deref(), Some("24"));
        assert_eq!(shard("S/RES/242(1967)").as_deref(), Some("24"));
        assert_eq!(shard("A/RES/217A(III)").as_deref(), Some("21"));
        assert_eq!(shard("A/C.3/78/L.5").as_deref(), Some("78"));
        assert_eq!(shard("A/HRC/RES/7/1").as_deref(), Some("7"));
        assert_eq!(shard("S/RES/"), None);
        assert!(lists_prefixes("78/"));
        assert!(lists_prefixes("S/RES/24"));
        assert!(!lists_prefixes("242"));
    }

    #[test]
    fn the_words_taken_off_come_longest_first() {
        let words = query_words();
        assert!(words.contains(&"résolution") && words.contains(&"القرار"));
        let at = |w: &str| words.iter().position(|x| *x == w).unwrap();
        assert!(at("resolution") < at("res"));
        assert!(at("号决议") < at("决议"));
    }
}
