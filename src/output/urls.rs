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
    absolute: Option<String>,
}

impl Urls {
    /// `base` is the path the site is served from, starting and ending with `/`.
    pub fn new(base: String) -> Urls {
        Urls {
            base,
            absolute: None,
        }
    }

    /// The full URL of the site's root (`https://example.org/archive/`), for the files
    /// read away from the site: sitemaps, feeds, citations, data.
    pub fn with_absolute(mut self, absolute: Option<String>) -> Urls {
        self.absolute = absolute;
        self
    }

    pub fn base(&self) -> &str {
        &self.base
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// The full URL of a site path, with the path percent-encoded where it is not ASCII;
    /// `None` when `base_url` names no host.
    pub fn absolute(&self, path: &str) -> Option<String> {
        self.absolute
            .as_ref()
            .map(|base| format!("{base}{}", encode_path(path)))
    }

    /// The full URL when the host is known, else the root-relative one: for data files,
    /// whose links may be read anywhere.
    pub fn best(&self, path: &str) -> String {
        self.absolute(path).unwrap_or_else(|| self.url(path))
    }

    pub fn has_host(&self) -> bool {
        self.absolute.is_some()
    }
}

/// Percent-encodes what may not stand in a URL's path as it is: non-ASCII letters of
/// slugs, spaces, quotes. `/`, `(`, `)` and `-` of symbols stay.
pub fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~()!$&'*+,;=:@".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
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

/// Every country with recorded votes: `en/countries/`.
pub fn countries(lang: Lang) -> String {
    format!("{}/countries/", lang.code())
}

/// A country's votes, by its ISO 3166-1 alpha-2 code in capitals as the data writes it
/// (two letters, so no path can leave the folder): `fr/countries/FR/`.
pub fn country(lang: Lang, code: &str) -> String {
    format!("{}{code}/", countries(lang))
}

/// A country's votes as data, the same for every language: `data/countries/FR.json`.
pub fn country_data(code: &str) -> String {
    format!("data/countries/{code}.json")
}

/// Page `page` (0-based) of a list that starts at `path`: `…/page/2/` for the second.
pub fn paged(path: &str, page: usize) -> String {
    if page == 0 {
        path.to_string()
    } else {
        format!("{path}page/{}/", page + 1)
    }
}

/// The search page of a language.
pub fn search(lang: Lang) -> String {
    format!("{}/search/", lang.code())
}

/// The folder of every language's search index.
pub const SEARCH_DIR: &str = "search";

/// The folder of a language's search index.
pub fn search_index(lang: Lang) -> String {
    format!("{SEARCH_DIR}/{}/", lang.code())
}

/// The script of the search page and of the search box.
pub const SEARCH_SCRIPT: &str = "search.js";

/// The file that serves a page path.
pub fn file_of(path: &str) -> String {
    format!("{path}index.html")
}

/// The page shown for a missing URL, at the root: hosts look for it there.
pub const NOT_FOUND: &str = "404.html";
pub const ROBOTS: &str = "robots.txt";
/// The sitemap, or the sitemap index when the site needs more than one sitemap.
pub const SITEMAP: &str = "sitemap.xml";

/// The `n`th sitemap (from 1) listed by the sitemap index of a large site.
pub fn sitemap_part(n: usize) -> String {
    format!("sitemap-{n}.xml")
}

/// The Atom feed of the newest resolutions in a language.
pub fn feed(lang: Lang) -> String {
    format!("{}/feed.xml", lang.code())
}

/// A resolution's data, beside its page.
pub fn resolution_json(lang: Lang, symbol: &Symbol) -> String {
    format!("{}index.json", resolution(lang, symbol))
}

/// A resolution's citation in a reference format, beside its page: `citation.bib`,
/// `citation.ris`, `citation.csl.json`.
pub fn citation(lang: Lang, symbol: &Symbol, extension: &str) -> String {
    format!("{}citation.{extension}", resolution(lang, symbol))
}

/// The catalogue of the whole archive, one resolution per line: `jsonl` or `csv`.
pub fn catalogue(extension: &str) -> String {
    format!("data/resolutions.{extension}")
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

    #[test]
    fn absolute_urls_need_a_host_and_encode_slugs() {
        let urls = Urls::new("/archive/".into());
        assert_eq!(urls.absolute("en/"), None);
        assert_eq!(urls.best("en/"), "/archive/en/");
        let urls = urls.with_absolute(Some("https://example.org/archive/".into()));
        let s = Symbol::parse("S/RES/242 (1967)").unwrap();
        assert_eq!(
            urls.absolute(&resolution(Lang::Fr, &s)).unwrap(),
            "https://example.org/archive/fr/S/RES/242(1967)/"
        );
        assert_eq!(
            urls.absolute("zh/subjects/网络/").unwrap(),
            "https://example.org/archive/zh/subjects/%E7%BD%91%E7%BB%9C/"
        );
        assert_eq!(
            resolution_json(Lang::Zh, &s),
            "zh/S/RES/242(1967)/index.json"
        );
    }
}
