//! The metadata a General Assembly resolution carries in its own text: the cover (symbol,
//! distribution and issue date, agenda items, adoption date, committee and report, the
//! numbered title) and the closing (plenary meeting and date), in any of the six
//! languages.

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use regex::Regex;

use super::Warning;
use super::conventions::{self, Conventions};
use super::dates::{find_date, whole_date};
use super::lines::Line;
use crate::model::{Lang, Symbol};

/// What the cover of a General Assembly resolution says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Cover {
    /// The symbol printed on the cover ("A/RES/78/30").
    pub symbol: Option<Symbol>,
    /// The number before the title ("78/30"), which is all a cover without a printed
    /// symbol (the Chinese seed) gives.
    pub number: Option<String>,
    pub title: Option<String>,
    pub adopted: Option<Date>,
    pub agenda_items: Vec<String>,
    pub report: Option<String>,
    pub committee: Option<&'static str>,
    pub issued: Option<Date>,
    pub distribution: Option<&'static str>,
    /// Index of the first line of the body (the chapeau).
    pub body_start: usize,
}

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:A/RES|A/HRC/RES|E/RES)/[\w./()\s-]+$").expect("pattern compiles")
});
/// "78/30. Title", "2625 (XXV). Title", "217 A (III). Title", and "78/30 - Title" as
/// Arabic texts write it.
static NUMBERED_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<n>(?:ES-|S-)?\d{1,4}/\d{1,4}(?:\s?[A-Z])?|\d{1,5}(?:\s?[A-Z])?\s*\((?:ES-|S-)?[IVXLC]+\))(?:\.|\s*[-–])\s*(?P<t>.*)$")
        .expect("pattern compiles")
});
/// A document symbol in the committee line: the report or the draft.
static DOCUMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\bA/[0-9A-Z][\w./-]*\w").expect("pattern compiles"));

/// The conventions of `lang` first, then the others: a cover is read in its own
/// language, but a line another language would recognise is still read.
fn in_order(lang: Lang) -> impl Iterator<Item = &'static Conventions> {
    std::iter::once(conventions::of(lang)).chain(
        Lang::ALL
            .into_iter()
            .filter(move |l| *l != lang)
            .map(conventions::of),
    )
}

/// The index of the chapeau ("The General Assembly,"), the first line of the body.
/// Russian and Arabic covers name the organ in the same words ("Генеральная
/// Ассамблея"), so a chapeau with its comma wins, and one without must follow the
/// numbered title.
pub fn find_chapeau(lines: &[Line], lang: Lang) -> Option<usize> {
    let is_chapeau = |l: &Line| in_order(lang).any(|c| c.assembly_chapeau.is_match(&l.text));
    let with_comma = |l: &Line| l.text.ends_with([',', '，', '،']);
    if let Some(i) = lines.iter().position(|l| is_chapeau(l) && with_comma(l)) {
        return Some(i);
    }
    let title = lines
        .iter()
        .position(|l| NUMBERED_TITLE.is_match(&l.text))
        .unwrap_or(0);
    (title..lines.len()).find(|&i| is_chapeau(&lines[i]))
}

/// The block (the adoption line's) and the line where a committee line starts inside it.
fn committee_in_block(
    cover: &[Line],
    blocks: &[Range<usize>],
    block: Option<usize>,
) -> Option<(usize, usize)> {
    let b = block?;
    let k = blocks[b]
        .clone()
        .find(|&k| cover[k].text.starts_with('['))?;
    Some((b, k))
}

/// The title block's text, with the number pdftotext sets in a block of its own above it
/// ("78/14." / "" / "African Nuclear-Weapon-Free Zone Treaty").
fn with_number_above(cover: &[Line], title_blocks: &[Range<usize>], text: String) -> String {
    match title_blocks {
        [.., number, _]
            if number.len() == 1
                && !NUMBERED_TITLE.is_match(&text)
                && NUMBERED_TITLE.is_match(&format!("{} x", cover[number.start].text)) =>
        {
            format!("{} {text}", cover[number.start].text)
        }
        _ => text,
    }
}

