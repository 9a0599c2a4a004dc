//! The UNBIS Thesaurus, the UN library's subject vocabulary, as `data/` gives it: each
//! concept with its identifier, its preferred label in the languages the data has, its
//! alternative labels (English) and its broader concepts. `subjects:` names concepts by
//! any of their labels, in any case, or by their URI.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::Lang;

/// The URI of every concept is this and its identifier (`…/thesaurus/1001186`).
pub const URI_BASE: &str = "http://metadata.un.org/thesaurus/";

/// One concept of the thesaurus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Concept {
    /// `1001186`, or `140202` for a microthesaurus, or `c_42589daf`.
    pub id: String,
    /// The preferred label in each language of [`Lang::ALL`], when the data has it.
    pub labels: [Option<String>; 6],
    pub alt_labels: Vec<String>,
    /// The identifiers of its broader concepts, in the data's order.
    pub broader: Vec<String>,
}

impl Concept {
    pub fn uri(&self) -> String {
        format!("{URI_BASE}{}", self.id)
    }

    /// The preferred label in `lang`, if the data has one.
    pub fn label_in(&self, lang: Lang) -> Option<&str> {
        let i = Lang::ALL.iter().position(|&l| l == lang)?;
        self.labels[i].as_deref()
    }

    /// The preferred label in `lang`, else in English, and the language it is in.
    pub fn label_for(&self, lang: Lang) -> (&str, Lang) {
        match self.label_in(lang) {
            Some(l) => (l, lang),
            None => (self.english(), Lang::En),
        }
    }

    /// The English preferred label, the name subjects are grouped by.
    pub fn english(&self) -> &str {
        self.label_in(Lang::En).unwrap_or(&self.id)
    }

    /// A microthesaurus (six digits) groups concepts; it is not a term of its own.
    pub fn is_microthesaurus(&self) -> bool {
        self.id.len() == 6 && self.id.bytes().all(|b| b.is_ascii_digit())
    }
}

/// The whole thesaurus, looked up by identifier, URI or label.
#[derive(Debug, Default, Clone)]
pub struct Thesaurus {
    concepts: Vec<Concept>,
    by_id: HashMap<String, usize>,
    /// Every label, lower-cased: English preferred labels first, then alternative ones.
    by_label: HashMap<String, usize>,
    /// The letter pairs of every English label, made the first time a subject is not
    /// found: a build whose subjects are all UNBIS terms never makes them.
    pairs: OnceLock<Vec<(Vec<u64>, String)>>,
}

impl Thesaurus {
    /// The thesaurus of these concepts; the first concept of an identifier wins. A label
    /// several concepts share names the first that is not a microthesaurus; an
    /// alternative label never hides a preferred one.
    pub fn new(concepts: Vec<Concept>) -> Thesaurus {
        let mut t = Thesaurus::default();
        for c in concepts {
            if !t.by_id.contains_key(&c.id) {
                t.by_id.insert(c.id.clone(), t.concepts.len());
                t.concepts.push(c);
            }
        }
        let mut order: Vec<usize> = (0..t.concepts.len()).collect();
        order.sort_by_key(|&i| t.concepts[i].is_microthesaurus());
        for &i in &order {
            let c = &t.concepts[i];
            if let Some(en) = c.label_in(Lang::En) {
                t.by_label.entry(en.to_lowercase()).or_insert(i);
            }
        }
        for &i in &order {
            for alt in &t.concepts[i].alt_labels {
                t.by_label.entry(alt.to_lowercase()).or_insert(i);
            }
        }
        t.add_other_languages(&order);
        t
    }

    /// The preferred labels in the other five languages, each where it names one term
    /// (or one term and microthesauri) and no English label is the same: the scrape
    /// gives some Chinese and Arabic labels to several terms, which name none.
    fn add_other_languages(&mut self, order: &[usize]) {
        let mut named: HashMap<String, Vec<usize>> = HashMap::new();
        for &i in order {
            let c = &self.concepts[i];
            for lang in Lang::ALL.into_iter().filter(|&l| l != Lang::En) {
                if let Some(label) = c.label_in(lang) {
                    let ids = named.entry(label.to_lowercase()).or_default();
                    if !ids.contains(&i) {
                        ids.push(i);
                    }
                }
            }
        }
        for (label, ids) in named {
            let terms: Vec<usize> = ids
                .iter()
                .copied()
                .filter(|&i| !self.concepts[i].is_microthesaurus())
                .collect();
            let one = match terms.as_slice() {
                [one] => Some(*one),
                [] if ids.len() == 1 => Some(ids[0]),
                _ => None,
            };
            if let Some(i) = one {
                self.by_label.entry(label).or_insert(i);
            }
        }
    }

