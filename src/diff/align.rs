//! Paragraph by paragraph: which paragraph of the new text is which of the old.
//!
//! 1. Every pair of paragraphs gets a similarity: twice the words they share in order
//!    (their longest common subsequence) over the words of both, case and punctuation
//!    aside; Chinese counts characters. A bag-of-words bound skips pairs that cannot
//!    reach the threshold.
//! 2. Identical paragraphs are matched first, in order; then pairs at or above [`MATCH`]
//!    one to one, the most similar first (ties: the pair closest in relative position).
//!    A paragraph left over whose words are mostly found, in order, in another one left
//!    over (it grew or shrank around them) is matched with it.
//! 3. The increasing subsequence of the matched pairs (by old position, in new order) of
//!    greatest total similarity stays in place; any other matched paragraph has moved.
//! 4. A paragraph left over that is mostly contained in a neighbour's counterpart is part
//!    of a split (one old paragraph became several) or a merge (several became one).
//! 5. What is still left was added or removed.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::tokens::{Kind, fold, push_lowercase, tokenize};

/// The similarity at which two paragraphs are taken for the same one.
pub const MATCH: f32 = 0.5;

/// The fewest words a paragraph must have to be found inside a longer one (step 2b).
pub const MIN_CONTAINED: usize = 5;

/// Paragraphs of this many words or fewer ("A/78/118.", "Resolution 55/2.") are compared
/// by character: as words they share too little to tell an edit from a replacement.
pub const SHORT: usize = 6;

/// The share of a piece's words that must be found, in order, in a paragraph for the
/// piece to be part of a split or merge of it.
pub const COVER: f32 = 0.8;

/// What became of paragraphs, by their positions in the old and new lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// The same paragraph in the same relative place; `changed` when its text differs.
    Kept {
        old: usize,
        new: usize,
        changed: bool,
    },
    /// The same paragraph, elsewhere in the order.
    Moved {
        old: usize,
        new: usize,
        changed: bool,
    },
    /// One old paragraph became several consecutive new ones.
    Split {
        old: usize,
        new: Vec<usize>,
    },
    /// Several consecutive old paragraphs became one new one.
    Merged {
        old: Vec<usize>,
        new: usize,
    },
    Added {
        new: usize,
    },
    Removed {
        old: usize,
    },
}

/// Words of one paragraph, interned for fast comparison.
struct Para {
    words: Vec<u32>,
    /// Sorted, for the bag-of-words bound.
    bag: Vec<u32>,
    exact: String,
}

/// The words of each text (as [`words`] gives them) by their number in `interner`.
/// A word is copied only the first time it is met: comparing an archive meets millions.
fn prepare(texts: &[&str], interner: &mut FxHashMap<String, u32>) -> Vec<Para> {
    let mut word = String::new();
    texts
        .iter()
        .map(|t| {
            let folded = fold(t);
            let words: Vec<u32> = tokenize(&folded)
                .into_iter()
                .filter(|token| token.kind == Kind::Word)
                .map(|token| {
                    let text = token.text(&folded);
                    word.clear();
                    // `str::to_lowercase` alone knows a final sigma.
                    if text.contains('Σ') {
                        word.push_str(&text.to_lowercase());
                    } else {
                        text.chars().for_each(|c| push_lowercase(&mut word, c));
                    }
                    if let Some(&id) = interner.get(word.as_str()) {
                        return id;
                    }
                    let id = u32::try_from(interner.len()).unwrap_or(u32::MAX);
                    interner.insert(word.clone(), id);
                    id
                })
                .collect();
            let mut bag = words.clone();
            bag.sort_unstable();
            Para {
                words,
                bag,
                exact: single_spaced(&folded),
            }
        })
        .collect()
}

