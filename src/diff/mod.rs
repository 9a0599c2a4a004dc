//! What changed between two versions of a text, paragraph by paragraph and word by word.
//!
//! Pure functions over plain text: [`align`] pairs the paragraphs of an old and a new
//! version (kept, changed, moved, split, merged, added, removed); [`words`] compares the
//! words inside a pair; [`tokens`] says what a word is (in Chinese, a character).
//! [`compare`] does both and [`Summary`] counts the result. Nothing here knows about
//! resolutions, HTML or pages.

pub mod align;
pub mod tokens;
pub mod words;

pub use align::Op;
pub use words::Segment;

/// One step of a comparison: what became of some paragraphs, and their words compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub op: Op,
    /// The old text against the new; several paragraphs of a split or merge are joined
    /// by a line break. An added paragraph is one insertion, a removed one one deletion.
    /// An unchanged paragraph has none: its text is the new version's, and a copy of every
    /// such paragraph would double what an archive's comparisons hold.
    pub segments: Vec<Segment>,
    /// Whether the words were left uncompared, the comparison costing more than
    /// [`words::BUDGET`]: the segments are then the old text deleted and the new inserted.
    pub whole: bool,
}

impl Change {
    /// Whether the reader sees any difference here.
    pub fn is_unchanged(&self) -> bool {
        matches!(self.op, Op::Kept { changed: false, .. })
    }
}

/// Compares two lists of paragraph texts.
pub fn compare<S: AsRef<str>>(old: &[S], new: &[S]) -> Vec<Change> {
    let old: Vec<&str> = old.iter().map(AsRef::as_ref).collect();
    let new: Vec<&str> = new.iter().map(AsRef::as_ref).collect();
    let ops = align::align(&old, &new);
    changes(&old, &new, ops)
}

/// Compares the words of paragraphs already aligned by [`align::align`] over the same
/// texts: what a page of changes needs, where a count needs only the alignment.
pub fn changes<S: AsRef<str>>(old: &[S], new: &[S], ops: Vec<Op>) -> Vec<Change> {
    let joined = |texts: &[S], at: &[usize]| -> String {
        at.iter()
            .map(|&k| texts[k].as_ref())
            .collect::<Vec<_>>()
            .join("\n")
    };
    ops.into_iter()
        .map(|op| {
            let (segments, whole) = match &op {
                Op::Kept { changed: false, .. } => (Vec::new(), false),
                Op::Kept { old: i, new: j, .. } | Op::Moved { old: i, new: j, .. } => {
                    compared(old[*i].as_ref(), new[*j].as_ref())
                }
                Op::Split { old: i, new: js } => compared(old[*i].as_ref(), &joined(new, js)),
                Op::Merged { old: is, new: j } => compared(&joined(old, is), new[*j].as_ref()),
                Op::Added { new: j } => {
                    (vec![Segment::Insert(new[*j].as_ref().to_string())], false)
                }
                Op::Removed { old: i } => {
                    (vec![Segment::Delete(old[*i].as_ref().to_string())], false)
                }
            };
            Change {
                op,
                segments,
                whole,
            }
        })
        .collect()
}

/// The words of a pair compared, or, past [`words::BUDGET`], the old text deleted and the
/// new inserted, and `true`.
fn compared(old: &str, new: &str) -> (Vec<Segment>, bool) {
    match words::diff_within(old, new, words::BUDGET) {
        Some(segments) => (segments, false),
        None => (
            vec![
                Segment::Delete(old.to_string()),
                Segment::Insert(new.to_string()),
            ],
            true,
        ),
    }
}

/// How many paragraphs each kind of change touched.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    pub moved: usize,
    /// Old paragraphs split into several.
    pub split: usize,
    /// New paragraphs merged from several.
    pub merged: usize,
    pub unchanged: usize,
}

impl Summary {
    pub fn of<'a>(changes: impl IntoIterator<Item = &'a Change>) -> Summary {
        Summary::of_ops(changes.into_iter().map(|c| &c.op))
    }

    pub fn of_ops<'a>(ops: impl IntoIterator<Item = &'a Op>) -> Summary {
        let mut s = Summary::default();
        for op in ops {
            match op {
                Op::Kept { changed: true, .. } => s.changed += 1,
                Op::Kept { changed: false, .. } => s.unchanged += 1,
                Op::Moved { .. } => s.moved += 1,
                Op::Split { .. } => s.split += 1,
                Op::Merged { .. } => s.merged += 1,
                Op::Added { .. } => s.added += 1,
                Op::Removed { .. } => s.removed += 1,
            }
        }
        s
    }

    /// Whether anything differs at all.
    pub fn any(&self) -> bool {
        self.added + self.changed + self.removed + self.moved + self.split + self.merged > 0
    }
}

#[cfg(test)]
mod tests;
