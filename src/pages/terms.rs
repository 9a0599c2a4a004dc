//! What pages show of the agenda items and UNBIS subjects of `data/`: an item's number
//! with its title and heading, a subject's label in the page's language with its URI and
//! broader terms. The titles are English only, and a label the thesaurus lacks in a
//! language falls back to English: `lang` names the language of the text when it is not
//! the page's.

use serde::Serialize;

use crate::model::{Concept, Lang, Organ, Session};
use crate::site::Site;

use super::views::agenda_label;

/// An agenda item as a page shows it.
#[derive(Serialize)]
pub struct AgendaItemView {
    /// `96 (b)`.
    pub label: String,
    pub url: Option<String>,
    /// Its title in the session's agenda, in English.
    pub title: Option<String>,
    /// `en` when the page is in another language.
    pub lang: Option<&'static str>,
    /// The heading the agenda lists it under: its letter and title.
    pub section: Option<String>,
    pub section_title: Option<String>,
}

pub fn agenda_item(
    site: &Site,
    page_lang: Lang,
    (organ, session): (Organ, Option<Session>),
    item: &str,
    url: Option<String>,
) -> AgendaItemView {
    let entry = site.agenda_entry(organ, session, item);
    AgendaItemView {
        label: agenda_label(item),
        url,
        title: entry.map(|e| e.title.clone()),
        lang: marked(Lang::En, page_lang),
        section: entry.and_then(|e| e.section.clone()),
        section_title: entry.and_then(|e| e.section_title.clone()),
    }
}

/// A UNBIS concept's label in a page's language.
#[derive(Serialize)]
pub struct TermView {
    pub label: String,
    pub lang: Option<&'static str>,
    pub uri: String,
}

pub fn term(c: &Concept, page_lang: Lang) -> TermView {
    let (label, lang) = c.label_for(page_lang);
    TermView {
        label: label.to_string(),
        lang: marked(lang, page_lang),
        uri: c.uri(),
    }
}

/// A subject as a resolution page lists it: its label, its page, and, when the
/// thesaurus knows it, its URI and broader terms.
#[derive(Serialize)]
pub struct SubjectView {
    pub label: String,
    pub lang: Option<&'static str>,
    pub url: String,
    pub uri: Option<String>,
    pub broader: Vec<TermView>,
}

pub fn subject(site: &Site, page_lang: Lang, name: &str, url: String) -> SubjectView {
    let Some(c) = site.concept(name) else {
        return SubjectView {
            label: name.to_string(),
            lang: None,
            url,
            uri: None,
            broader: Vec::new(),
        };
    };
    let t = term(c, page_lang);
    SubjectView {
        label: t.label,
        lang: t.lang,
        url,
        uri: Some(t.uri),
        broader: site
            .broader_terms(c)
            .into_iter()
            .map(|b| term(b, page_lang))
            .collect(),
    }
}

/// The language to mark a text with: its own, when it is not the page's.
fn marked(text: Lang, page: Lang) -> Option<&'static str> {
    (text != page).then(|| text.code())
}