/// The text with each run of spaces made one, and none at the ends.
fn single_spaced(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Words two sorted bags share.
fn shared(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// The length of the longest common subsequence of two lists of words, by their numbers.
fn common(a: &[u32], b: &[u32]) -> usize {
    TABLES.with_borrow_mut(|(masks, v)| lcs_of_ids(a, b, masks, v))
}

thread_local! {
    /// The bit vectors of [`lcs_of_ids`], kept between calls (the masks left all zero by
    /// each): an archive's comparison meets millions of pairs, most of them unrelated.
    static TABLES: std::cell::RefCell<(Vec<u64>, Vec<u64>)> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// [`lcs_len`] for word numbers: each word's bit vector is looked up by its number in
/// `masks` rather than in a map built for the pair. Most pairs compared are unrelated,
/// and building a map for each was most of the comparison's time.
fn lcs_of_ids(a: &[u32], b: &[u32], masks: &mut Vec<u64>, v: &mut Vec<u64>) -> usize {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return 0;
    }
    let words = a.len().div_ceil(64);
    let ids = a.iter().chain(b).copied().max().unwrap_or(0) as usize + 1;
    if masks.len() < ids * words {
        masks.resize(ids * words, 0);
    }
    for (i, &x) in a.iter().enumerate() {
        masks[x as usize * words + i / 64] |= 1 << (i % 64);
    }
    v.clear();
    v.resize(words, u64::MAX);
    for &y in b {
        let mask = &masks[y as usize * words..][..words];
        advance(v, mask);
    }
    for &x in a {
        masks[x as usize * words..][..words].fill(0);
    }
    zeros(v, a.len())
}

/// One step of the bit-parallel LCS: `v` after the next element of the other sequence,
/// whose positions in the shorter one are `mask`.
fn advance(v: &mut [u64], mask: &[u64]) {
    let mut carry = false;
    for (vw, &mw) in v.iter_mut().zip(mask) {
        let u = *vw & mw;
        let (sum, c1) = vw.overflowing_add(u);
        let (sum, c2) = sum.overflowing_add(u64::from(carry));
        carry = c1 || c2;
        *vw = sum | (*vw & !u);
    }
}

/// The zero bits of `v` among its first `len`.
fn zeros(v: &[u64], len: usize) -> usize {
    let tail = len % 64;
    v.iter()
        .enumerate()
        .map(|(k, &w)| {
            let w = if k + 1 == v.len() && tail != 0 {
                w | (u64::MAX << tail)
            } else {
                w
            };
            w.count_zeros() as usize
        })
        .sum()
}

/// The length of the longest common subsequence of two sequences, bit-parallel (Hyyrö,
/// 2004): each element of `b` updates a bit vector over `a` in a few word operations.
/// An archive compares every unmatched pair of paragraphs of two versions, and most pairs
/// are unrelated; a diff of each (Myers) cost most of a large build.
fn lcs_len<T: Eq + std::hash::Hash>(a: &[T], b: &[T]) -> usize {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if a.is_empty() {
        return 0;
    }
    let words = a.len().div_ceil(64);
    // Where each element of `a` stands, as a bit vector over `a`.
    let mut masks: FxHashMap<&T, Vec<u64>> = FxHashMap::default();
    for (i, x) in a.iter().enumerate() {
        masks.entry(x).or_insert_with(|| vec![0; words])[i / 64] |= 1 << (i % 64);
    }
    // A zero bit in `v` marks a position of `a` that ends a common subsequence.
    let mut v = vec![u64::MAX; words];
    for y in b {
        let Some(mask) = masks.get(y) else {
            continue;
        };
        advance(&mut v, mask);
    }
    zeros(&v, a.len())
}

fn ratio(common: usize, a: usize, b: usize) -> f32 {
    if a + b == 0 {
        1.0
    } else {
        2.0 * common as f32 / (a + b) as f32
    }
}

/// The similarity of two prepared paragraphs, or `None` when it is surely below
/// [`MATCH`].
fn similar_enough(p: &Para, q: &Para, common: impl FnOnce() -> usize) -> Option<f32> {
    if p.exact == q.exact {
        return Some(1.0);
    }
    let (m, n) = (p.words.len(), q.words.len());
    if m <= SHORT && n <= SHORT {
        let chars = |t: &str| -> Vec<char> { t.chars().filter(|c| !c.is_whitespace()).collect() };
        let (a, b) = (chars(&p.exact), chars(&q.exact));
        return Some(ratio(lcs_len(&a, &b), a.len(), b.len()));
    }
    // Two paragraphs share at most the words of the shorter: a cheaper bound first.
    if m + n == 0 || ratio(m.min(n), m, n) < MATCH || ratio(shared(&p.bag, &q.bag), m, n) < MATCH {
        return None;
    }
    Some(ratio(common(), m, n))
}

/// The common words of each pair of an old and a new paragraph, counted once: the
/// alignment asks for a pair's again in each of its steps.
struct Pairs<'p> {
    a: &'p [Para],
    b: &'p [Para],
    known: Vec<std::cell::Cell<u32>>,
}

impl<'p> Pairs<'p> {
    const UNKNOWN: u32 = u32::MAX;

    fn new(a: &'p [Para], b: &'p [Para]) -> Self {
        Pairs {
            a,
            b,
            known: vec![std::cell::Cell::new(Self::UNKNOWN); a.len() * b.len()],
        }
    }

    /// The length of the longest common subsequence of old paragraph `i` and new `j`.
    fn common(&self, i: usize, j: usize) -> usize {
        let cell = &self.known[i * self.b.len() + j];
        if cell.get() == Self::UNKNOWN {
            let n = common(&self.a[i].words, &self.b[j].words);
            cell.set(u32::try_from(n).unwrap_or(Self::UNKNOWN - 1));
        }
        cell.get() as usize
    }
}

/// Similarity of two texts in `0..=1`, as the alignment measures it.
pub fn similarity(a: &str, b: &str) -> f32 {
    let mut interner = FxHashMap::default();
    let p = prepare(&[a, b], &mut interner);
    similar_enough(&p[0], &p[1], || common(&p[0].words, &p[1].words)).unwrap_or(0.0)
}

/// Aligns two lists of paragraph texts. The ops come in reading order of the new text;
/// a removed paragraph comes after the paragraph that followed its old predecessor.
pub fn align(old: &[&str], new: &[&str]) -> Vec<Op> {
    let mut interner = FxHashMap::default();
    let a = prepare(old, &mut interner);
    let b = prepare(new, &mut interner);
    let lcs = Pairs::new(&a, &b);
    let mut m = Matching::new(a.len(), b.len());
    m.identical(&a, &b);
    m.similar(&a, &b, &lcs);
    m.contained(&a, &b, &lcs);
    let placed = m.in_place();
    let mut parts = Parts::default();
    parts.split_next_to_host(&mut m, &b, &lcs, &placed);
    parts.merged_next_to_host(&mut m, &a, &lcs, &placed);
    parts.halves(&mut m, &a, &b, &lcs);
    ops(&m, &parts, &placed, &a, &b)
}

/// Which old paragraph became which new one, and how alike each matched pair is.
struct Matching {
    old_to_new: Vec<Option<usize>>,
    new_to_old: Vec<Option<usize>>,
    /// How alike each matched pair is, by new position: what keeping it in place is worth.
    weight: Vec<f32>,
}

impl Matching {
    fn new(old: usize, new: usize) -> Matching {
        Matching {
            old_to_new: vec![None; old],
            new_to_old: vec![None; new],
            weight: vec![0.0; new],
        }
    }

    fn pair(&mut self, i: usize, j: usize, weight: f32) {
        self.old_to_new[i] = Some(j);
        self.new_to_old[j] = Some(i);
        self.weight[j] = weight;
    }

    /// The old and new paragraphs not matched yet, every pair of them.
    fn open_pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        // Shared, not copied, by each old paragraph's run: this is every comparison's loop.
        let news: std::rc::Rc<[usize]> = (0..self.new_to_old.len())
            .filter(|&j| self.new_to_old[j].is_none())
            .collect();
        (0..self.old_to_new.len())
            .filter(|&i| self.old_to_new[i].is_none())
            .flat_map(move |i| {
                let news = std::rc::Rc::clone(&news);
                (0..news.len()).map(move |k| (i, news[k]))
            })
    }

    /// 1: identical paragraphs first, in order, for boilerplate that repeats.
    fn identical(&mut self, a: &[Para], b: &[Para]) {
        let mut by_text: FxHashMap<&str, std::collections::VecDeque<usize>> = FxHashMap::default();
        for (j, q) in b.iter().enumerate() {
            by_text.entry(q.exact.as_str()).or_default().push_back(j);
        }
        for (i, p) in a.iter().enumerate() {
            if let Some(j) = by_text
                .get_mut(p.exact.as_str())
                .and_then(|q| q.pop_front())
            {
                self.pair(i, j, 1.0);
            }
        }
    }

    /// 2: the candidate pairs among the rest, most similar first, matched one to one.
    fn similar(&mut self, a: &[Para], b: &[Para], lcs: &Pairs<'_>) {
        let mut candidates: Vec<(f32, f32, usize, usize)> = Vec::new();
        for (i, j) in self.open_pairs() {
            let Some(sim) = similar_enough(&a[i], &b[j], || lcs.common(i, j)) else {
                continue;
            };
            if sim >= MATCH {
                let distance = (relative(i, a.len()) - relative(j, b.len())).abs();
                candidates.push((sim, distance, i, j));
            }
        }
        candidates.sort_by(|x, y| {
            y.0.total_cmp(&x.0)
                .then(x.1.total_cmp(&y.1))
                .then(x.2.cmp(&y.2))
                .then(x.3.cmp(&y.3))
        });
        for &(sim, _, i, j) in &candidates {
            if self.old_to_new[i].is_none() && self.new_to_old[j].is_none() {
                self.pair(i, j, sim);
            }
        }
    }

    /// 2b: a paragraph that grew or shrank around its old words: most of the shorter
    /// one's words found, in order, in the longer one ("Welcomes the establishment of the
    /// Group;" → "Welcomes the ongoing work of the Group and its report …").
    fn contained(&mut self, a: &[Para], b: &[Para], lcs: &Pairs<'_>) {
        let mut contained: Vec<(f32, usize, usize)> = Vec::new();
        for (i, j) in self.open_pairs() {
            let (p, q) = (&a[i], &b[j]);
            let (short, long) = if p.words.len() <= q.words.len() {
                (p, q)
            } else {
                (q, p)
            };
            if short.words.len() < MIN_CONTAINED
                || (shared(&short.bag, &long.bag) as f32) < COVER * short.words.len() as f32
            {
                continue;
            }
            let share = lcs.common(i, j) as f32 / short.words.len() as f32;
            if share >= COVER {
                contained.push((share, i, j));
            }
        }
        contained.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        for (_, i, j) in contained {
            if self.old_to_new[i].is_none() && self.new_to_old[j].is_none() {
                let weight = ratio(lcs.common(i, j), a[i].words.len(), b[j].words.len());
                self.pair(i, j, weight);
            }
        }
    }

    /// 3: what stays in place: by new position, whether the matched pair keeps its order.
    fn in_place(&self) -> HashMap<usize, bool> {
        let pairs: Vec<(usize, usize)> = self
            .new_to_old
            .iter()
            .enumerate()
            .filter_map(|(j, i)| i.map(|i| (i, j)))
            .collect();
        let olds: Vec<usize> = pairs.iter().map(|&(i, _)| i).collect();
        let weights: Vec<f32> = pairs.iter().map(|&(_, j)| self.weight[j]).collect();
        let mut flags = vec![false; pairs.len()];
        for k in heaviest_increasing(&olds, &weights) {
            flags[k] = true;
        }
        pairs
            .iter()
            .zip(flags)
            .map(|(&(_, j), kept)| (j, kept))
            .collect()
    }
}

