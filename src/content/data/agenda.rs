//! `agenda_items.json`, the General Assembly's agenda items as the un-agenda-items dataset
//! publishes them: a JSON array of `{session, symbol, year, section, section_title,
//! item_number, sub_item, title}`. A malformed file is an error at its line; an entry
//! without a session, an item number or a title is a warning at its line, passed over.
//! When an item is listed twice (the published file repeats 114, most from scans of old
//! agendas), the first wins.

use std::path::Path;

use serde::Deserialize;

use super::Problems;
use super::Row;
use super::json_places::object_lines;
use crate::diagnostic::Diagnostic;
use crate::model::agenda::{AgendaEntry, Found};
use crate::model::{Agenda, Organ, Resolution, Session};

/// The name the file is recognised by, anywhere in `data/`.
pub const FILE_NAME: &str = "agenda_items.json";

#[derive(Deserialize)]
struct Entry {
    #[serde(default)]
    session: Option<u16>,
    #[serde(default)]
    item_number: Option<u32>,
    #[serde(default)]
    sub_item: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    section: Option<String>,
    #[serde(default)]
    section_title: Option<String>,
    #[serde(default)]
    symbol: Option<String>,
}

pub fn read(text: &str, shown: &Path, problems: &mut Problems) -> Agenda {
    let entries: Vec<Entry> = match serde_json::from_str(text) {
        Ok(e) => e,
        Err(e) => {
            problems.json_error(shown, &e, "restore the file as the un-agenda-items dataset publishes it: a JSON array of {session, item_number, sub_item, title, …}");
            return Agenda::default();
        }
    };
    let lines = object_lines(text, 1);
    let mut agenda = Agenda::default();
    for (i, e) in entries.into_iter().enumerate() {
        let row = Row {
            line: lines.get(i).copied().unwrap_or(0),
        };
        let title = e.title.as_deref().map(str::trim).unwrap_or("");
        let (Some(session), Some(item), false) = (e.session, e.item_number, title.is_empty())
        else {
            problems.row_warning(
                shown,
                row,
                "skipped: an agenda entry needs a session, an item_number and a title",
                "give the entry all three fields, or remove it",
            );
            continue;
        };
        let entry = AgendaEntry {
            title: title.to_string(),
            section: e
                .section
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            section_title: e
                .section_title
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            document: e
                .symbol
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
            source: shown.to_path_buf(),
            line: row.line,
        };
        let sub = e.sub_item.as_deref().unwrap_or("").trim();
        if !sub.chars().all(|c| c.is_ascii_alphabetic()) {
            problems.row_warning(shown, row, format!("skipped: `{sub}` is not a sub-item"), "a sub_item is the letters of the item: \"a\", \"b\", … \"aa\"; or null for the item itself");
            continue;
        }
        agenda.insert(session, item, sub, entry);
    }
    agenda
}

/// The warnings for the agenda items of a General Assembly resolution that the agenda of
/// its session, when `data/` holds it, does not list: an item missing, or a sub-item
/// missing under an item it lists (whose title the page then shows).
pub fn check(r: &Resolution, agenda: &Agenda) -> Vec<Diagnostic> {
    let Some(session) = regular_session(r) else {
        return Vec::new();
    };
    if !agenda.has_session(session) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for item in &r.agenda_items {
        let (message, hint) = match agenda.find(session, item) {
            Some(Found::Exact(_)) => continue,
            Some(Found::ItemOnly(e)) => (
                format!(
                    "the agenda of session {session} lists item {} but not the sub-item `{item}`; the page shows the item's title",
                    item.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                ),
                format!(
                    "check the sub-item's letters against the agenda ({}:{})",
                    e.source.display(),
                    e.line
                ),
            ),
            None => (
                format!("agenda item `{item}` is not on the agenda of session {session}"),
                format!(
                    "check the item's number against the session's agenda (document A/{session}/251); the page shows the number without a title"
                ),
            ),
        };
        out.push(Diagnostic::warning(&r.source, r.agenda_line, 0, message).with_hint(hint));
    }
    out
}

