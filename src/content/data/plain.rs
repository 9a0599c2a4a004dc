//! The plain votes CSV, for any source other than the Voeten dataset: a header
//! `symbol,country,vote`, then one row per Member State and resolution, `vote` one of
//! yes, no, abstain, absent.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use super::{Found, Problems, ballot_of, country_of};
use crate::model::{RecordedVotes, Symbol};

pub const COLUMNS: [&str; 3] = ["symbol", "country", "vote"];

pub fn read(input: impl Read, shown: &Path, problems: &mut Problems) -> Found {
    let mut rows = csv::ReaderBuilder::new().from_reader(input);
    let Some([symbol_at, country_at, vote_at]) = problems.columns(&mut rows, shown, &COLUMNS)
    else {
        return Vec::new();
    };
    let mut by_symbol: BTreeMap<Symbol, RecordedVotes> = BTreeMap::new();
    let mut record = csv::StringRecord::new();
    while let Some(row) = problems.next_row(&mut rows, &mut record, shown) {
        let field = |i: usize| record.get(i).unwrap_or("").trim();
        let symbol = match Symbol::parse(field(symbol_at)) {
            Ok(s) => s,
            Err(e) => {
                problems.row_error(shown, row, e.to_string(), crate::model::SymbolError::HINT);
                continue;
            }
        };
        let (Some(country), Some(ballot)) = (
            country_of(field(country_at), shown, row, problems),
            ballot_of(field(vote_at), shown, row, problems),
        ) else {
            continue;
        };
        let votes = by_symbol.entry(symbol).or_insert_with(|| RecordedVotes {
            ballots: Vec::new(),
            source: shown.to_path_buf(),
            line: row.line,
            date: None,
            title: None,
        });
        if votes.ballots.iter().any(|(c, _)| c == country) {
            problems.row_warning(
                shown,
                row,
                format!(
                    "skipped: {} has a vote of {country} on an earlier line",
                    field(symbol_at)
                ),
                "keep one row per country and resolution",
            );
            continue;
        }
        votes.ballots.push((country.to_string(), ballot));
    }
    by_symbol
        .into_iter()
        .map(|(s, mut v)| {
            v.ballots.sort();
            (s, v)
        })
        .collect()
}
