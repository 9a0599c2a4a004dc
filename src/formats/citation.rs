//! "Cite this": a resolution's citation in the UN's own form for its language
//! ("General Assembly resolution 73/187 of 17 December 2018, A/RES/73/187"), and as
//! BibTeX, RIS and CSL-JSON files beside its page.
//!
//! The forms come from the UI strings (`citation`, `citation_organs`, `corporate_author`,
//! `date_format`, `months`): the built-in theme's in the files, so that they say the same
//! under any theme, and the site theme's on the page ("Cite this", which isolates the
//! number and the symbol as left-to-right text).

use serde::Serialize;

use crate::model::{Lang, Resolution};
use crate::output::urls;
use crate::site::Site;
use crate::theme::Strings;

/// The formats offered for download, as (file extension, what the page calls it).
pub const FORMATS: [(&str, &str); 3] =
    [("bib", "BibTeX"), ("ris", "RIS"), ("csl.json", "CSL-JSON")];

/// A piece of a citation's text; `ltr` for a number or a symbol.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Part {
    pub text: String,
    pub ltr: bool,
}

/// Everything a citation of one language version carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The UN's form: "General Assembly resolution 73/187 of 17 December 2018,
    /// A/RES/73/187".
    pub text: String,
    /// The same in parts, the number and the symbol marked as left-to-right text, for a
    /// page to isolate them so that they read right inside Arabic.
    pub parts: Vec<Part>,
    /// "United Nations. General Assembly", in the version's language.
    pub author: String,
    pub title: String,
    pub symbol: String,
    /// `2018-12-17`.
    pub date: String,
    pub lang: Lang,
    /// The page's full URL, when `base_url` names a host.
    pub url: Option<String>,
}

/// The citation of a resolution, in its own language, in the form `strings` give: the
/// built-in theme's for the citation files, the site theme's for the page.
pub fn citation(site: &Site, strings: &Strings, r: &Resolution) -> Citation {
    let organ = r.symbol.organ();
    let name = strings.organ("organs", organ).unwrap_or_default();
    let cited_organ = strings
        .organ("citation_organs", organ)
        .unwrap_or(name.clone());
    let date = r.adopted.to_string();
    let shown_date = strings.date(&date);
    let pattern = strings
        .text("citation")
        .unwrap_or_else(|| "{organ} resolution {number} of {date}, {symbol}".to_string());
    let text = pattern
        .replace("{organ}", &cited_organ)
        .replace("{number}", r.symbol.short())
        .replace("{date}", &shown_date)
        .replace("{symbol}", r.symbol.as_str());
    let parts = parts(
        &pattern,
        &[
            ("{organ}", &cited_organ, false),
            ("{number}", r.symbol.short(), true),
            ("{date}", &shown_date, false),
            ("{symbol}", r.symbol.as_str(), true),
        ],
    );
    let author = strings
        .text("corporate_author")
        .unwrap_or_else(|| "United Nations. {organ}".to_string())
        .replace("{organ}", &name);
    Citation {
        text,
        parts,
        author,
        title: r.title.clone(),
        symbol: r.symbol.as_str().to_string(),
        date,
        lang: r.lang,
        url: site.urls.absolute(&urls::resolution(r.lang, &r.symbol)),
    }
}

/// The pattern cut at its placeholders, each replaced by its value.
fn parts(pattern: &str, values: &[(&str, &str, bool)]) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let mut push = |text: &str, ltr: bool| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if !last.ltr && !ltr => last.text.push_str(text),
            _ => out.push(Part {
                text: text.to_string(),
                ltr,
            }),
        }
    };
    let mut rest = pattern;
    while let Some((at, (key, value, ltr))) = values
        .iter()
        .filter_map(|v| rest.find(v.0).map(|at| (at, *v)))
        .min_by_key(|(at, _)| *at)
    {
        push(&rest[..at], false);
        push(value, ltr);
        rest = &rest[at + key.len()..];
    }
    push(rest, false);
    out
}

