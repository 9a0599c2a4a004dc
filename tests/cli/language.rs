//! Every kind of page, in each of the six languages, speaks its own language: no UI word
//! of another language in its own text, and every count agrees with its noun.
//!
//! The page's own text is what a reader sees in the page's language: text nodes and the
//! attributes read aloud or shown (`aria-label`, `title`, `placeholder`, `alt`), outside
//! any element whose `lang` is another language (content in another language says so).
//! A UI word of another language is a word of that language's `strings.toml` values that
//! no value of the page's language has; acronyms (UNBIS, JSON) and one-letter words are
//! names or symbols, not words. A count is a number followed by a noun of the plural
//! forms of `strings.toml` (`{n} résolutions`); the noun must be the one CLDR's category
//! of the number takes.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, CharacterTokens, EndTag, StartTag, TagToken, Token, TokenSink, TokenSinkResult,
    Tokenizer, TokenizerOpts,
};
use plenary::model::Lang;

use crate::harness::Site;

/// The UI words and count nouns of each language, from a `strings.toml`.
struct Lexicon {
    /// Every word of each language's values.
    words: BTreeMap<Lang, BTreeSet<String>>,
    /// Each language's count nouns, with the plural categories whose form uses them.
    nouns: BTreeMap<Lang, BTreeMap<String, BTreeSet<&'static str>>>,
    /// The words of the archive's texts in each language, when they are taken in.
    texts: BTreeMap<Lang, BTreeSet<String>>,
}

const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

impl Lexicon {
    fn new(strings_toml: &str) -> Lexicon {
        let table: toml::Table = toml::from_str(strings_toml).expect("strings.toml parses");
        let mut words = BTreeMap::new();
        let mut nouns = BTreeMap::new();
        for lang in Lang::ALL {
            let t = table[lang.code()].as_table().expect("a table per language");
            let mut values = Vec::new();
            collect_strings(&toml::Value::Table(t.clone()), &mut values);
            let mut set = BTreeSet::new();
            for v in &values {
                set.extend(ui_words(&without_placeholders(v)));
            }
            words.insert(lang, set);
            nouns.insert(lang, count_nouns(t));
        }
        Lexicon {
            words,
            nouns,
            texts: BTreeMap::new(),
        }
    }

    /// The words of other languages' strings that none of `lang`'s strings has, nor any
    /// of the texts of `lang` taken in ([`Lexicon::with_texts`]).
    fn foreign(&self, lang: Lang) -> BTreeMap<String, Lang> {
        let own = &self.words[&lang];
        let written = self.texts.get(&lang);
        let mut out = BTreeMap::new();
        for other in Lang::ALL.into_iter().filter(|&l| l != lang) {
            for w in self.words[&other].difference(own) {
                if !written.is_some_and(|t| t.contains(w)) {
                    out.entry(w.clone()).or_insert(other);
                }
            }
        }
        out
    }

    /// Takes the words of a language's texts as words of that language: a word of the
    /// archive's English texts ("note", "commission") is English, whatever French says.
    fn with_texts(mut self, content: &Path) -> Lexicon {
        for entry in walkdir::WalkDir::new(content)
            .into_iter()
            .filter_map(Result::ok)
        {
            let name = entry.file_name().to_string_lossy().into_owned();
            let lang = name
                .strip_suffix(".md")
                .and_then(|n| n.rsplit('.').next())
                .and_then(Lang::parse);
            if let Some(lang) = lang {
                let text = std::fs::read_to_string(entry.path()).unwrap();
                self.texts.entry(lang).or_default().extend(ui_words(&text));
            }
        }
        self
    }
}

fn collect_strings(value: &toml::Value, out: &mut Vec<String>) {
    match value {
        toml::Value::String(s) => out.push(s.clone()),
        toml::Value::Table(t) => t.values().for_each(|v| collect_strings(v, out)),
        toml::Value::Array(a) => a.iter().for_each(|v| collect_strings(v, out)),
        _ => {}
    }
}

fn without_placeholders(text: &str) -> String {
    let mut out = String::new();
    let mut depth = 0;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                out.push(' ');
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// The count nouns of a language's plural tables (those with a `one` or `other` form
/// holding `{n}`): the word after `{n}`, with the categories that use it.
fn count_nouns(table: &toml::Table) -> BTreeMap<String, BTreeSet<&'static str>> {
    let mut out: BTreeMap<String, BTreeSet<&'static str>> = BTreeMap::new();
    for value in table.values() {
        let Some(forms) = value.as_table() else {
            continue;
        };
        if !forms.keys().all(|k| CATEGORIES.contains(&k.as_str())) {
            continue;
        }
        for category in CATEGORIES {
            let Some(form) = forms.get(category).and_then(|v| v.as_str()) else {
                continue;
            };
            let Some((_, after)) = form.split_once("{n} ") else {
                continue;
            };
            if let Some(noun) = after.split_whitespace().next() {
                out.entry(noun.to_lowercase()).or_default().insert(category);
            }
        }
    }
    out
}

