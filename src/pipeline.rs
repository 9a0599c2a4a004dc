//! `build()`: load → site → files and pages → output, each stage a module of its own.
//!
//! ```text
//! site.toml ─► config ─┐
//! content/ ──► content ─► site (archive, bodies, graph, series) ─► formats, pages ─► output ─► public/
//! themes/ ───► theme ──┘
//! ```

use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::formats;
use crate::options::BuildOptions;
use crate::output::statics;
use crate::output::{OutputError, Staging, links, live, relative, urls};
use crate::pages::{self, Page, not_found, sitemap_entries};
use crate::progress::{Progress, Silent, Stage, Stages, Timings};
use crate::site::{Generation, Site};

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
    /// Resolutions whose votes `data/` holds but the archive does not, sorted.
    pub votes_not_in_archive: Vec<String>,
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

/// Builds a site. On any error, every problem found is returned and the output folder is
/// left as it was.
pub fn build(opts: &BuildOptions) -> Result<BuildReport, BuildError> {
    build_with(opts, &Silent)
}

/// Builds a site, telling `progress` how far along it is.
pub fn build_with(opts: &BuildOptions, progress: &dyn Progress) -> Result<BuildReport, BuildError> {
    let started = Instant::now();
    let mut stages = Stages::new(progress);
    let output_dir = opts.output_dir();
    if !opts.dry_run {
        crate::output::check_output(&opts.root, &output_dir)?;
    }
    let generation = Generation::load(opts, &mut stages, false).map_err(BuildError::Invalid)?;
    let pages = pages::plan(&generation.site);
    let staging = if opts.dry_run {
        None
    } else {
        Some(Staging::create(&output_dir)?)
    };
    let statics = statics::static_files(
        &opts.root,
        generation.theme.dir.as_deref(),
        generation.site.config.search,
    )
    .map_err(|e| BuildError::Invalid(vec![e]))?;
    let out = Out {
        opts,
        staging: staging.as_ref(),
        output_dir: &output_dir,
    };
    let extra = write_files(&generation, &pages, &out, &mut stages)
        .map_err(|e| BuildError::Invalid(with_warnings(vec![e], &generation)))?;
    // Checking every link of every page is for `plenary check`; a build trusts its own URLs.
    let known: Option<HashSet<String>> = opts.dry_run.then(|| {
        pages
            .iter()
            .map(|&p| pages::page_path(&generation.site, p))
            .chain(statics.keys().cloned())
            .chain(extra.iter().cloned())
            .collect()
    });
    let tell = stages.begin(Stage::Render, pages.len());
    let errors = write_pages(&generation, &pages, known.as_ref(), &out, &|| {
        tell.advance(1)
    });
    if !errors.is_empty() {
        return Err(BuildError::Invalid(with_warnings(errors, &generation)));
    }
    let mut files = pages.len() + extra.iter().filter(|p| !statics.contains_key(*p)).count();
    let mut written = None;
    if let Some(staging) = staging {
        files +=
            statics::copy_static(&statics, &staging).map_err(|e| BuildError::Invalid(vec![e]))?;
        written = Some(staging.commit()?);
    }
    Ok(report(
        generation,
        pages.len(),
        files,
        written,
        started,
        stages,
    ))
}

/// Where a build writes: the staging folder, or nowhere for `plenary check`.
struct Out<'a> {
    opts: &'a BuildOptions,
    staging: Option<&'a Staging>,
    output_dir: &'a PathBuf,
}

impl Out<'_> {
    /// Writes a file besides pages. The 404 page is a page too: in a preview it reloads
    /// when the site changes.
    fn file(&self, path: &str, bytes: &[u8]) -> Result<(), Diagnostic> {
        let Some(staging) = self.staging else {
            return Ok(());
        };
        let bytes = if self.opts.live_reload {
            live::into_page(path, bytes)
        } else {
            std::borrow::Cow::Borrowed(bytes)
        };
        staging.write(path, &bytes).map_err(|e| {
            Diagnostic::error(self.output_dir.join(path), 0, 0, e.to_string())
                .with_hint("check free disk space and permissions of the output folder")
        })
    }
}

