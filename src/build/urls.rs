//! Where every page lives. The one place that knows the layout of `public/`.
//!
//! Every URL is `base + path`, where `path` has no leading slash and ends in `/` for
//! pages; the file is `path + index.html`. Paths are built only from languages, parsed
//! symbols and slugs, so none can leave the output folder.

use crate::model::{GroupKind, Lang, Symbol};

/// Turns site paths into URLs under the base path.
#[derive(Debug, Clone)]
pub struct Urls {
    base: String,
}

impl Urls {
    /// `base` is the path the site is served from, starting and ending with `/`.
    pub fn new(base: String) -> Urls {
        Urls { base }
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }
}

pub fn root() -> String {
    String::new()
}

pub fn lang_home(lang: Lang) -> String {
    format!("{}/", lang.code())
}

/// `/{lang}/{symbol}/`, e.g. `zh/A/RES/73/187/`, `en/S/RES/242(1967)/`.
pub fn resolution(lang: Lang, symbol: &Symbol) -> String {
    format!("{}/{}/", lang.code(), symbol.path())
}

/// The language-neutral page that lists every version of a symbol.
pub fn symbol(symbol: &Symbol) -> String {
    format!("{}/", symbol.path())
}

pub fn groups(lang: Lang, kind: GroupKind) -> String {
    format!("{}/{}/", lang.code(), kind.key())
}

pub fn group(lang: Lang, kind: GroupKind, key: &str) -> String {
    format!("{}/{}/{}/", lang.code(), kind.key(), key)
}

/// What changed in a resolution since its predecessor: `en/A/RES/79/20/changes/`.
pub fn changes(lang: Lang, symbol: &Symbol) -> String {
    format!("{}changes/", resolution(lang, symbol))
}

/// The list of every series: `en/series/`.
pub fn series_index(lang: Lang) -> String {
    format!("{}/series/", lang.code())
}

/// A series, by the symbol of its earliest member: `en/series/A/RES/69/32/`.
pub fn series(lang: Lang, key: &Symbol) -> String {
    format!("{}{}/", series_index(lang), key.path())
}

/// Page `page` (0-based) of a list that starts at `path`: `…/page/2/` for the second.
pub fn paged(path: &str, page: usize) -> String {
    if page == 0 {
        path.to_string()
    } else {
        format!("{path}page/{}/", page + 1)
    }
}

/// The file that serves a page path.
pub fn file_of(path: &str) -> String {
    format!("{path}index.html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_urls_keep_slashes_and_drop_spaces() {
        let s = Symbol::parse("S/RES/242 (1967)").unwrap();
        assert_eq!(resolution(Lang::En, &s), "en/S/RES/242(1967)/");
        let s = Symbol::parse("A/RES/73/187").unwrap();
        assert_eq!(resolution(Lang::Zh, &s), "zh/A/RES/73/187/");
        assert_eq!(file_of(&symbol(&s)), "A/RES/73/187/index.html");
        assert_eq!(
            Urls::new("/archive/".into()).url(&lang_home(Lang::Fr)),
            "/archive/fr/"
        );
    }

    #[test]
    fn series_and_changes_live_beside_the_resolutions() {
        let s = Symbol::parse("A/RES/79/20").unwrap();
        assert_eq!(changes(Lang::En, &s), "en/A/RES/79/20/changes/");
        let first = Symbol::parse("A/RES/69/32").unwrap();
        assert_eq!(series(Lang::Fr, &first), "fr/series/A/RES/69/32/");
        assert_eq!(series_index(Lang::Zh), "zh/series/");
    }
}
