//! The search index of a site: one per language, at `search/{lang}/`, from the
//! paragraphs the bodies were rendered into, with the facets the search page filters by.
//! Languages are indexed one after the other, so that only one is held in memory.

use std::time::{Duration, Instant};

use super::Write;
use crate::cite::Target;
use crate::diagnostic::Diagnostic;
use crate::model::{Lang, Resolution, session_key, slug};
use crate::output::urls;
use crate::render::Body;
use crate::search::{Document, LanguageIndex, Paragraph, Stats, symbols};
use crate::site::Site;
use crate::theme::Theme;

/// Documents analysed together, on all cores.
const BATCH: usize = 512;

/// What indexing made.
#[derive(Debug, Clone, Default)]
pub struct Indexed {
    pub paths: Vec<String>,
    pub stats: Stats,
    pub elapsed: Duration,
}

/// The facet terms of a resolution, keyed like its groups: `session:ga-73`, `year:2018`,
/// `subject:computer-crimes`, `committee:third-committee`.
pub fn facets(r: &Resolution) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(s) = r.session {
        out.push(format!("session:{}", session_key(r.symbol.organ(), s)));
    }
    out.push(format!("year:{}", r.year()));
    out.extend(r.subjects.iter().map(|s| format!("subject:{}", slug(s))));
    out.extend(
        r.committee_entry()
            .map(|c| format!("committee:{}", slug(c))),
    );
    out
}

/// The keys of the documents a resolution records (its report or draft) and cites, in
/// the order they come, each once.
fn document_keys(r: &Resolution, body: &Body) -> Vec<String> {
    let cited = body.citations.iter().filter_map(|c| match &c.target {
        Target::Document(d) => Some(d.as_str()),
        _ => None,
    });
    let mut out: Vec<String> = Vec::new();
    for key in r.report.iter().map(String::as_str).chain(cited) {
        if let Some(key) = symbols::document_key(key)
            && !out.contains(&key)
        {
            out.push(key);
        }
    }
    out
}

/// Writes the index of every language of the site; returns the site paths written.
pub(super) fn write(
    site: &Site,
    theme: &Theme,
    bodies: &[Body],
    write: &Write<'_>,
    tick: &(dyn Fn(usize) + Sync),
) -> Result<Indexed, Diagnostic> {
    let started = Instant::now();
    let mut out = Indexed::default();
    for &lang in &site.config.languages {
        let dir = urls::search_index(lang);
        let paths = std::sync::Mutex::new(Vec::new());
        let put = |rel: &str, bytes: &[u8]| -> std::io::Result<()> {
            let path = format!("{dir}{rel}");
            write(&path, bytes).map_err(|d| std::io::Error::other(d.message))?;
            paths.lock().expect("not poisoned").push(path);
            Ok(())
        };
        let stats = index_language(site, theme, bodies, lang, &put, tick).map_err(|e| {
            Diagnostic::error(&dir, 0, 0, e.to_string())
                .with_hint("check free disk space and permissions of the output folder")
        })?;
        out.paths.extend(paths.into_inner().expect("not poisoned"));
        out.stats.documents += stats.documents;
        out.stats.terms += stats.terms;
        out.stats.words += stats.words;
        out.stats.files += stats.files;
        out.stats.bytes += stats.bytes;
        out.stats.symbol_bytes += stats.symbol_bytes;
        out.stats.snippet_bytes += stats.snippet_bytes;
    }
    out.elapsed = started.elapsed();
    Ok(out)
}

fn index_language(
    site: &Site,
    theme: &Theme,
    bodies: &[Body],
    lang: Lang,
    put: &crate::search::index::Write<'_>,
    tick: &(dyn Fn(usize) + Sync),
) -> Result<Stats, crate::search::IndexError> {
    let strings = theme.strings(lang);
    let archive = &site.archive;
    let which: Vec<usize> = (0..archive.len())
        .filter(|&i| archive.resolution(i).lang == lang)
        .collect();
    let mut index = LanguageIndex::new(lang, put);
    for batch in which.chunks(BATCH) {
        let heads: Vec<String> = batch
            .iter()
            .map(|&i| {
                let r = archive.resolution(i);
                format!("{} {}", r.symbol, r.title)
            })
            .collect();
        let texts: Vec<Vec<crate::render::Paragraph>> =
            batch.iter().map(|&i| bodies[i].paragraphs()).collect();
        let docs: Vec<Document<'_>> = batch
            .iter()
            .zip(&heads)
            .zip(&texts)
            .map(|((&i, head), texts)| {
                let r = archive.resolution(i);
                let mut paragraphs = vec![Paragraph {
                    anchor: None,
                    text: head,
                }];
                paragraphs.extend(texts.iter().map(|p| Paragraph {
                    anchor: p.id.as_deref(),
                    text: &p.text,
                }));
                Document {
                    path: urls::resolution(lang, &r.symbol),
                    symbol: r.symbol.as_str(),
                    title: &r.title,
                    date: strings.date(&r.adopted.to_string()),
                    facets: facets(r),
                    paragraphs,
                    symbol_keys: symbols::keys(&r.symbol),
                    document_keys: document_keys(r, &bodies[i]),
                }
            })
            .collect();
        index.add(&docs)?;
        tick(batch.len());
    }
    index.finish()
}
