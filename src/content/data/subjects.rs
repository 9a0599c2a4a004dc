//! The front matter's `subjects:`, resolved against the UNBIS Thesaurus of `data/`. Each
//! subject becomes its concept's English preferred label, the name it is grouped by, so
//! that a concept has one page however it was written (a label in any case, an
//! alternative label, a URI). A subject the thesaurus does not know stays as written,
//! with a warning at the field's line naming the nearest labels. Without a thesaurus,
//! subjects stay the free text they are.

use crate::diagnostic::Diagnostic;
use crate::model::{Resolution, Thesaurus};

/// How many of the nearest labels a warning offers.
const OFFERED: usize = 3;

/// Resolves the subjects of `r` in place; returns a warning for each it does not know.
pub fn resolve(r: &mut Resolution, thesaurus: Option<&Thesaurus>) -> Vec<Diagnostic> {
    let Some(thesaurus) = thesaurus else {
        return Vec::new();
    };
    let mut warnings = Vec::new();
    let mut resolved: Vec<String> = Vec::with_capacity(r.subjects.len());
    for written in std::mem::take(&mut r.subjects) {
        let name = match thesaurus.resolve(&written) {
            Some(c) => c.english().to_string(),
            None => {
                warnings.push(unknown(r, &written, thesaurus));
                written
            }
        };
        if !resolved.contains(&name) {
            resolved.push(name);
        }
    }
    r.subjects = resolved;
    warnings
}

/// The warning for a subject the thesaurus does not know.
fn unknown(r: &Resolution, written: &str, thesaurus: &Thesaurus) -> Diagnostic {
    let looks_like_uri = written.contains("metadata.un.org/thesaurus");
    let message = if looks_like_uri {
        format!("`{written}` is not a concept of the UNBIS Thesaurus in data/")
    } else {
        format!("the subject `{written}` is not a UNBIS Thesaurus term")
    };
    let nearest = if looks_like_uri {
        Vec::new()
    } else {
        thesaurus.nearest(written, OFFERED)
    };
    let hint = if nearest.is_empty() {
        "write a UNBIS preferred or alternative label, or a concept's URI (http://metadata.un.org/thesaurus/…); the page shows the subject as written".to_string()
    } else {
        format!(
            "the nearest UNBIS labels: {}; write one of them, or a concept's URI",
            nearest.join("; ")
        )
    };
    Diagnostic::warning(&r.source, r.subjects_line, 0, message).with_hint(hint)
}