    pub fn len(&self) -> usize {
        self.concepts.len()
    }

    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    pub fn concepts(&self) -> &[Concept] {
        &self.concepts
    }

    pub fn by_id(&self, id: &str) -> Option<&Concept> {
        self.by_id.get(id).map(|&i| &self.concepts[i])
    }

    /// The concept a subject names: a label in any case (spaces around it ignored), or a
    /// URI in either published form (`…/thesaurus/1001186`, `…/thesaurus#1001186`, http
    /// or https).
    pub fn resolve(&self, subject: &str) -> Option<&Concept> {
        let s = subject.trim();
        if let Some(id) = uri_id(s) {
            return self.by_id(id);
        }
        self.by_label
            .get(&s.to_lowercase())
            .map(|&i| &self.concepts[i])
    }

    /// The concepts broader than `c` that the thesaurus holds, terms before
    /// microthesauri, and the identifiers that name none.
    pub fn broader<'a>(&'a self, c: &'a Concept) -> (Vec<&'a Concept>, Vec<&'a str>) {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for id in &c.broader {
            match self.by_id(id) {
                Some(b) => found.push(b),
                None => missing.push(id.as_str()),
            }
        }
        found.sort_by_key(|b| b.is_microthesaurus());
        (found, missing)
    }

    /// The labels most like `subject`, best first: at most `n`, each as alike as
    /// [`NEAR_ENOUGH`] at least, by the Sørensen–Dice coefficient of their letter pairs
    /// (spaces left out, as strsim counts them). The pairs of the 11,000 labels are made
    /// once, sorted, so a subject costs one merge per label.
    pub fn nearest(&self, subject: &str, n: usize) -> Vec<&str> {
        let wanted = letter_pairs(subject);
        let labels = self.pairs.get_or_init(|| {
            let mut all: Vec<(Vec<u64>, String)> = self
                .concepts
                .iter()
                .flat_map(|c| {
                    c.label_in(Lang::En)
                        .into_iter()
                        .chain(c.alt_labels.iter().map(String::as_str))
                })
                .map(|l| (letter_pairs(l), l.to_string()))
                .collect();
            all.sort_by(|a, b| a.1.cmp(&b.1));
            all.dedup_by(|a, b| a.1 == b.1);
            all
        });
        let mut scored: Vec<(f64, &str)> = labels
            .iter()
            .map(|(pairs, label)| (dice(&wanted, pairs), label.as_str()))
            .filter(|(score, _)| *score >= NEAR_ENOUGH)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        scored.into_iter().take(n).map(|(_, l)| l).collect()
    }
}

/// The pairs of neighbouring letters of a text, lower-cased, spaces left out, sorted.
fn letter_pairs(text: &str) -> Vec<u64> {
    let letters: Vec<char> = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let mut pairs: Vec<u64> = letters
        .windows(2)
        .map(|w| (u64::from(w[0]) << 32) | u64::from(w[1]))
        .collect();
    pairs.sort_unstable();
    pairs
}

/// The Sørensen–Dice coefficient of two sorted lists of pairs: twice the pairs they share
/// (each as often as both have it) over the pairs of both.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut shared) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (2 * shared) as f64 / (a.len() + b.len()) as f64
}

/// How alike a label must be to a subject to be offered in its place.
pub const NEAR_ENOUGH: f64 = 0.4;

