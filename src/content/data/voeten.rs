//! The Voeten/unvotes files exactly as published: `roll_calls.csv` (one row per recorded
//! vote) and `votes.csv` or `votes.csv.gz` (one row per country and vote), in one folder.
//!
//! Only the vote on a resolution as a whole counts (`amend` and `para` not 1), and only
//! from session [`FIRST_JOINED_SESSION`] on: before it `unres` numbers the votes or, in
//! sessions 21 to 30, names the resolution but with letters that number the votes on it
//! (docs/content-format.md gives the measures).

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::{Found, Problems, ballot_of, country_of};
use crate::model::{RecordedVotes, Symbol, to_roman};

/// The first session whose `unres` names the resolution and whose whole-resolution votes
/// are told apart from the others.
pub const FIRST_JOINED_SESSION: u32 = 31;

/// Where a Voeten folder's files are.
pub struct Files {
    pub roll_calls: PathBuf,
    pub votes: PathBuf,
}

/// A roll call joined to a resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollCall {
    pub symbol: Symbol,
    pub session: u32,
    /// Its line in `roll_calls.csv`.
    pub line: usize,
    /// Its `date`, and the title its `short` or `descr` gives (before " : resolution …").
    pub date: Option<jiff::civil::Date>,
    pub title: Option<String>,
}

/// The roll calls joined, by `rcid`.
type Joined = HashMap<u32, RollCall>;

/// The first session of Serbia, which the dataset goes on calling Yugoslavia (YU): it
/// began three months after Serbia and Montenegro parted, in June 2006.
const FIRST_SESSION_OF_SERBIA: u32 = 61;

/// Reads a folder's two files into the votes on each resolution as a whole.
pub fn read(files: &Files, shown: &dyn Fn(&Path) -> PathBuf, problems: &mut Problems) -> Found {
    let roll_calls_shown = shown(&files.roll_calls);
    let joined = match std::fs::File::open(&files.roll_calls) {
        Ok(f) => roll_calls(f, &roll_calls_shown, problems),
        Err(e) => {
            problems.file_error(
                &roll_calls_shown,
                format!("cannot read the file: {e}"),
                "check that the file exists and that you may read it",
            );
            return Vec::new();
        }
    };
    let votes_shown = shown(&files.votes);
    let reader: Box<dyn Read> = match std::fs::File::open(&files.votes) {
        Ok(f) if files.votes.extension().is_some_and(|x| x == "gz") => {
            Box::new(flate2::read::GzDecoder::new(std::io::BufReader::new(f)))
        }
        Ok(f) => Box::new(f),
        Err(e) => {
            problems.file_error(
                &votes_shown,
                format!("cannot read the file: {e}"),
                "check that the file exists and that you may read it",
            );
            return Vec::new();
        }
    };
    votes(reader, &joined, (&votes_shown, &roll_calls_shown), problems)
}

/// The roll calls on a resolution as a whole, from the first joined session on. Where
/// several name the same resolution, the first (lowest `rcid`) is the vote on it: the
/// later ones, added to the dataset from `rcid` 5695 on, are votes on motions about it.
pub fn roll_calls(input: impl Read, shown: &Path, problems: &mut Problems) -> Joined {
    let mut rows = csv::ReaderBuilder::new().from_reader(input);
    let Some(columns) = problems.columns(
        &mut rows,
        shown,
        &["rcid", "session", "unres", "amend", "para"],
    ) else {
        return Joined::new();
    };
    let [date_at, short_at, descr_at] = ["date", "short", "descr"]
        .map(|name| rows.headers().ok()?.iter().position(|h| h.trim() == name));
    let mut joined = Joined::new();
    let mut first: HashMap<Symbol, u32> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(row) = problems.next_row(&mut rows, &mut record, shown) {
        let [rcid, session, unres, amend, para] =
            columns.map(|c| record.get(c).unwrap_or("").trim());
        let (Ok(rcid), Ok(session)) = (rcid.parse::<u32>(), session.parse::<u32>()) else {
            problems.row_error(
                shown,
                row,
                "`rcid` and `session` must be whole numbers",
                "correct the row, or restore the file as published",
            );
            continue;
        };
        if session < FIRST_JOINED_SESSION
            || unres.is_empty()
            || amend == "1"
            || para == "1"
            || is_section_vote(unres)
        {
            continue;
        }
        let Some(symbol) = symbol_of(unres, session) else {
            problems.row_warning(
                shown,
                row,
                format!("skipped: `{unres}` is not a resolution symbol"),
                "write it as R/73/187 or A/RES/73/187",
            );
            continue;
        };
        match first.get(&symbol) {
            Some(&earlier) if earlier < rcid => continue,
            Some(&later) => {
                joined.remove(&later);
            }
            None => {}
        }
        first.insert(symbol.clone(), rcid);
        let field = |at: Option<usize>| at.and_then(|a| record.get(a)).unwrap_or("").trim();
        let date = match field(date_at) {
            "" => None,
            text => text.parse::<jiff::civil::Date>().ok().or_else(|| {
                problems.row_warning(
                    shown,
                    row,
                    format!("the date `{text}` is not a day written YYYY-MM-DD"),
                    "correct the row, or restore the file as published",
                );
                None
            }),
        };
        joined.insert(
            rcid,
            RollCall {
                symbol,
                session,
                line: row.line,
                date,
                title: title_of(field(short_at)).or_else(|| title_of(field(descr_at))),
            },
        );
    }
    joined
}

