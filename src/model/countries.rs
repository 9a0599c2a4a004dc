//! The country codes the votes of `data/` may carry, and their names in the six
//! languages: `themes/default/countries.toml`, converted once from Debian's iso-codes by
//! `scripts/countries.py` (with the UN's short names where they differ).

use std::collections::HashMap;
use std::sync::LazyLock;

use super::Lang;

const COUNTRIES: &str = include_str!("../../themes/default/countries.toml");

/// Name by code, per language.
static NAMES: LazyLock<HashMap<Lang, HashMap<String, String>>> = LazyLock::new(|| {
    let tables: HashMap<String, HashMap<String, String>> =
        toml::from_str(COUNTRIES).expect("the built-in country names parse");
    tables
        .into_iter()
        .filter_map(|(lang, names)| Some((Lang::parse(&lang)?, names)))
        .collect()
});

const MEMBERS: &str = include_str!("../../themes/default/member-states.txt");

/// The codes of the 193 Member States of the United Nations, sorted.
pub static MEMBER_STATES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    MEMBERS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

pub fn is_member_state(code: &str) -> bool {
    MEMBER_STATES.binary_search(&code).is_ok()
}

/// A country's name in `lang`, in English where the table lacks the language, by its
/// code where the table lacks the country.
pub fn display_name(code: &str, lang: Lang) -> &str {
    name(code, lang)
        .or_else(|| name(code, Lang::En))
        .unwrap_or(code)
}

/// The order of lists of countries by name: case-folded, then by code point, then by code.
pub fn by_name(a: (&str, &str), b: (&str, &str)) -> std::cmp::Ordering {
    a.1.to_lowercase()
        .cmp(&b.1.to_lowercase())
        .then_with(|| a.0.cmp(b.0))
}

/// Whether `code` is an ISO 3166-1 alpha-2 code the table names (current, or of a State
/// that no longer exists: CS, DD, YD, YU).
pub fn is_country(code: &str) -> bool {
    name(code, Lang::En).is_some()
}

/// A country's name in a language, when the table has it.
pub fn name(code: &str, lang: Lang) -> Option<&'static str> {
    NAMES.get(&lang)?.get(code).map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_the_un_where_iso_differs() {
        assert_eq!(name("TR", Lang::En), Some("Türkiye"));
        assert_eq!(name("TR", Lang::Ru), Some("Турция"));
        assert_eq!(name("US", Lang::En), Some("United States of America"));
        assert_eq!(name("CN", Lang::Zh), Some("中国"));
        assert_eq!(name("FR", Lang::Fr), Some("France"));
    }

    #[test]
    fn the_member_states_are_the_193_and_all_named() {
        assert_eq!(MEMBER_STATES.len(), 193);
        assert!(MEMBER_STATES.windows(2).all(|w| w[0] < w[1]));
        assert!(MEMBER_STATES.iter().all(|c| is_country(c)));
        // The newest member, one of the smallest, and two that are not members.
        assert!(is_member_state("SS") && is_member_state("TV"));
        assert!(!is_member_state("PS") && !is_member_state("VA"));
        assert!(!is_member_state("YU"));
    }

    #[test]
    fn former_states_are_known_and_made_up_codes_are_not() {
        assert!(is_country("YU"));
        assert!(is_country("DD"));
        assert!(!is_country("XX"));
        assert!(!is_country("us"));
    }
}
