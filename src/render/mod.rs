//! Markdown → HTML for resolution bodies, with comrak: footnotes, tables, strikethrough,
//! a stable anchor on every preambular (`pp-N`) and operative (`op-N`) paragraph, and
//! every citation turned into a link.

pub mod anchors;
pub mod links;
pub mod packed;
pub mod paragraphs;
pub mod sanitize;

use std::collections::HashMap;
use std::fmt::Write;

use comrak::nodes::NodeValue;
use comrak::{Arena, Options, create_formatter, html};

use crate::cite::graph::Found;
use crate::model::{Lang, Organ};
use anchors::{Anchor, Anchors, key};
pub use links::{Href, Linker, Problem};
pub use packed::{Html, Texts};
pub use paragraphs::{Passage, Place};

/// What a body is rendered with.
pub struct Context<'a> {
    pub options: RenderOptions,
    /// The body's language, for reading its citations.
    pub lang: Lang,
    /// The organ that adopted it: "its resolution" is that organ's.
    pub organ: Organ,
    pub linker: &'a dyn Linker,
    /// How paragraph anchors are announced, in the body's language.
    pub labels: &'a AnchorLabels,
}

/// Accessible names of paragraph anchors, with `{n}` for the number:
/// "Preambular paragraph {n}", "Operative paragraph {n}".
#[derive(Debug, Clone)]
pub struct AnchorLabels {
    pub preambular: String,
    pub operative: String,
    /// The footnote back-link: "Back to reference {n}".
    pub footnote_back: String,
    /// The link beside a heading, before the heading's text: "Link to heading".
    pub heading_link: String,
}

impl Default for AnchorLabels {
    fn default() -> Self {
        AnchorLabels {
            preambular: "Preambular paragraph {n}".into(),
            operative: "Operative paragraph {n}".into(),
            footnote_back: FOOTNOTE_BACK.into(),
            heading_link: HEADING_LINK.into(),
        }
    }
}

/// comrak's own name for footnote back-links, in English.
const FOOTNOTE_BACK: &str = "Back to reference {n}";

/// comrak's own name for the link beside a heading, in English.
const HEADING_LINK: &str = "Link to heading";

/// Puts the names of the links beside headings into the body's language: comrak writes
/// `aria-label="Link to heading 'Article 2'"`, which only it can write (a text's quotes
/// are escaped).
fn localise_headings(html: String, label: &str) -> String {
    const WRITTEN: &str = "aria-label=\"Link to heading '";
    if label == HEADING_LINK || !html.contains(WRITTEN) {
        return html;
    }
    let mut name = String::new();
    // Escaping into a String cannot fail.
    let _ = html::escape(&mut name, label);
    html.replace(WRITTEN, &format!("aria-label=\"{name} '"))
}

/// Puts the footnote back-links' names into the body's language.
fn localise_footnotes(html: String, label: &str) -> String {
    static BACK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r#"aria-label="Back to reference (\d+)""#).expect("pattern")
    });
    if label == FOOTNOTE_BACK || !html.contains("footnote-backref") {
        return html;
    }
    BACK.replace_all(&html, |c: &regex::Captures<'_>| {
        let mut name = String::new();
        // Escaping into a String cannot fail.
        let _ = html::escape(&mut name, &label.replace("{n}", &c[1]));
        format!("aria-label=\"{name}\"")
    })
    .into_owned()
}

/// The link that shows a paragraph's anchor on hover and focus.
fn anchor_link(out: &mut dyn Write, id: &str, label: &str, n: u32) -> std::fmt::Result {
    let label = label.replace("{n}", &n.to_string());
    write!(out, "<a class=\"para-anchor\" href=\"#{id}\" aria-label=\"")?;
    html::escape(out, &label)?;
    out.write_str("\"><span aria-hidden=\"true\">¶</span></a>")
}

/// A linker that links nothing, for rendering without an archive.
pub struct Unlinked;

impl Linker for Unlinked {
    fn href(&self, _: &crate::cite::Target, _: Option<u32>, _: Lang) -> Option<Href> {
        None
    }
}

/// What the formatter needs beyond the tree: paragraph anchors and citation links.
#[derive(Default)]
struct Marks {
    anchors: Anchors,
    hrefs: HashMap<usize, Href>,
    labels: AnchorLabels,
}

