//! `plenary import`: raw resolution texts (as issued, or extracted from PDF or OCR) →
//! annotated resolution files.
//!
//! [`convert`] is a pure function from one text to the front matter and Markdown body of
//! its resolution file; [`import`], here, is the edge that finds the source files, reads
//! them, and writes the results under the content folder. `convert` takes a text through
//! these steps:
//!
//! 1. [`lines`]: numbered lines on numbered pages;
//! 2. [`lang`]: the language, unless given;
//! 3. [`furniture`]: running headers, barcodes, job numbers dropped;
//! 4. [`header`] (General Assembly, in six languages) or [`security_council`]: the
//!    metadata from the cover, heading and closing;
//! 5. [`footnotes`]: note texts taken out, their marks turned into `[^N]`;
//! 6. [`body`]: lines joined into paragraphs, written as Markdown;
//! 7. [`write`]: the front matter and the file's place.

mod body;
mod conventions;
mod convert;
mod dates;
mod footnotes;
mod furniture;
mod header;
mod lang;
mod lines;
mod mend;
mod note_blocks;
mod openers;
mod pdf;
mod security_council;
mod write;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::model::{Lang, Symbol, Vote};

pub use convert::convert;
pub use lang::detect as detect_language;
pub use pdf::{PdfError, text as pdf_text};

/// A problem found in a text, at a line of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

impl Warning {
    pub fn new(line: usize, message: impl Into<String>) -> Warning {
        Warning {
            line,
            message: message.into(),
        }
    }
}

/// The metadata read from a text, as the front matter will hold it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Metadata {
    pub symbol: Symbol,
    pub lang: Lang,
    pub title: String,
    pub adopted: Date,
    pub agenda_items: Vec<String>,
    pub meeting: Option<u32>,
    pub report: Option<String>,
    pub committee: Option<String>,
    pub issued: Option<Date>,
    pub distribution: Option<String>,
    pub vote: Option<Vote>,
    /// "Adopted unanimously": everyone voted in favour, but the counts are not given.
    pub adopted_unanimously: bool,
    /// "Adopted … by consensus".
    pub adopted_by_consensus: bool,
    /// A footnote on the closing line about the vote ("One member did not participate in
    /// the voting").
    pub adoption_note: Option<String>,
}

/// One text, converted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub meta: Metadata,
    /// The Markdown body, footnote definitions included.
    pub body: String,
    /// What could not be extracted, each at its source line.
    pub warnings: Vec<Warning>,
}

impl Imported {
    /// The resolution file: front matter and body.
    pub fn file_text(&self) -> String {
        write::file_text(&self.meta, &self.body)
    }

    /// Where the file goes under the content folder: `ga/78/30.en.md`.
    pub fn relative_path(&self) -> PathBuf {
        write::relative_path(&self.meta)
    }
}

/// Why a text could not be converted: the fields a resolution file requires that the
/// text does not give, each at a line, and the warnings found on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub errors: Vec<Warning>,
    pub warnings: Vec<Warning>,
}

// ---------------------------------------------------------------------------------------
// The edge: finding, reading and writing files.

/// How `plenary import` runs.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The content folder the files go under.
    pub into: PathBuf,
    /// The language of every text, instead of detecting it.
    pub lang: Option<Lang>,
    /// Replace files that exist.
    pub force: bool,
}

/// What happened to one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written to a new file.
    Written {
        path: PathBuf,
        symbol: String,
        lang: Lang,
    },
    /// Written over an existing file (`--force`).
    Replaced {
        path: PathBuf,
        symbol: String,
        lang: Lang,
    },
    /// Not written: the file exists.
    Exists { path: PathBuf },
    /// Not written: another source of this run gives the same symbol and language.
    Duplicate { path: PathBuf, first: PathBuf },
    /// Not converted; the reasons are in the diagnostics.
    Failed,
}

/// One source file and what became of it.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub source: PathBuf,
    pub outcome: Outcome,
    /// Warnings (what could not be extracted) and errors, at source lines.
    pub diagnostics: Vec<Diagnostic>,
}

/// What an import did, one entry per source file in the order they were read.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub files: Vec<FileReport>,
}

impl Report {
    pub fn written(&self) -> usize {
        self.files
            .iter()
            .filter(|f| {
                matches!(
                    f.outcome,
                    Outcome::Written { .. } | Outcome::Replaced { .. }
                )
            })
            .count()
    }

    /// Files that were not written, for a reason the user must act on.
    pub fn not_written(&self) -> usize {
        self.files.len() - self.written()
    }

    pub fn warnings(&self) -> usize {
        self.files
            .iter()
            .flat_map(|f| &f.diagnostics)
            .filter(|d| !d.is_error())
            .count()
    }
}

