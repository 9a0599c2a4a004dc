//! One raw text → the metadata and Markdown body of its resolution file: the steps of
//! the import, in order, for a General Assembly text and for a Security Council text.

use std::sync::LazyLock;

use regex::Regex;

use super::body::{self, Hyphens, Layout, Paragraph, Part, Role};
use super::footnotes::{self, Note};
use super::lines::{self, Line};
use super::{
    Imported, Metadata, Rejected, Warning, conventions, furniture, header, lang, note_blocks,
    security_council,
};
use crate::model::{Lang, Symbol, Vote};

static FILE_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<organ>A|S|E)_RES_(?P<a>[A-Z0-9-]+)_(?P<b>\d+)").expect("pattern compiles")
});

/// The symbol a file name gives, in the conventions of the UN's document system
/// (`A_RES_78_30.en.txt`) and of CR-UNSC (`S_RES_0242_1967_EN_GOLD.txt`).
fn symbol_from_file_name(name: &str) -> Option<Symbol> {
    let caps = FILE_SYMBOL.captures(name)?;
    let (a, b) = (&caps["a"], &caps["b"]);
    let text = match caps["organ"].to_ascii_uppercase().as_str() {
        "S" => format!("S/RES/{} ({b})", a.trim_start_matches('0')),
        organ => format!("{organ}/RES/{a}/{b}"),
    };
    Symbol::parse(&text).ok()
}

/// The layout of General Assembly texts: born digital, wrapped at a margin as wide as
/// the widest line, with headings in long texts. A form-fed text (pdftotext's) leaves no
/// blank line between paragraphs, so there the openings of paragraphs cut them.
fn assembly_layout(lines: &[Line], lang: Lang, form_fed: bool) -> Layout {
    Layout {
        hyphens: Hyphens::Keep,
        ocr: false,
        headings: true,
        width: Some(if form_fed {
            Layout::typical(lines)
        } else {
            Layout::widest(lines)
        }),
        openers: form_fed.then_some(lang),
    }
}

/// Converts one raw text. `source_name` is the file's name, a fallback for the symbol;
/// `lang` overrides the detected language.
pub fn convert(text: &str, source_name: &str, lang: Option<Lang>) -> Result<Imported, Rejected> {
    let lines = lines::split(text);
    let Some(lang) = lang.or_else(|| lang::detect(text)) else {
        return Err(Rejected {
            errors: vec![Warning::new(
                1,
                "the text has no letters; its language cannot be told",
            )],
            warnings: Vec::new(),
        });
    };
    let form_fed = lines::is_form_fed(text);
    let lines = if form_fed {
        furniture::strip_form_fed_headers(lines)
    } else {
        furniture::strip_running_headers(lines)
    };
    let lines = super::mend::lines(lines, lang);
    let from_file = symbol_from_file_name(source_name);
    // A General Assembly text may cite "resolution 1540 (2004) of …" at the start of a
    // line; its chapeau tells it from a Council text.
    let assembly_chapeau = header::find_chapeau(&lines, lang).is_some();
    if !assembly_chapeau && security_council::is_council(&lines, lang) {
        council(lines, lang, from_file)
    } else {
        assembly(lines, lang, from_file, form_fed)
    }
}

