//! `plenary import`: raw resolution texts (as issued, or extracted from PDF or OCR) →
//! annotated resolution files.
//!
//! [`convert`] is a pure function from one text to the front matter and Markdown body of
//! its resolution file; [`import`] is the edge that finds the source files, reads them,
//! and writes the results under the content folder. A text goes through these steps:
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
mod dates;
mod footnotes;
mod furniture;
mod header;
mod lang;
mod lines;
mod security_council;
mod write;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use jiff::civil::Date;
use rayon::prelude::*;
use regex::Regex;

use crate::diagnostic::Diagnostic;
use crate::model::{Lang, Symbol, Vote};
use body::{Hyphens, Layout, Paragraph, Part, Role};
use footnotes::Note;
use lines::Line;

pub use lang::detect as detect_language;

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

static FILE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<organ>A|S|E)_RES_(?P<a>[A-Z0-9-]+)_(?P<b>\d+)").expect("pattern compiles")
});

/// The symbol a file name gives, in the conventions of the UN's document system
/// (`A_RES_78_30.en.txt`) and of CR-UNSC (`S_RES_0242_1967_EN_GOLD.txt`).
fn symbol_from_file_name(name: &str) -> Option<Symbol> {
    let caps = FILE_SYMBOL.captures(name)?;
    let (a, b) = (&caps["a"], &caps["b"]);
    let text = match caps["organ"].to_ascii_uppercase().as_str() {
        "S" => format!("S/RES/{} ({b})", a.trim_start_matches('0')),
        organ => format!("{organ}/RES/{a}/{b}"),
    };
    Symbol::parse(&text).ok()
}

/// The layout of General Assembly texts: born digital, wrapped at a margin as wide as
/// the widest line, with headings in long texts.
fn assembly_layout(lines: &[Line]) -> Layout {
    Layout {
        hyphens: Hyphens::Keep,
        ocr: false,
        headings: true,
        width: Some(Layout::widest(lines)),
    }
}

/// Converts one raw text. `source_name` is the file's name, a fallback for the symbol;
/// `lang` overrides the detected language.
pub fn convert(text: &str, source_name: &str, lang: Option<Lang>) -> Result<Imported, Rejected> {
    let lines = lines::split(text);
    let Some(lang) = lang.or_else(|| lang::detect(text)) else {
        return Err(Rejected {
            errors: vec![Warning::new(
                1,
                "the text has no letters; its language cannot be told",
            )],
            warnings: Vec::new(),
        });
    };
    let lines = furniture::strip_running_headers(lines);
    let from_file = symbol_from_file_name(source_name);
    // A General Assembly text may cite "resolution 1540 (2004) of …" at the start of a
    // line; its chapeau tells it from a Council text.
    let assembly_chapeau = header::find_chapeau(&lines, lang).is_some();
    if !assembly_chapeau && security_council::is_council(&lines, lang) {
        council(lines, lang, from_file)
    } else {
        assembly(lines, lang, from_file)
    }
}

