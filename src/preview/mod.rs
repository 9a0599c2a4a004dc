//! The build behind `plenary serve`: a full build once, then, after a save in `content/`,
//! only the pages that depend on what changed.
//!
//! A page depends on the resolutions it shows. When files change, plenary re-reads only
//! them, re-renders their bodies (and the bodies that cite a resolution that appeared or
//! disappeared), rebuilds the citation graph and the groups, which are cheap, and renders:
//! the changed resolutions' pages; the pages of the resolutions they cite, that cite them
//! or share their series (those list their titles and dates); every page of every group
//! they were or are in, and the lists of those groups; the homes. A series page and the
//! changes pages of its members read the texts of every member, so a change of any kind
//! to a member renders its whole series again: its pages, its members' pages and changes
//! pages, and the lists of series. A change to the theme, the settings or `static/`
//! rebuilds everything.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::cite::Target;
use crate::content;
use crate::diagnostic::Diagnostic;
use crate::model::{Archive, Lang, Resolution, Symbol};
use crate::options::BuildOptions;
use crate::output::live;
use crate::output::statics::{static_bytes, static_files};
use crate::output::urls;
use crate::pages::{self, Page, page_path, plan};
use crate::render::Body;
use crate::site::bodies::{render_bodies, render_each};
use crate::site::{Generation, Site};
use touched::Touched;

mod touched;

/// A site kept in memory and on disk between saves.
pub struct Preview {
    opts: BuildOptions,
    output: PathBuf,
    generation: Option<Generation>,
    /// Every page path written, to remove pages that are gone.
    paths: HashSet<String>,
    /// Every data and citation file written, to remove those beside a page that is gone.
    files: HashSet<String>,
    /// How long the search index took to make, the last time it was made.
    search_cost: Duration,
    search_budget: Duration,
    /// Whether the search index is older than the last save.
    search_stale: bool,
}

/// After a save, the search index is made again only when that took less than this the
/// last time: it is made after the pages are shown, but the next save waits for it, and
/// the index of a large archive takes many seconds. Past it, the index stays that of the
/// last full build.
const SEARCH_BUDGET: Duration = Duration::from_secs(1);

/// What an update did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Update {
    pub pages: usize,
    pub full: bool,
    pub millis: u128,
}

/// What became of the search index after a save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchFollow {
    /// Made again, in this many milliseconds.
    Remade(u128),
    /// Left as the last full build made it: it takes too long to make on each save.
    Behind,
    /// The site has no search, or nothing changed.
    Nothing,
}

impl Preview {
    /// `opts.output` is where the site is written; it is written in place, not swapped.
    pub fn new(opts: BuildOptions) -> Preview {
        let output = opts.output_dir();
        Preview {
            opts,
            output,
            generation: None,
            paths: HashSet::new(),
            files: HashSet::new(),
            search_cost: Duration::ZERO,
            search_budget: SEARCH_BUDGET,
            search_stale: false,
        }
    }

    /// Sets how quick the search index must be to make for a save to remake it.
    pub fn with_search_budget(mut self, budget: Duration) -> Preview {
        self.search_budget = budget;
        self
    }

    pub fn output(&self) -> &Path {
        &self.output
    }

    /// Builds everything and writes every page and static file.
    pub fn rebuild(&mut self) -> Result<Update, Vec<Diagnostic>> {
        let started = Instant::now();
        self.generation = None;
        let generation = Generation::new(&self.opts)?;
        let statics = static_files(
            &self.opts.root,
            generation.theme.dir.as_deref(),
            generation.site.config.search,
        )
        .map_err(|e| vec![e])?;
        for (rel, source) in &statics {
            let bytes = static_bytes(source).map_err(|e| vec![e])?;
            write(&self.output.join(rel), &bytes)?;
        }
        let pages = plan(&generation.site);
        let written = self.write_pages(&generation, &pages)?;
        let files = self.write_extra(&generation, &pages, None)?;
        self.files.extend(files);
        self.write_search(&generation)?;
        self.remove_gone(&generation);
        self.generation = Some(generation);
        Ok(Update {
            pages: written,
            full: true,
            millis: started.elapsed().as_millis(),
        })
    }

