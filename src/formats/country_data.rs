//! Open data of each country with votes: `data/countries/{CODE}.json`, its name in the six
//! languages and its vote on every symbol of `data/`, newest first. Documented in
//! `docs/open-data.md`.

use std::collections::BTreeMap;

use serde::Serialize;

use super::data::FORMAT_VERSION;
use crate::cite::Target;
use crate::model::{Lang, countries};
use crate::output::urls;
use crate::render::Linker;
use crate::site::Site;

#[derive(Serialize)]
struct CountryData<'a> {
    format_version: u32,
    /// ISO 3166-1 alpha-2.
    country: &'a str,
    /// By language code, where the names table has one.
    names: BTreeMap<&'static str, &'static str>,
    member_state: bool,
    votes: Vec<CountryVoteData<'a>>,
}

#[derive(Serialize)]
struct CountryVoteData<'a> {
    symbol: &'a str,
    date: Option<String>,
    /// `yes`, `no`, `abstain` or `absent`.
    vote: &'static str,
    /// The archive's title in the site's default language, else the vote data's.
    title: Option<&'a str>,
    in_archive: bool,
    /// The archive's page of the symbol, or the resolver's URL.
    url: Option<String>,
}

/// The JSON of country `code`.
pub fn country_json(site: &Site, code: &str) -> String {
    let lang = site.config.default_language;
    let mut votes: Vec<CountryVoteData<'_>> = site
        .votes_of(code)
        .map(|(symbol, ballot)| {
            let work = site.archive.work_of(symbol);
            let title = match work {
                Some(w) => Some(
                    site.archive
                        .resolution(site.archive.best_version(w, lang))
                        .title
                        .as_str(),
                ),
                None => site.votes[symbol].title.as_deref(),
            };
            let url = match work {
                Some(_) => Some(site.urls.best(&urls::symbol(symbol))),
                None => site
                    .linker()
                    .href(&Target::Resolution(symbol.clone()), None, lang)
                    .map(|h| h.url),
            };
            CountryVoteData {
                symbol: symbol.as_str(),
                date: site.vote_date(symbol).map(|d| d.to_string()),
                vote: ballot.key(),
                title,
                in_archive: work.is_some(),
                url,
            }
        })
        .collect();
    votes.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| b.symbol.cmp(a.symbol)));
    let data = CountryData {
        format_version: FORMAT_VERSION,
        country: code,
        names: Lang::ALL
            .into_iter()
            .filter_map(|l| Some((l.code(), countries::name(code, l)?)))
            .collect(),
        member_state: countries::is_member_state(code),
        votes,
    };
    let mut out = serde_json::to_string_pretty(&data).unwrap_or_default();
    out.push('\n');
    out
}

/// Every country's JSON, by site path.
pub fn files(site: &Site) -> Vec<(String, Vec<u8>)> {
    site.voters
        .iter()
        .map(|code| {
            (
                urls::country_data(code),
                country_json(site, code).into_bytes(),
            )
        })
        .collect()
}
