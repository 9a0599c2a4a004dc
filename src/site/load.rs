//! Loading a site: its settings, its theme, every resolution file, and every body rendered,
//! checked and assembled into a [`Site`](super::Site).

use std::borrow::Cow;
use std::path::Path;
use std::sync::Arc;

use super::{Carried, Site, assemble, bodies};
use crate::config::Config;
use crate::content;
use crate::diagnostic::Diagnostic;
use crate::model::Archive;
use crate::options::BuildOptions;
use crate::output::Urls;
use crate::progress::{Silent, Stage, Stages};
use crate::render::Body;
use crate::theme::Theme;

/// Everything a build knows before it renders pages: the theme, the site, and every
/// rendered body. `plenary serve` keeps one between saves.
pub struct Generation {
    pub theme: Theme,
    pub site: Arc<Site>,
    /// Aligned with `site.archive.resolutions()`.
    pub bodies: Vec<Body>,
    pub warnings: Vec<Diagnostic>,
}

impl Generation {
    /// Loads and checks the site and renders every body, keeping every resolution's
    /// Markdown to compare it with the next save. Returns every problem found.
    pub fn new(opts: &BuildOptions) -> Result<Generation, Vec<Diagnostic>> {
        Generation::load(opts, &mut Stages::new(&Silent), true)
    }

    /// `keep_texts`: keep the Markdown of every resolution after rendering it. A build
    /// lets go of each text as soon as it is rendered: at archive scale the texts are a
    /// large part of its memory.
    pub(crate) fn load(
        opts: &BuildOptions,
        stages: &mut Stages<'_>,
        keep_texts: bool,
    ) -> Result<Generation, Vec<Diagnostic>> {
        let root = &opts.root;
        stages.begin(Stage::Load, 0);
        let mut diagnostics = Vec::new();
        let config = settings(opts, &mut diagnostics);
        let theme = match Theme::load(root, config.as_ref().and_then(|c| c.theme.as_deref())) {
            Ok(t) => Some(t),
            Err(d) => {
                diagnostics.extend(d);
                None
            }
        };
        let mut loaded = content::load(root, &root.join("content"), opts.drafts, stages.progress());
        diagnostics.extend(loaded.diagnostics);
        let data = content::data::load(root, &root.join("data"));
        diagnostics.extend(data.diagnostics);
        for r in &mut loaded.resolutions {
            diagnostics.extend(content::data::join(
                r,
                &data.agenda,
                data.thesaurus.as_ref(),
            ));
        }
        let (Some(config), Some(theme)) = (config, theme) else {
            return Err(diagnostics);
        };
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        diagnostics.extend(host_warning(&config, opts.base_url.is_some()));
        let urls = Urls::new(config.base_path()).with_absolute(config.absolute_base());
        let (archive, texts) = if keep_texts {
            (Archive::new(loaded.resolutions), None)
        } else {
            let paired = loaded
                .resolutions
                .into_iter()
                .map(|mut r| {
                    let text = std::mem::take(&mut r.body);
                    (r, text)
                })
                .collect();
            let (archive, texts) = Archive::with(paired);
            (archive, Some(texts))
        };
        let tell = stages.begin(Stage::Link, archive.len());
        let tick = |n: usize| tell.advance(n);
        let bodies = match texts {
            None => bodies::render_bodies(
                &archive,
                &config,
                &urls,
                &theme,
                (0..archive.len()).collect(),
                &tick,
            ),
            Some(texts) => bodies::render_each(
                &archive,
                &config,
                &urls,
                &theme,
                texts.into_iter().map(Cow::Owned).enumerate().collect(),
                &tick,
            ),
        };
        let carried = Carried {
            votes: data.votes,
            agenda: data.agenda,
            thesaurus: data.thesaurus,
            groups: None,
        };
        assemble(theme, archive, config, urls, bodies, diagnostics, carried)
    }
}

/// `site.toml` with the command line's overrides; its problems go to `diagnostics`.
fn settings(opts: &BuildOptions, diagnostics: &mut Vec<Diagnostic>) -> Option<Config> {
    match Config::load(&opts.root.join("site.toml"), Path::new("site.toml")) {
        Ok(mut c) => {
            if let Some(base) = &opts.base_url {
                c.base_url = base.clone();
                if let Err(why) = crate::config::base_path_of(base) {
                    diagnostics.push(
                        Diagnostic::error("--base-url", 0, 0, why)
                            .with_hint("give a URL such as https://example.org/archive/"),
                    );
                }
            }
            c.relative_links |= opts.relative_links;
            c.search &= !opts.no_search;
            Some(c)
        }
        Err(d) => {
            diagnostics.extend(d);
            None
        }
    }
}

/// Without a host in the base URL there are no sitemap, no feeds and no URL in citations:
/// a warning says so, at `site.toml` or at `--base-url`, whichever set it.
pub fn host_warning(config: &Config, from_command_line: bool) -> Option<Diagnostic> {
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