/// Notes, marks and paragraphs of a General Assembly text from its chapeau on.
fn assembly(
    lines: Vec<Line>,
    lang: Lang,
    from_file: Option<Symbol>,
    form_fed: bool,
) -> Result<Imported, Rejected> {
    let mut warnings = Vec::new();
    let Some(chapeau) = header::find_chapeau(&lines, lang) else {
        return Err(Rejected {
            errors: vec![Warning::new(
                1,
                "no chapeau (\"The General Assembly,\") was found, so the body cannot be told from the cover",
            )],
            warnings,
        });
    };
    let cover = header::read_cover(&lines, chapeau, lang, &mut warnings);

    let mut rest = furniture::strip_loose(lines[chapeau..].to_vec());
    isolate_chapeau(&mut rest, &conventions::of(lang).assembly_chapeau);
    let mut notes = Vec::new();
    let rest = if form_fed {
        note_blocks::take(rest, &mut notes, &mut warnings)
    } else {
        footnotes::take_ruled(rest, &mut notes, &mut warnings)
    };
    let mut rest = footnotes::take_superscript(rest, &mut notes);
    if form_fed {
        rest = lines::drop_gap_blanks(rest);
    }

    let closing = header::find_closing(&rest, 0, lang);
    let body_end = closing.as_ref().map_or(rest.len(), |c| c.lines.start);
    let after_start = closing.as_ref().map_or(rest.len(), |c| c.lines.end);
    if closing.is_none() {
        warnings.push(Warning::new(
            rest.last().map_or(1, |l| l.no),
            "no closing plenary meeting line (\"42nd plenary meeting\") was found",
        ));
    }
    let missing = footnotes::place_marks(&mut rest, &notes, &mut warnings);

    let layout = assembly_layout(&rest, lang, form_fed);
    let mut paragraphs = body::paragraphs(&rest[..body_end], &layout, Part::Resolution);
    paragraphs.extend(after_closing(
        &rest[after_start..],
        &layout,
        lang,
        &mut warnings,
    ));

    let mut errors = Vec::new();
    let first_line = lines.first().map_or(1, |l| l.no);
    let symbol = assembly_symbol(&cover, from_file, first_line, &mut warnings);
    if symbol.is_none() {
        errors.push(Warning::new(first_line, "no symbol was found: neither \"A/RES/…\" on the cover nor a numbered title (\"78/30. …\")"));
    }
    let closing_date = closing.as_ref().and_then(|c| c.date);
    let adopted = adoption_date(cover.adopted, closing_date, first_line, &mut warnings);
    if adopted.is_none() {
        errors.push(Warning::new(
            first_line,
            "no adoption date was found, on the cover or in the closing",
        ));
    }
    let title = cover.title.clone().filter(|t| !t.is_empty());
    if title.is_none() {
        errors.push(Warning::new(first_line, "no title was found"));
    }
    let (Some(symbol), Some(adopted), Some(title)) = (symbol, adopted, title) else {
        return Err(Rejected { errors, warnings });
    };

    let meta = Metadata {
        symbol,
        lang,
        title,
        adopted,
        agenda_items: cover.agenda_items,
        meeting: closing.map(|c| c.meeting),
        report: cover.report,
        committee: cover.committee.map(str::to_string),
        issued: cover.issued,
        distribution: cover.distribution.map(str::to_string),
        vote: None,
        adopted_unanimously: false,
        adopted_by_consensus: false,
        adoption_note: None,
    };
    let body = with_notes(&paragraphs, &notes, &missing);
    warnings.sort_by_key(|w| w.line);
    Ok(Imported {
        meta,
        body,
        warnings,
    })
}

/// What follows the closing lines: the annexes, each under its heading, and any other
/// text, kept at the end of the body with a warning.
fn after_closing(
    after: &[Line],
    layout: &Layout,
    lang: Lang,
    warnings: &mut Vec<Warning>,
) -> Vec<Paragraph> {
    let mut paragraphs = Vec::new();
    let annexes = header::annex_headings(after, lang);
    let first_annex = annexes.first().copied().unwrap_or(after.len());
    if let Some(stray) = after[..first_annex].iter().find(|l| !l.is_blank()) {
        warnings.push(Warning::new(
            stray.no,
            "text after the closing lines that is not an annex; it is kept at the end of the body",
        ));
        paragraphs.extend(body::paragraphs(&after[..first_annex], layout, Part::Annex));
    }
    for (k, &start) in annexes.iter().enumerate() {
        let end = annexes.get(k + 1).copied().unwrap_or(after.len());
        paragraphs.push(Paragraph {
            role: Role::Annex,
            text: after[start].text.clone(),
            line: after[start].no,
            spaced: true,
        });
        paragraphs.extend(body::paragraphs(
            &after[start + 1..end],
            layout,
            Part::Annex,
        ));
    }
    paragraphs
}

