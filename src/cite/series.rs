//! Series as a reader sees them: the works of the archive that follow one another (see
//! [`Graph::all_series`]), and the resolutions of the same series that the archive lacks
//! but the texts recall ("Recalling its resolutions 69/32 of 2 December 2014, …, 77/42 of
//! 7 December 2022 and 78/21 of 4 December 2023").
//!
//! A recalled resolution counts as a member only when it stands in the same list as the
//! citation of a member's predecessor (or of the resolution a text names as "the most
//! recent"), before it, in an unbroken run of earlier sessions: the list above gives
//! 69/32 … 77/42 to the series of 78/21 and 79/20, while "its resolutions 45/55 B of 4
//! December 1990 and 48/74 B", further on in the same paragraph, stay out.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::graph::{Found, Graph};
use super::{Target, find_in};
use crate::model::{Archive, Lang, Session, Symbol};

/// A member of a series the archive does not have.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recalled {
    pub symbol: Symbol,
    /// The adoption date, when the recalling text gives it.
    pub adopted: Option<Date>,
}

/// One series: its works in the archive and the members only recalled.
#[derive(Debug, Clone)]
pub struct Series {
    /// The symbol the series is known by, unique in the archive: its earliest member,
    /// recalled or not (its earliest work in the archive if two series recall the same
    /// earliest member). It changes only when an earlier member becomes known.
    pub key: Symbol,
    /// Works of the archive, oldest first.
    pub works: Vec<usize>,
    /// Members the archive lacks, in symbol order.
    pub recalled: Vec<Recalled>,
}

/// Every series of an archive.
#[derive(Debug, Default)]
pub struct Index {
    pub series: Vec<Series>,
    of: Vec<Option<usize>>,
}

/// How many sessions (or years) may lie between two members of a run: series are renewed
/// every year, every other year or every third year.
const MAX_GAP: u16 = 3;

/// The longest text between two numbers of one list: a date and a comma, or "and".
const MAX_JOIN: usize = 48;

impl Index {
    /// Builds the series of an archive. `found(i)` are the citations of resolution `i`;
    /// `text(i, anchor)` is the plain text of the paragraph with that anchor in it.
    pub fn new<'t>(
        archive: &Archive,
        graph: &Graph,
        found: impl Fn(usize) -> &'t [Found],
        text: impl Fn(usize, &str) -> Option<String>,
    ) -> Index {
        let works = archive.works();
        let mut of = vec![None; works.len()];
        let mut series = graph
            .all_series()
            .iter()
            .enumerate()
            .map(|(k, members)| {
                for &w in members {
                    of[w] = Some(k);
                }
                let mut recalled: BTreeMap<Symbol, Option<Date>> = BTreeMap::new();
                for &w in members {
                    let previous = graph.previous(w).map(|p| works[p].0.clone());
                    for &i in &works[w].1 {
                        let r = archive.resolution(i);
                        for f in found(i) {
                            let Target::Resolution(cited) = &f.target else {
                                continue;
                            };
                            let is_previous = previous.as_ref() == Some(cited);
                            let is_latest = f.most_recent && archive.work_of(cited).is_none();
                            if !(is_previous || is_latest) {
                                continue;
                            }
                            let Some(paragraph) = f.anchor.as_deref().and_then(|a| text(i, a))
                            else {
                                continue;
                            };
                            for (symbol, date) in run_before(&paragraph, r.lang, cited) {
                                if archive.work_of(&symbol).is_none() {
                                    let entry = recalled.entry(symbol).or_insert(None);
                                    if entry.is_none() {
                                        *entry = date;
                                    }
                                }
                            }
                        }
                    }
                }
                let recalled: Vec<Recalled> = recalled
                    .into_iter()
                    .map(|(symbol, adopted)| Recalled { symbol, adopted })
                    .collect();
                let first = &works[members[0]].0;
                let key = match recalled.first() {
                    Some(r) if r.symbol < *first => r.symbol.clone(),
                    _ => first.clone(),
                };
                Series {
                    key,
                    works: members.clone(),
                    recalled,
                }
            })
            .collect::<Vec<_>>();
        // Two series that recall the same earliest member are known by their own works.
        let mut uses: BTreeMap<Symbol, usize> = BTreeMap::new();
        for s in &series {
            *uses.entry(s.key.clone()).or_insert(0) += 1;
        }
        for s in &mut series {
            if uses[&s.key] > 1 {
                s.key = works[s.works[0]].0.clone();
            }
        }
        Index { series, of }
    }

    /// The series a work belongs to, by its index in [`Index::series`].
    pub fn of(&self, work: usize) -> Option<usize> {
        self.of.get(work).copied().flatten()
    }
}

