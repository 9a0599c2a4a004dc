//! Splitting a resolution file into front matter and body, and reading the front matter
//! into a [`Resolution`]. Every problem in a file is reported, each at its own line.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use jiff::civil::Date;
use serde_yaml::Value;

use super::schema;
use crate::diagnostic::Diagnostic;
use crate::model::{Lang, Resolution, Session, Symbol, SymbolError, Vote};

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
    let text = &normalise_line_breaks(text);
    let split = match split(text) {
        Ok(s) => s,
        Err(e) => return (None, vec![split_error(path, text, e)]),
    };
    let map = match mapping(path, &split.yaml) {
        Ok(map) => map,
        Err(d) => return (None, vec![d]),
    };
    let positions = key_positions(&split.yaml);
    let mut diags = Vec::new();
    let fields = named_fields(path, map, &positions, &mut diags);
    let mut reader = Reader {
        path,
        positions: &positions,
        diags: &mut diags,
    };
    reader.required(&fields);
    let card = reader.card(&fields);
    let extra = reader.extra(fields);
    let session = reader.session(card.session, card.symbol.as_ref());
    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let (Some(symbol), Some(lang), Some(title), Some(adopted)) =
        (card.symbol, card.lang, card.title, card.adopted)
    else {
        return (None, diags);
    };
    let resolution = Resolution {
        symbol,
        lang,
        title,
        adopted,
        session_label: card.session_label,
        session,
        agenda_items: card.agenda_items,
        meeting: card.meeting,
        report: card.report,
        committee: card.committee,
        issued: card.issued,
        distribution: card.distribution,
        vote: card.vote,
        subjects: card.subjects,
        draft: card.draft,
        extra,
        body: split.body.to_string(),
        source: path.to_path_buf(),
        body_line: split.body_line,
        symbol_line: positions.get(schema::SYMBOL.key).map_or(1, |p| p.0),
        subjects_line: positions.get(schema::SUBJECTS.key).map_or(1, |p| p.0),
        agenda_line: positions.get(schema::AGENDA_ITEMS.key).map_or(1, |p| p.0),
    };
    (Some(resolution), diags)
}

/// Why a file has no front matter to read.
fn split_error(path: &Path, text: &str, e: SplitError) -> Diagnostic {
    match e {
        SplitError::NoFrontMatter => {
            let message = if text.trim().is_empty() {
                "the file is empty"
            } else {
                "the file does not start with front matter"
            };
            Diagnostic::error(path, 1, 1, message).with_hint(
                "start the file with a line `---`, the fields (symbol, lang, title, adopted), and another `---`",
            )
        }
        SplitError::Unclosed => {
            Diagnostic::error(path, 1, 1, "the front matter opened here is never closed").with_hint(
                "add a line `---` after the last field, before the text of the resolution",
            )
        }
    }
}

/// The front matter as a YAML mapping, or why it is not one.
fn mapping(path: &Path, yaml: &str) -> Result<serde_yaml::Mapping, Diagnostic> {
    match serde_yaml::from_str::<Value>(yaml) {
        Ok(Value::Mapping(map)) => Ok(map),
        Ok(Value::Null) => Err(Diagnostic::error(path, 1, 1, "the front matter is empty")
            .with_hint("add the required fields: symbol, lang, title, adopted")),
        Ok(_) => Err(Diagnostic::error(
            path,
            2,
            1,
            "the front matter is not a list of `key: value` fields",
        )
        .with_hint("write one field per line, as `title: …`")),
        Err(e) => Err(yaml_error(path, yaml, &e)),
    }
}

/// The fields by name; a key that is not a name is a problem.
fn named_fields(
    path: &Path,
    map: serde_yaml::Mapping,
    positions: &HashMap<String, (usize, usize)>,
    diags: &mut Vec<Diagnostic>,
) -> BTreeMap<String, Value> {
    let mut fields = BTreeMap::new();
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
    fields
}

/// The fields of the format, each read and checked; `None` where missing or wrong.
#[derive(Default)]
struct Card {
    symbol: Option<Symbol>,
    lang: Option<Lang>,
    title: Option<String>,
    adopted: Option<Date>,
    session_label: Option<String>,
    session: Option<Session>,
    agenda_items: Vec<String>,
    meeting: Option<u32>,
    report: Option<String>,
    committee: Option<String>,
    issued: Option<Date>,
    distribution: Option<String>,
    vote: Option<Vote>,
    subjects: Vec<String>,
    draft: bool,
}