/// The identifier in a concept's URI, if `s` is one.
fn uri_id(s: &str) -> Option<&str> {
    let rest = s
        .strip_prefix("http://")
        .or_else(|| s.strip_prefix("https://"))?;
    let rest = rest.strip_prefix("metadata.un.org/thesaurus")?;
    let id = rest.strip_prefix('/').or_else(|| rest.strip_prefix('#'))?;
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn concept(id: &str, en: &str, zh: Option<&str>, alt: &[&str], broader: &[&str]) -> Concept {
        let mut labels: [Option<String>; 6] = Default::default();
        labels[2] = Some(en.into());
        labels[1] = zh.map(String::from);
        Concept {
            id: id.into(),
            labels,
            alt_labels: alt.iter().map(|s| s.to_string()).collect(),
            broader: broader.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn sample() -> Thesaurus {
        Thesaurus::new(vec![
            concept("140202", "HUMAN RIGHTS", Some("人权"), &[], &[]),
            concept("1002975", "HUMAN RIGHTS", Some("人权"), &[], &["140202"]),
            concept(
                "1001186",
                "COMPUTER CRIMES",
                Some("计算机犯罪"),
                &[],
                &["140402", "1001103"],
            ),
            concept("1001103", "COMMERCIAL CRIMES", None, &[], &[]),
            concept(
                "1005785",
                "SECURITY ASSURANCES",
                None,
                &["NEGATIVE SECURITY ASSURANCES"],
                &[],
            ),
        ])
    }

    #[test]
    fn subjects_name_concepts_by_label_in_any_case_or_by_uri() {
        let t = sample();
        assert_eq!(t.resolve("computer crimes").unwrap().id, "1001186");
        assert_eq!(t.resolve(" Computer Crimes ").unwrap().id, "1001186");
        assert_eq!(
            t.resolve("negative security assurances").unwrap().id,
            "1005785"
        );
        assert_eq!(
            t.resolve("http://metadata.un.org/thesaurus/1001186")
                .unwrap()
                .id,
            "1001186"
        );
        assert_eq!(
            t.resolve("http://metadata.un.org/thesaurus#1001186")
                .unwrap()
                .id,
            "1001186"
        );
        assert_eq!(
            t.resolve("https://metadata.un.org/thesaurus/140202")
                .unwrap()
                .id,
            "140202"
        );
        assert!(
            t.resolve("http://metadata.un.org/thesaurus/9999999")
                .is_none()
        );
        assert!(t.resolve("http://example.org/thesaurus/1001186").is_none());
        assert!(t.resolve("cybercrime").is_none());
    }

    #[test]
    fn a_label_of_another_language_names_its_term_unless_several_share_it() {
        let mut t = sample().concepts().to_vec();
        // 土地改革 is the zh label of both 1000120 and 1003592 in the scrape.
        t.push(concept(
            "1000120",
            "AGRARIAN REFORM",
            Some("土地改革"),
            &[],
            &[],
        ));
        t.push(concept(
            "1003592",
            "LAND REFORM",
            Some("土地改革"),
            &[],
            &[],
        ));
        let t = Thesaurus::new(t);
        assert_eq!(t.resolve("计算机犯罪").unwrap().id, "1001186");
        assert_eq!(
            t.resolve("人权").unwrap().id,
            "1002975",
            "the term, not its microthesaurus"
        );
        assert!(t.resolve("土地改革").is_none());
    }

    #[test]
    fn a_label_shared_with_a_microthesaurus_names_the_term() {
        assert_eq!(sample().resolve("human rights").unwrap().id, "1002975");
    }

    #[test]
    fn labels_fall_back_to_english_and_broader_ids_may_name_nothing() {
        let t = sample();
        let c = t.resolve("computer crimes").unwrap();
        assert_eq!(c.label_for(Lang::Zh), ("计算机犯罪", Lang::Zh));
        let commercial = t.by_id("1001103").unwrap();
        assert_eq!(
            commercial.label_for(Lang::Ar),
            ("COMMERCIAL CRIMES", Lang::En)
        );
        let (found, missing) = t.broader(c);
        assert_eq!(
            found.iter().map(|b| b.id.as_str()).collect::<Vec<_>>(),
            ["1001103"]
        );
        assert_eq!(missing, ["140402"]);
        assert_eq!(c.uri(), "http://metadata.un.org/thesaurus/1001186");
    }

    #[test]
    fn letter_pairs_count_as_strsim_counts_them() {
        for (a, b) in [
            ("cybercrime", "COMPUTER CRIMES"),
            ("outer spce", "OUTER SPACE"),
            ("aaaa", "aa"),
            ("x", "x y"),
        ] {
            let ours = dice(&letter_pairs(a), &letter_pairs(b));
            let theirs = strsim::sorensen_dice(&a.to_lowercase(), &b.to_lowercase());
            assert!(
                (ours - theirs).abs() < 1e-9,
                "{a} / {b}: {ours} vs {theirs}"
            );
        }
        // Six of its nine pairs are among the thirteen of COMPUTERCRIMES: 12 / 22.
        let d = dice(
            &letter_pairs("cybercrime"),
            &letter_pairs("COMPUTER CRIMES"),
        );
        assert!((d - 12.0 / 22.0).abs() < 1e-9, "{d}");
    }

    #[test]
    fn the_nearest_labels_share_the_most_letter_pairs() {
        let t = sample();
        assert_eq!(
            t.nearest("computer crime", 3),
            ["COMPUTER CRIMES", "COMMERCIAL CRIMES"]
        );
        assert_eq!(t.nearest("security assurance", 2)[0], "SECURITY ASSURANCES");
        assert!(t.nearest("zzz", 3).is_empty());
    }
}
