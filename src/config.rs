//! `site.toml`: the site's settings, their defaults and their validation.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::diagnostic::Diagnostic;
use crate::model::Lang;

/// The settings of a site, as read from `site.toml` (every key is optional).
#[derive(Debug, Clone)]
pub struct Config {
    /// The site's name, shown in every page header.
    pub title: String,
    /// The site's name per language, where it differs from `title`.
    pub titles: BTreeMap<Lang, String>,
    /// Where the site is published, e.g. `https://example.org/archive/`. Only its path
    /// matters for links inside the site.
    pub base_url: String,
    /// A theme under `themes/NAME/`; `None` is the built-in theme.
    pub theme: Option<String>,
    /// The languages the site is built in, in the order the language switcher shows them.
    pub languages: Vec<Lang>,
    /// The language of the root page.
    pub default_language: Lang,
    /// Let raw HTML in content through instead of escaping it.
    pub raw_html: bool,
    /// Where citations of documents outside the archive lead: a URL template with
    /// `{lang}` and `{symbol}`; `None` leaves them as text.
    pub resolver: Option<String>,
    /// Write every link relative to its page (`../../78/19/index.html`), so that the
    /// output works from disk and on any host unchanged.
    pub relative_links: bool,
    /// Write a search index and a search page per language (`[search] enabled`).
    pub search: bool,
}

/// The UN's own permanent links to its documents.
pub const DEFAULT_RESOLVER: &str = "https://undocs.org/{lang}/{symbol}";

impl Default for Config {
    fn default() -> Self {
        Config {
            title: "Resolutions of the United Nations".to_string(),
            titles: BTreeMap::new(),
            base_url: "/".to_string(),
            theme: None,
            languages: Lang::ALL.to_vec(),
            default_language: Lang::En,
            raw_html: false,
            resolver: Some(DEFAULT_RESOLVER.to_string()),
            relative_links: false,
            search: true,
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    title: Option<String>,
    #[serde(default)]
    titles: BTreeMap<String, String>,
    base_url: Option<String>,
    theme: Option<String>,
    languages: Option<Vec<String>>,
    default_language: Option<String>,
    #[serde(default)]
    raw_html: bool,
    resolver: Option<String>,
    #[serde(default)]
    relative_links: bool,
    search: Option<RawSearch>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSearch {
    enabled: Option<bool>,
}

impl Config {
    /// Reads `site.toml` at `path`; a missing file gives the defaults.
    pub fn load(path: &Path, shown: &Path) -> Result<Config, Vec<Diagnostic>> {
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, shown),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(vec![
                Diagnostic::error(shown, 0, 0, format!("cannot read the settings: {e}"))
                    .with_hint("check that the file is readable"),
            ]),
        }
    }

    /// Parses the text of a `site.toml`.
    pub fn parse(text: &str, shown: &Path) -> Result<Config, Vec<Diagnostic>> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |span| line_col(text, span.start));
            vec![Diagnostic::error(shown, line, column, e.message().trim().to_string()).with_hint(
                "known keys: title, titles, base_url, theme, languages, default_language, raw_html, resolver, relative_links, [search] enabled (see the README)",
            )]
        })?;
        let mut diags = Vec::new();
        let position = |key: &str| {
            text.lines()
                .position(|l| l.trim_start().starts_with(key))
                .map_or((1, 1), |i| (i + 1, 1))
        };
        let mut lang = |tag: &str, key: &str| {
            let parsed = Lang::parse(tag);
            if parsed.is_none() {
                let (line, col) = position(key);
                diags.push(
                    Diagnostic::error(
                        shown,
                        line,
                        col,
                        format!("`{tag}` is not one of the six official languages"),
                    )
                    .with_hint("use ar, zh, en, fr, ru or es"),
                );
            }
            parsed
        };
        let mut config = Config::default();
        if let Some(title) = raw.title {
            config.title = title;
        }
        for (tag, title) in raw.titles {
            if let Some(l) = lang(&tag, &tag) {
                config.titles.insert(l, title);
            }
        }
        if let Some(langs) = raw.languages {
            config.languages = langs.iter().filter_map(|t| lang(t, "languages")).collect();
        }
        if let Some(tag) = raw.default_language
            && let Some(l) = lang(&tag, "default_language")
        {
            config.default_language = l;
        }
        if let Some(base) = raw.base_url {
            config.base_url = base;
        }
        config.theme = raw.theme.filter(|t| !t.is_empty());
        config.raw_html = raw.raw_html;
        config.relative_links = raw.relative_links;
        config.search = raw.search.and_then(|s| s.enabled).unwrap_or(true);
        if let Some(resolver) = raw.resolver {
            let ok = resolver.is_empty()
                || resolver.starts_with("https://")
                || resolver.starts_with("http://");
            if !ok || (!resolver.is_empty() && !resolver.contains("{symbol}")) {
                let (line, col) = position("resolver");
                diags.push(
                    Diagnostic::error(shown, line, col, format!("`{resolver}` is not a resolver URL"))
                        .with_hint("write an http(s) URL with {symbol} (and optionally {lang}), such as \"https://undocs.org/{lang}/{symbol}\", or \"\" to leave outside citations unlinked"),
                );
            }
            config.resolver = (!resolver.is_empty()).then_some(resolver);
        }
        if let Some(theme) = &config.theme
            && (theme.contains(['/', '\\']) || theme.starts_with('.'))
        {
            let (line, col) = position("theme");
            diags.push(
                Diagnostic::error(shown, line, col, format!("`{theme}` is not a theme name"))
                    .with_hint("name a folder directly under themes/, e.g. `theme = \"archive\"`"),
            );
        }
        if config.languages.is_empty() && diags.is_empty() {
            let (line, col) = position("languages");
            diags.push(
                Diagnostic::error(shown, line, col, "the site has no language")
                    .with_hint("list at least one of ar, zh, en, fr, ru, es"),
            );
        }
        if let Err(why) = base_path_of(&config.base_url) {
            let (line, col) = position("base_url");
            diags.push(
                Diagnostic::error(shown, line, col, why)
                    .with_hint("write it as `https://example.org/archive/` or `/archive/`"),
            );
        }
        if diags.is_empty() {
            Ok(config)
        } else {
            Err(diags)
        }
    }

    /// The path part of the base URL, always starting and ending with `/`.
    pub fn base_path(&self) -> String {
        base_path_of(&self.base_url).unwrap_or_else(|_| "/".to_string())
    }

    /// The full URL of the site's root (`https://example.org/archive/`), when `base_url`
    /// names a host. Sitemaps, feeds and citations need it.
    pub fn absolute_base(&self) -> Option<String> {
        absolute_base_of(&self.base_url)
    }

    /// The site's name in one language.
    pub fn title_in(&self, lang: Lang) -> &str {
        self.titles.get(&lang).unwrap_or(&self.title)
    }
}