/// The files besides pages, written as they are made, not held: the data of a large
/// archive would not fit in memory. Static files, copied last, may replace them. Returns
/// their site paths.
fn write_files(
    generation: &Generation,
    pages: &[Page],
    out: &Out<'_>,
    stages: &mut Stages<'_>,
) -> Result<Vec<String>, Diagnostic> {
    let Generation {
        site,
        theme,
        bodies,
        ..
    } = generation;
    let write = |path: &str, bytes: &[u8]| out.file(path, bytes);
    let tell = stages.begin(Stage::Write, site.archive.len());
    let entries = sitemap_entries::entries(site, pages);
    let mut extra = formats::files(site, bodies, &entries, &write, None, &|n| tell.advance(n))?;
    write(urls::NOT_FOUND, &not_found::render(site, theme)?)?;
    extra.push(urls::NOT_FOUND.to_string());
    let tell = stages.begin(Stage::Search, indexed(site));
    extra.extend(formats::search_index(site, theme, bodies, &write, &|n| {
        tell.advance(n)
    })?);
    Ok(extra)
}

/// How many resolutions the search index holds.
fn indexed(site: &Site) -> usize {
    if !site.config.search {
        return 0;
    }
    let langs = &site.config.languages;
    site.archive
        .resolutions()
        .iter()
        .filter(|r| langs.contains(&r.lang))
        .count()
}

/// Renders every page on all cores and writes each as soon as it is rendered; returns
/// the problems found, each once.
fn write_pages(
    generation: &Generation,
    pages: &[Page],
    known: Option<&HashSet<String>>,
    out: &Out<'_>,
    tick: &(dyn Fn() + Sync),
) -> Vec<Diagnostic> {
    let results: Vec<Result<(), Diagnostic>> = pages
        .par_iter()
        .map(|&page| {
            tick();
            write_page(generation, page, known, out)
        })
        .collect();
    // The same template error would otherwise be reported once per page.
    let mut seen = HashSet::new();
    results
        .into_iter()
        .filter_map(Result::err)
        .filter(|d| seen.insert(d.to_string()))
        .collect()
}

/// Renders one page, checks its links when `known` is given, and writes it.
fn write_page(
    generation: &Generation,
    page: Page,
    known: Option<&HashSet<String>>,
    out: &Out<'_>,
) -> Result<(), Diagnostic> {
    let site = &generation.site;
    let path = pages::page_path(site, page);
    let mut html = pages::render(site, &generation.theme, &generation.bodies, page)?;
    if out.opts.live_reload {
        live::inject(&mut html);
    }
    let html = if site.config.relative_links {
        relative::rewrite(&html, &path, site.urls.base())
    } else {
        std::borrow::Cow::Borrowed(html.as_str())
    };
    if let Some(known) = known {
        check_links(site, &html, &path, known, out)?;
    }
    if let Some(staging) = out.staging {
        let file = urls::file_of(&path);
        staging
            .write(&file, html.as_bytes())
            .map_err(|e| e.diagnostic(out.output_dir, &file))?;
    }
    Ok(())
}

/// The links of a page, as it is written, that lead to no page or file of the site.
fn check_links(
    site: &Site,
    html: &str,
    path: &str,
    known: &HashSet<String>,
    out: &Out<'_>,
) -> Result<(), Diagnostic> {
    let dead = links::dead_links(html, path, site.urls.base(), known);
    if dead.is_empty() {
        return Ok(());
    }
    let shown = out
        .output_dir
        .strip_prefix(&out.opts.root)
        .unwrap_or(out.output_dir);
    Err(Diagnostic::error(
        shown.join(urls::file_of(path)),
        0,
        0,
        format!(
            "links to {}, which {} no page or file of the site",
            dead.join(", "),
            if dead.len() == 1 { "is" } else { "are" }
        ),
    )
    .with_hint("correct the link in the content or the template that writes it"))
}

/// The problems of a failed build, followed by the warnings found before.
fn with_warnings(mut errors: Vec<Diagnostic>, generation: &Generation) -> Vec<Diagnostic> {
    errors.extend(generation.warnings.iter().cloned());
    errors
}

fn report(
    generation: Generation,
    pages: usize,
    files: usize,
    output: Option<PathBuf>,
    started: Instant,
    stages: Stages<'_>,
) -> BuildReport {
    let site = &generation.site;
    let mut not_in_archive: Vec<(String, usize)> = site
        .graph
        .elsewhere()
        .into_iter()
        .map(|(s, n)| (s.to_string(), n))
        .collect();
    not_in_archive.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let votes_not_in_archive = site
        .votes
        .keys()
        .filter(|s| site.archive.work_of(s).is_none())
        .map(ToString::to_string)
        .collect();
    BuildReport {
        not_in_archive,
        votes_not_in_archive,
        resolutions: site.archive.len(),
        pages,
        files,
        elapsed: started.elapsed(),
        warnings: generation.warnings,
        output,
        timings: stages.finish(),
        threads: rayon::current_num_threads(),
    }
}