/// How bodies are rendered, from the site's settings.
#[derive(Debug, Clone, Copy, Default)]
pub struct RenderOptions {
    /// Pass raw HTML through instead of escaping it.
    pub raw_html: bool,
}

/// A rendered body.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub html: Html,
    /// How many preambular and operative paragraphs got anchors.
    pub preambular: u32,
    pub operative: u32,
    /// Every citation in the body, with the paragraph it stands in.
    pub citations: Vec<Found>,
    /// Placeholders that could not be resolved, and the like; lines are the body's.
    pub problems: Vec<Problem>,
    /// The places of the chapeau, every numbered paragraph and every footnote, in order,
    /// and their plain texts, for comparing versions.
    places: Vec<Place>,
    passages: Texts,
    /// The ids of the text's blocks in reading order, and their plain texts, for open
    /// data and search.
    ids: Vec<Option<String>>,
    paragraphs: Texts,
}

impl Body {
    /// The plain text of the chapeau, every numbered paragraph and every footnote, in
    /// order, for comparing versions.
    pub fn passages(&self) -> Vec<Passage> {
        self.places
            .iter()
            .cloned()
            .zip(self.passages.unpack())
            .map(|(place, text)| Passage { place, text })
            .collect()
    }

    /// The plain text of the paragraph whose element id is `anchor` (`pp-3`, `fn-1`).
    pub fn passage(&self, anchor: &str) -> Option<String> {
        let k = self
            .places
            .iter()
            .position(|p| p.id().as_deref() == Some(anchor))?;
        self.passages.unpack().into_iter().nth(k)
    }

    /// The text as plain text, block by block in reading order, for open data.
    pub fn paragraphs(&self) -> Vec<Paragraph> {
        self.ids
            .iter()
            .cloned()
            .zip(self.paragraphs.unpack())
            .map(|(id, text)| Paragraph { id, text })
            .collect()
    }

    /// The bytes held by the plain texts.
    pub fn texts_held(&self) -> usize {
        let ids: usize = self.ids.iter().flatten().map(String::len).sum();
        self.passages.held() + self.paragraphs.held() + ids
    }
}

/// A block of a body as plain text: a paragraph, an operative paragraph with its
/// subparagraphs, a heading, a list item, a table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// `pp-N` or `op-N`, for the paragraphs that have an anchor.
    pub id: Option<String>,
    pub text: String,
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

