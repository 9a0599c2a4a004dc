//! The UNBIS Thesaurus as published: `unbis_thesaurus.lst`, the GATE gazetteer list of
//! English labels (`LABEL<TAB>pref_label=…<TAB>uri=…#ID<TAB>kind=pref|alt`), and
//! `all_topics.json`, the six-language scrape of metadata.un.org (`{"topics": [{url,
//! identifier, labels, related}]}`, where `related` holds the broader concepts). Either
//! alone is a thesaurus; with both, the JSON's concepts and labels win and the list adds
//! the English alternative labels (and its older preferred labels, as alternatives).

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use serde::Deserialize;

use super::json_places::object_lines;
use super::{Problems, Row};
use crate::model::{Concept, Lang, Thesaurus};

/// The names the two files are recognised by, anywhere in `data/`.
pub const LIST_NAME: &str = "unbis_thesaurus.lst";
pub const TOPICS_NAME: &str = "all_topics.json";
/// The scrape's list of domains, beside `all_topics.json`: English only, and its
/// microthesauri are in `all_topics.json` too; not read.
pub const HIERARCHY_NAME: &str = "hierarchy.json";

/// One line of the list: a label of a concept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListLabel {
    pub label: String,
    pub pref_label: String,
    pub id: String,
    pub preferred: bool,
}

/// The labels of `unbis_thesaurus.lst`. A line without its `uri=`, or with a URI that is
/// not the thesaurus', is a warning at its line, passed over.
pub fn read_list(text: &str, shown: &Path, problems: &mut Problems) -> Vec<ListLabel> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let row = Row { line: i + 1 };
        if line.trim().is_empty() {
            continue;
        }
        let mut fields = line.split('\t');
        let label = fields.next().unwrap_or("").trim();
        let mut values: HashMap<&str, &str> = HashMap::new();
        for f in fields {
            if let Some((k, v)) = f.split_once('=') {
                values.insert(k.trim(), v.trim());
            }
        }
        let (Some(uri), false) = (values.get("uri"), label.is_empty()) else {
            problems.row_warning(shown, row, "skipped: the line has no label or no `uri=`", "write LABEL<TAB>pref_label=…<TAB>uri=http://metadata.un.org/thesaurus#ID<TAB>kind=pref or alt, as the GATE list does");
            continue;
        };
        let Some(id) = uri_id(uri) else {
            problems.row_warning(
                shown,
                row,
                format!("skipped: `{uri}` is not a URI of the UNBIS Thesaurus"),
                "a concept's URI is http://metadata.un.org/thesaurus#ID or …/thesaurus/ID",
            );
            continue;
        };
        out.push(ListLabel {
            label: label.to_string(),
            pref_label: values.get("pref_label").unwrap_or(&label).to_string(),
            id: id.to_string(),
            preferred: values.get("kind").is_none_or(|k| *k == "pref"),
        });
    }
    out
}

