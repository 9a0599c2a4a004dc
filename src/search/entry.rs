//! The entry of one document in the index: written by `index`, read by `query` (and by
//! `search.js` in the browser), defined once here.

use serde::{Deserialize, Serialize};

use super::index::Paragraph;

/// A document of the index, as the document files hold it, sixteen to a file. The
/// browser's `search.js` reads the same fields (`u`, `s`, `t`, `d`, `a`), documented in
/// docs/search.md.
#[derive(Serialize, Deserialize)]
pub struct DocEntry {
    /// Site path.
    pub u: String,
    /// Symbol.
    pub s: String,
    /// Title.
    pub t: String,
    /// Date, as the page shows it.
    pub d: String,
    /// Paragraph anchors in runs: `[prefix, start, count]`; `start` 0 repeats `prefix`
    /// (`""` for none), else the anchors are `prefix-start` … `prefix-(start+count-1)`.
    pub a: Vec<(String, u32, u32)>,
}

pub fn anchor_runs(paragraphs: &[Paragraph<'_>]) -> Vec<(String, u32, u32)> {
    let mut runs: Vec<(String, u32, u32)> = Vec::new();
    for p in paragraphs {
        let (prefix, n) = match p.anchor {
            Some(a) => match a.rsplit_once('-') {
                // `pp-3`, but not `fn-03` nor `fn-x`, which must stay as they are.
                Some((prefix, digits)) => match digits.parse::<u32>() {
                    Ok(n) if n > 0 && n.to_string() == digits => (prefix.to_string(), n),
                    _ => (a.to_string(), 0),
                },
                None => (a.to_string(), 0),
            },
            None => (String::new(), 0),
        };
        match runs.last_mut() {
            Some((p, s, c))
                if *p == prefix && ((*s == 0 && n == 0) || (*s > 0 && n == *s + *c)) =>
            {
                *c += 1
            }
            _ => runs.push((prefix, n, 1)),
        }
    }
    runs
}

/// The anchor of paragraph `p` from the runs of a document entry.
pub fn anchor_at(runs: &[(String, u32, u32)], mut p: u32) -> Option<String> {
    for (prefix, start, count) in runs {
        if p < *count {
            return match (prefix.is_empty(), *start) {
                (true, _) => None,
                (false, 0) => Some(prefix.clone()),
                (false, s) => Some(format!("{prefix}-{}", s + p)),
            };
        }
        p -= count;
    }
    None
}
