//! What templates see. A resolution page gets a lazy [`ResolutionView`] that reads the
//! shared archive on demand, never a copy of the archive; lists get small serialised
//! entries.

use std::collections::HashMap;
use std::sync::Arc;

use minijinja::value::{Enumerator, Object, Value};
use serde::Serialize;

use super::linker::SiteLinker;
use super::urls::{self, Urls};
use crate::cite::Target;
use crate::cite::graph::{Cited, Graph};
use crate::config::Config;
use crate::model::{
    Archive, Group, GroupKind, Lang, Resolution, Vote, agenda_item_key, session_key, slug,
};
use crate::render::Linker;
use crate::theme::{Theme, to_value};

/// Everything pages share: built once, read by every rendering thread.
#[derive(Debug)]
pub struct Site {
    pub archive: Archive,
    pub config: Config,
    pub urls: Urls,
    pub groups: HashMap<GroupKind, Vec<Group>>,
    pub graph: Graph,
    /// Series and what changed between their members; empty until the build adds them.
    pub series: super::series::SeriesData,
}

impl Site {
    /// `groups` may be carried over from a site with the same resolutions and metadata.
    pub fn new(
        archive: Archive,
        config: Config,
        urls: Urls,
        graph: Graph,
        groups: Option<HashMap<GroupKind, Vec<Group>>>,
    ) -> Site {
        let groups = groups.unwrap_or_else(|| {
            GroupKind::ALL
                .into_iter()
                .map(|k| (k, archive.groups(k)))
                .collect()
        });
        Site {
            archive,
            config,
            urls,
            groups,
            graph,
            series: super::series::SeriesData::default(),
        }
    }

    /// Where citations lead, for links the templates show outside the body.
    pub fn linker(&self) -> SiteLinker<'_> {
        SiteLinker {
            archive: &self.archive,
            urls: &self.urls,
            resolver: self.config.resolver.as_deref(),
        }
    }

    /// The language whose indexes a page in `lang` links to: itself when the site is built
    /// in it, else the default language.
    pub fn nav_lang(&self, lang: Lang) -> Lang {
        if self.config.languages.contains(&lang) {
            lang
        } else {
            self.config.default_language
        }
    }
}

#[derive(Serialize)]
struct SiteValue<'a> {
    title: &'a str,
    base: &'a str,
}

#[derive(Serialize)]
struct Nav {
    home: String,
    sessions: String,
    years: String,
    subjects: String,
    committees: String,
    agenda_items: String,
    /// The search page, when the site has search.
    search: Option<String>,
}

/// One entry of the language switcher.
#[derive(Serialize)]
pub struct Alternate {
    code: &'static str,
    name: &'static str,
    dir: &'static str,
    url: Option<String>,
    current: bool,
}

/// The variables every template gets: `site`, `lang`, `dir`, `t`, `nav`, `switcher`.
pub fn common(
    site: &Site,
    theme: &Theme,
    lang: Lang,
    switcher: Vec<Alternate>,
) -> Vec<(&'static str, Value)> {
    let nav_lang = site.nav_lang(lang);
    let u = |kind| site.urls.url(&urls::groups(nav_lang, kind));
    vec![
        (
            "site",
            to_value(SiteValue {
                title: site.config.title_in(lang),
                base: site.urls.base(),
            }),
        ),
        ("lang", Value::from(lang.code())),
        ("dir", Value::from(lang.dir())),
        ("t", theme.strings(lang)),
        (
            "nav",
            to_value(Nav {
                home: site.urls.url(&urls::lang_home(nav_lang)),
                sessions: u(GroupKind::Session),
                years: u(GroupKind::Year),
                subjects: u(GroupKind::Subject),
                committees: u(GroupKind::Committee),
                agenda_items: u(GroupKind::AgendaItem),
                search: site
                    .config
                    .search
                    .then(|| site.urls.url(&urls::search(nav_lang))),
            }),
        ),
        ("switcher", to_value(switcher)),
        ("feed", feed(site, theme, nav_lang)),
    ]
}

#[derive(Serialize)]
struct Feed {
    lang: &'static str,
    url: String,
    title: Value,
}

/// The Atom feed of a language, when the site has feeds (its host is known).
fn feed(site: &Site, theme: &Theme, lang: Lang) -> Value {
    if !site.urls.has_host() {
        return Value::UNDEFINED;
    }
    to_value(Feed {
        lang: lang.code(),
        url: site.urls.url(&urls::feed(lang)),
        title: theme.strings(lang).get_attr("feed").unwrap_or_default(),
    })
}