/// Notes, marks and paragraphs of a General Assembly text from its chapeau on.
fn assembly(lines: Vec<Line>, lang: Lang, from_file: Option<Symbol>) -> Result<Imported, Rejected> {
    let mut warnings = Vec::new();
    let Some(chapeau) = header::find_chapeau(&lines, lang) else {
        return Err(Rejected {
            errors: vec![Warning::new(
                1,
                "no chapeau (\"The General Assembly,\") was found, so the body cannot be told from the cover",
            )],
            warnings,
        });
    };
    let cover = header::read_cover(&lines, chapeau, lang, &mut warnings);

    let mut rest = furniture::strip_loose(lines[chapeau..].to_vec());
    isolate_chapeau(&mut rest, &conventions::of(lang).assembly_chapeau);
    let mut notes = Vec::new();
    let rest = footnotes::take_ruled(rest, &mut notes, &mut warnings);
    let mut rest = footnotes::take_superscript(rest, &mut notes);

    let closing = header::find_closing(&rest, 0, lang);
    let body_end = closing.as_ref().map_or(rest.len(), |c| c.lines.start);
    let after_start = closing.as_ref().map_or(rest.len(), |c| c.lines.end);
    if closing.is_none() {
        warnings.push(Warning::new(
            rest.last().map_or(1, |l| l.no),
            "no closing plenary meeting line (\"42nd plenary meeting\") was found",
        ));
    }
    let missing = footnotes::place_marks(&mut rest, &notes, &mut warnings);

    let layout = assembly_layout(&rest);
    let mut paragraphs = body::paragraphs(&rest[..body_end], &layout, Part::Resolution);
    let after = &rest[after_start..];
    let annexes = header::annex_headings(after, lang);
    let first_annex = annexes.first().copied().unwrap_or(after.len());
    if let Some(stray) = after[..first_annex].iter().find(|l| !l.is_blank()) {
        warnings.push(Warning::new(
            stray.no,
            "text after the closing lines that is not an annex; it is kept at the end of the body",
        ));
        paragraphs.extend(body::paragraphs(
            &after[..first_annex],
            &layout,
            Part::Annex,
        ));
    }
    for (k, &start) in annexes.iter().enumerate() {
        let end = annexes.get(k + 1).copied().unwrap_or(after.len());
        paragraphs.push(Paragraph {
            role: Role::Annex,
            text: after[start].text.clone(),
            line: after[start].no,
            spaced: true,
        });
        paragraphs.extend(body::paragraphs(
            &after[start + 1..end],
            &layout,
            Part::Annex,
        ));
    }

    let mut errors = Vec::new();
    let first_line = lines.first().map_or(1, |l| l.no);
    let from_number = cover
        .number
        .as_deref()
        .and_then(|n| Symbol::parse(&format!("A/RES/{n}")).ok());
    let symbol = match (cover.symbol.clone(), from_number, from_file) {
        (Some(printed), Some(numbered), _) if printed != numbered => {
            warnings.push(Warning::new(
                first_line,
                format!(
                    "the cover says {printed} but the title is numbered {}; {printed} is used",
                    numbered.short()
                ),
            ));
            Some(printed)
        }
        (Some(s), _, _) | (None, Some(s), _) => Some(s),
        (None, None, Some(s)) => {
            warnings.push(Warning::new(
                first_line,
                format!("the text gives no symbol; {s} is taken from the file name"),
            ));
            Some(s)
        }
        (None, None, None) => None,
    };
    if symbol.is_none() {
        errors.push(Warning::new(first_line, "no symbol was found: neither \"A/RES/…\" on the cover nor a numbered title (\"78/30. …\")"));
    }
    let closing_date = closing.as_ref().and_then(|c| c.date);
    let adopted = match (cover.adopted, closing_date) {
        (Some(a), Some(c)) if a != c => {
            warnings.push(Warning::new(
                first_line,
                format!("the adoption line says {a} but the closing says {c}; {a} is used"),
            ));
            Some(a)
        }
        (a, c) => a.or(c),
    };
    if adopted.is_none() {
        errors.push(Warning::new(
            first_line,
            "no adoption date was found, on the cover or in the closing",
        ));
    }
    let title = cover.title.clone().filter(|t| !t.is_empty());
    if title.is_none() {
        errors.push(Warning::new(first_line, "no title was found"));
    }
    let (Some(symbol), Some(adopted), Some(title)) = (symbol, adopted, title) else {
        return Err(Rejected { errors, warnings });
    };

    let meta = Metadata {
        symbol,
        lang,
        title,
        adopted,
        agenda_items: cover.agenda_items,
        meeting: closing.map(|c| c.meeting),
        report: cover.report,
        committee: cover.committee.map(str::to_string),
        issued: cover.issued,
        distribution: cover.distribution.map(str::to_string),
        vote: None,
        adopted_unanimously: false,
        adopted_by_consensus: false,
        adoption_note: None,
    };
    let body = with_notes(&paragraphs, &notes, &missing);
    warnings.sort_by_key(|w| w.line);
    Ok(Imported {
        meta,
        body,
        warnings,
    })
}

/// Puts the chapeau ("The Security Council,") in a paragraph of its own when the text
/// runs on under it without a blank line.
fn isolate_chapeau(lines: &mut Vec<Line>, chapeau: &Regex) {
    if let Some(first) = lines.first()
        && chapeau.is_match(&first.text)
        && lines.get(1).is_some_and(|l| !l.is_blank())
    {
        let blank = Line {
            no: first.no,
            page: first.page,
            text: String::new(),
        };
        lines.insert(1, blank);
    }
}

