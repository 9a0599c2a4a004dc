//! Site themes: overrides, static files, errors that name the template and line.

use crate::harness::Site;

#[test]
fn a_site_theme_overrides_built_in_templates_by_name() {
    let site = Site::fixture("basic");
    site.write("site.toml", "theme = \"plain\"\n");
    site.write(
        "themes/plain/templates/resolution.html",
        "{% extends \"base.html\" %}{% block content %}<h1 class=\"plain\">{{ page.title }}</h1>{{ body }}{% endblock %}",
    );
    site.write("themes/plain/static/plain.css", "/* plain */");
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/187/index.html");
    assert!(page.contains("<h1 class=\"plain\">Countering"));
    assert!(
        page.contains("<nav class=\"lang-switcher\""),
        "base.html still comes from the built-in theme"
    );
    assert!(site.page("plain.css").contains("plain"));
}

#[test]
fn a_template_syntax_error_names_the_file_and_line() {
    let site = Site::fixture("basic");
    site.write("site.toml", "theme = \"broken\"\n");
    site.write(
        "themes/broken/templates/group.html",
        "line one\n{% for x in %}\n",
    );
    site.build()
        .assert_fails_with(&["themes/broken/templates/group.html:2:", "template error"]);
    assert!(!site.exists("public"), "a failed build wrote public/");
}

#[test]
fn a_template_runtime_error_names_the_file_and_line() {
    let site = Site::fixture("basic");
    site.build().assert_ok();
    let before = site.snapshot("public");
    site.write("site.toml", "theme = \"broken\"\n");
    site.write(
        "themes/broken/templates/symbol.html",
        "ok\n{{ symbol|no_such_filter }}\n",
    );
    site.build()
        .assert_fails_with(&["themes/broken/templates/symbol.html:2:", "no_such_filter"]);
    assert_eq!(site.snapshot("public"), before);
}

#[test]
fn a_theme_that_does_not_exist_is_an_error() {
    let site = Site::fixture("basic");
    site.write("site.toml", "theme = \"nowhere\"\n");
    site.build().assert_fails_with(&[
        "the theme `nowhere` does not exist",
        "themes/nowhere/templates",
    ]);
    assert!(!site.exists("public"), "a failed build wrote public/");
}

#[test]
fn every_language_gets_its_lang_dir_dates_and_switcher() {
    let site = Site::sample();
    site.build().assert_ok();
    let expected = [
        ("ar", "rtl", "10 كانون الأول/ديسمبر 1948"),
        ("zh", "ltr", "1948 年 12 月 10 日"),
        ("en", "ltr", "10 December 1948"),
        ("fr", "ltr", "10 décembre 1948"),
        ("ru", "ltr", "10 декабря 1948 года"),
        ("es", "ltr", "10 de diciembre de 1948"),
    ];
    for (lang, dir, date) in expected {
        let page = site.page(&format!("{lang}/A/RES/217A(III)/index.html"));
        assert!(
            page.contains(&format!(r#"<html lang="{lang}" dir="{dir}">"#)),
            "{lang}"
        );
        assert!(page.contains(date), "{lang}: {date}");
        for other in ["ar", "zh", "en", "fr", "ru", "es"] {
            let alternate = format!(
                r#"<link rel="alternate" hreflang="{other}" href="/{other}/A/RES/217A(III)/">"#
            );
            assert!(
                page.contains(&alternate),
                "{lang} lacks the {other} alternate"
            );
        }
        assert!(
            page.contains(&format!(r#"<span aria-current="page" lang="{lang}""#)),
            "{lang}: current language marked"
        );
        // Every other version is one click away in the switcher.
        let switcher = page
            .split("class=\"lang-switcher\"")
            .nth(1)
            .unwrap()
            .split("</nav>")
            .next()
            .unwrap();
        assert_eq!(switcher.matches("<a href=").count(), 5, "{lang}");
    }
    // A page that exists in one language only: the others are shown as unavailable.
    let seed = site.page("zh/A/RES/73/187/index.html");
    assert_eq!(seed.matches(r#"<span class="unavailable""#).count(), 5);
    assert_eq!(seed.matches(r#"rel="alternate" hreflang="#).count(), 1);
}

#[test]
fn the_vote_is_drawn_with_a_text_alternative() {
    let site = Site::sample();
    site.build().assert_ok();
    let page = site.page("en/A/RES/217A(III)/index.html");
    assert!(page.contains(r#"<svg class="vote-bar" viewBox="0 0 100 4" preserveAspectRatio="none" role="img" aria-label="Recorded vote: 48 in favour, 0 against, 8 abstentions""#), "{page}");
    assert!(page.contains(r#"class="in-favour" x="0" y="0" width="85.71428571428571""#));
}

#[test]
fn long_lists_are_paginated() {
    let site = Site::fixture("basic");
    for n in 1..=230 {
        site.write(
            &format!("content/many/{n}.en.md"),
            format!("---\nsymbol: A/RES/75/{n}\nlang: en\ntitle: Resolution {n}\nadopted: 2020-12-07\nsubjects: [many]\n---\nText.\n"),
        );
    }
    site.build().assert_ok();
    let first = site.page("en/subjects/many/index.html");
    assert_eq!(first.matches("<li><a href=\"/en/A/RES/75/").count(), 100);
    assert!(first.contains(r#"<a rel="next" href="/en/subjects/many/page/2/">"#));
    let third = site.page("en/subjects/many/page/3/index.html");
    assert_eq!(third.matches("<li><a href=\"/en/A/RES/75/").count(), 30);
    assert!(third.contains(r#"<a rel="prev" href="/en/subjects/many/page/2/">"#));
    assert!(third.contains(r#"<span aria-current="page">3</span>"#));
    assert!(!site.exists("public/en/subjects/many/page/4/index.html"));
    assert!(
        site.page("fr/subjects/many/page/2/index.html")
            .contains(r#"hreflang="en" href="/en/subjects/many/page/2/""#)
    );
}

#[test]
fn ui_strings_can_be_overridden_by_a_theme() {
    let site = Site::fixture("basic");
    site.write("site.toml", "theme = \"mine\"\n");
    site.write("themes/mine/templates/.keep", "");
    site.write(
        "themes/mine/strings.toml",
        "[en]\nadopted = \"Date of adoption\"\n",
    );
    site.build().assert_ok();
    let page = site.page("en/A/RES/73/187/index.html");
    assert!(page.contains("<dt>Date of adoption</dt>"));
    assert!(page.contains("<dt>Committee</dt>"), "other strings stay");
}
