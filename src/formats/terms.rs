//! What open data says of a resolution's agenda items and subjects, from `data/`: each
//! item with its title, heading and agenda document; each subject with its UNBIS URI, its
//! label in the version's language and its broader terms. `docs/open-data.md` documents
//! the fields.

use serde::Serialize;

use crate::model::{Concept, Resolution};
use crate::site::Site;

/// An agenda item as the front matter writes it, and what the session's agenda says of it.
#[derive(Serialize)]
pub struct AgendaItemData<'a> {
    pub item: &'a str,
    pub title: Option<&'a str>,
    pub section: Option<&'a str>,
    pub section_title: Option<&'a str>,
    /// The agenda document: `A/79/251`.
    pub document: Option<&'a str>,
}

pub fn agenda<'a>(site: &'a Site, r: &'a Resolution) -> Vec<AgendaItemData<'a>> {
    r.agenda_items
        .iter()
        .map(|item| {
            let e = site.agenda_entry(r.symbol.organ(), r.session, item);
            AgendaItemData {
                item,
                title: e.map(|e| e.title.as_str()),
                section: e.and_then(|e| e.section.as_deref()),
                section_title: e.and_then(|e| e.section_title.as_deref()),
                document: e.and_then(|e| e.document.as_deref()),
            }
        })
        .collect()
}

/// A concept of the UNBIS Thesaurus: its URI and its label in a language (else English).
#[derive(Serialize)]
pub struct TermData<'a> {
    pub uri: String,
    pub label: &'a str,
    pub lang: &'static str,
}

fn term<'a>(c: &'a Concept, r: &Resolution) -> TermData<'a> {
    let (label, lang) = c.label_for(r.lang);
    TermData {
        uri: c.uri(),
        label,
        lang: lang.code(),
    }
}

/// A subject: its name (the concept's English preferred label, or the text as written
/// when UNBIS does not know it) and, when the thesaurus knows it, its concept.
#[derive(Serialize)]
pub struct SubjectData<'a> {
    pub name: &'a str,
    pub uri: Option<String>,
    pub label: Option<&'a str>,
    pub lang: Option<&'static str>,
    pub broader: Vec<TermData<'a>>,
}

pub fn subjects<'a>(site: &'a Site, r: &'a Resolution) -> Vec<SubjectData<'a>> {
    r.subjects
        .iter()
        .map(|name| match site.concept(name) {
            None => SubjectData {
                name,
                uri: None,
                label: None,
                lang: None,
                broader: Vec::new(),
            },
            Some(c) => {
                let t = term(c, r);
                SubjectData {
                    name,
                    uri: Some(t.uri),
                    label: Some(t.label),
                    lang: Some(t.lang),
                    broader: site
                        .broader_terms(c)
                        .into_iter()
                        .map(|b| term(b, r))
                        .collect(),
                }
            }
        })
        .collect()
}

/// A subject in the JSON-LD of a page: a schema.org `DefinedTerm` of the thesaurus.
#[derive(Serialize)]
pub struct DefinedTerm<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: String,
    name: &'a str,
    #[serde(rename = "inDefinedTermSet")]
    set: &'static str,
}

pub fn defined_terms<'a>(site: &'a Site, r: &'a Resolution) -> Vec<DefinedTerm<'a>> {
    r.subjects
        .iter()
        .filter_map(|name| site.concept(name))
        .map(|c| DefinedTerm {
            kind: "DefinedTerm",
            id: c.uri(),
            name: c.label_for(r.lang).0,
            set: "http://metadata.un.org/thesaurus",
        })
        .collect()
}

/// An agenda item in the JSON-LD of a page: the part of the session's agenda the
/// resolution was adopted under.
#[derive(Serialize)]
pub struct AgendaPart<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "inLanguage")]
    lang: &'static str,
    #[serde(rename = "isPartOf", skip_serializing_if = "Option::is_none")]
    document: Option<&'a str>,
}

pub fn agenda_parts<'a>(site: &'a Site, r: &'a Resolution) -> Vec<AgendaPart<'a>> {
    r.agenda_items
        .iter()
        .filter_map(|item| site.agenda_entry(r.symbol.organ(), r.session, item))
        .map(|e| AgendaPart {
            kind: "CreativeWork",
            name: &e.title,
            lang: "en",
            document: e.document.as_deref(),
        })
        .collect()
}
