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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Concept, Lang};

    fn thesaurus() -> Thesaurus {
        let concept = |id: &str, en: &str, alt: &[&str]| {
            let mut labels: [Option<String>; 6] = Default::default();
            labels[2] = Some(en.to_string());
            Concept {
                id: id.into(),
                labels,
                alt_labels: alt.iter().map(|s| s.to_string()).collect(),
                broader: Vec::new(),
            }
        };
        // Real identifiers and labels of unbis_thesaurus.lst.
        Thesaurus::new(vec![
            concept("1001186", "COMPUTER CRIMES", &[]),
            concept("1004676", "OUTER SPACE", &[]),
            concept(
                "1005785",
                "SECURITY ASSURANCES",
                &["NEGATIVE SECURITY ASSURANCES"],
            ),
        ])
    }

    fn resolution(subjects: &[&str]) -> Resolution {
        let text = format!(
            "---\nsymbol: A/RES/79/20\nlang: en\ntitle: T\nadopted: 2024-12-02\nsubjects: [{}]\n---\n",
            subjects.join(", ")
        );
        let (r, d) = crate::content::front_matter::parse(
            std::path::Path::new("content/ga/79/20.en.md"),
            &text,
        );
        assert!(d.is_empty(), "{d:?}");
        r.unwrap()
    }

    #[test]
    fn every_way_of_writing_a_concept_names_one_subject() {
        let mut r = resolution(&[
            "outer space",
            "\"http://metadata.un.org/thesaurus#1004676\"",
            "Negative security assurances",
            "\"https://metadata.un.org/thesaurus/1001186\"",
        ]);
        let warnings = resolve(&mut r, Some(&thesaurus()));
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(
            r.subjects,
            ["OUTER SPACE", "SECURITY ASSURANCES", "COMPUTER CRIMES"]
        );
        assert_eq!(Lang::En, r.lang);
    }

    #[test]
    fn an_unknown_subject_is_kept_and_warned_of_at_its_line_with_the_nearest_labels() {
        let mut r = resolution(&[
            "outer spaces",
            "\"http://metadata.un.org/thesaurus/9999999\"",
        ]);
        let warnings = resolve(&mut r, Some(&thesaurus()));
        assert_eq!(
            r.subjects,
            ["outer spaces", "http://metadata.un.org/thesaurus/9999999"]
        );
        assert_eq!(warnings.len(), 2);
        assert_eq!((warnings[0].line, warnings[0].is_error()), (6, false));
        assert_eq!(
            warnings[0].message,
            "the subject `outer spaces` is not a UNBIS Thesaurus term"
        );
        assert_eq!(
            warnings[0].hint.as_deref(),
            Some("the nearest UNBIS labels: OUTER SPACE; write one of them, or a concept's URI")
        );
        assert_eq!(
            warnings[1].message,
            "`http://metadata.un.org/thesaurus/9999999` is not a concept of the UNBIS Thesaurus in data/"
        );
    }

    #[test]
    fn without_a_thesaurus_subjects_stay_free_text() {
        let mut r = resolution(&["cybercrime", "Cybercrime"]);
        assert!(resolve(&mut r, None).is_empty());
        assert_eq!(r.subjects, ["cybercrime", "Cybercrime"]);
    }
}