/// The symbol: the cover's, or the one the title's number gives, or the file name's.
fn assembly_symbol(
    cover: &header::Cover,
    from_file: Option<Symbol>,
    first_line: usize,
    warnings: &mut Vec<Warning>,
) -> Option<Symbol> {
    let from_number = cover
        .number
        .as_deref()
        .and_then(|n| Symbol::parse(&format!("A/RES/{n}")).ok());
    match (cover.symbol.clone(), from_number, from_file) {
        (Some(printed), Some(numbered), _) if printed != numbered => {
            warnings.push(Warning::new(
                first_line,
                format!(
                    "the cover says {printed} but the title is numbered {}; {printed} is used",
                    numbered.short()
                ),
            ));
            Some(printed)
        }
        (Some(s), _, _) | (None, Some(s), _) => Some(s),
        (None, None, Some(s)) => {
            warnings.push(Warning::new(
                first_line,
                format!("the text gives no symbol; {s} is taken from the file name"),
            ));
            Some(s)
        }
        (None, None, None) => None,
    }
}

/// The adoption date: the cover's, else the closing's; a warning when they differ.
fn adoption_date(
    cover: Option<jiff::civil::Date>,
    closing: Option<jiff::civil::Date>,
    first_line: usize,
    warnings: &mut Vec<Warning>,
) -> Option<jiff::civil::Date> {
    match (cover, closing) {
        (Some(a), Some(c)) if a != c => {
            warnings.push(Warning::new(
                first_line,
                format!("the adoption line says {a} but the closing says {c}; {a} is used"),
            ));
            Some(a)
        }
        (a, c) => a.or(c),
    }
}

/// Puts the chapeau ("The Security Council,") in a paragraph of its own when the text
/// runs on under it without a blank line.
fn isolate_chapeau(lines: &mut Vec<Line>, chapeau: &Regex) {
    if let Some(first) = lines.first()
        && chapeau.is_match(&first.text)
        && lines.get(1).is_some_and(|l| !l.is_blank())
    {
        let blank = Line {
            no: first.no,
            page: first.page,
            text: String::new(),
        };
        lines.insert(1, blank);
    }
}

/// A Security Council resolution's title, which its text does not give: its heading,
/// "Resolution 237 (1967)", in the document's language.
fn council_title(lang: Lang, symbol: &Symbol) -> String {
    let short = symbol.short();
    match lang {
        Lang::En => format!("Resolution {short}"),
        Lang::Fr => format!("Résolution {short}"),
        Lang::Es => format!("Resolución {short}"),
        Lang::Ru => format!("Резолюция {short}"),
        Lang::Ar => format!("القرار {short}"),
        Lang::Zh => format!("第 {short} 号决议"),
    }
}

