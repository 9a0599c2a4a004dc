//! Loading `data/`: the data files beside `content/` that the build joins to resolutions
//! by symbol. Votes: the Voeten/unvotes files as published ([`voeten`]) and the plain
//! votes CSV ([`plain`]); the General Assembly's agenda items ([`agenda`]); the UNBIS
//! Thesaurus ([`unbis`]), which [`subjects`] resolves the front matter's subjects with. Each file (a Voeten folder: its pair of files) is one
//! job; every problem becomes a `Diagnostic` at its file and line. docs/content-format.md
//! describes the layout and the formats.

pub mod agenda;
mod json_places;
pub mod plain;
pub mod subjects;
pub mod unbis;
pub mod voeten;

use std::collections::btree_map::Entry;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::diagnostic::Diagnostic;
use crate::model::{
    Agenda, Archive, Ballot, Concept, RecordedVotes, Resolution, Symbol, Thesaurus, Vote, Votes,
    countries,
};

/// What loading `data/` found.
#[derive(Debug, Default)]
pub struct LoadedData {
    pub votes: Votes,
    /// The agenda items of `agenda_items.json`; empty without one.
    pub agenda: Agenda,
    /// The UNBIS Thesaurus, when `data/` holds one.
    pub thesaurus: Option<Thesaurus>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The votes one file (or a Voeten folder) holds, by resolution.
pub type Found = Vec<(Symbol, RecordedVotes)>;

/// A job: one file, or a Voeten folder's two.
enum Source {
    Voeten(voeten::Files),
    Plain(PathBuf),
    Agenda(PathBuf),
    ThesaurusList(PathBuf),
    Topics(PathBuf),
}

/// What one job read.
enum Read {
    Votes(Found),
    Agenda(Agenda),
    ThesaurusList(Vec<unbis::ListLabel>),
    Topics(Vec<Concept>),
}

/// Loads every data file below `data_dir` (none when it does not exist). Paths in
/// diagnostics are shown relative to `site_root`.
pub fn load(site_root: &Path, data_dir: &Path) -> LoadedData {
    let shown = |p: &Path| p.strip_prefix(site_root).unwrap_or(p).to_path_buf();
    let mut diagnostics = Vec::new();
    if !data_dir.is_dir() {
        return LoadedData::default();
    }
    let sources = sources(data_dir, &shown, &mut diagnostics);
    let read: Vec<(Read, Vec<Diagnostic>)> = sources
        .par_iter()
        .map(|source| {
            let mut problems = Problems::default();
            let read = read_source(source, &shown, &mut problems);
            (read, problems.finish())
        })
        .collect();
    let mut loaded = LoadedData::default();
    let (mut list, mut topics) = (None::<Vec<unbis::ListLabel>>, None::<Vec<Concept>>);
    for (found, diags) in read {
        diagnostics.extend(diags);
        match found {
            Read::Votes(found) => add_votes(&mut loaded.votes, found, &mut diagnostics),
            Read::Agenda(a) => {
                loaded.agenda.merge(a);
            }
            Read::ThesaurusList(l) => list.get_or_insert_with(Vec::new).extend(l),
            Read::Topics(t) => topics.get_or_insert_with(Vec::new).extend(t),
        }
    }
    if list.is_some() || topics.is_some() {
        loaded.thesaurus = Some(unbis::thesaurus(
            list.unwrap_or_default(),
            topics.unwrap_or_default(),
        ));
    }
    loaded.diagnostics = diagnostics;
    loaded
}

/// Reads one job's file or files.
fn read_source(source: &Source, shown: &dyn Fn(&Path) -> PathBuf, problems: &mut Problems) -> Read {
    let text = |path: &Path, problems: &mut Problems| match std::fs::read_to_string(path) {
        Ok(t) => Some(t),
        Err(e) => {
            problems.file_error(
                &shown(path),
                format!("cannot read the file: {e}"),
                "check that the file exists, that you may read it, and that it is UTF-8",
            );
            None
        }
    };
    match source {
        Source::Voeten(files) => Read::Votes(voeten::read(files, shown, problems)),
        Source::Plain(path) => Read::Votes(match std::fs::File::open(path) {
            Ok(f) => plain::read(f, &shown(path), problems),
            Err(e) => {
                problems.file_error(
                    &shown(path),
                    format!("cannot read the file: {e}"),
                    "check that the file exists and that you may read it",
                );
                Vec::new()
            }
        }),
        Source::Agenda(path) => Read::Agenda(
            text(path, problems)
                .map(|t| agenda::read(&t, &shown(path), problems))
                .unwrap_or_default(),
        ),
        Source::ThesaurusList(path) => Read::ThesaurusList(
            text(path, problems)
                .map(|t| unbis::read_list(&t, &shown(path), problems))
                .unwrap_or_default(),
        ),
        Source::Topics(path) => Read::Topics(
            text(path, problems)
                .map(|t| unbis::read_topics(&t, &shown(path), problems))
                .unwrap_or_default()
                .into_iter()
                .map(|(c, _)| c)
                .collect(),
        ),
    }
}

/// Adds one file's votes; the votes on a resolution another file has too are skipped.
fn add_votes(votes: &mut Votes, found: Found, diagnostics: &mut Vec<Diagnostic>) {
    for (symbol, v) in found {
        match votes.entry(symbol) {
            Entry::Vacant(e) => {
                e.insert(v);
            }
            Entry::Occupied(e) => diagnostics.push(
                Diagnostic::warning(
                    &v.source,
                    v.line,
                    0,
                    format!(
                        "skipped: the votes on {} are also in {}:{}",
                        e.key(),
                        e.get().source.display(),
                        e.get().line
                    ),
                )
                .with_hint("keep the votes on a resolution in one data file"),
            ),
        }
    }
}

/// The jobs of `data/`, sorted by path. A folder with `roll_calls.csv` is a Voeten
/// folder, whose other files (the dataset's README, totals and issues) are not read.
/// Documentation (`.md`, `.txt`) is passed over; any other file is reported.
fn sources(
    data_dir: &Path,
    shown: &dyn Fn(&Path) -> PathBuf,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<Source> {
    let mut sources = Vec::new();
    let mut voeten_dirs: Vec<PathBuf> = Vec::new();
    let walker = WalkDir::new(data_dir)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker.filter_map(Result::ok) {
        let path = entry.path();
        if entry.file_type().is_dir() {
            if path.join("roll_calls.csv").is_file() {
                let votes = ["votes.csv", "votes.csv.gz"]
                    .map(|n| path.join(n))
                    .into_iter()
                    .find(|p| p.is_file());
                match votes {
                    Some(votes) => sources.push(Source::Voeten(voeten::Files {
                        roll_calls: path.join("roll_calls.csv"),
                        votes,
                    })),
                    None => diagnostics.push(
                        Diagnostic::error(
                            shown(&path.join("roll_calls.csv")),
                            0,
                            0,
                            "the roll calls have no votes beside them",
                        )
                        .with_hint(
                            "put the dataset's votes.csv or votes.csv.gz in the same folder",
                        ),
                    ),
                }
                voeten_dirs.push(path.to_path_buf());
            }
            continue;
        }
        if voeten_dirs
            .iter()
            .any(|d| path.parent() == Some(d.as_path()))
        {
            continue;
        }
        let name = entry.file_name().to_string_lossy();
        let beside_topics = path
            .parent()
            .is_some_and(|d| d.join(unbis::TOPICS_NAME).is_file());
        if name == agenda::FILE_NAME {
            sources.push(Source::Agenda(path.to_path_buf()));
        } else if name == unbis::LIST_NAME {
            sources.push(Source::ThesaurusList(path.to_path_buf()));
        } else if name == unbis::TOPICS_NAME {
            sources.push(Source::Topics(path.to_path_buf()));
        } else if name == unbis::HIERARCHY_NAME && beside_topics {
            continue;
        } else if name.ends_with(".csv") {
            sources.push(Source::Plain(path.to_path_buf()));
        } else if !(name.ends_with(".md") || name.ends_with(".txt")) {
            diagnostics.push(
                Diagnostic::warning(shown(path), 0, 0, "skipped: plenary does not know the format of this data file")
                    .with_hint("data/ takes the Voeten files (roll_calls.csv with votes.csv or votes.csv.gz, in one folder), plain votes CSVs (symbol,country,vote), agenda_items.json, and the UNBIS Thesaurus as unbis_thesaurus.lst or all_topics.json; see docs/content-format.md"),
            );
        }
    }
    sources
}

/// A row's place: its line in the file.
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub line: usize,
}

/// The problems of one file, at most [`Problems::MOST`] of each kind shown: a file of
/// 870,000 bad rows says so in one screen.
#[derive(Debug, Default)]
pub struct Problems {
    shown: Vec<Diagnostic>,
    errors_left_out: usize,
    warnings_left_out: usize,
    place: Option<PathBuf>,
}

impl Problems {
    pub const MOST: usize = 20;

