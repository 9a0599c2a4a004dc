//! One language version of one resolution, as its editor annotated it.

use std::collections::BTreeMap;
use std::path::PathBuf;

use jiff::civil::Date;

use super::{Lang, Session, Symbol};

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
    /// The session as the editor wrote it (`73`, `XXV`), for display.
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
}
