//! The pages of countries: one per country with a vote in `data/` (its vote on every
//! recorded vote, newest first, in the archive or not), and the list of them all.

use std::sync::Arc;

use minijinja::Value;
use serde::Serialize;

use super::views;
use crate::cite::Target;
use crate::diagnostic::Diagnostic;
use crate::model::{Lang, Symbol, countries};
use crate::output::urls;
use crate::render::Linker;
use crate::site::Site;
use crate::theme::{Theme, to_value};

/// A country's vote on one symbol, as its page lists it.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct CountryVote<'a> {
    pub symbol: &'a str,
    pub date: Option<String>,
    pub title: Option<&'a str>,
    /// The language of the title, where it is not the page's own.
    pub title_lang: Option<&'static str>,
    /// Its direction, where it is not the page's own.
    pub title_dir: Option<&'static str>,
    pub url: Option<String>,
    pub in_archive: bool,
    pub vote: &'static str,
}

/// Every vote of `code`, newest first (by date, then by symbol): the archive's version in
/// `lang` where it has one, else the data's date and title (in English) and the
/// resolver's link.
pub fn country_votes<'a>(site: &'a Site, code: &'a str, lang: Lang) -> Vec<CountryVote<'a>> {
    let mut votes: Vec<(&Symbol, CountryVote<'a>)> = site
        .votes_of(code)
        .map(|(symbol, ballot)| {
            let vote = match site.archive.work_of(symbol) {
                Some(w) => {
                    let r = site.archive.resolution(site.archive.best_version(w, lang));
                    CountryVote {
                        symbol: symbol.as_str(),
                        date: Some(r.adopted.to_string()),
                        title: Some(&r.title),
                        title_lang: (r.lang != lang).then_some(r.lang.code()),
                        title_dir: (r.lang.dir() != lang.dir()).then_some(r.lang.dir()),
                        url: Some(site.urls.url(&urls::resolution(r.lang, &r.symbol))),
                        in_archive: true,
                        vote: ballot.key(),
                    }
                }
                None => {
                    let data = &site.votes[symbol];
                    CountryVote {
                        symbol: symbol.as_str(),
                        date: data.date.map(|d| d.to_string()),
                        title: data.title.as_deref(),
                        title_lang: (lang != Lang::En && data.title.is_some())
                            .then_some(Lang::En.code()),
                        title_dir: (lang.dir() != Lang::En.dir() && data.title.is_some())
                            .then_some(Lang::En.dir()),
                        url: site
                            .linker()
                            .href(&Target::Resolution(symbol.clone()), None, lang)
                            .map(|h| h.url),
                        in_archive: false,
                        vote: ballot.key(),
                    }
                }
            };
            (symbol, vote)
        })
        .collect();
    votes.sort_by(|a, b| b.1.date.cmp(&a.1.date).then_with(|| b.0.cmp(a.0)));
    votes.into_iter().map(|(_, v)| v).collect()
}

/// A country in the list of countries.
#[derive(Serialize, Debug)]
pub struct CountryEntry<'a> {
    pub code: &'a str,
    pub name: &'static str,
    pub url: String,
    pub count: usize,
}

/// Every country with a vote, sorted by its name in `lang`.
pub fn country_entries(site: &Site, lang: Lang) -> Vec<CountryEntry<'_>> {
    let mut all: Vec<CountryEntry<'_>> = site
        .voters
        .iter()
        .map(|code| CountryEntry {
            code,
            name: countries::name(code, lang)
                .or_else(|| countries::name(code, Lang::En))
                .unwrap_or("?"),
            url: site.urls.url(&urls::country(lang, code)),
            count: site.votes_of(code).count(),
        })
        .collect();
    all.sort_by(|a, b| countries::by_name((a.code, a.name), (b.code, b.name)));
    all
}

/// The page of country `k` of `site.voters` in `lang`.
pub fn render_country(
    site: &Arc<Site>,
    theme: &Theme,
    lang: Lang,
    k: usize,
) -> Result<String, Diagnostic> {
    let code = site.voters[k].as_str();
    let switcher = views::switcher_all(site, Some(lang), |l| urls::country(l, code));
    let ctx = Value::from_pairs(
        views::common(site, theme, lang, switcher)
            .into_iter()
            .chain([
                ("code", Value::from(code)),
                ("name", Value::from(countries::display_name(code, lang))),
                ("member", Value::from(countries::is_member_state(code))),
                ("votes", to_value(country_votes(site, code, lang))),
                (
                    "index_url",
                    Value::from(site.urls.url(&urls::countries(lang))),
                ),
                (
                    "data_url",
                    Value::from(site.urls.url(&urls::country_data(code))),
                ),
            ]),
    );
    theme.render("country.html", ctx)
}

/// The list of every country with a vote, in `lang`.
pub fn render_countries(site: &Arc<Site>, theme: &Theme, lang: Lang) -> Result<String, Diagnostic> {
    let switcher = views::switcher_all(site, Some(lang), urls::countries);
    let ctx = Value::from_pairs(
        views::common(site, theme, lang, switcher)
            .into_iter()
            .chain([("countries", to_value(country_entries(site, lang)))]),
    );
    theme.render("countries.html", ctx)
}
