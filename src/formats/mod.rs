//! The files a published archive carries besides its pages: `robots.txt`, the sitemap,
//! the Atom feeds, each resolution's data and citations, the catalogue, and the search
//! index. Each comes from its own module, a pure function from the site to bytes, with the
//! built-in theme's words whatever the site's theme (the search index alone shows dates as
//! the site's theme writes them, as its pages do); this one
//! makes them for a site, on all cores, and hands each to a writer as soon as it is made.

pub mod citation;
pub mod country_data;
pub mod data;
pub mod feeds;
pub mod search;
pub mod sitemap;
pub mod terms;

use std::collections::HashSet;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::output::urls;
use crate::render::Body;
use crate::site::Site;
use crate::theme::{Strings, Theme};

/// Writes a file at a site path.
pub type Write<'a> = dyn Fn(&str, &[u8]) -> Result<(), Diagnostic> + Sync + 'a;

/// Makes every file but the search index and writes it; returns their site paths.
pub fn files(
    site: &Site,
    bodies: &[Body],
    sitemap: &[sitemap::Url],
    write: &Write<'_>,
    only: Option<&HashSet<usize>>,
    tick: &(dyn Fn(usize) + Sync),
) -> Result<Vec<String>, Diagnostic> {
    let mut paths = Vec::with_capacity(site.archive.len() * 4 + 16);
    // With only some resolutions changed, and no metadata, the files about the whole
    // archive stay as they are.
    if only.is_none() {
        paths.extend(site_wide(site, sitemap, write)?);
    }
    let per_resolution: Vec<Vec<String>> = (0..site.archive.len())
        .into_par_iter()
        .filter(|i| only.is_none_or(|o| o.contains(i)))
        .map(|i| {
            let r = site.archive.resolution(i);
            let c = citation::citation(site, Strings::built_in(r.lang), r);
            let mut files = citation::files(&c, r);
            files.push((
                urls::resolution_json(r.lang, &r.symbol),
                data::resolution_json(site, bodies, i).into_bytes(),
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
pub fn search_index(
    site: &Site,
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

/// robots.txt, the sitemap (of the entries of every page), the feeds and the catalogue.
fn site_wide(
    site: &Site,
    entries: &[sitemap::Url],
    write: &Write<'_>,
) -> Result<Vec<String>, Diagnostic> {
    let sitemap_url = site.urls.absolute(urls::SITEMAP);
    let mut out = vec![(
        urls::ROBOTS.to_string(),
        sitemap::robots(sitemap_url.as_deref()).into_bytes(),
    )];
    if let Some(base) = site.urls.absolute("") {
        out.extend(sitemap::files(entries, &base, sitemap::Limits::default()));
    }
    for &lang in &site.config.languages {
        if let Some(feed) = feeds::feed(site, lang) {
            out.push((urls::feed(lang), feed));
        }
    }
    out.extend(country_data::files(site));
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
