//! The lists of groups of one kind (sessions, years, subjects, committees, agenda items),
//! and the list of one group's resolutions.

use std::sync::Arc;

use minijinja::Value;
use serde::Serialize;

use super::views;
use super::{context, page_count, page_of};
use crate::diagnostic::Diagnostic;
use crate::model::{Group, GroupKind, Lang, Organ};
use crate::output::urls;
use crate::site::Site;
use crate::theme::Theme;

/// Page `page` of the list of groups of one kind.
pub fn groups(
    site: &Arc<Site>,
    theme: &Theme,
    lang: Lang,
    kind: GroupKind,
    page: usize,
) -> Result<String, Diagnostic> {
    let switcher = views::switcher_all(site, Some(lang), |l| {
        urls::paged(&urls::groups(l, kind), page)
    });
    let all = &site.groups[&kind];
    let pagination =
        views::pagination(site, &urls::groups(lang, kind), page, page_count(all.len()));
    let shown = page_of(all, page);
    let groups: Vec<_> = shown
        .iter()
        .map(|g| views::group_value(site, theme, lang, g))
        .collect();
    let sections = (kind == GroupKind::AgendaItem).then(|| headings(site, lang, shown));
    let heading = theme.strings(lang).group_kind(kind);
    let ctx = context(
        views::common(site, theme, lang, switcher),
        vec![
            ("kind", Value::from(kind.key())),
            ("heading", heading),
            ("groups", crate::theme::to_value(&groups)),
            ("sections", crate::theme::to_value(&sections)),
            ("pagination", pagination),
        ],
    );
    theme.render("groups.html", ctx)
}

/// A run of agenda items under one heading of one session's agenda.
#[derive(Serialize)]
struct Heading {
    session: Option<String>,
    /// The heading's letter and title (`G`, `Disarmament`), when the agenda has one.
    section: Option<String>,
    section_title: Option<String>,
    /// `en` when the page is in another language.
    lang: Option<&'static str>,
    /// Indexes into the page's `groups`.
    groups: Vec<usize>,
}

/// The agenda items of a page, in runs under their headings: one run for each session and
/// heading in turn.
fn headings(site: &Site, lang: Lang, shown: &[Group]) -> Vec<Heading> {
    let mut out: Vec<Heading> = Vec::new();
    for (i, g) in shown.iter().enumerate() {
        let organ = g.organ.unwrap_or(Organ::GeneralAssembly);
        let entry = site.agenda_entry(organ, g.session, &g.label);
        let session = g.session.map(|s| s.key());
        let section = entry.and_then(|e| e.section.clone());
        match out.last_mut() {
            Some(h) if h.session == session && h.section == section => h.groups.push(i),
            _ => out.push(Heading {
                session,
                section,
                section_title: entry.and_then(|e| e.section_title.clone()),
                lang: (lang != Lang::En).then_some(Lang::En.code()),
                groups: vec![i],
            }),
        }
    }
    out
}

/// Page `page` of the resolutions of group `index` of a kind.
pub fn group(
    site: &Arc<Site>,
    theme: &Theme,
    lang: Lang,
    kind: GroupKind,
    index: usize,
    page: usize,
) -> Result<String, Diagnostic> {
    let group = &site.groups[&kind][index];
    let switcher = views::switcher_all(site, Some(lang), |l| {
        urls::paged(&urls::group(l, kind, &group.key), page)
    });
    let path = urls::group(lang, kind, &group.key);
    let pagination = views::pagination(site, &path, page, page_count(group.works.len()));
    let entries: Vec<_> = page_of(&group.works, page)
        .iter()
        .map(|&w| views::entry(site, w, lang))
        .collect();
    let ctx = context(
        views::common(site, theme, lang, switcher),
        vec![
            (
                "group",
                crate::theme::to_value(views::group_value(site, theme, lang, group)),
            ),
            ("entries", crate::theme::to_value(&entries)),
            ("total", Value::from(group.works.len())),
            ("pagination", pagination),
        ],
    );
    theme.render("group.html", ctx)
}