/// The identifier of a thesaurus URI, in either published form.
fn uri_id(uri: &str) -> Option<&str> {
    let rest = uri
        .strip_prefix("http://")
        .or_else(|| uri.strip_prefix("https://"))?
        .strip_prefix("metadata.un.org/thesaurus")?;
    let id = rest.strip_prefix('#').or_else(|| rest.strip_prefix('/'))?;
    (!id.is_empty() && id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')).then_some(id)
}

#[derive(Deserialize)]
struct Topics {
    topics: Vec<Topic>,
}

#[derive(Deserialize)]
struct Topic {
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    identifier: Option<String>,
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    related: Vec<String>,
}

/// The concepts of `all_topics.json`, with the line each starts at. Labels are trimmed
/// (the scrape left spaces around twelve); a Chinese label in Cyrillic letters (the
/// scrape's SLOVENES) is dropped. A malformed file is an error at its line; a topic
/// without an identifier or an English label, or a broader identifier that names no
/// topic of the file, is a warning at the topic's line.
pub fn read_topics(text: &str, shown: &Path, problems: &mut Problems) -> Vec<(Concept, usize)> {
    let topics: Topics = match serde_json::from_str(text) {
        Ok(t) => t,
        Err(e) => {
            problems.json_error(shown, &e, "restore the file as the scrape of metadata.un.org publishes it: {\"topics\": [{\"url\", \"identifier\", \"labels\", \"related\"}, …]}");
            return Vec::new();
        }
    };
    let lines = object_lines(text, 2);
    let mut out = Vec::new();
    for (i, t) in topics.topics.into_iter().enumerate() {
        let row = Row {
            line: lines.get(i).copied().unwrap_or(0),
        };
        let id = t
            .identifier
            .or_else(|| t.url.as_deref().and_then(uri_id).map(String::from))
            .filter(|id| !id.trim().is_empty());
        let labels = labels_of(&t.labels);
        let (Some(id), true) = (id, labels[2].is_some()) else {
            problems.row_warning(shown, row, "skipped: a topic needs an `identifier` (or a `url`) and an English label", "give the topic \"identifier\": \"1001186\" and \"labels\": {\"en\": …}, or remove it");
            continue;
        };
        out.push((
            Concept {
                id: id.trim().to_string(),
                labels,
                alt_labels: Vec::new(),
                broader: t.related,
            },
            row.line,
        ));
    }
    let known: HashSet<&str> = out.iter().map(|(c, _)| c.id.as_str()).collect();
    for (c, line) in &out {
        for b in c.broader.iter().filter(|b| !known.contains(b.as_str())) {
            problems.row_warning(shown, Row { line: *line }, format!("the broader concept `{b}` of {} is not in this file", c.id), "remove the identifier from `related`, or restore the file as published; pages leave it out");
        }
    }
    out
}

/// The six labels in [`Lang::ALL`]'s order, trimmed, empty ones left out.
fn labels_of(labels: &BTreeMap<String, String>) -> [Option<String>; 6] {
    Lang::ALL.map(|lang| {
        let l = labels.get(lang.code())?.trim();
        let cyrillic_in_chinese =
            lang == Lang::Zh && l.chars().any(|c| ('\u{400}'..='\u{4ff}').contains(&c));
        (!l.is_empty() && !cyrillic_in_chinese).then(|| l.to_string())
    })
}

/// The thesaurus of what `data/` holds: the topics' concepts, with the list's labels
/// added to them, and the list's concepts the topics lack, in English.
pub fn thesaurus(list: Vec<ListLabel>, topics: Vec<Concept>) -> Thesaurus {
    let mut concepts = topics;
    let mut at: HashMap<String, usize> = concepts
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    for l in list {
        let i = *at.entry(l.id.clone()).or_insert_with(|| {
            let mut labels: [Option<String>; 6] = Default::default();
            labels[2] = Some(l.pref_label.clone());
            concepts.push(Concept {
                id: l.id.clone(),
                labels,
                alt_labels: Vec::new(),
                broader: Vec::new(),
            });
            concepts.len() - 1
        });
        let c = &mut concepts[i];
        let names_it = c.label_in(Lang::En) == Some(l.label.as_str());
        if !names_it && !c.alt_labels.contains(&l.label) {
            c.alt_labels.push(l.label);
        }
    }
    Thesaurus::new(concepts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;

    /// Real lines of unbis_thesaurus.lst (GateNLP/gateplugin-UNGA), as published.
    const LIST: &str = "COMPUTER CRIMES\tpref_label=COMPUTER CRIMES\turi=http://metadata.un.org/thesaurus#1001186\tkind=pref\n\
CRIME AND CRIMINAL JUSTICE\tpref_label=CRIME AND CRIMINAL JUSTICE\turi=http://metadata.un.org/thesaurus#140402\tkind=pref\n\
NEGATIVE SECURITY ASSURANCES\tpref_label=SECURITY ASSURANCES\turi=http://metadata.un.org/thesaurus#1005785\tkind=alt\n\
NETHERLANDS\tpref_label=NETHERLANDS\turi=http://metadata.un.org/thesaurus#1004380\tkind=pref\n";

    /// Real topics of all_topics.json (ClementSicard/un-unbis-thesaurus-scraper), as
    /// published, SLOVENES with its Russian "zh" label; NETHERLANDS shortened to its
    /// fields that matter here, with the scrape's trailing spaces.
    const TOPICS: &str = r#"{
    "topics": [
        {
            "url": "http://metadata.un.org/thesaurus/1001186",
            "identifier": "1001186",
            "labels": {
                "fr": "CRIMES INFORMATIQUES",
                "en": "COMPUTER CRIMES",
                "zh": "计算机犯罪",
                "es": "CRIMENES MEDIANTE COMPUTADORAS",
                "ar": "الجرائم الإلكترونية",
                "ru": "Компьютерные преступления"
            },
            "related": [
                "140402",
                "1001103"
            ]
        },
        {
            "url": "http://metadata.un.org/thesaurus/140402",
            "identifier": "140402",
            "labels": {
                "ru": "ПРЕСТУПЛЕНИЕ И УГОЛОВНОЕ ПРАВОСУДИЕ",
                "es": "DELITO Y JUSTICIA PENAL",
                "en": "CRIME AND CRIMINAL JUSTICE",
                "ar": "جريمة وعدالة جنائية",
                "fr": "CRIMINALITE ET JUSTICE CRIMINELLE",
                "zh": "犯罪和刑事司法"
            },
            "related": []
        },
        {
            "url": "http://metadata.un.org/thesaurus/c_cc2b6392",
            "identifier": "c_cc2b6392",
            "labels": {
                "ar": "السلوفينيون",
                "fr": "SLOVENES",
                "en": "SLOVENES",
                "zh": "СЛОВЕНЦЫ",
                "es": "ESLOVENOS"
            },
            "related": []
        },
        {
            "url": "http://metadata.un.org/thesaurus/1004380",
            "identifier": "1004380",
            "labels": {
                "en": "NETHERLANDS (KINGDOM OF THE) ",
                "zh": "荷兰王国 "
            },
            "related": []
        }
    ]
}"#;

    fn read_both(list: &str, topics: &str) -> (Thesaurus, Vec<Diagnostic>) {
        let mut problems = Problems::default();
        let l = read_list(
            list,
            Path::new("data/unbis/unbis_thesaurus.lst"),
            &mut problems,
        );
        let t = read_topics(
            topics,
            Path::new("data/unbis/all_topics.json"),
            &mut problems,
        );
        (
            thesaurus(l, t.into_iter().map(|(c, _)| c).collect()),
            problems.finish(),
        )
    }

    #[test]
    fn real_rows_of_both_files_join_on_the_identifier() {
        let (t, d) = read_both(LIST, TOPICS);
        // 1001103 COMMERCIAL CRIMES is left out of this excerpt.
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].line, 3);
        assert!(d[0].message.contains("`1001103`"), "{}", d[0].message);
        let c = t.resolve("Computer crimes").unwrap();
        assert_eq!(c.label_in(Lang::Ru), Some("Компьютерные преступления"));
        assert_eq!(c.label_in(Lang::Ar), Some("الجرائم الإلكترونية"));
        let (broader, missing) = t.broader(c);
        assert_eq!(broader[0].english(), "CRIME AND CRIMINAL JUSTICE");
        assert_eq!(missing, ["1001103"]);
        // The list's concept the topics lack is English only; its alternative label names it.
        let assurances = t.resolve("negative security assurances").unwrap();
        assert_eq!(
            (assurances.id.as_str(), assurances.english()),
            ("1005785", "SECURITY ASSURANCES")
        );
        assert_eq!(assurances.label_in(Lang::Fr), None);
    }

    #[test]
    fn the_scrapes_quirks_are_mended() {
        let (t, _) = read_both(LIST, TOPICS);
        let slovenes = t.by_id("c_cc2b6392").unwrap();
        assert_eq!(
            slovenes.label_in(Lang::Zh),
            None,
            "the Russian label is not Chinese"
        );
        assert_eq!(slovenes.label_for(Lang::Zh), ("SLOVENES", Lang::En));
        let nl = t.by_id("1004380").unwrap();
        assert_eq!(nl.english(), "NETHERLANDS (KINGDOM OF THE)");
        assert_eq!(nl.label_in(Lang::Zh), Some("荷兰王国"));
        // The list's older name is an alternative label now.
        assert_eq!(t.resolve("netherlands").unwrap().id, "1004380");
        assert_eq!(
            t.resolve("http://metadata.un.org/thesaurus/1004380")
                .unwrap()
                .id,
            "1004380"
        );
    }

    #[test]
    fn bad_lines_and_topics_are_passed_over_at_their_lines() {
        let list = "COMPUTER CRIMES\tpref_label=COMPUTER CRIMES\tkind=pref\n\
EMBARGO\tpref_label=EMBARGO\turi=http://example.org/thesaurus#1001983\tkind=pref\n\
OUTER SPACE\tpref_label=OUTER SPACE\turi=http://metadata.un.org/thesaurus#1004676\tkind=pref\n";
        let topics = TOPICS
            .replace("\"identifier\": \"140402\",", "")
            .replace("\"url\": \"http://metadata.un.org/thesaurus/140402\",", "");
        let (t, d) = read_both(list, &topics);
        let at: Vec<(&str, usize)> = d
            .iter()
            .map(|d| (d.path.to_str().unwrap(), d.line))
            .collect();
        assert_eq!(
            at,
            [
                ("data/unbis/unbis_thesaurus.lst", 1),
                ("data/unbis/unbis_thesaurus.lst", 2),
                // The topic of 140402 opens at line 19; 1001186 at line 3 names it broader.
                ("data/unbis/all_topics.json", 19),
                ("data/unbis/all_topics.json", 3),
                ("data/unbis/all_topics.json", 3),
            ]
        );
        assert!(
            d[1].message
                .contains("http://example.org/thesaurus#1001983")
        );
        assert!(d.iter().all(|d| !d.is_error()));
        assert!(t.resolve("outer space").is_some());
        assert!(t.resolve("embargo").is_none());
    }

    #[test]
    fn a_malformed_topics_file_is_an_error_at_its_line() {
        let broken = TOPICS.replacen("\"140402\",\n", "\"140402\"\n", 1);
        let mut problems = Problems::default();
        let t = read_topics(
            &broken,
            Path::new("data/unbis/all_topics.json"),
            &mut problems,
        );
        let d = problems.finish();
        assert!(t.is_empty());
        assert_eq!(d.len(), 1);
        assert!(d[0].is_error());
        // The comma is missing at the end of line 15; the parser stops at the next item.
        assert_eq!(d[0].line, 16, "{:?}", d[0]);
    }
}