create_formatter!(ResolutionHtml<Marks>, {
    NodeValue::Paragraph => |context, node, entering| {
        match context.user.anchors.get(&key(node)).copied() {
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
                    let label = context.user.labels.preambular.clone();
                    anchor_link(context, &format!("pp-{n}"), &label, n)?;
                } else {
                    context.write_str("</p>\n")?;
                }
            }
            _ => return html::format_node_default(context, node, entering),
        }
    },
    NodeValue::Link(_) => |context, node, entering| {
        let Some(href) = context.user.hrefs.get(&key(node)).cloned() else {
            return html::format_node_default(context, node, entering);
        };
        if entering {
            context.write_str("<a href=\"")?;
            context.escape_href(&href.url)?;
            context.write_str("\" class=\"cite")?;
            if href.external {
                context.write_str(" external")?;
            }
            context.write_str("\"")?;
            if let Some(lang) = href.hreflang {
                write!(context, " hreflang=\"{}\"", lang.code())?;
            }
            context.write_str(">")?;
        } else {
            context.write_str("</a>")?;
        }
    },
    NodeValue::Item(_) => |context, node, entering| {
        match context.user.anchors.get(&key(node)).copied() {
            Some(Anchor::Operative(n)) => {
                if entering {
                    context.cr()?;
                    write!(context, "<li id=\"op-{n}\" class=\"op\" value=\"{n}\">")?;
                    let label = context.user.labels.operative.clone();
                    anchor_link(context, &format!("op-{n}"), &label, n)?;
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
pub fn render_body(markdown: &str, ctx: &Context<'_>) -> Body {
    let options = comrak_options(ctx.options);
    let arena = Arena::new();
    let root = comrak::parse_document(&arena, markdown, &options);
    let (anchors, preambular, operative) = anchors::plan(root);
    let paragraphs = plain_paragraphs(root, &anchors);
    let linked = links::Pass {
        lang: ctx.lang,
        organ: ctx.organ,
        linker: ctx.linker,
    }
    .run(&arena, root, &anchors);
    let passages = paragraphs::collect(root, &anchors);
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    let marks = Marks {
        anchors,
        hrefs: linked.hrefs,
        labels: ctx.labels.clone(),
    };
    // Writing to a String cannot fail.
    let _ = ResolutionHtml::format_document(root, &options, &mut out, marks);
    let html = localise_footnotes(out, &ctx.labels.footnote_back);
    let html = localise_headings(html, &ctx.labels.heading_link);
    Body {
        html: Html::Plain(if ctx.options.raw_html {
            sanitize::clean(&html)
        } else {
            html
        }),
        preambular,
        operative,
        citations: linked.found,
        problems: linked.problems,
        ids: paragraphs.iter().map(|p| p.id.clone()).collect(),
        paragraphs: Texts::pack(&paragraphs.iter().map(|p| &p.text).collect::<Vec<_>>()),
        places: passages.iter().map(|p| p.place.clone()).collect(),
        passages: Texts::pack(&passages.iter().map(|p| &p.text).collect::<Vec<_>>()),
    }
}

/// The top-level blocks as plain text; each item of a top-level list is a block of its
/// own, so that every operative paragraph stands alone with its id.
fn plain_paragraphs<'a>(root: &'a comrak::nodes::AstNode<'a>, anchors: &Anchors) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut push = |node: &'a comrak::nodes::AstNode<'a>| {
        let mut text = String::new();
        plain_text(node, &mut text);
        let text = text.trim().to_string();
        if !text.is_empty() {
            out.push(Paragraph {
                id: anchors.get(&key(node)).and_then(|a| a.id()),
                text,
            });
        }
    };
    for child in root.children() {
        if matches!(child.data().value, NodeValue::List(_)) {
            child.children().for_each(&mut push);
        } else {
            push(child);
        }
    }
    out
}

/// Appends the text of a node: inline breaks become spaces, blocks start new lines,
/// table cells are separated by tabs.
fn plain_text<'a>(node: &'a comrak::nodes::AstNode<'a>, out: &mut String) {
    let new_line = |out: &mut String| {
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
    };
    for child in node.children() {
        match &child.data().value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::HtmlInline(h) => out.push_str(h),
            NodeValue::SoftBreak => out.push(' '),
            NodeValue::LineBreak => out.push('\n'),
            NodeValue::FootnoteReference(r) => {
                out.push('[');
                out.push_str(&r.name);
                out.push(']');
            }
            NodeValue::CodeBlock(c) => {
                new_line(out);
                out.push_str(c.literal.trim_end());
            }
            NodeValue::HtmlBlock(h) => {
                new_line(out);
                out.push_str(h.literal.trim_end());
            }
            NodeValue::TableCell => {
                if child.previous_sibling().is_some() {
                    out.push('\t');
                }
                plain_text(child, out);
            }
            value if value.block() => {
                new_line(out);
                plain_text(child, out);
            }
            _ => plain_text(child, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(md: &str, options: RenderOptions) -> Body {
        let ctx = Context {
            options,
            lang: Lang::En,
            organ: Organ::GeneralAssembly,
            linker: &Unlinked,
            labels: &AnchorLabels::default(),
        };
        render_body(md, &ctx)
    }

    fn html(md: &str) -> String {
        render(md, RenderOptions::default())
            .html
            .text()
            .into_owned()
    }

    /// The link beside a heading is named in the body's language, never in comrak's
    /// English.
    #[test]
    fn the_link_beside_a_heading_is_named_in_the_body_language() {
        let labels = AnchorLabels {
            heading_link: "Lien vers le titre".into(),
            ..AnchorLabels::default()
        };
        let ctx = Context {
            options: RenderOptions::default(),
            lang: Lang::Fr,
            organ: Organ::GeneralAssembly,
            linker: &Unlinked,
            labels: &labels,
        };
        let html = render_body("## Article premier\n\nTexte.\n", &ctx)
            .html
            .text()
            .into_owned();
        assert!(
            html.contains("aria-label=\"Lien vers le titre 'Article premier'\""),
            "{html}"
        );
        assert!(!html.contains("Link to heading"), "{html}");
    }

    #[test]
    fn paragraphs_are_kept_as_plain_text_with_their_ids() {
        let b = render(
            "The General Assembly,\n\n*Recalling* its resolution\n65/230,\n\n1. Decides `a`;\n   (a) first;\n\n   (b) second;\n2. Requests b[^1];\n\n# Annex\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n[^1]: A note.\n",
            RenderOptions::default(),
        );
        let paragraphs = b.paragraphs();
        let p: Vec<(Option<&str>, &str)> = paragraphs
            .iter()
            .map(|p| (p.id.as_deref(), p.text.as_str()))
            .collect();
        assert_eq!(
            p,
            [
                (None, "The General Assembly,"),
                (Some("pp-1"), "Recalling its resolution 65/230,"),
                (Some("op-1"), "Decides a; (a) first;\n(b) second;"),
                (Some("op-2"), "Requests b[1];"),
                (None, "Annex"),
                (None, "x\ty\n1\t2"),
                (None, "A note."),
            ]
        );
    }

    #[test]
    fn paragraphs_get_stable_ids() {
        let b = render(
            "The General Assembly,\n\nRecalling x,\n\nNoting y,\n\n1. Decides a;\n2. Requests b;\n\n56th plenary meeting\n",
            RenderOptions::default(),
        );
        assert!(
            b.html
                .text()
                .contains("<p class=\"chapeau\">The General Assembly,</p>"),
            "{}",
            b.html.text()
        );
        let pp1 = "<p id=\"pp-1\" class=\"pp\"><a class=\"para-anchor\" href=\"#pp-1\" aria-label=\"Preambular paragraph 1\"><span aria-hidden=\"true\">¶</span></a>Recalling x,</p>";
        assert!(b.html.text().contains(pp1), "{}", b.html.text());
        assert!(b.html.text().contains("<p id=\"pp-2\" class=\"pp\">"));
        let op1 = "<li id=\"op-1\" class=\"op\" value=\"1\"><a class=\"para-anchor\" href=\"#op-1\" aria-label=\"Operative paragraph 1\">";
        assert!(b.html.text().contains(op1));
        assert!(b.html.text().contains("<li id=\"op-2\""));
        assert!(b.html.text().contains("<p>56th plenary meeting</p>"));
        assert_eq!((b.preambular, b.operative), (2, 2));
    }

    #[test]
    fn paragraph_texts_come_with_their_places() {
        let b = render(
            "The General Assembly,\n\n*Recalling* its resolution 78/21 of 4 December 2023,[^1]\n\nNoting `x`,\n\n1. Decides:\n\n   (a) To do;\n\n   (b) To  see;\n2. Requests b;\n\n[^1]: See A/78/407.\n",
            RenderOptions::default(),
        );
        let passages = b.passages();
        let got: Vec<(Option<String>, &str)> = passages
            .iter()
            .map(|p| (p.place.id(), p.text.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (None, "The General Assembly,"),
                (
                    Some("pp-1".into()),
                    "Recalling its resolution 78/21 of 4 December 2023,"
                ),
                (Some("pp-2".into()), "Noting x,"),
                (Some("op-1".into()), "Decides:\n(a) To do;\n(b) To see;"),
                (Some("op-2".into()), "Requests b;"),
                (Some("fn-1".into()), "See A/78/407."),
            ]
        );
        assert_eq!(
            b.passage("op-1").as_deref(),
            Some("Decides:\n(a) To do;\n(b) To see;")
        );
        assert_eq!(b.passage("op-3"), None);
        assert_eq!(passages[0].place, Place::Chapeau);
        assert_eq!(
            passages[5].place,
            Place::Footnote {
                n: 1,
                name: "1".into()
            }
        );
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
    fn section_headings_leave_the_numbering_going_on() {
        // A/RES/78/69: "I" / "Implementation of the Convention …" before paragraph 1.
        let h = html(
            "Recalling x,\n\n### I Implementation of the Convention\n\n1. Reaffirms;\n\n### II Capacity-building\n\n2. Calls;\n\n## Annex\n\n1. Article one\n",
        );
        assert_eq!(h.matches("id=\"pp-").count(), 1);
        assert!(h.contains("<li id=\"op-1\"") && h.contains("<li id=\"op-2\""));
        assert_eq!(h.matches("id=\"op-").count(), 2);
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
        let h = render("<b>bold</b>\n", RenderOptions { raw_html: true })
            .html
            .text()
            .into_owned();
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