/// A name for saved files and BibTeX keys: `A-RES-73-187-en`.
pub fn file_stem(c: &Citation) -> String {
    let mut out = String::new();
    for ch in c.symbol.chars() {
        if ch.is_ascii_alphanumeric() {
            out.push(ch);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    format!("{}-{}", out.trim_end_matches('-'), c.lang.code())
}

/// The three files, as (site path, bytes).
pub fn files(c: &Citation, r: &Resolution) -> Vec<(String, Vec<u8>)> {
    let path = |ext| urls::citation(r.lang, &r.symbol, ext);
    vec![
        (path("bib"), bibtex(c).into_bytes()),
        (path("ris"), ris(c).into_bytes()),
        (path("csl.json"), csl_json(c).into_bytes()),
    ]
}

/// The language names biblatex (babel, polyglossia) knows.
fn langid(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "arabic",
        Lang::Zh => "chinese",
        Lang::En => "english",
        Lang::Fr => "french",
        Lang::Ru => "russian",
        Lang::Es => "spanish",
    }
}

/// Escapes TeX's special characters in a field value.
fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' | '}' | '%' | '&' | '$' | '#' | '_' => {
                out.push('\\');
                out.push(ch);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(ch),
        }
    }
    out
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// A BibTeX `@misc` entry that both BibTeX and biblatex read: the corporate author in
/// double braces (so it is not split into first and last names), the title in braces
/// (so styles keep its capitals), `number` for the symbol, `date` for biblatex and
/// `year`/`month` for BibTeX.
pub fn bibtex(c: &Citation) -> String {
    let (year, month) = split_date(&c.date);
    let mut out = format!("@misc{{{},\n", file_stem(c));
    let mut field = |name: &str, value: String| {
        out.push_str(&format!("  {name:<8} = {value},\n"));
    };
    field("author", format!("{{{{{}}}}}", tex(&c.author)));
    field("title", format!("{{{{{}}}}}", tex(&c.title)));
    field("number", format!("{{{}}}", tex(&c.symbol)));
    field("date", format!("{{{}}}", c.date));
    field("year", format!("{{{year}}}"));
    if let Some(m) = month.and_then(|m| MONTHS.get(m.wrapping_sub(1))) {
        field("month", (*m).to_string());
    }
    field("langid", format!("{{{}}}", langid(c.lang)));
    field("note", format!("{{{}}}", tex(&c.text)));
    if let Some(url) = &c.url {
        field("url", format!("{{{url}}}"));
    }
    out.push_str("}\n");
    out
}

fn split_date(date: &str) -> (&str, Option<usize>) {
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or("");
    (year, parts.next().and_then(|m| m.parse().ok()))
}

/// An RIS record of type `BILL` ("Bill/Resolution" in the RIS specification): the symbol
/// as its number (`M1`) and call number (`CN`), as UN libraries shelve documents.
pub fn ris(c: &Citation) -> String {
    let one_line = |s: &str| s.replace(['\r', '\n'], " ");
    let mut lines = vec![
        ("TY", "BILL".to_string()),
        ("TI", one_line(&c.title)),
        ("AU", one_line(&c.author)),
        ("PY", split_date(&c.date).0.to_string()),
        ("DA", format!("{}/", c.date.replace('-', "/"))),
        ("M1", c.symbol.clone()),
        ("CN", c.symbol.clone()),
        ("LA", c.lang.code().to_string()),
        ("N1", one_line(&c.text)),
    ];
    if let Some(url) = &c.url {
        lines.push(("UR", url.clone()));
    }
    let mut out = String::new();
    for (tag, value) in lines {
        out.push_str(&format!("{tag}  - {value}\r\n"));
    }
    out.push_str("ER  - \r\n");
    out
}

#[derive(Serialize)]
struct CslItem<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    title: &'a str,
    author: [CslName<'a>; 1],
    authority: &'a str,
    number: &'a str,
    issued: CslDate,
    language: &'static str,
    note: &'a str,
    #[serde(rename = "URL", skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct CslName<'a> {
    literal: &'a str,
}

#[derive(Serialize)]
struct CslDate {
    #[serde(rename = "date-parts")]
    date_parts: [Vec<u32>; 1],
}

