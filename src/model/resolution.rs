//! One language version of one resolution, as its editor annotated it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;

use super::{Lang, Organ, Session, Symbol};

/// The committee entry of the General Assembly's resolutions adopted in plenary on a draft
/// of its own (`A/78/L.1`), which no Main Committee reported on: the words of the UN's
/// headers ("[without reference to a Main Committee (A/78/L.1)]"), and the label of their
/// entry in the index of committees.
pub const WITHOUT_REFERENCE: &str = "Without reference to a Main Committee";

/// How a resolution was adopted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Vote {
    WithoutAVote,
    Recorded {
        in_favour: u32,
        against: u32,
        abstentions: u32,
    },
}

/// A language version of a resolution: metadata from the front matter and the Markdown body.
#[derive(Debug, Clone)]
pub struct Resolution {
    pub symbol: Symbol,
    pub lang: Lang,
    pub title: String,
    pub adopted: Date,
    /// The session as the editor wrote it (`73`, `XXV`). Pages name the session by
    /// `Strings::session_name`, from `session`, never by this.
    pub session_label: Option<String>,
    /// The session, from the front matter or else from the symbol.
    pub session: Option<Session>,
    pub agenda_items: Vec<String>,
    pub meeting: Option<u32>,
    pub report: Option<String>,
    pub committee: Option<String>,
    pub issued: Option<Date>,
    pub distribution: Option<String>,
    pub vote: Option<Vote>,
    pub subjects: Vec<String>,
    pub draft: bool,
    /// Front-matter keys this version of plenary does not know, handed to templates.
    pub extra: BTreeMap<String, serde_yaml::Value>,
    /// The Markdown body, after the front matter.
    pub body: String,
    /// Where the file is, relative to the site root, for diagnostics.
    pub source: PathBuf,
    /// The line of the file where the body starts.
    pub body_line: usize,
    /// The line of the `symbol:` field, where a duplicate is reported.
    pub symbol_line: usize,
    /// The lines of the `subjects:` and `agenda_items:` fields, where what `data/` says
    /// of them is reported.
    pub subjects_line: usize,
    pub agenda_line: usize,
}

impl Resolution {
    pub fn year(&self) -> i16 {
        self.adopted.year()
    }

    /// Whether the General Assembly adopted this resolution in plenary without reference
    /// to a Main Committee: it names no committee, and the document it was adopted on is a
    /// plenary draft (`A/78/L.1`, `A/79/L.9/Rev.1`, `A/ES-10/L.30`), as the importer
    /// records "[without reference to a Main Committee (A/78/L.1)]".
    pub fn without_reference(&self) -> bool {
        self.symbol.organ() == Organ::GeneralAssembly
            && self.committee.is_none()
            && self.report.as_deref().is_some_and(is_plenary_draft)
    }

    /// The committee's entry this resolution is listed under: its committee, or
    /// [`WITHOUT_REFERENCE`].
    pub fn committee_entry(&self) -> Option<&str> {
        match &self.committee {
            Some(c) => Some(c),
            None => self.without_reference().then_some(WITHOUT_REFERENCE),
        }
    }
}

/// A General Assembly plenary draft: `A/`, a session (`78`, `S-27`, `ES-10`), `/L.` and a
/// number, with any revision or addendum after it.
fn is_plenary_draft(symbol: &str) -> bool {
    let Some(rest) = symbol.trim().strip_prefix("A/") else {
        return false;
    };
    let Some((session, rest)) = rest.split_once("/L.") else {
        return false;
    };
    let session = session
        .strip_prefix("ES-")
        .or_else(|| session.strip_prefix("S-"))
        .unwrap_or(session);
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    let number = rest.split('/').next().unwrap_or_default();
    digits(session) && digits(number)
}

#[cfg(test)]
mod tests {
    use super::is_plenary_draft;

    /// Drafts as the headers of sessions 78 and 79 name them, and reports that are not.
    #[test]
    fn plenary_drafts_are_told_from_committee_reports() {
        for draft in ["A/78/L.1", "A/79/L.9/Rev.1", "A/ES-10/L.30", "A/S-27/L.2"] {
            assert!(is_plenary_draft(draft), "{draft}");
        }
        for other in [
            "A/78/401",
            "A/777",
            "A/73/590",
            "A/78/L.",
            "S/2023/L.1",
            "A/L.5",
        ] {
            assert!(!is_plenary_draft(other), "{other}");
        }
    }
}
