//! The search page of a language, with its facets.

use std::sync::Arc;

use minijinja::Value;

use super::context;
use super::views;
use crate::diagnostic::Diagnostic;
use crate::model::{GroupKind, Lang};
use crate::output::urls;
use crate::site::Site;
use crate::theme::Theme;

/// The search page of a language.
pub fn search(site: &Arc<Site>, theme: &Theme, lang: Lang) -> Result<String, Diagnostic> {
    let switcher = views::switcher_all(site, Some(lang), urls::search);
    let t = theme.strings(lang);
    let facets: Vec<Value> = [
        (GroupKind::Session, "session", "session"),
        (GroupKind::Year, "year", "year"),
        (GroupKind::Subject, "subject", "subjects"),
        (GroupKind::Committee, "committee", "committee"),
    ]
    .into_iter()
    .map(|(kind, name, label)| {
        let groups: Vec<_> = site.groups[&kind]
            .iter()
            .map(|g| views::group_value(site, theme, lang, g))
            .collect();
        Value::from_pairs([
            ("name", Value::from(name)),
            ("label", t.shown(label)),
            ("groups", crate::theme::to_value(&groups)),
        ])
    })
    .collect();
    let ctx = context(
        views::common(site, theme, lang, switcher),
        vec![
            ("facets", Value::from(facets)),
            (
                "relative",
                Value::from(if site.config.relative_links {
                    "true"
                } else {
                    "false"
                }),
            ),
        ],
    );
    theme.render("search.html", ctx)
}