    /// Brings the site up to date after `changed` files (absolute paths) changed.
    pub fn update(&mut self, changed: &[PathBuf]) -> Result<Update, Vec<Diagnostic>> {
        let root = self
            .opts
            .root
            .canonicalize()
            .unwrap_or_else(|_| self.opts.root.clone());
        let content_dir = root.join("content");
        let only_content = changed.iter().all(|p| p.starts_with(&content_dir));
        if !only_content || self.generation.is_none() {
            return self.rebuild();
        }
        let started = Instant::now();
        if let Some(pages) = self.edit_in_place(&root, changed) {
            let pages = pages?;
            self.search_stale |= pages > 0;
            return Ok(Update {
                pages,
                full: false,
                millis: started.elapsed().as_millis(),
            });
        }
        let generation = self.generation.take().expect("checked above");
        match self.apply(generation, &root, changed) {
            Ok((generation, mut pages, same_pages)) => {
                // A body can also add or remove pages: a series, a changes page. A page
                // that is new is written whatever it depends on.
                let all = plan(&generation.site);
                let new: Vec<Page> = all
                    .iter()
                    .copied()
                    .filter(|&p| !self.paths.contains(&page_path(&generation.site, p)))
                    .collect();
                let same_pages = same_pages && new.is_empty() && all.len() == self.paths.len();
                let planned: HashSet<String> = pages
                    .iter()
                    .map(|&p| page_path(&generation.site, p))
                    .collect();
                pages.extend(
                    new.into_iter()
                        .filter(|&p| !planned.contains(&page_path(&generation.site, p))),
                );
                let written = self.write_pages(&generation, &pages)?;
                let changed: HashSet<usize> = pages
                    .iter()
                    .filter_map(|p| match p {
                        Page::Resolution(i) => Some(*i),
                        _ => None,
                    })
                    .collect();
                // Metadata changes reach the sitemap, the feeds and the catalogue.
                let files = if !same_pages {
                    self.write_extra(&generation, &all, None)?
                } else {
                    self.write_extra(&generation, &all, Some(&changed))?
                };
                self.files.extend(files);
                if !same_pages {
                    self.remove_gone(&generation);
                }
                self.generation = Some(generation);
                self.search_stale = true;
                Ok(Update {
                    pages: written,
                    full: false,
                    millis: started.elapsed().as_millis(),
                })
            }
            // The old generation is gone: the next save rebuilds everything.
            Err(Failed::Problems(d)) => Err(d),
            Err(Failed::Restore(generation, d)) => {
                self.generation = Some(*generation);
                Err(d)
            }
        }
    }