/// Heading, notes, closing and paragraphs of a Security Council text.
fn council(lines: Vec<Line>, lang: Lang, from_file: Option<Symbol>) -> Result<Imported, Rejected> {
    let mut warnings = Vec::new();
    let first_line = lines.first().map_or(1, |l| l.no);
    let Some(heading) = security_council::read_heading(&lines, lang, &mut warnings) else {
        return Err(Rejected {
            errors: vec![Warning::new(
                first_line,
                "no heading (\"Resolution 237 (1967)\") was found",
            )],
            warnings,
        });
    };
    let mut rest = furniture::strip_loose(lines[heading.body_start..].to_vec());
    isolate_chapeau(&mut rest, &conventions::of(lang).council_chapeau);
    let hyphens = Hyphens::mend(&rest);
    let mut notes = Vec::new();
    let rest = footnotes::take_slashed(rest, &mut notes);
    let rest = footnotes::take_ruled(rest, &mut notes, &mut warnings);
    let mut rest = footnotes::take_superscript(rest, &mut notes);
    let closing = security_council::find_closing(&rest, 0);
    match &closing {
        Some(c) => footnotes::take_trailing(&mut rest, c.lines.end, &mut notes),
        None => {
            if let Some(start) = footnotes::trailing_start(&rest) {
                footnotes::take_trailing(&mut rest, start, &mut notes);
            }
            if heading.meeting.is_none() {
                warnings.push(Warning::new(
                    rest.last().map_or(first_line, |l| l.no),
                    "no closing line (\"Adopted … at the 1361st meeting\") was found",
                ));
            }
        }
    }
    let (rest, missing) = place_council_marks(&lines, &heading, rest, &notes, &mut warnings);
    let mut closing = closing.unwrap_or_default();
    let (body_notes, adoption_note) = notes_of_the_closing(notes, &rest, &mut closing);
    let body_end = if closing.lines.is_empty() {
        rest.len()
    } else {
        closing.lines.start
    };
    let layout = Layout {
        hyphens,
        ocr: true,
        headings: false,
        width: None,
        openers: None,
    };
    let paragraphs = body::paragraphs(&rest[..body_end], &layout, Part::Resolution);
    if let Some(stray) = rest[closing.lines.end.max(body_end)..]
        .iter()
        .find(|l| !l.is_blank())
    {
        warnings.push(Warning::new(
            stray.no,
            "text after the closing line was dropped",
        ));
    }

    let mut errors = Vec::new();
    let symbol = council_symbol(&heading, from_file.as_ref(), &mut warnings);
    if heading.adopted.is_none() {
        errors.push(Warning::new(
            heading.line,
            "no adoption date was found in the heading, so neither the date nor the symbol's year is known",
        ));
    }
    let (Some(symbol), Some(adopted)) = (symbol, heading.adopted) else {
        return Err(Rejected { errors, warnings });
    };
    let meta = Metadata {
        title: council_title(lang, &symbol),
        symbol,
        lang,
        adopted,
        agenda_items: Vec::new(),
        meeting: closing.meeting.or(heading.meeting),
        report: None,
        committee: None,
        issued: heading.issued,
        distribution: heading.distribution.map(str::to_string),
        // Unanimity says everyone voted in favour but not how many were present.
        vote: closing.vote,
        adopted_unanimously: closing.unanimous,
        adopted_by_consensus: closing.consensus,
        adoption_note,
    };
    let body = with_notes(&paragraphs, &body_notes, &missing);
    warnings.sort_by_key(|w| w.line);
    Ok(Imported {
        meta,
        body,
        warnings,
    })
}

/// Places the marks of the notes in the text. A mark may stand on the heading ("6 (1946).
/// Resolution of 17 May 1946 21"): the note is about the whole resolution, and its mark
/// goes after the chapeau. Returns the body and the notes whose mark was not found.
fn place_council_marks(
    lines: &[Line],
    heading: &security_council::Heading,
    mut rest: Vec<Line>,
    notes: &[Note],
    warnings: &mut Vec<Warning>,
) -> (Vec<Line>, Vec<u32>) {
    let mut marked: Vec<Line> = lines[heading.index..heading.body_start].to_vec();
    let head_len = marked.len();
    marked.append(&mut rest);
    let missing = footnotes::place_marks(&mut marked, notes, warnings);
    footnotes::place_repeated_marks(&mut marked, notes);
    let mut rest = marked.split_off(head_len);
    let head_marks: String = marked
        .iter()
        .flat_map(|l| footnotes::marks_in(&l.text))
        .map(|label| format!("[^{label}]"))
        .collect();
    if let Some(first) = rest.iter_mut().find(|l| !l.is_blank()) {
        first.text.push_str(&head_marks);
    }
    (rest, missing)
}