/// 4: splits and merges among what is left.
#[derive(Default)]
struct Parts {
    /// Old → its new parts.
    split_into: HashMap<usize, Vec<usize>>,
    /// New → its old parts.
    merged_from: HashMap<usize, Vec<usize>>,
}

/// Whether old paragraph `i` and new `j` share most of the words of `piece`, one of them.
fn covered(lcs: &Pairs<'_>, piece: &Para, i: usize, j: usize) -> bool {
    !piece.words.is_empty() && lcs.common(i, j) as f32 >= COVER * piece.words.len() as f32
}

/// Whether `whole` may hold most of the words of `piece` in order ([`covered`]): they
/// share no more words in order than in any order, and this bound costs a merge of two
/// sorted lists where the order costs a comparison of every word with every other.
fn may_cover(whole: &Para, piece: &Para) -> bool {
    !piece.words.is_empty()
        && shared(&whole.bag, &piece.bag) as f32 >= COVER * piece.words.len() as f32
}

impl Parts {
    /// An unmatched new paragraph next to the counterpart of the old one that contains it.
    fn split_next_to_host(
        &mut self,
        m: &mut Matching,
        b: &[Para],
        lcs: &Pairs<'_>,
        placed: &HashMap<usize, bool>,
    ) {
        for j in 0..b.len() {
            if m.new_to_old[j].is_some() {
                continue;
            }
            let mut hosts: Vec<usize> = Vec::new();
            // Following a new paragraph already split off an old one…
            if let Some(p) = j.checked_sub(1)
                && let Some((&i, _)) = self.split_into.iter().find(|(_, v)| v.contains(&p))
            {
                hosts.push(i);
            }
            // …or next to one that kept its place.
            for n in [j.checked_sub(1), Some(j + 1)].into_iter().flatten() {
                if n < b.len()
                    && placed.get(&n) == Some(&true)
                    && let Some(i) = m.new_to_old[n]
                {
                    hosts.push(i);
                }
            }
            if let Some(i) = hosts.into_iter().find(|&i| covered(lcs, &b[j], i, j)) {
                let parts = self
                    .split_into
                    .entry(i)
                    .or_insert_with(|| m.old_to_new[i].into_iter().collect());
                parts.push(j);
                parts.sort_unstable();
                m.new_to_old[j] = Some(i);
            }
        }
    }