    /// The common save: the text of resolutions changed, and nothing that another page
    /// shows of them (their card, what they cite and where, how many paragraphs they have).
    /// Their bodies are rendered again in place, and only their own pages and data files
    /// are written: no work in proportion to the archive. `None` when the save is not of
    /// this kind (or a file has problems), for the general path to handle.
    fn edit_in_place(
        &mut self,
        root: &Path,
        changed: &[PathBuf],
    ) -> Option<Result<usize, Vec<Diagnostic>>> {
        let generation = self.generation.as_ref()?;
        let site = &generation.site;
        let edits = text_edits(site, root, changed)?;
        if edits.is_empty() {
            return Some(Ok(0));
        }
        let which: Vec<usize> = edits.iter().map(|(i, _)| *i).collect();
        let sources = edits
            .iter()
            .map(|(i, fresh)| (*i, Cow::Borrowed(fresh.body.as_str())))
            .collect();
        let (config, urls) = (&site.config, &site.urls);
        let bodies = render_each(
            &site.archive,
            config,
            urls,
            &generation.theme,
            sources,
            &|_| {},
        );
        let keeps_its_place = which.iter().zip(&bodies).all(|(&i, new)| {
            let old = &generation.bodies[i];
            new.problems.is_empty()
                && new.preambular == old.preambular
                && new.operative == old.operative
                && touched::same_citations(&new.citations, &old.citations)
                && touched::same_recall(site, i, old, new)
        });
        if !keeps_its_place {
            return None;
        }
        // Between saves no page is rendering, and the preview holds the only reference.
        let Generation {
            theme,
            site,
            bodies: mut all,
            warnings,
        } = self.generation.take()?;
        let site = match Arc::try_unwrap(site) {
            Ok(site) => site,
            Err(site) => {
                self.generation = Some(Generation {
                    theme,
                    site,
                    bodies: all,
                    warnings,
                });
                return None;
            }
        };
        for (&i, body) in which.iter().zip(bodies) {
            all[i] = body;
        }
        // The symbol's page and every list show only the card, which is the same. What
        // changed since the predecessor, and since it for the successor, is compared again:
        // their changes pages, their series' pages, and the pages of every language
        // version, which may show a comparison in another language, show it.
        let (site, compared) = site.with_texts(edits, &all);
        let pages = touched::in_place(&site, &which, &compared);
        self.generation = Some(Generation {
            theme,
            site: Arc::new(site),
            bodies: all,
            warnings,
        });
        let only: HashSet<usize> = which.into_iter().collect();
        let generation = self.generation.as_ref()?;
        let written = self
            .write_pages_of(generation, &pages)
            .and_then(|(n, paths)| {
                self.write_extra(generation, &[], Some(&only))?;
                Ok((n, paths))
            });
        Some(written.map(|(n, paths)| {
            self.paths.extend(paths);
            n
        }))
    }

    /// Applies content changes to a generation; returns the new one, the pages to render,
    /// and whether the site has the same pages as before.
    fn apply(
        &self,
        old: Generation,
        root: &Path,
        changed: &[PathBuf],
    ) -> Result<(Generation, Vec<Page>, bool), Failed> {
        // Read the changed files first: a bad edit leaves everything as it was.
        let shown = |p: &Path| p.strip_prefix(root).unwrap_or(p).to_path_buf();
        let changed_shown: HashSet<PathBuf> = changed.iter().map(|p| shown(p)).collect();
        let (fresh, problems) = self.read_changed(changed, &shown, &old.site);
        if problems.iter().any(Diagnostic::is_error) {
            return Err(Failed::Restore(Box::new(old), problems));
        }
        let archive = &old.site.archive;
        let stale: Vec<usize> = (0..archive.len())
            .filter(|&i| changed_shown.contains(&archive.resolution(i).source))
            .collect();
        let kept = (0..archive.len())
            .filter(|i| !stale.contains(i))
            .map(|i| archive.resolution(i));
        let duplicates = content::duplicates(kept.chain(fresh.iter()));
        if !duplicates.is_empty() {
            return Err(Failed::Restore(Box::new(old), duplicates));
        }
        let card_changed = stale.len() != fresh.len()
            || stale.iter().any(|&i| {
                let old = archive.resolution(i);
                !fresh
                    .iter()
                    .any(|r| r.source == old.source && touched::same_card(r, old))
            });
        let mut symbols: HashSet<Symbol> = stale
            .iter()
            .map(|&i| archive.resolution(i).symbol.clone())
            .collect();
        symbols.extend(fresh.iter().map(|r| r.symbol.clone()));
        let mut touched = Touched::before(&old.site, &symbols, card_changed);
        let (generation, relinked) = rebuild(old, stale, fresh, problems, card_changed)?;
        touched.symbols.extend(relinked);
        touched.after(&generation.site, &symbols, card_changed);
        let pages = touched.pages(&generation.site);
        // With the same resolutions and metadata, the site has the same pages.
        Ok((generation, pages, !card_changed))
    }

