//! `plenary import` on PDFs and on pdftotext's output: golden files checked by hand, one
//! anchor per printed paragraph after a build, and one line for each file that cannot
//! be read.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::Site;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn files(dir: &Path) -> BTreeMap<PathBuf, String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

/// Imports `kind/input` into a new site and compares every file with `kind/expected`.
fn imports_as_expected(kind: &str) -> Site {
    let site = Site::empty();
    fs::create_dir_all(&site.root).unwrap();
    let input = fixtures().join(kind).join("input");
    let run = site.run(&["import", input.to_str().unwrap(), "--into", "content"]);
    run.assert_ok();
    assert!(
        run.stdout.contains("imported 4 of 4 files (0 warnings)"),
        "{}",
        run.stdout
    );
    let expected = files(&fixtures().join(kind).join("expected"));
    let got = files(&site.root.join("content"));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (path, want) in &expected {
        let have = &got[path];
        let line = have.lines().zip(want.lines()).position(|(a, b)| a != b);
        assert!(
            have == want,
            "{} differs at line {}:\n  got:  {:?}\n  want: {:?}",
            path.display(),
            line.map_or(0, |i| i + 1),
            line.and_then(|i| have.lines().nth(i)),
            line.and_then(|i| want.lines().nth(i)),
        );
    }
    site
}

#[test]
fn pdfs_import_to_their_hand_checked_files() {
    // A/RES/68/262 is read by pdftotext: pdf-extract stops on its content streams.
    imports_as_expected("pdf");
}

#[test]
fn pdftotext_output_imports_to_its_hand_checked_files() {
    imports_as_expected("pdftotext");
}

/// The anchors of a page: `pp-N` and `op-N` ids, in order.
fn anchors(page: &str) -> Vec<String> {
    page.split("id=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|id| id.starts_with("pp-") || id.starts_with("op-"))
        .map(str::to_string)
        .collect()
}

#[test]
fn each_printed_paragraph_gets_its_anchor() {
    // Counted by hand on the printed PDFs: preambular paragraphs (the unnumbered
    // "Decides" of 79/14 among them) and operative ones.
    let printed = [
        ("A/RES/68/262", 7, 6),
        ("A/RES/78/14", 5, 8),
        ("A/RES/79/14", 4, 0),
        ("A/RES/80/1", 5, 3),
    ];
    for kind in ["pdf", "pdftotext"] {
        let site = imports_as_expected(kind);
        site.build().assert_ok();
        for (symbol, pp, op) in printed {
            let page = site.page(&format!("en/{symbol}/index.html"));
            let want: Vec<String> = (1..=pp)
                .map(|n| format!("pp-{n}"))
                .chain((1..=op).map(|n| format!("op-{n}")))
                .collect();
            assert_eq!(anchors(&page), want, "{kind}: {symbol}");
            for furniture in ["*23", "2/2", "(E)", "__________", "Please recycle"] {
                assert!(
                    !page.contains(furniture),
                    "{kind}: {symbol} shows {furniture:?}"
                );
            }
        }
    }
}

#[test]
fn a_file_that_cannot_be_read_gets_one_line_and_the_rest_is_imported() {
    let site = Site::empty();
    fs::create_dir_all(&site.root).unwrap();
    let bad = fixtures().join("bad");
    let good = fixtures().join("pdf/input/A_RES_79_14-EN.pdf");
    let mut args = vec!["import".to_string()];
    for name in [
        "empty.txt",
        "encrypted.pdf",
        "minutes.pdf",
        "page.png",
        "scan.pdf",
        "truncated.pdf",
    ] {
        args.push(bad.join(name).display().to_string());
    }
    args.push(good.display().to_string());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = site.run(&args);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let said = |name: &str| -> Vec<&str> {
        run.stderr
            .lines()
            .filter(|l| l.contains(&format!("bad/{name}")))
            .collect()
    };
    for (name, why) in [
        ("empty.txt", "error: the file is empty (0 bytes)"),
        ("encrypted.pdf", "error: the PDF is encrypted"),
        (
            "minutes.pdf",
            "error: no chapeau (\"The General Assembly,\") was found",
        ),
        (
            "page.png",
            "error: this is a PNG image, not a text or a PDF: a scanned page needs OCR",
        ),
        (
            "scan.pdf",
            "error: the PDF has no text layer (a scanned image): it needs OCR",
        ),
        ("truncated.pdf", "error: the PDF cannot be read ("),
    ] {
        let lines = said(name);
        assert_eq!(lines.len(), 1, "{name}: {lines:?}");
        assert!(lines[0].contains(why), "{name}: {}", lines[0]);
        assert!(
            run.stdout.contains(&format!("bad/{name}: not imported")),
            "{}",
            run.stdout
        );
    }
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.stdout.contains("imported 1 of 7 files"),
        "{}",
        run.stdout
    );
    let written = files(&site.root.join("content"));
    assert_eq!(
        written.keys().collect::<Vec<_>>(),
        [&PathBuf::from("ga/79/14.en.md")]
    );
}

#[test]
fn folders_hold_pdfs_and_texts_alike() {
    let site = Site::empty();
    fs::create_dir_all(site.root.join("raw")).unwrap();
    for (from, to) in [
        ("pdf/input/A_RES_78_14-EN.pdf", "raw/A_RES_78_14-EN.PDF"),
        ("pdftotext/input/A_RES_80_1-EN.txt", "raw/A_RES_80_1-EN.txt"),
    ] {
        fs::copy(fixtures().join(from), site.root.join(to)).unwrap();
    }
    let run = site.run(&["import", "raw"]);
    run.assert_ok();
    assert!(site.exists("content/ga/78/14.en.md"));
    assert!(site.exists("content/ga/80/1.en.md"));
}
