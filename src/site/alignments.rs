//! The paragraphs of every resolution aligned with those of the same language version of
//! its predecessor, once per build, on all cores, before any page is rendered: the
//! resolution and series pages show what the alignment counts. The words are compared
//! when the changes page is rendered.

use rayon::prelude::*;

use crate::cite::graph::Graph;
use crate::cite::series::Index;
use crate::diff::{self, Op};
use crate::model::Archive;
use crate::render::{Body, Place};

/// Series and comparisons of a whole archive.
#[derive(Debug, Default)]
pub struct SeriesData {
    pub index: Index,
    /// For each resolution (by archive index), what changed since the same language
    /// version of its predecessor, when the archive has that version.
    changes: Vec<Option<Comparison>>,
}

/// Two language versions compared: their paragraphs aligned. The words are compared
/// only when the changes page is rendered, so that a build does not hold every
/// comparison's text at once.
#[derive(Debug)]
pub struct Comparison {
    /// The predecessor's version in the same language, by archive index.
    pub old: usize,
    /// The chapeau, the preambular and the operative paragraphs.
    pub text: Vec<Op>,
    pub footnotes: Vec<Op>,
}

/// The places and texts of one version's paragraphs: the text, then the footnotes.
pub type Side = (Vec<Place>, Vec<String>);

pub fn sides(b: &Body) -> [Side; 2] {
    let (mut text, mut notes): (Side, Side) = Default::default();
    for p in b.passages() {
        let side = if matches!(p.place, Place::Footnote { .. }) {
            &mut notes
        } else {
            &mut text
        };
        side.0.push(p.place);
        side.1.push(p.text);
    }
    [text, notes]
}

fn aligned(old: &Side, new: &Side) -> Vec<Op> {
    fn strs(s: &Side) -> Vec<&str> {
        s.1.iter().map(String::as_str).collect()
    }
    diff::align::align(&strs(old), &strs(new))
}

impl SeriesData {
    pub fn new(archive: &Archive, graph: &Graph, bodies: &[Body]) -> SeriesData {
        let found = |i: usize| bodies[i].citations.as_slice();
        let index = Index::new(archive, graph, found, |i, anchor| bodies[i].passage(anchor));
        let changes = (0..archive.len())
            .into_par_iter()
            .map(|i| compare(archive, graph, bodies, i))
            .collect();
        SeriesData { index, changes }
    }

    /// Compares again what reads the body of resolution `i`, after only its text changed:
    /// its own comparison and those of the versions that follow it. Returns the resolutions
    /// compared again.
    pub fn recompare(
        &mut self,
        archive: &Archive,
        graph: &Graph,
        bodies: &[Body],
        i: usize,
    ) -> Vec<usize> {
        let mut again: Vec<usize> = self
            .changes
            .iter()
            .enumerate()
            .filter(|(_, c)| c.as_ref().is_some_and(|c| c.old == i))
            .map(|(j, _)| j)
            .collect();
        if self.changes.get(i).is_some_and(Option::is_some) {
            again.push(i);
        }
        for &j in &again {
            self.changes[j] = compare(archive, graph, bodies, j);
        }
        again
    }

    /// What changed in a resolution since its predecessor, in its language.
    pub fn changes(&self, index: usize) -> Option<&Comparison> {
        self.changes.get(index).and_then(Option::as_ref)
    }

    /// Resolutions that have a changes page.
    pub fn compared(&self) -> impl Iterator<Item = usize> + '_ {
        self.changes
            .iter()
            .enumerate()
            .filter_map(|(i, c)| c.as_ref().map(|_| i))
    }
}

/// What changed in resolution `i` since the same language version of its predecessor.
fn compare(archive: &Archive, graph: &Graph, bodies: &[Body], i: usize) -> Option<Comparison> {
    let r = archive.resolution(i);
    let previous = graph.previous(archive.work_of(&r.symbol)?)?;
    let old_symbol = &archive.works()[previous].0;
    let old = archive
        .versions(old_symbol)
        .iter()
        .copied()
        .find(|&o| archive.resolution(o).lang == r.lang)?;
    let [old_text, old_notes] = sides(&bodies[old]);
    let [new_text, new_notes] = sides(&bodies[i]);
    Some(Comparison {
        old,
        text: aligned(&old_text, &new_text),
        footnotes: aligned(&old_notes, &new_notes),
    })
}
