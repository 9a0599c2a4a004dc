//! Word by word inside one paragraph: which stretches of the old text were kept, which
//! were deleted and which inserted. Chinese is compared by character (see [`tokens`]).
//!
//! [`tokens`]: super::tokens

use std::borrow::Cow;
use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use super::tokens::{Kind, Token, fold, tokenize};

/// A stretch of a compared text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// In both texts.
    Equal(String),
    /// Only in the old text.
    Delete(String),
    /// Only in the new text.
    Insert(String),
}

impl Segment {
    pub fn text(&self) -> &str {
        match self {
            Segment::Equal(t) | Segment::Delete(t) | Segment::Insert(t) => t,
        }
    }
}

/// A stretch of kept text this short between two changes is folded into them: "seventy-
/// ninth" → "eightieth" reads as one replacement, not as "seventy" and "ninth" replaced
/// around a kept hyphen.
fn is_filler(tokens: &[Token]) -> bool {
    let words = tokens.iter().filter(|t| t.kind == Kind::Word).count();
    words == 0
}

/// A stretch of the comparison: kept or changed, with its old and new token ranges.
type Run = (bool, Range<usize>, Range<usize>);

/// The most token comparisons the words of one pair of paragraphs may cost, beyond what
/// the two texts begin and end with alike: about a hundredth of a second. Myers'
/// algorithm costs the length of the texts times the number of tokens that differ, so two
/// long texts that differ much (a resolution whose paragraphs an import ran together)
/// would cost seconds; such a pair is shown as its old text removed and its new one
/// added, and its page says so. A count, not a clock, so that a build's output does not
/// depend on how busy the machine is. No pair of paragraphs of a real resolution comes
/// near it: the longest, of the law of the sea, cost under a million.
pub const BUDGET: usize = 10_000_000;

/// Compares two texts token by token (Myers' algorithm on words, characters of Chinese,
/// punctuation marks and spaces).
pub fn diff(old: &str, new: &str) -> Vec<Segment> {
    diff_within(old, new, usize::MAX).unwrap_or_default()
}

/// [`diff`], or `None` when the comparison would cost more than `budget` token
/// comparisons (see [`BUDGET`]).
pub fn diff_within(old: &str, new: &str, budget: usize) -> Option<Vec<Segment>> {
    let old_tokens = tokenize(old);
    let new_tokens = tokenize(new);
    // Compared folded (a non-breaking hyphen is a hyphen), shown as written.
    let a: Vec<Cow<'_, str>> = old_tokens.iter().map(|t| fold(t.text(old))).collect();
    let b: Vec<Cow<'_, str>> = new_tokens.iter().map(|t| fold(t.text(new))).collect();
    if !within(&a, &b, budget) {
        return None;
    }
    let mut runs = runs(capture_diff_slices(Algorithm::Myers, &a, &b));
    fold_short_kept(&mut runs, (old, &old_tokens), (new, &new_tokens));
    Some(segments(runs, (old, &old_tokens), (new, &new_tokens)))
}

/// Whether the shortest edit between `a` and `b` is found in at most `budget` token
/// comparisons, past their common ends: Myers' greedy forward search, counting one for
/// each comparison and each diagonal tried. Memory and time are linear in the texts'
/// length plus `budget`.
pub fn within<T: PartialEq>(a: &[T], b: &[T], budget: usize) -> bool {
    let head = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[head..], &b[head..]);
    let tail = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - tail], &b[..b.len() - tail]);
    let (n, m) = (a.len(), b.len());
    if n == 0 || m == 0 {
        return true;
    }
    // The furthest x reached on each diagonal k = x - y, at index k + n + m + 1.
    let mid = n + m + 1;
    let mut reach = vec![0usize; 2 * mid + 1];
    let mut spent = 0usize;
    for d in 0..=(n + m) {
        for step in 0..=d {
            let at = mid + 2 * step - d;
            let mut x = if step == 0 || (step != d && reach[at - 1] < reach[at + 1]) {
                reach[at + 1]
            } else {
                reach[at - 1] + 1
            };
            // y = x - k, never below zero (Myers' invariant).
            let mut y = (x + mid).saturating_sub(at);
            while x < n && y < m && a[x] == b[y] {
                x += 1;
                y += 1;
                spent += 1;
            }
            spent += 1;
            if x >= n && y >= m {
                return true;
            }
            if spent > budget {
                return false;
            }
            reach[at] = x;
        }
    }
    true
}

