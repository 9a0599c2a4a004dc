//! The build: load, check, render every page in parallel, write atomically.
//!
//! ```text
//! site.toml ─► config
//! content/ ──► load ──► Archive ──► render bodies ──► pages ──► staging ──► public/
//! themes/ ─────────────────────────► theme ─┘
//! ```

pub mod citation;
pub mod data;
pub mod feeds;
pub mod linker;
pub mod output;
pub mod preview;
pub mod progress;
mod publish;
pub mod relative;
pub mod search;
pub mod series;
pub mod sitemap;
pub mod urls;
pub mod views;

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use minijinja::Value;
use rayon::prelude::*;

use crate::cite::Target;
use crate::cite::graph::Graph;
use crate::config::Config;
use crate::content;
use crate::diagnostic::Diagnostic;
use crate::model::{Archive, GroupKind, Lang};
use crate::render::{self, Body, RenderOptions};
use crate::theme::{self, Theme};
use linker::SiteLinker;
use output::{OutputError, Staging};
use progress::{Progress, Silent, Stage, Stages, Timings};
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
    /// Put the live-reload script of `plenary serve` into every page.
    pub live_reload: bool,
    /// Write links relative to each page (overrides `relative_links = false`).
    pub relative_links: bool,
    /// Leave the search index and the search pages out (overrides `[search] enabled`).
    pub no_search: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> BuildOptions {
        BuildOptions {
            root: root.into(),
            output: None,
            base_url: None,
            drafts: false,
            dry_run: false,
            live_reload: false,
            relative_links: false,
            no_search: false,
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
    /// Resolutions cited but not in the archive, with how many resolutions cite each.
    pub not_in_archive: Vec<(String, usize)>,
    /// How long each stage took.
    pub timings: Timings,
    /// The threads pages were rendered on.
    pub threads: usize,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Page {
    Root,
    LangHome(Lang),
    Resolution(usize),
    Symbol(usize),
    /// A page of the list of groups of one kind (0 is the first).
    Groups(Lang, GroupKind, usize),
    /// A page of the list of one group's resolutions.
    Group(Lang, GroupKind, usize, usize),
    /// What changed in a resolution since its predecessor.
    Changes(usize),
    /// A series, in a language.
    Series(Lang, usize),
    /// Every series, in a language.
    SeriesIndex(Lang),
    /// The search page of a language.
    Search(Lang),
}

/// Builds a site. On any error, every problem found is returned and the output folder is
/// left as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with(opts, &Silent)
}

/// Builds a site, telling `progress` how far along it is.
pub fn build_with(opts: &BuildOptions, progress: &dyn Progress) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut stages = Stages::new(progress);
    let root = &opts.root;
    let output_dir = opts.output_dir();
    if !opts.dry_run {
        output::check_output(root, &output_dir)?;
    }

    let Generation {
        theme,
        site,
        bodies,
        warnings,
    } = Generation::load(opts, &mut stages, false).map_err(BuildError::Invalid)?;
    let pages = plan(&site);

    let staging = if opts.dry_run {
        None
    } else {
        Some(Staging::create(&output_dir)?)
    };
    let statics = static_files(root, theme.dir.as_deref(), site.config.search)
        .map_err(|e| BuildError::Invalid(vec![e]))?;
    // The files besides pages are written as they are made, not held: data of a large
    // archive would not fit in memory. Static files, copied last, may replace them.
    let write_extra = |path: &str, bytes: &[u8]| match &staging {
        Some(staging) => {
            // The 404 page is a page too: in a preview it reloads when the site changes.
            let injected;
            let bytes = if opts.live_reload && path.ends_with(".html") {
                let mut html = String::from_utf8_lossy(bytes).into_owned();
                inject_live_script(&mut html);
                injected = html;
                injected.as_bytes()
            } else {
                bytes
            };
            staging.write(path, bytes).map_err(|e| {
                Diagnostic::error(output_dir.join(path), 0, 0, e.to_string())
                    .with_hint("check free disk space and permissions of the output folder")
            })
        }
        None => Ok(()),
    };
    let tell = stages.begin(Stage::Write, site.archive.len());
    let tick = |n: usize| tell.advance(n);
    let extra = publish::files(&site, &theme, &bodies, &pages, &write_extra, None, &tick)
        .and_then(|mut extra| {
            let indexed = if site.config.search {
                let langs = &site.config.languages;
                site.archive
                    .resolutions()
                    .iter()
                    .filter(|r| langs.contains(&r.lang))
                    .count()
            } else {
                0
            };
            let tell = stages.begin(Stage::Search, indexed);
            let tick = |n: usize| tell.advance(n);
            extra.extend(publish::search_index(
                &site,
                &theme,
                &bodies,
                &write_extra,
                &tick,
            )?);
            Ok(extra)
        })
        .map_err(|e| BuildError::Invalid(std::iter::once(e).chain(warnings.clone()).collect()))?;
    // Checking every link of every page is for `plenary check`; a build trusts its own URLs.
    let known: Option<HashSet<String>> = opts.dry_run.then(|| {
        pages
            .iter()
            .map(|&p| page_path(&site, p))
            .chain(statics.keys().cloned())
            .chain(extra.iter().cloned())
            .collect()
    });
    let tell = stages.begin(Stage::Render, pages.len());
    let results: Vec<Result<(), Diagnostic>> = pages
        .par_iter()
        .map(|&page| {
            tell.advance(1);
            let path = page_path(&site, page);
            let mut html = render_page(&site, &theme, &bodies, page)?;
            if opts.live_reload {
                inject_live_script(&mut html);
            }
            if let Some(known) = &known {
                let dead = dead_links(&html, site.urls.base(), known);
                if !dead.is_empty() {
                    let shown = output_dir.strip_prefix(root).unwrap_or(&output_dir);
                    return Err(Diagnostic::error(
                        shown.join(urls::file_of(&path)),
                        0,
                        0,
                        format!(
                            "links to {}, which {} no page or file of the site",
                            dead.join(", "),
                            if dead.len() == 1 { "is" } else { "are" }
                        ),
                    )
                    .with_hint("correct the link in the content or the template that writes it"));
                }
            }
            let html = if site.config.relative_links {
                relative::rewrite(&html, &path, site.urls.base())
            } else {
                std::borrow::Cow::Borrowed(html.as_str())
            };
            if let Some(staging) = &staging {
                let file = urls::file_of(&path);
                staging
                    .write(&file, html.as_bytes())
                    .map_err(|e| e.diagnostic(&output_dir, &file))?;
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
        let mut all = errors;
        all.extend(warnings);
        return Err(BuildError::Invalid(all));
    }

    let mut files = pages.len() + extra.iter().filter(|p| !statics.contains_key(*p)).count();
    let mut written = None;
    if let Some(staging) = staging {
        files += copy_static(&statics, &staging).map_err(|e| BuildError::Invalid(vec![e]))?;
        written = Some(staging.commit()?);
    }
    let mut not_in_archive: Vec<(String, usize)> = site
        .graph
        .elsewhere()
        .into_iter()
        .map(|(s, n)| (s.to_string(), n))
        .collect();
    not_in_archive.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(BuildReport {
        not_in_archive,
        resolutions: site.archive.len(),
        pages: pages.len(),
        files,
        elapsed: started.elapsed(),
        warnings,
        output: written,
        timings: stages.finish(),
        threads: rayon::current_num_threads(),
    })
}

/// Everything a build knows before it renders pages: the theme, the archive with its
/// groups and citation graph, and every rendered body. `plenary serve` keeps one between
/// saves.
pub struct Generation {
    pub theme: Theme,
    pub site: Arc<Site>,
    /// Aligned with `site.archive.resolutions()`.
    pub bodies: Vec<Body>,
    pub warnings: Vec<Diagnostic>,
}

impl Generation {
    /// Loads and checks the site and renders every body. Returns every problem found.
    pub fn new(opts: &BuildOptions) -> Result<Generation, Vec<Diagnostic>> {
        Generation::load(opts, &mut Stages::new(&Silent), true)
    }

    /// `keep_texts`: keep the Markdown of every resolution after rendering it, to compare
    /// it with the next save.
    fn load(
        opts: &BuildOptions,
        stages: &mut Stages<'_>,
        keep_texts: bool,
    ) -> Result<Generation, Vec<Diagnostic>> {
        let root = &opts.root;
        stages.begin(Stage::Load, 0);
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
                c.relative_links |= opts.relative_links;
                c.search &= !opts.no_search;
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
        let loaded = content::load(root, &root.join("content"), opts.drafts, stages.progress());
        diagnostics.extend(loaded.diagnostics);
        let (Some(config), Some(theme)) = (config, theme) else {
            return Err(diagnostics);
        };
        if diagnostics.iter().any(Diagnostic::is_error) {
            return Err(diagnostics);
        }
        diagnostics.extend(publish::host_warning(&config, opts.base_url.is_some()));
        let urls = Urls::new(config.base_path()).with_absolute(config.absolute_base());
        let mut archive = Archive::new(loaded.resolutions);
        let tell = stages.begin(Stage::Link, archive.len());
        let bodies = if keep_texts {
            render_bodies(
                &archive,
                &config,
                &urls,
                &theme,
                (0..archive.len()).collect(),
                &|n| tell.advance(n),
            )
        } else {
            let texts = archive.take_texts();
            render_each(
                &archive,
                &config,
                &urls,
                &theme,
                texts.into_iter().map(Cow::Owned).enumerate().collect(),
                &|n| tell.advance(n),
            )
        };
        Generation::assemble(theme, archive, config, urls, bodies, diagnostics, None)
    }

    /// Checks the bodies and builds the graph and the site around them.
    fn assemble(
        theme: Theme,
        archive: Archive,
        config: Config,
        urls: Urls,
        bodies: Vec<Body>,
        mut warnings: Vec<Diagnostic>,
        groups: Option<HashMap<GroupKind, Vec<crate::model::Group>>>,
    ) -> Result<Generation, Vec<Diagnostic>> {
        warnings.extend(body_problems(&archive, &bodies));
        if warnings.iter().any(Diagnostic::is_error) {
            return Err(warnings);
        }
        let graph = Graph::new(&archive, |i| &bodies[i].citations);
        warnings.extend(pinpoint_problems(&archive, &bodies));
        let mut site = Site::new(archive, config, urls, graph, groups);
        site.series = series::SeriesData::new(&site.archive, &site.graph, &bodies);
        let site = Arc::new(site);
        Ok(Generation {
            theme,
            site,
            bodies,
            warnings,
        })
    }
}

/// Renders the bodies of resolutions `which` on all cores, linking citations through the
/// archive.
fn render_bodies(
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
fn render_each(
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
            let get = |k: &str| {
                t.get_attr(k)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
            };
            let default = render::AnchorLabels::default();
            let labels = render::AnchorLabels {
                preambular: get("pp_label").unwrap_or(default.preambular),
                operative: get("op_label").unwrap_or(default.operative),
                footnote_back: get("footnote_back").unwrap_or(default.footnote_back),
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
fn body_problems(archive: &Archive, bodies: &[Body]) -> Vec<Diagnostic> {
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
fn pinpoint_problems(archive: &Archive, bodies: &[Body]) -> Vec<Diagnostic> {
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

/// Puts the script of `plenary serve` before `</body>` (or at the end).
fn inject_live_script(html: &mut String) {
    let at = html.rfind("</body>").unwrap_or(html.len());
    html.insert_str(at, crate::serve::LIVE_SCRIPT_TAG);
}

/// Every page of the site.
fn plan(site: &Site) -> Vec<Page> {
    let mut pages = vec![Page::Root];
    for &lang in &site.config.languages {
        pages.push(Page::LangHome(lang));
        if site.config.search {
            pages.push(Page::Search(lang));
        }
        for kind in GroupKind::ALL {
            let groups = site.groups.get(&kind).map_or(&[][..], Vec::as_slice);
            pages.extend((0..page_count(groups.len())).map(|p| Page::Groups(lang, kind, p)));
            for (g, group) in groups.iter().enumerate() {
                pages.extend(
                    (0..page_count(group.works.len())).map(|p| Page::Group(lang, kind, g, p)),
                );
            }
        }
    }
    pages.extend((0..site.archive.len()).map(Page::Resolution));
    pages.extend((0..site.archive.works().len()).map(Page::Symbol));
    pages.extend(site.series.compared().map(Page::Changes));
    if !site.series.index.series.is_empty() {
        for &lang in &site.config.languages {
            pages.push(Page::SeriesIndex(lang));
            pages.extend((0..site.series.index.series.len()).map(|k| Page::Series(lang, k)));
        }
    }
    pages
}

/// Lists longer than this are split into pages.
pub const PAGE_SIZE: usize = 100;

fn page_count(entries: usize) -> usize {
    entries.div_ceil(PAGE_SIZE).max(1)
}

/// The entries of page `page` of a list.
fn page_of<T>(all: &[T], page: usize) -> &[T] {
    let start = (page * PAGE_SIZE).min(all.len());
    &all[start..(start + PAGE_SIZE).min(all.len())]
}

fn context(common: Vec<(&'static str, Value)>, extra: Vec<(&'static str, Value)>) -> Value {
    Value::from_pairs(common.into_iter().chain(extra))
}

/// The site path of a page.
fn page_path(site: &Site, page: Page) -> String {
    match page {
        Page::Root => urls::root(),
        Page::LangHome(lang) => urls::lang_home(lang),
        Page::Resolution(i) => {
            let r = site.archive.resolution(i);
            urls::resolution(r.lang, &r.symbol)
        }
        Page::Symbol(w) => urls::symbol(&site.archive.works()[w].0),
        Page::Groups(lang, kind, p) => urls::paged(&urls::groups(lang, kind), p),
        Page::Group(lang, kind, g, p) => {
            urls::paged(&urls::group(lang, kind, &site.groups[&kind][g].key), p)
        }
        Page::Changes(i) => {
            let r = site.archive.resolution(i);
            urls::changes(r.lang, &r.symbol)
        }
        Page::Series(lang, k) => urls::series(lang, &site.series.index.series[k].key),
        Page::SeriesIndex(lang) => urls::series_index(lang),
        Page::Search(lang) => urls::search(lang),
    }
}

/// Renders one page's HTML.
fn render_page(
    site: &Arc<Site>,
    theme: &Theme,
    bodies: &[Body],
    page: Page,
) -> Result<String, Diagnostic> {
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
            Ok(theme.render("home.html", ctx)?)
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
                    (
                        "available",
                        Value::from(
                            archive
                                .works()
                                .iter()
                                .filter(|(s, _)| archive.get(s, lang).is_some())
                                .count(),
                        ),
                    ),
                    (
                        "sessions",
                        Value::from(site.groups[&GroupKind::Session].len()),
                    ),
                    (
                        "series_url",
                        if site.series.index.series.is_empty() {
                            Value::from(())
                        } else {
                            Value::from(site.urls.url(&urls::series_index(lang)))
                        },
                    ),
                ],
            );
            Ok(theme.render("lang_home.html", ctx)?)
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
                    (
                        "body",
                        Value::from_safe_string(bodies[index].html.text().into_owned()),
                    ),
                    ("cite", citation::value(site, theme, r)),
                    (
                        "jsonld",
                        Value::from_safe_string(data::jsonld(site, theme, index)),
                    ),
                    (
                        "data_url",
                        Value::from(site.urls.url(&urls::resolution_json(r.lang, &r.symbol))),
                    ),
                ],
            );
            Ok(theme.render("resolution.html", ctx)?)
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
            Ok(theme.render("symbol.html", ctx)?)
        }
        Page::Groups(lang, kind, page) => {
            let switcher = views::switcher_all(site, Some(lang), |l| {
                urls::paged(&urls::groups(l, kind), page)
            });
            let all = &site.groups[&kind];
            let pagination =
                views::pagination(site, &urls::groups(lang, kind), page, page_count(all.len()));
            let groups: Vec<_> = page_of(all, page)
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
                    ("pagination", pagination),
                ],
            );
            Ok(theme.render("groups.html", ctx)?)
        }
        Page::Group(lang, kind, index, page) => {
            let group = &site.groups[&kind][index];
            let switcher = views::switcher_all(site, Some(lang), |l| {
                urls::paged(&urls::group(l, kind, &group.key), page)
            });
            let path = urls::group(lang, kind, &group.key);
            let pagination = views::pagination(site, &path, page, page_count(group.works.len()));
            let entries: Vec<_> = page_of(&group.works, page)
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
                    ("total", Value::from(group.works.len())),
                    ("pagination", pagination),
                ],
            );
            Ok(theme.render("group.html", ctx)?)
        }
        Page::Changes(index) => series::render_changes(site, theme, bodies, index),
        Page::Series(lang, k) => series::render_series(site, theme, lang, k),
        Page::SeriesIndex(lang) => series::render_series_index(site, theme, lang),
        Page::Search(lang) => {
            let switcher = views::switcher_all(site, Some(lang), urls::search);
            let t = theme.strings(lang);
            let facets: Vec<Value> = [
                (GroupKind::Session, "session", "session"),
                (GroupKind::Year, "year", "year"),
                (GroupKind::Subject, "subject", "subjects"),
                (GroupKind::Committee, "committee", "committee"),
            ]
            .into_iter()
            .map(|(kind, name, label)| {
                let groups: Vec<_> = site.groups[&kind]
                    .iter()
                    .map(|g| views::group_value(site, theme, lang, g))
                    .collect();
                Value::from_pairs([
                    ("name", Value::from(name)),
                    ("label", t.get_attr(label).unwrap_or_default()),
                    ("groups", crate::theme::to_value(&groups)),
                ])
            })
            .collect();
            let ctx = context(
                views::common(site, theme, lang, switcher),
                vec![
                    ("facets", Value::from(facets)),
                    (
                        "relative",
                        Value::from(if site.config.relative_links {
                            "true"
                        } else {
                            "false"
                        }),
                    ),
                ],
            );
            Ok(theme.render("search.html", ctx)?)
        }
    }
}

