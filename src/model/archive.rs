//! The whole archive: every resolution, looked up by symbol and language, and grouped
//! the ways a reader browses it (session, year, subject, committee, agenda item).

use std::collections::{BTreeMap, HashMap};

use super::{Lang, Organ, Resolution, Session, Symbol};

/// Every language version of every resolution, in symbol order.
#[derive(Debug, Default)]
pub struct Archive {
    resolutions: Vec<Resolution>,
    /// Distinct symbols, in order, each with the indexes of its versions (in language order).
    works: Vec<(Symbol, Vec<usize>)>,
    by_symbol: HashMap<Symbol, usize>,
}

/// The ways the archive is indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GroupKind {
    Session,
    Year,
    Subject,
    Committee,
    AgendaItem,
}

impl GroupKind {
    pub const ALL: [GroupKind; 5] = [
        GroupKind::Session,
        GroupKind::Year,
        GroupKind::Subject,
        GroupKind::Committee,
        GroupKind::AgendaItem,
    ];

    /// The plural key used in URLs and templates.
    pub fn key(self) -> &'static str {
        match self {
            GroupKind::Session => "sessions",
            GroupKind::Year => "years",
            GroupKind::Subject => "subjects",
            GroupKind::Committee => "committees",
            GroupKind::AgendaItem => "agenda-items",
        }
    }
}

/// One index entry: the resolutions of one session, one subject, and so on.
#[derive(Debug, Clone)]
pub struct Group {
    pub kind: GroupKind,
    /// A URL-safe key, unique within the kind.
    pub key: String,
    /// The label as the content wrote it.
    pub label: String,
    pub organ: Option<Organ>,
    pub session: Option<Session>,
    /// Indexes into [`Archive::works`], in symbol order.
    pub works: Vec<usize>,
}

impl Archive {
    /// Builds the archive. The caller has already refused duplicate (symbol, lang) pairs.
    pub fn new(resolutions: Vec<Resolution>) -> Archive {
        let paired = resolutions.into_iter().map(|r| (r, ())).collect();
        Archive::with(paired).0
    }

    /// Builds the archive from resolutions paired with data of the caller's, which comes
    /// back in the archive's order: the caller's data stays aligned with `resolutions()`.
    pub fn with<T>(mut paired: Vec<(Resolution, T)>) -> (Archive, Vec<T>) {
        paired.sort_by(|(a, _), (b, _)| (&a.symbol, a.lang).cmp(&(&b.symbol, b.lang)));
        let (resolutions, data): (Vec<Resolution>, Vec<T>) = paired.into_iter().unzip();
        let mut works: Vec<(Symbol, Vec<usize>)> = Vec::new();
        for (i, r) in resolutions.iter().enumerate() {
            match works.last_mut() {
                Some((symbol, versions)) if *symbol == r.symbol => versions.push(i),
                _ => works.push((r.symbol.clone(), vec![i])),
            }
        }
        let by_symbol = works
            .iter()
            .enumerate()
            .map(|(w, (s, _))| (s.clone(), w))
            .collect();
        let archive = Archive {
            resolutions,
            works,
            by_symbol,
        };
        (archive, data)
    }

    /// Takes the archive apart, giving its resolutions back in its order.
    pub fn into_resolutions(self) -> Vec<Resolution> {
        self.resolutions
    }

    /// Puts `r` in the place of resolution `index`, which has the same symbol and language
    /// (an edited file), and gives the old one back. The order and groupings stay valid.
    pub fn replace(&mut self, index: usize, r: Resolution) -> Resolution {
        let old = &self.resolutions[index];
        assert!(
            old.symbol == r.symbol && old.lang == r.lang,
            "a replacement keeps its place in the archive"
        );
        std::mem::replace(&mut self.resolutions[index], r)
    }

    pub fn resolutions(&self) -> &[Resolution] {
        &self.resolutions
    }

    pub fn resolution(&self, index: usize) -> &Resolution {
        &self.resolutions[index]
    }

    pub fn len(&self) -> usize {
        self.resolutions.len()
    }

    pub fn is_empty(&self) -> bool {
        self.resolutions.is_empty()
    }

    /// Distinct symbols, each with its language versions.
    pub fn works(&self) -> &[(Symbol, Vec<usize>)] {
        &self.works
    }

    /// The versions of one symbol, in language order.
    pub fn versions(&self, symbol: &Symbol) -> &[usize] {
        self.by_symbol
            .get(symbol)
            .map_or(&[], |&w| &self.works[w].1)
    }

