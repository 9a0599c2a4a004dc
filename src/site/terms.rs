//! What `data/` says of a resolution's agenda items and subjects: the agenda entry of an
//! item, the UNBIS concept of a subject. Pages and open data ask here.

use super::Site;
use crate::model::agenda::{AgendaEntry, split_item};
use crate::model::{Agenda, Concept, Group, Organ, Session};

/// Puts the agenda items of each session under their headings, in the order of the
/// headings' letters (the items the agenda lists under none first), and each heading's
/// items in the agenda's order: 98 (z) before 98 (aa).
pub fn by_heading(items: &mut [Group], agenda: &Agenda) {
    items.sort_by_cached_key(|g| {
        let section = match (g.organ, g.session) {
            (Some(Organ::GeneralAssembly), Some(Session::Regular(n))) => agenda
                .find(n, &g.label)
                .and_then(|f| f.entry().section.clone()),
            _ => None,
        };
        let place = split_item(&g.label).map(|(n, sub)| (n, sub.len(), sub));
        (std::cmp::Reverse((g.organ, g.session)), section, place)
    });
}

impl Site {
    /// The agenda entry of an item of a General Assembly session, as the front matter
    /// writes the item (`96b`): the sub-item's, else its item's.
    pub fn agenda_entry(
        &self,
        organ: Organ,
        session: Option<Session>,
        item: &str,
    ) -> Option<&AgendaEntry> {
        match (organ, session?) {
            (Organ::GeneralAssembly, Session::Regular(n)) => {
                Some(self.agenda.find(n, item)?.entry())
            }
            _ => None,
        }
    }

    /// The UNBIS concept of a resolved subject, when the thesaurus knows it.
    pub fn concept(&self, subject: &str) -> Option<&Concept> {
        self.thesaurus.as_ref()?.resolve(subject)
    }

    /// The broader concepts a page shows beside a concept: its broader terms, or when it
    /// has none, the microthesauri it belongs to, but not one of its own name (the term
    /// HUMAN RIGHTS is in the microthesaurus HUMAN RIGHTS).
    pub fn broader_terms<'a>(&'a self, c: &'a Concept) -> Vec<&'a Concept> {
        let Some(t) = &self.thesaurus else {
            return Vec::new();
        };
        let (mut found, _) = t.broader(c);
        found.retain(|b| b.english() != c.english());
        let terms: Vec<&Concept> = found
            .iter()
            .copied()
            .filter(|b| !b.is_microthesaurus())
            .collect();
        if terms.is_empty() { found } else { terms }
    }
}
