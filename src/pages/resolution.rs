//! A resolution's page in one language, and the page of its symbol, which lists every
//! language version.

use std::sync::Arc;

use minijinja::Value;

use super::context;
use super::official::official_links;
use super::resolution_view::ResolutionView;
use super::views;
use crate::diagnostic::Diagnostic;
use crate::formats::{citation, data};
use crate::model::Resolution;
use crate::output::urls;
use crate::render::Body;
use crate::site::Site;
use crate::theme::{Theme, to_value};
use serde::Serialize;

/// A resolution in one language: its card, its text, its citations and its series.
pub fn resolution(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    index: usize,
) -> Result<String, Diagnostic> {
    let archive = &site.archive;
    let r = archive.resolution(index);
    let switcher = views::switcher_resolution(site, r);
    let view = ResolutionView {
        site: Arc::clone(site),
        index,
    };
    let ctx = context(
        views::common(site, theme, r.lang, switcher),
        vec![
            ("page", Value::from_object(view)),
            (
                "body",
                Value::from_safe_string(bodies[index].html.text().into_owned()),
            ),
            ("cite", cite_value(site, theme, r)),
            ("jsonld", Value::from_safe_string(data::jsonld(site, index))),
            (
                "data_url",
                Value::from(site.urls.url(&urls::resolution_json(r.lang, &r.symbol))),
            ),
        ],
    );
    theme.render("resolution.html", ctx)
}

/// A symbol: every language version of the resolution.
pub fn symbol(site: &Arc<Site>, theme: &Theme, work: usize) -> Result<String, Diagnostic> {
    let archive = &site.archive;
    let (symbol, versions) = &archive.works()[work];
    let lang = archive
        .resolution(archive.best_version(work, site.config.default_language))
        .lang;
    let switcher = views::switcher_all(site, None, urls::lang_home);
    let ctx = context(
        views::common(site, theme, lang, switcher),
        vec![
            ("symbol", Value::from(symbol.as_str())),
            (
                "versions",
                to_value(symbol_versions(site, symbol.as_str(), versions)),
            ),
        ],
    );
    theme.render("symbol.html", ctx)
}

/// One row of a symbol's page: a language, its version in the archive if there is one, and
/// its official document at the resolver if the site has one.
#[derive(Serialize)]
struct SymbolVersion {
    code: &'static str,
    name: &'static str,
    dir: &'static str,
    title: Option<String>,
    url: Option<String>,
    official: Option<String>,
}

/// The rows of a symbol's page: all six languages when the site has a resolver (each with
/// its official document, those in the archive linked too), else the archive's versions.
fn symbol_versions(site: &Site, symbol: &str, versions: &[usize]) -> Vec<SymbolVersion> {
    let archive = &site.archive;
    let mut official = official_links(site, symbol).into_iter().peekable();
    let in_archive: Vec<&Resolution> = versions.iter().map(|&i| archive.resolution(i)).collect();
    if official.peek().is_none() {
        return in_archive
            .iter()
            .map(|r| archive_version(site, r, None))
            .collect();
    }
    official
        .map(
            |o| match in_archive.iter().find(|r| r.lang.code() == o.code) {
                Some(r) => archive_version(site, r, Some(o.url)),
                None => SymbolVersion {
                    code: o.code,
                    name: o.name,
                    dir: o.dir,
                    title: None,
                    url: None,
                    official: Some(o.url),
                },
            },
        )
        .collect()
}

fn archive_version(site: &Site, r: &Resolution, official: Option<String>) -> SymbolVersion {
    SymbolVersion {
        code: r.lang.code(),
        name: r.lang.endonym(),
        dir: r.lang.dir(),
        title: Some(r.title.clone()),
        url: Some(site.urls.url(&urls::resolution(r.lang, &r.symbol))),
        official,
    }
}

/// What the `cite_this.html` template gets as `cite`.
#[derive(Serialize)]
struct CiteValue {
    text: String,
    parts: Vec<citation::Part>,
    url: Option<String>,
    downloads: Vec<Download>,
}

#[derive(Serialize)]
struct Download {
    format: &'static str,
    url: String,
    file: String,
}

/// The `cite` variable of a resolution page.
fn cite_value(site: &Site, theme: &Theme, r: &Resolution) -> Value {
    let c = citation::citation(site, &theme.strings(r.lang), r);
    let downloads = citation::FORMATS
        .iter()
        .map(|&(ext, format)| Download {
            format,
            url: site.urls.url(&urls::citation(r.lang, &r.symbol, ext)),
            file: format!("{}.{ext}", citation::file_stem(&c)),
        })
        .collect();
    to_value(CiteValue {
        text: c.text,
        parts: c.parts,
        url: c.url,
        downloads,
    })
}