    /// The changed resolution files that exist, read and checked, and their problems.
    fn read_changed(
        &self,
        changed: &[PathBuf],
        shown: &dyn Fn(&Path) -> PathBuf,
        site: &Site,
    ) -> (Vec<Resolution>, Vec<Diagnostic>) {
        let mut fresh = Vec::new();
        let mut problems = Vec::new();
        for path in changed {
            let is_md = path.extension().is_some_and(|x| x == "md");
            let hidden = path
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'));
            if !path.is_file() || !is_md || hidden {
                continue;
            }
            let (mut resolution, diags) = content::load_file(path, &shown(path));
            problems.extend(diags);
            if let Some(r) = &mut resolution {
                problems.extend(content::data::join(
                    r,
                    &site.agenda,
                    site.thesaurus.as_ref(),
                ));
            }
            fresh.extend(resolution.filter(|r| self.opts.drafts || !r.draft));
        }
        (fresh, problems)
    }

    fn write_pages(
        &mut self,
        generation: &Generation,
        pages: &[Page],
    ) -> Result<usize, Vec<Diagnostic>> {
        let (n, paths) = self.write_pages_of(generation, pages)?;
        self.paths.extend(paths);
        Ok(n)
    }

    /// Renders and writes pages; returns how many, and their paths.
    fn write_pages_of(
        &self,
        generation: &Generation,
        pages: &[Page],
    ) -> Result<(usize, Vec<String>), Vec<Diagnostic>> {
        let results: Vec<Result<String, Diagnostic>> = pages
            .par_iter()
            .map(|&page| {
                let path = page_path(&generation.site, page);
                let mut html = pages::render(
                    &generation.site,
                    &generation.theme,
                    &generation.bodies,
                    page,
                )?;
                if self.opts.live_reload {
                    live::inject(&mut html);
                }
                write(&self.output.join(urls::file_of(&path)), html.as_bytes())
                    .map_err(|mut d| d.remove(0))?;
                Ok(path)
            })
            .collect();
        let mut errors = Vec::new();
        let mut paths = Vec::with_capacity(pages.len());
        let mut seen = HashSet::new();
        for r in results {
            match r {
                Ok(path) => paths.push(path),
                Err(d) if seen.insert(d.to_string()) => errors.push(d),
                Err(_) => {}
            }
        }
        if errors.is_empty() {
            Ok((pages.len(), paths))
        } else {
            Err(errors)
        }
    }

    /// The files besides pages: 404, robots, sitemap, feeds, catalogue, the data and
    /// citation files of the resolutions in `only` (all when `None`), and the search index.
    fn write_extra(
        &self,
        generation: &Generation,
        pages: &[Page],
        only: Option<&HashSet<usize>>,
    ) -> Result<Vec<String>, Vec<Diagnostic>> {
        let live = self.opts.live_reload;
        let write = |path: &str, bytes: &[u8]| {
            let target = self.output.join(path);
            // The 404 page is a page too: it reloads when the site changes.
            let bytes = if live {
                live::into_page(path, bytes)
            } else {
                std::borrow::Cow::Borrowed(bytes)
            };
            write(&target, &bytes).map_err(|mut d| d.remove(0))
        };
        let site = &generation.site;
        let theme = &generation.theme;
        let entries = pages::sitemap_entries::entries(site, pages);
        let mut paths =
            crate::formats::files(site, &generation.bodies, &entries, &write, only, &|_| {})
                .map_err(|e| vec![e])?;
        // With only some resolutions changed, and no metadata, the 404 page stays as it is.
        if only.is_none() {
            let page = pages::not_found::render(site, theme).map_err(|e| vec![e])?;
            write(urls::NOT_FOUND, &page).map_err(|e| vec![e])?;
            paths.push(urls::NOT_FOUND.to_string());
        }
        Ok(paths)
    }