/// The order of a member within its organ's series: its session, or its year for the
/// Security Council and ECOSOC's modern numbers. Special sessions have none.
fn period(s: &Symbol) -> Option<u16> {
    match (s.session(), s.year()) {
        (Some(Session::Regular(n)), _) => Some(n),
        (None, Some(y)) => Some(y),
        _ => None,
    }
}

/// The cited resolution and the unbroken run of earlier ones just before it in the same
/// list, each with the date the text gives it.
fn run_before(paragraph: &str, lang: Lang, cited: &Symbol) -> Vec<(Symbol, Option<Date>)> {
    let citations = find_in(paragraph, lang, cited.organ());
    let symbols: Vec<(Range<usize>, &Symbol)> = citations
        .iter()
        .filter_map(|c| c.resolution().map(|s| (c.span.clone(), s)))
        .collect();
    let Some(at) = symbols.iter().position(|(_, s)| *s == cited) else {
        return Vec::new();
    };
    let mut out = vec![(cited.clone(), date_of(paragraph, &symbols[at].0, lang))];
    let mut later = at;
    while let Some(k) = later.checked_sub(1) {
        let (span, symbol) = &symbols[k];
        let (next_span, next) = &symbols[later];
        let (Some(p), Some(q)) = (period(symbol), period(next)) else {
            break;
        };
        let join = &paragraph[span.end..next_span.start];
        let in_list = join.chars().count() <= MAX_JOIN && !join.contains([';', '；', '؛', '.']);
        if symbol.organ() != cited.organ() || p >= q || q - p > MAX_GAP || !in_list {
            break;
        }
        out.push(((*symbol).clone(), date_of(paragraph, span, lang)));
        later = k;
    }
    out
}

/// The adoption date a text gives a citation: "69/32 of 2 December 2014", "69/32 du 2
/// décembre 2014", "2014 年 12 月 2 日第 69/32 号".
fn date_of(text: &str, span: &Range<usize>, lang: Lang) -> Option<Date> {
    if lang == Lang::Zh {
        let c = ZH_DATE.captures(&text[..span.start])?;
        return date(&c[1], &c[2], &c[3]);
    }
    let c = AFTER[lang_index(lang)].captures(&text[span.end..])?;
    let month = month_number(&c[2], lang)?;
    date(&c[3], &month.to_string(), &c[1])
}

fn date(y: &str, m: &str, d: &str) -> Option<Date> {
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

fn lang_index(lang: Lang) -> usize {
    Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0)
}

static ZH_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(?:的)?\s*第\s*$")
        .expect("pattern")
});

/// What follows a number when the text dates it: (day, month name, year), per language
/// in the order of [`Lang::ALL`].
static AFTER: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    Lang::ALL
        .iter()
        .map(|lang| {
            let p = match lang {
                Lang::En => r"^\s*,?\s*(?:of|adopted on)\s+(\d{1,2})\s+(\p{L}+)\s+(\d{4})",
                Lang::Fr => r"^\s*,?\s*(?:du|en date du)\s+(\d{1,2})(?:er)?\s+(\p{L}+)\s+(\d{4})",
                Lang::Es => r"^\s*,?\s*(?:de|del)\s+(\d{1,2})\s+de\s+(\p{L}+)\s+de\s+(\d{4})",
                Lang::Ru => r"^\s*,?\s*от\s+(\d{1,2})\s+(\p{L}+)\s+(\d{4})",
                Lang::Ar => r"^\s*[،,]?\s*(?:المؤرخ|المؤرخة)\s+(?:في\s+)?(\d{1,2})\s+(\p{L}+(?:\s\p{L}+)?(?:/\p{L}+)?)\s+(\d{4})",
                Lang::Zh => r"^$",
            };
            Regex::new(p).expect("pattern")
        })
        .collect()
});

