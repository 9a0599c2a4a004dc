//! The minijinja environment: the built-in theme, a site theme's overrides, the UI strings
//! in six languages, and the filters templates use. It knows nothing of where pages go.

mod strings;

pub use strings::Strings;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use minijinja::{Environment, Error as TemplateError, UndefinedBehavior, Value};

use crate::diagnostic::Diagnostic;
use crate::model::Lang;

/// The built-in theme, compiled into the binary so a site needs no `themes/` folder.
const BUILT_IN: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../../themes/default/templates/base.html"),
    ),
    (
        "macros.html",
        include_str!("../../themes/default/templates/macros.html"),
    ),
    (
        "home.html",
        include_str!("../../themes/default/templates/home.html"),
    ),
    (
        "lang_home.html",
        include_str!("../../themes/default/templates/lang_home.html"),
    ),
    (
        "resolution.html",
        include_str!("../../themes/default/templates/resolution.html"),
    ),
    (
        "symbol.html",
        include_str!("../../themes/default/templates/symbol.html"),
    ),
    (
        "groups.html",
        include_str!("../../themes/default/templates/groups.html"),
    ),
    (
        "group.html",
        include_str!("../../themes/default/templates/group.html"),
    ),
    (
        "country.html",
        include_str!("../../themes/default/templates/country.html"),
    ),
    (
        "countries.html",
        include_str!("../../themes/default/templates/countries.html"),
    ),
    (
        "vote_map.html",
        include_str!("../../themes/default/templates/vote_map.html"),
    ),
    (
        "series.html",
        include_str!("../../themes/default/templates/series.html"),
    ),
    (
        "series_index.html",
        include_str!("../../themes/default/templates/series_index.html"),
    ),
    (
        "series_macros.html",
        include_str!("../../themes/default/templates/series_macros.html"),
    ),
    (
        "changes.html",
        include_str!("../../themes/default/templates/changes.html"),
    ),
    (
        "404.html",
        include_str!("../../themes/default/templates/404.html"),
    ),
    (
        "head_links.html",
        include_str!("../../themes/default/templates/head_links.html"),
    ),
    (
        "jsonld.html",
        include_str!("../../themes/default/templates/jsonld.html"),
    ),
    (
        "cite_this.html",
        include_str!("../../themes/default/templates/cite_this.html"),
    ),
    (
        "search.html",
        include_str!("../../themes/default/templates/search.html"),
    ),
];

const BUILT_IN_STRINGS: &str = include_str!("../../themes/default/strings.toml");

/// Static files of the built-in theme: (path under the output, bytes).
pub const BUILT_IN_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../../themes/default/static/style.css"),
    ),
    (
        "series.css",
        include_bytes!("../../themes/default/static/series.css"),
    ),
    (
        "favicon.svg",
        include_bytes!("../../themes/default/static/favicon.svg"),
    ),
    (
        "search.js",
        include_bytes!("../../themes/default/static/search.js"),
    ),
];

/// A loaded theme, shared by every rendering thread.
pub struct Theme {
    env: Environment<'static>,
    /// Template name → the file a user would edit, for diagnostics.
    origins: HashMap<String, PathBuf>,
    strings: HashMap<Lang, Value>,
    /// The site theme's folder, when there is one.
    pub dir: Option<PathBuf>,
}