    /// The index of the work (symbol) a resolution belongs to.
    pub fn work_of(&self, symbol: &Symbol) -> Option<usize> {
        self.by_symbol.get(symbol).copied()
    }

    pub fn get(&self, symbol: &Symbol, lang: Lang) -> Option<&Resolution> {
        self.versions(symbol)
            .iter()
            .map(|&i| &self.resolutions[i])
            .find(|r| r.lang == lang)
    }

    /// The version to show a reader of `lang`: that language if the archive has it, else
    /// the first available version in the UN's language order.
    pub fn best_version(&self, work: usize, lang: Lang) -> usize {
        let versions = &self.works[work].1;
        versions
            .iter()
            .copied()
            .find(|&i| self.resolutions[i].lang == lang)
            .unwrap_or(versions[0])
    }

    /// Every group of one kind, newest session or year first, subjects and committees
    /// alphabetically.
    pub fn groups(&self, kind: GroupKind) -> Vec<Group> {
        let mut groups: BTreeMap<String, Group> = BTreeMap::new();
        for (w, (symbol, versions)) in self.works.iter().enumerate() {
            let mut keys: Vec<(String, String, Option<Session>)> = Vec::new();
            for &i in versions {
                let r = &self.resolutions[i];
                match kind {
                    GroupKind::Session => {
                        if let Some(session) = r.session {
                            keys.push((
                                session_key(symbol.organ(), session),
                                session.key(),
                                Some(session),
                            ));
                        }
                    }
                    GroupKind::Year => {
                        keys.push((r.year().to_string(), r.year().to_string(), None))
                    }
                    GroupKind::Subject => {
                        for s in &r.subjects {
                            keys.push((slug(s), s.clone(), None));
                        }
                    }
                    GroupKind::Committee => {
                        if let Some(c) = r.committee_entry() {
                            keys.push((slug(c), c.to_string(), None));
                        }
                    }
                    GroupKind::AgendaItem => {
                        if let Some(session) = r.session {
                            for item in &r.agenda_items {
                                let key = agenda_item_key(symbol.organ(), session, item);
                                keys.push((key, item.clone(), Some(session)));
                            }
                        }
                    }
                }
            }
            for (key, label, session) in keys {
                if key.is_empty() {
                    continue;
                }
                let group = groups.entry(key.clone()).or_insert_with(|| Group {
                    kind,
                    key,
                    label,
                    organ: Some(symbol.organ()),
                    session,
                    works: Vec::new(),
                });
                if group.works.last() != Some(&w) {
                    group.works.push(w);
                }
            }
        }
        let mut groups: Vec<Group> = groups.into_values().collect();
        match kind {
            GroupKind::Session | GroupKind::AgendaItem => groups.sort_by(|a, b| {
                (b.organ, b.session)
                    .cmp(&(a.organ, a.session))
                    .then_with(|| natural(&a.label).cmp(&natural(&b.label)))
            }),
            GroupKind::Year => groups.sort_by(|a, b| b.key.cmp(&a.key)),
            GroupKind::Subject | GroupKind::Committee => {
                groups.sort_by_key(|g| g.label.to_lowercase())
            }
        }
        groups
    }
}

/// The key of a session's group: `ga-73`, `ga-s-10`, `hrc-35`.
pub fn session_key(organ: Organ, session: Session) -> String {
    format!("{}-{}", organ.key(), session.key().to_ascii_lowercase())
}

/// The key of an agenda item's group; items are numbered afresh each session.
pub fn agenda_item_key(organ: Organ, session: Session, item: &str) -> String {
    format!("{}-{}", session_key(organ, session), slug(item))
}

/// Sort key that puts "9" before "10" and "99a" before "99b".
fn natural(label: &str) -> (u64, String) {
    let digits: String = label.chars().take_while(char::is_ascii_digit).collect();
    (digits.parse().unwrap_or(u64::MAX), label.to_string())
}

/// A URL-safe key: lowercase letters and digits of any script, runs of anything else
/// folded into one `-`. Never contains `/`, `.` or `%`, so it cannot leave its folder.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_keep_letters_of_every_script_and_nothing_else() {
        assert_eq!(slug("Third Committee"), "third-committee");
        assert_eq!(
            slug("information and communications technologies"),
            "information-and-communications-technologies"
        );
        assert_eq!(slug("网络犯罪"), "网络犯罪");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("99 (w)"), "99-w");
        assert_eq!(slug("  "), "");
    }
}
