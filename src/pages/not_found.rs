//! The 404 page.

use std::sync::Arc;

use minijinja::Value;

use super::views;
use crate::diagnostic::Diagnostic;
use crate::output::urls;
use crate::site::Site;
use crate::theme::Theme;

/// `404.html`: the message in the default language, and the archive's home in every
/// language of the site, each with the message in that language. Its links are
/// root-relative even with `relative_links`, because a host serves it at any address.
pub fn render(site: &Arc<Site>, theme: &Theme) -> Result<Vec<u8>, Diagnostic> {
    let lang = site.config.default_language;
    let switcher = views::switcher_all(site, None, urls::lang_home);
    let homes: Vec<Value> = site
        .config
        .languages
        .iter()
        .map(|&l| Value::from_pairs(views::home_entry(site, l)))
        .collect();
    let ctx = Value::from_pairs(
        views::common(site, theme, lang, switcher)
            .into_iter()
            .chain([("homes", Value::from(homes))]),
    );
    Ok(theme.render("404.html", ctx)?.into_bytes())
}
