//! Markdown → HTML for resolution bodies, with comrak: footnotes, tables, strikethrough,
//! and a stable anchor on every preambular (`pp-N`) and operative (`op-N`) paragraph.

use std::collections::HashMap;
use std::fmt::Write;

use comrak::nodes::{AstNode, ListType, NodeValue};
use comrak::{Arena, Options, create_formatter, html};

/// How bodies are rendered, from the site's settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Pass raw HTML through instead of escaping it.
    pub raw_html: bool,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub html: String,
    /// How many preambular and operative paragraphs got anchors.
    pub preambular: u32,
    pub operative: u32,
}

fn comrak_options(opts: RenderOptions) -> Options<'static> {
    let mut o = Options::default();
    o.extension.footnotes = true;
    o.extension.table = true;
    o.extension.strikethrough = true;
    o.extension.autolink = true;
    o.extension.header_id_prefix = Some(String::new());
    o.render.r#unsafe = opts.raw_html;
    // Escaped rather than dropped: an editor sees what they typed and can fix it.
    o.render.escape = !opts.raw_html;
    o
}

/// The role a top-level block plays in a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Anchor {
    /// "The General Assembly," — the subject of every paragraph that follows.
    Chapeau,
    Preambular(u32),
    Operative(u32),
}

type Anchors = HashMap<usize, Anchor>;

fn key(node: &AstNode<'_>) -> usize {
    node as *const AstNode<'_> as usize
}

/// Numbers the paragraphs of a resolution. Preambular paragraphs are the top-level
/// paragraphs before the operative list; operative paragraphs are the items of the
/// top-level ordered lists, numbered as the text numbers them. A heading starts an annex,
/// where nothing more is numbered.
fn plan_anchors<'a>(root: &'a AstNode<'a>) -> (Anchors, u32, u32) {
    let mut anchors = Anchors::new();
    let (mut pp, mut op) = (0u32, 0u32);
    let mut first_block = true;
    for child in root.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Heading(_) => break,
            NodeValue::Paragraph if op == 0 => {
                if first_block && pp == 0 && is_chapeau(child) {
                    anchors.insert(key(child), Anchor::Chapeau);
                } else {
                    pp += 1;
                    anchors.insert(key(child), Anchor::Preambular(pp));
                }
            }
            NodeValue::List(list) if list.list_type == ListType::Ordered => {
                for (i, item) in child.children().enumerate() {
                    let written = u32::try_from(list.start + i).unwrap_or(u32::MAX);
                    // Keep ids unique even if a list restarts its numbering.
                    op = if written > op { written } else { op + 1 };
                    anchors.insert(key(item), Anchor::Operative(op));
                }
            }
            _ => {}
        }
        first_block = false;
    }
    (anchors, pp, op)
}

fn is_chapeau<'a>(node: &'a AstNode<'a>) -> bool {
    let mut text = String::new();
    for d in node.descendants() {
        if let NodeValue::Text(t) = &d.data().value {
            text.push_str(t);
        }
    }
    let text = text.trim();
    text.chars().count() <= 60
        && text.ends_with([',', '，', '،', ':', '：'])
        && ORGAN_WORDS.iter().any(|w| text.contains(w))
}

/// Words that name the adopting organ in the chapeau ("The General Assembly,", "大会，",
/// "الجمعية العامة،"), in the six languages.
const ORGAN_WORDS: &[&str] = &[
    "Assembly",
    "Council",
    "Assemblée",
    "Conseil",
    "Asamblea",
    "Consejo",
    "Ассамблея",
    "Совет",
    "大会",
    "理事会",
    "الجمعية",
    "مجلس",
];

