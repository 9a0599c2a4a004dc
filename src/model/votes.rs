//! How each Member State voted on a resolution, from the data files of `data/`.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;

use super::Symbol;

/// One Member State's vote in a recorded vote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ballot {
    Yes,
    No,
    Abstain,
    /// Present in the data as a member that did not vote.
    Absent,
}

impl Ballot {
    pub const ALL: [Ballot; 4] = [Ballot::Yes, Ballot::No, Ballot::Abstain, Ballot::Absent];

    /// The word the data files write, and the key templates and open data use.
    pub fn key(self) -> &'static str {
        match self {
            Ballot::Yes => "yes",
            Ballot::No => "no",
            Ballot::Abstain => "abstain",
            Ballot::Absent => "absent",
        }
    }

    pub fn parse(word: &str) -> Option<Ballot> {
        Ballot::ALL.into_iter().find(|b| b.key() == word)
    }
}

/// The votes of every Member State the data names on one resolution, sorted by country
/// code, with the place in `data/` they were read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordedVotes {
    pub ballots: Vec<(String, Ballot)>,
    /// The file, relative to the site root, and the line of the vote (its roll call, or
    /// its first row), for diagnostics.
    pub source: PathBuf,
    pub line: usize,
    /// The day of the vote and the title of what was voted on, where the data gives them
    /// (the Voeten roll calls' `date` and `descr`), for resolutions the archive lacks.
    pub date: Option<Date>,
    pub title: Option<String>,
}

impl RecordedVotes {
    /// In favour, against, abstentions, as the front matter's `vote:` counts them.
    pub fn totals(&self) -> (u32, u32, u32) {
        let count = |b: Ballot| self.ballots.iter().filter(|(_, x)| *x == b).count() as u32;
        (
            count(Ballot::Yes),
            count(Ballot::No),
            count(Ballot::Abstain),
        )
    }
}

/// Every recorded vote of `data/`, by the symbol of the resolution voted on.
pub type Votes = BTreeMap<Symbol, RecordedVotes>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn totals_leave_absent_members_out() {
        let v = RecordedVotes {
            ballots: vec![
                ("AD".into(), Ballot::Yes),
                ("AE".into(), Ballot::Abstain),
                ("AF".into(), Ballot::Absent),
                ("AG".into(), Ballot::No),
                ("AL".into(), Ballot::Yes),
            ],
            source: PathBuf::from("data/votes.csv"),
            line: 2,
            date: None,
            title: None,
        };
        assert_eq!(v.totals(), (2, 1, 1));
    }

    #[test]
    fn ballots_read_only_the_four_words() {
        assert_eq!(Ballot::parse("abstain"), Some(Ballot::Abstain));
        assert_eq!(Ballot::parse("Yes"), None);
        assert_eq!(Ballot::parse("abstention"), None);
    }
}
