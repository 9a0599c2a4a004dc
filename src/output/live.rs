//! The live-reload script that `plenary serve` puts into the pages it builds, and only
//! there.

/// The script tag, served by `plenary serve` at this path.
pub const LIVE_SCRIPT_TAG: &str = "<script src=\"/__plenary/live.js\"></script>";

/// Puts the script of `plenary serve` before `</body>` (or at the end).
pub fn inject(html: &mut String) {
    let at = html.rfind("</body>").unwrap_or(html.len());
    html.insert_str(at, LIVE_SCRIPT_TAG);
}

/// `bytes` with the script put in when the file is a page (`.html`), else as they are.
pub fn into_page<'a>(path: &str, bytes: &'a [u8]) -> std::borrow::Cow<'a, [u8]> {
    if !path.ends_with(".html") {
        return std::borrow::Cow::Borrowed(bytes);
    }
    let mut html = String::from_utf8_lossy(bytes).into_owned();
    inject(&mut html);
    std::borrow::Cow::Owned(html.into_bytes())
}
