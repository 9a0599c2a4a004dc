//! The citation graph of a whole archive: what each resolution cites, who cites it, and
//! the series a resolution belongs to. Built once, after every body has been read, from
//! the citations found in each language version; read by every page.

use std::collections::{BTreeMap, HashMap};

use super::Target;
use crate::model::{Archive, Symbol};

/// A citation as found in one language version of a resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub target: Target,
    /// The operative paragraph pointed at ("paragraph 5 of resolution 72/196").
    pub paragraph: Option<u32>,
    /// The anchor of the citing paragraph (`pp-3`, `op-2`), where the citation stands.
    pub anchor: Option<String>,
    pub most_recent: bool,
    /// The line of the body the citation is on (1-based, counted from the body's start).
    pub line: usize,
}

/// Something a resolution cites.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Cited {
    /// A resolution in the archive, by work index.
    Work(usize),
    /// A resolution the archive does not have.
    Elsewhere(Symbol),
}

/// A resolution that cites another, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backlink {
    pub work: usize,
    /// The first citing paragraph, for a link straight to it.
    pub anchor: Option<String>,
}

/// Forward links, backlinks and series over the works (symbols) of an archive.
#[derive(Debug, Default)]
pub struct Graph {
    cites: Vec<Vec<Cited>>,
    cited_by: Vec<Vec<Backlink>>,
    previous: Vec<Option<usize>>,
    next: Vec<Option<usize>>,
}

impl Graph {
    /// Builds the graph. `found(i)` are the citations of the archive's resolution `i`.
    pub fn new<'a>(archive: &Archive, found: impl Fn(usize) -> &'a [Found]) -> Graph {
        let works = archive.works();
        let mut cites: Vec<Vec<Cited>> = vec![Vec::new(); works.len()];
        let mut cited_by: Vec<BTreeMap<usize, Option<String>>> = vec![BTreeMap::new(); works.len()];
        let mut most_recent: Vec<Option<usize>> = vec![None; works.len()];

        for (w, (symbol, versions)) in works.iter().enumerate() {
            for &i in versions {
                for f in found(i) {
                    let Target::Resolution(target) = &f.target else {
                        continue;
                    };
                    if target == symbol {
                        continue;
                    }
                    let cited = match archive.work_of(target) {
                        Some(t) => {
                            let entry = cited_by[t].entry(w).or_insert(None);
                            if entry.is_none() {
                                entry.clone_from(&f.anchor);
                            }
                            if f.most_recent && most_recent[w].is_none() {
                                most_recent[w] = Some(t);
                            }
                            Cited::Work(t)
                        }
                        None => Cited::Elsewhere(target.clone()),
                    };
                    if !cites[w].contains(&cited) {
                        cites[w].push(cited);
                    }
                }
            }
        }

        let adopted = |w: usize| archive.resolution(works[w].1[0]).adopted;
        let cited_by: Vec<Vec<Backlink>> = cited_by
            .into_iter()
            .map(|m| {
                let mut v: Vec<Backlink> = m
                    .into_iter()
                    .map(|(work, anchor)| Backlink { work, anchor })
                    .collect();
                v.sort_by_key(|b| std::cmp::Reverse((adopted(b.work), b.work)));
                v
            })
            .collect();

        let previous = predecessors(archive, &cites, &most_recent);
        let mut next: Vec<Option<usize>> = vec![None; works.len()];
        for (w, p) in previous.iter().enumerate() {
            if let Some(p) = *p
                && next[p].is_none_or(|n| adopted(w) < adopted(n))
            {
                next[p] = Some(w);
            }
        }
        Graph {
            cites,
            cited_by,
            previous,
            next,
        }
    }

    pub fn cites(&self, work: usize) -> &[Cited] {
        self.cites.get(work).map_or(&[], Vec::as_slice)
    }

    /// Who cites a work, newest first.
    pub fn cited_by(&self, work: usize) -> &[Backlink] {
        self.cited_by.get(work).map_or(&[], Vec::as_slice)
    }

    pub fn previous(&self, work: usize) -> Option<usize> {
        self.previous.get(work).copied().flatten()
    }

    pub fn next(&self, work: usize) -> Option<usize> {
        self.next.get(work).copied().flatten()
    }

    /// The whole series a work belongs to, oldest first.
    pub fn series(&self, work: usize) -> Vec<usize> {
        let mut first = work;
        let mut seen = vec![work];
        while let Some(p) = self.previous(first) {
            if seen.contains(&p) {
                break;
            }
            seen.push(p);
            first = p;
        }
        let mut chain = vec![first];
        let mut at = first;
        while let Some(n) = self.next(at) {
            if chain.contains(&n) {
                break;
            }
            chain.push(n);
            at = n;
        }
        if chain.len() > 1 { chain } else { Vec::new() }
    }

    /// Citations of resolutions the archive does not have, with how often each is cited.
    pub fn elsewhere(&self) -> BTreeMap<&Symbol, usize> {
        let mut counts = BTreeMap::new();
        for c in self.cites.iter().flatten() {
            if let Cited::Elsewhere(s) = c {
                *counts.entry(s).or_insert(0) += 1;
            }
        }
        counts
    }
}

