//! Which pages a change of content touches: a pure function of the site before and after
//! it. A page depends on the resolutions it shows; see the module above for the rules.

use std::collections::HashSet;

use crate::cite::Target;
use crate::cite::graph::{Cited, Found};
use crate::model::{GroupKind, Resolution, Symbol};
use crate::pages::{self, Page};
use crate::render::Body;
use crate::site::Site;

/// What pages show of the changed resolutions, gathered from the site before the change
/// and after it.
#[derive(Debug, Default)]
pub struct Touched {
    /// Resolutions whose pages (and changes pages) must be rendered again.
    pub symbols: HashSet<Symbol>,
    /// Groups (kind, key) whose lists must be rendered again.
    pub groups: HashSet<(GroupKind, String)>,
    /// Members of the series whose pages must be rendered again.
    pub in_series: HashSet<Symbol>,
    /// Countries whose pages list a changed card (they show its title and date), by code.
    pub voters: HashSet<String>,
    /// The series of each changed resolution before the change.
    series_before: Vec<(Symbol, Vec<Symbol>)>,
}

impl Touched {
    /// What the site before the change showed about `changed`. When only bodies changed
    /// (`card_changed` false), the pages that show them elsewhere (lists, cited by,
    /// series) show nothing of them that changed, but the cited-by anchors of what they cite.
    pub fn before(site: &Site, changed: &HashSet<Symbol>, card_changed: bool) -> Touched {
        let mut touched = Touched {
            symbols: changed.clone(),
            ..Touched::default()
        };
        touched.add(site, changed, card_changed);
        // A body can name a new predecessor ("the most recent of which is …").
        touched.series_before = changed
            .iter()
            .map(|s| (s.clone(), series_of(site, s)))
            .collect();
        touched
    }

    /// Adds what the site after the change shows about `changed`, and both series of a
    /// resolution whose series changed.
    pub fn after(&mut self, site: &Site, changed: &HashSet<Symbol>, card_changed: bool) {
        self.add(site, changed, card_changed);
        self.symbols.extend(self.in_series.iter().cloned());
        for (symbol, before) in std::mem::take(&mut self.series_before) {
            let after = series_of(site, &symbol);
            if after != before {
                self.symbols.extend(before);
                self.symbols.extend(after);
            }
        }
    }

    fn add(&mut self, site: &Site, changed: &HashSet<Symbol>, card_changed: bool) {
        let works: HashSet<usize> = changed
            .iter()
            .filter_map(|s| site.archive.work_of(s))
            .collect();
        for &w in &works {
            self.symbols.extend(shown_with(site, w, card_changed));
        }
        if card_changed {
            self.groups.extend(groups_of(site, &works));
            for s in changed.iter().filter_map(|s| site.votes.get(s)) {
                self.voters.extend(s.ballots.iter().map(|(c, _)| c.clone()));
            }
        }
        // A series page and the changes pages of its members read every member: a change
        // to any of them, of its body or its card, renders them all again.
        self.in_series.extend(members_of_series(site, &works));
    }

    /// The pages of the site after the change that show anything touched.
    pub fn pages(&self, site: &Site) -> Vec<Page> {
        let kinds: HashSet<GroupKind> = self.groups.iter().map(|(k, _)| *k).collect();
        pages::plan(site)
            .into_iter()
            .filter(|page| match *page {
                Page::Root | Page::LangHome(_) | Page::Search(_) | Page::SeriesIndex(_) => true,
                Page::Resolution(i) | Page::Changes(i) => {
                    self.symbols.contains(&site.archive.resolution(i).symbol)
                }
                Page::Symbol(w) => self.symbols.contains(&site.archive.works()[w].0),
                Page::Groups(_, kind, _) => kinds.contains(&kind),
                Page::Group(_, kind, g, _) => self
                    .groups
                    .contains(&(kind, site.groups[&kind][g].key.clone())),
                Page::Series(_, k) => site.series.index.series[k]
                    .works
                    .iter()
                    .any(|&w| self.in_series.contains(&site.archive.works()[w].0)),
                Page::Country(_, k) => self.voters.contains(&site.voters[k]),
                Page::Countries(_) => false,
            })
            .collect()
    }
}

