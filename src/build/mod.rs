//! The build: load, check, render every page in parallel, write atomically.
//!
//! ```text
//! site.toml ─► config
//! content/ ──► load ──► Archive ──► render bodies ──► pages ──► staging ──► public/
//! themes/ ─────────────────────────► theme ─┘
//! ```

pub mod output;
pub mod urls;
pub mod views;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use minijinja::Value;
use rayon::prelude::*;

use crate::config::Config;
use crate::content;
use crate::diagnostic::Diagnostic;
use crate::model::{Archive, GroupKind, Lang};
use crate::render::{self, Body, RenderOptions};
use crate::theme::{self, Theme};
use output::{OutputError, Staging};
use urls::Urls;
use views::{ResolutionView, Site};

/// What to build, from the command line.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder: `site.toml`, `content/`, `themes/`, `static/`.
    pub root: PathBuf,
    /// Where the site goes; `public/` under the root by default.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of `site.toml`.
    pub base_url: Option<String>,
    /// Include resolutions marked `draft: true`.
    pub drafts: bool,
    /// Check only: run every stage but write nothing.
    pub dry_run: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            dry_run: false,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// A finished build.
#[derive(Debug)]
pub struct BuildReport {
    pub resolutions: usize,
    pub pages: usize,
    pub files: usize,
    pub elapsed: Duration,
    pub warnings: Vec<Diagnostic>,
    pub output: Option<PathBuf>,
}

/// Why a build failed. Nothing was written to the output in any case.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("{} problem(s) found", crate::diagnostic::error_count(.0))]
    Invalid(Vec<Diagnostic>),
    #[error(transparent)]
    Output(#[from] OutputError),
}

/// One page of the site.
#[derive(Debug, Clone, Copy)]
enum Page {
    Root,
    LangHome(Lang),
    Resolution(usize),
    Symbol(usize),
    Groups(Lang, GroupKind),
    Group(Lang, GroupKind, usize),
}

/// Builds a site. On any error, every problem found is returned and the output folder is
/// left as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let root = &opts.root;
    let output_dir = opts.output_dir();
    if !opts.dry_run {
        output::check_output(root, &output_dir)?;
    }

    let mut diagnostics = Vec::new();
    let config = match Config::load(&root.join("site.toml"), Path::new("site.toml")) {
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
            Some(c)
        }
        Err(d) => {
            diagnostics.extend(d);
            None
        }
    };
    let theme = match Theme::load(root, config.as_ref().and_then(|c| c.theme.as_deref())) {
        Ok(t) => Some(t),
        Err(d) => {
            diagnostics.extend(d);
            None
        }
    };
    let loaded = content::load(root, &root.join("content"), opts.drafts);
    diagnostics.extend(loaded.diagnostics);
    let (Some(config), Some(theme)) = (config, theme) else {
        return Err(BuildError::Invalid(diagnostics));
    };
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(BuildError::Invalid(diagnostics));
    }
    let warnings = diagnostics;

    let render_opts = RenderOptions {
        raw_html: config.raw_html,
    };
    let urls = Urls::new(config.base_path());
    let archive = Archive::new(loaded.resolutions);
    let bodies: Vec<Body> = archive
        .resolutions()
        .par_iter()
        .map(|r| render::render_body(&r.body, render_opts))
        .collect();
    let site = Arc::new(Site::new(archive, config, urls));
    let pages = plan(&site);

    let staging = if opts.dry_run {
        None
    } else {
        Some(Staging::create(&output_dir)?)
    };
    let results: Vec<Result<(), Diagnostic>> = pages
        .par_iter()
        .map(|&page| {
            let (path, html) = render_page(&site, &theme, &bodies, page)?;
            if let Some(staging) = &staging {
                staging
                    .write(&urls::file_of(&path), html.as_bytes())
                    .map_err(|e| {
                        Diagnostic::error(output_dir.join(&path), 0, 0, e.to_string())
                            .with_hint("check free disk space and permissions of the output folder")
                    })?;
            }
            Ok(())
        })
        .collect();

    // The same template error would otherwise be reported once per page.
    let mut seen = HashSet::new();
    let errors: Vec<Diagnostic> = results
        .into_iter()
        .filter_map(Result::err)
        .filter(|d| seen.insert(d.to_string()))
        .collect();
    if !errors.is_empty() {
        return Err(BuildError::Invalid(errors));
    }

    let mut files = pages.len();
    let mut written = None;
    if let Some(staging) = staging {
        files += copy_static(root, theme.dir.as_deref(), &staging)
            .map_err(|e| BuildError::Invalid(vec![e]))?;
        written = Some(staging.commit()?);
    }
    Ok(BuildReport {
        resolutions: site.archive.len(),
        pages: pages.len(),
        files,
        elapsed: started.elapsed(),
        warnings,
        output: written,
    })
}

