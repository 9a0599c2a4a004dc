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
    fn former_states_are_known_and_made_up_codes_are_not() {
        assert!(is_country("YU"));
        assert!(is_country("DD"));
        assert!(!is_country("XX"));
        assert!(!is_country("us"));
    }
}