/// The votes of the joined roll calls, by resolution. `files`: the votes file and the
/// roll calls, as diagnostics show them; each resolution's votes point at its roll call.
pub fn votes(
    input: impl Read,
    joined: &Joined,
    (shown, roll_calls): (&Path, &Path),
    problems: &mut Problems,
) -> Found {
    let mut rows = csv::ReaderBuilder::new().from_reader(std::io::BufReader::new(input));
    let Some([rcid_at, name_at, code_at, vote_at]) = problems.columns(
        &mut rows,
        shown,
        &["rcid", "country", "country_code", "vote"],
    ) else {
        return Vec::new();
    };
    let mut by_rcid: HashMap<u32, Vec<(String, crate::model::Ballot)>> = HashMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(row) = problems.next_row(&mut rows, &mut record, shown) {
        let Ok(rcid) = record.get(rcid_at).unwrap_or("").parse::<u32>() else {
            problems.row_error(
                shown,
                row,
                "`rcid` must be a whole number",
                "correct the row, or restore the file as published",
            );
            continue;
        };
        let Some(roll_call) = joined.get(&rcid) else {
            continue;
        };
        let code = match record.get(code_at).unwrap_or("").trim() {
            "" => former_member(record.get(name_at).unwrap_or("").trim()).unwrap_or(""),
            "YU" if roll_call.session >= FIRST_SESSION_OF_SERBIA => "RS",
            code => code,
        };
        let (Some(country), Some(ballot)) = (
            country_of(code, shown, row, problems),
            ballot_of(record.get(vote_at).unwrap_or(""), shown, row, problems),
        ) else {
            continue;
        };
        by_rcid
            .entry(rcid)
            .or_default()
            .push((country.to_string(), ballot));
    }
    let mut out: Vec<(Symbol, RecordedVotes)> = by_rcid
        .into_iter()
        .map(|(rcid, mut ballots)| {
            let RollCall {
                symbol,
                line,
                date,
                title,
                ..
            } = joined[&rcid].clone();
            ballots.sort();
            ballots.dedup_by(|a, b| a.0 == b.0);
            (
                symbol,
                RecordedVotes {
                    ballots,
                    source: roll_calls.to_path_buf(),
                    line,
                    date,
                    title,
                },
            )
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// The title in a roll call's `short` or, where it is empty, `descr`: "No first placement
/// of weapons in outer space : resolution / adopted by the General Assembly" names the
/// resolution before " : ". (From session 71 on `descr` holds the agenda item.)
fn title_of(descr: &str) -> Option<String> {
    let title = descr.split_once(" : ").map_or(descr, |(t, _)| t).trim();
    (!title.is_empty()).then(|| title.to_string())
}

/// The dataset leaves `country_code` empty for two former members whose ISO code is that
/// of the State that continues them.
fn former_member(name: &str) -> Option<&'static str> {
    match name {
        "Federal Republic of Germany" => Some("DE"),
        "Yemen Arab Republic" => Some("YE"),
        _ => None,
    }
}

/// `R/36/235/IV`: a vote on section IV of a resolution (of the budget, mostly), not on the
/// whole. A single letter after the number's slash is a part (`R/42/209/A`).
fn is_section_vote(unres: &str) -> bool {
    unres.matches('/').count() == 3
        && unres.rsplit_once('/').is_some_and(|(_, section)| {
            !section.is_empty() && section.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'))
        })
}

/// A symbol as the dataset spells it: `R/29/3281` is A/RES/3281 (XXIX), `R/29/3255A`
/// A/RES/3255 A (XXIX), `R/42/209/A` A/RES/42/209 A, `R/73/187` A/RES/73/187, and
/// `A/RES/74/38` what it says. Up to
/// session 30 resolutions were numbered across sessions, with the session in Roman
/// numerals after the number.
pub fn symbol_of(unres: &str, session: u32) -> Option<Symbol> {
    let rest = unres
        .strip_prefix("A/RES/")
        .or_else(|| unres.strip_prefix("R/"))?;
    let (in_session, number) = rest.split_once('/')?;
    // `R/42/209/A`: part A, written after a slash.
    let number = number.replacen('/', "", 1);
    let number = number.as_str();
    let part_at = number
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(number.len());
    let (digits, part) = number.split_at(part_at);
    let part = if part.is_empty() {
        String::new()
    } else {
        format!(" {part}")
    };
    let text = match in_session.parse::<u32>() {
        Ok(n) if n <= 30 && n == session => {
            format!("A/RES/{digits}{part} ({})", to_roman(n as u16))
        }
        _ => format!("A/RES/{in_session}/{digits}{part}"),
    };
    Symbol::parse(&text).ok()
}

#[cfg(test)]
mod tests;
