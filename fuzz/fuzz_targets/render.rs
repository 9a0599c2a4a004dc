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
    let lower = body.html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "{}", body.html);
    // As text ("&lt;a href=&quot;javascript:…") it is inert; as an attribute it is not.
    for attr in ["=\"javascript:", "='javascript:", "=javascript:"] {
        assert!(!lower.contains(attr), "{}", body.html);
    }
    assert!(!lower.contains("<iframe"), "{}", body.html);
    assert!(!has_event_handler(&lower), "{}", body.html);
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

/// An `on…=` attribute inside a tag.
fn has_event_handler(html: &str) -> bool {
    let bytes = html.as_bytes();
    let mut in_tag = false;
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate() {
        match (in_tag, quote, b) {
            (false, _, b'<') => in_tag = true,
            (true, None, b'>') => in_tag = false,
            (true, None, b'"' | b'\'') => quote = Some(b),
            (true, Some(q), _) if b == q => quote = None,
            (true, None, b' ' | b'\t' | b'\n' | b'/') => {
                let rest = &bytes[i + 1..];
                if rest.starts_with(b"on") {
                    let name_end = rest
                        .iter()
                        .position(|c| !c.is_ascii_alphanumeric())
                        .unwrap_or(rest.len());
                    if name_end > 2 && rest.get(name_end) == Some(&b'=') {
                        return true;
                    }
                }
            }
            _ => {}
        }
    }
    false
}
