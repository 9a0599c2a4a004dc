//! Splitting a resolution file into front matter and body, and reading the front matter
//! into a [`Resolution`]. Every problem in a file is reported, each at its own line.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use jiff::civil::Date;
use serde_yaml::Value;

use crate::diagnostic::Diagnostic;
use crate::model::{Lang, Resolution, Session, Symbol, SymbolError, Vote};

/// The keys the format defines, in the order the docs list them.
pub const KNOWN_KEYS: [&str; 15] = [
    "symbol",
    "lang",
    "title",
    "adopted",
    "session",
    "agenda_items",
    "meeting",
    "report",
    "committee",
    "issued",
    "distribution",
    "vote",
    "subjects",
    "draft",
    "follows",
];

/// Keys the format defines for templates alone: they go to `page.extra` like any other
/// key, without the warning an unknown key near a known one gets. `plenary import`
/// writes them for what a closing line says beyond the vote.
pub const EXTRA_KEYS: [&str; 3] = [
    "adopted_unanimously",
    "adopted_by_consensus",
    "adoption_note",
];

const REQUIRED: [&str; 4] = ["symbol", "lang", "title", "adopted"];

/// A file split at its front matter fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML, prefixed with one newline per line before it, so that YAML line numbers
    /// are file line numbers.
    pub yaml: String,
    pub body: &'a str,
    /// 1-based line of the file where the body starts.
    pub body_line: usize,
}

/// Why a file could not be split.
#[derive(Debug, PartialEq, Eq)]
pub enum SplitError {
    NoFrontMatter,
    Unclosed,
}

fn is_fence(line: &str) -> bool {
    line.trim_end_matches(['\n', '\r', ' ', '\t']) == "---"
}

