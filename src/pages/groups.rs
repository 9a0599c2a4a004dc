//! The lists of groups of one kind (sessions, years, subjects, committees, agenda items),
//! and the list of one group's resolutions.

use std::sync::Arc;

use minijinja::Value;

use super::views;
use super::{context, page_count, page_of};
use crate::diagnostic::Diagnostic;
use crate::model::{GroupKind, Lang};
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
    let groups: Vec<_> = page_of(all, page)
        .iter()
        .map(|g| views::group_value(site, theme, lang, g))
        .collect();
    let heading = theme.strings(lang).group_kind(kind);
    let ctx = context(
        views::common(site, theme, lang, switcher),
        vec![
            ("kind", Value::from(kind.key())),
            ("heading", heading),
            ("groups", crate::theme::to_value(&groups)),
            ("pagination", pagination),
        ],
    );
    theme.render("groups.html", ctx)
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
