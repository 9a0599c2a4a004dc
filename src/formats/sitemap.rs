//! `sitemap.xml` (every page, with its language versions as `xhtml:link` hreflang
//! alternates), split into a sitemap index and numbered sitemaps beyond the protocol's
//! limits, and `robots.txt`, which points to it.
//!
//! The XML is written with quick-xml's writer, which escapes every text and attribute
//! value, rather than by pasting strings.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::output::urls;

pub const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
pub const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The sitemap protocol's limits for one file: 50,000 URLs and 50 MiB uncompressed.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub urls: usize,
    pub bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            urls: 50_000,
            bytes: 50 * 1024 * 1024,
        }
    }
}

/// One page: its full URL and its versions in other languages (including itself), as
/// (hreflang, full URL); `x-default` names the page for readers of any language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url {
    pub loc: String,
    pub alternates: Vec<(String, String)>,
}

/// Starts a file: the XML declaration, then the root element's start tag.
fn open(root: BytesStart<'_>) -> Writer<Vec<u8>> {
    let mut w = Writer::new(Vec::new());
    // Writing into a Vec cannot fail.
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    w.get_mut().push(b'\n');
    let _ = w.write_event(Event::Start(root));
    w
}

/// Ends a file with the root element's end tag.
fn close(mut w: Writer<Vec<u8>>, root: &str) -> Vec<u8> {
    w.get_mut().push(b'\n');
    let _ = w.write_event(Event::End(BytesEnd::new(root)));
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    bytes
}

/// One `<url>` element on one line, written on its own so that its size is known before
/// it is placed in a file.
fn url_element(url: &Url) -> Vec<u8> {
    let mut w = Writer::new(Vec::new());
    let _ = w.create_element("url").write_inner_content(|w| {
        w.create_element("loc")
            .write_text_content(BytesText::new(&url.loc))?;
        for (lang, href) in &url.alternates {
            w.create_element("xhtml:link")
                .with_attributes([
                    ("rel", "alternate"),
                    ("hreflang", lang.as_str()),
                    ("href", href.as_str()),
                ])
                .write_empty()?;
        }
        Ok(())
    });
    w.into_inner()
}

/// A `<urlset>` of written `<url>` elements, one per line.
fn urlset(elements: &[Vec<u8>]) -> Vec<u8> {
    let root = BytesStart::new("urlset")
        .with_attributes([("xmlns", SITEMAP_NS), ("xmlns:xhtml", XHTML_NS)]);
    let mut w = open(root);
    for e in elements {
        w.get_mut().push(b'\n');
        w.get_mut().extend_from_slice(e);
    }
    close(w, "urlset")
}

/// Every sitemap file of a site, as (site path, bytes): `sitemap.xml` alone, or, past
/// the limits, `sitemap.xml` as an index of `sitemap-1.xml`, `sitemap-2.xml` …
/// `absolute_base` is the site's full root URL.
pub fn files(pages: &[Url], absolute_base: &str, limits: Limits) -> Vec<(String, Vec<u8>)> {
    let overhead = urlset(&[]).len();
    let elements: Vec<Vec<u8>> = pages.iter().map(url_element).collect();
    let mut chunks: Vec<std::ops::Range<usize>> = Vec::new();
    let (mut start, mut size) = (0, overhead);
    for (i, e) in elements.iter().enumerate() {
        if i > start && (i - start >= limits.urls || size + e.len() + 1 > limits.bytes) {
            chunks.push(start..i);
            start = i;
            size = overhead;
        }
        size += e.len() + 1;
    }
    chunks.push(start..elements.len());
    if chunks.len() == 1 {
        return vec![(urls::SITEMAP.to_string(), urlset(&elements))];
    }
    let mut out: Vec<(String, Vec<u8>)> = chunks
        .iter()
        .enumerate()
        .map(|(n, range)| (urls::sitemap_part(n + 1), urlset(&elements[range.clone()])))
        .collect();
    let mut w = open(BytesStart::new("sitemapindex").with_attributes([("xmlns", SITEMAP_NS)]));
    for (path, _) in &out {
        w.get_mut().push(b'\n');
        let _ = w.create_element("sitemap").write_inner_content(|w| {
            w.create_element("loc")
                .write_text_content(BytesText::new(&format!("{absolute_base}{path}")))?;
            Ok(())
        });
    }
    out.push((urls::SITEMAP.to_string(), close(w, "sitemapindex")));
    out
}

/// `robots.txt`: everything may be crawled; the sitemap's full URL when there is one.
pub fn robots(sitemap: Option<&str>) -> String {
    let mut out = String::from("User-agent: *\nDisallow:\n");
    if let Some(url) = sitemap {
        out.push_str(&format!("\nSitemap: {url}\n"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(n: usize) -> Url {
        Url {
            loc: format!("https://example.org/a/en/{n}/?x=1&y=2"),
            alternates: vec![
                ("en".into(), format!("https://example.org/a/en/{n}/")),
                ("fr".into(), format!("https://example.org/a/fr/{n}/")),
            ],
        }
    }

    #[test]
    fn a_small_site_has_one_sitemap_with_escaped_urls_and_alternates() {
        let files = files(&[page(1)], "https://example.org/a/", Limits::default());
        assert_eq!(files.len(), 1);
        let (path, bytes) = &files[0];
        assert_eq!(path, "sitemap.xml");
        let xml = String::from_utf8(bytes.clone()).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">"), "{xml}");
        assert!(xml.contains("<loc>https://example.org/a/en/1/?x=1&amp;y=2</loc>"));
        assert!(xml.contains(
            "<xhtml:link rel=\"alternate\" hreflang=\"fr\" href=\"https://example.org/a/fr/1/\"/>"
        ));
    }

    #[test]
    fn past_the_limits_sitemaps_are_split_under_an_index() {
        let pages: Vec<Url> = (0..5).map(page).collect();
        let limits = Limits {
            urls: 2,
            bytes: usize::MAX,
        };
        let files = files(&pages, "https://example.org/a/", limits);
        let names: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            names,
            [
                "sitemap-1.xml",
                "sitemap-2.xml",
                "sitemap-3.xml",
                "sitemap.xml"
            ]
        );
        let index = String::from_utf8(files[3].1.clone()).unwrap();
        assert!(index.contains("<sitemapindex"));
        assert!(index.contains("<loc>https://example.org/a/sitemap-3.xml</loc>"));
        let last = String::from_utf8(files[2].1.clone()).unwrap();
        assert_eq!(last.matches("<url>").count(), 1);

        // A byte limit splits too, and every file stays under it.
        let one = url_element(&page(0)).len();
        let limits = Limits {
            urls: 50_000,
            bytes: urlset(&[]).len() + 2 * (one + 1),
        };
        let files = super::files(&pages, "https://example.org/a/", limits);
        assert_eq!(files.len(), 4, "3 sitemaps and the index");
        for (_, bytes) in &files {
            assert!(bytes.len() <= limits.bytes);
        }
    }

    #[test]
    fn robots_points_to_the_sitemap() {
        assert_eq!(
            robots(Some("https://example.org/a/sitemap.xml")),
            "User-agent: *\nDisallow:\n\nSitemap: https://example.org/a/sitemap.xml\n"
        );
        assert!(!robots(None).contains("Sitemap"));
    }
}
