//! An index written to a folder and queried back.

use std::path::Path;

use super::*;
use crate::model::Lang;

fn write_index(dir: &Path, lang: Lang, docs: &[Document<'_>]) -> Stats {
    let write = |rel: &str, bytes: &[u8]| -> std::io::Result<()> {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap())?;
        std::fs::write(path, bytes)
    };
    let mut index = LanguageIndex::new(lang, &write);
    for chunk in docs.chunks(7) {
        index.add(chunk).unwrap();
    }
    index.finish().unwrap()
}

fn doc<'a>(
    path: &str,
    symbol: &'a str,
    facets: &[&str],
    paragraphs: &[(Option<&'a str>, &'a str)],
) -> Document<'a> {
    Document {
        path: path.to_string(),
        symbol,
        title: symbol,
        date: "2018".into(),
        facets: facets.iter().map(|f| f.to_string()).collect(),
        paragraphs: paragraphs
            .iter()
            .map(|&(anchor, text)| Paragraph { anchor, text })
            .collect(),
        symbol_keys: crate::model::Symbol::parse(symbol)
            .map(|s| super::symbols::keys(&s))
            .unwrap_or_default(),
        document_keys: Vec::new(),
    }
}

#[test]
fn chinese_words_written_without_spaces_find_their_page_and_paragraph() {
    let tmp = tempfile::tempdir().unwrap();
    let docs = [
        doc(
            "zh/A/RES/73/186/",
            "A/RES/73/186",
            &["session:ga-73"],
            &[(None, "大会，"), (Some("pp-1"), "注意到和平与安全")],
        ),
        doc(
            "zh/A/RES/73/187/",
            "A/RES/73/187",
            &["session:ga-73", "year:2018"],
            &[
                (None, "大会，"),
                (
                    Some("pp-1"),
                    "注意到信息和通信技术虽然具有促进各国发展的巨大潜力",
                ),
                (Some("op-2"), "加强打击网络犯罪的国际讨论与合作"),
            ],
        ),
    ];
    write_index(tmp.path(), Lang::Zh, &docs);
    let mut r = Reader::open(tmp.path()).unwrap();
    let hits = r.search("网络犯罪", &[], 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].path, "zh/A/RES/73/187/");
    assert_eq!(hits[0].anchor.as_deref(), Some("op-2"));
    let hits = r.search("信息和通信技术", &[], 10).unwrap();
    assert_eq!(hits[0].anchor.as_deref(), Some("pp-1"));
    // One character alone, and a facet alone.
    assert_eq!(r.search("罪", &[], 10).unwrap().len(), 1);
    assert_eq!(
        r.search("", &["session:ga-73".into()], 10).unwrap().len(),
        2
    );
    assert_eq!(
        r.search("大会", &["year:2018".into()], 10).unwrap().len(),
        1
    );
    assert!(
        r.search("网络犯罪", &["year:1999".into()], 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn word_forms_find_pages_through_their_stem() {
    let tmp = tempfile::tempdir().unwrap();
    let many: Vec<String> = (0..1500).map(|i| format!("Права человека {i}")).collect();
    let mut docs: Vec<Document<'_>> = many
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let mut d = doc(
                &format!("ru/x/{i}/"),
                "X",
                &[],
                &[(Some("op-1"), t.as_str())],
            );
            d.symbol = "X";
            d
        })
        .collect();
    docs.push(doc(
        "ru/A/RES/217(III)/",
        "A/RES/217 A (III)",
        &[],
        &[
            (None, "Всеобщая декларация"),
            (
                Some("op-3"),
                "Каждый человек имеет право на свободу убеждений",
            ),
        ],
    ));
    let stats = write_index(tmp.path(), Lang::Ru, &docs);
    assert_eq!(stats.documents, 1501);
    assert!(stats.words > 0);
    let mut r = Reader::open(tmp.path()).unwrap();
    // «убеждения» is nowhere in the text; «убеждений» is.
    let hits = r.search("убеждения", &[], 10).unwrap();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert_eq!(hits[0].path, "ru/A/RES/217(III)/");
    assert_eq!(hits[0].anchor.as_deref(), Some("op-3"));
    assert!(r.search("декларации", &[], 10).unwrap()[0].anchor.is_none());
    // A term in every document has long postings, in a file of its own.
    assert_eq!(r.search("права", &[], 2000).unwrap().len(), 1501);
    assert!(
        r.files_read().keys().any(|f| f.starts_with("p/")),
        "{:?}",
        r.files_read()
    );
}

#[test]
fn the_same_documents_give_the_same_bytes() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    let texts: Vec<String> = (0..100)
        .map(|i| format!("resolution {i} on crimes and criminal justice"))
        .collect();
    let docs: Vec<Document<'_>> = texts
        .iter()
        .map(|t| doc("en/x/", "X", &["year:2000"], &[(None, t.as_str())]))
        .collect();
    write_index(a.path(), Lang::En, &docs);
    write_index(b.path(), Lang::En, &docs);
    let read = |d: &Path| -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<_> = walkdir::WalkDir::new(d)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(d).unwrap().display().to_string(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(read(a.path()), read(b.path()));
    let mut r = Reader::open(a.path()).unwrap();
    assert_eq!(r.search("criminal crime", &[], 500).unwrap().len(), 100);
}