/// Splits `---\n<yaml>\n---\n<body>`. A UTF-8 byte order mark and CRLF line endings are
/// accepted.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    match lines.next() {
        Some(first) if is_fence(first) => {}
        _ => return Err(SplitError::NoFrontMatter),
    }
    let mut offset = text.split_inclusive('\n').next().map_or(0, str::len);
    let yaml_start = offset;
    for (i, line) in lines.enumerate() {
        if is_fence(line) || line.trim_end_matches(['\r', '\n']) == "..." {
            let yaml = format!("\n{}", &text[yaml_start..offset]);
            let body = &text[offset + line.len()..];
            return Ok(Split {
                yaml,
                body,
                body_line: i + 3,
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

/// Where each top-level key of the front matter is: key → (line, column of its value).
/// Top-level keys start at column 1; this is all a diagnostic needs, and it keeps the YAML
/// parser a black box.
fn key_positions(yaml: &str) -> HashMap<String, (usize, usize)> {
    let mut positions = HashMap::new();
    for (i, line) in yaml.lines().enumerate() {
        if line.starts_with([' ', '\t', '#', '-']) || line.is_empty() {
            continue;
        }
        if let Some(colon) = line.find(':') {
            let key = line[..colon].trim().trim_matches(['"', '\'']).to_string();
            let after = &line[colon + 1..];
            let value_col =
                line[..colon + 1].chars().count() + 1 + (after.len() - after.trim_start().len());
            positions.entry(key).or_insert((i + 1, value_col));
        }
    }
    positions
}

/// Reads one resolution file. Returns the resolution, or every problem found in it.
pub fn parse(path: &Path, text: &str) -> (Option<Resolution>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let split = match split(text) {
        Ok(s) => s,
        Err(SplitError::NoFrontMatter) => {
            let message = if text.trim().is_empty() {
                "the file is empty"
            } else {
                "the file does not start with front matter"
            };
            diags.push(Diagnostic::error(path, 1, 1, message).with_hint(
                "start the file with a line `---`, the fields (symbol, lang, title, adopted), and another `---`",
            ));
            return (None, diags);
        }
        Err(SplitError::Unclosed) => {
            diags.push(
                Diagnostic::error(path, 1, 1, "the front matter opened here is never closed")
                    .with_hint(
                        "add a line `---` after the last field, before the text of the resolution",
                    ),
            );
            return (None, diags);
        }
    };

    let map = match serde_yaml::from_str::<Value>(&split.yaml) {
        Ok(Value::Mapping(map)) => map,
        Ok(Value::Null) => {
            diags.push(
                Diagnostic::error(path, 1, 1, "the front matter is empty")
                    .with_hint("add the required fields: symbol, lang, title, adopted"),
            );
            return (None, diags);
        }
        Ok(_) => {
            diags.push(
                Diagnostic::error(
                    path,
                    2,
                    1,
                    "the front matter is not a list of `key: value` fields",
                )
                .with_hint("write one field per line, as `title: …`"),
            );
            return (None, diags);
        }
        Err(e) => {
            let (line, column) = e.location().map_or((1, 1), |l| (l.line(), l.column()));
            let message = yaml_message(&e);
            diags.push(
                Diagnostic::error(path, line, column, format!("the front matter is not valid YAML: {message}"))
                    .with_hint("check this line for a missing `:`, unbalanced quotes or brackets, or bad indentation; quote values that contain `: ` or start with `[`, `{`, `*` or `&`"),
            );
            return (None, diags);
        }
    };

    let positions = key_positions(&split.yaml);
    let mut fields: BTreeMap<String, Value> = BTreeMap::new();
    for (key, value) in map {
        match key {
            Value::String(k) => {
                fields.insert(k, value);
            }
            other => {
                let k = scalar_text(&other).unwrap_or_default();
                let (line, col) = positions.get(&k).copied().unwrap_or((1, 1));
                diags.push(
                    Diagnostic::error(path, line, col, format!("`{k}` is not a valid field name"))
                        .with_hint("field names are words such as `title` or `agenda_items`"),
                );
            }
        }
    }

    let mut reader = Reader {
        path,
        positions: &positions,
        diags: &mut diags,
    };

    for key in REQUIRED {
        if !fields.contains_key(key) {
            let example = match key {
                "symbol" => "symbol: A/RES/73/187",
                "lang" => "lang: en",
                "title" => "title: …",
                _ => "adopted: 2018-12-17",
            };
            reader.diags.push(
                Diagnostic::error(path, 1, 1, format!("the required field `{key}` is missing"))
                    .with_hint(format!("add a line `{example}` to the front matter")),
            );
        }
    }

    let symbol = fields.get("symbol").and_then(|v| reader.symbol(v));
    let lang = fields.get("lang").and_then(|v| reader.lang(v));
    let title = fields.get("title").and_then(|v| reader.text("title", v));
    let adopted = fields
        .get("adopted")
        .and_then(|v| reader.date("adopted", v));
    let session_label = fields
        .get("session")
        .and_then(|v| reader.scalar("session", v));
    let session_from_field = session_label.as_deref().and_then(|s| {
        let parsed = Session::parse(s);
        if parsed.is_none() {
            reader.error(
                "session",
                format!("`{s}` is not a session"),
                "write the session number (73) or its roman numeral (XXV), or S-10 / ES-10 for special sessions",
            );
        }
        parsed
    });
    let agenda_items = fields
        .get("agenda_items")
        .map(|v| reader.list("agenda_items", v))
        .unwrap_or_default();
    let meeting = fields
        .get("meeting")
        .and_then(|v| reader.number("meeting", v));
    let report = fields.get("report").and_then(|v| reader.text("report", v));
    let committee = fields
        .get("committee")
        .and_then(|v| reader.text("committee", v));
    let issued = fields.get("issued").and_then(|v| reader.date("issued", v));
    let distribution = fields
        .get("distribution")
        .and_then(|v| reader.text("distribution", v));
    let vote = fields.get("vote").and_then(|v| reader.vote(v));
    let subjects = fields
        .get("subjects")
        .map(|v| reader.list("subjects", v))
        .unwrap_or_default();
    let draft = fields
        .get("draft")
        .and_then(|v| reader.flag("draft", v))
        .unwrap_or(false);

    let mut extra = BTreeMap::new();
    for (key, value) in fields {
        if KNOWN_KEYS.contains(&key.as_str()) && key != "follows" {
            continue;
        }
        if !KNOWN_KEYS.contains(&key.as_str())
            && !EXTRA_KEYS.contains(&key.as_str())
            && let Some(intended) = likely_intent(&key)
        {
            let (line, col) = positions.get(&key).copied().unwrap_or((1, 1));
            reader.diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    col.saturating_sub(key.chars().count() + 2).max(1),
                    format!(
                        "unknown field `{key}`; it is kept for templates as `page.extra.{key}`"
                    ),
                )
                .with_hint(format!("did you mean `{intended}`?")),
            );
        }
        extra.insert(key, value);
    }

    // A session in the front matter that contradicts the symbol is most likely a typo.
    let session = match (
        session_from_field,
        symbol.as_ref().and_then(Symbol::session),
    ) {
        (Some(field), Some(from_symbol)) if field != from_symbol => {
            let (line, col) = positions.get("session").copied().unwrap_or((1, 1));
            reader.diags.push(
                Diagnostic::warning(
                    path,
                    line,
                    col,
                    format!("session {field} does not match the symbol's session {from_symbol}"),
                )
                .with_hint("the symbol's session is used; correct one of the two"),
            );
            Some(from_symbol)
        }
        (field, from_symbol) => from_symbol.or(field),
    };

    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let (Some(symbol), Some(lang), Some(title), Some(adopted)) = (symbol, lang, title, adopted)
    else {
        return (None, diags);
    };
    let resolution = Resolution {
        symbol,
        lang,
        title,
        adopted,
        session_label,
        session,
        agenda_items,
        meeting,
        report,
        committee,
        issued,
        distribution,
        vote,
        subjects,
        draft,
        extra,
        body: split.body.to_string(),
        source: path.to_path_buf(),
        body_line: split.body_line,
        symbol_line: positions.get("symbol").map_or(1, |p| p.0),
    };
    (Some(resolution), diags)
}

/// serde_yaml's message without its own " at line X column Y" suffix: the diagnostic
/// already says where.
fn yaml_message(e: &serde_yaml::Error) -> String {
    let text = e.to_string();
    match text.find(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A known key that an unknown one was probably meant to be (`adopted_on` → `adopted`).
fn likely_intent(key: &str) -> Option<&'static str> {
    let lower = key.to_lowercase();
    KNOWN_KEYS
        .iter()
        .copied()
        .map(|k| {
            let close = strsim::jaro_winkler(&lower, k);
            let prefix = lower.starts_with(k) || k.starts_with(lower.as_str());
            (k, if prefix { close.max(0.9) } else { close })
        })
        .filter(|(_, score)| *score >= 0.88)
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(k, _)| k)
}

fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Sequence(_) => "a list",
        Value::Mapping(_) => "a group of fields",
        Value::Tagged(_) => "a tagged value",
    }
}

