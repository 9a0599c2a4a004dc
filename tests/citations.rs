//! Precision and recall of the citation finder on real texts in the six languages.
//!
//! The texts and the citations they make, listed by hand, are in `tests/fixtures/citations/`
//! (one file a language; the format is described at the top of `en.txt`). Each language must
//! reach a precision of 0.995 and a recall of 0.98; `docs/citations.md` gives the figures.
//! `cargo test --test citations -- --nocapture` prints them, with every miss and every
//! false citation.

use std::collections::BTreeMap;
use std::path::Path;

use plenary::cite::{self, Target};
use plenary::model::{Lang, Organ};

const MIN_PRECISION: f64 = 0.995;
const MIN_RECALL: f64 = 0.98;

/// One text of the set and the citations it makes.
struct Case {
    source: String,
    /// Line of `source:` in its file, for messages.
    line: usize,
    organ: Organ,
    text: String,
    expected: Vec<String>,
}

fn organ(word: &str, file: &Path, line: usize) -> Organ {
    match word {
        "ga" => Organ::GeneralAssembly,
        "sc" => Organ::SecurityCouncil,
        "hrc" => Organ::HumanRightsCouncil,
        "ecosoc" => Organ::EconomicAndSocialCouncil,
        _ => panic!(
            "{}:{line}: unknown organ {word:?}; write ga, sc, hrc or ecosoc",
            file.display()
        ),
    }
}

/// Reads a language's file. Bad lines stop the test with their place and the fix.
fn cases(file: &Path) -> Vec<Case> {
    let content = std::fs::read_to_string(file)
        .unwrap_or_else(|e| panic!("{}: cannot be read: {e}", file.display()));
    let mut out: Vec<Case> = Vec::new();
    for (i, raw) in content.lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        if let Some(source) = raw.strip_prefix("source: ") {
            out.push(Case {
                source: source.to_string(),
                line,
                organ: Organ::GeneralAssembly,
                text: String::new(),
                expected: Vec::new(),
            });
            continue;
        }
        let Some(case) = out.last_mut() else {
            panic!(
                "{}:{line}: a case must start with a `source:` line",
                file.display()
            );
        };
        if let Some(word) = raw.strip_prefix("organ: ") {
            case.organ = organ(word.trim(), file, line);
        } else if let Some(text) = raw.strip_prefix("| ").or(raw.strip_prefix("|")) {
            if !case.text.is_empty() {
                case.text.push('\n');
            }
            case.text.push_str(text);
        } else if let Some(target) = raw.strip_prefix("= ") {
            case.expected.push(target.trim().to_string());
        } else {
            panic!(
                "{}:{line}: unknown line; start it with `source: `, `organ: `, `| `, `= ` or `#`",
                file.display()
            );
        }
    }
    out
}

/// The linkable citations the finder reads in a text, written as in the files.
fn found(case: &Case, lang: Lang) -> Vec<String> {
    cite::find_in(&case.text, lang, case.organ)
        .into_iter()
        .filter_map(|c| match c.target {
            Target::Resolution(s) => Some(s.to_string()),
            Target::Document(d) => Some(format!("doc {d}")),
            Target::Unlinkable(_) => None,
        })
        .collect()
}

#[derive(Default)]
struct Score {
    expected: usize,
    found: usize,
    correct: usize,
    texts: usize,
    /// "missed" and "false" lines, with their source.
    errors: Vec<String>,
}

impl Score {
    fn precision(&self) -> f64 {
        if self.found == 0 {
            1.0
        } else {
            self.correct as f64 / self.found as f64
        }
    }

    fn recall(&self) -> f64 {
        if self.expected == 0 {
            1.0
        } else {
            self.correct as f64 / self.expected as f64
        }
    }

    /// Compares what was found with what was expected, as multisets: a text that cites the
    /// same resolution twice must yield it twice.
    fn add(&mut self, case: &Case, file: &Path, found: &[String]) {
        self.texts += 1;
        self.expected += case.expected.len();
        self.found += found.len();
        let mut left: BTreeMap<&str, usize> = BTreeMap::new();
        for e in &case.expected {
            *left.entry(e.as_str()).or_default() += 1;
        }
        for f in found {
            match left.get_mut(f.as_str()) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    self.correct += 1;
                }
                _ => self.errors.push(format!(
                    "false  {f}  ({}:{} {})",
                    file.display(),
                    case.line,
                    case.source
                )),
            }
        }
        for (e, n) in left {
            for _ in 0..n {
                self.errors.push(format!(
                    "missed {e}  ({}:{} {})",
                    file.display(),
                    case.line,
                    case.source
                ));
            }
        }
    }
}

#[test]
fn every_language_meets_its_precision_and_recall() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/citations");
    let mut failures = Vec::new();
    println!("lang  texts  cited  found  correct  precision  recall");
    for lang in Lang::ALL {
        let file = dir.join(format!("{}.txt", lang.code()));
        let mut score = Score::default();
        for case in cases(&file) {
            score.add(&case, &file, &found(&case, lang));
        }
        println!(
            "{:<4}  {:>5}  {:>5}  {:>5}  {:>7}  {:>9.3}  {:>6.3}",
            lang.code(),
            score.texts,
            score.expected,
            score.found,
            score.correct,
            score.precision(),
            score.recall()
        );
        for e in &score.errors {
            println!("      {e}");
        }
        // The set must stay large enough for the figures to mean something.
        if score.expected < 20 {
            failures.push(format!(
                "{}: only {} citations in the set; keep at least 20",
                lang.code(),
                score.expected
            ));
        }
        if score.precision() < MIN_PRECISION || score.recall() < MIN_RECALL {
            failures.push(format!(
                "{}: precision {:.3} (at least {MIN_PRECISION}), recall {:.3} (at least {MIN_RECALL}):\n  {}",
                lang.code(),
                score.precision(),
                score.recall(),
                score.errors.join("\n  ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