/// Each op as a run, adjacent runs of the same kind joined.
fn runs(ops: Vec<DiffOp>) -> Vec<Run> {
    let mut runs: Vec<Run> = Vec::new();
    for op in ops {
        let (kept, o, n) = match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => (true, old_index..old_index + len, new_index..new_index + len),
            DiffOp::Delete {
                old_index,
                old_len,
                new_index,
            } => (false, old_index..old_index + old_len, new_index..new_index),
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => (false, old_index..old_index, new_index..new_index + new_len),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => (
                false,
                old_index..old_index + old_len,
                new_index..new_index + new_len,
            ),
        };
        match runs.last_mut() {
            Some(last) if last.0 == kept => {
                last.1.end = o.end;
                last.2.end = n.end;
            }
            _ => runs.push((kept, o, n)),
        }
    }
    runs
}

/// Folds a kept stretch between two changes into them when it is no longer than either
/// change (the semantic clean-up of diff-match-patch), or holds no word at all.
fn fold_short_kept(runs: &mut Vec<Run>, old: (&str, &[Token]), new: (&str, &[Token])) {
    let size = |(text, tokens): (&str, &[Token]), r: &Range<usize>| -> usize {
        tokens[r.clone()]
            .iter()
            .filter(|t| t.kind != Kind::Space)
            .map(|t| t.text(text).chars().count())
            .sum()
    };
    let change = |r: &Run| size(old, &r.1).max(size(new, &r.2));
    loop {
        let mut folded = false;
        for k in 1..runs.len().saturating_sub(1) {
            if !runs[k].0 || runs[k - 1].0 || runs[k + 1].0 {
                continue;
            }
            let kept = size(old, &runs[k].1);
            if is_filler(&old.1[runs[k].1.clone()])
                || (kept <= change(&runs[k - 1]) && kept <= change(&runs[k + 1]))
            {
                let next = runs.remove(k + 1);
                runs.remove(k);
                let last = &mut runs[k - 1];
                last.1.end = next.1.end;
                last.2.end = next.2.end;
                folded = true;
                break;
            }
        }
        if !folded {
            break;
        }
    }
}

/// The runs as segments of text, the spaces a change shares with both texts kept outside.
fn segments(runs: Vec<Run>, old: (&str, &[Token]), new: (&str, &[Token])) -> Vec<Segment> {
    let slice = |(text, tokens): (&str, &[Token]), r: &Range<usize>| -> String {
        if r.is_empty() {
            return String::new();
        }
        text[tokens[r.start].start..tokens[r.end - 1].end].to_string()
    };
    let mut out = Vec::new();
    for (kept, o, n) in runs {
        if kept {
            out.push(Segment::Equal(slice(new, &n)));
            continue;
        }
        let (deleted, inserted) = (slice(old, &o), slice(new, &n));
        // Spaces at the edges of a change are shared by both texts: keep them outside.
        let (lead, deleted, inserted) = shared_edge(&deleted, &inserted, true);
        let (trail, deleted, inserted) = shared_edge(&deleted, &inserted, false);
        if !lead.is_empty() {
            push(&mut out, Segment::Equal(lead));
        }
        if !deleted.is_empty() {
            push(&mut out, Segment::Delete(deleted));
        }
        if !inserted.is_empty() {
            push(&mut out, Segment::Insert(inserted));
        }
        if !trail.is_empty() {
            push(&mut out, Segment::Equal(trail));
        }
    }
    out
}

/// Splits off the whitespace that both sides of a replacement begin (or end) with, so
/// that the change is marked on its words only. A pure insertion or deletion keeps its
/// spaces: the other text lacks them.
fn shared_edge(a: &str, b: &str, leading: bool) -> (String, String, String) {
    if a.is_empty() || b.is_empty() {
        return (String::new(), a.to_string(), b.to_string());
    }
    let edge = |s: &str| -> String {
        if leading {
            s.chars().take_while(|c| c.is_whitespace()).collect()
        } else {
            let mut e: Vec<char> = s.chars().rev().take_while(|c| c.is_whitespace()).collect();
            e.reverse();
            e.into_iter().collect()
        }
    };
    let (ea, eb) = (edge(a), edge(b));
    if ea.is_empty() || ea != eb || ea.len() == a.len() || eb.len() == b.len() {
        return (String::new(), a.to_string(), b.to_string());
    }
    let n = ea.len();
    if leading {
        (ea, a[n..].to_string(), b[n..].to_string())
    } else {
        (
            ea,
            a[..a.len() - n].to_string(),
            b[..b.len() - n].to_string(),
        )
    }
}