/// Where a static file comes from.
enum StaticSource {
    BuiltIn(&'static [u8]),
    File(PathBuf),
}

/// The static files of the built-in theme (the search script only when the site has
/// search), then the site theme's, then the site's own `static/`; a later file replaces
/// an earlier one at the same path.
fn static_files(
    root: &Path,
    theme_dir: Option<&Path>,
    search: bool,
) -> Result<BTreeMap<String, StaticSource>, Diagnostic> {
    let mut files: BTreeMap<String, StaticSource> = theme::BUILT_IN_STATIC
        .iter()
        .filter(|(rel, _)| search || *rel != urls::SEARCH_SCRIPT)
        .map(|(rel, bytes)| (rel.to_string(), StaticSource::BuiltIn(bytes)))
        .collect();
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
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(&dir).unwrap_or(entry.path());
                files.insert(
                    rel.to_string_lossy().replace('\\', "/"),
                    StaticSource::File(entry.path().to_path_buf()),
                );
            }
        }
    }
    Ok(files)
}

fn static_bytes(source: &StaticSource) -> Result<std::borrow::Cow<'static, [u8]>, Diagnostic> {
    Ok(match source {
        StaticSource::BuiltIn(b) => std::borrow::Cow::Borrowed(*b),
        StaticSource::File(path) => std::borrow::Cow::Owned(std::fs::read(path).map_err(|e| {
            Diagnostic::error(path, 0, 0, format!("cannot read: {e}"))
                .with_hint("check that the static file exists and may be read")
        })?),
    })
}

