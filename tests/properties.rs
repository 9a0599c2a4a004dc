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
    fn any_text_that_parses_round_trips(text in "[AaSsEeHhRrCc/ 0-9()IVXLS-]{0,24}") {
        if let Ok(symbol) = Symbol::parse(&text) {
            prop_assert_eq!(Symbol::parse(&symbol.to_string()), Ok(symbol));
        }
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
