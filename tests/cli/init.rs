use crate::harness::Site;

#[test]
fn init_scaffolds_a_site_that_builds() {
    let site = Site::empty();
    let parent = site.root.parent().unwrap().to_path_buf();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_plenary"))
        .args(["init", "site"])
        .current_dir(&parent)
        .output()
        .unwrap();
    assert!(out.status.success());
    site.build().assert_ok();
    assert!(
        site.page("en/A/RES/217A(III)/index.html")
            .contains("Universal Declaration of Human Rights")
    );
    assert!(
        site.page("zh/A/RES/73/187/index.html")
            .contains("id=\"op-3\"")
    );
}

#[test]
fn init_refuses_a_folder_that_is_not_empty() {
    let site = Site::fixture("basic");
    let before = site.snapshot("");
    let run = site.run(&["init", "."]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("not empty"));
    assert!(
        site.snapshot("") == before,
        "init changed a folder it refused"
    );
}

#[test]
fn help_and_version_explain_the_commands() {
    let site = Site::fixture("basic");
    let help = site.run(&["--help"]);
    for word in ["build", "check", "init"] {
        assert!(help.stdout.contains(word));
    }
    let build_help = site.run(&["build", "--help"]);
    for flag in ["--root", "--output", "--base-url", "--drafts"] {
        assert!(build_help.stdout.contains(flag), "{flag}");
    }
    assert!(site.run(&["--version"]).stdout.starts_with("plenary "));
}
