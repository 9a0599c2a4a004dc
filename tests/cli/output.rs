//! The output folder: replaced atomically, never someone else's folder.

use crate::harness::Site;

#[test]
fn the_output_may_not_be_the_root_content_or_a_parent() {
    let site = Site::fixture("basic");
    for (out, why) in [
        (".", "the site's own folder"),
        ("content", "inside the site's `content` folder"),
        ("content/x", "inside the site's `content` folder"),
        ("..", "contains the site's sources"),
    ] {
        let run = site.run(&["build", "--output", out]);
        run.assert_fails_with(&[why]);
    }
    assert!(
        site.exists("content/ga/73/187.zh.md"),
        "nothing was deleted"
    );
}

#[test]
fn a_folder_plenary_did_not_create_is_never_replaced() {
    let site = Site::fixture("basic");
    site.write("mine/notes.txt", "precious");
    site.run(&["build", "--output", "mine"])
        .assert_fails_with(&["plenary did not write"]);
    assert_eq!(
        std::fs::read_to_string(site.root.join("mine/notes.txt")).unwrap(),
        "precious"
    );
}

#[test]
fn a_rebuild_replaces_the_previous_output_whole() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    assert!(site.exists("public/en/S/RES/242(1967)/index.html"));
    std::fs::remove_file(site.root.join("content/sc/242.en.md")).unwrap();
    site.build().assert_ok();
    assert!(
        !site.exists("public/en/S/RES/242(1967)/index.html"),
        "a page of a removed file survived"
    );
    assert!(site.exists("public/en/A/RES/73/187/index.html"));
}

#[test]
fn an_empty_existing_folder_is_used() {
    let site = Site::fixture("basic");
    std::fs::create_dir_all(site.root.join("out")).unwrap();
    site.run(&["build", "--output", "out"]).assert_ok();
    assert!(site.exists("out/en/A/RES/73/187/index.html"));
}