impl std::fmt::Debug for Theme {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Theme")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

impl Theme {
    /// Loads the built-in theme, then the templates and strings of `themes/NAME/` over it.
    /// Every template is compiled up front, so a syntax error is reported before anything
    /// is rendered.
    pub fn load(site_root: &Path, name: Option<&str>) -> Result<Theme, Vec<Diagnostic>> {
        let mut diags = Vec::new();
        let mut sources: BTreeMap<String, (String, PathBuf)> = BUILT_IN
            .iter()
            .map(|(n, src)| {
                (
                    n.to_string(),
                    (
                        src.to_string(),
                        PathBuf::from(format!("(built-in theme)/templates/{n}")),
                    ),
                )
            })
            .collect();
        let mut strings_text = vec![(
            BUILT_IN_STRINGS.to_string(),
            PathBuf::from("(built-in theme)/strings.toml"),
        )];
        let mut dir = None;
        if let Some(name) = name {
            let theme_dir = site_root.join("themes").join(name);
            let shown = Path::new("themes").join(name);
            if !theme_dir.join("templates").is_dir() {
                diags.push(
                    Diagnostic::error("site.toml", 0, 0, format!("the theme `{name}` does not exist: there is no folder {}", shown.join("templates").display()))
                        .with_hint("create that folder, correct `theme` in site.toml, or remove the line to use the built-in theme"),
                );
                return Err(diags);
            }
            read_templates(&theme_dir, &shown, &mut sources, &mut diags);
            let strings_path = theme_dir.join("strings.toml");
            if let Ok(text) = std::fs::read_to_string(&strings_path) {
                strings_text.push((text, shown.join("strings.toml")));
            }
            dir = Some(theme_dir);
        }

        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Chainable);
        env.add_filter("date", format_date_filter);
        env.add_filter("fill", fill);
        env.add_filter("plural", plural);
        env.add_filter("session_name", session_name);
        env.set_formatter(html_formatter);
        let mut origins = HashMap::new();
        for (name, (src, origin)) in sources {
            if let Err(e) = env.add_template_owned(name.clone(), src) {
                diags.push(template_diagnostic(&e, &origin));
            }
            origins.insert(name, origin);
        }

        let strings = match load_strings(&strings_text) {
            Ok(s) => s,
            Err(d) => {
                diags.extend(d);
                HashMap::new()
            }
        };
        if !diags.is_empty() {
            return Err(diags);
        }
        env.add_global(
            "strings_by_lang",
            crate::theme::to_value(
                strings
                    .iter()
                    .map(|(l, v)| (l.code(), v.clone()))
                    .collect::<BTreeMap<_, _>>(),
            ),
        );
        Ok(Theme {
            env,
            origins,
            strings,
            dir,
        })
    }

    /// Renders a template with a context.
    pub fn render(&self, template: &str, context: Value) -> Result<String, Diagnostic> {
        let tmpl = self
            .env
            .get_template(template)
            .map_err(|e| self.diagnostic(&e, template))?;
        tmpl.render(context)
            .map_err(|e| self.diagnostic(&e, template))
    }

    /// The UI strings of one language (the `t` variable of templates).
    pub fn strings(&self, lang: Lang) -> Strings {
        Strings::new(self.strings.get(&lang).cloned().unwrap_or_default())
    }

    fn diagnostic(&self, e: &TemplateError, fallback: &str) -> Diagnostic {
        let name = e.name().unwrap_or(fallback);
        let origin = self
            .origins
            .get(name)
            .cloned()
            .unwrap_or_else(|| PathBuf::from(name));
        template_diagnostic(e, &origin)
    }
}

fn template_diagnostic(e: &TemplateError, origin: &Path) -> Diagnostic {
    let mut message = format!("template error: {}", e.kind());
    if let Some(detail) = e.detail() {
        message.push_str(": ");
        message.push_str(detail);
    }
    let mut source = std::error::Error::source(e);
    while let Some(inner) = source {
        message.push_str(&format!(" ({inner})"));
        source = inner.source();
    }
    Diagnostic::error(origin, e.line().unwrap_or(0), 1, message)
        .with_hint("fix the template at this line; the minijinja syntax is Jinja2's: {{ value }}, {% if %}…{% endif %}, {% for %}…{% endfor %}")
}

/// Any serialisable value as a template value.
pub fn to_value<T: serde::Serialize>(value: T) -> Value {
    Value::from(minijinja::value::Serde(value))
}

/// The templates of a site theme's `templates/` folder (hidden files left out), over
/// the built-in ones of the same name; a file that cannot be read is a problem.
fn read_templates(
    theme_dir: &Path,
    shown: &Path,
    sources: &mut BTreeMap<String, (String, PathBuf)>,
    diags: &mut Vec<Diagnostic>,
) {
    let walker = walkdir::WalkDir::new(theme_dir.join("templates"))
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let Ok(entry) = entry else { continue };
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry
            .path()
            .strip_prefix(theme_dir.join("templates"))
            .unwrap_or(entry.path());
        let template_name = rel.to_string_lossy().replace('\\', "/");
        let shown_path = shown.join("templates").join(rel);
        match std::fs::read_to_string(entry.path()) {
            Ok(src) => {
                sources.insert(template_name, (src, shown_path));
            }
            Err(e) => diags.push(
                Diagnostic::error(shown_path, 0, 0, format!("cannot read the template: {e}"))
                    .with_hint("save it as UTF-8 text"),
            ),
        }
    }
}

