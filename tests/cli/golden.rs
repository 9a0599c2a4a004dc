//! Golden tests: a fixture site is built and its whole output compared, file for file, with
//! a tree checked in beside it (`tests/fixtures/NAME/expected/`). A file missing from the
//! build, a file the tree lacks and a file whose bytes differ each fail, by name.
//!
//! `PLENARY_BLESS=1 cargo test --test cli golden` (or `scripts/bless.sh`) writes the trees
//! from what plenary builds now, stale files removed; `git diff -- tests/fixtures` then
//! shows what changed for readers, to be reviewed before it is committed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use crate::harness::Site;

/// A tree of files: path with `/` separators, and bytes.
type Tree = BTreeMap<String, Vec<u8>>;

/// The default build of `basic`: three languages, base URL `/` with no host, so no
/// sitemap nor feed, and citations without a URL; every index kind, the search page and
/// index, the 404 page, the data and citation files.
#[test]
fn golden_basic() {
    golden("basic", "expected", &[]);
}

/// `basic` under a full URL with a path: links under `/archive/`, the sitemap, robots.txt
/// pointing at it, one Atom feed per language and citations that carry the URL.
#[test]
fn golden_basic_with_a_host() {
    golden(
        "basic",
        "expected-host",
        &["--base-url", "https://example.org/archive/"],
    );
}

/// Two members of a series: the series pages, the list of series and a changes page.
#[test]
fn golden_series_pair() {
    golden("series-pair", "expected", &[]);
}

/// `series-pair` with every link written relative to its page.
#[test]
fn golden_series_pair_with_relative_links() {
    golden("series-pair", "expected-relative", &["--relative-links"]);
}

/// Builds fixture `name` with `args` and compares its `public/` with
/// `tests/fixtures/NAME/EXPECTED/`, or writes that tree when blessing.
#[track_caller]
fn golden(name: &str, expected: &str, args: &[&str]) {
    let site = Site::fixture(name);
    let mut command = vec!["build"];
    command.extend_from_slice(args);
    site.run(&command).assert_ok();
    let built: Tree = site
        .snapshot("public")
        .into_iter()
        .map(|(path, bytes)| (slashed(&path), bytes))
        .collect();
    let dir = fixtures().join(name).join(expected);
    if blessing() {
        bless(&dir, &built);
        return;
    }
    if let Err(report) = compare(&read_tree(&dir), &built) {
        panic!(
            "the build of tests/fixtures/{name} (plenary {}) differs from tests/fixtures/{name}/{expected}/:\n{report}\n\
             If the change is meant, bless it with `PLENARY_BLESS=1 cargo test --test cli golden` \
             (or scripts/bless.sh) and review it with `git diff -- tests/fixtures/{name}/{expected}`.",
            command.join(" ")
        );
    }
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// `PLENARY_BLESS` set to anything but empty or `0`.
fn blessing() -> bool {
    std::env::var_os("PLENARY_BLESS").is_some_and(|v| !v.is_empty() && v != "0")
}

fn slashed(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file below `dir`; empty when `dir` does not exist.
fn read_tree(dir: &Path) -> Tree {
    if !dir.is_dir() {
        return Tree::new();
    }
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap_or_else(|e| panic!("{}: {e}", dir.display())))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).unwrap();
            (slashed(rel), fs::read(e.path()).unwrap())
        })
        .collect()
}

/// Makes `dir` hold exactly `tree`: stale files go, and a file whose bytes are the same is
/// left untouched.
fn bless(dir: &Path, tree: &Tree) {
    let old = read_tree(dir);
    for stale in old.keys().filter(|p| !tree.contains_key(*p)) {
        fs::remove_file(dir.join(stale)).unwrap();
    }
    for (path, bytes) in tree {
        if old.get(path) != Some(bytes) {
            let file = dir.join(path);
            fs::create_dir_all(file.parent().unwrap()).unwrap();
            fs::write(file, bytes).unwrap();
        }
    }
    remove_empty_folders(dir);
}