/// A switcher for a page that exists in every language of the site.
pub fn switcher_all(
    site: &Site,
    current: Option<Lang>,
    path_of: impl Fn(Lang) -> String,
) -> Vec<Alternate> {
    site.config
        .languages
        .iter()
        .map(|&l| Alternate {
            code: l.code(),
            name: l.endonym(),
            dir: l.dir(),
            url: Some(site.urls.url(&path_of(l))),
            current: Some(l) == current,
        })
        .collect()
}

/// A switcher for a page that exists in some languages: the others show as unavailable.
pub fn switcher_where(
    site: &Site,
    current: Lang,
    path_of: impl Fn(Lang) -> Option<String>,
) -> Vec<Alternate> {
    let mut langs = site.config.languages.clone();
    if !langs.contains(&current) {
        langs.push(current);
    }
    langs
        .into_iter()
        .map(|l| Alternate {
            code: l.code(),
            name: l.endonym(),
            dir: l.dir(),
            url: path_of(l).map(|p| site.urls.url(&p)),
            current: l == current,
        })
        .collect()
}

/// A switcher for a resolution: languages the archive lacks show as unavailable.
pub fn switcher_resolution(site: &Site, r: &Resolution) -> Vec<Alternate> {
    let mut langs = site.config.languages.clone();
    if !langs.contains(&r.lang) {
        langs.push(r.lang);
    }
    langs
        .into_iter()
        .map(|l| Alternate {
            code: l.code(),
            name: l.endonym(),
            dir: l.dir(),
            url: site
                .archive
                .get(&r.symbol, l)
                .map(|_| site.urls.url(&urls::resolution(l, &r.symbol))),
            current: l == r.lang,
        })
        .collect()
}

#[derive(Serialize)]
struct PageLink {
    n: usize,
    url: String,
    current: bool,
}

#[derive(Serialize)]
struct Pagination {
    current: usize,
    total: usize,
    previous: Option<String>,
    next: Option<String>,
    pages: Vec<PageLink>,
}

/// Links between the pages of a long list; `None` when the list fits on one page.
pub fn pagination(site: &Site, path: &str, page: usize, total: usize) -> Value {
    if total <= 1 {
        return Value::from(());
    }
    let url = |p: usize| site.urls.url(&urls::paged(path, p));
    to_value(Pagination {
        current: page + 1,
        total,
        previous: (page > 0).then(|| url(page - 1)),
        next: (page + 1 < total).then(|| url(page + 1)),
        pages: (0..total)
            .map(|p| PageLink {
                n: p + 1,
                url: url(p),
                current: p == page,
            })
            .collect(),
    })
}

/// A resolution in a list: shown in the reader's language when the archive has it.
#[derive(Serialize)]
pub struct Entry<'a> {
    symbol: &'a str,
    title: &'a str,
    url: String,
    lang: &'static str,
    lang_name: &'static str,
    dir: &'static str,
    adopted: String,
}

/// A resolution cited by the page's, in the archive or elsewhere.
#[derive(Serialize)]
struct CitedValue<'a> {
    symbol: &'a str,
    title: Option<&'a str>,
    url: Option<String>,
    lang: Option<&'static str>,
    in_archive: bool,
}

fn cited_value<'a>(site: &'a Site, cited: &'a Cited, lang: Lang) -> CitedValue<'a> {
    match cited {
        Cited::Work(w) => {
            let e = entry(site, *w, lang);
            CitedValue {
                symbol: e.symbol,
                title: Some(e.title),
                url: Some(e.url),
                lang: Some(e.lang),
                in_archive: true,
            }
        }
        Cited::Elsewhere(symbol) => CitedValue {
            symbol: symbol.as_str(),
            title: None,
            url: site
                .linker()
                .href(&Target::Resolution(symbol.clone()), None, lang)
                .map(|h| h.url),
            lang: None,
            in_archive: false,
        },
    }
}

pub fn entry<'a>(site: &'a Site, work: usize, lang: Lang) -> Entry<'a> {
    let r = site
        .archive
        .resolution(site.archive.best_version(work, lang));
    Entry {
        symbol: r.symbol.as_str(),
        title: &r.title,
        url: site.urls.url(&urls::resolution(r.lang, &r.symbol)),
        lang: r.lang.code(),
        lang_name: r.lang.endonym(),
        dir: r.lang.dir(),
        adopted: r.adopted.to_string(),
    }
}

/// A group in a list of groups, or the group a page is about.
#[derive(Serialize)]
pub struct GroupValue<'a> {
    kind: &'static str,
    kind_label: Value,
    key: &'a str,
    label: String,
    organ: Option<&'static str>,
    session: Option<String>,
    url: String,
    parent_url: String,
    count: usize,
}

