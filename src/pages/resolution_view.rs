//! The `page` of a resolution template: a lazy object that reads the shared site on
//! demand, never a copy of the archive. Each field is named once, in [`FIELDS`], beside
//! the function that reads it.

use std::sync::Arc;

use minijinja::value::{Enumerator, Object, Value};
use serde::Serialize;

use super::member_votes::member_votes;
use super::official::official_links;
use super::series::{changes_link, series_url};
use super::terms;
use super::views::{SeriesEntry, cited_value, entry, series_window, vote_view};
use crate::cite::Target;
use crate::model::{GroupKind, Resolution, agenda_item_key, session_key, slug};
use crate::output::urls;
use crate::render::Linker;
use crate::site::Site;
use crate::theme::to_value;

/// The `page` of a resolution template, read lazily from the shared site.
#[derive(Debug)]
pub struct ResolutionView {
    pub site: Arc<Site>,
    pub index: usize,
}

#[derive(Serialize)]
struct Link {
    label: String,
    url: Option<String>,
}

#[derive(Serialize)]
struct Version {
    code: &'static str,
    name: &'static str,
    dir: &'static str,
    title: String,
    url: String,
    current: bool,
}

/// What a field reads: the view and its resolution.
type Field = fn(&ResolutionView, &Resolution) -> Option<Value>;

/// Every field a resolution template can read, in the order `enumerate` lists them.
const FIELDS: &[(&str, Field)] = &[
    ("symbol", |_, r| Some(Value::from(r.symbol.as_str()))),
    ("title", |_, r| Some(Value::from(r.title.as_str()))),
    ("lang", |_, r| Some(Value::from(r.lang.code()))),
    ("dir", |_, r| Some(Value::from(r.lang.dir()))),
    ("url", |v, r| {
        Some(Value::from(
            v.site.urls.url(&urls::resolution(r.lang, &r.symbol)),
        ))
    }),
    ("adopted", |_, r| Some(Value::from(r.adopted.to_string()))),
    ("year", |_, r| Some(Value::from(r.year()))),
    ("year_url", |v, r| {
        Some(Value::from(v.group_url(
            r,
            GroupKind::Year,
            &r.year().to_string(),
        )))
    }),
    ("sessions_url", |v, r| {
        Some(Value::from(v.groups_url(r, GroupKind::Session)))
    }),
    ("years_url", |v, r| {
        Some(Value::from(v.groups_url(r, GroupKind::Year)))
    }),
    ("organ", |_, r| Some(Value::from(r.symbol.organ().key()))),
    ("session", ResolutionView::session),
    ("agenda_items", ResolutionView::agenda_items),
    ("meeting", |_, r| Some(Value::from(r.meeting?))),
    ("report", |_, r| Some(Value::from(r.report.clone()?))),
    ("report_url", ResolutionView::report_url),
    ("committee", |v, r| {
        let c = r.committee_entry()?;
        Some(to_value(Link {
            label: c.to_string(),
            url: Some(v.group_url(r, GroupKind::Committee, &slug(c))),
        }))
    }),
    ("issued", |_, r| Some(Value::from(r.issued?.to_string()))),
    ("distribution", |_, r| {
        Some(Value::from(r.distribution.clone()?))
    }),
    ("vote", |v, r| {
        Some(to_value(vote_view(&v.site.vote_of(r)?)))
    }),
    ("member_votes", |v, r| {
        let votes = v.site.votes.get(&r.symbol)?;
        let lang = v.site.nav_lang(r.lang);
        let country_url = |code: &str| v.site.urls.url(&urls::country(lang, code));
        Some(to_value(member_votes(votes, r.lang, &country_url)))
    }),
    ("subjects", |v, r| {
        Some(to_value(
            r.subjects
                .iter()
                .map(|s| {
                    let url = v.group_url(r, GroupKind::Subject, &slug(s));
                    terms::subject(&v.site, r.lang, s, url)
                })
                .collect::<Vec<_>>(),
        ))
    }),
    ("draft", |_, r| Some(Value::from(r.draft))),
    ("extra", |_, r| Some(to_value(&r.extra))),
    ("translations", ResolutionView::translations),
    ("official_documents", |v, r| {
        let links = official_links(&v.site, r.symbol.as_str());
        (!links.is_empty()).then(|| to_value(links))
    }),
    ("all_versions_url", |v, r| {
        Some(Value::from(v.site.urls.url(&urls::symbol(&r.symbol))))
    }),
    ("source", |_, r| {
        Some(Value::from(r.source.to_string_lossy().replace('\\', "/")))
    }),
    ("cited_by", ResolutionView::cited_by),
    ("cites", |v, r| {
        let work = v.site.archive.work_of(&r.symbol)?;
        Some(to_value(
            v.site
                .graph
                .cites(work)
                .iter()
                .map(|c| cited_value(&v.site, c, r.lang))
                .collect::<Vec<_>>(),
        ))
    }),
    ("series", ResolutionView::series),
    ("previous", |v, r| {
        let work = v.site.archive.work_of(&r.symbol)?;
        Some(to_value(entry(
            &v.site,
            v.site.graph.previous(work)?,
            r.lang,
        )))
    }),
    ("next", |v, r| {
        let work = v.site.archive.work_of(&r.symbol)?;
        Some(to_value(entry(&v.site, v.site.graph.next(work)?, r.lang)))
    }),
    ("series_url", |v, r| {
        let work = v.site.archive.work_of(&r.symbol)?;
        Some(Value::from(series_url(&v.site, work, r.lang)?))
    }),
    ("changes", |v, _| {
        Some(to_value(changes_link(&v.site, v.index)?))
    }),
];