/// Why an import could not run at all.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("{0}: no such file or folder")]
    NotFound(PathBuf),
    #[error("{path}: {source}")]
    Walk {
        path: PathBuf,
        #[source]
        source: walkdir::Error,
    },
    #[error("no raw texts (.txt files) or PDFs (.pdf files) were found in {0}")]
    NoTexts(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The source files: files as given, and the `.txt` and `.pdf` files inside folders
/// (hidden ones skipped), in name order.
pub fn collect_sources(sources: &[PathBuf]) -> Result<Vec<PathBuf>, ImportError> {
    let mut out = Vec::new();
    for source in sources {
        if source.is_file() {
            out.push(source.clone());
            continue;
        }
        if !source.is_dir() {
            return Err(ImportError::NotFound(source.clone()));
        }
        let walker = walkdir::WalkDir::new(source)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker {
            let entry = entry.map_err(|source_err| ImportError::Walk {
                path: source.clone(),
                source: source_err,
            })?;
            let is_text = entry
                .path()
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("pdf"));
            if entry.file_type().is_file() && is_text {
                out.push(entry.into_path());
            }
        }
    }
    if out.is_empty() {
        let names: Vec<String> = sources.iter().map(|s| s.display().to_string()).collect();
        return Err(ImportError::NoTexts(names.join(", ")));
    }
    Ok(out)
}

fn diagnostics(path: &Path, warnings: &[Warning], errors: &[Warning]) -> Vec<Diagnostic> {
    errors
        .iter()
        .map(|e| Diagnostic::error(path, e.line, 1, &e.message))
        .chain(
            warnings
                .iter()
                .map(|w| Diagnostic::warning(path, w.line, 1, &w.message)),
        )
        .collect()
}

/// Reads and converts one file.
fn convert_file(path: &Path, lang: Option<Lang>) -> Result<Imported, Vec<Diagnostic>> {
    let bytes = fs::read(path).map_err(|e| {
        vec![Diagnostic::error(
            path,
            0,
            0,
            format!("cannot read the file: {e}"),
        )]
    })?;
    // A PDF is read for its text layer; an empty file or an image is said to be one.
    let is_pdf_name = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    let not_text = bytes.is_empty() || pdf::is_pdf(&bytes) || pdf::image_kind(&bytes).is_some();
    let bytes = if is_pdf_name || not_text {
        pdf::text(path, &bytes)
            .map_err(|e| vec![Diagnostic::error(path, 0, 0, e.to_string())])?
            .into_bytes()
    } else {
        bytes
    };
    let text = String::from_utf8(bytes).map_err(|e| {
        let upto = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        vec![Diagnostic::error(
            path,
            line,
            1,
            "the file is not UTF-8 text",
        )]
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    convert(&text, &name, lang).map_err(|r| diagnostics(path, &r.warnings, &r.errors))
}

/// Imports every source: converts each text and writes its resolution file under
/// `opts.into`, never over an existing file unless `opts.force`. Texts are converted in
/// parallel and written in source order, so the same sources always give the same files
/// and the same report.
pub fn import(sources: &[PathBuf], opts: &ImportOptions) -> Result<Report, ImportError> {
    let files = collect_sources(sources)?;
    let converted: Vec<Result<Imported, Vec<Diagnostic>>> = files
        .par_iter()
        .map(|p| convert_file(p, opts.lang))
        .collect();
    let mut report = Report::default();
    let mut claimed: BTreeMap<PathBuf, PathBuf> = BTreeMap::new();
    for (source, result) in files.into_iter().zip(converted) {
        let imported = match result {
            Ok(i) => i,
            Err(diagnostics) => {
                report.files.push(FileReport {
                    source,
                    outcome: Outcome::Failed,
                    diagnostics,
                });
                continue;
            }
        };
        let diagnostics = diagnostics(&source, &imported.warnings, &[]);
        let path = opts.into.join(imported.relative_path());
        if let Some(first) = claimed.get(&path) {
            report.files.push(FileReport {
                source,
                outcome: Outcome::Duplicate {
                    path,
                    first: first.clone(),
                },
                diagnostics,
            });
            continue;
        }
        claimed.insert(path.clone(), source.clone());
        let existed = path.exists();
        if existed && !opts.force {
            report.files.push(FileReport {
                source,
                outcome: Outcome::Exists { path },
                diagnostics,
            });
            continue;
        }
        write_file(&path, &imported.file_text())?;
        let (symbol, lang) = (imported.meta.symbol.to_string(), imported.meta.lang);
        let outcome = if existed {
            Outcome::Replaced { path, symbol, lang }
        } else {
            Outcome::Written { path, symbol, lang }
        };
        report.files.push(FileReport {
            source,
            outcome,
            diagnostics,
        });
    }
    Ok(report)
}

/// Writes through a temporary file beside the target, so that an interrupted import
/// never leaves half a file.
fn write_file(path: &Path, text: &str) -> Result<(), ImportError> {
    let err = |source| ImportError::Write {
        path: path.to_path_buf(),
        source,
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir).map_err(err)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    fs::write(&tmp, text).map_err(err)?;
    fs::rename(&tmp, path).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        err(e)
    })
}