create_formatter!(ResolutionHtml<Anchors>, {
    NodeValue::Paragraph => |context, node, entering| {
        match context.user.get(&key(node)).copied() {
            Some(Anchor::Chapeau) => {
                if entering {
                    context.cr()?;
                    context.write_str("<p class=\"chapeau\">")?;
                } else {
                    context.write_str("</p>\n")?;
                }
            }
            Some(Anchor::Preambular(n)) => {
                if entering {
                    context.cr()?;
                    write!(context, "<p id=\"pp-{n}\" class=\"pp\">")?;
                } else {
                    context.write_str("</p>\n")?;
                }
            }
            _ => return html::format_node_default(context, node, entering),
        }
    },
    NodeValue::Item(_) => |context, node, entering| {
        match context.user.get(&key(node)).copied() {
            Some(Anchor::Operative(n)) => {
                if entering {
                    context.cr()?;
                    write!(context, "<li id=\"op-{n}\" class=\"op\" value=\"{n}\">")?;
                } else {
                    context.write_str("</li>\n")?;
                }
            }
            _ => return html::format_node_default(context, node, entering),
        }
    },
});

/// Renders a resolution body. comrak's tree is not `Send`, so this runs start to end on
/// one thread; callers parallelise across documents.
pub fn render_body(markdown: &str, opts: RenderOptions) -> Body {
    let options = comrak_options(opts);
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    let (anchors, preambular, operative) = plan_anchors(root);
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    // Writing to a String cannot fail.
    let _ = ResolutionHtml::format_document(root, &options, &mut out, anchors);
    Body {
        html: out,
        preambular,
        operative,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(md: &str) -> String {
        render_body(md, RenderOptions::default()).html
    }

    #[test]
    fn paragraphs_get_stable_ids() {
        let b = render_body(
            "The General Assembly,\n\nRecalling x,\n\nNoting y,\n\n1. Decides a;\n2. Requests b;\n\n56th plenary meeting\n",
            RenderOptions::default(),
        );
        assert!(
            b.html
                .contains("<p class=\"chapeau\">The General Assembly,</p>"),
            "{}",
            b.html
        );
        assert!(
            b.html
                .contains("<p id=\"pp-1\" class=\"pp\">Recalling x,</p>")
        );
        assert!(b.html.contains("<p id=\"pp-2\" class=\"pp\">Noting y,</p>"));
        assert!(
            b.html
                .contains("<li id=\"op-1\" class=\"op\" value=\"1\">Decides a;</li>")
        );
        assert!(b.html.contains("<li id=\"op-2\""));
        assert!(b.html.contains("<p>56th plenary meeting</p>"));
        assert_eq!((b.preambular, b.operative), (2, 2));
    }

    #[test]
    fn operative_numbers_follow_the_text() {
        let h = html("Recalling x,\n\n5. Decides a;\n6. Requests b;\n");
        assert!(h.contains("id=\"pp-1\""));
        assert!(h.contains("<li id=\"op-5\""));
        assert!(h.contains("<li id=\"op-6\""));
    }

    #[test]
    fn annex_paragraphs_are_not_numbered() {
        let h =
            html("Recalling x,\n\n1. Adopts the annex;\n\n## Annex\n\nText.\n\n1. Article one\n");
        assert!(h.contains("<p>Text.</p>"));
        assert_eq!(h.matches("id=\"op-").count(), 1);
    }

    #[test]
    fn nested_paragraphs_and_lists_are_left_alone() {
        let h = html("1. Requests:\n\n   (a) To do;\n\n   - sub\n");
        assert_eq!(h.matches("id=\"op-").count(), 1);
        assert!(!h.contains("id=\"pp-"));
    }

    #[test]
    fn raw_html_is_escaped_unless_allowed() {
        let h = html("Noting <script>alert(1)</script> and [x](javascript:alert(1)),\n");
        assert!(!h.contains("<script>"), "{h}");
        assert!(h.contains("&lt;script&gt;"));
        assert!(!h.contains("javascript:"));
        let h = render_body("<b>bold</b>\n", RenderOptions { raw_html: true }).html;
        assert!(h.contains("<b>bold</b>"));
    }

    #[test]
    fn footnotes_tables_and_strikethrough_render() {
        let h = html("Text[^1] ~~old~~\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[^1]: A note.\n");
        assert!(h.contains("<del>old</del>"));
        assert!(h.contains("<table>"));
        assert!(h.contains("class=\"footnotes\""));
        assert!(h.contains("href=\"#fn-1\""));
    }
}