/// The regular General Assembly session of a resolution, the only agendas the data has.
pub fn regular_session(r: &Resolution) -> Option<u16> {
    match (r.symbol.organ(), r.session?) {
        (Organ::GeneralAssembly, Session::Regular(n)) => Some(n),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real entries of data/agenda_items.json (un-agenda-items), session 79, as published.
    const REAL: &str = r#"[
  {
    "session": 79,
    "symbol": "A/79/251",
    "year": 2024,
    "section": "G",
    "section_title": "Disarmament",
    "item_number": 96,
    "sub_item": null,
    "title": "Prevention of an arms race in outer space"
  },
  {
    "session": 79,
    "symbol": "A/79/251",
    "year": 2024,
    "section": "G",
    "section_title": "Disarmament",
    "item_number": 96,
    "sub_item": "b",
    "title": "No first placement of weapons in outer space"
  },
  {
    "session": 73,
    "symbol": "A/73/251",
    "year": 2018,
    "section": "H",
    "section_title": "Drug control, crime prevention and combating international terrorism in all its forms and manifestations",
    "item_number": 109,
    "sub_item": null,
    "title": "Crime prevention and criminal justice"
  }
]"#;

    fn read_text(text: &str) -> (Agenda, Vec<crate::diagnostic::Diagnostic>) {
        let mut problems = Problems::default();
        let a = read(
            text,
            Path::new("data/agenda/agenda_items.json"),
            &mut problems,
        );
        (a, problems.finish())
    }

    #[test]
    fn real_entries_join_on_session_item_and_sub_item() {
        let (a, d) = read_text(REAL);
        assert!(d.is_empty(), "{d:?}");
        let b = a.find(79, "96b").unwrap().entry();
        assert_eq!(b.title, "No first placement of weapons in outer space");
        assert_eq!((b.section.as_deref(), b.line), (Some("G"), 12));
        assert_eq!(
            a.find(79, "96").unwrap().entry().title,
            "Prevention of an arms race in outer space"
        );
        let crime = a.find(73, "109").unwrap().entry();
        assert_eq!(crime.title, "Crime prevention and criminal justice");
        assert_eq!(crime.line, 22);
        assert!(a.find(78, "96").is_none());
    }

    #[test]
    fn malformed_json_stops_at_its_line() {
        let broken = REAL.replacen("\"year\": 2024,\n    \"section\": \"G\",\n    \"section_title\": \"Disarmament\",\n    \"item_number\": 96,\n    \"sub_item\": \"b\"", "\"year\": 2024,\n    \"section\": \"G\",\n    \"section_title\": \"Disarmament\",\n    \"item_number\": 96\n    \"sub_item\": \"b\"", 1);
        let (a, d) = read_text(&broken);
        assert!(a.is_empty());
        assert_eq!(d.len(), 1);
        assert!(d[0].is_error());
        // The comma is missing at the end of line 18; the parser stops at the next key.
        assert_eq!((d[0].line, d[0].column), (19, 5), "{:?}", d[0]);
        assert!(
            d[0].hint
                .as_deref()
                .unwrap_or("")
                .contains("un-agenda-items")
        );
    }

    #[test]
    fn an_entry_without_its_title_is_passed_over_at_its_line() {
        let text = REAL.replace(
            "\"title\": \"Crime prevention and criminal justice\"",
            "\"title\": \"  \"",
        );
        let (a, d) = read_text(&text);
        assert_eq!(d.len(), 1);
        assert!(!d[0].is_error());
        assert_eq!(d[0].line, 22);
        assert!(a.find(73, "109").is_none());
        assert!(a.find(79, "96b").is_some());
        let no_session = REAL.replacen("\"session\": 79,\n", "", 1);
        let (_, d) = read_text(&no_session);
        assert_eq!(d.iter().map(|d| d.line).collect::<Vec<_>>(), [2]);
    }

    #[test]
    fn items_the_agenda_lacks_are_warned_of_at_the_field() {
        let (a, _) = read_text(REAL);
        let text = "---\nsymbol: A/RES/79/20\nlang: en\ntitle: T\nadopted: 2024-12-02\nagenda_items: [96b, 96z, 97]\n---\n";
        let (r, _) = crate::content::front_matter::parse(Path::new("content/ga/79/20.en.md"), text);
        let d = check(&r.unwrap(), &a);
        let got: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            got,
            [
                (
                    6,
                    "the agenda of session 79 lists item 96 but not the sub-item `96z`; the page shows the item's title"
                ),
                (6, "agenda item `97` is not on the agenda of session 79"),
            ]
        );
        assert!(
            d[0].hint
                .as_deref()
                .unwrap()
                .contains("data/agenda/agenda_items.json:2")
        );
        // Session 78 is not in this excerpt: nothing to check against.
        let text = text.replace("79/20", "78/21");
        let (r, _) =
            crate::content::front_matter::parse(Path::new("content/ga/78/21.en.md"), &text);
        assert!(check(&r.unwrap(), &a).is_empty());
    }
}
