//! The UI strings of one language, as Rust code reads them: the few keys the pages and
//! files name, each read in one place.

use std::collections::HashMap;
use std::sync::LazyLock;

use minijinja::Value;

use crate::model::{GroupKind, Lang, Organ};

/// The UI strings of one language: a site theme's over the built-in theme's.
#[derive(Debug, Clone, Default)]
pub struct Strings(Value);

/// The built-in theme's strings, parsed once.
static BUILT_IN: LazyLock<HashMap<Lang, Strings>> = LazyLock::new(|| {
    super::load_strings(&[(super::BUILT_IN_STRINGS.to_string(), Default::default())])
        .expect("the built-in strings parse")
        .into_iter()
        .map(|(lang, value)| (lang, Strings(value)))
        .collect()
});

impl Strings {
    pub fn new(value: Value) -> Strings {
        Strings(value)
    }

    /// The built-in theme's strings of a language, whatever the site's theme: the open
    /// data, feeds and citation files of an archive say the same under any theme.
    pub fn built_in(lang: Lang) -> &'static Strings {
        static EMPTY: LazyLock<Strings> = LazyLock::new(Strings::default);
        BUILT_IN.get(&lang).unwrap_or(&EMPTY)
    }

    /// The whole table, the `t` of templates.
    pub fn value(&self) -> Value {
        self.0.clone()
    }

    /// A string, as the template would show it (undefined when missing).
    pub fn shown(&self, key: &str) -> Value {
        self.0.get_attr(key).unwrap_or_default()
    }

    /// A string, when the table has it.
    pub fn text(&self, key: &str) -> Option<String> {
        self.0
            .get_attr(key)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    }

    /// An organ's name from the table `table` (`organs`, `citation_organs`).
    pub fn organ(&self, table: &str, organ: Organ) -> Option<String> {
        self.0
            .get_attr(table)
            .ok()?
            .get_attr(organ.key())
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
    }

    /// The heading of a list of groups of a kind: "Sessions", "Subjects", ….
    pub fn group_kind(&self, kind: GroupKind) -> Value {
        self.shown(match kind {
            GroupKind::Session => "sessions",
            GroupKind::Year => "years",
            GroupKind::Subject => "subjects",
            GroupKind::Committee => "committees",
            GroupKind::AgendaItem => "agenda_items",
        })
    }

    /// An ISO date (`2018-12-17`) as the language writes it (`date_format`, `months`).
    pub fn date(&self, iso: &str) -> String {
        super::format_date(iso, &self.0)
    }
}