/// A Security Council resolution's title, which its text does not give: its heading,
/// "Resolution 237 (1967)", in the document's language.
fn council_title(lang: Lang, symbol: &Symbol) -> String {
    let short = symbol.short();
    match lang {
        Lang::En => format!("Resolution {short}"),
        Lang::Fr => format!("Résolution {short}"),
        Lang::Es => format!("Resolución {short}"),
        Lang::Ru => format!("Резолюция {short}"),
        Lang::Ar => format!("القرار {short}"),
        Lang::Zh => format!("第 {short} 号决议"),
    }
}

/// Heading, notes, closing and paragraphs of a Security Council text.
fn council(lines: Vec<Line>, lang: Lang, from_file: Option<Symbol>) -> Result<Imported, Rejected> {
    let mut warnings = Vec::new();
    let first_line = lines.first().map_or(1, |l| l.no);
    let Some(heading) = security_council::read_heading(&lines, lang, &mut warnings) else {
        return Err(Rejected {
            errors: vec![Warning::new(
                first_line,
                "no heading (\"Resolution 237 (1967)\") was found",
            )],
            warnings,
        });
    };
    let mut rest = furniture::strip_loose(lines[heading.body_start..].to_vec());
    isolate_chapeau(&mut rest, &conventions::of(lang).council_chapeau);
    let hyphens = Hyphens::mend(&rest);
    let mut notes = Vec::new();
    let rest = footnotes::take_slashed(rest, &mut notes);
    let rest = footnotes::take_ruled(rest, &mut notes, &mut warnings);
    let mut rest = footnotes::take_superscript(rest, &mut notes);
    let closing = security_council::find_closing(&rest, 0);
    match &closing {
        Some(c) => footnotes::take_trailing(&mut rest, c.lines.end, &mut notes),
        None => {
            if let Some(start) = footnotes::trailing_start(&rest) {
                footnotes::take_trailing(&mut rest, start, &mut notes);
            }
            if heading.meeting.is_none() {
                warnings.push(Warning::new(
                    rest.last().map_or(first_line, |l| l.no),
                    "no closing line (\"Adopted … at the 1361st meeting\") was found",
                ));
            }
        }
    }
    // A mark may stand on the heading ("6 (1946). Resolution of 17 May 1946 21"): the
    // note is about the whole resolution, and its mark goes after the chapeau.
    let mut marked: Vec<Line> = lines[heading.index..heading.body_start].to_vec();
    let head_len = marked.len();
    marked.append(&mut rest);
    let missing = footnotes::place_marks(&mut marked, &notes, &mut warnings);
    footnotes::place_repeated_marks(&mut marked, &notes);
    let mut rest = marked.split_off(head_len);
    let head_marks: String = marked
        .iter()
        .flat_map(|l| footnotes::marks_in(&l.text))
        .map(|label| format!("[^{label}]"))
        .collect();
    if let Some(first) = rest.iter_mut().find(|l| !l.is_blank()) {
        first.text.push_str(&head_marks);
    }

    // Notes whose mark is on the closing line speak of the adoption.
    let mut closing = closing.unwrap_or_default();
    let mut body_notes = Vec::new();
    let mut adoption_note = None;
    for note in notes {
        let mark = format!("[^{}]", note.label);
        let on_closing = rest[closing.lines.clone()]
            .iter()
            .any(|l| l.text.contains(&mark));
        if !on_closing {
            body_notes.push(note);
            continue;
        }
        let text = note.text.trim().to_string();
        let said = security_council::read_closing_text(&text);
        if said.vote == Some(Vote::WithoutAVote) && closing.vote.is_none() {
            closing.vote = said.vote;
        } else {
            adoption_note = Some(match adoption_note {
                Some(before) => format!("{before} {text}"),
                None => text,
            });
        }
    }
    let body_end = if closing.lines.is_empty() {
        rest.len()
    } else {
        closing.lines.start
    };
    let layout = Layout {
        hyphens,
        ocr: true,
        headings: false,
        width: None,
    };
    let paragraphs = body::paragraphs(&rest[..body_end], &layout, Part::Resolution);
    if let Some(stray) = rest[closing.lines.end.max(body_end)..]
        .iter()
        .find(|l| !l.is_blank())
    {
        warnings.push(Warning::new(
            stray.no,
            "text after the closing line was dropped",
        ));
    }

    // A Council symbol carries the year of adoption; a heading's year in brackets is
    // OCR'd and sometimes wrong ("Resolution 434 (1973) of 18 September 1978").
    let mut errors = Vec::new();
    let year = heading.adopted.map(|d| d.year() as u16);
    if let (Some(y), Some(h)) = (year, heading.year)
        && y != h
    {
        warnings.push(Warning::new(
            heading.line,
            format!("the heading says ({h}) but the resolution was adopted in {y}; {y} is used"),
        ));
    }
    let symbol = year.and_then(|y| Symbol::parse(&format!("S/RES/{} ({y})", heading.number)).ok());
    if let (Some(s), Some(f)) = (&symbol, &from_file)
        && s != f
    {
        warnings.push(Warning::new(
            heading.line,
            format!("the heading says {s} but the file name says {f}; the text is taken to be {s}"),
        ));
    }
    if heading.adopted.is_none() {
        errors.push(Warning::new(
            heading.line,
            "no adoption date was found in the heading, so neither the date nor the symbol's year is known",
        ));
    }
    let (Some(symbol), Some(adopted)) = (symbol, heading.adopted) else {
        return Err(Rejected { errors, warnings });
    };
    let meta = Metadata {
        title: council_title(lang, &symbol),
        symbol,
        lang,
        adopted,
        agenda_items: Vec::new(),
        meeting: closing.meeting.or(heading.meeting),
        report: None,
        committee: None,
        issued: heading.issued,
        distribution: heading.distribution.map(str::to_string),
        // Unanimity says everyone voted in favour but not how many were present.
        vote: closing.vote,
        adopted_unanimously: closing.unanimous,
        adopted_by_consensus: closing.consensus,
        adoption_note,
    };
    let body = with_notes(&paragraphs, &body_notes, &missing);
    warnings.sort_by_key(|w| w.line);
    Ok(Imported {
        meta,
        body,
        warnings,
    })
}

