//! The UI strings of one language, as Rust code reads them: the few keys the pages and
//! files name, each read in one place.

use std::collections::HashMap;
use std::sync::LazyLock;

use minijinja::Value;

use crate::model::{GroupKind, Lang, Organ, Session};

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

    /// A session as the UN's web and Digital Library name it in this language, the one
    /// name every page, index and heading gives it: "78th session", "78e session",
    /// "78º período de sesiones", "78-я сессия", "第78届会议", "الدورة 78"; special and
    /// emergency special sessions likewise ("10th emergency special session"). The forms
    /// are `session_names` (`regular`, `special`, `emergency_special`, and a `…_first`
    /// form for session 1 where the language has one: "1re session"); `{n}` is the
    /// number, `{nth}` the English ordinal (CLDR's rules: 1st 2nd 3rd 11th 21st 111th).
    pub fn session_name(&self, session: Session) -> String {
        let (kind, n) = match session {
            Session::Regular(n) => ("regular", n),
            Session::Special(n) => ("special", n),
            Session::EmergencySpecial(n) => ("emergency_special", n),
        };
        let table = self.shown("session_names");
        let form = |key: &str| {
            table
                .get_attr(key)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
        };
        let first = (n == 1).then(|| form(&format!("{kind}_first"))).flatten();
        match first.or_else(|| form(kind)) {
            Some(pattern) => pattern
                .replace("{nth}", &super::english_ordinal(u64::from(n)))
                .replace("{n}", &n.to_string()),
            None => session.key(),
        }
    }

    /// An ISO date (`2018-12-17`) as the language writes it (`date_format`, `months`).
    pub fn date(&self, iso: &str) -> String {
        super::format_date(iso, &self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Written by hand from the UN's web pages and its Digital Library ("78th session",
    /// "78e session", "78º período de sesiones", "78-я сессия", "第78届会议", "الدورة 78").
    #[test]
    fn sessions_are_named_as_the_un_names_them_in_six_languages() {
        let name = |l, s| Strings::built_in(l).session_name(s);
        let regular = Session::Regular;
        assert_eq!(name(Lang::En, regular(78)), "78th session");
        assert_eq!(name(Lang::Fr, regular(78)), "78e session");
        assert_eq!(name(Lang::Es, regular(78)), "78º período de sesiones");
        assert_eq!(name(Lang::Ru, regular(78)), "78-я сессия");
        assert_eq!(name(Lang::Zh, regular(78)), "第78届会议");
        assert_eq!(name(Lang::Ar, regular(78)), "الدورة 78");
        let english: Vec<String> = [1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111]
            .into_iter()
            .map(|n| name(Lang::En, regular(n)))
            .collect();
        assert_eq!(
            english,
            [
                "1st session",
                "2nd session",
                "3rd session",
                "4th session",
                "11th session",
                "12th session",
                "13th session",
                "21st session",
                "22nd session",
                "23rd session",
                "101st session",
                "111th session"
            ]
        );
        assert_eq!(name(Lang::Fr, regular(1)), "1re session");
        assert_eq!(name(Lang::Fr, regular(3)), "3e session");
        assert_eq!(
            name(Lang::En, Session::EmergencySpecial(10)),
            "10th emergency special session"
        );
        assert_eq!(
            name(Lang::Fr, Session::EmergencySpecial(1)),
            "1re session extraordinaire d’urgence"
        );
        assert_eq!(
            name(Lang::Es, Session::Special(27)),
            "27º período extraordinario de sesiones"
        );
        assert_eq!(
            name(Lang::Ru, Session::Special(27)),
            "27-я специальная сессия"
        );
        assert_eq!(
            name(Lang::Zh, Session::EmergencySpecial(10)),
            "第10届紧急特别会议"
        );
        assert_eq!(
            name(Lang::Ar, Session::EmergencySpecial(10)),
            "الدورة الاستثنائية الطارئة 10"
        );
    }
}
