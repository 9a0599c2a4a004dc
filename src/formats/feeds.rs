//! An Atom feed (RFC 4287) per language of the site: `/{lang}/feed.xml`, the newest
//! resolutions first, each in the feed's language when the archive has it, else in
//! another (marked with `xml:lang`).
//!
//! Atom needs absolute identifiers, so feeds are written only when `base_url` names a
//! host. The XML is written with quick-xml, which escapes every value.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};

use super::citation;
use crate::model::{Lang, Resolution};
use crate::output::urls;
use crate::site::Site;
use crate::theme::Strings;

pub const ATOM_NS: &str = "http://www.w3.org/2005/Atom";

/// How many resolutions a feed holds.
pub const ENTRIES: usize = 50;

/// The works of the archive, newest adoption first (then by symbol, newest first), at
/// most `ENTRIES`.
pub fn newest(site: &Site) -> Vec<usize> {
    let archive = &site.archive;
    let mut works: Vec<usize> = (0..archive.works().len()).collect();
    works.sort_by_key(|&w| {
        std::cmp::Reverse((archive.resolution(archive.works()[w].1[0]).adopted, w))
    });
    works.truncate(ENTRIES);
    works
}

/// An RFC 3339 timestamp for a date: midnight UTC.
fn timestamp(date: impl std::fmt::Display) -> String {
    format!("{date}T00:00:00Z")
}

fn text(lang: Lang, key: &str) -> String {
    Strings::built_in(lang).text(key).unwrap_or_default()
}

/// The feed of one language, or `None` when the site's host is unknown.
pub fn feed(site: &Site, lang: Lang) -> Option<Vec<u8>> {
    let archive = &site.archive;
    let self_url = site.urls.absolute(&urls::feed(lang))?;
    let home = site.urls.absolute(&urls::lang_home(lang))?;
    let entries: Vec<usize> = newest(site)
        .into_iter()
        .map(|w| archive.best_version(w, lang))
        .collect();
    // The feed changes when its newest entry does; the build date would make every
    // build of the same content differ.
    let updated = entries
        .iter()
        .map(|&i| {
            let r = archive.resolution(i);
            r.issued.map_or(r.adopted, |d| d.max(r.adopted))
        })
        .max();

    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    let _ = w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)));
    let result = w
        .create_element("feed")
        .with_attributes([("xmlns", ATOM_NS), ("xml:lang", lang.code())])
        .write_inner_content(|w| {
            w.create_element("title")
                .write_text_content(BytesText::new(site.config.title_in(lang)))?;
            w.create_element("subtitle")
                .write_text_content(BytesText::new(&text(lang, "recent")))?;
            w.create_element("id")
                .write_text_content(BytesText::new(&self_url))?;
            w.create_element("link")
                .with_attributes([
                    ("rel", "self"),
                    ("type", "application/atom+xml"),
                    ("href", self_url.as_str()),
                ])
                .write_empty()?;
            w.create_element("link")
                .with_attributes([
                    ("rel", "alternate"),
                    ("type", "text/html"),
                    ("hreflang", lang.code()),
                    ("href", home.as_str()),
                ])
                .write_empty()?;
            let updated = updated.map_or_else(|| "1970-01-01T00:00:00Z".to_string(), timestamp);
            w.create_element("updated")
                .write_text_content(BytesText::new(&updated))?;
            w.create_element("author").write_inner_content(|w| {
                w.create_element("name")
                    .write_text_content(BytesText::new(site.config.title_in(lang)))?;
                Ok(())
            })?;
            w.create_element("generator")
                .with_attribute(("version", env!("CARGO_PKG_VERSION")))
                .write_text_content(BytesText::new("plenary"))?;
            for &i in &entries {
                write_entry(w, site, lang, archive.resolution(i))?;
            }
            Ok(())
        });
    result.ok()?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    Some(bytes)
}

/// One resolution as a feed entry: its page and data, dates, organ, subjects and citation.
fn write_entry(
    w: &mut Writer<Vec<u8>>,
    site: &Site,
    lang: Lang,
    r: &Resolution,
) -> std::io::Result<()> {
    let page = site
        .urls
        .absolute(&urls::resolution(r.lang, &r.symbol))
        .unwrap_or_default();
    let data = site
        .urls
        .absolute(&urls::resolution_json(r.lang, &r.symbol))
        .unwrap_or_default();
    let strings = Strings::built_in(r.lang);
    let cite = citation::citation(site, strings, r);
    let organ = strings
        .organ("organs", r.symbol.organ())
        .unwrap_or_default();
    let mut entry = w.create_element("entry");
    if r.lang != lang {
        entry = entry.with_attribute(("xml:lang", r.lang.code()));
    }
    entry.write_inner_content(|w| {
        w.create_element("title")
            .write_text_content(BytesText::new(&format!(
                "{}: {}",
                r.symbol.as_str(),
                r.title
            )))?;
        w.create_element("id")
            .write_text_content(BytesText::new(&page))?;
        for (kind, href) in [("text/html", &page), ("application/json", &data)] {
            w.create_element("link")
                .with_attributes([
                    ("rel", "alternate"),
                    ("type", kind),
                    ("hreflang", r.lang.code()),
                    ("href", href.as_str()),
                ])
                .write_empty()?;
        }
        w.create_element("published")
            .write_text_content(BytesText::new(&timestamp(r.adopted)))?;
        let updated = r.issued.map_or(r.adopted, |d| d.max(r.adopted));
        w.create_element("updated")
            .write_text_content(BytesText::new(&timestamp(updated)))?;
        w.create_element("author").write_inner_content(|w| {
            w.create_element("name")
                .write_text_content(BytesText::new(&organ))?;
            Ok(())
        })?;
        for subject in &r.subjects {
            w.create_element("category")
                .with_attribute(("term", subject.as_str()))
                .write_empty()?;
        }
        w.create_element("summary")
            .write_text_content(BytesText::new(&cite.text))?;
        Ok(())
    })?;
    Ok(())
}