    /// An unmatched old paragraph next to one whose counterpart contains it.
    fn merged_next_to_host(
        &mut self,
        m: &mut Matching,
        a: &[Para],
        lcs: &Pairs<'_>,
        placed: &HashMap<usize, bool>,
    ) {
        for i in 0..a.len() {
            if m.old_to_new[i].is_some() || self.split_into.contains_key(&i) {
                continue;
            }
            let mut hosts: Vec<usize> = Vec::new();
            if let Some(p) = i.checked_sub(1)
                && let Some((&j, _)) = self.merged_from.iter().find(|(_, v)| v.contains(&p))
            {
                hosts.push(j);
            }
            for n in [i.checked_sub(1), Some(i + 1)].into_iter().flatten() {
                if n < a.len()
                    && !self.split_into.contains_key(&n)
                    && let Some(j) = m.old_to_new[n]
                    && placed.get(&j) == Some(&true)
                {
                    hosts.push(j);
                }
            }
            if let Some(j) = hosts.into_iter().find(|&j| covered(lcs, &a[i], i, j)) {
                let parts = self
                    .merged_from
                    .entry(j)
                    .or_insert_with(|| m.new_to_old[j].into_iter().collect());
                parts.push(i);
                parts.sort_unstable();
                m.old_to_new[i] = Some(j);
            }
        }
    }

