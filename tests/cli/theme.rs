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
}