/// A title as compared across sessions: case, punctuation and spacing aside.
fn title_key(title: &str) -> String {
    title
        .chars()
        .filter(|c| c.is_alphanumeric() || c.is_whitespace())
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Each work's predecessor in its series. In order of trust: `follows:` in the front
/// matter; "the most recent of which is resolution 78/19"; the latest earlier resolution
/// of the same organ with the same title, cited or not.
fn predecessors(
    archive: &Archive,
    cites: &[Vec<Cited>],
    most_recent: &[Option<usize>],
) -> Vec<Option<usize>> {
    let works = archive.works();
    let adopted = |w: usize| archive.resolution(works[w].1[0]).adopted;
    // (organ, lang, title) → works with that title, for the title rule.
    let mut by_title: HashMap<(crate::model::Organ, crate::model::Lang, String), Vec<usize>> =
        HashMap::new();
    for (w, (symbol, versions)) in works.iter().enumerate() {
        for &i in versions {
            let r = archive.resolution(i);
            by_title
                .entry((symbol.organ(), r.lang, title_key(&r.title)))
                .or_default()
                .push(w);
        }
    }
    for group in by_title.values_mut() {
        group.sort_by_key(|&m| (adopted(m), m));
        group.dedup();
    }
    works
        .iter()
        .enumerate()
        .map(|(w, (symbol, versions))| {
            let follows = versions.iter().find_map(|&i| {
                let value = archive.resolution(i).extra.get("follows")?;
                let target = Symbol::parse(value.as_str()?).ok()?;
                archive.work_of(&target)
            });
            if follows.is_some() {
                return follows;
            }
            if let Some(p) = most_recent[w].filter(|&p| adopted(p) < adopted(w)) {
                return Some(p);
            }
            // A cited namesake is the surer one; else the latest earlier namesake.
            let mut best: Option<(bool, jiff::civil::Date, usize)> = None;
            for &i in versions {
                let r = archive.resolution(i);
                let Some(group) = by_title.get(&(symbol.organ(), r.lang, title_key(&r.title)))
                else {
                    continue;
                };
                let cited = cites[w].iter().filter_map(|c| match c {
                    Cited::Work(t)
                        if group
                            .binary_search_by_key(&(adopted(*t), *t), |&m| (adopted(m), m))
                            .is_ok() =>
                    {
                        Some(*t)
                    }
                    _ => None,
                });
                // The group is sorted by date: the namesake just before `w` is the latest earlier.
                let before = group.partition_point(|&m| adopted(m) < adopted(w));
                let latest = before.checked_sub(1).map(|k| group[k]);
                for (c, is_cited) in cited.map(|c| (c, true)).chain(latest.map(|c| (c, false))) {
                    if c == w || adopted(c) >= adopted(w) {
                        continue;
                    }
                    let key = (is_cited, adopted(c), c);
                    if best.is_none_or(|b| key > b) {
                        best = Some(key);
                    }
                }
            }
            best.map(|(_, _, c)| c)
        })
        .collect()
}
