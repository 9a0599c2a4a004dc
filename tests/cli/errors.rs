//! One test per class of bad input: exit code 1, a message at path:line, nothing written.

use crate::harness::Site;

const HEAD: &str = "---\nsymbol: A/RES/73/1\nlang: en\ntitle: T\nadopted: 2018-12-17\n";

/// The resolutions of the `basic` fixture that a build publishes (its draft is left out),
/// as `symbol: languages`, in the order of the catalogue.
pub const BASIC_RESOLUTIONS: &[&str] = &[
    "A/RES/2625 (XXV): fr",
    "A/RES/73/187: zh en",
    "S/RES/242 (1967): en",
];

/// The resolutions a build published, read from its catalogue.
pub fn built_resolutions(site: &Site) -> Vec<String> {
    site.page("data/resolutions.jsonl")
        .lines()
        .map(|line| {
            let r: serde_json::Value = serde_json::from_str(line).unwrap();
            let langs: Vec<&str> = r["languages"]
                .as_array()
                .unwrap()
                .iter()
                .map(|l| l.as_str().unwrap())
                .collect();
            format!("{}: {}", r["symbol"].as_str().unwrap(), langs.join(" "))
        })
        .collect()
}

/// Builds once to have a `public/`, adds a bad file, builds again: the second build must
/// fail with the given messages and leave `public/` byte for byte as it was.
#[track_caller]
fn fails_and_keeps_public(file: &str, text: &[u8], needles: &[&str]) {
    fails_after_and_keeps_public(|site| site.write(file, text), needles);
}

/// As [`fails_and_keeps_public`], for any change to the site.
#[track_caller]
fn fails_after_and_keeps_public(change: impl FnOnce(&Site), needles: &[&str]) {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = site.snapshot("public");
    change(&site);
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
    // The resolution is built all the same, its date read from the field it has.
    assert!(site.page("en/A/RES/73/1/index.html").contains("<h1>T</h1>"));
}

#[test]
fn bad_site_toml() {
    fails_after_and_keeps_public(
        |site| site.write("site.toml", "title = \"x\"\nbase_ulr = \"/\"\n"),
        &["site.toml:2:1:", "unknown field `base_ulr`"],
    );
}

#[test]
fn a_file_of_50_mb() {
    let mut text = format!("{HEAD}---\n").into_bytes();
    let line = b"Recalling its resolution 72/196 of 19 December 2017, and all earlier ones,\n";
    while text.len() < 50 << 20 {
        text.extend_from_slice(line);
    }
    fails_and_keeps_public(
        "content/big.md",
        &text,
        &[
            "content/big.md: error: the file is larger than 16 MiB",
            "hint: a resolution file holds one resolution in one language",
        ],
    );
}

#[test]
fn a_yaml_alias_bomb() {
    // Nine aliases of nine aliases … would expand to 9^9 strings.
    let mut text = format!("{HEAD}a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (prev, name) in "abcdefgh".chars().zip("bcdefghi".chars()) {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        text.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    text.push_str("---\n");
    fails_and_keeps_public(
        "content/bomb.md",
        text.as_bytes(),
        &[
            "content/bomb.md:7:8: error: the front matter repeats YAML aliases",
            "hint: write the values out",
        ],
    );
}

#[test]
fn yaml_nested_thousands_deep() {
    let text = format!(
        "{HEAD}x: {}{}\n---\n",
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    fails_and_keeps_public(
        "content/deep.md",
        text.as_bytes(),
        &[
            "content/deep.md:6:",
            "error: the front matter is nested more than 128 levels deep",
            "hint: front matter is one `key: value` field per line",
        ],
    );
    let mut block = format!("{HEAD}x:\n");
    for depth in 1..3000 {
        block.push_str(&format!("{}k:\n", " ".repeat(depth)));
    }
    block.push_str("---\n");
    fails_and_keeps_public(
        "content/deep.md",
        block.as_bytes(),
        &["error: the front matter is nested more than 128 levels deep"],
    );
}

/// Tests run as root, for whom no permission stops a read; a named pipe is a file that
/// cannot be read honestly (opening it would wait for a writer forever).
#[cfg(unix)]
#[test]
fn a_file_that_cannot_be_read() {
    fails_after_and_keeps_public(
        |site| {
            let status = std::process::Command::new("mkfifo")
                .arg(site.root.join("content/pipe.md"))
                .status()
                .expect("mkfifo");
            assert!(status.success());
        },
        &[
            "content/pipe.md: error: cannot read: this is not a regular file",
            "hint: replace it with a resolution file",
        ],
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_that_leads_to_nothing() {
    fails_after_and_keeps_public(
        |site| {
            std::os::unix::fs::symlink("gone.md", site.root.join("content/dangling.md")).unwrap()
        },
        &[
            "content/dangling.md: error: this symlink leads to nothing",
            "hint: restore the file it points to, or remove the link",
        ],
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_to_nothing_that_is_no_resolution_only_warns() {
    let site = Site::fixture("basic");
    std::os::unix::fs::symlink("gone.png", site.root.join("content/figure.png")).unwrap();
    let run = site.build();
    run.assert_ok();
    assert_eq!(built_resolutions(&site), BASIC_RESOLUTIONS);
    assert!(
        run.stderr
            .contains("content/figure.png: warning: skipped: this symlink leads to nothing"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_between_files_is_skipped_with_a_warning() {
    let site = Site::fixture("basic");
    let content = site.root.join("content");
    std::os::unix::fs::symlink("b.md", content.join("a.md")).unwrap();
    std::os::unix::fs::symlink("a.md", content.join("b.md")).unwrap();
    let run = site.build();
    run.assert_ok();
    assert_eq!(built_resolutions(&site), BASIC_RESOLUTIONS);
    for link in ["content/a.md", "content/b.md"] {
        assert!(
            run.stderr.contains(&format!(
                "{link}: warning: skipped: this symlink points back"
            )),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn problems_of_settings_theme_and_content_come_in_one_run() {
    fails_after_and_keeps_public(
        |site| {
            site.write("site.toml", "theme = \"broken\"\n");
            site.write("themes/broken/templates/group.html", "{% for x in %}\n");
            site.write(
                "content/a.md",
                "---\nsymbol: ../../etc\nlang: en\ntitle: T\nadopted: 2018-12-17\n---\n",
            );
            site.write("content/b.md", "---\nsymbol: A/RES/73/2\n");
            site.write("content/c.md", b"\xff\xfe---\n");
        },
        &[
            "themes/broken/templates/group.html:1:",
            "content/a.md:2:9: error: `../../etc` is not a resolution symbol",
            "content/b.md:1:1: error: the front matter opened here is never closed",
            "content/c.md:1:1: error: the file is not valid UTF-8",
            "problem(s) in 4 file(s); nothing was written",
        ],
    );
}