/// Appends a segment, joining it to the last one when they are of the same kind.
fn push(out: &mut Vec<Segment>, s: Segment) {
    match (out.last_mut(), &s) {
        (Some(Segment::Equal(a)), Segment::Equal(b)) => a.push_str(b),
        (Some(Segment::Delete(a)), Segment::Delete(b)) => a.push_str(b),
        (Some(Segment::Insert(a)), Segment::Insert(b)) => a.push_str(b),
        _ => out.push(s),
    }
}

/// The old text, rebuilt from segments.
pub fn old_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| !matches!(s, Segment::Insert(_)))
        .map(Segment::text)
        .collect()
}

/// The new text, rebuilt from segments.
pub fn new_text(segments: &[Segment]) -> String {
    segments
        .iter()
        .filter(|s| !matches!(s, Segment::Delete(_)))
        .map(Segment::text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::Segment::{Delete as D, Equal as E, Insert as I};
    use super::*;

    fn check(old: &str, new: &str) -> Vec<Segment> {
        let d = diff(old, new);
        assert_eq!(old_text(&d), old, "{d:?}");
        assert_eq!(new_text(&d), new, "{d:?}");
        d
    }

    #[test]
    fn equal_texts_are_one_segment() {
        assert_eq!(
            check("Recalling x,", "Recalling x,"),
            [E("Recalling x,".into())]
        );
        assert_eq!(check("", ""), []);
    }

    #[test]
    fn a_replaced_ordinal_reads_as_one_change() {
        let d = check(
            "Decides to include in the provisional agenda of its seventy-ninth session the item",
            "Decides to include in the provisional agenda of its eightieth session the item",
        );
        assert_eq!(
            d,
            [
                E("Decides to include in the provisional agenda of its ".into()),
                D("seventy-ninth".into()),
                I("eightieth".into()),
                E(" session the item".into()),
            ]
        );
    }

    #[test]
    fn an_inserted_citation_is_one_insertion() {
        let d = check(
            "76/23 of 6 December 2021 and 77/42 of 7 December 2022, and its resolutions",
            "76/23 of 6 December 2021, 77/42 of 7 December 2022 and 78/21 of 4 December 2023, and its resolutions",
        );
        assert_eq!(
            d,
            [
                E("76/23 of 6 December 2021".into()),
                D(" and".into()),
                I(",".into()),
                E(" 77/42 of 7 December 2022".into()),
                I(" and 78/21 of 4 December 2023".into()),
                E(", and its resolutions".into()),
            ]
        );
    }

    #[test]
    fn a_replaced_word_keeps_its_spaces_outside() {
        let d = check("Encourages all States", "Urges all States");
        assert_eq!(
            d,
            [
                D("Encourages".into()),
                I("Urges".into()),
                E(" all States".into())
            ]
        );
    }

    #[test]
    fn chinese_changes_by_character() {
        let d = check("列入第七十九届会议临时议程", "列入第八十届会议临时议程");
        assert_eq!(
            d,
            [
                E("列入第".into()),
                D("七十九".into()),
                I("八十".into()),
                E("届会议临时议程".into())
            ]
        );
    }

    #[test]
    fn a_changed_hyphen_is_no_change() {
        let d = diff("non-intervention and", "non\u{2011}intervention and");
        assert_eq!(d, [E("non\u{2011}intervention and".into())]);
    }

    #[test]
    fn the_budget_counts_comparisons_past_the_common_ends() {
        // 10,000 words alike but one: two comparisons and a few diagonals.
        let mut a: Vec<u32> = (0..10_000).collect();
        let b = a.clone();
        assert!(within(&a, &b, 0));
        a[5_000] = 1_000_000;
        assert!(within(&a, &b, 10));
        // 1,000 words against 1,000 others: 2,000 edits, and every diagonal of each of
        // the 2,000 steps of the search tried, about two million.
        let c: Vec<u32> = (0..1_000).collect();
        let d: Vec<u32> = (1_000..2_000).collect();
        assert!(!within(&c, &d, 1_000_000));
        assert!(within(&c, &d, 3_000_000));
        assert!(within(&c, &[], 0) && within::<u32>(&[], &[], 0));
    }

    #[test]
    fn within_the_budget_the_comparison_is_the_full_one() {
        let (old, new) = (
            "Decides to include in the provisional agenda of its seventy-ninth session the item",
            "Decides to include in the provisional agenda of its eightieth session the item",
        );
        assert_eq!(diff_within(old, new, 1_000), Some(diff(old, new)));
        assert_eq!(diff_within(old, new, 2), None);
    }

    #[test]
    fn everything_new_is_one_insertion() {
        assert_eq!(
            check("", "Welcoming also the report,"),
            [I("Welcoming also the report,".into())]
        );
        assert_eq!(check("Noting,", ""), [D("Noting,".into())]);
    }
}
