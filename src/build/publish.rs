//! The files a published archive carries besides its pages: `404.html`, `robots.txt`,
//! the sitemap, the Atom feeds, each resolution's data and citations, the catalogue, and
//! the search index. Each comes from its own module; this one makes them for a site, on all
//! cores, and hands each to a writer as soon as it is made.

use std::sync::Arc;

use minijinja::Value;
use rayon::prelude::*;

use super::views::{self, Site};
use super::{Page, citation, data, feeds, page_path, search, sitemap, urls};
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::Lang;
use crate::render::Body;
use crate::theme::Theme;

/// Writes a file at a site path.
pub(super) type Write<'a> = dyn Fn(&str, &[u8]) -> Result<(), Diagnostic> + Sync + 'a;

/// Makes every file but the search index and writes it; returns their site paths.
pub(super) fn files(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    pages: &[Page],
    write: &Write<'_>,
    only: Option<&std::collections::HashSet<usize>>,
    tick: &(dyn Fn(usize) + Sync),
) -> Result<Vec<String>, Diagnostic> {
    let mut paths = Vec::with_capacity(site.archive.len() * 4 + 16);
    // With only some resolutions changed, and no metadata, the files about the whole
    // archive stay as they are.
    if only.is_none() {
        paths.extend(site_wide(site, theme, pages, write)?);
    }
    let per_resolution: Vec<Vec<String>> = (0..site.archive.len())
        .into_par_iter()
        .filter(|i| only.is_none_or(|o| o.contains(i)))
        .map(|i| {
            let r = site.archive.resolution(i);
            let c = citation::citation(site, theme, r);
            let mut files = citation::files(&c, r);
            files.push((
                urls::resolution_json(r.lang, &r.symbol),
                data::resolution_json(site, theme, bodies, i).into_bytes(),
            ));
            let written = files
                .into_iter()
                .map(|(path, bytes)| write(&path, &bytes).map(|()| path))
                .collect();
            tick(1);
            written
        })
        .collect::<Result<_, _>>()?;
    paths.extend(per_resolution.into_iter().flatten());
    Ok(paths)
}

/// The search index, when the site has search. It is made whole each time: a term's
/// postings span the archive.
pub(super) fn search_index(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    write: &Write<'_>,
    tick: &(dyn Fn(usize) + Sync),
) -> Result<Vec<String>, Diagnostic> {
    if !site.config.search {
        return Ok(Vec::new());
    }
    Ok(search::write(site, theme, bodies, write, tick)?.paths)
}

/// The 404 page, robots.txt, the sitemap, the feeds and the catalogue.
fn site_wide(
    site: &Arc<Site>,
    theme: &Theme,
    pages: &[Page],
    write: &Write<'_>,
) -> Result<Vec<String>, Diagnostic> {
    let mut out = vec![(urls::NOT_FOUND.to_string(), not_found(site, theme)?)];
    let sitemap_url = site.urls.absolute(urls::SITEMAP);
    out.push((
        urls::ROBOTS.to_string(),
        sitemap::robots(sitemap_url.as_deref()).into_bytes(),
    ));
    if let Some(base) = site.urls.absolute("") {
        let entries: Vec<sitemap::Url> = pages
            .iter()
            .filter_map(|&p| sitemap_url_of(site, p))
            .collect();
        out.extend(sitemap::files(&entries, &base, sitemap::Limits::default()));
    }
    for &lang in &site.config.languages {
        if let Some(feed) = feeds::feed(site, theme, lang) {
            out.push((urls::feed(lang), feed));
        }
    }
    out.push((
        urls::catalogue("jsonl"),
        data::catalogue_jsonl(site).into_bytes(),
    ));
    out.push((
        urls::catalogue("csv"),
        data::catalogue_csv(site).map_err(|e| {
            Diagnostic::error(urls::catalogue("csv"), 0, 0, e.to_string())
                .with_hint("this is a bug in plenary; please report it")
        })?,
    ));
    let mut paths = Vec::with_capacity(out.len());
    for (path, bytes) in out {
        write(&path, &bytes)?;
        paths.push(path);
    }
    Ok(paths)
}

/// Without a host in the base URL there are no sitemap, no feeds and no URL in citations:
/// a warning says so, at `site.toml` or at `--base-url`, whichever set it.
pub(super) fn host_warning(config: &Config, from_command_line: bool) -> Option<Diagnostic> {
    if config.absolute_base().is_some() {
        return None;
    }
    let place = if from_command_line {
        "--base-url"
    } else {
        "site.toml"
    };
    Some(
        Diagnostic::warning(
            place,
            0,
            0,
            format!(
                "the base URL `{}` names no host, so sitemap.xml and the Atom feeds are not written and citations carry no URL",
                config.base_url
            ),
        )
        .with_hint("give the full address the site will have, e.g. base_url = \"https://example.org/archive/\" in site.toml, or --base-url"),
    )
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

/// `404.html`: the message in the default language, and the archive's home in every
/// language of the site, each with the message in that language. Its links are
/// root-relative even with `relative_links`, because a host serves it at any address.
fn not_found(site: &Arc<Site>, theme: &Theme) -> Result<Vec<u8>, Diagnostic> {
    let lang = site.config.default_language;
    let switcher = views::switcher_all(site, None, urls::lang_home);
    let homes: Vec<Value> = site
        .config
        .languages
        .iter()
        .map(|&l| {
            Value::from_pairs([
                ("code", Value::from(l.code())),
                ("name", Value::from(l.endonym())),
                ("dir", Value::from(l.dir())),
                ("title", Value::from(site.config.title_in(l))),
                ("url", Value::from(site.urls.url(&urls::lang_home(l)))),
            ])
        })
        .collect();
    let ctx = Value::from_pairs(
        views::common(site, theme, lang, switcher)
            .into_iter()
            .chain([("homes", Value::from(homes))]),
    );
    Ok(theme.render("404.html", ctx)?.into_bytes())
}