pub fn group_value<'a>(site: &Site, theme: &Theme, lang: Lang, g: &'a Group) -> GroupValue<'a> {
    let kind_label = theme
        .strings(lang)
        .get_attr(match g.kind {
            GroupKind::Session => "sessions",
            GroupKind::Year => "years",
            GroupKind::Subject => "subjects",
            GroupKind::Committee => "committees",
            GroupKind::AgendaItem => "agenda_items",
        })
        .unwrap_or_default();
    GroupValue {
        kind: g.kind.key(),
        kind_label,
        key: &g.key,
        label: if g.kind == GroupKind::AgendaItem {
            agenda_label(&g.label)
        } else {
            g.label.clone()
        },
        organ: g.organ.map(|o| o.key()),
        session: g.session.map(|s| s.key()),
        url: site.urls.url(&urls::group(lang, g.kind, &g.key)),
        parent_url: site.urls.url(&urls::groups(lang, g.kind)),
        count: g.works.len(),
    }
}

#[derive(Serialize)]
struct SeriesEntry<'a> {
    #[serde(flatten)]
    entry: Entry<'a>,
    current: bool,
    /// Its place in the series, from 1.
    position: usize,
    /// Whether members are left out just before it.
    gap_before: bool,
}

/// How many members of its series a resolution page lists on each side of its own; the
/// series page lists them all. A series recalled every session for decades has dozens.
const SERIES_AROUND: usize = 3;

/// The places in a series of `len` members that the page of member `k` lists: the
/// first, the last, and those within [`SERIES_AROUND`] of `k`.
pub fn series_window(len: usize, k: usize) -> Vec<usize> {
    (0..len)
        .filter(|&i| i == 0 || i + 1 == len || i.abs_diff(k) <= SERIES_AROUND)
        .collect()
}

/// An agenda item as the UN writes it: `99w` → `99 (w)`.
pub fn agenda_label(item: &str) -> String {
    let digits = item.chars().take_while(char::is_ascii_digit).count();
    let rest = item[digits..].trim();
    if digits > 0 && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_lowercase()) {
        format!("{} ({rest})", &item[..digits])
    } else {
        item.to_string()
    }
}

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

const FIELDS: &[&str] = &[
    "symbol",
    "title",
    "lang",
    "dir",
    "url",
    "adopted",
    "year",
    "year_url",
    "sessions_url",
    "years_url",
    "organ",
    "session",
    "agenda_items",
    "meeting",
    "report",
    "report_url",
    "committee",
    "issued",
    "distribution",
    "vote",
    "subjects",
    "draft",
    "extra",
    "translations",
    "all_versions_url",
    "source",
    "cited_by",
    "cites",
    "series",
    "previous",
    "next",
    "series_url",
    "changes",
];

