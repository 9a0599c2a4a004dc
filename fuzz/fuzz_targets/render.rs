//! Markdown rendering with citation links and paragraph anchors: never a panic, and nothing
//! in the text can put a script, an event handler or a `javascript:` URL into the HTML,
//! whether raw HTML is escaped (the default) or sanitized (`raw_html = true`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary::cite::Target;
use plenary::model::{Lang, Organ};
use plenary::render::{self, AnchorLabels, Context, Href, Linker, RenderOptions};

const LANGS: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

/// Links every citation, to this archive or elsewhere, so that every link path is taken.
struct Everything;

impl Linker for Everything {
    fn href(&self, target: &Target, paragraph: Option<u32>, lang: Lang) -> Option<Href> {
        let (url, external) = match target {
            Target::Resolution(s) => (format!("/{}/{}/", lang.code(), s.path()), false),
            Target::Document(d) => (format!("https://undocs.org/{d}"), true),
            Target::Unlinkable(_) => return None,
        };
        let url = match paragraph {
            Some(n) => format!("{url}#op-{n}"),
            None => url,
        };
        Some(Href {
            url,
            hreflang: (lang != Lang::En).then_some(Lang::En),
            external,
        })
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    let Ok(markdown) = std::str::from_utf8(rest) else {
        return;
    };
    let raw_html = pick & 1 == 1;
    let labels = AnchorLabels::default();
    let ctx = Context {
        options: RenderOptions { raw_html },
        lang: LANGS[usize::from(pick >> 1) % 6],
        organ: Organ::GeneralAssembly,
        linker: &Everything,
        labels: &labels,
    };
    let body = render::render_body(markdown, &ctx);
    // Text is inert however it reads (`&lt;a href="javascript:…` is text): only tags and
    // their attributes are checked. `<` in text is always escaped.
    let html = body.html.text();
    for tag in tags(&html) {
        let lower = tag.to_ascii_lowercase();
        let name: String = lower[1..]
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        assert!(
            !["script", "iframe", "object", "embed", "style", "form"].contains(&name.as_str()),
            "{tag}\n{}",
            html
        );
        for (attr, value) in attributes(&lower) {
            assert!(!attr.starts_with("on"), "{tag}\n{html}");
            // A value that starts with the scheme; `x%22javascript:` is a relative path.
            let value: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            assert!(!value.starts_with("javascript:"), "{tag}\n{html}");
        }
    }
    // Lines as plenary counts them: a lone carriage return is a line break too.
    let lines = markdown
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .split('\n')
        .count();
    for p in &body.problems {
        assert!(p.line >= 1 && p.line <= lines, "{p:?}");
    }
});

/// Every start tag in the HTML, `<name …>`, with quoted values kept whole.
fn tags(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'<' && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) {
            let mut quote = None;
            let mut j = i + 1;
            while j < bytes.len() {
                match (quote, bytes[j]) {
                    (None, b'>') => break,
                    (None, q @ (b'"' | b'\'')) => quote = Some(q),
                    (Some(q), b) if b == q => quote = None,
                    _ => {}
                }
                j += 1;
            }
            out.push(&html[i..j.min(bytes.len())]);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

/// The attributes of a start tag, names and values, as a browser reads them.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = tag.chars().collect();
    let mut i = chars
        .iter()
        .position(|c| c.is_whitespace() || *c == '/')
        .unwrap_or(chars.len());
    let mut out = Vec::new();
    while i < chars.len() {
        while i < chars.len() && (chars[i].is_whitespace() || chars[i] == '/') {
            i += 1;
        }
        let start = i;
        while i < chars.len() && !chars[i].is_whitespace() && !"/=>".contains(chars[i]) {
            i += 1;
        }
        let name: String = chars[start..i].iter().collect();
        while i < chars.len() && chars[i].is_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if chars.get(i) == Some(&'=') {
            i += 1;
            while i < chars.len() && chars[i].is_whitespace() {
                i += 1;
            }
            match chars.get(i) {
                Some(&q) if q == '"' || q == '\'' => {
                    i += 1;
                    while i < chars.len() && chars[i] != q {
                        value.push(chars[i]);
                        i += 1;
                    }
                    i += 1;
                }
                _ => {
                    while i < chars.len() && !chars[i].is_whitespace() && chars[i] != '>' {
                        value.push(chars[i]);
                        i += 1;
                    }
                }
            }
        }
        if name.is_empty() {
            i += 1;
        } else {
            out.push((name, value));
        }
    }
    out
}