/// A CSL-JSON array of one item of type `legislation`, as citation processors (Zotero,
/// pandoc, citeproc-js) read it.
pub fn csl_json(c: &Citation) -> String {
    let parts = c.date.split('-').filter_map(|p| p.parse().ok()).collect();
    let item = CslItem {
        id: file_stem(c),
        kind: "legislation",
        title: &c.title,
        author: [CslName { literal: &c.author }],
        authority: c.author.as_str(),
        number: &c.symbol,
        issued: CslDate {
            date_parts: [parts],
        },
        language: c.lang.code(),
        note: &c.text,
        url: c.url.as_deref(),
    };
    let mut out = serde_json::to_string_pretty(&[item]).unwrap_or_default();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Citation {
        Citation {
            text: "General Assembly resolution 73/187 of 17 December 2018, A/RES/73/187".into(),
            parts: Vec::new(),
            author: "United Nations. General Assembly".into(),
            title: "Countering the use of ICT for criminal purposes & 100% {more}".into(),
            symbol: "A/RES/73/187".into(),
            date: "2018-12-17".into(),
            lang: Lang::En,
            url: Some("https://example.org/archive/en/A/RES/73/187/".into()),
        }
    }

    #[test]
    fn bibtex_escapes_tex_and_carries_symbol_date_and_url() {
        let b = bibtex(&sample());
        assert!(b.starts_with("@misc{A-RES-73-187-en,\n"), "{b}");
        assert!(b.contains("  author   = {{United Nations. General Assembly}},\n"));
        assert!(b.contains(r"ICT for criminal purposes \& 100\% \{more\}"));
        assert!(b.contains("  number   = {A/RES/73/187},\n"));
        assert!(b.contains("  date     = {2018-12-17},\n"));
        assert!(b.contains("  month    = dec,\n"));
        assert!(b.contains("  url      = {https://example.org/archive/en/A/RES/73/187/},\n"));
        assert_eq!(b.matches('{').count(), b.matches('}').count());
    }

    #[test]
    fn ris_has_one_tag_per_line_and_ends_the_record() {
        let r = ris(&sample());
        let lines: Vec<&str> = r.split("\r\n").collect();
        assert_eq!(lines[0], "TY  - BILL");
        assert!(lines.contains(&"DA  - 2018/12/17/"));
        assert!(lines.contains(&"M1  - A/RES/73/187"));
        assert!(lines.contains(&"UR  - https://example.org/archive/en/A/RES/73/187/"));
        assert_eq!(lines[lines.len() - 2], "ER  - ");
    }

    #[test]
    fn csl_json_is_an_array_of_one_legislation_item() {
        let v: serde_json::Value = serde_json::from_str(&csl_json(&sample())).unwrap();
        let item = &v[0];
        assert_eq!(item["type"], "legislation");
        assert_eq!(item["number"], "A/RES/73/187");
        assert_eq!(
            item["issued"]["date-parts"],
            serde_json::json!([[2018, 12, 17]])
        );
        assert_eq!(item["URL"], "https://example.org/archive/en/A/RES/73/187/");
        let mut no_url = sample();
        no_url.url = None;
        let v: serde_json::Value = serde_json::from_str(&csl_json(&no_url)).unwrap();
        assert!(v[0].get("URL").is_none());
    }

    #[test]
    fn parts_mark_the_number_and_the_symbol_left_to_right() {
        let p = parts(
            "قرار {organ} {number} المؤرخ {date}، {symbol}",
            &[
                ("{organ}", "الجمعية العامة", false),
                ("{number}", "73/187", true),
                ("{date}", "17 كانون الأول/ديسمبر 2018", false),
                ("{symbol}", "A/RES/73/187", true),
            ],
        );
        let shown: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.ltr)).collect();
        assert_eq!(
            shown,
            [
                ("قرار الجمعية العامة ", false),
                ("73/187", true),
                (" المؤرخ 17 كانون الأول/ديسمبر 2018، ", false),
                ("A/RES/73/187", true),
            ]
        );
    }

    #[test]
    fn file_stems_are_safe_for_keys_and_file_names() {
        let mut c = sample();
        c.symbol = "S/RES/242 (1967)".into();
        c.lang = Lang::Fr;
        assert_eq!(file_stem(&c), "S-RES-242-1967-fr");
    }
}