    fn push(&mut self, d: Diagnostic) {
        self.place.get_or_insert_with(|| d.path.clone());
        let same = self
            .shown
            .iter()
            .filter(|x| x.severity == d.severity)
            .count();
        if same < Self::MOST {
            self.shown.push(d);
        } else if d.is_error() {
            self.errors_left_out += 1;
        } else {
            self.warnings_left_out += 1;
        }
    }

    pub fn file_error(&mut self, file: &Path, message: impl Into<String>, hint: &str) {
        self.push(Diagnostic::error(file, 0, 0, message).with_hint(hint));
    }

    pub fn row_error(&mut self, file: &Path, row: Row, message: impl Into<String>, hint: &str) {
        self.push(Diagnostic::error(file, row.line, 0, message).with_hint(hint));
    }

    pub fn row_warning(&mut self, file: &Path, row: Row, message: impl Into<String>, hint: &str) {
        self.push(Diagnostic::warning(file, row.line, 0, message).with_hint(hint));
    }

    /// A file serde_json cannot read: an error at the line and column it stopped at.
    pub fn json_error(&mut self, file: &Path, e: &serde_json::Error, hint: &str) {
        let reason = e.to_string();
        let reason = reason
            .split(" at line ")
            .next()
            .unwrap_or(&reason)
            .to_string();
        self.push(
            Diagnostic::error(
                file,
                e.line(),
                e.column(),
                format!("malformed JSON: {reason}"),
            )
            .with_hint(hint),
        );
    }