/// Reads typed fields, recording a diagnostic at the field's line for each bad one.
struct Reader<'a> {
    path: &'a Path,
    positions: &'a HashMap<String, (usize, usize)>,
    diags: &'a mut Vec<Diagnostic>,
}

impl Reader<'_> {
    fn error(&mut self, key: &str, message: impl Into<String>, hint: impl Into<String>) {
        let (line, col) = self.positions.get(key).copied().unwrap_or((1, 1));
        self.diags
            .push(Diagnostic::error(self.path, line, col, message).with_hint(hint));
    }

    fn text(&mut self, key: &str, value: &Value) -> Option<String> {
        match value {
            Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            Value::Number(n) if key != "title" => Some(n.to_string()),
            Value::String(_) | Value::Null => {
                self.error(
                    key,
                    format!("`{key}` is empty"),
                    format!("give `{key}` a value, or remove the line"),
                );
                None
            }
            other => {
                self.error(
                    key,
                    format!("`{key}` must be text, not {}", describe(other)),
                    format!("write `{key}: …` with the text on the same line; quote it if it contains `: `"),
                );
                None
            }
        }
    }

    fn scalar(&mut self, key: &str, value: &Value) -> Option<String> {
        match scalar_text(value) {
            Some(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => {
                self.error(
                    key,
                    format!("`{key}` must be a single value, not {}", describe(value)),
                    format!("write `{key}: 73` or `{key}: XXV`"),
                );
                None
            }
        }
    }

    fn symbol(&mut self, value: &Value) -> Option<Symbol> {
        let text = self.text("symbol", value)?;
        match Symbol::parse(&text) {
            Ok(s) => Some(s),
            Err(e) => {
                self.error("symbol", e.to_string(), SymbolError::HINT);
                None
            }
        }
    }

    fn lang(&mut self, value: &Value) -> Option<Lang> {
        let text = self.scalar("lang", value)?;
        let lang = Lang::parse(&text);
        if lang.is_none() {
            self.error(
                "lang",
                format!("`{text}` is not one of the six official languages of the United Nations"),
                "use ar, zh, en, fr, ru or es",
            );
        }
        lang
    }

    fn date(&mut self, key: &str, value: &Value) -> Option<Date> {
        let text = self.scalar(key, value)?;
        let valid_shape =
            text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
        match text.parse::<Date>() {
            Ok(d) if valid_shape => Some(d),
            Ok(_) => {
                self.error(
                    key,
                    format!("`{text}` is not a date in the form YYYY-MM-DD"),
                    format!("write `{key}: 2018-12-17`"),
                );
                None
            }
            Err(e) => {
                let why = e.to_string();
                self.error(
                    key,
                    format!("`{text}` is not a valid date ({why})"),
                    format!("write the date as YYYY-MM-DD, for example `{key}: 2018-12-17`"),
                );
                None
            }
        }
    }

    fn number(&mut self, key: &str, value: &Value) -> Option<u32> {
        match value {
            Value::Number(n)
                if n.as_u64()
                    .is_some_and(|n| n > 0 && n <= u64::from(u32::MAX)) =>
            {
                n.as_u64().map(|n| n as u32)
            }
            other => {
                self.error(
                    key,
                    format!(
                        "`{key}` must be a whole number above 0, not {}",
                        describe(other)
                    ),
                    format!("write `{key}: 56`"),
                );
                None
            }
        }
    }

    fn flag(&mut self, key: &str, value: &Value) -> Option<bool> {
        match value {
            Value::Bool(b) => Some(*b),
            other => {
                self.error(
                    key,
                    format!("`{key}` must be true or false, not {}", describe(other)),
                    format!("write `{key}: true` or `{key}: false`"),
                );
                None
            }
        }
    }

    /// A list of short values; a single value is accepted as a list of one.
    fn list(&mut self, key: &str, value: &Value) -> Vec<String> {
        let items: Vec<&Value> = match value {
            Value::Sequence(items) => items.iter().collect(),
            Value::Null => Vec::new(),
            single => vec![single],
        };
        let mut out = Vec::new();
        for item in items {
            match scalar_text(item) {
                Some(s) if !s.trim().is_empty() => out.push(s.trim().to_string()),
                _ => {
                    self.error(
                        key,
                        format!(
                            "every entry of `{key}` must be a single value, not {}",
                            describe(item)
                        ),
                        format!("write `{key}: [109, \"71c\"]` or one `- value` per line"),
                    );
                    return Vec::new();
                }
            }
        }
        out
    }

    fn vote(&mut self, value: &Value) -> Option<Vote> {
        const HINT: &str = "write `vote: without a vote`, or the recorded vote as `vote: {in_favour: 94, against: 59, abstentions: 33}` (the UN's words; never yes/no)";
        match value {
            Value::String(s)
                if normalise_words(s) == "without a vote"
                    || normalise_words(s) == "adopted without a vote" =>
            {
                Some(Vote::WithoutAVote)
            }
            Value::Mapping(map) => {
                let mut counts = [None; 3];
                let names = ["in_favour", "against", "abstentions"];
                for (k, v) in map {
                    let key = scalar_text(k).unwrap_or_default();
                    let slot = match key.as_str() {
                        "in_favour" | "in_favor" => 0,
                        "against" => 1,
                        "abstentions" | "abstaining" => 2,
                        _ => {
                            self.error(
                                "vote",
                                format!("`{key}` is not a part of a recorded vote"),
                                HINT,
                            );
                            return None;
                        }
                    };
                    match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                        Some(n) => counts[slot] = Some(n),
                        None => {
                            self.error(
                                "vote",
                                format!(
                                    "`{}` must be a whole number, not {}",
                                    names[slot],
                                    describe(v)
                                ),
                                HINT,
                            );
                            return None;
                        }
                    }
                }
                match counts {
                    [Some(in_favour), Some(against), Some(abstentions)] => Some(Vote::Recorded {
                        in_favour,
                        against,
                        abstentions,
                    }),
                    _ => {
                        let missing: Vec<&str> = names
                            .iter()
                            .zip(counts)
                            .filter(|(_, c)| c.is_none())
                            .map(|(n, _)| *n)
                            .collect();
                        self.error(
                            "vote",
                            format!("the recorded vote lacks {}", missing.join(", ")),
                            HINT,
                        );
                        None
                    }
                }
            }
            other => {
                let shown = scalar_text(other).unwrap_or_else(|| describe(other).to_string());
                self.error("vote", format!("`{shown}` is not a vote"), HINT);
                None
            }
        }
    }
}

