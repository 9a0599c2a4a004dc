//! Properties that must hold for every input, checked on generated ones: a symbol's
//! canonical spelling parses back to the same symbol, every citation found lies
//! within its text, on character boundaries, and a damaged PDF is read or refused,
//! never a panic.

use plenary::cite;
use plenary::model::{Lang, Organ, Symbol, to_roman};
use proptest::prelude::*;

/// Symbols in every form the format accepts, spelled canonically or not.
fn symbol_text() -> impl Strategy<Value = String> {
    let part = prop::option::of(prop::sample::select(vec!['A', 'B', 'C', 'D']));
    let form = prop_oneof![
        (31u16..100, 1u32..1000).prop_map(|(s, n)| format!("A/RES/{s}/{n}")),
        (1u16..31, 1u32..4000).prop_map(|(s, n)| format!("A/RES/{n} ({})", to_roman(s))),
        (1u16..31, 1u32..4000).prop_map(|(s, n)| format!("A/RES/{n}({})", to_roman(s))),
        (1u16..20, 1u32..100).prop_map(|(s, n)| format!("A/RES/S-{s}/{n}")),
        (1u16..8, 1u32..100).prop_map(|(s, n)| format!("A/RES/{n} (S-{})", to_roman(s))),
        (1u16..12, 1u32..100).prop_map(|(s, n)| format!("A/RES/ES-{s}/{n}")),
        (1946u16..2100, 1u32..3000).prop_map(|(y, n)| format!("S/RES/{n} ({y})")),
        (1u16..60, 1u32..50).prop_map(|(s, n)| format!("A/HRC/RES/{s}/{n}")),
        (1u16..40, 1u32..5).prop_map(|(s, n)| format!("A/HRC/RES/S-{s}/{n}")),
        (1946u16..2100, 1u32..100).prop_map(|(y, n)| format!("E/RES/{y}/{n}")),
        (1u16..60, 1u32..2000).prop_map(|(s, n)| format!("E/RES/{n} ({})", to_roman(s))),
    ];
    (form, part, any::<bool>(), any::<bool>()).prop_map(|(text, part, lower, spaced)| {
        let mut text = match (part, text.find(" (").or_else(|| text.find('('))) {
            (Some(p), Some(i)) => format!("{}{p}{}", &text[..i], &text[i..]),
            (Some(p), None) => format!("{text} {p}"),
            (None, _) => text,
        };
        if lower {
            text = text.to_lowercase();
        }
        if spaced {
            text = format!("  {}  ", text.replace('/', " / "));
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_symbols_spelling_parses_back_to_it(text in symbol_text()) {
        let symbol = Symbol::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let shown = symbol.to_string();
        prop_assert_eq!(Symbol::parse(&shown), Ok(symbol.clone()));
        prop_assert_eq!(Symbol::parse(&symbol.path()).map(|s| s.to_string()), Ok(shown));
    }

    #[test]
    fn any_spelling_an_editor_may_type_parses_to_the_same_symbol(
        (text, typed) in symbol_text().prop_flat_map(|t| (Just(t.clone()), typed_like_an_editor(t)))
    ) {
        let symbol = Symbol::parse(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let read = Symbol::parse(&typed)
            .map_err(|e| TestCaseError::fail(format!("{typed:?} (from {text:?}): {e}")))?;
        prop_assert_eq!(&read, &symbol, "{:?} is read as another symbol than {:?}", typed, text);
        prop_assert_eq!(Symbol::parse(&read.to_string()), Ok(read));
    }

    #[test]
    fn citation_spans_lie_within_the_text_on_char_boundaries(
        pieces in prop::collection::vec(piece(), 0..40),
        lang in prop::sample::select(vec![Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es]),
        organ in prop::sample::select(vec![
            Organ::GeneralAssembly,
            Organ::SecurityCouncil,
            Organ::EconomicAndSocialCouncil,
            Organ::HumanRightsCouncil,
        ]),
    ) {
        let text: String = pieces.concat();
        let mut end = 0;
        for c in cite::find_in(&text, lang, organ) {
            prop_assert!(c.span.start < c.span.end && c.span.end <= text.len(), "{:?}", c);
            prop_assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
            prop_assert!(c.span.start >= end, "spans overlap");
            end = c.span.end;
        }
    }
}

/// `text` as an editor may type it: each letter in either case, and runs of spaces, tabs or
/// line breaks at each place the format allows some: at either end, on both sides of a
/// slash, before a bracket and before a part letter.
fn typed_like_an_editor(text: String) -> impl Strategy<Value = String> {
    let chars: Vec<char> = text.trim().chars().collect();
    let n = chars.len();
    let space = || prop::sample::select(vec!["", " ", "  ", "\t", "\n", " \t "]);
    let some_space = || prop::sample::select(vec![" ", "  ", "\t", "\n", " \t "]);
    (
        prop::collection::vec(any::<bool>(), n),
        prop::collection::vec(space(), n),
        prop::collection::vec(some_space(), n),
        space(),
        space(),
    )
        .prop_map(move |(upper, around_slash, at_space, lead, trail)| {
            let mut out = String::from(lead);
            for (i, &c) in chars.iter().enumerate() {
                match c {
                    // Both sides of a slash: " / " is squeezed to "/", " /" is not.
                    '/' => {
                        let gap = around_slash[i];
                        out.push_str(gap);
                        out.push('/');
                        out.push_str(gap);
                    }
                    // One space (of the canonical form, or of `spaced`) becomes any run.
                    ' ' => {
                        if !out.ends_with(char::is_whitespace) {
                            out.push_str(at_space[i]);
                        }
                    }
                    _ if upper[i] => out.push(c.to_ascii_uppercase()),
                    _ => out.push(c.to_ascii_lowercase()),
                }
            }
            out.push_str(trail);
            out
        })
}

/// Fragments of resolution text in six languages, numbers, and characters of one to four
/// bytes, so that spans are tried next to every kind of boundary.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "resolution ",
            "resolutions ",
            "its resolution ",
            "and ",
            ", ",
            " of ",
            "paragraph 5 of ",
            "the most recent of which is ",
            "decision ",
            "A/RES/",
            "S/RES/",
            "A/HRC/RES/",
            "E/RES/",
            "A/C.3/",
            "/L.",
            "/Rev.1",
            " (XXV)",
            " (1967)",
            " A and B",
            "résolution ",
            "résolutions ",
            "резолюцию ",
            "резолюции ",
            "resolución ",
            "القرار ",
            "قراراتها ",
            "第 ",
            " 号决议",
            "号、",
            "和第 ",
            "决议",
            "\u{feff}",
            "\u{200f}",
            // What Arabic texts write differently, which the finder folds and maps back.
            "٥١",
            "١٩٩٣",
            " / ",
            " قاف",
            " ألف وباء",
            "بـــاء",
            " (د-26)",
            ")١٩٩٣(",
            "اﻷمن",
            "\u{0640}",
            "\u{061c}",
            // Scans and other writings of dates and keywords.
            "resoiutions ",
            "( {989)",
            " (от 28 сентября 2001 года)",
            " (Octobre 2007)",
            " du 1 er décembre",
            "Add.l",
            "号決議",
            "決議案三九六(五)",
            "决议案四十一(一)",
            "（２００１）",
            "é",
            "第",
            "،",
            "😀",
            "\n",
            "  ",
            "(",
            ")",
            "/",
            "-",
        ])
        .prop_map(str::to_string),
        (1u32..100_000).prop_map(|n| n.to_string()),
        (1u32..100, 1u32..400).prop_map(|(a, b)| format!("{a}/{b}")),
        "\\PC{0,3}",
    ]
}