/// Lines grouped into blocks at blank lines, as (first index, last index + 1).
fn blocks(lines: &[Line]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, l) in lines.iter().enumerate() {
        match (l.is_blank(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..lines.len());
    }
    out
}

fn joined(lines: &[Line]) -> String {
    let mut text = String::new();
    for l in lines {
        super::body::join_into(&mut text, &l.text, &super::body::Hyphens::Keep);
    }
    text
}

/// Reads the cover: every line before `body_start`.
pub fn read_cover(
    lines: &[Line],
    body_start: usize,
    lang: Lang,
    warnings: &mut Vec<Warning>,
) -> Cover {
    let cover = &lines[..body_start];
    let mut out = Cover {
        body_start,
        ..Cover::default()
    };
    let first_line = cover.first().map_or(1, |l| l.no);
    read_cover_lines(cover, lang, &mut out, warnings);
    let blocks = blocks(cover);
    let (adoption_block, committee_block) = read_blocks(cover, &blocks, lang, &mut out, warnings);
    // The title is the last block of the cover, after the committee and adoption lines.
    let after = committee_block.max(adoption_block).map_or(0, |b| b + 1);
    read_title(
        cover,
        blocks.get(after..).unwrap_or_default(),
        &mut out,
        warnings,
    );
    let missing = [
        (
            out.title.is_none(),
            "no title was found between the adoption line and the chapeau",
        ),
        (
            out.agenda_items.is_empty(),
            "no agenda item was found on the cover",
        ),
        (
            out.distribution.is_none(),
            "no distribution line (\"Distr.: General\") was found on the cover",
        ),
        (
            out.distribution.is_some() && out.issued.is_none(),
            "the distribution line has no issue date that could be read",
        ),
        (
            adoption_block.is_none(),
            "no adoption line (\"Resolution adopted by the General Assembly on …\") was found",
        ),
        (
            committee_block.is_none(),
            "no committee line (\"[on the report of …]\") was found",
        ),
    ];
    for (_, message) in missing.into_iter().filter(|(missing, _)| *missing) {
        warnings.push(Warning::new(first_line, message));
    }
    out
}

