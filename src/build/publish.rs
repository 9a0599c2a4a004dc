//! The files a published archive carries besides its pages: `404.html`, `robots.txt`,
//! the sitemap, the Atom feeds, each resolution's data and citations, and the
//! catalogue. Each comes from its own module; this one lists them for a site and renders
//! them on all cores.

use std::sync::Arc;

use rayon::prelude::*;

use super::views::Site;
use super::{Page, citation, data, urls};
use crate::diagnostic::Diagnostic;
use crate::render::Body;
use crate::theme::Theme;

/// Every file, as (site path, bytes).
pub(super) fn files(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    _pages: &[Page],
) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let mut out = Vec::new();
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
    let per_resolution: Vec<(String, Vec<u8>)> = (0..site.archive.len())
        .into_par_iter()
        .flat_map_iter(|i| {
            let r = site.archive.resolution(i);
            let c = citation::citation(site, theme, r);
            let mut files = citation::files(&c, r);
            files.push((
                urls::resolution_json(r.lang, &r.symbol),
                data::resolution_json(site, theme, bodies, i).into_bytes(),
            ));
            files
        })
        .collect();
    out.extend(per_resolution);
    Ok(out)
}