fn normalise_words(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = "---\nsymbol: A/RES/73/187\nlang: zh\ntitle: 打击为犯罪目的使用信息和通信技术行为\nadopted: 2018-12-17\nsession: 73\nagenda_items: [109, 71c]\nmeeting: 56\nvote:\n  in_favour: 94\n  against: 59\n  abstentions: 33\nsubjects: [cybercrime]\ncustom: kept\n---\n大会，\n";

    fn errors(text: &str) -> Vec<Diagnostic> {
        let (_, diags) = parse(Path::new("x.md"), text);
        diags
    }

    #[test]
    fn a_complete_file_parses() {
        let (r, diags) = parse(Path::new("x.md"), GOOD);
        assert!(diags.is_empty(), "{diags:?}");
        let r = r.unwrap();
        assert_eq!(r.symbol.as_str(), "A/RES/73/187");
        assert_eq!(r.lang, Lang::Zh);
        assert_eq!(r.adopted.to_string(), "2018-12-17");
        assert_eq!(r.agenda_items, ["109", "71c"]);
        assert_eq!(r.meeting, Some(56));
        assert_eq!(
            r.vote,
            Some(Vote::Recorded {
                in_favour: 94,
                against: 59,
                abstentions: 33
            })
        );
        assert_eq!(r.extra.get("custom").and_then(Value::as_str), Some("kept"));
        assert_eq!(r.body, "大会，\n");
        assert_eq!(r.body_line, 16);
    }

    #[test]
    fn split_accepts_bom_and_crlf() {
        let s = split("\u{feff}---\r\ntitle: x\r\n---\r\nbody\r\n").unwrap();
        assert_eq!(s.body, "body\r\n");
        assert_eq!(s.body_line, 4);
        assert!(s.yaml.starts_with("\ntitle"));
    }

    #[test]
    fn split_refuses_unclosed_and_missing_front_matter() {
        assert_eq!(split("---\ntitle: x\n"), Err(SplitError::Unclosed));
        assert_eq!(split("title: x\n"), Err(SplitError::NoFrontMatter));
        assert_eq!(split(""), Err(SplitError::NoFrontMatter));
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let d = errors(
            "---\nsymbol: A/RES/73/187\nlang: en\ntitle: [unclosed\nadopted: 2018-12-17\n---\n",
        );
        assert_eq!(d.len(), 1);
        assert!(d[0].line >= 4 && d[0].line <= 6, "{:?}", d[0]);
        assert!(d[0].message.contains("not valid YAML"));
    }

    #[test]
    fn every_bad_field_is_reported_at_its_line() {
        let d = errors(
            "---\nsymbol: A/RES/73\nlang: de\ntitle: T\nadopted: 2018-13-45\nmeeting: many\n---\n",
        );
        let lines: Vec<usize> = d.iter().map(|d| d.line).collect();
        assert_eq!(lines, [2, 3, 5, 6], "{d:#?}");
        assert!(d.iter().all(|d| d.hint.is_some()));
    }

    #[test]
    fn missing_required_fields_are_all_named() {
        let d = errors("---\ntitle: T\n---\n");
        let msgs: Vec<&str> = d.iter().map(|d| d.message.as_str()).collect();
        assert_eq!(msgs.len(), 3, "{msgs:?}");
        for key in ["symbol", "lang", "adopted"] {
            assert!(msgs.iter().any(|m| m.contains(key)), "{key}");
        }
    }

    #[test]
    fn extra_keys_of_the_format_pass_without_a_warning() {
        let text = GOOD.replace(
            "custom: kept",
            "adopted_unanimously: true\nadopted_by_consensus: true\nadoption_note: One member was absent.",
        );
        let (r, d) = parse(Path::new("x.md"), &text);
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(
            r.extra.get("adopted_unanimously").and_then(Value::as_bool),
            Some(true)
        );
        assert!(r.extra.contains_key("adoption_note"));
    }

    #[test]
    fn misspelled_keys_warn_with_the_likely_intent() {
        let text = GOOD.replace("meeting: 56", "meting: 56");
        let (r, d) = parse(Path::new("x.md"), &text);
        assert!(r.is_some());
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].hint.as_deref(), Some("did you mean `meeting`?"));
        assert_eq!(d[0].line, 8);
    }

    #[test]
    fn yes_no_votes_are_refused() {
        let d = errors(
            "---\nsymbol: A/RES/73/187\nlang: en\ntitle: T\nadopted: 2018-12-17\nvote: {yes: 3, no: 1, abstentions: 0}\n---\n",
        );
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 6);
        let d = errors(
            "---\nsymbol: A/RES/73/187\nlang: en\ntitle: T\nadopted: 2018-12-17\nvote: without a vote\n---\n",
        );
        assert!(d.is_empty());
    }

    #[test]
    fn old_style_sessions_are_read_from_roman_numerals() {
        let (r, d) = parse(
            Path::new("x.md"),
            "---\nsymbol: A/RES/217 A (III)\nlang: fr\ntitle: T\nadopted: 1948-12-10\nsession: III\n---\n",
        );
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(r.unwrap().session, Some(Session::Regular(3)));
    }
}