    /// Where each named column is in the header, or an error at line 1.
    pub fn columns<R: std::io::Read, const N: usize>(
        &mut self,
        rows: &mut csv::Reader<R>,
        file: &Path,
        names: &[&str; N],
    ) -> Option<[usize; N]> {
        let header = match rows.headers() {
            Ok(h) => h.clone(),
            Err(e) => {
                self.file_error(
                    file,
                    format!("cannot read the header: {}", csv_reason(&e)),
                    "save the file as UTF-8 CSV with a header line",
                );
                return None;
            }
        };
        let at = names.map(|n| header.iter().position(|h| h.trim() == n));
        if let Some(missing) = names.iter().zip(&at).find(|(_, a)| a.is_none()) {
            self.push(
                Diagnostic::error(
                    file,
                    1,
                    0,
                    format!("the header has no column `{}`", missing.0),
                )
                .with_hint(format!(
                    "the first line must name the columns {}",
                    names.join(",")
                )),
            );
            return None;
        }
        Some(at.map(|a| a.unwrap_or_default()))
    }

    /// The next sound row into `record`, and its place; a malformed one is reported and
    /// passed over. `None` at the end, or when the file cannot be read further.
    pub fn next_row<R: std::io::Read>(
        &mut self,
        rows: &mut csv::Reader<R>,
        record: &mut csv::StringRecord,
        file: &Path,
    ) -> Option<Row> {
        loop {
            match rows.read_record(record) {
                Ok(true) => {
                    return Some(Row {
                        line: record.position().map_or(0, |p| p.line() as usize),
                    });
                }
                Ok(false) => return None,
                Err(e) => {
                    let line = e.position().map_or(0, |p| p.line() as usize);
                    let fatal = matches!(e.kind(), csv::ErrorKind::Io(_));
                    self.push(Diagnostic::error(file, line, 0, format!("malformed row: {}", csv_reason(&e))).with_hint("every row needs as many fields as the header, in UTF-8; correct the row, or restore the file as published"));
                    if fatal {
                        return None;
                    }
                }
            }
        }
    }