    /// Both halves of a split, neither like enough to the whole alone (and merges alike).
    fn halves(&mut self, m: &mut Matching, a: &[Para], b: &[Para], lcs: &Pairs<'_>) {
        for (i, old) in a.iter().enumerate() {
            if m.old_to_new[i].is_some() {
                continue;
            }
            for j in 0..b.len().saturating_sub(1) {
                if m.new_to_old[j].is_some() || m.new_to_old[j + 1].is_some() {
                    continue;
                }
                if !may_cover(old, &b[j]) || !may_cover(old, &b[j + 1]) {
                    continue;
                }
                if !covered(lcs, &b[j], i, j) || !covered(lcs, &b[j + 1], i, j + 1) {
                    continue;
                }
                let mut joined = b[j].words.clone();
                joined.extend(&b[j + 1].words);
                let r = ratio(common(&old.words, &joined), old.words.len(), joined.len());
                if r >= MATCH {
                    self.split_into.insert(i, vec![j, j + 1]);
                    m.old_to_new[i] = Some(j);
                    m.new_to_old[j] = Some(i);
                    m.new_to_old[j + 1] = Some(i);
                    break;
                }
            }
        }
        for (j, new) in b.iter().enumerate() {
            if m.new_to_old[j].is_some() {
                continue;
            }
            for i in 0..a.len().saturating_sub(1) {
                if m.old_to_new[i].is_some() || m.old_to_new[i + 1].is_some() {
                    continue;
                }
                if !may_cover(new, &a[i]) || !may_cover(new, &a[i + 1]) {
                    continue;
                }
                if !covered(lcs, &a[i], i, j) || !covered(lcs, &a[i + 1], i + 1, j) {
                    continue;
                }
                let mut joined = a[i].words.clone();
                joined.extend(&a[i + 1].words);
                let r = ratio(common(&joined, &new.words), joined.len(), new.words.len());
                if r >= MATCH {
                    self.merged_from.insert(j, vec![i, i + 1]);
                    m.new_to_old[j] = Some(i);
                    m.old_to_new[i] = Some(j);
                    m.old_to_new[i + 1] = Some(j);
                    break;
                }
            }
        }
    }
}

