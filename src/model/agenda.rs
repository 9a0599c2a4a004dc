//! The agendas of the General Assembly's sessions: the title of every item and sub-item,
//! and the heading it stands under, as `data/` gives them. An item is written as the front
//! matter writes it: `109`, `97b`, `99ff`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

/// One item or sub-item of one session's agenda.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgendaEntry {
    pub title: String,
    /// The heading's letter (`G`) and title (`Disarmament`), when the agenda groups its
    /// items under headings.
    pub section: Option<String>,
    pub section_title: Option<String>,
    /// The symbol of the agenda document (`A/79/251`), when the data gives it.
    pub document: Option<String>,
    /// The file, relative to the site root, and the line of the entry, for diagnostics.
    pub source: PathBuf,
    pub line: usize,
}

/// What the agenda says of an item as the front matter wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found<'a> {
    /// The item, or the sub-item, as written.
    Exact(&'a AgendaEntry),
    /// A sub-item the agenda does not list, under an item it does: the item's entry.
    ItemOnly(&'a AgendaEntry),
}

impl<'a> Found<'a> {
    pub fn entry(self) -> &'a AgendaEntry {
        match self {
            Found::Exact(e) | Found::ItemOnly(e) => e,
        }
    }
}

/// Every session's agenda, keyed by (session, item number, sub-item letters, empty for
/// the item itself).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Agenda {
    entries: BTreeMap<(u16, u32, String), AgendaEntry>,
    sessions: BTreeSet<u16>,
}

impl Agenda {
    /// Adds an entry; the first of an item wins: false when the item was there already.
    pub fn insert(&mut self, session: u16, item: u32, sub_item: &str, entry: AgendaEntry) -> bool {
        self.sessions.insert(session);
        let key = (session, item, sub_item.to_ascii_lowercase());
        match self.entries.entry(key) {
            std::collections::btree_map::Entry::Vacant(v) => {
                v.insert(entry);
                true
            }
            std::collections::btree_map::Entry::Occupied(_) => false,
        }
    }

    /// Adds every entry of another agenda that this one lacks.
    pub fn merge(&mut self, other: Agenda) {
        for ((s, i, sub), e) in other.entries {
            self.insert(s, i, &sub, e);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the data holds the agenda of a regular session at all.
    pub fn has_session(&self, session: u16) -> bool {
        self.sessions.contains(&session)
    }

    /// The entry of an item as the front matter writes it (`96b`): the sub-item's, else
    /// the item's; `None` when the item is not on the session's agenda, or is not written
    /// as a number and letters.
    pub fn find(&self, session: u16, item: &str) -> Option<Found<'_>> {
        let (number, sub) = split_item(item)?;
        let get = |sub: &str| self.entries.get(&(session, number, sub.to_string()));
        match get(&sub) {
            Some(e) => Some(Found::Exact(e)),
            None if !sub.is_empty() => get("").map(Found::ItemOnly),
            None => None,
        }
    }
}

/// An item as the front matter writes it, split into its number and its sub-item's
/// letters, lower-cased: `97b` → (97, "b"), `109` → (109, ""), `99 (t)` → (99, "t").
pub fn split_item(item: &str) -> Option<(u32, String)> {
    let digits = item.chars().take_while(char::is_ascii_digit).count();
    let number = item[..digits].parse().ok()?;
    let rest: String = item[digits..]
        .chars()
        .filter(|c| !matches!(c, ' ' | '(' | ')'))
        .collect();
    if !rest.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    Some((number, rest.to_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(title: &str, line: usize) -> AgendaEntry {
        AgendaEntry {
            title: title.into(),
            section: Some("G".into()),
            section_title: Some("Disarmament".into()),
            document: Some("A/79/251".into()),
            source: PathBuf::from("data/agenda_items.json"),
            line,
        }
    }

    #[test]
    fn items_split_into_number_and_letters() {
        assert_eq!(split_item("97b"), Some((97, "b".into())));
        assert_eq!(split_item("109"), Some((109, String::new())));
        assert_eq!(split_item("99ff"), Some((99, "ff".into())));
        assert_eq!(split_item("99 (T)"), Some((99, "t".into())));
        assert_eq!(split_item("b97"), None);
        assert_eq!(split_item("97-1"), None);
    }

    #[test]
    fn a_sub_item_missing_from_the_data_falls_back_to_its_item() {
        let mut a = Agenda::default();
        assert!(a.insert(
            79,
            96,
            "",
            entry("Prevention of an arms race in outer space", 10),
        ));
        assert!(a.insert(
            79,
            96,
            "b",
            entry("No first placement of weapons in outer space", 30),
        ));
        assert_eq!(
            a.find(79, "96b").map(|f| f.entry().line),
            Some(30),
            "the sub-item itself"
        );
        assert!(matches!(a.find(79, "96B"), Some(Found::Exact(_))));
        assert!(matches!(a.find(79, "96"), Some(Found::Exact(e)) if e.line == 10));
        assert!(matches!(a.find(79, "96z"), Some(Found::ItemOnly(e)) if e.line == 10));
        assert_eq!(a.find(79, "97"), None);
        assert_eq!(a.find(78, "96b"), None);
        assert!(a.has_session(79) && !a.has_session(78));
    }

    #[test]
    fn the_first_entry_of_an_item_wins() {
        let mut a = Agenda::default();
        assert!(a.insert(73, 117, "i", entry("first", 5)));
        assert!(!a.insert(73, 117, "I", entry("second", 9)));
        assert_eq!(a.find(73, "117i").unwrap().entry().title, "first");
    }
}