/// A real one-page PDF (A/RES/79/14), to damage.
fn real_pdf() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/import/pdf/input/A_RES_79_14-EN.pdf"
    ))
    .expect("the fixture is there")
}

proptest! {
    // Each case reads a PDF (and may run pdftotext): few cases, each a real file.
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn a_damaged_pdf_is_read_or_refused_never_a_panic(
        // Half the cases keep the whole file, with its bytes changed only.
        keep in prop_oneof![Just(1.0f64), 0.0f64..1.0],
        flips in prop::collection::vec((0.0f64..1.0, any::<u8>()), 0..6),
    ) {
        let mut bytes = real_pdf();
        let len = bytes.len();
        for (at, byte) in flips {
            bytes[((len as f64) * at) as usize % len] = byte;
        }
        bytes.truncate(((len as f64) * keep) as usize);
        let dir = tempfile::tempdir().expect("a temporary folder");
        let path = dir.path().join("damaged.pdf");
        std::fs::write(&path, &bytes).expect("written");
        match plenary::import::pdf_text(&path, &bytes) {
            Ok(text) => {
                prop_assert!(text.ends_with('\x0c'), "a page without its form feed");
                // Whatever the text, converting it gives a file or reasons, not a panic.
                let _ = plenary::import::convert(&text, "damaged.pdf", None);
            }
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}

/// A data file's text: fields of the formats, stray quotes, commas, line breaks and any
/// character, so that rows are short, long, quoted wrongly or not UTF-8 in meaning.
fn data_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "symbol,country,vote\n",
            "rcid,session,importantvote,date,unres,amend,para,short,descr\n",
            "rcid,country,country_code,vote\n",
            "A/RES/73/187",
            "R/73/187",
            "R/29/3281C",
            "6138",
            "73",
            "FR",
            "XX",
            "yes",
            "absent",
            "maybe",
            ",",
            ",,",
            "\"",
            "\n",
            "\r\n",
            "1",
        ])
        .prop_map(str::to_string),
        "\\PC{0,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|p| p.concat())
}

proptest! {
    /// Whatever a data file holds, reading it never panics, every problem points at a
    /// line of the file (or at the file as a whole), and every vote kept names a known
    /// country.
    #[test]
    fn data_files_are_read_whatever_they_hold(text in data_text(), header in 0usize..3) {
        use plenary::content::data::{Problems, plain, voeten};
        use std::path::Path;
        let heads = ["symbol,country,vote\n", "rcid,session,importantvote,date,unres,amend,para,short,descr\n", "rcid,country,country_code,vote\n"];
        let text = format!("{}{text}", heads[header]);
        let lines = text.lines().count() + 1;
        let path = Path::new("data/x.csv");
        let mut problems = Problems::default();
        let mut votes = plain::read(text.as_bytes(), path, &mut problems);
        let joined = voeten::roll_calls(text.as_bytes(), path, &mut problems);
        votes.extend(voeten::votes(text.as_bytes(), &joined, (path, path), &mut problems));
        for d in problems.finish() {
            prop_assert!(d.line <= lines, "{d} past line {lines}");
            prop_assert!(d.hint.is_some(), "{d} has no hint");
        }
        for (_, v) in &votes {
            for (country, _) in &v.ballots {
                prop_assert!(plenary::model::countries::is_country(country));
            }
        }
    }
}
