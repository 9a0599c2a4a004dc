use crate::harness::Site;

#[test]
fn a_resolution_page_is_written_at_its_symbol_url_with_its_metadata() {
    let site = Site::fixture("basic");
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stdout.starts_with("built 4 resolutions into "),
        "{}",
        run.stdout
    );
    let zh = site.page("zh/A/RES/73/187/index.html");
    assert!(zh.contains(r#"<html lang="zh" dir="ltr">"#));
    assert!(zh.contains("<h1>打击为犯罪目的使用信息和通信技术行为</h1>"));
    assert!(
        zh.contains("2018 年 12 月 17 日"),
        "adoption date in the Chinese form"
    );
    assert!(
        zh.contains("第73届会议"),
        "the session as the UN names it in Chinese"
    );
    assert!(zh.contains("第 56 次全体会议"));
    assert!(zh.contains("第三委员会"));
    assert!(zh.contains("A/73/590"));
    assert!(zh.contains("94 票赞成、59 票反对、33 票弃权"));
    assert!(zh.contains(r#"href="/zh/agenda-items/ga-73-109/""#));
}

#[test]
fn paragraphs_carry_stable_ids() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let zh = site.page("zh/A/RES/73/187/index.html");
    for id in ["pp-1", "pp-2", "op-1", "op-2", "op-3"] {
        assert!(zh.contains(&format!("id=\"{id}\"")), "{id} missing");
    }
    assert!(
        !zh.contains("id=\"pp-3\""),
        "the chapeau is not a preambular paragraph"
    );
    assert!(zh.contains(r#"<p class="chapeau">大会，</p>"#));
    assert!(zh.contains(r##"href="#fn-1""##), "footnote reference");
}

#[test]
fn language_versions_link_to_each_other() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let zh = site.page("zh/A/RES/73/187/index.html");
    assert!(zh.contains(r#"<link rel="alternate" hreflang="en" href="/en/A/RES/73/187/">"#));
    assert!(zh.contains(r#"<a href="/en/A/RES/73/187/" hreflang="en""#));
    // French is a language of the site but not of this resolution: shown, not linked.
    assert!(zh.contains(r#"<span class="unavailable" lang="fr""#));
    assert!(!zh.contains("/fr/A/RES/73/187/"));
    let neutral = site.page("A/RES/73/187/index.html");
    assert!(
        neutral.contains(r#"href="/zh/A/RES/73/187/""#)
            && neutral.contains(r#"href="/en/A/RES/73/187/""#)
    );
}

#[test]
fn every_symbol_form_gets_a_folder_url() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let sc = site.page("en/S/RES/242(1967)/index.html");
    assert!(
        sc.contains("<p class=\"symbol\" dir=\"ltr\">S/RES/242 (1967)</p>"),
        "canonical symbol shown"
    );
    assert!(sc.contains("Adopted without a vote"));
    let old = site.page("fr/A/RES/2625(XXV)/index.html");
    assert!(old.contains("24 octobre 1970"));
    assert!(old.contains("XXV"));
}

#[test]
fn markup_in_content_and_front_matter_is_escaped() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let page = site.page("fr/A/RES/2625(XXV)/index.html");
    assert!(
        !page.contains("<script>"),
        "a <script> from content reached the page"
    );
    assert!(!page.contains("<img src=x"));
    assert!(
        page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;&#x2f;script&gt;")
            || page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
    );
}

#[test]
fn homes_and_indexes_exist_in_every_language_of_the_site() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let root = site.page("index.html");
    for lang in ["zh", "en", "fr"] {
        assert!(
            root.contains(&format!("href=\"/{lang}/\"")),
            "root links to /{lang}/"
        );
        site.page(&format!("{lang}/index.html"));
        site.page(&format!("{lang}/sessions/index.html"));
        site.page(&format!("{lang}/subjects/index.html"));
    }
    assert!(
        !site.exists("public/ar/index.html"),
        "Arabic is not a language of this site"
    );
    let session = site.page("en/sessions/ga-73/index.html");
    assert!(session.contains(r#"href="/en/A/RES/73/187/""#));
    let old_session = site.page("en/sessions/ga-25/index.html");
    assert!(old_session.contains("2625 (XXV)"));
    // A resolution without an English version is listed in the language it has.
    assert!(old_session.contains(r#"href="/fr/A/RES/2625(XXV)/" hreflang="fr""#));
    let subject = site.page("zh/subjects/computer-crimes/index.html");
    assert!(subject.contains(r#"href="/zh/A/RES/73/187/""#));
    site.page("en/years/1967/index.html");
    site.page("en/committees/third-committee/index.html");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    assert!(!site.exists("public/en/A/RES/2626(XXV)/index.html"));
    site.run(&["build", "--drafts"]).assert_ok();
    assert!(site.exists("public/en/A/RES/2626(XXV)/index.html"));
}

#[test]
fn unknown_front_matter_keys_reach_templates() {
    let site = Site::fixture("basic");
    site.write(
        "themes/t/templates/resolution.html",
        "{% extends \"base.html\" %}{% block content %}<p class=x>{{ page.extra.note_interne }}</p>{% endblock %}",
    );
    site.write("site.toml", "theme = \"t\"\nlanguages = [\"fr\"]\n");
    site.build().assert_ok();
    assert!(
        site.page("fr/A/RES/2625(XXV)/index.html")
            .contains("<p class=x>gardée pour les gabarits</p>")
    );
}

#[test]
fn a_base_url_prefixes_every_link() {
    let site = Site::fixture("basic");
    site.run(&["build", "--base-url", "https://example.org/archive/"])
        .assert_ok();
    let page = site.page("en/A/RES/73/187/index.html");
    assert!(page.contains(r#"href="/archive/style.css""#));
    assert!(page.contains(r#"href="/archive/zh/A/RES/73/187/""#));
    assert!(!page.contains(r#"href="/en/"#));
}

#[test]
fn static_files_are_copied() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    assert!(site.page("extra.css").contains("fixture static file"));
    assert!(site.page("style.css").contains("inset-inline-start"));
}

#[test]
fn check_writes_nothing() {
    let site = Site::fixture("basic");
    let run = site.run(&["check"]);
    run.assert_ok();
    assert!(run.stdout.contains("no errors"));
    assert!(!site.exists("public"));
}

#[test]
fn hidden_and_non_markdown_files_are_ignored() {
    let site = Site::fixture("basic");
    // content/.hidden/x.md is broken and content/README.txt is not a resolution.
    let run = site.build();
    run.assert_ok();
    assert_eq!(
        crate::errors::built_resolutions(&site),
        crate::errors::BASIC_RESOLUTIONS
    );
    assert!(
        !run.stderr.contains(".hidden") && !run.stderr.contains("README"),
        "{}",
        run.stderr
    );
    assert!(!site.exists("public/README.txt") && !site.exists("public/.hidden"));
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_content_are_skipped() {
    let site = Site::fixture("basic");
    site.write("elsewhere/x.md", "---\nsymbol: A/RES/1/1\n---\n");
    std::os::unix::fs::symlink(site.root.join("elsewhere"), site.root.join("content/link"))
        .unwrap();
    std::os::unix::fs::symlink(site.root.join("content"), site.root.join("content/ga/loop"))
        .unwrap();
    let run = site.build();
    run.assert_ok();
    assert!(
        run.stderr.contains(
            "content/link/x.md: warning: skipped: this symlink leads outside the content folder"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/ga/loop: warning: skipped: this symlink points back"),
        "{}",
        run.stderr
    );
}