/// Every page of the site.
fn plan(site: &Site) -> Vec<Page> {
    let mut pages = vec![Page::Root];
    for &lang in &site.config.languages {
        pages.push(Page::LangHome(lang));
        for kind in GroupKind::ALL {
            pages.push(Page::Groups(lang, kind));
            let count = site.groups.get(&kind).map_or(0, Vec::len);
            pages.extend((0..count).map(|g| Page::Group(lang, kind, g)));
        }
    }
    pages.extend((0..site.archive.len()).map(Page::Resolution));
    pages.extend((0..site.archive.works().len()).map(Page::Symbol));
    pages
}

fn context(common: Vec<(&'static str, Value)>, extra: Vec<(&'static str, Value)>) -> Value {
    Value::from_pairs(common.into_iter().chain(extra))
}

/// Renders one page: (site path, HTML).
fn render_page(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    page: Page,
) -> Result<(String, String), Diagnostic> {
    let archive = &site.archive;
    match page {
        Page::Root => {
            let lang = site.config.default_language;
            let switcher = views::switcher_all(site, None, urls::lang_home);
            let homes: Vec<Value> = site
                .config
                .languages
                .iter()
                .map(|&l| {
                    let count = archive.works().len();
                    let label = theme
                        .strings(l)
                        .get_attr("resolutions_n")
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                        .replace("{n}", &count.to_string());
                    Value::from_pairs([
                        ("code", Value::from(l.code())),
                        ("name", Value::from(l.endonym())),
                        ("dir", Value::from(l.dir())),
                        ("title", Value::from(site.config.title_in(l))),
                        ("url", Value::from(site.urls.url(&urls::lang_home(l)))),
                        ("count_label", Value::from(label)),
                    ])
                })
                .collect();
            let ctx = context(
                views::common(site, theme, lang, switcher),
                vec![("homes", Value::from(homes))],
            );
            Ok((urls::root(), theme.render("home.html", ctx)?))
        }
        Page::LangHome(lang) => {
            let switcher = views::switcher_all(site, Some(lang), urls::lang_home);
            let mut recent: Vec<usize> = (0..archive.works().len()).collect();
            recent.sort_by_key(|&w| {
                std::cmp::Reverse(archive.resolution(archive.works()[w].1[0]).adopted)
            });
            recent.truncate(20);
            let entries: Vec<_> = recent
                .iter()
                .map(|&w| views::entry(site, w, lang))
                .collect();
            let ctx = context(
                views::common(site, theme, lang, switcher),
                vec![
                    ("recent", crate::theme::to_value(&entries)),
                    ("total", Value::from(archive.works().len())),
                ],
            );
            Ok((urls::lang_home(lang), theme.render("lang_home.html", ctx)?))
        }
        Page::Resolution(index) => {
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
                    ("body", Value::from_safe_string(bodies[index].html.clone())),
                ],
            );
            Ok((
                urls::resolution(r.lang, &r.symbol),
                theme.render("resolution.html", ctx)?,
            ))
        }
        Page::Symbol(work) => {
            let (symbol, versions) = &archive.works()[work];
            let lang = archive
                .resolution(archive.best_version(work, site.config.default_language))
                .lang;
            let switcher = views::switcher_all(site, None, urls::lang_home);
            let versions: Vec<Value> = versions
                .iter()
                .map(|&i| {
                    let r = archive.resolution(i);
                    Value::from_pairs([
                        ("code", Value::from(r.lang.code())),
                        ("name", Value::from(r.lang.endonym())),
                        ("dir", Value::from(r.lang.dir())),
                        ("title", Value::from(r.title.as_str())),
                        (
                            "url",
                            Value::from(site.urls.url(&urls::resolution(r.lang, &r.symbol))),
                        ),
                    ])
                })
                .collect();
            let ctx = context(
                views::common(site, theme, lang, switcher),
                vec![
                    ("symbol", Value::from(symbol.as_str())),
                    ("versions", Value::from(versions)),
                ],
            );
            Ok((urls::symbol(symbol), theme.render("symbol.html", ctx)?))
        }
        Page::Groups(lang, kind) => {
            let switcher = views::switcher_all(site, Some(lang), |l| urls::groups(l, kind));
            let groups: Vec<_> = site.groups[&kind]
                .iter()
                .map(|g| views::group_value(site, theme, lang, g))
                .collect();
            let heading = theme.strings(lang).get_attr(match kind {
                GroupKind::Session => "sessions",
                GroupKind::Year => "years",
                GroupKind::Subject => "subjects",
                GroupKind::Committee => "committees",
                GroupKind::AgendaItem => "agenda_items",
            });
            let ctx = context(
                views::common(site, theme, lang, switcher),
                vec![
                    ("kind", Value::from(kind.key())),
                    ("heading", heading.unwrap_or_default()),
                    ("groups", crate::theme::to_value(&groups)),
                ],
            );
            Ok((urls::groups(lang, kind), theme.render("groups.html", ctx)?))
        }
        Page::Group(lang, kind, index) => {
            let group = &site.groups[&kind][index];
            let switcher =
                views::switcher_all(site, Some(lang), |l| urls::group(l, kind, &group.key));
            let entries: Vec<_> = group
                .works
                .iter()
                .map(|&w| views::entry(site, w, lang))
                .collect();
            let ctx = context(
                views::common(site, theme, lang, switcher),
                vec![
                    (
                        "group",
                        crate::theme::to_value(views::group_value(site, theme, lang, group)),
                    ),
                    ("entries", crate::theme::to_value(&entries)),
                ],
            );
            Ok((
                urls::group(lang, kind, &group.key),
                theme.render("group.html", ctx)?,
            ))
        }
    }
}

