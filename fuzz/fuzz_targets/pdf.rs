//! Reading a PDF's text layer and converting it: any bytes are read or refused, never a
//! panic (pdf-extract's own panics are caught and reported as an error).
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A path that does not exist: the pdftotext fallback fails quickly on it.
    if let Ok(text) = plenary::import::pdf_text(Path::new("/nonexistent/fuzz.pdf"), data) {
        assert!(text.ends_with('\u{c}'));
        let _ = plenary::import::convert(&text, "fuzz.pdf", None);
    }
});
