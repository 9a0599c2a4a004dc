//! The report of `plenary check`, for people and, as JSON, for machines.

use serde::Serialize;

use crate::diagnostic::{Diagnostic, error_count};
use crate::pipeline::{BuildError, BuildReport};

/// Everything `plenary check` found.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// No errors: the site would build.
    pub ok: bool,
    pub resolutions: usize,
    pub pages: usize,
    pub errors: usize,
    pub warnings: usize,
    pub diagnostics: Vec<Diagnostic>,
    /// Resolutions cited but not in the archive (information, not a problem): their
    /// citations lead to the external resolver.
    pub not_in_archive: Vec<NotInArchive>,
    /// Resolutions whose votes `data/` holds but the archive does not (information: the
    /// votes wait for the resolution).
    pub votes_not_in_archive: Vec<String>,
}

#[derive(Debug, Serialize)]
pub struct NotInArchive {
    pub symbol: String,
    /// How many resolutions of the archive cite it.
    pub cited_by: usize,
}

impl CheckReport {
    pub fn new(result: &Result<BuildReport, BuildError>) -> CheckReport {
        match result {
            Ok(r) => CheckReport {
                ok: true,
                resolutions: r.resolutions,
                pages: r.pages,
                errors: 0,
                warnings: r.warnings.len(),
                diagnostics: r.warnings.clone(),
                not_in_archive: r
                    .not_in_archive
                    .iter()
                    .map(|(symbol, n)| NotInArchive {
                        symbol: symbol.clone(),
                        cited_by: *n,
                    })
                    .collect(),
                votes_not_in_archive: r.votes_not_in_archive.clone(),
            },
            Err(e) => {
                let mut diagnostics = match e {
                    BuildError::Invalid(d) => d.clone(),
                    BuildError::Output(o) => {
                        vec![Diagnostic::error("--output", 0, 0, o.to_string())]
                    }
                };
                // Errors first: they are what stops the build.
                diagnostics.sort_by_key(|d| d.severity);
                CheckReport {
                    ok: false,
                    resolutions: 0,
                    pages: 0,
                    errors: error_count(&diagnostics),
                    warnings: diagnostics.len() - error_count(&diagnostics),
                    diagnostics,
                    not_in_archive: Vec::new(),
                    votes_not_in_archive: Vec::new(),
                }
            }
        }
    }

    /// The summary of the votes in `data/` on resolutions outside the archive, for people.
    pub fn votes_not_in_archive_summary(&self, most: usize) -> Option<String> {
        let n = self.votes_not_in_archive.len();
        if n == 0 {
            return None;
        }
        let first: Vec<&str> = self
            .votes_not_in_archive
            .iter()
            .take(most)
            .map(String::as_str)
            .collect();
        let more = if n > most { ", …" } else { "" };
        Some(format!(
            "info: data/ holds the votes on {n} {} the archive does not hold; they are shown once it is added: {}{more}",
            if n == 1 { "resolution" } else { "resolutions" },
            first.join(", ")
        ))
    }

    /// The summary of citations that lead outside the archive, for people.
    pub fn not_in_archive_summary(&self, most: usize) -> Option<String> {
        if self.not_in_archive.is_empty() {
            return None;
        }
        let citations: usize = self.not_in_archive.iter().map(|n| n.cited_by).sum();
        let top: Vec<String> = self
            .not_in_archive
            .iter()
            .take(most)
            .map(|n| format!("{} ({})", n.symbol, n.cited_by))
            .collect();
        Some(format!(
            "info: {} resolutions outside the archive are cited {} times; those links lead to the resolver. Most cited: {}",
            self.not_in_archive.len(),
            citations,
            top.join(", ")
        ))
    }
}
