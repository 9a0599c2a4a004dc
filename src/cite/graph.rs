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
    /// Each work's series (an index into `series`), when it has one.
    series_of: Vec<Option<usize>>,
    /// The works of each series, oldest first.
    series: Vec<Vec<usize>>,
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
        let (series_of, series) = series_of(&previous, |w| (adopted(w), w));
        Graph {
            cites,
            cited_by,
            previous,
            next,
            series_of,
            series,
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

    /// The whole series a work belongs to, oldest first: every work whose chain of
    /// predecessors leads to the same first one. Empty for a work in no series.
    pub fn series(&self, work: usize) -> Vec<usize> {
        self.series_index(work)
            .map(|s| self.series[s].clone())
            .unwrap_or_default()
    }

    /// Which series a work belongs to, as an index into [`Graph::all_series`].
    pub fn series_index(&self, work: usize) -> Option<usize> {
        self.series_of.get(work).copied().flatten()
    }

    /// Every series of two works or more, each oldest first, in the order of their first
    /// works.
    pub fn all_series(&self) -> &[Vec<usize>] {
        &self.series
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

/// Groups works by the first work of their chain of predecessors. A loop of `follows:`
/// (a → b → a) is cut at its oldest work.
fn series_of<K: Ord>(
    previous: &[Option<usize>],
    order: impl Fn(usize) -> K,
) -> (Vec<Option<usize>>, Vec<Vec<usize>>) {
    let first = |w: usize| -> usize {
        let mut seen = vec![w];
        let mut at = w;
        while let Some(p) = previous[at] {
            if seen.contains(&p) {
                // A loop: its oldest member starts the series.
                return seen.into_iter().min_by_key(|&x| order(x)).unwrap_or(w);
            }
            seen.push(p);
            at = p;
        }
        at
    };
    let mut by_first: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for w in 0..previous.len() {
        by_first.entry(first(w)).or_default().push(w);
    }
    let mut series_of = vec![None; previous.len()];
    let mut series = Vec::new();
    for (_, mut works) in by_first {
        if works.len() < 2 {
            continue;
        }
        works.sort_by_key(|&w| order(w));
        for &w in &works {
            series_of[w] = Some(series.len());
        }
        series.push(works);
    }
    (series_of, series)
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
/// of the same organ with the same title, cited or not; the latest resolution of the few
/// sessions before on an agenda item numbered the same, with a title much like it.
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
    // (organ, agenda item) → works on an item numbered so, for the agenda item rule.
    let mut by_item: HashMap<(crate::model::Organ, String), Vec<usize>> = HashMap::new();
    for (w, (symbol, versions)) in works.iter().enumerate() {
        for item in &archive.resolution(versions[0]).agenda_items {
            by_item
                .entry((symbol.organ(), item.to_lowercase()))
                .or_default()
                .push(w);
        }
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
                .or_else(|| same_item(archive, &by_item, w))
        })
        .collect()
}

/// How many sessions back the agenda item rule looks: items recur every year, every other
/// year or every third year.
const ITEM_SESSIONS_BACK: u16 = 3;

/// The share of title words two resolutions on the same agenda item must have in common
/// (words of both over words of either) to be taken for one series.
const ITEM_TITLE_OVERLAP: f32 = 0.5;

/// The agenda item rule: the latest resolution of the same organ from one of the few
/// sessions before, on an agenda item numbered the same, whose title in the same language
/// shares most of its words with this one's ("Report of the Human Rights Council" and
/// "Report of the Human Rights Council and its implementation"). The number alone is not
/// enough: the Assembly renumbers its agenda every session.
fn same_item(
    archive: &Archive,
    by_item: &HashMap<(crate::model::Organ, String), Vec<usize>>,
    w: usize,
) -> Option<usize> {
    let works = archive.works();
    let (symbol, versions) = &works[w];
    let first = archive.resolution(versions[0]);
    let Some(crate::model::Session::Regular(session)) = first.session else {
        return None;
    };
    let mut best: Option<(jiff::civil::Date, usize)> = None;
    for item in &first.agenda_items {
        for &c in by_item
            .get(&(symbol.organ(), item.to_lowercase()))
            .map_or(&[][..], Vec::as_slice)
        {
            let other = archive.resolution(works[c].1[0]);
            let Some(crate::model::Session::Regular(s)) = other.session else {
                continue;
            };
            if c == w || s >= session || session - s > ITEM_SESSIONS_BACK {
                continue;
            }
            let alike = versions.iter().any(|&i| {
                let r = archive.resolution(i);
                works[c].1.iter().any(|&j| {
                    let o = archive.resolution(j);
                    o.lang == r.lang && title_overlap(&o.title, &r.title) >= ITEM_TITLE_OVERLAP
                })
            });
            if alike && best.is_none_or(|(d, b)| (other.adopted, c) > (d, b)) {
                best = Some((other.adopted, c));
            }
        }
    }
    best.map(|(_, c)| c)
}

/// Words two titles share over the words of either (Jaccard), case and punctuation aside.
fn title_overlap(a: &str, b: &str) -> f32 {
    let words = |t: &str| -> std::collections::BTreeSet<String> {
        title_key(t).split(' ').map(str::to_string).collect()
    };
    let (a, b) = (words(a), words(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f32 / union as f32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Lang, Resolution};

    fn resolution(
        symbol: &str,
        title: &str,
        adopted: &str,
        items: &[&str],
        follows: Option<&str>,
    ) -> Resolution {
        let symbol = Symbol::parse(symbol).unwrap();
        let mut extra = std::collections::BTreeMap::new();
        if let Some(f) = follows {
            extra.insert("follows".to_string(), serde_yaml::Value::from(f));
        }
        Resolution {
            session: symbol.session(),
            symbol,
            lang: Lang::En,
            title: title.into(),
            adopted: adopted.parse().unwrap(),
            session_label: None,
            agenda_items: items.iter().map(|s| s.to_string()).collect(),
            meeting: None,
            report: None,
            committee: None,
            issued: None,
            distribution: None,
            vote: None,
            subjects: Vec::new(),
            draft: false,
            extra,
            body: String::new(),
            source: "x.md".into(),
            body_line: 1,
            symbol_line: 1,
            subjects_line: 1,
            agenda_line: 1,
        }
    }

    fn graph(rs: Vec<Resolution>) -> (Archive, Graph) {
        let archive = Archive::new(rs);
        let graph = Graph::new(&archive, |_| &[]);
        (archive, graph)
    }

    fn work(a: &Archive, s: &str) -> usize {
        a.work_of(&Symbol::parse(s).unwrap()).unwrap()
    }

    #[test]
    fn the_agenda_item_joins_a_reworded_title_but_not_another_subject() {
        let (a, g) = graph(vec![
            resolution(
                "A/RES/77/60",
                "Report of the Human Rights Council",
                "2022-12-15",
                &["65"],
                None,
            ),
            resolution(
                "A/RES/78/60",
                "Report of the Human Rights Council and its work",
                "2023-12-15",
                &["65"],
                None,
            ),
            resolution(
                "A/RES/78/61",
                "Oceans and the law of the sea",
                "2023-12-15",
                &["65"],
                None,
            ),
            // The same item and a like title, but four sessions back.
            resolution(
                "A/RES/74/62",
                "Report of the Council on its work",
                "2019-12-15",
                &["66"],
                None,
            ),
            resolution(
                "A/RES/78/62",
                "Report of the Council on its work and more",
                "2023-12-15",
                &["66"],
                None,
            ),
        ]);
        assert_eq!(
            g.previous(work(&a, "A/RES/78/60")),
            Some(work(&a, "A/RES/77/60"))
        );
        assert_eq!(g.previous(work(&a, "A/RES/78/61")), None);
        assert_eq!(g.previous(work(&a, "A/RES/77/60")), None);
        assert_eq!(g.previous(work(&a, "A/RES/78/62")), None);
    }

    #[test]
    fn two_successors_of_one_resolution_share_its_series() {
        let (a, g) = graph(vec![
            resolution("A/RES/77/1", "Same title", "2022-10-01", &[], None),
            resolution("A/RES/78/1", "Same title", "2023-10-01", &[], None),
            resolution("A/RES/78/2", "Other", "2023-10-02", &[], Some("A/RES/77/1")),
        ]);
        let all = g.series(work(&a, "A/RES/78/2"));
        assert_eq!(all.len(), 3);
        assert_eq!(all[0], work(&a, "A/RES/77/1"));
        assert_eq!(g.series(work(&a, "A/RES/78/1")), all);
        assert_eq!(g.all_series().len(), 1);
    }

    #[test]
    fn a_loop_of_follows_is_one_series() {
        let (a, g) = graph(vec![
            resolution("A/RES/77/1", "A", "2022-10-01", &[], Some("A/RES/78/1")),
            resolution("A/RES/78/1", "B", "2023-10-01", &[], Some("A/RES/77/1")),
        ]);
        assert_eq!(
            g.series(work(&a, "A/RES/78/1")),
            [work(&a, "A/RES/77/1"), work(&a, "A/RES/78/1")]
        );
    }
}
