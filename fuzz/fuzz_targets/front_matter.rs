//! Splitting a file at its front matter fences and reading the YAML: never a panic, and
//! every diagnostic points at a line of the file.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use plenary::content::front_matter;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // Lines as plenary counts them: a lone carriage return is a line break too.
    let lines = text
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .count();
    if let Ok(split) = front_matter::split(text) {
        assert!(split.body.len() <= text.len());
        assert!(split.body_line >= 2 && split.body_line <= lines + 1);
    }
    let (resolution, diagnostics) = front_matter::parse(Path::new("x.md"), text);
    for d in &diagnostics {
        assert!(
            d.line >= 1 && d.line <= lines,
            "{d} is past the file's {lines} lines"
        );
        assert!(d.column >= 1, "{d}");
        assert!(d.hint.is_some(), "{d} has no hint");
    }
    if let Some(r) = resolution {
        assert!(!diagnostics.iter().any(|d| d.is_error()));
        assert!(r.body_line >= 2 && r.body_line <= lines + 1);
        assert!(r.symbol_line >= 1 && r.symbol_line <= lines);
    }
});
