//! The sitemap's entry of each page: its full URL and its language versions.

use super::{Page, page_path};
use crate::formats::sitemap;
use crate::model::Lang;
use crate::output::urls;
use crate::site::Site;

/// The sitemap entries of `pages`, those that have a full URL.
pub fn entries(site: &Site, pages: &[Page]) -> Vec<sitemap::Url> {
    pages
        .iter()
        .filter_map(|&p| sitemap_url_of(site, p))
        .collect()
}

/// The sitemap entry of a page: its full URL and its language versions.
fn sitemap_url_of(site: &Site, page: Page) -> Option<sitemap::Url> {
    let abs = |path: &str| site.urls.absolute(path);
    let each_lang = |path_of: &dyn Fn(Lang) -> String| -> Vec<(String, String)> {
        site.config
            .languages
            .iter()
            .filter_map(|&l| Some((l.code().to_string(), abs(&path_of(l))?)))
            .collect()
    };
    let versions = |symbol: &crate::model::Symbol| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = site
            .archive
            .versions(symbol)
            .iter()
            .map(|&i| site.archive.resolution(i))
            .filter_map(|r| {
                Some((
                    r.lang.code().to_string(),
                    abs(&urls::resolution(r.lang, symbol))?,
                ))
            })
            .collect();
        v.extend(abs(&urls::symbol(symbol)).map(|u| ("x-default".to_string(), u)));
        v
    };
    let mut alternates = match page {
        Page::Root | Page::LangHome(_) => {
            let mut v = each_lang(&urls::lang_home);
            v.extend(abs(&urls::root()).map(|u| ("x-default".to_string(), u)));
            v
        }
        Page::Groups(_, kind, p) => each_lang(&|l| urls::paged(&urls::groups(l, kind), p)),
        Page::Group(_, kind, g, p) => {
            let key = &site.groups[&kind][g].key;
            each_lang(&|l| urls::paged(&urls::group(l, kind, key), p))
        }
        Page::Resolution(i) => versions(&site.archive.resolution(i).symbol),
        Page::Symbol(w) => versions(&site.archive.works()[w].0),
        Page::Changes(i) => {
            let symbol = &site.archive.resolution(i).symbol;
            site.archive
                .versions(symbol)
                .iter()
                .filter(|&&v| site.series.changes(v).is_some())
                .filter_map(|&v| {
                    let l = site.archive.resolution(v).lang;
                    Some((l.code().to_string(), abs(&urls::changes(l, symbol))?))
                })
                .collect()
        }
        Page::Series(_, k) => {
            let key = &site.series.index.series[k].key;
            each_lang(&|l| urls::series(l, key))
        }
        Page::SeriesIndex(_) => each_lang(&urls::series_index),
        Page::Search(_) => each_lang(&urls::search),
        Page::Country(_, k) => each_lang(&|l| urls::country(l, &site.voters[k])),
        Page::Countries(_) => each_lang(&urls::countries),
    };
    // A page with no other version has nothing to announce.
    if alternates.len() < 2 {
        alternates.clear();
    }
    Some(sitemap::Url {
        loc: abs(&page_path(site, page))?,
        alternates,
    })
}
