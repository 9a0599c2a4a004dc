//! Paragraph anchors: `pp-N` for preambular paragraphs, `op-N` for operative ones.

use std::collections::HashMap;

use comrak::nodes::{AstNode, ListType, NodeValue};

/// The role a top-level block plays in a resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// "The General Assembly," — the subject of every paragraph that follows.
    Chapeau,
    Preambular(u32),
    Operative(u32),
}

impl Anchor {
    /// The HTML id, for paragraphs that have one.
    pub fn id(self) -> Option<String> {
        match self {
            Anchor::Chapeau => None,
            Anchor::Preambular(n) => Some(format!("pp-{n}")),
            Anchor::Operative(n) => Some(format!("op-{n}")),
        }
    }
}

/// Anchors by node address (nodes live in one arena for one render).
pub type Anchors = HashMap<usize, Anchor>;

pub fn key(node: &AstNode<'_>) -> usize {
    node as *const AstNode<'_> as usize
}

/// Numbers the paragraphs of a resolution. Preambular paragraphs are the top-level
/// paragraphs before the operative list; operative paragraphs are the items of the
/// top-level ordered lists, numbered as the text numbers them. An annex heading (`#`,
/// `##`) starts an annex, where nothing more is numbered; a section heading (`###` and
/// below, "I. Implementation of the Convention") leaves the numbering going on.
pub fn plan<'a>(root: &'a AstNode<'a>) -> (Anchors, u32, u32) {
    let mut anchors = Anchors::new();
    let (mut pp, mut op) = (0u32, 0u32);
    let mut first_block = true;
    for child in root.children() {
        let value = child.data().value.clone();
        match value {
            NodeValue::Heading(heading) if heading.level <= 2 => break,
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

/// The anchor of the paragraph a node stands in: its own, or its nearest ancestor's.
pub fn enclosing<'a>(anchors: &Anchors, node: &'a AstNode<'a>) -> Option<Anchor> {
    node.ancestors().find_map(|n| anchors.get(&key(n)).copied())
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