/// Reads `[lang]` tables of strings; later files override keys of earlier ones.
fn load_strings(files: &[(String, PathBuf)]) -> Result<HashMap<Lang, Value>, Vec<Diagnostic>> {
    // The months of dates are the model's (`model::months`), unless a theme names them.
    let mut merged: BTreeMap<Lang, toml::Table> = Lang::ALL
        .into_iter()
        .map(|lang| {
            let months = crate::model::months::written(lang)
                .into_iter()
                .map(toml::Value::String)
                .collect();
            (
                lang,
                toml::Table::from_iter([("months".to_string(), toml::Value::Array(months))]),
            )
        })
        .collect();
    let mut diags = Vec::new();
    for (text, origin) in files {
        let table: toml::Table = match toml::from_str(text) {
            Ok(t) => t,
            Err(e) => {
                let line = e
                    .span()
                    .map_or(1, |s| text[..s.start].matches('\n').count() + 1);
                diags.push(
                    Diagnostic::error(origin, line, 1, e.message().trim().to_string()).with_hint(
                        "each language is a table: [en] followed by `key = \"text\"` lines",
                    ),
                );
                continue;
            }
        };
        for (tag, value) in table {
            let Some(lang) = Lang::parse(&tag) else {
                diags.push(
                    Diagnostic::error(
                        origin,
                        1,
                        1,
                        format!("`[{tag}]` is not one of the six languages"),
                    )
                    .with_hint("use [ar], [zh], [en], [fr], [ru] or [es]"),
                );
                continue;
            };
            if let toml::Value::Table(t) = value {
                merged.entry(lang).or_default().extend(t);
            }
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(merged
        .into_iter()
        .map(|(l, t)| (l, crate::theme::to_value(&t)))
        .collect())
}

/// Escapes like minijinja's HTML mode but leaves `/` alone: it needs no escaping in text
/// or quoted attributes, and URLs stay readable in the page source.
fn html_formatter(
    out: &mut minijinja::Output,
    state: &mut minijinja::State,
    value: &Value,
) -> Result<(), TemplateError> {
    let escape = matches!(state.auto_escape(), minijinja::AutoEscape::Html) && !value.is_safe();
    match value.as_str() {
        Some(text) if escape => {
            let mut last = 0;
            for (i, c) in text.char_indices() {
                let entity = match c {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&text[last..i]).map_err(TemplateError::from)?;
                out.write_str(entity).map_err(TemplateError::from)?;
                last = i + 1;
            }
            out.write_str(&text[last..]).map_err(TemplateError::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// `{{ t.page_n|fill(3) }}`: puts a value into a UI string at `{n}`, or at `{nth}` as
/// an English ordinal (`56th`, `42nd`).
/// Named values go into `{name}`: `{{ t.vote_counts|fill(in_favour=94, against=59) }}`.
fn fill(
    pattern: String,
    value: Option<Value>,
    named: minijinja::value::Kwargs,
) -> Result<String, TemplateError> {
    let mut out = pattern;
    if let Some(value) = value {
        let n = value.to_string();
        let nth = match n.parse::<u64>() {
            Ok(v) => english_ordinal(v),
            Err(_) => n.clone(),
        };
        out = out.replace("{nth}", &nth).replace("{n}", &n);
    }
    for key in named.args() {
        let v: Value = named.get(key)?;
        out = out.replace(&format!("{{{key}}}"), &v.to_string());
    }
    named.assert_all_used()?;
    Ok(out)
}

/// `{{ page.session.key|session_name(t) }}`: a session (`78`, `S-10`, `ES-10`) named in
/// the language of the strings `t` ([`Strings::session_name`], the one name of a session
/// on every page). Anything that is not a session is shown as it is.
fn session_name(key: Value, t: Value) -> String {
    let text = key.to_string();
    match crate::model::Session::parse(&text) {
        Some(session) => Strings::new(t).session_name(session),
        None => text,
    }
}

/// `{{ t.paragraphs_added|plural(3) }}`: the plural form of the page's language for `n`,
/// from a table of forms keyed by CLDR category (`zero`, `one`, `two`, `few`, `many`,
/// `other`; a missing one falls back to `other`), with `n` put into `{n}`. A plain string
/// serves every number.
fn plural(state: &minijinja::State, forms: Value, n: i64) -> Result<String, TemplateError> {
    let lang = state
        .lookup("lang")
        .and_then(|v| v.as_str().and_then(Lang::parse))
        .unwrap_or(Lang::En);
    Ok(plural_form(&forms, lang, n))
}

/// The form of a count string for `n` in `lang`, with `n` put into `{n}`: what the
/// `plural` filter shows, for the counts pages make outside templates too.
pub fn plural_form(forms: &Value, lang: Lang, n: i64) -> String {
    let category = crate::plural::category(lang, n.unsigned_abs());
    let pick = |key: &str| {
        forms
            .get_attr(key)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    };
    let pattern = match forms.as_str() {
        Some(s) => s.to_string(),
        None => pick(category.key())
            .or_else(|| pick("other"))
            .unwrap_or_default(),
    };
    pattern.replace("{n}", &n.to_string())
}

/// An English ordinal by CLDR's rules: `1st`, `2nd`, `3rd`, `11th`, `21st`, `111th`.
fn english_ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// `{{ date|date(lang) }}`: an ISO date in the UN's form for the language, using the
/// `months` and `date_format` strings of that language.
fn format_date_filter(
    state: &minijinja::State,
    date: Value,
    lang: Option<String>,
) -> Result<Value, TemplateError> {
    let Some(iso) = date.as_str() else {
        return Ok(date);
    };
    let lang = lang.or_else(|| {
        state
            .lookup("lang")
            .and_then(|v| v.as_str().map(str::to_string))
    });
    let strings = state.lookup("strings_by_lang");
    let t = match (strings, lang) {
        (Some(s), Some(l)) => s.get_attr(&l).unwrap_or_default(),
        _ => Value::UNDEFINED,
    };
    Ok(Value::from(format_date(iso, &t)))
}

/// Formats `2018-12-17` with a pattern such as `{d} {month} {y}` and twelve month names.
pub fn format_date(iso: &str, strings: &Value) -> String {
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_string();
    };
    let pattern = strings
        .get_attr("date_format")
        .ok()
        .and_then(|v| v.as_str().map(str::to_string));
    let name = strings
        .get_attr("months")
        .ok()
        .and_then(|v| v.get_item(&Value::from(month.wrapping_sub(1))).ok())
        .and_then(|v| v.as_str().map(str::to_string));
    match (pattern, name) {
        (Some(p), Some(n)) => p
            .replace("{d}", &day.to_string())
            .replace("{m}", &month.to_string())
            .replace("{month}", &n)
            .replace("{y}", y),
        _ => iso.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_follow_english_usage() {
        let f = |p: &str, n: i64| {
            let none = minijinja::value::Kwargs::from_iter(Vec::<(&str, Value)>::new());
            fill(p.into(), Some(Value::from(n)), none).unwrap()
        };
        assert_eq!(f("{nth} plenary meeting", 56), "56th plenary meeting");
        assert_eq!(f("{nth}", 42), "42nd");
        assert_eq!(f("{nth}", 111), "111th");
        assert_eq!(f("第 {n} 次全体会议", 56), "第 56 次全体会议");
    }

    #[test]
    fn plural_picks_the_form_of_the_page_language() {
        let mut env = Environment::new();
        env.add_filter("plural", plural);
        let forms = minijinja::context! {
            one => "{n} пункт", few => "{n} пункта", many => "{n} пунктов", other => "{n} пункта"
        };
        let render = |lang: &str, n: i64| {
            env.render_str(
                "{{ forms|plural(n) }}",
                minijinja::context! { lang, forms => forms.clone(), n },
            )
            .unwrap()
        };
        assert_eq!(render("ru", 1), "1 пункт");
        assert_eq!(render("ru", 3), "3 пункта");
        assert_eq!(render("ru", 11), "11 пунктов");
        // English has no "few": the "one" and "other" forms serve.
        assert_eq!(render("en", 3), "3 пункта");
        let plain = env
            .render_str(
                "{{ '{n} 段'|plural(4) }}",
                minijinja::context! { lang => "zh" },
            )
            .unwrap();
        assert_eq!(plain, "4 段");
    }

    /// The count of resolutions of an index page and a home, in the built-in strings,
    /// agrees with its number in every language (forms written by hand from CLDR).
    #[test]
    fn the_count_of_resolutions_agrees_in_six_languages() {
        let theme = Theme::load(Path::new("/nonexistent"), None).unwrap();
        let count = |l, n| plural_form(&theme.strings(l).shown("resolutions_n"), l, n);
        assert_eq!(count(Lang::En, 1), "1 resolution");
        assert_eq!(count(Lang::En, 0), "0 resolutions");
        assert_eq!(count(Lang::Fr, 1), "1 résolution");
        assert_eq!(count(Lang::Fr, 0), "0 résolution");
        assert_eq!(count(Lang::Fr, 2), "2 résolutions");
        assert_eq!(count(Lang::Es, 1), "1 resolución");
        assert_eq!(count(Lang::Es, 31), "31 resoluciones");
        assert_eq!(count(Lang::Ru, 1), "1 резолюция");
        assert_eq!(count(Lang::Ru, 21), "21 резолюция");
        assert_eq!(count(Lang::Ru, 3), "3 резолюции");
        assert_eq!(count(Lang::Ru, 11), "11 резолюций");
        assert_eq!(count(Lang::Ru, 1020), "1020 резолюций");
        assert_eq!(count(Lang::Ar, 0), "لا قرارات");
        assert_eq!(count(Lang::Ar, 1), "قرار واحد");
        assert_eq!(count(Lang::Ar, 2), "قراران");
        assert_eq!(count(Lang::Ar, 3), "3 قرارات");
        assert_eq!(count(Lang::Ar, 11), "11 قرارًا");
        assert_eq!(count(Lang::Ar, 100), "100 قرار");
        assert_eq!(count(Lang::Zh, 1), "1 项决议");
    }

    /// A version shown in another language is named in the page's language, for each of
    /// the six: never by its own name ("affichée en English").
    #[test]
    fn a_version_in_another_language_is_named_in_the_page_language() {
        let theme = Theme::load(Path::new("/nonexistent"), None).unwrap();
        let shown = |page: Lang, other: Lang| {
            theme
                .strings(page)
                .shown("shown_in_language")
                .get_attr(other.code())
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default()
        };
        assert_eq!(shown(Lang::Fr, Lang::En), "affichée en anglais");
        assert_eq!(shown(Lang::Ar, Lang::En), "معروض باللغة الإنكليزية");
        assert_eq!(shown(Lang::Zh, Lang::Fr), "以法文显示");
        assert_eq!(shown(Lang::Ru, Lang::Zh), "показана на китайском языке");
        assert_eq!(shown(Lang::Es, Lang::Ar), "mostrada en árabe");
        assert_eq!(shown(Lang::En, Lang::Ru), "shown in Russian");
        let autonyms = [
            "العربية",
            "中文",
            "English",
            "Français",
            "Русский",
            "Español",
        ];
        for page in Lang::ALL {
            for other in Lang::ALL {
                let text = shown(page, other);
                assert!(!text.is_empty(), "{page:?} has no name for {other:?}");
                for (name, lang) in autonyms.iter().zip(Lang::ALL) {
                    assert!(lang == page || !text.contains(name), "{page:?}: {text}");
                }
            }
        }
    }

    #[test]
    fn dates_take_the_form_of_each_language() {
        let theme = Theme::load(Path::new("/nonexistent"), None).unwrap();
        let d = |l| theme.strings(l).date("2018-12-17");
        assert_eq!(d(Lang::En), "17 December 2018");
        assert_eq!(d(Lang::Fr), "17 décembre 2018");
        assert_eq!(d(Lang::Es), "17 de diciembre de 2018");
        assert_eq!(d(Lang::Ru), "17 декабря 2018 года");
        assert_eq!(d(Lang::Zh), "2018 年 12 月 17 日");
        assert_eq!(d(Lang::Ar), "17 كانون الأول/ديسمبر 2018");
    }
}
