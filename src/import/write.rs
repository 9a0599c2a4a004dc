//! An imported resolution as a resolution file: its place under `content/` and its text,
//! YAML front matter followed by the Markdown body.

use std::fmt::Write;
use std::path::PathBuf;

use super::Metadata;
use crate::content::schema;
use crate::model::{Organ, Vote};

/// The suggested place of a resolution file, relative to the content folder:
/// `ga/78/30.en.md`, `sc/1967/237.en.md`, `ga/3/217A.fr.md`.
pub fn relative_path(meta: &Metadata) -> PathBuf {
    let symbol = &meta.symbol;
    let group = match (symbol.session(), symbol.year()) {
        (Some(session), _) if symbol.organ() != Organ::SecurityCouncil => session.key(),
        (_, Some(year)) => year.to_string(),
        (Some(session), None) => session.key(),
        (None, None) => "other".to_string(),
    };
    let part = symbol.part().map(String::from).unwrap_or_default();
    PathBuf::from(symbol.organ().key())
        .join(group)
        .join(format!("{}{part}.{}.md", symbol.number(), meta.lang.code()))
}

/// A YAML scalar for `text`: plain when YAML would read it back as the same text,
/// double-quoted otherwise (a `: ` inside, a leading character YAML gives a meaning to,
/// or a value YAML would read as a number, date, boolean or null).
pub fn yaml_string(text: &str) -> String {
    let first = text.chars().next();
    let plain = !text.is_empty()
        && text.trim() == text
        && !first.is_some_and(|c| "-?:,[]{}#&*!|>'\"%@`0123456789.+~=".contains(c))
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.ends_with(':')
        && !text.chars().any(char::is_control)
        && !matches!(
            text.to_lowercase().as_str(),
            "yes" | "no" | "true" | "false" | "on" | "off" | "y" | "n" | "null"
        );
    if plain {
        return text.to_string();
    }
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An agenda item: numbers bare (`109`), items with a letter quoted (`"96b"`), as the
/// hand-annotated files write them.
fn agenda_item(item: &str) -> String {
    if item.chars().all(|c| c.is_ascii_digit()) {
        item.to_string()
    } else {
        format!("\"{item}\"")
    }
}

/// The front matter, in the order of the format's fields (`content::schema`).
pub fn front_matter(meta: &Metadata) -> String {
    let mut out = String::from("---\n");
    let mut field = |key: &str, value: String| {
        let _ = writeln!(out, "{key}: {value}");
    };
    field(schema::SYMBOL.key, meta.symbol.to_string());
    field(schema::LANG.key, meta.lang.code().to_string());
    field(schema::TITLE.key, yaml_string(&meta.title));
    field(schema::ADOPTED.key, meta.adopted.to_string());
    if let Some(session) = meta.symbol.session()
        && meta.symbol.organ() != Organ::SecurityCouncil
    {
        // "78", "S-10", "ES-10": YAML reads each back as the session it is.
        field(schema::SESSION.key, session.key());
    }
    if !meta.agenda_items.is_empty() {
        let items: Vec<String> = meta.agenda_items.iter().map(|i| agenda_item(i)).collect();
        field(schema::AGENDA_ITEMS.key, format!("[{}]", items.join(", ")));
    }
    if let Some(m) = meta.meeting {
        field(schema::MEETING.key, m.to_string());
    }
    if let Some(r) = &meta.report {
        field(schema::REPORT.key, yaml_string(r));
    }
    if let Some(c) = &meta.committee {
        field(schema::COMMITTEE.key, yaml_string(c));
    }
    if let Some(d) = meta.issued {
        field(schema::ISSUED.key, d.to_string());
    }
    if let Some(d) = &meta.distribution {
        field(schema::DISTRIBUTION.key, yaml_string(d));
    }
    match &meta.vote {
        Some(Vote::WithoutAVote) => field(schema::VOTE.key, schema::WITHOUT_A_VOTE.to_string()),
        Some(Vote::Recorded {
            in_favour,
            against,
            abstentions,
        }) => field(
            schema::VOTE.key,
            format!("{{in_favour: {in_favour}, against: {against}, abstentions: {abstentions}}}"),
        ),
        None => {}
    }
    if meta.adopted_unanimously {
        field(schema::ADOPTED_UNANIMOUSLY, "true".to_string());
    }
    if meta.adopted_by_consensus {
        field(schema::ADOPTED_BY_CONSENSUS, "true".to_string());
    }
    if let Some(note) = &meta.adoption_note {
        field(schema::ADOPTION_NOTE, yaml_string(note));
    }
    out.push_str("---\n");
    out
}

/// The whole file: front matter, a blank line, the body.
pub fn file_text(meta: &Metadata, body: &str) -> String {
    let mut out = front_matter(meta);
    out.push('\n');
    out.push_str(body.trim_end());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_titles_stay_plain_and_risky_ones_are_quoted() {
        assert_eq!(
            yaml_string("World Duchenne Awareness Day"),
            "World Duchenne Awareness Day"
        );
        assert_eq!(
            yaml_string("打击为犯罪目的使用信息和通信技术行为"),
            "打击为犯罪目的使用信息和通信技术行为"
        );
        assert_eq!(
            yaml_string("Transforming our world: the 2030 Agenda"),
            "\"Transforming our world: the 2030 Agenda\""
        );
        assert_eq!(yaml_string("“Quoted” title"), "“Quoted” title");
        assert_eq!(yaml_string("\"Quoted\" title"), "\"\\\"Quoted\\\" title\"");
        assert_eq!(yaml_string("2030"), "\"2030\"");
        assert_eq!(yaml_string("No"), "\"No\"");
        assert_eq!(yaml_string("[bracket]"), "\"[bracket]\"");
        assert_eq!(yaml_string("a # b"), "\"a # b\"");
    }
}
