//! Every page of the site: the plan of them all ([`plan`]), where each goes
//! ([`page_path`]), and one function per page kind that renders it through the theme from
//! the view values of [`views`].

pub mod countries;
mod groups;
mod home;
pub mod member_votes;
pub mod not_found;
mod official;
mod resolution;
pub mod resolution_view;
mod search;
pub mod series;
pub mod sitemap_entries;
pub mod terms;
pub mod views;
pub mod vote_map;

use std::sync::Arc;

use minijinja::Value;

use crate::diagnostic::Diagnostic;
use crate::model::{GroupKind, Lang};
use crate::output::urls;
use crate::render::Body;
use crate::site::Site;
use crate::theme::Theme;

/// One page of the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Root,
    LangHome(Lang),
    Resolution(usize),
    Symbol(usize),
    /// A page of the list of groups of one kind (0 is the first).
    Groups(Lang, GroupKind, usize),
    /// A page of the list of one group's resolutions.
    Group(Lang, GroupKind, usize, usize),
    /// What changed in a resolution since its predecessor.
    Changes(usize),
    /// A series, in a language.
    Series(Lang, usize),
    /// Every series, in a language.
    SeriesIndex(Lang),
    /// The search page of a language.
    Search(Lang),
    /// A country's votes (its index in `Site::voters`), in a language.
    Country(Lang, usize),
    /// Every country with a vote, in a language.
    Countries(Lang),
}

/// Every page of the site.
pub fn plan(site: &Site) -> Vec<Page> {
    let mut pages = vec![Page::Root];
    for &lang in &site.config.languages {
        pages.push(Page::LangHome(lang));
        if site.config.search {
            pages.push(Page::Search(lang));
        }
        for kind in GroupKind::ALL {
            let groups = site.groups.get(&kind).map_or(&[][..], Vec::as_slice);
            pages.extend((0..page_count(groups.len())).map(|p| Page::Groups(lang, kind, p)));
            for (g, group) in groups.iter().enumerate() {
                pages.extend(
                    (0..page_count(group.works.len())).map(|p| Page::Group(lang, kind, g, p)),
                );
            }
        }
    }
    pages.extend((0..site.archive.len()).map(Page::Resolution));
    pages.extend((0..site.archive.works().len()).map(Page::Symbol));
    pages.extend(site.series.compared().map(Page::Changes));
    if !site.series.index.series.is_empty() {
        for &lang in &site.config.languages {
            pages.push(Page::SeriesIndex(lang));
            pages.extend((0..site.series.index.series.len()).map(|k| Page::Series(lang, k)));
        }
    }
    if !site.voters.is_empty() {
        for &lang in &site.config.languages {
            pages.push(Page::Countries(lang));
            pages.extend((0..site.voters.len()).map(|k| Page::Country(lang, k)));
        }
    }
    pages
}

/// Lists longer than this are split into pages.
pub const PAGE_SIZE: usize = 100;

fn page_count(entries: usize) -> usize {
    entries.div_ceil(PAGE_SIZE).max(1)
}

/// The entries of page `page` of a list.
fn page_of<T>(all: &[T], page: usize) -> &[T] {
    let start = (page * PAGE_SIZE).min(all.len());
    &all[start..(start + PAGE_SIZE).min(all.len())]
}

fn context(common: Vec<(&'static str, Value)>, extra: Vec<(&'static str, Value)>) -> Value {
    Value::from_pairs(common.into_iter().chain(extra))
}

/// The site path of a page.
pub fn page_path(site: &Site, page: Page) -> String {
    match page {
        Page::Root => urls::root(),
        Page::LangHome(lang) => urls::lang_home(lang),
        Page::Resolution(i) => {
            let r = site.archive.resolution(i);
            urls::resolution(r.lang, &r.symbol)
        }
        Page::Symbol(w) => urls::symbol(&site.archive.works()[w].0),
        Page::Groups(lang, kind, p) => urls::paged(&urls::groups(lang, kind), p),
        Page::Group(lang, kind, g, p) => {
            urls::paged(&urls::group(lang, kind, &site.groups[&kind][g].key), p)
        }
        Page::Changes(i) => {
            let r = site.archive.resolution(i);
            urls::changes(r.lang, &r.symbol)
        }
        Page::Series(lang, k) => urls::series(lang, &site.series.index.series[k].key),
        Page::SeriesIndex(lang) => urls::series_index(lang),
        Page::Search(lang) => urls::search(lang),
        Page::Country(lang, k) => urls::country(lang, &site.voters[k]),
        Page::Countries(lang) => urls::countries(lang),
    }
}

/// Renders one page's HTML.
pub fn render(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    page: Page,
) -> Result<String, Diagnostic> {
    match page {
        Page::Root => home::root(site, theme),
        Page::LangHome(lang) => home::lang_home(site, theme, lang),
        Page::Resolution(index) => resolution::resolution(site, theme, bodies, index),
        Page::Symbol(work) => resolution::symbol(site, theme, work),
        Page::Groups(lang, kind, page) => groups::groups(site, theme, lang, kind, page),
        Page::Group(lang, kind, index, page) => groups::group(site, theme, lang, kind, index, page),
        Page::Changes(index) => series::render_changes(site, theme, bodies, index),
        Page::Series(lang, k) => series::render_series(site, theme, lang, k),
        Page::SeriesIndex(lang) => series::render_series_index(site, theme, lang),
        Page::Search(lang) => search::search(site, theme, lang),
        Page::Country(lang, k) => countries::render_country(site, theme, lang, k),
        Page::Countries(lang) => countries::render_countries(site, theme, lang),
    }
}