    /// The diagnostics, with one more for those left out.
    pub fn finish(mut self) -> Vec<Diagnostic> {
        let place = self.place.clone().unwrap_or_default();
        for (n, error) in [
            (self.errors_left_out, true),
            (self.warnings_left_out, false),
        ] {
            if n > 0 {
                let message = format!("and {n} more like these in this file");
                let d = if error {
                    Diagnostic::error(&place, 0, 0, message)
                } else {
                    Diagnostic::warning(&place, 0, 0, message)
                };
                self.shown
                    .push(d.with_hint("correct the rows above, then check again"));
            }
        }
        self.shown
    }
}

/// What went wrong in a CSV row, without the csv crate's own positions (the diagnostic
/// has the line).
fn csv_reason(e: &csv::Error) -> String {
    match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("{len} fields where the header has {expected_len}"),
        csv::ErrorKind::Utf8 { .. } => "not valid UTF-8".to_string(),
        csv::ErrorKind::Io(io) => format!("cannot read the file: {io}"),
        _ => e.to_string(),
    }
}

/// A country code the table knows, or a warning and `None`.
pub fn country_of<'a>(
    code: &'a str,
    file: &Path,
    row: Row,
    problems: &mut Problems,
) -> Option<&'a str> {
    if countries::is_country(code) {
        return Some(code);
    }
    problems.row_warning(file, row, format!("skipped: `{code}` is not a country code plenary knows"), "write the ISO 3166-1 alpha-2 code in capitals, e.g. FR, CN, TR (themes/default/countries.toml lists them)");
    None
}

/// A vote value, or a warning and `None`.
pub fn ballot_of(word: &str, file: &Path, row: Row, problems: &mut Problems) -> Option<Ballot> {
    let found = Ballot::parse(word.trim());
    if found.is_none() {
        problems.row_warning(
            file,
            row,
            format!("skipped: `{word}` is not a vote"),
            "write yes, no, abstain or absent",
        );
    }
    found
}

/// Joins a resolution just read to `data/`: its subjects resolved against the thesaurus,
/// its agenda items checked against its session's agenda. Returns the warnings.
pub fn join(r: &mut Resolution, agenda: &Agenda, thesaurus: Option<&Thesaurus>) -> Vec<Diagnostic> {
    let mut out = subjects::resolve(r, thesaurus);
    out.extend(agenda::check(r, agenda));
    out
}

/// A vote in `data/` whose totals differ from a version's `vote:`: a warning naming both.
/// The front matter wins on the page.
pub fn disagreements(archive: &Archive, votes: &Votes) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for r in archive.resolutions() {
        let Some(data) = votes.get(&r.symbol) else {
            continue;
        };
        let (yes, no, abstain) = data.totals();
        let front = match r.vote {
            Some(Vote::Recorded {
                in_favour,
                against,
                abstentions,
            }) if (in_favour, against, abstentions) != (yes, no, abstain) => {
                format!("{in_favour} in favour, {against} against, {abstentions} abstentions")
            }
            Some(Vote::WithoutAVote) => "adopted without a vote".to_string(),
            _ => continue,
        };
        out.push(
            Diagnostic::warning(&r.source, r.symbol_line, 0, format!("the front matter says {front}, but {}:{} records {yes} in favour, {no} against, {abstain} abstentions", data.source.display(), data.line))
                .with_hint("correct `vote:` if the data is right; the page shows the front matter's totals"),
        );
    }
    out
}
