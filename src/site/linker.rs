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

impl SiteLinker<'_> {
    fn external(&self, symbol: &str, lang: Lang) -> Option<Href> {
        let template = self.resolver?;
        let url = template
            .replace("{lang}", lang.code())
            .replace("{symbol}", &symbol.replace(' ', ""));
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