/// 5: every op, keyed for reading order: (new position, 0) for what the new text has;
/// (new position of the old predecessor, 1 + old position) for what it lost, or
/// (-1, old position) when nothing before it survived.
fn ops(
    m: &Matching,
    parts: &Parts,
    placed: &HashMap<usize, bool>,
    a: &[Para],
    b: &[Para],
) -> Vec<Op> {
    let mut ops: Vec<((i64, usize), Op)> = Vec::new();
    let mut done_new = vec![false; b.len()];
    for j in 0..b.len() {
        if done_new[j] {
            continue;
        }
        let op = if let Some(old) = parts.merged_from.get(&j) {
            Op::Merged {
                old: old.clone(),
                new: j,
            }
        } else if let Some((&i, new)) = parts.split_into.iter().find(|(_, v)| v.contains(&j)) {
            for &p in new {
                done_new[p] = true;
            }
            Op::Split {
                old: i,
                new: new.clone(),
            }
        } else if let Some(i) = m.new_to_old[j] {
            let changed = a[i].exact != b[j].exact;
            if placed.get(&j) == Some(&false) {
                Op::Moved {
                    old: i,
                    new: j,
                    changed,
                }
            } else {
                Op::Kept {
                    old: i,
                    new: j,
                    changed,
                }
            }
        } else {
            Op::Added { new: j }
        };
        done_new[j] = true;
        ops.push(((position(j), 0), op));
    }
    for i in 0..a.len() {
        if m.old_to_new[i].is_some() {
            continue;
        }
        // After the new place of the nearest earlier old paragraph that stayed in place.
        let after = (0..i).rev().find_map(|p| {
            let j = parts
                .split_into
                .get(&p)
                .and_then(|new| new.last().copied())
                .or(m.old_to_new[p])?;
            (placed.get(&j) != Some(&false)).then_some(j)
        });
        let key = match after {
            Some(j) => (position(j), 1 + i),
            None => (-1, i),
        };
        ops.push((key, Op::Removed { old: i }));
    }
    ops.sort_by_key(|(key, _)| *key);
    ops.into_iter().map(|(_, op)| op).collect()
}

fn position(j: usize) -> i64 {
    i64::try_from(j).unwrap_or(i64::MAX)
}

fn relative(i: usize, len: usize) -> f32 {
    if len <= 1 {
        0.0
    } else {
        i as f32 / (len - 1) as f32
    }
}

