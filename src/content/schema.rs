//! The fields of a resolution file's front matter, named once: the parser reads them,
//! `plenary import` writes them in this order, and `docs/content-format.md` lists them in
//! it. The checks of each field's value are the parser's (`front_matter`).

/// A field the format defines.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub key: &'static str,
    pub required: bool,
    /// A line that gives the field, for a hint.
    pub example: &'static str,
}

const fn field(key: &'static str, required: bool, example: &'static str) -> Field {
    Field {
        key,
        required,
        example,
    }
}

pub const SYMBOL: Field = field("symbol", true, "symbol: A/RES/73/187");
pub const LANG: Field = field("lang", true, "lang: en");
pub const TITLE: Field = field("title", true, "title: …");
pub const ADOPTED: Field = field("adopted", true, "adopted: 2018-12-17");
pub const SESSION: Field = field("session", false, "session: 73");
pub const AGENDA_ITEMS: Field = field("agenda_items", false, "agenda_items: [109]");
pub const MEETING: Field = field("meeting", false, "meeting: 55");
pub const REPORT: Field = field("report", false, "report: A/73/589");
pub const COMMITTEE: Field = field("committee", false, "committee: Third Committee");
pub const ISSUED: Field = field("issued", false, "issued: 2019-01-07");
pub const DISTRIBUTION: Field = field("distribution", false, "distribution: General");
pub const VOTE: Field = field(
    "vote",
    false,
    "vote: {in_favour: 94, against: 59, abstentions: 33}",
);
pub const SUBJECTS: Field = field("subjects", false, "subjects: [COMPUTER CRIMES]");
pub const DRAFT: Field = field("draft", false, "draft: true");
pub const FOLLOWS: Field = field("follows", false, "follows: A/RES/72/196");

/// The fields the format defines, in the order the docs list them and `import` writes them.
pub const FIELDS: [Field; 15] = [
    SYMBOL,
    LANG,
    TITLE,
    ADOPTED,
    SESSION,
    AGENDA_ITEMS,
    MEETING,
    REPORT,
    COMMITTEE,
    ISSUED,
    DISTRIBUTION,
    VOTE,
    SUBJECTS,
    DRAFT,
    FOLLOWS,
];

pub const ADOPTED_UNANIMOUSLY: &str = "adopted_unanimously";
pub const ADOPTED_BY_CONSENSUS: &str = "adopted_by_consensus";
pub const ADOPTION_NOTE: &str = "adoption_note";

/// Keys the format defines for templates alone: they go to `page.extra` like any other
/// key, without the warning an unknown key near a known one gets. `plenary import`
/// writes them for what a closing line says beyond the vote.
pub const EXTRA_KEYS: [&str; 3] = [ADOPTED_UNANIMOUSLY, ADOPTED_BY_CONSENSUS, ADOPTION_NOTE];

/// The field a key names, when the format defines it.
pub fn field_of(key: &str) -> Option<Field> {
    FIELDS.iter().copied().find(|f| f.key == key)
}

/// How the format writes a vote that was not taken: `vote: without a vote`.
pub const WITHOUT_A_VOTE: &str = "without a vote";

#[cfg(test)]
mod tests {
    use super::*;

    /// The field table of docs/content-format.md: (key, required) in its order.
    fn documented() -> Vec<(String, bool)> {
        let doc = include_str!("../../docs/content-format.md");
        doc.lines()
            .skip_while(|l| !l.starts_with("| `symbol` |"))
            .take_while(|l| l.starts_with("| `"))
            .map(|l| {
                let cells: Vec<&str> = l.split('|').map(str::trim).collect();
                (cells[1].trim_matches('`').to_string(), cells[2] == "yes")
            })
            .collect()
    }

    #[test]
    fn the_docs_list_every_field_in_this_order_and_say_which_are_required() {
        let schema: Vec<(String, bool)> = FIELDS
            .iter()
            .map(|f| (f.key.to_string(), f.required))
            .chain(EXTRA_KEYS.iter().map(|k| (k.to_string(), false)))
            .collect();
        assert_eq!(documented(), schema);
    }

    #[test]
    fn every_example_names_its_own_field() {
        for f in FIELDS {
            assert!(f.example.starts_with(&format!("{}: ", f.key)), "{f:?}");
        }
    }
}
