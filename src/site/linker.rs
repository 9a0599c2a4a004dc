//! Where citations lead: the cited resolution in the reader's language when the archive
//! has it, else another language version of it, else the external resolver.

use crate::cite::Target;
use crate::model::{Archive, Lang};
use crate::output::urls::{self, Urls};
use crate::render::{Href, Linker};

pub struct SiteLinker<'a> {
    pub archive: &'a Archive,
    pub urls: &'a Urls,
    /// `https://undocs.org/{lang}/{symbol}`-style template; `None` leaves outside citations
    /// as text.
    pub resolver: Option<&'a str>,
}

/// The URL of the official document `symbol` in `lang` at the resolver `template`
/// (`https://undocs.org/{lang}/{symbol}`): the symbol without its spaces, as the UN's
/// document system spells it (`A/RES/217A(III)`, `S/RES/237(1967)`).
pub fn official_url(template: &str, symbol: &str, lang: Lang) -> String {
    template
        .replace("{lang}", lang.code())
        .replace("{symbol}", &symbol.replace(' ', ""))
}

/// One official language version of a resolution at the resolver.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficialDocument {
    pub lang: Lang,
    pub url: String,
}

/// The six official language versions of `symbol` at the resolver, in the UN's order of
/// the languages; none without a resolver.
pub fn official_documents(resolver: Option<&str>, symbol: &str) -> Vec<OfficialDocument> {
    let Some(template) = resolver else {
        return Vec::new();
    };
    Lang::ALL
        .iter()
        .map(|&lang| OfficialDocument {
            lang,
            url: official_url(template, symbol, lang),
        })
        .collect()
}

impl SiteLinker<'_> {
    fn external(&self, symbol: &str, lang: Lang) -> Option<Href> {
        let template = self.resolver?;
        let url = official_url(template, symbol, lang);
        Some(Href {
            url,
            hreflang: None,
            external: true,
        })
    }
}

impl Linker for SiteLinker<'_> {
    fn href(&self, target: &Target, paragraph: Option<u32>, lang: Lang) -> Option<Href> {
        match target {
            Target::Resolution(symbol) => {
                let Some(work) = self.archive.work_of(symbol) else {
                    return self.external(symbol.as_str(), lang);
                };
                let version = self
                    .archive
                    .resolution(self.archive.best_version(work, lang));
                let mut url = self.urls.url(&urls::resolution(version.lang, symbol));
                if let Some(n) = paragraph {
                    url.push_str(&format!("#op-{n}"));
                }
                Some(Href {
                    url,
                    hreflang: (version.lang != lang).then_some(version.lang),
                    external: false,
                })
            }
            Target::Document(symbol) => self.external(symbol, lang),
            Target::Unlinkable(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNDOCS: &str = "https://undocs.org/{lang}/{symbol}";

    #[test]
    fn the_official_url_spells_the_symbol_without_spaces() {
        assert_eq!(
            official_url(UNDOCS, "A/RES/217 A (III)", Lang::Fr),
            "https://undocs.org/fr/A/RES/217A(III)"
        );
        assert_eq!(
            official_url(UNDOCS, "S/RES/237 (1967)", Lang::Ar),
            "https://undocs.org/ar/S/RES/237(1967)"
        );
    }

    #[test]
    fn six_official_documents_in_the_uns_order_and_none_without_a_resolver() {
        let docs = official_documents(Some(UNDOCS), "A/RES/73/187");
        let langs: Vec<&str> = docs.iter().map(|d| d.lang.code()).collect();
        assert_eq!(langs, ["ar", "zh", "en", "fr", "ru", "es"]);
        assert_eq!(docs[1].url, "https://undocs.org/zh/A/RES/73/187");
        assert_eq!(docs[5].url, "https://undocs.org/es/A/RES/73/187");
        assert!(official_documents(None, "A/RES/73/187").is_empty());
    }
}
