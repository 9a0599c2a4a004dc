//! One test per class of bad input: exit code 1, a message at path:line, nothing written.

use crate::harness::Site;

const HEAD: &str = "---\nsymbol: A/RES/73/1\nlang: en\ntitle: T\nadopted: 2018-12-17\n";

/// Builds once to have a `public/`, adds a bad file, builds again: the second build must
/// fail with the given messages and leave `public/` byte for byte as it was.
#[track_caller]
fn fails_and_keeps_public(file: &str, text: &[u8], needles: &[&str]) {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = site.snapshot("public");
    site.write(file, text);
    site.build().assert_fails_with(needles);
    assert_eq!(
        site.snapshot("public"),
        before,
        "public/ changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&site.root)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().contains("staging"))
        .collect();
    assert!(leftovers.is_empty(), "a staging folder was left behind");
}

#[test]
fn broken_yaml() {
    fails_and_keeps_public(
        "content/bad.md",
        b"---\nsymbol: A/RES/73/1\nlang: en\ntitle: [unclosed\nadopted: 2018-12-17\n---\n",
        &[
            "content/bad.md:5:",
            "not valid YAML",
            "hint:",
            "nothing was written",
        ],
    );
}

#[test]
fn missing_required_field() {
    fails_and_keeps_public(
        "content/bad.md",
        b"---\nsymbol: A/RES/73/1\nlang: en\ntitle: T\n---\n",
        &[
            "content/bad.md:1:1: error: the required field `adopted` is missing",
            "add a line `adopted: 2018-12-17`",
        ],
    );
}

#[test]
fn field_of_the_wrong_type() {
    fails_and_keeps_public(
        "content/bad.md",
        format!("{HEAD}meeting: [1, 2]\n---\n").as_bytes(),
        &["content/bad.md:6:10: error: `meeting` must be a whole number"],
    );
}

#[test]
fn invalid_date() {
    fails_and_keeps_public(
        "content/bad.md",
        b"---\nsymbol: A/RES/73/1\nlang: en\ntitle: T\nadopted: 2018-02-30\n---\n",
        &[
            "content/bad.md:5:10: error: `2018-02-30` is not a valid date",
            "YYYY-MM-DD",
        ],
    );
}

#[test]
fn unknown_language() {
    fails_and_keeps_public(
        "content/bad.md",
        b"---\nsymbol: A/RES/73/1\nlang: de\ntitle: T\nadopted: 2018-12-17\n---\n",
        &[
            "content/bad.md:3:7: error: `de` is not one of the six official languages",
            "use ar, zh, en, fr, ru or es",
        ],
    );
}

#[test]
fn malformed_symbol() {
    fails_and_keeps_public(
        "content/bad.md",
        b"---\nsymbol: A/RES/73\nlang: en\ntitle: T\nadopted: 2018-12-17\n---\n",
        &[
            "content/bad.md:2:9: error: `A/RES/73` is not a resolution symbol",
            "A/RES/2625 (XXV)",
        ],
    );
}

#[test]
fn duplicate_symbol_and_language_names_both_files() {
    fails_and_keeps_public(
        "content/zz/copy.md",
        b"---\nlang: en\nsymbol: a/res/73/187\ntitle: T\nadopted: 2018-12-17\n---\n",
        &["content/zz/copy.md:3:1: error: A/RES/73/187 in `en` is also in content/ga/73/187.en.md"],
    );
}

#[test]
fn front_matter_never_closed() {
    fails_and_keeps_public(
        "content/bad.md",
        b"---\nsymbol: A/RES/73/1\nlang: en\n\nText without a closing fence.\n",
        &["content/bad.md:1:1: error: the front matter opened here is never closed"],
    );
}

#[test]
fn empty_file() {
    fails_and_keeps_public(
        "content/bad.md",
        b"",
        &["content/bad.md:1:1: error: the file is empty"],
    );
}

#[test]
fn bytes_that_are_not_utf8() {
    fails_and_keeps_public(
        "content/bad.md",
        b"---\nsymbol: A/RES/73/1\ntitle: R\xe9solution\n---\n",
        &[
            "content/bad.md:3:9: error: the file is not valid UTF-8 (byte 0xE9)",
            "save the file as UTF-8",
        ],
    );
}

#[test]
fn every_problem_in_every_file_is_reported_in_one_run() {
    let site = Site::fixture("basic");
    site.write(
        "content/a.md",
        "---\nsymbol: nope\nlang: xx\ntitle: T\nadopted: 2018-12-17\n---\n",
    );
    site.write(
        "content/b.md",
        "---\nsymbol: A/RES/73/2\nlang: en\ntitle: T\nadopted: tomorrow\n---\n",
    );
    let run = site.build();
    run.assert_fails_with(&[
        "content/a.md:2:9:",
        "content/a.md:3:7:",
        "content/b.md:5:10:",
        "3 problem(s) in 2 file(s)",
    ]);
    assert!(!site.exists("public"));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let site = Site::fixture("basic");
    site.write(
        "content/crlf.md",
        "\u{feff}---\r\nsymbol: A/RES/73/9\r\nlang: en\r\ntitle: Windows line endings\r\nadopted: 2018-12-17\r\n---\r\nThe General Assembly,\r\n\r\n1. Decides;\r\n",
    );
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/9/index.html");
    assert!(page.contains("<h1>Windows line endings</h1>"));
    assert!(page.contains("id=\"op-1\""));
}

#[test]
fn misspelled_keys_only_warn() {
    let site = Site::fixture("basic");
    site.write(
        "content/w.md",
        format!("{HEAD}adopted_on: 2018-12-17\n---\n"),
    );
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stderr
            .contains("content/w.md:6:1: warning: unknown field `adopted_on`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `adopted`?"));
}

#[test]
fn bad_site_toml() {
    let site = Site::fixture("basic");
    site.write("site.toml", "title = \"x\"\nbase_ulr = \"/\"\n");
    site.build()
        .assert_fails_with(&["site.toml:2:1:", "unknown field `base_ulr`"]);
}