impl Object for ResolutionView {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let site = &self.site;
        let r = site.archive.resolution(self.index);
        let nav_lang = site.nav_lang(r.lang);
        let group_url = |kind, key: &str| site.urls.url(&urls::group(nav_lang, kind, key));
        Some(match key.as_str()? {
            "symbol" => Value::from(r.symbol.as_str()),
            "title" => Value::from(r.title.as_str()),
            "lang" => Value::from(r.lang.code()),
            "dir" => Value::from(r.lang.dir()),
            "url" => Value::from(site.urls.url(&urls::resolution(r.lang, &r.symbol))),
            "adopted" => Value::from(r.adopted.to_string()),
            "year" => Value::from(r.year()),
            "year_url" => Value::from(group_url(GroupKind::Year, &r.year().to_string())),
            "sessions_url" => {
                Value::from(site.urls.url(&urls::groups(nav_lang, GroupKind::Session)))
            }
            "years_url" => Value::from(site.urls.url(&urls::groups(nav_lang, GroupKind::Year))),
            "organ" => Value::from(r.symbol.organ().key()),
            "session" => {
                let session = r.session?;
                let label = r.session_label.clone().unwrap_or_else(|| session.key());
                to_value(Link {
                    label,
                    url: Some(group_url(
                        GroupKind::Session,
                        &session_key(r.symbol.organ(), session),
                    )),
                })
            }
            "agenda_items" => to_value(
                r.agenda_items
                    .iter()
                    .map(|item| Link {
                        label: agenda_label(item),
                        url: r.session.map(|s| {
                            group_url(
                                GroupKind::AgendaItem,
                                &agenda_item_key(r.symbol.organ(), s, item),
                            )
                        }),
                    })
                    .collect::<Vec<_>>(),
            ),
            "meeting" => Value::from(r.meeting?),
            "report" => Value::from(r.report.clone()?),
            "report_url" => {
                let report = r.report.as_ref()?;
                let target = match crate::model::Symbol::parse(report) {
                    Ok(s) => Target::Resolution(s),
                    Err(_) => Target::Document(report.clone()),
                };
                Value::from(site.linker().href(&target, None, r.lang)?.url)
            }
            "committee" => {
                let c = r.committee.as_ref()?;
                to_value(Link {
                    label: c.clone(),
                    url: Some(group_url(GroupKind::Committee, &slug(c))),
                })
            }
            "issued" => Value::from(r.issued?.to_string()),
            "distribution" => Value::from(r.distribution.clone()?),
            "vote" => match r.vote.as_ref()? {
                Vote::WithoutAVote => to_value(vote_value::without_vote()),
                Vote::Recorded {
                    in_favour,
                    against,
                    abstentions,
                } => to_value(vote_value::recorded(*in_favour, *against, *abstentions)),
            },
            "subjects" => to_value(
                r.subjects
                    .iter()
                    .map(|s| Link {
                        label: s.clone(),
                        url: Some(group_url(GroupKind::Subject, &slug(s))),
                    })
                    .collect::<Vec<_>>(),
            ),
            "draft" => Value::from(r.draft),
            "extra" => to_value(&r.extra),
            "translations" => to_value(
                site.archive
                    .versions(&r.symbol)
                    .iter()
                    .map(|&i| {
                        let v = site.archive.resolution(i);
                        Version {
                            code: v.lang.code(),
                            name: v.lang.endonym(),
                            dir: v.lang.dir(),
                            title: v.title.clone(),
                            url: site.urls.url(&urls::resolution(v.lang, &v.symbol)),
                            current: v.lang == r.lang,
                        }
                    })
                    .collect::<Vec<_>>(),
            ),
            "all_versions_url" => Value::from(site.urls.url(&urls::symbol(&r.symbol))),
            "source" => Value::from(r.source.to_string_lossy().replace('\\', "/")),
            "series_url" => Value::from(super::series::series_url(
                site,
                site.archive.work_of(&r.symbol)?,
                r.lang,
            )?),
            "changes" => to_value(super::series::changes_link(site, self.index)?),
            "cited_by" | "cites" | "series" | "previous" | "next" => {
                let work = site.archive.work_of(&r.symbol)?;
                let graph = &site.graph;
                match key.as_str()? {
                    "cited_by" => to_value(
                        graph
                            .cited_by(work)
                            .iter()
                            .map(|b| {
                                let mut e = entry(site, b.work, r.lang);
                                if let Some(anchor) = &b.anchor {
                                    e.url.push('#');
                                    e.url.push_str(anchor);
                                }
                                e
                            })
                            .collect::<Vec<_>>(),
                    ),
                    "cites" => to_value(
                        graph
                            .cites(work)
                            .iter()
                            .map(|c| cited_value(site, c, r.lang))
                            .collect::<Vec<_>>(),
                    ),
                    "series" => {
                        let members = graph.series(work);
                        let k = members.iter().position(|&w| w == work).unwrap_or(0);
                        let mut last = None;
                        to_value(
                            series_window(members.len(), k)
                                .into_iter()
                                .map(|i| {
                                    let gap_before = last.is_some_and(|l: usize| i > l + 1);
                                    last = Some(i);
                                    SeriesEntry {
                                        entry: entry(site, members[i], r.lang),
                                        current: i == k,
                                        position: i + 1,
                                        gap_before,
                                    }
                                })
                                .collect::<Vec<_>>(),
                        )
                    }
                    "previous" => to_value(entry(site, graph.previous(work)?, r.lang)),
                    _ => to_value(entry(site, graph.next(work)?, r.lang)),
                }
            }
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(FIELDS)
    }
}

/// The vote as templates see it: `recorded` tells the two forms apart.
mod vote_value {
    use serde::Serialize;

    #[derive(Serialize)]
    pub struct VoteValue {
        recorded: bool,
        in_favour: Option<u32>,
        against: Option<u32>,
        abstentions: Option<u32>,
    }

    pub fn without_vote() -> VoteValue {
        VoteValue {
            recorded: false,
            in_favour: None,
            against: None,
            abstentions: None,
        }
    }

    pub fn recorded(in_favour: u32, against: u32, abstentions: u32) -> VoteValue {
        VoteValue {
            recorded: true,
            in_favour: Some(in_favour),
            against: Some(against),
            abstentions: Some(abstentions),
        }
    }
}