/// A carriage return alone (old Mac line endings) is a line break to YAML and to
/// CommonMark; it becomes `\n`, so that every line number plenary gives counts the same
/// lines. CRLF is left as it is.
pub fn normalise_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains('\r') {
        return text.into();
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' && chars.peek() != Some(&'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// The line and column (in characters) of a byte offset in the YAML, which has one line
/// per line of the file. YAML counts other characters as line breaks too (U+0085, U+2028,
/// U+2029); counting from the offset keeps the lines those of the file.
fn position_at(yaml: &str, index: usize) -> (usize, usize) {
    let mut index = index.min(yaml.len());
    while !yaml.is_char_boundary(index) {
        index -= 1;
    }
    let before = &yaml[..index];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

/// A YAML error at its place in the file. serde_yaml refuses aliases that expand too
/// often (an "alias bomb") and nesting deeper than 128 levels; those get their own words.
fn yaml_error(path: &Path, yaml: &str, e: &serde_yaml::Error) -> Diagnostic {
    let (line, column) = e
        .location()
        .map_or((1, 1), |l| position_at(yaml, l.index()));
    let message = yaml_message(e);
    if message.starts_with("repetition limit exceeded") {
        // No location comes with it: point at the first alias.
        let (line, column) = first_alias(yaml).unwrap_or((line, column));
        return Diagnostic::error(
            path,
            line,
            column,
            "the front matter repeats YAML aliases (`*name`) so often that it would expand without bound",
        )
        .with_hint("write the values out instead of repeating them with `&name` and `*name`");
    }
    if message.starts_with("recursion limit exceeded") {
        return Diagnostic::error(
            path,
            line,
            column,
            "the front matter is nested more than 128 levels deep",
        )
        .with_hint("front matter is one `key: value` field per line; a value needs at most a list or a group of fields");
    }
    Diagnostic::error(path, line, column, format!("the front matter is not valid YAML: {message}"))
        .with_hint("check this line for a missing `:`, unbalanced quotes or brackets, or bad indentation; quote values that contain `: ` or start with `[`, `{`, `*` or `&`")
}

/// The line and column of the first alias (`*name`) outside quotes, roughly: enough to
/// show an editor where the repetition starts.
fn first_alias(yaml: &str) -> Option<(usize, usize)> {
    yaml.lines().enumerate().find_map(|(i, line)| {
        let text = line.split(" #").next().unwrap_or(line);
        let mut prev = ' ';
        for (col, c) in text.chars().enumerate() {
            if c == '*' && matches!(prev, ' ' | '[' | ',' | '{' | ':') {
                return Some((i + 1, col + 1));
            }
            prev = c;
        }
        None
    })
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
    schema::FIELDS
        .iter()
        .map(|f| f.key)
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
    /// A problem for each required field that is missing.
    fn required(&mut self, fields: &BTreeMap<String, Value>) {
        for f in schema::FIELDS.iter().filter(|f| f.required) {
            if !fields.contains_key(f.key) {
                self.diags.push(
                    Diagnostic::error(
                        self.path,
                        1,
                        1,
                        format!("the required field `{}` is missing", f.key),
                    )
                    .with_hint(format!("add a line `{}` to the front matter", f.example)),
                );
            }
        }
    }

    /// Every field of the format, read and checked, in the order of the format.
    fn card(&mut self, fields: &BTreeMap<String, Value>) -> Card {
        let get = |f: schema::Field| fields.get(f.key);
        let symbol = get(schema::SYMBOL).and_then(|v| self.symbol(v));
        let lang = get(schema::LANG).and_then(|v| self.lang(v));
        let title = get(schema::TITLE).and_then(|v| self.text("title", v));
        let adopted = get(schema::ADOPTED).and_then(|v| self.date("adopted", v));
        let session_label = get(schema::SESSION).and_then(|v| self.scalar("session", v));
        let session = session_label
            .as_deref()
            .and_then(|s| self.session_number(s));
        let mut card = Card {
            symbol,
            lang,
            title,
            adopted,
            session_label,
            session,
            agenda_items: get(schema::AGENDA_ITEMS)
                .map(|v| self.list("agenda_items", v))
                .unwrap_or_default(),
            meeting: get(schema::MEETING).and_then(|v| self.number("meeting", v)),
            report: get(schema::REPORT).and_then(|v| self.text("report", v)),
            committee: get(schema::COMMITTEE).and_then(|v| self.text("committee", v)),
            issued: get(schema::ISSUED).and_then(|v| self.date("issued", v)),
            distribution: get(schema::DISTRIBUTION).and_then(|v| self.text("distribution", v)),
            vote: get(schema::VOTE).and_then(|v| self.vote(v)),
            subjects: get(schema::SUBJECTS)
                .map(|v| self.list("subjects", v))
                .unwrap_or_default(),
            draft: false,
        };
        self.named_pages(&card);
        card.draft = get(schema::DRAFT)
            .and_then(|v| self.flag("draft", v))
            .unwrap_or(false);
        card
    }

    fn session_number(&mut self, s: &str) -> Option<Session> {
        let parsed = Session::parse(s);
        if parsed.is_none() {
            self.error(
                "session",
                format!("`{s}` is not a session"),
                "write the session number (73) or its roman numeral (XXV), or S-10 / ES-10 for special sessions",
            );
        }
        parsed
    }

    /// Subjects, committees and agenda items name pages by their letters and digits.
    fn named_pages(&mut self, card: &Card) {
        for (f, values) in [
            (schema::SUBJECTS, card.subjects.clone()),
            (schema::AGENDA_ITEMS, card.agenda_items.clone()),
            (
                schema::COMMITTEE,
                card.committee.clone().into_iter().collect(),
            ),
        ] {
            if let Some(bad) = values.iter().find(|v| crate::model::slug(v).is_empty()) {
                let key = f.key;
                self.error(
                    key,
                    format!("`{bad}` in `{key}` has no letter or digit to name its page by"),
                    format!("write a word or a number, such as `{}`", f.example),
                );
            }
        }
    }

    /// The keys the format does not read, for templates as `page.extra`; `follows` too.
    /// An unknown key close to a known one gets a warning.
    fn extra(&mut self, fields: BTreeMap<String, Value>) -> BTreeMap<String, Value> {
        let mut extra = BTreeMap::new();
        for (key, value) in fields {
            let known = schema::field_of(&key);
            if known.is_some_and(|f| f != schema::FOLLOWS) {
                continue;
            }
            if known.is_none()
                && !schema::EXTRA_KEYS.contains(&key.as_str())
                && let Some(intended) = likely_intent(&key)
            {
                let (line, col) = self.positions.get(&key).copied().unwrap_or((1, 1));
                self.diags.push(
                    Diagnostic::warning(
                        self.path,
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
        extra
    }

    /// The session: the symbol's. A session in the front matter that contradicts it is
    /// most likely a typo.
    fn session(&mut self, field: Option<Session>, symbol: Option<&Symbol>) -> Option<Session> {
        match (field, symbol.and_then(Symbol::session)) {
            (Some(field), Some(from_symbol)) if field != from_symbol => {
                let (line, col) = self.positions.get("session").copied().unwrap_or((1, 1));
                self.diags.push(
                    Diagnostic::warning(
                        self.path,
                        line,
                        col,
                        format!(
                            "session {field} does not match the symbol's session {from_symbol}"
                        ),
                    )
                    .with_hint("the symbol's session is used; correct one of the two"),
                );
                Some(from_symbol)
            }
            (field, from_symbol) => from_symbol.or(field),
        }
    }

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
                if normalise_words(s) == schema::WITHOUT_A_VOTE
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
    fn alias_bombs_and_deep_nesting_are_refused_with_their_own_words() {
        let mut bomb = String::from(
            "---\nsymbol: A/RES/73/1\nlang: en\ntitle: T\nadopted: 2018-12-17\na: &a [x, x, x, x, x, x, x, x, x]\n",
        );
        for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
        }
        bomb.push_str("---\n");
        let d = errors(&bomb);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("aliases"), "{}", d[0]);
        assert_eq!((d[0].line, d[0].column), (7, 8), "{}", d[0]);

        let deep = format!(
            "---\nsymbol: A/RES/73/1\nlang: en\ntitle: T\nadopted: 2018-12-17\nx: {}{}\n---\n",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let d = errors(&deep);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].message.contains("nested more than 128 levels"));
        assert_eq!(d[0].line, 6);
    }

    #[test]
    fn lone_carriage_returns_are_line_breaks_and_lines_stay_the_files() {
        // Found by fuzzing: YAML counted each lone CR as a line, and pointed past the end.
        let d = errors("---\rsymbol: A/RES/73/1\rlang: en\rtitle: T\radopted: [\r---\r");
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].line <= 7, "{}", d[0]);
        let (r, d) = parse(
            Path::new("x.md"),
            "---\rsymbol: A/RES/73/1\rlang: en\rtitle: T\radopted: 2018-12-17\r---\rText\r",
        );
        assert!(d.is_empty(), "{d:?}");
        let r = r.unwrap();
        assert_eq!(
            (r.body.as_str(), r.body_line, r.symbol_line),
            ("Text\n", 7, 2)
        );
        // Other characters YAML takes for line breaks do not shift the lines.
        let d = errors("---\nsymbol: A/RES/73/1\u{2028}\u{2029}\u{85}\nlang: en\ntitle: [\n---\n");
        assert!(d.iter().all(|d| d.line <= 6), "{d:?}");
    }

    #[test]
    fn groupings_need_a_letter_or_digit() {
        let d = errors(
            "---\nsymbol: A/RES/73/1\nlang: en\ntitle: T\nadopted: 2018-12-17\nsubjects: [ok, \"../..\"]\ncommittee: \"--\"\n---\n",
        );
        let found: Vec<(usize, &str)> = d.iter().map(|d| (d.line, d.message.as_str())).collect();
        assert_eq!(
            found,
            [
                (
                    6,
                    "`../..` in `subjects` has no letter or digit to name its page by"
                ),
                (
                    7,
                    "`--` in `committee` has no letter or digit to name its page by"
                ),
            ]
        );
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