    /// Makes the search index again after the pages of a save are written and shown,
    /// when that is quick enough.
    pub fn follow_search(&mut self) -> Result<SearchFollow, Vec<Diagnostic>> {
        if !self.search_stale {
            return Ok(SearchFollow::Nothing);
        }
        let Some(generation) = self.generation.take() else {
            return Ok(SearchFollow::Nothing);
        };
        let follow = if !generation.site.config.search {
            Ok(SearchFollow::Nothing)
        } else if self.search_cost <= self.search_budget {
            self.write_search(&generation)
                .map(|()| SearchFollow::Remade(self.search_cost.as_millis()))
        } else {
            Ok(SearchFollow::Behind)
        };
        self.generation = Some(generation);
        if matches!(follow, Ok(SearchFollow::Nothing)) {
            self.search_stale = false;
        }
        follow
    }

    /// Writes the search index whole, and times it.
    fn write_search(&mut self, generation: &Generation) -> Result<(), Vec<Diagnostic>> {
        let started = Instant::now();
        // Shards of the old index that the new one lacks must not stay behind.
        let _ = fs::remove_dir_all(self.output.join(urls::SEARCH_DIR));
        let write = |path: &str, bytes: &[u8]| {
            write(&self.output.join(path), bytes).map_err(|mut d| d.remove(0))
        };
        crate::formats::search_index(
            &generation.site,
            &generation.theme,
            &generation.bodies,
            &write,
            &|_| {},
        )
        .map_err(|e| vec![e])?;
        self.search_cost = started.elapsed();
        self.search_stale = false;
        Ok(())
    }

    /// Removes the files of pages that no longer exist.
    fn remove_gone(&mut self, generation: &Generation) {
        let now: HashSet<String> = plan(&generation.site)
            .into_iter()
            .map(|p| page_path(&generation.site, p))
            .collect();
        for gone in self.paths.difference(&now) {
            let _ = fs::remove_file(self.output.join(urls::file_of(gone)));
        }
        // A resolution's data and citation files lie beside its page, and go with it.
        let output = &self.output;
        let (paths, files) = (&self.paths, &mut self.files);
        files.retain(|file| {
            let folder = file.rfind('/').map_or("", |i| &file[..=i]);
            let gone = paths.contains(folder) && !now.contains(folder);
            if gone {
                let _ = fs::remove_file(output.join(file));
            }
            !gone
        });
        self.paths = now;
    }
}

/// The changed files as edits of the texts of resolutions alone: each resolution's index
/// and its new version, those saved again as they were left out. `None` when a file is
/// new, has problems, or changed anything but its text.
fn text_edits(site: &Site, root: &Path, changed: &[PathBuf]) -> Option<Vec<(usize, Resolution)>> {
    let mut edits = Vec::with_capacity(changed.len());
    for path in changed {
        let shown = path.strip_prefix(root).unwrap_or(path);
        let i = site
            .archive
            .resolutions()
            .iter()
            .position(|r| r.source == shown)?;
        let (fresh, diags) = content::load_file(path, shown);
        let mut fresh = fresh?;
        // What data/ says of its card (an unknown subject) is the same as when the card
        // was read before: it does not keep a text edit from being one.
        let _same_as_before =
            content::data::join(&mut fresh, &site.agenda, site.thesaurus.as_ref());
        let old = site.archive.resolution(i);
        if !diags.is_empty() || !touched::same_card(&fresh, old) {
            return None;
        }
        if fresh.body != old.body {
            edits.push((i, fresh));
        }
    }
    Some(edits)
}