/// Indexes into `seq` of the strictly increasing subsequence of greatest total weight:
/// the paragraphs that stay in place are those worth most, so that of two swapped
/// paragraphs the one that changed less keeps its place. Quadratic, over the matched
/// paragraphs of one text.
fn heaviest_increasing(seq: &[usize], weights: &[f32]) -> Vec<usize> {
    let mut best: Vec<f32> = Vec::with_capacity(seq.len());
    let mut prev: Vec<Option<usize>> = vec![None; seq.len()];
    for k in 0..seq.len() {
        let mut total = weights[k];
        for e in 0..k {
            // Strictly better, so that among equals the earlier chain wins.
            if seq[e] < seq[k] && best[e] + weights[k] > total {
                total = best[e] + weights[k];
                prev[k] = Some(e);
            }
        }
        best.push(total);
    }
    let mut at = (0..seq.len()).max_by(|&x, &y| best[x].total_cmp(&best[y]).then(y.cmp(&x)));
    let mut out = Vec::new();
    while let Some(k) = at {
        out.push(k);
        at = prev[k];
    }
    out.reverse();
    out
}

#[cfg(test)]
mod lcs_tests {
    use super::{common, lcs_len, prepare};
    use crate::diff::tokens::words;
    use similar::{Algorithm, DiffOp, capture_diff_slices};

    /// What a full diff says is common: the reference the bit-parallel count must equal.
    fn by_diff(a: &[u32], b: &[u32]) -> usize {
        capture_diff_slices(Algorithm::Myers, a, b)
            .iter()
            .map(|op| match op {
                DiffOp::Equal { len, .. } => *len,
                _ => 0,
            })
            .sum()
    }

    #[test]
    fn the_bit_parallel_count_equals_a_diff_on_every_size_across_word_boundaries() {
        // A small deterministic generator: sequences over few symbols share much.
        let mut state = 0x9e37_79b9_u64;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n) as u32
        };
        for round in 0..600 {
            let (m, n) = (next(150) as usize, next(150) as usize);
            let symbols = 2 + u64::from(next(12));
            let a: Vec<u32> = (0..m).map(|_| next(symbols)).collect();
            let b: Vec<u32> = (0..n).map(|_| next(symbols)).collect();
            let expected = by_diff(&a, &b);
            assert_eq!(lcs_len(&a, &b), expected, "round {round}: {a:?} {b:?}");
            // The same count by word number, with the bit vectors of earlier rounds'
            // sizes and symbols reused: each call must leave them clean.
            assert_eq!(common(&a, &b), expected, "round {round}: {a:?} {b:?}");
            assert_eq!(common(&b, &a), expected, "round {round}: {b:?} {a:?}");
        }
        assert_eq!(lcs_len::<u32>(&[], &[1, 2]), 0);
        assert_eq!(lcs_len(&[1, 2, 3], &[1, 2, 3]), 3);
        let long: Vec<u32> = (0..130).collect();
        assert_eq!(lcs_len(&long, &long), 130);
        assert_eq!(lcs_len(&long[..64], &long), 64);
    }

    #[test]
    fn paragraphs_share_a_word_number_exactly_when_they_share_the_word() {
        let texts = [
            "Recalling its resolution 78/19, \u{201C}Decides\u{201D} to non\u{2011}intervention",
            "RECALLING the Resolution; decides NON-INTERVENTION",
            "Постановляет включить в повестку дня ΟΔΟΣ",
            "постановляет οδος",
            "决定将题为 信息和通信技术 的项目",
        ];
        let mut interner = rustc_hash::FxHashMap::default();
        let paras = prepare(&texts, &mut interner);
        let all: Vec<(String, u32)> = texts
            .iter()
            .zip(&paras)
            .flat_map(|(t, p)| words(t).into_iter().zip(p.words.iter().copied()))
            .collect();
        assert_eq!(
            all.len(),
            texts.iter().map(|t| words(t).len()).sum::<usize>()
        );
        for (w, id) in &all {
            for (v, other) in &all {
                assert_eq!(w == v, id == other, "{w} {v}");
            }
        }
    }
}
