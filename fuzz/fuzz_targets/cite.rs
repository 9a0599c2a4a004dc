//! Finding citations: never a panic, and every span lies within the text, on character
//! boundaries, in order and without overlap.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::cite;
use plenary::model::{Lang, Organ};

const LANGS: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];
const ORGANS: [Organ; 4] = [
    Organ::GeneralAssembly,
    Organ::SecurityCouncil,
    Organ::EconomicAndSocialCouncil,
    Organ::HumanRightsCouncil,
];

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let lang = LANGS[usize::from(pick) % 6];
    let organ = ORGANS[usize::from(pick / 6) % 4];
    let found = cite::find_in(text, lang, organ);
    let mut end = 0;
    for c in &found {
        assert!(c.span.start < c.span.end, "{c:?}");
        assert!(c.span.end <= text.len(), "{c:?}");
        assert!(text.is_char_boundary(c.span.start) && text.is_char_boundary(c.span.end));
        assert!(c.span.start >= end, "overlapping spans in {found:?}");
        end = c.span.end;
    }
    let _ = cite::parse_reference(text, organ);
});