/// What single lines of the cover say: the symbol, the distribution with its issue date,
/// the agenda items.
fn read_cover_lines(cover: &[Line], lang: Lang, out: &mut Cover, warnings: &mut Vec<Warning>) {
    for (i, line) in cover.iter().enumerate() {
        let text = line.text.as_str();
        if out.symbol.is_none() && SYMBOL.is_match(text) {
            match Symbol::parse(text) {
                Ok(s) => out.symbol = Some(s),
                Err(e) => warnings.push(Warning::new(line.no, e.to_string())),
            }
        }
        if out.distribution.is_none()
            && let Some(d) = conventions::distribution(text)
        {
            out.distribution = Some(d);
            // The issue date stands on the same line or on one of the next two.
            let near: String = cover[i..cover.len().min(i + 3)]
                .iter()
                .map(|l| l.text.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            out.issued = find_date(&super::dates::ascii_digits(&near)).map(|(d, _)| d);
        }
        if out.agenda_items.is_empty()
            && let Some(caps) = in_order(lang).find_map(|c| c.agenda.captures(text))
        {
            out.agenda_items =
                conventions::agenda_items(&super::dates::ascii_digits(&caps["items"]));
            if out.agenda_items.is_empty() {
                warnings.push(Warning::new(
                    line.no,
                    "the agenda items on this line could not be read",
                ));
            }
        }
    }
}

/// What the blocks of the cover say: the adoption date and the committee. Returns the
/// blocks of the adoption line and of the committee line.
fn read_blocks(
    cover: &[Line],
    blocks: &[Range<usize>],
    lang: Lang,
    out: &mut Cover,
    warnings: &mut Vec<Warning>,
) -> (Option<usize>, Option<usize>) {
    let mut adoption_block = None;
    let mut committee_block = None;
    for (b, range) in blocks.iter().enumerate() {
        let text = super::dates::ascii_digits(&joined(&cover[range.clone()]));
        if adoption_block.is_none()
            && let Some(m) = in_order(lang).find_map(|c| c.adoption.find(&text))
        {
            adoption_block = Some(b);
            // Chinese puts the date before the words, the others after.
            let after = find_date(&text[m.end()..]).map(|(d, _)| d);
            let before = find_date(&text[..m.start()]).map(|(d, _)| d);
            out.adopted = after.or(before);
            if out.adopted.is_none() {
                warnings.push(Warning::new(
                    cover[range.start].no,
                    "the adoption line has no date that could be read",
                ));
            }
        }
        if committee_block.is_none() && text.starts_with('[') {
            committee_block = Some(b);
            read_committee(&text, lang, cover[range.start].no, out, warnings);
        }
    }
    // pdftotext sets the committee line in the adoption line's block.
    if committee_block.is_none()
        && let Some((b, k)) = committee_in_block(cover, blocks, adoption_block)
    {
        committee_block = Some(b);
        let text = super::dates::ascii_digits(&joined(&cover[k..blocks[b].end]));
        read_committee(&text, lang, cover[k].no, out, warnings);
    }
    (adoption_block, committee_block)
}

/// The title: the last of `title_blocks`, after its resolution number when it has one.
fn read_title(
    cover: &[Line],
    title_blocks: &[Range<usize>],
    out: &mut Cover,
    warnings: &mut Vec<Warning>,
) {
    let Some(range) = title_blocks.last() else {
        return;
    };
    let text = with_number_above(cover, title_blocks, joined(&cover[range.clone()]));
    match NUMBERED_TITLE.captures(&text) {
        Some(caps) => {
            out.number = Some(caps["n"].to_string());
            out.title = Some(caps["t"].trim().to_string());
        }
        None => {
            warnings.push(Warning::new(
                cover[range.start].no,
                "the title has no resolution number before it; the title is taken as it stands",
            ));
            out.title = Some(text);
        }
    }
}

/// "[on the report of the First Committee (A/79/406, para. 20)]" → First Committee,
/// A/79/406; "[without reference to a Main Committee (A/78/L.1)]" → A/78/L.1 alone.
fn read_committee(
    text: &str,
    lang: Lang,
    line: usize,
    out: &mut Cover,
    warnings: &mut Vec<Warning>,
) {
    out.report = DOCUMENT
        .find(text)
        .map(|m| m.as_str().trim_end_matches(['.', ',']).to_string());
    if out.report.is_none() {
        warnings.push(Warning::new(line, "the committee line names no report"));
    }
    let without = in_order(lang).any(|c| c.without_committee.is_match(text));
    if without {
        return;
    }
    out.committee = in_order(lang).find_map(|c| {
        c.committees
            .iter()
            .find(|(_, re)| re.is_match(text))
            .map(|(key, _)| *key)
    });
    if out.committee.is_none() {
        warnings.push(Warning::new(
            line,
            "the committee on this line could not be read",
        ));
    }
}

/// The closing of a General Assembly resolution: "42nd plenary meeting" and the date,
/// in either order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Closing {
    pub meeting: u32,
    pub date: Option<Date>,
    /// The lines it takes, to be dropped from the body.
    pub lines: Range<usize>,
}