/// Copies the built-in theme's static files, then the site theme's, then the site's own
/// `static/`, each overriding the one before. Returns how many files were written.
fn copy_static(
    root: &Path,
    theme_dir: Option<&Path>,
    staging: &Staging,
) -> Result<usize, Diagnostic> {
    let mut count = 0;
    for (rel, bytes) in theme::BUILT_IN_STATIC {
        staging
            .write(rel, bytes)
            .map_err(|e| Diagnostic::error(*rel, 0, 0, e.to_string()))?;
        count += 1;
    }
    let dirs = theme_dir
        .map(|d| d.join("static"))
        .into_iter()
        .chain([root.join("static")]);
    for dir in dirs.filter(|d| d.is_dir()) {
        for entry in walkdir::WalkDir::new(&dir)
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
        {
            let entry = entry.map_err(|e| {
                Diagnostic::error(dir.clone(), 0, 0, e.to_string())
                    .with_hint("check the static folder's permissions and links")
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
            let rel = rel.to_string_lossy().replace('\\', "/");
            let bytes = std::fs::read(entry.path())
                .map_err(|e| Diagnostic::error(entry.path(), 0, 0, format!("cannot read: {e}")))?;
            staging
                .write(&rel, &bytes)
                .map_err(|e| Diagnostic::error(entry.path(), 0, 0, e.to_string()))?;
            count += 1;
        }
    }
    Ok(count)
}
