//! The output folder: replaced atomically, never someone else's folder.

use crate::harness::Site;

#[test]
fn the_output_may_not_be_the_root_content_or_a_parent() {
    let site = Site::fixture("basic");
    let before = site.snapshot("");
    for (out, why) in [
        (".", "the site's own folder"),
        ("content", "inside the site's `content` folder"),
        ("content/x", "inside the site's `content` folder"),
        ("..", "contains the site's sources"),
    ] {
        let run = site.run(&["build", "--output", out]);
        run.assert_fails_with(&[why]);
        assert!(
            site.snapshot("") == before,
            "--output {out}: the site's folder changed"
        );
    }
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

/// Everything in `dir` whose name marks it as a build's leftover.
fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".public."))
        .collect()
}

/// A build killed with SIGKILL while it writes its pages: `public/` is as it was, and the
/// next build succeeds and removes what the killed one left.
#[cfg(unix)]
#[test]
fn a_build_killed_while_it_writes_leaves_public_as_it_was() {
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};

    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = site.snapshot("public");
    // Enough pages that writing them takes a while: two per resolution, and their lists.
    for n in 1..=3000 {
        site.write(
            &format!("content/many/{n}.en.md"),
            format!("---\nsymbol: A/RES/75/{n}\nlang: en\ntitle: Resolution {n}\nadopted: 2020-12-07\nsubjects: [s{}]\n---\nThe General Assembly,\n\nRecalling its resolution 74/{n},\n\n1. Decides to remain seized of the matter.\n", n % 50),
        );
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_plenary"))
        .arg("build")
        .current_dir(&site.root)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    // Wait until the build has written pages into its staging folder, then kill it.
    let staging = loop {
        let found = std::fs::read_dir(&site.root)
            .unwrap()
            .filter_map(Result::ok)
            .map(|e| e.path())
            .find(|p| {
                p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(".public.staging-"))
                    && p.join("en").exists()
            });
        if let Some(dir) = found {
            break dir;
        }
        assert!(
            child.try_wait().unwrap().is_none(),
            "the build ended before it could be killed"
        );
        assert!(
            started.elapsed() < Duration::from_secs(300),
            "no staging folder appeared"
        );
        std::thread::sleep(Duration::from_millis(2));
    };
    child.kill().unwrap();
    let status = child.wait().unwrap();
    assert!(!status.success(), "the build finished before the kill");
    assert_eq!(
        site.snapshot("public"),
        before,
        "public/ changed under a killed build"
    );
    assert!(staging.exists(), "the killed build left its staging folder");

    site.build().assert_ok();
    assert!(site.exists("public/en/A/RES/75/999/index.html"));
    assert!(site.exists("public/en/A/RES/3000(LXXV)/index.html"));
    assert_eq!(leftovers(&site.root), Vec::<String>::new());
}

/// A disk that fills up while the site is written: a real, small file system (tmpfs) in a
/// private mount namespace, so nothing outside the test sees it. Needs root, as CI has.
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_fails_the_build_and_keeps_public() {
    use std::process::Command;

    let site = Site::fixture("basic");
    let whoami = Command::new("id").arg("-u").output().unwrap();
    if String::from_utf8_lossy(&whoami.stdout).trim() != "0" {
        eprintln!("skipped: mounting a small file system needs root");
        return;
    }
    // How much one copy of the site takes on tmpfs, which stores files in 4 KiB pages.
    site.build().assert_ok();
    let one_copy: usize = site
        .snapshot("public")
        .values()
        .map(|b| b.len().div_ceil(4096).max(1) * 4096)
        .sum();
    std::fs::remove_dir_all(site.root.join("public")).unwrap();
    let work = site.root.parent().unwrap();
    let disk = work.join("disk");
    let seen = work.join("seen");
    std::fs::create_dir_all(&disk).unwrap();
    std::fs::create_dir_all(&seen).unwrap();
    // Room for the first build, not for a second one beside it.
    let size = one_copy + one_copy / 2;
    let script = r#"set -e
mount -t tmpfs -o "size=$SIZE" tmpfs "$DISK"
"$PLENARY" build --root "$SITE" --output "$DISK/public" > "$SEEN/first" 2>&1
cp -a "$DISK/public" "$SEEN/before"
set +e
"$PLENARY" build --root "$SITE" --output "$DISK/public" > "$SEEN/second" 2>&1
echo $? > "$SEEN/code"
cp -a "$DISK/public" "$SEEN/after"
ls -A "$DISK" > "$SEEN/listing"
"#;
    let out = Command::new("unshare")
        .args(["--mount", "--propagation", "private", "sh", "-c", script])
        .env("SIZE", size.to_string())
        .env("DISK", &disk)
        .env("SEEN", &seen)
        .env("SITE", &site.root)
        .env("PLENARY", env!("CARGO_BIN_EXE_plenary"))
        .output()
        .expect("unshare");
    let read = |name: &str| std::fs::read_to_string(seen.join(name)).unwrap_or_default();
    assert!(
        out.status.success(),
        "{}\nfirst build: {}",
        String::from_utf8_lossy(&out.stderr),
        read("first")
    );
    let second = read("second");
    assert_eq!(read("code").trim(), "1", "{second}");
    assert!(
        second.contains("error: cannot write: ") && second.contains("No space left on device"),
        "{second}"
    );
    assert!(second.contains("hint: check free disk space"), "{second}");
    assert!(second.contains("nothing was written"), "{second}");
    assert!(
        second.matches("No space left on device").count() <= 2,
        "a full disk is reported once per thread, not once per page:\n{second}"
    );
    let tree = |dir: &str| {
        let root = seen.join(dir);
        walkdir::WalkDir::new(&root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                (
                    e.path().strip_prefix(&root).unwrap().to_path_buf(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    assert!(!tree("before").is_empty());
    assert_eq!(tree("before"), tree("after"), "public/ changed");
    assert_eq!(
        read("listing").trim(),
        "public",
        "a staging folder was left"
    );
}
