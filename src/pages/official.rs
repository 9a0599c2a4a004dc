//! The official documents of a resolution: its six language versions at the resolver, as
//! the resolution page and the page of its symbol link them.

use serde::Serialize;

use crate::site::Site;
use crate::site::linker::official_documents;

/// One official language version, as templates see it: the language's name in itself
/// (as the UN names its documents), its code and direction, and the resolver's URL.
#[derive(Debug, Serialize)]
pub struct OfficialLink {
    pub code: &'static str,
    pub name: &'static str,
    pub dir: &'static str,
    pub url: String,
}

/// The six official documents of `symbol`, in the UN's order of the languages; none when
/// the site has no resolver (`resolver = ""`).
pub fn official_links(site: &Site, symbol: &str) -> Vec<OfficialLink> {
    official_documents(site.config.resolver.as_deref(), symbol)
        .into_iter()
        .map(|d| OfficialLink {
            code: d.lang.code(),
            name: d.lang.endonym(),
            dir: d.lang.dir(),
            url: d.url,
        })
        .collect()
}