const NAMES: [&str; FIELDS.len()] = {
    let mut names = [""; FIELDS.len()];
    let mut i = 0;
    while i < FIELDS.len() {
        names[i] = FIELDS[i].0;
        i += 1;
    }
    names
};

impl ResolutionView {
    /// A group's page in the language the page's indexes link to.
    fn group_url(&self, r: &Resolution, kind: GroupKind, key: &str) -> String {
        let lang = self.site.nav_lang(r.lang);
        self.site.urls.url(&urls::group(lang, kind, key))
    }

    /// The list of groups of a kind in the language the page's indexes link to.
    fn groups_url(&self, r: &Resolution, kind: GroupKind) -> String {
        let lang = self.site.nav_lang(r.lang);
        self.site.urls.url(&urls::groups(lang, kind))
    }

    fn session(&self, r: &Resolution) -> Option<Value> {
        let session = r.session?;
        let key = session_key(r.symbol.organ(), session);
        Some(to_value(Link {
            // The session's key (`3`, not the `III` a front matter may write), which
            // templates name with `session_name`.
            label: session.key(),
            url: Some(self.group_url(r, GroupKind::Session, &key)),
        }))
    }

    fn agenda_items(&self, r: &Resolution) -> Option<Value> {
        let links: Vec<_> = r
            .agenda_items
            .iter()
            .map(|item| {
                let url = r.session.map(|s| {
                    let key = agenda_item_key(r.symbol.organ(), s, item);
                    self.group_url(r, GroupKind::AgendaItem, &key)
                });
                terms::agenda_item(&self.site, r.lang, (r.symbol.organ(), r.session), item, url)
            })
            .collect();
        Some(to_value(links))
    }

    fn report_url(&self, r: &Resolution) -> Option<Value> {
        let report = r.report.as_ref()?;
        let target = match crate::model::Symbol::parse(report) {
            Ok(s) => Target::Resolution(s),
            Err(_) => Target::Document(report.clone()),
        };
        Some(Value::from(
            self.site.linker().href(&target, None, r.lang)?.url,
        ))
    }

    fn translations(&self, r: &Resolution) -> Option<Value> {
        let archive = &self.site.archive;
        let versions: Vec<Version> = archive
            .versions(&r.symbol)
            .iter()
            .map(|&i| {
                let v = archive.resolution(i);
                Version {
                    code: v.lang.code(),
                    name: v.lang.endonym(),
                    dir: v.lang.dir(),
                    title: v.title.clone(),
                    url: self.site.urls.url(&urls::resolution(v.lang, &v.symbol)),
                    current: v.lang == r.lang,
                }
            })
            .collect();
        Some(to_value(versions))
    }

    fn cited_by(&self, r: &Resolution) -> Option<Value> {
        let work = self.site.archive.work_of(&r.symbol)?;
        let entries: Vec<_> = self
            .site
            .graph
            .cited_by(work)
            .iter()
            .map(|b| {
                let mut e = entry(&self.site, b.work, r.lang);
                if let Some(anchor) = &b.anchor {
                    e.url.push('#');
                    e.url.push_str(anchor);
                }
                e
            })
            .collect();
        Some(to_value(entries))
    }

    /// The ends of the page's series and the members around it.
    fn series(&self, r: &Resolution) -> Option<Value> {
        let work = self.site.archive.work_of(&r.symbol)?;
        let members = self.site.graph.series(work);
        let k = members.iter().position(|&w| w == work).unwrap_or(0);
        let mut last = None;
        let entries: Vec<SeriesEntry<'_>> = series_window(members.len(), k)
            .into_iter()
            .map(|i| {
                let gap_before = last.is_some_and(|l: usize| i > l + 1);
                last = Some(i);
                SeriesEntry {
                    entry: entry(&self.site, members[i], r.lang),
                    current: i == k,
                    position: i + 1,
                    gap_before,
                }
            })
            .collect();
        Some(to_value(entries))
    }
}

impl Object for ResolutionView {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        let (_, read) = FIELDS.iter().find(|(name, _)| *name == key)?;
        read(self, self.site.archive.resolution(self.index))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&NAMES)
    }
}
