//! Every body rendered on all cores, and the problems found in them at their lines in the
//! files.

use std::borrow::Cow;
use std::collections::HashMap;

use rayon::prelude::*;

use super::linker::SiteLinker;
use crate::cite::Target;
use crate::config::Config;
use crate::diagnostic::Diagnostic;
use crate::model::{Archive, Lang};
use crate::output::Urls;
use crate::render::{self, Body, RenderOptions};
use crate::theme::Theme;

/// Renders the bodies of resolutions `which` on all cores, linking citations through the
/// archive.
pub fn render_bodies(
    archive: &Archive,
    config: &Config,
    urls: &Urls,
    theme: &Theme,
    which: Vec<usize>,
    tick: &(dyn Fn(usize) + Sync),
) -> Vec<Body> {
    let sources = which
        .into_iter()
        .map(|i| (i, Cow::Borrowed(archive.resolution(i).body.as_str())))
        .collect();
    render_each(archive, config, urls, theme, sources, tick)
}

/// Renders each (resolution, Markdown) pair on all cores; a Markdown text owned here is
/// dropped as soon as its body is rendered.
pub fn render_each(
    archive: &Archive,
    config: &Config,
    urls: &Urls,
    theme: &Theme,
    sources: Vec<(usize, Cow<'_, str>)>,
    tick: &(dyn Fn(usize) + Sync),
) -> Vec<Body> {
    let options = RenderOptions {
        raw_html: config.raw_html,
    };
    let linker = SiteLinker {
        archive,
        urls,
        resolver: config.resolver.as_deref(),
    };
    let labels: HashMap<Lang, render::AnchorLabels> = Lang::ALL
        .into_iter()
        .map(|l| {
            let t = theme.strings(l);
            let get = |k: &str| t.text(k);
            let default = render::AnchorLabels::default();
            let labels = render::AnchorLabels {
                preambular: get("pp_label").unwrap_or(default.preambular),
                operative: get("op_label").unwrap_or(default.operative),
                footnote_back: get("footnote_back").unwrap_or(default.footnote_back),
                heading_link: get("heading_link").unwrap_or(default.heading_link),
            };
            (l, labels)
        })
        .collect();
    sources
        .into_par_iter()
        .map(|(i, markdown)| {
            let r = archive.resolution(i);
            let ctx = render::Context {
                options,
                lang: r.lang,
                organ: r.symbol.organ(),
                linker: &linker,
                labels: &labels[&r.lang],
            };
            let mut body = render::render_body(&markdown, &ctx);
            drop(markdown);
            body.html.pack();
            tick(1);
            body
        })
        .collect()
}

/// Problems found while rendering bodies, at their lines in the files.
pub fn body_problems(archive: &Archive, bodies: &[Body]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (r, body) in archive.resolutions().iter().zip(bodies) {
        for p in &body.problems {
            let line = r.body_line + p.line.saturating_sub(1);
            let d = if p.error {
                Diagnostic::error(&r.source, line, p.column, p.message.clone())
            } else {
                Diagnostic::warning(&r.source, line, p.column, p.message.clone())
            };
            out.push(d.with_hint(p.hint.clone()));
        }
    }
    out
}

/// "paragraph 9 of resolution 78/19" where 78/19 has fewer operative paragraphs.
pub fn pinpoint_problems(archive: &Archive, bodies: &[Body]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (r, body) in archive.resolutions().iter().zip(bodies) {
        for f in &body.citations {
            let (Target::Resolution(symbol), Some(n)) = (&f.target, f.paragraph) else {
                continue;
            };
            let versions = archive.versions(symbol);
            if versions.is_empty() {
                continue;
            }
            let most = versions
                .iter()
                .map(|&i| bodies[i].operative)
                .max()
                .unwrap_or(0);
            if n > most {
                out.push(
                    Diagnostic::warning(
                        &r.source,
                        r.body_line + f.line.saturating_sub(1),
                        1,
                        format!("paragraph {n} of {symbol} does not exist: it has {most} operative paragraphs"),
                    )
                    .with_hint("check the paragraph number, or the numbering of the cited resolution's file"),
                );
            }
        }
    }
    out
}