/// Notes whose mark is on the closing line speak of the adoption: one that says "without
/// a vote" gives the closing its vote, the others become the adoption note. Returns the
/// notes of the body and the adoption note.
fn notes_of_the_closing(
    notes: Vec<Note>,
    rest: &[Line],
    closing: &mut security_council::Closing,
) -> (Vec<Note>, Option<String>) {
    let mut body_notes = Vec::new();
    let mut adoption_note: Option<String> = None;
    for note in notes {
        let mark = format!("[^{}]", note.label);
        let on_closing = rest[closing.lines.clone()]
            .iter()
            .any(|l| l.text.contains(&mark));
        if !on_closing {
            body_notes.push(note);
            continue;
        }
        let text = note.text.trim().to_string();
        let said = security_council::read_closing_text(&text);
        if said.vote == Some(Vote::WithoutAVote) && closing.vote.is_none() {
            closing.vote = said.vote;
        } else {
            adoption_note = Some(match adoption_note {
                Some(before) => format!("{before} {text}"),
                None => text,
            });
        }
    }
    (body_notes, adoption_note)
}

/// A Council symbol carries the year of adoption; a heading's year in brackets is OCR'd
/// and sometimes wrong ("Resolution 434 (1973) of 18 September 1978"). A file name that
/// says otherwise gets a warning.
fn council_symbol(
    heading: &security_council::Heading,
    from_file: Option<&Symbol>,
    warnings: &mut Vec<Warning>,
) -> Option<Symbol> {
    let year = heading.adopted.map(|d| d.year() as u16);
    if let (Some(y), Some(h)) = (year, heading.year)
        && y != h
    {
        warnings.push(Warning::new(
            heading.line,
            format!("the heading says ({h}) but the resolution was adopted in {y}; {y} is used"),
        ));
    }
    let symbol = year.and_then(|y| Symbol::parse(&format!("S/RES/{} ({y})", heading.number)).ok());
    if let (Some(s), Some(f)) = (&symbol, from_file)
        && s != f
    {
        warnings.push(Warning::new(
            heading.line,
            format!("the heading says {s} but the file name says {f}; the text is taken to be {s}"),
        ));
    }
    symbol
}

/// The body's Markdown followed by the footnote definitions. A note whose mark was not
/// found gets its reference at the end of the text, so that it is still shown.
fn with_notes(paragraphs: &[Paragraph], notes: &[Note], missing: &[u32]) -> String {
    let notes: Vec<&Note> = notes.iter().filter(|n| !n.text.trim().is_empty()).collect();
    let orphans: String = notes
        .iter()
        .filter(|n| missing.contains(&n.label))
        .map(|n| format!("[^{}]", n.label))
        .collect();
    let mut paragraphs = paragraphs.to_vec();
    if let Some(last) = paragraphs
        .iter_mut()
        .rev()
        .find(|p| !matches!(p.role, Role::Heading | Role::Annex))
    {
        last.text.push_str(&orphans);
    }
    let mut out = body::markdown(&paragraphs);
    for note in notes {
        out.push('\n');
        out.push_str(&format!(
            "[^{}]: {}\n",
            note.label,
            body::escape_inline(note.text.trim())
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_give_symbols() {
        let s = |n: &str| symbol_from_file_name(n).map(|s| s.to_string());
        assert_eq!(s("A_RES_78_30.en.txt").as_deref(), Some("A/RES/78/30"));
        assert_eq!(
            s("S_RES_0242_1967_EN_GOLD.txt").as_deref(),
            Some("S/RES/242 (1967)")
        );
        assert_eq!(s("notes.txt"), None);
    }

    #[test]
    fn council_titles_in_six_languages() {
        let s = Symbol::parse("S/RES/242 (1967)").unwrap();
        assert_eq!(council_title(Lang::En, &s), "Resolution 242 (1967)");
        assert_eq!(council_title(Lang::Zh, &s), "第 242 (1967) 号决议");
    }
}