fn remove_empty_folders(dir: &Path) {
    let folders: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .contents_first(true)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_dir())
        .map(|e| e.into_path())
        .collect();
    for folder in folders {
        // Fails, as it should, on a folder that still holds something.
        let _ = fs::remove_dir(folder);
    }
}

/// Every difference between the expected tree and the built one, file by file.
fn compare(expected: &Tree, built: &Tree) -> Result<(), String> {
    let mut report = String::new();
    for path in expected.keys().filter(|p| !built.contains_key(*p)) {
        writeln!(report, "missing: {path} (expected, not built)").unwrap();
    }
    for path in built.keys().filter(|p| !expected.contains_key(*p)) {
        writeln!(report, "extra: {path} (built, not expected)").unwrap();
    }
    for (path, want) in expected {
        let Some(got) = built.get(path) else { continue };
        if want == got {
            continue;
        }
        writeln!(report, "differs: {path}").unwrap();
        match (std::str::from_utf8(want), std::str::from_utf8(got)) {
            (Ok(want), Ok(got)) => report.push_str(&first_differences(want, got)),
            _ => writeln!(
                report,
                "    binary: {} bytes expected, {} built",
                want.len(),
                got.len()
            )
            .unwrap(),
        }
    }
    if report.is_empty() {
        Ok(())
    } else {
        Err(report)
    }
}

/// The lines shown of a file that differs, half of them of each side.
const SHOWN_LINES: usize = 12;
/// The characters shown of a long line, around where it first differs.
const SHOWN_CHARS: usize = 160;

/// The first differing lines, `-` expected and `+` built, with their line numbers: the
/// lines between the longest common start and the longest common end of the two files. A
/// long line (minified JSON) is cut around the column where the two first differ.
fn first_differences(want: &str, got: &str) -> String {
    let (want, got): (Vec<&str>, Vec<&str>) = (want.lines().collect(), got.lines().collect());
    let start = want.iter().zip(&got).take_while(|(a, b)| a == b).count();
    let end = want[start..]
        .iter()
        .rev()
        .zip(got[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (removed, added) = (&want[start..want.len() - end], &got[start..got.len() - end]);
    let column = match (removed.first(), added.first()) {
        (Some(a), Some(b)) => a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count(),
        _ => 0,
    };
    // As many lines of each side, so that a long removal does not hide what came instead.
    let each = SHOWN_LINES / 2;
    let mut out = String::new();
    for (sign, side) in [('-', removed), ('+', added)] {
        for (i, line) in side.iter().enumerate().take(each) {
            writeln!(
                out,
                "    {sign}{:>5} | {}",
                start + i + 1,
                clip(line, column)
            )
            .unwrap();
        }
        if side.len() > each {
            writeln!(out, "    {sign}  … and {} more lines", side.len() - each).unwrap();
        }
    }
    let total = removed.len() + added.len();
    if total == 0 {
        // Same lines, other bytes: line endings or a final line break.
        writeln!(
            out,
            "    the lines are the same; line endings or the final line break differ"
        )
        .unwrap();
    }
    out
}

/// A line cut to [`SHOWN_CHARS`] characters that include `column`.
fn clip(line: &str, column: usize) -> String {
    let count = line.chars().count();
    if count <= SHOWN_CHARS {
        return line.to_string();
    }
    let start = column
        .saturating_sub(SHOWN_CHARS / 3)
        .min(count - SHOWN_CHARS);
    let body: String = line.chars().skip(start).take(SHOWN_CHARS).collect();
    let before = if start > 0 { "…" } else { "" };
    let after = if start + SHOWN_CHARS < count {
        "…"
    } else {
        ""
    };
    format!("{before}{body}{after}")
}

#[test]
fn golden_comparison_names_each_missing_extra_and_changed_file() {
    let tree = |files: &[(&str, &str)]| -> Tree {
        files
            .iter()
            .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
            .collect()
    };
    let expected = tree(&[
        ("404.html", "<p>Not found</p>\n"),
        (
            "en/index.html",
            "<h1>Archive</h1>\n<p>3 resolutions</p>\n<p>end</p>\n",
        ),
        ("data/resolutions.csv", "symbol\nA/RES/73/187\n"),
    ]);
    assert_eq!(compare(&expected, &expected), Ok(()));

    let built = tree(&[
        (
            "en/index.html",
            "<h1>Archive</h1>\n<p>4 resolutions</p>\n<p>end</p>\n",
        ),
        ("data/resolutions.csv", "symbol\nA/RES/73/187\n"),
        ("robots.txt", "User-agent: *\n"),
    ]);
    assert_eq!(
        compare(&expected, &built).unwrap_err(),
        "missing: 404.html (expected, not built)\n\
         extra: robots.txt (built, not expected)\n\
         differs: en/index.html\n\
         \x20   -    2 | <p>3 resolutions</p>\n\
         \x20   +    2 | <p>4 resolutions</p>\n"
    );

    // Binary files are named with their sizes; bytes that are not UTF-8 are binary.
    let mut built = expected.clone();
    built.insert("404.html".into(), vec![0xff, 0xfe]);
    assert_eq!(
        compare(&expected, &built).unwrap_err(),
        "differs: 404.html\n    binary: 17 bytes expected, 2 built\n"
    );
}

#[test]
fn golden_diff_of_a_long_line_shows_where_it_differs() {
    let want = format!("{{\"title\":\"{}\",\"n\":1}}", "x".repeat(400));
    let got = want.replace("\"n\":1", "\"n\":2");
    let shown = first_differences(&want, &got);
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 2, "{shown}");
    assert!(lines[0].starts_with("    -    1 | …x") && lines[0].ends_with("xxx\",\"n\":1}"));
    assert!(lines[1].starts_with("    +    1 | …x") && lines[1].ends_with("xxx\",\"n\":2}"));
}

#[test]
fn golden_blessing_writes_the_tree_and_removes_stale_files() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("expected");
    let first: Tree = [
        ("a/old/index.html".to_string(), b"old".to_vec()),
        ("robots.txt".to_string(), b"r".to_vec()),
    ]
    .into();
    bless(&dir, &first);
    assert_eq!(read_tree(&dir), first);
    let second: Tree = [
        ("robots.txt".to_string(), b"r2".to_vec()),
        ("b/index.html".to_string(), b"new".to_vec()),
    ]
    .into();
    bless(&dir, &second);
    assert_eq!(read_tree(&dir), second);
    assert!(!dir.join("a").exists(), "an emptied folder was left");
}