/// The pages an edit of the texts of resolutions `which` alone touches, when the
/// resolutions `compared` were compared again with their predecessors: their own pages,
/// and, for the comparisons, every language version's page (which may show a comparison in
/// another language), the changes pages and the pages of their series.
pub fn in_place(site: &Site, which: &[usize], compared: &[usize]) -> Vec<Page> {
    let mut pages: Vec<Page> = which.iter().map(|&i| Page::Resolution(i)).collect();
    if compared.is_empty() {
        return pages;
    }
    let archive = &site.archive;
    let mut works: Vec<usize> = which
        .iter()
        .chain(compared)
        .filter_map(|&i| archive.work_of(&archive.resolution(i).symbol))
        .collect();
    works.sort_unstable();
    works.dedup();
    for &w in &works {
        pages.extend(archive.works()[w].1.iter().map(|&v| Page::Resolution(v)));
    }
    pages.extend(compared.iter().map(|&c| Page::Changes(c)));
    let mut series: Vec<usize> = works
        .iter()
        .filter_map(|&w| site.series.index.of(w))
        .collect();
    series.sort_unstable();
    series.dedup();
    for &lang in &site.config.languages {
        pages.extend(series.iter().map(|&k| Page::Series(lang, k)));
    }
    let mut seen = HashSet::new();
    pages.retain(|&p| seen.insert(p));
    pages
}

/// The members of the series of `s`, in order.
fn series_of(site: &Site, s: &Symbol) -> Vec<Symbol> {
    site.archive
        .work_of(s)
        .map(|w| {
            site.graph
                .series(w)
                .into_iter()
                .map(|m| site.archive.works()[m].0.clone())
                .collect()
        })
        .unwrap_or_default()
}

/// The resolutions whose pages show something of work `w`: those it cites (their cited-by
/// lists point into its text) and, when its card changed, those that cite it and its series.
pub fn shown_with(site: &Site, w: usize, card_changed: bool) -> Vec<Symbol> {
    let works = site.archive.works();
    let graph = &site.graph;
    let mut out: Vec<Symbol> = graph
        .cites(w)
        .iter()
        .filter_map(|c| match c {
            Cited::Work(t) => Some(works[*t].0.clone()),
            Cited::Elsewhere(_) => None,
        })
        .collect();
    if card_changed {
        out.extend(graph.cited_by(w).iter().map(|b| works[b.work].0.clone()));
        out.extend(graph.series(w).into_iter().map(|s| works[s].0.clone()));
    }
    out
}

/// Every member of the series `works` belong to, `works` among them.
pub fn members_of_series(site: &Site, works: &HashSet<usize>) -> HashSet<Symbol> {
    let index = &site.series.index;
    works
        .iter()
        .filter_map(|&w| index.of(w))
        .flat_map(|k| index.series[k].works.iter())
        .map(|&m| site.archive.works()[m].0.clone())
        .collect()
}

/// The groups (kind, key) that list any of `works`.
pub fn groups_of(site: &Site, works: &HashSet<usize>) -> Vec<(GroupKind, String)> {
    let mut out = Vec::new();
    for (kind, list) in &site.groups {
        for g in list
            .iter()
            .filter(|g| g.works.iter().any(|w| works.contains(w)))
        {
            out.push((*kind, g.key.clone()));
        }
    }
    out
}

/// Whether two bodies cite the same things from the same paragraphs, wherever the lines
/// moved: then the citation graph, and every page that shows it, stays as it is.
pub fn same_citations(a: &[Found], b: &[Found]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            x.target == y.target
                && x.paragraph == y.paragraph
                && x.anchor == y.anchor
                && x.most_recent == y.most_recent
        })
}

/// Whether the paragraphs that recall a series' earlier members ("69/32 of 2 December
/// 2014, …, the most recent of which is 78/21") read the same: the series index reads its
/// members that the archive lacks, and their dates, from them.
pub fn same_recall(site: &Site, i: usize, old: &Body, new: &Body) -> bool {
    let archive = &site.archive;
    let Some(w) = archive.work_of(&archive.resolution(i).symbol) else {
        return true;
    };
    if site.series.index.of(w).is_none() {
        return true;
    }
    let previous = site.graph.previous(w).map(|p| &archive.works()[p].0);
    new.citations.iter().all(|f| {
        let Target::Resolution(cited) = &f.target else {
            return true;
        };
        if !(f.most_recent || previous == Some(cited)) {
            return true;
        }
        f.anchor
            .as_deref()
            .is_none_or(|a| old.passage(a) == new.passage(a))
    })
}

/// Whether two versions of a file say the same outside their bodies: what lists, indexes,
/// cited-by entries and series show of a resolution.
pub fn same_card(a: &Resolution, b: &Resolution) -> bool {
    a.symbol == b.symbol
        && a.lang == b.lang
        && a.title == b.title
        && a.adopted == b.adopted
        && a.session == b.session
        && a.session_label == b.session_label
        && a.agenda_items == b.agenda_items
        && a.meeting == b.meeting
        && a.report == b.report
        && a.committee == b.committee
        && a.issued == b.issued
        && a.distribution == b.distribution
        && a.vote == b.vote
        && a.subjects == b.subjects
        && a.draft == b.draft
        && a.extra == b.extra
}
