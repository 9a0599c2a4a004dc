//! `plenary import`: golden files checked by hand, determinism, no overwriting, warnings
//! at source lines, and a round trip through `plenary build`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::Site;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import")
}

fn input() -> String {
    fixtures().join("input").display().to_string()
}

/// An empty site folder to import into.
fn site() -> Site {
    let site = Site::empty();
    fs::create_dir_all(&site.root).unwrap();
    site
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

#[test]
fn every_fixture_imports_to_its_hand_checked_file() {
    let site = site();
    let run = site.run(&["import", &input(), "--into", "content"]);
    run.assert_ok();
    let expected = files(&fixtures().join("expected"));
    let got = files(&site.root.join("content"));
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>(),
        "the files written"
    );
    for (path, want) in &expected {
        let have = &got[path];
        if have != want {
            let line = have
                .lines()
                .zip(want.lines())
                .position(|(a, b)| a != b)
                .map_or(have.lines().count().min(want.lines().count()), |i| i);
            panic!(
                "{} differs at line {}:\n  got:  {:?}\n  want: {:?}",
                path.display(),
                line + 1,
                have.lines().nth(line),
                want.lines().nth(line)
            );
        }
    }
    assert!(
        run.stdout.contains("imported 26 of 26 files"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_same_input_always_gives_the_same_output() {
    let (a, b) = (site(), site());
    let run_a = a.run(&["import", &input(), "--into", "content"]);
    let run_b = b.run(&["import", &input(), "--into", "content"]);
    assert_eq!(a.snapshot("content"), b.snapshot("content"));
    assert_eq!(run_a.stdout, run_b.stdout);
    assert_eq!(run_a.stderr, run_b.stderr);
}

#[test]
fn existing_files_are_kept_unless_forced() {
    let site = site();
    let seed = fixtures().join("input/seeds/A_RES_73_187.zh.txt");
    let seed = seed.to_str().unwrap();
    site.run(&["import", seed]).assert_ok();
    let target = "content/ga/73/187.zh.md";
    site.write(target, "edited by hand\n");

    let run = site.run(&["import", seed]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("exists (--force replaces it)"),
        "{}",
        run.stdout
    );
    assert_eq!(
        fs::read_to_string(site.root.join(target)).unwrap(),
        "edited by hand\n"
    );

    let run = site.run(&["import", seed, "--force"]);
    run.assert_ok();
    assert!(run.stdout.contains("replaced"), "{}", run.stdout);
    let text = fs::read_to_string(site.root.join(target)).unwrap();
    assert!(
        text.starts_with("---\nsymbol: A/RES/73/187\nlang: zh\n"),
        "{text}"
    );
}

#[test]
fn each_file_gets_a_line_and_each_warning_its_source_line() {
    let site = site();
    let run = site.run(&["import", &input(), "--into", "content"]);
    assert!(
        run.stdout
            .contains("A_RES_78_30.en.txt -> content/ga/78/30.en.md (A/RES/78/30, en)"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains(
            "S_RES_0237_1967_EN_GOLD.txt -> content/sc/1967/237.en.md (S/RES/237 (1967), en)"
        ),
        "{}",
        run.stdout
    );
    for warning in [
        "A_RES_79_9.en.txt:32:1: warning: the title has no resolution number before it",
        "S_RES_0851_1993_EN_GOLD.txt:1:1: warning: lines 1–19, before the heading, were dropped",
        "S_RES_0851_1993_EN_GOLD.txt:196:1: warning: footnote 18: its mark was not found",
    ] {
        assert!(run.stderr.contains(warning), "{warning}\n{}", run.stderr);
    }
}

#[test]
fn a_text_that_cannot_be_imported_says_why_and_the_others_are_written() {
    let site = site();
    site.write(
        "raw/notes.txt",
        "Minutes of a meeting\n\nNothing to see here.\n",
    );
    let seed = fixtures().join("input/seeds/A_RES_73_187.zh.txt");
    fs::copy(seed, site.root.join("raw/A_RES_73_187.zh.txt")).unwrap();
    let run = site.run(&["import", "raw"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("raw/notes.txt: not imported"),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr.contains("raw/notes.txt:1:1: error: no chapeau"),
        "{}",
        run.stderr
    );
    assert!(site.exists("content/ga/73/187.zh.md"));
    assert!(
        run.stdout.contains("imported 1 of 2 files"),
        "{}",
        run.stdout
    );
}

#[test]
fn sources_must_exist_and_hold_texts() {
    let site = site();
    let run = site.run(&["import", "missing"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("missing: no such file or folder"),
        "{}",
        run.stderr
    );
    fs::create_dir_all(site.root.join("empty")).unwrap();
    let run = site.run(&["import", "empty"]);
    assert!(
        run.stderr
            .contains("no raw texts (.txt files) or PDFs (.pdf files)"),
        "{}",
        run.stderr
    );
    let run = site.run(&["import", "empty", "--lang", "de"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("not one of ar, zh, en, fr, ru, es"));
}

#[test]
fn lang_overrides_detection() {
    let site = site();
    let french = fixtures().join("input/conventions/A_RES_78_12.fr.txt");
    site.run(&["import", french.to_str().unwrap()]).assert_ok();
    assert!(site.exists("content/ga/78/12.fr.md"));
    site.run(&["import", french.to_str().unwrap(), "--lang", "es"])
        .assert_ok();
    let text = fs::read_to_string(site.root.join("content/ga/78/12.es.md")).unwrap();
    assert!(text.contains("\nlang: es\n"), "{text}");
}

#[test]
fn imported_files_build_into_the_right_pages() {
    let site = site();
    site.run(&["import", &input(), "--into", "content"])
        .assert_ok();
    let build = site.build();
    build.assert_ok();
    // Every file loads without a warning; the one warning is the seed's own placeholder
    // for a Commission resolution, which no archive can link.
    let warnings: Vec<&str> = build
        .stderr
        .lines()
        .filter(|l| l.starts_with("content/") && l.contains("warning:"))
        .collect();
    assert_eq!(warnings.len(), 1, "{}", build.stderr);
    assert!(
        warnings[0].contains("[26/4](#) is left unlinked"),
        "{}",
        build.stderr
    );
    assert!(
        build.stdout.contains("built 26 resolutions"),
        "{}",
        build.stdout
    );

    let page = site.page("en/A/RES/78/30/index.html");
    for needle in [
        "Follow-up to nuclear disarmament obligations",
        "<time datetime=\"2023-12-04\">4 December 2023</time>",
        ">First Committee</a>",
        ">99 (w)</a>",
        "42nd plenary meeting",
        "A/78/409",
        "id=\"pp-9\"",
        "id=\"op-6\"",
        "id=\"fn-5\"",
        "non-nuclear-weapon States",
    ] {
        assert!(page.contains(needle), "78/30 lacks {needle:?}");
    }
    // No page furniture reaches the text.
    for furniture in ["23-24539", "2/3", "*2324539*", "__________", "A/RES/78/30 "] {
        assert!(!page.contains(furniture), "78/30 shows {furniture:?}");
    }

    let seed = site.page("zh/A/RES/73/187/index.html");
    assert!(seed.contains("id=\"op-3\""));
    assert!(seed.contains("id=\"fn-3\""));
    assert!(seed.contains("打击为犯罪目的使用信息和通信技术行为"));

    let no_numbers = site.page("en/A/RES/79/14/index.html");
    assert!(!no_numbers.contains("id=\"op-"));
    assert!(no_numbers.contains("id=\"pp-4\""));

    let annex = site.page("en/A/RES/78/1/index.html");
    assert!(
        annex.contains("<h2 id=\"annex\">Annex"),
        "the annex heading"
    );
    assert!(annex.contains("<h3 id=\"i-our-shared-commitment\">I. Our shared commitment"));

    let council = site.page("en/S/RES/237(1967)/index.html");
    for needle in [
        "Adopted unanimously",
        "1361st meeting",
        "id=\"op-3\"",
        "id=\"fn-6\"",
    ] {
        assert!(council.contains(needle), "237 (1967) lacks {needle:?}");
    }
    let voted = site.page("en/S/RES/430(1978)/index.html");
    assert!(voted.contains("14 in favour, 0 against, 0 abstentions"));
    assert!(voted.contains("One member (China) did not participate in the voting."));

    let arabic = site.page("ar/A/RES/78/12/index.html");
    assert!(arabic.contains("dir=\"rtl\""));
    assert!(arabic.contains("id=\"op-2\""));
    for lang in ["fr", "es", "ru"] {
        let page = site.page(&format!("{lang}/A/RES/78/12/index.html"));
        assert!(
            page.contains("id=\"op-2\"") && page.contains("id=\"fn-4\""),
            "{lang}"
        );
    }
}