/// Every kind of page and every data format plenary writes has a file in a golden tree, so
/// that no output can change unseen: (what, tree, file, a text the file holds).
const COVERED: &[(&str, &str, &str, &str)] = &[
    (
        "root",
        "basic/expected",
        "index.html",
        "class=\"language-homes\"",
    ),
    (
        "language home",
        "basic/expected",
        "zh/index.html",
        "lang=\"zh\"",
    ),
    (
        "resolution page",
        "basic/expected",
        "en/A/RES/73/187/index.html",
        "id=\"op-3\"",
    ),
    (
        "symbol page",
        "basic/expected",
        "A/RES/73/187/index.html",
        "class=\"versions-list\"",
    ),
    (
        "sessions",
        "basic/expected",
        "en/sessions/index.html",
        "/en/sessions/ga-73/",
    ),
    (
        "a session",
        "basic/expected",
        "en/sessions/ga-73/index.html",
        "A/RES/73/187",
    ),
    (
        "years",
        "basic/expected",
        "fr/years/index.html",
        "/fr/years/1970/",
    ),
    (
        "a year",
        "basic/expected",
        "fr/years/1967/index.html",
        "S/RES/242 (1967)",
    ),
    (
        "subjects",
        "basic/expected",
        "zh/subjects/index.html",
        "/zh/subjects/computer-crimes/",
    ),
    (
        "a subject",
        "basic/expected",
        "zh/subjects/computer-crimes/index.html",
        "A/RES/73/187",
    ),
    (
        "committees",
        "basic/expected",
        "en/committees/index.html",
        "third-committee",
    ),
    (
        "a committee",
        "basic/expected",
        "en/committees/third-committee/index.html",
        "A/RES/73/187",
    ),
    (
        "agenda items",
        "basic/expected",
        "fr/agenda-items/index.html",
        "ga-25-85",
    ),
    (
        "an agenda item",
        "basic/expected",
        "fr/agenda-items/ga-25-85/index.html",
        "2625 (XXV)",
    ),
    (
        "search page",
        "basic/expected",
        "en/search/index.html",
        "id=\"search-form\"",
    ),
    (
        "404 page",
        "basic/expected",
        "404.html",
        "<h1>Page not found</h1>",
    ),
    (
        "a series",
        "series-pair/expected",
        "en/series/A/RES/69/32/index.html",
        "A/RES/78/21",
    ),
    (
        "list of series",
        "series-pair/expected",
        "en/series/index.html",
        "11 resolutions",
    ),
    (
        "changes page",
        "series-pair/expected",
        "en/A/RES/79/20/changes/index.html",
        "A/RES/78/21",
    ),
    (
        "relative links",
        "series-pair/expected-relative",
        "en/A/RES/79/20/index.html",
        "href=\"changes/index.html\"",
    ),
    (
        "sitemap",
        "basic/expected-host",
        "sitemap.xml",
        "<loc>https://example.org/archive/en/A/RES/73/187/</loc>",
    ),
    (
        "robots.txt",
        "basic/expected-host",
        "robots.txt",
        "Sitemap: https://example.org/archive/sitemap.xml",
    ),
    (
        "Atom feed",
        "basic/expected-host",
        "fr/feed.xml",
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"",
    ),
    (
        "resolution JSON",
        "basic/expected",
        "zh/A/RES/73/187/index.json",
        "\"symbol\": \"A/RES/73/187\"",
    ),
    (
        "catalogue JSON Lines",
        "basic/expected",
        "data/resolutions.jsonl",
        "\"symbol\":\"S/RES/242 (1967)\"",
    ),
    (
        "catalogue CSV",
        "basic/expected",
        "data/resolutions.csv",
        "A/RES/73/187,ga,73,2018-12-17",
    ),
    (
        "JSON-LD",
        "basic/expected-host",
        "fr/A/RES/2625(XXV)/index.html",
        "\"@type\":\"Legislation\"",
    ),
    (
        "UN citation",
        "basic/expected",
        "fr/A/RES/2625(XXV)/index.html",
        "Résolution <bdi dir=\"ltr\">2625 (XXV)</bdi> de l’Assemblée générale",
    ),
    (
        "BibTeX",
        "basic/expected-host",
        "zh/A/RES/73/187/citation.bib",
        "@misc{A-RES-73-187-zh,",
    ),
    (
        "RIS",
        "basic/expected-host",
        "en/S/RES/242(1967)/citation.ris",
        "TY  - BILL",
    ),
    (
        "CSL-JSON",
        "basic/expected",
        "en/A/RES/73/187/citation.csl.json",
        "\"type\": \"legislation\"",
    ),
    (
        "search index",
        "basic/expected",
        "search/zh/meta.json",
        "\"lang\":\"zh\"",
    ),
    (
        "search shard",
        "series-pair/expected",
        "search/en/d/0.json",
        "\"s\":\"A/RES/79/20\"",
    ),
];

#[test]
fn golden_trees_hold_every_page_kind_and_data_format() {
    if blessing() {
        return;
    }
    let mut lacking = Vec::new();
    for (what, tree, file, needle) in COVERED {
        let path = fixtures().join(tree).join(file);
        match fs::read_to_string(&path) {
            Ok(text) if text.contains(needle) => {}
            Ok(_) => lacking.push(format!("{what}: {tree}/{file} lacks {needle:?}")),
            Err(e) => lacking.push(format!("{what}: {tree}/{file}: {e}")),
        }
    }
    assert!(lacking.is_empty(), "{}", lacking.join("\n"));
}