/// The body's Markdown followed by the footnote definitions. A note whose mark was not
/// found gets its reference at the end of the text, so that it is still shown.
fn with_notes(paragraphs: &[Paragraph], notes: &[Note], missing: &[u32]) -> String {
    let notes: Vec<&Note> = notes.iter().filter(|n| !n.text.trim().is_empty()).collect();
    let orphans: String = notes
        .iter()
        .filter(|n| missing.contains(&n.label))
        .map(|n| format!("[^{}]", n.label))
        .collect();
    let mut paragraphs = paragraphs.to_vec();
    if let Some(last) = paragraphs
        .iter_mut()
        .rev()
        .find(|p| !matches!(p.role, Role::Heading | Role::Annex))
    {
        last.text.push_str(&orphans);
    }
    let mut out = body::markdown(&paragraphs);
    for note in notes {
        out.push('\n');
        out.push_str(&format!(
            "[^{}]: {}\n",
            note.label,
            body::escape_inline(note.text.trim())
        ));
    }
    out
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
    #[error("no raw texts (.txt files) were found in {0}")]
    NoTexts(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

/// The source files: files as given, and the `.txt` files inside folders (hidden ones
/// skipped), in name order.
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
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_symbols() {
        let s = |n: &str| symbol_from_file_name(n).map(|s| s.to_string());
        assert_eq!(s("A_RES_78_30.en.txt").as_deref(), Some("A/RES/78/30"));
        assert_eq!(
            s("S_RES_0242_1967_EN_GOLD.txt").as_deref(),
            Some("S/RES/242 (1967)")
        );
        assert_eq!(s("notes.txt"), None);
    }

    #[test]
    fn council_titles_in_six_languages() {
        let s = Symbol::parse("S/RES/242 (1967)").unwrap();
        assert_eq!(council_title(Lang::En, &s), "Resolution 242 (1967)");
        assert_eq!(council_title(Lang::Zh, &s), "第 242 (1967) 号决议");
    }
}