/// The generation after a change: the old one taken apart, the stale resolutions replaced
/// by the fresh ones, and the bodies rendered again of the fresh ones and of those that
/// cite a resolution that appeared or disappeared (returned, as they changed too).
fn rebuild(
    old: Generation,
    stale: Vec<usize>,
    fresh: Vec<Resolution>,
    problems: Vec<Diagnostic>,
    card_changed: bool,
) -> Result<(Generation, HashSet<Symbol>), Failed> {
    let Generation {
        theme,
        site,
        bodies,
        ..
    } = old;
    // From here a failure means a full rebuild next.
    let Ok(site) = Arc::try_unwrap(site) else {
        return Err(Failed::Problems(vec![
            Diagnostic::error("content", 0, 0, "the preview is busy").with_hint("save again"),
        ]));
    };
    let Site {
        archive,
        config,
        urls,
        groups: old_groups,
        votes,
        agenda,
        thesaurus,
        ..
    } = site;
    let old_keys: HashSet<(Symbol, Lang)> = archive
        .resolutions()
        .iter()
        .map(|r| (r.symbol.clone(), r.lang))
        .collect();
    let stale: HashSet<usize> = stale.into_iter().collect();
    let mut paired: Vec<(Resolution, Option<Body>)> = archive
        .into_resolutions()
        .into_iter()
        .zip(bodies)
        .enumerate()
        .filter(|(i, _)| !stale.contains(i))
        .map(|(_, (r, b))| (r, Some(b)))
        .collect();
    paired.extend(fresh.into_iter().map(|r| (r, None)));
    let relinked = unlink_moved(&mut paired, &old_keys);
    let (archive, bodies) = Archive::with(paired);
    let missing: Vec<usize> = bodies
        .iter()
        .enumerate()
        .filter(|(_, b)| b.is_none())
        .map(|(i, _)| i)
        .collect();
    let mut rendered =
        render_bodies(&archive, &config, &urls, &theme, missing, &|_| {}).into_iter();
    let bodies: Vec<Body> = bodies
        .into_iter()
        .map(|b| b.unwrap_or_else(|| rendered.next().expect("one body per missing one")))
        .collect();
    let carried = crate::site::Carried {
        votes,
        agenda,
        thesaurus,
        groups: (!card_changed).then_some(old_groups),
    };
    let generation = crate::site::assemble(theme, archive, config, urls, bodies, problems, carried)
        .map_err(Failed::Problems)?;
    Ok((generation, relinked))
}

/// A resolution that appeared or disappeared changes where citations of it lead: the
/// bodies that cite one are dropped, to be rendered again. Returns their symbols.
fn unlink_moved(
    paired: &mut [(Resolution, Option<Body>)],
    old_keys: &HashSet<(Symbol, Lang)>,
) -> HashSet<Symbol> {
    let new_keys: HashSet<(Symbol, Lang)> = paired
        .iter()
        .map(|(r, _)| (r.symbol.clone(), r.lang))
        .collect();
    let moved: HashSet<&Symbol> = old_keys
        .symmetric_difference(&new_keys)
        .map(|(s, _)| s)
        .collect();
    let mut relinked = HashSet::new();
    for (r, body) in paired.iter_mut() {
        let cites_moved = body.as_ref().is_some_and(|b| {
            b.citations
                .iter()
                .any(|f| matches!(&f.target, Target::Resolution(s) if moved.contains(s)))
        });
        if cites_moved {
            *body = None;
            relinked.insert(r.symbol.clone());
        }
    }
    relinked
}

/// Why an update failed, and whether the old generation survives.
enum Failed {
    Restore(Box<Generation>, Vec<Diagnostic>),
    Problems(Vec<Diagnostic>),
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Vec<Diagnostic>> {
    let fail = |e: std::io::Error| {
        vec![
            Diagnostic::error(path, 0, 0, e.to_string())
                .with_hint("check free disk space and permissions"),
        ]
    };
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(fail)?;
    }
    // Unchanged files are left alone, so their times tell what a save rebuilt.
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    fs::write(path, bytes).map_err(fail)
}

/// One line that says what an update did.
pub fn summary(update: &Update) -> String {
    if update.full {
        format!(
            "built every page ({}) in {} ms",
            update.pages, update.millis
        )
    } else {
        format!("rebuilt {} pages in {} ms", update.pages, update.millis)
    }
}
