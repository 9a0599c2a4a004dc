//! A PDF's text layer, page by page, as the text the rest of the import reads: each page
//! ends with a form feed, as pdftotext writes it.
//!
//! The text is read with pdf-extract (pure Rust, over lopdf), which keeps the line order,
//! a blank line between paragraphs and each note's number beside its text. Where it
//! cannot read a file (it fails or panics on some producers' fonts, or stops at a page
//! it cannot read) the text is asked of `pdftotext` (poppler-utils), when it is
//! installed. docs/import.md gives what was measured to choose this.

use std::io;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::Command;
use std::sync::Once;

/// Why a PDF gives no text to import.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum PdfError {
    #[error("the file is empty (0 bytes)")]
    Empty,
    #[error(
        "this is a {0} image, not a text or a PDF: a scanned page needs OCR before it can be imported"
    )]
    Image(&'static str),
    #[error("this is not a PDF (it does not start with \"%PDF-\") nor UTF-8 text")]
    NotPdf,
    #[error(
        "the PDF is encrypted and cannot be opened without its password; decrypt it (`qpdf --decrypt --password=… in.pdf out.pdf`) and import the result"
    )]
    Encrypted,
    #[error("the PDF cannot be read ({0}); it may be truncated or damaged: download it again")]
    Unreadable(String),
    #[error("the PDF has no text layer (a scanned image): it needs OCR before it can be imported")]
    NoTextLayer,
    #[error(
        "pdf-extract cannot read this PDF ({0}), and pdftotext, which would, is not installed (Debian: `apt-get install poppler-utils`)"
    )]
    NoFallback(String),
}

/// The kind of image a file's first bytes say it is.
pub fn image_kind(bytes: &[u8]) -> Option<&'static str> {
    const KINDS: &[(&[u8], &str)] = &[
        (b"\x89PNG\r\n\x1a\n", "PNG"),
        (b"\xff\xd8\xff", "JPEG"),
        (b"II*\0", "TIFF"),
        (b"MM\0*", "TIFF"),
        (b"GIF8", "GIF"),
    ];
    KINDS
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Whether the bytes are a PDF: "%PDF-" in the first kilobyte, as readers accept it.
pub fn is_pdf(bytes: &[u8]) -> bool {
    bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// The text of the PDF at `path`, whose bytes are `bytes`: its pages, each ending with a
/// form feed.
pub fn text(path: &Path, bytes: &[u8]) -> Result<String, PdfError> {
    if bytes.is_empty() {
        return Err(PdfError::Empty);
    }
    if !is_pdf(bytes) {
        return Err(image_kind(bytes).map_or(PdfError::NotPdf, PdfError::Image));
    }
    let pages = match extract(bytes) {
        Ok(pages) => pages,
        Err(Failure::Encrypted) => return Err(PdfError::Encrypted),
        Err(Failure::Damaged(reason)) => return Err(PdfError::Unreadable(reason)),
        Err(Failure::Extractor(reason)) => pdftotext(path, reason)?,
    };
    let text = pages_text(&pages);
    if !text.chars().any(char::is_alphabetic) {
        return Err(PdfError::NoTextLayer);
    }
    Ok(text)
}

/// Why pdf-extract gave no text.
enum Failure {
    Encrypted,
    /// lopdf cannot parse the file: no reader would.
    Damaged(String),
    /// lopdf parses the file but pdf-extract fails on it.
    Extractor(String),
}

/// The pages' texts by pdf-extract. lopdf counts the pages first: pdf-extract stops at
/// the first page it cannot read, and a text without its last pages must not pass for
/// the whole.
fn extract(bytes: &[u8]) -> Result<Vec<String>, Failure> {
    quiet_extractor_panics();
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) => Failure::Encrypted,
        e => Failure::Damaged(e.to_string()),
    })?;
    let encrypted = doc.is_encrypted();
    let count = doc.get_pages().len();
    drop(doc);
    // pdf-extract panics on some fonts and content streams: a bad file must be one
    // line in the report, not the end of the batch.
    let pages = panic::catch_unwind(AssertUnwindSafe(|| {
        pdf_extract::extract_text_from_mem_by_pages(bytes)
    }))
    .map_err(|_| Failure::Extractor("it stopped on an unexpected construct".to_string()))?
    .map_err(|e| {
        // An empty user password opens most "encrypted" PDFs (permissions only); the
        // others need theirs.
        if encrypted {
            Failure::Encrypted
        } else {
            Failure::Extractor(e.to_string())
        }
    })?;
    if pages.len() < count {
        return Err(Failure::Extractor(format!(
            "it read {} of {count} pages",
            pages.len()
        )));
    }
    Ok(pages)
}

/// pdf-extract's panics are caught and reported as one line; the default hook would
/// first print them with a backtrace. This hook keeps quiet about panics raised inside
/// pdf-extract or lopdf and hands every other to the hook before it.
fn quiet_extractor_panics() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let before = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let inside = info.location().is_some_and(|l| {
                let file = l.file();
                file.contains("pdf-extract") || file.contains("lopdf")
            });
            if !inside {
                before(info);
            }
        }));
    });
}

/// The pages' texts by pdftotext, the fallback.
fn pdftotext(path: &Path, reason: String) -> Result<Vec<String>, PdfError> {
    let output = match Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(path)
        .arg("-")
        .output()
    {
        Ok(output) => output,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Err(PdfError::NoFallback(reason)),
        Err(e) => return Err(PdfError::Unreadable(format!("pdftotext: {e}"))),
    };
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        if stderr.contains("password") {
            return Err(PdfError::Encrypted);
        }
        let first = stderr.lines().next().unwrap_or("pdftotext failed").trim();
        return Err(PdfError::Unreadable(format!("pdftotext: {first}")));
    }
    let text = String::from_utf8_lossy(&output.stdout);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_string).collect();
    // pdftotext ends the last page with a form feed too.
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    Ok(pages)
}

/// The pages as one text, each ending with a form feed. pdf-extract sets the two columns
/// of a cover's lines side by side ("United Nations    A/RES/78/30"); a run of four or
/// more spaces parts them onto lines of their own.
fn pages_text(pages: &[String]) -> String {
    let mut out = String::new();
    for page in pages {
        for line in page.lines() {
            let parts: Vec<&str> = line
                .split("    ")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .collect();
            if parts.is_empty() {
                out.push('\n');
            }
            for part in parts {
                out.push_str(part);
                out.push('\n');
            }
        }
        out.push('\u{c}');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_is_not_a_pdf_is_told() {
        let path = Path::new("x.pdf");
        assert_eq!(text(path, b""), Err(PdfError::Empty));
        assert_eq!(
            text(path, b"\x89PNG\r\n\x1a\n\0\0"),
            Err(PdfError::Image("PNG"))
        );
        assert_eq!(text(path, b"hello"), Err(PdfError::NotPdf));
        assert!(matches!(
            text(path, b"%PDF-1.7\n1 0 obj"),
            Err(PdfError::Unreadable(_))
        ));
    }

    #[test]
    fn cover_columns_go_onto_lines_of_their_own() {
        let pages = vec![
            "  United Nations    A/RES/78/30 \n\n 23-24539 (E)    181223     \n".to_string(),
            "text\n".to_string(),
        ];
        assert_eq!(
            pages_text(&pages),
            "United Nations\nA/RES/78/30\n\n23-24539 (E)\n181223\n\u{c}text\n\u{c}"
        );
    }
}
