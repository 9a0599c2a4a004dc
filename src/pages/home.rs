//! The root page (every language's home) and each language's home.

use std::sync::Arc;

use minijinja::Value;

use super::context;
use super::views;
use crate::diagnostic::Diagnostic;
use crate::model::{GroupKind, Lang};
use crate::output::urls;
use crate::site::Site;
use crate::theme::Theme;

/// The root page: the archive's home in every language of the site.
pub fn root(site: &Arc<Site>, theme: &Theme) -> Result<String, Diagnostic> {
    let archive = &site.archive;
    let lang = site.config.default_language;
    let switcher = views::switcher_all(site, None, urls::lang_home);
    let homes: Vec<Value> = site
        .config
        .languages
        .iter()
        .map(|&l| {
            let count = i64::try_from(archive.works().len()).unwrap_or(i64::MAX);
            let forms = theme.strings(l).shown("resolutions_n");
            let label = crate::theme::plural_form(&forms, l, count);
            let mut home = views::home_entry(site, l);
            home.push(("count_label", Value::from(label)));
            Value::from_pairs(home)
        })
        .collect();
    let ctx = context(
        views::common(site, theme, lang, switcher),
        vec![("homes", Value::from(homes))],
    );
    theme.render("home.html", ctx)
}

/// A language's home: the newest resolutions and the ways into the archive.
pub fn lang_home(site: &Arc<Site>, theme: &Theme, lang: Lang) -> Result<String, Diagnostic> {
    let archive = &site.archive;
    let switcher = views::switcher_all(site, Some(lang), urls::lang_home);
    let mut recent: Vec<usize> = (0..archive.works().len()).collect();
    recent.sort_by_key(|&w| std::cmp::Reverse(archive.resolution(archive.works()[w].1[0]).adopted));
    recent.truncate(20);
    let entries: Vec<_> = recent
        .iter()
        .map(|&w| views::entry(site, w, lang))
        .collect();
    let ctx = context(
        views::common(site, theme, lang, switcher),
        vec![
            ("recent", crate::theme::to_value(&entries)),
            ("total", Value::from(archive.works().len())),
            (
                "available",
                Value::from(
                    archive
                        .works()
                        .iter()
                        .filter(|(s, _)| archive.get(s, lang).is_some())
                        .count(),
                ),
            ),
            (
                "sessions",
                Value::from(site.groups[&GroupKind::Session].len()),
            ),
            (
                "series_url",
                if site.series.index.series.is_empty() {
                    Value::from(())
                } else {
                    Value::from(site.urls.url(&urls::series_index(lang)))
                },
            ),
            (
                "countries_url",
                if site.voters.is_empty() {
                    Value::from(())
                } else {
                    Value::from(site.urls.url(&urls::countries(lang)))
                },
            ),
        ],
    );
    theme.render("lang_home.html", ctx)
}