/// Finds the closing in `lines` from `from` on: the first line that is a plenary meeting
/// and nothing else, with a date on the line before or after it.
pub fn find_closing(lines: &[Line], from: usize, lang: Lang) -> Option<Closing> {
    for i in from..lines.len() {
        let text = super::dates::ascii_digits(&lines[i].text);
        let Some(n) = in_order(lang).find_map(|c| {
            c.plenary_meeting
                .captures(&text)
                .and_then(|caps| caps["n"].parse::<u32>().ok())
        }) else {
            continue;
        };
        let date_at = |j: usize| {
            lines
                .get(j)
                .and_then(|l| whole_date(&super::dates::ascii_digits(&l.text)))
        };
        let (date, range) = if let Some(d) = date_at(i + 1) {
            (Some(d), i..i + 2)
        } else if let Some(d) = i.checked_sub(1).and_then(date_at) {
            (Some(d), i - 1..i + 1)
        } else {
            (None, i..i + 1)
        };
        return Some(Closing {
            meeting: n,
            date,
            lines: range,
        });
    }
    None
}

/// The annex headings in `lines` ("Annex", "Annex II"), by index.
pub fn annex_headings(lines: &[Line], lang: Lang) -> Vec<usize> {
    lines
        .iter()
        .enumerate()
        .filter(|(_, l)| in_order(lang).any(|c| c.annex.is_match(&l.text)))
        .map(|(i, _)| i)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::lines::split;

    fn cover(text: &str, lang: Lang) -> (Cover, Vec<Warning>) {
        let lines = split(text);
        let start = find_chapeau(&lines, lang).expect("chapeau");
        let mut warnings = Vec::new();
        (read_cover(&lines, start, lang, &mut warnings), warnings)
    }

    #[test]
    fn an_english_cover() {
        let (c, w) = cover(
            "United Nations \nA/RES/78/30\n \nGeneral Assembly \nDistr.: General \n6 December 2023 \n \n23-24539 (E)    181223 \n*2324539* \n \nSeventy-eighth session \nAgenda item 99 (w) \nGeneral and complete disarmament \n \n Resolution adopted by the General Assembly \non 4 December 2023 \n \n[on the report of the First Committee (A/78/409, para. 89)] \n \n78/30. Follow-up to nuclear disarmament obligations agreed to at the \n1995, 2000 and 2010 Review Conferences \n \nThe General Assembly, \n",
            Lang::En,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.symbol.unwrap().as_str(), "A/RES/78/30");
        assert_eq!(c.number.as_deref(), Some("78/30"));
        assert_eq!(
            c.title.as_deref(),
            Some(
                "Follow-up to nuclear disarmament obligations agreed to at the 1995, 2000 and 2010 Review Conferences"
            )
        );
        assert_eq!(c.adopted.unwrap().to_string(), "2023-12-04");
        assert_eq!(c.issued.unwrap().to_string(), "2023-12-06");
        assert_eq!(c.distribution, Some("General"));
        assert_eq!(c.agenda_items, ["99w"]);
        assert_eq!(c.committee, Some("First Committee"));
        assert_eq!(c.report.as_deref(), Some("A/78/409"));
    }

    #[test]
    fn the_chinese_seed_cover() {
        let (c, w) = cover(
            "\n\nDistr.: General\n14 January 2019\n\n第七十三届会议\n\n议程项目 109\n\n2018 年 12 月 17 日大会决议\n\n[根据第三委员会的报告(A/73/590)通过]\n\n73/187. 打击为犯罪目的使用信息和通信技术行为\n\n大会，\n",
            Lang::Zh,
        );
        assert!(w.is_empty(), "{w:?}");
        assert_eq!(c.symbol, None);
        assert_eq!(c.number.as_deref(), Some("73/187"));
        assert_eq!(
            c.title.as_deref(),
            Some("打击为犯罪目的使用信息和通信技术行为")
        );
        assert_eq!(c.adopted.unwrap().to_string(), "2018-12-17");
        assert_eq!(c.issued.unwrap().to_string(), "2019-01-14");
        assert_eq!(c.agenda_items, ["109"]);
        assert_eq!(c.committee, Some("Third Committee"));
        assert_eq!(c.report.as_deref(), Some("A/73/590"));
    }

    #[test]
    fn covers_in_french_spanish_russian_and_arabic() {
        let cases = [
            (
                Lang::Fr,
                "Distr. générale\n6 décembre 2023\n\nSoixante-dix-huitième session\nPoint 99 w) de l’ordre du jour\n\nRésolution adoptée par l’Assemblée générale\nle 4 décembre 2023\n\n[sur la base du rapport de la Première Commission (A/78/409, par. 89)]\n\n78/30. Suivi des obligations\n\nL’Assemblée générale,\n",
            ),
            (
                Lang::Es,
                "Distr. general\n6 de diciembre de 2023\n\nSeptuagésimo octavo período de sesiones\nTema 99 w) del programa\n\nResolución aprobada por la Asamblea General\nel 4 de diciembre de 2023\n\n[sobre la base del informe de la Primera Comisión (A/78/409, párr. 89)]\n\n78/30. Seguimiento de las obligaciones\n\nLa Asamblea General,\n",
            ),
            (
                Lang::Ru,
                "Distr.: General\n6 December 2023\n\nСемьдесят восьмая сессия\nПункт 99 (w) повестки дня\n\nРезолюция, принятая Генеральной Ассамблеей\n4 декабря 2023 года\n\n[по докладу Первого комитета (A/78/409, п. 89)]\n\n78/30. Последующие меры\n\nГенеральная Ассамблея,\n",
            ),
            (
                Lang::Ar,
                "Distr.: General\n6 December 2023\n\nالدورة الثامنة والسبعون\nالبند 99 (ث) من جدول الأعمال\n\nقرار اتخذته الجمعية العامة\nفي 4 كانون الأول/ديسمبر 2023\n\n[بناء على تقرير اللجنة الأولى (A/78/409، الفقرة 89)]\n\n78/30. متابعة الالتزامات\n\nإن الجمعية العامة،\n",
            ),
        ];
        for (lang, text) in cases {
            let (c, w) = cover(text, lang);
            assert!(w.is_empty(), "{lang}: {w:?}");
            assert_eq!(c.adopted.unwrap().to_string(), "2023-12-04", "{lang}");
            assert_eq!(c.issued.unwrap().to_string(), "2023-12-06", "{lang}");
            assert_eq!(c.agenda_items, ["99w"], "{lang}");
            assert_eq!(c.committee, Some("First Committee"), "{lang}");
            assert_eq!(c.report.as_deref(), Some("A/78/409"), "{lang}");
            assert_eq!(c.number.as_deref(), Some("78/30"), "{lang}");
        }
    }

    #[test]
    fn without_reference_to_a_main_committee_names_the_draft_only() {
        let (c, _) = cover(
            "[without reference to a Main Committee (A/79/L.9/Rev.1)]\n\n Cooperation between the United Nations and the Organization of \nIslamic Cooperation \n\nThe General Assembly,\n",
            Lang::En,
        );
        assert_eq!(c.report.as_deref(), Some("A/79/L.9/Rev.1"));
        assert_eq!(c.committee, None);
        assert_eq!(
            c.title.as_deref(),
            Some(
                "Cooperation between the United Nations and the Organization of Islamic Cooperation"
            )
        );
    }

    #[test]
    fn closings_in_either_order() {
        let lines = split("text.\n\n42nd plenary meeting\n4 December 2023\n");
        let c = find_closing(&lines, 0, Lang::En).unwrap();
        assert_eq!((c.meeting, c.lines.clone()), (42, 2..4));
        assert_eq!(c.date.unwrap().to_string(), "2023-12-04");
        let lines = split("文本。\n\n2018 年 12 月 17 日\n第 56 次全体会议\n");
        let c = find_closing(&lines, 0, Lang::Zh).unwrap();
        assert_eq!((c.meeting, c.lines), (56, 2..4));
        let lines = split("Decide to convene a high-level plenary meeting of the General\n");
        assert_eq!(find_closing(&lines, 0, Lang::En), None);
    }
}