/// A month's number from its name in a language (Russian in the genitive, Arabic in
/// either of the names the UN writes side by side, "كانون الأول/ديسمبر").
fn month_number(name: &str, lang: Lang) -> Option<u8> {
    if lang == Lang::Zh {
        return None;
    }
    crate::model::months::number(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sym(s: &str) -> Symbol {
        Symbol::parse(s).unwrap()
    }

    fn run(text: &str, lang: Lang, cited: &str) -> Vec<(String, Option<String>)> {
        run_before(text, lang, &sym(cited))
            .into_iter()
            .map(|(s, d)| (s.short().to_string(), d.map(|d| d.to_string())))
            .collect()
    }

    const PP1: &str = "Recalling its resolutions 69/32 of 2 December 2014, 70/27 of 7 December 2015, 71/32 of 5 December 2016, 72/27 of 4 December 2017, 73/31 of 5 December 2018, 74/33 of 12 December 2019, 75/37 of 7 December 2020, 76/23 of 6 December 2021, 77/42 of 7 December 2022 and 78/21 of 4 December 2023, and its resolutions 45/55 B of 4 December 1990 and 48/74 B of 16 December 1993, which, inter alia, confirm the importance of transparency";

    #[test]
    fn a_list_of_earlier_sessions_is_the_series_and_dated() {
        let got = run(PP1, Lang::En, "A/RES/78/21");
        let symbols: Vec<&str> = got.iter().map(|(s, _)| s.as_str()).collect();
        assert_eq!(
            symbols,
            [
                "78/21", "77/42", "76/23", "75/37", "74/33", "73/31", "72/27", "71/32", "70/27",
                "69/32"
            ]
        );
        assert_eq!(got[9].1.as_deref(), Some("2014-12-02"));
        assert_eq!(got[0].1.as_deref(), Some("2023-12-04"));
        // Resolutions further on in the paragraph, of other series, stay out.
        assert!(!symbols.contains(&"45/55 B"));
    }

    #[test]
    fn a_gap_of_many_sessions_or_a_new_sentence_ends_the_run() {
        let got = run(
            "Recalling its resolutions 45/55 B of 4 December 1990 and 78/21 of 4 December 2023,",
            Lang::En,
            "A/RES/78/21",
        );
        assert_eq!(got.len(), 1);
        let got = run(
            "Recalling resolution 77/42; noting resolution 78/21,",
            Lang::En,
            "A/RES/78/21",
        );
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn dates_in_other_languages() {
        let fr = run(
            "Rappelant ses résolutions 77/42 du 7 décembre 2022 et 78/21 du 4 décembre 2023,",
            Lang::Fr,
            "A/RES/78/21",
        );
        assert_eq!(fr[1], ("77/42".into(), Some("2022-12-07".into())));
        let es = run(
            "Recordando sus resoluciones 77/42, de 7 de diciembre de 2022, y 78/21, de 4 de diciembre de 2023,",
            Lang::Es,
            "A/RES/78/21",
        );
        assert_eq!(es.len(), 2, "{es:?}");
        let ru = run(
            "ссылаясь на свои резолюции 77/42 от 7 декабря 2022 года и 78/21 от 4 декабря 2023 года,",
            Lang::Ru,
            "A/RES/78/21",
        );
        assert_eq!(ru[1], ("77/42".into(), Some("2022-12-07".into())));
        let zh = run(
            "回顾其 2022 年 12 月 7 日第 77/42 号和 2023 年 12 月 4 日第 78/21 号决议，",
            Lang::Zh,
            "A/RES/78/21",
        );
        assert_eq!(zh[0], ("78/21".into(), Some("2023-12-04".into())));
        assert_eq!(zh[1], ("77/42".into(), Some("2022-12-07".into())));
        let ar = run(
            "إذ تشير إلى قراريها 77/42 المؤرخ 7 كانون الأول/ديسمبر 2022 و 78/21 المؤرخ 4 كانون الأول/ديسمبر 2023،",
            Lang::Ar,
            "A/RES/78/21",
        );
        assert_eq!(
            ar.first().map(|x| x.1.clone()),
            Some(Some("2023-12-04".into())),
            "{ar:?}"
        );
    }
}
