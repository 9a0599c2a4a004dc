//! The plain text of each paragraph of a body, by its anchor: the chapeau, every
//! preambular and operative paragraph, every footnote. Read from the same comrak tree the
//! HTML is written from, so that two versions of a resolution can be compared paragraph
//! by paragraph without parsing their HTML.

use comrak::nodes::{AstNode, NodeValue};

use super::anchors::{Anchor, Anchors, key};

/// Which paragraph of a resolution a text is.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    Chapeau,
    Preambular(u32),
    Operative(u32),
    /// A footnote: its number as shown (`n`) and its name in the source, which its id
    /// (`fn-NAME`) is made of.
    Footnote {
        n: u32,
        name: String,
    },
}

impl Place {
    /// The element id of the paragraph in the resolution's page; the chapeau has none.
    pub fn id(&self) -> Option<String> {
        match self {
            Place::Chapeau => None,
            Place::Preambular(n) => Some(format!("pp-{n}")),
            Place::Operative(n) => Some(format!("op-{n}")),
            Place::Footnote { name, .. } => Some(format!("fn-{name}")),
        }
    }
}

/// One paragraph's text: inline markup dropped, footnote marks left out, runs of spaces
/// made one, and the blocks inside it (an operative paragraph's subparagraphs) on lines
/// of their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    pub place: Place,
    pub text: String,
}

/// Every anchored paragraph and footnote of a parsed body, in order.
pub fn collect<'a>(root: &'a AstNode<'a>, anchors: &Anchors) -> Vec<Passage> {
    let mut out = Vec::new();
    let mut footnotes = 0;
    for child in root.children() {
        match &child.data().value {
            NodeValue::Paragraph => {
                let place = match anchors.get(&key(child)) {
                    Some(Anchor::Chapeau) => Place::Chapeau,
                    Some(Anchor::Preambular(n)) => Place::Preambular(*n),
                    _ => continue,
                };
                out.push(Passage {
                    place,
                    text: text_of(child),
                });
            }
            NodeValue::List(_) => {
                for item in child.children() {
                    if let Some(Anchor::Operative(n)) = anchors.get(&key(item)) {
                        out.push(Passage {
                            place: Place::Operative(*n),
                            text: text_of(item),
                        });
                    }
                }
            }
            NodeValue::FootnoteDefinition(f) => {
                footnotes += 1;
                out.push(Passage {
                    place: Place::Footnote {
                        n: footnotes,
                        name: f.name.clone(),
                    },
                    text: text_of(child),
                });
            }
            _ => {}
        }
    }
    out
}

fn text_of<'a>(node: &'a AstNode<'a>) -> String {
    let mut raw = String::new();
    write_text(node, &mut raw);
    raw.lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

fn write_text<'a>(node: &'a AstNode<'a>, out: &mut String) {
    for child in node.children() {
        let value = &child.data().value;
        match value {
            NodeValue::Text(t) => out.push_str(t),
            NodeValue::Code(c) => out.push_str(&c.literal),
            NodeValue::HtmlInline(h) => out.push_str(h),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            NodeValue::FootnoteReference(_) => {}
            _ if value.block() => {
                if !out.is_empty() && !out.ends_with('\n') {
                    out.push('\n');
                }
                write_text(child, out);
                out.push('\n');
            }
            _ => write_text(child, out),
        }
    }
}
