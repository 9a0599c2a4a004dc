//! The preview's partial rebuilds must give exactly the site a full build gives.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use plenary::BuildOptions;
use plenary::preview::Preview;

use crate::harness::Site;

/// The base URL of `plenary serve`.
const SERVED: &str = "/";
/// A base URL with a host, for which a build also writes the sitemap and the feeds and
/// puts the URL in citations.
const HOSTED: &str = "https://example.org/archive/";

fn options(root: &Path, output: PathBuf, base_url: &str) -> BuildOptions {
    BuildOptions {
        output: Some(output),
        base_url: Some(base_url.into()),
        live_reload: true,
        ..BuildOptions::new(root)
    }
}

/// Every file below a folder with its bytes: pages, data, citations, feeds, the sitemap,
/// the search index and the static files.
fn files(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

#[test]
fn search_follows_each_save_unless_it_is_too_slow_to_make() {
    use plenary::preview::SearchFollow;
    let site = Site::fixture("basic");
    let root = site.root.canonicalize().unwrap();
    let path = root.join("content/ga/73/187.en.md");
    let text = std::fs::read_to_string(&path).unwrap();
    let index = |dir: &Path| -> BTreeMap<PathBuf, Vec<u8>> {
        files(dir)
            .into_iter()
            .filter(|(p, _)| p.starts_with("search"))
            .collect()
    };

    let out = site.root.parent().unwrap().join("behind");
    let mut preview =
        Preview::new(options(&site.root, out, SERVED)).with_search_budget(Duration::ZERO);
    preview.rebuild().unwrap();
    let before = index(preview.output());
    assert!(!before.is_empty());
    std::fs::write(&path, text.replace("Noting that", "Noting with zeal that")).unwrap();
    preview.update(std::slice::from_ref(&path)).unwrap();
    assert_eq!(preview.follow_search().unwrap(), SearchFollow::Behind);
    assert_eq!(index(preview.output()), before);

    // Quick enough: the index follows the save (same_as_a_full_build compares it too).
    let out = site.root.parent().unwrap().join("following");
    let mut preview = Preview::new(options(&site.root, out, SERVED));
    preview.rebuild().unwrap();
    assert_eq!(preview.follow_search().unwrap(), SearchFollow::Nothing);
    std::fs::write(
        &path,
        text.replace("Noting that", "Noting with vigour that"),
    )
    .unwrap();
    preview.update(std::slice::from_ref(&path)).unwrap();
    assert!(matches!(
        preview.follow_search().unwrap(),
        SearchFollow::Remade(_)
    ));
    assert_ne!(index(preview.output()), before);
    same_as_a_full_build(&site, &mut preview, SERVED, "search");
}

/// Compares every file of the preview's output with a full build of the same options, once
/// the search index has caught up as `serve` lets it.
#[track_caller]
fn same_as_a_full_build(site: &Site, preview: &mut Preview, base_url: &str, step: &str) {
    preview.follow_search().unwrap();
    let fresh = site
        .root
        .parent()
        .unwrap()
        .join(format!("fresh-{}", step.replace(' ', "-")));
    plenary::build(&options(&site.root, fresh.clone(), base_url))
        .unwrap_or_else(|e| panic!("{step}: {e:?}"));
    let (mut want, got) = (files(&fresh), files(preview.output()));
    // The mark that lets a build replace its output folder whole; the preview writes its
    // own folder in place.
    want.remove(Path::new(plenary::output::staging::MARKER));
    let missing: Vec<_> = want.keys().filter(|k| !got.contains_key(*k)).collect();
    let extra: Vec<_> = got.keys().filter(|k| !want.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "{step} ({base_url}): missing {missing:?}, extra {extra:?}"
    );
    let differ: Vec<_> = want
        .iter()
        .filter(|(path, bytes)| got[*path] != **bytes)
        .map(|(path, _)| path)
        .collect();
    assert!(
        differ.is_empty(),
        "{step} ({base_url}): {differ:?} differ from a full build"
    );
}

#[test]
fn every_kind_of_edit_gives_the_full_build() {
    every_kind_of_edit(SERVED);
}

/// The same edits under a host, so that the sitemap, the feeds and the URLs of citations
/// follow each one too.
#[test]
fn every_kind_of_edit_gives_the_full_build_with_a_host() {
    every_kind_of_edit(HOSTED);
}

fn every_kind_of_edit(base_url: &str) {
    let site = Site::fixture("basic");
    let out = site.root.parent().unwrap().join("preview");
    let mut preview = Preview::new(options(&site.root, out, base_url));
    assert!(preview.rebuild().unwrap().full);
    let root = site.root.canonicalize().unwrap();
    let edit = |rel: &str, from: &str, to: &str| {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} lacks {from}");
        std::fs::write(&path, text.replace(from, to)).unwrap();
        vec![path]
    };

    let changed = edit(
        "content/ga/73/187.en.md",
        "Noting that",
        "Noting with concern that",
    );
    let update = preview.update(&changed).unwrap();
    // Only its own page shows the text of a resolution.
    assert!(!update.full && update.pages == 1, "{update:?}");
    same_as_a_full_build(&site, &mut preview, base_url, "body");

    // Saved again unchanged: nothing to render.
    let update = preview.update(&changed).unwrap();
    assert_eq!(update.pages, 0, "{update:?}");

    // A new paragraph moves the anchors that other pages link to.
    let changed = edit(
        "content/ga/73/187.en.md",
        "Noting with concern that",
        "Notes the work done;\n\nNoting with concern that",
    );
    let update = preview.update(&changed).unwrap();
    assert!(!update.full && update.pages > 1, "{update:?}");
    same_as_a_full_build(&site, &mut preview, base_url, "paragraph");

    let changed = edit("content/ga/73/187.zh.md", "title: 打击", "title: 关于打击");
    preview.update(&changed).unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "title");

    site.write(
        "content/ga/73/200.en.md",
        "---\nsymbol: A/RES/73/200\nlang: en\ntitle: A new one\nadopted: 2018-12-20\nsession: 73\nsubjects: [cybercrime, new subject]\n---\nRecalling its resolution 73/187 and paragraph 2 of resolution 73/187,\n\n1. Decides;\n",
    );
    preview
        .update(&[root.join("content/ga/73/200.en.md")])
        .unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "added");

    site.write(
        "content/ga/73/187.fr.md",
        "---\nsymbol: A/RES/73/187\nlang: fr\ntitle: Lutte contre l’utilisation des technologies de l’information et des communications à des fins criminelles\nadopted: 2018-12-17\nsession: 73\n---\nL’Assemblée générale,\n\n1. Prie le Secrétaire général;\n",
    );
    preview
        .update(&[root.join("content/ga/73/187.fr.md")])
        .unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "translation");

    let changed = edit(
        "content/ga/73/200.en.md",
        "subjects: [cybercrime, new subject]",
        "subjects: [cybercrime]",
    );
    preview.update(&changed).unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "subjects");

    // A body that names a predecessor changes the series of both.
    let changed = edit(
        "content/ga/73/200.en.md",
        "Recalling its resolution 73/187",
        "Recalling its resolutions, the most recent of which is resolution 73/187",
    );
    preview.update(&changed).unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "series");
    assert!(
        preview
            .output()
            .join("en/A/RES/73/200/changes/index.html")
            .is_file()
    );

    // The changes page of 73/200 and the series page read the body of its predecessor.
    let changed = edit(
        "content/ga/73/187.en.md",
        "Noting with concern that",
        "Noting with deep concern that",
    );
    let update = preview.update(&changed).unwrap();
    assert!(!update.full && update.pages < 20, "{update:?}");
    same_as_a_full_build(&site, &mut preview, base_url, "predecessor body");

    // The paragraph that recalls the predecessor is where the series reads its history.
    let changed = edit(
        "content/ga/73/200.en.md",
        "Recalling its resolutions, the most",
        "Recalling all its resolutions, the most",
    );
    preview.update(&changed).unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "recalling paragraph");

    let changed = edit(
        "content/ga/73/200.en.md",
        "1. Decides;",
        "1. Decides again;",
    );
    let update = preview.update(&changed).unwrap();
    assert!(!update.full && update.pages < 20, "{update:?}");
    same_as_a_full_build(&site, &mut preview, base_url, "successor body");

    std::fs::remove_file(root.join("content/ga/73/187.en.md")).unwrap();
    preview
        .update(&[root.join("content/ga/73/187.en.md")])
        .unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "removed");

    let changed = edit("content/sc/242.en.md", "S/RES/242(1967)", "S/RES/243(1967)");
    preview.update(&changed).unwrap();
    same_as_a_full_build(&site, &mut preview, base_url, "symbol");
}

#[test]
fn a_bad_edit_changes_nothing_and_its_fix_catches_up() {
    let site = Site::fixture("basic");
    let out = site.root.parent().unwrap().join("preview");
    let mut preview = Preview::new(options(&site.root, out, SERVED));
    preview.rebuild().unwrap();
    let root = site.root.canonicalize().unwrap();
    let path = root.join("content/ga/73/187.en.md");
    let good = std::fs::read_to_string(&path).unwrap();
    std::fs::write(
        &path,
        good.replace("adopted: 2018-12-17", "adopted: 2018-13-17"),
    )
    .unwrap();
    let problems = preview.update(std::slice::from_ref(&path)).unwrap_err();
    assert!(
        problems[0]
            .to_string()
            .contains("content/ga/73/187.en.md:5:10"),
        "{}",
        problems[0]
    );
    std::fs::write(
        &path,
        good.replace("title: Countering", "title: On countering"),
    )
    .unwrap();
    preview.update(std::slice::from_ref(&path)).unwrap();
    same_as_a_full_build(&site, &mut preview, SERVED, "fixed");
}