fn copy_static(
    files: &BTreeMap<String, StaticSource>,
    staging: &Staging,
) -> Result<usize, Diagnostic> {
    for (rel, source) in files {
        let bytes = static_bytes(source)?;
        staging
            .write(rel, &bytes)
            .map_err(|e| e.diagnostic(staging.target(), rel))?;
    }
    Ok(files.len())
}

/// Links in a page that lead to no page or file of the site. `known` holds every page
/// path (`en/A/RES/73/187/`) and static file (`style.css`).
fn dead_links(html: &str, base: &str, known: &HashSet<String>) -> Vec<String> {
    static LINK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"(?:href|src|action)="([^"]*)""#).expect("pattern")
    });
    let mut dead = Vec::new();
    for caps in LINK.captures_iter(html) {
        let href = &caps[1];
        let external = href.starts_with("http:")
            || href.starts_with("https:")
            || href.starts_with("mailto:")
            || href.starts_with("//");
        if external || href.starts_with('#') || href.is_empty() {
            continue;
        }
        let path = href.split(['#', '?']).next().unwrap_or("");
        let found = path
            .strip_prefix(base)
            .is_some_and(|rel| known.contains(rel));
        if !found && !dead.iter().any(|d| d == href) {
            dead.push(href.to_string());
        }
    }
    dead
}