/// The words of a text, lowercased: runs of letters (Chinese characters one by one),
/// without one-letter words of alphabets and without acronyms (two capitals or more).
fn ui_words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        let capitals = word.chars().filter(|c| c.is_uppercase()).count();
        if word.chars().count() > 1 && capitals < 2 {
            out.push(word.to_lowercase());
        }
        word.clear();
    };
    for c in text.chars() {
        if is_han(c) {
            flush(&mut word, &mut out);
            out.push(c.to_string());
        } else if c.is_alphabetic() || is_arabic_mark(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// Arabic vowel marks and tanwin ("قرارًا"), which are not letters to `is_alphabetic`.
fn is_arabic_mark(c: char) -> bool {
    matches!(c, '\u{064B}'..='\u{065F}' | '\u{0670}')
}

/// The language of a page and the text a reader sees in it, in the page's language.
fn own_text(html: &str) -> (Option<Lang>, String) {
    let sink = OwnText::default();
    let queue = BufferQueue::default();
    queue.push_back(html.into());
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let state = tokenizer.sink.state.into_inner();
    // The title names the page by its heading, which may be content in another language
    // (a series' English title, marked `lang="en"` in the page): its words count as
    // content when the page marks them so.
    let foreign: BTreeSet<String> = ui_words(&state.foreign).into_iter().collect();
    let title: Vec<String> = ui_words(&state.title)
        .into_iter()
        .filter(|w| !foreign.contains(w))
        .collect();
    (state.page, format!("{} | {}", title.join(" "), state.text))
}

#[derive(Default)]
struct OwnText {
    state: RefCell<TextState>,
}

#[derive(Default)]
struct TextState {
    page: Option<Lang>,
    /// Open elements, each with the language it declares.
    open: Vec<(String, Option<String>)>,
    raw: bool,
    text: String,
    /// The text of `<title>`, which cannot mark a part in another language.
    title: String,
    /// The text of the elements in other languages.
    foreign: String,
}

const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param",
];
const READ_ATTRIBUTES: [&str; 4] = ["aria-label", "title", "placeholder", "alt"];

impl TextState {
    /// Whether text at this point is in the page's language.
    fn own(&self) -> bool {
        let declared = self.open.iter().rev().find_map(|(_, l)| l.as_deref());
        match (declared, self.page) {
            (Some(l), Some(page)) => Lang::parse(l) == Some(page),
            _ => true,
        }
    }
}

impl TokenSink for OwnText {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut s = self.state.borrow_mut();
        match token {
            TagToken(tag) if tag.kind == StartTag => {
                let name = tag.name.to_string();
                let attr = |n: &str| {
                    tag.attrs
                        .iter()
                        .find(|a| &*a.name.local == n)
                        .map(|a| a.value.to_string())
                };
                if name == "html" {
                    s.page = attr("lang").as_deref().and_then(Lang::parse);
                }
                s.open.push((name.clone(), attr("lang")));
                if s.own() {
                    for a in READ_ATTRIBUTES.iter().filter_map(|n| attr(n)) {
                        s.text.push_str(" | ");
                        s.text.push_str(&a);
                    }
                }
                s.text.push_str(" | ");
                if VOID.contains(&name.as_str()) || tag.self_closing {
                    s.open.pop();
                }
                if name == "script" || name == "style" {
                    s.raw = true;
                    let kind = if name == "script" {
                        RawKind::ScriptData
                    } else {
                        RawKind::Rawtext
                    };
                    return TokenSinkResult::RawData(kind);
                }
            }
            TagToken(tag) if tag.kind == EndTag => {
                let name = tag.name.to_string();
                if let Some(i) = s.open.iter().rposition(|(n, _)| *n == name) {
                    s.open.truncate(i);
                }
                s.raw = false;
                s.text.push(' ');
            }
            CharacterTokens(text) if !s.raw => {
                let in_title = s.open.last().is_some_and(|(n, _)| n == "title");
                match (s.own(), in_title) {
                    (true, true) => s.title.push_str(&text),
                    (true, false) => s.text.push_str(&text),
                    (false, _) => {
                        s.foreign.push(' ');
                        s.foreign.push_str(&text);
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// What is wrong with the language of a page: UI words of other languages, and counts
/// whose noun does not agree with the number.
fn problems(lexicon: &Lexicon, html: &str) -> Vec<String> {
    let (page, text) = own_text(html);
    let Some(lang) = page else {
        return vec!["the page declares no language of the six".to_string()];
    };
    let foreign = lexicon.foreign(lang);
    let mut out = Vec::new();
    for word in ui_words(&text) {
        if let Some(other) = foreign.get(&word) {
            let problem = format!("{} word on a {} page: {word}", other.code(), lang.code());
            if !out.contains(&problem) {
                out.push(problem);
            }
        }
    }
    out.extend(disagreeing_counts(lexicon, lang, &text));
    out
}

/// Numbers followed by a count noun of `lang` that the number's category does not take.
fn disagreeing_counts(lexicon: &Lexicon, lang: Lang, text: &str) -> Vec<String> {
    let nouns = &lexicon.nouns[&lang];
    let tokens: Vec<&str> = text.split_whitespace().collect();
    let mut out = Vec::new();
    for pair in tokens.windows(2) {
        let (Ok(n), noun) = (pair[0].parse::<u64>(), pair[1].to_lowercase()) else {
            continue;
        };
        let noun = noun.trim_end_matches(|c: char| !c.is_alphabetic() && !is_arabic_mark(c));
        let Some(categories) = nouns.get(noun) else {
            continue;
        };
        let category = plenary::plural::category(lang, n).key();
        if !categories.contains(category) {
            out.push(format!(
                "{} count disagrees: \"{n} {noun}\" ({category} takes another form)",
                lang.code()
            ));
        }
    }
    out
}

fn built_in_lexicon() -> Lexicon {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/strings.toml");
    Lexicon::new(&std::fs::read_to_string(path).unwrap())
}

/// Up to `n` pages under `dir` of the built site, in path order (`index.html` files).
fn pages_under(public: &Path, dir: &str, n: usize) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(public.join(dir))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_name() == "index.html")
        .map(|e| {
            e.path()
                .strip_prefix(public)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    found.sort();
    found.truncate(n);
    found
}

/// Every kind of page of `src/pages/` in one language: home, indexes and their entries
/// (a second page too), resolutions, series, changes, countries, search.
fn pages_of(public: &Path, lang: Lang) -> Vec<String> {
    let l = lang.code();
    let mut pages = vec![format!("{l}/index.html"), format!("{l}/search/index.html")];
    for kind in [
        "sessions",
        "years",
        "subjects",
        "committees",
        "agenda-items",
    ] {
        pages.extend(pages_under(public, &format!("{l}/{kind}"), 6));
        if public
            .join(format!("{l}/{kind}/page/2/index.html"))
            .exists()
        {
            pages.push(format!("{l}/{kind}/page/2/index.html"));
        }
    }
    pages.extend(pages_under(public, &format!("{l}/committees"), 99));
    pages.extend(pages_under(public, &format!("{l}/series"), 4));
    pages.extend(pages_under(public, &format!("{l}/countries"), 3));
    pages.push(format!("{l}/countries/FR/index.html"));
    pages.extend(pages_under(public, &format!("{l}/A"), 8));
    pages.extend(pages_under(public, &format!("{l}/S"), 4));
    pages.sort();
    pages.dedup();
    pages
}

#[test]
fn every_kind_of_page_speaks_its_own_language_in_all_six() {
    let site = Site::shared_sample(&["build"]);
    let public = site.root.join("public");
    let lexicon = built_in_lexicon().with_texts(&site.root.join("content"));
    let mut pages: Vec<String> = Lang::ALL
        .into_iter()
        .flat_map(|l| pages_of(&public, l))
        .collect();
    // The pages of every language: the root, the 404, a symbol's page; and the changes
    // pages, which the sample has in English.
    pages.extend(["index.html", "404.html"].map(String::from));
    pages.extend(pages_under(&public, "A/RES/217A(III)", 1));
    let changes = pages_under(&public, "en", usize::MAX).into_iter();
    pages.extend(
        changes
            .filter(|p| p.ends_with("/changes/index.html"))
            .take(3),
    );
    let mut report = Vec::new();
    for page in &pages {
        let html =
            std::fs::read_to_string(public.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        for p in problems(&lexicon, &html) {
            report.push(format!("{page}: {p}"));
        }
    }
    assert!(pages.len() > 6 * 25, "{} pages checked", pages.len());
    assert!(report.is_empty(), "{}", report.join("\n"));
}

/// A page in `lang` with `body` as its main text.
fn page(lang: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><title>t</title><script>var search = 1;</script></head><body><main>{body}</main></body></html>"
    )
}

#[test]
fn the_checker_finds_a_word_of_another_language_in_each_of_the_six() {
    let lexicon = built_in_lexicon();
    let cases = [
        (
            "fr",
            "<h1>Résolutions</h1><p>Previous page</p>",
            "en word on a fr page: previous",
        ),
        (
            "en",
            "<h1>Resolutions</h1><button>Rechercher</button>",
            "fr word on a en page: rechercher",
        ),
        (
            "es",
            "<a href=\"/\" aria-label=\"Поиск\">Buscar</a>",
            "ru word on a es page: поиск",
        ),
        (
            "ru",
            "<h1>Резолюции</h1><p>Sesiones</p>",
            "es word on a ru page: sesiones",
        ),
        (
            "zh",
            "<h1>决议</h1><input placeholder=\"Search\">",
            "en word on a zh page: search",
        ),
        (
            "ar",
            "<h1>القرارات</h1><p>决议</p>",
            "zh word on a ar page: 决",
        ),
    ];
    for (lang, body, expected) in cases {
        let found = problems(&lexicon, &page(lang, body));
        assert!(found.iter().any(|p| p == expected), "{lang}: {found:?}");
    }
    // Marked as another language, the same words are content, not a leak; so are
    // acronyms, scripts and the page's own words.
    let marked = page(
        "fr",
        "<p><span lang=\"en\" title=\"Previous page\">Previous page</span> UNBIS <a lang=\"ru\">Поиск</a> résolution</p>",
    );
    assert_eq!(problems(&lexicon, &marked), Vec::<String>::new());
}

#[test]
fn the_checker_finds_a_count_that_disagrees_with_its_number() {
    let lexicon = built_in_lexicon();
    let bad = [
        (
            "en",
            "1 resolutions",
            "en count disagrees: \"1 resolutions\" (one takes another form)",
        ),
        (
            "fr",
            "2 résolution",
            "fr count disagrees: \"2 résolution\" (other takes another form)",
        ),
        (
            "es",
            "1 resoluciones",
            "es count disagrees: \"1 resoluciones\" (one takes another form)",
        ),
        (
            "ru",
            "5 резолюции",
            "ru count disagrees: \"5 резолюции\" (many takes another form)",
        ),
        (
            "ru",
            "21 резолюций",
            "ru count disagrees: \"21 резолюций\" (one takes another form)",
        ),
        (
            "ar",
            "5 قرار",
            "ar count disagrees: \"5 قرار\" (few takes another form)",
        ),
        (
            "ar",
            "11 قرارات",
            "ar count disagrees: \"11 قرارات\" (many takes another form)",
        ),
    ];
    for (lang, count, expected) in bad {
        let found = problems(
            &lexicon,
            &page(lang, &format!("<p class=\"summary\">{count}</p>")),
        );
        assert_eq!(found, [expected], "{lang}");
    }
    let good = [
        ("en", "1 resolution"),
        ("en", "2 resolutions"),
        ("fr", "0 résolution"),
        ("es", "31 resoluciones"),
        ("ru", "21 резолюция"),
        ("ru", "3 резолюции"),
        ("ru", "1020 резолюций"),
        ("ar", "3 قرارات"),
        ("ar", "11 قرارًا"),
        ("ar", "100 قرار"),
        ("zh", "1 项决议"),
    ];
    for (lang, count) in good {
        let found = problems(&lexicon, &page(lang, &format!("<p>{count}</p>")));
        assert_eq!(found, Vec::<String>::new(), "{lang}: {count}");
    }
}

/// The Universal Declaration (`session: III` in its front matter) is named as the index
/// names its session, in each language: the resolution's details, its breadcrumb and the
/// list of sessions say the same words.
#[test]
fn a_session_has_one_name_on_the_resolution_and_in_the_index() {
    let site = Site::shared_sample(&["build"]);
    let names = [
        ("ar", "الدورة 3", "الجمعية العامة"),
        ("zh", "第3届会议", "大会"),
        ("en", "3rd session", "General Assembly"),
        ("fr", "3e session", "Assemblée générale"),
        ("ru", "3-я сессия", "Генеральная Ассамблея"),
        ("es", "3º período de sesiones", "Asamblea General"),
    ];
    for (l, session, organ) in names {
        let page = site.page(&format!("{l}/A/RES/217A(III)/index.html"));
        let link = format!("<a href=\"/{l}/sessions/ga-3/\">");
        assert!(
            page.contains(&format!("{link}{session}</a> · {organ}</dd>")),
            "{l}: details"
        );
        assert!(
            page.contains(&format!("{link}{organ} · {session}</a></li>")),
            "{l}: breadcrumb"
        );
        assert!(
            !page.contains("III</a>"),
            "{l}: no roman session outside the symbol"
        );
        let index = site.page(&format!("{l}/sessions/index.html"));
        assert!(
            index.contains(&format!(
                "{link}{organ} · {session}</a> <span class=\"count\">(1)</span>"
            )),
            "{l}: index"
        );
    }
    let index = site.page("en/sessions/index.html");
    assert!(index.contains("General Assembly · 78th session</a> <span class=\"count\">(60)"));
    assert!(index.contains("General Assembly · 73rd session</a> <span class=\"count\">(1)"));
    // The Security Council has no sessions: its resolutions are found by year.
    let council = site.page("en/S/RES/100(1953)/index.html");
    assert!(council.contains("<li><a href=\"/en/years/1953/\">1953</a></li>"));
    assert!(!council.contains("<dt>Session</dt>"));
}

/// 24 resolutions of sessions 78 and 79 name no committee and were adopted on a plenary
/// draft (11 of 78 on A/78/L.1 to L.12, 13 of 79 on A/79/L.2 to L.15 and A/79/L.9/Rev.1,
/// counted in `content/ga/78` and `content/ga/79`): they have their own committees entry.
/// The Declaration (Third Committee) and the Security Council are not in it.
#[test]
fn resolutions_adopted_without_reference_to_a_main_committee_have_their_entry() {
    let site = Site::shared_sample(&["build"]);
    let names = [
        ("ar", "دون الإحالة إلى لجنة رئيسية"),
        ("zh", "未经发交主要委员会"),
        ("en", "Without reference to a Main Committee"),
        ("fr", "Sans renvoi à une grande commission"),
        ("ru", "Без передачи в главный комитет"),
        ("es", "Sin remisión previa a una Comisión Principal"),
    ];
    for (l, name) in names {
        let index = site.page(&format!("{l}/committees/index.html"));
        let entry = format!(
            "<a href=\"/{l}/committees/without-reference-to-a-main-committee/\">{name}</a> <span class=\"count\">(24)</span>"
        );
        assert!(index.contains(&entry), "{l}");
    }
    let page = site.page("en/A/RES/78/1/index.html");
    assert!(page.contains("<dt>Committee</dt><dd><a href=\"/en/committees/without-reference-to-a-main-committee/\">Without reference to a Main Committee</a></dd>"));
    let entry = site.page("en/committees/without-reference-to-a-main-committee/index.html");
    assert!(entry.contains("<span class=\"symbol\" dir=\"ltr\">A/RES/78/1</span>"));
    assert!(entry.contains("<span class=\"symbol\" dir=\"ltr\">A/RES/79/9</span>"));
    assert!(!entry.contains("A/RES/217 A (III)"));
    assert!(!entry.contains("S/RES/"));
    assert!(
        !entry.contains("A/RES/78/30<"),
        "78/30 is the First Committee's"
    );
}

/// The checker compares pages with `strings.toml`, so a string left in English in another
/// language's table would pass it: no value of another language is the English one word
/// for word, but for the words French shares with English and the "Distr.: General" that
/// the UN's Russian, Chinese and Arabic documents print as it is.
#[test]
fn no_string_is_left_in_english_in_another_language() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/strings.toml");
    let table: toml::Table = toml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let flat = |lang: &str| {
        let mut out = BTreeMap::new();
        flatten("", &table[lang], &mut out);
        out
    };
    let english = flat("en");
    let shared = [
        ("fr", "pagination"),
        ("fr", "page_n"),
        ("fr", "session"),
        ("fr", "sessions"),
        ("fr", "distribution"),
        ("fr", "vote"),
        ("fr", "ballots.absent"),
        ("fr", "abstentions"),
        ("ru", "distr_general"),
        ("zh", "distr_general"),
        ("ar", "distr_general"),
    ];
    let mut left = Vec::new();
    for lang in ["ar", "zh", "fr", "ru", "es"] {
        for (key, value) in flat(lang) {
            let words = ui_words(&without_placeholders(&value));
            let latin = words
                .iter()
                .any(|w| w.chars().all(|c| c.is_ascii_alphabetic()));
            if english.get(&key) == Some(&value) && latin && !shared.contains(&(lang, key.as_str()))
            {
                left.push(format!("[{lang}] {key} = {value:?}"));
            }
        }
    }
    assert!(left.is_empty(), "left in English:\n{}", left.join("\n"));
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    match value {
        toml::Value::String(s) => {
            out.insert(prefix.to_string(), s.clone());
        }
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        _ => {}
    }
}
