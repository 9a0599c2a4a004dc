//! Symbols: parsing never panics, a parsed symbol's canonical spelling parses to the same
//! symbol, and its URL path cannot leave the output folder.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::model::Symbol;

fuzz_target!(|text: &str| {
    let Ok(symbol) = Symbol::parse(text) else {
        return;
    };
    let shown = symbol.to_string();
    assert_eq!(
        Symbol::parse(&shown).as_ref(),
        Ok(&symbol),
        "{text:?} → {shown:?}"
    );
    let path = symbol.path();
    assert!(
        path.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "/()-".contains(c)),
        "{path:?}"
    );
    assert!(
        path.split('/')
            .all(|seg| !seg.is_empty() && seg != "." && seg != ".."),
        "{path:?}"
    );
    let _ = (
        symbol.organ(),
        symbol.session(),
        symbol.year(),
        symbol.short(),
    );
});
