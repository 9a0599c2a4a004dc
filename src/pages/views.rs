//! What templates see. A resolution page gets a lazy [`ResolutionView`] that reads the
//! shared archive on demand, never a copy of the archive; lists get small serialised
//! entries.

use minijinja::value::Value;
use serde::Serialize;

use crate::cite::Target;
use crate::cite::graph::Cited;
use crate::model::{Group, GroupKind, Lang, Resolution, Vote};
use crate::output::urls;
use crate::render::Linker;
use crate::site::Site;
use crate::theme::{Theme, to_value};

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
        ("t", theme.strings(lang).value()),
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
        title: theme.strings(lang).shown("feed"),
    })
}

/// A language's home as the root page and the 404 page list it.
pub fn home_entry(site: &Site, lang: Lang) -> Vec<(&'static str, Value)> {
    vec![
        ("code", Value::from(lang.code())),
        ("name", Value::from(lang.endonym())),
        ("dir", Value::from(lang.dir())),
        ("title", Value::from(site.config.title_in(lang))),
        ("url", Value::from(site.urls.url(&urls::lang_home(lang)))),
    ]
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
    switcher_where(site, r.lang, |l| {
        site.archive
            .get(&r.symbol, l)
            .map(|_| urls::resolution(l, &r.symbol))
    })
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
    pub url: String,
    lang: &'static str,
    lang_name: &'static str,
    dir: &'static str,
    adopted: String,
}

/// A resolution cited by the page's, in the archive or elsewhere.
#[derive(Serialize)]
pub struct CitedValue<'a> {
    symbol: &'a str,
    title: Option<&'a str>,
    url: Option<String>,
    lang: Option<&'static str>,
    in_archive: bool,
}

pub fn cited_value<'a>(site: &'a Site, cited: &'a Cited, lang: Lang) -> CitedValue<'a> {
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
    /// A subject's label in the page's language where the thesaurus has one; an agenda
    /// item's number (`96 (b)`).
    label: String,
    /// The language of `label` when it is not the page's.
    label_lang: Option<&'static str>,
    /// A subject's URI and broader terms in the UNBIS Thesaurus.
    uri: Option<String>,
    broader: Vec<super::terms::TermView>,
    /// An agenda item's title and heading in the session's agenda (English).
    title: Option<String>,
    title_lang: Option<&'static str>,
    section: Option<String>,
    section_title: Option<String>,
    organ: Option<&'static str>,
    session: Option<String>,
    url: String,
    parent_url: String,
    count: usize,
}

pub fn group_value<'a>(site: &Site, theme: &Theme, lang: Lang, g: &'a Group) -> GroupValue<'a> {
    let kind_label = theme.strings(lang).group_kind(g.kind);
    let url = site.urls.url(&urls::group(lang, g.kind, &g.key));
    let mut value = GroupValue {
        kind: g.kind.key(),
        kind_label,
        key: &g.key,
        label: g.label.clone(),
        label_lang: None,
        uri: None,
        broader: Vec::new(),
        title: None,
        title_lang: None,
        section: None,
        section_title: None,
        organ: g.organ.map(|o| o.key()),
        session: g.session.map(|s| s.key()),
        url: url.clone(),
        parent_url: site.urls.url(&urls::groups(lang, g.kind)),
        count: g.works.len(),
    };
    match g.kind {
        GroupKind::AgendaItem => {
            let organ = g.organ.unwrap_or(crate::model::Organ::GeneralAssembly);
            let item = super::terms::agenda_item(site, lang, (organ, g.session), &g.label, None);
            value.label = item.label;
            value.title = item.title;
            value.title_lang = item.lang;
            value.section = item.section;
            value.section_title = item.section_title;
        }
        GroupKind::Subject => {
            let subject = super::terms::subject(site, lang, &g.label, url);
            value.label = subject.label;
            value.label_lang = subject.lang;
            value.uri = subject.uri;
            value.broader = subject.broader;
        }
        _ => {}
    }
    value
}

/// A member of a series, as a resolution page lists it.
#[derive(Serialize)]
pub struct SeriesEntry<'a> {
    #[serde(flatten)]
    pub entry: Entry<'a>,
    pub current: bool,
    /// Its place in the series, from 1.
    pub position: usize,
    /// Whether members are left out just before it.
    pub gap_before: bool,
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

/// A vote as every template sees it: `recorded` tells the two forms apart; the counts are
/// 0 for a resolution adopted without a vote.
#[derive(Serialize, Clone, Copy)]
pub struct VoteView {
    pub recorded: bool,
    pub in_favour: u32,
    pub against: u32,
    pub abstentions: u32,
}

pub fn vote_view(vote: &Vote) -> VoteView {
    match *vote {
        Vote::WithoutAVote => VoteView {
            recorded: false,
            in_favour: 0,
            against: 0,
            abstentions: 0,
        },
        Vote::Recorded {
            in_favour,
            against,
            abstentions,
        } => VoteView {
            recorded: true,
            in_favour,
            against,
            abstentions,
        },
    }
}
