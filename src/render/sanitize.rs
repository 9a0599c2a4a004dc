//! Raw HTML from content, let through when a site sets `raw_html = true`, is cleaned with
//! ammonia: scripts and styles with their content, event handlers (`on…=`), `javascript:`
//! and other unsafe URLs, frames, forms and anything else off the allow-list are removed.
//! The allow-list keeps all that plenary's renderer writes itself: paragraph anchors
//! (`id`, `class`, `value`, `aria-label`, `aria-hidden`), citation links (`href`,
//! `hreflang`, `class`), footnotes (`data-footnote*`, `section`) and tables, so the whole
//! body can be cleaned in one pass and only content is changed.

use std::collections::HashSet;
use std::sync::LazyLock;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.add_tags(["section"])
        .add_generic_attributes([
            "id",
            "class",
            "lang",
            "dir",
            "title",
            "aria-label",
            "aria-hidden",
        ])
        .add_generic_attribute_prefixes(["data-footnote"])
        .add_tag_attributes("a", ["hreflang"])
        .add_tag_attributes("li", ["value"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        // No `target` is allowed, so no `rel` is needed; plenary's own links stay as written.
        .link_rel(None)
        .url_schemes(HashSet::from(["http", "https", "mailto"]));
    b
});

/// The body's HTML with everything off the allow-list removed.
pub fn clean(html: &str) -> String {
    CLEANER.clean(html).to_string()
}

#[cfg(test)]
mod tests {
    use crate::cite::Target;
    use crate::model::{Lang, Organ};
    use crate::render::{AnchorLabels, Context, Href, Linker, RenderOptions, render_body};

    struct ToArchive;

    impl Linker for ToArchive {
        fn href(&self, target: &Target, paragraph: Option<u32>, _: Lang) -> Option<Href> {
            let Target::Resolution(s) = target else {
                return None;
            };
            Some(Href {
                url: format!(
                    "/fr/{}/{}",
                    s.path(),
                    paragraph.map_or(String::new(), |n| format!("#op-{n}"))
                ),
                hreflang: Some(Lang::Fr),
                external: false,
            })
        }
    }

    fn render(md: &str, raw_html: bool) -> String {
        let labels = AnchorLabels::default();
        let ctx = Context {
            options: RenderOptions { raw_html },
            lang: Lang::En,
            organ: Organ::GeneralAssembly,
            linker: &ToArchive,
            labels: &labels,
        };
        render_body(md, &ctx).html.text().into_owned()
    }

    const ATTACKS: &str = "The General Assembly,\n\nRecalling <script>alert(1)</script> resolution 65/230,\n\n<img src=x onerror=\"alert(2)\"> <a href=\"javascript:alert(3)\">a</a> <a href=\"JaVaScRiPt:alert(4)\">b</a> [c](javascript:alert(5)) <b onclick=\"alert(6)\" style=\"x\">bold</b> <iframe src=\"https://evil.example\"></iframe> <svg onload=alert(7)></svg> <form action=\"https://evil.example\"><input></form>\n\n<div onmouseover=\"alert(8)\"><style>body{}</style>kept</div>\n";

    #[test]
    fn raw_html_from_content_is_made_inert() {
        let h = render(ATTACKS, true);
        let lower = h.to_lowercase();
        for bad in [
            "<script",
            "alert(1)",
            "onerror",
            "javascript:",
            "onclick",
            "<iframe",
            "onload",
            "<svg",
            "<form",
            "<input",
            "onmouseover",
            "<style",
            "style=",
        ] {
            assert!(!lower.contains(bad), "{bad} survived: {h}");
        }
        assert!(h.contains("<b>bold</b>"), "{h}");
        assert!(h.contains("<div>kept</div>"), "{h}");
        assert!(h.contains("<img src=\"x\">"), "{h}");
    }

    #[test]
    fn the_renderers_own_markup_survives_cleaning() {
        let md = "The General Assembly,\n\nRecalling paragraph 2 of resolution 65/230,[^1]\n\n1. Decides <em>x</em>;\n\n| a | b |\n|:--|--:|\n| 1 | 2 |\n\n[^1]: A note.\n";
        let h = render(md, true);
        for kept in [
            "<p class=\"chapeau\">The General Assembly,</p>",
            "<p id=\"pp-1\" class=\"pp\"><a class=\"para-anchor\" href=\"#pp-1\" aria-label=\"Preambular paragraph 1\"><span aria-hidden=\"true\">¶</span></a>",
            "<a href=\"/fr/A/RES/65/230/#op-2\" class=\"cite\" hreflang=\"fr\">",
            "<li id=\"op-1\" class=\"op\" value=\"1\"><a class=\"para-anchor\" href=\"#op-1\" aria-label=\"Operative paragraph 1\">",
            "<em>x</em>",
            "<th align=\"left\">a</th>",
            "<td align=\"right\">2</td>",
            "<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref=\"\">1</a></sup>",
            "<section class=\"footnotes\" data-footnotes=\"\">",
            "<li id=\"fn-1\">",
            "class=\"footnote-backref\" data-footnote-backref=\"\" data-footnote-backref-idx=\"1\" aria-label=\"Back to reference 1\"",
        ] {
            assert!(h.contains(kept), "lost {kept}:\n{h}");
        }
        // Without raw HTML, the same markup comes from comrak directly.
        let escaped = render(md, false);
        assert!(
            escaped.contains("<a href=\"/fr/A/RES/65/230/#op-2\" class=\"cite\" hreflang=\"fr\">")
        );
    }

    #[test]
    fn escaped_content_is_inert_too() {
        let h = render(ATTACKS, false);
        assert!(!h.contains("<script"), "{h}");
        assert!(!h.contains("<img"), "{h}");
        assert!(!h.contains("<b onclick"), "{h}");
        // Shown as text, which is inert; never as a link.
        assert!(!h.to_lowercase().contains("href=\"javascript:"), "{h}");
        assert!(h.contains("<a href=\"\">c</a>"), "{h}");
        assert!(h.contains("&lt;script&gt;"), "{h}");
    }
}