/// `https://example.org/archive` → `/archive/`; `/` → `/`.
pub fn base_path_of(base_url: &str) -> Result<String, String> {
    let rest = match base_url.split_once("://") {
        Some((scheme, rest)) if scheme == "http" || scheme == "https" => {
            rest.find('/').map_or("/", |i| &rest[i..])
        }
        Some((scheme, _)) => {
            return Err(format!(
                "the base URL must be http or https, not `{scheme}`"
            ));
        }
        None if base_url.starts_with('/') || base_url.is_empty() => base_url,
        None => return Err(format!("`{base_url}` is not a URL or an absolute path")),
    };
    let rest = rest.split(['?', '#']).next().unwrap_or("/");
    if rest.split('/').any(|seg| seg == ".." || seg == ".")
        || rest.contains(['"', '<', '>', '\'', ' '])
    {
        return Err(format!(
            "`{base_url}` has a path that cannot be used for links"
        ));
    }
    let trimmed = rest.trim_matches('/');
    Ok(if trimmed.is_empty() {
        "/".to_string()
    } else {
        format!("/{trimmed}/")
    })
}

/// `https://example.org/archive` → `https://example.org/archive/`; a bare path → `None`.
pub fn absolute_base_of(base_url: &str) -> Option<String> {
    let (scheme, rest) = base_url.split_once("://")?;
    if scheme != "http" && scheme != "https" {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    if host.is_empty() || host.contains(['"', '<', '>', '\'', ' ', '@']) {
        return None;
    }
    let path = base_path_of(base_url).ok()?;
    Some(format!("{scheme}://{host}{path}"))
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_paths_are_normalised() {
        assert_eq!(
            base_path_of("https://example.org/archive").unwrap(),
            "/archive/"
        );
        assert_eq!(base_path_of("https://example.org").unwrap(), "/");
        assert_eq!(base_path_of("/a/b/").unwrap(), "/a/b/");
        assert_eq!(base_path_of("").unwrap(), "/");
        assert!(base_path_of("ftp://x/").is_err());
        assert!(base_path_of("https://x/../etc").is_err());
    }

    #[test]
    fn absolute_bases_need_a_host() {
        assert_eq!(
            absolute_base_of("https://example.org/archive").as_deref(),
            Some("https://example.org/archive/")
        );
        assert_eq!(
            absolute_base_of("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080/")
        );
        assert_eq!(absolute_base_of("/archive/"), None);
        assert_eq!(absolute_base_of("https:///archive/"), None);
        let c = Config::parse("relative_links = true\n", Path::new("s")).unwrap();
        assert!(c.relative_links);
        assert_eq!(c.absolute_base(), None);
        assert!(c.search);
        let c = Config::parse("[search]\nenabled = false\n", Path::new("s")).unwrap();
        assert!(!c.search);
        assert!(Config::parse("[search]\nenable = false\n", Path::new("s")).is_err());
    }

    #[test]
    fn unknown_keys_are_errors_at_their_line() {
        let e =
            Config::parse("title = \"A\"\nbase_ulr = \"/\"\n", Path::new("site.toml")).unwrap_err();
        assert_eq!(e[0].line, 2);
    }

    #[test]
    fn languages_are_checked() {
        let e =
            Config::parse("languages = [\"en\", \"de\"]\n", Path::new("site.toml")).unwrap_err();
        assert!(e[0].message.contains("`de`"));
        let c = Config::parse(
            "languages = [\"fr\", \"ar\"]\ndefault_language = \"fr\"\n",
            Path::new("s"),
        )
        .unwrap();
        assert_eq!(c.languages, [Lang::Fr, Lang::Ar]);
        assert_eq!(c.default_language, Lang::Fr);
    }
}
